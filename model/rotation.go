package model

import (
	"fmt"
	tea "github.com/charmbracelet/bubbletea"
	"strconv"
	"strings"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/views"
	"github.com/sretopo/sretopo/words"
)

// rotationPrompt asks how many people of a team take on-call shifts (R): a small form like
// the team form, whose answer goes to orgs.SetRotation, which says why it refuses one.
type rotationPrompt struct {
	overBoard
	// team is the team's name: an edit arriving meanwhile (a shared session) may move it
	team string
	lineInput
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
	m.show(&rotationPrompt{team: t.Name, lineInput: lineInput{input: in}})
}

// bindings are the rotation prompt's keys: enter sets the rotation (empty or 0 unsets
// it), esc cancels; the rest is typed.
func (p *rotationPrompt) bindings(m *Model) []screenKey {
	return lineRows(&m.keys, "set", editors, p.answer, (*Model).closeAll)
}

// answer sets the rotation typed, or says why it is refused.
func (p *rotationPrompt) answer(m *Model) tea.Cmd {
	v := strings.TrimSpace(p.input.Value())
	n := 0
	if v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil {
			p.err = fmt.Sprintf("%q is not a number of people", v)
			return nil
		}
	}
	i := m.promptTeam(p.team)
	if i < 0 {
		return nil
	}
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
