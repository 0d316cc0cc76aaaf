package words

import (
	"fmt"
	"strings"

	"github.com/sretopo/sretopo/orgs"
)

// DominantRunModel is the dominant run model in its short form with the dev teams it
// covers ("you run it (8 of 13 dev teams)"), or "none": the headline of an option; without
// a majority "mixed, largest: " first, the short form of RunModelHeadline's warning, for a
// table's cell.
func DominantRunModel(an *orgs.Analysis) string {
	return withoutMajority(an, LargestRunModel(an))
}

// LargestRunModel is DominantRunModel without the mixed warning. A plan's stage lines still
// use it: the dashboard's plan shows the same lines, and its wording moves with the
// dashboard's.
func LargestRunModel(an *orgs.Analysis) string {
	if an.RunModel.Dominant == nil {
		return "none"
	}
	return an.RunModel.Dominant.Short() + Covering(an.RunModel.DominantDevTeams, an.Summary.DevTeams)
}

// DominantTopology is the dominant topology's number with the dev teams it covers ("1 (5
// of 13 dev teams)"), or "none".
func DominantTopology(an *orgs.Analysis) string {
	if an.Topology.Dominant == nil {
		return "none"
	}
	return fmt.Sprint(*an.Topology.Dominant) + Covering(an.Topology.DominantDevTeams, an.Summary.DevTeams)
}

var stageWords = map[orgs.StageName]string{
	orgs.StageStaffing:       "staffing (hire and staff the rotations first; a new SRE team starts in an interim org)",
	orgs.StagePilot:          "pilot (one dev team per new SRE partner proves it in practice)",
	orgs.StageWhoRunsIt:      "who runs it (the other dev teams and services switch; easy to correct later, service by service)",
	orgs.StageReportingLines: "reporting lines (the organizational decision, hard to undo: last, once SRE works in practice)",
}

var stageShort = map[orgs.StageName]string{
	orgs.StageStaffing:       "Staff first",
	orgs.StagePilot:          "Pilot",
	orgs.StageWhoRunsIt:      "Who runs it",
	orgs.StageReportingLines: "Reporting lines",
}

// Stage describes a stage of a plan for people.
func Stage(n orgs.StageName) string { return stageWords[n] }

// StageShort is a stage's name in two or three words ("Staff first"), for a chart.
func StageShort(n orgs.StageName) string { return stageShort[n] }

// StageWhen is how long a stage lasts and, once the plan is dated, when: "2027-01 to
// 2027-03, 3 months" or "3 months".
func StageWhen(s *orgs.Stage) string {
	n := Count(s.Months, "month")
	switch {
	case s.Start.IsZero():
		return n
	case s.Start == s.End:
		return s.Start.String() + ", " + n
	}
	return s.Start.String() + " to " + s.End.String() + ", " + n
}

// PlanHeadline is the first sentence of a plan of k stages from base to target (file names
// the caller has escaped). A target named as its base is the model being edited from that
// file: "the current model".
func PlanHeadline(base, target string, k int) string {
	if target == base {
		target = "the current model"
	}
	return fmt.Sprintf("Plan from %s to %s: %s. Staff first, then a pilot, then who runs it; the reporting lines last, once SRE works in practice.", base, target, Count(k, "stage"))
}

// Gate is what must hold, and when, in one line: "before the next stage (staffing):
// rotations at their minimum: SRE Team"; the within-budget gate holds each handover of the
// stage itself. User names through esc.
func Gate(g orgs.Gate, esc Escape) string {
	when := "before the next stage"
	if g.Kind == orgs.GateWithinBudget {
		when = "before each handover"
	}
	return fmt.Sprintf("%s (%s): %s", when, g.Kind, esc(g.Text))
}

// DecisionKind is a decision's kind as a sentence names it ("reporting lines"), never its
// code.
func DecisionKind(k orgs.DecisionKind) string {
	if w := k.Words(); w != "" {
		return w
	}
	return strings.ReplaceAll(string(k), "-", " ")
}

// HowHard is how hard a decision is to undo, in one word ("easy", "hard"), or "-" for a
// difference that is no decision of its own.
func HowHard(c orgs.Changeability) string { return OrDash(string(c)) }

// PlanDecision is one decision of a plan: how hard it is to undo, then the decision
// ("hard       reporting lines: Operations SRE: moved from the ops org to the SRE org";
// the kind left out where it repeats how hard, as for staffing).
func PlanDecision(d orgs.Decision, esc Escape) string {
	return fmt.Sprintf("%-10s %s", HowHard(d.Changeability), Decision(d, esc))
}

// StageAfter is what the model after stage s says, as lines: its run model and topology,
// funding, staffing, its risk (StageRisk, with rates), transition (from the previous stage
// and from base), every flagged step with a leading "! ", and the advisories it raises,
// changes and clears, each raised or changed one with its message; user text through esc.
func StageAfter(base string, s *orgs.Stage, esc Escape) []string {
	a := s.Analysis
	lines := []string{
		fmt.Sprintf("run model %s; topology %s, %s", LargestRunModel(a), DominantTopology(a), Pure(a.Topology.Pure)),
		fmt.Sprintf("funding: CAPEX %s; OPEX %s", HeadCost(a.Funding.CAPEX, a.Funding.HasCosts, a.Funding.Currency),
			HeadCost(a.Funding.OPEX, a.Funding.HasCosts, a.Funding.Currency)),
	}
	st := s.Staffing
	staffing := "people needed for sustainable rotations: " + Number(int64(st.Needed))
	if st.Hires > 0 {
		staffing += " (" + People(st.Hires) + " to hire"
		if a.Funding.HasCosts {
			staffing += ", " + Money(st.HireCost, a.Funding.Currency) + " a year"
		}
		staffing += ")"
	}
	lines = append(lines, staffing)
	if risk := StageRisk(s, esc); risk != "" {
		lines = append(lines, risk)
	}
	lines = append(lines, fmt.Sprintf("transition: %s from the previous stage, %s from %s",
		s.FromPrevious.Words(), a.Transition.Verdict.Words(), esc(base)))
	for _, f := range s.Flagged() {
		lines = append(lines, fmt.Sprintf("! %s: %s is %s: %s", esc(f.Team), RunChange(f.From, f.To), f.Verdict.Words(), f.Reason))
	}
	return append(lines, StageAdvisories(&s.Advisories, esc)...)
}

// StageRisk is the risk of the model after stage s (rules.md 12) and its change from the
// previous stage: "risk: likely to breach 1 of 8 services (Scanner gateway); expected
// downtime 40.2 h a window; most sleep pages a person: "Ops" 0.28 in 30 days; from the
// previous stage: -2 likely to breach, -49.2 h downtime, +0.05 sleep pages" ("no sleep
// pages" when nobody is woken); "" when the model has no rates. User names through esc.
func StageRisk(s *orgs.Stage, esc Escape) string {
	r := s.Analysis.Risk
	if r == nil {
		return ""
	}
	breach := fmt.Sprintf("likely to breach %d of %s", len(r.LikelyBreach), Count(r.ServicesWithRates, "service"))
	if len(r.LikelyBreach) > 0 {
		names := make([]string, len(r.LikelyBreach))
		for i, n := range r.LikelyBreach {
			names[i] = esc(n)
		}
		breach += " (" + strings.Join(names, ", ") + ")"
	}
	worst := "no sleep pages"
	if r.MaxSleep != nil && Decimal(r.MaxSleep.Pages, 2) != "0" {
		worst = fmt.Sprintf("most sleep pages a person: %s %s in 30 days", Quoted(esc, r.MaxSleep.Team), Decimal(r.MaxSleep.Pages, 2))
	}
	return fmt.Sprintf("risk: %s; expected downtime %s; %s; %s", breach, Downtime(r, esc), worst, stageRiskStep(s.RiskFromPrevious))
}

// stageRiskStep is the change of a stage's risk from the previous stage, the three figures
// as the report rounds them: "from the previous stage: -2 likely to breach, -49.2 h
// downtime, +0.05 sleep pages", or "no change from the previous stage".
func stageRiskStep(d *orgs.RiskDelta) string {
	if d == nil {
		return "no change from the previous stage"
	}
	var parts []string
	add := func(x float64, what string) {
		v := Decimal(x, 2)
		switch {
		case v == "0" || v == "-0":
			return
		case x > 0:
			v = "+" + v
		}
		parts = append(parts, v+what)
	}
	add(float64(d.LikelyBreach), " likely to breach")
	add(d.ExpectedDowntime, " h downtime")
	add(d.MaxSleepPages, " sleep pages")
	if len(parts) == 0 {
		return "no change from the previous stage"
	}
	return "from the previous stage: " + strings.Join(parts, ", ")
}

// AdvisoryName is an advisory's code as a room reads it: "idle-sre-team" is "idle SRE team".
func AdvisoryName(code string) string {
	parts := strings.Split(code, "-")
	for i, p := range parts {
		if p == "sre" {
			parts[i] = "SRE"
		}
	}
	return strings.Join(parts, " ")
}

// StageAdvisoryNames says in words which advisories a stage raises, changes and clears, on
// one line: "advisories raised: idle SRE team, positioning unset; changed: none; cleared:
// none" (the reports keep the codes, which their full advisory lines carry too).
func StageAdvisoryNames(a *orgs.AdvisoryChange) string { return stageAdvisorySummary(a, AdvisoryName) }

// stageAdvisorySummary is the line of what a stage raises, changes and clears, each
// advisory as name says its code.
func stageAdvisorySummary(a *orgs.AdvisoryChange, name func(code string) string) string {
	list := func(n int, code func(int) string) string {
		if n == 0 {
			return "none"
		}
		cs := make([]string, n)
		for i := range cs {
			cs[i] = name(code(i))
		}
		return strings.Join(cs, ", ")
	}
	return fmt.Sprintf("advisories raised: %s; changed: %s; cleared: %s",
		list(len(a.Raised), func(i int) string { return a.Raised[i].Code }),
		list(len(a.Changed), func(i int) string { return a.Changed[i].Code }),
		list(len(a.Cleared), func(i int) string { return a.Cleared[i].Code }))
}

// StageAdvisories says what a stage raises, changes and clears: a summary line of codes,
// then a line for each advisory raised or changed with its message, so that a stage that
// makes a rotation thinner says so as plainly as one that clears something.
func StageAdvisories(a *orgs.AdvisoryChange, esc Escape) []string {
	lines := []string{stageAdvisorySummary(a, func(code string) string { return code })}
	for _, x := range a.Raised {
		lines = append(lines, "raised "+Advisory(x, esc))
	}
	for _, x := range a.Changed {
		lines = append(lines, "changed "+Advisory(x.To, esc))
	}
	return lines
}
