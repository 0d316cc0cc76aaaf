package serve

import (
	"context"
	"fmt"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
)

// A participant's program runs here rather than in wish's Bubble Tea middleware, for three
// guards that middleware lacks:
//
//   - window sizes are read from the SSH session at once and coalesced: the SSH library hands
//     each window-change to a one-slot channel while it holds the connection's only reader, so
//     a resize flood that waited on a busy program stopped the connection from reading its
//     flow-control messages, the program's frames from being written, and the program from
//     taking the next resize: the connection hung, outlived its client and kept its seat;
//   - the participant's input goes through an inputLimit;
//   - a panic in the participant's program is caught at its boundary (guardedModel), logged
//     and told to the participant, and never printed over the facilitator's terminal.

// conn is a connected participant's program and its mailboxes: the newest state to show and
// the newest window size, each one message deep.
type conn struct {
	p     *Participant
	prog  *tea.Program
	box   chan tea.Msg
	sizes chan tea.WindowSizeMsg
	// notes carries what the server itself tells the participant (input dropped).
	notes chan tea.Msg
	// failure is what the participant's program panicked with, once it has.
	mu      sync.Mutex
	failure string
}

// run is the middleware that runs a participant's program on the session, until it quits,
// the connection closes or the session ends.
func (s *Server) run(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		s.mu.Lock()
		closing := s.closing
		s.mu.Unlock()
		if closing {
			next(sess)
			return
		}
		c := s.newConn(sess)
		_, winch, _ := sess.Pty()
		ctx, cancel := context.WithCancel(sess.Context())
		go c.resizes(winch)
		go c.deliver(ctx)
		go func() {
			<-ctx.Done()
			c.prog.Quit()
			s.leave(c)
		}()
		if _, err := c.prog.Run(); err != nil {
			logWriter{s.cfg.Log}.Printf("participant %d (%s): %v", c.p.ID, c.p.User, err)
		}
		c.prog.Kill()
		cancel()
		s.leave(c)
		if c.failed() != "" {
			wish.Println(sess, "sretopo: your view of the shared session stopped on an internal error (the facilitator's log has it); join again to go on.")
		}
		next(sess)
	}
}

// newConn builds a participant's program, guarded, on its limited input.
func (s *Server) newConn(sess ssh.Session) *conn {
	role, _ := sess.Context().Value(roleKey{}).(Role)
	s.mu.Lock()
	s.lastID++
	name, _ := sess.Context().Value(nameKey{}).(string)
	if name == "" {
		name = sess.User()
	}
	p := &Participant{ID: s.lastID, User: name, Role: role, Renderer: renderer(sess)}
	s.mu.Unlock()
	c := &conn{p: p, box: make(chan tea.Msg, 1), sizes: make(chan tea.WindowSizeMsg, 1), notes: make(chan tea.Msg, 1)}
	in := newInputLimit(sess, s.cfg.InputRate, func(dropped int) { replace(c.notes, tea.Msg(inputDroppedMsg{dropped})) })
	g := &guardedModel{c: c, s: s, rate: s.cfg.InputRate}
	g.inner = s.guardedBuild(g, p)
	c.prog = tea.NewProgram(g, tea.WithInput(in), tea.WithOutput(sess), tea.WithAltScreen(),
		tea.WithMouseCellMotion(),
		// the process's signals are the facilitator's: a participant's program that took
		// them would swallow the Ctrl-C meant to end the session
		tea.WithoutSignalHandler())
	s.mu.Lock()
	s.conns[p.ID] = c
	s.mu.Unlock()
	return c
}

// guardedBuild calls the caller's Program under the same guard as the program's updates.
func (s *Server) guardedBuild(g *guardedModel, p *Participant) (m tea.Model) {
	defer func() {
		if r := recover(); r != nil {
			g.fail(r)
			m = nil
		}
	}()
	return s.cfg.Program(p)
}

// leave forgets a participant once, and tells the caller.
func (s *Server) leave(c *conn) {
	s.mu.Lock()
	_, present := s.conns[c.p.ID]
	delete(s.conns, c.p.ID)
	s.mu.Unlock()
	if present && s.cfg.Left != nil {
		s.cfg.Left(c.p)
	}
}

// resizes reads every window change the SSH session receives, until it closes the channel,
// and keeps only the newest for the program: it never waits on the program.
func (c *conn) resizes(winch <-chan ssh.Window) {
	for w := range winch {
		replace(c.sizes, tea.WindowSizeMsg{Width: w.Width, Height: w.Height})
	}
}

// deliver hands the newest message of each mailbox to the program. A program that is slow
// to take it (its connection stalled) holds up only this goroutine; meanwhile newer
// messages replace those waiting, so it gets the newest state and size, never a queue.
func (c *conn) deliver(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case msg := <-c.sizes:
			c.prog.Send(msg)
		case msg := <-c.box:
			c.prog.Send(msg)
		case msg := <-c.notes:
			c.prog.Send(msg)
		}
	}
}

// post puts msg in the mailbox, replacing a message not yet delivered. It never blocks.
func (c *conn) post(msg tea.Msg) { replace(c.box, msg) }

// replace puts msg in a one-message mailbox, replacing the message not yet delivered. It
// never blocks.
func replace[T any](box chan T, msg T) {
	for {
		select {
		case box <- msg:
			return
		default:
		}
		select {
		case <-box:
		default:
		}
	}
}

// failed is what the participant's program panicked with ("" if it did not).
func (c *conn) failed() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.failure
}

// guardedModel is a participant's model behind the boundary of its program: its window
// size capped at MaxWidth x MaxHeight, a note while input is dropped, and every panic of
// its Init, Update, View and commands caught. After a panic the model is not called again
// (its state may be half changed): the program quits and the participant is told why.
type guardedModel struct {
	inner tea.Model
	c     *conn
	s     *Server
	// dropped is the note shown while the participant's input is being dropped, rate the
	// input limit it names, width the window's.
	dropped string
	rate    int
	width   int
	height  int
}

// fail records the first panic of the participant's program and reports it once.
func (g *guardedModel) fail(r any) {
	c := g.c
	c.mu.Lock()
	first := c.failure == ""
	if first {
		c.failure = fmt.Sprint(r)
	}
	c.mu.Unlock()
	if first {
		stack := debug.Stack()
		g.s.problem(fmt.Sprintf("%s's view stopped on an internal error and was closed: %v (%s)", c.p.User, r, panicSite(stack)))
		logWriter{g.s.cfg.Log}.Printf("%s", stack)
	}
}

// panicSite is the function and line that panicked, from a stack taken while recovering:
// the frame below the runtime's panic.
func panicSite(stack []byte) string {
	lines := strings.Split(string(stack), "\n")
	for i, l := range lines {
		// panic(...), its file, then the function that panicked and its file
		if strings.HasPrefix(l, "panic(") && i+3 < len(lines) {
			fn := lines[i+2]
			if j := strings.LastIndexByte(fn, '('); j > 0 {
				fn = fn[:j]
			}
			file := strings.TrimSpace(lines[i+3])
			if j := strings.LastIndexByte(file, ' '); j > 0 {
				file = file[:j]
			}
			return fn[strings.LastIndexByte(fn, '/')+1:] + " at " + filepath.Base(file)
		}
	}
	return "unknown place"
}

func (g *guardedModel) Init() (cmd tea.Cmd) {
	if g.c.failed() != "" {
		return tea.Quit
	}
	defer g.recover(&cmd)
	return g.guard(g.inner.Init())
}

// recover catches a panic of the inner model: the program quits.
func (g *guardedModel) recover(cmd *tea.Cmd) {
	if r := recover(); r != nil {
		g.fail(r)
		*cmd = tea.Quit
	}
}

func (g *guardedModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if g.c.failed() != "" {
		return g, tea.Quit
	}
	switch m := msg.(type) {
	case tea.WindowSizeMsg:
		msg = tea.WindowSizeMsg{Width: min(m.Width, MaxWidth), Height: min(m.Height, MaxHeight)}
		g.width, g.height = min(m.Width, MaxWidth), min(m.Height, MaxHeight)
	case inputDroppedMsg:
		return g, g.noteDropped(m)
	case inputNoteOverMsg:
		if m.note == g.dropped {
			g.dropped = ""
		}
		return g, nil
	}
	return g, g.update(msg)
}

// update hands msg to the inner model, under the guard.
func (g *guardedModel) update(msg tea.Msg) (cmd tea.Cmd) {
	defer g.recover(&cmd)
	next, inner := g.inner.Update(msg)
	g.inner = next
	return g.guard(inner)
}

func (g *guardedModel) View() (view string) {
	if g.c.failed() != "" {
		return ""
	}
	defer func() {
		if r := recover(); r != nil {
			g.fail(r)
			view = ""
			go g.c.prog.Quit() // View cannot return a command; Quit waits for this frame to end
		}
	}()
	return withNote(g.inner.View(), g.dropped, g.height)
}

// guard wraps a command of the inner model so that its panic, on the goroutine Bubble Tea
// runs it on, ends the participant's program instead of printing over the facilitator's
// terminal. The commands of a batch are guarded too.
func (g *guardedModel) guard(cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				g.fail(r)
				msg = tea.QuitMsg{}
			}
		}()
		msg = cmd()
		if batch, ok := msg.(tea.BatchMsg); ok {
			guarded := make(tea.BatchMsg, len(batch))
			for i, c := range batch {
				guarded[i] = g.guard(c)
			}
			msg = guarded
		}
		return msg
	}
}
