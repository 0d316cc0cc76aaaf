package orgs

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// unresolvedFile is internal/gen's UnresolvedRunWith, written here since gen imports orgs.
func unresolvedFile(teams int) []byte {
	var b strings.Builder
	b.WriteString("format = 1\nname = \"Unresolved\"\n")
	for i := range teams {
		fmt.Fprintf(&b, "\n[[team]]\nname = \"Team %05d\"\norg = \"dev\"\nkind = \"dev\"\nheadcount = 5\nrun = \"sre\"\nrun_with = \"Tam %05d\"\n", i, i)
	}
	return []byte(b.String())
}

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

// Issue 9: 20,000 teams each naming a team that does not exist kept a load busy for
// minutes, a "did you mean" being worked out against every team for every name, shown or
// not. Now the shown messages keep their suggestions and the work stays bounded.
func TestUnresolvedNamesSuggestOnlyForShownMessages(t *testing.T) {
	data := unresolvedFile(MaxTeams)
	_, err := Load("unresolved.toml", data)
	var le *LoadError
	if !errors.As(err, &le) {
		t.Fatalf("want a load error, got %v", err)
	}
	if n := len(le.Problems); n != maxProblems+1 {
		t.Fatalf("%d problems listed, want %d and a last line", n, maxProblems+1)
	}
	first := le.Problems[0].String()
	if !strings.Contains(first, `run_with "Tam 00000" names no team (did you mean "Team 00000"?)`) || le.Problems[0].Line != 10 {
		t.Errorf("first problem: %s", first)
	}
	last := le.Problems[maxProblems].Msg
	if want := fmt.Sprintf("and %d more problems", MaxTeams-maxProblems); !strings.Contains(last, want) {
		t.Errorf("last line %q, want %q", last, want)
	}

	// the same index, asked for the names a load shows, stays within its budget
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
