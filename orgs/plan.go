package orgs

import "slices"

// The plan from a baseline to a target (docs/rules.md section 11): every difference between
// the two models becomes an item that takes a group of fields from the target, and each item
// has a stage in the book's order: staff first (a new SRE team starts in an interim org), a
// pilot with one dev team per new SRE partner, every other change of who runs what, and the
// reporting lines last, once SRE works in practice. Prerequisites can only push an item
// later. The model after each stage is the baseline with the items of that stage and those
// before it applied, so the last stage's model is the target.

// StageName names a stage of the plan.
type StageName string

// The stages, in their order.
const (
	StageStaffing       StageName = "staffing"
	StagePilot          StageName = "pilot"
	StageWhoRunsIt      StageName = "who-runs-it"
	StageReportingLines StageName = "reporting-lines"
)

// StageNames lists the stages in order.
var StageNames = [4]StageName{StageStaffing, StagePilot, StageWhoRunsIt, StageReportingLines}

// the stages as indexes of StageNames
const (
	atStaffing = iota
	atPilot
	atWhoRunsIt
	atReportingLines
)

// DecideOther is the kind of a difference that is no decision of its own (costs, notes,
// acknowledgement times, services added or moved, targets, KPIs, names): it is listed with
// the stage that first touches its team.
const DecideOther DecisionKind = "other"

// Plan is the path from Base to Target in stages; no stage when they are equal.
type Plan struct {
	Base, Target *Org
	Stages       []Stage
	// RiskRuns is the windows a service each stage's risk simulated (JSON `risk_runs`).
	RiskRuns int
	// Pilots are the dev teams that pilot a new SRE partner, in the target's order.
	Pilots []string
}

// Stage is one step of a plan and the verdicts of the model after it.
type Stage struct {
	// Number counts from 1 among the stages that are not empty.
	Number int
	Name   StageName
	// Decisions are those of this stage, in the order of the transition's decisions, then
	// the other differences.
	Decisions []Decision
	// Gates are what must hold before the next stage starts ([] when nothing).
	Gates []Gate
	// Months is how long the stage lasts; Start and End (inclusive) are its first and last
	// month once the plan is dated (Plan.Date), zero before.
	Months     int
	Start, End Month
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
	// Advisories are the advisories raised, changed (same code, other teams or services)
	// and cleared against the previous stage.
	Advisories AdvisoryChange
	// RiskFromPrevious is the change of the organization's risk (rules.md 12) against the
	// previous stage's (the base's for the first stage): nil when this stage's model has no
	// rates; Analysis.Risk.Delta is the change against the base.
	RiskFromPrevious *RiskDelta
	// Raised, Changed and Cleared are the codes of Advisories.
	Raised, Changed, Cleared []string
	// addsPeople: the stage adds a team or raises a headcount (hiring lead time).
	addsPeople bool
	// windowDays is the pilot gate's window.
	windowDays int
}

// field groups of a team and a service: each goes to the target in one stage.
const (
	groupRun   = iota // run, run_with, sre_role and backup (a service: its run override and backup)
	groupStaff        // headcount, rotation, on_call, secondary, sites
	groupOrg          // where the team reports
	groupKind         // what the team does
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
	// interim: a new SRE team created in the interim org, moved to the SRE org by
	// stage[groupOrg]
	interim bool
	// staffDown: its staffing changes only lower it, so they wait for the last stage that
	// changes what it responds for
	staffDown bool
}

// namer is an entity whose run_with or backup names a team in either model.
type namer struct {
	service bool
	index   int
}

type planner struct {
	base, target *Org
	teams        []planEntity
	services     []planEntity
	teamKey      map[string]int // FoldName -> index into teams
	// org-level items: the SRE org's positioning, the SRE role's, and everything else of
	// the organization
	sreOrgStage, sreRoleStage, orgOtherStage int
	// namers lists, for each team, the teams and services whose run_with or backup names
	// it in the base or the target: who it responds for, and who must let go of it before
	// it can be removed (an index, so that many removals cost no more than one)
	namers [][]namer
	// interimOrg is where a new SRE team starts: the ops org when it holds a team in the
	// base, else the dev org
	interimOrg OrgID
	// pilots are the indexes (into teams) of the pilot dev teams
	pilots []int
	// baseAnalysis is the base against itself: who responds for what before the plan
	baseAnalysis *Analysis
	// riskRuns is the windows a service the stages' risk simulates (`plan --runs`)
	riskRuns int
	// reordered is set when the target lists teams or services in another order; every
	// stage takes the target's order, so the first stage says so
	reordered bool
	// teamOrder and serviceOrder are mergedOrder of teams and services, the same for every
	// stage: made by the first build
	teamOrder, serviceOrder []int
}

// MakePlan orders every difference between base and target into stages (docs/rules.md section
// 11), each with its gates and default length in months. Both models must be valid; every
// intermediate model is valid too.
func MakePlan(base, target *Org) *Plan { return MakePlanRuns(base, target, DefaultRiskRuns) }

// MakePlanRuns is MakePlan with n simulated windows a service for each stage's risk
// (`plan --runs`; DefaultRiskRuns when n is out of range).
func MakePlanRuns(base, target *Org, n int) *Plan {
	p := newPlanner(base, target)
	p.riskRuns = riskRunsOr(n)
	p.assign()
	plan := &Plan{Base: base, Target: target, RiskRuns: p.riskRuns}
	for {
		models := make([]*Org, len(StageNames))
		invalid := make([]bool, len(StageNames))
		for s := range StageNames {
			models[s] = p.build(s)
		}
		// the intermediate models are validated side by side; the last is the target
		parallel(len(StageNames)-1, func(s int) { invalid[s] = Validate(models[s], nil) != nil })
		bad := slices.Index(invalid, true)
		if bad < 0 {
			plan.Stages = p.stages(models)
			for _, i := range p.pilots {
				if p.teams[i].stage[groupRun] == atPilot {
					plan.Pilots = append(plan.Pilots, target.Teams[p.teams[i].target].Name)
				}
			}
			p.gates(plan)
			plan.Date(Month{}, nil)
			return plan
		}
		// An intermediate that does not validate is a prerequisite this planner does not
		// know of: its stage is merged into the next, so that the path stays valid.
		p.shift(bad)
	}
}

// riskRunsOr is n when it is a valid number of windows, else DefaultRiskRuns, as
// Analyser.SetRiskRuns takes it.
func riskRunsOr(n int) int {
	if n < 1 || n > MaxRiskRuns {
		return DefaultRiskRuns
	}
	return n
}

func newPlanner(base, target *Org) *planner {
	p := &planner{base: base, target: target, teamKey: make(map[string]int, len(base.Teams)+len(target.Teams))}
	p.teams = pairUp(len(base.Teams), len(target.Teams), func(i int) string { return base.Teams[i].Name },
		func(i int) string { return target.Teams[i].Name }, p.teamKey)
	p.services = pairUp(len(base.Services), len(target.Services), func(i int) string { return base.Services[i].Name },
		func(i int) string { return target.Services[i].Name }, map[string]int{})
	p.namers = make([][]namer, len(p.teams))
	name := func(who namer, names ...string) {
		for _, n := range names {
			if r := p.teamOf(n); r >= 0 && (who.service || r != who.index) {
				if l := p.namers[r]; len(l) == 0 || l[len(l)-1] != who {
					p.namers[r] = append(p.namers[r], who)
				}
			}
		}
	}
	for k := range p.teams {
		for _, t := range []*Team{p.baseTeam(k), p.targetTeam(k)} {
			if t != nil {
				name(namer{false, k}, partnerOf(t.Run, t.RunWith), t.Backup)
			}
		}
	}
	for k := range p.services {
		e := &p.services[k]
		if e.base >= 0 {
			s := &base.Services[e.base]
			name(namer{true, k}, partnerOf(s.Run, s.RunWith), valueOr(s.Backup, ""))
		}
		if e.target >= 0 {
			s := &target.Services[e.target]
			name(namer{true, k}, partnerOf(s.Run, s.RunWith), valueOr(s.Backup, ""))
		}
	}
	p.interimOrg = OrgDev
	if orgHasTeam(base, OrgOps) {
		p.interimOrg = OrgOps
	}
	return p
}

// partnerOf is the team a run value runs with, "" when it needs none.
func partnerOf(r Run, runWith string) string {
	if r.NeedsPartner() {
		return runWith
	}
	return ""
}

// baseTeam and targetTeam are entity k's team in each model, or nil.
func (p *planner) baseTeam(k int) *Team {
	if b := p.teams[k].base; b >= 0 {
		return &p.base.Teams[b]
	}
	return nil
}

func (p *planner) targetTeam(k int) *Team {
	if t := p.teams[k].target; t >= 0 {
		return &p.target.Teams[t]
	}
	return nil
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

// taken reports whether an item of stage s is applied in the model after stage at.
func taken(s, at int) bool { return s >= 0 && s <= at }
