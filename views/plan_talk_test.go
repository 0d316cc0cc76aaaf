package views

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/sretopo/sretopo/orgs"
)

// talkCase is the talk's case: the embedded "health-platform", where developers run what
// they build (topology 1), moved to topology 6: a new SRE team in a new SRE org, on call
// with every dev team ("you and SRE run it"). Its plan is dated from 2027-01.
func talkCase(t testing.TB) (base, cur *orgs.Org, p *PlanView) {
	t.Helper()
	base, cur = example(t, "health-platform")
	if _, err := cur.AddTeam(orgs.Team{Name: "SRE Team", Org: orgs.OrgSRE, Kind: orgs.KindSRE, Headcount: 6, OnCall: orgs.OnCall24x7}); err != nil {
		t.Fatal(err)
	}
	for i := range cur.Teams {
		if tm := &cur.Teams[i]; tm.Kind == orgs.KindDev {
			tm.Run, tm.RunWith, tm.SRERole = orgs.RunYouAndSRE, "SRE Team", ""
		}
	}
	if problems := orgs.Validate(cur, nil); problems != nil {
		t.Fatalf("the move to topology 6 is no valid model: %v", problems)
	}
	start := orgs.Month{Year: 2027, Month: 1}
	p = &PlanView{BaseName: "health-platform.toml", TargetName: "topology-6.toml", Plan: orgs.MakePlan(base, cur), Start: start}
	p.Plan.Date(start, nil)
	return base, cur, p
}

// roadmap is what a VP approving stage 1 reads in the talk's case, in order: who is hired
// first and when, what must hold before the pilot, which team pilots and for how long, then
// who runs it and the reporting lines last, each with its dates.
var roadmap = []string{
	"Stage 1 of 4: Staff first, 2027-01 to 2027-03, 3 months",
	"SRE Team: team added with 6 people",
	"SRE Team: created in the ops org until the SRE organization exists",
	"before the next stage (staffing): rotations at their minimum: SRE Team",
	"Stage 2 of 4: Pilot, 2027-04, 1 month",
	"piloting: Viewer",
	"before the next stage (error-budget): pilot services within their error budgets for 30 days",
	"Stage 3 of 4: Who runs it, 2027-05 to 2027-06, 2 months",
	"Stage 4 of 4: Reporting lines, 2027-07 to 2027-09, 3 months",
	"SRE Team: moved from the ops org to the SRE org",
	"topology 6 (7 of 7 dev teams)",
}

// inOrder fails unless every one of want is in text, each after the one before.
func inOrder(t *testing.T, text string, want []string) {
	t.Helper()
	at := 0
	for _, w := range want {
		i := strings.Index(text[at:], w)
		if i < 0 {
			t.Fatalf("%q is missing after byte %d of:\n%s", w, at, text)
		}
		at += i + len(w)
	}
}

// bodyWords are the words of a plan's lines without the timeline's rule and the choice
// mark: the same at every width unless a line was cut.
func bodyWords(lines []string) []string {
	var out []string
	for _, f := range strings.Fields(strings.Join(lines, "\n")) {
		if f != "│" && f != GlyphSelected {
			out = append(out, f)
		}
	}
	return out
}

// TestTalkPlanReadsAsARoadmap reads the plan screen of the talk's case for the stages in the
// book's order, with the first hire, the pilot team, the gates and the dates; at 80 columns
// every word of the wide screen is there, wrapped and not cut.
func TestTalkPlanReadsAsARoadmap(t *testing.T) {
	_, _, p := talkCase(t)
	if !slices.Equal(p.Plan.Pilots, []string{"Viewer"}) {
		t.Errorf("the pilots are %v, want the first dev team of the new SRE team's partners, Viewer", p.Plan.Pilots)
	}
	wide, starts := PlanBody(p, DefaultStyles(), 200, 0)
	inOrder(t, strings.Join(wide, "\n"), append([]string{"dates from 2027-01"}, roadmap...))
	if len(starts) != 4 {
		t.Errorf("%d stages begin on the screen, want 4", len(starts))
	}
	narrow, _ := PlanBody(p, DefaultStyles(), 80, 0)
	for _, l := range narrow {
		if width(l) > 80 {
			t.Errorf("a line is wider than 80 columns: %q", l)
		}
	}
	if w, n := bodyWords(wide), bodyWords(narrow); !slices.Equal(w, n) {
		t.Errorf("at 80 columns the plan's words differ from the wide screen's:\n%q\n%q", n, w)
	}
}

// TestTalkPlanGolden pins the plan screen of the talk's case at the smallest and a large
// meeting size.
func TestTalkPlanGolden(t *testing.T) {
	_, _, p := talkCase(t)
	goldenAt(t, [][2]int{{80, 24}, {160, 45}}, func(_ *testing.T, w, h int) string { return drawPlan(p, DefaultStyles(), w, h, 0) })
}

// TestTalkDecideStepWalksTheRoadmap pages through the Decide step's plan in the talk's case:
// every stage starts a slide of its own, in order, and the slides say the first hire, the
// pilot team, the gates and the dates; the golden files pin each slide at 80x24 and 160x45.
func TestTalkDecideStepWalksTheRoadmap(t *testing.T) {
	base, cur, p := talkCase(t)
	for _, sz := range []struct{ w, h int }{{80, 24}, {160, 45}} {
		t.Run(fmt.Sprintf("%dx%d", sz.w, sz.h), func(t *testing.T) {
			d := data(t, base, cur, "", sz.w, sz.h)
			d.Plan = p.Plan
			d.Help = "left previous  right/space next  0-6 opening, step  home/end first/last  ? keys"
			slides := Slides(d, DefaultStyles(), sz.w, sz.h, 1)
			var all []string
			stage := 0
			for i, sl := range slides {
				if sl.Concern.Title != "The plan from the baseline, stage by stage" {
					continue
				}
				body := strings.Join(sl.Body, "\n")
				all = append(all, body)
				for k := stage + 1; k <= 4; k++ {
					if !strings.Contains(body, fmt.Sprintf("Stage %d of 4:", k)) {
						continue
					}
					if k != stage+1 {
						t.Errorf("slide %d shows stage %d after stage %d", i+1, k, stage)
					}
					if k > 1 && !strings.HasPrefix(sl.Body[0], fmt.Sprintf("Stage %d of 4:", k)) {
						t.Errorf("stage %d does not start its slide: %q", k, sl.Body[0])
					}
					stage = k
				}
				t.Run(fmt.Sprintf("slide%02d", i+1), func(t *testing.T) {
					d.Page = i
					out := Present(d, DefaultStyles(), sz.w, sz.h)
					checkFits(t, out, sz.w, sz.h)
					golden.RequireEqual(t, []byte(out))
				})
			}
			if stage != 4 {
				t.Fatalf("the Decide step showed stages up to %d of 4", stage)
			}
			text := strings.Join(bodyWords(all), " ")
			inOrder(t, text, strings.Fields(strings.Join(append([]string{"dates from 2027-01"}, roadmap...), " ")))
		})
	}
}
