// Package serve runs a live shared session over SSH: participants join with their own
// terminal, at their own size, and each gets a Bubble Tea program of its own on the same
// session. It knows nothing of organizations: the caller hands it a function that builds a
// participant's program and pushes new state with Broadcast. Access is by public key only.
package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"sync"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
	"github.com/charmbracelet/wish/logging"
	"github.com/muesli/termenv"
)

// Limits of a session (README, "Run a meeting over SSH").
const (
	// DefaultListen is localhost only: a session is opened to the network only on purpose.
	DefaultListen = "127.0.0.1:23234"
	// DefaultMax is the most participants at once.
	DefaultMax = 64
	// MaxWidth and MaxHeight cap a participant's window, so that a client that claims a
	// 10000x10000 terminal cannot make every frame cost a hundred times more.
	MaxWidth, MaxHeight = 500, 200
)

// Role is what a participant may do.
type Role int

const (
	// Viewer follows and browses; no edit key works.
	Viewer Role = iota
	// Editor may also use every edit key.
	Editor
)

// Participant is one connected person.
type Participant struct {
	// ID is unique in the session, from 1.
	ID int
	// User names the participant: the comment of the key they joined with, else their SSH
	// login. The header lists it and the status line names changes by it.
	User string
	Role Role
	// Renderer draws with the participant's own terminal's colour profile and background.
	Renderer *lipgloss.Renderer
}

// Config is what a session is started with.
type Config struct {
	// Listen is the address to listen on; DefaultListen when empty.
	Listen string
	// AuthorizedKeys is the authorized_keys file of those admitted (viewers).
	AuthorizedKeys string
	// Editors is an optional authorized_keys file of those who may also edit; they are admitted too.
	Editors string
	// Max is the most participants at once; DefaultMax when 0.
	Max int
	// HostKeyPath is the host key's file, created on first use; DefaultHostKeyPath when empty.
	HostKeyPath string
	// Program builds the model of a participant's program. It is called once per connection.
	Program func(p *Participant) tea.Model
	// Left is called when a participant's program has ended (may be nil).
	Left func(p *Participant)
	// Log receives one line per connection and refusal; nil discards them.
	Log io.Writer
	// Problem is told what the facilitator should know: a participant's program that
	// panicked (with the stack), the process out of file descriptors (may be nil).
	Problem func(text string)
	// HandshakeTimeout is how long a connection may take to authenticate;
	// DefaultHandshakeTimeout when 0.
	HandshakeTimeout time.Duration
	// InputRate is the bytes of input a second each participant's program reads;
	// DefaultInputRate when 0.
	InputRate int
}

// Server is a running session.
type Server struct {
	cfg      Config
	viewers  KeySet
	editors  KeySet
	ssh      *ssh.Server
	listener net.Listener
	mu       sync.Mutex
	conns    map[int]*conn
	lastID   int
	slots    int
	// pending and perAddress count the connections of each address that have not
	// authenticated yet, and all of them.
	pending    map[string]int
	perAddress map[string]int
	// closing is set once the facilitator ends the session: the participants' programs are
	// asked to quit, and each is told why as its connection closes; closed is closed when
	// Close has done.
	closing bool
	closed  chan struct{}
	// Warnings are what the key files' checks found (mode, links), one line each, for the
	// facilitator.
	Warnings []string
}

// New checks the configuration and loads the keys; it does not listen yet.
func New(cfg Config) (*Server, error) {
	if cfg.Listen == "" {
		cfg.Listen = DefaultListen
	}
	if cfg.Max <= 0 {
		cfg.Max = DefaultMax
	}
	if cfg.HandshakeTimeout <= 0 {
		cfg.HandshakeTimeout = DefaultHandshakeTimeout
	}
	if cfg.InputRate <= 0 {
		cfg.InputRate = DefaultInputRate
	}
	if cfg.Program == nil {
		return nil, errors.New("serve: no program for participants")
	}
	if cfg.HostKeyPath == "" {
		p, err := DefaultHostKeyPath()
		if err != nil {
			return nil, err
		}
		cfg.HostKeyPath = p
	}
	viewers, err := LoadKeys(cfg.AuthorizedKeys)
	if err != nil {
		return nil, fmt.Errorf("authorized keys: %w (give --authorized-keys FILE with the public keys of those who may join)", err)
	}
	editors := KeySet{}
	if cfg.Editors != "" {
		if editors, err = LoadKeys(cfg.Editors); err != nil {
			return nil, fmt.Errorf("editors: %w", err)
		}
	}
	if len(viewers) == 0 && len(editors) == 0 {
		return nil, fmt.Errorf("%s: %w: add the public keys of those who may join, one a line", cfg.AuthorizedKeys, ErrNoKeys)
	}
	if err := ensureHostKey(cfg.HostKeyPath); err != nil {
		return nil, err
	}
	hostKey, err := loadHostKey(cfg.HostKeyPath)
	if err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, viewers: viewers, editors: editors, conns: map[int]*conn{},
		pending: map[string]int{}, perAddress: map[string]int{}, closed: make(chan struct{})}
	s.Warnings = keyFileWarnings(cfg.AuthorizedKeys, false)
	if cfg.Editors != "" {
		s.Warnings = append(s.Warnings, keyFileWarnings(cfg.Editors, false)...)
	}
	s.Warnings = append(s.Warnings, keyFileWarnings(cfg.HostKeyPath, true)...)
	logger := logWriter{cfg.Log}
	srv, err := wish.NewServer(
		wish.WithAddress(cfg.Listen),
		func(srv *ssh.Server) error { srv.AddHostKey(hostKey); return nil },
		func(srv *ssh.Server) error { srv.ConnCallback = s.accept; return nil },
		wish.WithPublicKeyAuth(s.admit),
		wish.WithBannerHandler(func(ssh.Context) string {
			return "sretopo shared session: public keys only. If you are refused, send your public key to the facilitator.\n"
		}),
		wish.WithMiddleware(
			s.run,
			s.farewell,
			s.limit,
			s.requireTerminal,
			logging.MiddlewareWithLogger(logger),
		),
	)
	if err != nil {
		return nil, err
	}
	s.ssh = srv
	return s, nil
}

// admit is the public-key check; no other authentication method is configured, so a
// password or keyboard-interactive attempt is refused by the SSH library itself.
func (s *Server) admit(ctx ssh.Context, key ssh.PublicKey) bool {
	switch {
	case s.editors.Has(key):
		ctx.SetValue(roleKey{}, Editor)
		ctx.SetValue(nameKey{}, s.editors.Comment(key))
		s.authenticated(ctx)
		return true
	case s.viewers.Has(key):
		ctx.SetValue(roleKey{}, Viewer)
		ctx.SetValue(nameKey{}, s.viewers.Comment(key))
		s.authenticated(ctx)
		return true
	}
	logger := logWriter{s.cfg.Log}
	logger.Printf("refused %s@%s: key not authorized", ctx.User(), ctx.RemoteAddr())
	return false
}

type roleKey struct{}

// nameKey holds the comment of the key a participant joined with, which names them.
type nameKey struct{}

// requireTerminal turns away a client without a PTY with a line that says what to do.
func (s *Server) requireTerminal(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		if _, _, ok := sess.Pty(); !ok {
			wish.Println(sess, "sretopo: the shared session needs a terminal; connect with ssh -t (no command).")
			_ = sess.Exit(1)
			return
		}
		next(sess)
	}
}

// farewell tells a participant whose program ended because the facilitator ended the
// session why the connection closes, after the program has given the terminal back.
func (s *Server) farewell(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		next(sess)
		s.mu.Lock()
		closing := s.closing
		s.mu.Unlock()
		if closing {
			wish.Println(sess, "sretopo: the facilitator ended the shared session.")
		}
	}
}

// limit refuses the participant beyond Max with a message.
func (s *Server) limit(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		s.mu.Lock()
		full := s.slots >= s.cfg.Max
		if !full {
			s.slots++
		}
		s.mu.Unlock()
		if full {
			wish.Printf(sess, "sretopo: the session is full (%d participants); ask the facilitator to start it with a higher --max.\n", s.cfg.Max)
			_ = sess.Exit(1)
			return
		}
		defer func() {
			s.mu.Lock()
			s.slots--
			s.mu.Unlock()
		}()
		next(sess)
	}
}

// Broadcast hands msg to every participant's program, newest first: it never waits for a
// participant.
func (s *Server) Broadcast(msg tea.Msg) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, c := range s.conns {
		c.post(msg)
	}
}

// Send hands msg to one participant's program (see Broadcast).
func (s *Server) Send(id int, msg tea.Msg) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if c, ok := s.conns[id]; ok {
		c.post(msg)
	}
}

// Participants lists who is connected, in order of arrival.
func (s *Server) Participants() []Participant {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Participant, 0, len(s.conns))
	for id := 1; id <= s.lastID; id++ {
		if c, ok := s.conns[id]; ok {
			out = append(out, *c.p)
		}
	}
	return out
}

// Listen opens the listening socket; an address in use is an error naming it.
func (s *Server) Listen() error {
	l, err := net.Listen("tcp", s.cfg.Listen)
	if err != nil {
		return fmt.Errorf("cannot listen on %s: %w", s.cfg.Listen, err)
	}
	s.listener = l
	return nil
}

// Addr is the address listened on (useful with port 0).
func (s *Server) Addr() net.Addr {
	if s.listener == nil {
		return nil
	}
	return s.listener.Addr()
}

// Serve accepts participants until Close; call Listen first.
func (s *Server) Serve() error {
	if s.listener == nil {
		if err := s.Listen(); err != nil {
			return err
		}
	}
	err := s.ssh.Serve(&accepting{Listener: s.listener, s: s})
	if errors.Is(err, ssh.ErrServerClosed) {
		return nil
	}
	return err
}

// Close ends the session for everyone, at once and within a deadline: nobody new is let in,
// each participant's program is asked to quit, all at the same time, giving its terminal back
// in order (the alternate screen left, the cursor shown) before the participant is told why;
// connections still open after shutdownGrace are closed, whether or not their clients read.
// A second Close waits for the first.
func (s *Server) Close() error {
	s.mu.Lock()
	if s.closing {
		s.mu.Unlock()
		<-s.closed
		return nil
	}
	s.closing = true
	progs := make([]*tea.Program, 0, len(s.conns))
	for _, c := range s.conns {
		progs = append(progs, c.prog)
	}
	s.mu.Unlock()
	defer close(s.closed)
	for _, p := range progs {
		// a program whose connection stopped reading takes no message: asking it must not
		// hold up the others, nor the end of the session
		go p.Quit()
	}
	ctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := s.ssh.Shutdown(ctx); err != nil {
		_ = s.ssh.Close()
	}
	for _, p := range progs {
		p.Kill()
	}
	return nil
}

// problem tells the facilitator what it should know, and logs it.
func (s *Server) problem(text string) {
	logWriter{s.cfg.Log}.Printf("%s", text)
	if s.cfg.Problem != nil {
		s.cfg.Problem(text)
	}
}

// renderer is a lipgloss renderer for the participant's terminal: its colour profile from
// the TERM and COLORTERM the client sent. The background is not queried: a terminal that
// does not answer the query would leave the participant waiting, and the answer would be
// read from the participant's keystrokes; a dark background is assumed.
func renderer(sess ssh.Session) *lipgloss.Renderer {
	pty, _, ok := sess.Pty()
	if !ok || pty.Term == "" || pty.Term == "dumb" {
		return lipgloss.NewRenderer(sess, termenv.WithProfile(termenv.Ascii))
	}
	env := environ(append(sess.Environ(), "TERM="+pty.Term))
	r := lipgloss.NewRenderer(sess, termenv.WithEnvironment(env), termenv.WithUnsafe(), termenv.WithColorCache(true))
	r.SetHasDarkBackground(true)
	return r
}

// environ is a client's environment as termenv reads it.
type environ []string

func (e environ) Environ() []string { return e }

func (e environ) Getenv(k string) string {
	for _, v := range e {
		if strings.HasPrefix(v, k+"=") {
			return v[len(k)+1:]
		}
	}
	return ""
}

// logWriter is the session log: one line an event, or nothing.
type logWriter struct{ w io.Writer }

func (l logWriter) Printf(format string, args ...any) {
	if l.w != nil {
		fmt.Fprintf(l.w, format+"\n", args...)
	}
}
