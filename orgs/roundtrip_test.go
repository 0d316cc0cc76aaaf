package orgs_test

// docs/format.md "Writing": load, save, load gives equal models, and a saved file is canonical.

import (
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/sretopo/sretopo/orgs"
)

// roundTrip loads data, marshals the model, loads that again and requires equal models; the
// marshalled bytes must also be a fixed point (marshalling the reloaded model gives them back).
func roundTrip(t *testing.T, name string, data []byte) *orgs.Org {
	t.Helper()
	first, err := orgs.Load(name, data)
	if err != nil {
		t.Fatalf("load %s: %v", name, err)
	}
	saved := orgs.Marshal(first)
	second, err := orgs.Load(name+" (saved)", saved)
	if err != nil {
		t.Fatalf("the saved form of %s does not load: %v\n%s", name, err, saved)
	}
	if !reflect.DeepEqual(first, second) {
		t.Errorf("%s: load, save, load changed the model\nfirst  %#v\nsecond %#v\nsaved:\n%s", name, first, second, saved)
	}
	if again := orgs.Marshal(second); string(again) != string(saved) {
		t.Errorf("%s: saving the reloaded model gives other bytes\n%s\n---\n%s", name, saved, again)
	}
	checkCanonicalOrder(t, name, saved)
	return first
}

func TestRoundTripEveryExample(t *testing.T) {
	exs := orgs.Examples()
	if len(exs) == 0 {
		t.Fatal("no embedded examples")
	}
	for _, ex := range exs {
		t.Run(ex.Name, func(t *testing.T) { roundTrip(t, ex.Name+".toml", ex.Data) })
	}
}

func TestRoundTripEveryOptionalKey(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "testdata", "roundtrip", "everything.toml"))
	if err != nil {
		t.Fatal(err)
	}
	o := roundTrip(t, "everything.toml", data)

	// The file says, read by hand:
	if o.Name != "Zürich Santé — 医療 Platform" {
		t.Errorf("name %q", o.Name)
	}
	if want := "Imaging and reporting SaaS.\nSecond line with a \"quote\", a backslash \\ and a\ttab."; o.Description != want {
		t.Errorf("description %q, want %q", o.Description, want)
	}
	if o.Defaults.PerHead == nil || *o.Defaults.PerHead != 100000 || o.Defaults.Currency != "€ EUR" {
		t.Errorf("defaults %+v", o.Defaults)
	}
	if o.SREOrg.Positioning != orgs.PositionCostCenter {
		t.Errorf("positioning %q", o.SREOrg.Positioning)
	}
	if o.SRERole.Positioning != orgs.PositionPartner {
		t.Errorf("role positioning %q", o.SRERole.Positioning)
	}
	if len(o.Teams) != 8 {
		t.Fatalf("%d teams, want 8", len(o.Teams))
	}
	viewer := o.Teams[0]
	if viewer.Name != "Viewer ✓" || viewer.PerHead == nil || *viewer.PerHead != 110000 || viewer.Funding != orgs.OPEX ||
		viewer.OnCall != orgs.OnCall8x5 || viewer.Note != `took over reporting in Q2; C:\path\with\backslashes` ||
		viewer.Run != orgs.RunYouAndSRE || viewer.RunWith != "reliability" || viewer.SRERole != "" || viewer.Rotation != 5 {
		t.Errorf("team Viewer %+v", viewer)
	}
	reporting := o.Teams[1]
	if reporting.Note != "line one\nline two\n\ttabbed \"quoted\" \\ end\n" || reporting.Run != orgs.RunYou || reporting.SRERole != orgs.RoleBoth || reporting.OnCall != orgs.OnCallNone {
		t.Errorf("team Reporting %+v", reporting)
	}
	if lb := o.Teams[2]; lb.PerHead == nil || *lb.PerHead != 0 || lb.Run != orgs.RunOps || lb.RunWith != "Classic Ops" {
		t.Errorf("team Legacy Billing %+v", lb)
	}
	if s := o.Teams[3]; s.Run != orgs.RunNone || s.RunWith != "" || s.SRERole != "" {
		t.Errorf("team Search %+v", s)
	}
	if c := o.Teams[4]; c.Org != ops || c.Kind != orgs.KindDev || c.Run != orgs.RunSRE {
		t.Errorf("team Checkout %+v", c)
	}
	if r := o.Teams[5]; r.Funding != orgs.CAPEX || r.OnCall != orgs.OnCall24x7 || r.Run != "" || r.SRERole != "" || r.Rotation != 0 {
		t.Errorf("team Reliability %+v", r)
	}
	if c := o.Teams[6]; c.Headcount != 10000 || c.OnCall != orgs.OnCall24x5 {
		t.Errorf("team Classic Ops %+v", c)
	}
	f := func(p *float64) any { return show(p) }
	wantServices := []struct {
		name, team        string
		avail, budgetUsed any
		run               orgs.Run
		runWith           string
	}{
		{"DICOM viewer", "viewer ✓", 99.95, 0.42, "", ""},
		{"Report export", "Reporting", 99.0, 0.0, orgs.RunYou, ""},
		{"Nightly billing", "Legacy Billing", "null", 1.75, "", ""},
		{"Search API", "Search", 0.001, "null", orgs.RunSRE, "reliability"},
		{"Cart", "Checkout", "null", "null", orgs.RunOps, "Classic Ops"},
	}
	if len(o.Services) != len(wantServices) {
		t.Fatalf("%d services, want %d", len(o.Services), len(wantServices))
	}
	for i, w := range wantServices {
		s := o.Services[i]
		if s.Name != w.name || s.Team != w.team || f(s.Availability) != w.avail || f(s.ErrorBudgetUsed) != w.budgetUsed || s.Run != w.run || s.RunWith != w.runWith {
			t.Errorf("service #%d: %s %s %v %v %q %q, want %+v", i+1, s.Name, s.Team, f(s.Availability), f(s.ErrorBudgetUsed), s.Run, s.RunWith, w)
		}
	}
	num := func(v float64) *float64 { return &v }
	wantKPIs := []orgs.KPI{
		// better = "higher" is the default, stored as empty
		{Identity: relUX, Text: "99% of checkout requests succeed each month", Target: num(0.99), Actual: num(0.985)},
		{Identity: product, Text: "Complaints about \"the viewer\" fall:\n\tquarter on quarter"},
		// target = 2 is written as an integer and read as a number
		{Identity: relUX, Text: "Second own KPI — ünïcödé", Target: num(2), Actual: num(1.5), Better: orgs.BetterLower},
	}
	if !reflect.DeepEqual(o.KPIs, wantKPIs) {
		t.Errorf("kpis %+v, want %+v", o.KPIs, wantKPIs)
	}
	sc := o.Scenario
	wantSaved := time.Date(2026, 11, 25, 20, 15, 0, 123456789, time.UTC)
	if sc == nil || sc.Title != "2027-Q1 SRE org, shared on call" || sc.Note != "free text\nover two lines" ||
		sc.BasedOn != "../baseline dir/acme.toml" || sc.BasedOnSHA256 != "9f2c3a1b" || sc.SavedAt == nil || !sc.SavedAt.Equal(wantSaved) {
		t.Errorf("scenario %+v, want saved at %v", sc, wantSaved)
	}
}

// Values that are awkward to write: quotes, backslashes, unicode, floats at the edges of
// their formatting, an empty scenario, no teams at all.
func TestRoundTripAwkwardValues(t *testing.T) {
	f := func(x float64) *float64 { return &x }
	saved := time.Date(2027, 1, 2, 3, 4, 5, 0, time.UTC)
	models := map[string]*orgs.Org{
		"no teams": newOrg(),
		"quotes, backslashes and unicode in names": func() *orgs.Org {
			o := newOrg(t1(`A "quoted" \ name`), sreTeam(`S\n`, sreO, 3), t1("ÄÖÜ 日本 ✓ 🙂"), t1("'single' # not a comment"))
			o.Name, o.Description = `Org "name" \ x`, "tab\there\nnewline, \"quotes\", \\ backslash, ⟨unicode⟩"
			return o
		}(),
		"awkward floats": func() *orgs.Org {
			o := newOrg(t1("A"))
			o.Services = []orgs.Service{
				{Name: "a", Team: "A", Availability: f(99.99999999999999), ErrorBudgetUsed: f(0.30000000000000004)},
				{Name: "b", Team: "A", Availability: f(1e-300), ErrorBudgetUsed: f(1e300)},
				{Name: "c", Team: "A", Availability: f(50), ErrorBudgetUsed: f(5e-324)},
				{Name: "d", Team: "A", Availability: f(math.Nextafter(100, 0)), ErrorBudgetUsed: f(123456789012345678)},
			}
			return o
		}(),
		"empty scenario": func() *orgs.Org { o := newOrg(t1("A")); o.Scenario = &orgs.Scenario{}; return o }(),
		"scenario with only saved_at": func() *orgs.Org {
			o := newOrg(t1("A"))
			o.Scenario = &orgs.Scenario{SavedAt: &saved}
			return o
		}(),
		"zero costs": func() *orgs.Org {
			o := withPerHead(newOrg(t1("A")), 0)
			zero := int64(0)
			o.Teams[0].PerHead = &zero
			return o
		}(),
	}
	for name, m := range models {
		t.Run(name, func(t *testing.T) {
			mustBeFileModel(t, m)
			checkCanonicalOrder(t, name, orgs.Marshal(m))
		})
	}
}

// checkCanonicalOrder checks a saved file against docs/format.md: top-level keys, then
// [defaults], [sre_org], the teams, services and KPIs, then [scenario]; inside each table the
// keys in the order the format documents them.
func checkCanonicalOrder(t *testing.T, name string, data []byte) {
	t.Helper()
	sections := []string{"", "[defaults]", "[sre_org]", "[sre_role]", "[[team]]", "[[service]]", "[[kpi]]", "[scenario]"}
	keyOrder := map[string][]string{
		"":            {"format", "name", "description"},
		"[defaults]":  {"per_head", "currency"},
		"[sre_org]":   {"positioning"},
		"[sre_role]":  {"positioning"},
		"[[team]]":    {"name", "org", "kind", "headcount", "per_head", "funding", "on_call", "rotation", "note", "run", "run_with", "sre_role"},
		"[[service]]": {"name", "team", "availability", "error_budget_used", "run", "run_with", "backup", "window_days", "incidents_per_month", "restore_hours"},
		"[[kpi]]":     {"identity", "text", "target", "actual", "better"},
		"[scenario]":  {"title", "note", "based_on", "based_on_sha256", "saved_at"},
	}
	section, sectionIdx, lastKey := "", 0, -1
	for n, line := range strings.Split(string(data), "\n") {
		switch {
		case strings.TrimSpace(line) == "":
			continue
		case strings.HasPrefix(line, "["):
			i := indexOf(sections, line)
			if i < 0 || i < sectionIdx || (i == sectionIdx && !strings.HasPrefix(line, "[[")) {
				t.Errorf("%s: line %d: header %s out of canonical order", name, n+1, line)
			}
			section, sectionIdx, lastKey = line, max(i, 0), -1
		default:
			key, _, ok := strings.Cut(line, " = ")
			k := indexOf(keyOrder[section], key)
			if !ok || k < 0 || k <= lastKey {
				t.Errorf("%s: line %d: key %q out of canonical order in %q", name, n+1, key, section)
			}
			lastKey = k
		}
	}
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}
