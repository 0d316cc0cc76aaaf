package views

import (
	"fmt"
	"strings"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/report"
	"github.com/sretopo/sretopo/words"
)

// PlanView is what the plan screen (`g`) shows: the path from the baseline to the current
// model in the stages of orgs.MakePlan. Every sentence is the one `sretopo plan` prints
// (report's helpers); the view only lays them out and marks the chosen stage.
type PlanView struct {
	// BaseName and TargetName are the baseline's file and the current model's.
	BaseName, TargetName string
	Plan                 *orgs.Plan
}

// PlanTitle is the plan screen's title line; the first line of the body names the two
// ends.
func PlanTitle(p *PlanView) string {
	return "The plan, stage by stage"
}

// PlanBody draws the plan at width w with stage sel (0-based) marked as chosen, and says at
// which line each stage begins, so that choosing a stage can scroll it into view.
func PlanBody(p *PlanView, st Styles, w, sel int) (lines []string, starts []int) {
	if p == nil || p.Plan == nil || w <= 0 {
		return nil, nil
	}
	text := st.ink().Text
	if len(p.Plan.Stages) == 0 {
		lines = append(lines, styled(text, wrapped("The baseline and the current model are the same: nothing to plan.", w, "  ", "  "))...)
		return lines, nil
	}
	k := len(p.Plan.Stages)
	lines = append(lines, styled(text, wrapped(words.PlanHeadline(S(p.BaseName), S(p.TargetName), k), w, "", ""))...)
	lines = append(lines, styled(st.ink().Muted, wrapped("enter opens the chosen stage as the current model (u undoes it).", w, "", ""))...)
	for i := range p.Plan.Stages {
		s := &p.Plan.Stages[i]
		lines = append(lines, "")
		starts = append(starts, len(lines))
		head := fmt.Sprintf("Stage %d of %d: %s", s.Number, k, report.StageWords(s.Name))
		if i == sel {
			lines = append(lines, styled(st.ink().AccentBold, wrapped(head, w, GlyphSelected+" ", "  "))...)
		} else {
			lines = append(lines, styled(st.ink().Title, wrapped(head, w, "  ", "  "))...)
		}
		lines = append(lines, styled(st.ink().Muted, wrapped("Decisions (how hard to undo, kind, subject):", w, "    ", "    "))...)
		for _, d := range s.Decisions {
			pen := text
			if d.Changeability == orgs.Hard {
				pen = st.ink().Changed
			}
			lines = append(lines, styled(pen, wrapped(words.PlanDecision(d, S), w, "      ", "        "))...)
		}
		lines = append(lines, styled(st.ink().Muted, wrapped("After this stage:", w, "    ", "    "))...)
		for _, l := range report.StageLines(p.BaseName, s) {
			if strings.HasPrefix(l, "! ") {
				lines = append(lines, styled(st.ink().Warning, wrapped(l, w, "      ", "        "))...)
				continue
			}
			lines = append(lines, styled(text, wrapped(l, w, "      ", "        "))...)
		}
	}
	return lines, starts
}
