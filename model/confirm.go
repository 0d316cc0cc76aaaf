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

// ShortHelp is the question's key help.
func (k confirmKeys) ShortHelp() []key.Binding { return []key.Binding{k.Yes, k.No} }

// Update takes the answer.
func (c confirm) Update(msg tea.Msg) (confirm, tea.Cmd) {
	km, ok := msg.(tea.KeyMsg)
	if !ok || c.busy || c.answered {
		return c, nil
	}
	switch {
	case key.Matches(km, c.keys.Yes):
		c.answered, c.agreed = true, true
	case key.Matches(km, c.keys.No):
		c.answered = true
	}
	return c, nil
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

// update takes the answer and does what it says.
func (c *confirm) update(m *Model, msg tea.KeyMsg) tea.Cmd {
	if key.Matches(msg, m.keys.Interrupt) {
		m.closeAll()
		m.saving = false
		return m.quit()
	}
	var cmd tea.Cmd
	*c, cmd = c.Update(msg)
	if !c.answered {
		return cmd
	}
	if c.agreed {
		return tea.Batch(cmd, c.onYes())
	}
	c.onNo()
	return cmd
}
