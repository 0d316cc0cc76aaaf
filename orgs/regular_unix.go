//go:build unix

package orgs

import (
	"os"
	"syscall"
)

// openNonBlocking opens path read-only without waiting for a FIFO's writer and without
// making a terminal the controlling one.
func openNonBlocking(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK|syscall.O_NOCTTY, 0)
}
