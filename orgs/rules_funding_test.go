package orgs_test

// docs/rules.md, funding.

import (
	"testing"

	"github.com/sretopo/sretopo/orgs"
)

// TestFunding: a team's funding class follows the run models it serves, never the org it
// reports to nor the SRE org's positioning (docs/rules.md, funding). X is the team under
// test; with are the teams beside it.
func TestFunding(t *testing.T) {
	withFunding := func(tm orgs.Team, f orgs.Funding) orgs.Team { tm.Funding = f; return tm }
	cases := []struct {
		name        string
		x           orgs.Team
		with        []orgs.Team
		positioning orgs.Positioning
		want        orgs.Funding
	}{
		{"dev_team_is_CAPEX_because_building_is_product_investment", t1("X"), nil, "", orgs.CAPEX},
		{"dev_team_in_the_ops_org_is_still_CAPEX_because_an_org_is_no_accounting_class", in(t1("X"), ops), nil, "", orgs.CAPEX},
		{"dev_team_run_by_ops_is_CAPEX_because_its_running_is_funded_by_its_model", opsrun("X", "O"), []orgs.Team{opsTeam("O")}, "", orgs.CAPEX},
		{"sre_team_in_the_dev_org_is_CAPEX_because_SRE_teams_exist_only_for_SRE-inclusive_models", sreTeam("X", dev, 3), nil, "", orgs.CAPEX},
		{"sre_team_in_the_ops_org_is_CAPEX_because_SRE_teams_exist_only_for_SRE-inclusive_models", sreTeam("X", ops, 3), nil, "", orgs.CAPEX},
		{"sre_team_in_the_sre_org_is_CAPEX", sreTeam("X", sreO, 3), nil, orgs.PositionEnabler, orgs.CAPEX},
		{"sre_org_as_cost_center_is_still_CAPEX_because_positioning_is_no_accounting_class", sreTeam("X", sreO, 3), nil, orgs.PositionCostCenter, orgs.CAPEX},
		{"sre-infra_in_a_cost-center_sre_org_is_CAPEX_because_positioning_is_no_accounting_class", infra("X", sreO), []orgs.Team{t1("A")}, orgs.PositionCostCenter, orgs.CAPEX},
		{"sre-infra_in_the_ops_org_of_a_you-run-it_company_is_CAPEX_because_the_talk_funds_that_model_from_CAPEX", infra("X", ops), []orgs.Team{t1("A")}, "", orgs.CAPEX},
		{"sre-infra_is_CAPEX_when_one_dev_team_of_several_has_a_CAPEX-funded_model", infra("X", ops), []orgs.Team{opsrun("A", "O"), opsrun("B", "O"), srerun("C", "S"), opsTeam("O"), sreTeam("S", ops, 3)}, "", orgs.CAPEX},
		{"sre-infra_of_an_ops-run-it_company_is_OPEX_because_the_talk_funds_ops_run_it_from_OPEX", infra("X", ops), []orgs.Team{opsrun("A", "O"), opsTeam("O")}, "", orgs.OPEX},
		{"sre-infra_without_dev_teams_is_OPEX_because_no_CAPEX-funded_model_uses_it", infra("X", sreO), nil, "", orgs.OPEX},
		{"sre-infra_beside_unorganized_teams_only_is_OPEX_because_unorganized_is_funded_by_no_model", infra("X", ops), []orgs.Team{unorg("A")}, "", orgs.OPEX},
		{"ops_team_is_OPEX", opsTeam("X"), nil, "", orgs.OPEX},
		{"ops_team_in_the_dev_org_is_still_OPEX_because_the_kind_decides_not_the_org", in(opsTeam("X"), dev), []orgs.Team{t1("A")}, "", orgs.OPEX},
		{"funding_key_overrides_the_rule:_dev_team_opex", withFunding(t1("X"), orgs.OPEX), nil, "", orgs.OPEX},
		{"funding_key_overrides_the_rule:_ops_team_capex", withFunding(opsTeam("X"), orgs.CAPEX), nil, "", orgs.CAPEX},
		{"funding_key_overrides_the_rule:_sre-infra_opex_beside_you_run_it", withFunding(infra("X", ops), orgs.OPEX), []orgs.Team{t1("A")}, "", orgs.OPEX},
		{"funding_key_equal_to_the_rule", withFunding(opsTeam("X"), orgs.OPEX), nil, "", orgs.OPEX},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := withPerHead(withPositioning(newOrg(append([]orgs.Team{c.x}, c.with...)...), c.positioning), 1000)
			an := analyseSelf(t, o)
			tv := teamVerdict(t, an, "X")
			if tv.Funding != c.want {
				t.Errorf("funding %q, want %q", tv.Funding, c.want)
			}
			if got := orgs.TeamFunding(o, &o.Teams[0]); got != c.want {
				t.Errorf("TeamFunding %q, want %q", got, c.want)
			}
			// the totals are the sums of the teams' classes
			var capex, opex orgs.HeadCost
			for _, tv := range an.Teams {
				to := &capex
				if tv.Funding == orgs.OPEX {
					to = &opex
				}
				to.Headcount += tv.Headcount
				to.Cost += tv.Cost
			}
			if an.Funding.CAPEX != capex || an.Funding.OPEX != opex {
				t.Errorf("capex %+v opex %+v, want the teams' sums %+v and %+v", an.Funding.CAPEX, an.Funding.OPEX, capex, opex)
			}
		})
	}
}

// TestFundingReconcilesWithModelFunding: the issue's contradiction, "CAPEX 60% / OPEX 40% by
// cost" beside "100% of dev teams CAPEX-funded", cannot happen when only ops teams remain
// OPEX: in a company whose every dev team runs under a CAPEX-funded model, the only OPEX is
// the ops teams'.
func TestFundingReconcilesWithModelFunding(t *testing.T) {
	o := withPositioning(withPerHead(newOrg(t1("A"), yas("B", "S"), sreTeam("S", sreO, 3), infra("I", ops), opsTeam("O")), 1000), orgs.PositionCostCenter)
	an := analyseSelf(t, o)
	if an.Funding.ModelFunding.CapexShare != 1 {
		t.Fatalf("model funding %+v, want every dev team CAPEX-funded", an.Funding.ModelFunding)
	}
	if want := (orgs.HeadCost{Headcount: 6, Cost: 6000}); an.Funding.OPEX != want {
		t.Errorf("opex %+v, want only the ops team's %+v", an.Funding.OPEX, want)
	}
}

func TestCostOfATeam(t *testing.T) {
	perHead := func(tm orgs.Team, p int64) orgs.Team { tm.PerHead = &p; return tm }
	cases := []struct {
		name       string
		defaultPH  *int64
		x          orgs.Team
		want       int64
		wantCostly bool // HasCosts
	}{
		{"defaults.per_head", ptr[int64](100000), hc(t1("X"), 7), 700000, true},
		{"team per_head overrides the default", ptr[int64](100000), perHead(hc(t1("X"), 7), 120000), 840000, true},
		{"team per_head without a default", nil, perHead(hc(opsTeam("X"), 3), 90000), 270000, true},
		{"team per_head 0 overrides the default", ptr[int64](100000), perHead(hc(t1("X"), 7), 0), 0, true},
		{"no per_head anywhere: cost 0, headcount only", nil, hc(t1("X"), 7), 0, false},
		{"defaults.per_head 0 is a known cost", ptr[int64](0), hc(t1("X"), 7), 0, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := newOrg(c.x)
			o.Defaults.PerHead = c.defaultPH
			an := analyseSelf(t, o)
			if got := teamVerdict(t, an, "X").Cost; got != c.want {
				t.Errorf("cost %d, want %d", got, c.want)
			}
			if an.Funding.HasCosts != c.wantCostly {
				t.Errorf("HasCosts %v, want %v", an.Funding.HasCosts, c.wantCostly)
			}
			if got := an.Funding.CAPEX.Cost + an.Funding.OPEX.Cost; got != c.want {
				t.Errorf("capex + opex cost %d, want %d", got, c.want)
			}
			if got := an.Funding.CAPEX.Headcount + an.Funding.OPEX.Headcount; got != c.x.Headcount {
				t.Errorf("capex + opex headcount %d, want %d", got, c.x.Headcount)
			}
		})
	}
}

// Totals, per-organization budgets and their change against the baseline, worked by hand.
func TestFundingTotalsPerOrgAndDelta(t *testing.T) {
	perHead := func(tm orgs.Team, p int64) orgs.Team { tm.PerHead = &p; return tm }
	opexOverride := func(tm orgs.Team) orgs.Team { tm.Funding = orgs.OPEX; return tm }
	// Baseline, defaults.per_head 100000:
	//   A  dev org dev   6 people, you-and-sre with S  capex  600000
	//   S  ops org sre   4                             capex  400000
	//   O  ops org ops   5                             opex   500000
	//   I  ops org infra 3 at 90000                    capex  270000 (A's model is CAPEX-funded)
	// capex 13 / 1270000, opex 5 / 500000; dev 6/600000, ops 12/1170000, sre 0/0
	base := withPerHead(newOrg(hc(yas("A", "S"), 6), sreTeam("S", ops, 4), hc(opsTeam("O"), 5), perHead(hc(infra("I", ops), 3), 90000)), 100000)
	// Current: S moved to the SRE org, positioned as a cost center; O grew to 7; a new dev
	// team B (4, run by ops, funding = "opex").
	//   A  capex 600000; B opex 400000 (override); S capex 400000 (a cost center is no
	//   accounting class); O opex 700000; I capex 270000
	// capex 13 / 1270000, opex 11 / 1100000; dev 10/1000000, ops 10/970000, sre 4/400000
	cur := withPositioning(withPerHead(newOrg(
		hc(yas("A", "S"), 6), opexOverride(hc(opsrun("B", "O"), 4)), sreTeam("S", sreO, 4), hc(opsTeam("O"), 7), perHead(hc(infra("I", ops), 3), 90000),
	), 100000), orgs.PositionCostCenter)

	an := analyse(t, base, cur)
	f := an.Funding
	if want := (orgs.HeadCost{Headcount: 13, Cost: 1270000}); f.CAPEX != want {
		t.Errorf("capex %+v, want %+v", f.CAPEX, want)
	}
	if want := (orgs.HeadCost{Headcount: 11, Cost: 1100000}); f.OPEX != want {
		t.Errorf("opex %+v, want %+v", f.OPEX, want)
	}
	wantOrgs := orgs.OrgBudgets{
		Dev: orgs.HeadCost{Headcount: 10, Cost: 1000000},
		Ops: orgs.HeadCost{Headcount: 10, Cost: 970000},
		SRE: orgs.HeadCost{Headcount: 4, Cost: 400000},
	}
	if f.Orgs != wantOrgs {
		t.Errorf("orgs %+v, want %+v", f.Orgs, wantOrgs)
	}
	wantDelta := orgs.FundingDelta{CapexCost: 1270000 - 1270000, OpexCost: 1100000 - 500000, CapexHeadcount: 13 - 13, OpexHeadcount: 11 - 5}
	if f.Delta != wantDelta {
		t.Errorf("delta %+v, want %+v", f.Delta, wantDelta)
	}
	wantOrgsDelta := orgs.OrgBudgets{
		Dev: orgs.HeadCost{Headcount: 10 - 6, Cost: 1000000 - 600000},
		Ops: orgs.HeadCost{Headcount: 10 - 12, Cost: 970000 - 1170000},
		SRE: orgs.HeadCost{Headcount: 4, Cost: 400000},
	}
	if f.OrgsDelta != wantOrgsDelta {
		t.Errorf("per-org delta %+v, want %+v", f.OrgsDelta, wantOrgsDelta)
	}
	// dev teams: A you-and-sre-run-it (CAPEX model), B ops-run-it (OPEX model)
	if want := (orgs.ModelFunding{CapexShare: 0.5, OpexShare: 0.5}); f.ModelFunding != want {
		t.Errorf("model funding %+v, want %+v", f.ModelFunding, want)
	}

	// against itself every change is zero
	self := analyseSelf(t, cur).Funding
	if self.Delta != (orgs.FundingDelta{}) || self.OrgsDelta != (orgs.OrgBudgets{}) {
		t.Errorf("delta against itself %+v / %+v, want zero", self.Delta, self.OrgsDelta)
	}
	// the other way round every change flips sign
	back := analyse(t, cur, base).Funding
	if back.Delta != (orgs.FundingDelta{CapexCost: -wantDelta.CapexCost, OpexCost: -wantDelta.OpexCost, CapexHeadcount: -wantDelta.CapexHeadcount, OpexHeadcount: -wantDelta.OpexHeadcount}) {
		t.Errorf("reverse delta %+v", back.Delta)
	}
}

func TestModelFundingShares(t *testing.T) {
	cases := []struct {
		name string
		org  *orgs.Org
		want orgs.ModelFunding
	}{
		{"you, sre, ops, none: unorganized counts in neither",
			newOrg(t1("A"), srerun("B", "S"), opsrun("C", "O"), unorg("D"), sreTeam("S", ops, 3), opsTeam("O")),
			orgs.ModelFunding{CapexShare: 0.5, OpexShare: 0.25}},
		{"thirds are rounded to 4 decimals",
			newOrg(yas("A", "S"), opsrun("C", "O"), unorg("D"), sreTeam("S", ops, 3), opsTeam("O")),
			orgs.ModelFunding{CapexShare: 0.3333, OpexShare: 0.3333}},
		{"all three SRE-inclusive models are CAPEX",
			newOrg(t2("A"), yas("B", "S"), srerun("C", "S"), sreTeam("S", sreO, 3)),
			orgs.ModelFunding{CapexShare: 1, OpexShare: 0}},
		{"all ops-run", newOrg(opsrun("A", "O"), opsTeam("O")), orgs.ModelFunding{CapexShare: 0, OpexShare: 1}},
		{"only unorganized", newOrg(unorg("A")), orgs.ModelFunding{}},
		{"no dev team", newOrg(opsTeam("O")), orgs.ModelFunding{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := analyseSelf(t, c.org).Funding.ModelFunding; got != c.want {
				t.Errorf("model funding %+v, want %+v", got, c.want)
			}
		})
	}
}

func TestFundingCurrency(t *testing.T) {
	o := newOrg(t1("A"))
	if c := analyseSelf(t, o).Funding.Currency; c != nil {
		t.Errorf("currency %q without defaults.currency, want none", *c)
	}
	o.Defaults.Currency = "EUR"
	if c := analyseSelf(t, o).Funding.Currency; c == nil || *c != "EUR" {
		t.Errorf("currency %v, want EUR", show(c))
	}
}
