package model

import (
	"fmt"
	"syscall"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/views"
)

// bigOrg is an organization of n teams: a tenth SRE teams spread over the three
// organizations, the rest dev teams running with them in every way.
func bigOrg(n int) *orgs.Org {
	per := int64(100000)
	o := &orgs.Org{Format: 1, Name: "Big", Defaults: orgs.Defaults{PerHead: &per, Currency: "EUR"}}
	sre := n / 10
	for i := 0; i < sre; i++ {
		o.Teams = append(o.Teams, orgs.Team{Name: fmt.Sprintf("SRE %d", i), Org: orgs.AllOrgs[i%3], Kind: orgs.KindSRE, Headcount: 8, OnCall: orgs.OnCallNone})
	}
	for i := sre; i < n; i++ {
		t := orgs.Team{Name: fmt.Sprintf("Dev Team %d", i), Org: orgs.OrgDev, Kind: orgs.KindDev, Headcount: 6, OnCall: orgs.OnCall8x5}
		switch i % 3 {
		case 0:
			t.Run, t.SRERole = orgs.RunYou, orgs.RoleRotation
		case 1:
			t.Run, t.RunWith = orgs.RunYouAndSRE, fmt.Sprintf("SRE %d", i%sre)
		case 2:
			t.Run, t.RunWith = orgs.RunSRE, fmt.Sprintf("SRE %d", i%sre)
		}
		o.Teams = append(o.Teams, t)
	}
	return o
}

func bigModel(tb testing.TB, n, w, h int) *Model {
	o := bigOrg(n)
	if _, err := orgs.Load("big.toml", orgs.Marshal(o)); err != nil {
		tb.Fatal(err)
	}
	m := New(Config{Opened: &orgs.Opened{Path: "big.toml", Org: o, BaselinePath: "big.toml", Baseline: o}, Styles: views.DefaultStyles(), Save: noSave, Write: noWrite})
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

// cpuTime is the process' CPU time so far. The benchmarks report it per operation as well as
// the wall time, which on a shared machine says more about the neighbours than about us.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// loop runs f b.N times and reports its CPU time per operation.
func loop(b *testing.B, f func()) {
	start := cpuTime()
	n := 0
	for b.Loop() {
		f()
		n++
	}
	b.ReportMetric(float64((cpuTime()-start).Nanoseconds())/float64(n), "cpu-ns/op")
}

// BenchmarkMoveAnalyseView is the budget of issue 3: one move of a team, the re-analysis and
// the view at 200x60, on 10,000 teams.
func BenchmarkMoveAnalyseView(b *testing.B) {
	m := bigModel(b, 10000, 200, 60)
	press(b, m, "l") // the ops column: SRE teams
	keys := []string{">", "<"}
	k := 0
	loop(b, func() {
		press(b, m, keys[k%2])
		k++
		_ = m.View()
	})
}

// BenchmarkView is the view alone at 200x60 on 10,000 teams, with changes to show.
func BenchmarkView(b *testing.B) {
	m := bigModel(b, 10000, 200, 60)
	press(b, m, "l", ">", "r", "+")
	loop(b, func() { _ = m.View() })
}

// BenchmarkViewSmall is the view at 200x60 on a small organization.
func BenchmarkViewSmall(b *testing.B) {
	m := newModel(b, "mixed", 200, 60)
	press(b, m, "l", ">")
	loop(b, func() { _ = m.View() })
}

// BenchmarkRefreshWithoutAnalysis is what the model adds to the analysis after a change.
func BenchmarkRefreshWithoutAnalysis(b *testing.B) {
	m := bigModel(b, 10000, 200, 60)
	loop(b, func() {
		m.index = views.NewIndex(m.cur, m.an)
		m.board.Cols = views.Columns(m.cur)
		m.sync()
	})
}

// BenchmarkAnalyse is the analysis alone (orgs), for comparison with the budget.
func BenchmarkAnalyse(b *testing.B) {
	m := bigModel(b, 10000, 200, 60)
	loop(b, func() { m.analyser.Analyse(m.cur) })
}

// BenchmarkNavigateView is a move of the selection and the view: what most keys cost.
func BenchmarkNavigateView(b *testing.B) {
	m := bigModel(b, 10000, 200, 60)
	keys := []string{"j", "k"}
	k := 0
	loop(b, func() {
		press(b, m, keys[k%2])
		k++
		_ = m.View()
	})
}

// TestBigOrgStaysResponsive checks the 10,000-team organization draws within its bounds and
// scrolls to the last team.
func TestBigOrgStaysResponsive(t *testing.T) {
	m := bigModel(t, 10000, 200, 60)
	press(t, m, "end")
	if m.Selected() != "Dev Team 9999" {
		t.Fatalf("end selected %q", m.Selected())
	}
	checkView(t, m, "big org at the end")
	press(t, m, "l", ">", "u", "ctrl+r")
	checkView(t, m, "big org after a move")
}

// BenchmarkDrawPanels is the panels' area drawn afresh (after every change) at 200x60 on
// 10,000 teams.
func BenchmarkDrawPanels(b *testing.B) {
	m := bigModel(b, 10000, 200, 60)
	press(b, m, "l", ">", "r", "+")
	d := m.data()
	loop(b, func() { _ = views.DrawPanels(d, m.st, m.lay) })
}
