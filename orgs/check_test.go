package orgs_test

import (
	"strings"
	"testing"

	"github.com/sretopo/sretopo/orgs"
)

// TestValidateJudgesAModelFromAnyReader: a reader of another format (the YAML importers)
// hands the validator a model and the places it kept; the problems name that file, line and
// column exactly as they do for TOML.
func TestValidateJudgesAModelFromAnyReader(t *testing.T) {
	o := &orgs.Org{Format: orgs.FormatVersion, Name: "Imported", Teams: []orgs.Team{
		{Name: "Viewer", Org: orgs.OrgDev, Kind: orgs.KindDev, Headcount: 0, Run: orgs.RunSRE, RunWith: "Reliabilty"},
		{Name: "Reliability", Org: orgs.OrgSRE, Kind: orgs.KindSRE, Headcount: 0},
	}}
	pos := orgs.NewPositions("catalog-info.yaml")
	pos.Set(orgs.Path{Table: "team", Index: 0}, 3, 1)
	pos.Set(orgs.Path{Table: "team", Index: 0, Key: "run_with"}, 9, 5)
	pos.Set(orgs.Path{Table: "team", Index: 1}, 12, 1)
	pos.Set(orgs.Path{Table: "team", Index: 0, Key: "headcount"}, 0, 0) // written, as 0
	pos.Set(orgs.Path{Table: "team", Index: 1, Key: "headcount"}, 15, 3)
	err := orgs.Validate(o, pos)
	if err == nil {
		t.Fatal("an invalid model validated")
	}
	want := []string{
		`catalog-info.yaml:3:1: team "Viewer": headcount 0 is out of range 1-10000`,
		`catalog-info.yaml:15:3: team "Reliability": headcount 0 is out of range 1-10000`,
		`catalog-info.yaml:9:5: team "Viewer": run_with "Reliabilty" names no team (did you mean "Reliability"?)`,
	}
	if got := err.Error(); got != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
	// without a place for the key, the problem points at its table; a zero nobody recorded
	// as written is a key left out
	pos = orgs.NewPositions("pagerduty.yaml")
	pos.Set(orgs.Path{Table: "team", Index: 1}, 40, 2)
	o.Teams[0].RunWith = "Reliability"
	o.Teams[0].Headcount = 5
	o.Teams[1].Headcount = 20000
	o.Teams = append(o.Teams, orgs.Team{Name: "Ops", Org: orgs.OrgOps, Kind: orgs.KindOps})
	pos.Set(orgs.Path{Table: "team", Index: 2}, 50, 2)
	want = []string{
		`pagerduty.yaml:40:2: team "Reliability": headcount 20000 is out of range 1-10000`,
		`pagerduty.yaml:50:2: team "Ops": headcount is missing`,
	}
	if got, want := orgs.Validate(o, pos).Error(), strings.Join(want, "\n"); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestValidateAcceptsEveryLoadedModel: the one validator judges a model built in memory as it
// judges a file, so every example, once loaded (defaults filled in), validates again.
func TestValidateAcceptsEveryLoadedModel(t *testing.T) {
	for _, ex := range loadedExamples(t) {
		o := ex.Org
		if err := orgs.Validate(o, nil); err != nil {
			t.Errorf("%s: %v", ex.Name, err)
		}
	}
	o := newOrg(t1("Viewer"), hc(t1("Billing"), 0))
	if err := orgs.Validate(o, nil); err == nil || err.Error() != `(model): team "Billing": headcount is missing` {
		t.Errorf("a model without a headcount: %v", err)
	}
}

// TestVersion3KeysLoadAndSaveBack: every key rules version 3 adds (org-format.md) loads,
// validates, and is written back so that the saved file loads to the same model.
func TestVersion3KeysLoadAndSaveBack(t *testing.T) {
	src := `format = 1
name = "v3 keys"

[[team]]
name = "Viewer"
org = "dev"
kind = "dev"
headcount = 8
on_call = "8x5"
secondary = true
sites = 2
ack_minutes = 5
backup = "Cloud Operations"
` + orgs.CloudOperationsTOML + `
[[service]]
name = "DICOM viewer"
team = "Viewer"
availability = 99.99
backup = ""
window_days = 28
incidents_per_month = 1.5
restore_hours = 0.5
`
	o, err := orgs.Load("v3.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	v := &o.Teams[0]
	s := &o.Services[0]
	if v.Backup != "Cloud Operations" || !v.HasSecondary() || v.SiteCount() != 2 || v.Ack() != 5 ||
		s.Backup == nil || *s.Backup != "" || s.Window() != 28 || *s.IncidentsPerMonth != 1.5 || *s.RestoreHours != 0.5 {
		t.Fatalf("loaded %+v and %+v", *v, *s)
	}
	back, err := orgs.Load("saved.toml", orgs.Marshal(o))
	if err != nil {
		t.Fatal(err)
	}
	if !orgs.ModelsEqual(o, back) {
		t.Errorf("saved and loaded again:\n%s", orgs.Marshal(back))
	}
	// the defaults: a secondary for round-the-clock patterns only, one site, 15 minutes, 30 days
	c := &o.Teams[1]
	if !c.HasSecondary() || c.SiteCount() != 1 || c.Ack() != 15 || (&orgs.Service{}).Window() != 30 {
		t.Errorf("defaults: secondary %v, sites %d, ack %d", c.HasSecondary(), c.SiteCount(), c.Ack())
	}
	c.OnCall = orgs.OnCall8x7
	if c.HasSecondary() {
		t.Error("8x7 has a secondary by default")
	}
}
