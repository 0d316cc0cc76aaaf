package model

import (
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
)

// TestHelpInPresentationClosesAlone: ? in presentation mode opens the full key help, and esc
// closes that help alone; leaving presentation then leaves no key table on the board.
func TestHelpInPresentationClosesAlone(t *testing.T) {
	m := newModel(t, "mixed", 80, 24)
	press(t, m, "p", "?")
	if h := lipgloss.Height(m.helpView); h < 2 {
		t.Fatalf("? in presentation shows no key table: %d line(s)", h)
	}
	press(t, m, "esc")
	if v := m.View(); !strings.Contains(v, "Opening, page") || lipgloss.Height(m.helpView) != 1 {
		t.Fatalf("esc after ? did not close the key table alone:\n%s", v)
	}
	press(t, m, "esc")
	if v := m.View(); !strings.Contains(v, "Development org") || lipgloss.Height(m.helpView) != 1 {
		t.Errorf("the board after presentation keeps a key table of %d lines:\n%s", lipgloss.Height(m.helpView), v)
	}
}

// TestViewerRefusedAtTheKey: a viewer pressing n (new team) or R (rotation) is told why at
// once, and no form opens that would refuse only at enter.
func TestViewerRefusedAtTheKey(t *testing.T) {
	for _, k := range []string{"n", "R"} {
		m := newModel(t, "health-platform", 120, 40) // the first team is on call
		p, _ := sharedPair(t, m)
		press(t, p, k)
		v := p.View()
		if strings.Contains(v, "New team") || strings.Contains(v, "Rotation of") {
			t.Errorf("%s opened a form for a viewer:\n%s", k, v)
		}
		if !p.statusErr || !strings.Contains(p.status, "you are a viewer") {
			t.Errorf("%s: a viewer is not told why: %q", k, p.status)
		}
	}
}

// TestFollowKeySaysWhatItDoes: a participant's help line offers f as what it does now:
// browsing on one's own while following, following again while browsing.
func TestFollowKeySaysWhatItDoes(t *testing.T) {
	m := newModel(t, "mixed", 120, 40)
	p, _ := sharedPair(t, m)
	if !strings.Contains(p.helpView, "f browse on your own") || strings.Contains(p.helpView, "f follow") {
		t.Errorf("following, the help line says:\n%s", p.helpView)
	}
	press(t, p, "f")
	if !strings.Contains(p.helpView, "f follow the facilitator") {
		t.Errorf("browsing, the help line says:\n%s", p.helpView)
	}
}
