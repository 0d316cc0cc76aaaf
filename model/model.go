// Package model is the dashboard's program state and behaviour: the only package that imports
// Bubble Tea. It hands everything it shows to the pure views.
//
// The state is split in two. A Session (session.go) is the file being edited: baseline,
// current model, analysis, the baseline's verdicts compared (orgs.ChangesBetween), undo
// history and what was last saved; every edit goes through it, and it knows no screen, so
// that one Session could serve several screens. The screens are small models, each with
// its Update, its keys and what it draws: the board (board.go), the finder (find.go), the
// presenter (present.go), the pager for anything that scrolls (pager.go: a panel full
// screen, the message log, the key table), yes/no questions (confirm.go), the question about
// unsaved changes (quitguard.go), the restore question (restore.go), the team form and the
// save prompt (form.go), the rotation prompt (rotation.go), compare (compare.go), the plan
// (planscreen.go) and the file list (files.go). They lie on a stack (screens.go): the root
// Model holds the Session, hands each key and mouse press to the screen on top, does what a
// screen asks beyond itself (an edit, another screen, the saving flow of save_flow.go) and
// lays the screen out.
package model

import (
	"path/filepath"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/views"
	"github.com/sretopo/sretopo/words"
)

// SaveFunc writes a scenario; orgs.SaveScenario in the program, a stand-in in some tests.
type SaveFunc func(path string, cur *orgs.Org, meta orgs.ScenarioMeta, replace bool) error

// Config is what the dashboard opens with.
type Config struct {
	// Opened is the file and its baseline, as the command line opened them.
	Opened *orgs.Opened
	// Embedded is set when Opened is an embedded example: its baseline has no file.
	Embedded bool
	Styles   views.Styles
	// Present starts in presentation mode.
	Present bool
	// Save writes scenarios; nil means orgs.SaveScenario.
	Save SaveFunc
	// Write writes the other files (the embedded example as a baseline, the report); nil
	// means orgs.WriteFile.
	Write WriteFunc
	// Journal keeps a recovery file of unsaved work beside the input and, at start, offers
	// to restore the work an earlier session left there.
	Journal bool
}

// WriteFunc writes a file as orgs.WriteFile does.
type WriteFunc func(path string, data []byte, replace bool, verify func([]byte) error) error

// Model is the dashboard.
type Model struct {
	cfg  Config
	st   views.Styles
	keys KeyMap
	help help.Model
	w, h int
	lay  views.Layout

	// Session is the file being edited, its baseline, the current model, its analysis and
	// the undo history; the screens below only draw it and send it edits.
	*Session
	index views.Index
	// board is the board screen: the columns, the selection, the panel shown.
	board boardScreen

	// derived is what index and board.Cols are kept up to date from.
	derived derived

	// stack is the screens open, the board at the bottom and the one with the keys on top
	// (screens.go).
	stack     []screen
	presenter presenter

	save   savePrompt
	saving bool
	// pending is what follows the question about unsaved changes and the save it leads to.
	pending after
	// before is the selected team's name before the key being handled changed anything
	before string

	status    string
	statusErr bool
	// log keeps the last maxLog messages of the status line, in full, for M.
	log      []logEntry
	quitting bool
	// filter is the text find filters the board's columns by ("" for none): filter.go.
	filter string
	// peopleAsked is set while the facilitator is asked whether to end the session for the
	// participants connected, so that a second q or ctrl+c goes on to quit.
	peopleAsked bool

	journal journalState
	// decidePlan is the plan presentation mode's Decide step shows (planscreen.go).
	decidePlan decidePlan
	// decideOptions are the options last compared, for the Decide step (present.go).
	decideOptions decideOptions
	exporting     bool

	// helpView is the key help as drawn for the screen on top and the selection
	helpView string
	helpMemo helpMemo
	// memo keeps the parts of the screen that are costly to draw and seldom change
	memo views.Memo

	// shared is set in a shared session (sretopo serve): see shared.go
	shared *sharing
}

// New makes the dashboard for an opened file.
func New(cfg Config) *Model {
	m := &Model{
		cfg:     cfg,
		st:      cfg.Styles,
		keys:    DefaultKeyMap(),
		help:    help.New(),
		stack:   []screen{boardTop{}},
		journal: journalState{jr: &journal{}, delay: journalDelay},
	}
	m.help.Styles.ShortKey = m.st.Bold
	m.help.Styles.FullKey = m.st.Bold
	m.help.Styles.ShortDesc = m.st.Text
	m.help.Styles.FullDesc = m.st.Text
	m.help.Styles.ShortSeparator = m.st.Muted
	m.help.Styles.FullSeparator = m.st.Muted
	m.help.Styles.Ellipsis = m.st.Muted
	m.help.ShortSeparator = "  "
	if cfg.Present {
		m.push(presentScreen{})
	}
	m.load(cfg.Opened, cfg.Embedded)
	return m
}

// load makes op the session: the current model a copy of it, with no history. An embedded
// example given a --baseline file is no longer without a file for its baseline.
func (m *Model) load(op *orgs.Opened, embedded bool) {
	m.Session = NewSession(op, embedded)
	m.board.Board, m.board.panels = views.Board{}, panelsCache{}
	m.status, m.statusErr = "", false
	m.derived = derived{}
	m.rederive("", -1)
	if len(op.Warnings) > 0 {
		// a warning about the file (its baseline changed on disk) is read before editing:
		// in full, until dismissed, not in a status line the next key clears
		ws := make([]string, len(op.Warnings))
		for i, w := range op.Warnings {
			ws[i] = shortWarning(op.Path, w)
		}
		m.tell("Opened with "+words.Count(len(ws), "warning"), strings.Join(ws, "\n"), nil)
	}
}

// shortWarning shortens a warning about the file at path for the status line, where the
// header names the file already: without the file's name in front and its folder in paths,
// "the baseline x.toml changed on disk since this scenario was saved" fits in 80 columns.
func shortWarning(path, w string) string {
	w = strings.TrimPrefix(w, orgs.Sanitize(path)+": ")
	if d := filepath.Dir(path); d != "." {
		w = strings.ReplaceAll(w, orgs.Sanitize(d)+string(filepath.Separator), "")
	}
	return w
}

// Init looks for unsaved work an earlier session left on the input; otherwise the dashboard
// waits for the terminal's size.
func (m *Model) Init() tea.Cmd {
	if m.shared.participant() {
		return m.idleCheck()
	}
	return m.checkJournal()
}

// Analysis is the analysis of the current organization against the baseline.
func (m *Model) Analysis() *orgs.Analysis { return m.Snapshot() }

// Selected is the name of the selected team ("" when none).
func (m *Model) Selected() string {
	if i := m.board.Selected(); i >= 0 && i < len(m.cur.Teams) {
		return m.cur.Teams[i].Name
	}
	return ""
}

// ---- update ---------------------------------------------------------------

// Update handles a message: the window size first, then keys (an open prompt takes them
// all), then the mouse and the outcome of commands.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.w, m.h = max(0, msg.Width), max(0, msg.Height)
		m.help.Width = m.w
	case tea.KeyMsg:
		cmd = m.key(msg)
	case tea.MouseMsg:
		if s, ok := m.top().(mouser); ok {
			s.mouse(m, msg)
		}
	case pathSuggestedMsg:
		m.show(saveScreen{})
		m.save = newSavePrompt(msg.path, m.pending.words())
		if sc := m.cur.Scenario; sc != nil {
			m.save.title.SetValue(sc.Title) // save as keeps the title unless retyped
		}
		if m.embedded {
			m.save.note = "based_on: the example, written as " + views.S(m.basePath)
		}
	case savedMsg:
		cmd = m.saved(msg)
	case journalDueMsg:
		cmd = m.journalDue()
	case journalDoneMsg:
		m.journalDone(msg)
	case journalFoundMsg:
		if msg.org != nil && msg.err == nil {
			cmd = checkStale(msg) // first: did the file change since the work was kept?
			break
		}
		cmd = m.journalFound(msg, false)
	case pathCheckedMsg:
		cmd = m.pathChecked(msg)
	case staleCheckedMsg:
		cmd = m.journalFound(msg.found, msg.stale)
	case filesListedMsg:
		m.filesListed(msg)
	case openedMsg:
		cmd = m.opened(msg)
	case leftLoadedMsg:
		cmd = m.leftLoaded(msg)
	case compareReadyMsg:
		m.compareReady(msg)
	case optionsReadyMsg:
		m.optionsReady(msg)
	case planReadyMsg:
		m.planReady(msg)
	case decidePlanMsg:
		m.decidePlanReady(msg)
	case exportedMsg:
		m.exported(msg)
	case *SharedState:
		if m.shared.participant() {
			cmd = m.applyState(msg)
		}
	case EditRequest:
		if m.shared != nil && !m.shared.participant() {
			m.editRequest(msg)
		}
	case editRefusedMsg:
		m.setError(msg.why)
	case riskDoneMsg:
		if m.cur != nil && !m.shared.participant() && m.riskDone(msg) {
			// the panels are drawn again from the figures that came
			m.board.panels = panelsCache{}
			m.memo = views.Memo{}
		}
	case PeopleMsg:
		if m.shared != nil {
			m.peopleChanged(msg.People)
		}
	case idleCheckMsg:
		if m.shared.participant() {
			cmd = m.idleCheck()
		}
	}
	if m.cur != nil && !m.shared.participant() {
		cmd = tea.Batch(cmd, m.riskCmd())
	}
	if m.journal.dirty {
		m.journal.dirty = false
		cmd = tea.Batch(cmd, m.journalChanged())
	}
	m.sync()
	if c := m.planToPresent(); c != nil {
		cmd = tea.Batch(cmd, c)
	}
	if m.shared != nil && !m.shared.participant() {
		m.publish()
	}
	return m, cmd
}

func (m *Model) key(msg tea.KeyMsg) tea.Cmd {
	// keys typed fast (or repeated, or sent by tmux) can arrive as one message of several
	// runes; outside a text input each rune is a key of its own
	if msg.Type == tea.KeyRunes && len(msg.Runes) > 1 && !msg.Paste && !m.typing() {
		var cmds []tea.Cmd
		for _, r := range msg.Runes {
			cmds = append(cmds, m.key(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: msg.Alt}))
			m.sync()
		}
		return tea.Batch(cmds...)
	}
	// the status line speaks of the last action only: a key clears it (M shows it again)
	m.status, m.statusErr = "", false
	if m.shared.participant() {
		m.shared.lastKey = time.Now()
	}
	return m.press(msg)
}

// is reports whether msg is one of b's keys, enabled or not: a binding is disabled to keep
// it out of the help, but pressing it still gets an answer (why it does not apply).
func is(msg tea.KeyMsg, b key.Binding) bool {
	s := msg.String()
	for _, k := range b.Keys() {
		if s == k {
			return true
		}
	}
	return false
}

// typing reports whether a text input has the keys.
func (m *Model) typing() bool {
	t, ok := m.top().(typer)
	return ok && t.typing(m)
}

// sync brings what depends on the state up to date after every message: which keys apply,
// the layout, and the columns' scrolling.
func (m *Model) sync() {
	m.helpView = m.helpMemo.view(&m.help, m.screenHelp(), m.st.Renderer())
	if s, ok := m.top().(sizer); ok {
		s.size(m)
	}
	m.placeSlide()
	d := m.data()
	m.lay = views.LayoutFor(d, m.st, m.w, m.h)
	if m.lay.TooSmall {
		return
	}
	m.board.scroll(d, m.lay)
}

// ---- view -------------------------------------------------------------------

// data gathers what the views draw.
func (m *Model) data() *views.Data {
	d := &views.Data{
		Org:     m.cur,
		An:      m.an,
		Changes: m.Changes(),
		Index:   m.index,
		Board:   m.board.Board,
		Header:  views.Header{File: m.file, Baseline: m.basePath, Modified: m.Modified(), NoRecovery: m.NoRecovery() != "", NoRecoveryWhy: m.NoRecovery()},
		Panel:   m.board.panel,
		Status:  m.status, StatusError: m.statusErr,
		Help: m.helpView,
		Page: m.presenter.page,
		Plan: m.decidePlan.of(m.an),
		Base: m.baseAn, Options: m.decideOptions.of(m.an),
		Memo: &m.memo,
	}
	d.ServicesByStatus, d.ServicesByBreach = m.board.byStatus, m.board.byBreach
	if m.embedded {
		d.Header.Example = strings.TrimSuffix(filepath.Base(m.file), ".toml")
	}
	d.Header.Shared = m.peopleWords()
	if m.filter != "" && m.onGround() && !m.presenting() && m.status == "" {
		d.Prompt = m.filterWords()
	}
	if s, ok := m.top().(dresser); ok {
		s.dress(m, d)
	}
	return d
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// View draws the dashboard, or presentation mode.
func (m *Model) View() string {
	if m.quitting {
		return ""
	}
	return m.top().view(m, m.data())
}

// Run runs the dashboard in the terminal until the user quits: full screen, with the mouse.
// With logPath set, Bubble Tea's log goes to that file (the screen is the program's).
func Run(cfg Config, logPath string) error {
	if logPath != "" {
		if f, err := tea.LogToFile(logPath, "sretopo"); err == nil {
			defer f.Close()
		}
	}
	_, err := tea.NewProgram(New(cfg), tea.WithAltScreen(), tea.WithMouseCellMotion()).Run()
	return err
}
