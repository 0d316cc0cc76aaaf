//go:build unix

package orgs

import (
	"errors"
	"os"
	"syscall"
)

// openNoFollow keeps a lock file linked elsewhere from being opened (or created) through
// its link.
const openNoFollow = syscall.O_NOFOLLOW

// lockFile takes an exclusive advisory lock on f without waiting.
func lockFile(f *os.File) error {
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		switch {
		case err == nil:
			return nil
		case errors.Is(err, syscall.EINTR):
			continue
		case errors.Is(err, syscall.EWOULDBLOCK):
			return ErrJournalHeld
		}
		return err
	}
}
