package model

import (
	"fmt"
	"sort"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/views"
)

// boardScreen is the board as a screen: the three org columns, which team (or which of its
// services) is selected, and the panel shown below or beside. Its Update moves around on
// its own; a key that edits the session or opens another screen is handed to the root
// model as what the board asks (ask, edit), since only the root knows the other screens
// and sends edits to the session (or, in a shared session, to the facilitator).
//
// The selection is a place on the board (views.Board: a column and a row in each), which an
// edit can move: the root model finds the selected team again by its name after every
// change of the session (Model.rederive).
type boardScreen struct {
	views.Board
	panel views.PanelID
	// byStatus lists the Services panel worst status first; byBreach, likeliest to
	// breach first (see nextServiceOrder).
	byStatus, byBreach bool
	// panels keeps the panels' area as last drawn: it depends on the analysis, the panel
	// shown and the layout, not on the selection, so moving around redraws only the board.
	panels panelsCache

	// What the last key asked of the root model: another screen or a command (ask), an edit
	// of the session (edit), and what to say of it (note, an error when noteErr).
	ask     boardAsk
	edit    *boardEdit
	note    string
	noteErr bool
}

// boardAsk is what a key on the board asks of the root model beyond the board.
type boardAsk int

const (
	askNothing boardAsk = iota
	askQuit
	askKeys    // ?: every key on a page of its own
	askFind    // /
	askNewTeam // n: the team form, in the focused column's org
	askDelete  // x on a team others run with: ask first
	// askDeleteService is x on a service under its team: ask first, then delete that service
	askDeleteService
	askRotation   // R
	askRename     // N
	askAddService // i
	askUndo
	askRedo
	askSave
	askSaveAs
	askOpen
	askCompare
	askPlan
	askExport
	askPresent
	askZoom
	askLog
	askClearFilter // esc while find filters the board
)

// boardEdit is an edit a key asks for: an orgs edit of the current model, and the only team
// it changes (-1: several, or the organization).
type boardEdit struct {
	team int
	do   func(o *orgs.Org) (*orgs.Change, error)
}

// boardCtx is what the board reads to handle a message: the session (never changed here),
// its analysis, the index of who serves whom, the layout as last drawn and the keys.
type boardCtx struct {
	s     *Session
	an    *orgs.Analysis
	index views.Index
	lay   views.Layout
	keys  *KeyMap
	// data is what the views draw, for paging by the rows a column shows.
	data func() *views.Data
}

func (b *boardScreen) say(s string)    { b.note, b.noteErr = s, false }
func (b *boardScreen) sayErr(s string) { b.note, b.noteErr = s, true }
func (b *boardScreen) editTeam(i int, do func(o *orgs.Org) (*orgs.Change, error)) {
	b.edit = &boardEdit{team: i, do: do}
}

// Update handles a key on the board (see boardScreen for what it hands on): the row of the
// key pressed does what it does, unless the participant of a shared session may not press
// it, which is said at once.
func (b boardScreen) Update(msg tea.KeyMsg, n boardNow) (boardScreen, tea.Cmd) {
	b.ask, b.edit, b.note, b.noteErr = askNothing, nil, "", false
	sel := b.Selected()
	if r, ok := rowFor(b.bindings(n), msg.String()); ok {
		if why := r.access.refusal(n.shared); why != "" {
			b.sayErr(why)
		} else {
			r.do(&b)
		}
	}
	b.closeIfMoved(sel)
	return b, nil
}

// panelsCache is the panels' area as drawn for an analysis, a panel, a place and an order.
type panelsCache struct {
	an    *orgs.Analysis
	panel views.PanelID
	rect  views.Rect
	wide  bool
	drawn string
	// byStatus and byBreach are the Services panel's order
	byStatus, byBreach bool
}

// View draws the dashboard of d: the board, its panels, and the dialog of d in the panels'
// place, laid out as lay in w x h.
func (b *boardScreen) View(d *views.Data, st views.Styles, lay views.Layout, w, h int) string {
	if d.Dialog == nil && !lay.TooSmall {
		key := panelsCache{an: d.An, panel: b.panel, rect: lay.Panels, wide: lay.Wide, byStatus: b.byStatus, byBreach: b.byBreach}
		if c := b.panels; c.an != key.an || c.panel != key.panel || c.rect != key.rect || c.wide != key.wide || c.byStatus != key.byStatus || c.byBreach != key.byBreach {
			key.drawn = views.DrawPanels(d, st, lay)
			b.panels = key
		}
		d.PanelsDrawn = b.panels.drawn
	}
	return views.Dashboard(d, st, w, h)
}

// scroll keeps each column's selection in sight, as d lays it out in lay.
func (b *boardScreen) scroll(d *views.Data, lay views.Layout) {
	for c := range b.Offsets {
		b.Offsets[c] = views.ScrollOffset(d, lay, c, b.Offsets[c])
		d.Board.Offsets[c] = b.Offsets[c]
	}
}

// back puts the board where it was (from, with team name selected) when a screen that
// moved around on it (find) is cancelled: the columns stay as they are now, since an edit
// may have arrived meanwhile (in a shared session), and the team is found by its name.
func (b *boardScreen) back(o *orgs.Org, from views.Board, name string) {
	cols := b.Cols
	b.Board = from
	b.Cols = cols
	b.clampRows()
	if i := o.TeamIndex(name); i >= 0 {
		b.selectIndex(o, i)
	}
}

// closeIfMoved closes the services shown when the selection left team sel: they are the
// selected team's.
func (b *boardScreen) closeIfMoved(sel int) {
	if b.Selected() != sel {
		b.Open = false
	}
}

// toggleServices opens the services team i builds under its card, the first one selected so
// that r and w apply to it, or closes them.
func (b *boardScreen) toggleServices(o *orgs.Org, ix views.Index, i int) {
	if b.Open {
		b.Open = false
		return
	}
	n := len(ix.TeamServices(i))
	if n == 0 {
		b.sayErr("this team builds no service")
		return
	}
	b.Open, b.Service = true, 0
	b.say(fmt.Sprintf("%d service%s of %q: up/down choose, r who runs it, w with whom, enter closes", n, map[bool]string{true: "", false: "s"}[n == 1], o.Teams[i].Name))
}

// Mouse handles a press on the board: a click on a tab shows its panel, a click on a card
// selects it, and the wheel over a column moves its selection as up and down do.
func (b boardScreen) Mouse(msg tea.MouseMsg, ctx boardCtx) boardScreen {
	if msg.Action != tea.MouseActionPress {
		return b
	}
	switch msg.Button {
	case tea.MouseButtonLeft:
		if msg.Y == ctx.lay.Panels.Y && msg.X >= ctx.lay.Panels.X {
			if p, ok := views.TabAt(ctx.data(), ctx.lay.Panels.W, msg.X-ctx.lay.Panels.X); ok {
				b.panel = p
			}
			return b
		}
		if c, row, ok := views.HitCard(ctx.data(), ctx.lay, msg.X, msg.Y); ok {
			b.Focus = c
			b.Rows[c] = row
		}
	case tea.MouseButtonWheelUp, tea.MouseButtonWheelDown:
		for c, r := range ctx.lay.Columns {
			if r.Contains(msg.X, msg.Y) {
				b.Focus = c
				if msg.Button == tea.MouseButtonWheelUp {
					b.moveRow(-1)
				} else {
					b.moveRow(+1)
				}
			}
		}
	}
	return b
}

// selectIndex selects team i of o, in its column.
func (b *boardScreen) selectIndex(o *orgs.Org, i int) {
	if i < 0 || i >= len(o.Teams) {
		return
	}
	c := views.ColumnOf(o.Teams[i].Org)
	col := b.Cols[c]
	r := sort.SearchInts(col, i)
	if r < len(col) && col[r] == i {
		b.Focus = c
		b.Rows[c] = r
	}
}

func (b *boardScreen) focusColumn(c int) {
	b.Focus = max(0, min(2, c))
}

func (b *boardScreen) moveRow(d int) {
	c := b.Focus
	b.Rows[c] = max(0, min(len(b.Cols[c])-1, b.Rows[c]+d))
}

func (b *boardScreen) clampRows() {
	for c := range b.Rows {
		b.Rows[c] = max(0, min(len(b.Cols[c])-1, b.Rows[c]))
	}
}

func (b *boardScreen) cyclePanel(an *orgs.Analysis, step int) {
	ps := views.Panels(an)
	k := 0
	for i, p := range ps {
		if p == b.panel {
			k = i
		}
	}
	b.panel = ps[(k+step+len(ps))%len(ps)]
}

// ensurePanel moves off a panel the analysis no longer has (positioning, when the SRE org
// empties).
func (b *boardScreen) ensurePanel(an *orgs.Analysis) {
	ps := views.Panels(an)
	for _, p := range ps {
		if p == b.panel {
			return
		}
	}
	for _, p := range ps {
		if p > b.panel {
			b.panel = p
			return
		}
	}
	b.panel = ps[len(ps)-1]
}

// ---- the root model's side: routing to the board and doing what it asks -------------

// boardCtx is what the board reads now.
func (m *Model) boardCtx() boardCtx {
	return boardCtx{s: m.Session, an: m.an, index: m.index, lay: m.lay, keys: &m.keys, data: m.data}
}

// boardKey routes a key to the board and does what it asks.
func (m *Model) boardKey(msg tea.KeyMsg) tea.Cmd {
	sel := m.board.Selected()
	m.before = m.Selected() // edits apply at once; rederive needs the selection from before
	m.board, _ = m.board.Update(msg, m.boardNow())
	b := &m.board
	switch {
	case b.note != "" && b.noteErr:
		m.setError(b.note)
	case b.note != "":
		m.setStatus(b.note)
	}
	if e := b.edit; e != nil {
		c, err := e.do(m.cur)
		m.editTeam(e.team, c, err)
		m.board.closeIfMoved(sel)
	}
	switch b.ask {
	case askQuit:
		return m.quit()
	case askKeys:
		m.openKeys()
	case askFind:
		m.show(newFinder(m.board.Board, m.Selected()))
	case askNewTeam:
		m.show(newTeamForm(orgs.AllOrgs[m.board.Focus]))
	case askDelete:
		m.askDelete(m.cur.Teams[sel].Name)
	case askDeleteService:
		if k := m.board.SelectedService(m.index); k >= 0 {
			m.askDeleteService(m.cur.Services[k].Name, m.cur.Services[k].Team)
		}
	case askRotation:
		m.startRotation(sel)
	case askClearFilter:
		if m.filter != "" {
			m.setFilter("")
			m.setStatus("every team shown")
		}
	case askRename:
		m.startRename(sel)
	case askAddService:
		m.startAddService(sel)
	case askUndo:
		m.undo()
	case askRedo:
		m.redo()
	case askSave, askSaveAs:
		m.pending = after{}
		return m.startSave(b.ask == askSaveAs)
	case askOpen:
		return m.listFiles(listToOpen)
	case askCompare:
		return m.enterCompare()
	case askPlan:
		return m.enterPlan()
	case askExport:
		return m.export()
	case askPresent:
		m.startPresenting()
	case askZoom:
		m.zoomPanel()
	case askLog:
		m.openPager(newPager("Messages (the last 100, oldest first)", m.logLines, false), true)
	}
	m.board.closeIfMoved(sel)
	return nil
}

// selectIndex selects team i on the board.
func (m *Model) selectIndex(i int) { m.board.selectIndex(m.cur, i) }
