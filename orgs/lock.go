package orgs

import (
	"errors"
	"os"
	"path/filepath"
)

// One dashboard per file keeps a journal. Two on one file overwrote each other's journal, the
// one quitting deleted the other's while it still had unsaved changes, and the second to
// start offered the first one's live work as "from an earlier session". So the journal of a
// file belongs to the dashboard holding an advisory lock (flock) on a lock file beside it:
// the lock goes with its process, however that ends, so a journal found by the next holder
// is always the work of a session that has ended. A dashboard that cannot take the lock
// edits without a journal, and never touches the one it does not own.

// ErrJournalHeld is the error of LockJournal when another process holds the journal.
var ErrJournalHeld = errors.New("another dashboard on this file holds its recovery file")

// LockPath is the hidden lock file beside input that says who keeps its journal.
func LockPath(input string) string {
	return filepath.Join(filepath.Dir(input), "."+filepath.Base(input)+".sretopo-lock")
}

// JournalLock is the held lock on a file's journal; nil holds nothing.
type JournalLock struct {
	f    *os.File
	path string
}

// LockJournal takes the lock on input's journal without waiting: ErrJournalHeld when another
// process holds it, another error when the lock file cannot be made (a directory that is
// not writable, a lock path that is not a regular file, or a symbolic link: ErrLink, left
// alone).
func LockJournal(input string) (*JournalLock, error) {
	p := LockPath(input)
	// by mode, as WriteFile checks it: as root the directory would be written all the same
	if st, err := os.Stat(filepath.Dir(p)); err == nil && st.Mode().Perm()&0o222 == 0 {
		return nil, ErrDirNotWritable
	}
	for range 8 {
		if err := CheckOwnFile(p); err != nil {
			return nil, ownError(p, err)
		}
		f, err := os.OpenFile(p, os.O_RDWR|os.O_CREATE|openNoFollow, 0o600)
		if isLinkLoop(err) {
			return nil, &LinkError{Path: p} // a link planted since the check
		}
		if err != nil {
			return nil, describeOSError(err)
		}
		if err := lockFile(f); err != nil {
			f.Close()
			return nil, err
		}
		// the holder before may have removed the file between our open and our lock, and
		// a third process then locked a new one: hold the lock of the file at the path
		if samePath(f, p) {
			return &JournalLock{f: f, path: p}, nil
		}
		f.Close()
	}
	return nil, ErrJournalHeld
}

// samePath reports whether f is still the file at path.
func samePath(f *os.File, path string) bool {
	a, err := f.Stat()
	if err != nil {
		return false
	}
	b, err := os.Lstat(path)
	return err == nil && os.SameFile(a, b)
}

// Release gives the lock up; with remove, the lock file goes too (a clean end of the
// session), removed while still held so that no other process can hold a lock on it.
func (l *JournalLock) Release(remove bool) {
	if l == nil || l.f == nil {
		return
	}
	if remove && samePath(l.f, l.path) {
		os.Remove(l.path)
	}
	l.f.Close() // closing drops the lock
	l.f = nil
}
