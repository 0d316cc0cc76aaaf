package words

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/sretopo/sretopo/orgs"
)

// RunModel is a run model's long form, as the talk writes it ("You build it, you and SRE
// run it"), or "none" for no model.
func RunModel(m *orgs.RunModel) string {
	if m == nil {
		return "none"
	}
	return m.Name()
}

// RunModelShort is a run model's one short form ("you and SRE run it"), or "-" for a team
// that is not a dev team (no model).
func RunModelShort(m orgs.RunModel) string {
	if m == "" {
		return "-"
	}
	return m.Short()
}

// Covering says how many dev teams a headline covers (" (4 of 7 dev teams)"); "" for none.
func Covering(n, of int) string {
	if n == 0 {
		return ""
	}
	return " (" + Number(int64(n)) + " of " + Count(of, "dev team") + ")"
}

// RunModelHeadline is the dominant run model with the dev teams it covers ("You build it,
// you run it (8 of 13 dev teams)"). A dominant model without a majority is only the
// largest of a mix, and the headline says so first, so that a plurality does not read as
// a verdict, in rules.md section 1's words: "mixed: no run model covers most dev teams
// (largest: you run it, 1 of 4)".
func RunModelHeadline(an *orgs.Analysis) string {
	rm := &an.RunModel
	if rm.Dominant != nil && !rm.Majority {
		return "mixed: no run model covers most dev teams (largest: " + RunModelShort(*rm.Dominant) + ", " +
			Number(int64(rm.DominantDevTeams)) + " of " + Number(int64(an.Summary.DevTeams)) + ")"
	}
	return RunModel(rm.Dominant) + Covering(rm.DominantDevTeams, an.Summary.DevTeams)
}

// MixedOr is a dominant run model's long form (RunModel), with "mixed, largest: " first
// when it covers no majority of the dev teams, for a line that has no room for the counts
// of RunModelHeadline (a diff's, a comparison's).
func MixedOr(majority bool, m *orgs.RunModel) string {
	if m == nil || majority {
		return RunModel(m)
	}
	return MixedLargest + RunModel(m)
}

// MixedLargest goes before a dominant run model that covers no majority of the dev teams,
// where a line has no room for RunModelHeadline's warning: it is only the largest of a mix
// (rules.md section 1).
const MixedLargest = "mixed, largest: "

// withoutMajority puts MixedLargest before a headline whose dominant run model has no
// majority.
func withoutMajority(an *orgs.Analysis, headline string) string {
	if an.RunModel.Dominant == nil || an.RunModel.Majority {
		return headline
	}
	return MixedLargest + headline
}

// Topology is "Topology N: name", or "none" for no topology.
func Topology(n *int) string {
	if n == nil {
		return "none"
	}
	t, _ := orgs.TopologyInfo(*n)
	return fmt.Sprintf("Topology %d: %s", t.Number, t.Name)
}

// TopologyNumber is a team's topology number, or "-" for none.
func TopologyNumber(n int) string {
	if n == 0 {
		return "-"
	}
	return strconv.Itoa(n)
}

// Pure says whether the organization is pure ("pure", "not pure").
func Pure(pure bool) string {
	if pure {
		return "pure"
	}
	return "not pure"
}

// TopologyHeadline is the dominant topology with the dev teams it covers and whether the
// organization is pure ("Topology 1: every developer an SRE on rotation (5 of 13 dev
// teams), not pure").
func TopologyHeadline(an *orgs.Analysis) string {
	return Topology(an.Topology.Dominant) + Covering(an.Topology.DominantDevTeams, an.Summary.DevTeams) + ", " + Pure(an.Topology.Pure)
}

// NoTopology says why an organization with dev teams has no dominant topology: its
// dominant run model is outside the nine (rules.md 1), with the dev teams it covers
// ("No dominant topology: the dominant run model, unorganized (11 of 13 dev teams), is
// outside the nine"); "" when there is a dominant topology or no dev team.
func NoTopology(an *orgs.Analysis) string {
	if an.Topology.Dominant != nil || an.RunModel.Dominant == nil {
		return ""
	}
	model := "the dominant run model, "
	if !an.RunModel.Majority {
		model = "mixed; the largest run model, " // only the largest of a mix (rules.md 1)
	}
	return "No dominant topology: " + model + RunModelShort(*an.RunModel.Dominant) +
		Covering(an.RunModel.DominantDevTeams, an.Summary.DevTeams) + ", is outside the nine"
}

// TopologyMix is one row of the topology mix: "Topology N" and where the SRE work sits.
func TopologyMix(m orgs.TopologyMix) (label, name string) {
	t, _ := orgs.TopologyInfo(m.Topology)
	return fmt.Sprintf("Topology %d", m.Topology), t.Name
}

// ImpureByServices explains, in a sentence, an organization whose dev teams all share one
// topology but which is not pure because of its services ("" otherwise).
func ImpureByServices(an *orgs.Analysis) string {
	if an.Topology.Pure || an.ServiceMix == nil || len(an.Topology.Mix) != 1 || an.Topology.Mix[0].DevTeams != an.Summary.DevTeams {
		return ""
	}
	return fmt.Sprintf("Every dev team is in topology %d, but not every service, so it is not pure: %s.",
		an.Topology.Mix[0].Topology, ServiceMix(an.ServiceMix))
}

// Identity is an identity's name in full, or "none".
func Identity(id *orgs.Identity) string {
	if id == nil {
		return "none"
	}
	return id.Info().Name
}

// IdentityShort is an identity by where it is centred, for a line too narrow for its full
// name ("product", "incident", "reliability UX"), or "none".
func IdentityShort(id *orgs.Identity) string {
	if id == nil {
		return "none"
	}
	if *id == orgs.ReliabilityUXCentric {
		return "reliability UX"
	}
	return strings.TrimSuffix(id.Info().Name, "-centric")
}

// IdentityHeadline is the dominant identity with the SRE people it rests on
// ("incident-centric, 8 of 14 SRE people"); without one it says why, as rules version 3
// does, instead of a bare "none" a room would read as a verdict.
func IdentityHeadline(id orgs.IdentityVerdict) string {
	if id.Dominant == nil {
		return NoIdentity
	}
	total := id.People.Total()
	if total == 0 {
		return id.Dominant.Info().Name + " (no dedicated SRE people: every developer is an SRE on rotation)"
	}
	return fmt.Sprintf("%s, %s of %s SRE people", id.Dominant.Info().Name, Number(int64(id.People.Of(*id.Dominant))), Number(int64(total)))
}

// NoIdentity is the identity verdict when there is none: no SRE people, and no developers
// doing the SRE work themselves under you run it.
const NoIdentity = "none (no SRE people, so no SRE identity yet)"

// IdentityPride is what the dominant identity takes pride in and roots its KPIs in ("Pride:
// Might be incident-specific. KPIs rooted in incidents.").
func IdentityPride(id orgs.Identity) string {
	info := id.Info()
	return fmt.Sprintf("Pride: %s. KPIs rooted in %s.", info.Pride, info.RootedIn)
}

// KPIStatus says a KPI's status: "met (actual 0.95, target 0.9)", or "unmeasured".
func KPIStatus(k orgs.KPIEntry) string {
	if k.Status == orgs.KPIUnmeasured || k.Target == nil || k.Actual == nil {
		return string(orgs.KPIUnmeasured)
	}
	return fmt.Sprintf("%s (actual %s, target %s)", k.Status, Decimal(*k.Actual, 4), Decimal(*k.Target, 4))
}

// KPI is a KPI with its identity and status ("MTTR under a day (incident-centric):
// unmeasured"), its text passed through esc.
func KPI(k orgs.KPIEntry, esc Escape) string {
	return fmt.Sprintf("%s (%s): %s", esc(k.Text), k.Identity.Info().Name, KPIStatus(k))
}

// Positioning says a positioning with its focus and strategy, or that it is unset.
func Positioning(id *orgs.Positioning) string {
	if id == nil || *id == orgs.PositionUnset {
		return "unset: steer toward partner or, best, enabler."
	}
	info := id.Info()
	return fmt.Sprintf("%s: focus on %s; strategy: %s.", info.Name, strings.ToLower(info.Focus), strings.ToLower(info.Strategy))
}

// Positionings are the positioning verdicts as labelled lines: the SRE org's and the SRE
// role's outside an SRE org, each when it applies.
func Positionings(p *orgs.PositioningVerdict) []Part {
	var out []Part
	if p == nil {
		return nil
	}
	if p.SREOrg {
		out = append(out, Part{Label: "SRE org", Value: Positioning(p.ID)})
	}
	if p.Role != nil {
		out = append(out, Part{Label: "SRE role outside an SRE org", Value: Positioning(p.Role.ID)})
	}
	return out
}

// Part is a verdict in parts, for a caller that lays it out: its label, its value and a
// note (a change, a reason), each possibly empty.
type Part struct{ Label, Value, Note string }

// Funding is the CAPEX and OPEX headline: their costs when known, else their people
// ("CAPEX 11,505,000 EUR, OPEX 945,000 EUR").
func Funding(f *orgs.FundingVerdict) string {
	if f.HasCosts {
		return fmt.Sprintf("CAPEX %s, OPEX %s", Money(f.CAPEX.Cost, f.Currency), Money(f.OPEX.Cost, f.Currency))
	}
	return fmt.Sprintf("CAPEX %s, OPEX %s", People(f.CAPEX.Headcount), People(f.OPEX.Headcount))
}

// Budgets are the funding verdict's budgets against the baseline: CAPEX, OPEX and each
// organization's budget, with what it holds and its change (label, value, note).
func Budgets(f *orgs.FundingVerdict) []Budget {
	out := []Budget{
		{"CAPEX", f.CAPEX, orgs.HeadCost{Headcount: f.Delta.CapexHeadcount, Cost: f.Delta.CapexCost}},
		{"OPEX", f.OPEX, orgs.HeadCost{Headcount: f.Delta.OpexHeadcount, Cost: f.Delta.OpexCost}},
	}
	for _, o := range orgs.AllOrgs {
		out = append(out, Budget{o.Short() + " budget", *f.Orgs.Of(o), *f.OrgsDelta.Of(o)})
	}
	return out
}

// Budget is one budget of the funding verdict: its label, what it holds and its change.
type Budget struct {
	Label      string
	Now, Delta orgs.HeadCost
}

// ModelFunding says the shares of dev teams on CAPEX- and OPEX-funded run models.
func ModelFunding(f *orgs.FundingVerdict) string {
	return fmt.Sprintf("Dev teams on CAPEX-funded run models: %s; on OPEX-funded (ops run it): %s.",
		Percent(f.ModelFunding.CapexShare), Percent(f.ModelFunding.OpexShare))
}

// Criterion is a criterion's value for the dominant model, or "-".
func Criterion(v *string) string {
	if v == nil {
		return "-"
	}
	return *v
}

// TeamTransition is a team's transition verdict as people say it, with its model names
// ("ops run it -> you run it: possible", "new team, you run it").
func TeamTransition(t orgs.TeamTransition) string {
	switch t.Verdict {
	case orgs.VerdictNew:
		return "new team, " + t.To.Short()
	case orgs.VerdictRemoved:
		return "removed (was " + t.From.Short() + ")"
	case orgs.VerdictUnchanged:
		return "unchanged, " + t.From.Short()
	}
	return RunChange(t.From, t.To) + ": " + t.Verdict.Words()
}

// RunChange says a change of run model in short forms ("ops run it -> you run it").
func RunChange(from, to orgs.RunModel) string { return from.Short() + " -> " + to.Short() }

// ServiceTransition is a service's transition in parts: the service (label), its team
// (value, escaped), its change (note) and its reason ("-" for none).
func ServiceTransition(t orgs.ServiceTransition, esc Escape) (service, team, change, reason string) {
	return esc(t.Service), esc(t.Team), RunChange(t.From, t.To) + ": " + t.Verdict.Words(), OrDash(t.Reason)
}

// Changeability says how hard a decision is to undo, with what that means ("easy: can be
// corrected later, service by service").
func Changeability(c orgs.Changeability) string {
	return string(c) + ": " + c.Explain()
}

// Decision is a decision in words: its subject and detail ("Billing: run model from ..."),
// its kind before them unless the kind only repeats the changeability, as for staffing.
func Decision(d orgs.Decision, esc Escape) string {
	line := esc(d.Subject) + ": " + esc(d.Detail)
	if string(d.Kind) != string(d.Changeability) {
		line = DecisionKind(d.Kind) + ": " + line
	}
	return line
}

// DecisionGroup is the decisions of one changeability: its title (Changeability) and each
// decision (Decision).
type DecisionGroup struct {
	Title     string
	Decisions []string
}

// DecisionGroups lists decisions under their changeability, in the order they come (easy
// to hard).
func DecisionGroups(decisions []orgs.Decision, esc Escape) []DecisionGroup {
	var out []DecisionGroup
	for _, d := range decisions {
		title := Changeability(d.Changeability)
		if len(out) == 0 || out[len(out)-1].Title != title {
			out = append(out, DecisionGroup{Title: title})
		}
		out[len(out)-1].Decisions = append(out[len(out)-1].Decisions, Decision(d, esc))
	}
	return out
}

// AdvisoryMark is the one-character mark of an advisory's severity ("!" for a warning,
// "i" for information).
func AdvisoryMark(s orgs.Severity) string {
	if s == orgs.Warning {
		return "!"
	}
	return "i"
}

// Advisory is an advisory in one line: "warning [thin-rotation]: Rotations too thin ...".
func Advisory(a orgs.Advisory, esc Escape) string {
	return fmt.Sprintf("%s [%s]: %s", a.Severity, a.Code, esc(a.Message))
}

// moreNames finds the end of a list an advisory's message cut short ("... and 3 more").
var moreNames = regexp.MustCompile(` and \d+ more\b`)

// AdvisoryInFull names every service (or, for an advisory about teams, every team) an
// advisory is about, when its message names only the first few ("... and 2 more"): `all 8
// teams: "A", "B", ...`; "" when the message names them all.
func AdvisoryInFull(a orgs.Advisory, esc Escape) string {
	if !moreNames.MatchString(a.Message) {
		return ""
	}
	names, noun := a.Services, "service"
	if len(names) == 0 {
		names, noun = a.Teams, "team"
	}
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = Quoted(esc, n)
	}
	return "all " + Count(len(names), noun) + ": " + strings.Join(quoted, ", ")
}

// CriteriaChanges says the rows of the comparison table a move between run models changes,
// each with its direction, so that a room reads what the move costs and gains without the
// table: "criteria that change: Funding: CAPEX -> OPEX (worse); Cost: High -> Low
// (better)". It is "" when no row changes (the same model, or unorganized on either side).
func CriteriaChanges(changes []orgs.CriterionChange) string {
	if len(changes) == 0 {
		return ""
	}
	parts := make([]string, len(changes))
	for i, c := range changes {
		parts[i] = CriterionChange(c)
	}
	return "criteria that change: " + strings.Join(parts, "; ")
}

// CriterionChange is one changed row: "Incident resolution times: Max -> Min (better)";
// the four unranked rows (funding, cost...) have no direction to say: "Cost: Low -> High".
func CriterionChange(c orgs.CriterionChange) string {
	s := c.Criterion + ": " + c.From + " -> " + c.To
	if c.Direction != "" {
		s += " (" + c.Direction + ")"
	}
	return s
}
