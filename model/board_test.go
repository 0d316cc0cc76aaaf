package model

import "testing"

// TestSelectionSurvivesUndoBeforeIt: the board selects a team by its name across edits, so
// an undo or a redo that removes or re-adds teams before the selected one keeps the same
// team selected, not the same place.
func TestSelectionSurvivesUndoBeforeIt(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {160, 45}} {
		m := newModel(t, "mixed", size[0], size[1])
		selectTeam(t, m, "Online Shop") // the first dev team
		press(t, m, "x")
		if m.Current().Team("Online Shop") != nil {
			t.Fatal("x did not delete")
		}
		selectTeam(t, m, "Payments")
		row := m.board.Rows[m.board.Focus]
		press(t, m, "b") // back to the baseline: Online Shop again, before Payments
		if m.Current().Team("Online Shop") == nil {
			t.Fatal("b did not bring the team back")
		}
		if m.Selected() != "Payments" || m.board.Rows[m.board.Focus] != row+1 {
			t.Errorf("%v: after b, selected %q in row %d, want Payments in row %d", size, m.Selected(), m.board.Rows[m.board.Focus], row+1)
		}
		press(t, m, "u") // undo b: Online Shop removed again
		if m.Current().Team("Online Shop") != nil || m.Selected() != "Payments" {
			t.Errorf("%v: after u, selected %q (Online Shop there: %v)", size, m.Selected(), m.Current().Team("Online Shop") != nil)
		}
		press(t, m, "ctrl+r") // and re-added
		if m.Current().Team("Online Shop") == nil || m.Selected() != "Payments" {
			t.Errorf("%v: after ctrl+r, selected %q", size, m.Selected())
		}
		// the same through the keys on the board: the selection moves with its team
		press(t, m, "j")
		if m.Selected() == "Payments" {
			t.Errorf("%v: down did not move from Payments", size)
		}
	}
}

// TestRotationPromptKeepsItsTeam: the rotation prompt holds its team by name, so an edit
// that arrives while it is open (an editor's, in a shared session) and moves the teams
// does not set the rotation of another team.
func TestRotationPromptKeepsItsTeam(t *testing.T) {
	m := newModel(t, "mixed", 120, 40)
	m.shared = &sharing{hub: NewHub(nil, nil), role: Facilitator}
	m.publish()
	selectTeam(t, m, "Payments")
	press(t, m, "R")
	if !shown[*rotationPrompt](m) {
		t.Fatalf("R did not open the prompt: %q", m.status)
	}
	onTop[rotationPrompt](m).input.SetValue("4")
	// an editor deletes the first dev team meanwhile: every team after it moves up
	copyOrg := m.Current().Clone()
	c, err := copyOrg.DeleteTeam(copyOrg.TeamIndex("Online Shop"))
	if err != nil {
		t.Fatal(err)
	}
	next := m.Current().Teams[m.Current().TeamIndex("Payments")+1].Name
	run(m, EditRequest{From: 1, User: "ed", Version: m.shared.version, Change: c, Team: -1})
	if m.Current().Team("Online Shop") != nil {
		t.Fatalf("the editor's deletion was not applied: %q", m.status)
	}
	press(t, m, "enter")
	if got := team(t, m, "Payments").Rotation; got != 4 {
		t.Errorf("Payments' rotation is %d, want 4 (status %q)", got, m.status)
	}
	if got := team(t, m, next).Rotation; got == 4 {
		t.Errorf("the rotation went to %s, the team after Payments", next)
	}
}

// TestFindCancelledAfterAnEditArrived: find cancelled puts the selection back on the team
// selected before, by its name, on the board as it is now: an editor's deletion that
// arrived meanwhile (in a shared session) removed a team before it.
func TestFindCancelledAfterAnEditArrived(t *testing.T) {
	m := newModel(t, "mixed", 120, 40)
	m.shared = &sharing{hub: NewHub(nil, nil), role: Facilitator}
	m.publish()
	selectTeam(t, m, "Loyalty Program") // the last dev team
	press(t, m, "/")
	typeText(t, m, "pay")
	if m.Selected() != "Payments" {
		t.Fatalf("find did not select Payments: %q", m.Selected())
	}
	copyOrg := m.Current().Clone()
	c, err := copyOrg.DeleteTeam(copyOrg.TeamIndex("Online Shop"))
	if err != nil {
		t.Fatal(err)
	}
	run(m, EditRequest{From: 1, User: "ed", Version: m.shared.version, Change: c, Team: -1})
	if m.Current().Team("Online Shop") != nil {
		t.Fatalf("the editor's deletion was not applied: %q", m.status)
	}
	press(t, m, "esc")
	if !m.onGround() || m.Selected() != "Loyalty Program" {
		t.Errorf("after esc: screen %s, selected %q, want Loyalty Program", screenName(m), m.Selected())
	}
	for c, col := range m.board.Cols {
		for _, i := range col {
			if i >= len(m.Current().Teams) {
				t.Fatalf("column %d lists team %d of %d", c, i, len(m.Current().Teams))
			}
		}
	}
	checkView(t, m, "find cancelled")
}
