package orgs

import "fmt"

// teamsPass is the analysis' one pass over the teams of cur, which lay is the layout of
// unless it returns false (at the first team whose name is not the layout's).
func (a *Analyser) teamsPass(cur *Org, lay *layout, s *scratch, p *pass) bool {
	base := a.base
	if p.trans == nil {
		p.trans = make([]TeamTransition, 0, lay.devHint)
	}
	if p.decisions == nil {
		p.decisions = []Decision{}
	}
	p.f, p.worst, p.stale = tally{}, VerdictUnchanged, 0
	// the org of every team the layout knows to be some team's partner, in one go: looked
	// up team by team, far ahead of the pass, most of them missed the cache
	for _, q := range lay.targets {
		s.orgs[q] = orgCode(cur.Teams[q].Org)
	}
	f := &p.f
	f.hasCosts = cur.Defaults.PerHead != nil
	for i := range cur.Teams {
		t := &cur.Teams[i]
		if !sameString(t.Name, lay.names[i]) {
			p.trans, p.decisions = p.trans[:0], p.decisions[:0]
			return false
		}
		oc := orgCode(t.Org)
		s.orgs[i] = oc
		cost, funding := f.countCost(t, oc, cur.Defaults.PerHead)
		c := p.classifyTeam(cur, lay, s, i)

		j := lay.was[i]
		var was *Team
		if j >= 0 {
			was = &base.Teams[j]
		}
		// field by field: a TeamVerdict{...} literal is built aside and then copied over
		tv := &p.teams[i]
		tv.Name, tv.Org, tv.Kind, tv.Headcount = t.Name, t.Org, t.Kind, t.Headcount
		tv.Cost, tv.Funding, tv.RunModel, tv.Topology, tv.RunWith = cost, funding, c.model, c.topo, c.runWith
		tv.Was, tv.Serves, tv.Partner = was, int(lay.serves[i]+s.dServe[i]), int(c.serve)
		tv.Backup, tv.Secondary, tv.Sites, tv.AckMinutes = "", t.HasSecondary(), t.SiteCount(), t.Ack()
		if c.dev {
			tv.Backup = t.Backup
		}

		// docs/rules.md, the team's part
		if was == nil {
			p.decide(DecideStaffing, t.Name, fmt.Sprintf("team added with %d people", t.Headcount))
			if c.dev {
				p.trans = append(p.trans, TeamTransition{Team: t.Name, To: c.model, Verdict: VerdictNew, CriteriaChanges: noCriteriaChanges})
			}
			continue
		}
		a.compareTeam(p, lay, s, i, j, t, was, oc, &c)
	}
	return true
}

// countCost counts team t's cost and headcount in its funding class and its org's budget,
// and returns its cost and class (empty for an sre-infra team without a funding key, whose
// class waits for every dev team to be counted).
func (f *tally) countCost(t *Team, oc uint8, defaultPerHead *int64) (int64, Funding) {
	var perHead int64
	switch {
	case t.PerHead != nil:
		perHead = *t.PerHead
		f.hasCosts = true
	case defaultPerHead != nil:
		perHead = *defaultPerHead
	}
	cost := int64(t.Headcount) * perHead
	var funding Funding
	switch {
	case t.Kind == KindSREInfra && t.Funding == "":
		f.infraOpen.Headcount += t.Headcount
		f.infraOpen.Cost += cost
	default:
		funding = teamFunding(t.Kind, t.Funding, false)
		if funding == OPEX {
			f.opex.Headcount += t.Headcount
			f.opex.Cost += cost
		} else {
			f.capex.Headcount += t.Headcount
			f.capex.Cost += cost
		}
	}
	b := &f.orgs.Dev
	switch oc {
	case 1:
		b = &f.orgs.Ops
		f.opsHas = true
	case 2:
		b = &f.orgs.SRE
		f.sreOrgHas = true
	}
	b.Headcount += t.Headcount
	b.Cost += cost
	return cost, funding
}

// teamClass is a team's run model and topology as the pass found them.
type teamClass struct {
	model RunModel
	k     int // the run model's position in SpectrumOrder
	topo  int
	dev   bool
	// runWith is the partner as written; serve the team it counts toward, share the one
	// it shares on call with (-1 for none)
	runWith      string
	serve, share int32
}

// classifyTeam finds the run model and topology of team i, counts it, and moves the counts
// of whom it serves and shares with where they changed since the layout was made.
func (p *pass) classifyTeam(cur *Org, lay *layout, s *scratch, i int) teamClass {
	t := &cur.Teams[i]
	f := &p.f
	c := teamClass{serve: -1, share: -1, dev: t.Kind == KindDev}
	switch {
	case c.dev:
		c.model, c.k, c.topo = classify(t)
		if c.k >= 1 && c.k <= 3 { // a run value that needs a partner
			c.runWith = t.RunWith
			q, known := lay.partner[i], true
			if !sameString(lay.runWith[i], c.runWith) {
				q, _ = lay.lookup(c.runWith)
				known = false
				p.stale++
			}
			if q >= 0 {
				if c.k != 3 { // not ops run it: the partner's org tells the topology
					if known || int(q) < i {
						c.topo = topologyTable[c.k][s.orgs[q]]
					} else {
						c.topo = topologyTable[c.k][orgCode(cur.Teams[q].Org)]
					}
				}
				if c.runWith != "" {
					c.serve = q
				}
				if c.k == 1 {
					c.share = q
				}
			}
		}
		if t.Backup != "" && c.k != 4 {
			// a backup serves the team it backs up (docs/rules.md sections 1 and 5)
			if q, _ := lay.lookup(t.Backup); q >= 0 {
				s.backupN[q]++
				s.backedUp = append(s.backedUp, q)
			}
		}
		f.devTeams++
		f.modelN[c.k]++
		f.topoN[c.topo]++
		switch c.k {
		case 3:
			s.opsRun = append(s.opsRun, int32(i))
		case 4:
			s.unorganized = append(s.unorganized, int32(i))
		}
	case t.Kind == KindSRE:
		s.sre = append(s.sre, sreTeam{name: t.Name, headcount: t.Headcount, i: int32(i), org: s.orgs[i]})
	case t.Kind == KindSREInfra:
		s.infra = append(s.infra, int32(i))
	}
	if c.serve != lay.serve[i] {
		s.move(s.dServe, lay.serve[i], c.serve)
		p.stale++
	}
	if c.share != lay.share[i] {
		s.move(s.dShared, lay.share[i], c.share)
		p.stale++
	}
	return c
}

// compareTeam compares team i with its namesake j of the baseline, was: the decisions its
// changes make and its transition line.
func (a *Analyser) compareTeam(p *pass, lay *layout, s *scratch, i int, j int32, t, was *Team, oc uint8, c *teamClass) {
	bt := &a.baseFacts.teams[j]
	if bt.org != oc || oc == codeOther && was.Org != t.Org {
		p.decide(DecideReportingLines, t.Name, fmt.Sprintf("moved from %s to %s", was.Org.Phrase(), t.Org.Phrase()))
	}
	switch {
	case bt.model >= 0 && c.dev:
		from := SpectrumOrder[bt.model]
		verdict, reason := VerdictUnchanged, ""
		if int(bt.model) != c.k {
			verdict, reason = Transition(from, c.model)
			if verdict.severity() > p.worst.severity() {
				p.worst = verdict
			}
			p.decide(DecideWhoRunsIt, t.Name, fmt.Sprintf("run model from %s to %s", from.Short(), c.model.Short()))
		} else if t.Run.NeedsPartner() && !SameName(was.RunWith, t.RunWith) {
			// the same model with another team: who runs it changed all the same
			p.decide(DecideWhoRunsIt, t.Name, fmt.Sprintf("%s with %q instead of %q", c.model.Short(), t.RunWith, was.RunWith))
		} else if c.k == 0 {
			if rc := roleCode(t.SRERole); rc != bt.role || rc == codeOther && was.SRERole != t.SRERole {
				p.decide(DecideSRERole, t.Name, fmt.Sprintf("SRE role from %s to %s (topology %d to %d)", was.SRERole, t.SRERole, bt.topo, c.topo))
			}
		}
		if !SameName(was.Backup, t.Backup) || (was.Backup == "") != (t.Backup == "") {
			// a backup changes who responds, not the run model (docs/rules.md section 4, v3)
			p.decide(DecideWhoRunsIt, t.Name, fmt.Sprintf("backup from %s to %s", orUnset(was.Backup), orUnset(t.Backup)))
		}
		var tt *TeamTransition
		p.trans, tt = grow(p.trans)
		tt.Team, tt.From, tt.To, tt.Verdict, tt.Reason = t.Name, from, c.model, verdict, reason
		tt.CriteriaChanges = criteriaChanges[bt.model][c.k]
	case c.dev:
		p.trans = append(p.trans, TeamTransition{Team: t.Name, To: c.model, Verdict: VerdictNew, CriteriaChanges: noCriteriaChanges})
	case bt.model >= 0 && lay.simple && lay.curOf[j] == int32(i):
		s.lost = append(s.lost, j) // a dev team in the baseline, and no more
	}
	if bt.headcount != t.Headcount || was.Rotation != t.Rotation || onCallShapeChanged(was, t) {
		p.decide(DecideStaffing, t.Name, staffingWords(was, t))
	}
}

// onCallShapeChanged reports whether a team's on-call hours, secondary or sites changed: a
// staffing decision (docs/rules.md section 4, v3).
func onCallShapeChanged(was, t *Team) bool {
	return was.OnCall != t.OnCall || was.HasSecondary() != t.HasSecondary() || was.SiteCount() != t.SiteCount()
}
