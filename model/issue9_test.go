package model

import (
	"strings"
	"testing"
)

// Issue 9: `c` on 20,000 teams froze the screen for seconds, the comparison being worked out
// in Update. Update now only opens the screen ("comparing..."); the command does the work,
// and an edit made meanwhile does not reach the comparison being made.
func TestCompareComputesInACommand(t *testing.T) {
	m := newModel(t, "mixed", 80, 24)
	selectTeam(t, m, "Operations SRE")
	press(t, m, ">")
	_, cmd := m.Update(keyMsg("c"))
	if m.mode != modeCompare || cmd == nil {
		t.Fatalf("c: mode %d, command %v", m.mode, cmd)
	}
	if m.cmp.data != nil {
		t.Fatal("the comparison was made in Update")
	}
	if v := m.View(); !strings.Contains(v, "comparing...") {
		t.Errorf("no word while comparing:\n%s", v)
	}
	msg := cmd()
	if _, ok := msg.(compareReadyMsg); !ok {
		t.Fatalf("the command gave %T", msg)
	}
	run(m, msg)
	if m.cmp.data == nil || len(m.cmp.data.Diff.Moves) != 1 || m.cmp.data.Diff.Moves[0].Team != "Operations SRE" {
		t.Fatalf("the comparison did not arrive: %+v", m.cmp.data)
	}
	if v := m.View(); !strings.Contains(v, "sre org (moved)") {
		t.Errorf("compare screen lacks the move:\n%s", v)
	}

	// a comparison for a screen left before it arrived is dropped
	press(t, m, "esc")
	_, cmd = m.Update(keyMsg("c"))
	stale := cmd()
	press(t, m, "esc")
	run(m, stale)
	if m.mode != modeBoard || m.cmp != nil {
		t.Errorf("a late comparison reopened the screen: mode %d", m.mode)
	}
}
