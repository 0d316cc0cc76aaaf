package importer

import (
	"fmt"

	"github.com/sretopo/sretopo/orgs"
)

// applyServiceRuns matches each catalog service to a PagerDuty service (by the annotation
// pagerduty.com/service-id, else by name) and reads who runs it from the first level of its
// escalation policy, and its backup from a later one (docs/import.md, "Who runs it").
func (im *importer) applyServiceRuns(b *built, teamByName map[string]int, scheduleByID map[string]*pdSchedule) {
	policyByID := map[string]*pdPolicy{}
	for _, ep := range im.pd.policies {
		policyByID[ep.ID] = ep
	}
	byID, byName := map[string]*pdService{}, map[string]*pdService{}
	for _, s := range im.pd.services {
		byID[s.ID] = s
		if _, ok := byName[orgs.FoldName(s.label())]; !ok {
			byName[orgs.FoldName(s.label())] = s
		}
	}
	matched := map[*pdService]bool{}
	for si := range b.org.Services {
		c := b.serviceComp[si]
		ps := byID[c.pagerDutyID]
		if c.pagerDutyID == "" || ps == nil {
			ps = byName[orgs.FoldName(c.name)]
		}
		if ps == nil {
			continue
		}
		matched[ps] = true
		ep := policyByID[ps.Policy.ID]
		if ep == nil || len(ep.Rules) == 0 {
			continue
		}
		im.serviceRun(b, si, teamByName[orgs.FoldName(b.org.Services[si].Team)], ep, scheduleByID)
	}
	for _, s := range im.pd.services {
		if !matched[s] {
			im.warn(s.pos, "PagerDuty service %q (%s) matches no catalog service", s.label(), s.ID)
		}
	}
}

// levelTeams is the distinct teams whose schedules a rule targets, in target order.
func levelTeams(rule pdRule, scheduleByID map[string]*pdSchedule) []int {
	var out []int
	for _, tg := range rule.Targets {
		s := scheduleByID[tg.ID]
		if s == nil || !isScheduleRef(tg) || s.owner < 0 {
			continue
		}
		if !containsInt(out, s.owner) {
			out = append(out, s.owner)
		}
	}
	return out
}

func containsInt(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// serviceRun sets the run of service si from the escalation policy its PagerDuty service uses.
func (im *importer) serviceRun(b *built, si, owner int, ep *pdPolicy, scheduleByID map[string]*pdSchedule) {
	svc := &b.org.Services[si]
	first := levelTeams(ep.Rules[0], scheduleByID)
	ownFirst := containsInt(first, owner)
	for _, ti := range first {
		if ti == owner {
			continue
		}
		other := &b.org.Teams[ti]
		switch {
		case ownFirst && other.Kind == orgs.KindSRE:
			svc.Run, svc.RunWith = orgs.RunYouAndSRE, other.Name
		case ownFirst:
			continue
		case other.Kind == orgs.KindOps:
			svc.Run, svc.RunWith = orgs.RunOps, other.Name
		case other.Kind == orgs.KindSRE:
			svc.Run, svc.RunWith = orgs.RunSRE, other.Name
		default:
			im.warn(b.servicePos[si], "service %q: escalation policy %q first pages %q, a %s, which cannot run another team's service; its run is unchanged", svc.Name, ep.label(), other.Name, other.Kind.Words())
			continue
		}
		b.sources.set("service", si, "run", ep.pos)
		b.sources.set("service", si, "run_with", ep.pos)
		b.serviceNotes[si] = append(b.serviceNotes[si], fmt.Sprintf("run from PagerDuty escalation policy %q (%s)", ep.label(), ep.pos))
		return
	}
	if !ownFirst {
		return
	}
	// a later level's ops or SRE team that covers hours the owner does not is the
	// service's backup (rules.md 1)
	ownWeek := ownerWeek(owner, ep.Rules[0], scheduleByID)
	for _, rule := range ep.Rules[1:] {
		for _, tg := range rule.Targets {
			s := scheduleByID[tg.ID]
			if s == nil || !isScheduleRef(tg) || s.owner < 0 || s.owner == owner {
				continue
			}
			k := b.org.Teams[s.owner].Kind
			if (k == orgs.KindOps || k == orgs.KindSRE) && s.week.coversMore(ownWeek) {
				name := b.org.Teams[s.owner].Name
				svc.Backup = &name
				b.sources.set("service", si, "backup", ep.pos)
				b.serviceNotes[si] = append(b.serviceNotes[si], fmt.Sprintf("backup from a later level of PagerDuty escalation policy %q (%s)", ep.label(), ep.pos))
				return
			}
		}
	}
}

// ownerWeek is the union of the owner's schedules a rule targets.
func ownerWeek(owner int, rule pdRule, scheduleByID map[string]*pdSchedule) week {
	var w week
	for _, tg := range rule.Targets {
		if s := scheduleByID[tg.ID]; s != nil && isScheduleRef(tg) && s.owner == owner {
			w.union(s.week)
		}
	}
	return w
}
