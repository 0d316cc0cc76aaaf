package report

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/sretopo/sretopo/orgs"
)

// The services and staffing parts of the report, shared by the text and the Markdown: the
// rows are the same, only the escaping and the layout differ.

// StaffingRule is the staffing rule in two sentences, as the report and the README give it.
const StaffingRule = "With a primary and a secondary on call, each person of a rotation is on call " +
	"covered hours x min(2, rotation) / rotation hours a week, and nobody should be on call more than 25% of the time " +
	"(the SRE book's on-call chapter). So a rotation needs at least ceil(covered hours / 21) people: " +
	"8x5 2, 8x7 3, 24x5 6, 24x7 8; the people missing are added from the team where it has them, else hired."

// ServiceHeader is the header of the services table.
var ServiceHeader = []string{"Service", "Team", "Run model", "Responders", "Target", "Budget h/month", "Longest gap", "Status"}

// ServiceRows are the services table's rows, one per service in model order, user strings
// passed through esc.
func ServiceRows(an *orgs.Analysis, esc func(string) string) [][]string {
	rows := make([][]string, 0, len(an.Services))
	for i := range an.Services {
		rows = append(rows, ServiceRow(an, i, esc))
	}
	return rows
}

// ServiceRow is the row of service i of the services table (a view that shows a few
// services of many formats only those).
func ServiceRow(an *orgs.Analysis, i int, esc func(string) string) []string {
	v := &an.Services[i]
	model := v.RunModel.Short()
	if v.Exception {
		model += " (exception)"
	}
	target, budget := "-", "-"
	if v.Availability != nil {
		target = number(*v.Availability) + "%"
		budget = number(*v.ErrorBudgetHours())
	}
	responders := make([]string, len(v.Responders))
	for k, r := range v.Responders {
		responders[k] = esc(r)
	}
	return []string{esc(v.Name), esc(v.Team), model, OrDash(strings.Join(responders, ", ")),
		target, budget, fmt.Sprintf("%d h", v.LongestUncovered), v.Status}
}

// ServiceMixWords says the service mix in one line ("you run it 3 (60%), ops run it 2 (40%)").
func ServiceMixWords(mix *orgs.ServiceMix) string {
	if mix == nil {
		return "no services"
	}
	parts := make([]string, 0, len(mix.RunModel))
	for _, m := range mix.RunModel {
		parts = append(parts, fmt.Sprintf("%s %d (%s)", m.ID.Short(), m.Services, Percent(m.Share)))
	}
	return strings.Join(parts, ", ")
}

// ServiceTransitionRows are the service transitions: service, team, change, reason.
func ServiceTransitionRows(an *orgs.Analysis, esc func(string) string) [][]string {
	rows := make([][]string, 0, len(an.Transition.Services))
	for _, t := range an.Transition.Services {
		rows = append(rows, []string{esc(t.Service), esc(t.Team),
			fmt.Sprintf("%s -> %s: %s", t.From.Short(), t.To.Short(), t.Verdict.Words()), OrDash(t.Reason)})
	}
	return rows
}

// StaffingHeader is the header of the staffing table.
var StaffingHeader = []string{"Team", "On call", "Rotation", "Hours/person/week", "Share of week", "Minimum", "Needed", "Hires", "Hire cost"}

// StaffingRows are the rotations, one row per team on call; a rotation below its minimum
// is marked with "!" after its team.
func StaffingRows(an *orgs.Analysis, esc func(string) string) [][]string {
	rows := make([][]string, 0, len(an.Staffing.Rotations))
	for p := range an.Staffing.Rotations {
		rows = append(rows, StaffingRow(an, p, esc))
	}
	return rows
}

// StaffingRow is the row of rotation p of the staffing table.
func StaffingRow(an *orgs.Analysis, p int, esc func(string) string) []string {
	r := &an.Staffing.Rotations[p]
	team := esc(r.Team)
	if r.Short() {
		team += " !"
	}
	return []string{team, string(r.OnCall), strconv.Itoa(r.Rotation), number(r.HoursPerPerson),
		Percent(r.WeeksShare), strconv.Itoa(r.Minimum), strconv.Itoa(r.Needed), strconv.Itoa(r.Hires),
		Money(r.HireCost, an.Funding.Currency)}
}

// StaffingTotals says the staffing totals with their change against the baseline, each
// labelled as a change: "people needed 5 (+2 vs baseline), hires 5 (no change), ...".
func StaffingTotals(an *orgs.Analysis) string {
	s := an.Staffing
	change := func(n int64) string {
		if n == 0 {
			return "no change vs baseline"
		}
		return Signed(n) + " vs baseline"
	}
	return fmt.Sprintf("To staff every rotation: %s needed in rotations (%s), %s to hire (%s), hire cost %s (%s).",
		People(s.Needed), change(int64(s.Delta.Needed)), People(s.Hires), change(int64(s.Delta.Hires)),
		Money(s.HireCost, an.Funding.Currency), change(s.Delta.HireCost))
}

// KPIStatusWords says a KPI's status: "met (actual 0.95, target 0.9)", or "unmeasured".
func KPIStatusWords(k orgs.KPIEntry) string {
	if k.Status == orgs.KPIUnmeasured || k.Target == nil || k.Actual == nil {
		return string(orgs.KPIUnmeasured)
	}
	return fmt.Sprintf("%s (actual %s, target %s)", k.Status, number(*k.Actual), number(*k.Target))
}

// number writes a number without trailing zeros ("99.95", "0.36", "64").
func number(x float64) string {
	return strings.TrimSuffix(strings.TrimRight(strconv.FormatFloat(x, 'f', 4, 64), "0"), ".")
}

// ImpureByServices explains, in a sentence, an organization whose dev teams all share one
// topology but which is not pure because of its services ("" otherwise).
func ImpureByServices(an *orgs.Analysis) string {
	if an.Topology.Pure || an.ServiceMix == nil || len(an.Topology.Mix) != 1 || an.Topology.Mix[0].DevTeams != an.Summary.DevTeams {
		return ""
	}
	return fmt.Sprintf("Every dev team is in topology %d, but not every service, so it is not pure: %s.",
		an.Topology.Mix[0].Topology, ServiceMixWords(an.ServiceMix))
}
