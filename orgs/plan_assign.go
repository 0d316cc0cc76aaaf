package orgs

// assign gives every item its stage: first by kind (docs/rules.md section 11), then pushed
// later by prerequisites until nothing moves.
func (p *planner) assign() {
	sreInBase, sreInTarget := orgHasTeam(p.base, OrgSRE), orgHasTeam(p.target, OrgSRE)
	named := p.namedInTarget()
	for i := range p.teams {
		e := &p.teams[i]
		switch {
		case e.base < 0:
			p.assignAdded(e, sreInBase, named[i])
		case e.target < 0:
			e.removed = atStaffing
			if p.base.Teams[e.base].Org == OrgSRE && !sreInTarget {
				e.removed = atReportingLines // the SRE org's last teams go with the SRE org
			}
		default:
			p.assignChanged(e)
		}
	}
	for i := range p.services {
		e := &p.services[i]
		switch {
		case e.base < 0:
			e.added = atStaffing
		case e.target < 0:
			e.removed = atStaffing
		default:
			b, t := &p.base.Services[e.base], &p.target.Services[e.target]
			if b.Run != t.Run || b.RunWith != t.RunWith || !samePtr(b.Backup, t.Backup) {
				e.stage[groupRun] = atWhoRunsIt
			}
			if !serviceOtherEqual(b, t) {
				e.stage[groupOther] = atStaffing
			}
		}
	}
	p.sreOrgStage, p.sreRoleStage, p.orgOtherStage = -1, -1, -1
	if p.base.SREOrg.Positioning != p.target.SREOrg.Positioning {
		p.sreOrgStage = atReportingLines // hard since v3: the SRE org's charter and budget
	}
	if p.base.SRERole.Positioning != p.target.SRERole.Positioning {
		p.sreRoleStage = atReportingLines
	}
	p.reordered = orderChanged(p.teams) || orderChanged(p.services)
	if !orgOtherEqual(p.base, p.target) || p.reordered {
		p.orgOtherStage = atStaffing
	}
	p.choosePilots()
	for p.propagate() {
	}
}

// namedInTarget marks the teams that some dev team or service names in run_with or backup
// in the target.
func (p *planner) namedInTarget() []bool {
	named := make([]bool, len(p.teams))
	mark := func(names ...string) {
		for _, n := range names {
			if j := p.teamOf(n); j >= 0 {
				named[j] = true
			}
		}
	}
	for i := range p.target.Teams {
		if t := &p.target.Teams[i]; t.Kind == KindDev {
			mark(partnerOf(t.Run, t.RunWith), t.Backup)
		}
	}
	for i := range p.target.Services {
		s := &p.target.Services[i]
		mark(partnerOf(s.Run, s.RunWith), valueOr(s.Backup, ""))
	}
	return named
}

// assignAdded places a team new in the target: staffed first, in its target org, except a
// new SRE team where the base has no SRE org, which starts in the interim org when somebody
// needs it before the SRE org exists, and is created with the SRE org otherwise. A new dev
// team starts with the base's default run and takes its own with who runs it.
func (p *planner) assignAdded(e *planEntity, sreInBase, named bool) {
	t := &p.target.Teams[e.target]
	e.added = atStaffing
	if t.Org == OrgSRE && !sreInBase {
		if named {
			e.interim = true
			e.stage[groupOrg] = atReportingLines
		} else {
			e.added = atReportingLines
		}
	}
	if t.Kind == KindDev && (t.Run != RunYou || t.RunWith != "" || t.SRERole != RoleRotation || t.Backup != "") {
		e.stage[groupRun] = atWhoRunsIt
	}
}

// assignChanged places the differences of a team both models hold.
func (p *planner) assignChanged(e *planEntity) {
	b, t := &p.base.Teams[e.base], &p.target.Teams[e.target]
	if b.Run != t.Run || b.RunWith != t.RunWith || b.SRERole != t.SRERole || b.Backup != t.Backup {
		e.stage[groupRun] = atWhoRunsIt
	}
	if up, changed := staffingRaised(b, t); changed {
		e.stage[groupStaff] = atStaffing
		e.staffDown = !up
	}
	if b.Org != t.Org {
		e.stage[groupOrg] = atReportingLines
	}
	if b.Kind != t.Kind {
		e.stage[groupKind] = atStaffing // with the last change of who it responds for, below
	}
	if !teamOtherEqual(b, t) {
		e.stage[groupOther] = atStaffing // placed with the team's first stage below
	}
}

// staffingRaised reports whether a team's staffing changed, and whether anything of it
// went up: headcount, rotation, on-call hours, a secondary or a second site.
func staffingRaised(b, t *Team) (up, changed bool) {
	changed = b.Headcount != t.Headcount || b.Rotation != t.Rotation || b.OnCall != t.OnCall ||
		!samePtr(b.Secondary, t.Secondary) || b.Sites != t.Sites
	up = t.Headcount > b.Headcount || rotationKey(t) > rotationKey(b) ||
		CoveredHours(t.OnCall) > CoveredHours(b.OnCall) || t.HasSecondary() && !b.HasSecondary() ||
		t.SiteCount() > b.SiteCount()
	return up, changed
}

// rotationKey is the rotation a team states: its rotation key, else its headcount.
func rotationKey(t *Team) int {
	if t.Rotation > 0 {
		return t.Rotation
	}
	return t.Headcount
}

// choosePilots finds, for each SRE team that the target gives at least three dev teams of
// the base as a new partner by their own run and run_with, the first of those dev teams in
// the target's order: it switches in the pilot stage, with its services.
func (p *planner) choosePilots() {
	count := make(map[int]int)
	first := make(map[int]int)
	var order []int
	for ti := range p.target.Teams {
		t := &p.target.Teams[ti]
		if t.Kind != KindDev || (t.Run != RunYouAndSRE && t.Run != RunSRE) {
			continue
		}
		k := p.teamOf(t.Name)
		s := p.teamOf(t.RunWith)
		if k < 0 || p.teams[k].base < 0 || s < 0 || p.targetTeam(s) == nil || p.targetTeam(s).Kind != KindSRE {
			continue
		}
		if b := p.baseTeam(k); (b.Run == RunYouAndSRE || b.Run == RunSRE) && SameName(b.RunWith, t.RunWith) {
			continue // the same partner as in the base
		}
		if count[s] == 0 {
			first[s] = k
			order = append(order, s)
		}
		count[s]++
	}
	isPilot := map[int]bool{}
	for _, s := range order {
		if count[s] < 3 {
			continue
		}
		k := first[s]
		p.pilots = append(p.pilots, k)
		p.teams[k].stage[groupRun] = atPilot
		isPilot[k] = true
	}
	if len(isPilot) == 0 {
		return
	}
	// the pilots' services, in one pass over the services (not one a pilot)
	for i := range p.services {
		e := &p.services[i]
		if e.target >= 0 && e.stage[groupRun] >= 0 && isPilot[p.teamOf(p.target.Services[e.target].Team)] {
			e.stage[groupRun] = atPilot
		}
	}
}

// propagate applies each prerequisite once; it reports whether any stage moved.
func (p *planner) propagate() bool {
	var m mover
	p.teamPrerequisites(&m)
	p.servicePrerequisites(&m)
	p.otherPrerequisites(&m)
	return m.moved
}

// mover pushes stages later, remembering whether it moved any.
type mover struct{ moved bool }

// later moves stage s to at least min (a stage -1, no difference, stays).
func (m *mover) later(s *int, min int) {
	if *s >= 0 && *s < min {
		*s, m.moved = min, true
	}
}

// arrival is the stage at which team j of p.teams arrives (0 when it exists in the base).
func (p *planner) arrival(j int) int {
	if j < 0 || p.teams[j].added < 0 {
		return 0
	}
	return p.teams[j].added
}

// namerEntity is the team or service a namer is.
func (p *planner) namerEntity(n namer) *planEntity {
	if n.service {
		return &p.services[n.index]
	}
	return &p.teams[n.index]
}

// respondsStage is the last stage that changes what team k responds for: a run, run_with
// or backup change naming it or made by it, or the arrival or departure of one that names
// it; -1 when none.
func (p *planner) respondsStage(k int) int {
	last := p.teams[k].stage[groupRun]
	for _, n := range p.namers[k] {
		e := p.namerEntity(n)
		if n.service {
			last = max(last, e.stage[groupOther])
		}
		last = max(last, e.stage[groupRun], e.added, e.removed)
	}
	return last
}

// teamPrerequisites: a team runs with a partner or a backup only once it is there; it is
// removed only after nobody runs with it or backs anything up with it; a lower staffing
// waits for the last change of what it responds for, and so does a kind change, which
// takes the team's own run with it.
func (p *planner) teamPrerequisites(m *mover) {
	for i := range p.teams {
		e := &p.teams[i]
		if t := p.targetTeam(i); t != nil {
			m.later(&e.stage[groupRun], p.arrival(p.teamOf(partnerOf(t.Run, t.RunWith))))
			m.later(&e.stage[groupRun], p.arrival(p.teamOf(t.Backup)))
		}
		if e.removed >= 0 {
			for _, n := range p.namers[i] {
				d := p.namerEntity(n)
				if n.service {
					m.later(&e.removed, d.stage[groupOther])
				}
				m.later(&e.removed, max(d.stage[groupRun], d.removed))
			}
		}
		if e.staffDown || e.stage[groupKind] >= 0 {
			last := p.respondsStage(i)
			if e.staffDown {
				m.later(&e.stage[groupStaff], last)
			}
			m.later(&e.stage[groupKind], last)
			m.later(&e.stage[groupRun], e.stage[groupKind])
		}
	}
}

// servicePrerequisites: a service arrives with its team and runs with a partner or a
// backup once it is there; a team is removed only after its services are gone or moved.
func (p *planner) servicePrerequisites(m *mover) {
	for i := range p.services {
		e := &p.services[i]
		if e.target >= 0 {
			sv := &p.target.Services[e.target]
			team := p.teamOf(sv.Team)
			m.later(&e.added, p.arrival(team))
			m.later(&e.stage[groupOther], p.arrival(team))
			for _, partner := range []int{p.teamOf(partnerOf(sv.Run, sv.RunWith)), p.teamOf(valueOr(sv.Backup, ""))} {
				m.later(&e.stage[groupRun], p.arrival(partner))
				m.later(&e.added, p.arrival(partner))
			}
			// the override may name its team's partner: it cannot come before the service
			// is on that team
			m.later(&e.stage[groupRun], e.stage[groupOther])
		}
		if e.base < 0 {
			continue
		}
		// a service goes (or moves) no later than its old team is removed
		if team := p.teamOf(p.base.Services[e.base].Team); team >= 0 && p.teams[team].removed >= 0 {
			m.later(&p.teams[team].removed, max(e.removed, e.stage[groupOther]))
		}
	}
}

// otherPrerequisites: "other" differences go with the first stage that touches their team:
// a team's own, and a service's (added, removed, moved or changed) with its team's.
func (p *planner) otherPrerequisites(m *mover) {
	for i := range p.teams {
		m.later(&p.teams[i].stage[groupOther], p.firstStage(i))
	}
	for i := range p.services {
		e := &p.services[i]
		var team string
		if e.target >= 0 {
			team = p.target.Services[e.target].Team
		} else {
			team = p.base.Services[e.base].Team
		}
		first := p.firstStage(p.teamOf(team))
		m.later(&e.stage[groupOther], first)
		m.later(&e.added, first)
		m.later(&e.removed, first)
	}
}

// firstStage is the first stage that makes a decision about team k (its arrival or a
// change of its run, staffing, org or kind), 0 when none does.
func (p *planner) firstStage(k int) int {
	if k < 0 {
		return 0
	}
	e := &p.teams[k]
	first := -1
	for _, s := range []int{e.added, e.stage[groupRun], e.stage[groupStaff], e.stage[groupOrg], e.stage[groupKind]} {
		if s >= 0 && (first < 0 || s < first) {
			first = s
		}
	}
	return max(first, 0)
}

// shift moves every item of stage s to stage s+1.
func (p *planner) shift(s int) {
	bump := func(v *int) {
		if *v == s {
			*v = s + 1
		}
	}
	for _, list := range [][]planEntity{p.teams, p.services} {
		for i := range list {
			e := &list[i]
			bump(&e.added)
			bump(&e.removed)
			for g := range e.stage {
				bump(&e.stage[g])
			}
		}
	}
	bump(&p.sreOrgStage)
	bump(&p.sreRoleStage)
	bump(&p.orgOtherStage)
	for p.propagate() {
	}
}
