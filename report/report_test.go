package report

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/sretopo/sretopo/orgs"
)

const solo = `format = 1
name = "Solo_Co"

[defaults]
per_head = 95000
currency = "EUR"

[[team]]
name = "Solo"
org = "dev"
kind = "dev"
headcount = 1
run = "none"
`

func load(t *testing.T, name, data string) *orgs.Org {
	t.Helper()
	o, err := orgs.Load(name, []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	return o
}

// TestWordsReadRight: the text and Markdown reports word what a reader checks: one person,
// what one team builds, the baseline that is the file itself, changes labelled as changes.
func TestWordsReadRight(t *testing.T) {
	o := load(t, "solo_file.toml", solo)
	rep := orgs.NewReport(o.Name, "solo_file.toml", "solo_file.toml", orgs.Analyse(o, o))
	text, markdown, mermaid := Text(o, rep), Markdown(o, rep), Mermaid(o, rep)
	for _, want := range []string{"1 team, 1 dev team, 1 person", "baseline: the file itself", `what "Solo" builds`, "no change vs baseline", "Unorganized (1 of 1 dev team)"} {
		if !strings.Contains(text, want) {
			t.Errorf("text report lacks %q:\n%s", want, text)
		}
	}
	for _, bad := range []string{"1 people", "1 dev teams", "0 people, 0", "(0 people"} {
		if strings.Contains(text, bad) || strings.Contains(markdown, bad) || strings.Contains(mermaid, bad) {
			t.Errorf("a report says %q", bad)
		}
	}
	if !strings.Contains(markdown, "File `solo_file.toml`; baseline: the file itself.") {
		t.Errorf("markdown header:\n%s", markdown)
	}
	for _, span := range regexp.MustCompile("`[^`]*`").FindAllString(markdown, -1) {
		if strings.Contains(span, `\`) {
			t.Errorf("code span %s holds a backslash, which Markdown shows as it is", span)
		}
	}
}

// TestDiffWords: a diff says each organization's budget shift with its currency, an advisory
// about other teams as changed, and a decision's kind once.
func TestDiffWords(t *testing.T) {
	a := load(t, "a.toml", solo+"\n[[team]]\nname = \"Ops SRE\"\norg = \"ops\"\nkind = \"sre\"\nheadcount = 4\n")
	b := load(t, "b.toml", strings.Replace(solo, "headcount = 1", "headcount = 2", 1)+"\n[[team]]\nname = \"Ops SRE\"\norg = \"sre\"\nkind = \"sre\"\nheadcount = 4\n")
	d := orgs.Compare("a.toml", a, "b.toml", b)
	text, markdown := DiffText(d, S), DiffMarkdown(d)
	for _, want := range []string{"Ops org budget: -380,000 EUR, -4 people vs A.", "SRE org budget: +380,000 EUR, +4 people vs A.",
		"CAPEX +95,000 EUR, +1 person vs A", "Solo: headcount from 1 to 2 people (+1 person)."} {
		if !strings.Contains(text, want) {
			t.Errorf("diff lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "staffing: staffing") || strings.Contains(markdown, "staffing: staffing") {
		t.Errorf("a diff says staffing twice:\n%s", text)
	}
	if !strings.Contains(markdown, "# Changes from `a.toml` to `b.toml`") {
		t.Errorf("markdown diff header:\n%s", markdown)
	}
}

// TestBothReportsShowTheScenario: a scenario's title and note are in the text report as in
// the Markdown one (the text report left them out), each escaped for its format.
func TestBothReportsShowTheScenario(t *testing.T) {
	o := mixedScenario(t)
	rep := orgs.NewReport(o.Name, "s.toml", "mixed.toml", orgs.Analyse(o, example(t, "mixed")))
	text, markdown := Text(o, rep), Markdown(o, rep)
	for _, want := range []string{"scenario: SRE org | *first*\n", "  moves `Operations SRE`\n"} {
		if !strings.Contains(text, want) {
			t.Errorf("text report lacks %q:\n%s", want, text)
		}
	}
	for _, want := range []string{"Scenario: **SRE org \\| \\*first\\***\n", "> moves \\`Operations SRE\\`\n"} {
		if !strings.Contains(markdown, want) {
			t.Errorf("markdown report lacks %q:\n%s", want, markdown)
		}
	}
}

// TestPlanSaysDecisionsInWords: a plan names each decision's kind in words, never by its
// code, and says staffing once.
func TestPlanSaysDecisionsInWords(t *testing.T) {
	plan := &PlanOutput{Plan: orgs.MakePlan(example(t, "ops-run-it"), example(t, "mixed")), Base: "a.toml", Target: "b.toml"}
	for _, format := range []string{"text", "markdown"} {
		out, err := RenderPlan(format, plan)
		if err != nil {
			t.Fatal(err)
		}
		for _, code := range []string{"who-runs-it", "reporting-lines", "new-sre-org", "staffing   staffing", "| staffing | staffing"} {
			if strings.Contains(string(out), code) {
				t.Errorf("%s plan says %q:\n%s", format, code, out)
			}
		}
		if !strings.Contains(string(out), "who runs it") {
			t.Errorf("%s plan names no decision in words:\n%s", format, out)
		}
	}
}

// TestPeopleCountsHaveThousandsSeparators: a headcount in the thousands is written like the
// money beside it, with separators, in every table and sentence of both reports.
func TestPeopleCountsHaveThousandsSeparators(t *testing.T) {
	big := load(t, "big.toml", strings.Replace(solo, "headcount = 1", "headcount = 1200\non_call = \"24x7\"", 1))
	rep := orgs.NewReport(big.Name, "big.toml", "big.toml", orgs.Analyse(big, big))
	text, markdown := Text(big, rep), Markdown(big, rep)
	for name, out := range map[string]string{"text": text, "markdown": markdown} {
		if !strings.Contains(out, "1,200 people") || !strings.Contains(out, "114,000,000 EUR") {
			t.Errorf("%s report lacks 1,200 people at 114,000,000 EUR:\n%s", name, out)
		}
		if strings.Contains(out, "1200") {
			t.Errorf("%s report writes a count without its separator:\n%s", name, out)
		}
	}
	if !strings.Contains(markdown, "| Solo | dev org | dev | 1,200 |") || !strings.Contains(markdown, "| CAPEX | 1,200 |") {
		t.Errorf("markdown tables write the headcount without its separator:\n%s", markdown)
	}
}

// TestAdvisoriesNameEveryTeamInTheReport: where an advisory's message names the first six
// teams "and 2 more", both reports go on to name all eight.
func TestAdvisoriesNameEveryTeamInTheReport(t *testing.T) {
	data := solo
	for i := 1; i <= 8; i++ {
		data += fmt.Sprintf("\n[[team]]\nname = \"Ops %d\"\norg = \"ops\"\nkind = \"ops\"\nheadcount = 1\non_call = \"24x7\"\n", i)
	}
	o := load(t, "thin.toml", data)
	rep := orgs.NewReport(o.Name, "thin.toml", "thin.toml", orgs.Analyse(o, o))
	for name, out := range map[string]string{"text": Text(o, rep), "markdown": Markdown(o, rep)} {
		if !strings.Contains(out, "and 2 more") {
			t.Fatalf("%s: the message no longer cuts the list short, so this test tests nothing:\n%s", name, out)
		}
		if !strings.Contains(out, `all 8 teams: "Ops 1", "Ops 2", "Ops 3", "Ops 4", "Ops 5", "Ops 6", "Ops 7", "Ops 8"`) {
			t.Errorf("%s report does not name every thin rotation:\n%s", name, out)
		}
	}
}

// TestRenderRefusesAnUnknownFormat: every Render function refuses a format it does not
// write, naming the format and the ones it does.
func TestRenderRefusesAnUnknownFormat(t *testing.T) {
	renders := []struct {
		name    string
		render  func(format string) ([]byte, error)
		formats []string
	}{
		{"Render", func(f string) ([]byte, error) { return Render(f, nil, nil) }, Formats},
		{"RenderDiff", func(f string) ([]byte, error) { return RenderDiff(f, nil) }, DiffFormats},
		{"RenderOptions", func(f string) ([]byte, error) { return RenderOptions(f, nil) }, CompareFormats},
		{"RenderPlan", func(f string) ([]byte, error) { return RenderPlan(f, nil) }, PlanFormats},
	}
	for _, r := range renders {
		out, err := r.render("pdf")
		if err == nil || out != nil {
			t.Errorf("%s of pdf: %q, %v", r.name, out, err)
			continue
		}
		if want := `unknown format "pdf" (use ` + strings.Join(r.formats, ", ") + ")"; err.Error() != want {
			t.Errorf("%s of pdf: %q, want %q", r.name, err, want)
		}
	}
}
