package model

import (
	tea "github.com/charmbracelet/bubbletea"
	"strings"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/views"
)

// namePrompt asks for a name on the board: a team's new name (N) or a new service of a dev
// team (i). The answer goes to an orgs edit, which checks the name as the loader does and
// says why it refuses one; the prompt stays open with that reason.
type namePrompt struct {
	overBoard
	// team is the team's name: an edit arriving meanwhile (a shared session) may move it
	team  string
	title string
	lineInput
	// do makes the edit on o with the team at index i and the name typed; one says the
	// edit changes that team alone.
	do  func(o *orgs.Org, i int, name string) (*orgs.Change, error)
	one bool
}

// startRename opens the prompt for a new name of team i, prefilled with its name.
func (m *Model) startRename(i int) {
	if i < 0 || i >= len(m.cur.Teams) {
		m.setError("no team selected")
		return
	}
	in := newInput("name: ", orgs.MaxNameLen)
	in.SetValue(m.cur.Teams[i].Name)
	in.CursorEnd()
	in.Focus()
	m.show(&namePrompt{team: m.cur.Teams[i].Name, title: "Rename " + views.S(m.cur.Teams[i].Name), lineInput: lineInput{input: in},
		do: func(o *orgs.Org, i int, name string) (*orgs.Change, error) { return o.RenameTeam(i, name) }})
}

// startAddService opens the prompt for a new service of dev team i.
func (m *Model) startAddService(i int) {
	if err := m.cur.CanAddService(i); err != nil {
		m.setError(err.Error())
		return
	}
	in := newInput("service: ", orgs.MaxNameLen)
	in.Placeholder = "service name"
	in.Focus()
	m.show(&namePrompt{team: m.cur.Teams[i].Name, title: "New service of " + views.S(m.cur.Teams[i].Name), lineInput: lineInput{input: in}, one: true,
		do: func(o *orgs.Org, i int, name string) (*orgs.Change, error) { return o.AddService(i, name) }})
}

// bindings are the prompt's keys: enter makes the edit, esc cancels; the rest is typed.
func (p *namePrompt) bindings(m *Model) []screenKey {
	return lineRows(&m.keys, "set", editors, p.answer, (*Model).closeAll)
}

// answer makes the edit with the name typed, or says why it is refused.
func (p *namePrompt) answer(m *Model) tea.Cmd {
	i := m.promptTeam(p.team)
	if i < 0 {
		return nil
	}
	c, err := p.do(m.cur, i, strings.TrimSpace(p.input.Value()))
	if err != nil {
		p.err = err.Error()
		return nil
	}
	m.closeAll()
	if !p.one {
		i = -1 // a rename changes the teams that name the team too
	}
	m.editTeam(i, c, nil) // the change's subject selects the team, by its new name too
	return nil
}

func (p *namePrompt) dress(_ *Model, d *views.Data) {
	d.Dialog = &views.Dialog{Title: p.title, Body: p.input.View() + "\n\n1 to 64 characters, unique ignoring case\n\nenter sets it, esc cancels", Error: p.err}
}
