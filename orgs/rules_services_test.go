package orgs_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/sretopo/sretopo/orgs"
)

// The rules of docs/rules.md version 2 that count services' effective runs, checked on the
// analysis itself (what the report, the JSON and the dashboard read).

// svc is a service of team, running as its team unless run is set.
func svc(name, team string, run orgs.Run, runWith string) orgs.Service {
	return orgs.Service{Name: name, Team: team, Run: run, RunWith: runWith}
}

func withServices(o *orgs.Org, services ...orgs.Service) *orgs.Org {
	o.Services = services
	return o
}

func TestServicesInTheOrganizationVerdicts(t *testing.T) {
	cases := []struct {
		name  string
		org   *orgs.Org
		check func(t *testing.T, an *orgs.Analysis)
	}{
		{"a service run by ops makes topology 1 not pure", withServices(newOrg(t1("A"), opsTeam("O"), infra("I", ops)), svc("S", "A", orgs.RunOps, "O")),
			func(t *testing.T, an *orgs.Analysis) {
				if an.Topology.Pure {
					t.Error("pure, want not pure: service S is ops-run-it")
				}
				if a := advisory(an, "ops-run-it"); a == nil || !slices.Equal(a.Services, []string{"S"}) || len(a.Teams) != 0 {
					t.Errorf("ops-run-it %+v, want it naming service S and no team", a)
				}
			}},
		{"services that follow their team keep it pure", withServices(newOrg(t1("A"), infra("I", ops)), svc("S", "A", "", ""), svc("T", "A", orgs.RunYou, "")),
			func(t *testing.T, an *orgs.Analysis) {
				if !an.Topology.Pure {
					t.Error("not pure, want pure: every service is in topology 1")
				}
			}},
		{"a service run with an SRE team serves it: not idle, weighs toward its org", withServices(newOrg(t1("A"), sreTeam("S", sreO, 3), infra("I", ops)), svc("X", "A", orgs.RunSRE, "S")),
			func(t *testing.T, an *orgs.Analysis) {
				if advisory(an, "idle-sre-team") != nil {
					t.Error("idle-sre-team raised, but service X names S with run sre")
				}
				if an.Identity.People.Of(orgs.ReliabilityUXCentric) != 3 {
					t.Errorf("identity people %v, want S's 3 toward reliability-ux-centric", an.Identity.People)
				}
			}},
		{"a dev team sharing through its run and a service counts once", withServices(newOrg(yas("A", "S"), yas("B", "S"), t1("C"), sreTeam("S", sreO, 2), infra("I", ops)),
			svc("X", "A", orgs.RunYouAndSRE, "S")),
			func(t *testing.T, an *orgs.Analysis) {
				if advisory(an, "sre-team-undersized") != nil {
					t.Error("sre-team-undersized raised: A and B share with S (2 people), A counted twice")
				}
			}},
		{"a third dev team sharing through a service makes the SRE team undersized", withServices(newOrg(yas("A", "S"), yas("B", "S"), t1("C"), sreTeam("S", sreO, 2), infra("I", ops)),
			svc("X", "C", orgs.RunYouAndSRE, "S"), svc("Y", "C", orgs.RunYouAndSRE, "S")),
			func(t *testing.T, an *orgs.Analysis) {
				if a := advisory(an, "sre-team-undersized"); a == nil || !strings.Contains(a.Message, "3 dev teams") {
					t.Errorf("sre-team-undersized %+v, want it for 3 dev teams sharing with S", a)
				}
			}},
		{"sre-infra is CAPEX and wanted when only a service runs with SRE", withServices(newOrg(opsrun("A", "O"), opsTeam("O"), sreTeam("S", sreO, 2), infra("I", ops)),
			svc("X", "A", orgs.RunSRE, "S")),
			func(t *testing.T, an *orgs.Analysis) {
				if f := teamVerdict(t, an, "I").Funding; f != orgs.CAPEX {
					t.Errorf("sre-infra funding %s, want capex: service X is sre-run-it", f)
				}
			}},
		{"no-sre-infra when only a service runs under a topology", withServices(newOrg(opsrun("A", "O"), opsTeam("O")), svc("X", "A", orgs.RunYou, "")),
			func(t *testing.T, an *orgs.Analysis) {
				if advisory(an, "no-sre-infra") == nil {
					t.Error("no-sre-infra quiet, but service X is you-run-it")
				}
			}},
		{"a service run by nobody is unorganized", withServices(newOrg(t1("A"), infra("I", ops)), svc("X", "A", orgs.RunNone, "")),
			func(t *testing.T, an *orgs.Analysis) {
				if a := advisory(an, "unorganized"); a == nil || !slices.Equal(a.Services, []string{"X"}) {
					t.Errorf("unorganized %+v, want it naming service X", a)
				}
			}},
		{"service mix and services", withServices(newOrg(t1("A"), opsTeam("O"), infra("I", ops)), svc("X", "A", orgs.RunOps, "O"), svc("Y", "A", "", "")),
			func(t *testing.T, an *orgs.Analysis) {
				if an.ServiceMix == nil || len(an.ServiceMix.RunModel) != 2 || an.ServiceMix.RunModel[0].Services != 1 {
					t.Errorf("service mix %+v, want you-run-it 1 and ops-run-it 1", an.ServiceMix)
				}
				if len(an.Services) != 2 || !an.Services[0].Exception || an.Services[1].Exception {
					t.Errorf("services %+v, want X an exception and Y not", an.Services)
				}
			}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { c.check(t, analyseSelf(t, c.org)) })
	}
}

func TestServiceTransitionsAndDecisions(t *testing.T) {
	base := withServices(newOrg(t1("A"), t1("B"), opsTeam("O"), infra("I", ops)),
		svc("X", "A", "", ""), svc("Y", "A", "", ""), svc("Z", "B", orgs.RunOps, "O"))
	cur := base.Clone()
	cur.Services[1].Run, cur.Services[1].RunWith = orgs.RunOps, "O" // Y: an override added
	cur.Services[2].Run, cur.Services[2].RunWith = "", ""           // Z: its override removed
	cur.Teams[1].Headcount = 7                                      // B: staffing
	an := analyse(t, base, cur)

	var got []string
	for _, tr := range an.Transition.Services {
		got = append(got, tr.Service+": "+string(tr.From)+" -> "+string(tr.To)+" "+string(tr.Verdict))
	}
	want := []string{"Y: you-run-it -> ops-run-it unlikely", "Z: ops-run-it -> you-run-it possible"}
	if !slices.Equal(got, want) {
		t.Errorf("service transitions %q, want %q", got, want)
	}
	if an.Transition.Verdict != orgs.VerdictUnlikely {
		t.Errorf("organization's verdict %s, want unlikely (from service Y)", an.Transition.Verdict)
	}
	var subjects []string
	for _, d := range an.Transition.Decisions {
		subjects = append(subjects, string(d.Kind)+" "+d.Subject)
	}
	wantD := []string{"who-runs-it A / Y", "who-runs-it B / Z", "staffing B"}
	if !slices.Equal(subjects, wantD) {
		t.Errorf("decisions %q, want %q", subjects, wantD)
	}
}

func TestRotationChangeIsOneStaffingDecision(t *testing.T) {
	base := newOrg(onCall(hc(t1("A"), 6), orgs.OnCall24x5), infra("I", ops))
	cur := base.Clone()
	cur.Teams[0].Headcount = 8
	cur.Teams[0].Rotation = 5
	an := analyse(t, base, cur)
	if len(an.Transition.Decisions) != 1 {
		t.Fatalf("decisions %+v, want one staffing decision for A", an.Transition.Decisions)
	}
	d := an.Transition.Decisions[0]
	if d.Kind != orgs.DecideStaffing || !strings.Contains(d.Detail, "headcount from 6 to 8") || !strings.Contains(d.Detail, "rotation from unset to 5") {
		t.Errorf("decision %+v, want staffing with headcount and rotation", d)
	}
	// rotation 5 of 24x5 with a secondary (minimum 8): three to add, none to hire (the
	// team has 8); the baseline's 6 needed two
	if s := an.Staffing; s.Needed != 3 || s.Hires != 0 || s.Delta.Needed != 1 {
		t.Errorf("staffing %+v, want needed 3, hires 0, delta needed +1", s.StaffingTotals)
	}
	if a := advisory(an, "thin-rotation"); a == nil || !strings.Contains(a.Message, "add 3 to the rotation, hire 0") {
		t.Errorf("thin-rotation %+v, want add 3, hire 0", a)
	}
}

func TestMeasuredKPIs(t *testing.T) {
	used := func(x float64) *float64 { return &x }
	o := withServices(newOrg(srerun("A", "S"), sreTeam("S", orgs.OrgSRE, 4), infra("I", ops)),
		orgs.Service{Name: "X", Team: "A", ErrorBudgetUsed: used(0.5)}, orgs.Service{Name: "Y", Team: "A", ErrorBudgetUsed: used(1.5)})
	an := analyseSelf(t, o)
	for _, k := range an.KPIs {
		if k.Text != orgs.ErrorBudgetKPIText {
			continue
		}
		if k.Status != orgs.KPIMissed || k.Actual == nil || *k.Actual != 0.5 || *k.Target != 0.9 {
			t.Errorf("error budget KPI %+v, want missed with actual 0.5 and target 0.9", k.KPIMeasure)
		}
		if a := advisory(an, "sre-run-over-budget"); a == nil || !slices.Equal(a.Services, []string{"Y"}) || !slices.Equal(a.Teams, []string{"A"}) {
			t.Errorf("sre-run-over-budget %+v, want service Y of team A", a)
		}
		return
	}
	t.Errorf("no error budget KPI among %+v", an.KPIs)
}

func TestDiffReportsServicesAndStaffing(t *testing.T) {
	base := withServices(newOrg(t1("A"), t1("B"), onCall(hc(opsTeam("O"), 8), orgs.OnCall24x5), infra("I", ops)),
		svc("X", "A", "", ""), svc("Y", "A", "", ""), svc("Gone", "B", "", ""))
	cur := base.Clone()
	cur.Services[0].Run, cur.Services[0].RunWith = orgs.RunOps, "O" // X: override added
	cur.Services[1].Team = "B"                                      // Y: moved
	cur.Services = append(cur.Services[:2], svc("New", "B", "", ""))
	cur.Teams[2].OnCall, cur.Teams[2].Headcount = orgs.OnCall24x7, 6 // O: 6 people, minimum 8
	d := orgs.Compare("a.toml", base, "b.toml", cur)
	if len(d.ServiceChanges) != 1 || d.ServiceChanges[0].Subject != "A / X" {
		t.Errorf("service changes %+v, want A / X", d.ServiceChanges)
	}
	if !slices.Equal(d.ServicesAdded, []string{"New"}) || !slices.Equal(d.ServicesRemoved, []string{"Gone"}) ||
		len(d.ServicesMoved) != 1 || d.ServicesMoved[0].Service != "Y" {
		t.Errorf("added %v, removed %v, moved %+v; want New, Gone, Y", d.ServicesAdded, d.ServicesRemoved, d.ServicesMoved)
	}
	if d.Staffing.Before.Needed != 0 || d.Staffing.After.Needed != 2 || d.Staffing.Delta.Needed != 2 {
		t.Errorf("staffing %+v, want people needed 0 -> 2", d.Staffing)
	}
	if len(d.Verdicts.Transition.Services) != 1 || d.Verdicts.Transition.Services[0].Service != "X" {
		t.Errorf("service run changes %+v, want X", d.Verdicts.Transition.Services)
	}
	raised := false
	for _, a := range d.Verdicts.Advisories.Raised {
		raised = raised || a.Code == "thin-rotation"
	}
	if !raised {
		t.Errorf("advisories raised %+v, want thin-rotation", d.Verdicts.Advisories.Raised)
	}
}
