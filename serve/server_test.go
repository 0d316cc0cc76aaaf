package serve

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	gossh "golang.org/x/crypto/ssh"

	"github.com/sretopo/sretopo/internal/poll"
	"github.com/sretopo/sretopo/internal/termbuf"
)

// probe is the participant program of these tests: it shows who it is, its size and the
// last state broadcast to it.
type probe struct {
	p     *Participant
	w, h  int
	state string
	// keys counts the characters typed, as a dashboard's find box would take them
	keys int
}

type stateMsg string

func (m probe) Init() tea.Cmd { return nil }

func (m probe) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.w, m.h = msg.Width, msg.Height
	case stateMsg:
		m.state = string(msg)
	case tea.KeyMsg:
		if msg.String() == "q" {
			return m, tea.Quit
		}
		m.keys += len(msg.Runes)
	}
	return m, nil
}

func (m probe) View() string {
	role := "viewer"
	if m.p.Role == Editor {
		role = "editor"
	}
	head := fmt.Sprintf("user=%s role=%s size=%dx%d state=%s. keys=%d;", m.p.User, role, m.w, m.h, m.state, m.keys)
	if m.state == "" || m.h < 2 {
		return head
	}
	// a full frame whose every line changes with the state, as a dashboard's does when the
	// model changes, so that a client that stops reading fills its window quickly
	line := strings.Repeat(m.state+" ", max(1, m.w/(len(m.state)+1)))
	return head + strings.Repeat("\n"+line[:min(len(line), m.w)], m.h-2)
}

type keyPair struct {
	signer gossh.Signer
	line   string
}

func newKey(t testing.TB) keyPair {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	signer, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	sshPub, err := gossh.NewPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	return keyPair{signer, string(gossh.MarshalAuthorizedKey(sshPub))}
}

type fixture struct {
	srv     *Server
	addr    string
	viewer  keyPair
	editor  keyPair
	unknown keyPair
}

func start(t testing.TB, max int) *fixture {
	t.Helper()
	return startWith(t, Config{Max: max})
}

// startWith starts a session on 127.0.0.1 with cfg's limits, and the fixture's keys.
func startWith(t testing.TB, cfg Config) *fixture {
	t.Helper()
	dir := t.TempDir()
	f := &fixture{viewer: newKey(t), editor: newKey(t), unknown: newKey(t)}
	auth := filepath.Join(dir, "authorized_keys")
	editors := filepath.Join(dir, "editors")
	if err := os.WriteFile(auth, []byte("# the room\n"+f.viewer.line), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(editors, []byte(f.editor.line), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg.Listen, cfg.AuthorizedKeys, cfg.Editors = "127.0.0.1:0", auth, editors
	cfg.HostKeyPath = filepath.Join(dir, "config", "sretopo", "ssh_host_ed25519")
	if cfg.Program == nil {
		cfg.Program = func(p *Participant) tea.Model { return probe{p: p} }
	}
	srv := serveOn(t, cfg)
	f.srv, f.addr = srv, srv.Addr().String()
	return f
}

// serveOn starts a session with cfg, closed when the test ends.
func serveOn(t testing.TB, cfg Config) *Server {
	t.Helper()
	srv, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Listen(); err != nil {
		t.Fatal(err)
	}
	go srv.Serve()
	t.Cleanup(func() { srv.Close() })
	return srv
}

func dial(addr, user string, auth ...gossh.AuthMethod) (*gossh.Client, error) {
	return gossh.Dial("tcp", addr, &gossh.ClientConfig{
		User:            user,
		Auth:            auth,
		HostKeyCallback: gossh.InsecureIgnoreHostKey(),
		Timeout:         5 * time.Second,
	})
}

// screen is what a client's terminal received so far.
type screen struct {
	termbuf.Buffer
}

func (s *screen) waitFor(t testing.TB, want string) {
	t.Helper()
	if poll.Until(func() bool { return strings.Contains(s.String(), want) }) {
		return
	}
	t.Fatalf("the screen never showed %q; it holds %q", want, tail(s.String()))
}

func tail(s string) string {
	if len(s) > 400 {
		return "..." + s[len(s)-400:]
	}
	return s
}

type client struct {
	conn   *gossh.Client
	sess   *gossh.Session
	screen *screen
	stdin  io.WriteCloser
}

// join connects with key and a PTY of w x h and starts the shell.
func join(t testing.TB, addr, user string, key keyPair, w, h int) *client {
	t.Helper()
	conn, err := dial(addr, user, gossh.PublicKeys(key.signer))
	if err != nil {
		t.Fatalf("dial as %s: %v", user, err)
	}
	sess, err := conn.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	c := &client{conn: conn, sess: sess, screen: &screen{}}
	sess.Stdout = c.screen
	sess.Stderr = c.screen
	if c.stdin, err = sess.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	if err := sess.RequestPty("xterm-256color", h, w, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sess.Close(); conn.Close() })
	return c
}

func TestRefusesUnknownKeysAndPasswords(t *testing.T) {
	f := start(t, 0)
	if c, err := dial(f.addr, "mallory", gossh.PublicKeys(f.unknown.signer)); err == nil {
		c.Close()
		t.Error("a key in neither file was admitted")
	}
	if c, err := dial(f.addr, "mallory", gossh.Password("hunter2")); err == nil {
		c.Close()
		t.Error("a password was admitted")
	}
	if c, err := dial(f.addr, "mallory", gossh.KeyboardInteractive(func(string, string, []string, []bool) ([]string, error) {
		return []string{"hunter2"}, nil
	})); err == nil {
		c.Close()
		t.Error("keyboard-interactive was admitted")
	}
}

func TestRolesFromTheKeyFiles(t *testing.T) {
	f := start(t, 0)
	v := join(t, f.addr, "vera", f.viewer, 80, 24)
	e := join(t, f.addr, "ed", f.editor, 80, 24)
	v.screen.waitFor(t, "user=vera role=viewer")
	e.screen.waitFor(t, "user=ed role=editor")
}

func TestClientWithoutTerminalGetsAMessage(t *testing.T) {
	f := start(t, 0)
	conn, err := dial(f.addr, "vera", gossh.PublicKeys(f.viewer.signer))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	sess, err := conn.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	out, _ := sess.CombinedOutput("")
	if !strings.Contains(string(out), "needs a terminal") {
		t.Errorf("a client without a PTY got %q, want a message that it needs a terminal", out)
	}
}

func TestHugeWindowIsCapped(t *testing.T) {
	f := start(t, 0)
	c := join(t, f.addr, "vera", f.viewer, 10000, 10000)
	c.screen.waitFor(t, fmt.Sprintf("size=%dx%d", MaxWidth, MaxHeight))
}

func TestParticipantBeyondMaxIsRefused(t *testing.T) {
	f := start(t, 0) // the default: 64
	for i := range DefaultMax {
		c := join(t, f.addr, fmt.Sprintf("p%d", i), f.viewer, 40, 10)
		c.screen.waitFor(t, fmt.Sprintf("user=p%d ", i))
	}
	late := join(t, f.addr, "late", f.viewer, 40, 10)
	late.screen.waitFor(t, "the session is full (64 participants)")
	if n := len(f.srv.Participants()); n != DefaultMax {
		t.Errorf("%d participants connected, want %d", n, DefaultMax)
	}
}

func TestBroadcastReachesEveryonePastAStalledParticipant(t *testing.T) {
	f := start(t, 0)
	// The stalled participant's output is never read: once the SSH window is full, its
	// program blocks writing frames, as with a laptop whose lid was closed.
	joinUnread(t, f)
	reader := join(t, f.addr, "reader", f.viewer, 80, 24)
	reader.screen.waitFor(t, "user=reader")
	waitParticipants(t, f.srv, 2)
	for i := range 200 {
		f.srv.Broadcast(stateMsg(fmt.Sprintf("v%d", i)))
		time.Sleep(time.Millisecond)
	}
	reader.screen.waitFor(t, "state=v199.")
}

func waitParticipants(t testing.TB, s *Server, n int) {
	t.Helper()
	if !poll.Until(func() bool { return len(s.Participants()) >= n }) {
		t.Fatalf("%d participants connected, want %d", len(s.Participants()), n)
	}
}

func TestHostKeyIsCreatedOnceAndPrivate(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sretopo", "ssh_host_ed25519")
	if err := ensureHostKey(path); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("host key mode %v, want 0600", info.Mode().Perm())
	}
	first, _ := os.ReadFile(path)
	if err := ensureHostKey(path); err != nil {
		t.Fatal(err)
	}
	if again, _ := os.ReadFile(path); !bytes.Equal(first, again) {
		t.Error("the host key was replaced on the second start")
	}
}

func TestNoKeysRefusesToStart(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "authorized_keys")
	os.WriteFile(empty, []byte("# nobody yet\n"), 0o600)
	_, err := New(Config{AuthorizedKeys: empty, HostKeyPath: filepath.Join(dir, "hk"), Program: func(*Participant) tea.Model { return nil }})
	if err == nil || !strings.Contains(err.Error(), "add the public keys") {
		t.Errorf("an empty key file: err = %v, want a refusal that says what to do", err)
	}
	_, err = New(Config{AuthorizedKeys: filepath.Join(dir, "missing"), HostKeyPath: filepath.Join(dir, "hk"), Program: func(*Participant) tea.Model { return nil }})
	if err == nil || !strings.Contains(err.Error(), "--authorized-keys") {
		t.Errorf("a missing key file: err = %v, want a refusal that names --authorized-keys", err)
	}
	bad := filepath.Join(dir, "bad")
	os.WriteFile(bad, []byte("ssh-ed25519 notbase64\n"), 0o600)
	_, err = New(Config{AuthorizedKeys: bad, HostKeyPath: filepath.Join(dir, "hk"), Program: func(*Participant) tea.Model { return nil }})
	if err == nil || !strings.Contains(err.Error(), bad+":1:") {
		t.Errorf("a broken key line: err = %v, want FILE:LINE", err)
	}
}

// TestClosingTellsParticipantsWhy: when the facilitator ends the session, each participant's
// program gives its terminal back (the alternate screen left) and the participant is told
// why, and the connection ends cleanly.
func TestClosingTellsParticipantsWhy(t *testing.T) {
	f := start(t, 0)
	c := join(t, f.addr, "vera", f.viewer, 80, 24)
	c.screen.waitFor(t, "user=vera")
	done := make(chan error, 1)
	go func() { done <- c.sess.Wait() }()
	f.srv.Close()
	c.screen.waitFor(t, "the facilitator ended the shared session")
	out := c.screen.String()
	if i, j := strings.LastIndex(out, "\x1b[?1049l"), strings.LastIndex(out, "ended the shared session"); i < 0 || i > j {
		t.Errorf("the alternate screen was not left before the farewell:\n%q", tail(out))
	}
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("the session ended with %v, want a clean exit", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the session did not end")
	}
}

// A participant is named by the comment of the key they joined with, and by their login
// when the key has none: two people logged in as root are told apart.
func TestParticipantsAreNamedByTheirKeyComment(t *testing.T) {
	dir := t.TempDir()
	viewer, editor := newKey(t), newKey(t)
	auth, editors := filepath.Join(dir, "authorized_keys"), filepath.Join(dir, "editors")
	line := strings.TrimSpace(viewer.line) + " vera@laptop\x1b[2J\n"
	if err := os.WriteFile(auth, []byte(line), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(editors, []byte(editor.line), 0o600); err != nil {
		t.Fatal(err)
	}
	srv := serveOn(t, Config{Listen: "127.0.0.1:0", AuthorizedKeys: auth, Editors: editors,
		HostKeyPath: filepath.Join(dir, "config", "sretopo", "ssh_host_ed25519"),
		Program:     func(p *Participant) tea.Model { return probe{p: p} }})
	v := join(t, srv.Addr().String(), "root", viewer, 80, 24)
	e := join(t, srv.Addr().String(), "root", editor, 80, 24)
	v.screen.waitFor(t, "user=vera@laptop[2J role=viewer")
	e.screen.waitFor(t, "user=root role=editor")
}
