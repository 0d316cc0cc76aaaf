// Package model is the dashboard's program state and behaviour: the only package that imports
// Bubble Tea. It hands everything it shows to the pure views.
//
// The state is split in two. A Session (session.go) is the file being edited: baseline,
// current model, analysis, the baseline's verdicts compared (orgs.ChangesBetween), undo
// history and what was last saved; every edit goes through it, and it knows no screen, so
// that one Session could serve several screens. The screens are small models, each with
// its Update, its keys and what it draws: the finder (find.go), the presenter
// (present.go), the pager for anything that scrolls (pager.go: a panel full screen, the
// message log, the key table), yes/no questions (confirm.go), the team form and the save
// prompt (form.go), compare (compare.go) and the file list (files.go). The root Model owns
// the board, routes each message to the screen shown (mode) and lays the screen out.
package model

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/report"
	"github.com/sretopo/sretopo/views"
)

// mode is what has the keys: the board, or a prompt that takes them exclusively.
type mode int

const (
	modeBoard   mode = iota
	modeFind         // find as you type
	modeForm         // the new-team form
	modeSave         // the save prompt
	modeQuit         // "unsaved changes: save, discard or cancel?"
	modePresent      // presentation mode (for the key help only; see Model.present)
	modeFiles        // the list of files beside the current one (o, and L in compare)
	modeCompare      // the compare screen (c)
	modeRestore      // "unsaved work from an earlier session was found: restore it?"
	modePager        // a page that scrolls: a panel full screen (z), the message log (M)
	modeConfirm      // a yes/no question: delete a team others run with, update in place
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
	board views.Board

	// derived is what index and board.Cols are kept up to date from.
	derived derived

	mode      mode
	present   bool
	presenter presenter
	panel     views.PanelID

	finder finder
	form   teamForm
	save   savePrompt
	saving bool
	// pending is what follows the question about unsaved changes and the save it leads to.
	pending after
	// before is the selected team's name before the key being handled changed anything
	before string

	status    string
	statusErr bool
	// log keeps the last maxLog messages of the status line, in full, for M.
	log []logEntry
	// pager is the page shown in modePager.
	pager pager
	// question is the yes/no question shown in modeConfirm; onYes and onNo what follows.
	question confirm
	onYes    func() tea.Cmd
	onNo     func()
	// restoreStale is set when the file changed on disk after the work offered for restore
	// was kept.
	restoreStale bool
	quitting     bool

	journal   journalState
	files     fileList
	cmp       *comparing
	exporting bool

	// panels keeps the panels' area as last drawn: it depends on the analysis, the panel
	// shown and the layout, not on the selection, so moving around redraws only the board.
	panels panelsCache
	// helpView is the key help as drawn for the current mode and selection
	helpView string
	helpMemo helpMemo
	// memo keeps the parts of the screen that are costly to draw and seldom change
	memo views.Memo

	// shared is set in a shared session (sretopo serve): see shared.go
	shared *sharing
}

type panelsCache struct {
	an    *orgs.Analysis
	panel views.PanelID
	rect  views.Rect
	wide  bool
	drawn string
}

// New makes the dashboard for an opened file.
func New(cfg Config) *Model {
	m := &Model{
		cfg:     cfg,
		st:      cfg.Styles,
		keys:    DefaultKeyMap(),
		help:    help.New(),
		present: cfg.Present,
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
	m.presenter = newPresenter(m.keys)
	m.load(cfg.Opened, cfg.Embedded)
	return m
}

// load makes op the session: the current model a copy of it, with no history. An embedded
// example given a --baseline file is no longer without a file for its baseline.
func (m *Model) load(op *orgs.Opened, embedded bool) {
	m.Session = NewSession(op, embedded)
	m.board = views.Board{}
	m.panels = panelsCache{}
	m.cmp = nil
	m.status, m.statusErr = "", false
	if len(op.Warnings) > 0 {
		ws := make([]string, len(op.Warnings))
		for i, w := range op.Warnings {
			ws[i] = shortWarning(op.Path, w)
		}
		m.status, m.statusErr = strings.Join(ws, "; "), true
	}
	m.derived = derived{}
	m.rederive("", -1)
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

// ---- messages -------------------------------------------------------------

// pathSuggestedMsg carries the next free scenario name, found off the update loop.
type pathSuggestedMsg struct {
	path string
}

// saveRequest is one save to run.
type saveRequest struct {
	path    string
	cur     *orgs.Org
	meta    orgs.ScenarioMeta
	replace bool
	// example is set when the baseline is an embedded example: its bytes are first written
	// to meta.BasedOn (when that name is free) so that based_on finds them.
	example bool
	// input is the file the session was opened from, to say so when asking to replace it.
	input string
}

// savedMsg is the outcome of a save.
type savedMsg struct {
	req saveRequest
	err error
	// basedOn is the baseline the saved file records ("" for none); note says what the
	// save did beyond writing the file.
	basedOn, note string
	// role says what an existing target is to the session, when err is orgs.ErrExists.
	role string
	// scenario is the [scenario] record the saved file holds.
	scenario *orgs.Scenario
}

// after is what follows the question about unsaved changes: quitting, or opening a file.
type after struct {
	kind afterKind
	path string
}

type afterKind int

const (
	doNothing afterKind = iota
	doQuit
	doOpen
)

// words says what follows, for the dialogs.
func (a after) words() string {
	switch a.kind {
	case doQuit:
		return "quit"
	case doOpen:
		return "open " + views.S(filepath.Base(a.path))
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
		m.mouse(msg)
	case pathSuggestedMsg:
		m.mode = modeSave
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
		cmd = m.journalFound(msg)
	case staleCheckedMsg:
		m.restoreStale = msg.stale
		cmd = m.journalFound(msg.found)
	case filesListedMsg:
		m.filesListed(msg)
	case openedMsg:
		cmd = m.opened(msg)
	case leftLoadedMsg:
		cmd = m.leftLoaded(msg)
	case compareReadyMsg:
		m.compareReady(msg)
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
	case PeopleMsg:
		if m.shared != nil {
			m.shared.people = msg.People
		}
	case idleCheckMsg:
		if m.shared.participant() {
			cmd = m.idleCheck()
		}
	}
	if m.journal.dirty {
		m.journal.dirty = false
		cmd = tea.Batch(cmd, m.journalChanged())
	}
	m.sync()
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
		if cmd, took := m.sharedKey(msg); took {
			return cmd
		}
	}
	switch m.mode {
	case modeFind:
		return m.findKey(msg)
	case modeForm:
		return m.formKey(msg)
	case modeSave:
		return m.saveKey(msg)
	case modeQuit:
		return m.quitKey(msg)
	case modeFiles:
		return m.filesKey(msg)
	case modeCompare:
		return m.compareKey(msg)
	case modeRestore:
		if key.Matches(msg, m.keys.Later) {
			m.restoreLater()
			return nil
		}
		return m.restoreKey(msg)
	case modePager:
		return m.pagerKey(msg)
	case modeConfirm:
		return m.confirmKey(msg)
	}
	if m.present {
		return m.presentKey(msg)
	}
	return m.boardKey(msg)
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
	switch m.mode {
	case modeFind, modeSave:
		return true
	case modeForm:
		return m.form.field == fieldName || m.form.field == fieldHeadcount
	}
	return false
}

func (m *Model) boardKey(msg tea.KeyMsg) tea.Cmd {
	k := &m.keys
	sel := m.board.Selected()
	m.before = m.Selected() // edits apply at once; refresh needs the selection from before
	switch {
	case is(msg, k.Quit):
		return m.quit()
	case is(msg, k.Help):
		m.openKeys()
	case is(msg, k.MoveLeft):
		c, err := m.cur.MoveTeam(sel, -1)
		m.editTeam(sel, c, err)
	case is(msg, k.MoveRight):
		c, err := m.cur.MoveTeam(sel, +1)
		m.editTeam(sel, c, err)
	case is(msg, k.Left):
		m.focusColumn(m.board.Focus - 1)
	case is(msg, k.Right):
		m.focusColumn(m.board.Focus + 1)
	case is(msg, k.Up):
		m.moveRow(-1)
	case is(msg, k.Down):
		m.moveRow(+1)
	case is(msg, k.PageUp):
		m.moveRow(-views.PageSize(m.data(), m.lay, m.board.Focus))
	case is(msg, k.PageDown):
		m.moveRow(views.PageSize(m.data(), m.lay, m.board.Focus))
	case is(msg, k.Home):
		m.moveRow(-len(m.cur.Teams))
	case is(msg, k.End):
		m.moveRow(len(m.cur.Teams))
	case is(msg, k.Find):
		m.mode = modeFind
		m.finder = newFinder(m.board, m.keys)
	case is(msg, k.Run):
		c, err := m.cur.CycleRun(sel)
		m.editTeam(sel, c, err)
	case is(msg, k.With):
		c, err := m.cur.CycleRunWith(sel)
		m.editTeam(sel, c, err)
	case is(msg, k.Role):
		c, err := m.cur.CycleSRERole(sel)
		m.editTeam(sel, c, err)
	case is(msg, k.More):
		c, err := m.cur.AddHeadcount(sel, +1)
		m.editTeam(sel, c, err)
	case is(msg, k.Less):
		c, err := m.cur.AddHeadcount(sel, -1)
		m.editTeam(sel, c, err)
	case is(msg, k.New):
		m.mode = modeForm
		m.form = newTeamForm(orgs.AllOrgs[m.board.Focus])
	case is(msg, k.Delete):
		if sel >= 0 && sel < len(m.index.ServedBy) && len(m.index.ServedBy[sel]) > 0 {
			m.askDelete(m.cur.Teams[sel].Name)
			return nil
		}
		m.edit(m.cur.DeleteTeam(sel))
	case is(msg, k.Positioning):
		m.edit(m.cur.CyclePositioning())
	case is(msg, k.Undo):
		m.undo()
	case is(msg, k.Redo):
		m.redo()
	case is(msg, k.Baseline):
		m.edit(m.cur.ResetTo(m.base))
	case is(msg, k.Save):
		m.pending = after{}
		return m.startSave(false)
	case is(msg, k.SaveAs):
		m.pending = after{}
		return m.startSave(true)
	case is(msg, k.Open):
		return m.listFiles(listToOpen)
	case is(msg, k.Compare):
		return m.enterCompare()
	case is(msg, k.Export):
		return m.export()
	case is(msg, k.Present):
		m.startPresenting()
	case is(msg, k.Zoom):
		m.zoomPanel()
	case is(msg, k.Log):
		m.openPager(newPager("Messages (the last 100, oldest first)", m.logLines, false), true)
	case is(msg, k.NextPanel):
		m.cyclePanel(+1)
	case is(msg, k.PrevPanel):
		m.cyclePanel(-1)
	}
	return nil
}

func (m *Model) presentKey(msg tea.KeyMsg) tea.Cmd {
	k := &m.keys
	switch {
	case is(msg, k.Quit):
		return m.quit()
	case key.Matches(msg, k.Help):
		m.help.ShowAll = !m.help.ShowAll
		return nil
	}
	var cmd tea.Cmd
	m.presenter, cmd = m.presenter.Update(msg, m.slides())
	if m.presenter.done {
		m.present = false
	}
	return cmd
}

// startPresenting shows presentation mode from its first slide.
func (m *Model) startPresenting() {
	m.present = true
	m.presenter = newPresenter(m.keys)
}

// slides are the presentation's screens at the terminal's size.
func (m *Model) slides() []views.Slide {
	return views.Slides(m.data(), m.st, m.w, m.h, lipgloss.Height(m.helpView))
}

// quit leaves at once without unsaved changes, and asks first with them.
func (m *Model) quit() tea.Cmd {
	return m.guard(after{kind: doQuit})
}

// guard does a (quit, open a file) at once without unsaved changes, and asks first with
// them: save, discard or cancel.
func (m *Model) guard(a after) tea.Cmd {
	m.pending = a
	if !m.Modified() {
		return m.leave()
	}
	m.mode = modeQuit
	return nil
}

// leave does what is pending, leaving the session cleanly: its journal goes (when a file is
// opened instead, once that file opened).
func (m *Model) leave() tea.Cmd {
	a := m.pending
	m.pending = after{}
	m.mode = modeBoard
	if a.kind == doOpen {
		return m.openFile(a.path)
	}
	m.quitting = true
	return m.removeJournal(true)
}

func (m *Model) quitKey(msg tea.KeyMsg) tea.Cmd {
	k := &m.keys
	switch {
	case key.Matches(msg, m.keys.Interrupt): // a second ctrl+c: the user wants out, and keeps the journal
		m.quitting = true
		return m.flushJournal()
	case key.Matches(msg, k.Save):
		return m.startSave(false)
	case key.Matches(msg, k.SaveAs):
		return m.startSave(true)
	case key.Matches(msg, k.Discard):
		return m.leave()
	case key.Matches(msg, k.Keep), key.Matches(msg, k.QuitKey):
		m.mode = modeBoard
		m.pending = after{}
	}
	return nil
}

func (m *Model) findKey(msg tea.KeyMsg) tea.Cmd {
	if key.Matches(msg, m.keys.Interrupt) {
		m.mode = modeBoard
		m.board = m.finder.from
		return m.quit()
	}
	var cmd tea.Cmd
	m.finder, cmd = m.finder.Update(msg, m.cur, m.board.Cols)
	f := &m.finder
	switch {
	case f.cancelled:
		m.mode = modeBoard
		m.board = f.from
	case f.accepted && f.Current() == "":
		m.mode = modeBoard
		m.board = f.from
		if q := f.input.Value(); q != "" {
			m.setError(fmt.Sprintf("no team matches %q", q))
		}
	case f.accepted:
		m.mode = modeBoard
		m.setStatus(fmt.Sprintf("selected %q", f.Current()))
	case f.Current() != "":
		m.selectIndex(m.teamIndex(f.Current(), -1))
	default:
		m.board = f.from
	}
	return cmd
}

func (m *Model) formKey(msg tea.KeyMsg) tea.Cmd {
	if key.Matches(msg, m.keys.Interrupt) {
		m.mode = modeBoard
		return m.quit()
	}
	var cmd tea.Cmd
	m.form, cmd = m.form.Update(msg, m.keys)
	switch {
	case m.form.cancelled:
		m.mode = modeBoard
	case m.form.submitted:
		m.form.submitted = false
		t, err := m.form.Team()
		if err == nil {
			var c *orgs.Change
			m.before = m.Selected()
			if c, err = m.cur.AddTeam(t); err == nil {
				m.commit(entry{c, -1})
				m.mode = modeBoard
				return nil
			}
		}
		m.form.err = err.Error()
	}
	return cmd
}

func (m *Model) saveKey(msg tea.KeyMsg) tea.Cmd {
	if key.Matches(msg, m.keys.Interrupt) {
		m.mode = modeBoard
		m.saving = false
		return m.quit()
	}
	if m.saving {
		return nil // one save at a time
	}
	var cmd tea.Cmd
	m.save, cmd = m.save.Update(msg, m.keys)
	switch {
	case m.save.cancelled:
		m.mode = modeBoard
		if m.pending.kind != doNothing {
			m.setStatus("not saved; still here")
		}
		m.pending = after{}
	case m.save.submitted:
		m.save.submitted = false
		m.saving = true
		return m.saveCmd(m.newSaveRequest(m.save.Path(), false))
	}
	return cmd
}

// staleCheckedMsg is what a journal check found, with whether the file changed on disk
// after the work was kept.
type staleCheckedMsg struct {
	found journalFoundMsg
	stale bool
}

// checkStale compares, off the update loop, when the file and its journal were last written.
func checkStale(found journalFoundMsg) tea.Cmd {
	return func() tea.Msg {
		f, ferr := os.Stat(found.input)
		j, jerr := os.Stat(orgs.JournalPath(found.input))
		return staleCheckedMsg{found: found, stale: ferr == nil && jerr == nil && f.ModTime().After(j.ModTime())}
	}
}

// restoreLater closes the restore question without deciding: the earlier work stays where
// it is, offered again at the next start, and this session keeps no journal of its own
// until then (it would replace that work).
func (m *Model) restoreLater() {
	m.journal.found = nil
	m.journal.failed = true // the header says "no recovery file"
	m.mode = modeBoard
	m.setStatus("decided later: the earlier work stays in " + orgs.JournalPath(m.input) + " and is offered again at the next start; until then, changes here have no recovery file")
}

// startSave is s (asNew false) and S (asNew true): an open scenario is updated in place
// after one confirmation; anything else, or S, is saved as a new scenario file.
func (m *Model) startSave(asNew bool) tea.Cmd {
	m.mode = modeBoard
	if !asNew && m.scenarioOpen() {
		m.save = newSavePrompt(m.file, m.pending.words()) // where a failed update asks for another name
		m.save.title.SetValue(m.cur.Scenario.Title)
		m.askUpdate()
		return nil
	}
	return suggestPath(m.file)
}

// saveWords says what s does now: update the open scenario, or save a new one.
func (m *Model) saveWords() string {
	if m.scenarioOpen() {
		return "update " + views.S(filepath.Base(m.file))
	}
	return "save it"
}

// scenarioOpen reports whether the file being edited is a scenario file of its own (not the
// baseline, not a built-in example), which s updates in place.
func (m *Model) scenarioOpen() bool {
	return m.cur.Scenario != nil && !m.embedded && m.file != "" && !orgs.SameFile(m.file, m.basePath)
}

// askUpdate asks before updating the open scenario in place; yes saves it there.
func (m *Model) askUpdate() {
	title := ""
	if t := m.cur.Scenario.Title; t != "" {
		title = fmt.Sprintf(" (%q)", views.S(t))
	}
	body := views.S(m.file) + title + " is the scenario you are editing. Update it in place with the current model? Its title and note are kept."
	m.ask(newConfirm("Update the scenario?", body, "update it", "do not save (S saves as a new file)", m.keys),
		func() tea.Cmd {
			m.question.busy = true
			m.saving = true
			return m.saveCmd(m.newSaveRequest(m.file, true))
		},
		func() {
			m.mode = modeBoard
			m.pending = after{}
			m.setStatus("not saved; S saves as a new file")
		})
}

// askDelete asks before deleting a team dev teams run with; yes deletes it (by name: the
// question does not hold an index that an edit could move).
func (m *Model) askDelete(name string) {
	i := m.cur.TeamIndex(name)
	var names []string
	for _, j := range m.index.ServedBy[i] {
		names = append(names, views.S(m.cur.Teams[j].Name))
	}
	body := fmt.Sprintf("%s runs services with %s: %s. Deleting it leaves %s without the team they run with.",
		views.S(name), report.Count(len(names), "dev team"), strings.Join(names, ", "), map[bool]string{true: "it", false: "them"}[len(names) == 1])
	m.ask(newConfirm("Delete "+views.S(name)+"?", body, "delete it (u undoes it)", "keep it", m.keys),
		func() tea.Cmd {
			m.mode = modeBoard
			m.before = m.Selected()
			m.edit(m.cur.DeleteTeam(m.cur.TeamIndex(name)))
			return nil
		},
		func() {
			m.mode = modeBoard
			m.setStatus("not deleted")
		})
}

// newSaveRequest is a save of a copy of the current organization: the copy is what the
// command writes, off the update loop. The baseline's hash is of its bytes as they were
// read when the session opened (Opened.BaselineData), never read again: the scenario is
// based on what the user saw.
func (m *Model) newSaveRequest(path string, replace bool) saveRequest {
	if path != "" && !strings.EqualFold(filepath.Ext(path), ".toml") {
		path += ".toml" // only .toml files are listed by o and found as scenarios
	}
	meta := orgs.ScenarioMeta{
		Title:       strings.TrimSpace(m.save.title.Value()),
		BasedOn:     m.basePath,
		BasedOnData: m.op.BaselineData,
	}
	if sc := m.cur.Scenario; sc != nil {
		meta.Note = sc.Note
	}
	return saveRequest{path: path, cur: m.cur.Clone(), meta: meta, replace: replace, example: m.embedded, input: m.input}
}

func (m *Model) saveCmd(req saveRequest) tea.Cmd {
	save := m.cfg.Save
	if save == nil {
		save = orgs.SaveScenario
	}
	write := m.writer()
	return func() tea.Msg {
		msg := savedMsg{req: req}
		meta := req.meta
		if req.example {
			meta, msg.note = writeExample(write, meta)
		}
		if req.replace && meta.BasedOn != "" && orgs.SameFile(req.path, meta.BasedOn) {
			// the user replaces the baseline itself: a file is no scenario of itself
			meta.BasedOn, meta.BasedOnData = "", nil
			msg.note = "it was the baseline: no based_on recorded (the board still compares with it as opened)"
		}
		msg.err = save(req.path, req.cur, meta, req.replace)
		msg.basedOn = meta.BasedOn
		if msg.err == nil {
			// the record as written, for the report of the scenario now open
			if o, _, err := orgs.LoadFile(req.path); err == nil {
				msg.scenario = o.Scenario
			}
		}
		if errors.Is(msg.err, orgs.ErrExists) {
			if orgs.ReadOnlyFile(req.path) {
				msg.err = fmt.Errorf("%s: %w", req.path, orgs.ErrReadOnly)
			}
			msg.role = targetRole(req.path, req.input, req.meta.BasedOn)
		}
		return msg
	}
}

// writeExample writes an embedded example's own bytes as meta.BasedOn when that name is
// free, so that a scenario saved from the example finds its baseline when reopened; a file
// of that name with the same bytes is used as it is. When neither works the scenario is
// saved without based_on, and the note says why.
func writeExample(write WriteFunc, meta orgs.ScenarioMeta) (orgs.ScenarioMeta, string) {
	path := meta.BasedOn
	err := write(path, meta.BasedOnData, false, func(b []byte) error {
		_, err := orgs.Load(path, b)
		return err
	})
	switch {
	case err == nil:
		return meta, "its baseline, the example, written to " + path
	case errors.Is(err, orgs.ErrExists):
		if data, rerr := orgs.ReadFile(path); rerr == nil && bytes.Equal(data, meta.BasedOnData) {
			return meta, "" // the example is there already
		}
		meta.BasedOn, meta.BasedOnData = "", nil
		return meta, "saved without based_on: " + path + " here is another file than the example"
	}
	meta.BasedOn, meta.BasedOnData = "", nil
	return meta, "saved without based_on: could not write the example as " + path + " (" + err.Error() + ")"
}

// targetRole says what an existing file is to the session: the file it opened, its
// baseline, or both ("" for neither).
func targetRole(path, input, baseline string) string {
	isInput, isBase := orgs.SameFile(path, input), baseline != "" && orgs.SameFile(path, baseline)
	switch {
	case isInput && isBase:
		return roleInputBaseline
	case isInput:
		return roleInput
	case isBase:
		return roleBaseline
	}
	return ""
}

const (
	roleInputBaseline = "input+baseline"
	roleInput         = "input"
	roleBaseline      = "baseline"
)

// suggestPath finds the next free scenario name beside the input, off the update loop.
func suggestPath(input string) tea.Cmd {
	return func() tea.Msg {
		return pathSuggestedMsg{path: orgs.NextScenarioPath(input)}
	}
}

func (m *Model) saved(msg savedMsg) tea.Cmd {
	m.saving = false
	err := msg.err
	switch {
	case err == nil:
		left := m.removeJournal(false) // the journal of the file edited until now
		m.Saved(msg.req.path, msg.req.cur, msg.scenario)
		if msg.req.example && msg.basedOn != "" {
			m.embedded = false // the baseline has a file now
		}
		m.mode = modeBoard
		status := fmt.Sprintf("saved the scenario to %s", msg.req.path)
		if msg.note != "" {
			status += "; " + msg.note
		}
		m.setStatus(status)
		if m.pending.kind == doQuit {
			return tea.Sequence(left, m.leave())
		}
		return tea.Batch(left, m.leaveIfPending())
	case errors.Is(err, orgs.ErrExists):
		m.askReplace(msg.req, msg.role)
	case errors.Is(err, orgs.ErrReadOnly):
		m.mode = modeSave
		m.save.err = fmt.Sprintf("%s is read-only: it is not replaced; choose another name", msg.req.path)
	case errors.Is(err, orgs.ErrDirNotWritable):
		m.mode = modeSave
		m.save.err = fmt.Sprintf("kept in memory, not saved: %s is not writable; choose another place", dirOf(msg.req.path))
		m.setError(fmt.Sprintf("kept in memory, not saved: %s is not writable", dirOf(msg.req.path)))
	default:
		m.mode = modeSave
		m.save.err = "not saved: " + err.Error()
	}
	return nil
}

// leaveIfPending opens the file the user chose before saving, if any.
func (m *Model) leaveIfPending() tea.Cmd {
	if m.pending.kind == doNothing {
		return nil
	}
	return m.leave()
}

// dirOf names the folder of path for messages.
func dirOf(path string) string {
	d := filepath.Dir(path)
	if d == "." {
		return "the working directory"
	}
	return d
}

// writer is the function that writes the files other than scenarios.
func (m *Model) writer() WriteFunc {
	if m.cfg.Write != nil {
		return m.cfg.Write
	}
	return orgs.WriteFile
}

// ---- mouse ------------------------------------------------------------------

func (m *Model) mouse(msg tea.MouseMsg) {
	switch {
	case m.mode == modePager:
		m.pager, _ = m.pager.Update(msg)
		return
	case m.mode == modeCompare && m.cmp != nil:
		m.cmp.vp, _ = m.cmp.vp.Update(msg) // the wheel scrolls
		return
	}
	if m.mode != modeBoard || m.present || msg.Action != tea.MouseActionPress {
		return
	}
	switch msg.Button {
	case tea.MouseButtonLeft:
		if !m.lay.Wide && msg.Y == m.lay.Panels.Y {
			if p, ok := views.TabAt(m.data(), m.lay.Panels.W, msg.X); ok {
				m.panel = p // a click on a tab shows its panel
			}
			return
		}
		if c, row, ok := views.HitCard(m.data(), m.lay, msg.X, msg.Y); ok {
			m.board.Focus = c
			m.board.Rows[c] = row
		}
	case tea.MouseButtonWheelUp, tea.MouseButtonWheelDown:
		// the wheel over a column moves its selection, as up and down do
		for c, r := range m.lay.Columns {
			if r.Contains(msg.X, msg.Y) {
				m.board.Focus = c
				if msg.Button == tea.MouseButtonWheelUp {
					m.moveRow(-1)
				} else {
					m.moveRow(+1)
				}
			}
		}
	}
}

// ---- edits and history ----------------------------------------------------

// edit records a change the user made, or shows why it was refused.
func (m *Model) edit(c *orgs.Change, err error) {
	m.editTeam(-1, c, err)
}

// editTeam is edit of a change that changes team i alone (orgs' edits of the team at an
// index: move, run, run_with, SRE role, headcount).
func (m *Model) editTeam(i int, c *orgs.Change, err error) {
	if err != nil {
		m.setError(err.Error())
		return
	}
	m.commit(entry{c, i})
}

func (m *Model) commit(e entry) {
	if m.shared.participant() {
		m.sendEdit(e, false, false)
		return
	}
	m.Apply(e.c, e.team)
	m.journal.dirty = true
	m.rederive(e.c.Subject, e.team)
	m.setStatus(e.c.Summary)
}

func (m *Model) undo() {
	if m.shared.participant() {
		m.sendEdit(entry{team: -1}, true, false)
		return
	}
	m.before = m.Selected()
	e, ok := m.Undo()
	if !ok {
		m.setError("nothing to undo")
		return
	}
	m.journal.dirty = true
	m.rederive(e.c.Subject, e.team)
	m.setStatus("undid: " + e.c.Summary)
}

func (m *Model) redo() {
	if m.shared.participant() {
		m.sendEdit(entry{team: -1}, false, true)
		return
	}
	m.before = m.Selected()
	e, ok := m.Redo()
	if !ok {
		m.setError("nothing to redo")
		return
	}
	m.journal.dirty = true
	m.rederive(e.c.Subject, e.team)
	m.setStatus("redid: " + e.c.Summary)
}

// rederive is refresh after the analysis.
func (m *Model) rederive(subject string, team int) {
	selected := m.before
	m.before = ""
	m.derive(team)
	i := -1
	if subject != "" {
		i = m.teamIndex(subject, team)
	}
	if i < 0 && selected != "" {
		i = m.teamIndex(selected, team)
	}
	if i >= 0 {
		m.selectIndex(i)
	}
	m.clampRows()
	m.ensurePanel()
}

// teamIndex is m.cur.TeamIndex(name), looking first at team i, the team an edit was
// about: names are unique ignoring case, so a match there is the only one.
func (m *Model) teamIndex(name string, i int) int {
	if i >= 0 && i < len(m.cur.Teams) && orgs.SameName(m.cur.Teams[i].Name, name) {
		return i
	}
	if i := m.board.Selected(); i >= 0 && i < len(m.cur.Teams) && orgs.SameName(m.cur.Teams[i].Name, name) {
		return i
	}
	return m.cur.TeamIndex(name)
}

// ---- selection --------------------------------------------------------------

func (m *Model) selectIndex(i int) {
	if i < 0 || i >= len(m.cur.Teams) {
		return
	}
	c := views.ColumnOf(m.cur.Teams[i].Org)
	col := m.board.Cols[c]
	r := sort.SearchInts(col, i)
	if r < len(col) && col[r] == i {
		m.board.Focus = c
		m.board.Rows[c] = r
	}
}

func (m *Model) focusColumn(c int) {
	m.board.Focus = max(0, min(2, c))
}

func (m *Model) moveRow(d int) {
	c := m.board.Focus
	m.board.Rows[c] = max(0, min(len(m.board.Cols[c])-1, m.board.Rows[c]+d))
}

func (m *Model) clampRows() {
	for c := range m.board.Rows {
		m.board.Rows[c] = max(0, min(len(m.board.Cols[c])-1, m.board.Rows[c]))
	}
}

func (m *Model) cyclePanel(step int) {
	ps := views.Panels(m.an)
	k := 0
	for i, p := range ps {
		if p == m.panel {
			k = i
		}
	}
	m.panel = ps[(k+step+len(ps))%len(ps)]
}

// ensurePanel moves off a panel the analysis no longer has (positioning, when the SRE org
// empties).
func (m *Model) ensurePanel() {
	ps := views.Panels(m.an)
	for _, p := range ps {
		if p == m.panel {
			return
		}
	}
	for _, p := range ps {
		if p > m.panel {
			m.panel = p
			return
		}
	}
	m.panel = ps[len(ps)-1]
}

func (m *Model) setStatus(s string) { m.status, m.statusErr = s, false; m.logMessage(s, false) }
func (m *Model) setError(s string)  { m.status, m.statusErr = s, true; m.logMessage(s, true) }

// maxLog is how many messages the log keeps.
const maxLog = 100

// logEntry is one message of the status line.
type logEntry struct {
	text string
	err  bool
}

func (m *Model) logMessage(s string, err bool) {
	if s == "" {
		return
	}
	if len(m.log) == maxLog {
		m.log = append(m.log[:0], m.log[1:]...)
	}
	m.log = append(m.log, logEntry{s, err})
}

// logLines draws the message log at width w, oldest first, each message in full.
func (m *Model) logLines(w int) []string {
	if len(m.log) == 0 {
		return []string{"no messages yet"}
	}
	var out []string
	for _, e := range m.log {
		lead := "  "
		if e.err {
			lead = views.GlyphWarning + " "
		}
		for i, l := range views.Wrap(views.S(e.text), max(1, w-2)) {
			if i > 0 {
				lead = "  "
			}
			out = append(out, lead+l)
		}
	}
	return out
}

// openPager shows a page that scrolls; at the end when atEnd (the log: newest last).
func (m *Model) openPager(p pager, atEnd bool) {
	m.pager = p
	m.mode = modePager
	m.pager.SetSize(m.w, m.h, lipgloss.Height(m.helpView))
	if atEnd {
		m.pager.vp.GotoBottom()
	}
}

// zoomPanel opens the shown panel full screen.
func (m *Model) zoomPanel() {
	p := m.panel
	d := m.data()
	m.openPager(newPager(p.Title()+" (full screen)", func(w int) []string { return views.PanelLines(p, d, m.st, w) }, true), false)
}

func (m *Model) pagerKey(msg tea.KeyMsg) tea.Cmd {
	if key.Matches(msg, m.keys.Interrupt) {
		m.mode = modeBoard
		return m.quit()
	}
	var cmd tea.Cmd
	m.pager, cmd = m.pager.Update(msg)
	switch {
	case m.pager.done:
		m.mode = modeBoard
	case m.pager.next, m.pager.prev:
		step := 1
		if m.pager.prev {
			step = -1
		}
		m.cyclePanel(step)
		m.zoomPanel()
	}
	return cmd
}

// sync brings what depends on the state up to date after every message: which keys apply,
// the layout, and the columns' scrolling.
func (m *Model) sync() {
	m.keys.mode = m.mode
	m.keys.pager = m.pager.keys
	m.keys.question = m.question.keys
	if m.present && m.mode == modeBoard {
		m.keys.mode = modePresent
	}
	m.enableKeys()
	m.helpView = m.helpMemo.view(&m.help, m.keys, m.st.Renderer())
	switch m.mode {
	case modeFiles:
		m.syncFiles()
	case modeCompare:
		m.syncCompare()
	case modePager:
		m.pager.SetSize(m.w, m.h, lipgloss.Height(m.helpView))
	}
	d := m.data()
	m.lay = views.LayoutFor(d, m.st, m.w, m.h)
	if m.lay.TooSmall {
		return
	}
	for c := range m.board.Offsets {
		m.board.Offsets[c] = views.ScrollOffset(d, m.lay, c, m.board.Offsets[c])
		d.Board.Offsets[c] = m.board.Offsets[c]
	}
}

// enableKeys disables the bindings that do not apply to the selection, so the help never
// lists a dead key.
func (m *Model) enableKeys() {
	k := &m.keys
	i := m.board.Selected()
	var t *orgs.Team
	if i >= 0 {
		t = &m.cur.Teams[i]
	}
	dev := t != nil && t.Kind == orgs.KindDev
	k.MoveLeft.SetEnabled(t != nil && t.Org != orgs.OrgDev)
	k.MoveRight.SetEnabled(t != nil && t.Org != orgs.OrgSRE)
	k.Run.SetEnabled(dev)
	k.With.SetEnabled(dev && t.Run.NeedsPartner() && fitsMoreThanOne(m.cur, i, t.Run))
	k.Role.SetEnabled(dev && t.Run == orgs.RunYou)
	k.More.SetEnabled(t != nil && t.Headcount < orgs.MaxHeadcount)
	k.Less.SetEnabled(t != nil && t.Headcount > orgs.MinHeadcount)
	k.Delete.SetEnabled(t != nil)
	k.Undo.SetEnabled(m.CanUndo())
	k.Redo.SetEnabled(m.CanRedo())
	k.Follow.SetEnabled(m.shared.participant())
	if s := m.shared; s.participant() {
		k.Undo.SetEnabled(s.canUndo && s.role == Editor)
		k.Redo.SetEnabled(s.canRedo && s.role == Editor)
		for _, b := range []*key.Binding{&k.Save, &k.SaveAs, &k.Open, &k.Export} {
			b.SetEnabled(false)
		}
		if s.role == Viewer {
			for _, b := range []*key.Binding{&k.MoveLeft, &k.MoveRight, &k.Run, &k.With, &k.Role, &k.More, &k.Less, &k.New, &k.Delete, &k.Positioning, &k.Baseline} {
				b.SetEnabled(false)
			}
		}
	}
	k.listLeft = m.files.purpose == listForLeft
	k.then = m.pending.words()
	k.leftIsBase = m.cmp == nil || m.cmp.leftPath == ""
	narrow := m.w < views.WideWidth // the layout waits for the help, which waits for this
	k.NextPanel.SetEnabled(narrow)
	k.PrevPanel.SetEnabled(narrow)
}

// fitsMoreThanOne reports whether len(o.Fitting(i, r)) > 1 without listing them all.
func fitsMoreThanOne(o *orgs.Org, i int, r orgs.Run) bool {
	want := r.PartnerKind()
	if want == "" {
		return false
	}
	n := 0
	for j := range o.Teams {
		if j != i && o.Teams[j].Kind == want {
			if n++; n > 1 {
				return true
			}
		}
	}
	return false
}

// ---- view -------------------------------------------------------------------

// data gathers what the views draw.
func (m *Model) data() *views.Data {
	d := &views.Data{
		Org:     m.cur,
		An:      m.an,
		Changes: m.Changes(),
		Index:   m.index,
		Board:   m.board,
		Header:  views.Header{File: m.file, Baseline: m.basePath, Modified: m.Modified(), NoRecovery: m.NoRecovery() != "", NoRecoveryWhy: m.NoRecovery()},
		Panel:   m.panel,
		Status:  m.status, StatusError: m.statusErr,
		Help: m.helpView,
		Page: m.presenter.page,
		Memo: &m.memo,
	}
	if m.embedded {
		d.Header.Example = strings.TrimSuffix(filepath.Base(m.file), ".toml")
	}
	d.Header.Shared = m.peopleWords()
	switch m.mode {
	case modeFind:
		d.Prompt = m.finder.View(m.st)
	case modeForm:
		d.Dialog = m.form.Dialog()
	case modeSave:
		d.Dialog = m.save.Dialog(m.saving)
	case modeQuit:
		what := m.pending.words()
		d.Dialog = &views.Dialog{Title: "Unsaved changes", Wrap: true,
			Body: "The scenario has unsaved changes. " + capitalize(what) + " without saving them?\n\ns    " + m.saveWords() + " first\nS    save as a new file first\nd    discard the changes and " + what + "\nesc  go back to the dashboard"}
	case modeRestore:
		d.Dialog = m.restoreDialog()
		if d.Dialog != nil {
			d.Dialog.Body = strings.Replace(d.Dialog.Body, "\nd  discard it", "\nd  discard it\nesc  decide later (the work is kept)", 1)
			if m.restoreStale {
				d.Dialog.Body = views.GlyphWarning + " " + views.S(filepath.Base(m.input)) + " changed on disk after this work was kept: restoring it undoes those changes.\n\n" + d.Dialog.Body
			}
		}
	case modeConfirm:
		d.Dialog = m.question.Dialog()
	}
	return d
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// askReplace asks before replacing an existing file, and says so plainly when that file
// is the one the session opened or its baseline (role); yes saves over it, no goes back to
// the save prompt for another name.
func (m *Model) askReplace(req saveRequest, role string) {
	p := views.S(req.path)
	title := "Replace the file?"
	var what string
	switch role {
	case roleInputBaseline:
		title = "Replace the file you opened?"
		what = p + " is the file you opened AND the baseline of this comparison. Replacing it overwrites your original (its comments are lost) with the current model."
	case roleInput:
		title = "Replace the file you opened?"
		what = p + " is the file you opened. Replacing it overwrites it with the current model (its comments are lost)."
	case roleBaseline:
		title = "Replace the baseline?"
		what = p + " is the BASELINE of this scenario. Replacing it overwrites the baseline with the current model (its comments are lost)."
	default:
		what = p + " exists. Replacing it overwrites it with the current model."
	}
	m.ask(newConfirm(title, what, "replace it", "choose another name", m.keys),
		func() tea.Cmd {
			req.replace = true
			m.mode = modeSave
			m.saving = true
			return m.saveCmd(req)
		},
		func() {
			m.mode = modeSave
			m.save.err = "not replaced; choose another name"
		})
}

// View draws the dashboard, or presentation mode.
func (m *Model) View() string {
	if m.quitting {
		return ""
	}
	d := m.data()
	switch m.mode {
	case modeFiles:
		return m.filesView(d)
	case modeCompare:
		return m.compareView(d)
	case modePager:
		return m.pager.View(d, m.st)
	}
	if m.present && m.mode == modeBoard {
		return views.Present(d, m.st, m.w, m.h)
	}
	if d.Dialog == nil && !m.lay.TooSmall {
		key := panelsCache{an: m.an, panel: m.panel, rect: m.lay.Panels, wide: m.lay.Wide}
		if c := m.panels; c.an != key.an || c.panel != key.panel || c.rect != key.rect || c.wide != key.wide {
			key.drawn = views.DrawPanels(d, m.st, m.lay)
			m.panels = key
		}
		d.PanelsDrawn = m.panels.drawn
	}
	return views.Dashboard(d, m.st, m.w, m.h)
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
