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
	// the cells of row k, one an option (words.RiskCells: "-" without rates)
	cells := make([][]string, 3)
	for i := range options {
		c := words.RiskCells(options[i].Analysis.Risk, esc, words.HoursFigure)
		for k := range cells {
			cells[k] = append(cells[k], c[k])
		}
	}
	return []optionRow{
		{label: "Likely to breach", best: orgs.RowLikelyBreach, cells: cells[0]},
		{label: "Expected downtime (h, per window, all services)", best: orgs.RowDowntime, cells: cells[1]},
		{label: "Sleep pages per person (worst rotation)", best: orgs.RowSleepPages, cells: cells[2]},
	}
}
