package views

import (
	"fmt"
	"strings"
	"testing"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/words"
)

// TestOneShortFormPerRunModel: every screen of mixed, at meeting sizes and full screen,
// names a run model by its one short form ("you and SRE run it"), never "you & SRE",
// "you+SRE" or a bare "you and SRE" in a table cell.
func TestOneShortFormPerRunModel(t *testing.T) {
	base, cur := example(t, "mixed")
	moveSRE(t, cur)
	st := DefaultStyles()
	var screens []string
	for _, sz := range [][2]int{{80, 24}, {120, 40}, {220, 60}} {
		d := data(t, base, cur, "Online Shop", sz[0], sz[1])
		screens = append(screens, Dashboard(d, st, sz[0], sz[1]))
		for _, p := range []PanelID{PanelTopology, PanelCriteria, PanelServices, PanelTransition} {
			screens = append(screens, strings.Join(PanelLines(p, d, st, sz[0]), "\n"))
		}
	}
	for _, s := range screens {
		for _, bad := range []string{"you & SRE", "you+SRE", "& SRE"} {
			if strings.Contains(s, bad) {
				t.Errorf("%q on screen:\n%s", bad, s)
			}
		}
	}
	d := data(t, base, cur, "", 160, 45)
	svc := strings.Join(PanelLines(PanelServices, d, st, 160), "\n")
	for _, l := range strings.Split(svc, "\n") {
		if strings.Contains(l, "Order orchestration") && !strings.Contains(l, "you and SRE run it") {
			t.Errorf("the Services row does not say the run model's short form: %q", l)
		}
	}
}

// TestPeopleCountsReadLikeMoney: the staffing lines say people as words.People does, with
// thousands separators and "1 person", not "+1 people" or "+1200 people".
func TestPeopleCountsReadLikeMoney(t *testing.T) {
	base, cur := example(t, "mixed")
	an := orgs.Analyse(base, cur)
	for _, n := range []int{1, 1200} {
		a := *an
		a.Staffing.Needed, a.Staffing.Hires = n, n
		want := "+" + words.People(n)
		for _, got := range []string{staffingHead(&a), fundingStaffing(&a), DecideStaffing(&a)} {
			if !strings.Contains(got, want) {
				t.Errorf("%d needed: %q lacks %q", n, got, want)
			}
		}
	}
}

// TestTopologyHeadlineSaysHowManyDevTeams: the Topology panel's headline says how many of
// the dev teams the dominant topology covers, as every headline does.
func TestTopologyHeadlineSaysHowManyDevTeams(t *testing.T) {
	base, cur := example(t, "mixed")
	d := data(t, base, cur, "", 120, 40)
	an := d.An
	want := fmt.Sprintf("(%d of %d dev teams)", an.Topology.DominantDevTeams, an.Summary.DevTeams)
	if got := strings.Join(PanelLines(PanelTopology, d, DefaultStyles(), 110), "\n"); !strings.Contains(got, want) {
		t.Errorf("the Topology panel lacks %q:\n%s", want, got)
	}
}

// TestAdvisoriesInFullWhereThereIsRoom: health-platform's coverage gap names six services
// "and 2 more"; full screen the Advisories panel names all eight, and so does the board's
// panel when it has the room.
func TestAdvisoriesInFullWhereThereIsRoom(t *testing.T) {
	base, cur := example(t, "health-platform")
	d := data(t, base, cur, "", 220, 60)
	st := DefaultStyles()
	full := strings.Join(PanelLines(PanelAdvisories, d, st, 80), "\n")
	board := strings.Join(advisoriesPanel(d, st, 200, 40), "\n")
	for _, got := range []string{full, board} {
		if !strings.Contains(got, "all 8 services:") || !strings.Contains(got, `"Single sign-on"`) {
			t.Errorf("the advisories do not name every service:\n%s", got)
		}
	}
	if cramped := advisoriesPanel(d, st, 80, 4); len(cramped) > 4 && strings.Contains(strings.Join(cramped[:4], ""), "all 8 services") {
		t.Errorf("the names took the room of the messages:\n%s", strings.Join(cramped, "\n"))
	}
}

// TestCompareSaysDecisionsInWords: the compare screen's decisions read as the reports say
// them, without the codes ("reporting-lines", "who-runs-it").
func TestCompareSaysDecisionsInWords(t *testing.T) {
	base, cur := example(t, "mixed")
	moveSRE(t, cur)
	body := strings.Join(CompareBody(compareData(base, cur), DefaultStyles(), 120), "\n")
	for _, code := range []string{"reporting-lines", "who-runs-it", "staffing staffing"} {
		if strings.Contains(body, code) {
			t.Errorf("the compare screen shows %q:\n%s", code, body)
		}
	}
}

// TestCriteriaSayMixedWithoutAMajority: bank's dominant run model covers no majority of
// its dev teams, so the Criteria panel, narrow and wide, says its column is the largest of
// a mix, not the organization's.
func TestCriteriaSayMixedWithoutAMajority(t *testing.T) {
	base, cur := example(t, "bank")
	for _, w := range []int{80, 200} {
		d := data(t, base, cur, "", w, 60)
		got := strings.Join(PanelLines(PanelCriteria, d, DefaultStyles(), w), "\n")
		if !strings.Contains(got, "mixed") || !strings.Contains(got, "largest") {
			t.Errorf("at %d columns the Criteria panel does not say the model is the largest of a mix:\n%s", w, got)
		}
	}
	d := data(t, example2(t, "mixed"), example2(t, "mixed"), "", 200, 60)
	if got := strings.Join(PanelLines(PanelCriteria, d, DefaultStyles(), 200), "\n"); strings.Contains(got, "mixed") {
		t.Errorf("mixed has a majority, yet its Criteria panel says mixed:\n%s", got)
	}
}

// example2 is the current model of example name.
func example2(t *testing.T, name string) *orgs.Org {
	_, cur := example(t, name)
	return cur
}
