package report

import (
	"fmt"
	"strings"

	"github.com/sretopo/sretopo/orgs"
)

// PlanFormats lists the output formats of `sretopo plan`.
var PlanFormats = []string{"text", "markdown", "json"}

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
	}
	return nil, fmt.Errorf("unknown format %q (use %s)", format, strings.Join(PlanFormats, ", "))
}

var stageWords = map[orgs.StageName]string{
	orgs.StageWhoRunsIt:      "who runs it (easy to correct later, service by service)",
	orgs.StageStaffing:       "staffing (teams added, resized or removed)",
	orgs.StageReportingLines: "reporting lines (the organizational decision, hard to undo: last, once SRE works in practice)",
}

// StageWords describes a stage for people.
func StageWords(n orgs.StageName) string { return stageWords[n] }

// stageSummary is what the model after a stage says, as lines; esc escapes user text.
func stageSummary(p *PlanOutput, s *orgs.Stage, esc func(string) string) []string {
	a := s.Analysis
	var lines []string
	model := "none"
	if a.RunModel.Dominant != nil {
		model = fmt.Sprintf("%s (%d of %d dev teams)", a.RunModel.Dominant.Short(), a.RunModel.DominantDevTeams, a.Summary.DevTeams)
	}
	topo := "none"
	if a.Topology.Dominant != nil {
		topo = fmt.Sprintf("%d (%d of %d dev teams)", *a.Topology.Dominant, a.Topology.DominantDevTeams, a.Summary.DevTeams)
	}
	pure := "not pure"
	if a.Topology.Pure {
		pure = "pure"
	}
	lines = append(lines, fmt.Sprintf("run model %s; topology %s, %s", model, topo, pure))
	money := func(n int64) string {
		if !a.Funding.HasCosts {
			return ""
		}
		return Money(n, a.Funding.Currency) + ", "
	}
	lines = append(lines, fmt.Sprintf("funding: CAPEX %s%s; OPEX %s%s", money(a.Funding.CAPEX.Cost), Count(a.Funding.CAPEX.Headcount, "person"),
		money(a.Funding.OPEX.Cost), Count(a.Funding.OPEX.Headcount, "person")))
	st := s.Staffing
	staffing := fmt.Sprintf("people needed for sustainable rotations: %d", st.Needed)
	if st.Hires > 0 {
		staffing += fmt.Sprintf(" (%s to hire", Count(st.Hires, "person"))
		if a.Funding.HasCosts {
			staffing += ", " + Money(st.HireCost, a.Funding.Currency) + " a year"
		}
		staffing += ")"
	}
	lines = append(lines, staffing)
	lines = append(lines, fmt.Sprintf("transition: %s from the previous stage, %s from %s",
		s.FromPrevious.Words(), a.Transition.Verdict.Words(), esc(p.Base)))
	for _, f := range s.Flagged() {
		lines = append(lines, fmt.Sprintf("! %s: %s -> %s is %s: %s", esc(f.Team), f.From.Short(), f.To.Short(), f.Verdict.Words(), f.Reason))
	}
	adv := func(codes []string) string {
		if len(codes) == 0 {
			return "none"
		}
		return strings.Join(codes, ", ")
	}
	lines = append(lines, fmt.Sprintf("advisories raised: %s; cleared: %s", adv(s.Raised), adv(s.Cleared)))
	return lines
}

// StageLines is what the model after stage s says, in the words of `sretopo plan` (its
// verdicts, flagged steps with a leading "! ", advisories raised and cleared), for a screen
// that shows the plan from base; user text is made safe for a terminal.
func StageLines(base string, s *orgs.Stage) []string {
	return stageSummary(&PlanOutput{Base: base}, s, S)
}

// DecisionLine is one decision of a plan as `sretopo plan` prints it: how hard it is to undo,
// its kind, subject and detail, safe for a terminal.
func DecisionLine(d orgs.Decision) string { return decisionLine(d, S) }

// PlanHeadline is the first sentence of a plan of k stages from base to target, safe for a
// terminal.
func PlanHeadline(base, target string, k int) string { return planHeadline(S(base), S(target), k) }

func planHeadline(base, target string, k int) string {
	return fmt.Sprintf("Plan from %s to %s: %s. Who runs it first, the organizational decision last.", base, target, Count(k, "stage"))
}

func decisionLine(d orgs.Decision, esc func(string) string) string {
	how := string(d.Changeability)
	if how == "" {
		how = "-"
	}
	return fmt.Sprintf("%-10s %-16s %s: %s", how, d.Kind, esc(d.Subject), esc(d.Detail))
}

func planText(p *PlanOutput, esc func(string) string) string {
	var b strings.Builder
	if len(p.Plan.Stages) == 0 {
		fmt.Fprintf(&b, "%s and %s describe the same organization: there is nothing to plan.\n", esc(p.Base), esc(p.Target))
		return b.String()
	}
	k := len(p.Plan.Stages)
	fmt.Fprintf(&b, "%s\n", planHeadline(esc(p.Base), esc(p.Target), k))
	for i := range p.Plan.Stages {
		s := &p.Plan.Stages[i]
		fmt.Fprintf(&b, "\nStage %d of %d: %s\n", s.Number, k, StageWords(s.Name))
		fmt.Fprintf(&b, "  Decisions (how hard to undo, kind, subject):\n")
		for _, d := range s.Decisions {
			fmt.Fprintf(&b, "    %s\n", decisionLine(d, esc))
		}
		fmt.Fprintf(&b, "  After this stage:\n")
		for _, l := range stageSummary(p, s, esc) {
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
	w.line("%s, following the book's advice: who runs it first (easy to correct), the organizational decision last, once SRE works in practice.", Count(k, "stage"))
	w.line("")
	for i := range p.Plan.Stages {
		s := &p.Plan.Stages[i]
		w.line("## Stage %d of %d: %s", s.Number, k, md(StageWords(s.Name)))
		w.line("")
		var rows [][]string
		for _, d := range s.Decisions {
			how := string(d.Changeability)
			if how == "" {
				how = "-"
			}
			rows = append(rows, []string{string(d.Kind), md(d.Subject), md(d.Detail), how})
		}
		w.table([]string{"Decision", "Subject", "Detail", "How hard to undo"}, rows)
		w.line("After this stage:")
		w.line("")
		for _, l := range stageSummary(p, s, md) {
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

// planJSON is the `plan --format json` of docs/deciding.md.
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
		After     after          `json:"after"`
		File      *string        `json:"file"`
	}
	out := struct {
		Plan   int     `json:"plan"`
		Base   string  `json:"base"`
		Target string  `json:"target"`
		Stages []stage `json:"stages"`
	}{Plan: 1, Base: p.Base, Target: p.Target, Stages: []stage{}}
	for i := range p.Plan.Stages {
		s := &p.Plan.Stages[i]
		a := s.Analysis
		st := stage{Stage: s.Number, Name: s.Name, Decisions: []decision{}}
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
		if i < len(p.Files) && p.Files[i] != "" {
			f := p.Files[i]
			st.File = &f
		}
		out.Stages = append(out.Stages, st)
	}
	return indentJSON(out)
}
