package orgs

import (
	"fmt"
	"slices"
)

// analyseHinted makes the analysis of cur, reusing prev's lists when prev is not nil, and
// analysing again only the services that edited can change when it is not nil (see
// ReanalyseChanged).
func (a *Analyser) analyseHinted(cur *Org, prev *Analysis, edited *Touched) *Analysis {
	bf := &a.baseFacts
	s := a.takeScratch(len(cur.Teams))
	p, lay := a.passTeams(cur, prev, s)
	f := &p.f
	sr := a.passServices(cur, prev, edited, s, lay)
	for _, q := range s.touched {
		p.teams[q].Serves = int(lay.serves[q] + s.dServe[q])
	}
	a.orgDecisions(cur, lay, s, p, sr)
	infraFunding(cur, s, p, sr.sf)
	f.dominantK = dominantModel(&f.modelN)
	if f.dominantK >= 0 {
		m := SpectrumOrder[f.dominantK]
		f.dominantM = &m
	}
	f.dominantT = dominantTopology(&f.topoN, f.dominantK)

	an := &Analysis{
		BaselineRunModel: bf.dominantM,
		BaselineTopology: bf.dominantT,
		Teams:            p.teams,
		Transition:       TransitionVerdict{Verdict: p.worst, Teams: p.trans, Services: sr.trans, Decisions: p.decisions},
		Services:         sr.sv.Services,
		ServiceMix:       sr.sv.Mix,
		ServiceVerdicts:  sr.sv,
		ServiceOverrides: len(sr.sf.decs),
	}
	an.Summary = Summary{Teams: len(cur.Teams), DevTeams: f.devTeams, Headcount: f.capex.Headcount + f.opex.Headcount}
	headline(an, f, sr.sf)
	an.Criteria = criteria(f.dominantM, bf.dominantM)
	an.Funding = fundingVerdict(cur, f, bf.capex, bf.opex, &bf.orgs)
	switch {
	case sr.incremental && refreshStaffing(cur, &prev.Staffing, sr.sf, edited.Teams):
		an.Staffing = prev.Staffing
	case prev != nil:
		sr.sf.staffPos = nil // the list changed: its places too
		an.Staffing = staffingInto(cur, prev.Staffing.Rotations)
	default:
		an.Staffing = staffingInto(cur, nil)
	}
	an.Staffing.Delta = an.Staffing.StaffingTotals.Minus(bf.staffing)
	a.riskPass(cur, an)

	people, outside := sitPeople(cur, f, s, lay, sr.sf)
	// the developers' own SRE (topology 1) is an identity only where you-run-it dominates
	// (docs/rules.md section 5, v3): elsewhere no SRE people means no identity yet
	an.Identity = identityOf(people, f.topoN[topologyTable[0][0]] > 0 && f.dominantK == 0)
	an.KPIs = kpis(cur, an.Identity, sr.sv)
	roleP := sreRoleExists(&f.topoN, outside)
	an.Positioning = positioning(cur, f.sreOrgHas, roleP)
	var old []Advisory
	if prev != nil {
		old = prev.Advisories
	}
	an.Advisories = advisories(&advisoryFacts{cur: cur, f: f, bf: bf, lay: lay, s: s, old: old, roleP: roleP,
		an: an, sf: sr.sf, sv: sr.sv})
	a.keepAfter(cur, lay, s, p, sr.sf, an, edited != nil)
	return an
}

// passTeams makes the pass over the teams, with prev's lists when there is prev, and the
// layout it was made with (a new one when the team names are not the last layout's).
func (a *Analyser) passTeams(cur *Org, prev *Analysis, s *scratch) (*pass, *layout) {
	n := len(cur.Teams)
	p := &pass{}
	if prev != nil {
		if prev.Teams != nil && cap(prev.Teams) >= n {
			p.teams = prev.Teams[:n]
		}
		p.trans = prev.Transition.Teams[:0]
		p.decisions = prev.Transition.Decisions[:0]
	}
	if p.teams == nil {
		p.teams = make([]TeamVerdict, n)
	}
	lay := a.lastLayout()
	if lay == nil || len(lay.names) != n || !a.teamsPass(cur, lay, s, p) {
		// other names than last time (or none then): a new layout, and again
		s.reset()
		lay = a.newLayout(cur)
		a.keepLayout(lay)
		if !a.teamsPass(cur, lay, s, p) {
			panic("orgs: the teams changed during their analysis")
		}
	}
	return p, lay
}

// servicesResult is what the services add to an analysis.
type servicesResult struct {
	sv          *ServicesVerdict
	sf          *svcTrack
	trans       []ServiceTransition
	incremental bool // only the services an edit can change were analysed again
}

// passServices analyses the services, by the same rule functions a one-off AnalyseServices
// uses: only those edited can change when the last analysis allows it, else all.
func (a *Analyser) passServices(cur *Org, prev *Analysis, edited *Touched, s *scratch, lay *layout) servicesResult {
	base, bf := a.base, &a.baseFacts
	// room for every service's names, unless this is the baseline against itself (a
	// report of one file), which looks none up
	room := len(cur.Services)
	if cur == base {
		room = 0
	}
	if s.writtenFor != lay {
		s.written, s.writtenFor = make(map[string]int, room), lay
	}
	if s.svcWritten == nil {
		s.svcWritten = make(map[string]int, room)
	}
	lk := &TeamLookup{index: lay.index, written: s.written}
	svcNames := &serviceNames{written: s.svcWritten}
	if bf.svcIndex != nil {
		svcNames.folded = bf.svcIndex.folded
	}
	var r servicesResult
	r.incremental = s.canRefresh(prev, edited, lay, cur)
	var todo []int32
	if r.incremental {
		todo, r.incremental = s.track.todo(prev.ServiceVerdicts.Runs, edited)
	}
	if r.incremental {
		r.sv, r.sf = prev.ServiceVerdicts, s.track
		r.trans = a.refresh(cur, lk, svcNames, r.sv, prev.Transition.Services, r.sf, todo)
		return r
	}
	if cur == base && len(bf.svcRuns) == len(cur.Services) {
		// the baseline analysed against itself (a report of one file): its runs are
		// known already, and the verdict needs a copy it may change
		r.sv = analyseServicesWith(cur, slices.Clone(bf.svcRuns))
	} else {
		r.sv = AnalyseServices(cur, lk)
	}
	r.sf, r.trans = a.newTrack(cur, r.sv, svcNames, lay)
	return r
}

// orgDecisions adds what the team pass cannot see team by team: the baseline's teams that
// are gone (or are dev teams no more), the SRE organization made or dissolved, the services'
// decisions and the positioning ones, in order; and the services' transitions to the worst.
func (a *Analyser) orgDecisions(cur *Org, lay *layout, s *scratch, p *pass, sr servicesResult) {
	base, bf := a.base, &a.baseFacts
	gone := func(j int) {
		bt := &base.Teams[j]
		if m := bf.teams[j].runModel(); m != "" {
			p.trans = append(p.trans, TeamTransition{Team: bt.Name, From: m, Verdict: VerdictRemoved, CriteriaChanges: noCriteriaChanges})
		}
		if lay.curOf[j] < 0 {
			p.decide(DecideStaffing, bt.Name, fmt.Sprintf("team removed (%d people)", bt.Headcount))
		}
	}
	// in baseline order
	if lay.simple {
		slices.Sort(s.lost)
		removed, lost := lay.removed, s.lost
		for len(removed) > 0 || len(lost) > 0 {
			if len(lost) == 0 || len(removed) > 0 && removed[0] < lost[0] {
				gone(int(removed[0]))
				removed = removed[1:]
			} else {
				gone(int(lost[0]))
				lost = lost[1:]
			}
		}
	} else {
		for j := range base.Teams {
			i := lay.curOf[j]
			if i >= 0 && (bf.teams[j].model < 0 || cur.Teams[i].Kind == KindDev) {
				continue
			}
			gone(j)
		}
	}
	switch {
	case !bf.sreOrgHas && p.f.sreOrgHas:
		p.decide(DecideNewSREOrg, "SRE org", "a new SRE organization, which needs its own head and reporting line")
	case bf.sreOrgHas && !p.f.sreOrgHas:
		p.decide(DecideDissolveSREOrg, "SRE org", "the SRE organization no longer holds a team")
	}
	p.decisions = withServiceDecisions(p.decisions, sr.sf.decs, lay)
	p.decisions = orderDecisions(p.decisions, positioningDecisions(base, cur))
	for k := range sr.trans {
		if v := sr.trans[k].Verdict; v.severity() > p.worst.severity() {
			p.worst = v
		}
	}
}

// infraFunding gives the sre-infra teams without a funding key their class, which follows
// the models served, by dev teams and by services, and counts them in it.
func infraFunding(cur *Org, s *scratch, p *pass, sf *svcTrack) {
	f := &p.f
	infraClass := teamFunding(KindSREInfra, "", capexServed(&f.modelN) || sf.capexModel())
	if f.infraOpen == (HeadCost{}) && len(s.infra) == 0 {
		return
	}
	for _, i := range s.infra {
		if cur.Teams[i].Funding == "" {
			p.teams[i].Funding = infraClass
		}
	}
	to := &f.capex
	if infraClass == OPEX {
		to = &f.opex
	}
	to.Headcount += f.infraOpen.Headcount
	to.Cost += f.infraOpen.Cost
}

// headline fills in the run model and topology of the organization from the counts.
func headline(an *Analysis, f *tally, sf *svcTrack) {
	an.RunModel.Dominant = f.dominantM
	if f.dominantK >= 0 {
		an.RunModel.DominantDevTeams = f.modelN[f.dominantK]
		an.RunModel.Majority = 2*an.RunModel.DominantDevTeams > f.devTeams
	}
	an.RunModel.Mix = []RunModelMix{}
	for k, m := range SpectrumOrder {
		if c := f.modelN[k]; c > 0 {
			an.RunModel.Mix = append(an.RunModel.Mix, RunModelMix{ID: m, DevTeams: c, Share: share(c, f.devTeams)})
		}
	}
	an.Topology.Dominant = f.dominantT
	if f.dominantT != nil {
		an.Topology.DominantDevTeams = f.topoN[*f.dominantT]
	}
	an.Topology.Mix = []TopologyMix{}
	for n := 1; n <= 9; n++ {
		if c := f.topoN[n]; c > 0 {
			an.Topology.Mix = append(an.Topology.Mix, TopologyMix{Topology: n, DevTeams: c, Share: share(c, f.devTeams)})
		}
	}
	an.Topology.Pure = f.devTeams > 0 && f.topoN[0] == 0 && len(an.Topology.Mix) == 1 &&
		sf.pureTopology(an.Topology.Mix[0].Topology)
}

// sitPeople is where the SRE people sit, per identity (docs/rules.md section 5): serving SRE
// teams by org, dedicated SREs in dev teams; outside says whether an SRE team sits in the
// dev or ops org (an SRE role outside an SRE org).
func sitPeople(cur *Org, f *tally, s *scratch, lay *layout, sf *svcTrack) (people [3]int, outside bool) {
	for n := 1; n <= 9; n++ {
		people[0] += dedicatedPeople(n) * f.topoN[n]
	}
	for i := range s.sre {
		t := &s.sre[i]
		outside = outside || t.org == 0 || t.org == 1
		if lay.serves[t.i]+s.dServe[t.i]+s.backupN[t.i] > 0 || sf.servedByService(t.i) {
			id := int(t.org) // the org codes are in AllIdentities order, as identityOfOrg maps them
			if t.org == codeOther {
				id = slices.Index(AllIdentities, identityOfOrg[cur.Teams[t.i].Org])
			}
			if id >= 0 {
				people[id] += t.headcount
			}
		}
	}
	return people, outside
}

// keepAfter keeps for the next analysis what this one learnt: partners looked up again when
// many changed, the services' track for a hinted re-analysis, and the scratch space.
func (a *Analyser) keepAfter(cur *Org, lay *layout, s *scratch, p *pass, sf *svcTrack, an *Analysis, hinted bool) {
	if p.stale > 32 {
		// run_with, or who runs what, changed for many teams since the layout was made:
		// look their partners up again
		l := lay.withPartners(cur.Teams)
		a.mu.Lock()
		if a.lay == lay {
			a.lay = l
		}
		a.mu.Unlock()
	}
	if hinted {
		// kept for the next hinted re-analysis; an unhinted one leaves the last kept
		sf.an, s.track = an, sf
	}
	s.reset()
	a.spare.Store(s)
}
