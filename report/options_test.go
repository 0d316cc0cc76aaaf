package report

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/sretopo/sretopo/orgs"
)

// TestCompareShowsEachOptionsCriteria: compare shows the nine criteria of each option's
// dominant run model as rows in text and Markdown, the better end marked where the row is
// ranked and nothing marked where every option ties; its JSON carries each option's
// `criteria` and `run_model.majority` (cli.md, compare, v3).
func TestCompareShowsEachOptionsCriteria(t *testing.T) {
	files := []string{"ops-run-it.toml", "bank.toml", "topology-1.toml"}
	options := orgs.CompareOptions(files, []*orgs.Org{example(t, "ops-run-it"), example(t, "bank"), example(t, "topology-1")})
	text, err := RenderOptions("text", options)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(text), "\n")
	for _, c := range orgs.Criteria {
		row := ""
		for _, l := range lines {
			if strings.HasPrefix(l, c.Name+"  ") {
				row = l
			}
		}
		if row == "" {
			t.Fatalf("no row for criterion %q in\n%s", c.Name, text)
		}
		cells := strings.Fields(strings.TrimPrefix(row, c.Name))
		ops, you := c.Values[orgs.OpsRunIt.Column()], c.Values[orgs.YouRunIt.Column()]
		if !strings.Contains(row, ops) || !strings.Contains(row, you) {
			t.Errorf("row %q lacks the ops run it value %q or the you run it value %q", row, ops, you)
		}
		if ops == you && strings.Contains(row, "*") {
			t.Errorf("row %q marks a value every option shares", row)
		}
		if c.Order != nil && ops != you && !strings.Contains(row, "*") {
			t.Errorf("ranked row %q with different values marks none (%v)", row, cells)
		}
	}
	// the first option is no candidate on the rows that measure the change from it, though
	// staying put makes its transition unchanged and its hard decisions none
	labels, cells := OptionTable(options, "*")
	for i, label := range labels {
		if (strings.HasPrefix(label, "Transition from ") || label == "Hard decisions") && strings.Contains(cells[i][0], "*") {
			t.Errorf("the first option is marked on %q: %q", label, cells[i])
		}
	}
	md, err := RenderOptions("markdown", options)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(md), "| **"+orgs.Criteria[0].Name+"** |") {
		t.Errorf("Markdown lacks the criteria rows:\n%s", md)
	}

	data, err := RenderOptions("json", options)
	if err != nil {
		t.Fatal(err)
	}
	var out struct {
		Options []struct {
			RunModel struct {
				Majority *bool `json:"majority"`
			} `json:"run_model"`
			Criteria []orgs.OptionCriterion `json:"criteria"`
		} `json:"options"`
	}
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatal(err)
	}
	for i, o := range out.Options {
		a := options[i].Analysis
		if o.RunModel.Majority == nil || *o.RunModel.Majority != a.RunModel.Majority {
			t.Errorf("option %d: majority %v, want %v", i+1, o.RunModel.Majority, a.RunModel.Majority)
		}
		if len(o.Criteria) != len(orgs.Criteria) || o.Criteria[0].Value != orgs.Criteria[0].Values[a.RunModel.Dominant.Column()] {
			t.Errorf("option %d: criteria %v, not its dominant model's column", i+1, o.Criteria)
		}
	}
	if *out.Options[1].RunModel.Majority {
		t.Error("the bank's 2 of 4 dev teams read as a majority")
	}
}

// TestOptionTableHasTheCriteriaAndMixed: the dashboard's table of options has the rows
// `sretopo compare` prints: each option's run model "mixed, largest: ..." where it has no
// majority, then the nine criteria of each option's dominant run model, each cell its
// option's value, marked exactly where the criterion's better end is (none where all tie).
func TestOptionTableHasTheCriteriaAndMixed(t *testing.T) {
	files := []string{"ops-run-it.toml", "bank.toml", "topology-1.toml"}
	options := orgs.CompareOptions(files, []*orgs.Org{example(t, "ops-run-it"), example(t, "bank"), example(t, "topology-1")})
	if options[1].Analysis.RunModel.Majority {
		t.Fatal("bank has a majority run model: the test's premise is gone")
	}
	labels, cells := OptionTable(options, "*")
	row := func(label string) []string {
		for r, l := range labels {
			if l == label {
				return cells[r]
			}
		}
		t.Fatalf("no row %q in %q", label, labels)
		return nil
	}
	if got := row("Run model")[1]; !strings.HasPrefix(got, "mixed, largest: ") {
		t.Errorf("bank's run model cell %q does not say mixed, largest", got)
	}
	if got := row("Run model")[0]; strings.HasPrefix(got, "mixed") {
		t.Errorf("ops-run-it has a majority, its cell says %q", got)
	}
	row(CriteriaHeading)
	for k, c := range orgs.Criteria {
		got := row(c.Name)
		best := orgs.CriterionBest(options, k)
		marks := 0
		for i := range options {
			want := options[i].Criteria[k].Value
			if best != nil && best[i] {
				want += " *"
				marks++
			}
			if got[i] != want {
				t.Errorf("%s, option %d: %q, want %q", c.Name, i+1, got[i], want)
			}
		}
		if marks == len(options) {
			t.Errorf("%s marks every option: %q", c.Name, got)
		}
	}
}
