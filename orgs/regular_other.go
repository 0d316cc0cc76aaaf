//go:build !unix

package orgs

import "os"

// openNonBlocking opens path read-only; systems other than Unix have no FIFO or terminal
// that opening a path could wait on.
func openNonBlocking(path string) (*os.File, error) { return os.Open(path) }

// openOwnNonBlocking opens path read-only; the check before it refused a link.
func openOwnNonBlocking(path string) (*os.File, error) { return os.Open(path) }

// isLinkLoop is false where opening cannot refuse a link.
func isLinkLoop(error) bool { return false }
