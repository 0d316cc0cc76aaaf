package report

import (
	"fmt"
	"math"
	"strings"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/words"
)

// PlanFormats lists the output formats of `sretopo plan`.
var PlanFormats = []string{"text", "markdown", "json", "mermaid"}

// PlanOutput is a plan with the names of its files, as `sretopo plan` prints it.
type PlanOutput struct {
	Plan         *orgs.Plan
	Base, Target string
	// Files are the stage files written with --write, one a stage ("" when not written).
	Files []string
}

// RenderPlan writes the plan in format (one of PlanFormats).
func RenderPlan(format string, p *PlanOutput) ([]byte, error) {
	switch format {
	case "text":
		return []byte(planText(p, S)), nil
	case "markdown":
		return []byte(planMarkdown(p)), nil
	case "json":
		return planJSON(p)
	case "mermaid":
		return planGantt(p)
	}
	return nil, unknownFormat(format, PlanFormats)
}

func planText(p *PlanOutput, esc func(string) string) string {
	var b strings.Builder
	if len(p.Plan.Stages) == 0 {
		fmt.Fprintf(&b, "%s and %s describe the same organization: there is nothing to plan.\n", esc(p.Base), esc(p.Target))
		return b.String()
	}
	k := len(p.Plan.Stages)
	fmt.Fprintf(&b, "%s\n", words.PlanHeadline(esc(p.Base), esc(p.Target), k))
	for i := range p.Plan.Stages {
		s := &p.Plan.Stages[i]
		fmt.Fprintf(&b, "\nStage %d of %d: %s\n", s.Number, k, words.Stage(s.Name))
		fmt.Fprintf(&b, "  When: %s\n", words.StageWhen(s))
		fmt.Fprintf(&b, "  Decisions (how hard to undo, kind, subject):\n")
		for _, d := range s.Decisions {
			fmt.Fprintf(&b, "    %s\n", words.PlanDecision(d, esc))
		}
		for _, g := range s.Gates {
			fmt.Fprintf(&b, "  Gate %s\n", words.Gate(g, esc))
		}
		fmt.Fprintf(&b, "  After this stage:\n")
		for _, l := range words.StageAfter(p.Base, s, esc) {
			fmt.Fprintf(&b, "    %s\n", l)
		}
		if i < len(p.Files) && p.Files[i] != "" {
			fmt.Fprintf(&b, "  Written to %s\n", esc(p.Files[i]))
		}
	}
	return b.String()
}

func planMarkdown(p *PlanOutput) string {
	var w mdWriter
	w.line("# Plan: %s to %s", md(p.Base), md(p.Target))
	w.line("")
	if len(p.Plan.Stages) == 0 {
		w.line("The two files describe the same organization: there is nothing to plan.")
		return w.b.String()
	}
	k := len(p.Plan.Stages)
	w.line("%s, following the book's advice: staff first, then a pilot, then who runs it; the organizational decision last, once SRE works in practice.", words.Count(k, "stage"))
	w.line("")
	if chart, err := planGantt(p); err == nil {
		// dated: the roadmap as a chart that renders where Markdown renders Mermaid; every
		// name in it is written as entity codes, so no back quote can close the fence
		w.line("```mermaid")
		w.b.Write(chart)
		w.line("```")
		w.line("")
	}
	for i := range p.Plan.Stages {
		s := &p.Plan.Stages[i]
		w.line("## Stage %d of %d: %s", s.Number, k, md(words.Stage(s.Name)))
		w.line("")
		w.line("When: %s.", words.StageWhen(s))
		w.line("")
		var rows [][]string
		for _, d := range s.Decisions {
			rows = append(rows, []string{words.DecisionKind(d.Kind), md(d.Subject), md(d.Detail), words.HowHard(d.Changeability)})
		}
		w.table([]string{"Decision", "Subject", "Detail", "How hard to undo"}, rows)
		for _, g := range s.Gates {
			w.line("**Gate** %s", words.Gate(g, md))
			w.line("")
		}
		w.line("After this stage:")
		w.line("")
		for _, l := range words.StageAfter(p.Base, s, md) {
			if strings.HasPrefix(l, "! ") {
				l = "**Flagged:** " + l[2:]
			}
			w.line("- %s", l)
		}
		w.line("")
		if i < len(p.Files) && p.Files[i] != "" {
			w.line("Written to %s.", MarkdownCode(p.Files[i]))
			w.line("")
		}
	}
	return w.b.String()
}

// gateJSON is a gate of rules.md section 11: {"kind", "text", "teams", "services",
// "window_days"}, null where a field does not apply.
type gateJSON struct {
	Kind       orgs.GateKind `json:"kind"`
	Text       string        `json:"text"`
	Teams      []string      `json:"teams"`
	Services   []string      `json:"services"`
	WindowDays *int          `json:"window_days"`
}

func gatesJSON(gates []orgs.Gate) []gateJSON {
	out := make([]gateJSON, 0, len(gates))
	for _, g := range gates {
		j := gateJSON{Kind: g.Kind, Text: g.Text, Teams: g.Teams, Services: g.Services}
		if g.WindowDays > 0 {
			n := g.WindowDays
			j.WindowDays = &n
		}
		out = append(out, j)
	}
	return out
}

// riskStepJSON is a stage's change of risk from the previous stage, shaped as the report's
// risk.delta against the baseline: {"likely_breach", "expected_downtime_hours",
// "max_sleep_pages_per_person"}, hours and pages to 2 decimals.
type riskStepJSON struct {
	LikelyBreach     int     `json:"likely_breach"`
	ExpectedDowntime float64 `json:"expected_downtime_hours"`
	MaxSleepPages    float64 `json:"max_sleep_pages_per_person"`
}

// riskStepOf is d for JSON, nil (null) for a stage without rates.
func riskStepOf(d *orgs.RiskDelta) *riskStepJSON {
	if d == nil {
		return nil
	}
	round := func(x float64) float64 { return math.Round(x*100)/100 + 0 }
	return &riskStepJSON{d.LikelyBreach, round(d.ExpectedDowntime), round(d.MaxSleepPages)}
}

// monthJSON is a stage's month, null before the plan is dated.
func monthJSON(m orgs.Month) *string {
	if m.IsZero() {
		return nil
	}
	s := m.String()
	return &s
}

// planJSON is the `plan --format json` of docs/deciding.md and cli.md.
func planJSON(p *PlanOutput) ([]byte, error) {
	type after struct {
		RunModel               runModelJSON        `json:"run_model"`
		Topology               topologyJSON        `json:"topology"`
		Funding                fundingJSON         `json:"funding"`
		Staffing               orgs.StaffingTotals `json:"staffing"`
		TransitionFromPrevious orgs.Verdict        `json:"transition_from_previous"`
		TransitionFromBase     orgs.Verdict        `json:"transition_from_base"`
		AdvisoriesRaised       []string            `json:"advisories_raised"`
		AdvisoriesCleared      []string            `json:"advisories_cleared"`
		AdvisoriesChanged      []string            `json:"advisories_changed"`
		Risk                   *orgs.OrgRisk       `json:"risk"`
		RiskFromPrevious       *riskStepJSON       `json:"risk_from_previous"`
	}
	type decision struct {
		Kind          orgs.DecisionKind   `json:"kind"`
		Subject       string              `json:"subject"`
		Changeability *orgs.Changeability `json:"changeability"`
		Detail        string              `json:"detail"`
	}
	type stage struct {
		Stage     int            `json:"stage"`
		Name      orgs.StageName `json:"name"`
		Decisions []decision     `json:"decisions"`
		Gate      *gateJSON      `json:"gate"`
		Gates     []gateJSON     `json:"gates"`
		Start     *string        `json:"start"`
		End       *string        `json:"end"`
		Months    int            `json:"months"`
		After     after          `json:"after"`
		File      *string        `json:"file"`
	}
	out := struct {
		Plan     int     `json:"plan"`
		Base     string  `json:"base"`
		Target   string  `json:"target"`
		Stages   []stage `json:"stages"`
		RiskRuns int     `json:"risk_runs"`
	}{Plan: 1, Base: p.Base, Target: p.Target, Stages: []stage{}, RiskRuns: p.Plan.RiskRuns}
	for i := range p.Plan.Stages {
		s := &p.Plan.Stages[i]
		a := s.Analysis
		st := stage{Stage: s.Number, Name: s.Name, Decisions: []decision{}, Gates: gatesJSON(s.Gates),
			Start: monthJSON(s.Start), End: monthJSON(s.End), Months: s.Months}
		if len(st.Gates) > 0 {
			st.Gate = &st.Gates[0]
		}
		for _, d := range s.Decisions {
			var how *orgs.Changeability
			if d.Changeability != "" {
				c := d.Changeability
				how = &c
			}
			st.Decisions = append(st.Decisions, decision{d.Kind, d.Subject, how, d.Detail})
		}
		st.After.RunModel, st.After.Topology, st.After.Funding = headline(a)
		st.After.Staffing = s.Staffing.StaffingTotals
		st.After.TransitionFromPrevious, st.After.TransitionFromBase = s.FromPrevious, a.Transition.Verdict
		st.After.AdvisoriesRaised, st.After.AdvisoriesCleared = s.Raised, s.Cleared
		st.After.AdvisoriesChanged = s.Changed
		st.After.Risk, st.After.RiskFromPrevious = a.Risk, riskStepOf(s.RiskFromPrevious)
		if i < len(p.Files) && p.Files[i] != "" {
			f := p.Files[i]
			st.File = &f
		}
		out.Stages = append(out.Stages, st)
	}
	return indentJSON(out)
}
