package views

import (
	"slices"
	"strings"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/words"
)

// presentPlan is the Decide step's roadmap: the headline, then each stage on a page of its
// own (h lines: who is hired first, the pilot, the gates, the dates), in the words of
// `sretopo plan`; the transition and advisories lines only where the page has room for them,
// and a stage longer than a page goes on over the next.
func presentPlan(d *Data, st Styles, w, h int) []string {
	p := d.Plan
	switch {
	case p == nil:
		return styled(st.ink().Muted, Wrap("working out the plan...", w))
	case len(p.Stages) == 0:
		return styled(st.ink().Present, Wrap("The baseline and the current model are the same: nothing to plan.", w))
	}
	k := len(p.Stages)
	lines := styled(st.ink().Present, Wrap(words.PlanHeadline(S(d.Header.Baseline), "the current model", k), w))
	if start := p.Stages[0].Start; !start.IsZero() {
		lines = append(lines, styled(st.ink().Muted, Wrap(words.PlanDatesFrom(start)+".", w))...)
	}
	for i := range p.Stages {
		for i > 0 && len(lines)%max(1, h) != 0 {
			lines = append(lines, "") // every stage after the first starts a page
		}
		if i == 0 {
			lines = append(lines, "")
		}
		gloss, core, extra := presentStage(d, p, &p.Stages[i], i == k-1, st, w)
		room := h - len(lines)%max(1, h)
		if len(gloss)+len(core) <= room {
			core = slices.Insert(core, 1, gloss...)
		}
		if len(core)+len(extra) <= room {
			core = append(core, extra...)
		}
		lines = append(lines, core...)
	}
	return lines
}

// presentStage is one stage of the Decide step's roadmap: core is when, what it decides,
// the pilot, what must hold before the next stage, and the verdicts after it; extra is the
// transition and the advisories, and gloss what the stage is for, which the slide shows
// when they fit (core first, its heading the first line).
func presentStage(d *Data, p *orgs.Plan, s *orgs.Stage, last bool, st Styles, w int) (gloss, core, extra []string) {
	core = styled(st.ink().AccentBold, hung(words.StageHeading(s, len(p.Stages)), w, "", "  "))
	gloss = styled(st.ink().Muted, hung(words.Stage(s.Name), w, "  ", "    "))
	if s.Name == orgs.StagePilot && len(p.Pilots) > 0 {
		core = append(core, styled(st.ink().Present, hung(words.StagePilots(p.Pilots, S), w, "  ", "    "))...)
	}
	for _, dc := range s.Decisions {
		pen := st.ink().Text
		if dc.Changeability == orgs.Hard {
			pen = st.ink().Changed
		}
		core = append(core, styled(pen, hung(words.PlanDecision(dc, S), w, "  ", "    "))...)
	}
	for _, g := range s.Gates {
		core = append(core, styled(st.ink().Warning, hung(words.Gate(g, S), w, "  ", "    "))...)
	}
	if len(s.Gates) == 0 && !last {
		core = append(core, styled(st.ink().Muted, hung(words.NoGate, w, "  ", "    "))...)
	}
	for j, l := range words.StageAfter(d.Header.Baseline, s, S) {
		switch {
		case strings.HasPrefix(l, "! "):
			core = append(core, styled(st.ink().Warning, hung(l, w, "  ", "    "))...)
		case j == 0:
			core = append(core, styled(st.ink().Muted, hung("after it: "+l, w, "  ", "    "))...)
			core = append(core, styled(st.ink().Muted, hung(words.StageIdentity(s.Analysis), w, "  ", "    "))...)
		case strings.HasPrefix(l, "people needed"), strings.HasPrefix(l, "risk:"):
			core = append(core, styled(st.ink().Muted, hung(l, w, "  ", "    "))...)
		case strings.HasPrefix(l, "transition:"):
			extra = append(extra, styled(st.ink().Muted, hung(l, w, "  ", "    "))...)
		case strings.HasPrefix(l, "advisories"):
			// in words: the slide has no room for the advisories' lines that explain codes
			extra = append(extra, styled(st.ink().Muted, hung(words.StageAdvisoryNames(&s.Advisories), w, "  ", "    "))...)
		}
	}
	return gloss, core, extra
}
