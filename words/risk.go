package words

import (
	"fmt"
	"strings"

	"github.com/sretopo/sretopo/orgs"
)

// The words of docs/rules.md section 12: each service's risk, the pages a person takes, and
// the organization's figures with their change against the baseline.

// RiskRule says what the risk figures are, once, above their table.
const RiskRule = "Incidents a window at the rates given; expected downtime exact (waiting for the next covered hour, acknowledging, restoring); p95 and the chance to spend more than the error budget simulated."

// RiskHeader is the header of the risk table, one label per cell of RiskRow.
var RiskHeader = []string{"Service", "Incidents/window", "Expected downtime h", "P95 h", "Budget h", "Chance to breach", "Budget burn"}

// RiskRow is service k of the analysis as a row of the risk table (ok false without a
// rate); a service likely to breach is marked with "!" after its name.
func RiskRow(an *orgs.Analysis, k int, esc Escape) ([]string, bool) {
	v := &an.Services[k]
	r := v.Risk
	if r == nil {
		return nil, false
	}
	name := esc(v.Name)
	if r.LikelyBreach() {
		name += " !"
	}
	down, budget, chance, burn := "unattended", "-", "-", "-"
	if !r.Unattended {
		down = HoursFigure(r.ExpectedDowntime)
	}
	if r.HasTarget {
		budget, chance = HoursFigure(r.BudgetHours), Percent(r.PBreach)
	}
	if b, ok := r.BudgetBurn(); ok {
		burn = Percent(b)
	}
	return []string{name, Decimal(r.ExpectedIncidents, 2), down, HoursFigure(r.P95Downtime), budget, chance, burn}, true
}

// PagesRule says what the pages table holds and when each class of page arrives (the
// classes of orgs.PageBusiness, PageSleep and PageOff).
const PagesRule = "Pages a person takes in 30 days, by when they arrive (business: Monday to Friday 09:00-17:00; sleep: 22:00-07:00; off hours: the rest):"

// PagesHeader is the header of the pages table, one label per cell of PagesRow.
var PagesHeader = []string{"Team", "Rotation", "Business", "Off hours", "Sleep"}

// PagesRow is rotation p as a row of the pages a person takes in 30 days (ok false when
// the team takes no incident of a service with a rate).
func PagesRow(an *orgs.Analysis, p int, esc Escape) ([]string, bool) {
	r := &an.Staffing.Rotations[p]
	pp := r.PagesPerPerson
	if pp == nil {
		return nil, false
	}
	return []string{esc(r.Team), Number(int64(r.Rotation)), Decimal(pp[orgs.PageBusiness], 2),
		Decimal(pp[orgs.PageOff], 2), Decimal(pp[orgs.PageSleep], 2)}, true
}

// RiskSummary says the organization's figures and their change against the baseline:
// "2 of 5 services with rates likely to breach (+1 vs baseline); expected downtime 3.5 h a
// window, all services (-1.2 h vs baseline); most sleep pages a person: "Ops" 0.4 in 30
// days (no change vs baseline)."
func RiskSummary(r *orgs.OrgRisk, esc Escape) string {
	worst := "no pages"
	if r.MaxSleep != nil {
		worst = Quoted(esc, r.MaxSleep.Team) + " " + Decimal(r.MaxSleep.Pages, 2) + " in 30 days"
	}
	return fmt.Sprintf("%d of %s likely to breach (%s); expected downtime %s (%s); most sleep pages a person: %s (%s).",
		len(r.LikelyBreach), Count(r.ServicesWithRates, "service")+" with rates", signed(float64(r.Delta.LikelyBreach), ""),
		Downtime(r, esc), signed(r.Delta.ExpectedDowntime, " h"), worst, signed(r.Delta.MaxSleepPages, ""))
}

// Downtime says the organization's expected downtime a window and what it leaves out:
// "3.5 h a window, all services", or, when a service with a rate has nobody to respond,
// "3.5 h a window of the attended services; unattended, each incident lasting the window:
// "Billing"" (rules.md section 12 sums the attended services only, so a what-if that leaves a
// service unattended would otherwise read as less downtime).
func Downtime(r *orgs.OrgRisk, esc Escape) string {
	if len(r.Unattended) == 0 {
		return Hours(r.ExpectedDowntime) + " a window, all services"
	}
	names := make([]string, len(r.Unattended))
	for i, n := range r.Unattended {
		names[i] = Quoted(esc, n)
	}
	return Hours(r.ExpectedDowntime) + " a window of the attended services; unattended, each incident lasting the window: " + strings.Join(names, ", ")
}

// signed is a change with its sign and unit against the baseline, or "no change vs baseline".
func signed(x float64, unit string) string {
	s := Decimal(x, 2)
	switch {
	case s == "0" || s == "-0":
		return "no change vs baseline"
	case x > 0:
		s = "+" + s
	}
	return s + unit + " vs baseline"
}

// RiskRuns says how many windows each service was simulated over.
func RiskRuns(n int) string {
	return fmt.Sprintf("Simulated over %s windows a service, seeded by its name: the same file gives the same figures.", Number(int64(n)))
}

// riskFigures are the three risk figures of a diff, as written (RiskCells, downtime with
// its unit).
func riskFigures(r *orgs.OrgRisk, esc Escape) [3]string { return RiskCells(r, esc, Hours) }

// RiskCells are the three risk figures compare and diff rank, as their tables write them:
// services likely to breach (of those with rates), expected downtime a window as hours
// writes it, and the worst rotation's sleep pages a person with its team; "-" for each
// without rates.
func RiskCells(r *orgs.OrgRisk, esc Escape, hours func(float64) string) [3]string {
	if r == nil {
		return [3]string{"-", "-", "-"}
	}
	sleep := "0"
	if r.MaxSleep != nil {
		sleep = Decimal(r.MaxSleep.Pages, 2) + " (" + esc(r.MaxSleep.Team) + ")"
	}
	return [3]string{Number(int64(len(r.LikelyBreach))) + " of " + Number(int64(r.ServicesWithRates)),
		hours(r.ExpectedDowntime), sleep}
}

// riskLabels name the three figures of riskFigures.
var riskLabels = [3]string{"Likely to breach", "Expected downtime a window", "Sleep pages a person (worst rotation)"}

// RiskChange says the risk figures that differ from A to B, "" when none does: "likely to
// breach 3 of 8 -> 1 of 8; expected downtime a window 89.41 h -> 40.2 h".
func RiskChange(c *orgs.RiskChange, esc Escape) string {
	a, b := riskFigures(c.Before, esc), riskFigures(c.After, esc)
	var parts []string
	for k := range a {
		if a[k] != b[k] {
			parts = append(parts, lowerFirst(riskLabels[k])+" "+a[k]+" -> "+b[k])
		}
	}
	return joinParts(parts)
}

// DiffRisk are the risk rows of the diff's table (label, A, B, "changed" or ""); none when
// neither side has rates.
func DiffRisk(c *orgs.RiskChange, esc Escape) [][4]string {
	if c == nil {
		return nil
	}
	a, b := riskFigures(c.Before, esc), riskFigures(c.After, esc)
	var rows [][4]string
	for k := range a {
		changed := ""
		if a[k] != b[k] {
			changed = "changed"
		}
		rows = append(rows, [4]string{riskLabels[k], a[k], b[k], changed})
	}
	return rows
}

// lowerFirst is s with its first letter in lower case.
func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// joinParts joins the parts of a sentence with semicolons.
func joinParts(parts []string) string { return strings.Join(parts, "; ") }
