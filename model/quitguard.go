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
	rowsOnly
	// then is what follows ("quit", "open x.toml"); saveWords what s does ("save it").
	then, saveWords string
	keys            quitKeys
}

// quitKeys are the quit guard's keys, in its words; its rows (bindings) and its dialog read them.
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

// bindings are the quit guard's keys: save first (s, S), discard the changes (d), or go
// back (esc, c, q); a second ctrl+c leaves at once, keeping the journal.
func (q *quitGuard) bindings(m *Model) []screenKey {
	return []screenKey{
		onKey(m.keys.Interrupt, func(m *Model, _ tea.KeyMsg) tea.Cmd {
			m.quitting = true
			return m.flushJournal()
		}),
		onKey(q.keys.Save, func(m *Model, _ tea.KeyMsg) tea.Cmd { return m.startSave(false) }).shown(1),
		onKey(q.keys.SaveAs, func(m *Model, _ tea.KeyMsg) tea.Cmd { return m.startSave(true) }).shown(2),
		onKey(q.keys.Discard, func(m *Model, _ tea.KeyMsg) tea.Cmd { return m.leave() }).shown(3),
		onKeyDo(q.keys.Back, func(m *Model) {
			m.closeAll()
			m.pending = after{}
		}).shown(4),
	}
}
