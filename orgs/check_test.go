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
	for _, ex := range orgs.Examples() {
		o, err := orgs.Load(ex.Name+".toml", ex.Data)
		if err != nil {
			t.Fatal(err)
		}
		if err := orgs.Validate(o, nil); err != nil {
			t.Errorf("%s: %v", ex.Name, err)
		}
	}
	o := newOrg(t1("Viewer"), hc(t1("Billing"), 0))
	if err := orgs.Validate(o, nil); err == nil || err.Error() != `(model): team "Billing": headcount is missing` {
		t.Errorf("a model without a headcount: %v", err)
	}
}
