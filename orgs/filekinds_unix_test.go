//go:build unix

package orgs_test

// Files of the wrong kind where sretopo expected an organization file, or one of its own
// files: FIFOs, terminals and devices are refused by their type without being read, and
// links (as a cloned repository can hold) are never read, written or removed through.

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

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

// within runs f and fails the test when it has not returned after a long while: what it
// tests is that nothing waits on a FIFO or a terminal, and a hang must fail, not stall.
func within(t *testing.T, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); f() }()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatalf("%s: still waiting after 20 s (reading a FIFO or a terminal?)", what)
	}
}

func mkfifo(t *testing.T, path string) string {
	t.Helper()
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Skipf("no FIFO here: %v", err)
	}
	return path
}

// A FIFO, a terminal or a device where an organization file was expected is refused
// by its type, at once, and never read.
func TestSpecialFilesAreRefusedByType(t *testing.T) {
	dir := t.TempDir()
	fifo := mkfifo(t, filepath.Join(dir, "pipe.toml"))
	dev := filepath.Join(dir, "tty.toml")
	if err := os.Symlink(os.DevNull, dev); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ path, want string }{
		{fifo, "is a named pipe (FIFO), not a regular file; refused"},
		{dev, "is a terminal or character device, not a regular file; refused"},
		{dir, "is a directory, not a regular file; refused"},
	} {
		within(t, c.path, func() {
			_, _, err := orgs.LoadFile(c.path)
			if err == nil || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), c.path+": ") {
				t.Errorf("%s: %v, want %q", c.path, err, c.want)
			}
		})
	}
	// the `o` list shows them, each with its problem, instead of "listing..." forever
	writeTo(t, filepath.Join(dir, "a.toml"), smallOrg)
	within(t, "the file list", func() {
		files, err := orgs.ListOrgFiles(dir, filepath.Join(dir, "a.toml"))
		if err != nil || len(files) != 3 {
			t.Fatalf("listed %v, %v", files, err)
		}
		for _, f := range files[1:] {
			if !strings.Contains(f.Problem, "not a regular file") {
				t.Errorf("%s: problem %q", f.Path, f.Problem)
			}
		}
	})
}

// A journal linked to a terminal stole the dashboard's keystrokes: it is neither read nor
// written, and saying why is left to the caller.
func TestJournalThatIsNotARegularFile(t *testing.T) {
	dir := t.TempDir()
	input := filepath.Join(dir, "a.toml")
	writeTo(t, input, smallOrg)
	if err := os.Symlink(os.DevNull, orgs.JournalPath(input)); err != nil {
		t.Fatal(err)
	}
	within(t, "the journal", func() {
		// a link is refused as a link, whatever it points to, before anything is opened
		if _, err := orgs.ReadJournal(input); !errors.Is(err, orgs.ErrLink) || !strings.Contains(err.Error(), "symbolic link") {
			t.Errorf("read: %v", err)
		}
		o, _, _ := orgs.LoadFile(input)
		if err := orgs.WriteJournal(input, o); !errors.Is(err, orgs.ErrNotRegular) {
			t.Errorf("write: %v", err)
		}
	})
	if err := orgs.RemoveJournal(input); err != nil {
		t.Errorf("remove: %v", err)
	}
	if st, err := os.Lstat(orgs.JournalPath(input)); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced or removed")
	}
}

// A based_on that is missing, a FIFO, a device, a directory or no organization file gives a
// warning, and the file itself is the baseline.
func TestBasedOnThatCannotBeTheBaseline(t *testing.T) {
	dir := t.TempDir()
	mkfifo(t, filepath.Join(dir, "pipe.toml"))
	writeTo(t, filepath.Join(dir, "notes.txt"), "root:x:0:0:root:/root:/bin/bash\n")
	for _, c := range []struct{ basedOn, want string }{
		{"missing.toml", "named in based_on is missing; comparing the file with itself"},
		{"pipe.toml", "is a named pipe (FIFO), not a regular file; refused; comparing the file with itself"},
		{os.DevNull, "is a terminal or character device"},
		{".", "is a directory, not a regular file"},
		{"notes.txt", "is not a valid organization file (" + filepath.Join(dir, "notes.txt") + ":1:"},
	} {
		path := filepath.Join(dir, "scenario.toml")
		writeTo(t, path, smallOrg+"\n[scenario]\nbased_on = \""+c.basedOn+"\"\n")
		within(t, c.basedOn, func() {
			op, err := orgs.Open(path, "")
			if err != nil {
				t.Fatalf("%s: %v", c.basedOn, err)
			}
			if op.BaselinePath != path || op.Baseline != op.Org || len(op.Warnings) != 1 || !strings.Contains(op.Warnings[0], c.want) {
				t.Errorf("based_on %s: baseline %s, warnings %q, want %q", c.basedOn, op.BaselinePath, op.Warnings, c.want)
			}
		})
	}
}

// Writing refuses a target that is not a regular file, and replaces a linked file at its
// target, keeping the link.
func TestWriteFileOnlyRegularFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := mkfifo(t, filepath.Join(dir, "pipe.toml"))
	within(t, "write to a FIFO", func() {
		if err := orgs.WriteFile(fifo, []byte(smallOrg), true, nil); !errors.Is(err, orgs.ErrNotRegular) {
			t.Errorf("write over a FIFO: %v", err)
		}
	})
	target := filepath.Join(dir, "real.toml")
	writeTo(t, target, "old")
	link := filepath.Join(dir, "link.toml")
	if err := os.Symlink("real.toml", link); err != nil {
		t.Fatal(err)
	}
	if err := orgs.WriteFile(link, []byte(smallOrg), true, nil); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Error("the link became a regular file")
	}
	if b, _ := os.ReadFile(target); string(b) != smallOrg {
		t.Errorf("the target holds %q", b)
	}
	if err := orgs.WriteFile(link, []byte(smallOrg), false, nil); !errors.Is(err, orgs.ErrExists) {
		t.Errorf("a link is replaced without asking: %v", err)
	}
}
