package views

import (
	"strings"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/words"
)

// PlanView is what the plan screen (`g`) shows: the path from the baseline to the current
// model in the stages of orgs.MakePlan, dated from Start. Every sentence is the one `sretopo
// plan` prints (the words package); the view only lays them out as a timeline and marks the
// chosen stage.
type PlanView struct {
	// BaseName and TargetName are the baseline's file and the current model's.
	BaseName, TargetName string
	Plan                 *orgs.Plan
	// Start is the month the plan's dates run from (the plan is dated from it); zero when
	// undated.
	Start orgs.Month
}

// PlanTitle is the plan screen's title line; the first line of the body names the two
// ends.
func PlanTitle(p *PlanView) string {
	return "The plan, stage by stage"
}

// timeline is the rule down the left of the plan that joins its stages.
const timeline = "  │ "

// PlanBody draws the plan at width w as a timeline, stage sel (0-based) marked as chosen,
// and says at which line each stage begins, so that choosing a stage can scroll it into view.
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
	note := "enter opens the chosen stage as the current model (u undoes it)."
	if !p.Start.IsZero() {
		note = words.PlanDatesFrom(p.Start) + "; " + note
	}
	lines = append(lines, styled(st.ink().Muted, wrapped(note, w, "", ""))...)
	for i := range p.Plan.Stages {
		s := &p.Plan.Stages[i]
		lines = append(lines, "")
		starts = append(starts, len(lines))
		head := words.StageHeading(s, k)
		if i == sel {
			lines = append(lines, styled(st.ink().AccentBold, wrapped(head, w, GlyphSelected+" ", "  "))...)
		} else {
			lines = append(lines, styled(st.ink().Title, wrapped(head, w, "  ", "  "))...)
		}
		lines = append(lines, stageBlock(p, s, i == k-1, st, w)...)
	}
	return lines, starts
}

// stageBlock is a stage's lines under its heading on the timeline: what it is, its pilots,
// its decisions with how hard each is to undo, its gates, and the verdicts after it with
// the advisories it raises and clears.
func stageBlock(p *PlanView, s *orgs.Stage, last bool, st Styles, w int) []string {
	text, muted := st.ink().Text, st.ink().Muted
	sub := func(ink *pen, l string) []string { return styled(ink, hung(l, w, timeline+"  ", timeline+"    ")) }
	lines := styled(muted, hung(words.Stage(s.Name), w, timeline, timeline+"  "))
	if s.Name == orgs.StagePilot && len(p.Plan.Pilots) > 0 {
		lines = append(lines, styled(text, hung(words.StagePilots(p.Plan.Pilots, S), w, timeline, timeline+"  "))...)
	}
	lines = append(lines, styled(muted, hung("Decisions (how hard to undo, kind, subject):", w, timeline, timeline))...)
	for _, d := range s.Decisions {
		pen := text
		if d.Changeability == orgs.Hard {
			pen = st.ink().Changed
		}
		lines = append(lines, sub(pen, words.PlanDecision(d, S))...)
	}
	for _, g := range s.Gates {
		lines = append(lines, styled(st.ink().Warning, hung(words.Gate(g, S), w, timeline, timeline+"  "))...)
	}
	if len(s.Gates) == 0 && !last {
		lines = append(lines, styled(muted, hung(words.NoGate, w, timeline, timeline+"  "))...)
	}
	lines = append(lines, styled(muted, hung("After this stage:", w, timeline, timeline))...)
	after := words.StageAfter(p.BaseName, s, S)
	for j, l := range after {
		pen := text
		if strings.HasPrefix(l, "! ") {
			pen = st.ink().Warning
		}
		lines = append(lines, sub(pen, l)...)
		if j == 0 {
			lines = append(lines, sub(text, words.StageIdentity(s.Analysis))...)
		}
	}
	return lines
}

// hung is text wrapped to w with a first-line prefix and a deeper indent for the following
// lines, each line no wider than w whichever prefix it has (wrapped measures every line
// against the first prefix, too wide when rest is deeper).
func hung(text string, w int, first, rest string) []string {
	return wrapped(text, w-max(0, width(rest)-width(first)), first, rest)
}
