package orgs

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// The recovery file and the lock file beside an organization are sretopo's own: it names
// them, and nobody else has a reason to put anything there. A hostile repository could,
// though: a symbolic link survives a clone, and a recovery file linked to ~/.bashrc had the
// first edit in the dashboard replace the shell's start-up file with the organization's
// TOML. So a file of our own is never read or written through a link: a link where one of
// them should be is refused with ErrLink (naming the path) and left as it is, and the writes
// that replace one rename a fresh file over the path, which replaces a name and never
// follows one. The temporary files of every save are created exclusively (O_EXCL), which
// no link satisfies either.

// ErrLink is the error of a path where sretopo keeps a file of its own that is a symbolic
// link. errors.Is(err, ErrNotRegular) holds for it too: a link is not a regular file.
var ErrLink = errors.New("is a symbolic link")

// LinkError is ErrLink naming the path of the link.
type LinkError struct{ Path string }

func (e *LinkError) Error() string {
	return e.Path + " is a symbolic link; sretopo never reads or writes its own files through a link, and leaves it alone"
}

// Is makes errors.Is(err, ErrLink) and errors.Is(err, ErrNotRegular) hold.
func (e *LinkError) Is(target error) bool { return target == ErrLink || target == ErrNotRegular }

// CheckOwnFile reports whether path, where sretopo keeps a file of its own, holds something
// it must not touch: a symbolic link (ErrLink, whatever it points to) or anything but a
// regular file (ErrNotRegular). A path that does not exist is no error.
func CheckOwnFile(path string) error {
	st, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return describeOSError(err)
	case st.Mode()&fs.ModeSymlink != 0:
		return &LinkError{Path: path}
	case !st.Mode().IsRegular():
		return notRegular(st.Mode())
	}
	return nil
}

// writeOwnFile replaces the file of our own at path with data, through a temporary file as
// WriteFile does, but refuses a link at path instead of following it.
func writeOwnFile(path string, data []byte, verify func([]byte) error) error {
	if err := CheckOwnFile(path); err != nil {
		return ownError(path, err)
	}
	return writeFile(path, data, true, false, verify)
}

// readOwnFile reads the file of our own at path, refusing a link even when one appears
// between the check and the open (the open does not follow one).
func readOwnFile(path string) ([]byte, error) {
	if err := CheckOwnFile(path); err != nil {
		return nil, err
	}
	f, err := openOwnNonBlocking(path)
	if err != nil {
		if isLinkLoop(err) {
			return nil, &LinkError{Path: path}
		}
		return nil, describeOSError(err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, describeOSError(err)
	}
	if !st.Mode().IsRegular() {
		return nil, notRegular(st.Mode())
	}
	return readAllCapped(f)
}

// ownError puts the path before an error that does not name it already.
func ownError(path string, err error) error {
	var le *LinkError
	if errors.As(err, &le) {
		return err
	}
	return fmt.Errorf("%s: %w", path, err)
}
