package orgs

import "slices"

// Comparing options (docs/rules.md, "Comparing options"; cli.md, compare): a planning
// meeting brings two to eight what-ifs; each is summed up in the same rows, its transition
// and decisions taken from the first option, with the nine criteria of its dominant run
// model (the talk's Compare step), and in every row that has a better end the best options
// are marked, all tied ones alike. Since rules version 3 the first option is no candidate in
// the rows that measure the change from it (staying put would win them by default), and a
// row where every candidate ties has no mark.

// MinOptions and MaxOptions bound `sretopo compare`.
const (
	MinOptions = 2
	MaxOptions = 8
)

// Option is one what-if summed up for a side-by-side comparison.
type Option struct {
	File string
	Name string
	// Analysis is the option against the first option.
	Analysis *Analysis
	// Staffing is what sustainable rotations need, against the first option.
	Staffing StaffingVerdict
	// Decisions counts the decisions from the first option by changeability.
	Decisions map[Changeability]int
	// Advisories counts the option's advisories by severity.
	Advisories map[Severity]int
	// Criteria are the nine rows of the option's dominant run model's column (JSON
	// `criteria`: [{"criterion", "value"}]), empty without a dominant model or when it is
	// unorganized, which has no column.
	Criteria []OptionCriterion
}

// OptionCriterion is one criterion row of an option: JSON {"criterion", "value"}.
type OptionCriterion struct {
	Criterion string `json:"criterion"`
	Value     string `json:"value"`
}

// OptionRow names a row of the comparison that has a better end.
type OptionRow string

// The rows with a better end (docs/deciding.md, "compare"): fewer people needed, hires and hire cost;
// the transition from the first option, unchanged first; fewer hard decisions; fewer
// warnings; pure over not pure.
const (
	RowPure          OptionRow = "pure"
	RowNeeded        OptionRow = "needed"
	RowHires         OptionRow = "hires"
	RowHireCost      OptionRow = "hire_cost"
	RowTransition    OptionRow = "transition"
	RowHardDecisions OptionRow = "hard_decisions"
	RowWarnings      OptionRow = "warnings"
)

// OptionRows lists the rows with a better end in the order they are shown.
var OptionRows = []OptionRow{RowPure, RowNeeded, RowHires, RowHireCost, RowTransition, RowHardDecisions, RowWarnings,
	RowLikelyBreach, RowDowntime, RowSleepPages}

// CompareOptions sums up every option against the first (files and models in the order
// given).
func CompareOptions(files []string, models []*Org) []Option {
	return compareWith(NewAnalyser(models[0]), files, models)
}

// compareWith is CompareOptions with first, the analyser of the first option.
func compareWith(first *Analyser, files []string, models []*Org) []Option {
	out := make([]Option, len(models))
	for i, m := range models {
		a := first.Analyse(m)
		o := Option{File: files[i], Name: m.Name, Analysis: a, Staffing: a.Staffing, // against the first option, its delta too
			Decisions: map[Changeability]int{}, Advisories: map[Severity]int{}}
		for _, d := range a.Transition.Decisions {
			o.Decisions[d.Changeability]++
		}
		for _, adv := range a.Advisories {
			o.Advisories[adv.Severity]++
		}
		o.Criteria = optionCriteria(a.RunModel.Dominant)
		out[i] = o
	}
	return out
}

// score is an option's value in a row, lower better.
func (o *Option) score(row OptionRow) int64 {
	a := o.Analysis
	if s, ok := o.riskScore(row); ok {
		return s
	}
	switch row {
	case RowPure:
		if a.Topology.Pure {
			return 0
		}
		return 1
	case RowNeeded:
		return int64(o.Staffing.Needed)
	case RowHires:
		return int64(o.Staffing.Hires)
	case RowHireCost:
		return o.Staffing.HireCost
	case RowTransition:
		return int64(a.Transition.Verdict.severity())
	case RowHardDecisions:
		return int64(o.Decisions[Hard])
	case RowWarnings:
		return int64(o.Advisories[Warning])
	}
	return 0
}

// optionCriteria is the column of run model m as option rows ([] for none or unorganized).
func optionCriteria(m *RunModel) []OptionCriterion {
	out := []OptionCriterion{}
	if m == nil || m.Column() < 0 {
		return out
	}
	for _, c := range Criteria {
		out = append(out, OptionCriterion{Criterion: c.Name, Value: c.Values[m.Column()]})
	}
	return out
}

// fromFirst reports whether row measures the change from the first option (cli.md, v3): the
// first option is no candidate there, as staying put costs nothing by definition.
func fromFirst(row OptionRow) bool { return row == RowTransition || row == RowHardDecisions }

// Best reports, for each option, whether it holds the best value of row, every tied
// candidate alike. The first option is no candidate in the rows that measure the change
// from it, and a row where every candidate ties has no mark (cli.md, compare, v3).
func Best(options []Option, row OptionRow) []bool {
	scores := make([]int64, len(options))
	for i := range options {
		scores[i] = options[i].score(row)
	}
	first := 0
	if fromFirst(row) {
		first = 1
	}
	return bestOf(scores, first)
}

// bestOf marks the lowest of scores[first:], all tied alike, and nothing when they all tie.
func bestOf(scores []int64, first int) []bool {
	marks := make([]bool, len(scores))
	if len(scores)-first < 1 {
		return marks
	}
	best, worst := scores[first], scores[first]
	for _, s := range scores[first:] {
		best, worst = min(best, s), max(worst, s)
	}
	if best == worst && len(scores)-first > 1 {
		return marks // every candidate ties: no mark
	}
	for i := first; i < len(scores); i++ {
		marks[i] = scores[i] == best
	}
	return marks
}

// CriterionBest reports, for each option, whether its value of criterion row k (an index of
// Criteria) is the best among the options, by the row's better-to-worse order: nil for a
// row without one, and no mark where every option ties or an option has no value.
func CriterionBest(options []Option, k int) []bool {
	order := Criteria[k].Order
	if order == nil {
		return nil
	}
	scores := make([]int64, len(options))
	for i := range options {
		if len(options[i].Criteria) != len(Criteria) {
			return make([]bool, len(options)) // an option without a dominant model: no ranking
		}
		scores[i] = int64(slices.Index(order, options[i].Criteria[k].Value))
	}
	return bestOf(scores, 0)
}
