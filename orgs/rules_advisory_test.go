package orgs_test

// rules.md section 8: every advisory, firing and not firing, with its boundaries.

import (
	"fmt"
	"strings"
	"testing"

	"github.com/sretopo/sretopo/orgs"
)

// The severities of rules.md section 8.
var advisorySeverity = map[string]orgs.Severity{
	"no-dev-teams":          orgs.Warning,
	"unorganized":           orgs.Warning,
	"ops-run-it":            orgs.Info,
	"idle-sre-team":         orgs.Warning,
	"sre-team-undersized":   orgs.Warning,
	"many-sre-teams-in-dev": orgs.Info,
	"no-sre-infra":          orgs.Warning,
	"sre-infra-placement":   orgs.Info,
	"positioning-unset":     orgs.Info,
	"cost-center":           orgs.Info,
	"thin-rotation":         orgs.Warning,
}

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

		{"sre-infra-placement: no dominant topology, infra in the dev org", newOrg(opsrun("A", "O"), opsTeam("O"), infra("I", dev)), "sre-infra-placement", false, nil},
		{"sre-infra-placement: no dominant topology, infra in the SRE org", newOrg(unorg("A"), infra("I", sreO)), "sre-infra-placement", false, nil},
		{"sre-infra-placement: no dev team, infra in the SRE org", newOrg(infra("I", sreO)), "sre-infra-placement", false, nil},
		{"sre-infra-placement names only the misplaced team",
			newOrg(t1("A"), infra("I1", ops), infra("I2", sreO), infra("I3", dev)), "sre-infra-placement", true, []string{"I2", "I3"}},
		{"sre-infra-placement follows the dominant topology, not the majority of teams",
			// dominant topology 6 (2 teams) over 5 and 1 (1 each); the SRE org is expected
			newOrg(yas("A", "SS"), yas("B", "SS"), yas("C", "SO"), t1("D"), sreTeam("SS", sreO, 3), sreTeam("SO", ops, 3), infra("I", ops)),
			"sre-infra-placement", true, []string{"I"}},

		{"positioning-unset fires for an SRE org with teams", newOrg(srerun("A", "S"), sreTeam("S", sreO, 3), infra("I", sreO)), "positioning-unset", true, nil},
		{"positioning-unset quiet when set", withPositioning(newOrg(srerun("A", "S"), sreTeam("S", sreO, 3), infra("I", sreO)), orgs.PositionPartner), "positioning-unset", false, nil},
		{"positioning-unset quiet without an SRE org", newOrg(srerun("A", "S"), sreTeam("S", ops, 3), infra("I", ops)), "positioning-unset", false, nil},

		{"cost-center fires for an SRE org with teams", withPositioning(newOrg(srerun("A", "S"), sreTeam("S", sreO, 3), infra("I", sreO)), orgs.PositionCostCenter), "cost-center", true, nil},
		{"cost-center quiet without an SRE org", withPositioning(newOrg(srerun("A", "S"), sreTeam("S", ops, 3), infra("I", ops)), orgs.PositionCostCenter), "cost-center", false, nil},
		{"cost-center quiet for enabler", withPositioning(newOrg(srerun("A", "S"), sreTeam("S", sreO, 3), infra("I", sreO)), orgs.PositionEnabler), "cost-center", false, nil},

		{"thin-rotation fires at 24x7 with 7", newOrg(onCall(hc(t1("A"), 7), orgs.OnCall24x7), infra("I", ops)), "thin-rotation", true, []string{"A"}},
		{"thin-rotation quiet at 24x7 with 8", newOrg(onCall(hc(t1("A"), 8), orgs.OnCall24x7), infra("I", ops)), "thin-rotation", false, nil},
		{"thin-rotation quiet at 24x5 with 3", newOrg(onCall(hc(t1("A"), 3), orgs.OnCall24x5), infra("I", ops)), "thin-rotation", false, nil},
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

// The SRE infrastructure team belongs in the ops org for topologies 1-5, 7 and 8 and in the
// SRE org for 6 and 9 (domain.md section 4): for each pure topology, the wrong place fires.
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
	expected := map[int]orgs.OrgID{1: ops, 2: ops, 3: ops, 4: ops, 5: ops, 6: sreO, 7: ops, 8: ops, 9: sreO}
	for n := 1; n <= 9; n++ {
		for _, place := range orgs.AllOrgs {
			o := withPositioning(newOrg(append(devTeams(n), infra("I", place))...), orgs.PositionEnabler)
			an := analyseSelf(t, o)
			if d := an.Topology.Dominant; d == nil || *d != n || !an.Topology.Pure {
				t.Fatalf("test model for topology %d is topology %v", n, show(d))
			}
			a := advisory(an, "sre-infra-placement")
			if wantFire := place != expected[n]; (a != nil) != wantFire {
				t.Errorf("topology %d, sre-infra in %s: sre-infra-placement fired %v, want %v", n, place, a != nil, wantFire)
			} else if a != nil {
				checkAdvisory(t, *a, []string{"I"})
				if !strings.Contains(a.Message, string(expected[n])) {
					t.Errorf("topology %d: message %q does not say where the team belongs (%s org)", n, a.Message, expected[n])
				}
			}
		}
	}
}

// A well-formed organization gets no advice at all.
func TestNoAdvisoriesForASoundOrganization(t *testing.T) {
	sound := []*orgs.Org{
		newOrg(t1("A"), t2("B"), infra("I", ops)),
		withPositioning(newOrg(yas("A", "S"), srerun("B", "S"), sreTeam("S", sreO, 8), infra("I", sreO), opsTeam("O")), orgs.PositionEnabler),
		newOrg(yas("A", "S"), yas("B", "S"), onCall(hc(sreTeam("S", ops, 8), 8), orgs.OnCall24x7), infra("I", ops)),
	}
	for i, o := range sound {
		if an := analyseSelf(t, o); len(an.Advisories) != 0 {
			t.Errorf("organization #%d: advisories %+v, want none", i+1, an.Advisories)
		}
	}
}

// Every advisory of an organization that triggers them all carries its code's severity; the
// codes are exactly rules.md's.
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
	}
	got := map[string]bool{}
	for _, a := range an.Advisories {
		if got[a.Code] {
			t.Errorf("advisory %s listed twice", a.Code)
		}
		got[a.Code] = true
		sev, known := advisorySeverity[a.Code]
		if !known {
			t.Errorf("advisory code %q is not one of rules.md's", a.Code)
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

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}
