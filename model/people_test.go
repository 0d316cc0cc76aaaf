package model

import (
	"strings"
	"testing"
)

// facilitatorWith is a facilitator's dashboard on example with the participants people
// connected (name, editor), as the hub tells it.
func facilitatorWith(t *testing.T, example string, people ...Person) (*Model, *Hub) {
	t.Helper()
	m := newModel(t, example, 160, 45)
	h := NewHub(nil, nil)
	m.shared = &sharing{hub: h, role: Facilitator}
	m.publish()
	for _, p := range people {
		h.Join(p.ID, p.User, p.Editor)
		run(m, h.peopleMsg())
	}
	return m, h
}

// The header names each participant and says who edits and who only views; the message log
// keeps who joined and who left.
func TestHeaderNamesParticipantsWithTheirRole(t *testing.T) {
	m, h := facilitatorWith(t, "mixed", Person{ID: 1, User: "vera@laptop", Editor: true}, Person{ID: 2, User: "root"})
	v := m.View()
	for _, want := range []string{"vera@laptop", "root", "editor", "viewer"} {
		if !strings.Contains(v, want) {
			t.Errorf("the header lacks %q:\n%s", want, strings.SplitN(v, "\n", 3)[0])
		}
	}
	h.Leave(2)
	run(m, h.peopleMsg())
	log := strings.Join(m.logLines(200), "\n")
	for _, want := range []string{"vera@laptop joined as an editor", "root joined as a viewer", "root left"} {
		if !strings.Contains(log, want) {
			t.Errorf("the message log lacks %q:\n%s", want, log)
		}
	}
}

// Two participants with the same login are told apart.
func TestHeaderTellsSameLoginsApart(t *testing.T) {
	m, _ := facilitatorWith(t, "mixed", Person{ID: 1, User: "root"}, Person{ID: 2, User: "root"})
	if w := m.peopleWords(); !strings.Contains(w, "root #1") || !strings.Contains(w, "root #2") {
		t.Errorf("two roots are not told apart: %q", w)
	}
}

// With participants connected, q says who is connected and asks before ending the meeting
// for everyone, even with nothing unsaved; n keeps it going, y ends it.
func TestQuitWithParticipantsAsks(t *testing.T) {
	m, _ := facilitatorWith(t, "mixed", Person{ID: 1, User: "vera", Editor: true}, Person{ID: 2, User: "bob"})
	if press(t, m, "q") {
		t.Fatal("one q ended the meeting for everyone without a question")
	}
	v := m.View()
	for _, want := range []string{"vera", "bob", "End the session"} {
		if !strings.Contains(v, want) {
			t.Errorf("the question lacks %q:\n%s", want, v)
		}
	}
	press(t, m, "n")
	if !m.onGround() {
		t.Fatal("n did not keep the meeting going")
	}
	press(t, m, "q")
	if !press(t, m, "y") {
		t.Error("y did not end the session")
	}

	// unsaved changes are asked about after
	m, _ = facilitatorWith(t, "mixed", Person{ID: 1, User: "vera"})
	press(t, m, "+", "q", "y")
	if !shown[*quitGuard](m) {
		t.Error("the unsaved changes were not asked about after the participants")
	}

	// a second ctrl+c leaves
	m, _ = facilitatorWith(t, "mixed", Person{ID: 1, User: "vera"})
	if press(t, m, "ctrl+c") || !press(t, m, "ctrl+c") {
		t.Error("ctrl+c, ctrl+c did not leave")
	}
}
