package orgs_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/sretopo/sretopo/internal/gen"
	"github.com/sretopo/sretopo/orgs"
)

// checkPlan asserts what every plan must hold: each stage's model validates, the stages
// follow the book's order and are numbered 1..k, no stage is empty, the last stage's model
// is the target, and no decision comes before its prerequisite.
func checkPlan(t *testing.T, base, target *orgs.Org) *orgs.Plan {
	t.Helper()
	p := orgs.MakePlan(base, target)
	if orgs.ModelsEqual(base, target) {
		if len(p.Stages) != 0 {
			t.Fatalf("base equals target, yet the plan has %d stages", len(p.Stages))
		}
		return p
	}
	if len(p.Stages) == 0 {
		t.Fatal("base and target differ, yet the plan has no stage")
	}
	last := -1
	prev := base
	for i, s := range p.Stages {
		if s.Number != i+1 {
			t.Errorf("stage %d is numbered %d", i+1, s.Number)
		}
		at := slices.Index(orgs.StageNames[:], s.Name)
		if at <= last {
			t.Errorf("stage %d (%s) comes after a stage that should follow it", s.Number, s.Name)
		}
		last = at
		if err := orgs.Validate(s.Model, nil); err != nil {
			t.Errorf("the model after stage %d (%s) is invalid:\n%v", s.Number, s.Name, err)
		}
		if orgs.ModelsEqual(prev, s.Model) {
			t.Errorf("stage %d (%s) changes nothing and should have been left out", s.Number, s.Name)
		}
		if len(s.Decisions) == 0 {
			t.Errorf("stage %d (%s) lists no decision", s.Number, s.Name)
		}
		for _, d := range s.Decisions {
			if d.Kind == orgs.DecideReportingLines && s.Name != orgs.StageReportingLines {
				t.Errorf("stage %d (%s) moves %s between orgs: reporting lines come last", s.Number, s.Name, d.Subject)
			}
		}
		// a partner named in this stage exists in it (partners come first), and a team
		// removed in this stage is run with by nobody in it
		for _, tm := range s.Model.Teams {
			if tm.Run.NeedsPartner() && s.Model.Team(tm.RunWith) == nil {
				t.Errorf("stage %d: %s runs with %q, which does not exist yet", s.Number, tm.Name, tm.RunWith)
			}
		}
		prev = s.Model
	}
	if got := p.Stages[len(p.Stages)-1].Model; !orgs.ModelsEqual(got, target) {
		t.Errorf("the last stage's model is not the target")
	}
	return p
}

func TestPlanBetweenExamplesThatShareTeams(t *testing.T) {
	type loaded struct {
		Name string
		Org  *orgs.Org
	}
	var examples []loaded
	for _, e := range orgs.Examples() {
		o, err := orgs.Load(e.Name+".toml", e.Data)
		if err != nil {
			t.Fatal(err)
		}
		examples = append(examples, loaded{e.Name, o})
	}
	pairs := 0
	for _, a := range examples {
		for _, b := range examples {
			if a.Name == b.Name {
				continue
			}
			shared := 0
			for _, tm := range a.Org.Teams {
				if b.Org.Team(tm.Name) != nil {
					shared++
				}
			}
			if shared == 0 {
				continue
			}
			pairs++
			t.Run(a.Name+"_to_"+b.Name, func(t *testing.T) { checkPlan(t, a.Org, b.Org) })
		}
	}
	if pairs == 0 {
		t.Fatal("no two examples share a team name; the test checks nothing")
	}
}

// whatIf makes a random what-if of o: moves, run changes, partners, headcount, rotations,
// additions, removals, on-call changes, positioning, service runs and service moves.
func whatIf(o *orgs.Org, rng *rand.Rand, edits int) *orgs.Org {
	w := o.Clone()
	for range edits {
		if len(w.Teams) == 0 {
			break
		}
		i := rng.IntN(len(w.Teams))
		if len(w.Services) > 0 && rng.IntN(4) == 0 {
			k := rng.IntN(len(w.Services))
			switch rng.IntN(4) {
			case 0, 1:
				w.CycleServiceRun(k)
			case 2:
				w.CycleServiceRunWith(k)
			case 3:
				// a service moves to another dev team
				for _, t := range w.Teams {
					if t.Kind == orgs.KindDev && rng.IntN(3) == 0 {
						w.Services[k].Team = t.Name
						break
					}
				}
			}
			continue
		}
		if rng.IntN(4) == 0 {
			v3Edit(w, rng, i)
			continue
		}
		switch rng.IntN(10) {
		case 0:
			w.MoveTeam(i, []int{-1, 1}[rng.IntN(2)])
		case 1, 2:
			w.CycleRun(i)
		case 3:
			w.CycleRunWith(i)
		case 4:
			w.AddHeadcount(i, rng.IntN(7)-3)
		case 5:
			kind := []orgs.Kind{orgs.KindDev, orgs.KindSRE, orgs.KindOps}[rng.IntN(3)]
			org := orgs.AllOrgs[rng.IntN(3)]
			w.AddTeam(orgs.Team{Name: fmt.Sprintf("New %d", rng.IntN(1_000_000)), Org: org, Kind: kind, Headcount: 1 + rng.IntN(9)})
		case 6:
			w.DeleteTeam(i)
		case 7:
			w.Teams[i].OnCall = orgs.AllOnCalls[rng.IntN(len(orgs.AllOnCalls))]
			if w.Teams[i].OnCall == orgs.OnCallNone {
				// the rotation keys apply only to a team on call
				w.Teams[i].Rotation, w.Teams[i].Secondary, w.Teams[i].Sites = 0, nil, 0
			}
		case 8:
			w.CyclePositioning()
		case 9:
			w.AddRotation(i, rng.IntN(5)-2)
		}
	}
	return w
}

// v3Edit changes a key of rules version 3 on team i (a backup, a secondary, a second site,
// a service's backup or window), kept only when the model stays valid.
func v3Edit(w *orgs.Org, rng *rand.Rand, i int) {
	t := &w.Teams[i]
	old := *t
	var oldService *orgs.Service
	k := -1
	switch rng.IntN(4) {
	case 0:
		partners := []string{""}
		for _, p := range w.Teams {
			if p.Kind == orgs.KindSRE || p.Kind == orgs.KindOps {
				partners = append(partners, p.Name)
			}
		}
		t.Backup = partners[rng.IntN(len(partners))]
	case 1:
		yes := rng.IntN(2) == 0
		t.Secondary = &yes
	case 2:
		t.Sites = rng.IntN(3)
	case 3:
		if len(w.Services) == 0 {
			return
		}
		k = rng.IntN(len(w.Services))
		s := w.Services[k]
		oldService = &s
		name := t.Name
		if rng.IntN(3) == 0 {
			name = ""
		}
		w.Services[k].Backup = &name
		w.Services[k].WindowDays = []int{0, 7, 28, 90}[rng.IntN(4)]
	}
	if orgs.Validate(w, nil) != nil {
		*t = old
		if k >= 0 {
			w.Services[k] = *oldService
		}
	}
}

func TestPlanOfGeneratedWhatIfs(t *testing.T) {
	for seed := range uint64(40) {
		rng := rand.New(rand.NewPCG(seed, 7))
		base := gen.Org(5+rng.IntN(40), int64(seed))
		// a what-if of a what-if: changes that build on each other
		target := whatIf(whatIf(base, rng, 1+rng.IntN(15)), rng, rng.IntN(10))
		if err := orgs.Validate(target, nil); err != nil {
			t.Fatalf("seed %d: the generated target is invalid: %v", seed, err)
		}
		t.Run(fmt.Sprint("seed_", seed), func(t *testing.T) { checkPlan(t, base, target) })
	}
}

func decisionKinds(s orgs.Stage) []orgs.DecisionKind {
	var out []orgs.DecisionKind
	for _, d := range s.Decisions {
		out = append(out, d.Kind)
	}
	return out
}
