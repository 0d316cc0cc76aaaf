package serve

import (
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"sync"
	"syscall"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/ssh"
)

// Limits on what one client may cost the facilitator's process.
const (
	// DefaultHandshakeTimeout is how long a connection may take to authenticate: 3,000
	// connections that never did held as many file descriptors until nobody could join.
	DefaultHandshakeTimeout = 10 * time.Second
	// MaxPendingPerAddress is the most connections one address may have that have not
	// authenticated yet; those beyond are closed at once.
	MaxPendingPerAddress = 16
	// DefaultInputRate is how many bytes of input a second a participant's program reads,
	// with as many again in a burst; the rest is dropped, and the participant told. Typing
	// and a mouse sweeping the board stay far below it; a 10 MB paste kept the facilitator's
	// process busy for ten minutes.
	DefaultInputRate = 4096
	// shutdownGrace is how long the participants' programs get to give their terminals back
	// when the session ends; connections still open then are closed.
	shutdownGrace = 2 * time.Second
)

// tracked is an accepted connection, counted against its address until it closes, and
// closed if it has not authenticated within the handshake timeout.
type tracked struct {
	net.Conn
	s      *Server
	host   string
	timer  *time.Timer
	authed bool // under s.mu
	once   sync.Once
}

type trackedKey struct{}

// accept admits a new TCP connection (the SSH server's ConnCallback): refused when the
// session is ending or its address holds MaxPendingPerAddress connections that have not
// authenticated, or Max participants and as many pending ones in all.
func (s *Server) accept(ctx ssh.Context, nc net.Conn) net.Conn {
	host := hostOf(nc.RemoteAddr())
	s.mu.Lock()
	refuse := ""
	switch {
	case s.closing:
		refuse = "the session is ending"
	case s.pending[host] >= MaxPendingPerAddress:
		refuse = fmt.Sprintf("%d connections from this address have not authenticated yet", MaxPendingPerAddress)
	case s.perAddress[host] >= s.cfg.Max+MaxPendingPerAddress:
		refuse = "too many connections from this address"
	}
	if refuse == "" {
		s.pending[host]++
		s.perAddress[host]++
	}
	s.mu.Unlock()
	if refuse != "" {
		logWriter{s.cfg.Log}.Printf("refused a connection from %s: %s", host, refuse)
		return nil
	}
	t := &tracked{Conn: nc, s: s, host: host}
	t.timer = time.AfterFunc(s.cfg.HandshakeTimeout, func() {
		s.mu.Lock()
		authed := t.authed
		s.mu.Unlock()
		if !authed {
			logWriter{s.cfg.Log}.Printf("closed a connection from %s: not authenticated within %v", host, s.cfg.HandshakeTimeout)
			t.Close()
		}
	})
	ctx.SetValue(trackedKey{}, t)
	return t
}

// authenticated marks the connection of ctx as past authentication: no handshake timeout
// for it any more, and it no longer counts as pending.
func (s *Server) authenticated(ctx ssh.Context) {
	t, ok := ctx.Value(trackedKey{}).(*tracked)
	if !ok {
		return
	}
	t.timer.Stop()
	s.mu.Lock()
	if !t.authed {
		t.authed = true
		s.release(t.host, true, false)
	}
	s.mu.Unlock()
}

// Close closes the connection and gives back what it counted against its address.
func (t *tracked) Close() error {
	err := t.Conn.Close()
	t.once.Do(func() {
		t.timer.Stop()
		t.s.mu.Lock()
		t.s.release(t.host, !t.authed, true)
		t.s.mu.Unlock()
	})
	return err
}

// release takes a connection off its address's counts; s.mu is held.
func (s *Server) release(host string, pending, all bool) {
	if pending {
		if s.pending[host]--; s.pending[host] <= 0 {
			delete(s.pending, host)
		}
	}
	if all {
		if s.perAddress[host]--; s.perAddress[host] <= 0 {
			delete(s.perAddress, host)
		}
	}
}

func hostOf(a net.Addr) string {
	if host, _, err := net.SplitHostPort(a.String()); err == nil {
		return host
	}
	return a.String()
}

// errOutOfFiles says why nobody can join when the process has no file descriptor left.
var errOutOfFiles = errors.New("the process is out of file descriptors (see ulimit -n): nobody can join, and files cannot be opened or saved, until connections close")

// accepting is the listener of a session: when accepting fails for want of file
// descriptors, it says so (once a minute at most) instead of retrying in silence.
type accepting struct {
	net.Listener
	s    *Server
	mu   sync.Mutex
	last time.Time
}

func (l *accepting) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil && (errors.Is(err, syscall.EMFILE) || errors.Is(err, syscall.ENFILE)) {
		l.mu.Lock()
		say := time.Since(l.last) > time.Minute
		if say {
			l.last = time.Now()
		}
		l.mu.Unlock()
		if say {
			l.s.problem(errOutOfFiles.Error())
		}
	}
	return c, err
}

// inputLimit is a participant's input, read at most rate bytes a second with a burst of as
// many again; what comes faster is read and dropped, so that the connection keeps draining,
// and tellDrop is told the bytes dropped so far (at most twice a second).
type inputLimit struct {
	r        io.Reader
	rate     float64
	tokens   float64
	last     time.Time
	dropped  int
	told     time.Time
	tellDrop func(total int)
	scratch  []byte
}

func newInputLimit(r io.Reader, rate int, tellDrop func(total int)) *inputLimit {
	return &inputLimit{r: r, rate: float64(rate), tokens: 2 * float64(rate), last: time.Now(), tellDrop: tellDrop,
		scratch: make([]byte, 32<<10)}
}

func (l *inputLimit) Read(p []byte) (int, error) {
	for {
		l.refill()
		if l.tokens >= 1 {
			// no more than the rate allows is taken from the connection: the rest waits
			n, err := l.r.Read(p[:min(len(p), int(l.tokens))])
			l.tokens -= float64(n)
			return n, err
		}
		n, err := l.r.Read(l.scratch)
		l.dropped += n
		if now := time.Now(); n > 0 && now.Sub(l.told) > 500*time.Millisecond {
			l.told = now
			l.tellDrop(l.dropped)
		}
		if err != nil {
			return 0, err
		}
	}
}

// refill adds the tokens earned since the last read.
func (l *inputLimit) refill() {
	now := time.Now()
	l.tokens = min(2*l.rate, l.tokens+now.Sub(l.last).Seconds()*l.rate)
	l.last = now
}

// inputDroppedMsg tells a participant's program that input was dropped; inputNoteOverMsg
// takes the note away after a while.
type (
	inputDroppedMsg  struct{ total int }
	inputNoteOverMsg struct{ note string }
)

// noteDropped shows, for a few seconds, that input was dropped and why.
func (g *guardedModel) noteDropped(m inputDroppedMsg) tea.Cmd {
	g.dropped = fmt.Sprintf("input too fast: %d bytes dropped (%d a second are read)", m.total, g.rate)
	if g.width > 0 && len(g.dropped) > g.width {
		g.dropped = g.dropped[:g.width]
	}
	note := g.dropped
	return tea.Tick(3*time.Second, func(time.Time) tea.Msg { return inputNoteOverMsg{note} })
}

// withNote puts note, when there is one, on the window's last line: below the view when it
// is shorter than the window, else in place of its last line.
func withNote(view, note string, height int) string {
	if note == "" {
		return view
	}
	if strings.Count(view, "\n")+1 < height {
		return view + "\n" + note
	}
	if i := strings.LastIndexByte(view, '\n'); i >= 0 {
		return view[:i+1] + note
	}
	return note
}
