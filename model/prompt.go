package model

import (
	"fmt"

	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/sretopo/sretopo/views"
)

// lineInput is the one line a prompt over the board types into (a name, a rotation, a
// path), with why its last answer was refused.
type lineInput struct {
	input textinput.Model
	err   string
}

func (l *lineInput) typing(*Model) bool { return true }

// update types a key no row has into the line, clearing the refusal it showed.
func (l *lineInput) update(_ *Model, msg tea.KeyMsg) tea.Cmd {
	var cmd tea.Cmd
	l.input, cmd = updateInput(l.input, msg)
	l.err = ""
	return cmd
}

// lineRows are a one-line prompt's keys: esc cancels, enter answers (its words say), for
// the participants who may (an edit: editors; a file: the facilitator).
func lineRows(k *KeyMap, say string, who access, answer func(m *Model) tea.Cmd, cancel func(m *Model)) []screenKey {
	return []screenKey{
		onKeyDo(k.Cancel, cancel).shown(2),
		onKey(k.Accept, func(m *Model, _ tea.KeyMsg) tea.Cmd { return answer(m) }).said(1, "enter", say).only(who),
	}
}

// promptTeam is the index of the team a prompt was opened for, found again by its name (an
// edit arriving meanwhile may move it), or -1, the prompt closed and why said, when it is
// gone. The selection from before is kept for the edit the prompt makes.
func (m *Model) promptTeam(name string) int {
	i := m.cur.TeamIndex(name)
	if i < 0 {
		m.closeAll()
		m.setError(fmt.Sprintf("%q is no longer in the organization", views.S(name)))
		return -1
	}
	m.before = m.Selected()
	return i
}
