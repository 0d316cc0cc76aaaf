package main

import (
	"crypto/ed25519"
	"crypto/rand"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"

	"github.com/sretopo/sretopo/internal/poll"
	"github.com/sretopo/sretopo/internal/termbuf"
	"github.com/sretopo/sretopo/model"
	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/serve"
	"github.com/sretopo/sretopo/views"
)

// A shared session as `sretopo serve` makes it, with the facilitator's dashboard running
// without a terminal and participants joining over SSH on 127.0.0.1.

type meeting struct {
	srv         *serve.Server
	hub         *model.Hub
	facilitator *tea.Program
	// board is what the facilitator's terminal shows
	board  *terminal
	addr   string
	viewer gossh.Signer
	editor gossh.Signer
}

func signer(t testing.TB) (gossh.Signer, string) {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s, _ := gossh.NewSignerFromKey(priv)
	p, _ := gossh.NewPublicKey(pub)
	return s, string(gossh.MarshalAuthorizedKey(p))
}

func startMeeting(t testing.TB, example string, max int) *meeting {
	t.Helper()
	dir := t.TempDir()
	ex, err := orgs.ExampleNamed(example)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, example+".toml")
	os.WriteFile(file, ex.Data, 0o644)
	op, err := orgs.Open(file, "")
	if err != nil {
		t.Fatal(err)
	}
	m := &meeting{}
	var viewerLine, editorLine string
	m.viewer, viewerLine = signer(t)
	m.editor, editorLine = signer(t)
	auth, editors := filepath.Join(dir, "authorized_keys"), filepath.Join(dir, "editors")
	os.WriteFile(auth, []byte(viewerLine), 0o600)
	os.WriteFile(editors, []byte(editorLine), 0o600)
	m.srv, m.hub, err = newShared(serve.Config{Listen: "127.0.0.1:0", AuthorizedKeys: auth, Editors: editors, Max: max,
		HostKeyPath: filepath.Join(dir, "host_key")})
	if err != nil {
		t.Fatal(err)
	}
	if err := m.srv.Listen(); err != nil {
		t.Fatal(err)
	}
	m.addr = m.srv.Addr().String()
	go m.srv.Serve()
	fm := model.NewFacilitator(model.Config{Opened: op, Styles: views.DefaultStyles()}, m.hub)
	m.board = &terminal{}
	m.facilitator = tea.NewProgram(fm, tea.WithInput(nil), tea.WithOutput(m.board), tea.WithoutSignalHandler())
	m.hub.Start(m.facilitator)
	done := make(chan struct{})
	go func() { m.facilitator.Run(); close(done) }()
	m.facilitator.Send(tea.WindowSizeMsg{Width: 160, Height: 45})
	t.Cleanup(func() {
		m.facilitator.Quit()
		<-done
		m.srv.Close()
	})
	return m
}

// press sends keys to the facilitator's dashboard, as typed.
func (m *meeting) press(keys ...string) {
	for _, k := range keys {
		switch k {
		case "tab":
			m.facilitator.Send(tea.KeyMsg{Type: tea.KeyTab})
		default:
			m.facilitator.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)})
		}
	}
}

type terminal struct {
	termbuf.Buffer
	stdin io.Writer
	sess  *gossh.Session
}

// since is the text the terminal received after mark, without its escape sequences.
func (s *terminal) since(mark int) string {
	out := s.String()
	return ansi.Strip(out[min(mark, len(out)):])
}

func (s *terminal) mark() int { return len(s.String()) }

func (s *terminal) waitFor(t testing.TB, mark int, want string) {
	t.Helper()
	if poll.Until(func() bool { return strings.Contains(s.since(mark), want) }) {
		return
	}
	out := s.since(mark)
	if len(out) > 600 {
		out = out[len(out)-600:]
	}
	t.Fatalf("the participant's screen never showed %q; it received %q", want, out)
}

func (m *meeting) join(t testing.TB, user string, key gossh.Signer, w, h int) *terminal {
	t.Helper()
	conn, err := gossh.Dial("tcp", m.addr, &gossh.ClientConfig{User: user, Auth: []gossh.AuthMethod{gossh.PublicKeys(key)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	sess, _ := conn.NewSession()
	term := &terminal{sess: sess}
	sess.Stdout, sess.Stderr = term, term
	term.stdin, _ = sess.StdinPipe()
	if err := sess.RequestPty("xterm-256color", h, w, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sess.Close(); conn.Close() })
	term.waitFor(t, 0, "following")
	return term
}

func (m *meeting) waitState(t testing.TB, ok func(*model.SharedState) bool, what string) {
	t.Helper()
	if poll.Until(func() bool { st := m.hub.State(); return st != nil && ok(st) }) {
		return
	}
	t.Fatalf("the facilitator's model never showed %s", what)
}

func TestSharedSessionEditorsEditViewersDoNot(t *testing.T) {
	m := startMeeting(t, "mixed", 0)
	vera := m.join(t, "vera", m.viewer, 80, 24)
	ed := m.join(t, "ed", m.editor, 120, 40)
	headcount := func(st *model.SharedState) int { return st.Org.Team("Online Shop").Headcount }
	before := headcount(m.hub.State())

	// the viewer's edit key changes nothing, and says why
	mark := vera.mark()
	io.WriteString(vera.stdin, "+")
	vera.waitFor(t, mark, "you are a viewer")
	if got := headcount(m.hub.State()); got != before {
		t.Fatalf("a viewer's + changed the headcount from %d to %d", before, got)
	}

	// the editor's move reaches the facilitator's model and a follower's screen, with who made it
	mark = vera.mark()
	io.WriteString(ed.stdin, "+")
	m.waitState(t, func(st *model.SharedState) bool { return headcount(st) == before+1 }, "the editor's headcount change")
	vera.waitFor(t, mark, `ed: "Online Shop": headcount `+fmt.Sprint(before+1))

	// undo, whoever made the change
	mark = vera.mark()
	m.press("u")
	m.waitState(t, func(st *model.SharedState) bool { return headcount(st) == before }, "the undo")
	vera.waitFor(t, mark, "facilitator: undid")
}

func TestFollowerShowsTheFacilitatorsPanel(t *testing.T) {
	m := startMeeting(t, "mixed", 0)
	vera := m.join(t, "vera", m.viewer, 80, 24) // narrow: one panel at a time, as tabs
	mark := vera.mark()
	m.press("tab") // the facilitator, at 160 columns, shows the next panel: Criteria
	m.waitState(t, func(st *model.SharedState) bool { return st.View.Panel != views.PanelTopology }, "another panel")
	vera.waitFor(t, mark, "[Criteria]")

	// unfollowed, the participant keeps its own panel
	io.WriteString(vera.stdin, "f")
	vera.waitFor(t, mark, "browsing")
	mark = vera.mark()
	m.press("tab")
	m.waitState(t, func(st *model.SharedState) bool { return st.View.Panel == views.PanelFunding }, "the funding panel")
	time.Sleep(200 * time.Millisecond)
	if strings.Contains(vera.since(mark), "[Funding]") {
		t.Error("a participant who does not follow was moved to the facilitator's panel")
	}
}

// BenchmarkSharedMove is the time from a facilitator's move to the new frame on the screen of
// the last of 50 participants, with one more participant that stopped reading (its frames
// must not delay anyone).
func BenchmarkSharedMove(b *testing.B) {
	m := startMeeting(b, "mixed", 0)
	stalledConn, err := gossh.Dial("tcp", m.addr, &gossh.ClientConfig{User: "stalled", Auth: []gossh.AuthMethod{gossh.PublicKeys(m.viewer)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey()})
	if err != nil {
		b.Fatal(err)
	}
	defer stalledConn.Close()
	stalled, _ := stalledConn.NewSession()
	stalled.StdoutPipe() // never read
	stalled.RequestPty("xterm", 200, 500, gossh.TerminalModes{})
	stalled.Shell()
	people := make([]*terminal, 50)
	for i := range people {
		people[i] = m.join(b, fmt.Sprintf("p%d", i), m.viewer, 100, 30)
	}
	headcount := 0
	b.ResetTimer()
	for b.Loop() {
		marks := make([]int, len(people))
		for i, p := range people {
			marks[i] = p.mark()
		}
		headcount++
		want := fmt.Sprintf(`"Online Shop": headcount %d`, 9+headcount%2)
		if headcount%2 == 0 {
			m.press("-")
		} else {
			m.press("+")
		}
		for i, p := range people {
			p.waitFor(b, marks[i], want)
		}
	}
}

func TestFollowersShowTheFacilitatorsScreen(t *testing.T) {
	m := startMeeting(t, "mixed", 0)
	vera := m.join(t, "vera", m.viewer, 80, 24)
	ed := m.join(t, "ed", m.editor, 200, 50)
	for _, step := range []struct{ keys, want string }{
		{"p", "Opening"},         // presentation mode, first page
		{"p", "Harbor Lane"},     // back to the board
		{"c", "Compare"},         // the compare screen
		{"c", "Development org"}, // back again
	} {
		mv, me := vera.mark(), ed.mark()
		m.press(step.keys)
		vera.waitFor(t, mv, step.want)
		ed.waitFor(t, me, step.want)
	}
}

// captureOutput collects what the process writes to its standard output and error, the
// facilitator's terminal, until the returned function is called and returns it.
func captureOutput(t *testing.T) func() string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, stderr := os.Stdout, os.Stderr
	os.Stdout, os.Stderr = w, w
	got := make(chan string)
	go func() {
		data, _ := io.ReadAll(r)
		got <- string(data)
	}()
	return func() string {
		os.Stdout, os.Stderr = stdout, stderr
		w.Close()
		return <-got
	}
}

// TestViewerKeyHelpStaysWithTheViewer: a viewer's ? on the board (which once panicked in the
// key help of a viewer and printed a stack trace over the board) shows the viewer the key
// table, prints nothing over the facilitator's terminal, and the others go on. A panic in a
// participant's program is contained at the program's boundary:
// serve.TestPanicInAParticipantsProgramIsCaught.
func TestViewerKeyHelpStaysWithTheViewer(t *testing.T) {
	m := startMeeting(t, "mixed", 0)
	printed := captureOutput(t)
	vera := m.join(t, "vera", m.viewer, 100, 30)
	ed := m.join(t, "ed", m.editor, 100, 30)
	mark := vera.mark()
	io.WriteString(vera.stdin, "?")
	// the key table, each edit key saying why a viewer cannot press it
	vera.waitFor(t, mark, "you are a viewer")
	headcount := func(st *model.SharedState) int { return st.Org.Team("Online Shop").Headcount }
	before := headcount(m.hub.State())
	mark = ed.mark()
	m.press("+")
	m.waitState(t, func(st *model.SharedState) bool { return headcount(st) == before+1 }, "the facilitator's change after the viewer's ?")
	ed.waitFor(t, mark, fmt.Sprintf(`"Online Shop": headcount %d`, before+1))
	if out := printed(); out != "" {
		t.Errorf("a participant's key wrote over the facilitator's terminal:\n%s", tail(out, 600))
	}
}

func tail(s string, n int) string {
	if len(s) > n {
		return "..." + s[len(s)-n:]
	}
	return s
}

// TestSignalEndsTheSession: SIGINT ends a shared session for everyone, participants told,
// the port closed, the process gone, even once the facilitator's dashboard has closed and
// a participant's program is running. The session runs in a child process (this test binary,
// in the role below), for the signal to be its own.
func TestSignalEndsTheSession(t *testing.T) {
	if os.Getenv("SRETOPO_SIGNAL_CHILD") == "1" {
		signalChild(t)
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestSignalEndsTheSession$", "-test.v")
	cmd.Env = append(os.Environ(), "SRETOPO_SIGNAL_CHILD=1")
	out := &terminal{}
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	out.waitFor(t, 0, "READY")
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	select {
	case <-exited:
	case <-time.After(15 * time.Second):
		cmd.Process.Kill()
		<-exited
		t.Fatalf("the session was still running 15 s after SIGINT; it printed:\n%s", tail(out.String(), 600))
	}
	for _, want := range []string{"TOLD", "CLOSED"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the session ended without %s; it printed:\n%s", want, tail(out.String(), 600))
		}
	}
}

// signalChild is the session of TestSignalEndsTheSession: one participant connected, the
// facilitator's dashboard taking no signal (as once it has closed), waiting for one.
func signalChild(t *testing.T) {
	m := startMeeting(t, "mixed", 0)
	stop := closeOnSignal(m.srv)
	defer stop()
	vera := m.join(t, "vera", m.viewer, 80, 24)
	fmt.Println("READY")
	vera.waitFor(t, 0, "the facilitator ended the shared session")
	fmt.Println("TOLD")
	closed := poll.Until(func() bool {
		c, err := net.DialTimeout("tcp", m.addr, time.Second)
		if err == nil {
			c.Close()
		}
		return err != nil
	})
	if closed {
		fmt.Println("CLOSED")
	}
}
