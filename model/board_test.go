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
