package model

import (
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/sretopo/sretopo/views"
)

// screen is what has the keys: the board, presentation mode, a prompt, a question, a page.
// Screens lie on a stack (Model.stack) whose bottom is always the board: opening a screen
// pushes it, closing it pops it, and the root model hands every key and mouse press to the
// screen on top, draws that screen and shows its keys. A screen reaches no other screen: what
// it cannot do itself it asks of the root model (an edit, another screen, a save).
type screen interface {
	// bindings are the screen's keys as it stands, one row a key (keyrows.go): dispatch,
	// the help line, the help in columns, dimming and a participant's permissions read them.
	bindings(m *Model) []screenKey
	// update handles a key no row has while the screen is on top: a letter typed, a
	// viewport's own scrolling.
	update(m *Model, msg tea.KeyMsg) tea.Cmd
	// view draws the screen from d, the data of the board as it stands.
	view(m *Model, d *views.Data) string
}

// dresser is a screen shown over the board that puts itself into the board's data: a dialog
// in the panels' place, or the find prompt. The layout depends on it, so it is asked before
// the layout is made.
type dresser interface {
	dress(m *Model, d *views.Data)
}

// typer is a screen with a text input that may have the keys: keys typed in a burst then
// stay one text, and a participant's single-letter keys are letters.
type typer interface {
	typing(m *Model) bool
}

// mouser is a screen that takes the mouse: a click or the wheel.
type mouser interface {
	mouse(m *Model, msg tea.MouseMsg)
}

// sizer is a screen whose content depends on the terminal's size, sized after every message.
type sizer interface {
	size(m *Model)
}

// ---- the stack ------------------------------------------------------------------

// top is the screen that has the keys.
func (m *Model) top() screen { return m.stack[len(m.stack)-1] }

// push opens s above the screen shown.
func (m *Model) push(s screen) {
	m.stack = append(m.stack, s)
	m.help.ShowAll = false
}

// pop closes the screen on top; the board is never closed.
func (m *Model) pop() {
	if len(m.stack) > 1 {
		m.stack = m.stack[:len(m.stack)-1]
	}
	m.help.ShowAll = false // the full help was the closed screen's
}

// ground is how many screens stay when every prompt closes: the board, and presentation
// mode above it while presenting.
func (m *Model) ground() int {
	if len(m.stack) > 1 {
		if _, ok := m.stack[1].(presentScreen); ok {
			return 2
		}
	}
	return 1
}

// closeAll closes every screen above the board (and presentation mode, while presenting).
func (m *Model) closeAll() {
	if n := m.ground(); len(m.stack) > n {
		m.stack = m.stack[:n]
		m.help.ShowAll = false
	}
}

// show closes every screen above the board (or presentation) and opens s: a prompt that
// takes the place of another (the save prompt after the question it asked).
func (m *Model) show(s screen) {
	m.closeAll()
	m.push(s)
}

// toBoard closes every screen, presentation mode too.
func (m *Model) toBoard() {
	m.stack = m.stack[:1]
	m.help.ShowAll = false
}

// shown reports whether the screen on top is an S.
func shown[S screen](m *Model) bool {
	_, ok := m.top().(S)
	return ok
}

// presenting reports whether presentation mode is open, under any prompt.
func (m *Model) presenting() bool { return m.ground() == 2 }

// onGround reports whether the board (or presentation mode) is on top, no prompt above it.
func (m *Model) onGround() bool { return len(m.stack) == m.ground() }

// stopPresenting leaves presentation mode, keeping any screen opened above it.
func (m *Model) stopPresenting() {
	if m.presenting() {
		m.stack = append(m.stack[:1], m.stack[2:]...)
	}
}

// overBoard is embedded by the screens drawn over the board: a dialog in the panels' place,
// or the find prompt.
type overBoard struct{}

func (overBoard) view(m *Model, d *views.Data) string {
	return m.board.View(d, m.st, m.lay, m.w, m.h)
}

// ---- the screens ----------------------------------------------------------------

// boardTop is the board on top: its keys and the mouse go to m.board (board.go), whose
// rows (bindings.go) are the screen's.
type boardTop struct{ overBoard }

func (boardTop) bindings(m *Model) []screenKey {
	return retarget(m.board.bindings(m.boardNow()), func(m *Model, msg tea.KeyMsg) tea.Cmd { return m.boardKey(msg) })
}
func (boardTop) update(m *Model, msg tea.KeyMsg) tea.Cmd { return m.boardKey(msg) }
func (boardTop) mouse(m *Model, msg tea.MouseMsg)        { m.board = m.board.Mouse(msg, m.boardCtx()) }

// presentScreen is presentation mode (present.go), on the board.
type presentScreen struct{}

func (presentScreen) bindings(m *Model) []screenKey { return m.presentRows() }

// update keeps the page among the slides after a key no row has.
func (presentScreen) update(m *Model, msg tea.KeyMsg) tea.Cmd {
	m.turn(msg, nil)
	return nil
}

func (presentScreen) view(m *Model, d *views.Data) string { return views.Present(d, m.st, m.w, m.h) }

// saveScreen is the save prompt (form.go, save_flow.go).
type saveScreen struct{ overBoard }

func (saveScreen) bindings(m *Model) []screenKey { return m.saveRows() }

// update types into the prompt's field.
func (saveScreen) update(m *Model, msg tea.KeyMsg) tea.Cmd {
	return m.onSavePrompt(func(p *savePrompt) tea.Cmd { return p.typed(msg) })
}

func (saveScreen) dress(m *Model, d *views.Data) { d.Dialog = m.save.Dialog(m.saving) }
func (saveScreen) typing(*Model) bool            { return true }

// The screens that hold their own state: find, the team form, the rotation prompt, the
// quit guard, the restore question, a yes/no question, a page, the file list.

func (f *finder) dress(m *Model, d *views.Data) { d.Prompt = f.View(m.st) }
func (f *finder) typing(*Model) bool            { return true }

func (q *quitGuard) dress(_ *Model, d *views.Data) { d.Dialog = q.Dialog() }

func (c *confirm) dress(_ *Model, d *views.Data) { d.Dialog = c.Dialog() }

func (p *pager) mouse(_ *Model, msg tea.MouseMsg)    { p.vp, _ = p.vp.Update(msg) }
func (p *pager) view(m *Model, d *views.Data) string { return p.View(d, m.st) }
func (p *pager) size(m *Model)                       { p.SetSize(m.w, m.h, lipgloss.Height(m.helpView)) }

func (f *teamForm) dress(_ *Model, d *views.Data) { d.Dialog = f.Dialog() }
func (f *teamForm) typing(*Model) bool            { return f.field == fieldName || f.field == fieldHeadcount }

func (p *rotationPrompt) dress(m *Model, d *views.Data) { d.Dialog = p.dialog(m) }
func (p *rotationPrompt) typing(*Model) bool            { return true }

func (q *restoreQuestion) dress(m *Model, d *views.Data) { d.Dialog = q.Dialog(m.lay.Panels.H) }

func (f *fileList) view(m *Model, d *views.Data) string { return f.View(d, m.w, m.h) }
func (f *fileList) size(m *Model)                       { f.SetSize(m.w, m.pageBodyHeight(0)) }
