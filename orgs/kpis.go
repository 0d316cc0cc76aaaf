package orgs

// This file is docs/rules.md section 6 for measured KPIs: a KPI with a target and an actual
// value is met or missed, and the example KPI "90% of supported services are within error
// budgets" is measured from the file where its services say enough.

// KPIStatus says whether a KPI is met.
type KPIStatus string

// KPI statuses (JSON `kpis[].status`).
const (
	KPIMet        KPIStatus = "met"
	KPIMissed     KPIStatus = "missed"
	KPIUnmeasured KPIStatus = "unmeasured"
)

// KPIMeasure is a KPI's status with the numbers it rests on (nil when unmeasured):
// JSON {"status", "target", "actual"}, the keys docs/format.md adds to each of `kpis[]`.
type KPIMeasure struct {
	Status KPIStatus `json:"status"`
	Target *float64  `json:"target"`
	Actual *float64  `json:"actual"`
}

// ErrorBudgetKPIText is the example KPI the file can measure (docs/rules.md, the talk's tables).
var ErrorBudgetKPIText = ReliabilityUXCentric.Info().KPIs[0]

// errorBudgetKPITarget is the 90% of that KPI.
const errorBudgetKPITarget = 0.9

// MeasureKPI is the status of one of the file's own KPIs: met or missed when it has both a
// target and an actual value (met at equality), else unmeasured.
func MeasureKPI(k *KPI) KPIMeasure {
	if k.Target == nil || k.Actual == nil {
		return KPIMeasure{Status: KPIUnmeasured}
	}
	t, a := *k.Target, *k.Actual
	return KPIMeasure{Status: kpiStatus(t, a, k.Better), Target: &t, Actual: &a}
}

// kpiStatus compares actual with target in the KPI's direction; equality is met.
func kpiStatus(target, actual float64, better Better) KPIStatus {
	met := actual >= target
	if better == BetterLower {
		met = actual <= target
	}
	if met {
		return KPIMet
	}
	return KPIMissed
}

// errorBudgetKPI is the measure of within services of supported within their error budget.
func errorBudgetKPI(within, supported int) KPIMeasure {
	if supported == 0 {
		return KPIMeasure{Status: KPIUnmeasured}
	}
	share := float64(within) / float64(supported)
	t, a := errorBudgetKPITarget, rnd4(share)
	return KPIMeasure{Status: kpiStatus(errorBudgetKPITarget, share, BetterHigher), Target: &t, Actual: &a}
}

// MeasureExampleKPI is the status of a built-in example KPI: the error budget one is
// measured with sv (the services verdict of the same model), every other is unmeasured.
func MeasureExampleKPI(text string, sv *ServicesVerdict) KPIMeasure {
	if text == ErrorBudgetKPIText && sv != nil {
		return sv.ErrorBudgetKPI
	}
	return KPIMeasure{Status: KPIUnmeasured}
}
