package orgs

import (
	"fmt"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
)

// stages turns the models after each stage into the plan's stages, leaving out those
// that change nothing. The analyses of the stages are independent of each other (each
// stage against the base, and against the stage before it), so they run side by side:
// an Analyser allows concurrent analyses.
func (p *planner) stages(models []*Org) []Stage {
	var kept []int // the stages that change something, in order
	prev := p.base
	for s, m := range models {
		if !ModelsEqual(prev, m) {
			kept = append(kept, s)
			prev = m
		}
	}
	baseAnalyser := NewAnalyser(p.base)
	baseAnalyser.SetRiskRuns(p.riskRuns)
	// the base first: its risk is the stages' baseline, which an analysis of a stage made
	// before it would simulate a second time
	p.baseAnalysis = baseAnalyser.Analyse(p.base)
	against := make([]*Analysis, len(kept)) // each stage against the base
	steps := make([]*Analysis, len(kept))   // each stage against the one before (the first: against)
	parallel(2*len(kept), func(job int) {
		switch i := job / 2; {
		case job%2 == 0:
			against[i] = baseAnalyser.Analyse(models[kept[i]])
		case i > 0:
			// a step is read for its transition and decisions: its risk would go unused
			step := NewAnalyser(models[kept[i-1]])
			step.DeferRisk()
			steps[i] = step.Analyse(models[kept[i]])
		}
	})
	out := make([]Stage, 0, len(kept))
	prevAnalysis := p.baseAnalysis
	for i, s := range kept {
		a, step := against[i], steps[i]
		if step == nil {
			step = a // the first stage's step is from the base
		}
		adv := compareAdvisories(prevAnalysis.Advisories, a.Advisories)
		out = append(out, Stage{
			Number: i + 1, Name: StageNames[s], Decisions: p.decisions(s, step), Gates: []Gate{},
			Model: models[s], Analysis: a, Step: step, FromPrevious: step.Transition.Verdict,
			Staffing:   a.Staffing, // against the base, its delta too
			Advisories: adv, Raised: advisoryCodes(adv.Raised), Cleared: advisoryCodes(adv.Cleared),
			Changed: updateCodes(adv.Changed), addsPeople: p.addsPeople(s),
			RiskFromPrevious: riskStep(prevAnalysis.Risk, a.Risk),
		})
		prevAnalysis = a
	}
	return out
}

// riskStep is the change of the organization's risk from prev to cur, nil when cur has no
// rates; zero against a prev without rates, as a baseline without rates gives.
func riskStep(prev, cur *OrgRisk) *RiskDelta {
	if cur == nil {
		return nil
	}
	c := *cur
	c.Delta = RiskDelta{}
	c.against(prev)
	return &c.Delta
}

// parallel runs job(0..n-1) on as many goroutines as the machine runs Go code at once.
func parallel(n int, job func(int)) {
	workers := min(n, runtime.GOMAXPROCS(0))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for j := int(next.Add(1) - 1); j < n; j = int(next.Add(1) - 1) {
				job(j)
			}
		})
	}
	wg.Wait()
}

func advisoryCodes(list []Advisory) []string {
	out := make([]string, 0, len(list))
	for _, a := range list {
		out = append(out, a.Code)
	}
	return out
}

func updateCodes(list []AdvisoryUpdate) []string {
	out := make([]string, 0, len(list))
	for _, a := range list {
		out = append(out, a.Code)
	}
	return out
}

// addsPeople reports whether stage s adds a team or raises a headcount: hiring takes time.
func (p *planner) addsPeople(s int) bool {
	for i := range p.teams {
		e := &p.teams[i]
		if e.added == s || e.stage[groupStaff] == s && p.baseTeam(i).Headcount < p.targetTeam(i).Headcount {
			return true
		}
	}
	return false
}

// decisions are the decisions of stage s: the step's transition decisions; then, for a team
// or service the step has no such decision for, a backup, on-call hours, a secondary or
// sites that differ only in how the file says them (a spelling, a default written out), as
// the last stage must equal the target field for field; then the differences that are no
// decision of their own.
func (p *planner) decisions(s int, step *Analysis) []Decision {
	out := append([]Decision(nil), step.Transition.Decisions...)
	// the first decision of each kind and subject, by folded name: a search of out for every
	// team and service would make a stage that changes thousands of teams do millions
	type kindSubject struct {
		kind    DecisionKind
		subject string
	}
	first := make(map[kindSubject]int, len(out))
	for i := len(out) - 1; i >= 0; i-- {
		first[kindSubject{out[i].Kind, FoldName(out[i].Subject)}] = i
	}
	has := func(kind DecisionKind, subject string) int {
		if i, ok := first[kindSubject{kind, FoldName(subject)}]; ok {
			return i
		}
		return -1
	}
	add := func(d Decision) {
		if k := (kindSubject{d.Kind, FoldName(d.Subject)}); has(d.Kind, d.Subject) < 0 {
			first[k] = len(out)
		}
		out = append(out, d)
	}
	for i := range p.teams {
		e := &p.teams[i]
		b, t := p.baseTeam(i), p.targetTeam(i)
		if b == nil || t == nil {
			continue
		}
		if parts := onCallChanges(b, t); e.stage[groupStaff] == s && len(parts) > 0 {
			if k := has(DecideStaffing, t.Name); k < 0 {
				add(Decision{Kind: DecideStaffing, Subject: t.Name, Changeability: DecideStaffing.Changeability(), Detail: strings.Join(parts, ", ")})
			} else if !strings.Contains(out[k].Detail, "on call") && !strings.Contains(out[k].Detail, "secondary") && !strings.Contains(out[k].Detail, "sites") {
				out[k].Detail += ", " + strings.Join(parts, ", ")
			}
		}
		if e.stage[groupRun] == s && b.Backup != t.Backup && has(DecideWhoRunsIt, t.Name) < 0 {
			add(Decision{Kind: DecideWhoRunsIt, Subject: t.Name, Changeability: DecideWhoRunsIt.Changeability(),
				Detail: fmt.Sprintf("backup %s -> %s", orUnset(b.Backup), orUnset(t.Backup))})
		}
	}
	for i := range p.services {
		e := &p.services[i]
		if e.base < 0 || e.target < 0 || e.stage[groupRun] != s {
			continue
		}
		b, t := &p.base.Services[e.base], &p.target.Services[e.target]
		subject := t.Team + " / " + t.Name
		if !samePtr(b.Backup, t.Backup) && has(DecideWhoRunsIt, subject) < 0 {
			add(Decision{Kind: DecideWhoRunsIt, Subject: subject, Changeability: DecideWhoRunsIt.Changeability(),
				Detail: fmt.Sprintf("backup %s -> %s", strOrUnset(b.Backup), strOrUnset(t.Backup))})
		}
	}
	return append(out, p.others(s)...)
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
		var changes []string
		if e.stage[groupKind] == s {
			changes = append(changes, fmt.Sprintf("kind %s -> %s", p.baseTeam(i).Kind, p.targetTeam(i).Kind))
		}
		if e.stage[groupOther] == s {
			changes = append(changes, teamOtherChanges(p.baseTeam(i), p.targetTeam(i))...)
		}
		if len(changes) > 0 {
			add(p.targetTeam(i).Name, strings.Join(changes, "; "))
		}
		if e.interim && e.added == s {
			add(p.targetTeam(i).Name, "created in "+p.interimOrg.Phrase()+" until the SRE organization exists")
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
