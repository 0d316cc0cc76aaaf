package orgs

// Comparing options (docs/rules.md, "Comparing options"): a planning meeting brings two to
// eight what-ifs; each is summed up in the same rows, its transition and decisions taken
// from the first option, and in every row that has a better end the best options are
// marked, all tied ones alike.

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
		o := Option{File: files[i], Name: m.Name, Analysis: a, Staffing: StaffingAgainst(models[0], m),
			Decisions: map[Changeability]int{}, Advisories: map[Severity]int{}}
		for _, d := range a.Transition.Decisions {
			o.Decisions[d.Changeability]++
		}
		for _, adv := range a.Advisories {
			o.Advisories[adv.Severity]++
		}
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

// Best reports, for each option, whether it holds the best value of row, every tied option
// alike (when all tie, all are marked: docs/deciding.md says so).
func Best(options []Option, row OptionRow) []bool {
	marks := make([]bool, len(options))
	if len(options) == 0 {
		return marks
	}
	best := options[0].score(row)
	for i := range options {
		best = min(best, options[i].score(row))
	}
	for i := range options {
		marks[i] = options[i].score(row) == best
	}
	return marks
}
