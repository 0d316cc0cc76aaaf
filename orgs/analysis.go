package orgs

import (
	"sync"
	"sync/atomic"
	"unsafe"
)

// Analyse is the analysis of current against baseline: a pure function of the two models.
func Analyse(baseline, current *Org) *Analysis {
	return NewAnalyser(baseline).Analyse(current)
}

// Analyser analyses many current models against one baseline, computing what it needs of
// the baseline once. The dashboard keeps one and re-analyses after every change (with
// Reanalyse, which also reuses the memory of the previous analysis).
//
// It also keeps what depends only on the current model's team names (the layout: the name
// index, which baseline team each team is, which team each run_with names, and whom each
// team counts toward), and uses it again while the names stay the same: an edit that moves
// a team or changes who runs what renames nothing, and on 10,000 teams the lookups were
// most of a re-analysis. An analysis is then one pass over the teams. A layout is never
// changed once made and each analysis takes the scratch space for itself, so analyses may
// run concurrently; mu guards lay.
type Analyser struct {
	base      *Org
	baseFacts facts

	mu  sync.Mutex
	lay *layout

	// spare is the scratch space of the last analysis, for the next one to use again.
	spare atomic.Pointer[scratch]
	// refreshes counts the analyses that refreshed the services of the one before
	// instead of analysing them all.
	refreshes atomic.Int64
	// risk is the simulation's windows a service and the baseline's risk figures.
	risk riskState
}

// NewAnalyser prepares the analysis of models against baseline.
func NewAnalyser(baseline *Org) *Analyser {
	return &Analyser{base: baseline, baseFacts: computeFacts(baseline)}
}

// nameIndex maps the folded name of every team to its index (the last, for names equal
// ignoring case).
func nameIndex(teams []Team) map[string]int {
	index := make(map[string]int, len(teams))
	for i, k := range foldedNames(teams) {
		index[k] = i
	}
	return index
}

// Baseline is the model this analyser compares against.
func (a *Analyser) Baseline() *Org { return a.base }

// facts are the numbers of the baseline the comparison needs.
type facts struct {
	index     map[string]int // folded team name -> index
	teams     []baseTeam     // per team
	dominantM *RunModel
	dominantT *int
	capex     HeadCost
	opex      HeadCost
	orgs      OrgBudgets
	sreOrgHas bool
	// roleP: an SRE role exists outside an SRE org (docs/rules.md section 7)
	roleP  bool
	unique bool // no two team names are equal ignoring case
	// svcRuns are the effective runs of the baseline's services, for the service
	// transitions; staffing its staffing totals, for their change.
	svcRuns  []ServiceRun
	staffing StaffingTotals
	// svcIndex finds the baseline's services by folded name (read only: goroutines share it).
	svcIndex *serviceNames
}

// baseTeam is what the comparison reads of a baseline team, in a few bytes: the codes say
// which of the usual values a field holds, so that comparing with the current team
// rarely needs the baseline's strings.
type baseTeam struct {
	headcount int
	model     int8  // the run model's position in SpectrumOrder; -1 for a team that is not a dev team
	topo      uint8 // 0 for none
	org       uint8 // orgCode(Org)
	role      uint8 // roleCode(SRERole)
}

// runModel is the team's run model ("" for a team that is not a dev team).
func (b *baseTeam) runModel() RunModel {
	if b.model < 0 {
		return ""
	}
	return SpectrumOrder[b.model]
}

// codeOther is the code of any value other than the usual ones (see orgCode, roleCode):
// two such values may differ.
const codeOther = 3

// orgCode is 0, 1 or 2 for the dev, ops and SRE organization, codeOther for anything else.
func orgCode(o OrgID) uint8 {
	switch o {
	case OrgDev:
		return 0
	case OrgOps:
		return 1
	case OrgSRE:
		return 2
	}
	return codeOther
}

// roleCode is 0, 1 or 2 for rotation, dedicated and both, codeOther for anything else.
func roleCode(r SRERole) uint8 {
	switch r {
	case RoleRotation:
		return 0
	case RoleDedicated:
		return 1
	case RoleBoth:
		return 2
	}
	return codeOther
}

// indexOf is index[FoldName(name)] for the model whose teams are teams. It looks at index
// at first, where the other model of the comparison has the team: a model and its baseline
// mostly list the same teams in the same order, and with unique names a team found there
// is the one the map holds.
func (f *facts) indexOf(teams []Team, name string, at int) (int, bool) {
	if f.unique && at < len(teams) && teams[at].Name == name {
		return at, true
	}
	return lookupFold(f.index, name)
}

// computeFacts computes the facts of the baseline o.
func computeFacts(o *Org) facts {
	f := facts{index: nameIndex(o.Teams), teams: make([]baseTeam, len(o.Teams))}
	f.unique = len(f.index) == len(o.Teams)
	var modelN [5]int
	var topoN [10]int
	for i := range o.Teams {
		t := &o.Teams[i]
		b := f.orgs.Of(t.Org)
		b.Headcount += t.Headcount
		b.Cost += int64(t.Headcount) * o.CostPerHead(t)
		if t.Org == OrgSRE {
			f.sreOrgHas = true
		}
		if t.Kind == KindSRE && (t.Org == OrgDev || t.Org == OrgOps) {
			f.roleP = true // an SRE team outside an SRE org
		}
		bt := &f.teams[i]
		*bt = baseTeam{headcount: t.Headcount, model: -1, org: orgCode(t.Org), role: roleCode(t.SRERole)}
		if t.Kind != KindDev {
			continue
		}
		_, k, topo := classify(t)
		if k == 1 || k == 2 { // you-and-sre and sre run it: the partner's org tells the topology
			if j, ok := lookupFold(f.index, t.RunWith); ok {
				topo = topologyTable[k][orgCode(o.Teams[j].Org)]
			}
		}
		bt.model, bt.topo = int8(k), uint8(topo)
		modelN[k]++
		topoN[topo]++
	}
	// the funding classes need to know first whether some model, of a dev team or of a
	// service, is CAPEX-funded
	f.svcRuns = ServiceRuns(o, &TeamLookup{index: f.index})
	if len(o.Services) > 0 {
		// the folded names only: each analysis remembers names as written in its own
		// scratch space
		f.svcIndex = &serviceNames{folded: serviceIndex(o.Services)}
	}
	served := capexServed(&modelN) || servicesCAPEX(f.svcRuns)
	f.staffing = StaffingOf(o).StaffingTotals
	for i := range o.Teams {
		t := &o.Teams[i]
		cost := int64(t.Headcount) * o.CostPerHead(t)
		if teamFunding(t.Kind, t.Funding, served) == OPEX {
			f.opex.Headcount += t.Headcount
			f.opex.Cost += cost
		} else {
			f.capex.Headcount += t.Headcount
			f.capex.Cost += cost
		}
	}
	k := dominantModel(&modelN)
	if k >= 0 {
		m := SpectrumOrder[k]
		f.dominantM = &m
	}
	f.dominantT = dominantTopology(&topoN, k)
	f.roleP = sreRoleExists(&topoN, f.roleP)
	return f
}

// sameString is a == b, without a call when a and b are the very same string, as they
// mostly are where the analysis compares what it kept with what it is given.
func sameString(a, b string) bool {
	return len(a) == len(b) && (unsafe.StringData(a) == unsafe.StringData(b) || a == b)
}

// layout is what the analysis of a model needs that depends only on its team names, with
// the run_with partners as they were when it was made. It is never changed once made.
type layout struct {
	names   []string       // the team names it is for, in order
	index   map[string]int // folded team name -> index (the last, for names equal ignoring case)
	was     []int32        // per team: the index of the same team in the baseline, or -1
	curOf   []int32        // per baseline team: the index of the same team, or -1
	removed []int32        // the baseline teams with no team of the same name, in order
	// simple is true when every baseline team j that has a namesake i is was[i] (true
	// when the names are unique in both models): a baseline dev team whose namesake is
	// another kind of team now can then be found from the namesake's side.
	simple  bool
	devHint int // the dev teams when it was made, to size the transitions

	// The run_with partners of the teams as they were when the layout was made: the name
	// looked up and the index of the team it names (or -1), the team each team counts
	// toward in Serves and in sharing on call (you-and-sre), or -1, and per team the
	// counts of both.
	runWith        []string
	partner        []int32
	serve, share   []int32
	serves, shared []int32
	// targets are the teams some team's run_with names, in order: the teams whose org
	// the pass needs to know before it gets to them.
	targets []int32
}

// lastLayout returns the last layout made (nil for none).
func (a *Analyser) lastLayout() *layout {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.lay
}

// keepLayout makes l the layout the next analysis tries first.
func (a *Analyser) keepLayout(l *layout) {
	a.mu.Lock()
	a.lay = l
	a.mu.Unlock()
}

func (a *Analyser) newLayout(cur *Org) *layout {
	base, bf := a.base.Teams, &a.baseFacts
	n := len(cur.Teams)
	l := &layout{
		names: make([]string, n),
		was:   make([]int32, n),
		curOf: make([]int32, len(base)),
	}
	sameAsBase := len(base) == n
	for i := range cur.Teams {
		l.names[i] = cur.Teams[i].Name
		sameAsBase = sameAsBase && l.names[i] == base[i].Name
	}
	if sameAsBase {
		l.index = bf.index // the very names of the baseline: its index is this one
	} else {
		l.index = nameIndex(cur.Teams)
	}
	unique := len(l.index) == n
	for i, name := range l.names {
		l.was[i] = -1
		if j, ok := bf.indexOf(base, name, i); ok {
			l.was[i] = int32(j)
		}
		if cur.Teams[i].Kind == KindDev {
			l.devHint++
		}
	}
	l.simple = true
	for j := range base {
		name := base[j].Name
		i, ok := j, unique && j < n && l.names[j] == name
		if !ok {
			i, ok = lookupFold(l.index, name)
		}
		switch {
		case !ok:
			l.curOf[j] = -1
			l.removed = append(l.removed, int32(j))
		default:
			l.curOf[j] = int32(i)
			l.simple = l.simple && l.was[i] == int32(j)
		}
	}
	return l.withPartners(cur.Teams)
}

// withPartners returns l with the run_with partners of teams, whose names l is for.
func (l *layout) withPartners(teams []Team) *layout {
	c := *l
	n := len(teams)
	c.runWith = make([]string, n)
	c.partner = make([]int32, n)
	c.serve, c.share = make([]int32, n), make([]int32, n)
	c.serves, c.shared = make([]int32, n), make([]int32, n)
	empty, _ := c.lookup("")
	for i := range teams {
		t := &teams[i]
		c.runWith[i] = t.RunWith
		p := empty
		if t.RunWith != "" {
			p, _ = c.lookup(t.RunWith)
		}
		c.partner[i] = p
		c.serve[i], c.share[i] = contribution(t, p)
		if q := c.serve[i]; q >= 0 {
			c.serves[q]++
		}
		if q := c.share[i]; q >= 0 {
			c.shared[q]++
		}
	}
	c.targets = nil
	seen := make([]bool, n)
	for _, q := range c.partner {
		if q >= 0 {
			seen[q] = true
		}
	}
	for q, ok := range seen {
		if ok {
			c.targets = append(c.targets, int32(q))
		}
	}
	return &c
}

// contribution is the team t counts toward in Serves and the one it shares on call with
// (-1 for none), given p, the index of the team its run_with names (or -1).
func contribution(t *Team, p int32) (serve, share int32) {
	serve, share = -1, -1
	if p >= 0 && t.Kind == KindDev && t.Run.NeedsPartner() {
		if t.RunWith != "" {
			serve = p
		}
		if t.Run == RunYouAndSRE {
			share = p
		}
	}
	return serve, share
}

// lookup is the index of the team named name ignoring case, or -1.
func (l *layout) lookup(name string) (int32, bool) {
	if j, ok := lookupFold(l.index, name); ok {
		return int32(j), true
	}
	return -1, false
}

// scratch is the working space of one analysis, kept for the next.
type scratch struct {
	// dServe and dShared are, per team, the change of the layout's serves and shared
	// counts, zero but at the teams in touched.
	dServe, dShared []int32
	touched         []int32
	// backupN counts per team the dev teams that name it as their backup, non-zero only at
	// the teams in backedUp
	backupN  []int32
	backedUp []int32
	orgs     []uint8 // per team: orgCode(Org)
	// the SRE and sre-infra teams, the dev teams whose namesake in the baseline is a dev
	// team no more (by baseline index), and the dev teams of two advisories, in order
	sre                 []sreTeam
	infra, lost         []int32
	unorganized, opsRun []int32
	// written is what services name their teams and partners by, as written, with the team
	// each resolves to in the layout writtenFor; svcWritten the services' names with their
	// index in the baseline. Filled as names are looked up, they spare folding each name
	// again at every keystroke (20,000 services name their team 20,000 times). They live
	// here, not in the layout or the analyser, which goroutines share.
	written    map[string]int
	writtenFor *layout
	svcWritten map[string]int
	// track is what the services of the last analysis made with this scratch space add
	// to the verdicts, for a re-analysis to refresh (incremental.go).
	track *svcTrack
}

// sreTeam is what the identity and the advisories read of an SRE team.
type sreTeam struct {
	name      string
	headcount int
	i         int32
	org       uint8
}

func (a *Analyser) takeScratch(n int) *scratch {
	s := a.spare.Swap(nil)
	if s == nil {
		s = &scratch{}
	}
	if cap(s.dServe) < n {
		s.dServe, s.dShared, s.orgs, s.backupN = make([]int32, n), make([]int32, n), make([]uint8, n), make([]int32, n)
	}
	s.dServe, s.dShared, s.orgs, s.backupN = s.dServe[:n], s.dShared[:n], s.orgs[:n], s.backupN[:n]
	return s
}

// reset makes s ready for another pass: the changes zero, the lists empty.
func (s *scratch) reset() {
	for _, p := range s.touched {
		s.dServe[p], s.dShared[p] = 0, 0
	}
	for _, p := range s.backedUp {
		s.backupN[p] = 0
	}
	s.backedUp = s.backedUp[:0]
	s.touched, s.sre, s.infra, s.lost = s.touched[:0], s.sre[:0], s.infra[:0], s.lost[:0]
	s.unorganized, s.opsRun = s.unorganized[:0], s.opsRun[:0]
}

// move moves one count in d from team from to team to (-1 for none).
func (s *scratch) move(d []int32, from, to int32) {
	if from >= 0 {
		d[from]--
		s.touched = append(s.touched, from)
	}
	if to >= 0 {
		d[to]++
		s.touched = append(s.touched, to)
	}
}

// tally is the numbers of the current model the organization-level verdicts need.
type tally struct {
	devTeams  int
	modelN    [5]int // dev teams per run model, in SpectrumOrder
	topoN     [10]int
	dominantK int // the dominant run model's position in SpectrumOrder, -1 for none
	dominantM *RunModel
	dominantT *int
	capex     HeadCost
	opex      HeadCost
	// infraOpen is the headcount and cost of the sre-infra teams without a funding key,
	// whose class is known only once every dev team is counted
	infraOpen HeadCost
	orgs      OrgBudgets
	sreOrgHas bool
	opsHas    bool
	hasCosts  bool
}

// Analyse is the analysis of current against the analyser's baseline.
func (a *Analyser) Analyse(cur *Org) *Analysis {
	return a.analyseHinted(cur, nil, nil)
}

// Reanalyse is Analyse(cur), for a caller that keeps only the latest analysis: it reuses
// the memory of prev, the caller's previous analysis (nil for none), for the lists that
// grow with the organization, which spares allocating and collecting megabytes on every
// re-analysis of a large organization. The result is always a new *Analysis, equal to
// what Analyse(cur) returns. prev, and every list read from it (its Teams, Transition,
// Staffing, Advisories), must not be used after the call: the new analysis overwrites
// them. So an analysis that anything else may still read (another goroutine, say) must
// not be passed.
func (a *Analyser) Reanalyse(cur *Org, prev *Analysis) *Analysis {
	return a.analyseHinted(cur, prev, nil)
}

// pass is one analysis' pass over the teams: what it fills in and what it counts.
type pass struct {
	teams     []TeamVerdict
	trans     []TeamTransition
	decisions []Decision
	f         tally
	worst     Verdict
	// stale counts the teams whose partner the layout does not know: run_with, or whom
	// a team counts toward, changed since it was made
	stale int
}

func (p *pass) decide(kind DecisionKind, subject, detail string) {
	p.decisions = append(p.decisions, Decision{Kind: kind, Subject: subject, Changeability: kind.Changeability(), Detail: detail})
}

// canRefresh reports whether the analysis of cur may refresh prev's services verdict and
// s.track for the edits edited says, instead of analysing every service: prev must be the
// analysis s.track is for, of a model with the same team names (lay's) and as many
// services, and every index edited names must be in range.
func (s *scratch) canRefresh(prev *Analysis, edited *Touched, lay *layout, cur *Org) bool {
	t := s.track
	if edited == nil || edited.All || prev == nil || t == nil || t.an != prev || prev.ServiceVerdicts == nil ||
		t.names != unsafe.SliceData(lay.names) || t.nTeams != len(cur.Teams) || t.nSvcs != len(cur.Services) {
		return false
	}
	for _, i := range edited.Teams {
		if i < 0 || i >= t.nTeams {
			return false
		}
	}
	for _, k := range edited.Services {
		if k < 0 || k >= t.nSvcs {
			return false
		}
	}
	return true
}

// grow returns s one longer and its new last element, to be written field by field.
func grow[T any](s []T) ([]T, *T) {
	if len(s) < cap(s) {
		s = s[:len(s)+1]
	} else {
		var zero T
		s = append(s, zero)
	}
	return s, &s[len(s)-1]
}
