package report

import (
	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/words"
)

// riskOptionRows are compare's rows of docs/rules.md section 12, the lower the better: "-"
// for an option without rates; none when no option has rates.
func riskOptionRows(options []orgs.Option, esc func(string) string) []optionRow {
	rated := false
	for i := range options {
		rated = rated || options[i].Analysis.Risk != nil
	}
	if !rated {
		return nil
	}
	cell := func(f func(r *orgs.OrgRisk) string) []string {
		out := make([]string, len(options))
		for i := range options {
			out[i] = "-"
			if r := options[i].Analysis.Risk; r != nil {
				out[i] = f(r)
			}
		}
		return out
	}
	return []optionRow{
		{label: "Likely to breach", best: orgs.RowLikelyBreach, cells: cell(func(r *orgs.OrgRisk) string {
			return words.Number(int64(len(r.LikelyBreach))) + " of " + words.Number(int64(r.ServicesWithRates))
		})},
		{label: "Expected downtime (h, per window, all services)", best: orgs.RowDowntime, cells: cell(func(r *orgs.OrgRisk) string {
			return words.HoursFigure(r.ExpectedDowntime)
		})},
		{label: "Sleep pages per person (worst rotation)", best: orgs.RowSleepPages, cells: cell(func(r *orgs.OrgRisk) string {
			if r.MaxSleep == nil {
				return "0"
			}
			return words.Decimal(r.MaxSleep.Pages, 2) + " (" + esc(r.MaxSleep.Team) + ")"
		})},
	}
}
