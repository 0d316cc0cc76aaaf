package model

import (
	"testing"

	"github.com/charmbracelet/bubbles/viewport"

	"github.com/sretopo/sretopo/orgs"
)

// The Decide step weighs the options the compare screen last showed while the current
// model is the one they were compared with; after an edit, the baseline and the what-if.
func TestDecideStepTakesTheOptionsLastCompared(t *testing.T) {
	m := newModel(t, "health-platform", 120, 40)
	if d := m.data(); d.Options != nil || d.Base == nil || d.Base.Risk == nil {
		t.Fatalf("before any comparison: options %v, baseline %v", d.Options, d.Base)
	}
	c := &comparing{vp: viewport.New(0, 0), loading: true}
	m.showCompare(c)
	options := orgs.CompareOptions([]string{"a.toml", "b.toml"}, []*orgs.Org{m.base, m.cur.Clone()})
	m.optionsReady(optionsReadyMsg{cmp: c, options: options})
	m.toBoard()
	if d := m.data(); len(d.Options) != 2 || d.Options[1].File != "b.toml" {
		t.Fatalf("the Decide step's options %v, want the two compared", d.Options)
	}
	selectTeam(t, m, "Patient Portal")
	press(t, m, "a")
	if d := m.data(); d.Options != nil {
		t.Errorf("after an edit the Decide step still weighs the options compared before it: %v", d.Options)
	}
}
