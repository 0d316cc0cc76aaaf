package orgs_test

// rules.md sections 5, 6 and 7: SRE identity, KPIs, positioning of the SRE organization.

import (
	"reflect"
	"testing"

	"github.com/sretopo/sretopo/orgs"
)

const (
	product  = orgs.ProductCentric
	incident = orgs.IncidentCentric
	relUX    = orgs.ReliabilityUXCentric
)

func TestIdentityWeights(t *testing.T) {
	cases := []struct {
		name     string
		org      *orgs.Org
		dominant *orgs.Identity
		weights  orgs.IdentityShares // product, incident, reliability-ux
	}{
		{"topology 1 adds 1 to product-centric", newOrg(t1("A")), ptr(product), orgs.IdentityShares{1, 0, 0}},
		{"topologies 2 and 3 add 1 each to product-centric", newOrg(t2("A"), t3("B")), ptr(product), orgs.IdentityShares{1, 0, 0}},
		{
			// product 1 (A), reliability-ux 4 (S's headcount once, though two teams name it)
			"a named SRE team adds its headcount once, to its org's identity",
			newOrg(t1("A"), yas("B", "S"), srerun("C", "S"), sreTeam("S", sreO, 4)),
			ptr(relUX), orgs.IdentityShares{0.2, 0, 0.8},
		},
		{
			// product 1, incident 3
			"SRE team in the ops org: incident-centric",
			newOrg(t1("A"), srerun("B", "S"), sreTeam("S", ops, 3)),
			ptr(incident), orgs.IdentityShares{0.25, 0.75, 0},
		},
		{
			// product 1 (A) + 2 (S in the dev org); the T4 team B adds nothing itself
			"SRE team in the dev org: product-centric",
			newOrg(t1("A"), yas("B", "S"), sreTeam("S", dev, 2)),
			ptr(product), orgs.IdentityShares{1, 0, 0},
		},
		{
			"an idle SRE team adds nothing",
			newOrg(t1("A"), sreTeam("S", sreO, 5), sreTeam("T", ops, 5)),
			ptr(product), orgs.IdentityShares{1, 0, 0},
		},
		{
			"no weight at all: no identity",
			newOrg(opsrun("A", "O"), unorg("B"), opsTeam("O"), sreTeam("S", sreO, 5), infra("I", ops)),
			nil, orgs.IdentityShares{0, 0, 0},
		},
		{"no dev team: no identity", newOrg(opsTeam("O")), nil, orgs.IdentityShares{0, 0, 0}},
		{
			// product 2, incident 2
			"tie product and incident: product",
			newOrg(t1("A"), t1("B"), srerun("C", "S"), sreTeam("S", ops, 2)),
			ptr(product), orgs.IdentityShares{0.5, 0.5, 0},
		},
		{
			// incident 3, reliability-ux 3
			"tie incident and reliability-ux: incident",
			newOrg(srerun("A", "SO"), srerun("B", "SS"), sreTeam("SS", sreO, 3), sreTeam("SO", ops, 3)),
			ptr(incident), orgs.IdentityShares{0, 0.5, 0.5},
		},
		{
			// product 3, reliability-ux 3
			"tie product and reliability-ux: product",
			newOrg(yas("A", "S"), t1("B"), t2("C"), t3("D"), sreTeam("S", sreO, 3)),
			ptr(product), orgs.IdentityShares{0.5, 0, 0.5},
		},
		{
			// 2, 2, 2: thirds, rounded to 4 decimals
			"three-way tie: product",
			newOrg(sreTeam("SS", sreO, 2), srerun("A", "SS"), srerun("B", "SO"), t1("C"), t1("D"), sreTeam("SO", ops, 2)),
			ptr(product), orgs.IdentityShares{0.3333, 0.3333, 0.3333},
		},
		{
			// product 1, reliability-ux 2
			"shares rounded to 4 decimals",
			newOrg(t1("A"), srerun("B", "S"), sreTeam("S", sreO, 2)),
			ptr(relUX), orgs.IdentityShares{0.3333, 0, 0.6667},
		},
		{
			// ops teams named by ops-run dev teams are not SRE teams
			"an ops team named in run_with adds nothing",
			newOrg(t1("A"), opsrun("B", "O"), hc(opsTeam("O"), 20)),
			ptr(product), orgs.IdentityShares{1, 0, 0},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			id := analyseSelf(t, c.org).Identity
			if !eqPtr(id.Dominant, c.dominant) {
				t.Errorf("dominant identity %v, want %v", show(id.Dominant), show(c.dominant))
			}
			if id.Weights != c.weights {
				t.Errorf("weights %v, want %v", id.Weights, c.weights)
			}
			for i, ident := range []orgs.Identity{product, incident, relUX} {
				if id.Weights.Of(ident) != c.weights[i] {
					t.Errorf("Weights.Of(%s) = %v, want %v", ident, id.Weights.Of(ident), c.weights[i])
				}
			}
		})
	}
}

// The seed's example KPIs (domain.md section 6), copied here by hand.
var builtinKPIs = map[orgs.Identity][]string{
	product: {
		"97% of customer complaints about product A are not related to reliability",
		"NPS score of at least 75 for product B",
		"Reliability engineering implemented in new product C from the outset",
	},
	incident: {
		"Mean time between failures (MTBF) is less than two weeks",
		"Mean time to recovery (MTTR) from an incident is less than a day",
		"Number of incidents is on a decline quarterly",
	},
	relUX: {
		"90% of supported services are within error budgets",
		"95% of incidents with supported services consume less than 30% of the monthly error budget",
		"95% of customer complaints for supported services are not related to reliability",
	},
}

type kpiGroup struct {
	identity orgs.Identity
	texts    []string
	own      bool
}

// groups splits the KPI list into runs of one identity, checking the Own flag is uniform.
func groups(t *testing.T, kpis []orgs.KPIEntry) []kpiGroup {
	t.Helper()
	var out []kpiGroup
	for _, k := range kpis {
		if len(out) == 0 || out[len(out)-1].identity != k.Identity {
			out = append(out, kpiGroup{identity: k.Identity, own: k.Own})
		}
		g := &out[len(out)-1]
		if g.own != k.Own {
			t.Errorf("identity %s mixes own and built-in KPIs", k.Identity)
		}
		g.texts = append(g.texts, k.Text)
	}
	return out
}

func TestKPIs(t *testing.T) {
	kpi := func(id orgs.Identity, text string) orgs.KPI { return orgs.KPI{Identity: id, Text: text} }
	withKPIs := func(o *orgs.Org, k ...orgs.KPI) *orgs.Org { o.KPIs = k; return o }
	// product 1, incident 3: incident dominant
	productAndIncident := func() *orgs.Org {
		return newOrg(t1("A"), srerun("B", "S"), sreTeam("S", ops, 3))
	}
	cases := []struct {
		name string
		org  *orgs.Org
		want []kpiGroup
	}{
		{"one identity: its three built-in KPIs", newOrg(t1("A")),
			[]kpiGroup{{product, builtinKPIs[product], false}}},
		{"dominant identity first, then the other with a positive weight", productAndIncident(),
			[]kpiGroup{{incident, builtinKPIs[incident], false}, {product, builtinKPIs[product], false}}},
		{"the file's own KPIs replace the built-ins of their identity only",
			withKPIs(productAndIncident(), kpi(product, "Own P1"), kpi(product, "Own P2")),
			[]kpiGroup{{incident, builtinKPIs[incident], false}, {product, []string{"Own P1", "Own P2"}, true}}},
		{"own KPIs of the dominant identity, in file order",
			withKPIs(productAndIncident(), kpi(incident, "Own I2"), kpi(product, "Own P1"), kpi(incident, "Own I1")),
			[]kpiGroup{{incident, []string{"Own I2", "Own I1"}, true}, {product, []string{"Own P1"}, true}}},
		{"own KPIs of an identity without weight are not listed",
			withKPIs(productAndIncident(), kpi(relUX, "Own R1")),
			[]kpiGroup{{incident, builtinKPIs[incident], false}, {product, builtinKPIs[product], false}}},
		{"no weight: no KPIs, not even the file's own",
			withKPIs(newOrg(opsrun("A", "O"), opsTeam("O")), kpi(incident, "Own I1")),
			nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := groups(t, analyseSelf(t, c.org).KPIs)
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("KPIs\n got %+v\nwant %+v", got, c.want)
			}
		})
	}

	// three identities with weight: the dominant first, each of the others once
	o := newOrg(t1("A"), srerun("B", "SO"), sreTeam("SO", ops, 2), yas("C", "SS"), sreTeam("SS", sreO, 5))
	got := groups(t, analyseSelf(t, o).KPIs)
	if len(got) != 3 || got[0].identity != relUX {
		t.Fatalf("KPI groups %+v, want reliability-ux-centric first, then the two others", got)
	}
	seen := map[orgs.Identity]bool{}
	for _, g := range got {
		if seen[g.identity] || !reflect.DeepEqual(g.texts, builtinKPIs[g.identity]) {
			t.Errorf("KPI group %+v: want each identity once with its built-in KPIs", g)
		}
		seen[g.identity] = true
	}
}

func TestPositioning(t *testing.T) {
	// domain.md section 7
	want := map[orgs.Positioning][2]string{
		orgs.PositionCostCenter: {"Cost reduction", "Reduce cost"},
		orgs.PositionAsset:      {"Reliability asset", "Optimize the asset"},
		orgs.PositionPartner:    {"Reliability business value", "Exploit revenue"},
		orgs.PositionEnabler:    {"Enabling business through reliability", "Nurture"},
	}
	for p, fs := range want {
		o := withPositioning(newOrg(srerun("A", "S"), sreTeam("S", sreO, 4)), p)
		pv := analyseSelf(t, o).Positioning
		if pv == nil || !eqPtr(pv.ID, &p) || !eqPtr(pv.Focus, &fs[0]) || !eqPtr(pv.Strategy, &fs[1]) {
			t.Errorf("positioning %s: got %+v, want id, focus %q, strategy %q", p, pv, fs[0], fs[1])
		}
	}

	unset := analyseSelf(t, newOrg(srerun("A", "S"), sreTeam("S", sreO, 4))).Positioning
	if unset == nil || unset.ID != nil || unset.Focus != nil || unset.Strategy != nil {
		t.Errorf("unset positioning with an SRE org: %+v, want a positioning with no id, focus or strategy", unset)
	}

	// the SRE org holds only an infrastructure team: it still holds a team
	infraOnly := analyseSelf(t, withPositioning(newOrg(t1("A"), infra("I", sreO)), orgs.PositionAsset)).Positioning
	if infraOnly == nil || !eqPtr(infraOnly.ID, ptr(orgs.PositionAsset)) {
		t.Errorf("SRE org with only an sre-infra team: %+v, want the asset positioning", infraOnly)
	}

	for _, p := range []orgs.Positioning{orgs.PositionUnset, orgs.PositionEnabler, orgs.PositionCostCenter} {
		o := withPositioning(newOrg(srerun("A", "S"), sreTeam("S", ops, 4), infra("I", ops)), p)
		if pv := analyseSelf(t, o).Positioning; pv != nil {
			t.Errorf("positioning %q with an empty SRE org: %+v, want none", p, pv)
		}
	}
}
