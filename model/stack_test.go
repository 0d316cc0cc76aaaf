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

// TestBoardKeysAreOneRowEach: no key of the board belongs to two rows (the first would take
// it from the second), and every row has a group, a reason and an action.
func TestBoardKeysAreOneRowEach(t *testing.T) {
	m := newModel(t, "health-platform", 120, 40)
	for _, open := range []bool{false, true} {
		if open {
			press(t, m, "enter") // a service selected: r and w are the service's
		}
		seen := map[string]string{}
		for _, r := range m.board.bindings(m.boardNow()) {
			name := r.key.Help().Desc
			if r.group == "" || r.why == nil || r.do == nil {
				t.Errorf("row %q lacks a group, a reason or an action", name)
			}
			for _, k := range r.key.Keys() {
				if other, ok := seen[k]; ok {
					t.Errorf("%q is the key of both %q and %q", k, other, name)
				}
				seen[k] = name
			}
		}
	}
}

// TestParticipantFilesRefusedAtTheKey: a participant's s, S, o and y are refused with why,
// and open nothing; ? shows them dimmed with the same reason.
func TestParticipantFilesRefusedAtTheKey(t *testing.T) {
	m := newModel(t, "mixed", 120, 40)
	p, _ := sharedPair(t, m)
	for _, k := range []string{"s", "S", "o", "y"} {
		press(t, p, k)
		if !p.onGround() || !p.statusErr || p.status != facilitatorOnly {
			t.Errorf("%s: screen %s, status %q", k, screenName(p), p.status)
		}
	}
	press(t, p, "?", "end")
	if v := p.View(); !strings.Contains(v, facilitatorOnly) || !strings.Contains(v, "leave the session") {
		t.Errorf("? does not say why a participant has no files:\n%s", v)
	}
}
