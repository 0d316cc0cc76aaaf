package orgs

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
)

// stages turns the models after each stage into the plan's stages, leaving out those
// that change nothing.
func (p *planner) stages(models []*Org) []Stage {
	var out []Stage
	prev := p.base
	baseAnalyser := NewAnalyser(p.base)
	prevAnalysis := baseAnalyser.Analyse(p.base)
	prevAnalyser := baseAnalyser
	baseStaffing := StaffingOf(p.base).StaffingTotals
	for s, m := range models {
		if ModelsEqual(prev, m) {
			continue
		}
		step := prevAnalyser.Analyse(m)
		decisions := append([]Decision(nil), step.Transition.Decisions...)
		decisions = append(decisions, p.others(s)...)
		a := baseAnalyser.Analyse(m)
		staffing := StaffingOf(m)
		staffing.Delta = staffing.StaffingTotals.Minus(baseStaffing)
		raised, cleared := advisoryCodesDelta(prevAnalysis.Advisories, a.Advisories)
		out = append(out, Stage{
			Number: len(out) + 1, Name: StageNames[s], Decisions: decisions, Model: m,
			Analysis: a, Step: step, FromPrevious: step.Transition.Verdict, Staffing: staffing,
			Raised: raised, Cleared: cleared,
		})
		prev, prevAnalysis, prevAnalyser = m, a, NewAnalyser(m)
	}
	return out
}

// advisoryCodesDelta lists the codes in after and not in before, and the reverse.
func advisoryCodesDelta(before, after []Advisory) (raised, cleared []string) {
	has := func(list []Advisory, code string) bool {
		return slices.ContainsFunc(list, func(a Advisory) bool { return a.Code == code })
	}
	raised, cleared = []string{}, []string{}
	for _, a := range after {
		if !has(before, a.Code) {
			raised = append(raised, a.Code)
		}
	}
	for _, a := range before {
		if !has(after, a.Code) {
			cleared = append(cleared, a.Code)
		}
	}
	return raised, cleared
}

// others lists the differences of stage s that are no decision of their own.
func (p *planner) others(s int) []Decision {
	var out []Decision
	add := func(subject, detail string) {
		out = append(out, Decision{Kind: DecideOther, Subject: subject, Detail: detail})
	}
	if p.orgOtherStage == s {
		changes := orgOtherChanges(p.base, p.target)
		if p.reordered {
			changes = append(changes, "teams or services listed in another order")
		}
		add(p.target.Name, strings.Join(changes, "; "))
	}
	for i := range p.teams {
		e := &p.teams[i]
		if e.stage[groupOther] == s {
			t := &p.target.Teams[e.target]
			add(t.Name, strings.Join(teamOtherChanges(&p.base.Teams[e.base], t), "; "))
		}
	}
	for i := range p.services {
		e := &p.services[i]
		switch {
		case e.added == s:
			sv := &p.target.Services[e.target]
			add(sv.Team+" / "+sv.Name, "service added")
		case e.removed == s:
			sv := &p.base.Services[e.base]
			add(sv.Team+" / "+sv.Name, "service removed")
		case e.target >= 0 && e.stage[groupOther] == s:
			sv := &p.target.Services[e.target]
			add(sv.Team+" / "+sv.Name, strings.Join(serviceOtherChanges(&p.base.Services[e.base], sv), "; "))
		}
	}
	return out
}

// Flagged lists the team transitions of the stage that are unlikely or have no reason: the
// steps a meeting should look at twice.
func (s *Stage) Flagged() []TeamTransition {
	var out []TeamTransition
	for _, t := range s.Step.Transition.Teams {
		if t.Verdict == VerdictUnlikely || t.Verdict == VerdictNoReason {
			out = append(out, t)
		}
	}
	return out
}

// StagePath is where `plan --write` saves stage n: "<target stem>-stage-N.toml" beside the
// target.
func StagePath(target string, n int) string {
	ext := filepath.Ext(target)
	return fmt.Sprintf("%s-stage-%d%s", strings.TrimSuffix(target, ext), n, ".toml")
}

// StageTitle is the title of stage n of k's scenario file: "<the target's title, else its
// file's stem>: stage N of K (<name>)".
func StageTitle(target string, o *Org, n, k int, name StageName) string {
	title := strings.TrimSuffix(filepath.Base(target), filepath.Ext(target))
	if o.Scenario != nil && o.Scenario.Title != "" {
		title = o.Scenario.Title
	}
	return fmt.Sprintf("%s: stage %d of %d (%s)", title, n, k, name)
}
