package main

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

const (
	talkBase   = "testdata/plan/health-platform.toml"
	talkTarget = "testdata/plan/health-platform-topology-6.toml"
)

// The plan from the talk's case to a new SRE org sharing on call reads as a roadmap: who is
// hired first, which team pilots, what must hold before the next stage, and when.
func TestPlanOfTheTalksCaseReadsAsARoadmap(t *testing.T) {
	code, out, errOut := sretopo(t, "", "plan", "--start", "2027-01", talkBase, talkTarget)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"Stage 1 of 4: staffing", "When: 2027-01 to 2027-03, 3 months", "SRE: Core #1; A: team added with 8 people",
		"created in the ops org until the SRE organization exists",
		"Gate before the next stage (staffing): rotations at their minimum: SRE: Core #1; A",
		"Stage 2 of 4: pilot", "When: 2027-04, 1 month", "Viewer: run model from you run it to you and SRE run it",
		"pilot services within their error budgets for 30 days: DICOM viewer, Image archive",
		"Stage 3 of 4: who runs it", "topology 5 (7 of 7 dev teams)",
		"Stage 4 of 4: reporting lines", "When: 2027-07 to 2027-09, 3 months", "moved from the ops org to the SRE org",
		"topology 6 (7 of 7 dev teams)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the plan lacks %q:\n%s", want, out)
		}
	}
}

// cli.md: "each stage has gate, gates, start, end, months (rules.md 11) and after gains risk
// and advisories_changed"; "gates: always an array, [] when none ... gate is gates[0], or null".
func TestPlanJSONHasGatesAndDates(t *testing.T) {
	type gate struct {
		Kind       string   `json:"kind"`
		Text       string   `json:"text"`
		Teams      []string `json:"teams"`
		Services   []string `json:"services"`
		WindowDays *int     `json:"window_days"`
	}
	var got struct {
		Stages []struct {
			Name   string         `json:"name"`
			Gate   *gate          `json:"gate"`
			Gates  []gate         `json:"gates"`
			Start  *string        `json:"start"`
			End    *string        `json:"end"`
			Months int            `json:"months"`
			After  map[string]any `json:"after"`
		} `json:"stages"`
	}
	for _, dated := range []bool{false, true} {
		args := []string{"plan", "--format", "json", "--months", "who-runs-it=4", talkBase, talkTarget}
		if dated {
			args = append([]string{"plan", "--start", "2026-12"}, args[1:]...)
		}
		code, out, errOut := sretopo(t, "", args...)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatal(err)
		}
		if len(got.Stages) != 4 {
			t.Fatalf("%d stages", len(got.Stages))
		}
		for i, s := range got.Stages {
			if s.Gates == nil {
				t.Errorf("stage %s: gates missing or null, want an array", s.Name)
			}
			if (len(s.Gates) == 0) != (s.Gate == nil) || s.Gate != nil && s.Gate.Text != s.Gates[0].Text {
				t.Errorf("stage %s: gate %+v is not gates[0] of %+v", s.Name, s.Gate, s.Gates)
			}
			if _, ok := s.After["advisories_changed"]; !ok {
				t.Errorf("stage %s: after lacks advisories_changed", s.Name)
			}
			if (s.Start != nil) != dated || (s.End != nil) != dated {
				t.Errorf("stage %s: start %v end %v, dated %v", s.Name, s.Start, s.End, dated)
			}
			if want := []int{3, 1, 4, 3}[i]; s.Months != want {
				t.Errorf("stage %s lasts %d months, want %d", s.Name, s.Months, want)
			}
		}
		if dated && (*got.Stages[0].Start != "2026-12" || *got.Stages[2].End != "2027-07") {
			t.Errorf("dates %s..%s, %s", *got.Stages[0].Start, *got.Stages[0].End, *got.Stages[2].End)
		}
		staffing, pilot := got.Stages[0].Gate, got.Stages[1].Gate
		if staffing == nil || staffing.Kind != "staffing" || staffing.Services != nil || staffing.WindowDays != nil {
			t.Errorf("staffing gate %+v: services and window_days should be null", staffing)
		}
		if pilot == nil || pilot.Kind != "error-budget" || pilot.WindowDays == nil || *pilot.WindowDays != 30 {
			t.Errorf("pilot gate %+v", pilot)
		}
		if len(got.Stages[3].Gates) != 0 || got.Stages[3].Gate != nil {
			t.Errorf("reporting lines gates %+v, want [] and null", got.Stages[3].Gates)
		}
	}
}

// cli.md: "--format mermaid (a Mermaid gantt chart; needs --start)"; rules.md 11: "exit 2
// without it". Bad --start and --months are bad usage too.
func TestPlanFlagsOfTheRoadmap(t *testing.T) {
	for _, args := range [][]string{
		{"--format", "mermaid"},
		{"--start", "2027-13"},
		{"--start", "January"},
		{"--months", "pilot"},
		{"--months", "pilot=0"},
		{"--months", "rollout=2"},
	} {
		code, out, errOut := sretopo(t, "", append(append([]string{"plan"}, args...), talkBase, talkTarget)...)
		if code != 2 || out != "" || errOut == "" {
			t.Errorf("plan %v: exit %d, stdout %q, stderr %q; want 2, nothing printed and why", args, code, out, errOut)
		}
	}
	code, out, errOut := sretopo(t, "", "plan", "--format", "mermaid", "--start", "2027-01", talkBase, talkTarget)
	if code != 0 || !strings.HasPrefix(out, "gantt\n") || strings.Count(out, ":stage") != 4 || strings.Count(out, ":milestone") != 2 {
		t.Errorf("exit %d, %s\n%s; want a gantt chart of 4 tasks and 2 gates", code, errOut, out)
	}
}

// A dated plan in Markdown carries its gantt chart in a mermaid block, so that the document
// renders the roadmap as a chart; an undated one has no chart to draw.
func TestPlanMarkdownCarriesTheChartWhenDated(t *testing.T) {
	_, dated, _ := sretopo(t, "", "plan", "--format", "markdown", "--start", "2027-01", talkBase, talkTarget)
	_, chart, _ := sretopo(t, "", "plan", "--format", "mermaid", "--start", "2027-01", talkBase, talkTarget)
	if !strings.Contains(dated, "```mermaid\n"+chart+"```\n") {
		t.Errorf("the dated Markdown plan lacks its chart in a mermaid block:\n%s", dated)
	}
	_, undated, _ := sretopo(t, "", "plan", "--format", "markdown", talkBase, talkTarget)
	if strings.Contains(undated, "```mermaid") || !strings.Contains(undated, "When: 3 months.") {
		t.Errorf("the undated Markdown plan:\n%s", undated)
	}
}

// docs/deciding.md's worked example is what `sretopo plan` prints for the talk's case: its
// gantt chart, byte for byte.
func TestDecidingDocChartIsThePlans(t *testing.T) {
	doc, err := os.ReadFile("docs/deciding.md")
	if err != nil {
		t.Fatal(err)
	}
	_, block, found := strings.Cut(string(doc), "```mermaid\n")
	block, _, closed := strings.Cut(block, "```\n")
	if !found || !closed {
		t.Fatal("docs/deciding.md has no mermaid block")
	}
	t.Chdir("testdata/plan")
	code, chart, errOut := sretopo(t, "", "plan", "--format", "mermaid", "--start", "2027-01", "health-platform.toml", "health-platform-topology-6.toml")
	if code != 0 || chart != block {
		t.Errorf("exit %d %s; the doc's chart:\n%s\nthe plan's:\n%s", code, errOut, block, chart)
	}
}
