package model

import (
	"fmt"
	"strings"
	"testing"

	"github.com/sretopo/sretopo/views"
)

// sharedPair is a facilitator's dashboard on m and one participant following it, joined by a
// hub without a network: deliver hands the participant what the facilitator published last.
func sharedPair(t *testing.T, m *Model) (participant *Model, deliver func()) {
	t.Helper()
	return joined(m, Viewer, 120, 40)
}

// joined makes m the facilitator of a shared session and joins one participant of role at
// w x h, by a hub without a network: deliver publishes what the facilitator shows and hands
// it to the participant.
func joined(m *Model, role ShareRole, w, h int) (participant *Model, deliver func()) {
	hub := NewHub(nil, nil)
	m.shared = &sharing{hub: hub, role: Facilitator}
	m.publish()
	p := NewParticipant(hub, 1, "vera", role, views.DefaultStyles())
	run(p, keyMsgSize(w, h))
	return p, func() { m.publish(); run(p, hub.State()) }
}

// TestFollowerShowsTheFourColumnCompare: a participant following the facilitator shows the
// options the facilitator compares as columns (O in compare), and the board again after.
func TestFollowerShowsTheFourColumnCompare(t *testing.T) {
	m, _ := saveThreeScenarios(t)
	p, deliver := sharedPair(t, m)

	press(t, m, "c")
	deliver()
	if !shown[*comparing](p) || p.compared() == nil || p.compared().options != nil {
		t.Fatalf("the follower does not show the two-column compare: screen %s", screenName(p))
	}

	press(t, m, "O", "space", "space", "space", "enter")
	if m.compared() == nil || len(m.compared().options) != 4 {
		t.Fatalf("the facilitator does not compare four options: %+v", m.compared())
	}
	deliver()
	if !shown[*comparing](p) || p.compared() == nil || len(p.compared().options) != 4 {
		t.Fatalf("the follower does not show the four options: screen %s, %+v", screenName(p), p.compared())
	}
	v := p.View()
	for i, o := range m.compared().options {
		if !strings.Contains(v, o.File) {
			t.Errorf("the follower's screen lacks column %d, %q:\n%s", i+1, o.File, v)
		}
	}
	if !strings.Contains(v, "Compare 4 options") {
		t.Errorf("the follower's screen is not the options compare:\n%s", v)
	}

	// b: back to the baseline and the current model, for the follower too
	press(t, m, "b")
	deliver()
	if !shown[*comparing](p) || p.compared() == nil || p.compared().options != nil {
		t.Errorf("the follower still shows the options after b: %+v", p.compared())
	}

	// the files compared are the facilitator's: a participant does not list them
	run(p, keyMsg("O"))
	if !shown[*comparing](p) || !p.statusErr || p.status != facilitatorOnly {
		t.Errorf("O listed files for a participant: screen %s, %q", screenName(p), p.status)
	}
	if v := p.View(); strings.Contains(v, "O options") {
		t.Errorf("a participant's help offers O:\n%s", v)
	}

	// a participant that stopped following keeps its own screen
	press(t, m, "O", "space", "enter")
	run(p, keyMsg("f"))
	deliver()
	if p.compared() != nil && p.compared().options != nil {
		t.Error("a participant who does not follow was moved to the facilitator's options")
	}

	press(t, m, "esc")
	run(p, keyMsg("f"))
	deliver()
	if !p.onGround() {
		t.Errorf("the follower did not go back to the board with the facilitator: screen %s", screenName(p))
	}
}

// TestFollowerSeesTheSave: a save changes neither the model nor the view, but it changes the
// file the room works on and clears "modified"; a participant's header says so, with the
// facilitator's message, instead of keeping the file saved from.
func TestFollowerSeesTheSave(t *testing.T) {
	dir := t.TempDir()
	m := openModel(t, writeExampleFile(t, dir, "mixed", "mixed.toml"), false)
	p, deliver := joined(m, Viewer, 160, 45)
	press(t, m, "+")
	deliver()
	if v := p.View(); !strings.Contains(v, "modified") {
		t.Fatalf("the participant does not show the edit as unsaved:\n%s", v)
	}
	press(t, m, "s", "enter")
	if m.Modified() {
		t.Fatalf("the facilitator's save did not happen: %q", m.status)
	}
	deliver()
	v := p.View()
	if strings.Contains(v, "modified") || !strings.Contains(v, "mixed-scenario-1.toml") {
		t.Errorf("the participant's header does not follow the save:\n%s", v)
	}
	if !strings.Contains(v, "facilitator: saved") {
		t.Errorf("the participant is not told of the save:\n%s", v)
	}
}

// TestFollowerChoosesTheFacilitatorsStage: on the plan screen a participant at another size
// follows the stage the facilitator chooses, and shows its heading, not the first stage.
func TestFollowerChoosesTheFacilitatorsStage(t *testing.T) {
	m := plannedModel(t, 200, 50)
	p, deliver := joined(m, Viewer, 80, 24)
	press(t, m, "g")
	deliver()
	pl, ok := m.top().(*planning)
	if !ok || pl.data == nil || len(pl.data.Plan.Stages) < 2 {
		t.Fatalf("the facilitator's plan has too few stages to choose from: screen %s", screenName(m))
	}
	last := len(pl.data.Plan.Stages) - 1
	for range last {
		press(t, m, "down")
	}
	deliver()
	fp, ok := p.top().(*planning)
	if !ok || fp.sel != last {
		t.Fatalf("the follower's plan: screen %s, stage %v, want %d", screenName(p), fp, last)
	}
	heading := fmt.Sprintf("> Stage %d of %d", last+1, last+1)
	if v := p.View(); !strings.Contains(v, heading) {
		t.Errorf("the follower at 80x24 does not show %q:\n%s", heading, v)
	}
}

// TestAnEditorsMessageKeepsItsAuthor: an editor's edit is said as the editor's, once, to
// everyone; when the edit's risk figures arrive and the state is published again, the
// message is not said a second time, nor put in the facilitator's mouth.
func TestAnEditorsMessageKeepsItsAuthor(t *testing.T) {
	m := openModel(t, writeExampleFile(t, t.TempDir(), "health-platform", "talk.toml"), false)
	editor, deliver := joined(m, Editor, 80, 24)
	editor.shared.user = "alice"
	run(editor, keyMsg("+"))
	_, cmd := m.Update(<-m.shared.hub.requests) // the facilitator applies the editor's edit
	deliver()
	said := editor.status
	if !strings.HasPrefix(said, "alice") {
		t.Fatalf("the editor's edit is said as %q", said)
	}
	m.Update(riskMsgOf(t, cmd)) // the figures arrive: a new analysis is published
	deliver()
	if editor.status != said {
		t.Errorf("after the risk figures the message is %q, was %q", editor.status, said)
	}
	n := 0
	for _, e := range editor.log {
		if strings.Contains(e.text, "headcount") {
			n++
		}
	}
	if n != 1 {
		t.Errorf("the edit's message is in the log %d times, want once: %+v", n, editor.log)
	}
}
