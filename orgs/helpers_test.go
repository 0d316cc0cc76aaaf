package orgs_test

// A small builder for organization models, so that every rule of docs/rules.md can be tested on a
// model written in a few lines. Every model the tests analyse is first checked to be exactly
// what loading a file would give (validation passes, load(marshal(m)) equals m), so a test
// can never pass on a model the format would refuse.

import (
	"reflect"
	"slices"
	"testing"

	"github.com/sretopo/sretopo/orgs"
)

const (
	dev   = orgs.OrgDev
	ops   = orgs.OrgOps
	sreO  = orgs.OrgSRE
	youM  = orgs.YouRunIt
	yasM  = orgs.YouAndSRERunIt
	sreM  = orgs.SRERunIt
	opsM  = orgs.OpsRunIt
	noneM = orgs.Unorganized
)

// newOrg is an organization of the given teams, as a load would return it.
func newOrg(teams ...orgs.Team) *orgs.Org {
	return &orgs.Org{Format: 1, Name: "Test Org", Teams: append([]orgs.Team{}, teams...)}
}

func withPositioning(o *orgs.Org, p orgs.Positioning) *orgs.Org {
	o.SREOrg.Positioning = p
	return o
}

func withPerHead(o *orgs.Org, perHead int64) *orgs.Org {
	o.Defaults.PerHead = &perHead
	return o
}

// team is a team with the defaults a load fills in (on_call none; run you with rotation for dev teams).
func team(name string, org orgs.OrgID, kind orgs.Kind, headcount int) orgs.Team {
	t := orgs.Team{Name: name, Org: org, Kind: kind, Headcount: headcount, OnCall: orgs.OnCallNone}
	if kind == orgs.KindDev {
		t.Run, t.SRERole = orgs.RunYou, orgs.RoleRotation
	}
	return t
}

// you is a dev team (5 people, dev org) that runs its own services with the given SRE role.
func you(name string, role orgs.SRERole) orgs.Team {
	t := team(name, dev, orgs.KindDev, 5)
	t.SRERole = role
	return t
}

// t1, t2, t3 are dev teams of topologies 1, 2 and 3.
func t1(name string) orgs.Team { return you(name, orgs.RoleRotation) }
func t2(name string) orgs.Team { return you(name, orgs.RoleDedicated) }
func t3(name string) orgs.Team { return you(name, orgs.RoleBoth) }

// runBy is a dev team (5 people, dev org) whose services are run as run says, with partner.
func runBy(name string, run orgs.Run, partner string) orgs.Team {
	t := team(name, dev, orgs.KindDev, 5)
	t.Run, t.RunWith, t.SRERole = run, partner, ""
	return t
}

func yas(name, partner string) orgs.Team    { return runBy(name, orgs.RunYouAndSRE, partner) }
func srerun(name, partner string) orgs.Team { return runBy(name, orgs.RunSRE, partner) }
func opsrun(name, partner string) orgs.Team { return runBy(name, orgs.RunOps, partner) }
func unorg(name string) orgs.Team           { return runBy(name, orgs.RunNone, "") }

func sreTeam(name string, org orgs.OrgID, headcount int) orgs.Team {
	return team(name, org, orgs.KindSRE, headcount)
}

func infra(name string, org orgs.OrgID) orgs.Team { return team(name, org, orgs.KindSREInfra, 4) }

func opsTeam(name string) orgs.Team { return team(name, ops, orgs.KindOps, 6) }

func hc(t orgs.Team, n int) orgs.Team { t.Headcount = n; return t }

func in(t orgs.Team, org orgs.OrgID) orgs.Team { t.Org = org; return t }

func onCall(t orgs.Team, c orgs.OnCall) orgs.Team { t.OnCall = c; return t }

// exampleOrg loads the bundled example name, failing the test if it does not load.
func exampleOrg(t *testing.T, name string) *orgs.Org {
	t.Helper()
	ex, err := orgs.ExampleNamed(name)
	if err != nil {
		t.Fatal(err)
	}
	o, err := ex.Load()
	if err != nil {
		t.Fatal(err)
	}
	return o
}

// loadedExample is a bundled example and its model.
type loadedExample struct {
	orgs.Example
	Org *orgs.Org
}

// loadedExamples loads every bundled example, in the order of orgs.Examples, failing the
// test if one does not load.
func loadedExamples(t *testing.T) []loadedExample {
	t.Helper()
	var out []loadedExample
	for _, ex := range orgs.Examples() {
		o, err := ex.Load()
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, loadedExample{ex, o})
	}
	return out
}

// mustBeFileModel fails the test when m is not exactly what a file could load to.
func mustBeFileModel(t *testing.T, m *orgs.Org) {
	t.Helper()
	data := orgs.Marshal(m)
	back, err := orgs.Load("model.toml", data)
	if err != nil {
		t.Fatalf("the test model is not a valid organization:\n%v\n--- file:\n%s", err, data)
	}
	if !reflect.DeepEqual(back, m) {
		t.Fatalf("the test model does not survive marshal and load:\nmodel %#v\nback  %#v", m, back)
	}
}

// analyse analyses current against baseline after checking both are file models.
func analyse(t *testing.T, baseline, current *orgs.Org) *orgs.Analysis {
	t.Helper()
	mustBeFileModel(t, baseline)
	mustBeFileModel(t, current)
	return orgs.Analyse(baseline, current)
}

// analyseSelf analyses a model against itself (no scenario).
func analyseSelf(t *testing.T, o *orgs.Org) *orgs.Analysis {
	t.Helper()
	return analyse(t, o, o)
}

func teamVerdict(t *testing.T, an *orgs.Analysis, name string) orgs.TeamVerdict {
	t.Helper()
	for _, tv := range an.Teams {
		if tv.Name == name {
			return tv
		}
	}
	t.Fatalf("no team %q in the analysis", name)
	return orgs.TeamVerdict{}
}

func advisory(an *orgs.Analysis, code string) *orgs.Advisory {
	for i := range an.Advisories {
		if an.Advisories[i].Code == code {
			return &an.Advisories[i]
		}
	}
	return nil
}

func codes(an *orgs.Analysis) []string {
	out := make([]string, 0, len(an.Advisories))
	for _, a := range an.Advisories {
		out = append(out, a.Code)
	}
	return out
}

func ptr[T any](v T) *T { return &v }

// eqPtr compares two optional values: both nil, or both set and equal.
func eqPtr[T comparable](a, b *T) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return *a == *b
}

func show[T any](p *T) any {
	if p == nil {
		return "null"
	}
	return *p
}

func sorted(s []string) []string {
	c := slices.Clone(s)
	slices.Sort(c)
	return c
}

// backedUp gives dev team t a backup team (rules.md 1, v3).
func backedUp(t orgs.Team, backup string) orgs.Team { t.Backup = backup; return t }

// noSecondary takes the secondary off t's rotation; twoSites spreads it over two sites.
func noSecondary(t orgs.Team) orgs.Team { no := false; t.Secondary = &no; return t }
func twoSites(t orgs.Team) orgs.Team    { t.Sites = 2; return t }

// smallOrg is the smallest organization file with a team, for tests about files rather than rules.
const smallOrg = "format = 1\nname = \"Acme\"\n\n[[team]]\nname = \"Viewer\"\norg = \"dev\"\nkind = \"dev\"\nheadcount = 3\n"

// writeTo writes content to path, failing the test when it cannot.
func writeTo(t *testing.T, path, content string) {
	t.Helper()
	orgs.MustWriteFile(t, path, []byte(content), 0o644)
}
