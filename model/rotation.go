package model

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/views"
	"github.com/sretopo/sretopo/words"
)

// rotationPrompt asks how many people of a team take on-call shifts (R): a small form like
// the team form, whose answer goes to orgs.SetRotation, which says why it refuses one.
type rotationPrompt struct {
	overBoard
	// team is the team's name: an edit arriving meanwhile (a shared session) may move it
	team  string
	input textinput.Model
	err   string
}

// startRotation opens the rotation prompt for team i, prefilled with its rotation.
func (m *Model) startRotation(i int) {
	if i < 0 || i >= len(m.cur.Teams) {
		m.setError("no team selected")
		return
	}
	t := &m.cur.Teams[i]
	if t.OnCall == orgs.OnCallNone || t.OnCall == "" {
		m.setError(fmt.Sprintf("%q is not on call: a rotation needs an on-call pattern", t.Name))
		return
	}
	in := newInput("people: ", 4)
	if t.Rotation > 0 {
		in.SetValue(strconv.Itoa(t.Rotation))
	}
	in.Focus()
	m.show(&rotationPrompt{team: t.Name, input: in})
}

// update handles a key of the rotation prompt: enter sets the rotation (empty or 0 unsets
// it), esc cancels.
func (p *rotationPrompt) update(m *Model, msg tea.KeyMsg) tea.Cmd {
	switch {
	case is(msg, m.keys.Cancel):
		m.closeAll()
		return nil
	case is(msg, m.keys.Accept):
		v := strings.TrimSpace(p.input.Value())
		n := 0
		if v != "" {
			var err error
			if n, err = strconv.Atoi(v); err != nil {
				p.err = fmt.Sprintf("%q is not a number of people", v)
				return nil
			}
		}
		i := m.cur.TeamIndex(p.team)
		if i < 0 {
			m.closeAll()
			m.setError(fmt.Sprintf("%q is no longer in the organization", views.S(p.team)))
			return nil
		}
		m.before = m.Selected()
		c, err := m.cur.SetRotation(i, n)
		if err != nil {
			p.err = err.Error()
			return nil
		}
		m.closeAll()
		m.editTeam(i, c, nil)
		m.board.panel = views.PanelStaffing // where the new load shows
		return nil
	}
	var cmd tea.Cmd
	p.input, cmd = updateInput(p.input, msg)
	p.err = ""
	return cmd
}

// dialog draws the rotation prompt with the team's load now.
func (p *rotationPrompt) dialog(m *Model) *views.Dialog {
	i := m.cur.TeamIndex(p.team)
	if i < 0 {
		return &views.Dialog{Title: "Rotation", Body: views.S(p.team) + " is no longer in the organization.\n\nesc goes back", Error: p.err}
	}
	t := &m.cur.Teams[i]
	body := fmt.Sprintf("How many of its %s take on-call shifts (%s)?\n1 to %s; empty or 0: the whole team.\n\n%s",
		words.People(t.Headcount), t.OnCall, words.Number(int64(t.Headcount)), p.input.View())
	if r, ok := orgs.RotationOf(m.cur, i); ok {
		body += fmt.Sprintf("\n\nnow: rotation %s, %s on call each a week, minimum %s", words.Number(int64(r.Rotation)), words.Hours(r.Load), words.Number(int64(r.Minimum)))
	}
	body += "\n\nenter sets it, esc cancels"
	return &views.Dialog{Title: "Rotation of " + views.S(t.Name), Body: body, Error: p.err}
}
