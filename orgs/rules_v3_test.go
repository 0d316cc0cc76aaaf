package orgs_test

// docs/rules.md version 3, the rules that are new: the backup layer (section 1), the majority
// of the dominant run model (section 1) and identity without SRE people (section 5). Each test
// quotes the line of the talk or the book its rule comes from.

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/sretopo/sretopo/orgs"
)

// The talk: "Devs on call 8h/5d (normal working hours) / Ops on call 24h/5d for a few use cases
// / ... / You build it, you run it". Ops covers the hours the developers do not: a backup
// responds after the run model's responders and changes no run model, topology or purity.
func TestBackupIsALayerNotAnOwner(t *testing.T) {
	o := withServices(newOrg(
		onCall(backedUp(t1("Viewer"), "Cloud Ops"), orgs.OnCall8x5),
		onCall(t1("Reporting"), orgs.OnCall8x5),
		onCall(hc(opsTeam("Cloud Ops"), 8), orgs.OnCall24x5),
		infra("I", ops),
	), svc("Archive", "Viewer", "", ""), svc("Reports", "Reporting", "", ""))
	cleared := ""
	o.Services = append(o.Services, orgs.Service{Name: "Local", Team: "Viewer", Backup: &cleared})
	other := "Cloud Ops"
	o.Services = append(o.Services, orgs.Service{Name: "Night", Team: "Reporting", Backup: &other})
	an := analyseSelf(t, o)
	if !an.Topology.Pure || an.Topology.Dominant == nil || *an.Topology.Dominant != 1 {
		t.Errorf("topology %+v: a backup changes no topology", an.Topology)
	}
	want := map[string]struct {
		backup     string
		responders []string
		longest    int
	}{
		"Archive": {"Cloud Ops", []string{"Viewer", "Cloud Ops"}, 48}, // the team's backup
		"Reports": {"", []string{"Reporting"}, 64},
		"Local":   {"", []string{"Viewer"}, 64},                          // backup = "" clears it
		"Night":   {"Cloud Ops", []string{"Reporting", "Cloud Ops"}, 48}, // its own
	}
	for _, sv := range an.Services {
		w := want[sv.Name]
		if sv.Backup != w.backup || !reflect.DeepEqual(sv.Responders, w.responders) || sv.LongestUncovered != w.longest || sv.RunModel != orgs.YouRunIt || sv.Exception {
			t.Errorf("%s: backup %q, responders %q, longest %d, %s (exception %v); want %+v", sv.Name, sv.Backup, sv.Responders, sv.LongestUncovered, sv.RunModel, sv.Exception, w)
		}
	}
	b, _ := json.Marshal(an.Services[0])
	if !strings.Contains(string(b), `"backup":"Cloud Ops"`) {
		t.Errorf("JSON %s", b)
	}
	if tv := an.Teams[0]; tv.Backup != "Cloud Ops" || tv.RunModel != orgs.YouRunIt {
		t.Errorf("team verdict %+v", tv)
	}
}

// rules.md 1: an inherited backup equal to the service's own partner, or on a service nobody
// runs, is ignored for that service.
func TestInheritedBackupIgnoredWhereItCannotBackUp(t *testing.T) {
	o := withServices(newOrg(backedUp(onCall(t1("A"), orgs.OnCall8x5), "O"), onCall(opsTeam("O"), orgs.OnCall24x7), infra("I", ops)),
		svc("Run by O", "A", orgs.RunOps, "O"), svc("Nobody", "A", orgs.RunNone, ""), svc("Own", "A", "", ""))
	for _, sv := range analyseSelf(t, o).Services {
		wantBackup := ""
		if sv.Name == "Own" {
			wantBackup = "O"
		}
		if sv.Backup != wantBackup {
			t.Errorf("%s: backup %q, want %q", sv.Name, sv.Backup, wantBackup)
		}
	}
}

// rules.md 1 and 5: "an SRE team that backs something up serves it": it is not idle and it
// weighs toward the identity of its org.
func TestABackupSREteamServes(t *testing.T) {
	o := newOrg(onCall(backedUp(t2("A"), "S"), orgs.OnCall8x5), onCall(hc(sreTeam("S", ops, 8), 8), orgs.OnCall24x7), infra("I", ops))
	an := analyseSelf(t, o)
	if a := advisory(an, "idle-sre-team"); a != nil {
		t.Errorf("idle-sre-team for a backup: %s", a.Message)
	}
	if an.Identity.People != [3]int{1, 8, 0} {
		t.Errorf("identity people %v, want the dedicated SRE and the 8 of the backup SRE team", an.Identity.People)
	}
	// a service's backup serves too, and the re-analysis after editing the backup team agrees
	o = withServices(newOrg(onCall(t1("A"), orgs.OnCall8x5), onCall(hc(sreTeam("S", ops, 8), 8), orgs.OnCall24x7), infra("I", ops)), svc("X", "A", "", ""))
	s := "S"
	o.Services[0].Backup = &s
	a := orgs.NewAnalyser(o)
	prev := a.Analyse(o)
	if advisory(prev, "idle-sre-team") != nil {
		t.Errorf("idle-sre-team for a service's backup")
	}
	cur := o.Clone()
	cur.Teams[1].OnCall = orgs.OnCall8x5
	got := a.ReanalyseChanged(cur, prev, orgs.Touched{Teams: []int{1}})
	fresh := orgs.Analyse(o, cur)
	if g, w := got.Services[0].LongestUncovered, fresh.Services[0].LongestUncovered; g != w || g != 64 {
		t.Errorf("after the backup team's hours changed: longest %d, a fresh analysis %d, want 64", g, w)
	}
}

// rules.md 1 (v3): "a plurality dressed as a verdict": run_model.majority says whether the
// dominant model covers more than half the dev teams.
func TestRunModelMajority(t *testing.T) {
	cases := []struct {
		o    *orgs.Org
		want bool
	}{
		{newOrg(t1("A"), t1("B"), yas("C", "S"), sreTeam("S", ops, 3)), true},
		{newOrg(t1("A"), yas("B", "S"), srerun("C", "S"), unorg("D"), sreTeam("S", ops, 3)), false}, // 1 of 4
		{newOrg(t1("A"), t1("B"), yas("C", "S"), yas("D", "S"), sreTeam("S", ops, 3)), false},       // a tie: 2 of 4
	}
	for i, c := range cases {
		an := analyseSelf(t, c.o)
		if an.RunModel.Majority != c.want {
			t.Errorf("#%d: majority %v with %d of %d dev teams, want %v", i+1, an.RunModel.Majority, an.RunModel.DominantDevTeams, an.Summary.DevTeams, c.want)
		}
	}
	b, _ := json.Marshal(analyseSelf(t, cases[1].o).RunModel)
	if !strings.Contains(string(b), `"majority":false`) {
		t.Errorf("JSON %s", b)
	}
}

// rules.md 5 (v3): "SRE done by the developers themselves (topology 1)" is an identity only
// where you run it dominates; with no SRE people under any other model there is none.
func TestIdentityNeedsSREPeopleOrYouRunIt(t *testing.T) {
	mostlyOps := newOrg(t1("A"), opsrun("B", "O"), opsrun("C", "O"), opsTeam("O"), infra("I", ops))
	if id := analyseSelf(t, mostlyOps).Identity; id.Dominant != nil {
		t.Errorf("ops run it dominates, no SRE people: identity %s, want none", *id.Dominant)
	}
	youRun := newOrg(t1("A"), t1("B"), opsrun("C", "O"), opsTeam("O"), infra("I", ops))
	if id := analyseSelf(t, youRun).Identity; id.Dominant == nil || *id.Dominant != orgs.ProductCentric || id.People != [3]int{} {
		t.Errorf("you run it dominates in topology 1: identity %+v, want product-centric without people", id)
	}
}
