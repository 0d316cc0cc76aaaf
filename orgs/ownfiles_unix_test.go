//go:build unix

package orgs_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sretopo/sretopo/orgs"
)

// plantLink makes path a symbolic link to a file outside the organization's folder, as a
// cloned repository can, and returns the file it points to with what it holds.
func plantLink(t *testing.T, path string) (target, content string) {
	t.Helper()
	home := filepath.Join(t.TempDir(), "home")
	if err := os.Mkdir(home, 0o755); err != nil {
		t.Fatal(err)
	}
	target, content = filepath.Join(home, ".bashrc"), "export PS1='$ '\n"
	writeTo(t, target, content)
	if err := os.Symlink(target, path); err != nil {
		t.Fatal(err)
	}
	return target, content
}

// untouched fails when the link at path is gone or the file it points to changed.
func untouched(t *testing.T, path, target, content string) {
	t.Helper()
	if st, err := os.Lstat(path); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("%s: the link was replaced or removed", filepath.Base(path))
	}
	if b, err := os.ReadFile(target); err != nil || string(b) != content {
		t.Errorf("the file the link points to was written: %q (%v)", b, err)
	}
}

// linkedOwnFile is an organization's file in a folder of its own, whose own file (the
// recovery file or the lock) is a link planted by plantLink.
type linkedOwnFile struct{ dir, input, link, target, content string }

// plantOwnFileLink writes smallOrg to org.toml in a new folder and makes its own file, at the
// path ownPath gives for it, a link to a file outside.
func plantOwnFileLink(t *testing.T, ownPath func(input string) string) linkedOwnFile {
	t.Helper()
	l := linkedOwnFile{dir: t.TempDir()}
	l.input = filepath.Join(l.dir, "org.toml")
	writeTo(t, l.input, smallOrg)
	l.link = ownPath(l.input)
	l.target, l.content = plantLink(t, l.link)
	return l
}

// A recovery file linked to ~/.bashrc is never read, written or removed through the link:
// each is refused with ErrLink naming the path, and the link and its target stay as they
// were.
func TestRecoveryFileLinkIsRefusedAndLeftAlone(t *testing.T) {
	l := plantOwnFileLink(t, orgs.JournalPath)
	input, jp := l.input, l.link
	o, _, err := orgs.LoadFile(input)
	if err != nil {
		t.Fatal(err)
	}

	err = orgs.WriteJournal(input, o)
	if !errors.Is(err, orgs.ErrLink) || !strings.Contains(err.Error(), jp) {
		t.Errorf("write through the link: %v, want ErrLink naming %s", err, jp)
	}
	if got, err := orgs.ReadJournal(input); !errors.Is(err, orgs.ErrLink) || got != nil {
		t.Errorf("read through the link: %v", err)
	}
	if err := orgs.CheckOwnFile(jp); !errors.Is(err, orgs.ErrLink) {
		t.Errorf("check: %v", err)
	}
	if err := orgs.RemoveJournal(input); err != nil {
		t.Errorf("remove: %v", err)
	}
	untouched(t, jp, l.target, l.content)
	orgs.NoLeftovers(t, l.dir)
}

// A lock file linked elsewhere, to an existing file or to none, is refused with ErrLink and
// neither the link nor its target is created, written or removed.
func TestLockFileLinkIsRefusedAndLeftAlone(t *testing.T) {
	l := plantOwnFileLink(t, orgs.LockPath)
	input, lp := l.input, l.link
	if l, err := orgs.LockJournal(input); !errors.Is(err, orgs.ErrLink) || !strings.Contains(err.Error(), lp) {
		l.Release(true)
		t.Errorf("lock through a link: %v, want ErrLink naming %s", err, lp)
	}
	untouched(t, lp, l.target, l.content)

	dangling := filepath.Join(t.TempDir(), "made-by-sretopo")
	if err := os.Remove(lp); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(dangling, lp); err != nil {
		t.Fatal(err)
	}
	if l, err := orgs.LockJournal(input); !errors.Is(err, orgs.ErrLink) {
		l.Release(true)
		t.Errorf("lock through a dangling link: %v", err)
	}
	if _, err := os.Lstat(dangling); !errors.Is(err, os.ErrNotExist) {
		t.Error("the lock was created at the dangling link's target")
	}
}
