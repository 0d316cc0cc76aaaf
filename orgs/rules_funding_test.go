package orgs_test

// rules.md section 3: funding.

import (
	"testing"

	"github.com/sretopo/sretopo/orgs"
)

func TestFundingClassOfATeam(t *testing.T) {
	withFunding := func(tm orgs.Team, f orgs.Funding) orgs.Team { tm.Funding = f; return tm }
	cases := []struct {
		name        string
		x           orgs.Team // the team under test, named X
		positioning orgs.Positioning
		want        orgs.Funding
	}{
		{"dev org, dev team", t1("X"), "", orgs.CAPEX},
		{"dev org, SRE team", sreTeam("X", dev, 3), "", orgs.CAPEX},
		{"dev org, sre-infra team", infra("X", dev), "", orgs.CAPEX},
		{"dev org, ops team", in(opsTeam("X"), dev), "", orgs.CAPEX},
		{"SRE org, SRE team, positioning unset", sreTeam("X", sreO, 3), "", orgs.CAPEX},
		{"SRE org, sre-infra team, enabler", infra("X", sreO), orgs.PositionEnabler, orgs.CAPEX},
		{"SRE org, SRE team, asset", sreTeam("X", sreO, 3), orgs.PositionAsset, orgs.CAPEX},
		{"SRE org, SRE team, partner", sreTeam("X", sreO, 3), orgs.PositionPartner, orgs.CAPEX},
		{"SRE org, SRE team, cost-center", sreTeam("X", sreO, 3), orgs.PositionCostCenter, orgs.OPEX},
		{"SRE org, sre-infra team, cost-center", infra("X", sreO), orgs.PositionCostCenter, orgs.OPEX},
		{"SRE org, ops team, cost-center", in(opsTeam("X"), sreO), orgs.PositionCostCenter, orgs.OPEX},
		{"ops org, SRE team", sreTeam("X", ops, 3), "", orgs.CAPEX},
		{"ops org, SRE team, SRE org a cost center", sreTeam("X", ops, 3), orgs.PositionCostCenter, orgs.CAPEX},
		{"ops org, ops team", opsTeam("X"), "", orgs.OPEX},
		{"ops org, sre-infra team", infra("X", ops), "", orgs.OPEX},
		{"ops org, dev team", in(t1("X"), ops), "", orgs.OPEX},
		{"dev org, cost-center does not apply outside the SRE org", t1("X"), orgs.PositionCostCenter, orgs.CAPEX},
		{"funding key overrides: dev org opex", withFunding(t1("X"), orgs.OPEX), "", orgs.OPEX},
		{"funding key overrides: ops team capex", withFunding(opsTeam("X"), orgs.CAPEX), "", orgs.CAPEX},
		{"funding key overrides: cost-center SRE org capex", withFunding(sreTeam("X", sreO, 3), orgs.CAPEX), orgs.PositionCostCenter, orgs.CAPEX},
		{"funding key overrides: ops org SRE team opex", withFunding(sreTeam("X", ops, 3), orgs.OPEX), "", orgs.OPEX},
		{"funding key equal to the rule", withFunding(opsTeam("X"), orgs.OPEX), "", orgs.OPEX},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := withPerHead(withPositioning(newOrg(c.x), c.positioning), 1000)
			an := analyseSelf(t, o)
			tv := teamVerdict(t, an, "X")
			if tv.Funding != c.want {
				t.Errorf("funding %q, want %q", tv.Funding, c.want)
			}
			// the totals follow the team's class
			cost := int64(c.x.Headcount) * 1000
			capex, opex := an.Funding.CAPEX, an.Funding.OPEX
			if c.want == orgs.CAPEX && (capex != orgs.HeadCost{Headcount: c.x.Headcount, Cost: cost} || opex != orgs.HeadCost{}) ||
				c.want == orgs.OPEX && (opex != orgs.HeadCost{Headcount: c.x.Headcount, Cost: cost} || capex != orgs.HeadCost{}) {
				t.Errorf("capex %+v opex %+v, want all %d people (cost %d) in %s", capex, opex, c.x.Headcount, cost, c.want)
			}
		})
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
	//   I  ops org infra 3 at 90000                    opex   270000
	// capex 10 / 1000000, opex 8 / 770000; dev 6/600000, ops 12/1170000, sre 0/0
	base := withPerHead(newOrg(hc(yas("A", "S"), 6), sreTeam("S", ops, 4), hc(opsTeam("O"), 5), perHead(hc(infra("I", ops), 3), 90000)), 100000)
	// Current: S moved to the SRE org, positioned as a cost center; O grew to 7; a new dev
	// team B (4, run by ops, funding = "opex").
	//   A  capex 600000; B opex 400000 (override); S opex 400000 (cost center);
	//   O  opex 700000; I opex 270000
	// capex 6 / 600000, opex 18 / 1770000; dev 10/1000000, ops 10/970000, sre 4/400000
	cur := withPositioning(withPerHead(newOrg(
		hc(yas("A", "S"), 6), opexOverride(hc(opsrun("B", "O"), 4)), sreTeam("S", sreO, 4), hc(opsTeam("O"), 7), perHead(hc(infra("I", ops), 3), 90000),
	), 100000), orgs.PositionCostCenter)

	an := analyse(t, base, cur)
	f := an.Funding
	if want := (orgs.HeadCost{Headcount: 6, Cost: 600000}); f.CAPEX != want {
		t.Errorf("capex %+v, want %+v", f.CAPEX, want)
	}
	if want := (orgs.HeadCost{Headcount: 18, Cost: 1770000}); f.OPEX != want {
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
	wantDelta := orgs.FundingDelta{CapexCost: 600000 - 1000000, OpexCost: 1770000 - 770000, CapexHeadcount: 6 - 10, OpexHeadcount: 18 - 8}
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
