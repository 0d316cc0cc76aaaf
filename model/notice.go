package model

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/sretopo/sretopo/views"
)

// notice is a message the user must read, as a screen of its own: shown in full, wrapped
// in the panels' place, until enter or esc dismisses it. The status line speaks of the last
// action only and clears on the next key; a warning such as "saved without based_on" would
// be cut at the terminal's edge and gone before it was read.
type notice struct {
	overBoard
	title, body string
	ok          key.Binding
	// then is what follows once it is dismissed (quitting after a save), nil for nothing.
	then func() tea.Cmd
}

// tell shows a message the user must read, logged like any status, and runs then (if any)
// once it is dismissed.
func (m *Model) tell(title, body string, then func() tea.Cmd) {
	m.setError(body)
	ok := key.NewBinding(key.WithKeys(append(m.keys.Accept.Keys(), m.keys.Cancel.Keys()...)...), key.WithHelp("enter/esc", "dismiss"))
	m.push(&notice{title: title, body: body, ok: ok, then: then})
}

// bindings are the notice's keys: enter or esc closes it and does what follows; ctrl+c
// does too, or quits when nothing follows.
func (n *notice) bindings(m *Model) []screenKey {
	return []screenKey{
		onKey(m.keys.Interrupt, func(m *Model, _ tea.KeyMsg) tea.Cmd {
			m.pop()
			if n.then != nil {
				return n.then()
			}
			return m.quit()
		}),
		onKey(n.ok, func(m *Model, _ tea.KeyMsg) tea.Cmd {
			m.pop()
			if n.then != nil {
				return n.then()
			}
			return nil
		}).shown(1),
	}
}

// update keeps the notice on the status line after any other key.
func (n *notice) update(m *Model, _ tea.KeyMsg) tea.Cmd {
	m.status, m.statusErr = n.body, true // the key cleared it; the notice still stands
	return nil
}

func (n *notice) dress(_ *Model, d *views.Data) {
	// each line sanitized on its own: the lines of several warnings stay lines
	lines := strings.Split(n.body, "\n")
	for i, l := range lines {
		lines[i] = views.S(l)
	}
	d.Dialog = &views.Dialog{Title: n.title, Body: strings.Join(lines, "\n") + "\n\n" + n.ok.Help().Key + "  dismiss", Wrap: true}
}
