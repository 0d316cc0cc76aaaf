package orgs

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// editServicesOrg: a you-run-it team with three services, an ops-run-it team, two SRE teams
// and two ops teams, so every run value has a partner to take.
const editServicesOrg = `format = 1
name = "Edits"
` + ViewerTOML + `
[[team]]
name = "Billing"
org = "dev"
kind = "dev"
headcount = 4
on_call = "24x5"
rotation = 3
run = "ops"
run_with = "Night Desk"
` + ReliabilityTOML + `
[[team]]
name = "Ops SRE"
org = "ops"
kind = "sre"
headcount = 4
` + CloudOperationsTOML + NightDeskTOML + `
[[service]]
name = "DICOM viewer"
team = "Viewer"

[[service]]
name = "Invoices"
team = "Billing"

[[service]]
name = "Ledger"
team = "Billing"
run = "you-and-sre"
run_with = "Ops SRE"

[[service]]
name = "Scanner gateway"
team = "Viewer"
run = "ops"
run_with = "Cloud Operations"
`

func loadEditServices(t *testing.T) *Org {
	t.Helper()
	o, err := Load("edits.toml", []byte(editServicesOrg))
	if err != nil {
		t.Fatal(err)
	}
	return o
}

// runOf says a service's own run as the cycle sees it: "" for as its team, else run/with.
func runOf(s Service) string {
	if s.Run == "" {
		return "team"
	}
	if s.RunWith != "" {
		return string(s.Run) + "/" + s.RunWith
	}
	return string(s.Run)
}

func TestCycleServiceRun(t *testing.T) {
	cases := []struct {
		service string
		want    []string // the runs r gives, press by press, back to the start
	}{
		// under a you-run-it team: "you" equals the team's and is skipped
		{"DICOM viewer", []string{"you-and-sre/Reliability", "sre/Reliability", "ops/Cloud Operations", "none", "team"}},
		// under an ops-run-it team with Night Desk: ops takes the team's partner, equal to
		// the team's run, and is skipped
		{"Invoices", []string{"you", "you-and-sre/Reliability", "sre/Reliability", "none", "team"}},
		// its own SRE partner is kept from you-and-sre to sre; ops would be its team's run
		// and partner; once back with its team, you-and-sre takes the first SRE team
		{"Ledger", []string{"sre/Ops SRE", "none", "team", "you", "you-and-sre/Reliability"}},
	}
	for _, c := range cases {
		t.Run(c.service, func(t *testing.T) {
			o := loadEditServices(t)
			k := serviceIndexOf(t, o, c.service)
			var got []string
			for range c.want {
				ch := step(t, o, func() (*Change, error) { return o.CycleServiceRun(k) })
				if !strings.Contains(ch.Summary, `"`+c.service+`"`) || ch.Subject != o.Services[k].Team {
					t.Errorf("summary %q, subject %q", ch.Summary, ch.Subject)
				}
				got = append(got, runOf(o.Services[k]))
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("cycle %q\nwant  %q", got, c.want)
			}
		})
	}
}

func TestCycleServiceRunSkipsValuesWithoutAPartner(t *testing.T) {
	o, err := Load("lone.toml", []byte("format = 1\nname = \"Lone\"\n[[team]]\nname = \"A\"\norg = \"dev\"\nkind = \"dev\"\nheadcount = 3\n[[service]]\nname = \"S\"\nteam = \"A\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for range 2 {
		if _, err := o.CycleServiceRun(0); err != nil {
			t.Fatal(err)
		}
		got = append(got, runOf(o.Services[0]))
	}
	if !reflect.DeepEqual(got, []string{"none", "team"}) {
		t.Errorf("cycle %q: with no SRE or ops team, only none and back", got)
	}
	if _, err := o.CycleServiceRun(5); err == nil {
		t.Error("no error for a service that does not exist")
	}
}

func TestCycleServiceRunWith(t *testing.T) {
	o := loadEditServices(t)
	gateway := serviceIndexOf(t, o, "Scanner gateway")
	step(t, o, func() (*Change, error) { return o.CycleServiceRunWith(gateway) })
	if got := runOf(o.Services[gateway]); got != "ops/Night Desk" {
		t.Errorf("after w: %s", got)
	}
	// a service that follows its ops-run-it team: w gives it an override with the other ops
	// team; again, and it is back at its team's partner, so the override goes
	invoices := serviceIndexOf(t, o, "Invoices")
	if _, err := o.CycleServiceRunWith(invoices); err != nil {
		t.Fatal(err)
	}
	if got := runOf(o.Services[invoices]); got != "ops/Cloud Operations" {
		t.Errorf("after w: %s", got)
	}
	ch, err := o.CycleServiceRunWith(invoices)
	if err != nil {
		t.Fatal(err)
	}
	if got := runOf(o.Services[invoices]); got != "team" {
		t.Errorf("after w again: %s, want the override dropped", got)
	}
	if !strings.Contains(ch.Summary, `runs as its team "Billing" (ops run it, with "Night Desk")`) {
		t.Errorf("summary %q", ch.Summary)
	}
	checkValid(t, o)
	if _, err := o.CycleServiceRunWith(serviceIndexOf(t, o, "DICOM viewer")); err == nil || !strings.Contains(err.Error(), "press r") {
		t.Errorf("a you-run-it service: %v", err)
	}
}

func TestSetRotation(t *testing.T) {
	o := loadEditServices(t)
	billing, viewer, opsSRE := o.TeamIndex("Billing"), o.TeamIndex("Viewer"), o.TeamIndex("Ops SRE")
	for _, c := range []struct {
		team, n int
		err     string
		want    int
	}{
		{billing, 4, "", 4}, // rotation = headcount
		{billing, 1, "", 1},
		{billing, 0, "", 0}, // unset
		{billing, 0, "already", 0},
		{billing, 5, "stays within 1-4", 0},
		{billing, -1, "stays within 1-4", 0},
		{opsSRE, 2, "not on call", 0},
		{viewer, 6, "", 6},
	} {
		before := Marshal(o)
		ch, err := o.SetRotation(c.team, c.n)
		switch {
		case c.err != "":
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("rotation %d of %q: error %v, want %q", c.n, o.Teams[c.team].Name, err, c.err)
			}
			continue
		case err != nil:
			t.Fatalf("rotation %d of %q: %v", c.n, o.Teams[c.team].Name, err)
		}
		checkValid(t, o)
		checkReversible(t, o, before, ch)
		if o.Teams[c.team].Rotation != c.want {
			t.Errorf("rotation %d, want %d", o.Teams[c.team].Rotation, c.want)
		}
	}
	if _, err := o.AddRotation(viewer, -2); err != nil || o.Teams[viewer].Rotation != 4 {
		t.Errorf("AddRotation -2 from 6: %v, rotation %d", err, o.Teams[viewer].Rotation)
	}
	if _, err := o.AddRotation(viewer, +3); err == nil {
		t.Error("a rotation above the headcount was accepted")
	}
	if _, err := o.AddRotation(billing, -1); err != nil || o.Teams[billing].Rotation != 3 {
		t.Errorf("AddRotation -1 from an unset rotation of 4 people: %v, rotation %d", err, o.Teams[billing].Rotation)
	}
}

func TestClampRotationFollowsHeadcount(t *testing.T) {
	tm := Team{Headcount: 3, OnCall: OnCall8x5, Rotation: 5}
	clampRotation(&tm)
	if tm.Rotation != 3 {
		t.Errorf("rotation %d after the headcount fell to 3", tm.Rotation)
	}
	tm = Team{Headcount: 9, OnCall: OnCall8x5}
	clampRotation(&tm)
	if tm.Rotation != 0 {
		t.Errorf("an unset rotation became %d", tm.Rotation)
	}
}

// The step a team's deletion takes for services, applied as DeleteTeam applies its steps
// (before it removes any service), must leave a valid model and undo exactly.
func TestDroppingOverridesOfADeletedPartner(t *testing.T) {
	o := loadEditServices(t)
	before := Marshal(o)
	name := "cloud operations" // the same name as "Cloud Operations"
	ops, names := o.dropOverridesWith(name)
	if !reflect.DeepEqual(names, []string{"Scanner gateway"}) {
		t.Fatalf("services %q", names)
	}
	i := o.TeamIndex(name)
	ops = append(ops, removeTeam{i, o.Teams[i]})
	ch := o.do("deleted"+overridesDroppedPhrase(names), o.Teams[i].Name, ops...)
	checkValid(t, o)
	checkReversible(t, o, before, ch)
	if got := runOf(o.Services[serviceIndexOf(t, o, "Scanner gateway")]); got != "team" {
		t.Errorf("the gateway runs %s", got)
	}
	if ch.Summary != `deleted; service "Scanner gateway" runs as its team again` {
		t.Errorf("summary %q", ch.Summary)
	}
	if _, none := o.dropOverridesWith("Viewer"); none != nil {
		t.Errorf("a team nobody runs with: %q", none)
	}
}

func serviceIndexOf(t *testing.T, o *Org, name string) int {
	t.Helper()
	for k := range o.Services {
		if SameName(o.Services[k].Name, name) {
			return k
		}
	}
	t.Fatalf("no service %q", name)
	return -1
}

// Deleting a team that services run with takes their overrides away, undoably; lowering a
// headcount lowers an explicit rotation with it.
func TestDeleteTeamAndHeadcountKeepServicesAndRotationsValid(t *testing.T) {
	o := loadEditServices(t)
	ch := step(t, o, func() (*Change, error) { return o.DeleteTeam(o.TeamIndex("Ops SRE")) })
	if got := runOf(o.Services[serviceIndexOf(t, o, "Ledger")]); got != "team" || !strings.Contains(ch.Summary, `service "Ledger" runs as its team again`) {
		t.Errorf("Ledger runs %s; summary %q", got, ch.Summary)
	}
	billing := o.TeamIndex("Billing")
	if _, err := o.SetRotation(billing, 4); err != nil {
		t.Fatal(err)
	}
	step(t, o, func() (*Change, error) { return o.AddHeadcount(billing, -2) })
	if tm := o.Teams[billing]; tm.Headcount != 2 || tm.Rotation != 2 {
		t.Errorf("headcount %d, rotation %d; want 2 and 2", tm.Headcount, tm.Rotation)
	}
}

// A re-analysis told what each edit changed gives what a fresh analysis of the edited
// model gives, for the services verdict and everything else.
func TestRefreshAfterEditsEqualsAFreshAnalysis(t *testing.T) {
	models := map[string]*Org{"generated": mustLoadGenerated(t), "edits": loadEditServices(t), "bank": loadExample(t, "bank"), "health-platform": loadExample(t, "health-platform")}
	for name, o := range models {
		t.Run(name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(7, uint64(len(name))))
			lk := NewTeamLookup(o.Teams)
			base := o.Clone()
			a := NewAnalyser(base)
			an := a.ReanalyseChanged(o, nil, Everything)
			for step := range 300 {
				i, k := rng.IntN(len(o.Teams)), rng.IntN(max(len(o.Services), 1))
				var err error
				teams, services := []int{i}, []int(nil)
				switch rng.IntN(8) {
				case 0:
					_, err = o.MoveTeam(i, rng.IntN(3)-1)
				case 1:
					_, err = o.CycleRun(i)
				case 2:
					_, err = o.CycleRunWith(i)
				case 3:
					_, err = o.CycleSRERole(i)
				case 4:
					o.Teams[i].OnCall = AllOnCalls[rng.IntN(len(AllOnCalls))]
					o.Teams[i].Rotation = 0
				case 5, 6:
					teams, services = nil, []int{k}
					_, err = o.CycleServiceRun(k)
				case 7:
					teams, services = nil, []int{k}
					_, err = o.CycleServiceRunWith(k)
				}
				if err != nil {
					continue
				}
				an = a.ReanalyseChanged(o, an, Touched{Teams: teams, Services: services})
				v, fresh := an.ServiceVerdicts, AnalyseServices(o, lk)
				SimulateServices(o, fresh.Services, DefaultRiskRuns) // as the analysis does
				if !reflect.DeepEqual(v.Services, fresh.Services) || !reflect.DeepEqual(v.Runs, fresh.Runs) || !reflect.DeepEqual(v.Mix, fresh.Mix) ||
					!reflect.DeepEqual(v.Advice, fresh.Advice) || !reflect.DeepEqual(v.ErrorBudgetKPI, fresh.ErrorBudgetKPI) {
					t.Fatalf("step %d: the services verdict differs from a fresh one", step)
				}
				if want := NewAnalyser(base).Analyse(o); !reflect.DeepEqual(an, want) {
					t.Fatalf("step %d: the analysis told what changed differs from a fresh analysis", step)
				}
			}
		})
	}
}

func mustLoadGenerated(t *testing.T) *Org {
	t.Helper()
	// a small organization in the shape of the generated ones, written out here because
	// the generator imports this package
	var b strings.Builder
	b.WriteString("format = 1\nname = \"Gen\"\n")
	kinds := []string{"dev", "dev", "dev", "sre", "ops"}
	onCalls := []string{"8x5", "8x7", "24x5", "24x7", "none"}
	for i := range 40 {
		fmt.Fprintf(&b, "[[team]]\nname = \"T%02d\"\norg = %q\nkind = %q\nheadcount = 5\non_call = %q\n", i, AllOrgs[i%3], kinds[i%5], onCalls[i%5])
	}
	for k := range 120 {
		fmt.Fprintf(&b, "[[service]]\nname = \"S%03d\"\nteam = \"T%02d\"\navailability = %v\nerror_budget_used = %v\n", k, (k%8)*5%40, []float64{99, 99.9, 99.99}[k%3], float64(k%5)/2)
	}
	o, err := Load("gen.toml", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	return o
}

// The staffing of a re-analysis told which team was edited (its headcount, rotation or
// on-call pattern) is what computing it anew gives, delta against the baseline included.
func TestStaffingRefreshEqualsAFreshComputation(t *testing.T) {
	o := mustLoadGenerated(t)
	base := o.Clone()
	a := NewAnalyser(base)
	an := a.Analyse(o)
	rng := rand.New(rand.NewPCG(3, 4))
	for step := range 400 {
		i := rng.IntN(len(o.Teams))
		switch rng.IntN(4) {
		case 0:
			o.AddHeadcount(i, rng.IntN(7)-3)
		case 1:
			o.AddRotation(i, rng.IntN(5)-2)
		case 2:
			o.SetRotation(i, 0)
		case 3:
			if rng.IntN(4) == 0 { // on or off call: the list changes
				o.Teams[i].OnCall, o.Teams[i].Rotation = AllOnCalls[rng.IntN(len(AllOnCalls))], 0
			}
		}
		an = a.ReanalyseChanged(o, an, Touched{Teams: []int{i}})
		s, fresh := &an.Staffing, StaffingAgainst(base, o)
		if !reflect.DeepEqual(s.Rotations, fresh.Rotations) || s.StaffingTotals != fresh.StaffingTotals || s.Delta != fresh.Delta {
			t.Fatalf("step %d: refreshed %+v / %+v, fresh %+v / %+v", step, s.StaffingTotals, s.Delta, fresh.StaffingTotals, fresh.Delta)
		}
	}
	if an.Staffing.Delta == (StaffingTotals{}) {
		t.Error("400 edits moved no total: the test exercised nothing")
	}
}

// TestDeleteTeamRemovesItsServicesInOnePass: deleting a team whose services are interleaved
// with others' removes exactly its own, keeps the others in order, and undo puts every one
// back at its place.
func TestDeleteTeamRemovesItsServicesInOnePass(t *testing.T) {
	o := loadEditServices(t)
	billing := o.TeamIndex("Billing")
	var others []string
	for k := range o.Services {
		if !SameName(o.Services[k].Team, "Billing") {
			others = append(others, o.Services[k].Name)
		}
	}
	// more of Billing's services, between the others
	for k := range 5 {
		s := Service{Name: fmt.Sprintf("Billing extra %d", k), Team: "Billing"}
		o.Services = append(o.Services[:k*2:k*2], append([]Service{s}, o.Services[k*2:]...)...)
	}
	before := Marshal(o)
	ch, err := o.DeleteTeam(billing)
	if err != nil {
		t.Fatal(err)
	}
	var left []string
	for k := range o.Services {
		left = append(left, o.Services[k].Name)
	}
	if !reflect.DeepEqual(left, others) {
		t.Errorf("services left %v, want %v", left, others)
	}
	checkValid(t, o)
	checkReversible(t, o, before, ch)
}

// BenchmarkDeleteTeamWith10kServices deletes, and undoes, a team that builds the first
// 10,000 of a file's 20,000 services: linear in the services. (Removed one slice deletion
// at a time, each moved the 10,000 services behind it.)
func BenchmarkDeleteTeamWith10kServices(b *testing.B) {
	o := &Org{Format: 1, Name: "one team", Teams: []Team{{Name: "Builder", Org: OrgDev, Kind: KindDev, Headcount: 8, OnCall: OnCall8x5, Run: RunYou, SRERole: RoleRotation}, {Name: "Other", Org: OrgDev, Kind: KindDev, Headcount: 8, OnCall: OnCall8x5, Run: RunYou, SRERole: RoleRotation}}}
	for k := range 20000 {
		team := "Builder"
		if k >= 10000 {
			team = "Other"
		}
		o.Services = append(o.Services, Service{Name: fmt.Sprintf("service %05d", k), Team: team})
	}
	for b.Loop() {
		ch, err := o.DeleteTeam(0)
		if err != nil {
			b.Fatal(err)
		}
		if len(o.Services) != 10000 {
			b.Fatalf("%d services left", len(o.Services))
		}
		ch.Undo(o)
	}
}
