package serve

import (
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	gossh "golang.org/x/crypto/ssh"
)

// The attacks a shared session must withstand, each from 127.0.0.1, each bounded in time.

// joinUnread joins as a participant called stalled, at the largest window, whose output is
// never read: once the SSH window is full, its program blocks writing frames.
func joinUnread(t *testing.T, f *fixture) {
	t.Helper()
	conn, err := dial(f.addr, "stalled", gossh.PublicKeys(f.viewer.signer))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	sess, _ := conn.NewSession()
	if _, err := sess.StdoutPipe(); err != nil {
		t.Fatal(err)
	}
	if err := sess.RequestPty("xterm", MaxHeight, MaxWidth, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
}

// stall joins as a participant whose output is never read, at the largest window, and fills
// its SSH window with frames until its program is stuck writing one, as with a laptop whose
// lid was closed.
func stall(t *testing.T, f *fixture) {
	t.Helper()
	joinUnread(t, f)
	waitParticipants(t, f.srv, 1)
	// frames are written at most 60 a second: two seconds of full frames of 500x200 are
	// several times the SSH window
	for i := range 400 {
		f.srv.Broadcast(stateMsg(fmt.Sprintf("s%d", i)))
		time.Sleep(5 * time.Millisecond)
	}
}

// TestCloseEndsEveryoneDespiteAStalledParticipant: the session ends within its deadline even
// when one participant stopped reading, every other participant is told, and the port is
// closed to newcomers.
func TestCloseEndsEveryoneDespiteAStalledParticipant(t *testing.T) {
	f := start(t, 0)
	stall(t, f)
	reader := join(t, f.addr, "reader", f.viewer, 80, 24)
	reader.screen.waitFor(t, "user=reader")
	closed := make(chan struct{})
	go func() { f.srv.Close(); close(closed) }()
	select {
	case <-closed:
	case <-time.After(10 * time.Second):
		t.Fatal("Close still waits 10 s after the facilitator ended the session, held by a participant who stopped reading")
	}
	reader.screen.waitFor(t, "the facilitator ended the shared session")
	if c, err := dial(f.addr, "late", gossh.PublicKeys(f.viewer.signer)); err == nil {
		c.Close()
		t.Error("a participant could still join after the session ended")
	}
}

// TestResizeFloodNeitherHangsNorKeepsASeat: thousands of window changes leave the connection
// answering (the newest size is drawn) and, once the client leaves, its seat free.
func TestResizeFloodNeitherHangsNorKeepsASeat(t *testing.T) {
	f := start(t, 1)
	c := join(t, f.addr, "flood", f.viewer, 80, 24)
	c.screen.waitFor(t, "user=flood")
	f.srv.Broadcast(stateMsg("flood")) // every size is then a full frame to draw again
	c.screen.waitFor(t, "state=flood.")
	// three seconds of window changes, each a full frame of up to 500x200 at 60 a second;
	// a connection that hangs stops taking them, so they are sent aside and waited for
	flooded := make(chan error, 1)
	go func() {
		began := time.Now()
		for i := 0; time.Since(began) < 3*time.Second; i++ {
			if err := c.sess.WindowChange(MaxHeight-i%2, MaxWidth-i%2); err != nil {
				flooded <- err
				return
			}
			if i%64 == 0 {
				time.Sleep(time.Millisecond)
			}
		}
		flooded <- c.sess.WindowChange(45, 123)
	}()
	select {
	case err := <-flooded:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		c.conn.Close()
		t.Fatal("the connection stopped taking window changes during a resize flood: it hangs")
	}
	c.screen.waitFor(t, "size=123x45")
	c.sess.Close()
	c.conn.Close()
	// the seat comes free once the connection's end is noticed: a newcomer gets in within
	// seconds, not "the session is full"
	deadline := time.Now().Add(10 * time.Second)
	for try := 0; ; try++ {
		next := join(t, f.addr, fmt.Sprintf("next%d", try), f.viewer, 80, 24)
		if seated(next.screen, fmt.Sprintf("user=next%d", try)) {
			return
		}
		next.sess.Close()
		next.conn.Close()
		if time.Now().After(deadline) {
			t.Fatal("the participant who left after a resize flood still holds its seat 10 s later")
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// seated waits for a newcomer's screen to show either its program (true) or that the
// session is full (false).
func seated(s *screen, want string) bool {
	for range 1000 {
		out := s.String()
		switch {
		case strings.Contains(out, want):
			return true
		case strings.Contains(out, "the session is full"):
			return false
		}
		time.Sleep(5 * time.Millisecond)
	}
	return false
}

// TestUnauthenticatedConnectionsAreClosed: a connection that never authenticates is closed
// after the handshake timeout, and its file descriptor given back.
func TestUnauthenticatedConnectionsAreClosed(t *testing.T) {
	f := startWith(t, Config{HandshakeTimeout: 300 * time.Millisecond})
	conn, err := net.Dial("tcp", f.addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	_, err = io.Copy(io.Discard, conn) // the server's version line, then nothing until it closes
	var netErr net.Error
	if errors.As(err, &netErr) && netErr.Timeout() {
		t.Fatal("a connection that never authenticated was still open 5 s later")
	}
	// an authenticated participant is not subject to it
	c := join(t, f.addr, "vera", f.viewer, 80, 24)
	time.Sleep(600 * time.Millisecond)
	c.screen.waitFor(t, "user=vera")
	f.srv.Broadcast(stateMsg("later"))
	c.screen.waitFor(t, "state=later.")
}

// TestConnectionsPerAddressAreCapped: one address holds at most MaxPendingPerAddress
// connections that have not authenticated; the rest are closed at once.
func TestConnectionsPerAddressAreCapped(t *testing.T) {
	f := startWith(t, Config{HandshakeTimeout: time.Minute})
	const tries = MaxPendingPerAddress + 24
	var mu sync.Mutex
	closedAtOnce := 0
	var wg sync.WaitGroup
	var conns []net.Conn
	for range tries {
		conn, err := net.Dial("tcp", f.addr)
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, conn)
		time.Sleep(2 * time.Millisecond) // in order: the first ones are those kept
	}
	for _, conn := range conns {
		defer conn.Close()
		wg.Add(1)
		go func() {
			defer wg.Done()
			conn.SetReadDeadline(time.Now().Add(2 * time.Second))
			_, err := io.Copy(io.Discard, conn)
			var netErr net.Error
			if !(errors.As(err, &netErr) && netErr.Timeout()) {
				mu.Lock()
				closedAtOnce++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if want := tries - MaxPendingPerAddress; closedAtOnce != want {
		t.Errorf("%d of %d unauthenticated connections from one address were closed at once, want %d", closedAtOnce, tries, want)
	}
}

// TestInputBeyondTheRateIsDroppedAndSaid: a paste far beyond the input rate reaches the
// program only up to the rate, and the participant is told that the rest was dropped.
func TestInputBeyondTheRateIsDroppedAndSaid(t *testing.T) {
	const rate = 1000
	f := startWith(t, Config{InputRate: rate})
	c := join(t, f.addr, "paster", f.viewer, 100, 10)
	c.screen.waitFor(t, "user=paster")
	began := time.Now()
	chunk := strings.Repeat("a", 4096)
	for range 256 { // 1 MiB
		if _, err := io.WriteString(c.stdin, chunk); err != nil {
			t.Fatal(err)
		}
	}
	c.screen.waitFor(t, "input too fast")
	time.Sleep(500 * time.Millisecond)
	elapsed := time.Since(began).Seconds()
	keys := lastKeys(c.screen.String())
	if limit := int(2*rate + rate*elapsed); keys > limit {
		t.Errorf("the program took %d characters of a 1 MiB paste in %.1f s, more than the %d the rate allows", keys, elapsed, limit)
	}
	if keys == 0 {
		t.Errorf("the program took none of the paste: the first burst must get through; screen %q", tail(c.screen.String()))
	}
}

var keysSeen = regexp.MustCompile(`keys=(\d+);`)

// lastKeys is the newest count of typed characters the probe drew.
func lastKeys(screen string) int {
	all := keysSeen.FindAllStringSubmatch(screen, -1)
	if len(all) == 0 {
		return 0
	}
	n, _ := strconv.Atoi(all[len(all)-1][1])
	return n
}

// crashing is a participant program that panics on the key its test names.
type crashing struct {
	probe
	on string
}

func (m crashing) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok && k.String() == m.on {
		var nothing map[string]int
		nothing["boom"]++ // a nil map: the kind of slip a screen can make
	}
	next, cmd := m.probe.Update(msg)
	return crashing{next.(probe), m.on}, cmd
}

// TestPanicInAParticipantsProgramIsCaught: the panic ends only that participant's program,
// who is told; the facilitator is told the cause; the others go on.
func TestPanicInAParticipantsProgramIsCaught(t *testing.T) {
	var mu sync.Mutex
	var told []string
	f := startWith(t, Config{
		Program: func(p *Participant) tea.Model { return crashing{probe{p: p}, "!"} },
		Problem: func(s string) { mu.Lock(); told = append(told, s); mu.Unlock() },
	})
	crash := join(t, f.addr, "crash", f.viewer, 80, 24)
	other := join(t, f.addr, "other", f.viewer, 80, 24)
	crash.screen.waitFor(t, "user=crash")
	other.screen.waitFor(t, "user=other")
	io.WriteString(crash.stdin, "!")
	crash.screen.waitFor(t, "stopped on an internal error")
	f.srv.Broadcast(stateMsg("after"))
	other.screen.waitFor(t, "state=after.")
	mu.Lock()
	defer mu.Unlock()
	if len(told) != 1 || !strings.Contains(told[0], "crash's view") || !strings.Contains(told[0], "assignment to entry in nil map") ||
		!strings.Contains(told[0], "crashing.Update at guard_test.go:") {
		t.Errorf("the facilitator was told %q, want one line naming the participant and the panic", told)
	}
}

// failingListener fails every Accept with err.
type failingListener struct {
	net.Listener
	err error
}

func (l failingListener) Accept() (net.Conn, error) { return nil, l.err }

// TestOutOfFileDescriptorsIsSaid: when accepting fails for want of file descriptors, the
// facilitator is told that, once, and not some other reason.
func TestOutOfFileDescriptorsIsSaid(t *testing.T) {
	var told []string
	s := &Server{cfg: Config{Problem: func(text string) { told = append(told, text) }}}
	l := &accepting{Listener: failingListener{err: &net.OpError{Op: "accept", Net: "tcp", Err: os.NewSyscallError("accept4", syscall.EMFILE)}}, s: s}
	for range 3 {
		if _, err := l.Accept(); err == nil {
			t.Fatal("Accept succeeded")
		}
	}
	if len(told) != 1 || !strings.Contains(told[0], "out of file descriptors") {
		t.Errorf("the facilitator was told %q, want once that the process is out of file descriptors", told)
	}
}
