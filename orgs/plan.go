package orgs

import (
	"slices"
)

// The plan from a baseline to a target (docs/rules.md, "The plan"): every difference between
// the two models becomes an item that takes a group of fields from the target; each item has
// a stage, the book's order (who runs it first, then staffing, and the organizational
// decision last, when SRE works in practice), and prerequisites that can only push it later.
// The model after each stage is the baseline with the items of that stage and those before
// it applied, so the last stage's model is the target.

// StageName names a stage of the plan.
type StageName string

// The stages, in their order.
const (
	StageWhoRunsIt      StageName = "who-runs-it"
	StageStaffing       StageName = "staffing"
	StageReportingLines StageName = "reporting-lines"
)

// StageNames lists the stages in order.
var StageNames = [3]StageName{StageWhoRunsIt, StageStaffing, StageReportingLines}

// DecideOther is the kind of a difference that is no decision of its own (on-call hours,
// costs, notes, services added or moved, targets, KPIs, names): it is listed with the stage
// that first touches its team.
const DecideOther DecisionKind = "other"

// Plan is the path from Base to Target in stages; no stage when they are equal.
type Plan struct {
	Base, Target *Org
	Stages       []Stage
}

// Stage is one step of a plan and the verdicts of the model after it.
type Stage struct {
	// Number counts from 1 among the stages that are not empty.
	Number int
	Name   StageName
	// Decisions are those of this stage, in the order of the transition's decisions, then
	// the other differences.
	Decisions []Decision
	// Model is the organization after this stage.
	Model *Org
	// Analysis is Model against the plan's base.
	Analysis *Analysis
	// Step is Model against the previous stage's model (the base for the first stage): its
	// transition verdict is the stage's, and its team and service transitions say which
	// step is unlikely or has no reason.
	Step *Analysis
	// FromPrevious is Step's transition verdict.
	FromPrevious Verdict
	// Staffing is what sustainable rotations need after this stage, against the base.
	Staffing StaffingVerdict
	// Raised and Cleared are the advisory codes new or gone since the previous stage.
	Raised, Cleared []string
}

// field groups of a team and a service: each goes to the target in one stage.
const (
	groupRun   = iota // run, run_with, sre_role (a service: its own run override)
	groupStaff        // headcount (and the rotation with it)
	groupOrg          // where the team reports
	groupOther        // every other field
	groupCount
)

// planEntity is a team or a service in either model: its base and target versions (nil
// when absent on that side) and the stage at which each group of its fields is taken from
// the target (-1: no difference).
type planEntity struct {
	base, target int // indexes into Base.Teams/Services and Target.Teams/Services, -1 absent
	stage        [groupCount]int
	added        int // stage of its arrival (target only), -1 otherwise
	removed      int // stage of its removal (base only), -1 otherwise
}

type planner struct {
	base, target *Org
	teams        []planEntity
	services     []planEntity
	teamKey      map[string]int // FoldName -> index into teams
	// org-level items: the SRE org's positioning, the SRE role's, and everything else of
	// the organization
	sreOrgStage, sreRoleStage, orgOtherStage int
	// runWith lists, for each team, the teams whose run_with names it in the base: the
	// ones that must change their run before it can be removed (an index, so that many
	// removals cost no more than one)
	runWith [][]int
	// reordered is set when the target lists teams or services in another order; every
	// stage takes the target's order, so the first stage says so
	reordered bool
}

// MakePlan orders every difference between base and target into stages (docs/rules.md section
// 11). Both models must be valid; every intermediate model is valid too.
func MakePlan(base, target *Org) *Plan {
	p := newPlanner(base, target)
	p.assign()
	plan := &Plan{Base: base, Target: target}
	for {
		models := make([]*Org, len(StageNames))
		bad := -1
		for s := range StageNames {
			models[s] = p.build(s)
			if s < len(StageNames)-1 && bad < 0 && Validate(models[s], nil) != nil {
				bad = s
			}
		}
		if bad < 0 {
			plan.Stages = p.stages(models)
			return plan
		}
		// An intermediate that does not validate is a prerequisite this planner does not
		// know of: its stage is merged into the next, so that the path stays valid.
		p.shift(bad)
	}
}

func newPlanner(base, target *Org) *planner {
	p := &planner{base: base, target: target, teamKey: make(map[string]int, len(base.Teams)+len(target.Teams))}
	p.teams = pairUp(len(base.Teams), len(target.Teams), func(i int) string { return base.Teams[i].Name },
		func(i int) string { return target.Teams[i].Name }, p.teamKey)
	p.services = pairUp(len(base.Services), len(target.Services), func(i int) string { return base.Services[i].Name },
		func(i int) string { return target.Services[i].Name }, map[string]int{})
	p.runWith = make([][]int, len(p.teams))
	for k := range p.teams {
		if d := &p.teams[k]; d.base >= 0 {
			if b := &base.Teams[d.base]; b.Run.NeedsPartner() {
				if r := p.teamOf(b.RunWith); r >= 0 && r != k {
					p.runWith[r] = append(p.runWith[r], k)
				}
			}
		}
	}
	return p
}

// pairUp matches the entities of two models by FoldName: one map, linear in both.
func pairUp(nb, nt int, baseName, targetName func(int) string, key map[string]int) []planEntity {
	out := make([]planEntity, 0, max(nb, nt))
	for i := range nb {
		key[FoldName(baseName(i))] = len(out)
		out = append(out, newEntity(i, -1))
	}
	for i := range nt {
		k := FoldName(targetName(i))
		if j, ok := key[k]; ok && out[j].target < 0 {
			out[j].target = i
			continue
		}
		key[k] = len(out)
		out = append(out, newEntity(-1, i))
	}
	return out
}

func newEntity(b, t int) planEntity {
	e := planEntity{base: b, target: t, added: -1, removed: -1}
	for g := range e.stage {
		e.stage[g] = -1
	}
	return e
}

// teamOf is the team index (into p.teams) of a name in either model, or -1.
func (p *planner) teamOf(name string) int {
	if name == "" {
		return -1
	}
	if j, ok := lookupFold(p.teamKey, name); ok {
		return j
	}
	return -1
}

// orgHasTeam reports whether some team of o reports into org.
func orgHasTeam(o *Org, org OrgID) bool {
	for i := range o.Teams {
		if o.Teams[i].Org == org {
			return true
		}
	}
	return false
}

// assign gives every item its stage: first by kind, then pushed later by prerequisites
// until nothing moves.
func (p *planner) assign() {
	baseOrgs := map[OrgID]bool{}
	targetOrgs := map[OrgID]bool{}
	for _, o := range AllOrgs {
		baseOrgs[o] = orgHasTeam(p.base, o)
		targetOrgs[o] = orgHasTeam(p.target, o)
	}
	for i := range p.teams {
		e := &p.teams[i]
		switch {
		case e.base < 0:
			e.added = 1
			if !baseOrgs[p.target.Teams[e.target].Org] {
				e.added = 2 // the first team of an org: an organizational decision
			}
		case e.target < 0:
			e.removed = 1
			if !targetOrgs[p.base.Teams[e.base].Org] {
				e.removed = 2 // the last team of an org goes
			}
		default:
			b, t := &p.base.Teams[e.base], &p.target.Teams[e.target]
			if b.Run != t.Run || !SameName(b.RunWith, t.RunWith) || b.SRERole != t.SRERole {
				e.stage[groupRun] = 0
			}
			if b.Headcount != t.Headcount || b.Rotation != t.Rotation {
				e.stage[groupStaff] = 1
			}
			if b.Org != t.Org {
				e.stage[groupOrg] = 2
			}
			if !teamOtherEqual(b, t) {
				e.stage[groupOther] = 0 // placed with the team's first stage below
			}
		}
	}
	for i := range p.services {
		e := &p.services[i]
		switch {
		case e.base < 0:
			e.added = 0
		case e.target < 0:
			e.removed = 0
		default:
			b, t := &p.base.Services[e.base], &p.target.Services[e.target]
			if b.Run != t.Run || !SameName(b.RunWith, t.RunWith) {
				e.stage[groupRun] = 0
			}
			if !serviceOtherEqual(b, t) {
				e.stage[groupOther] = 0
			}
		}
	}
	p.sreOrgStage, p.sreRoleStage, p.orgOtherStage = -1, -1, -1
	if p.base.SREOrg.Positioning != p.target.SREOrg.Positioning {
		p.sreOrgStage = 0
	}
	if p.base.SRERole != p.target.SRERole {
		p.sreRoleStage = 0
	}
	p.reordered = orderChanged(p.teams) || orderChanged(p.services)
	if !orgOtherEqual(p.base, p.target) || p.reordered {
		p.orgOtherStage = 0
	}
	for p.propagate() {
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

// teamPrerequisites: a team runs with a partner only once it is there, is removed only
// after nobody runs with it, and changes its kind with all its fields at once.
func (p *planner) teamPrerequisites(m *mover) {
	for i := range p.teams {
		e := &p.teams[i]
		if e.target >= 0 {
			t := &p.target.Teams[e.target]
			if t.Run.NeedsPartner() {
				partner := p.teamOf(t.RunWith)
				m.later(&e.stage[groupRun], p.arrival(partner))
				m.later(&e.added, p.arrival(partner))
			}
		}
		if e.removed >= 0 {
			// removed only after nobody runs with it
			for _, k := range p.runWith[i] {
				d := &p.teams[k]
				m.later(&e.removed, max(d.stage[groupRun], d.removed))
			}
		}
		// a kind change takes the whole team at once: its fields make sense only together
		if e.base >= 0 && e.target >= 0 && p.base.Teams[e.base].Kind != p.target.Teams[e.target].Kind {
			top := slices.Max(e.stage[:])
			for g := range e.stage {
				if e.stage[g] >= 0 {
					m.later(&e.stage[g], top)
				}
			}
		}
	}
}

// servicePrerequisites: a service arrives with its team and runs with a partner once it is
// there; a team is removed only after its services and the overrides naming it are gone.
func (p *planner) servicePrerequisites(m *mover) {
	for i := range p.services {
		e := &p.services[i]
		if e.target >= 0 {
			sv := &p.target.Services[e.target]
			team := p.teamOf(sv.Team)
			m.later(&e.added, p.arrival(team))
			m.later(&e.stage[groupOther], p.arrival(team))
			if sv.Run.NeedsPartner() {
				partner := p.teamOf(sv.RunWith)
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
		// nobody runs with a team that is removed: the override that names it goes first
		if b := &p.base.Services[e.base]; b.Run.NeedsPartner() {
			if r := p.teamOf(b.RunWith); r >= 0 && p.teams[r].removed >= 0 {
				m.later(&p.teams[r].removed, max(e.stage[groupRun], e.removed, e.stage[groupOther]))
			}
		}
		// a service goes (or moves) no later than its old team is removed
		if team := p.teamOf(p.base.Services[e.base].Team); team >= 0 && p.teams[team].removed >= 0 {
			m.later(&p.teams[team].removed, max(e.removed, e.stage[groupOther]))
		}
	}
}

// otherPrerequisites: "other" differences go with the first stage that touches their team,
// and the SRE org's positioning with the stage that creates the SRE org.
func (p *planner) otherPrerequisites(m *mover) {
	for i := range p.teams {
		e := &p.teams[i]
		if e.stage[groupOther] < 0 {
			continue
		}
		first := -1
		for _, s := range []int{e.stage[groupRun], e.stage[groupStaff], e.stage[groupOrg]} {
			if s >= 0 && (first < 0 || s < first) {
				first = s
			}
		}
		if first > e.stage[groupOther] {
			m.later(&e.stage[groupOther], first)
		}
	}
	if p.sreOrgStage < 0 || orgHasTeam(p.base, OrgSRE) {
		return
	}
	for i := range p.teams {
		e := &p.teams[i]
		if e.target >= 0 && p.target.Teams[e.target].Org == OrgSRE {
			s := e.added
			if s < 0 {
				s = e.stage[groupOrg]
			}
			if s >= 0 {
				m.later(&p.sreOrgStage, s)
			}
		}
	}
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

// taken reports whether an item of stage s is applied in the model after stage at.
func taken(s, at int) bool { return s >= 0 && s <= at }

// build is the model after stage at: the target's order for what the target holds, then
// what the base holds and the target does not yet, in the base's order.
func (p *planner) build(at int) *Org {
	// a new model of its own: the teams and services are copied one by one below, and the
	// target's values are copied with them, so no stage shares memory with the two models
	o := &Org{Format: p.base.Format, Name: p.base.Name, Description: p.base.Description,
		Defaults: p.base.Defaults, SREOrg: p.base.SREOrg, SRERole: p.base.SRERole,
		KPIs: slices.Clone(p.base.KPIs), Scenario: p.base.Scenario,
		Teams:    make([]Team, 0, max(len(p.base.Teams), len(p.target.Teams))),
		Services: make([]Service, 0, max(len(p.base.Services), len(p.target.Services)))}
	o.Defaults.PerHead = cloneInt(o.Defaults.PerHead)
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
		*o = *t.Clone()
		o.SREOrg, o.SRERole, o.Scenario, o.Teams, o.Services = sre, role, scenario, teams, services
	}
	emitTeam := func(e *planEntity) {
		switch {
		case e.base < 0:
			if taken(e.added, at) {
				o.Teams = append(o.Teams, cloneTeam(t.Teams[e.target]))
			}
			return
		case e.target < 0:
			if !taken(e.removed, at) {
				o.Teams = append(o.Teams, cloneTeam(p.base.Teams[e.base]))
			}
			return
		}
		team := cloneTeam(p.base.Teams[e.base])
		tt := &t.Teams[e.target]
		if taken(e.stage[groupRun], at) {
			team.Run, team.RunWith, team.SRERole = tt.Run, tt.RunWith, tt.SRERole
		}
		if taken(e.stage[groupStaff], at) {
			team.Headcount, team.Rotation = tt.Headcount, tt.Rotation
		}
		if taken(e.stage[groupOrg], at) {
			team.Org = tt.Org
		}
		if taken(e.stage[groupOther], at) {
			run, runWith, role, hc, rot, org := team.Run, team.RunWith, team.SRERole, team.Headcount, team.Rotation, team.Org
			team = cloneTeam(*tt)
			team.Run, team.RunWith, team.SRERole, team.Headcount, team.Rotation, team.Org = run, runWith, role, hc, rot, org
		}
		o.Teams = append(o.Teams, team)
	}
	emitService := func(e *planEntity) {
		switch {
		case e.base < 0:
			if taken(e.added, at) {
				o.Services = append(o.Services, cloneService(t.Services[e.target]))
			}
		case e.target < 0:
			if !taken(e.removed, at) {
				o.Services = append(o.Services, cloneService(p.base.Services[e.base]))
			}
		default:
			sv := cloneService(p.base.Services[e.base])
			tv := &t.Services[e.target]
			if taken(e.stage[groupOther], at) {
				run, runWith := sv.Run, sv.RunWith
				sv = cloneService(*tv)
				sv.Run, sv.RunWith = run, runWith
			}
			if taken(e.stage[groupRun], at) {
				sv.Run, sv.RunWith = tv.Run, tv.RunWith
			}
			o.Services = append(o.Services, sv)
		}
	}
	// the target's order, with what only the base holds kept where the base has it
	for _, pass := range []struct {
		list []planEntity
		emit func(*planEntity)
	}{{p.teams, emitTeam}, {p.services, emitService}} {
		for _, i := range mergedOrder(pass.list) {
			pass.emit(&pass.list[i])
		}
	}
	if len(o.Services) == 0 && p.base.Services == nil && t.Services == nil {
		o.Services = nil
	}
	return o
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
