package orgs_test

// docs/rules.md, advisories: every advisory, firing and not firing, with its boundaries.

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/sretopo/sretopo/orgs"
)

// The severities of docs/rules.md.
var advisorySeverity = map[string]orgs.Severity{
	"no-dev-teams":           orgs.Warning,
	"unorganized":            orgs.Warning,
	"ops-run-it":             orgs.Info,
	"idle-sre-team":          orgs.Warning,
	"nobody-on-call":         orgs.Warning,
	"sre-org-not-called-for": orgs.Info,
	"sre-team-undersized":    orgs.Warning,
	"many-sre-teams-in-dev":  orgs.Info,
	"no-sre-infra":           orgs.Warning,
	"sre-infra-placement":    orgs.Info,
	"positioning-unset":      orgs.Info,
	"cost-center":            orgs.Info,
	"thin-rotation":          orgs.Warning,
	"likely-breach":          orgs.Warning,
	"coverage-gap":           orgs.Warning,
	"high-target-ops-run":    orgs.Warning,
	"sre-run-over-budget":    orgs.Warning,
}

// withRole positions the SRE role outside an SRE org.
func withRole(o *orgs.Org, p orgs.Positioning) *orgs.Org { o.SRERole.Positioning = p; return o }

func TestAdvisories(t *testing.T) {
	cases := []struct {
		name  string
		org   *orgs.Org
		code  string
		fires bool
		teams []string // the teams the advisory names, when it fires
	}{
		{"no-dev-teams fires without a dev team", newOrg(opsTeam("O"), infra("I", ops)), "no-dev-teams", true, nil},
		{"no-dev-teams fires on an empty organization", newOrg(), "no-dev-teams", true, nil},
		{"no-dev-teams quiet with one dev team", newOrg(opsrun("A", "O"), opsTeam("O")), "no-dev-teams", false, nil},

		{"unorganized fires for run = none", newOrg(t1("A"), unorg("U"), unorg("V"), infra("I", ops)), "unorganized", true, []string{"U", "V"}},
		{"unorganized quiet otherwise", newOrg(t1("A"), opsrun("P", "O"), opsTeam("O"), infra("I", ops)), "unorganized", false, nil},

		{"ops-run-it fires for run = ops", newOrg(t1("A"), opsrun("P", "O"), opsTeam("O"), infra("I", ops)), "ops-run-it", true, []string{"P"}},
		{"ops-run-it quiet otherwise", newOrg(t1("A"), unorg("U"), opsTeam("O"), infra("I", ops)), "ops-run-it", false, nil},

		{"idle-sre-team fires for an SRE team nobody names", newOrg(t1("A"), sreTeam("S", sreO, 3), infra("I", ops)), "idle-sre-team", true, []string{"S"}},
		{"idle-sre-team names only the idle one", newOrg(yas("A", "S"), sreTeam("S", ops, 3), sreTeam("T", dev, 3), infra("I", ops)), "idle-sre-team", true, []string{"T"}},
		{"idle-sre-team quiet when named by you-and-sre", newOrg(yas("A", "S"), sreTeam("S", ops, 3), infra("I", ops)), "idle-sre-team", false, nil},
		{"idle-sre-team quiet when named by sre", newOrg(srerun("A", "S"), sreTeam("S", ops, 3), infra("I", ops)), "idle-sre-team", false, nil},
		{"idle-sre-team not about sre-infra or ops teams", newOrg(t1("A"), infra("I", ops), opsTeam("O")), "idle-sre-team", false, nil},

		{"sre-team-undersized quiet at dev teams == headcount",
			newOrg(yas("A", "S"), yas("B", "S"), sreTeam("S", ops, 2), infra("I", ops)), "sre-team-undersized", false, nil},
		{"sre-team-undersized fires at dev teams == headcount + 1",
			newOrg(yas("A", "S"), yas("B", "S"), yas("C", "S"), sreTeam("S", ops, 2), infra("I", ops)), "sre-team-undersized", true, []string{"S"}},
		{"sre-team-undersized counts only shared on call (you-and-sre), not sre-run",
			newOrg(srerun("A", "S"), srerun("B", "S"), srerun("C", "S"), sreTeam("S", ops, 1), infra("I", ops)), "sre-team-undersized", false, nil},
		{"sre-team-undersized: two shared plus one sre-run with two people",
			newOrg(yas("A", "S"), yas("B", "S"), srerun("C", "S"), sreTeam("S", ops, 2), infra("I", ops)), "sre-team-undersized", false, nil},
		{"sre-team-undersized names only the undersized team",
			newOrg(yas("A", "S"), yas("B", "S"), yas("C", "T"), sreTeam("S", sreO, 1), sreTeam("T", sreO, 1), infra("I", sreO)), "sre-team-undersized", true, []string{"S"}},

		{"many-sre-teams-in-dev quiet at two",
			newOrg(yas("A", "S1"), srerun("B", "S2"), sreTeam("S1", dev, 3), sreTeam("S2", dev, 3), infra("I", ops)), "many-sre-teams-in-dev", false, nil},
		{"many-sre-teams-in-dev fires at three",
			newOrg(yas("A", "S1"), srerun("B", "S2"), yas("C", "S3"), sreTeam("S1", dev, 3), sreTeam("S2", dev, 3), sreTeam("S3", dev, 3), infra("I", ops)),
			"many-sre-teams-in-dev", true, []string{"S1", "S2", "S3"}},
		{"many-sre-teams-in-dev: an idle one does not serve",
			newOrg(yas("A", "S1"), srerun("B", "S2"), sreTeam("S1", dev, 3), sreTeam("S2", dev, 3), sreTeam("S3", dev, 3), infra("I", ops)),
			"many-sre-teams-in-dev", false, nil},
		{"many-sre-teams-in-dev: one of three sits in the ops org",
			newOrg(yas("A", "S1"), srerun("B", "S2"), yas("C", "S3"), sreTeam("S1", dev, 3), sreTeam("S2", dev, 3), sreTeam("S3", ops, 3), infra("I", ops)),
			"many-sre-teams-in-dev", false, nil},

		{"no-sre-infra fires with a you-run-it team", newOrg(t1("A")), "no-sre-infra", true, nil},
		{"no-sre-infra fires with an sre-run-it team next to ops-run", newOrg(opsrun("A", "O"), srerun("B", "S"), opsTeam("O"), sreTeam("S", ops, 3)), "no-sre-infra", true, nil},
		{"no-sre-infra quiet with an sre-infra team anywhere", newOrg(t1("A"), infra("I", dev)), "no-sre-infra", false, nil},
		{"no-sre-infra quiet when all dev teams are ops-run or unorganized", newOrg(opsrun("A", "O"), unorg("B"), opsTeam("O")), "no-sre-infra", false, nil},
		{"no-sre-infra quiet without dev teams", newOrg(opsTeam("O")), "no-sre-infra", false, nil},

		{"sre-infra-placement_under_ops_run_it_wants_the_ops_org_because_the_criteria_row_says_Ops_org", newOrg(opsrun("A", "O"), opsTeam("O"), infra("I", dev)), "sre-infra-placement", true, []string{"I"}},
		{"sre-infra-placement_is_silent_when_unorganized_dominates_because_unorganized_has_no_column", newOrg(unorg("A"), opsTeam("O"), infra("I", sreO)), "sre-infra-placement", false, nil},
		{"sre-infra-placement_is_silent_for_you_run_it_when_the_ops_org_holds_no_team_to_own_it", newOrg(t1("A"), infra("I", sreO)), "sre-infra-placement", false, nil},
		{"sre-infra-placement_under_sre_run_it_fires_for_the_dev_org_because_the_row_says_Either_SRE_or_ops_org",
			newOrg(srerun("A", "S"), sreTeam("S", sreO, 3), infra("I", dev)), "sre-infra-placement", true, []string{"I"}},
		{"sre-infra-placement: no dev team, infra in the SRE org", newOrg(infra("I", sreO)), "sre-infra-placement", false, nil},
		{"sre-infra-placement names only the misplaced team",
			newOrg(t1("A"), infra("I1", ops), infra("I2", sreO), infra("I3", dev)), "sre-infra-placement", true, []string{"I2", "I3"}},
		{"sre-infra-placement_leaves_the_infra_team_of_a_you-and-SRE-run-it_company_in_the_ops_org_because_the_row_says_Either_SRE_or_ops",
			// dominant topology 6 (2 teams), but the criteria row of the dominant model decides
			newOrg(yas("A", "SS"), yas("B", "SS"), yas("C", "SO"), t1("D"), sreTeam("SS", sreO, 3), sreTeam("SO", ops, 3), infra("I", ops)),
			"sre-infra-placement", false, nil},

		// against itself nothing is new: the talk positions "a newly created SRE Org"
		// (TestPositioningUnsetOnlyWhenNew has the baselines without one)
		{"positioning-unset quiet for an SRE org that is not new", newOrg(srerun("A", "S"), sreTeam("S", sreO, 3), infra("I", sreO)), "positioning-unset", false, nil},
		{"positioning-unset quiet when set", withPositioning(newOrg(srerun("A", "S"), sreTeam("S", sreO, 3), infra("I", sreO)), orgs.PositionPartner), "positioning-unset", false, nil},
		{"positioning-unset quiet without an SRE org or an SRE role", newOrg(t1("A"), infra("I", ops)), "positioning-unset", false, nil},
		{"positioning-unset quiet for an SRE role that is not new", newOrg(t2("A"), infra("I", ops)), "positioning-unset", false, nil},
		{"positioning-unset quiet for an SRE role that is set", withRole(newOrg(t2("A"), infra("I", ops)), orgs.PositionEnabler), "positioning-unset", false, nil},

		{"cost-center fires for an SRE org with teams", withPositioning(newOrg(srerun("A", "S"), sreTeam("S", sreO, 3), infra("I", sreO)), orgs.PositionCostCenter), "cost-center", true, nil},
		{"cost-center_quiet_for_an_SRE_org_without_teams_because_only_an_org_that_exists_is_positioned", withRole(withPositioning(newOrg(srerun("A", "S"), sreTeam("S", ops, 3), infra("I", ops)), orgs.PositionCostCenter), orgs.PositionAsset), "cost-center", false, nil},
		{"cost-center_fires_for_an_SRE_role_positioned_as_a_cost_center", withRole(newOrg(t3("A"), infra("I", ops)), orgs.PositionCostCenter), "cost-center", true, nil},
		{"cost-center quiet for a cost-center SRE role that does not exist", withRole(newOrg(t1("A"), infra("I", ops)), orgs.PositionCostCenter), "cost-center", false, nil},
		{"cost-center quiet for enabler", withPositioning(newOrg(srerun("A", "S"), sreTeam("S", sreO, 3), infra("I", sreO)), orgs.PositionEnabler), "cost-center", false, nil},

		{"thin-rotation fires at 24x7 with 7", newOrg(onCall(hc(t1("A"), 7), orgs.OnCall24x7), infra("I", ops)), "thin-rotation", true, []string{"A"}},
		{"thin-rotation quiet at 24x7 with 8", newOrg(onCall(hc(t1("A"), 8), orgs.OnCall24x7), infra("I", ops)), "thin-rotation", false, nil},
		// the book: "each engineer is on-call (primary or secondary) for one week every month"
		{"thin-rotation fires at 24x5 with 6 (minimum 8)", newOrg(onCall(hc(t1("A"), 6), orgs.OnCall24x5), infra("I", ops)), "thin-rotation", true, []string{"A"}},
		{"thin-rotation quiet at 24x5 with 8", newOrg(onCall(hc(t1("A"), 8), orgs.OnCall24x5), infra("I", ops)), "thin-rotation", false, nil},
		{"thin-rotation fires at 8x5 with 3 (minimum 4, no secondary)", newOrg(onCall(hc(t1("A"), 3), orgs.OnCall8x5), infra("I", ops)), "thin-rotation", true, []string{"A"}},
		// rules.md 10 (v3): run models are labels; a team that runs services with nobody
		// on call says so
		{"nobody-on-call fires for a dev team running its own services", newOrg(onCall(t1("A"), orgs.OnCall8x5), t1("B"), infra("I", ops)), "nobody-on-call", true, []string{"B"}},
		{"nobody-on-call fires for the SRE team a dev team runs with", newOrg(onCall(srerun("A", "S"), orgs.OnCall8x5), sreTeam("S", sreO, 8), infra("I", sreO)), "nobody-on-call", true, []string{"S"}},
		{"nobody-on-call quiet when everyone responding is on call", newOrg(onCall(srerun("A", "S"), orgs.OnCall8x5), onCall(sreTeam("S", sreO, 8), orgs.OnCall24x7), infra("I", sreO)), "nobody-on-call", false, nil},
		{"nobody-on-call quiet for a team nobody runs with", newOrg(onCall(t1("A"), orgs.OnCall8x5), unorg("U"), infra("I", ops)), "nobody-on-call", false, nil},
		// rules.md 7 (v3): "Not applicable" for a distinct SRE organization under you run it
		{"sre-org-not-called-for fires under you run it", newOrg(t1("A"), t1("B"), in(t1("C"), sreO), infra("I", ops)), "sre-org-not-called-for", true, nil},
		{"sre-org-not-called-for quiet under SRE run it", newOrg(srerun("A", "S"), sreTeam("S", sreO, 3), infra("I", sreO)), "sre-org-not-called-for", false, nil},
		{"thin-rotation quiet at 8x7 with 4", newOrg(onCall(hc(t1("A"), 4), orgs.OnCall8x7), infra("I", ops)), "thin-rotation", false, nil},
		{"thin-rotation for any kind of team",
			newOrg(t1("A"), onCall(hc(opsTeam("O"), 5), orgs.OnCall24x7), onCall(hc(infra("I", ops), 1), orgs.OnCall24x7), onCall(hc(opsTeam("P"), 12), orgs.OnCall24x7)),
			"thin-rotation", true, []string{"O", "I"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			an := analyseSelf(t, c.org)
			a := advisory(an, c.code)
			if !c.fires {
				if a != nil {
					t.Errorf("advisory %s fired (%+v), want it quiet", c.code, *a)
				}
				return
			}
			if a == nil {
				t.Fatalf("advisory %s did not fire; got %v", c.code, codes(an))
			}
			checkAdvisory(t, *a, c.teams)
		})
	}
}

// checkAdvisory checks an advisory's severity, teams and that its message names them.
func checkAdvisory(t *testing.T, a orgs.Advisory, teams []string) {
	t.Helper()
	if a.Severity != advisorySeverity[a.Code] {
		t.Errorf("advisory %s: severity %q, want %q", a.Code, a.Severity, advisorySeverity[a.Code])
	}
	if fmt.Sprint(sorted(a.Teams)) != fmt.Sprint(sorted(teams)) {
		t.Errorf("advisory %s: teams %q, want %q", a.Code, a.Teams, teams)
	}
	if a.Message == "" {
		t.Errorf("advisory %s has no message", a.Code)
	}
	for _, name := range teams {
		if !strings.Contains(a.Message, name) {
			t.Errorf("advisory %s: message %q does not name team %q", a.Code, a.Message, name)
		}
	}
}

// The criteria row "Ownership of the SRE infrastructure" puts the infrastructure team in the
// ops org under you run it and in the SRE or ops org under you and SRE run it and SRE run
// it: for each pure topology, every other place fires (an ops team keeps the ops org
// holding a team).
func TestSREInfraPlacementForEachTopology(t *testing.T) {
	devTeams := func(n int) []orgs.Team {
		partnerOrg := []orgs.OrgID{dev, ops, sreO}[(n-1)%3]
		switch {
		case n == 1:
			return []orgs.Team{t1("A"), t1("B")}
		case n == 2:
			return []orgs.Team{t2("A"), t2("B")}
		case n == 3:
			return []orgs.Team{t3("A"), t3("B")}
		case n <= 6:
			return []orgs.Team{yas("A", "S"), yas("B", "S"), sreTeam("S", partnerOrg, 4)}
		}
		return []orgs.Team{srerun("A", "S"), srerun("B", "S"), sreTeam("S", partnerOrg, 4)}
	}
	for n := 1; n <= 9; n++ {
		allowed := []orgs.OrgID{ops}
		if n >= 4 {
			allowed = []orgs.OrgID{sreO, ops}
		}
		for _, place := range orgs.AllOrgs {
			o := withPositioning(newOrg(append(devTeams(n), infra("I", place), opsTeam("O"))...), orgs.PositionEnabler)
			an := analyseSelf(t, o)
			if d := an.Topology.Dominant; d == nil || *d != n || !an.Topology.Pure {
				t.Fatalf("test model for topology %d is topology %v", n, show(d))
			}
			a := advisory(an, "sre-infra-placement")
			if wantFire := !slices.Contains(allowed, place); (a != nil) != wantFire {
				t.Errorf("topology %d, sre-infra in %s: sre-infra-placement fired %v, want %v", n, place, a != nil, wantFire)
			} else if a != nil {
				checkAdvisory(t, *a, []string{"I"})
				for _, org := range allowed {
					if !strings.Contains(a.Message, org.Phrase()) {
						t.Errorf("topology %d: message %q does not say the team belongs in %s", n, a.Message, org.Phrase())
					}
				}
			}
		}
	}
}

// A well-formed organization gets no advice at all.
func TestNoAdvisoriesForASoundOrganization(t *testing.T) {
	day := func(t orgs.Team) orgs.Team { return onCall(t, orgs.OnCall8x5) }
	sound := []*orgs.Org{
		withRole(newOrg(day(t1("A")), day(t2("B")), infra("I", ops)), orgs.PositionPartner),
		withPositioning(newOrg(day(yas("A", "S")), srerun("B", "S"), onCall(hc(sreTeam("S", sreO, 8), 8), orgs.OnCall24x7), infra("I", sreO), opsTeam("O")), orgs.PositionEnabler),
		withRole(newOrg(day(yas("A", "S")), day(yas("B", "S")), onCall(hc(sreTeam("S", ops, 8), 8), orgs.OnCall24x7), infra("I", ops)), orgs.PositionEnabler),
	}
	for i, o := range sound {
		if an := analyseSelf(t, o); len(an.Advisories) != 0 {
			t.Errorf("organization #%d: advisories %+v, want none", i+1, an.Advisories)
		}
	}
}

// Every advisory of an organization that triggers them all carries its code's severity; the
// codes are exactly docs/rules.md's.
func TestAdvisoryCodesAndSeverities(t *testing.T) {
	o := withPositioning(newOrg(
		unorg("U"), opsrun("P", "O"), opsTeam("O"),
		yas("A", "S1"), yas("B", "S1"), srerun("C", "S2"), yas("D", "S3"),
		sreTeam("S1", dev, 1), sreTeam("S2", dev, 3), sreTeam("S3", dev, 3), sreTeam("Idle", sreO, 2),
		onCall(hc(opsTeam("Night"), 4), orgs.OnCall24x7),
	), orgs.PositionCostCenter)
	an := analyseSelf(t, o)
	want := map[string]bool{
		"unorganized": true, "ops-run-it": true, "idle-sre-team": true, "sre-team-undersized": true,
		"many-sre-teams-in-dev": true, "no-sre-infra": true, "cost-center": true, "thin-rotation": true,
		"nobody-on-call": true, // the dev teams and SRE teams that run services, none on call
	}
	got := map[string]bool{}
	for _, a := range an.Advisories {
		if got[a.Code] {
			t.Errorf("advisory %s listed twice", a.Code)
		}
		got[a.Code] = true
		sev, known := advisorySeverity[a.Code]
		if !known {
			t.Errorf("advisory code %q is not one of docs/rules.md's", a.Code)
		} else if a.Severity != sev {
			t.Errorf("advisory %s: severity %q, want %q", a.Code, a.Severity, sev)
		}
		if a.Teams == nil {
			t.Errorf("advisory %s: teams is nil, want a list (JSON [])", a.Code)
		}
	}
	if fmt.Sprint(sorted(keys(got))) != fmt.Sprint(sorted(keys(want))) {
		t.Errorf("advisories %v, want %v", sorted(keys(got)), sorted(keys(want)))
	}
}

// TestAdvisoryTable: the advisory table is docs/rules.md's, in its order, with its severities;
// the analysis lists the raised ones warnings first, then in table order.
func TestAdvisoryTable(t *testing.T) {
	order := []string{"no-dev-teams", "unorganized", "ops-run-it", "nobody-on-call", "idle-sre-team", "sre-team-undersized", "many-sre-teams-in-dev",
		"no-sre-infra", "sre-infra-placement", "positioning-unset", "sre-org-not-called-for", "cost-center", "thin-rotation",
		"likely-breach", "coverage-gap", "high-target-ops-run", "sre-run-over-budget"}
	var got []string
	for _, r := range orgs.AdvisoryRules() {
		got = append(got, r.Code)
		if r.Severity != advisorySeverity[r.Code] {
			t.Errorf("%s: severity %q, want %q", r.Code, r.Severity, advisorySeverity[r.Code])
		}
	}
	if !slices.Equal(got, order) {
		t.Errorf("advisory table %v, want %v", got, order)
	}
	o := withPositioning(newOrg(unorg("U"), opsrun("P", "O"), opsTeam("O"), sreTeam("S", sreO, 2)), orgs.PositionCostCenter)
	// no-sre-infra stays quiet: nothing runs under a model other than ops run it and unorganized
	if got, want := codes(analyseSelf(t, o)), []string{"unorganized", "nobody-on-call", "idle-sre-team", "ops-run-it", "sre-org-not-called-for", "cost-center"}; !slices.Equal(got, want) {
		t.Errorf("advisories %v, want %v (warnings first, then table order)", got, want)
	}
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestPositioningUnsetOnlyWhenNew: the talk says "Position a newly created SRE Org if any"
// (rules.md 7, v3): the advice comes for an SRE org or role new against the baseline, never for
// one that was there, nor for an SRE org the dominant model does not call for.
func TestPositioningUnsetOnlyWhenNew(t *testing.T) {
	day := func(t orgs.Team) orgs.Team { return onCall(t, orgs.OnCall8x5) }
	base := newOrg(day(t1("A")), day(t1("B")), infra("I", ops))
	cases := []struct {
		name  string
		cur   *orgs.Org
		fires bool
	}{
		{"a new SRE org running the services", newOrg(day(srerun("A", "S")), day(srerun("B", "S")), sreTeam("S", sreO, 3), infra("I", sreO)), true},
		{"a new SRE team in the ops org (a new SRE role)", newOrg(day(yas("A", "S")), day(t1("B")), sreTeam("S", ops, 3), infra("I", ops)), true},
		{"a new dedicated SRE in a dev team", newOrg(day(t2("A")), day(t1("B")), infra("I", ops)), true},
		{"a new SRE org set to enabler", withPositioning(newOrg(day(srerun("A", "S")), day(srerun("B", "S")), sreTeam("S", sreO, 3), infra("I", sreO)), orgs.PositionEnabler), false},
		{"a new SRE org the model does not call for", newOrg(day(t1("A")), day(t1("B")), in(day(t1("C")), sreO), infra("I", ops)), false},
	}
	for _, c := range cases {
		an := orgs.Analyse(base, c.cur)
		if a := advisory(an, "positioning-unset"); (a != nil) != c.fires {
			t.Errorf("%s: positioning-unset %v, want %v (advisories %v)", c.name, a != nil, c.fires, codes(an))
		}
	}
}
