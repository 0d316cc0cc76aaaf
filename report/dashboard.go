package report

import (
	"fmt"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/words"
)

// The names below are how the dashboard words verdicts today, each now the one wording of
// the words package under its former name. They go once views/ and model/ call words
// directly (the words function is named in each comment).

// Percent is words.Percent.
func Percent(share float64) string { return words.Percent(share) }

// Money is words.Money.
func Money(cost int64, currency *string) string { return words.Money(cost, currency) }

// Signed is words.Signed.
func Signed(n int64) string { return words.Signed(n) }

// Count is words.Count.
func Count(n int, thing string) string { return words.Count(n, thing) }

// OrDash is words.OrDash.
func OrDash(s string) string { return words.OrDash(s) }

// OrgShort is orgs.OrgID.Short, the one spelling of an organization ("dev org").
func OrgShort(o orgs.OrgID) string { return o.Short() }

// ModelName is words.RunModel, a run model's long form.
func ModelName(m *orgs.RunModel) string { return words.RunModel(m) }

// TopologyName is words.Topology.
func TopologyName(n *int) string { return words.Topology(n) }

// IdentityName is words.Identity.
func IdentityName(id *orgs.Identity) string { return words.Identity(id) }

// IdentityHeadline is words.IdentityHeadline.
func IdentityHeadline(id orgs.IdentityVerdict) string { return words.IdentityHeadline(id) }

// VerdictWords is words.TeamTransition.
func VerdictWords(t orgs.TeamTransition) string { return words.TeamTransition(t) }

// KPIStatusWords is words.KPIStatus.
func KPIStatusWords(k orgs.KPIEntry) string { return words.KPIStatus(k) }

// ServiceMixWords is words.ServiceMix.
func ServiceMixWords(mix *orgs.ServiceMix) string { return words.ServiceMix(mix) }

// ServiceRow is words.ServiceRow.
func ServiceRow(an *orgs.Analysis, i int, esc func(string) string) []string {
	return words.ServiceRow(an, i, esc)
}

// StaffingRow is words.StaffingRow.
func StaffingRow(an *orgs.Analysis, p int, esc func(string) string) []string {
	return words.StaffingRow(an, p, esc)
}

// StageWords is words.Stage.
func StageWords(n orgs.StageName) string { return words.Stage(n) }

// StageLines is words.StageAfter, safe for a terminal.
func StageLines(base string, s *orgs.Stage) []string { return words.StageAfter(base, s, S) }

// PlanHeadline is the plan's first sentence as the dashboard words it today, which names a
// target called as its base by that name ("Plan from mixed.toml to mixed.toml");
// words.PlanHeadline calls it the current model.
func PlanHeadline(base, target string, k int) string {
	return fmt.Sprintf("Plan from %s to %s: %s. Staff first, then a pilot, then who runs it; the reporting lines last, once SRE works in practice.", S(base), S(target), words.Count(k, "stage"))
}

// DecisionLine is a plan's decision as the dashboard words it today, with the kind's code
// ("hard reporting-lines ..."); words.PlanDecision says the kind in words.
func DecisionLine(d orgs.Decision) string {
	return fmt.Sprintf("%-10s %-16s %s: %s", words.HowHard(d.Changeability), d.Kind, S(d.Subject), S(d.Detail))
}
