package words

import (
	"fmt"
	"strings"

	"github.com/sretopo/sretopo/orgs"
)

// ServiceMix says the service mix in one line ("you run it 3 (60%), ops run it 2 (40%)").
func ServiceMix(mix *orgs.ServiceMix) string {
	if mix == nil {
		return "no services"
	}
	parts := make([]string, 0, len(mix.RunModel))
	for _, m := range mix.RunModel {
		parts = append(parts, fmt.Sprintf("%s %s (%s)", m.ID.Short(), Number(int64(m.Services)), Percent(m.Share)))
	}
	return strings.Join(parts, ", ")
}

// ServiceHeader is the header of the services table, one label per cell of ServiceRow.
var ServiceHeader = []string{"Service", "Team", "Run model", "Responders", "Target", "Budget h/month", "Longest gap", "Status"}

// ServiceRow is service i of the analysis as a row of the services table: name, team, run
// model (marked when it is an exception to its team's), responders, availability target,
// error budget in hours a month, longest gap and status; user strings passed through esc.
func ServiceRow(an *orgs.Analysis, i int, esc Escape) []string {
	v := &an.Services[i]
	model := v.RunModel.Short()
	if v.Exception {
		model += " (exception)"
	}
	target, budget := "-", "-"
	if v.Availability != nil {
		target = Decimal(*v.Availability, 4) + "%"
		budget = HoursFigure(*v.ErrorBudgetHours())
	}
	responders := make([]string, len(v.Responders))
	for k, r := range v.Responders {
		responders[k] = esc(r)
	}
	return []string{esc(v.Name), esc(v.Team), model, OrDash(strings.Join(responders, ", ")),
		target, budget, Hours(float64(v.LongestUncovered)), v.Status}
}

// StaffingRule is the staffing rule in two sentences, as the report and the README give it.
const StaffingRule = "With a primary and a secondary on call, each person of a rotation is on call " +
	"covered hours x min(2, rotation) / rotation hours a week, and nobody should be on call more than 25% of the time " +
	"(the SRE book's on-call chapter). So a rotation needs at least ceil(covered hours / 21) people: " +
	"8x5 2, 8x7 3, 24x5 6, 24x7 8; the people missing are added from the team where it has them, else hired."

// StaffingHeader is the header of the staffing table, one label per cell of StaffingRow.
var StaffingHeader = []string{"Team", "On call", "Rotation", "Hours/person/week", "Share of week", "Minimum", "Needed", "Hires", "Hire cost"}

// StaffingRow is rotation p of the analysis as a row of the staffing table; a rotation
// below its minimum is marked with "!" after its team.
func StaffingRow(an *orgs.Analysis, p int, esc Escape) []string {
	r := &an.Staffing.Rotations[p]
	team := esc(r.Team)
	if r.Short() {
		team += " !"
	}
	people := func(n int) string { return Number(int64(n)) }
	return []string{team, string(r.OnCall), people(r.Rotation), HoursFigure(r.HoursPerPerson),
		Percent(r.WeeksShare), people(r.Minimum), people(r.Needed), people(r.Hires),
		Money(r.HireCost, an.Funding.Currency)}
}

// StaffingTotals says the staffing totals with their change against the baseline, each
// labelled as a change: "To staff every rotation: 5 people needed in rotations (+2 vs
// baseline), ...".
func StaffingTotals(an *orgs.Analysis) string {
	s := an.Staffing
	return fmt.Sprintf("To staff every rotation: %s needed in rotations (%s), %s to hire (%s), hire cost %s (%s).",
		People(s.Needed), ChangeOf(int64(s.Delta.Needed), "baseline"), People(s.Hires), ChangeOf(int64(s.Delta.Hires), "baseline"),
		Money(s.HireCost, an.Funding.Currency), ChangeOf(s.Delta.HireCost, "baseline"))
}

// StaffingChange says a change of the staffing totals as "people needed 3 -> 0, hires
// 2 -> 0, hire cost 240,000 EUR -> 0 EUR".
func StaffingChange(st orgs.StaffingChange, currency *string) string {
	return fmt.Sprintf("people needed %s -> %s, hires %s -> %s, hire cost %s -> %s",
		Number(int64(st.Before.Needed)), Number(int64(st.After.Needed)), Number(int64(st.Before.Hires)), Number(int64(st.After.Hires)),
		Money(st.Before.HireCost, currency), Money(st.After.HireCost, currency))
}
