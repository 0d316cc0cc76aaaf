package orgs_test

// docs/rules.md section 8: the week grid, the longest uncovered stretch for every on-call
// pattern and their unions, error budget hours, responders, statuses and the three service
// advisories.

import (
	"encoding/json"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/sretopo/sretopo/internal/gen"
	"github.com/sretopo/sretopo/orgs"
)

func TestCoverageOfEachPattern(t *testing.T) {
	const mon, fri, sat, sun = 0, 4 * 24, 5 * 24, 6 * 24
	cases := []struct {
		c              orgs.OnCall
		hours, longest int
		covered        []int // hours of the week that must be covered
		uncovered      []int // and that must not
	}{
		{orgs.OnCallNone, 0, 168, nil, []int{mon + 10, sat + 12}},
		{orgs.OnCall8x5, 40, 64, []int{mon + 9, mon + 16, fri + 16}, []int{mon + 8, mon + 17, fri + 17, sat + 10, sun + 10}},
		{orgs.OnCall8x7, 56, 16, []int{mon + 9, sat + 9, sun + 16}, []int{sat + 8, sun + 17, sun + 23}},
		{orgs.OnCall24x5, 120, 48, []int{mon, fri + 23}, []int{sat, sun + 23}},
		{orgs.OnCall24x7, 168, 0, []int{mon, sat + 3, sun + 23}, nil},
	}
	for _, c := range cases {
		w := orgs.Coverage(c.c)
		if w.Hours() != c.hours || orgs.CoveredHours(c.c) != c.hours {
			t.Errorf("%s covers %d hours (CoveredHours %d), want %d", c.c, w.Hours(), orgs.CoveredHours(c.c), c.hours)
		}
		if got := w.LongestUncovered(); got != c.longest {
			t.Errorf("%s: longest uncovered stretch %d, want %d", c.c, got, c.longest)
		}
		if got := orgs.LongestUncoveredOf(c.c); got != c.longest {
			t.Errorf("LongestUncoveredOf(%s) = %d, want %d", c.c, got, c.longest)
		}
		for _, h := range c.covered {
			if !hourCovered(w, h) {
				t.Errorf("%s leaves hour %d (day %d, %02d:00) uncovered", c.c, h, h/24, h%24)
			}
		}
		for _, h := range c.uncovered {
			if hourCovered(w, h) {
				t.Errorf("%s covers hour %d (day %d, %02d:00)", c.c, h, h/24, h%24)
			}
		}
	}
}

// hourCovered reads the grid through Union and Hours only: a week holding hour h alone adds
// no hour to w exactly when w covers h.
func hourCovered(w orgs.Week, h int) bool {
	var one orgs.Week
	one[h/64] = 1 << (h % 64)
	return w.Union(one).Hours() == w.Hours()
}

func TestCoverageOfUnions(t *testing.T) {
	cases := []struct {
		calls   []orgs.OnCall
		longest int
	}{
		{[]orgs.OnCall{orgs.OnCall24x5, orgs.OnCall8x7}, 16}, // Saturday 17:00 to Sunday 09:00
		{[]orgs.OnCall{orgs.OnCall8x5, orgs.OnCall8x7}, 16},
		{[]orgs.OnCall{orgs.OnCall8x5, orgs.OnCall24x5}, 48},
		{[]orgs.OnCall{orgs.OnCall8x5, orgs.OnCall24x7}, 0},
		{[]orgs.OnCall{orgs.OnCall8x5, orgs.OnCallNone}, 64},
		{[]orgs.OnCall{orgs.OnCallNone, orgs.OnCallNone}, 168},
		{nil, 168},
	}
	for _, c := range cases {
		if got := orgs.LongestUncoveredOf(c.calls...); got != c.longest {
			t.Errorf("%v: %d, want %d", c.calls, got, c.longest)
		}
		var w orgs.Week
		for _, oc := range c.calls {
			w = w.Union(orgs.Coverage(oc))
		}
		if got := w.LongestUncovered(); got != c.longest {
			t.Errorf("%v on the grid: %d, want %d", c.calls, got, c.longest)
		}
	}
	if got := orgs.Coverage(orgs.OnCall24x5).Union(orgs.Coverage(orgs.OnCall8x7)).Hours(); got != 120+16 {
		t.Errorf("24x5 with 8x7 covers %d hours, want 136", got)
	}
}

// rules.md 8 (v3): the error budget takes the SLO's window, (1 - availability/100) x 24 x
// window_days; screens write one under an hour in minutes.
func TestErrorBudgetOverTheWindow(t *testing.T) {
	if got := orgs.ErrorBudgetHours(99.9, 28); math.Abs(got-0.672) > 1e-9 {
		t.Errorf("99.9%% over 28 days: %v h, want 0.672", got)
	}
	for hours, want := range map[float64]string{orgs.ErrorBudgetHours(99.99, 30): "4.3 min", 0.672: "40.3 min", 3.6: "3.6 h", 1: "1 h", 43.2: "43.2 h"} {
		if got := orgs.BudgetWords(hours); got != want {
			t.Errorf("BudgetWords(%v) = %q, want %q", hours, got, want)
		}
	}
	o := svcLoad(t, svcReliabilityTeams, serviceTOML("Quarterly", "Ledger Team", "availability = 99.9", "window_days = 90"))
	v := orgs.AnalyseServices(o, nil).Services[0]
	if v.WindowDays != 90 || math.Abs(v.BudgetHours-2.16) > 1e-9 {
		t.Errorf("a 90-day window: %d days, %v h", v.WindowDays, v.BudgetHours)
	}
}

func TestErrorBudgetHours(t *testing.T) {
	for _, c := range []struct{ availability, hours float64 }{
		{99, 7.2}, {99.5, 3.6}, {99.9, 0.72}, {99.95, 0.36}, {99.99, 0.072}, {50, 360},
	} {
		if got := orgs.ErrorBudgetHours(c.availability, 30); math.Abs(got-c.hours) > 1e-9 {
			t.Errorf("%v%%: %v hours, want %v", c.availability, got, c.hours)
		}
	}
}

// svcReliabilityTeams: an 8x5 dev team, a 24x5 ops team, SRE teams on call 8x7 and 24x7, and
// a dev team nobody puts on call.
const svcReliabilityTeams = `
[[team]]
name = "Ledger Team"
org = "dev"
kind = "dev"
headcount = 6
on_call = "8x5"

[[team]]
name = "Quiet"
org = "dev"
kind = "dev"
headcount = 4
` + orgs.CloudOperationsTOML + `
[[team]]
name = "Day SRE"
org = "sre"
kind = "sre"
headcount = 3
on_call = "8x7"
` + orgs.ReliabilityTOML

func TestServiceReliability(t *testing.T) {
	o := svcLoad(t, svcReliabilityTeams,
		serviceTOML("Ledger", "Ledger Team", `availability = 99.99`, `error_budget_used = 1.4`, `run = "ops"`, `run_with = "Cloud Operations"`),
		serviceTOML("Statements", "Ledger Team", `availability = 99`),
		serviceTOML("Payments", "Ledger Team", `availability = 99.95`, `error_budget_used = 1.2`, `run = "sre"`, `run_with = "Reliability"`),
		serviceTOML("Exports", "Ledger Team", `availability = 90`, `run = "you-and-sre"`, `run_with = "Day SRE"`),
		serviceTOML("Archive", "Quiet"),
		serviceTOML("Reports", "Quiet", `error_budget_used = 2`, `run = "none"`),
	)
	v := orgs.AnalyseServices(o, nil)
	type row struct {
		responders []string
		longest    int
		budget     any
		status     string
	}
	want := map[string]row{
		"Ledger":     {[]string{"Cloud Operations"}, 48, 0.07, "gap, over budget"},
		"Statements": {[]string{"Ledger Team"}, 64, 7.2, "gap"},
		"Payments":   {[]string{"Reliability"}, 0, 0.36, "over budget"},
		"Exports":    {[]string{"Ledger Team", "Day SRE"}, 16, 72.0, "ok"}, // 8x5 with 8x7, 72 h budget
		"Archive":    {[]string{"Quiet"}, 168, "null", "no target"},
		"Reports":    {nil, 168, "null", "over budget"},
	}
	for _, sv := range v.Services {
		w := want[sv.Name]
		if !reflect.DeepEqual(sv.Responders, w.responders) || sv.LongestUncovered != w.longest || show(sv.ErrorBudgetHours()) != w.budget || sv.Status != w.status {
			t.Errorf("%s: responders %q, longest %d, budget %v, status %q; want %+v", sv.Name, sv.Responders, sv.LongestUncovered, show(sv.ErrorBudgetHours()), sv.Status, w)
		}
	}
	byCode := map[string]orgs.Advisory{}
	var order []string
	for _, a := range v.Advice {
		byCode[a.Code] = a
		order = append(order, a.Code)
		if a.Severity != orgs.Warning {
			t.Errorf("%s: severity %s", a.Code, a.Severity)
		}
	}
	if want := []string{"coverage-gap", "high-target-ops-run", "sre-run-over-budget"}; !reflect.DeepEqual(order, want) {
		t.Fatalf("advisories %q, want %q", order, want)
	}
	gap := byCode["coverage-gap"]
	if !reflect.DeepEqual(gap.Services, []string{"Ledger", "Statements"}) || !reflect.DeepEqual(gap.Teams, []string{"Ledger Team"}) {
		t.Errorf("coverage-gap names %q built by %q", gap.Services, gap.Teams)
	}
	// rules.md 8 (v3): a budget under an hour is written in minutes, "a four-nines service
	// has 4.3 minutes, not 0.07 h"
	for _, part := range []string{`"Ledger" (target 99.99%, budget 4.3 min in 30 days, 48 h uncovered)`, `"Statements" (target 99%, budget 7.2 h in 30 days, 64 h uncovered)`} {
		if !strings.Contains(gap.Message, part) {
			t.Errorf("coverage-gap message %q lacks %q", gap.Message, part)
		}
	}
	high := byCode["high-target-ops-run"]
	if !reflect.DeepEqual(high.Services, []string{"Ledger"}) || !strings.Contains(high.Message, `"Ledger" (target 99.99%, ops run it)`) {
		t.Errorf("high-target-ops-run: %+v", high)
	}
	over := byCode["sre-run-over-budget"]
	if !reflect.DeepEqual(over.Services, []string{"Payments"}) || !reflect.DeepEqual(over.Teams, []string{"Ledger Team"}) ||
		!strings.Contains(over.Message, `"Payments" (120% of its error budget used, run by "Reliability")`) {
		t.Errorf("sre-run-over-budget: %+v", over)
	}
	b, _ := json.Marshal(v.Services[0])
	wantJSON := `{"name":"Ledger","team":"Ledger Team","run_model":"ops-run-it","topology":null,"run_with":"Cloud Operations","backup":null,"exception":true,` +
		`"availability":99.99,"window_days":30,"error_budget_used":1.4,"error_budget_hours":0.07,"responders":["Cloud Operations"],"longest_uncovered_hours":48,"status":"gap, over budget","risk":null}`
	if string(b) != wantJSON {
		t.Errorf("JSON\n%s\nwant\n%s", b, wantJSON)
	}
	b, _ = json.Marshal(v.Services[5])
	if !strings.Contains(string(b), `"topology":null,"run_with":null,"backup":null,"exception":true,"availability":null,"window_days":30,"error_budget_used":2,"error_budget_hours":null,"responders":[]`) {
		t.Errorf("JSON of an unorganized service without a target: %s", b)
	}
	b, _ = json.Marshal(gap)
	if !strings.HasPrefix(string(b), `{"code":"coverage-gap","severity":"warning","message":`) || !strings.HasSuffix(string(b), `"teams":["Ledger Team"],"services":["Ledger","Statements"]}`) {
		t.Errorf("advisory JSON %s", b)
	}
}

func TestServiceAdvisoriesEdges(t *testing.T) {
	cases := []struct {
		name, service string
		codes         []string
	}{
		// 24x5 leaves 48 hours; 99% gives 7.2 budget hours: a gap. 24x7 leaves none.
		{"24x7 responders never gap", `availability = 99.999` + "\nrun = \"sre\"\nrun_with = \"Reliability\"", nil},
		{"a budget longer than the gap is no gap", `availability = 90` + "\nrun = \"ops\"\nrun_with = \"Cloud Operations\"", nil},
		{"99.9 run by ops is high-target", `availability = 99.9` + "\nrun = \"ops\"\nrun_with = \"Cloud Operations\"", []string{"coverage-gap", "high-target-ops-run"}},
		{"99.89 run by ops is not", `availability = 99.89` + "\nrun = \"ops\"\nrun_with = \"Cloud Operations\"", []string{"coverage-gap"}},
		{"unorganized with a high target", `availability = 99.95` + "\nrun = \"none\"", []string{"coverage-gap", "high-target-ops-run"}},
		{"exactly at budget is not over", `error_budget_used = 1.0` + "\nrun = \"sre\"\nrun_with = \"Reliability\"", nil},
		{"over budget without a target, run by SRE", `error_budget_used = 1.01` + "\nrun = \"sre\"\nrun_with = \"Reliability\"", []string{"sre-run-over-budget"}},
		{"over budget, run by its developers with SRE: no advisory", `error_budget_used = 3` + "\nrun = \"you-and-sre\"\nrun_with = \"Reliability\"", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := svcLoad(t, svcReliabilityTeams, serviceTOML("S", "Ledger Team", c.service))
			var got []string
			for _, a := range orgs.AnalyseServices(o, nil).Advice {
				got = append(got, a.Code)
			}
			if !reflect.DeepEqual(got, c.codes) {
				t.Errorf("advisories %q, want %q", got, c.codes)
			}
		})
	}
}

func TestServiceAdvisoryListsAtMostSixServices(t *testing.T) {
	text := svcReliabilityTeams
	for _, n := range []string{"A", "B", "C", "D", "E", "F", "G", "H"} {
		text += "\n[[service]]\nname = \"" + n + "\"\nteam = \"Ledger Team\"\navailability = 99.9\n"
	}
	a := orgs.AnalyseServices(svcLoad(t, text), nil).Advice[0]
	if len(a.Services) != 8 || !strings.Contains(a.Message, `"F" (`) || strings.Contains(a.Message, `"G" (`) || !strings.Contains(a.Message, "and 2 more") {
		t.Errorf("%d services; message %q", len(a.Services), a.Message)
	}
}

func TestNoServicesNoServiceVerdicts(t *testing.T) {
	v := orgs.AnalyseServices(svcLoad(t, svcReliabilityTeams), nil)
	if len(v.Services) != 0 || v.Mix != nil || len(v.Advice) != 0 || v.ErrorBudgetKPI.Status != orgs.KPIUnmeasured {
		t.Errorf("%+v", v)
	}
	if b, _ := json.Marshal(v.Services); string(b) != "[]" {
		t.Errorf("services JSON %s, want []", b)
	}
}

// A service's JSON (AppendJSON) is what encoding/json writes for the same values, awkward strings and
// numbers included, for every service of a generated organization and a few by hand.
func TestServiceJSONIsWhatEncodingJSONWrites(t *testing.T) {
	reference := func(v orgs.ServiceVerdict) []byte {
		var topology *int
		if v.Topology != 0 {
			topology = &v.Topology
		}
		var runWith *string
		if v.RunWith != "" {
			runWith = &v.RunWith
		}
		responders := v.Responders
		if responders == nil {
			responders = []string{}
		}
		var backup *string
		if v.Backup != "" {
			backup = &v.Backup
		}
		b, err := json.Marshal(struct {
			Name             string        `json:"name"`
			Team             string        `json:"team"`
			RunModel         orgs.RunModel `json:"run_model"`
			Topology         *int          `json:"topology"`
			RunWith          *string       `json:"run_with"`
			Backup           *string       `json:"backup"`
			Exception        bool          `json:"exception"`
			Availability     *float64      `json:"availability"`
			WindowDays       int           `json:"window_days"`
			ErrorBudgetUsed  *float64      `json:"error_budget_used"`
			ErrorBudgetHours *float64      `json:"error_budget_hours"`
			Responders       []string      `json:"responders"`
			Longest          int           `json:"longest_uncovered_hours"`
			Status           string        `json:"status"`
			Risk             *struct{}     `json:"risk"` // null: AnalyseServices simulates nothing
		}{v.Name, v.Team, v.RunModel, topology, runWith, backup, v.Exception, v.Availability, v.WindowDays, v.ErrorBudgetUsed,
			v.ErrorBudgetHours(), responders, v.LongestUncovered, v.Status, nil})
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	services := orgs.AnalyseServices(gen.Org(400, 5), nil).Services
	n := func(f float64) *float64 { return &f }
	for _, name := range []string{"plain", `quote " and \ backslash`, "<b>&amp;</b>", "tab\tnew\nline\r\b\f\x01\x1f", "line\u2028para\u2029", "bad \xff utf-8", "ünïcödé 医療 ✓", ""} {
		services = append(services, orgs.ServiceVerdict{Name: name, Team: name, ServiceRun: orgs.ServiceRun{RunModel: orgs.SRERunIt, Topology: 9, RunWith: name},
			Availability: n(99.999), ErrorBudgetUsed: n(1e-7), Responders: []string{name, "x"}, Status: name, WindowDays: 28})
		services[len(services)-1].Backup = name
	}
	services = append(services, orgs.ServiceVerdict{Availability: n(1e21), ErrorBudgetUsed: n(123456789.125)}, orgs.ServiceVerdict{ErrorBudgetUsed: n(0)})
	for _, sv := range services {
		got, _ := json.Marshal(sv)
		if want := reference(sv); string(got) != string(want) {
			t.Fatalf("got  %s\nwant %s", got, want)
		}
	}
}
