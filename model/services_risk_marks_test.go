package model

import (
	"strings"
	"testing"

	"github.com/sretopo/sretopo/views"
	"github.com/sretopo/sretopo/words"
)

// Issue 21: "a what-if that moves a team shows the figures move, marked against the
// baseline". Each row of the Services panel whose breach chance or expected downtime, as
// the panel writes them, moved from the baseline's for the same service is marked, cell by
// cell; the rows of services the what-if cannot reach are not.
func TestServicesPanelMarksEachServiceWhoseRiskMoved(t *testing.T) {
	m := newModel(t, "health-platform", 160, 40)
	lines := views.PanelLines(views.PanelServices, m.data(), m.st, 160)
	_, rows := serviceRowsOf(m.an, lines)
	for name, row := range rows {
		if strings.Contains(row, views.GlyphChanged) {
			t.Errorf("the baseline itself marks %q: %q", name, row)
		}
	}
	// a what-if: the patient portal's developers go on call 8x7, so that their weekend days
	// are covered; the other teams' services keep their responders
	selectTeam(t, m, "Patient Portal")
	_, cmd := m.Update(keyMsg("a"))
	m.Update(riskMsgOf(t, cmd))
	lines = views.PanelLines(views.PanelServices, m.data(), m.st, 160)
	_, rows = serviceRowsOf(m.an, lines)
	moved := 0
	for k, v := range m.an.Services {
		was := m.baseAn.Services[k].Risk
		if v.Risk == nil || was == nil || m.baseAn.Services[k].Name != v.Name {
			t.Fatalf("%q: no risk to compare", v.Name)
		}
		breachMoved := percent(v.Risk.PBreach) != percent(was.PBreach)
		downMoved := hours(v.Risk.ExpectedDowntime) != hours(was.ExpectedDowntime)
		row := rows[v.Name]
		if got := strings.Contains(row, " "+views.GlyphChanged+percent(v.Risk.PBreach)+" "); got != breachMoved {
			t.Errorf("%q: breach chance %s (baseline %s) marked %v: %q", v.Name, percent(v.Risk.PBreach), percent(was.PBreach), got, row)
		}
		if got := strings.Contains(row, " "+views.GlyphChanged+hours(v.Risk.ExpectedDowntime)+" "); got != downMoved {
			t.Errorf("%q: downtime %s h (baseline %s h) marked %v: %q", v.Name, hours(v.Risk.ExpectedDowntime), hours(was.ExpectedDowntime), got, row)
		}
		if breachMoved || downMoved {
			moved++
		}
		if v.Team != "Patient Portal" && (breachMoved || downMoved) {
			t.Errorf("%q of %s moved, though the what-if did not touch its responders", v.Name, v.Team)
		}
	}
	if moved == 0 {
		t.Fatal("the what-if moved no service's risk")
	}
}

// hours is a number of hours as the panel writes it.
func hours(h float64) string { return words.HoursFigure(h) }
