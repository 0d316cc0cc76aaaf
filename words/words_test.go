package words

import (
	"strings"
	"testing"

	"github.com/sretopo/sretopo/orgs"
)

func TestChange(t *testing.T) {
	eur := "EUR"
	cases := []struct {
		heads int
		cost  int64
		costs bool
		want  string
	}{
		{6, 570000, true, "+570,000 EUR, +6 people vs baseline"},
		{-1, -95000, true, "-95,000 EUR, -1 person vs baseline"},
		{0, 0, true, "no change vs baseline"},
		{1, 0, false, "+1 person vs baseline"},
		{0, 0, false, "no change vs baseline"},
		{1200, 0, false, "+1,200 people vs baseline"},
	}
	for _, c := range cases {
		if got := Change(c.heads, c.cost, c.costs, &eur, "baseline"); got != c.want {
			t.Errorf("Change(%d, %d, %v) = %q, want %q", c.heads, c.cost, c.costs, got, c.want)
		}
	}
}

// TestNumbersReadAlike: people, teams and money are written with the same thousands
// separators, hours to the hundredth with their unit, whatever the size.
func TestNumbersReadAlike(t *testing.T) {
	eur := "EUR"
	saysEach(t, map[string]string{
		People(1):               "1 person",
		People(12000):           "12,000 people",
		Count(1500, "dev team"): "1,500 dev teams",
		SignedPeople(-1):        "-1 person",
		SignedPeople(1):         "+1 person",
		Money(1140000000, &eur): "1,140,000,000 EUR",
		Money(95000, nil):       "95,000",
		Hours(112.0 / 3):        "37.33 h",
		Hours(42):               "42 h",
		HoursFigure(0.72):       "0.72",
		Percent(0.538):          "53.8%",
		Percent(1):              "100%",
		Decimal(99.95, 4):       "99.95",
	})
}

// TestEachRunModelHasOneShortAndOneLongForm: the short form is what tables and sentences
// use, the long form the talk's name; a team that is no dev team has neither.
func TestEachRunModelHasOneShortAndOneLongForm(t *testing.T) {
	seen := map[string]bool{}
	for _, m := range orgs.SpectrumOrder {
		short, long := RunModelShort(m), RunModel(&m)
		if short == "" || long == "" || seen[short] || seen[long] {
			t.Errorf("%s: short %q, long %q (empty or taken by another model)", m, short, long)
		}
		seen[short], seen[long] = true, true
	}
	if RunModelShort(orgs.YouAndSRERunIt) != "you and SRE run it" || RunModel(nil) != "none" || RunModelShort("") != "-" {
		t.Errorf("short %q, none %q, no model %q", RunModelShort(orgs.YouAndSRERunIt), RunModel(nil), RunModelShort(""))
	}
}

func example(t *testing.T, name string) *orgs.Org {
	t.Helper()
	ex, err := orgs.ExampleNamed(name)
	if err != nil {
		t.Fatal(err)
	}
	o, err := orgs.Load(name+".toml", ex.Data)
	if err != nil {
		t.Fatal(err)
	}
	return o
}

// TestHeadlinesSayWhatTheyCover: the run model and topology headlines say how many dev
// teams they rest on, and the topology whether it is pure, in their long and short forms.
func TestHeadlinesSayWhatTheyCover(t *testing.T) {
	o := example(t, "mixed")
	an := orgs.Analyse(o, o)
	saysEach(t, map[string]string{
		RunModelHeadline(an): "You build it, you run it (7 of 13 dev teams)",
		TopologyHeadline(an): "Topology 1: every developer an SRE on rotation (4 of 13 dev teams), not pure",
		DominantRunModel(an): "you run it (7 of 13 dev teams)",
		DominantTopology(an): "1 (4 of 13 dev teams)",
	})
}

// TestDiffChangesHaveTheirParts: each change of a diff has the parts a two-column view
// needs (subject, what, was, now) beside its sentence.
func TestDiffChangesHaveTheirParts(t *testing.T) {
	a := example(t, "topology-5")
	b := a.Clone()
	for i := range b.Teams {
		if b.Teams[i].Org == orgs.OrgOps && b.Teams[i].Kind == orgs.KindSRE {
			b.Teams[i].Org = orgs.OrgSRE
		}
	}
	changes := DiffChanges(orgs.Compare("a.toml", a, "b.toml", b), Plain)
	if len(changes) != 1 {
		t.Fatalf("want one change, got %+v", changes)
	}
	c := changes[0]
	if c.What != "org" || c.Was != "ops org" || c.Now != "SRE org" || c.Sentence != c.Subject+" moved from the ops org to the SRE org." {
		t.Errorf("move worded as %+v", c)
	}
}

// TestPlanHeadlineNamesTheCurrentModel: a plan to the model edited from its base file does
// not name that file twice.
func TestPlanHeadlineNamesTheCurrentModel(t *testing.T) {
	if got := PlanHeadline("mixed.toml", "mixed.toml", 1); got != "Plan from mixed.toml to the current model: 1 stage. Staff first, then a pilot, then who runs it; the reporting lines last, once SRE works in practice." {
		t.Errorf("got %q", got)
	}
	if got := PlanHeadline("a.toml", "b.toml", 3); got != "Plan from a.toml to b.toml: 3 stages. Staff first, then a pilot, then who runs it; the reporting lines last, once SRE works in practice." {
		t.Errorf("got %q", got)
	}
}

// TestGateSaysWhenItHolds: a staffing or pilot gate holds before the next stage, the
// within-budget gate before each handover of its own stage (rules.md 11, "hand over once
// within their error budgets"); user names go through the format's escaping.
func TestGateSaysWhenItHolds(t *testing.T) {
	up := func(s string) string { return strings.ToUpper(s) }
	if got := Gate(orgs.Gate{Kind: orgs.GateStaffing, Text: "rotations at their minimum: sre"}, up); got != "before the next stage (staffing): ROTATIONS AT THEIR MINIMUM: SRE" {
		t.Errorf("got %q", got)
	}
	if got := Gate(orgs.Gate{Kind: orgs.GateWithinBudget, Text: "x"}, Plain); got != "before each handover (within-budget): x" {
		t.Errorf("got %q", got)
	}
}

// TestCriteriaChangesSayEveryRowWithItsDirection: a move from ops run it to you run it says
// each row that changes, in the table's order, with better or worse where the row is ranked
// and no direction on the unranked rows; no change says nothing.
func TestCriteriaChangesSayEveryRowWithItsDirection(t *testing.T) {
	changes := orgs.CriteriaChanges(orgs.OpsRunIt, orgs.YouRunIt)
	got := CriteriaChanges(changes)
	want := "criteria that change: " +
		"Involvement of the development teams in the on-call work: None -> Max (better); " +
		"Knowledge synchronization between teams: Not practical -> None (better); " +
		"Incident resolution times: Max -> Min (better); " +
		"Service handover for operations: Required -> Not applicable (better); " +
		"Availability targets and product demand: Lower targets and demand -> Highest targets and demand (better); " +
		"Funding: OPEX -> CAPEX; Cost: Low -> High"
	if got != want {
		t.Errorf("CriteriaChanges(ops -> you) =\n%s\nwant\n%s", got, want)
	}
	if got := CriteriaChanges(orgs.CriteriaChanges(orgs.YouRunIt, orgs.YouRunIt)); got != "" {
		t.Errorf("no move says %q, want nothing", got)
	}
}

// TestHeadlineWithoutMajoritySaysMixedFirst: the bank's dominant run model covers 2 of its
// 4 dev teams, no majority, so both headlines say "mixed" before the largest model; the
// mixed example's 7 of 13 is a majority and reads as the verdict (TestHeadlinesSayWhatTheyCover).
func TestHeadlineWithoutMajoritySaysMixedFirst(t *testing.T) {
	o := example(t, "bank")
	an := orgs.Analyse(o, o)
	if an.RunModel.Majority {
		t.Fatal("the bank example has a majority run model: the test needs one without")
	}
	saysEach(t, map[string]string{
		RunModelHeadline(an): "mixed: no run model covers most dev teams (largest: ops run it, 2 of 4)",
		DominantRunModel(an): "mixed, largest: ops run it (2 of 4 dev teams)",
	})
}

// TestNoIdentitySaysWhy: an organization without SRE people (ops run it) has no identity,
// and the headline says why rather than a bare "none".
func TestNoIdentitySaysWhy(t *testing.T) {
	o := example(t, "ops-run-it")
	an := orgs.Analyse(o, o)
	if an.Identity.Dominant != nil {
		t.Fatalf("ops-run-it has identity %s: the test needs one without", *an.Identity.Dominant)
	}
	if got, want := IdentityHeadline(an.Identity), "none (no SRE people, so no SRE identity yet)"; got != want {
		t.Errorf("IdentityHeadline = %q, want %q", got, want)
	}
}

// saysEach checks each of words (what a function said, and what it should say).
func saysEach(t *testing.T, words map[string]string) {
	t.Helper()
	for got, want := range words {
		if got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
}

// TestTablesRowsFollowTheirHeaders: a service row's budget under an hour is in minutes, as
// ServiceBudget says it, and a staffing row has one cell per label of StaffingHeader, the
// layers and sites after the on-call pattern.
func TestTablesRowsFollowTheirHeaders(t *testing.T) {
	o := example(t, "mixed")
	an := orgs.Analyse(o, o)
	minutes := false
	for i := range an.Services {
		row := ServiceRow(an, i, Plain)
		if len(row) != len(ServiceHeader) || row[5] != ServiceBudget(&an.Services[i]) {
			t.Errorf("service row %q does not follow ServiceHeader with ServiceBudget", row)
		}
		minutes = minutes || strings.HasSuffix(row[5], " min")
	}
	if !minutes {
		t.Error("no service of mixed has its budget in minutes")
	}
	for p := range an.Staffing.Rotations {
		row, r := StaffingRow(an, p, Plain), &an.Staffing.Rotations[p]
		if len(row) != len(StaffingHeader) || row[2] != StaffingLayers(r) || row[3] != Sites(r) {
			t.Errorf("staffing row %q does not follow StaffingHeader", row)
		}
	}
}

// TestNoTopologySaysMixed: bank has no dominant topology because its largest run model, ops
// run it, is outside the nine; it covers no majority, so the line says mixed and largest,
// not "the dominant run model".
func TestNoTopologySaysMixed(t *testing.T) {
	o := example(t, "bank")
	an := orgs.Analyse(o, o)
	if an.RunModel.Majority || an.Topology.Dominant != nil {
		t.Fatal("bank no longer has a mixed run model outside the nine")
	}
	if got := NoTopology(an); !strings.Contains(got, "mixed; the largest run model, ops run it") {
		t.Errorf("NoTopology = %q", got)
	}
}

// TestDowntimeNamesTheUnattended: rules.md section 12 sums the expected downtime of the
// attended services only, so a team that stops running its services lowers the sum; every
// sentence of the sum then says it leaves them out and names them.
func TestDowntimeNamesTheUnattended(t *testing.T) {
	ex, err := orgs.ExampleNamed("health-platform")
	if err != nil {
		t.Fatal(err)
	}
	base, err := orgs.Load("health-platform.toml", ex.Data)
	if err != nil {
		t.Fatal(err)
	}
	if s := RiskSummary(orgs.Analyse(base, base).Risk, func(s string) string { return s }); !strings.Contains(s, "a window, all services") {
		t.Errorf("every service attended, the summary does not say all: %q", s)
	}
	cur := base.Clone()
	cur.Team("Viewer").Run = orgs.RunNone
	r := orgs.Analyse(base, cur).Risk
	if len(r.Unattended) == 0 {
		t.Fatal("nobody runs Viewer's services, yet none is unattended")
	}
	s := RiskSummary(r, func(s string) string { return s })
	if strings.Contains(s, "all services") || !strings.Contains(s, "of the attended services") {
		t.Errorf("the summary does not say the sum leaves out the unattended: %q", s)
	}
	for _, n := range r.Unattended {
		if !strings.Contains(s, `"`+n+`"`) {
			t.Errorf("the summary does not name unattended %q: %q", n, s)
		}
	}
}
