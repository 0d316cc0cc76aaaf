package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sretopo/sretopo/orgs"
)

// edit returns src with old replaced by new once, failing the test when old is missing.
func edit(t *testing.T, src, old, new string) string {
	t.Helper()
	if !strings.Contains(src, old) {
		t.Fatalf("the example no longer holds %q", old)
	}
	return strings.Replace(src, old, new, 1)
}

func TestCompareMarksTheBestOfEachRowThatHasOne(t *testing.T) {
	dir := t.TempDir()
	mixed := exampleText(t, "mixed")
	a := writeFile(t, dir, "a.toml", mixed)
	// b: Point of Sale back to running its own services: ops run it leaves, fewer info advisories
	b := writeFile(t, dir, "b.toml", edit(t, mixed, "run = \"ops\"\nrun_with = \"Store IT Operations\"", "run = \"you\""))
	c := writeExample(t, dir, "c.toml", "topology-6")
	code, out, errOut := sretopo(t, "", "compare", "--format", "json", a, b, c)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got struct {
		Compare int `json:"compare"`
		Options []struct {
			File       string `json:"file"`
			Transition string `json:"transition"`
			Topology   struct {
				Pure bool `json:"pure"`
			} `json:"topology"`
			Decisions map[string]int `json:"decisions"`
		} `json:"options"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if got.Compare != 1 || len(got.Options) != 3 || got.Options[0].File != a || got.Options[2].File != c {
		t.Fatalf("options %+v, want the three files in argument order", got.Options)
	}
	if got.Options[0].Transition != "unchanged" || got.Options[1].Transition != "possible" {
		t.Errorf("transitions %q, %q: want unchanged for the first file against itself, possible for ops -> you", got.Options[0].Transition, got.Options[1].Transition)
	}
	if got.Options[1].Decisions["easy"] != 1 {
		t.Errorf("b's decisions %v, want one easy who-runs-it decision", got.Options[1].Decisions)
	}
	for _, k := range []string{"easy", "team-local", "staffing", "hard"} {
		if _, ok := got.Options[0].Decisions[k]; !ok {
			t.Errorf("decisions lack %q", k)
		}
	}
	_, text, _ := sretopo(t, "", "compare", a, b, c)
	pure := line(t, text, "Pure")
	if !strings.Contains(pure, "yes *") || strings.Contains(pure, "no *") {
		t.Errorf("Pure row %q: topology-6 is pure and the only one marked", pure)
	}
	if org := line(t, text, "Organization"); strings.Contains(org, "*") {
		t.Errorf("a row with no better end is marked: %q", org)
	}
	if tr := line(t, text, "Transition from"); strings.Count(tr, "*") != 1 {
		t.Errorf("transition row %q: the first file is no candidate (staying put wins by default), c (unchanged) is the best", tr)
	}
	_, markdown, _ := sretopo(t, "", "compare", "--format", "markdown", a, b, c)
	if !strings.Contains(markdown, "| **Pure** | no | no | yes \\* |") {
		t.Errorf("markdown comparison:\n%s", markdown)
	}
}

func line(t *testing.T, text, prefix string) string {
	t.Helper()
	for _, l := range strings.Split(text, "\n") {
		if strings.HasPrefix(l, prefix) {
			return l
		}
	}
	t.Fatalf("no line starts with %q in:\n%s", prefix, text)
	return ""
}

func TestCompareUsageAndInvalidInput(t *testing.T) {
	dir := t.TempDir()
	a := writeExample(t, dir, "a.toml", "mixed")
	if code, _, errOut := sretopo(t, "", "compare", a); code != 2 || !strings.Contains(errOut, "2 to 8 files") {
		t.Errorf("one file: exit %d, %q; want 2 and the range", code, errOut)
	}
	nine := make([]string, 9)
	for i := range nine {
		nine[i] = a
	}
	if code, _, _ := sretopo(t, "", append([]string{"compare"}, nine...)...); code != 2 {
		t.Errorf("nine files: exit %d, want 2", code)
	}
	bad := writeFile(t, dir, "bad.toml", "format = 1\nname = \"x\"\n[[team]]\nname = \"A\"\n")
	if code, _, errOut := sretopo(t, "", "compare", a, bad); code != 1 || !strings.Contains(errOut, "bad.toml") {
		t.Errorf("invalid file: exit %d, %q; want 1 naming the file", code, errOut)
	}
}

func TestPlanWritesEveryStageAsAScenarioOfTheBase(t *testing.T) {
	dir := t.TempDir()
	mixed := exampleText(t, "mixed")
	base := writeFile(t, dir, "mixed.toml", mixed)
	what := edit(t, mixed, "run = \"ops\"\nrun_with = \"Store IT Operations\"", "run = \"you\"")
	what = edit(t, what, "name = \"Operations SRE\"\norg = \"ops\"", "name = \"Operations SRE\"\norg = \"sre\"")
	what = edit(t, what, "[[service]]", "[[team]]\nname = \"Checkout SRE\"\norg = \"sre\"\nkind = \"sre\"\nheadcount = 4\n\n[[service]]")
	target := writeFile(t, dir, "what.toml", what)
	code, out, errOut := sretopo(t, "", "plan", "--write", "--format", "json", base, target)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got struct {
		Stages []struct {
			Stage int     `json:"stage"`
			Name  string  `json:"name"`
			File  *string `json:"file"`
		} `json:"stages"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	names := []string{}
	for _, s := range got.Stages {
		names = append(names, s.Name)
	}
	if strings.Join(names, ",") != "staffing,who-runs-it,reporting-lines" {
		t.Fatalf("stages %v", names)
	}
	targetOrg, _, _ := orgs.LoadFile(target)
	for i, s := range got.Stages {
		want := filepath.Join(dir, "what-stage-"+string(rune('1'+i))+".toml")
		if s.File == nil || *s.File != want {
			t.Fatalf("stage %d file %v, want %s", s.Stage, s.File, want)
		}
		op, err := orgs.Open(want, "")
		if err != nil {
			t.Fatalf("stage file %s does not load: %v", want, err)
		}
		if op.BaselinePath != base {
			t.Errorf("stage %d is based on %q, want the base %q", s.Stage, op.BaselinePath, base)
		}
		if !strings.Contains(op.Org.Scenario.Title, "what: stage") || !strings.Contains(op.Org.Scenario.Title, "of 3 ("+s.Name+")") {
			t.Errorf("stage %d title %q", s.Stage, op.Org.Scenario.Title)
		}
		if i == len(got.Stages)-1 && !orgs.ModelsEqual(op.Org, targetOrg) {
			t.Error("the last stage file does not hold the target")
		}
	}
	// a second --write finds the files and writes nothing
	before, _ := os.ReadFile(filepath.Join(dir, "what-stage-2.toml"))
	if code, _, errOut := sretopo(t, "", "plan", "--write", base, target); code != 1 || !strings.Contains(errOut, "exists already") {
		t.Errorf("second --write: exit %d, %q; want 1 and the file named", code, errOut)
	}
	if after, _ := os.ReadFile(filepath.Join(dir, "what-stage-2.toml")); string(after) != string(before) {
		t.Error("a stage file was replaced")
	}
}

func TestPlanOfEqualFilesSaysSo(t *testing.T) {
	dir := t.TempDir()
	a := writeExample(t, dir, "a.toml", "mixed")
	code, out, _ := sretopo(t, "", "plan", a, a)
	if code != 0 || !strings.Contains(out, "nothing to plan") {
		t.Errorf("exit %d, %q; want 0 and that there is nothing to plan", code, out)
	}
	_, js, _ := sretopo(t, "", "plan", "--format", "json", a, a)
	if !strings.Contains(js, `"stages": []`) {
		t.Errorf("json of an empty plan: %s", js)
	}
}
