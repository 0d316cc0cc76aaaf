package report

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/sretopo/sretopo/orgs"
)

// example loads an embedded example, or a scenario of it: edit replaces each pair of old
// and new text in its file first, failing when one no longer applies.
func example(t *testing.T, name string, edits ...string) *orgs.Org {
	t.Helper()
	ex, err := orgs.ExampleNamed(name)
	if err != nil {
		t.Fatal(err)
	}
	data := string(ex.Data)
	for i := 0; i+1 < len(edits); i += 2 {
		edited := strings.Replace(data, edits[i], edits[i+1], 1)
		if edited == data {
			t.Fatalf("the edit %q of %s did not apply: the example changed shape", edits[i], name)
		}
		data = edited
	}
	return load(t, name+".toml", data)
}

// mixedScenario is the mixed example with its ops SRE team moved to the SRE org and the
// point of sale run by its developers, saved as a scenario with a title and a note.
func mixedScenario(t *testing.T) *orgs.Org {
	return example(t, "mixed",
		"name = \"Operations SRE\"\norg = \"ops\"", "name = \"Operations SRE\"\norg = \"sre\"",
		"run = \"ops\"", "run = \"you\"",
		"run_with = \"Store IT Operations\"\n", "",
		"[[team]]", "[scenario]\ntitle = \"SRE org | *first*\"\nnote = \"moves `Operations SRE`\"\nbased_on = \"mixed.toml\"\n\n[[team]]")
}

// TestReportsGolden pins every text and Markdown output of report (the analysis, the diff,
// the comparison of options and the plan) on the examples, so that a change of wording or
// layout shows up in review. Regenerate with -update, then read the diff.
func TestReportsGolden(t *testing.T) {
	type against struct {
		cur, base *orgs.Org
		baseFile  string
	}
	reports := map[string]against{
		"mixed-scenario": {mixedScenario(t), example(t, "mixed"), "mixed.toml"},
		"bank-from-ops":  {example(t, "bank"), example(t, "ops-run-it"), "ops-run-it.toml"},
		"mixed-from-ops": {example(t, "mixed"), example(t, "ops-run-it"), "ops-run-it.toml"},
	}
	for _, ex := range orgs.Examples() {
		o := example(t, ex.Name)
		reports[ex.Name] = against{o, o, ex.Name + ".toml"}
	}
	for name, r := range reports {
		cur := r.cur
		rep := orgs.NewReport(cur.Name, name+".toml", r.baseFile, orgs.Analyse(r.base, cur))
		t.Run("report/"+name+"/text", func(t *testing.T) { golden.RequireEqual(t, []byte(Text(cur, rep))) })
		t.Run("report/"+name+"/markdown", func(t *testing.T) { golden.RequireEqual(t, []byte(Markdown(cur, rep))) })
	}

	pairs := map[string][2]*orgs.Org{
		"ops-to-mixed":      {example(t, "ops-run-it"), example(t, "mixed")},
		"mixed-to-scenario": {example(t, "mixed"), mixedScenario(t)},
		"topology-5-to-6":   {example(t, "topology-5"), example(t, "topology-6")},
		"same":              {example(t, "bank"), example(t, "bank")},
	}
	for name, p := range pairs {
		d := orgs.Compare("a.toml", p[0], "b.toml", p[1])
		for _, format := range DiffFormats {
			goldenOf(t, "diff/"+name+"/"+format, func() ([]byte, error) { return RenderDiff(format, d) })
		}
		plan := &PlanOutput{Plan: orgs.MakePlan(p[0], p[1]), Base: "a.toml", Target: "b.toml"}
		plan.Plan.Date(orgs.Month{Year: 2027, Month: 1}, nil) // dated, for the gantt chart
		for _, format := range PlanFormats {
			goldenOf(t, "plan/"+name+"/"+format, func() ([]byte, error) { return RenderPlan(format, plan) })
		}
	}

	files := []string{"ops-run-it.toml", "mixed.toml", "mixed-scenario-1.toml", "bank.toml"}
	options := orgs.CompareOptions(files, []*orgs.Org{example(t, "ops-run-it"), example(t, "mixed"), mixedScenario(t), example(t, "bank")})
	for _, format := range CompareFormats {
		goldenOf(t, "compare/"+format, func() ([]byte, error) { return RenderOptions(format, options) })
	}
}

// goldenOf renders in a subtest of that name, which must render without error and give the
// subtest's golden file.
func goldenOf(t *testing.T, name string, render func() ([]byte, error)) {
	t.Helper()
	t.Run(name, func(t *testing.T) {
		out, err := render()
		if err != nil {
			t.Fatal(err)
		}
		golden.RequireEqual(t, out)
	})
}
