package orgs_test

import (
	"math"
	"testing"

	"github.com/sretopo/sretopo/orgs"
)

// rules.md 11: each stage shows "the verdicts of the model after it (... risk (section 12)
// when the file has incident rates ...)". A stage's risk is the one a report of the stage's
// model against the base gives, and its change from the previous stage is the difference of
// the two stages' figures.
func TestPlanStagesCarryTheRiskOfTheirModel(t *testing.T) {
	base, target := talkCase(t)
	const runs = 500
	p := orgs.MakePlanRuns(base, target, runs)
	if p.RiskRuns != runs || len(p.Stages) < 2 {
		t.Fatalf("%d runs, %d stages; want %d runs and a roadmap", p.RiskRuns, len(p.Stages), runs)
	}
	prev := orgs.AnalyseRuns(base, base, runs).Risk
	for i := range p.Stages {
		s := &p.Stages[i]
		want := orgs.AnalyseRuns(base, s.Model, runs).Risk
		got := s.Analysis.Risk
		if got == nil || want == nil {
			t.Fatalf("stage %s: risk %v, a report of its model %v; the talk's case has rates", s.Name, got, want)
		}
		if len(got.LikelyBreach) != len(want.LikelyBreach) || !same(got.ExpectedDowntime, want.ExpectedDowntime) ||
			!same(got.Delta.ExpectedDowntime, want.Delta.ExpectedDowntime) || *got.MaxSleep != *want.MaxSleep {
			t.Errorf("stage %s: risk %+v, a report of its model says %+v", s.Name, got, want)
		}
		step := s.RiskFromPrevious
		if step == nil {
			t.Fatalf("stage %s has no change of risk from the previous stage", s.Name)
		}
		if step.LikelyBreach != len(got.LikelyBreach)-len(prev.LikelyBreach) ||
			!same(step.ExpectedDowntime, got.ExpectedDowntime-prev.ExpectedDowntime) ||
			!same(step.MaxSleepPages, got.MaxSleep.Pages-prev.MaxSleep.Pages) {
			t.Errorf("stage %s: change %+v from the previous stage's %+v to %+v", s.Name, *step, prev, got)
		}
		prev = got
	}
	// the talk's weekend, which nobody covers, is what the SRE team's 24x7 takes away
	first, last := orgs.AnalyseRuns(base, base, runs).Risk, p.Stages[len(p.Stages)-1].Analysis.Risk
	if last.ExpectedDowntime >= first.ExpectedDowntime || last.Delta.ExpectedDowntime >= 0 {
		t.Errorf("expected downtime %.2f h after the plan, %.2f h before: a 24x7 partner should cut it", last.ExpectedDowntime, first.ExpectedDowntime)
	}
}

// A plan between models without incident rates has no risk at any stage.
func TestPlanStagesWithoutRatesHaveNoRisk(t *testing.T) {
	base, target := talkCase(t)
	for _, o := range []*orgs.Org{base, target} {
		for k := range o.Services {
			o.Services[k].IncidentsPerMonth = nil
		}
	}
	for _, s := range orgs.MakePlan(base, target).Stages {
		if s.Analysis.Risk != nil || s.RiskFromPrevious != nil {
			t.Errorf("stage %s: risk %+v, change %+v; want none without rates", s.Name, s.Analysis.Risk, s.RiskFromPrevious)
		}
	}
}

func same(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
