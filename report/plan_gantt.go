package report

import (
	"errors"
	"fmt"
	"strings"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/words"
)

// ErrPlanUndated is the error of a Mermaid chart of a plan without dates: a gantt chart needs
// a start (`plan --start YYYY-MM`).
var ErrPlanUndated = errors.New("a Mermaid gantt chart needs dates: give --start YYYY-MM")

// planGantt is the plan as a Mermaid gantt chart (rules.md section 11): one section and one
// task a stage, from its first day to its last, and each gate a milestone on the first day
// after its stage.
func planGantt(p *PlanOutput) ([]byte, error) {
	var b strings.Builder
	b.WriteString("gantt\n")
	fmt.Fprintf(&b, "    title Plan from %s to %s\n", GanttText(p.Base), GanttText(p.Target))
	b.WriteString("    dateFormat YYYY-MM-DD\n")
	k := len(p.Plan.Stages)
	for i := range p.Plan.Stages {
		s := &p.Plan.Stages[i]
		if s.Start.IsZero() {
			return nil, ErrPlanUndated
		}
		days := 0
		for m := s.Start; m != s.End.Add(1); m = m.Add(1) {
			days += m.Days()
		}
		fmt.Fprintf(&b, "    section Stage %d of %d\n", s.Number, k)
		fmt.Fprintf(&b, "    %s :stage%d, %s-01, %dd\n", ganttTask(s), s.Number, s.Start, days)
		for j, g := range s.Gates {
			fmt.Fprintf(&b, "    Gate %s :milestone, gate%d_%d, %s-01, 0d\n", GanttText(g.Text), s.Number, j+1, s.End.Add(1))
		}
	}
	return []byte(b.String()), nil
}

// ganttTask names a stage's task: its short name and the subjects of its first decisions.
func ganttTask(s *orgs.Stage) string {
	var subjects []string
	seen := map[string]bool{}
	more := 0
	for _, d := range s.Decisions {
		if d.Kind == orgs.DecideOther || seen[d.Subject] {
			continue
		}
		seen[d.Subject] = true
		if len(subjects) == 3 {
			more++
			continue
		}
		subjects = append(subjects, GanttText(d.Subject))
	}
	name := words.StageShort(s.Name)
	if len(subjects) > 0 {
		name += " - " + strings.Join(subjects, ", ")
		if more > 0 {
			name += " and " + fmt.Sprint(more) + " more"
		}
	}
	return name
}

// GanttText makes a user string safe as the text of a Mermaid gantt line (title, section,
// task): sanitized, and every character Mermaid's gantt parser or its Markdown and HTML
// rendering would read as syntax written as an entity code: ":" (a task's data), ";" and
// "#" (statement and comment ends), "%" (a comment or an %%{init}%% directive), quotes,
// back quotes, "<", ">" and "&".
func GanttText(s string) string {
	return ganttEscaper.Replace(orgs.Sanitize(s))
}

var ganttEscaper = strings.NewReplacer("#", "#35;", ";", "#59;", ":", "#58;", "%", "#37;", `"`, "#quot;", "`", "#96;",
	"<", "#lt;", ">", "#gt;", "&", "#38;")
