package orgs_test

// docs/rules.md sections 1 and 4 for services: the effective run of a service, exceptions, the
// service mix, service transitions and the who-runs-it decisions of overrides. Every model
// is written as the file a user would write, so each one is also checked by validation.

import (
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/sretopo/sretopo/orgs"
)

// svcLoad loads an organization file of the given parts of text, one after the other,
// failing the test on any problem.
func svcLoad(t *testing.T, parts ...string) *orgs.Org {
	t.Helper()
	o, err := orgs.Load("test.toml", []byte("format = 1\nname = \"Test\"\n"+strings.Join(parts, "")))
	if err != nil {
		t.Fatalf("the test's file does not load:\n%v", err)
	}
	return o
}

// serviceTOML is a [[service]] table after a blank line: the service name, built by team, then any
// more keys as the file writes them.
func serviceTOML(name, team string, keys ...string) string {
	return "\n[[service]]\nname = " + strconv.Quote(name) + "\nteam = " + strconv.Quote(team) + "\n" + strings.Join(append(keys, ""), "\n")
}

// svcTeams are the teams most service tests share: dev teams running in each way, an SRE
// team in every org, and two ops teams.
const svcTeams = orgs.ViewerTOML + `sre_role = "dedicated"

[[team]]
name = "Billing"
org = "dev"
kind = "dev"
headcount = 5
on_call = "8x5"
run = "ops"
run_with = "Cloud Operations"

[[team]]
name = "Search"
org = "dev"
kind = "dev"
headcount = 4
run = "you-and-sre"
run_with = "Embedded SRE"

[[team]]
name = "Legacy"
org = "dev"
kind = "dev"
headcount = 3
run = "none"

[[team]]
name = "Embedded SRE"
org = "dev"
kind = "sre"
headcount = 3
on_call = "8x7"

[[team]]
name = "Ops SRE"
org = "ops"
kind = "sre"
headcount = 4
on_call = "24x5"
` + orgs.ReliabilityTOML + orgs.CloudOperationsTOML + orgs.NightDeskTOML

func TestEffectiveRunOfServices(t *testing.T) {
	cases := []struct {
		name, service string // service: the [[service]] keys after name and team
		team          string
		model         orgs.RunModel
		topology      int
		runWith       string
		exception     bool
	}{
		{"follows a you-run-it team, SRE role dedicated", ``, "Viewer", youM, 2, "", false},
		{"follows an ops-run-it team", ``, "Billing", opsM, 0, "Cloud Operations", false},
		{"follows a you-and-sre team, SRE in the dev org", ``, "Search", yasM, 4, "Embedded SRE", false},
		{"follows an unorganized team", ``, "Legacy", noneM, 0, "", false},
		{"own run equal to its team's is no exception", `run = "ops"` + "\nrun_with = \"cloud operations\"", "Billing", opsM, 0, "Cloud Operations", false},
		{"same model, another partner is an exception", `run = "ops"` + "\nrun_with = \"Night Desk\"", "Billing", opsM, 0, "Night Desk", true},
		{"run = you under an ops-run-it team is topology 1", `run = "you"`, "Billing", youM, 1, "", true},
		{"run = you keeps its team's SRE role", `run = "you"`, "Viewer", youM, 2, "", false},
		{"you and SRE with an ops-org SRE team", `run = "you-and-sre"` + "\nrun_with = \"Ops SRE\"", "Viewer", yasM, 5, "Ops SRE", true},
		{"you and SRE with an SRE-org team", `run = "you-and-sre"` + "\nrun_with = \"Reliability\"", "Search", yasM, 6, "Reliability", true},
		{"SRE run it, SRE team in the dev org", `run = "sre"` + "\nrun_with = \"Embedded SRE\"", "Search", sreM, 7, "Embedded SRE", true},
		{"SRE run it, SRE team in the ops org", `run = "sre"` + "\nrun_with = \"Ops SRE\"", "Viewer", sreM, 8, "Ops SRE", true},
		{"SRE run it, SRE team in the SRE org", `run = "sre"` + "\nrun_with = \"Reliability\"", "Legacy", sreM, 9, "Reliability", true},
		{"ops run it under a you-run-it team", `run = "ops"` + "\nrun_with = \"Cloud Operations\"", "Viewer", opsM, 0, "Cloud Operations", true},
		{"nobody runs it under a you-run-it team", `run = "none"`, "Viewer", noneM, 0, "", true},
		{"run = none under an unorganized team is no exception", `run = "none"`, "Legacy", noneM, 0, "", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := svcLoad(t, svcTeams, serviceTOML("S", c.team, c.service))
			r := orgs.ServiceRuns(o, nil)[0]
			if r.RunModel != c.model || r.Topology != c.topology || r.RunWith != c.runWith || r.Exception != c.exception {
				t.Errorf("got %s, topology %d, with %q, exception %v; want %s, %d, %q, %v", r.RunModel, r.Topology, r.RunWith, r.Exception, c.model, c.topology, c.runWith, c.exception)
			}
			if one := orgs.EffectiveRun(o, &o.Services[0]); one != r {
				t.Errorf("EffectiveRun %+v differs from ServiceRuns %+v", one, r)
			}
			if o.Teams[r.Team].Name != c.team {
				t.Errorf("team index %d is %q", r.Team, o.Teams[r.Team].Name)
			}
		})
	}
}

func TestServiceMixCountsExceptionsByTheirOwnRun(t *testing.T) {
	o := svcLoad(t, svcTeams,
		serviceTOML("DICOM viewer", "Viewer"),
		serviceTOML("Scanner gateway", "Viewer", `run = "ops"`, `run_with = "Cloud Operations"`),
		serviceTOML("Invoices", "Billing"),
		serviceTOML("Ledger", "Billing", `run = "sre"`, `run_with = "Reliability"`),
		serviceTOML("Query", "Search"),
	)
	mix := orgs.ServiceMixOf(orgs.ServiceRuns(o, nil))
	want := &orgs.ServiceMix{
		RunModel: []orgs.ServiceModelCount{{ID: youM, Services: 1, Share: 0.2}, {ID: yasM, Services: 1, Share: 0.2}, {ID: sreM, Services: 1, Share: 0.2}, {ID: opsM, Services: 2, Share: 0.4}},
		Topology: []orgs.ServiceTopologyCount{{Topology: 2, Services: 1, Share: 0.2}, {Topology: 4, Services: 1, Share: 0.2}, {Topology: 9, Services: 1, Share: 0.2}},
	}
	if !reflect.DeepEqual(mix, want) {
		t.Errorf("mix %+v\nwant %+v", mix, want)
	}
	b, _ := json.Marshal(mix)
	if !strings.HasPrefix(string(b), `{"run_model":[{"id":"you-run-it","services":1,"share":0.2}`) || !strings.Contains(string(b), `"topology":[{"topology":2,"services":1,"share":0.2}`) {
		t.Errorf("JSON %s", b)
	}
	if orgs.ServiceMixOf(orgs.ServiceRuns(svcLoad(t, svcTeams), nil)) != nil {
		t.Error("a model without services has a service mix; want nil (JSON null)")
	}
	thirds := orgs.ServiceMixOf(orgs.ServiceRuns(svcLoad(t, svcTeams,
		serviceTOML("A", "Viewer"),
		serviceTOML("B", "Viewer"),
		serviceTOML("C", "Legacy"),
	), nil))
	if thirds.RunModel[0].Share != 0.6667 || thirds.RunModel[1].Share != 0.3333 {
		t.Errorf("shares %+v, want 0.6667 and 0.3333", thirds.RunModel)
	}
}

func TestServiceTransitions(t *testing.T) {
	base := svcLoad(t, svcTeams,
		serviceTOML("Follows", "Viewer"),
		serviceTOML("Handed to ops", "Viewer"),
		serviceTOML("Back home", "Viewer", `run = "sre"`, `run_with = "Reliability"`),
		serviceTOML("Other partner", "Billing", `run = "ops"`, `run_with = "Night Desk"`),
		serviceTOML("Moved", "Viewer", `run = "ops"`, `run_with = "Night Desk"`),
		serviceTOML("Ledger", "Billing", `run = "you"`),
		serviceTOML("Gone", "Viewer", `run = "none"`),
	)
	cur := base.Clone()
	cur.Teams[0].Run, cur.Teams[0].SRERole, cur.Teams[0].RunWith = orgs.RunOps, "", "Cloud Operations" // Viewer: you -> ops (the team's line)
	set := func(name string, run orgs.Run, with string) {
		for i := range cur.Services {
			if cur.Services[i].Name == name {
				cur.Services[i].Run, cur.Services[i].RunWith = run, with
				return
			}
		}
		t.Fatalf("no service %q", name)
	}
	set("Handed to ops", orgs.RunOps, "Night Desk")                    // exception now, you -> ops: unlikely
	set("Back home", "", "")                                           // exception before, follows now: sre -> ops: unlikely
	set("Other partner", orgs.RunOps, "Cloud Operations")              // same model: no line
	cur.Services[4].Team = "Billing"                                   // moved to another team: never a line
	cur.Services[5].Name, cur.Services[5].Run = "LEDGER", orgs.RunNone // matched by name: you -> none
	cur.Services = cur.Services[:6]                                    // "Gone" removed: diff's, not a line
	if _, err := orgs.Load("cur.toml", orgs.Marshal(cur)); err != nil {
		// a what-if must be a valid model
		t.Fatalf("current model: %v", err)
	}
	got := orgs.ServiceTransitions(base, orgs.ServiceRuns(base, nil), cur, orgs.ServiceRuns(cur, nil))
	type line struct {
		service  string
		from, to orgs.RunModel
		verdict  orgs.Verdict
	}
	var lines []line
	for _, tr := range got {
		lines = append(lines, line{tr.Service, tr.From, tr.To, tr.Verdict})
		if (tr.Verdict == orgs.VerdictUnlikely || tr.Verdict == orgs.VerdictNoReason) != (tr.Reason != "") {
			t.Errorf("%s: verdict %s with reason %q", tr.Service, tr.Verdict, tr.Reason)
		}
	}
	want := []line{
		{"Handed to ops", youM, opsM, orgs.VerdictUnlikely},
		{"Back home", sreM, opsM, orgs.VerdictUnlikely},
		{"LEDGER", youM, noneM, orgs.VerdictNoReason},
	}
	if !reflect.DeepEqual(lines, want) {
		t.Errorf("transitions %+v\nwant %+v", lines, want)
	}
	if got[0].Team != "Viewer" {
		t.Errorf("team %q", got[0].Team)
	}
	b, _ := json.Marshal(got[0])
	if want := `{"service":"Handed to ops","team":"Viewer","from":"you-run-it","to":"ops-run-it","verdict":"unlikely","reason":"`; !strings.HasPrefix(string(b), want) {
		t.Errorf("JSON %s, want it to start %s", b, want)
	}
	self := orgs.ServiceTransitions(base, orgs.ServiceRuns(base, nil), base, orgs.ServiceRuns(base, nil))
	if len(self) != 0 {
		t.Errorf("a model against itself has service transitions: %+v", self)
	}
	if b, _ := json.Marshal(self); string(b) != "[]" {
		t.Errorf("no transitions marshal as %s, want []", b)
	}
	possible, _ := json.Marshal(orgs.ServiceTransition{Service: "S", Team: "T", From: opsM, To: youM, Verdict: orgs.VerdictPossible})
	if !strings.Contains(string(possible), `"reason":null,"criteria_changes":[{`) {
		t.Errorf("a possible transition: %s, want reason null", possible)
	}
}

func TestServiceOverrideDecisionsAndChanges(t *testing.T) {
	base := svcLoad(t, svcTeams,
		serviceTOML("Kept", "Viewer"),
		serviceTOML("Added override", "Viewer"),
		serviceTOML("Removed override", "Billing", `run = "you"`),
		serviceTOML("Changed partner", "Search", `run = "sre"`, `run_with = "Ops SRE"`),
		serviceTOML("Moves", "Viewer", `run = "none"`),
		serviceTOML("Dropped", "Viewer"),
	)
	cur := base.Clone()
	cur.Services[1].Run, cur.Services[1].RunWith = orgs.RunOps, "Night Desk"
	cur.Services[2].Run = ""
	cur.Services[3].RunWith = "Reliability"
	cur.Services[4].Team = "Legacy"
	cur.Services = append(cur.Services[:5], orgs.Service{Name: "New", Team: "Search"})
	ch := orgs.CompareServices(base, cur)
	var subjects, details []string
	for _, d := range ch.Overrides {
		subjects = append(subjects, d.Subject)
		details = append(details, d.Detail)
		if d.Kind != orgs.DecideWhoRunsIt || d.Changeability != orgs.Easy {
			t.Errorf("%s: kind %s, changeability %s", d.Subject, d.Kind, d.Changeability)
		}
	}
	if want := []string{"Viewer / Added override", "Billing / Removed override", "Search / Changed partner"}; !reflect.DeepEqual(subjects, want) {
		t.Errorf("subjects %q, want %q", subjects, want)
	}
	if want := []string{`as its team -> ops run it, with "Night Desk"`, "you run it -> as its team", `SRE run it, with "Ops SRE" -> SRE run it, with "Reliability"`}; !reflect.DeepEqual(details, want) {
		t.Errorf("details %q\nwant %q", details, want)
	}
	if !reflect.DeepEqual(ch.Added, []string{"New"}) || !reflect.DeepEqual(ch.Removed, []string{"Dropped"}) ||
		!reflect.DeepEqual(ch.Moved, []orgs.ServiceMove{{Service: "Moves", From: "Viewer", To: "Legacy"}}) {
		t.Errorf("added %q, removed %q, moved %+v", ch.Added, ch.Removed, ch.Moved)
	}
	none := orgs.CompareServices(base, base)
	if len(none.Overrides)+len(none.Added)+len(none.Removed)+len(none.Moved) != 0 || none.Added == nil || none.Overrides == nil {
		t.Errorf("a model against itself: %+v", none)
	}
}

func TestServicesOfEachTeam(t *testing.T) {
	o := svcLoad(t, svcTeams,
		serviceTOML("A", "search"),
		serviceTOML("B", "Viewer"),
		serviceTOML("C", "Search"),
	)
	got := orgs.ServicesOf(o, nil)
	if !reflect.DeepEqual(got[2], []int{0, 2}) || !reflect.DeepEqual(got[0], []int{1}) || got[1] != nil {
		t.Errorf("services of teams: %v", got)
	}
}

func TestServiceFacts(t *testing.T) {
	o := svcLoad(t, svcTeams,
		serviceTOML("Follows", "Viewer"),
		serviceTOML("Shared 1", "Viewer", `run = "you-and-sre"`, `run_with = "Reliability"`),
		serviceTOML("Shared 2", "Viewer", `run = "you-and-sre"`, `run_with = "reliability"`),
		serviceTOML("Shared 3", "Legacy", `run = "you-and-sre"`, `run_with = "Reliability"`),
		serviceTOML("Handed over", "Legacy", `run = "sre"`, `run_with = "Ops SRE"`),
		serviceTOML("Billing follows", "Billing"),
		serviceTOML("Nobody", "Search", `run = "none"`),
	)
	f := orgs.FactsOf(o, orgs.ServiceRuns(o, nil))
	idx := func(name string) int { return o.TeamIndex(name) }
	if f.Topologies != 1<<0|1<<2|1<<6|1<<8 || f.PureTopology(2) || !f.CAPEXModel {
		t.Errorf("topologies %b, CAPEX %v", f.Topologies, f.CAPEXModel)
	}
	if !reflect.DeepEqual(f.OpsRun, []int{5}) || !reflect.DeepEqual(f.Unorganized, []int{6}) {
		t.Errorf("ops-run %v, unorganized %v", f.OpsRun, f.Unorganized)
	}
	if !reflect.DeepEqual(f.Serves[idx("Reliability")], []int{1, 2, 3}) || !reflect.DeepEqual(f.Serves[idx("Ops SRE")], []int{4}) || f.Serves[idx("Embedded SRE")] != nil {
		t.Errorf("serves %v", f.Serves)
	}
	if !reflect.DeepEqual(f.SharesWith[idx("Reliability")], []int{idx("Viewer"), idx("Legacy")}) || f.SharesWith[idx("Ops SRE")] != nil {
		t.Errorf("shares with %v", f.SharesWith)
	}
	if f.PerTeam[idx("Viewer")] != (orgs.TeamServices{Services: 3, Exceptions: 2}) || f.PerTeam[idx("Legacy")] != (orgs.TeamServices{Services: 2, Exceptions: 2}) ||
		f.PerTeam[idx("Billing")] != (orgs.TeamServices{Services: 1}) {
		t.Errorf("per team %+v", f.PerTeam)
	}
	none := orgs.FactsOf(svcLoad(t, svcTeams), nil)
	if !none.PureTopology(4) || none.CAPEXModel {
		t.Errorf("no services: %+v", none)
	}
}
