package orgs_test

// docs/rules.md: run model and topology of each dev team, and of the organization.
// Every expected value below is read off docs/rules.md, not computed by the code under test.

import (
	"reflect"
	"testing"

	"github.com/sretopo/sretopo/orgs"
)

func TestRunModelAndTopologyOfEachDevTeam(t *testing.T) {
	cases := []struct {
		name    string
		devTeam orgs.Team
		others  []orgs.Team
		model   orgs.RunModel
		topo    int // 0: none
	}{
		{"you, sre_role rotation", t1("D"), nil, youM, 1},
		{"you, sre_role dedicated", t2("D"), nil, youM, 2},
		{"you, sre_role both", t3("D"), nil, youM, 3},
		{"you-and-sre, SRE team in dev org", yas("D", "S"), []orgs.Team{sreTeam("S", dev, 3)}, yasM, 4},
		{"you-and-sre, SRE team in ops org", yas("D", "S"), []orgs.Team{sreTeam("S", ops, 3)}, yasM, 5},
		{"you-and-sre, SRE team in SRE org", yas("D", "S"), []orgs.Team{sreTeam("S", sreO, 3)}, yasM, 6},
		{"sre, SRE team in dev org", srerun("D", "S"), []orgs.Team{sreTeam("S", dev, 3)}, sreM, 7},
		{"sre, SRE team in ops org", srerun("D", "S"), []orgs.Team{sreTeam("S", ops, 3)}, sreM, 8},
		{"sre, SRE team in SRE org", srerun("D", "S"), []orgs.Team{sreTeam("S", sreO, 3)}, sreM, 9},
		{"ops", opsrun("D", "O"), []orgs.Team{opsTeam("O")}, opsM, 0},
		{"none", unorg("D"), nil, noneM, 0},
		// the org the dev team itself reports into does not matter
		{"you-and-sre from a dev team in the ops org", in(yas("D", "S"), ops), []orgs.Team{sreTeam("S", sreO, 3)}, yasM, 6},
		// the run_with name matches ignoring case
		{"sre, run_with in other case", srerun("D", "s"), []orgs.Team{sreTeam("S", ops, 3)}, sreM, 8},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := newOrg(append([]orgs.Team{c.devTeam}, c.others...)...)
			an := analyseSelf(t, o)
			tv := teamVerdict(t, an, "D")
			if tv.RunModel != c.model || tv.Topology != c.topo {
				t.Errorf("team D: run model %q topology %d, want %q %d", tv.RunModel, tv.Topology, c.model, c.topo)
			}
			if c.devTeam.Run.NeedsPartner() && tv.RunWith != c.devTeam.RunWith {
				t.Errorf("team D: run_with %q, want %q", tv.RunWith, c.devTeam.RunWith)
			}
			if !c.devTeam.Run.NeedsPartner() && tv.RunWith != "" {
				t.Errorf("team D: run_with %q, want none", tv.RunWith)
			}
			// the organization of one dev team has that team's model and topology
			if !eqPtr(an.RunModel.Dominant, &c.model) {
				t.Errorf("dominant run model %v, want %v", show(an.RunModel.Dominant), c.model)
			}
			wantMix := []orgs.RunModelMix{{ID: c.model, DevTeams: 1, Share: 1}}
			if !reflect.DeepEqual(an.RunModel.Mix, wantMix) {
				t.Errorf("run model mix %+v, want %+v", an.RunModel.Mix, wantMix)
			}
			if c.topo == 0 {
				if an.Topology.Dominant != nil || an.Topology.Pure || len(an.Topology.Mix) != 0 {
					t.Errorf("topology %+v (dominant %v), want no dominant topology, not pure, empty mix", an.Topology, show(an.Topology.Dominant))
				}
			} else {
				wantTopoMix := []orgs.TopologyMix{{Topology: c.topo, DevTeams: 1, Share: 1}}
				if !eqPtr(an.Topology.Dominant, &c.topo) || !an.Topology.Pure || !reflect.DeepEqual(an.Topology.Mix, wantTopoMix) {
					t.Errorf("topology %+v (dominant %v), want dominant %d, pure, mix %+v", an.Topology, show(an.Topology.Dominant), c.topo, wantTopoMix)
				}
			}
			// teams that are not dev teams have no run model, topology or run_with
			for _, other := range c.others {
				tv := teamVerdict(t, an, other.Name)
				if tv.RunModel != "" || tv.Topology != 0 || tv.RunWith != "" {
					t.Errorf("non-dev team %q: run model %q topology %d run_with %q, want none", other.Name, tv.RunModel, tv.Topology, tv.RunWith)
				}
			}
		})
	}
}

// "moving an SRE team between organizations changes the topology of every dev team it serves
// (4, 5, 6 or 7, 8, 9) and nothing else".
func TestMovingAnSRETeamChangesOnlyTheTopologiesItServes(t *testing.T) {
	teams := func(s1org orgs.OrgID) *orgs.Org {
		return newOrg(
			yas("A", "S1"), srerun("B", "S1"), yas("C", "S2"), t2("D"), opsrun("E", "O"),
			sreTeam("S1", s1org, 4), sreTeam("S2", ops, 4), opsTeam("O"), infra("I", ops),
		)
	}
	want := map[orgs.OrgID]map[string]int{
		dev:  {"A": 4, "B": 7, "C": 5, "D": 2, "E": 0},
		ops:  {"A": 5, "B": 8, "C": 5, "D": 2, "E": 0},
		sreO: {"A": 6, "B": 9, "C": 5, "D": 2, "E": 0},
	}
	models := map[string]orgs.RunModel{"A": yasM, "B": sreM, "C": yasM, "D": youM, "E": opsM}
	for _, org := range orgs.AllOrgs {
		an := analyseSelf(t, teams(org))
		for name, topo := range want[org] {
			tv := teamVerdict(t, an, name)
			if tv.Topology != topo || tv.RunModel != models[name] {
				t.Errorf("S1 in %s: team %s has topology %d, run model %q; want %d, %q", org, name, tv.Topology, tv.RunModel, topo, models[name])
			}
		}
	}
}

func TestOrganizationLevelDominantPureAndMix(t *testing.T) {
	type tm = orgs.TopologyMix
	type rm = orgs.RunModelMix
	m := func(id orgs.RunModel, n int, share float64) rm { return rm{ID: id, DevTeams: n, Share: share} }
	tp := func(topo, n int, share float64) tm { return tm{Topology: topo, DevTeams: n, Share: share} }
	cases := []struct {
		name     string
		org      *orgs.Org
		model    *orgs.RunModel
		topo     *int
		pure     bool
		modelMix []rm
		topoMix  []tm
	}{
		{
			name: "run model tie goes to the earlier in spectrum order, whatever the file order",
			org:  newOrg(yas("A", "S"), yas("B", "S"), t1("C"), t1("D"), sreTeam("S", ops, 4)),
			// you-run-it 2, you-and-sre-run-it 2; topologies 5 and 1 tie: the lower wins
			model: ptr(youM), topo: ptr(1),
			modelMix: []rm{m(youM, 2, 0.5), m(yasM, 2, 0.5)},
			topoMix:  []tm{tp(1, 2, 0.5), tp(5, 2, 0.5)},
		},
		{
			name:  "sre-run-it wins a tie with ops-run-it",
			org:   newOrg(opsrun("A", "O"), srerun("B", "S"), opsTeam("O"), sreTeam("S", sreO, 4)),
			model: ptr(sreM), topo: ptr(9),
			modelMix: []rm{m(sreM, 1, 0.5), m(opsM, 1, 0.5)},
			topoMix:  []tm{tp(9, 1, 0.5)},
		},
		{
			name:  "ops-run-it wins a tie with unorganized; no topology at all",
			org:   newOrg(unorg("A"), opsrun("B", "O"), opsTeam("O")),
			model: ptr(opsM), topo: nil,
			modelMix: []rm{m(opsM, 1, 0.5), m(noneM, 1, 0.5)},
			topoMix:  []tm{},
		},
		{
			name:  "you-and-sre-run-it wins a tie with sre-run-it",
			org:   newOrg(srerun("A", "S"), yas("B", "S"), sreTeam("S", dev, 4)),
			model: ptr(yasM), topo: ptr(4),
			modelMix: []rm{m(yasM, 1, 0.5), m(sreM, 1, 0.5)},
			topoMix:  []tm{tp(4, 1, 0.5), tp(7, 1, 0.5)},
		},
		{
			name:  "more dev teams beat spectrum order; shares rounded to 4 decimals",
			org:   newOrg(t1("A"), srerun("B", "S"), srerun("C", "S"), sreTeam("S", dev, 4)),
			model: ptr(sreM), topo: ptr(7),
			modelMix: []rm{m(youM, 1, 0.3333), m(sreM, 2, 0.6667)},
			topoMix:  []tm{tp(1, 1, 0.3333), tp(7, 2, 0.6667)},
		},
		{
			name: "topology tie goes to the lower number, whatever the file order",
			org:  newOrg(srerun("A", "S"), srerun("B", "S"), t2("C"), t2("D"), sreTeam("S", ops, 4)),
			// you-run-it 2 and sre-run-it 2 tie too
			model: ptr(youM), topo: ptr(2),
			modelMix: []rm{m(youM, 2, 0.5), m(sreM, 2, 0.5)},
			topoMix:  []tm{tp(2, 2, 0.5), tp(8, 2, 0.5)},
		},
		{
			name:  "topology tie within one run model",
			org:   newOrg(yas("A", "SR"), yas("B", "SD"), sreTeam("SR", sreO, 3), sreTeam("SD", dev, 3)),
			model: ptr(yasM), topo: ptr(4),
			modelMix: []rm{m(yasM, 2, 1)},
			topoMix:  []tm{tp(4, 1, 0.5), tp(6, 1, 0.5)},
		},
		{
			name: "ops-run-it dominant has no topology, whatever its minority does",
			org: newOrg(opsrun("A", "O"), opsrun("B", "O"), unorg("C"), unorg("D"), srerun("E", "S"),
				opsTeam("O"), sreTeam("S", sreO, 4)),
			model: ptr(opsM), topo: nil,
			modelMix: []rm{m(sreM, 1, 0.2), m(opsM, 2, 0.4), m(noneM, 2, 0.4)},
			topoMix:  []tm{tp(9, 1, 0.2)},
		},
		{
			name:  "pure: every dev team has the same topology",
			org:   newOrg(yas("A", "S"), yas("B", "S"), yas("C", "S"), sreTeam("S", dev, 4)),
			model: ptr(yasM), topo: ptr(4), pure: true,
			modelMix: []rm{m(yasM, 3, 1)},
			topoMix:  []tm{tp(4, 3, 1)},
		},
		{
			name:  "same run model, different topologies: not pure",
			org:   newOrg(t1("A"), t1("B"), t2("C")),
			model: ptr(youM), topo: ptr(1),
			modelMix: []rm{m(youM, 3, 1)},
			topoMix:  []tm{tp(1, 2, 0.6667), tp(2, 1, 0.3333)},
		},
		{
			name:  "one unorganized dev team makes it not pure",
			org:   newOrg(t1("A"), t1("B"), t1("C"), unorg("D")),
			model: ptr(youM), topo: ptr(1),
			modelMix: []rm{m(youM, 3, 0.75), m(noneM, 1, 0.25)},
			topoMix:  []tm{tp(1, 3, 0.75)},
		},
		{
			name:  "one ops-run-it dev team makes it not pure",
			org:   newOrg(srerun("A", "S"), opsrun("B", "O"), srerun("C", "S"), sreTeam("S", ops, 5), opsTeam("O")),
			model: ptr(sreM), topo: ptr(8),
			modelMix: []rm{m(sreM, 2, 0.6667), m(opsM, 1, 0.3333)},
			topoMix:  []tm{tp(8, 2, 0.6667)},
		},
		{
			name:  "only unorganized dev teams: dominant unorganized, no topology, not pure",
			org:   newOrg(unorg("A"), unorg("B")),
			model: ptr(noneM), topo: nil,
			modelMix: []rm{m(noneM, 2, 1)},
			topoMix:  []tm{},
		},
		{
			name:  "no dev team: no dominant model or topology, not pure",
			org:   newOrg(opsTeam("O"), sreTeam("S", sreO, 3), infra("I", ops)),
			model: nil, topo: nil,
			modelMix: []rm{},
			topoMix:  []tm{},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			an := analyseSelf(t, c.org)
			if !eqPtr(an.RunModel.Dominant, c.model) {
				t.Errorf("dominant run model %v, want %v", show(an.RunModel.Dominant), show(c.model))
			}
			if !eqPtr(an.Topology.Dominant, c.topo) {
				t.Errorf("dominant topology %v, want %v", show(an.Topology.Dominant), show(c.topo))
			}
			if an.Topology.Pure != c.pure {
				t.Errorf("pure %v, want %v", an.Topology.Pure, c.pure)
			}
			if len(an.RunModel.Mix) != len(c.modelMix) || (len(c.modelMix) > 0 && !reflect.DeepEqual(an.RunModel.Mix, c.modelMix)) {
				t.Errorf("run model mix %+v, want %+v", an.RunModel.Mix, c.modelMix)
			}
			if len(an.Topology.Mix) != len(c.topoMix) || (len(c.topoMix) > 0 && !reflect.DeepEqual(an.Topology.Mix, c.topoMix)) {
				t.Errorf("topology mix %+v, want %+v", an.Topology.Mix, c.topoMix)
			}
			if got := advisory(an, "no-dev-teams") != nil; got != (c.model == nil) {
				t.Errorf("no-dev-teams advisory present %v, want %v", got, c.model == nil)
			}
		})
	}
}

// TestDominantTopologyWithinTheDominantModel: the headline names the most common topology
// among the dev teams of the dominant run model, so it never contradicts itself, and says
// how many dev teams each part covers (our rule, v2).
func TestDominantTopologyWithinTheDominantModel(t *testing.T) {
	cases := []struct {
		name   string
		org    *orgs.Org
		model  *orgs.RunModel
		modelN int
		topo   *int
		topoN  int
	}{
		{"three_unorganized_of_seven_have_no_headline_topology_because_the_organization_is_mostly_outside_the_nine",
			newOrg(unorg("U1"), unorg("U2"), unorg("U3"), t1("A"), t1("B"), yas("C", "S"), srerun("D", "S"), sreTeam("S", ops, 3)),
			ptr(noneM), 3, nil, 0},
		{"four_you-run-it_beside_five_you-and-SRE_teams_give_topology_4_not_1_because_the_topology_comes_from_the_dominant_model",
			newOrg(t1("A"), t1("B"), t1("C"), t1("D"),
				yas("E", "SD"), yas("F", "SD"), yas("G", "SO"), yas("H", "SO"), yas("I", "SS"),
				sreTeam("SD", dev, 3), sreTeam("SO", ops, 3), sreTeam("SS", sreO, 3)),
			ptr(yasM), 5, ptr(4), 2},
		{"ops_run_it_dominant_has_no_topology_and_counts_its_teams",
			newOrg(opsrun("A", "O"), opsrun("B", "O"), t1("C"), opsTeam("O")),
			ptr(opsM), 2, nil, 0},
		{"no_dev_team_counts_nothing", newOrg(opsTeam("O")), nil, 0, nil, 0},
		{"a_pure_topology_covers_every_dev_team", newOrg(t2("A"), t2("B"), t2("C")), ptr(youM), 3, ptr(2), 3},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			an := analyseSelf(t, c.org)
			if !eqPtr(an.RunModel.Dominant, c.model) || an.RunModel.DominantDevTeams != c.modelN {
				t.Errorf("run model %v (%d dev teams), want %v (%d)", show(an.RunModel.Dominant), an.RunModel.DominantDevTeams, show(c.model), c.modelN)
			}
			if !eqPtr(an.Topology.Dominant, c.topo) || an.Topology.DominantDevTeams != c.topoN {
				t.Errorf("topology %v (%d dev teams), want %v (%d)", show(an.Topology.Dominant), an.Topology.DominantDevTeams, show(c.topo), c.topoN)
			}
		})
	}
}

func TestSummaryCounts(t *testing.T) {
	o := newOrg(hc(t1("A"), 7), hc(yas("B", "S"), 6), hc(unorg("C"), 2), hc(sreTeam("S", ops, 3), 3), hc(opsTeam("O"), 9), hc(infra("I", ops), 4))
	an := analyseSelf(t, o)
	want := orgs.Summary{Teams: 6, DevTeams: 3, Headcount: 7 + 6 + 2 + 3 + 9 + 4}
	if an.Summary != want {
		t.Errorf("summary %+v, want %+v", an.Summary, want)
	}
}

// Analyse is a pure function of its two models: it changes neither, and an Analyser reused
// for several models gives what a fresh analysis gives.
func TestAnalyseIsPure(t *testing.T) {
	base := withPerHead(newOrg(t1("A"), srerun("B", "S"), sreTeam("S", ops, 3), infra("I", ops)), 1000)
	cur := withPositioning(newOrg(t2("A"), yas("B", "S"), sreTeam("S", sreO, 3), infra("I", sreO), unorg("N")), orgs.PositionEnabler)
	baseCopy, curCopy := base.Clone(), cur.Clone()
	fresh := analyse(t, base, cur)
	if !reflect.DeepEqual(base, baseCopy) || !reflect.DeepEqual(cur, curCopy) {
		t.Fatal("Analyse changed one of its models")
	}
	an := orgs.NewAnalyser(base)
	_ = an.Analyse(base)
	again := an.Analyse(cur)
	if !reflect.DeepEqual(fresh, again) {
		t.Errorf("a reused Analyser disagrees with a fresh analysis:\n%+v\n%+v", again, fresh)
	}
}
