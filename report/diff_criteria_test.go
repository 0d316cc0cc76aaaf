package report

import (
	"strings"
	"testing"

	"github.com/sretopo/sretopo/orgs"
)

// TestDiffSaysTheCriteriaThatChangeUnderEachLine: a service moved from ops run it to SRE
// run it shows, under its line in the text diff and in its row of the Markdown diff, the
// criteria that change with it, ranked rows with their direction.
func TestDiffSaysTheCriteriaThatChangeUnderEachLine(t *testing.T) {
	a := example(t, "mixed")
	b := example(t, "mixed", "name = \"Till backend\"\nteam = \"Point of Sale\"\n",
		"name = \"Till backend\"\nteam = \"Point of Sale\"\nrun = \"sre\"\nrun_with = \"Operations SRE\"\n")
	d := orgs.Compare("a.toml", a, "b.toml", b)
	text, err := RenderDiff("text", d)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(text), "\n")
	found := false
	for i, l := range lines {
		if strings.Contains(l, "Service Till backend (Point of Sale): ops run it -> SRE run it") {
			found = i+1 < len(lines) && strings.Contains(lines[i+1], "criteria that change: ") &&
				strings.Contains(lines[i+1], "Knowledge synchronization between teams: Not practical -> Required (better)")
		}
	}
	if !found {
		t.Errorf("no criteria line under the service's line:\n%s", text)
	}
	markdown, err := RenderDiff("markdown", d)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(string(markdown), "\n") {
		if strings.HasPrefix(l, "| Till backend |") && !strings.Contains(l, "Funding: OPEX -> CAPEX") {
			t.Errorf("the Markdown row lacks the criteria that change: %s", l)
		}
	}
	if !strings.Contains(string(markdown), "| Till backend |") {
		t.Errorf("no Markdown row for the service:\n%s", markdown)
	}
}
