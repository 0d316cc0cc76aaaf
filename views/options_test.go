package views

import (
	"strings"
	"testing"

	"github.com/sretopo/sretopo/orgs"
)

// TestOptionsBody lays out four options of "mixed" as columns at meeting widths: every row of
// `sretopo compare` shows, nothing is wider than the terminal, and the best value of a row
// with a better end carries the mark while the others do not.
func TestOptionsBody(t *testing.T) {
	base, moved := movedMixed(t)
	_, bigger := example(t, "mixed")
	if _, err := bigger.AddHeadcount(bigger.TeamIndex("Checkout"), +3); err != nil {
		t.Fatal(err)
	}
	options := orgs.CompareOptions([]string{"mixed.toml", "moved.toml", "bigger.toml", "mixed.toml"}, []*orgs.Org{base, moved, bigger, base})
	for _, w := range []int{80, 120, 200} {
		body := OptionsBody(options, DefaultStyles(), w)
		head := OptionsHead(options, DefaultStyles(), w)
		checkFits(t, strings.Join(append(head, body...), "\n"), w, 1000)
		all := strings.Join(body, "\n")
		for _, want := range []string{"Run model", "Topology", "Pure", "SRE identity", "CAPEX", "OPEX", "Hard", "Warnings", "marks the best value"} {
			if !strings.Contains(all, want) {
				t.Errorf("width %d: the options lack %q:\n%s", w, want, all)
			}
		}
		if !strings.Contains(head[0], "4 mixed.toml") {
			t.Errorf("width %d: the heading does not number the options: %q", w, head[0])
		}
	}
	// the options without a hard decision are marked, the first one excepted: it is no
	// candidate in a row that measures the change from it (cli.md, rules v3)
	best := orgs.Best(options, orgs.RowHardDecisions)
	if best[0] || best[1] || !best[2] || !best[3] {
		t.Fatalf("orgs.Best of hard decisions: %v", best)
	}
	for _, l := range OptionsBody(options, DefaultStyles(), 200) {
		if strings.HasPrefix(l, "Hard decisions") {
			f := strings.Fields(l)
			if got := strings.Join(f[2:], " "); got != "0 1 0 * 0 *" {
				t.Errorf("hard decisions row %q, want the options without one marked", got)
			}
		}
	}
}

// TestOptionsBodyShowsTheCriteriaAndMixed: the compare screen with options shows the run
// model of an option without a majority as "mixed, largest: ...", and under the heading of
// the criteria each option's value of every criterion of its dominant run model.
func TestOptionsBodyShowsTheCriteriaAndMixed(t *testing.T) {
	_, ops := example(t, "ops-run-it")
	_, bank := example(t, "bank")
	options := orgs.CompareOptions([]string{"ops-run-it.toml", "bank.toml"}, []*orgs.Org{ops, bank})
	for _, w := range []int{80, 160} {
		body := OptionsBody(options, DefaultStyles(), w)
		checkFits(t, strings.Join(body, "\n"), w, 1000)
		all := oneLine(strings.Join(body, "\n"))
		for _, want := range []string{"mixed, largest:", "Criteria of the dominant"} {
			if !strings.Contains(all, want) {
				t.Errorf("width %d: the options lack %q:\n%s", w, want, strings.Join(body, "\n"))
			}
		}
		for k, c := range orgs.Criteria {
			for i := range options {
				if v := options[i].Criteria[k].Value; !strings.Contains(strings.Join(body, "\n"), strings.Fields(v)[0]) {
					t.Errorf("width %d: %s of option %d, %q, is missing", w, c.Name, i+1, v)
				}
			}
		}
	}
}
