package model

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/views"
)

// A shared session (sretopo serve): the facilitator's dashboard owns the one Session, the
// model and its history; every participant runs a dashboard of its own on copies of what
// the facilitator publishes after each change. Participants edit by sending the change an
// orgs edit made on their copy to the facilitator, who applies it if the board has not
// changed since (else the participant is asked to press again), so every edit from every
// side goes through one history, in order.

// ShareRole is what a dashboard is in a shared session.
type ShareRole int

const (
	// Facilitator owns the model, the files and the history.
	Facilitator ShareRole = iota
	// Viewer follows and browses; no edit key works.
	Viewer
	// Editor may also use every edit key.
	Editor
)

// idleLimit is how long a participant who neither follows nor presses a key stays.
const idleLimit = 30 * time.Minute

// SharedState is what the facilitator publishes after every change: copies no one changes
// afterwards, so that each participant's screen can draw them while the next change is made.
type SharedState struct {
	// Version counts the changes of the model; an edit is applied only to the version it
	// was made on.
	Version int
	// Org and Base are the current model and the baseline; An is Org's analysis and
	// Changes what differs from the baseline's own.
	Org, Base *orgs.Org
	An        *orgs.Analysis
	Changes   orgs.Changes
	// File, BasePath and Embedded name the files as the facilitator's header does.
	File, BasePath string
	Embedded       bool
	Modified       bool
	CanUndo        bool
	CanRedo        bool
	// Status says the last change and who made it; StatusID counts the messages published,
	// so that a state published again (the risk figures arriving) is not a new message.
	Status   string
	StatusID int
	// View is where the facilitator is: followers show the same.
	View SharedView
}

// SharedView is the part of the facilitator's screen that followers show too.
type SharedView struct {
	Selected string
	Panel    views.PanelID
	Present  bool
	// Slide is what the presentation shows (not its page number, which depends on the size).
	Slide SlideAt
	Zoom  bool
	// Compare is set while the facilitator compares the baseline with the current model,
	// Plan while the plan screen shows the path to it.
	Compare bool
	Plan    bool
	// PlanStage is the stage the plan screen has chosen (0-based): followers choose it too,
	// and show it wherever it falls at their size.
	PlanStage int
	// Scroll is how far compare is scrolled, in thousandths of its body: followers at
	// another size show the same share.
	Scroll int
	// Options is set while the facilitator compares options as columns (O in compare): the
	// columns as the facilitator's compare made them, which followers show as they are
	// (a participant opens no file of its own).
	Options *OptionColumns
}

// OptionColumns are the options a compare screen shows as columns, never changed once made:
// followers draw the very same ones.
type OptionColumns struct {
	Options []orgs.Option
}

// EditRequest is a participant's edit on its way to the facilitator.
type EditRequest struct {
	From    int // the participant's id
	User    string
	Version int
	// Change is the change the participant's edit made on its copy of Version, and Team
	// the only team it changes (-1: several, or the organization); nil for undo and redo.
	Change     *orgs.Change
	Team       int
	Undo, Redo bool
}

// editRefusedMsg tells a participant its edit was not applied.
type editRefusedMsg struct{ why string }

// PeopleMsg tells the facilitator who is connected and who follows.
type PeopleMsg struct{ People []Person }

// Person is one participant as the facilitator's header lists them.
type Person struct {
	ID        int
	User      string
	Editor    bool
	Following bool
}

// idleCheckMsg makes a participant look at how long it has been idle.
type idleCheckMsg struct{}

// Hub joins the facilitator's dashboard and the participants' programs.
type Hub struct {
	// Addr is where participants join, as the facilitator's header says it.
	Addr        string
	mu          sync.Mutex
	broadcast   func(tea.Msg)
	sendTo      func(id int, msg tea.Msg)
	facilitator *tea.Program
	// state is the last published state: one writer, the facilitator, and a reader in every
	// participant's program, so it is swapped whole rather than guarded
	state  atomic.Pointer[SharedState]
	people map[int]*Person
	// requests carries edits and follow changes to the facilitator in the order they
	// were made, without a participant ever waiting for the facilitator's screen.
	requests chan tea.Msg
}

// NewHub makes a hub: broadcast hands a message to every participant's program and sendTo
// to one, both without waiting (newest first).
func NewHub(broadcast func(tea.Msg), sendTo func(id int, msg tea.Msg)) *Hub {
	return &Hub{broadcast: broadcast, sendTo: sendTo, people: map[int]*Person{}, requests: make(chan tea.Msg, 256)}
}

// Start hands the hub the facilitator's program and forwards requests to it until the
// program ends.
func (h *Hub) Start(p *tea.Program) {
	h.mu.Lock()
	h.facilitator = p
	h.mu.Unlock()
	go func() {
		for msg := range h.requests {
			p.Send(msg)
		}
	}()
}

// forward queues msg for the facilitator; a full queue drops it with false.
func (h *Hub) forward(msg tea.Msg) bool {
	select {
	case h.requests <- msg:
		return true
	default:
		return false
	}
}

// State is the last state the facilitator published (nil before the first).
func (h *Hub) State() *SharedState {
	return h.state.Load()
}

func (h *Hub) publish(st *SharedState) {
	h.state.Store(st)
	if h.broadcast != nil {
		h.broadcast(st)
	}
}

// Join records a participant; Leave forgets one. Both tell the facilitator.
func (h *Hub) Join(id int, user string, editor bool) {
	h.mu.Lock()
	h.people[id] = &Person{ID: id, User: user, Editor: editor, Following: true}
	h.mu.Unlock()
	h.forward(h.peopleMsg())
}

// Problem tells the facilitator what it should know about the session (a participant's
// program that failed, the process out of file descriptors): like a refused edit, its status
// line shows it and its message log keeps it.
func (h *Hub) Problem(text string) { h.forward(editRefusedMsg{text}) }

// Leave forgets a participant that disconnected.
func (h *Hub) Leave(id int) {
	h.mu.Lock()
	delete(h.people, id)
	h.mu.Unlock()
	h.forward(h.peopleMsg())
}

func (h *Hub) setFollowing(id int, on bool) {
	h.mu.Lock()
	if p := h.people[id]; p != nil {
		p.Following = on
	}
	h.mu.Unlock()
	h.forward(h.peopleMsg())
}

func (h *Hub) peopleMsg() PeopleMsg {
	h.mu.Lock()
	defer h.mu.Unlock()
	out := make([]Person, 0, len(h.people))
	for _, p := range h.people {
		out = append(out, *p)
	}
	// by id: in order of arrival
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].ID < out[j-1].ID; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return PeopleMsg{People: out}
}

// sharing is a dashboard's part in a shared session.
type sharing struct {
	hub  *Hub
	role ShareRole
	id   int
	user string
	// facilitator: the version published last, what it was published for, and the people
	version   int
	sentAn    *orgs.Analysis
	sentOrg   *orgs.Org
	sentView  SharedView
	sentState *SharedState
	people    []Person
	// participant: the version its copy holds, whether it follows, when it last pressed a
	// key, and what the facilitator can undo and redo
	following bool
	lastKey   time.Time
	// by names who made the change being published ("" for the facilitator)
	by string
	// statusSent is the facilitator's message published last, as it stood on its status
	// line, and statusID the number of messages published (a participant: seen)
	statusSent string
	statusID   int
	canUndo    bool
	canRedo    bool
}

func (s *sharing) participant() bool { return s != nil && s.role != Facilitator }

// NewFacilitator makes the dashboard of the terminal that runs a shared session.
func NewFacilitator(cfg Config, h *Hub) *Model {
	m := New(cfg)
	m.shared = &sharing{hub: h, role: Facilitator}
	m.publish()
	return m
}

// NewParticipant makes a participant's dashboard on the state the facilitator published
// last, drawn with st (the participant's own terminal's renderer).
func NewParticipant(h *Hub, id int, user string, role ShareRole, st views.Styles) *Model {
	s := h.State()
	op := &orgs.Opened{Path: s.File, Org: s.Org.Clone(), BaselinePath: s.BasePath, Baseline: s.Base}
	m := New(Config{Opened: op, Embedded: s.Embedded, Styles: st})
	m.shared = &sharing{hub: h, role: role, id: id, user: user, following: true, lastKey: time.Now()}
	m.applyState(s)
	return m
}

// publish sends the facilitator's state when the model or the view changed since the last.
func (m *Model) publish() {
	s := m.shared
	cmp := m.compared()
	view := SharedView{Selected: m.Selected(), Panel: m.board.panel, Present: shown[presentScreen](m),
		Slide: m.presenter.at, Zoom: m.zoomed(),
		Compare: cmp != nil && cmp.leftPath == "" && cmp.options == nil,
		Plan:    shown[*planning](m)}
	if cmp != nil && cmp.columns != nil {
		view.Options = cmp.columns
	}
	if pl, ok := m.top().(*planning); ok {
		view.PlanStage = pl.sel
	}
	if cmp != nil {
		view.Scroll = cmp.scrollShare()
	}
	// a save changes neither the model nor the view, but the file and "modified" the room
	// reads in the header: it is published as a new state too
	saved := s.sentState != nil && (s.sentState.File != m.file || s.sentState.Modified != m.Modified())
	if s.sentState != nil && s.sentAn == m.an && view == s.sentView && !saved {
		return
	}
	st := &SharedState{}
	if s.sentState != nil {
		*st = *s.sentState
	}
	if s.sentState == nil || s.sentAn != m.an || saved {
		s.version++
		s.sentOrg = m.cur.Clone()
		s.sentAn = m.Snapshot() // never written over: the next analysis is made afresh
		st.Org, st.An, st.Base, st.Changes = s.sentOrg, s.sentAn, m.base, *m.Changes()
		st.File, st.BasePath, st.Embedded = m.file, m.basePath, m.embedded
		st.Modified, st.CanUndo, st.CanRedo = m.Modified(), m.CanUndo(), m.CanRedo()
		if s.sentState == nil || m.status != s.statusSent {
			// a new message, said by whoever made the change; the same message published
			// again with a new analysis keeps its author and is not said twice
			st.Status = m.status
			if s.by == "" && st.Status != "" && !m.statusErr {
				st.Status = "facilitator: " + st.Status
			}
			s.statusSent = m.status
			s.statusID++
		}
		st.StatusID = s.statusID
		s.by = ""
	}
	st.Version, st.View = s.version, view
	s.sentView, s.sentState = view, st
	s.hub.publish(st)
}

// applyState makes a participant's copy the published state.
func (m *Model) applyState(st *SharedState) tea.Cmd {
	s := m.shared
	if st.Version != s.version || m.cur == nil {
		keep := m.Selected()
		if m.base != st.Base {
			m.Session = NewSession(&orgs.Opened{Path: st.File, Org: st.Org, BaselinePath: st.BasePath, Baseline: st.Base}, st.Embedded)
		}
		m.Session.cur = st.Org.Clone() // its own copy: an edit is first made on it
		m.Session.an, m.Session.anShared = st.An, true
		m.Session.changes = st.Changes
		m.Session.modified = st.Modified
		m.Session.file, m.Session.basePath = st.File, st.BasePath
		s.version, s.canUndo, s.canRedo = st.Version, st.CanUndo, st.CanRedo
		m.derived = derived{}
		m.before = keep
		m.rederive("", -1)
		m.board.panels = panelsCache{}
		if st.Status != "" && st.StatusID != s.statusID {
			m.status, m.statusErr = st.Status, false
			m.logMessage(st.Status, false)
		}
		s.statusID = st.StatusID
	}
	if !s.following {
		return nil
	}
	return m.follow(st.View)
}

// follow shows what the facilitator shows: the same team, panel, presentation slide, zoomed
// panel or comparison, scrolled as far.
func (m *Model) follow(v SharedView) tea.Cmd {
	cmd := m.followScreen(v)
	if c := m.compared(); c != nil && (v.Compare || v.Options != nil) {
		c.scrollTo(v.Scroll)
	}
	return cmd
}

// followScreen opens the screen the facilitator shows.
func (m *Model) followScreen(v SharedView) tea.Cmd {
	if v.Selected != "" {
		if i := m.teamIndex(v.Selected, -1); i >= 0 {
			m.selectIndex(i)
		}
	}
	m.board.panel = v.Panel
	m.board.ensurePanel(m.an)
	switch {
	case v.Present:
		m.closeAll()
		if !m.presenting() {
			m.startPresenting()
		}
		m.presenter.at = v.Slide
		m.placeSlide()
	case v.Zoom:
		if !m.zoomed() {
			m.toBoard()
			m.zoomPanel()
		}
		m.stopPresenting()
	case v.Plan:
		m.stopPresenting()
		var cmd tea.Cmd
		if pl, ok := m.top().(*planning); !ok || pl.version != m.shared.version {
			m.toBoard()
			cmd = m.enterPlan()
		}
		if pl, ok := m.top().(*planning); ok {
			pl.sel = v.PlanStage
		}
		return cmd
	case v.Options != nil:
		m.stopPresenting()
		if c := m.compared(); c == nil || c.columns != v.Options {
			m.toBoard()
			m.push(&comparing{vp: viewport.New(0, 0), options: v.Options.Options, columns: v.Options})
		}
	case v.Compare:
		m.stopPresenting()
		if c := m.compared(); c == nil || c.leftPath != "" || c.options != nil || c.version != m.shared.version {
			m.toBoard()
			return m.enterCompare()
		}
	default:
		m.stopPresenting()
		if m.zoomed() || m.compared() != nil || shown[*planning](m) {
			m.toBoard()
		}
	}
	return nil
}

// followRow is a participant's f, on every screen without a text input: follow the
// facilitator, or browse on one's own.
func (m *Model) followRow() screenKey {
	return onKey(m.keys.Follow, func(m *Model, _ tea.KeyMsg) tea.Cmd {
		s := m.shared
		s.following = !s.following
		s.hub.setFollowing(s.id, s.following)
		if !s.following {
			m.setStatus("browsing on your own: f follows the facilitator again")
			return nil
		}
		m.setStatus("following the facilitator")
		if st := s.hub.State(); st != nil {
			return m.follow(st.View)
		}
		return nil
	})
}

// browse stops a participant following the facilitator: they moved on their own.
func (m *Model) browse() {
	if s := m.shared; s.participant() && s.following {
		s.following = false
		s.hub.setFollowing(s.id, false)
		m.setStatus("browsing on your own: f follows the facilitator again")
	}
}

// facilitatorOnly is why a participant cannot open, save or export.
const facilitatorOnly = "only the facilitator opens, saves and exports files"

// sendEdit hands a participant's edit to the facilitator, after taking it back from its own
// copy: the state that comes back shows it once applied.
func (m *Model) sendEdit(e entry, undo, redo bool) {
	s := m.shared
	if e.c != nil {
		e.c.Undo(m.cur)
		m.derive(e.team)
	}
	if s.role == Viewer {
		m.setError("you are a viewer: only editors and the facilitator change the board")
		return
	}
	req := EditRequest{From: s.id, User: s.user, Version: s.version, Change: e.c, Team: e.team, Undo: undo, Redo: redo}
	if !s.hub.forward(req) {
		m.setError("the facilitator is busy; press again")
		return
	}
	m.setStatus("sent to the facilitator...")
}

// editRequest applies a participant's edit to the facilitator's model, in order with every
// other edit, and names who made it.
func (m *Model) editRequest(r EditRequest) {
	s := m.shared
	who := views.S(r.User)
	refuse := func(why string) {
		s.by = ""
		if s.hub.sendTo != nil {
			s.hub.sendTo(r.From, editRefusedMsg{why})
		}
	}
	keep := m.Selected()
	s.by = r.User
	switch {
	case r.Undo, r.Redo:
		if r.Undo {
			m.undo()
		} else {
			m.redo()
		}
		m.before = keep
		m.rederive("", -1)
		if m.statusErr {
			refuse(m.status)
			return
		}
		m.setStatus(who + " " + m.status)
		return
	case r.Version != s.version || r.Change == nil:
		refuse("the board changed before your edit arrived; press again")
		return
	}
	r.Change.Redo(m.cur)
	m.Apply(r.Change, r.Team)
	m.journal.dirty = true
	m.before = keep
	m.rederive("", r.Team)
	m.setStatus(fmt.Sprintf("%s: %s", who, r.Change.Summary))
}

// idleCheck drops a participant who neither follows nor pressed a key for idleLimit.
func (m *Model) idleCheck() tea.Cmd {
	s := m.shared
	if !s.following && time.Since(s.lastKey) > idleLimit {
		m.quitting = true
		return tea.Quit
	}
	return tea.Tick(time.Minute, func(time.Time) tea.Msg { return idleCheckMsg{} })
}
