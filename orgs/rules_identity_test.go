package orgs_test

// docs/rules.md: SRE identity, KPIs, positioning of the SRE org and of the SRE role.

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/sretopo/sretopo/orgs"
)

const (
	product  = orgs.ProductCentric
	incident = orgs.IncidentCentric
	relUX    = orgs.ReliabilityUXCentric
)

// sixteenT1 is sixteen dev teams in topology 1, named T1..T16.
func sixteenT1() []orgs.Team {
	var out []orgs.Team
	for i := 1; i <= 16; i++ {
		out = append(out, t1(fmt.Sprintf("T%d", i)))
	}
	return out
}

// TestIdentity: the identity is where SRE people sit (our rule, v2: one unit, people).
func TestIdentity(t *testing.T) {
	cases := []struct {
		name     string
		org      *orgs.Org
		dominant *orgs.Identity
		weights  orgs.IdentityShares // product, incident, reliability-ux
		people   orgs.IdentityPeople
	}{
		{"topology_1_alone_is_product-centric_without_SRE_people_because_SRE_lives_inside_the_dev_teams",
			newOrg(t1("A")), ptr(product), orgs.IdentityShares{1, 0, 0}, orgs.IdentityPeople{0, 0, 0}},
		{"topologies_2_and_3_weigh_one_dedicated_SRE_each_toward_product-centric",
			newOrg(t2("A"), t3("B")), ptr(product), orgs.IdentityShares{1, 0, 0}, orgs.IdentityPeople{2, 0, 0}},
		{"a_named_SRE_team_weighs_its_headcount_once_toward_its_org's_identity",
			newOrg(t1("A"), yas("B", "S"), srerun("C", "S"), sreTeam("S", sreO, 4)),
			ptr(relUX), orgs.IdentityShares{0, 0, 1}, orgs.IdentityPeople{0, 0, 4}},
		{"sre_team_in_the_ops_org_is_incident-centric",
			newOrg(t1("A"), srerun("B", "S"), sreTeam("S", ops, 3)),
			ptr(incident), orgs.IdentityShares{0, 1, 0}, orgs.IdentityPeople{0, 3, 0}},
		{"sre_team_in_the_dev_org_is_product-centric",
			newOrg(t1("A"), yas("B", "S"), sreTeam("S", dev, 2)),
			ptr(product), orgs.IdentityShares{1, 0, 0}, orgs.IdentityPeople{2, 0, 0}},
		{"three_5-person_SRE_teams_in_an_SRE_org_beside_16_topology-1_teams_are_reliability-ux-centric_because_topology_1_holds_no_SRE_people",
			newOrg(append(sixteenT1(), yas("A", "S1"), yas("B", "S2"), srerun("C", "S3"),
				sreTeam("S1", sreO, 5), sreTeam("S2", sreO, 5), sreTeam("S3", sreO, 5))...),
			ptr(relUX), orgs.IdentityShares{0, 0, 1}, orgs.IdentityPeople{0, 0, 15}},
		{"an_idle_SRE_team_weighs_nothing_because_it_serves_nobody",
			newOrg(t1("A"), sreTeam("S", sreO, 5), sreTeam("T", ops, 5)),
			ptr(product), orgs.IdentityShares{1, 0, 0}, orgs.IdentityPeople{0, 0, 0}},
		{"no_SRE_people_and_no_topology-1_team_is_no_identity",
			newOrg(opsrun("A", "O"), unorg("B"), opsTeam("O"), sreTeam("S", sreO, 5), infra("I", ops)),
			nil, orgs.IdentityShares{0, 0, 0}, orgs.IdentityPeople{0, 0, 0}},
		{"no_dev_team_is_no_identity", newOrg(opsTeam("O")), nil, orgs.IdentityShares{0, 0, 0}, orgs.IdentityPeople{0, 0, 0}},
		{"tie_product_and_incident_goes_to_product",
			newOrg(t2("A"), t2("B"), srerun("C", "S"), sreTeam("S", ops, 2)),
			ptr(product), orgs.IdentityShares{0.5, 0.5, 0}, orgs.IdentityPeople{2, 2, 0}},
		{"tie_incident_and_reliability-ux_goes_to_incident",
			newOrg(srerun("A", "SO"), srerun("B", "SS"), sreTeam("SS", sreO, 3), sreTeam("SO", ops, 3)),
			ptr(incident), orgs.IdentityShares{0, 0.5, 0.5}, orgs.IdentityPeople{0, 3, 3}},
		{"tie_product_and_reliability-ux_goes_to_product",
			newOrg(yas("A", "S"), t2("B"), t3("C"), t2("D"), sreTeam("S", sreO, 3)),
			ptr(product), orgs.IdentityShares{0.5, 0, 0.5}, orgs.IdentityPeople{3, 0, 3}},
		{"three-way_tie_goes_to_product_and_thirds_are_rounded_to_4_decimals",
			newOrg(sreTeam("SS", sreO, 2), srerun("A", "SS"), srerun("B", "SO"), t2("C"), t2("D"), sreTeam("SO", ops, 2)),
			ptr(product), orgs.IdentityShares{0.3333, 0.3333, 0.3333}, orgs.IdentityPeople{2, 2, 2}},
		{"shares_are_rounded_to_4_decimals",
			newOrg(t2("A"), srerun("B", "S"), sreTeam("S", sreO, 2)),
			ptr(relUX), orgs.IdentityShares{0.3333, 0, 0.6667}, orgs.IdentityPeople{1, 0, 2}},
		{"an_ops_team_named_in_run_with_weighs_nothing_because_it_holds_no_SRE_people",
			newOrg(t1("A"), opsrun("B", "O"), hc(opsTeam("O"), 20)),
			ptr(product), orgs.IdentityShares{1, 0, 0}, orgs.IdentityPeople{0, 0, 0}},
		{"incident-centric_rests_on_8_of_14_SRE_people",
			newOrg(t2("A"), t2("B"), srerun("C", "SO"), yas("D", "SS"), sreTeam("SO", ops, 8), sreTeam("SS", sreO, 4)),
			ptr(incident), orgs.IdentityShares{0.1429, 0.5714, 0.2857}, orgs.IdentityPeople{2, 8, 4}},
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
			if id.People != c.people {
				t.Errorf("people %v, want %v", id.People, c.people)
			}
			for i, ident := range []orgs.Identity{product, incident, relUX} {
				if id.Weights.Of(ident) != c.weights[i] || id.People.Of(ident) != c.people[i] {
					t.Errorf("Of(%s) = %v, %v, want %v, %v", ident, id.Weights.Of(ident), id.People.Of(ident), c.weights[i], c.people[i])
				}
			}
		})
	}
}

// The seed's example KPIs (docs/rules.md), copied here by hand.
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
	// product 1 (a dedicated SRE), incident 3: incident dominant
	productAndIncident := func() *orgs.Org {
		return newOrg(t2("A"), srerun("B", "S"), sreTeam("S", ops, 3))
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
	o := newOrg(t2("A"), srerun("B", "SO"), sreTeam("SO", ops, 2), yas("C", "SS"), sreTeam("SS", sreO, 5))
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
	// docs/rules.md
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
		o := withPositioning(newOrg(t1("A"), infra("I", ops)), p)
		if pv := analyseSelf(t, o).Positioning; pv != nil {
			t.Errorf("positioning %q with an empty SRE org and no SRE role: %+v, want none", p, pv)
		}
	}
}

// TestRolePositioning: the talk's Decide step also positions a new SRE role outside an SRE
// org: dedicated SREs in dev teams (topologies 2, 3) and SRE teams in the dev or ops org.
func TestRolePositioning(t *testing.T) {
	withRole := func(o *orgs.Org, p orgs.Positioning) *orgs.Org { o.SRERole.Positioning = p; return o }
	cases := []struct {
		name    string
		org     *orgs.Org
		role    bool // a role positioning is reported
		orgPart bool // the SRE org's part is set
	}{
		{"topology_1_has_no_SRE_role_because_every_developer_is_on_rotation", newOrg(t1("A")), false, false},
		{"a_dedicated_SRE_in_a_dev_team_is_an_SRE_role", newOrg(t2("A")), true, false},
		{"a_dedicated_SRE_plus_rotation_is_an_SRE_role", newOrg(t3("A")), true, false},
		{"an_SRE_team_in_the_ops_org_is_an_SRE_role_outside_an_SRE_org", newOrg(srerun("A", "S"), sreTeam("S", ops, 3)), true, false},
		{"an_idle_SRE_team_in_the_dev_org_is_an_SRE_role_too", newOrg(t1("A"), sreTeam("S", dev, 3)), true, false},
		{"SRE_teams_only_in_the_SRE_org_are_the_org's_positioning_not_a_role", newOrg(srerun("A", "S"), sreTeam("S", sreO, 3)), false, true},
		{"an_SRE_org_and_a_role_beside_it_are_positioned_each", newOrg(t2("A"), srerun("B", "S"), sreTeam("S", sreO, 3)), true, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := withRole(withPositioning(c.org, orgs.PositionEnabler), orgs.PositionPartner)
			pv := analyseSelf(t, o).Positioning
			if !c.role && !c.orgPart {
				if pv != nil {
					t.Fatalf("positioning %+v, want none", pv)
				}
				return
			}
			if pv == nil {
				t.Fatal("no positioning")
			}
			if c.role != (pv.Role != nil) {
				t.Errorf("role %+v, want one: %v", pv.Role, c.role)
			}
			if c.role && (!eqPtr(pv.Role.ID, ptr(orgs.PositionPartner)) || *pv.Role.Strategy != "Exploit revenue") {
				t.Errorf("role %+v, want partner", pv.Role)
			}
			if c.orgPart != (pv.ID != nil) {
				t.Errorf("org positioning %v, want one: %v", show(pv.ID), c.orgPart)
			}
		})
	}
}
