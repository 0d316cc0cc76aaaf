package model

// Edits and the history: every change goes through the Session (or, in a shared session,
// to the facilitator), and the board finds the selected team again by its name.

import "github.com/sretopo/sretopo/orgs"

// edit records a change the user made, or shows why it was refused.
func (m *Model) edit(c *orgs.Change, err error) {
	m.editTeam(-1, c, err)
}

// editTeam is edit of a change that changes team i alone (orgs' edits of the team at an
// index: move, run, run_with, SRE role, headcount).
func (m *Model) editTeam(i int, c *orgs.Change, err error) {
	if err != nil {
		m.setError(err.Error())
		return
	}
	m.commit(entry{c, i})
}

func (m *Model) commit(e entry) {
	if m.shared.participant() {
		m.sendEdit(e, false, false)
		return
	}
	m.Apply(e.c, e.team)
	m.journal.dirty = true
	m.rederive(e.c.Subject, e.team)
	m.setStatus(e.c.Summary)
}

func (m *Model) undo() { m.step(true) }

func (m *Model) redo() { m.step(false) }

// step undoes the last change (back) or redoes the last undone one.
func (m *Model) step(back bool) {
	if m.shared.participant() {
		m.sendEdit(entry{team: -1}, back, !back)
		return
	}
	m.before = m.Selected()
	undo, none, did := m.Redo, "nothing to redo", "redid: "
	if back {
		undo, none, did = m.Undo, "nothing to undo", "undid: "
	}
	e, ok := undo()
	if !ok {
		m.setError(none)
		return
	}
	m.journal.dirty = true
	m.rederive(e.c.Subject, e.team)
	m.setStatus(did + e.c.Summary)
}

// rederive is refresh after the analysis.
func (m *Model) rederive(subject string, team int) {
	selected := m.before
	m.before = ""
	m.derive(team)
	i := -1
	if subject != "" {
		i = m.teamIndex(subject, team)
	}
	if i < 0 && selected != "" {
		i = m.teamIndex(selected, team)
	}
	if i >= 0 {
		m.selectIndex(i)
	}
	m.board.clampRows()
	m.board.ensurePanel(m.an)
}

// teamIndex is m.cur.TeamIndex(name), looking first at team i, the team an edit was
// about: names are unique ignoring case, so a match there is the only one.
func (m *Model) teamIndex(name string, i int) int {
	if i >= 0 && i < len(m.cur.Teams) && orgs.SameName(m.cur.Teams[i].Name, name) {
		return i
	}
	if i := m.board.Selected(); i >= 0 && i < len(m.cur.Teams) && orgs.SameName(m.cur.Teams[i].Name, name) {
		return i
	}
	return m.cur.TeamIndex(name)
}

func (m *Model) setStatus(s string) { m.status, m.statusErr = s, false; m.logMessage(s, false) }

func (m *Model) setError(s string) { m.status, m.statusErr = s, true; m.logMessage(s, true) }
