package model

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/views"
	"github.com/sretopo/sretopo/words"
)

// percent is a chance as the panel writes it.
func percent(p float64) string {
	return strings.TrimSuffix(strconv.FormatFloat(p*100, 'f', 1, 64), ".0") + "%"
}

// serviceRowsOf are the Services panel's rows by the service each starts with, in order.
func serviceRowsOf(an *orgs.Analysis, lines []string) (names []string, rows map[string]string) {
	rows = map[string]string{}
	for _, l := range lines {
		for k := range an.Services {
			name := an.Services[k].Name
			if strings.HasPrefix(strings.TrimLeft(l, "! "), name+" ") {
				names = append(names, name)
				rows[name] = l
			}
		}
	}
	return names, rows
}

func TestServicesPanelShowsBreachChanceAndSortsByIt(t *testing.T) {
	m := newModel(t, "health-platform", 120, 40)
	lines := views.PanelLines(views.PanelServices, m.data(), m.st, 120)
	if !slices.ContainsFunc(lines, func(l string) bool { return strings.Contains(l, "p breach") && strings.Contains(l, "Down h") }) {
		t.Fatalf("no risk columns:\n%s", strings.Join(lines, "\n"))
	}
	_, rows := serviceRowsOf(m.an, lines)
	for _, v := range m.an.Services {
		if v.Risk == nil || !v.Risk.HasTarget {
			t.Fatalf("%q: health-platform's services all have a rate and a target", v.Name)
		}
		if !strings.Contains(rows[v.Name], " "+percent(v.Risk.PBreach)+" ") {
			t.Errorf("%q: row %q lacks its breach chance %s", v.Name, rows[v.Name], percent(v.Risk.PBreach))
		}
	}

	press(t, m, "!")
	d := m.data()
	if !d.ServicesByBreach || d.ServicesByStatus {
		t.Fatalf("! did not sort by breach chance: by breach %v, by status %v", d.ServicesByBreach, d.ServicesByStatus)
	}
	lines = views.PanelLines(views.PanelServices, d, m.st, 120)
	if !strings.Contains(lines[0], "likeliest to breach first") {
		t.Errorf("head %q", lines[0])
	}
	names, _ := serviceRowsOf(m.an, lines)
	chance := func(name string) float64 {
		k := slices.IndexFunc(m.an.Services, func(v orgs.ServiceVerdict) bool { return v.Name == name })
		return m.an.Services[k].Risk.PBreach
	}
	if len(names) != len(m.an.Services) || !slices.IsSortedFunc(names, func(a, b string) int {
		return -cmpFloat(chance(a), chance(b))
	}) {
		t.Errorf("not likeliest first: %v", names)
	}
	press(t, m, "!")
	if d := m.data(); !d.ServicesByStatus || d.ServicesByBreach {
		t.Error("! twice does not list worst status first")
	}
	press(t, m, "!")
	if d := m.data(); d.ServicesByStatus || d.ServicesByBreach {
		t.Error("! three times is not back to file order")
	}
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func TestServicesPanelMarksPendingAndRatelessRisk(t *testing.T) {
	m := newModel(t, "health-platform", 120, 40)
	d := m.data()
	an := *m.an
	an.Services = slices.Clone(an.Services)
	an.Risk = nil
	org := m.Current().Clone()
	an.Services[0].Risk = nil // still being simulated
	an.Services[1].Risk = nil // and no rate at all
	org.Services[1].IncidentsPerMonth = nil
	d.An, d.Org = &an, org
	lines := views.PanelLines(views.PanelServices, d, m.st, 120)
	_, rows := serviceRowsOf(&an, lines)
	if r := rows[an.Services[0].Name]; strings.Count(r, "…") != 2 {
		t.Errorf("pending row %q: want … for both figures", r)
	}
	if r := rows[an.Services[1].Name]; strings.Contains(r, "…") || strings.Count(r, "%") != 1 { // the target alone
		t.Errorf("row without a rate %q shows a figure", r)
	}
	if !slices.ContainsFunc(lines, func(l string) bool { return strings.Contains(l, "risk: … (simulating)") }) {
		t.Errorf("no pending risk line:\n%s", strings.Join(lines, "\n"))
	}
	staffing := views.PanelLines(views.PanelStaffing, d, m.st, 120)
	if !slices.ContainsFunc(staffing, func(l string) bool { return strings.Contains(l, "Sleep/30d") }) {
		t.Errorf("no sleep pages column:\n%s", strings.Join(staffing, "\n"))
	}
}

func TestStaffingPanelShowsSleepPagesMarkedAgainstTheBaseline(t *testing.T) {
	m := newModel(t, "health-platform", 120, 40)
	r := m.an.Risk
	if r == nil || r.MaxSleep == nil {
		t.Fatal("health-platform has no sleep pages")
	}
	lines := views.PanelLines(views.PanelStaffing, m.data(), m.st, 120)
	want := words.Decimal(r.MaxSleep.Pages, 2) // as the line "most woken: ..." says it
	row := slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(strings.TrimLeft(l, "! "), r.MaxSleep.Team+" ") })
	if row < 0 || !strings.Contains(lines[row], " "+want+" ") {
		t.Errorf("%s's row lacks its %s sleep pages:\n%s", r.MaxSleep.Team, want, strings.Join(lines, "\n"))
	}
	if slices.ContainsFunc(lines, func(l string) bool { return strings.Contains(l, "vs baseline)") && strings.Contains(l, "sleep pages") }) {
		t.Error("the baseline itself is marked changed")
	}
	// a what-if: the team that takes the night pages goes from 24x5 to another pattern
	selectTeam(t, m, r.MaxSleep.Team)
	press(t, m, "a")
	if m.an.Risk.Delta.MaxSleepPages == 0 {
		t.Fatalf("the on-call change did not move the sleep pages: %+v", m.an.Risk.Delta)
	}
	lines = views.PanelLines(views.PanelStaffing, m.data(), m.st, 120)
	if !slices.ContainsFunc(lines, func(l string) bool {
		return strings.HasPrefix(l, views.GlyphChanged) && strings.Contains(l, "sleep pages") && strings.Contains(l, "vs baseline)")
	}) {
		t.Errorf("the changed sleep pages are not marked:\n%s", strings.Join(lines, "\n"))
	}
}

func TestTheStripSaysHowManyAreLikelyToBreachMarkedWhenChanged(t *testing.T) {
	m := newModel(t, "health-platform", 220, 60)
	n := len(m.an.Risk.LikelyBreach)
	stripLine := func() string { return strings.Split(m.View(), "\n")[1] }
	want := "risk likely to breach " + strconv.Itoa(n)
	if l := stripLine(); !strings.Contains(l, want) || strings.Contains(l, views.GlyphChanged+"risk") {
		t.Errorf("strip %q, want %q unmarked", l, want)
	}
	selectTeam(t, m, "Patient Portal")
	press(t, m, "a")                // 8x7
	_, cmd := m.Update(keyMsg("a")) // 24x5: the portal less likely to breach
	if l := stripLine(); !strings.Contains(l, "risk likely to breach "+views.GlyphPending) {
		t.Errorf("strip before the result %q", l)
	}
	m.Update(riskMsgOf(t, cmd))
	if m.an.Risk.Delta.LikelyBreach == 0 {
		t.Fatalf("the edit did not change how many are likely to breach: %v", m.an.Risk.LikelyBreach)
	}
	want = views.GlyphChanged + "risk likely to breach " + strconv.Itoa(len(m.an.Risk.LikelyBreach))
	if l := stripLine(); !strings.Contains(l, want) {
		t.Errorf("strip after the edit %q, want %q", l, want)
	}
}
