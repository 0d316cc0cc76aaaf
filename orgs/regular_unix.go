//go:build unix

package orgs

import (
	"errors"
	"os"
	"syscall"
)

// openNonBlocking opens path read-only without waiting for a FIFO's writer and without
// making a terminal the controlling one.
func openNonBlocking(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK|syscall.O_NOCTTY, 0)
}

// openOwnNonBlocking opens path as openNonBlocking does, but fails (ELOOP) on a symbolic
// link instead of opening what it points to.
func openOwnNonBlocking(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK|syscall.O_NOCTTY|syscall.O_NOFOLLOW, 0)
}

// isLinkLoop reports whether err is the refusal of an open without following of a link.
func isLinkLoop(err error) bool { return errors.Is(err, syscall.ELOOP) }
