package orgs

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// The banded distance agrees with the full one wherever it matters: under 3.
func TestDistanceUpTo2MatchesEditDistance(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 9))
	alphabet := []rune("abcé ")
	word := func() string {
		n := rng.IntN(9)
		r := make([]rune, n)
		for i := range r {
			r[i] = alphabet[rng.IntN(len(alphabet))]
		}
		return string(r)
	}
	for range 20000 {
		a, b := word(), word()
		want := min(editDistance(a, b), 3)
		if got := distanceUpTo2([]rune(a), b); got != want {
			t.Fatalf("distanceUpTo2(%q, %q) = %d, want %d", a, b, got, want)
		}
	}
}

// In a file of ordinary size the index suggests what a scan of every name suggests.
func TestNearIndexSuggestsAsAFullScan(t *testing.T) {
	names := []string{"Reliability", "Payments", "Payment", "Viewer", "Ops SRE", "Platform", "Checkout", "Search"}
	ix := newNearIndex(names)
	for _, q := range []string{"Reliabilty", "payemnts", "Paymen", "Veiwer", "Ops SR", "Plat", "Checkout", "zzz", "Serch", "PAYMENT"} {
		if got, want := ix.suggest(q), strings.Trim(strings.TrimSuffix(strings.TrimPrefix(didYouMean(q, names, true), " (did you mean "), "?)"), `"`); got != want {
			t.Errorf("suggest(%q) = %q, a full scan gives %q", q, got, want)
		}
	}
}

// A "did you mean" worked out against every team for every name kept a load of 20,000
// unresolved names busy for minutes. The index, asked for the names a load shows, stays
// within its budget (TestUnresolvedNamesSuggestOnlyForShownMessages and
// BenchmarkLoadUnresolved20k load the whole file).
func TestNearIndexSuggestsWithinItsBudget(t *testing.T) {
	names := make([]string, MaxTeams)
	for i := range names {
		names[i] = fmt.Sprintf("Team %05d", i)
	}
	ix := newNearIndex(names)
	found := 0
	for i := range maxProblems {
		if ix.suggest(fmt.Sprintf("Tam %05d", i)) == names[i] {
			found++
		}
	}
	if ix.work > suggestBudget {
		t.Errorf("%d distances computed for %d messages, budget %d", ix.work, maxProblems, suggestBudget)
	}
	if found < 40 {
		t.Errorf("only %d of the first messages found their near miss", found)
	}
}
