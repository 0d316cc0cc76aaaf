package orgs_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/sretopo/sretopo/internal/gen"
	"github.com/sretopo/sretopo/orgs"
)

// The analysis keeps what it can of one analysis for the next (the layout of the team
// names, the run_with partners, scratch space) and Reanalyse writes over the previous
// analysis. These tests drive both through long random sequences of edits, the dashboard's
// and some no edit function makes (kinds changed, names equal ignoring case, teams
// reordered, run_with naming nobody), and compare every analysis with the analysis from
// scratch (a new Analyser, which has no layout and no scratch space to reuse): the same
// value (reflect.DeepEqual) and the same JSON report, byte for byte. Both call the same
// rule functions (analysis_rules.go); what these tests catch is state carried wrongly
// from one analysis to the next.

// fresh is the analysis of cur against base from scratch.
func fresh(base, cur *orgs.Org) *orgs.Analysis { return orgs.NewAnalyser(base).Analyse(cur) }

// editor makes random edits to cur, keeping an undo history while the edits are the
// dashboard's.
type editor struct {
	rng     *rand.Rand
	base    *orgs.Org
	cur     *orgs.Org
	history []*orgs.Change
	pos     int
	n       int // names made so far
	// touched is what the edits since the last takeTouched changed, as a dashboard
	// would tell ReanalyseChanged
	touched orgs.Touched
}

// touch adds what one edit changed to e.touched.
func (e *editor) touch(t orgs.Touched) {
	if t.All {
		e.touched = orgs.Everything
	}
	if e.touched.All {
		return
	}
	e.touched.Teams = append(e.touched.Teams, t.Teams...)
	e.touched.Services = append(e.touched.Services, t.Services...)
}

// takeTouched is what the edits changed since it was last called.
func (e *editor) takeTouched() orgs.Touched {
	t := e.touched
	e.touched = orgs.Touched{}
	return t
}

func (e *editor) team() int { return e.rng.IntN(len(e.cur.Teams)) }

// did records a change made through the edit functions.
func (e *editor) did(c *orgs.Change, err error) string {
	if err != nil {
		return "refused: " + err.Error()
	}
	e.history = append(e.history[:e.pos], c)
	e.pos++
	e.touch(c.Touched())
	return c.Summary
}

// direct is an edit no Change records: the history no longer applies.
func (e *editor) direct(what string) string {
	e.history, e.pos = nil, 0
	e.touch(orgs.Everything)
	return what
}

// directTeams is an edit no Change records of the teams at indices in place (their
// names maybe too).
func (e *editor) directTeams(what string, indices ...int) string {
	e.history, e.pos = nil, 0
	e.touch(orgs.Touched{Teams: indices})
	return what
}

// directService is an edit no Change records of service k in place.
func (e *editor) directService(what string, k int) string {
	e.history, e.pos = nil, 0
	e.touch(orgs.Touched{Services: []int{k}})
	return what
}

func (e *editor) newName() string {
	e.n++
	return fmt.Sprintf("New team %d", e.n)
}

// edit makes one random edit and says what it did.
func (e *editor) edit() string {
	o := e.cur
	if len(o.Teams) == 0 {
		return e.did(o.AddTeam(orgs.Team{Name: e.newName(), Org: orgs.OrgDev, Kind: orgs.KindDev, Headcount: 5}))
	}
	// the edits of services and rotations: who runs a service, and with whom, and how
	// many people take on-call shifts
	if r := e.rng.IntN(10); r < 3 {
		if len(o.Services) > 0 && r < 2 {
			k := e.rng.IntN(len(o.Services))
			if r == 0 {
				return e.did(o.CycleServiceRun(k))
			}
			return e.did(o.CycleServiceRunWith(k))
		}
		return e.did(o.AddRotation(e.team(), []int{-2, -1, 1, 2}[e.rng.IntN(4)]))
	}
	switch r := e.rng.IntN(100); {
	case r < 22:
		return e.did(o.MoveTeam(e.team(), []int{-1, 1}[e.rng.IntN(2)]))
	case r < 32:
		return e.did(o.CycleRun(e.team()))
	case r < 38:
		return e.did(o.CycleRunWith(e.team()))
	case r < 43:
		return e.did(o.CycleSRERole(e.team()))
	case r < 50:
		return e.did(o.AddHeadcount(e.team(), e.rng.IntN(9)-4))
	case r < 55:
		t := orgs.Team{Name: e.newName(), Org: orgs.AllOrgs[e.rng.IntN(3)], Kind: orgs.AllKinds[e.rng.IntN(4)], Headcount: 1 + e.rng.IntN(12)}
		if e.rng.IntN(4) == 0 {
			t.OnCall = orgs.OnCall24x7
		}
		if t.Kind == orgs.KindDev {
			t.Run = orgs.AllRuns[e.rng.IntN(len(orgs.AllRuns))]
			if fit := o.Fitting(-1, t.Run); len(fit) > 0 {
				t.RunWith = o.Teams[fit[e.rng.IntN(len(fit))]].Name
			}
		}
		return e.did(o.AddTeam(t))
	case r < 60:
		return e.did(o.DeleteTeam(e.team()))
	case r < 61:
		return e.did(o.CyclePositioning())
	case r < 63:
		return e.did(o.CycleRolePositioning())
	case r < 70:
		if e.pos == 0 {
			return "nothing to undo"
		}
		e.pos--
		e.history[e.pos].Undo(o)
		e.touch(e.history[e.pos].Touched())
		return "undid " + e.history[e.pos].Summary
	case r < 74:
		if e.pos == len(e.history) {
			return "nothing to redo"
		}
		e.history[e.pos].Redo(o)
		e.touch(e.history[e.pos].Touched())
		e.pos++
		return "redid " + e.history[e.pos-1].Summary
	case r < 75:
		return e.did(o.ResetTo(e.base))
	}
	// what no edit function does
	if len(o.Services) > 0 && e.rng.IntN(4) == 0 {
		return e.serviceDirectly()
	}
	i := e.team()
	t := &o.Teams[i]
	switch e.rng.IntN(17) {
	case 0:
		t.Name = e.newName()
		return e.directTeams("renamed a team", i)
	case 1:
		t.Name = strings.ToUpper(t.Name)
		return e.directTeams("renamed a team in capitals", i)
	case 2:
		if len(e.base.Teams) > 0 {
			t.Name = e.base.Teams[e.rng.IntN(len(e.base.Teams))].Name
		}
		return e.directTeams("gave a team a baseline team's name (maybe a second team of that name)", i)
	case 3:
		j := e.team()
		o.Teams[i], o.Teams[j] = o.Teams[j], o.Teams[i]
		return e.directTeams("swapped two teams", i, j)
	case 4:
		t.Kind = orgs.AllKinds[e.rng.IntN(4)]
		if t.Kind == orgs.KindSRE && !slices.Contains(orgs.AllOrgs, t.Org) {
			t.Kind = orgs.KindOps // an SRE team serving in no known org has no identity to add to
		}
		return e.directTeams("changed a team's kind", i)
	case 5:
		t.RunWith = strings.ToLower(o.Teams[e.team()].Name)
		return e.directTeams("pointed run_with at any team, in lower case", i)
	case 6:
		t.RunWith = []string{"", "nobody", t.Name}[e.rng.IntN(3)]
		return e.directTeams("pointed run_with at nobody or itself", i)
	case 7:
		t.Funding = []orgs.Funding{"", orgs.CAPEX, orgs.OPEX}[e.rng.IntN(3)]
		return e.directTeams("set a team's funding", i)
	case 8:
		if e.rng.IntN(2) == 0 {
			t.PerHead = nil
		} else {
			v := int64(50000 + e.rng.IntN(100000))
			t.PerHead = &v
		}
		return e.directTeams("set a team's per_head", i)
	case 9:
		if o.Defaults.PerHead != nil {
			o.Defaults.PerHead = nil
		} else {
			v := int64(90000)
			o.Defaults.PerHead = &v
		}
		return e.direct("toggled the default per_head")
	case 10:
		t.OnCall = []orgs.OnCall{orgs.OnCall24x7, orgs.OnCallNone, orgs.OnCall8x5}[e.rng.IntN(3)]
		return e.directTeams("set a team's on call", i)
	case 11:
		t.SRERole = []orgs.SRERole{"", orgs.RoleRotation, orgs.RoleDedicated, orgs.RoleBoth, "Rotation", "other"}[e.rng.IntN(6)]
		t.Run = orgs.AllRuns[e.rng.IntN(len(orgs.AllRuns))]
		return e.directTeams("set a team's run and SRE role", i)
	case 12:
		// one of the constants' values in a string of its own, as a decoder may give it
		t.Org = orgs.OrgID(strings.Clone(string(orgs.AllOrgs[e.rng.IntN(3)])))
		t.SRERole = orgs.SRERole(strings.Clone(string(t.SRERole)))
		return e.directTeams("set a team's org and SRE role in strings of their own", i)
	case 13:
		// many at once, more than the layout's partners are kept for
		for k := range o.Teams {
			if d := &o.Teams[k]; d.RunWith != "" && e.rng.IntN(2) == 0 {
				d.RunWith = strings.ToUpper(d.RunWith)
				if d.Run == orgs.RunSRE {
					d.Run = orgs.RunYouAndSRE
				}
			}
		}
		return e.direct("changed many teams' run_with and run")
	case 14:
		if t.Kind != orgs.KindSRE {
			t.Org = []orgs.OrgID{"", "Dev", "elsewhere"}[e.rng.IntN(3)]
		}
		return e.directTeams("put a team in an org that does not exist", i)
	case 15:
		// a second team of a name, ignoring case, and the first one's kind changed
		j := e.team()
		t.Name = strings.ToLower(o.Teams[j].Name)
		if e.rng.IntN(2) == 0 {
			t.Kind, o.Teams[j].Kind = orgs.KindOps, orgs.KindOps
		}
		return e.directTeams("gave a team another's name in lower case", i, j)
	default:
		j := len(o.Teams) - 1
		o.Teams = slices.Delete(o.Teams, j, j+1)
		return e.direct("dropped the last team")
	}
}

// serviceDirectly edits one service in place as no edit function does: its target, its
// budget use, its own run, its name or its team.
func (e *editor) serviceDirectly() string {
	o := e.cur
	k := e.rng.IntN(len(o.Services))
	s := &o.Services[k]
	switch e.rng.IntN(6) {
	case 0:
		v := []float64{99, 99.5, 99.9, 99.95, 99.99}[e.rng.IntN(5)]
		s.Availability = &v
		return e.directService("set a service's target", k)
	case 1:
		if e.rng.IntN(3) == 0 {
			s.ErrorBudgetUsed = nil
		} else {
			v := []float64{0.2, 1, 1.4}[e.rng.IntN(3)]
			s.ErrorBudgetUsed = &v
		}
		return e.directService("set a service's error budget use", k)
	case 2:
		s.Run = orgs.AllRuns[e.rng.IntN(len(orgs.AllRuns))]
		s.RunWith = ""
		if s.Run.NeedsPartner() && len(o.Teams) > 0 {
			s.RunWith = strings.ToUpper(o.Teams[e.team()].Name)
		}
		return e.directService("set a service's own run and partner", k)
	case 3:
		s.Run, s.RunWith = "", ""
		return e.directService("cleared a service's own run", k)
	case 4:
		if len(e.base.Services) > 0 {
			s.Name = e.base.Services[e.rng.IntN(len(e.base.Services))].Name
		} else {
			s.Name += " renamed"
		}
		return e.directService("renamed a service (maybe as a baseline service)", k)
	default:
		if len(o.Teams) > 0 {
			s.Team = strings.ToLower(o.Teams[e.team()].Name)
		}
		return e.directService("moved a service to another team", k)
	}
}

// reportJSON is the JSON report of an analysis.
func reportJSON(t *testing.T, an *orgs.Analysis) []byte {
	t.Helper()
	b, err := orgs.NewReport("cur", "cur.toml", "base.toml", an).AppendJSON(nil)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// driveEdits makes steps random edits of a copy of base, a few at a time, and checks
// after each round that a reused Analyser's Reanalyse (fed its own previous result) and
// Analyse, and a fresh Analyse, all give what the analysis from scratch gives.
func driveEdits(t *testing.T, base *orgs.Org, seed uint64, steps int) {
	t.Helper()
	e := &editor{rng: rand.New(rand.NewPCG(seed, 99)), base: base, cur: base.Clone()}
	a := orgs.NewAnalyser(base)
	var got, hinted, plain *orgs.Analysis
	var plainJSON []byte
	refreshed := a.Refreshes()
	var log []string
	for step := 0; step < steps; step++ {
		burst := 1
		if e.rng.IntN(8) == 0 {
			burst = 2 + e.rng.IntN(6)
		}
		for range burst {
			log = append(log, e.edit())
		}
		if len(log) > 12 {
			log = log[len(log)-12:]
		}
		hinted = a.ReanalyseChanged(e.cur, hinted, e.takeTouched())
		got = a.Reanalyse(e.cur, got)
		want := fresh(base, e.cur)
		fail := func(what string, an *orgs.Analysis) {
			t.Helper()
			if !reflect.DeepEqual(an, want) {
				t.Fatalf("seed %d step %d: %s differs from the analysis from scratch:\n%s\nlast edits:\n  %s",
					seed, step, what, firstDifference(an, want), strings.Join(log, "\n  "))
			}
		}
		fail("Reanalyse", got)
		fail("ReanalyseChanged", hinted)
		if plain != nil && !bytes.Equal(reportJSON(t, plain), plainJSON) {
			t.Fatalf("seed %d step %d: an analysis Analyse returned changed afterwards", seed, step)
		}
		plain = a.Analyse(e.cur)
		fail("Analyse of the same Analyser", plain)
		fail("a fresh Analyse", orgs.Analyse(base, e.cur))
		plainJSON = reportJSON(t, plain)
		if w := reportJSON(t, want); !bytes.Equal(reportJSON(t, got), w) || !bytes.Equal(plainJSON, w) || !bytes.Equal(reportJSON(t, hinted), w) {
			t.Fatalf("seed %d step %d: the JSON report differs from the one from scratch", seed, step)
		}
	}
	if len(base.Services) > 0 && steps >= 40 && a.Refreshes() == refreshed {
		t.Errorf("seed %d: ReanalyseChanged never refreshed the services: every analysis was a full one", seed)
	}
}

// firstDifference names the first field where got and want differ, for the failure message.
func firstDifference(got, want *orgs.Analysis) string {
	gv, wv := reflect.ValueOf(got).Elem(), reflect.ValueOf(want).Elem()
	for i := range gv.NumField() {
		if !reflect.DeepEqual(gv.Field(i).Interface(), wv.Field(i).Interface()) {
			name := gv.Type().Field(i).Name
			switch name {
			case "Teams":
				for k := 0; k < len(got.Teams) && k < len(want.Teams); k++ {
					if !reflect.DeepEqual(got.Teams[k], want.Teams[k]) {
						return fmt.Sprintf("Teams[%d]: got %+v, want %+v", k, got.Teams[k], want.Teams[k])
					}
				}
				return fmt.Sprintf("Teams: %d teams, want %d", len(got.Teams), len(want.Teams))
			}
			return fmt.Sprintf("%s:\n got %+v\nwant %+v", name, gv.Field(i).Interface(), wv.Field(i).Interface())
		}
	}
	return "(no field differs)"
}

// bases are the baselines the random edits start from.
func bases(t *testing.T) map[string]*orgs.Org {
	t.Helper()
	out := map[string]*orgs.Org{
		"generated 300":  gen.Org(300, 1),
		"generated 40":   gen.Org(40, 2),
		"generated 3":    gen.Org(3, 3),
		"no teams":       {Format: 1, Name: "Empty"},
		"duplicate-ish":  gen.Org(120, 4),
		"cost center 80": gen.Org(80, 5),
	}
	loaded, err := orgs.Load("gen.toml", gen.TOML(200, 6))
	if err != nil {
		t.Fatal(err)
	}
	out["loaded 200"] = loaded
	// names equal ignoring case, in the baseline too, and a run_with in other case
	dup := out["duplicate-ish"]
	dup.Teams[7].Name = strings.ToUpper(dup.Teams[3].Name)
	dup.Teams[50].Name = strings.ToLower(dup.Teams[9].Name)
	for i := range dup.Teams {
		if dup.Teams[i].RunWith != "" {
			dup.Teams[i].RunWith = strings.ToUpper(dup.Teams[i].RunWith)
			break
		}
	}
	out["cost center 80"].SREOrg.Positioning = orgs.PositionCostCenter
	for _, ex := range loadedExamples(t) {
		o := ex.Org
		out["example "+ex.Name] = o
	}
	return out
}

func TestReanalyseMatchesAnalysisFromScratch(t *testing.T) {
	steps, seeds := 500, uint64(3)
	switch {
	case raceOn: // what races is TestReanalyseConcurrently's, and the race detector is slow
		steps, seeds = 40, 1
	case testing.Short():
		steps = 100
	}
	for name, base := range bases(t) {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			for seed := range seeds {
				driveEdits(t, base, seed, steps)
			}
		})
	}
}

// TestReanalyseCases: hand-made models where what the analysis keeps between analyses
// could go wrong, each analysed after the one before with the same Analyser.
func TestReanalyseCases(t *testing.T) {
	dev := func(name string, run orgs.Run, with string) orgs.Team {
		t := orgs.Team{Name: name, Org: orgs.OrgDev, Kind: orgs.KindDev, Headcount: 4, Run: run, RunWith: with}
		if run == orgs.RunYou {
			t.SRERole = orgs.RoleRotation
		}
		return t
	}
	sre := func(name string, org orgs.OrgID) orgs.Team {
		return orgs.Team{Name: name, Org: org, Kind: orgs.KindSRE, Headcount: 1, OnCall: orgs.OnCall24x7}
	}
	base := &orgs.Org{Format: 1, Name: "Cases", Teams: []orgs.Team{
		dev("A", orgs.RunYou, ""), dev("a", orgs.RunYouAndSRE, "S"), sre("S", orgs.OrgOps),
		dev("B", orgs.RunSRE, "s"), sre("T", orgs.OrgSRE), dev("C", orgs.RunYou, ""),
		dev("D", orgs.RunYou, ""), dev("E", orgs.RunNone, ""),
		{Name: "O", Org: orgs.OrgOps, Kind: orgs.KindOps, Headcount: 2, Run: orgs.RunSRE, RunWith: "U"},
		sre("U", orgs.OrgDev),
	}}
	base.Teams[6].SRERole = ""      // a value other than the usual ones...
	base.Teams[7].Org = "elsewhere" // ...in the baseline
	steps := []struct {
		what string
		edit func(o *orgs.Org)
	}{
		{"no change", func(o *orgs.Org) {}},
		{"the second of two names equal ignoring case no dev team", func(o *orgs.Org) { o.Teams[1].Kind = orgs.KindOps }},
		{"and back", func(o *orgs.Org) { o.Teams[1].Kind = orgs.KindDev }},
		{"the first of them no dev team", func(o *orgs.Org) { o.Teams[0].Kind = orgs.KindOps }},
		{"both", func(o *orgs.Org) { o.Teams[1].Kind = orgs.KindOps }},
		{"a team in no known org", func(o *orgs.Org) { o.Teams[5].Org = "elsewhere" }},
		{"in another unknown org", func(o *orgs.Org) { o.Teams[5].Org = "Dev" }},
		{"an unknown SRE role", func(o *orgs.Org) { o.Teams[5].SRERole = "Rotation" }},
		{"no SRE role", func(o *orgs.Org) { o.Teams[5].SRERole = "" }},
		{"another unknown SRE role than the baseline's", func(o *orgs.Org) { o.Teams[6].SRERole = "Both" }},
		{"another unknown org than the baseline's", func(o *orgs.Org) { o.Teams[7].Org = "Ops" }},
		{"a team that names a later one in run_with a dev team", func(o *orgs.Org) { o.Teams[8].Kind = orgs.KindDev }},
		{"the team it names moved", func(o *orgs.Org) { o.Teams[9].Org = orgs.OrgSRE }},
		{"run_with naming itself", func(o *orgs.Org) { o.Teams[3].RunWith = "b" }},
		{"run_with naming a later team", func(o *orgs.Org) { o.Teams[3].RunWith = "C" }},
		{"the SRE teams swapped", func(o *orgs.Org) { o.Teams[2], o.Teams[4] = o.Teams[4], o.Teams[2] }},
		{"a team named as a removed one", func(o *orgs.Org) { o.Teams[0].Name = "T" }},
		{"every team removed", func(o *orgs.Org) { o.Teams = o.Teams[:0] }},
		{"one back", func(o *orgs.Org) { o.Teams = append(o.Teams, sre("s", orgs.OrgSRE)) }},
	}
	a := orgs.NewAnalyser(base)
	cur := base.Clone()
	var got *orgs.Analysis
	for _, step := range steps {
		step.edit(cur)
		got = a.Reanalyse(cur, got)
		if want := fresh(base, cur); !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: Reanalyse differs from the analysis from scratch:\n%s", step.what, firstDifference(got, want))
		}
		if !bytes.Equal(reportJSON(t, got), reportJSON(t, fresh(base, cur))) {
			t.Fatalf("%s: the JSON report differs from the one from scratch", step.what)
		}
	}
}

// TestReanalyseConcurrently: goroutines share one Analyser, each with its own model (its
// own team names, so the layout the Analyser keeps changes under them) and its own chain
// of Reanalyse; run it with -race.
func TestReanalyseConcurrently(t *testing.T) {
	base := gen.Org(150, 8)
	a := orgs.NewAnalyser(base)
	steps := 300
	if testing.Short() {
		steps = 60
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			e := &editor{rng: rand.New(rand.NewPCG(uint64(g), 7)), base: base, cur: base.Clone()}
			if g%2 == 1 {
				e.cur.Teams[g].Name = fmt.Sprintf("Goroutine %d", g)
			}
			var got *orgs.Analysis
			for step := range steps {
				e.edit()
				got = a.Reanalyse(e.cur, got)
				if want := fresh(base, e.cur); !reflect.DeepEqual(got, want) {
					t.Errorf("goroutine %d step %d: Reanalyse differs from the analysis from scratch:\n%s", g, step, firstDifference(got, want))
					return
				}
				if plain := a.Analyse(e.cur); !reflect.DeepEqual(plain, got) {
					t.Errorf("goroutine %d step %d: Analyse differs from Reanalyse:\n%s", g, step, firstDifference(plain, got))
					return
				}
			}
		}()
	}
	wg.Wait()
}

// TestReanalyseKeepsTheAnalysisNew: Reanalyse returns a new *Analysis every time (the
// dashboard keys its cache of drawn panels on the pointer), also for an unchanged model.
func TestReanalyseKeepsTheAnalysisNew(t *testing.T) {
	base := gen.Org(50, 9)
	a := orgs.NewAnalyser(base)
	first := a.Reanalyse(base, nil)
	second := a.Reanalyse(base, first)
	if first == second {
		t.Fatal("Reanalyse returned its prev")
	}
	if !reflect.DeepEqual(second, fresh(base, base)) {
		t.Fatal("Reanalyse of the baseline itself differs from the analysis from scratch")
	}
}

// TestBaselineAgainstItself: the analysis of a baseline against itself (a report of one
// file), which takes the baseline's service runs as they are, equals the analysis of a
// copy of it against it.
func TestBaselineAgainstItself(t *testing.T) {
	for name, base := range bases(t) {
		if got, want := orgs.Analyse(base, base), orgs.Analyse(base, base.Clone()); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the baseline against itself differs from its copy:\n%s", name, firstDifference(got, want))
		}
	}
}

// TestReanalyseATeamManyServicesFollow: when a team that most services follow changes who
// runs it, every one of them changes; the re-analysis told so equals the analysis from
// scratch (it analyses them all again rather than refresh them one by one).
func TestReanalyseATeamManyServicesFollow(t *testing.T) {
	base := gen.Org(200, 11)
	dev := -1
	for i := range base.Teams {
		if base.Teams[i].Kind == orgs.KindDev {
			dev = i
			break
		}
	}
	if dev < 0 || len(base.Services) < 100 {
		t.Fatalf("the generated organization has no dev team or few services (%d)", len(base.Services))
	}
	for k := range base.Services {
		if k%5 != 0 {
			base.Services[k].Team = base.Teams[dev].Name
		}
	}
	a := orgs.NewAnalyser(base)
	cur := base.Clone()
	an := a.ReanalyseChanged(cur, nil, orgs.Everything)
	for step := range 12 {
		var c *orgs.Change
		var err error
		if step%3 == 2 {
			c, err = cur.CycleRunWith(dev)
		} else {
			c, err = cur.CycleRun(dev)
		}
		if err != nil {
			continue
		}
		an = a.ReanalyseChanged(cur, an, c.Touched())
		if want := fresh(base, cur); !reflect.DeepEqual(an, want) {
			t.Fatalf("step %d (%s): differs from the analysis from scratch:\n%s", step, c.Summary, firstDifference(an, want))
		}
	}
}
