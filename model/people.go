package model

import (
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/sretopo/sretopo/views"
)

// The people of a shared session as the facilitator sees them: named in the header with
// their role, their joining and leaving kept in the message log, and asked about before
// the facilitator's q ends the meeting for everyone.

// personName is how p is named: the name the hub has (the SSH key's comment, else the
// login), with its number when another participant has the same name.
func personName(p Person, all []Person) string {
	name := views.S(p.User)
	for _, o := range all {
		if o.ID != p.ID && o.User == p.User {
			return fmt.Sprintf("%s #%d", name, p.ID)
		}
	}
	return name
}

func roleWords(editor bool) string {
	if editor {
		return "editor"
	}
	return "viewer"
}

// peopleChanged takes the hub's list of who is connected, logging who joined and who left.
func (m *Model) peopleChanged(now []Person) {
	s := m.shared
	was := map[int]Person{}
	for _, p := range s.people {
		was[p.ID] = p
	}
	for _, p := range now {
		if _, ok := was[p.ID]; !ok {
			m.logMessage(fmt.Sprintf("%s joined as %s", personName(p, now), map[bool]string{true: "an editor", false: "a viewer"}[p.Editor]), false)
		}
		delete(was, p.ID)
	}
	for _, p := range s.people {
		if _, gone := was[p.ID]; gone {
			m.logMessage(personName(p, s.people)+" left", false)
		}
	}
	s.people = now
}

// peopleList names every participant with their role, * marking those who follow.
func peopleList(people []Person) string {
	names := make([]string, len(people))
	for i, p := range people {
		names[i] = personName(p, people) + " " + roleWords(p.Editor)
		if p.Following {
			names[i] += "*"
		}
	}
	return strings.Join(names, ", ")
}

// peopleWords is the header's note on the shared session: for the facilitator, who is
// connected, as editor or viewer, and who follows (*).
func (m *Model) peopleWords() string {
	s := m.shared
	if s == nil {
		return ""
	}
	if s.role != Facilitator {
		if s.following {
			return "following"
		}
		return "browsing (f follows)"
	}
	n, following := len(s.people), 0
	for _, p := range s.people {
		if p.Following {
			following++
		}
	}
	if n == 0 {
		if s.hub.Addr != "" {
			return "shared on " + s.hub.Addr + ": nobody connected yet"
		}
		return "shared: nobody connected yet"
	}
	return fmt.Sprintf("%d connected, %d following* (%s)", n, following, peopleList(s.people))
}

// askPeopleFirst asks the facilitator, while participants are connected, whether to end
// the session for all of them; it reports whether it asked. Yes goes on to quit (asking
// about unsaved changes then); a second ctrl+c while it asks leaves.
func (m *Model) askPeopleFirst() bool {
	s := m.shared
	if s == nil || s.participant() || len(s.people) == 0 || m.peopleAsked {
		return false
	}
	m.peopleAsked = true
	names := make([]string, len(s.people))
	for i, p := range s.people {
		names[i] = personName(p, s.people) + " (" + roleWords(p.Editor) + ")"
	}
	who := fmt.Sprintf("%d participant%s connected: %s.", len(names), map[bool]string{true: " is", false: "s are"}[len(names) == 1], strings.Join(names, ", "))
	m.ask(newConfirm("End the session for everyone?", who+" Quitting ends the session for all of them.", "end the session", "keep it going", m.keys),
		func() tea.Cmd {
			m.closeAll()
			cmd := m.quit()
			m.peopleAsked = false
			return cmd
		},
		func() {
			m.peopleAsked = false
			m.closeAll()
			m.setStatus("the session goes on")
		})
	return true
}
