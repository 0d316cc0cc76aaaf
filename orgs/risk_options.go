package orgs

import "math"

// The three rows of docs/rules.md section 12 that `sretopo compare` adds, the lower the
// better: services likely to breach, expected downtime of all services a window, and the
// worst rotation's sleep pages a person. An option without rates wins none of them.

// The rows of risk with a better end.
const (
	RowLikelyBreach OptionRow = "likely_breach"
	RowDowntime     OptionRow = "expected_downtime"
	RowSleepPages   OptionRow = "sleep_pages"
)

// riskScore is an option's value in a risk row, lower better (ok false for another row):
// the figures as the report rounds them, so that options shown equal tie.
func (o *Option) riskScore(row OptionRow) (int64, bool) {
	r := o.Analysis.Risk
	switch row {
	case RowLikelyBreach, RowDowntime, RowSleepPages:
		if r == nil {
			return math.MaxInt64, true
		}
	default:
		return 0, false
	}
	switch row {
	case RowLikelyBreach:
		return int64(len(r.LikelyBreach)), true
	case RowDowntime:
		return int64(math.Round(r.ExpectedDowntime * 100)), true
	}
	return int64(math.Round(r.maxSleepPages() * 100)), true
}

// CompareOptionsRuns is CompareOptions with n simulated windows a service (`--runs`).
func CompareOptionsRuns(files []string, models []*Org, n int) []Option {
	first := NewAnalyser(models[0])
	first.SetRiskRuns(n)
	return compareWith(first, files, models)
}

// RiskChange is the organization's risk in A and in B (`diff`): JSON {"before", "after"},
// each the report's `risk` or null; After's delta is against A.
type RiskChange struct {
	Before *OrgRisk `json:"before"`
	After  *OrgRisk `json:"after"`
}

// riskChangeOf is the change from a to b, nil when neither has rates.
func riskChangeOf(a, b *OrgRisk) *RiskChange {
	if a == nil && b == nil {
		return nil
	}
	return &RiskChange{Before: a, After: b}
}
