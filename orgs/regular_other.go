//go:build !unix

package orgs

import "os"

// openNonBlocking opens path read-only; systems other than Unix have no FIFO or terminal
// that opening a path could wait on.
func openNonBlocking(path string) (*os.File, error) { return os.Open(path) }
