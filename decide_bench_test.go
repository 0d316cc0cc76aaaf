package main

import (
	"math/rand/v2"
	"testing"

	"github.com/sretopo/sretopo/orgs"
)

// planFiles writes a generated 10,000-team organization and a what-if of it with 500
// changes (moves, run and partner changes, headcount, additions and removals) once per run.
func planFiles(b *testing.B) (base, target string) {
	b.Helper()
	return orgFiles(b, 10_000, func(w *orgs.Org) {
		rng := rand.New(rand.NewPCG(1, 2))
		for changes := 0; changes < 500; {
			i := rng.IntN(len(w.Teams))
			var err error
			switch rng.IntN(6) {
			case 0:
				_, err = w.MoveTeam(i, 1)
			case 1:
				_, err = w.CycleRun(i)
			case 2:
				_, err = w.CycleRunWith(i)
			case 3:
				_, err = w.AddHeadcount(i, 1)
			case 4:
				_, err = w.AddTeam(orgs.Team{Name: "Added " + w.Teams[i].Name, Org: orgs.OrgDev, Kind: orgs.KindDev, Headcount: 5})
			case 5:
				_, err = w.DeleteTeam(i)
			}
			if err == nil {
				changes++
			}
		}
	})
}

// BenchmarkReport10kWhatIf is `sretopo report` on the what-if: the yardstick of the plan's
// budget (plan within 3x of it).
func BenchmarkReport10kWhatIf(b *testing.B) {
	_, target := planFiles(b)
	for b.Loop() {
		runCLI(b, 0, "report", "--format", "json", target)
	}
}

// BenchmarkPlan10kWhatIf is `sretopo plan` from the 10,000-team base to its what-if.
func BenchmarkPlan10kWhatIf(b *testing.B) {
	base, target := planFiles(b)
	for b.Loop() {
		runCLI(b, 0, "plan", "--format", "json", base, target)
	}
}
