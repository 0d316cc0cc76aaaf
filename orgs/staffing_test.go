package orgs_test

// docs/rules.md sections 6 (measured KPIs) and 9 (on-call and staffing), with the thin-rotation
// advisory of section 10 for every on-call pattern.

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/sretopo/sretopo/orgs"
)

func TestKPIStatus(t *testing.T) {
	n := func(v float64) *float64 { return &v }
	cases := []struct {
		target, actual *float64
		better         orgs.Better
		want           orgs.KPIStatus
	}{
		{n(0.99), n(0.985), "", orgs.KPIMissed},
		{n(0.99), n(0.995), "", orgs.KPIMet},
		{n(0.99), n(0.99), "", orgs.KPIMet}, // met at equality
		{n(24), n(20), orgs.BetterLower, orgs.KPIMet},
		{n(24), n(24), orgs.BetterLower, orgs.KPIMet},
		{n(24), n(30), orgs.BetterLower, orgs.KPIMissed},
		{n(24), n(30), orgs.BetterHigher, orgs.KPIMet},
		{nil, nil, "", orgs.KPIUnmeasured},
		{nil, nil, orgs.BetterLower, orgs.KPIUnmeasured},
	}
	for _, c := range cases {
		k := orgs.KPI{Identity: orgs.ProductCentric, Text: "k", Target: c.target, Actual: c.actual, Better: c.better}
		m := orgs.MeasureKPI(&k)
		if m.Status != c.want {
			t.Errorf("target %v, actual %v, better %q: %s, want %s", show(c.target), show(c.actual), c.better, m.Status, c.want)
		}
		if (m.Target == nil) != (c.want == orgs.KPIUnmeasured) {
			t.Errorf("%s with target %v", m.Status, show(m.Target))
		}
	}
	o := svcLoad(t, "[[team]]\nname = \"A\"\norg = \"dev\"\nkind = \"dev\"\nheadcount = 3\n\n[[kpi]]\nidentity = \"incident-centric\"\ntext = \"MTTR in hours\"\ntarget = 24\nactual = 30\nbetter = \"lower\"\n")
	if m := orgs.MeasureKPI(&o.KPIs[0]); m.Status != orgs.KPIMissed {
		t.Errorf("loaded KPI: %s", m.Status)
	}
	b, _ := json.Marshal(orgs.MeasureKPI(&o.KPIs[0]))
	if string(b) != `{"status":"missed","target":24,"actual":30}` {
		t.Errorf("JSON %s", b)
	}
}

func TestErrorBudgetKPIIsMeasuredFromSupportedServices(t *testing.T) {
	head := svcReliabilityTeams
	svc := func(name, used, run string) string {
		s := "\n[[service]]\nname = \"" + name + "\"\nteam = \"Ledger Team\"\n"
		if used != "" {
			s += "error_budget_used = " + used + "\n"
		}
		return s + run
	}
	sre := "run = \"sre\"\nrun_with = \"Reliability\"\n"
	yas := "run = \"you-and-sre\"\nrun_with = \"Day SRE\"\n"
	ops := "run = \"ops\"\nrun_with = \"Cloud Operations\"\n"
	cases := []struct {
		name, services string
		status         orgs.KPIStatus
		actual         any
	}{
		{"no supported service", svc("A", "0.5", "") + svc("B", "2", ops), orgs.KPIUnmeasured, "null"},
		{"supported services without budget use", svc("A", "", sre) + svc("B", "", yas), orgs.KPIUnmeasured, "null"},
		{"all within, at exactly 1", svc("A", "1", sre) + svc("B", "0.2", yas) + svc("C", "5", ops), orgs.KPIMet, 1.0},
		{"9 of 10 within is met", strings.Repeat("", 0) + tenServices(svc, sre, 9), orgs.KPIMet, 0.9},
		{"8 of 10 within is missed", tenServices(svc, sre, 8), orgs.KPIMissed, 0.8},
		{"2 of 3 rounds to 4 decimals", svc("A", "0.5", sre) + svc("B", "0.9", yas) + svc("C", "1.1", sre) + svc("D", "", sre), orgs.KPIMissed, 0.6667},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v := orgs.AnalyseServices(svcLoad(t, head+c.services), nil)
			m := v.ErrorBudgetKPI
			if m.Status != c.status || show(m.Actual) != c.actual {
				t.Errorf("%s with actual %v, want %s with %v", m.Status, show(m.Actual), c.status, c.actual)
			}
			if m.Status != orgs.KPIUnmeasured && *m.Target != 0.9 {
				t.Errorf("target %v", *m.Target)
			}
			if got := orgs.MeasureExampleKPI(orgs.ErrorBudgetKPIText, v); got.Status != m.Status {
				t.Errorf("MeasureExampleKPI: %s", got.Status)
			}
		})
	}
	if orgs.ErrorBudgetKPIText != "90% of supported services are within error budgets" {
		t.Errorf("the measured example KPI is %q", orgs.ErrorBudgetKPIText)
	}
	if m := orgs.MeasureExampleKPI("NPS score of at least 75 for product B", nil); m.Status != orgs.KPIUnmeasured {
		t.Errorf("another example KPI is %s", m.Status)
	}
}

func tenServices(svc func(name, used, run string) string, run string, within int) string {
	var s string
	for i := range 10 {
		used := "0.3"
		if i >= within {
			used = "1.5"
		}
		s += svc(fmt.Sprintf("S%d", i), used, run)
	}
	return s
}

// The SRE book, "Being On-Call": "each engineer is on-call (primary or secondary) for one
// week every month", so a single-site rotation with a primary and a secondary needs eight
// engineers, and "a minimum of six engineers is needed in each site" of a dual-site one.
// Version 3 counts weeks on call; version 2's hours over the 168-hour week let two people on
// an 8x5 rotation, each on call every single week, pass as sustainable.
func TestStaffingOfEveryPattern(t *testing.T) {
	yes, no := true, false
	cases := []struct {
		onCall                 orgs.OnCall
		headcount, rotation    int // rotation 0: unset
		secondary              *bool
		sites                  int
		layers, wantRotation   int
		covered                int
		hours, offHours, weeks float64
		minimum, needed, hires int
		hireCost               int64
	}{
		// working hours: no secondary by default, a minimum of 4
		{orgs.OnCall8x5, 6, 0, nil, 0, 1, 6, 40, 6.67, 0, 0.1667, 4, 0, 0, 0},
		{orgs.OnCall8x5, 2, 0, nil, 0, 1, 2, 40, 20, 0, 0.5, 4, 2, 2, 200000}, // each on call every other week
		{orgs.OnCall8x7, 5, 2, nil, 0, 1, 2, 56, 28, 8, 0.5, 4, 2, 0, 0},
		{orgs.OnCall8x5, 6, 0, &yes, 0, 2, 6, 40, 13.33, 0, 0.3333, 8, 2, 2, 200000},
		// round the clock: a secondary by default, a minimum of 8
		{orgs.OnCall24x5, 6, 0, nil, 0, 2, 6, 120, 40, 26.67, 0.3333, 8, 2, 2, 200000},
		{orgs.OnCall24x7, 8, 0, nil, 0, 2, 8, 168, 42, 32, 0.25, 8, 0, 0, 0}, // one week in four
		{orgs.OnCall24x7, 10, 1, nil, 0, 2, 1, 168, 336, 256, 1, 8, 7, 0, 0},
		{orgs.OnCall24x7, 4, 0, &no, 0, 1, 4, 168, 42, 32, 0.25, 4, 0, 0, 0},
		// follow the sun: six per site with a secondary, three without
		{orgs.OnCall24x7, 12, 0, nil, 2, 2, 12, 168, 28, 21.33, 0.3333, 12, 0, 0, 0},
		{orgs.OnCall24x7, 5, 0, &no, 2, 1, 5, 168, 33.6, 25.6, 0.4, 6, 1, 1, 100000},
	}
	for _, c := range cases {
		name := fmt.Sprintf("%s, %d people, rotation %d, layers %d, sites %d", c.onCall, c.headcount, c.rotation, c.layers, max(1, c.sites))
		t.Run(name, func(t *testing.T) {
			text := fmt.Sprintf("[defaults]\nper_head = 100000\n\n[[team]]\nname = \"Ops\"\norg = \"ops\"\nkind = \"ops\"\nheadcount = %d\non_call = %q\n", c.headcount, c.onCall)
			if c.rotation > 0 {
				text += fmt.Sprintf("rotation = %d\n", c.rotation)
			}
			if c.secondary != nil {
				text += fmt.Sprintf("secondary = %t\n", *c.secondary)
			}
			if c.sites > 0 {
				text += fmt.Sprintf("sites = %d\n", c.sites)
			}
			o := svcLoad(t, text)
			s := orgs.StaffingOf(o)
			if len(s.Rotations) != 1 {
				t.Fatalf("%d rotations", len(s.Rotations))
			}
			r := s.Rotations[0]
			got := []any{r.Layers, r.Rotation, r.CoveredHours, r.HoursPerPerson, r.OffHoursPerPerson, r.WeeksShare, r.Minimum, r.Needed, r.Hires, r.HireCost}
			want := []any{c.layers, c.wantRotation, c.covered, c.hours, c.offHours, c.weeks, c.minimum, c.needed, c.hires, c.hireCost}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("layers, rotation, covered, hours, off-hours, weeks, minimum, needed, hires, cost:\n got %v\nwant %v", got, want)
			}
			if s.Needed != c.needed || s.Hires != c.hires || s.HireCost != c.hireCost {
				t.Errorf("totals %+v", s.StaffingTotals)
			}
			thin := orgs.ThinRotation(&s)
			if (thin != nil) != (c.needed > 0) {
				t.Fatalf("thin-rotation %v with %d needed", thin, c.needed)
			}
			if thin == nil {
				return
			}
			part := fmt.Sprintf(`rotation %d, minimum %d): add %d to the rotation, hire %d`, c.wantRotation, c.minimum, c.needed, c.hires)
			if !strings.Contains(thin.Message, part) || thin.Severity != orgs.Warning || !reflect.DeepEqual(thin.Teams, []string{"Ops"}) {
				t.Errorf("thin-rotation %+v, want a message holding %q", thin, part)
			}
			// the other ways out: pooling, and dropping a secondary where there is one
			if !strings.Contains(thin.Message, "pool the rotation with another team") ||
				strings.Contains(thin.Message, "drop the secondary") != (c.layers == 2) {
				t.Errorf("thin-rotation does not name the ways out: %s", thin.Message)
			}
		})
	}
}

// rules.md 9: minimum rotation = sites x ceil(layers / limit), the limit a quarter of the weeks
// on one site and a third on each of two.
func TestMinimumRotation(t *testing.T) {
	for _, c := range []struct{ layers, sites, want int }{{2, 1, 8}, {1, 1, 4}, {2, 2, 12}, {1, 2, 6}} {
		if got := orgs.MinimumRotation(c.layers, c.sites); got != c.want {
			t.Errorf("%d layers on %d sites: %d, want %d", c.layers, c.sites, got, c.want)
		}
		// at the minimum nobody is on call more than the limit; one fewer and somebody is
		limit := 0.25
		if c.sites == 2 {
			limit = 1.0 / 3
		}
		if weeks := float64(c.layers*c.sites) / float64(c.want); weeks > limit+1e-9 {
			t.Errorf("%d layers on %d sites: %v of the weeks at the minimum", c.layers, c.sites, weeks)
		}
		if weeks := float64(c.layers*c.sites) / float64(c.want-c.sites); weeks <= limit {
			t.Errorf("%d layers on %d sites: a rotation of %d would do", c.layers, c.sites, c.want-c.sites)
		}
	}
}

func TestStaffingTotalsAndDelta(t *testing.T) {
	base := svcLoad(t, `
[defaults]
per_head = 100000

[[team]]
name = "Viewer"
org = "dev"
kind = "dev"
headcount = 8
per_head = 120000
on_call = "8x5"

[[team]]
name = "Quiet"
org = "dev"
kind = "dev"
headcount = 2

[[team]]
name = "Cloud Operations"
org = "ops"
kind = "ops"
headcount = 4
on_call = "24x5"
rotation = 3

[[team]]
name = "Night"
org = "ops"
kind = "ops"
headcount = 5
on_call = "24x7"
`)
	s := orgs.StaffingAgainst(base, base)
	var names []string
	for _, r := range s.Rotations {
		names = append(names, r.Team)
	}
	if !reflect.DeepEqual(names, []string{"Viewer", "Cloud Operations", "Night"}) {
		t.Errorf("rotations of %q; a team not on call has none", names)
	}
	// Viewer (8x5, no secondary: minimum 4) is fine; Cloud Operations (24x5 with a
	// secondary: minimum 8) needs 5 more in the rotation, 4 hires; Night: 3 and 3
	if s.Needed != 8 || s.Hires != 7 || s.HireCost != 700000 || s.Delta != (orgs.StaffingTotals{}) {
		t.Errorf("totals %+v, delta %+v", s.StaffingTotals, s.Delta)
	}
	cur := base.Clone()
	cur.Teams[0].OnCall = orgs.OnCall24x7 // Viewer: 8 people, minimum 8: nothing needed
	cur.Teams[2].Headcount, cur.Teams[2].Rotation = 6, 6
	no := false
	cur.Teams[3].OnCall, cur.Teams[3].Secondary = orgs.OnCall24x5, &no // Night: primary only, minimum 4, 5 people
	got := orgs.StaffingAgainst(base, cur)
	// Cloud Operations 6 of 8: 2 and 2
	if got.Needed != 2 || got.Hires != 2 || got.HireCost != 200000 || got.Delta != (orgs.StaffingTotals{Needed: -6, Hires: -5, HireCost: -500000}) {
		t.Errorf("after: %+v, delta %+v", got.StaffingTotals, got.Delta)
	}
	b, _ := json.Marshal(got)
	for _, part := range []string{
		`{"rotations":[{"team":"Viewer","on_call":"24x7","layers":2,"sites":1,"rotation":8,"covered_hours":168,"hours_per_person":42,"off_hours_per_person":32,"weeks_share":0.25,"minimum":8,"needed":0,"hires":0,"hire_cost":0,"pages_per_person":null},`,
		`{"team":"Night","on_call":"24x5","layers":1,"sites":1,"rotation":5,"covered_hours":120,"hours_per_person":24,"off_hours_per_person":16,"weeks_share":0.2,"minimum":4,"needed":0,"hires":0,"hire_cost":0,"pages_per_person":null}`,
		`],"needed":2,"hires":2,"hire_cost":200000,"delta":{"needed":-6,"hires":-5,"hire_cost":-500000}}`,
	} {
		if !strings.Contains(string(b), part) {
			t.Errorf("JSON %s\nlacks %s", b, part)
		}
	}
	thin := orgs.ThinRotation(&s)
	if thin == nil || !reflect.DeepEqual(thin.Teams, []string{"Cloud Operations", "Night"}) || thin.Services == nil {
		t.Errorf("thin-rotation %+v", thin)
	}
	none, _ := json.Marshal(orgs.StaffingOf(svcLoad(t, "")))
	if string(none) != `{"rotations":[],"needed":0,"hires":0,"hire_cost":0,"delta":{"needed":0,"hires":0,"hire_cost":0}}` {
		t.Errorf("staffing of an empty model: %s", none)
	}
}

func TestRotationBoundsInFiles(t *testing.T) {
	team := func(headcount int, onCall, rotation string) string {
		s := fmt.Sprintf("[[team]]\nname = \"Ops\"\norg = \"ops\"\nkind = \"ops\"\nheadcount = %d\n", headcount)
		if onCall != "" {
			s += "on_call = \"" + onCall + "\"\n"
		}
		return s + rotation
	}
	for _, ok := range []string{team(5, "8x5", "rotation = 1\n"), team(5, "24x7", "rotation = 5\n"), team(1, "8x7", "rotation = 1\n")} {
		if _, err := orgs.Load("ok.toml", []byte(validHead+ok)); err != nil {
			t.Errorf("refused:\n%s\n%v", ok, err)
		}
	}
	for text, msg := range map[string]string{
		team(5, "8x5", "rotation = 6\n"):   "rotation 6 is out of range 1-5",
		team(5, "8x5", "rotation = 0\n"):   "rotation 0 is out of range",
		team(5, "8x5", "rotation = -2\n"):  "rotation -2 is out of range",
		team(5, "none", "rotation = 2\n"):  `rotation applies only to a team on call, and this team has on_call = "none"`,
		team(5, "", "rotation = 2\n"):      "rotation applies only to a team on call, and this team has no on_call",
		team(5, "8x5", "rotation = 2.5\n"): "rotation must be a whole number, not a float",
	} {
		_, err := orgs.Load("bad.toml", []byte(validHead+text))
		if err == nil || !strings.Contains(err.Error(), msg) || !strings.HasPrefix(err.Error(), "bad.toml:") {
			t.Errorf("%s: error %v, want one holding %q", text, err, msg)
		}
	}
}

// docs/on-call-staffing.md's worked example, as the document gives it.
func TestStaffingWorkedExample(t *testing.T) {
	o := exampleOrg(t, "health-platform")
	i := o.TeamIndex("Cloud Operations")
	before, _ := orgs.RotationOf(o, i)
	o.Teams[i].OnCall = orgs.OnCall24x7
	after, _ := orgs.RotationOf(o, i)
	got := []any{before.CoveredHours, before.HoursPerPerson, before.WeeksShare, before.Minimum, before.Needed, before.Hires, before.HireCost,
		after.CoveredHours, after.HoursPerPerson, after.WeeksShare, after.Minimum, after.Needed, after.Hires, after.HireCost}
	want := []any{120, 40.0, 0.3333, 8, 2, 2, int64(220000), 168, 56.0, 0.3333, 8, 2, 2, int64(220000)}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %v\nwant %v", got, want)
	}
	s := orgs.StaffingOf(o)
	if thin := orgs.ThinRotation(&s); thin == nil || !strings.Contains(thin.Message, `"Cloud Operations" (24x7, primary and secondary, rotation 6, minimum 8): add 2 to the rotation, hire 2`) {
		t.Errorf("thin-rotation %+v", thin)
	}
	for range 2 {
		if _, err := o.AddHeadcount(i, +1); err != nil {
			t.Fatal(err)
		}
	}
	if s := orgs.StaffingOf(o); orgs.ThinRotation(&s) != nil {
		t.Error("two more people did not clear thin-rotation")
	}
}
