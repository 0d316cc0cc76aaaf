package orgs

import (
	"fmt"
	"slices"
	"strings"
)

// GateKind says what a gate of the plan waits for (docs/rules.md section 11).
type GateKind string

// The gates: staffing on the staffing stage, the error budget on the pilot stage, and
// within-budget on the who-runs-it stage (the pilot stage when it has no such stage).
const (
	// GateStaffing: the rotations that take on something new are at their minimum.
	GateStaffing GateKind = "staffing"
	// GateErrorBudget: the pilot's services stay within their error budgets for a window.
	GateErrorBudget GateKind = "error-budget"
	// GateWithinBudget: no service is handed to SRE while over its error budget.
	GateWithinBudget GateKind = "within-budget"
)

// Gate is what must hold before the stage after it starts: JSON {"kind", "text", "teams",
// "services", "window_days"}, nil lists and a zero window where a field does not apply.
type Gate struct {
	Kind       GateKind
	Text       string
	Teams      []string
	Services   []string
	WindowDays int
}

// gates gives each stage its gate: staffing, the pilot, who runs it.
func (p *planner) gates(plan *Plan) {
	if len(plan.Stages) == 0 {
		return
	}
	target := plan.Stages[len(plan.Stages)-1].Analysis
	stage := func(names ...StageName) *Stage {
		for _, n := range names {
			for i := range plan.Stages {
				if plan.Stages[i].Name == n {
					return &plan.Stages[i]
				}
			}
		}
		return nil
	}
	if s := stage(StageStaffing); s != nil {
		if teams := p.newResponders(target); len(teams) > 0 {
			s.Gates = append(s.Gates, Gate{Kind: GateStaffing, Teams: teams,
				Text: "rotations at their minimum: " + strings.Join(teams, ", ")})
		}
	}
	if s := stage(StagePilot); s != nil {
		s.Gates = append(s.Gates, p.pilotGate(plan.Pilots))
		s.windowDays = s.Gates[len(s.Gates)-1].WindowDays
	}
	if s := stage(StageWhoRunsIt, StagePilot); s != nil {
		if services := p.overBudgetHandovers(target); len(services) > 0 {
			s.Gates = append(s.Gates, Gate{Kind: GateWithinBudget, Services: services,
				Text: "hand over once within their error budgets: " + strings.Join(services, ", ")})
		}
	}
}

// newResponders lists, in the target's order, the teams on call in the target that respond
// there for a dev team or service they did not respond for in the base: each dev team's and
// each service's responders compared by name, a few names each, so that a plan of 10,000
// teams builds no set of pairs.
func (p *planner) newResponders(target *Analysis) []string {
	fresh := make([]bool, len(p.teams))
	mark := func(now, before []string) {
		for _, r := range now {
			if !slices.ContainsFunc(before, func(b string) bool { return SameName(b, r) }) {
				if k := p.teamOf(r); k >= 0 {
					fresh[k] = true
				}
			}
		}
	}
	var now, before []string
	for i := range p.teams {
		t := p.targetTeam(i)
		if t == nil || t.Kind != KindDev {
			continue
		}
		now = devTeamResponders(t, now[:0])
		before = before[:0]
		if b := p.baseTeam(i); b != nil && b.Kind == KindDev {
			before = devTeamResponders(b, before)
		}
		mark(now, before)
	}
	for i := range p.services {
		e := &p.services[i]
		if e.target < 0 || e.target >= len(target.Services) {
			continue
		}
		before = nil
		if e.base >= 0 && e.base < len(p.baseAnalysis.Services) {
			before = p.baseAnalysis.Services[e.base].Responders
		}
		mark(target.Services[e.target].Responders, before)
	}
	var out []string
	for i := range p.target.Teams {
		t := &p.target.Teams[i]
		if t.OnCall != OnCallNone && t.OnCall != "" && fresh[p.teamOf(t.Name)] {
			out = append(out, t.Name)
		}
	}
	return out
}

// devTeamResponders appends who responds for dev team t: itself when it runs its own
// services with run you or you-and-sre, its run_with partner, its backup.
func devTeamResponders(t *Team, out []string) []string {
	if t.Run == RunYou || t.Run == RunYouAndSRE {
		out = append(out, t.Name)
	}
	if r := partnerOf(t.Run, t.RunWith); r != "" {
		out = append(out, r)
	}
	if t.Backup != "" {
		out = append(out, t.Backup)
	}
	return out
}

// pilotGate is the pilot's gate: its services with a target within their error budgets
// for one SLO window, the longest among them (30 days when none has a target).
func (p *planner) pilotGate(pilots []string) Gate {
	g := Gate{Kind: GateErrorBudget, Teams: append([]string{}, pilots...), Services: []string{}, WindowDays: 0}
	isPilot := make(map[string]bool, len(pilots)) // by folded name, as team names are told apart
	for _, team := range pilots {
		isPilot[FoldName(team)] = true
	}
	for i := range p.target.Services {
		s := &p.target.Services[i]
		if s.Availability != nil && isPilot[FoldName(s.Team)] {
			g.Services = append(g.Services, s.Name)
			g.WindowDays = max(g.WindowDays, s.Window())
		}
	}
	if g.WindowDays == 0 {
		g.WindowDays = 30
	}
	g.Text = fmt.Sprintf("pilot services within their error budgets for %d days: %s", g.WindowDays, strings.Join(g.Services, ", "))
	if len(g.Services) == 0 {
		g.Text = fmt.Sprintf("pilot services within their error budgets for %d days: none has a target yet", g.WindowDays)
	}
	return g
}

// overBudgetHandovers lists the services the target hands to sre-run-it while their
// error_budget_used is over 1 (the error budget policy: hand over once within budget).
func (p *planner) overBudgetHandovers(target *Analysis) []string {
	wasSRE := make(map[string]bool, len(p.baseAnalysis.Services))
	for i := range p.baseAnalysis.Services {
		if v := &p.baseAnalysis.Services[i]; v.RunModel == SRERunIt {
			wasSRE[FoldName(v.Name)] = true
		}
	}
	var out []string
	for i := range target.Services {
		v := &target.Services[i]
		if v.RunModel == SRERunIt && !wasSRE[FoldName(v.Name)] && v.ErrorBudgetUsed != nil && *v.ErrorBudgetUsed > 1 {
			out = append(out, v.Name)
		}
	}
	return out
}

// Month is a calendar month ("2027-01"); the zero Month is no date.
type Month struct{ Year, Month int }

// ParseMonth reads YYYY-MM.
func ParseMonth(s string) (Month, error) {
	var m Month
	if len(s) != 7 || s[4] != '-' {
		return m, fmt.Errorf("%q is no month: use YYYY-MM, as 2027-01", s)
	}
	if _, err := fmt.Sscanf(s, "%4d-%2d", &m.Year, &m.Month); err != nil || m.Year < 1000 || m.Month < 1 || m.Month > 12 ||
		strings.ContainsAny(s, "+ ") {
		return Month{}, fmt.Errorf("%q is no month: use YYYY-MM, as 2027-01", s)
	}
	return m, nil
}

// IsZero reports whether m is no date.
func (m Month) IsZero() bool { return m == Month{} }

// String is YYYY-MM.
func (m Month) String() string { return fmt.Sprintf("%04d-%02d", m.Year, m.Month) }

// Add is the month n months after m.
func (m Month) Add(n int) Month {
	k := m.Year*12 + m.Month - 1 + n
	return Month{Year: k / 12, Month: k%12 + 1}
}

// Days is how many days m has.
func (m Month) Days() int {
	switch m.Month {
	case 2:
		if m.Year%4 == 0 && (m.Year%100 != 0 || m.Year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// DefaultMonths is how long a stage lasts unless told (docs/rules.md section 11): staffing
// 3 months when it adds people (hiring lead time), else 1; the pilot its gate's window in
// months, rounded up; who runs it 2; the reporting lines 3.
func (s *Stage) DefaultMonths() int {
	switch s.Name {
	case StageStaffing:
		if s.addsPeople {
			return 3
		}
		return 1
	case StagePilot:
		return max(1, (s.windowDays+29)/30)
	case StageWhoRunsIt:
		return 2
	}
	return 3
}

// Date gives every stage its length, months[name] where set, else its default, and, from
// start when it is not zero, its first and last month: each stage starts the month after
// the previous one ends.
func (p *Plan) Date(start Month, months map[StageName]int) {
	next := start
	for i := range p.Stages {
		s := &p.Stages[i]
		s.Months = s.DefaultMonths()
		if n := months[s.Name]; n > 0 {
			s.Months = n
		}
		s.Start, s.End = Month{}, Month{}
		if !start.IsZero() {
			s.Start, s.End = next, next.Add(s.Months-1)
			next = next.Add(s.Months)
		}
	}
}
