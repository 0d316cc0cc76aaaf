package serve

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// newWithin runs New with a deadline: a key file that is a FIFO must not hang it.
func newWithin(t *testing.T, cfg Config) (*Server, error) {
	t.Helper()
	cfg.Listen = "127.0.0.1:0"
	cfg.Program = func(*Participant) tea.Model { return nil }
	type result struct {
		s   *Server
		err error
	}
	done := make(chan result, 1)
	go func() { s, err := New(cfg); done <- result{s, err} }()
	select {
	case r := <-done:
		return r.s, r.err
	case <-time.After(5 * time.Second):
		t.Fatal("New still waits 5 s later: it reads a key file that never ends")
		return nil, nil
	}
}

func keysFile(t *testing.T, dir string) string {
	t.Helper()
	path := filepath.Join(dir, "authorized_keys")
	if err := os.WriteFile(path, []byte(newKey(t).line), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestKeyFilesMustBeRegular: a FIFO, a device or an endless file as the authorized keys or
// the host key is refused at once, naming the file and what it is.
func TestKeyFilesMustBeRegular(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no FIFO here:", err)
	}
	auth := keysFile(t, dir)
	big := filepath.Join(dir, "big")
	if err := os.WriteFile(big, []byte(strings.Repeat("# a comment line\n", MaxAuthorizedKeysSize/16)), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name     string
		cfg      Config
		file     string
		wantWhat string
	}{
		{"FIFO as authorized keys", Config{AuthorizedKeys: fifo, HostKeyPath: filepath.Join(dir, "hk1")}, fifo, "named pipe"},
		{"FIFO as editors", Config{AuthorizedKeys: auth, Editors: fifo, HostKeyPath: filepath.Join(dir, "hk2")}, fifo, "named pipe"},
		{"FIFO as host key", Config{AuthorizedKeys: auth, HostKeyPath: fifo}, fifo, "named pipe"},
		{"/dev/zero as authorized keys", Config{AuthorizedKeys: "/dev/zero", HostKeyPath: filepath.Join(dir, "hk3")}, "/dev/zero", "device"},
		{"/dev/zero as host key", Config{AuthorizedKeys: auth, HostKeyPath: "/dev/zero"}, "/dev/zero", "device"},
		{"authorized keys too large", Config{AuthorizedKeys: big, HostKeyPath: filepath.Join(dir, "hk4")}, big, "larger than"},
	} {
		_, err := newWithin(t, c.cfg)
		if err == nil || !strings.Contains(err.Error(), c.file) || !strings.Contains(err.Error(), c.wantWhat) {
			t.Errorf("%s: err = %v, want a refusal naming %s and %q", c.name, err, c.file, c.wantWhat)
		}
	}
}

// TestCorruptHostKeyIsNamed: a host key that does not parse is an error naming its file.
func TestCorruptHostKeyIsNamed(t *testing.T) {
	dir := t.TempDir()
	hk := filepath.Join(dir, "host_key")
	os.WriteFile(hk, []byte("-----BEGIN OPENSSH PRIVATE KEY-----\nbroken\n-----END OPENSSH PRIVATE KEY-----\n"), 0o600)
	_, err := newWithin(t, Config{AuthorizedKeys: keysFile(t, dir), HostKeyPath: hk})
	if err == nil || !strings.Contains(err.Error(), hk) {
		t.Errorf("a corrupt host key: err = %v, want an error naming %s", err, hk)
	}
}

// TestUnsafeKeyFilesAreWarned: a host key others can read, one that is a link, and an
// authorized_keys file others can write start the session with a warning naming each.
func TestUnsafeKeyFilesAreWarned(t *testing.T) {
	dir := t.TempDir()
	auth := keysFile(t, dir)
	real := filepath.Join(dir, "real_host_key")
	if err := ensureHostKey(real); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "host_key")
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	os.Chmod(real, 0o644)
	os.Chmod(auth, 0o666)
	s, err := newWithin(t, Config{AuthorizedKeys: auth, HostKeyPath: link})
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(s.Warnings, "\n")
	for _, want := range []string{
		link + " is a link to " + real,
		"host key " + link + " can be read by others (mode 0644)",
		auth + " can be written by others (mode 0666)",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("the warnings do not say %q; they are:\n%s", want, all)
		}
	}
	os.Chmod(real, 0o600)
	os.Chmod(auth, 0o600)
	if s, err = newWithin(t, Config{AuthorizedKeys: auth, HostKeyPath: real}); err != nil || len(s.Warnings) != 0 {
		t.Errorf("safe key files: warnings %q, err %v; want none", s.Warnings, err)
	}
}
