package orgs

import "slices"

// build is the model after stage at: the target's order for what the target holds, then
// what the base holds and the target does not yet, in the base's order.
func (p *planner) build(at int) *Org {
	// a new model of its own: the teams and services are copied one by one below, with the
	// target's values, so that no stage shares a team or a service with the two models (the
	// KPIs' values and the scenario are shared: nothing changes a stage's)
	o := &Org{Format: p.base.Format, Name: p.base.Name, Description: p.base.Description,
		Defaults: p.base.Defaults, SREOrg: p.base.SREOrg, SRERole: p.base.SRERole,
		KPIs: slices.Clone(p.base.KPIs), Scenario: p.base.Scenario,
		Teams:    make([]Team, 0, max(len(p.base.Teams), len(p.target.Teams))),
		Services: make([]Service, 0, max(len(p.base.Services), len(p.target.Services)))}
	o.Defaults.PerHead = clonePtr(o.Defaults.PerHead)
	t := p.target
	if taken(p.sreOrgStage, at) {
		o.SREOrg = t.SREOrg
	}
	if taken(p.sreRoleStage, at) {
		o.SRERole = t.SRERole
	}
	if taken(p.orgOtherStage, at) {
		sre, role := o.SREOrg, o.SRERole
		scenario := o.Scenario
		teams, services := o.Teams, o.Services
		// the target's organization-level values, cloned; its teams and services are not
		// wanted here, so not copied
		values := *t
		values.Teams, values.Services = nil, nil
		*o = *values.Clone()
		o.SREOrg, o.SRERole, o.Scenario, o.Teams, o.Services = sre, role, scenario, teams, services
	}
	if p.teamOrder == nil {
		p.teamOrder, p.serviceOrder = mergedOrder(p.teams), mergedOrder(p.services)
	}
	// the target's order, with what only the base holds kept where the base has it
	for _, i := range p.teamOrder {
		if team, ok := p.teamAt(&p.teams[i], at); ok {
			o.Teams = append(o.Teams, team)
		}
	}
	for _, i := range p.serviceOrder {
		if sv, ok := p.serviceAt(&p.services[i], at); ok {
			o.Services = append(o.Services, sv)
		}
	}
	if len(o.Services) == 0 && p.base.Services == nil && t.Services == nil {
		o.Services = nil
	}
	return o
}

// teamAt is a team as it stands after stage at, and whether it exists then.
func (p *planner) teamAt(e *planEntity, at int) (Team, bool) {
	switch {
	case e.base < 0:
		if !taken(e.added, at) {
			return Team{}, false
		}
		team := cloneTeam(p.target.Teams[e.target])
		if e.interim && !taken(e.stage[groupOrg], at) {
			team.Org = p.interimOrg
		}
		if team.Kind == KindDev && !taken(e.stage[groupRun], at) {
			// a new dev team starts with the default run until who runs it is decided
			team.Run, team.RunWith, team.SRERole, team.Backup = RunYou, "", RoleRotation, ""
		}
		return team, true
	case e.target < 0:
		if taken(e.removed, at) {
			return Team{}, false
		}
		return cloneTeam(p.base.Teams[e.base]), true
	}
	team := cloneTeam(p.base.Teams[e.base])
	tt := &p.target.Teams[e.target]
	if taken(e.stage[groupOther], at) {
		was := team
		team = cloneTeam(*tt)
		setRun(&team, &was)
		setStaff(&team, &was)
		team.Org, team.Kind = was.Org, was.Kind
	}
	if taken(e.stage[groupRun], at) {
		setRun(&team, tt)
	}
	if taken(e.stage[groupStaff], at) {
		setStaff(&team, tt)
	}
	if taken(e.stage[groupOrg], at) {
		team.Org = tt.Org
	}
	if taken(e.stage[groupKind], at) {
		team.Kind = tt.Kind
	}
	return team, true
}

// setRun and setStaff copy a group of a team's fields from another version of it.
func setRun(t, from *Team) {
	t.Run, t.RunWith, t.SRERole, t.Backup = from.Run, from.RunWith, from.SRERole, from.Backup
}

func setStaff(t, from *Team) {
	t.Headcount, t.Rotation, t.OnCall, t.Sites = from.Headcount, from.Rotation, from.OnCall, from.Sites
	t.Secondary = clonePtr(from.Secondary)
}

// serviceAt is a service as it stands after stage at, and whether it exists then.
func (p *planner) serviceAt(e *planEntity, at int) (Service, bool) {
	switch {
	case e.base < 0:
		return cloneService(p.target.Services[e.target]), taken(e.added, at)
	case e.target < 0:
		return cloneService(p.base.Services[e.base]), !taken(e.removed, at)
	}
	sv := cloneService(p.base.Services[e.base])
	tv := &p.target.Services[e.target]
	if taken(e.stage[groupOther], at) {
		run, runWith, backup := sv.Run, sv.RunWith, sv.Backup
		sv = cloneService(*tv)
		sv.Run, sv.RunWith, sv.Backup = run, runWith, backup
	}
	if taken(e.stage[groupRun], at) {
		sv.Run, sv.RunWith, sv.Backup = tv.Run, tv.RunWith, clonePtr(tv.Backup)
	}
	return sv, true
}

// mergedOrder lists the entities in the target's order, each one that only the base holds
// placed right after the entity that precedes it in the base: so a stage that removes
// nothing yet keeps the base's order, and the last stage has the target's.
func mergedOrder(list []planEntity) []int {
	byTarget := make([]int, 0, len(list))
	byBase := make([]int, 0, len(list))
	for i := range list {
		if list[i].target >= 0 {
			byTarget = append(byTarget, i)
		}
		if list[i].base >= 0 {
			byBase = append(byBase, i)
		}
	}
	slices.SortFunc(byTarget, func(a, b int) int { return list[a].target - list[b].target })
	slices.SortFunc(byBase, func(a, b int) int { return list[a].base - list[b].base })
	out := make([]int, 0, len(list))
	next := 0 // the next entity of byBase not yet placed
	placeBaseOnly := func(upTo int) {
		for next < len(byBase) && list[byBase[next]].base < upTo {
			if e := byBase[next]; list[e].target < 0 {
				out = append(out, e)
			}
			next++
		}
	}
	for _, i := range byTarget {
		if b := list[i].base; b >= 0 {
			placeBaseOnly(b)
		}
		out = append(out, i)
	}
	placeBaseOnly(len(list) + 1<<30)
	return out
}

// orderChanged reports whether the entities both models hold come in another order.
func orderChanged(list []planEntity) bool {
	last := -1
	for _, i := range mergedOrder(list) {
		if b := list[i].base; b >= 0 && list[i].target >= 0 {
			if b < last {
				return true
			}
			last = b
		}
	}
	return false
}
