package views

import (
	"strconv"
	"strings"
	"testing"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/words"
)

// unorganizedBut makes every dev team of cur unorganized but the first keep ones, which
// keep running what they build (topology 1).
func unorganizedBut(cur *orgs.Org, keep int) {
	for i := range cur.Teams {
		t := &cur.Teams[i]
		if t.Kind != orgs.KindDev {
			continue
		}
		if keep > 0 {
			keep--
			t.Run, t.RunWith, t.SRERole = orgs.RunYou, "", orgs.RoleRotation
			continue
		}
		t.Run, t.RunWith = orgs.RunNone, ""
	}
}

// TestTopologyPanelWordsAnUnorganizedMajority: with most dev teams unorganized there is no
// dominant topology (rules.md 1), but two dev teams are in topology 1; the panel says why
// there is none, not that no dev team is in one of the nine.
func TestTopologyPanelWordsAnUnorganizedMajority(t *testing.T) {
	base, cur := example(t, "mixed")
	unorganizedBut(cur, 2)
	d := data(t, base, cur, "", 200, 60)
	if d.An.Topology.Dominant != nil || d.An.RunModel.Dominant == nil || *d.An.RunModel.Dominant != orgs.Unorganized {
		t.Fatalf("the case is not an unorganized majority: %+v", d.An.RunModel.Dominant)
	}
	out := strings.Join(renderPanel(PanelTopology, d, DefaultStyles(), 100, 40), "\n")
	if strings.Contains(out, "no dev team is in one of the nine") {
		t.Errorf("the panel says no dev team is in the nine above a topology mix:\n%s", out)
	}
	for _, want := range []string{"No dominant topology", "unorganized", "of " + strconv.Itoa(d.An.Summary.DevTeams) + " dev teams", "> unorganized", "T1"} {
		if !strings.Contains(out, want) {
			t.Errorf("the panel lacks %q:\n%s", want, out)
		}
	}
}

// TestMatrixMarksTheRowMovedFrom: after every dev team moves to ops run it, the transition
// matrix marks the baseline's dominant model as the row moved from, not ops run it.
func TestMatrixMarksTheRowMovedFrom(t *testing.T) {
	base, cur := example(t, "mixed")
	for i := range cur.Teams {
		if cur.Teams[i].Kind == orgs.KindDev {
			cur.Teams[i].Run, cur.Teams[i].RunWith = orgs.RunOps, ""
		}
	}
	d := data(t, base, cur, "", 200, 60)
	was := orgs.Analyse(base, base).RunModel.Dominant
	if was == nil || *was == orgs.OpsRunIt || *d.An.RunModel.Dominant != orgs.OpsRunIt {
		t.Fatalf("the case does not move the dominant model to ops run it")
	}
	out := strings.Join(presentMatrix(d, DefaultStyles(), 120, 40), "\n")
	matrix, _, _ := strings.Cut(out, "\n\n")
	for _, l := range strings.Split(matrix, "\n") {
		marked := strings.HasPrefix(l, GlyphSelected+" ")
		row := strings.TrimSpace(strings.TrimPrefix(l, GlyphSelected))
		if marked && !strings.HasPrefix(row, words.RunModelShort(*was)) {
			t.Errorf("the row marked is not the baseline's %s: %q\n%s", words.RunModelShort(*was), l, out)
		}
		if !marked && strings.HasPrefix(row, words.RunModelShort(*was)+" ") {
			t.Errorf("the baseline's row is not marked: %q\n%s", l, out)
		}
	}
	if !strings.Contains(out, "the row moved from; now ops run it") {
		t.Errorf("the matrix does not say which row is marked and what the model is now:\n%s", out)
	}
}
