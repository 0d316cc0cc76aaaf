package orgs

import (
	"errors"
	"io/fs"
	"os"
)

// sretopo reads and writes regular files only. A journal linked to /dev/tty stole the
// keystrokes meant for the dashboard, a FIFO named *.toml left the file list waiting forever,
// and a based_on naming a FIFO hung report, diff and the dashboard. So a file is opened
// without blocking (a FIFO with no writer, a terminal, a device all open at once that way),
// and what was opened, not what the path named a moment before, is checked: anything but a
// regular file is closed unread and refused by its type.

// ErrNotRegular is the error of a path that names something other than a regular file.
var ErrNotRegular = errors.New("not a regular file")

// OpenRegular opens path for reading, refusing (with ErrNotRegular, and a message naming what
// it is) anything but a regular file, without ever reading from or waiting on it.
func OpenRegular(path string) (*os.File, error) {
	f, err := openNonBlocking(path)
	if err != nil {
		return nil, describeOSError(err)
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, describeOSError(err)
	}
	if !st.Mode().IsRegular() {
		f.Close()
		return nil, notRegular(st.Mode())
	}
	return f, nil
}

// CheckRegular reports, with the same message as OpenRegular, whether path names something
// that is not a regular file; a path that does not exist is no error (it can be created).
func CheckRegular(path string) error {
	st, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return describeOSError(err)
	}
	if !st.Mode().IsRegular() {
		return notRegular(st.Mode())
	}
	return nil
}

// notRegular names what a mode is, for the refusal of a file that is not a regular one.
func notRegular(mode fs.FileMode) error {
	what := "not a regular file"
	switch {
	case mode.IsDir():
		what = "a directory"
	case mode&fs.ModeNamedPipe != 0:
		what = "a named pipe (FIFO)"
	case mode&fs.ModeSocket != 0:
		what = "a socket"
	case mode&fs.ModeCharDevice != 0:
		what = "a terminal or character device"
	case mode&fs.ModeDevice != 0:
		what = "a device"
	}
	return &notRegularError{what}
}

// notRegularError is ErrNotRegular with what the file is instead.
type notRegularError struct{ what string }

func (e *notRegularError) Error() string { return "is " + e.what + ", not a regular file; refused" }

// Is makes errors.Is(err, ErrNotRegular) hold.
func (e *notRegularError) Is(target error) bool { return target == ErrNotRegular }
