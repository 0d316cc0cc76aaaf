package model

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/sretopo/sretopo/views"
)

// confirm is a yes/no question with a screen of its own: deleting a team others run with,
// updating the open scenario in place. It knows nothing of what the answer does: the root
// model runs onYes or onNo once it is answered.
type confirm struct {
	overBoard
	rowsOnly
	title, body      string
	yesDesc, noDesc  string
	keys             confirmKeys
	answered, agreed bool
	// busy is set while what "yes" started runs (a save): keys wait, the body says so.
	busy bool
	// onYes and onNo are what the answer does.
	onYes func() tea.Cmd
	onNo  func()
}

// confirmKeys are the keys of a question.
type confirmKeys struct{ Yes, No key.Binding }

func newConfirm(title, body, yesDesc, noDesc string, keys KeyMap) *confirm {
	return &confirm{title: title, body: body, yesDesc: yesDesc, noDesc: noDesc, keys: confirmKeys{
		Yes: withHelp(keys.Yes, keys.Yes.Help().Key, yesDesc),
		No:  withHelp(keys.No, keys.No.Help().Key, noDesc),
	}}
}

// bindings are the question's keys: yes and no, in the question's words.
func (c *confirm) bindings(m *Model) []screenKey {
	return []screenKey{
		onKey(m.keys.Interrupt, func(m *Model, _ tea.KeyMsg) tea.Cmd {
			m.closeAll()
			m.saving = false
			return m.quit()
		}),
		onKey(c.keys.Yes, func(*Model, tea.KeyMsg) tea.Cmd { return c.answer(true) }).shown(1),
		onKey(c.keys.No, func(*Model, tea.KeyMsg) tea.Cmd { return c.answer(false) }).shown(2),
	}
}

// answer does what the answer says, once: while what "yes" started runs, keys wait.
func (c *confirm) answer(yes bool) tea.Cmd {
	if c.busy || c.answered {
		return nil
	}
	c.answered, c.agreed = true, yes
	if yes {
		return c.onYes()
	}
	c.onNo()
	return nil
}

// Dialog is the question as drawn in the panels' place.
func (c confirm) Dialog() *views.Dialog {
	body := c.body
	if c.busy {
		body += "\n\nsaving..."
	} else {
		body += "\n\n" + c.keys.Yes.Help().Key + "  " + c.yesDesc + "\n" + firstKey(c.keys.No) + "  " + c.noDesc
	}
	return &views.Dialog{Title: c.title, Body: body, Wrap: true}
}

// firstKey is the first key of b's help ("n" of "n/esc").
func firstKey(b key.Binding) string {
	if ks := b.Keys(); len(ks) > 0 {
		return ks[0]
	}
	return b.Help().Key
}

// ask shows a question; onYes and onNo run once it is answered.
func (m *Model) ask(c *confirm, onYes func() tea.Cmd, onNo func()) {
	c.onYes, c.onNo = onYes, onNo
	m.show(c)
}
