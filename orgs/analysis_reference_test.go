package orgs

// The analysis as it was before the one-pass analysis with layouts (analysis.go), kept
// word for word as the reference the equivalence tests compare every analysis with.

import (
	"fmt"
	"slices"
	"strings"
	"sync"
)

// RefAnalyse is the reference analysis of current against baseline.
func RefAnalyse(baseline, current *Org) *Analysis {
	a := &refAnalyser{base: baseline, baseFacts: refComputeFacts(baseline, nil)}
	return a.Analyse(current)
}

// refAnalyser analyses many current models against one baseline, computing what it needs of
// the baseline once. The dashboard keeps one and re-analyses after every change.
type refAnalyser struct {
	base      *Org
	baseFacts refFacts

	// The name index of the last model analysed, used again while its team names stay the
	// same: an edit that moves a team or changes who runs what renames nothing, and on
	// 10,000 teams building the index was a third of a re-analysis. The map is only read
	// once built, so analyses may run concurrently; mu guards the fields.
	mu        sync.Mutex
	lastNames []string
	lastIndex map[string]int
}

// nameIndex is the index of cur's teams by folded name: the last one when the names are
// the same (a string comparison a team, where building it costs a map insertion a team).
func (a *refAnalyser) nameIndex(cur *Org) map[string]int {
	a.mu.Lock()
	defer a.mu.Unlock()
	same := a.lastIndex != nil && len(a.lastNames) == len(cur.Teams)
	for i := 0; same && i < len(cur.Teams); i++ {
		same = a.lastNames[i] == cur.Teams[i].Name
	}
	if !same {
		a.lastIndex = nameIndex(cur.Teams)
		a.lastNames = a.lastNames[:0]
		for i := range cur.Teams {
			a.lastNames = append(a.lastNames, cur.Teams[i].Name)
		}
	}
	return a.lastIndex
}

// refFacts are the per-model numbers both sides of the comparison need.
type refFacts struct {
	index     map[string]int // folded team name -> index
	models    []RunModel     // per team; "" for non-dev teams
	topos     []int          // per team; 0 for none
	partner   []int          // per dev team that names run_with: 1 + the index of that team; 0 for none
	devTeams  int
	modelN    map[RunModel]int
	topoN     [10]int
	dominantM *RunModel
	dominantT *int
	capex     HeadCost
	opex      HeadCost
	orgs      OrgBudgets
	sreOrgHas bool
	unique    bool // no two team names are equal ignoring case
}

// indexOf is index[foldKey(name)] for the model whose teams are teams. It looks at index
// at first, where the other model of the comparison has the team: a model and its baseline
// mostly list the same teams in the same order, and with unique names a team found there
// is the one the map holds.
func (f *refFacts) indexOf(teams []Team, name string, at int) (int, bool) {
	if f.unique && at < len(teams) && teams[at].Name == name {
		return at, true
	}
	return lookupFold(f.index, name)
}

// refComputeFacts computes the refFacts of o; index is nameIndex(o.Teams), or nil to build it.
func refComputeFacts(o *Org, index map[string]int) refFacts {
	if index == nil {
		index = nameIndex(o.Teams)
	}
	f := refFacts{
		index:   index,
		models:  make([]RunModel, len(o.Teams)),
		topos:   make([]int, len(o.Teams)),
		partner: make([]int, len(o.Teams)),
		modelN:  make(map[RunModel]int, 5),
	}
	f.unique = len(f.index) == len(o.Teams)
	for i := range o.Teams {
		t := &o.Teams[i]
		cost := int64(t.Headcount) * o.CostPerHead(t)
		if fundingOf(o, t) == OPEX {
			f.opex.Headcount += t.Headcount
			f.opex.Cost += cost
		} else {
			f.capex.Headcount += t.Headcount
			f.capex.Cost += cost
		}
		b := f.orgs.Of(t.Org)
		b.Headcount += t.Headcount
		b.Cost += cost
		if t.Org == OrgSRE {
			f.sreOrgHas = true
		}
		if t.Kind != KindDev {
			continue
		}
		if t.Run.NeedsPartner() {
			if j, ok := lookupFold(f.index, t.RunWith); ok {
				f.partner[i] = j + 1
			}
		}
		m, topo := refClassify(o, &f, i)
		f.models[i], f.topos[i] = m, topo
		f.devTeams++
		f.modelN[m]++
		f.topoN[topo]++
	}
	for _, m := range SpectrumOrder {
		if f.modelN[m] > 0 && (f.dominantM == nil || f.modelN[m] > f.modelN[*f.dominantM]) {
			m := m
			f.dominantM = &m
		}
	}
	for n := 1; n <= 9; n++ {
		if f.topoN[n] > 0 && (f.dominantT == nil || f.topoN[n] > f.topoN[*f.dominantT]) {
			n := n
			f.dominantT = &n
		}
	}
	return f
}

// classify is rules.md section 1: the run model and topology (0 for none) of dev team i.
func refClassify(o *Org, f *refFacts, i int) (RunModel, int) {
	t := &o.Teams[i]
	partnerOrg := func() OrgID {
		if p := f.partner[i]; p > 0 {
			return o.Teams[p-1].Org
		}
		return ""
	}
	switch t.Run {
	case RunYou:
		switch t.SRERole {
		case RoleDedicated:
			return YouRunIt, 2
		case RoleBoth:
			return YouRunIt, 3
		}
		return YouRunIt, 1
	case RunYouAndSRE:
		return YouAndSRERunIt, 4 + refOrgOffset(partnerOrg())
	case RunSRE:
		return SRERunIt, 7 + refOrgOffset(partnerOrg())
	case RunOps:
		return OpsRunIt, 0
	}
	return Unorganized, 0
}

func refOrgOffset(org OrgID) int {
	switch org {
	case OrgOps:
		return 1
	case OrgSRE:
		return 2
	}
	return 0
}

// Analyse is the analysis of current against the analyser's baseline.
func (a *refAnalyser) Analyse(cur *Org) *Analysis {
	f := a.baseFacts // a model analysed against itself, as a report without a baseline is
	if cur != a.base {
		f = refComputeFacts(cur, a.nameIndex(cur))
	}
	an := &Analysis{
		BaselineRunModel: a.baseFacts.dominantM,
		BaselineTopology: a.baseFacts.dominantT,
	}
	an.Summary = Summary{Teams: len(cur.Teams), DevTeams: f.devTeams, Headcount: f.capex.Headcount + f.opex.Headcount}
	an.RunModel.Dominant = f.dominantM
	an.RunModel.Mix = []RunModelMix{}
	for _, m := range SpectrumOrder {
		if n := f.modelN[m]; n > 0 {
			an.RunModel.Mix = append(an.RunModel.Mix, RunModelMix{ID: m, DevTeams: n, Share: share(n, f.devTeams)})
		}
	}
	an.Topology.Dominant = f.dominantT
	an.Topology.Mix = []TopologyMix{}
	for n := 1; n <= 9; n++ {
		if c := f.topoN[n]; c > 0 {
			an.Topology.Mix = append(an.Topology.Mix, TopologyMix{Topology: n, DevTeams: c, Share: share(c, f.devTeams)})
		}
	}
	an.Topology.Pure = f.devTeams > 0 && f.topoN[0] == 0 && len(an.Topology.Mix) == 1

	an.Teams = make([]TeamVerdict, len(cur.Teams))
	for i := range cur.Teams {
		t := &cur.Teams[i]
		tv := &an.Teams[i]
		*tv = TeamVerdict{
			Name: t.Name, Org: t.Org, Kind: t.Kind, Headcount: t.Headcount,
			Cost:     int64(t.Headcount) * cur.CostPerHead(t),
			Funding:  fundingOf(cur, t),
			RunModel: f.models[i], Topology: f.topos[i],
		}
		if t.Kind == KindDev && t.Run.NeedsPartner() {
			tv.RunWith = t.RunWith
		}
		if j, ok := a.baseFacts.indexOf(a.base.Teams, t.Name, i); ok {
			tv.Was = &a.base.Teams[j]
		}
	}

	for i := range an.Teams {
		if p := f.partner[i]; p > 0 && an.Teams[i].RunWith != "" {
			an.Teams[p-1].Serves++
		}
	}

	an.Criteria = criteria(f.dominantM, a.baseFacts.dominantM)
	an.Funding = a.refFunding(cur, &f)
	an.Transition = a.refTransition(cur, &f, an.Teams)
	an.Identity = refIdentity(cur, &f, an.Teams)
	an.KPIs = kpis(cur, an.Identity)
	if f.sreOrgHas {
		an.Positioning = positioning(cur.SREOrg.Positioning)
	}
	an.Advisories = refAdvisories(cur, &f, an)
	return an
}

func (a *refAnalyser) refFunding(cur *Org, f *refFacts) FundingVerdict {
	base := &a.baseFacts
	v := FundingVerdict{
		CAPEX: f.capex, OPEX: f.opex, Orgs: f.orgs,
		HasCosts: cur.HasCosts(),
		Delta: FundingDelta{
			CapexCost: f.capex.Cost - base.capex.Cost, OpexCost: f.opex.Cost - base.opex.Cost,
			CapexHeadcount: f.capex.Headcount - base.capex.Headcount, OpexHeadcount: f.opex.Headcount - base.opex.Headcount,
		},
	}
	if cur.Defaults.Currency != "" {
		c := cur.Defaults.Currency
		v.Currency = &c
	}
	for _, org := range AllOrgs {
		d, now, was := v.OrgsDelta.Of(org), f.orgs.Of(org), base.orgs.Of(org)
		d.Headcount, d.Cost = now.Headcount-was.Headcount, now.Cost-was.Cost
	}
	capexTeams := f.modelN[YouRunIt] + f.modelN[YouAndSRERunIt] + f.modelN[SRERunIt]
	v.ModelFunding = ModelFunding{CapexShare: share(capexTeams, f.devTeams), OpexShare: share(f.modelN[OpsRunIt], f.devTeams)}
	return v
}

func (a *refAnalyser) refTransition(cur *Org, f *refFacts, teams []TeamVerdict) TransitionVerdict {
	base, bf := a.base, &a.baseFacts
	v := TransitionVerdict{Verdict: VerdictUnchanged, Teams: make([]TeamTransition, 0, f.devTeams), Decisions: []Decision{}}
	decide := func(kind DecisionKind, subject, detail string) {
		v.Decisions = append(v.Decisions, Decision{Kind: kind, Subject: subject, Changeability: kind.Changeability(), Detail: detail})
	}
	switch {
	case !bf.sreOrgHas && f.sreOrgHas:
		decide(DecideNewSREOrg, "SRE org", "a new SRE organization, which needs its own head and reporting line")
	case bf.sreOrgHas && !f.sreOrgHas:
		decide(DecideDissolveSREOrg, "SRE org", "the SRE organization no longer holds a team")
	}
	for i := range cur.Teams {
		t := &cur.Teams[i]
		was := teams[i].Was
		if was == nil {
			decide(DecideStaffing, t.Name, fmt.Sprintf("team added with %d people", t.Headcount))
			if t.Kind == KindDev {
				v.Teams = append(v.Teams, TeamTransition{Team: t.Name, To: f.models[i], Verdict: VerdictNew})
			}
			continue
		}
		j, _ := bf.indexOf(base.Teams, t.Name, i)
		if was.Org != t.Org {
			decide(DecideReportingLines, t.Name, fmt.Sprintf("moved from %s to %s", was.Org.Phrase(), t.Org.Phrase()))
		}
		if was.Kind == KindDev && t.Kind == KindDev {
			from, to := bf.models[j], f.models[i]
			verdict, reason := Transition(from, to)
			v.Teams = append(v.Teams, TeamTransition{Team: t.Name, From: from, To: to, Verdict: verdict, Reason: reason})
			if verdict.severity() > v.Verdict.severity() {
				v.Verdict = verdict
			}
			switch {
			case from != to:
				decide(DecideWhoRunsIt, t.Name, fmt.Sprintf("run model from %s to %s", from.Short(), to.Short()))
			case from == YouRunIt && was.SRERole != t.SRERole:
				decide(DecideSRERole, t.Name, fmt.Sprintf("SRE role from %s to %s (topology %d to %d)", was.SRERole, t.SRERole, bf.topos[j], f.topos[i]))
			}
		} else if t.Kind == KindDev {
			v.Teams = append(v.Teams, TeamTransition{Team: t.Name, To: f.models[i], Verdict: VerdictNew})
		}
		if was.Headcount != t.Headcount {
			decide(DecideStaffing, t.Name, fmt.Sprintf("headcount from %d to %d", was.Headcount, t.Headcount))
		}
	}
	for j := range base.Teams {
		bt := &base.Teams[j]
		i, ok := f.indexOf(cur.Teams, bt.Name, j)
		if ok && (bt.Kind != KindDev || cur.Teams[i].Kind == KindDev) {
			continue
		}
		if bt.Kind == KindDev {
			v.Teams = append(v.Teams, TeamTransition{Team: bt.Name, From: bf.models[j], Verdict: VerdictRemoved})
		}
		if !ok {
			decide(DecideStaffing, bt.Name, fmt.Sprintf("team removed (%d people)", bt.Headcount))
		}
	}
	return v
}

func refIdentity(cur *Org, f *refFacts, teams []TeamVerdict) IdentityVerdict {
	var w [3]float64
	for i := range cur.Teams {
		t := &cur.Teams[i]
		switch {
		case t.Kind == KindSRE && teams[i].Serves > 0:
			w[slices.Index(AllIdentities, identityOfOrg[t.Org])] += float64(t.Headcount)
		case t.Kind == KindDev && f.topos[i] >= 1 && f.topos[i] <= 3:
			w[0]++
		}
	}
	sum := w[0] + w[1] + w[2]
	v := IdentityVerdict{}
	if sum == 0 {
		return v
	}
	best := 0
	for i := range w {
		v.Weights[i] = round4(w[i] / sum)
		if w[i] > w[best] {
			best = i
		}
	}
	id := AllIdentities[best]
	v.Dominant = &id
	return v
}

func refAdvisories(cur *Org, f *refFacts, an *Analysis) []Advisory {
	var out []Advisory
	add := func(code string, sev Severity, teams []string, format string, args ...any) {
		if teams == nil {
			teams = []string{}
		}
		out = append(out, Advisory{Code: code, Severity: sev, Message: fmt.Sprintf(format, args...), Teams: teams})
	}
	var unorganized, opsRun, idle, undersized, devSRE, infra, misplacedInfra, thin []string
	var undersizedDetail []string
	shared := make(map[int]int) // SRE team index -> dev teams sharing on call with it
	for i := range cur.Teams {
		t := &cur.Teams[i]
		if p := f.partner[i]; p > 0 && t.Kind == KindDev && t.Run == RunYouAndSRE {
			shared[p-1]++
		}
	}
	for i := range cur.Teams {
		t, tv := &cur.Teams[i], &an.Teams[i]
		switch t.Kind {
		case KindDev:
			switch tv.RunModel {
			case Unorganized:
				unorganized = append(unorganized, t.Name)
			case OpsRunIt:
				opsRun = append(opsRun, t.Name)
			}
		case KindSRE:
			if tv.Serves == 0 {
				idle = append(idle, t.Name)
			} else if t.Org == OrgDev {
				devSRE = append(devSRE, t.Name)
			}
			if n := shared[i]; n > t.Headcount {
				undersized = append(undersized, t.Name)
				undersizedDetail = append(undersizedDetail, fmt.Sprintf("%q shares on call with %d dev teams and has %d people", t.Name, n, t.Headcount))
			}
		case KindSREInfra:
			infra = append(infra, t.Name)
			if f.dominantT != nil && t.Org != Topologies[*f.dominantT-1].SREInfraOrg {
				misplacedInfra = append(misplacedInfra, t.Name)
			}
		}
		if t.OnCall == OnCall24x7 && t.Headcount < 8 {
			thin = append(thin, t.Name)
		}
	}
	if f.devTeams == 0 {
		add("no-dev-teams", Warning, nil, "The organization has no dev team, so there is no run model or topology to analyse.")
	}
	if len(unorganized) > 0 {
		add("unorganized", Warning, unorganized, "Nobody is organized to run what %s build (run = none).", nameList(unorganized))
	}
	if len(opsRun) > 0 {
		add("ops-run-it", Info, opsRun, "%s run by ops: outside the nine SRE topologies, with minimal reliability incentives for developers.", nameList(opsRun)+isAre(len(opsRun)))
	}
	if len(idle) > 0 {
		if len(idle) == 1 {
			add("idle-sre-team", Warning, idle, "No dev team names SRE team %s in run_with: it supports nobody.", nameList(idle))
		} else {
			add("idle-sre-team", Warning, idle, "No dev team names SRE teams %s in run_with: they support nobody.", nameList(idle))
		}
	}
	if len(undersized) > 0 {
		add("sre-team-undersized", Warning, undersized, "Undersized for shared on call (about one SRE per supported dev team): %s.", strings.Join(undersizedDetail, "; "))
	}
	if len(devSRE) > 2 {
		add("many-sre-teams-in-dev", Info, devSRE, "%d SRE teams serving dev teams sit in the dev org (%s): beyond two, consider hosting them in the ops org or a new SRE org.", len(devSRE), nameList(devSRE))
	}
	if len(infra) == 0 && f.modelN[YouRunIt]+f.modelN[YouAndSRERunIt]+f.modelN[SRERunIt] > 0 {
		add("no-sre-infra", Warning, nil, "No sre-infra team builds and runs the SRE infrastructure (monitoring, SLO and alerting, on-call tooling) that the teams running services need.")
	}
	if len(misplacedInfra) > 0 {
		want := Topologies[*f.dominantT-1].SREInfraOrg
		add("sre-infra-placement", Info, misplacedInfra, "%s not in %s, where the dominant topology %d expects the SRE infrastructure team.", nameList(misplacedInfra)+isAre(len(misplacedInfra)), want.Phrase(), *f.dominantT)
	}
	if f.sreOrgHas {
		switch cur.SREOrg.Positioning {
		case PositionUnset:
			add("positioning-unset", Info, nil, "The SRE org holds teams but its positioning is unset: steer it toward partner or, best, enabler.")
		case PositionCostCenter:
			add("cost-center", Info, nil, "The SRE org is positioned as a cost center: it will live under yearly pressure to cut; steer it toward partner or enabler.")
		}
	}
	if len(thin) > 0 {
		add("thin-rotation", Warning, thin, "%s on call 24x7 with fewer than 8 people; a sustainable round-the-clock rotation needs about eight.", nameList(thin)+isAre(len(thin)))
	}
	if out == nil {
		return []Advisory{}
	}
	slices.SortStableFunc(out, func(x, y Advisory) int {
		if x.Severity == y.Severity {
			return 0
		}
		if x.Severity == Warning {
			return -1
		}
		return 1
	})
	return out
}
