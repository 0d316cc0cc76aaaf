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
var ServiceHeader = []string{"Service", "Team", "Run model", "Responders", "Target", "Error budget", "Longest gap", "Status"}

// ServiceBudget is service v's error budget over its SLO window as a room reads it: in
// minutes under an hour ("4.3 min", four nines over 30 days), else in hours ("3.6 h"),
// with the window named when it is not the usual 30 days ("1.7 h in 7 days"); "-"
// without a target.
func ServiceBudget(v *orgs.ServiceVerdict) string {
	if v.Availability == nil {
		return "-"
	}
	budget := orgs.BudgetWords(v.BudgetHours)
	if v.WindowDays != orgs.DefaultWindowDays {
		budget += " in " + Count(v.WindowDays, "day")
	}
	return budget
}

// ServiceRow is service i of the analysis as a row of the services table: name, team, run
// model (marked when it is an exception to its team's), responders, availability target,
// error budget (ServiceBudget: minutes under an hour), longest gap and status; user
// strings passed through esc.
func ServiceRow(an *orgs.Analysis, i int, esc Escape) []string {
	v := &an.Services[i]
	model := v.RunModel.Short()
	if v.Exception {
		model += " (exception)"
	}
	target := "-"
	if v.Availability != nil {
		target = Decimal(*v.Availability, 4) + "%"
	}
	responders := make([]string, len(v.Responders))
	for k, r := range v.Responders {
		responders[k] = esc(r)
	}
	return []string{esc(v.Name), esc(v.Team), model, OrDash(strings.Join(responders, ", ")),
		target, ServiceBudget(v), Hours(float64(v.LongestUncovered)), v.Status}
}

// StaffingRule is the staffing rule of rules version 3, as the report and the README give
// it: weeks on call, as the SRE book counts them.
const StaffingRule = "Each person of a rotation is on call, primary or secondary, layers x sites weeks in every " +
	"rotation weeks, and nobody should be on call more than one week in four, or one in three on each of two sites " +
	"(the SRE book's on-call chapter). So a rotation needs at least sites x ceil(layers / limit) people: 8 with a " +
	"secondary, 4 with a primary only; 12 and 6 on two sites. Working hours (8x5, 8x7) have a primary only unless the " +
	"team says otherwise; the people missing are added from the team where it has them, else hired."

// StaffingHeader is the header of the reports' staffing table: StaffingRow's cells with
// StaffingLayers and Sites after the on-call pattern.
var StaffingHeader = []string{"Team", "On call", "Layers", "Sites", "Rotation", "Hours/person/week", "Weeks on call", "Minimum", "Needed", "Hires", "Hire cost"}

// StaffingLayers says who is on call at once: "primary only" or "primary and secondary".
func StaffingLayers(r *orgs.RotationStaffing) string {
	if r.Layers == 2 {
		return "primary and secondary"
	}
	return "primary only"
}

// Sites says where a rotation is on call: "1 site", or "2 sites" when it follows the sun.
func Sites(r *orgs.RotationStaffing) string {
	if r.Sites == 2 {
		return "2 sites, follow the sun"
	}
	return "1 site"
}

// StaffingLayersShort is StaffingLayers for a narrow table: "primary", "+ secondary".
func StaffingLayersShort(r *orgs.RotationStaffing) string {
	if r.Layers == 2 {
		return "+ secondary"
	}
	return "primary"
}

// SitesShort is Sites for a narrow table: "1 site", "2 sites".
func SitesShort(r *orgs.RotationStaffing) string { return Count(r.Sites, "site") }

// StaffingRow is rotation p of the analysis as a row of the staffing table, one cell per
// label of StaffingHeader (team, on call, layers, sites, rotation, hours a person a week,
// weeks on call, minimum, needed, hires, hire cost); a rotation below its minimum is
// marked with "!" after its team.
func StaffingRow(an *orgs.Analysis, p int, esc Escape) []string {
	r := &an.Staffing.Rotations[p]
	team := esc(r.Team)
	if r.Short() {
		team += " !"
	}
	people := func(n int) string { return Number(int64(n)) }
	return []string{team, string(r.OnCall), StaffingLayers(r), Sites(r), people(r.Rotation), HoursFigure(r.HoursPerPerson),
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
