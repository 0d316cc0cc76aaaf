package model

import (
	"strings"
	"testing"
	"unicode/utf8"

	tea "github.com/charmbracelet/bubbletea"
)

// TestChangedVerdictsMarked: the talk's case, topology-5 with its SRE team moved into the
// SRE org, reads as a change of identity on screen: "was ..." and a marked tab.
func TestChangedVerdictsMarked(t *testing.T) {
	m := newModel(t, "topology-5", 220, 60)
	before := m.View()
	if strings.Contains(before, "was ") || strings.Contains(before, "Identity*") {
		t.Fatalf("marks before any change:\n%s", before)
	}
	selectTeam(t, m, "Logistics SRE")
	press(t, m, ">")
	v := m.View()
	for _, want := range []string{"Identity*", "Topology*", "Transition*", "was incident-centric", "was Topology 5"} {
		if !strings.Contains(v, want) {
			t.Errorf("no %q after moving the SRE team:\n%s", want, v)
		}
	}
	if strings.Contains(v, "Criteria*") {
		t.Errorf("criteria marked changed although the dominant model is the same:\n%s", v)
	}
}

// TestStatusClearsAndLogKeepsIt: the status line speaks of the last action only; M shows
// every message in full, newest last, and closes with esc.
func TestStatusClearsAndLogKeepsIt(t *testing.T) {
	m := newModel(t, "mixed", 80, 24)
	press(t, m, "b") // refused: already at the baseline
	if !strings.Contains(m.View(), "already at the baseline") {
		t.Fatal("no message for b at the baseline")
	}
	press(t, m, "j")
	if strings.Contains(m.View(), "already at the baseline") {
		t.Error("the message stayed after the next key")
	}
	long := strings.Repeat("very long message ", 12)
	m.setStatus(long)
	press(t, m, "M")
	v := m.View()
	if !shown[*pager](m) || !strings.Contains(v, "already at the baseline") || !strings.Contains(v, "very long message very long message") {
		t.Fatalf("M does not show the messages:\n%s", v)
	}
	if strings.Count(v, "message") < 12 {
		t.Errorf("the long message is cut in the log:\n%s", v)
	}
	pressBack(t, m, "esc")
}

// TestZoomPanelScrolls: z opens the shown panel full screen; it scrolls to its end and tab
// moves to the next panel.
func TestZoomPanelScrolls(t *testing.T) {
	m := newModel(t, "mixed", 80, 24)
	press(t, m, "tab") // criteria: longer than 80x24
	press(t, m, "z")
	top := m.View()
	if !shown[*pager](m) || !strings.Contains(top, "Criteria (full screen)") {
		t.Fatalf("z did not open the criteria:\n%s", top)
	}
	if !strings.Contains(top, "lines 1-") {
		t.Fatalf("the full criteria fit in 80x24, nothing to scroll:\n%s", top)
	}
	press(t, m, "end")
	if bottom := m.View(); bottom == top || strings.Contains(bottom, "lines 1-") {
		t.Errorf("end did not scroll:\n%s", bottom)
	}
	press(t, m, "tab")
	mustShow(t, m, "Funding (full screen)", "tab did not move to the next panel")
	pressBack(t, m, "z")
}

// TestTabsClickable: a click on a tab shows its panel, under the board and beside it.
func TestTabsClickable(t *testing.T) {
	for _, sz := range [][2]int{{120, 40}, {220, 60}} {
		m := newModel(t, "mixed", sz[0], sz[1])
		v := strings.Split(m.View(), "\n")
		y := m.lay.Panels.Y
		at := strings.Index(v[y], "Funding")
		if at < 0 || !strings.Contains(v[y], "[Topology]") {
			t.Fatalf("%dx%d: no tab line on line %d: %q", sz[0], sz[1], y, v[y])
		}
		x := utf8.RuneCountInString(v[y][:at]) // the board's rules are one cell a rune
		m.Update(tea.MouseMsg{X: x + 1, Y: y, Action: tea.MouseActionPress, Button: tea.MouseButtonLeft})
		if m.board.panel.Title() != "Funding" {
			t.Errorf("%dx%d: the click showed %s", sz[0], sz[1], m.board.panel.Title())
		}
	}
}

// TestKeyTableSaysWhyBackIsOff: at the baseline, b is dimmed with why.
func TestKeyTableSaysWhyBackIsOff(t *testing.T) {
	m := newModel(t, "mixed", 100, 60)
	press(t, m, "?")
	mustShow(t, m, "back to baseline (not now: already at the baseline)", "b not dimmed at the baseline")
	press(t, m, "esc", "+", "?")
	if strings.Contains(m.View(), "back to baseline (not now") {
		t.Errorf("b dimmed after a change:\n%s", m.View())
	}
}
