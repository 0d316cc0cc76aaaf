package orgs_test

import (
	"slices"
	"testing"

	"github.com/sretopo/sretopo/orgs"
)

// cli.md, compare (v3): each option carries the nine criteria of its dominant model (the
// talk's Compare step); the first option is no candidate in the rows that measure the change
// from it, "so staying put never wins them by default", and a row where every option ties has
// no mark.
func TestCompareOptionsV3(t *testing.T) {
	first := newOrg(t1("A"), t1("B"), sreTeam("S", ops, 3), infra("I", ops))
	same := first.Clone()
	moved := newOrg(yas("A", "S"), yas("B", "S"), sreTeam("S", ops, 3), infra("I", ops))
	opts := orgs.CompareOptions([]string{"a", "b", "c"}, []*orgs.Org{first, same, moved})
	if len(opts[0].Criteria) != 9 || opts[0].Criteria[1].Value != "None" || opts[2].Criteria[1].Value != "Partially required" {
		t.Errorf("criteria %+v and %+v", opts[0].Criteria, opts[2].Criteria)
	}
	// transition: b unchanged, c possible; a is no candidate
	if got := orgs.Best(opts, orgs.RowTransition); !slices.Equal(got, []bool{false, true, false}) {
		t.Errorf("transition marks %v, want b only", got)
	}
	// hard decisions: b and c have none, a tie among the candidates: no mark
	if got := orgs.Best(opts, orgs.RowHardDecisions); slices.Contains(got, true) {
		t.Errorf("hard decisions marks %v, want none (every candidate ties)", got)
	}
	// knowledge synchronization: None beats Partially required
	if got := orgs.CriterionBest(opts, 1); !slices.Equal(got, []bool{true, true, false}) {
		t.Errorf("knowledge synchronization marks %v", got)
	}
	if orgs.CriterionBest(opts, 4) != nil {
		t.Error("a row without a better end is ranked")
	}
	// without a dominant model there is no column
	none := orgs.CompareOptions([]string{"a", "b"}, []*orgs.Org{first, newOrg(infra("I", ops))})
	if none[1].Criteria == nil || len(none[1].Criteria) != 0 {
		t.Errorf("criteria of an option without dev teams: %v, want []", none[1].Criteria)
	}
}
