package model

import (
	"fmt"
	"syscall"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/sretopo/sretopo/internal/gen"
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

func bigModel(tb testing.TB, n, w, h int) *Model { return modelOf(tb, bigOrg(n), w, h) }

// servicesModel is the dashboard at w x h on the generated 10,000-team file, which holds
// 20,000 services.
func servicesModel(tb testing.TB, w, h int) *Model {
	o := gen.Org(10000, 1)
	if len(o.Services) != 20000 {
		tb.Fatalf("%d services, want 20,000", len(o.Services))
	}
	return modelOf(tb, o, w, h)
}

func modelOf(tb testing.TB, o *orgs.Org, w, h int) *Model {
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
	defer func(c bool) { checkDerived = c }(checkDerived)
	checkDerived = false // the benchmarks measure the model, not the tests' checks of it
	start := cpuTime()
	n := 0
	for b.Loop() {
		f()
		n++
	}
	b.ReportMetric(float64((cpuTime()-start).Nanoseconds())/float64(n), "cpu-ns/op")
}

// loopKeys is loop pressing with each of keys in turn, round and round: a move and the
// move back.
func loopKeys(b *testing.B, keys []string, each func(key string)) {
	k := 0
	loop(b, func() {
		each(keys[k%len(keys)])
		k++
	})
}

// BenchmarkMoveAnalyseView is the budget of issue 3: one move of a team, the re-analysis and
// the view at 200x60, on 10,000 teams.
func BenchmarkMoveAnalyseView(b *testing.B) {
	m := bigModel(b, 10000, 200, 60)
	press(b, m, "l") // the ops column: SRE teams
	keys := []string{">", "<"}
	loopKeys(b, keys, func(key string) {
		press(b, m, key)
		_ = m.View()
	})
}

// BenchmarkMoveAnalyseViewServices is BenchmarkMoveAnalyseView on the generated 10,000-team
// file with its 20,000 services: the move changes the run of the services the team builds
// and of those it runs with, and only those may be analysed again.
func BenchmarkMoveAnalyseViewServices(b *testing.B) {
	m := servicesModel(b, 200, 60)
	loopKeys(b, moveKeys(m), func(key string) {
		press(b, m, key)
		_ = m.View()
	})
}

// BenchmarkServiceRunAnalyseView is a keystroke on a service of the generated file: `r`
// cycles the selected service's run (its own override added, changed, removed), the
// re-analysis, the comparison with the baseline, "modified" and the view.
func BenchmarkServiceRunAnalyseView(b *testing.B) {
	m := servicesModel(b, 200, 60)
	for range 200 {
		if press(b, m, "enter"); m.board.Open {
			break
		}
		press(b, m, "down")
	}
	if m.board.SelectedService(m.index) < 0 {
		b.Fatal("no team with services near the top of the first column")
	}
	loop(b, func() {
		press(b, m, "r")
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

// BenchmarkRefreshWithoutAnalysis is what the model adds to the analysis after a change: a
// move of a team and back, with the analyses of both states made beforehand.
func BenchmarkRefreshWithoutAnalysis(b *testing.B) {
	m := bigModel(b, 10000, 200, 60)
	press(b, m, "l")
	moves, ans, sel := moveAndBack(b, m)
	k := 0
	loop(b, func() {
		c := moves[k%2]
		c.Redo(m.cur)
		m.an = ans[k%2]
		m.rederive(c.Subject, sel)
		m.sync()
		k++
	})
}

// moveAndBack makes the moves of the selected team to the right (or, from the rightmost
// column, to the left) and back, and the analyses after each, leaving m as it was.
func moveAndBack(b *testing.B, m *Model) (moves [2]*orgs.Change, ans [2]*orgs.Analysis, sel int) {
	sel = m.board.Selected()
	dir := +1
	if m.board.Focus == 2 {
		dir = -1
	}
	there, err := m.cur.MoveTeam(sel, dir)
	if err != nil {
		b.Fatal(err)
	}
	ans[0] = m.analyser.Analyse(m.cur)
	back, err := m.cur.MoveTeam(sel, -dir)
	if err != nil {
		b.Fatal(err)
	}
	ans[1] = m.analyser.Analyse(m.cur)
	return [2]*orgs.Change{there, back}, ans, sel
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
	loopKeys(b, keys, func(key string) {
		press(b, m, key)
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

// BenchmarkDrawPanels is the panels' area drawn after every change at 200x60 on 10,000
// teams: a move of a team and back, with the analyses of both states made beforehand. The
// model's memo keeps what a move does not change (the criteria table).
func BenchmarkDrawPanels(b *testing.B) {
	m := bigModel(b, 10000, 200, 60)
	press(b, m, "l", ">", "r", "+")
	_, ans, _ := moveAndBack(b, m)
	d := m.data()
	k := 0
	loop(b, func() {
		d.An = ans[k%2]
		_ = views.DrawPanels(d, m.st, m.lay)
		k++
	})
}

// BenchmarkDrawPanelsCold is the panels' area drawn from nothing (no memo): what the first
// frame costs.
func BenchmarkDrawPanelsCold(b *testing.B) {
	m := bigModel(b, 10000, 200, 60)
	press(b, m, "l", ">", "r", "+")
	d := m.data()
	d.Memo = nil
	loop(b, func() { _ = views.DrawPanels(d, m.st, m.lay) })
}

// TestEditsOfOneTeamAreFollowed checks that an edit of one team updates what the model
// derives for the views instead of deriving it afresh (which TestMain's checkDerived
// checks the update against), and that edits of more than one team derive it afresh.
func TestEditsOfOneTeamAreFollowed(t *testing.T) {
	m := bigModel(t, 1000, 200, 60)
	fresh := &m.derived.names[0]
	// a move there and back; a dev team's run model, partner, SRE role and headcount,
	// each undone and redone
	for _, k := range []string{"l", ">", "<", "h", "end", "e", "r", "w", "r", "+", "-", "u", "u", "ctrl+r"} {
		press(t, m, k)
		if m.statusErr {
			t.Fatalf("%s: %s", k, m.status)
		}
	}
	if n := len(m.history); n != 8 || m.Selected() != "Dev Team 999" {
		t.Fatalf("%d edits of %q, want 8 of Dev Team 999", n, m.Selected())
	}
	if &m.derived.names[0] != fresh {
		t.Error("an edit of one team derived everything afresh")
	}
	press(t, m, "x") // a deletion changes which team is at which index
	if &m.derived.names[0] == fresh || len(m.derived.names) != 999 {
		t.Error("a deletion was followed as an edit of one team")
	}
}

// BenchmarkFindEveryService is a keystroke of find whose query matches every one of the
// 20,000 services of the 10,000-team file ("service"): each match is named with its team,
// which must be found by an index, not by a search of the teams per service.
func BenchmarkFindEveryService(b *testing.B) {
	m := servicesModel(b, 200, 60)
	o := m.Current()
	if got := len(matches(o, m.board.Cols, "service")); got < 20000 {
		b.Fatalf("%d matches, want every service", got)
	}
	loop(b, func() { matches(o, m.board.Cols, "service") })
}
