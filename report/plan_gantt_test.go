package report

import (
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/sretopo/sretopo/orgs"
)

// ganttLine is each statement of a Mermaid gantt chart as its parser's lexer reads it
// (mermaid's gantt.jison): a title and a section end at '#' or ';', a task's text at ':', and
// its data at '#' or ';'; '%%' opens a comment or a directive.
var ganttLine = []*regexp.Regexp{
	regexp.MustCompile(`^gantt$`),
	regexp.MustCompile(`^title [^\n#;]+$`),
	regexp.MustCompile(`^dateFormat YYYY-MM-DD$`),
	regexp.MustCompile(`^section [^\n#:;]+$`),
	regexp.MustCompile(`^[^:\n#;%]+ :(milestone, )?[a-z0-9_]+, \d{4}-\d{2}-01, \d+d$`),
}

// ganttEntities decodes the entity codes GanttText writes, as Mermaid shows them.
var ganttEntities = strings.NewReplacer("#35;", "#", "#59;", ";", "#58;", ":", "#37;", "%", "#quot;", `"`, "#96;", "`",
	"#lt;", "<", "#gt;", ">", "#38;", "&")

// entityCode is what Mermaid takes out of the text before it parses it (encodeEntities),
// to put the character back once drawn.
var entityCode = regexp.MustCompile(`#\w+;`)

// checkGantt fails unless every line of chart, its entity codes set aside as Mermaid does
// before parsing, is one statement of Mermaid's gantt grammar.
func checkGantt(t *testing.T, chart string) {
	t.Helper()
	if strings.Contains(chart, "%%") {
		t.Errorf("the chart holds %%%%, a comment or a directive:\n%s", chart)
	}
	for _, line := range strings.Split(strings.TrimSuffix(chart, "\n"), "\n") {
		parsed := strings.TrimSpace(entityCode.ReplaceAllString(line, "E"))
		ok := false
		for _, re := range ganttLine {
			ok = ok || re.MatchString(parsed)
		}
		if !ok {
			t.Errorf("not a gantt statement Mermaid reads as meant: %q", line)
		}
	}
}

// "--format mermaid prints a Mermaid gantt chart (needs --start: exit 2 without it), one task
// per stage from its first day to its last, gates as milestones."
func TestPlanGanttOneTaskAStageAndGatesAsMilestones(t *testing.T) {
	hostile := []string{"SRE: Core #1; A", `%%{init: {"theme": "forest"}}%%`, "x :milestone, m9, 2020-01-01, 9d"}
	for _, name := range hostile {
		base := example(t, "health-platform")
		target := base.Clone()
		for i := range target.Teams {
			if tm := &target.Teams[i]; tm.Kind == orgs.KindDev {
				tm.Run, tm.RunWith, tm.SRERole = orgs.RunYouAndSRE, name, ""
			}
		}
		target.Teams = append(target.Teams, orgs.Team{Name: name, Org: orgs.OrgSRE, Kind: orgs.KindSRE, Headcount: 8, OnCall: orgs.OnCall24x7})
		if err := orgs.Validate(target, nil); err != nil {
			t.Fatal(err)
		}
		p := &PlanOutput{Plan: orgs.MakePlan(base, target), Base: "case #1.toml", Target: "topology: 6%.toml"}
		if _, err := RenderPlan("mermaid", p); !errors.Is(err, ErrPlanUndated) {
			t.Errorf("an undated plan as a gantt chart: %v, want ErrPlanUndated", err)
		}
		p.Plan.Date(orgs.Month{Year: 2027, Month: 11}, nil)
		out, err := RenderPlan("mermaid", p)
		if err != nil {
			t.Fatal(err)
		}
		chart := string(out)
		checkGantt(t, chart)
		if n := strings.Count(chart, ":stage"); n != len(p.Plan.Stages) || n != 4 {
			t.Errorf("%d tasks, want one a stage (4):\n%s", n, chart)
		}
		// the staffing stage runs Nov to Jan (92 days), its gate on the day after
		for _, want := range []string{":stage1, 2027-11-01, 92d", ":milestone, gate1_1, 2028-02-01, 0d", ":stage2, 2028-02-01, 29d",
			"Gate rotations at their minimum" + GanttText(": "+name)} {
			if !strings.Contains(chart, want) {
				t.Errorf("chart lacks %q:\n%s", want, chart)
			}
		}
		if !strings.Contains(ganttEntities.Replace(chart), "Staff first - "+name) {
			t.Errorf("the staffing task does not name %q once decoded:\n%s", name, chart)
		}
	}
}

// checkGanttText: a name written by GanttText holds no character the gantt grammar reads as
// syntax once its entity codes are set aside, and reads back as the name.
func checkGanttText(t *testing.T, s string) {
	got := GanttText(s)
	if parsed := entityCode.ReplaceAllString(got, "E"); strings.ContainsAny(parsed, ":;#%\n\"`<>&") {
		t.Fatalf("GanttText(%q) = %q leaves syntax in %q", s, got, parsed)
	}
	if back := ganttEntities.Replace(got); back != orgs.Sanitize(s) {
		t.Fatalf("GanttText(%q) = %q reads back as %q", s, got, back)
	}
}

func FuzzGanttText(f *testing.F) {
	for _, s := range append(escapeSeeds, "SRE: Core #1; A", "%%{init: {}}%%", "#35;", "a#b;c") {
		f.Add(s)
	}
	f.Fuzz(checkGanttText)
}
