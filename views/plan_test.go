package views

import (
	"strings"
	"testing"

	"github.com/sretopo/sretopo/orgs"
)

func planView(base, cur *orgs.Org) *PlanView {
	return &PlanView{BaseName: "examples/mixed.toml", TargetName: "examples/mixed-scenario-1.toml", Plan: orgs.MakePlan(base, cur)}
}

func drawPlan(p *PlanView, st Styles, w, h, sel int) string {
	body, _ := PlanBody(p, st, w, sel)
	d := &Data{Help: "up/down choose stage  pgup/pgdn scroll  enter open the stage  esc/g back  q quit"}
	return DrawScreen(Screen{Title: PlanTitle(p), Body: body}, d, st, w, h)
}

// TestPlanGolden pins the plan screen of a what-if of "mixed" with a run change, a headcount
// change and a move of an SRE team: three stages.
func TestPlanGolden(t *testing.T) {
	base, cur := movedMixed(t)
	p := planView(base, cur)
	goldenAt(t, [][2]int{{80, 24}, {120, 40}}, func(_ *testing.T, w, h int) string { return drawPlan(p, DefaultStyles(), w, h, 0) })
}

// TestPlanBodyShowsEveryStage reads the whole body for each stage's heading, decisions and
// verdicts, in the book's order, with the chosen stage marked.
func TestPlanBodyShowsEveryStage(t *testing.T) {
	base, cur := movedMixed(t)
	p := planView(base, cur)
	if len(p.Plan.Stages) != 3 {
		t.Fatalf("%d stages, want 3 (staffing, run, reporting lines)", len(p.Plan.Stages))
	}
	lines, starts := PlanBody(p, DefaultStyles(), 100, 1)
	body := strings.Join(lines, "\n")
	last := -1
	for _, want := range []string{"Plan from examples/mixed.toml", "Stage 1 of 3: Staff first", "Checkout",
		"Stage 2 of 3: Who runs it", "Online Shop", "Stage 3 of 3: Reporting lines", "Operations SRE",
		"transition:", "advisories raised"} {
		i := strings.Index(body[max(0, last):], want)
		if i < 0 {
			t.Fatalf("the plan lacks %q after byte %d:\n%s", want, last, body)
		}
		last += i + 1
	}
	if len(starts) != 3 || !strings.HasPrefix(lines[starts[1]], GlyphSelected+" Stage 2 of 3") {
		t.Errorf("stage 2 is not marked as chosen at its start: starts %v, %q", starts, lines[starts[min(1, len(starts)-1)]])
	}
	if strings.HasPrefix(lines[starts[0]], GlyphSelected) {
		t.Errorf("stage 1 is marked though stage 2 is chosen: %q", lines[starts[0]])
	}
}

func TestPlanBodyNothingToPlan(t *testing.T) {
	base, cur := example(t, "mixed")
	lines, starts := PlanBody(planView(base, cur), DefaultStyles(), 80, 0)
	if body := strings.Join(lines, "\n"); !strings.Contains(body, "the same: nothing to plan") || len(starts) != 0 {
		t.Errorf("an empty plan does not say so: %q %v", body, starts)
	}
}
