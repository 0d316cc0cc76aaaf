package model

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"path/filepath"

	"github.com/sretopo/sretopo/views"
)

// quitGuard is the question about unsaved changes before quitting or opening another file,
// as a screen of its own: save first (s updates an open scenario, S saves as a new file),
// discard them, or go back. It knows no session: the root model does what was chosen.
type quitGuard struct {
	overBoard
	// then is what follows ("quit", "open x.toml"); saveWords what s does ("save it").
	then, saveWords string
	keys            quitKeys
	// choice is what the last key chose.
	choice guardChoice
}

// guardChoice is an answer to the quit guard.
type guardChoice int

const (
	guardNone    guardChoice = iota
	guardSave                // s: save (or update the open scenario) first
	guardSaveAs              // S: save as a new file first
	guardDiscard             // d: discard the changes and go on
	guardBack                // esc, c, q: back to the dashboard
)

// quitKeys are the quit guard's keys.
type quitKeys struct{ Save, SaveAs, Discard, Back key.Binding }

func newQuitGuard(then, saveWords string, k KeyMap) *quitGuard {
	back := key.NewBinding(key.WithKeys(append(k.Keep.Keys(), k.QuitKey.Keys()...)...), key.WithHelp(k.Keep.Help().Key, k.Keep.Help().Desc))
	return &quitGuard{then: then, saveWords: saveWords, keys: quitKeys{
		Save:    withHelp(k.Save, "s", "save first"),
		SaveAs:  withHelp(k.SaveAs, "S", "save as"),
		Discard: withHelp(k.Discard, "d", "discard and "+then),
		Back:    back,
	}}
}

// ShortHelp is the quit guard's key help.
func (k quitKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Save, k.SaveAs, k.Discard, k.Back}
}

// Update takes the answer.
func (q quitGuard) Update(msg tea.KeyMsg) quitGuard {
	q.choice = guardChoice(choose(msg, q.keys.Save, q.keys.SaveAs, q.keys.Discard, q.keys.Back))
	return q
}

// Dialog is the question as drawn in the panels' place.
func (q quitGuard) Dialog() *views.Dialog {
	return &views.Dialog{Title: "Unsaved changes", Wrap: true,
		Body: "There are unsaved changes. " + capitalize(q.then) + " without saving them?\n\n" +
			q.keys.Save.Help().Key + "    " + q.saveWords + " first\n" +
			q.keys.SaveAs.Help().Key + "    save as a new file first\n" +
			q.keys.Discard.Help().Key + "    discard the changes and " + q.then + "\n" +
			firstKey(q.keys.Back) + "  go back to the dashboard"}
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

// quit leaves at once without unsaved changes, and asks first with them.
func (m *Model) quit() tea.Cmd {
	if m.shared.participant() { // a participant leaves the session; the file is the facilitator's
		m.quitting = true
		return tea.Quit
	}
	if m.askPeopleFirst() {
		return nil
	}
	return m.guard(after{kind: doQuit})
}

// guard does a (quit, open a file) at once without unsaved changes, and asks first with
// them: save, discard or cancel.
func (m *Model) guard(a after) tea.Cmd {
	m.pending = a
	if !m.Modified() {
		return m.leave()
	}
	m.show(newQuitGuard(a.words(), m.saveWords(), m.keys))
	return nil
}

// leave does what is pending, leaving the session cleanly: its journal goes (when a file is
// opened instead, once that file opened).
func (m *Model) leave() tea.Cmd {
	a := m.pending
	m.pending = after{}
	m.closeAll()
	if a.kind == doOpen {
		return m.openFile(a.path)
	}
	m.quitting = true
	return m.removeJournal(true)
}

// update takes the answer to the quit guard and does what it chose.
func (q *quitGuard) update(m *Model, msg tea.KeyMsg) tea.Cmd {
	if key.Matches(msg, m.keys.Interrupt) { // a second ctrl+c: the user wants out, and keeps the journal
		m.quitting = true
		return m.flushJournal()
	}
	*q = q.Update(msg)
	switch q.choice {
	case guardSave:
		return m.startSave(false)
	case guardSaveAs:
		return m.startSave(true)
	case guardDiscard:
		return m.leave()
	case guardBack:
		m.closeAll()
		m.pending = after{}
	}
	return nil
}
