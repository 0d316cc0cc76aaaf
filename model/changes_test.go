package model

import (
	"strings"
	"testing"
)

// TestChangedVerdictsMarked: the talk's case, topology-5 with its SRE team moved into the
// SRE org, reads as a change of identity on screen: "was ..." and a marked tab.
func TestChangedVerdictsMarked(t *testing.T) {
	m := newModel(t, "topology-5", 160, 45)
	before := m.View()
	if strings.Contains(before, "was ") || strings.Contains(before, "Identity *") {
		t.Fatalf("marks before any change:\n%s", before)
	}
	selectTeam(t, m, "Logistics SRE")
	press(t, m, ">")
	v := m.View()
	for _, want := range []string{"Identity *", "Topology *", "Transition *", "was incident-centric", "was Topology 5"} {
		if !strings.Contains(v, want) {
			t.Errorf("no %q after moving the SRE team:\n%s", want, v)
		}
	}
	if strings.Contains(v, "Criteria *") {
		t.Errorf("criteria marked changed although the dominant model is the same:\n%s", v)
	}
}
