package orgs

import (
	"slices"
	"unsafe"
)

// This file keeps re-analysis incremental for services. A dashboard keystroke changes one
// team or one service, yet 20,000 services were analysed again on each: 16 ms against a
// 2 ms budget. The analysis therefore keeps, beside its result, what every service adds to
// the organization-level verdicts (running counts, and sorted lists of the services each
// verdict names), and an edit takes out the old contribution of the services it can change
// and puts in their new one. The full analysis builds the same state by putting in every
// service, so both paths share one definition of each contribution and give equal results.

// Touched says what an edit changed in a model, so that a re-analysis computes again only
// what that can change: the indices of the teams and of the services set in place. All is
// set when the edit added, removed or replaced anything, or changed anything else (the
// organization's settings): the re-analysis is then a full one.
type Touched struct {
	All      bool
	Teams    []int
	Services []int
}

// Everything is the Touched of an edit that may have changed anything.
var Everything = Touched{All: true}

// Touched is what c edits (the same whether it is applied, undone or redone).
func (c *Change) Touched() Touched {
	var t Touched
	for _, op := range c.ops {
		switch op := op.(type) {
		case setTeam:
			t.Teams = append(t.Teams, op.i)
		case setService:
			t.Services = append(t.Services, op.k)
		default:
			return Everything
		}
	}
	return t
}

// ReanalyseChanged is Reanalyse(cur, prev) for a cur that differs from the model prev was
// made of only by what edited says (the team and service indices stay those of prev's
// model unless edited.All). Only the services those teams and services can change are
// analysed again; the result is always equal to Analyse(cur). When prev is not the last
// analysis this analyser made (or is nil), or the team names changed, it analyses in full.
// The contract of Reanalyse holds: prev and its lists must not be used after the call.
func (a *Analyser) ReanalyseChanged(cur *Org, prev *Analysis, edited Touched) *Analysis {
	return a.analyseHinted(cur, prev, &edited)
}

// svcTrack is what every service of an analysed model adds to the organization-level
// verdicts, kept so that a re-analysis can take out and put in the contributions of the
// services an edit changes. It belongs to one analysis (an) and one set of team names.
type svcTrack struct {
	an     *Analysis
	names  *string // unsafe.SliceData of the layout's team names: the same names
	nTeams int
	nSvcs  int

	// counts of services per run model (SpectrumOrder), per topology, per mark flag
	models [5]int
	topos  [10]int
	flags  [5]int
	// flagged lists, per advisory flag (gap, high target, SRE run over budget), the
	// services carrying it, ascending; adv their names and every service's team, so that
	// the advisories are written again without reading 20,000 service verdicts
	flagged [3][]int32
	adv     adviceLists
	// unorgExc and opsExc are the exceptions whose effective run model is unorganized,
	// or ops run it, ascending (the advisories unorganized and ops-run-it name them)
	unorgExc, opsExc []int32
	// serveN counts per team the services whose own override names it with run
	// you-and-sre or sre; pairs counts per (SRE team, dev team) the services shared on
	// call so, and shareWith lists per SRE team the dev teams with a positive count.
	// nil without services.
	serveN    []int32
	pairs     map[[2]int32]int32
	shareWith [][]int32
	// baseOf is, per service, the index of the baseline's service of the same name built
	// by the same team, or -1: only those have a transition or an override decision.
	baseOf []int32
	// trans and dec are the services with a service transition, and with an override
	// decision, ascending; transitions (the analysis' Transition.Services) and decs are
	// theirs, in the same order.
	trans, dec []int32
	decs       []ServiceDecision
	// byTeam, byPartner and byBackup list per team the services it builds, those whose
	// effective partner it is, and those it backs up (made when a re-analysis first
	// needs them).
	byTeam, byPartner, byBackup [][]int32
	// staffPos is per team its place in the staffing's rotations, -1 when not on call
	// (made when a re-analysis first needs it).
	staffPos []int32
}

// insertSorted puts k into the ascending list l (once).
func insertSorted(l []int32, k int32) []int32 {
	if n := len(l); n == 0 || l[n-1] < k {
		return append(l, k)
	}
	i, found := slices.BinarySearch(l, k)
	if found {
		return l
	}
	return slices.Insert(l, i, k)
}

// removeSorted takes k out of the ascending list l.
func removeSorted(l []int32, k int32) []int32 {
	if i, found := slices.BinarySearch(l, k); found {
		return slices.Delete(l, i, i+1)
	}
	return l
}

// removeValue takes the first k out of the unordered list l.
func removeValue(l []int32, k int32) []int32 {
	if i := slices.Index(l, k); i >= 0 {
		l[i] = l[len(l)-1]
		return l[:len(l)-1]
	}
	return l
}

// put adds (sign 1) or takes out (sign -1) the contribution of service k, named name,
// whose effective run is r and mark m, to the counts and lists.
func (t *svcTrack) put(k int, name string, r *ServiceRun, m serviceMark, sign int) {
	t.models[m.model] += sign
	t.topos[m.topology] += sign
	if sign > 0 {
		t.adv.teamOf[k] = int32(r.Team)
	}
	for f := range 5 {
		if m.flags>>f&1 == 0 {
			continue
		}
		t.flags[f] += sign
		if f >= 3 {
			continue
		}
		l := t.flagged[f]
		at, found := len(l), false
		if at > 0 && l[at-1] >= int32(k) {
			at, found = slices.BinarySearch(l, int32(k))
		}
		switch {
		case sign > 0 && !found:
			t.flagged[f] = slices.Insert(l, at, int32(k))
			t.adv.names[f] = slices.Insert(t.adv.names[f], at, name)
		case sign < 0 && found:
			t.flagged[f] = slices.Delete(l, at, at+1)
			t.adv.names[f] = slices.Delete(t.adv.names[f], at, at+1)
		}
	}
	if r.Exception {
		var l *[]int32
		switch r.RunModel {
		case Unorganized:
			l = &t.unorgExc
		case OpsRunIt:
			l = &t.opsExc
		}
		if l != nil {
			if sign > 0 {
				*l = insertSorted(*l, int32(k))
			} else {
				*l = removeSorted(*l, int32(k))
			}
		}
	}
	if r.BackupTeam >= 0 {
		t.serveN[r.BackupTeam] += int32(sign) // a backup serves what it backs up
	}
	if !r.Own || r.Partner < 0 || (r.Run != RunYouAndSRE && r.Run != RunSRE) {
		return
	}
	t.serveN[r.Partner] += int32(sign)
	if r.Run != RunYouAndSRE || r.Team < 0 {
		return
	}
	pair := [2]int32{int32(r.Partner), int32(r.Team)}
	if t.pairs == nil {
		t.pairs = map[[2]int32]int32{}
	}
	c := t.pairs[pair] + int32(sign)
	switch {
	case c == 0:
		delete(t.pairs, pair)
		t.shareWith[r.Partner] = removeValue(t.shareWith[r.Partner], int32(r.Team))
	case c == 1 && sign > 0:
		t.pairs[pair] = c
		t.shareWith[r.Partner] = append(t.shareWith[r.Partner], int32(r.Team))
	default:
		t.pairs[pair] = c
	}
}

// capexModel reports whether some service's effective run model is CAPEX-funded.
func (t *svcTrack) capexModel() bool {
	return t.models[0]+t.models[1]+t.models[2] > 0
}

// pureTopology reports whether the services all sit in topology n (1-9): true without
// services.
func (t *svcTrack) pureTopology(n int) bool {
	for k, c := range t.topos {
		if c > 0 && k != n {
			return false
		}
	}
	return true
}

// servedByService reports whether some service's own override names team i with run
// you-and-sre or sre, or some service has it as its backup.
func (t *svcTrack) servedByService(i int32) bool {
	return t.serveN != nil && t.serveN[i] > 0
}

// baseIndex is the index of the baseline's service that service k of cur is, for the
// transitions and decisions: the same name, built by the same team; -1 for none.
func baseIndex(base *Org, byName *serviceNames, s *Service) int32 {
	j, ok := byName.find(s.Name)
	if !ok || !SameName(base.Services[j].Team, s.Team) {
		return -1
	}
	return int32(j)
}

// transitionOf is the service transition of service k (ok false for none): see
// ServiceTransitions.
func transitionOf(base *Org, baseRuns []ServiceRun, j int32, cur *Org, k int, to *ServiceRun) (ServiceTransition, bool) {
	if j < 0 {
		return ServiceTransition{}, false
	}
	from := &baseRuns[j]
	if !from.Exception && !to.Exception || from.RunModel == to.RunModel {
		return ServiceTransition{}, false
	}
	s := &cur.Services[k]
	v, reason := Transition(from.RunModel, to.RunModel)
	team := s.Team
	if to.Team >= 0 {
		team = cur.Teams[to.Team].Name
	}
	return ServiceTransition{Service: s.Name, Team: team, From: from.RunModel, To: to.RunModel, Verdict: v, Reason: reason,
		CriteriaChanges: CriteriaChanges(from.RunModel, to.RunModel)}, true
}

// decisionOf is the override decision of service k (ok false for none): see
// ServiceOverrideDecisions. team is the index of its team in cur, or -1.
func decisionOf(base *Org, j int32, cur *Org, k, team int) (ServiceDecision, bool) {
	if j < 0 {
		return ServiceDecision{}, false
	}
	s, b := &cur.Services[k], &base.Services[j]
	sameRun := b.Run == s.Run && (!s.Run.NeedsPartner() || SameName(b.RunWith, s.RunWith))
	if sameRun && sameBackup(b.Backup, s.Backup) {
		return ServiceDecision{}, false
	}
	d := ServiceDecision{Kind: DecideWhoRunsIt, Changeability: DecideWhoRunsIt.Changeability(), Team: team}
	name := s.Team
	if team >= 0 {
		name = cur.Teams[team].Name
	}
	d.Subject = name + " / " + s.Name
	if sameRun {
		// only the backup changed: who runs it all the same (docs/rules.md section 4, v3)
		d.Detail = "backup " + backupWords(b.Backup) + " -> " + backupWords(s.Backup)
		return d, true
	}
	d.Detail = overrideWords(b) + " -> " + overrideWords(s)
	return d, true
}

// sameBackup reports whether two services set the same backup of their own (or none).
func sameBackup(a, b *string) bool {
	return a == nil && b == nil || a != nil && b != nil && SameName(*a, *b) && (*a == "") == (*b == "")
}

// backupWords is a service's own backup as a decision names it.
func backupWords(p *string) string { return backupOr(p, "as its team's") }

// newTrack puts in every service of cur, whose services verdict is sv, and returns the
// track with the service transitions (the JSON `transition.services`).
func (a *Analyser) newTrack(cur *Org, sv *ServicesVerdict, byName *serviceNames, lay *layout) (*svcTrack, []ServiceTransition) {
	n := len(cur.Services)
	t := &svcTrack{names: unsafe.SliceData(lay.names), nTeams: len(cur.Teams), nSvcs: n}
	trans := []ServiceTransition{}
	if n == 0 {
		return t, trans
	}
	t.adv.teamOf = make([]int32, n)
	t.serveN = make([]int32, len(cur.Teams))
	t.shareWith = make([][]int32, len(cur.Teams))
	t.baseOf = make([]int32, n)
	haveBase := len(a.base.Services) > 0
	// the baseline itself, with unique service names: each service is its own baseline
	// service, with no transition and no decision (and no lookup of 20,000 names)
	itself := cur == a.base && a.baseFacts.svcIndex != nil && len(a.baseFacts.svcIndex.folded) == n
	for k := range cur.Services {
		r := &sv.Runs[k]
		t.put(k, sv.Services[k].Name, r, sv.marks[k], 1)
		t.baseOf[k] = -1
		if itself {
			t.baseOf[k] = int32(k)
			continue
		}
		if !haveBase {
			continue
		}
		j := baseIndex(a.base, byName, &cur.Services[k])
		t.baseOf[k] = j
		if j < 0 {
			continue
		}
		if tr, ok := transitionOf(a.base, a.baseFacts.svcRuns, j, cur, k, r); ok {
			t.trans = append(t.trans, int32(k))
			trans = append(trans, tr)
		}
		if d, ok := decisionOf(a.base, j, cur, k, r.Team); ok {
			t.dec = append(t.dec, int32(k))
			t.decs = append(t.decs, d)
		}
	}
	return t, trans
}

// indexTeams makes t.byTeam, t.byPartner and t.byBackup from the runs.
func (t *svcTrack) indexTeams(runs []ServiceRun) {
	t.byTeam = make([][]int32, t.nTeams)
	t.byPartner = make([][]int32, t.nTeams)
	t.byBackup = make([][]int32, t.nTeams)
	for k := range runs {
		if i := runs[k].Team; i >= 0 {
			t.byTeam[i] = append(t.byTeam[i], int32(k))
		}
		if p := runs[k].Partner; p >= 0 {
			t.byPartner[p] = append(t.byPartner[p], int32(k))
		}
		if b := runs[k].BackupTeam; b >= 0 {
			t.byBackup[b] = append(t.byBackup[b], int32(k))
		}
	}
}

// todo lists, ascending, the services that the edits in edited can change: the edited
// services, and those the edited teams build or run with. nil with ok false when they are
// too many for a refresh to beat a full analysis: each takes its entries out of sorted
// lists and puts them back, a memory move of up to the list's length, so that a team that
// 20,000 services follow would cost 20,000 times 20,000 (a full analysis is linear).
func (t *svcTrack) todo(runs []ServiceRun, edited *Touched) (todo []int32, ok bool) {
	if t.byTeam == nil {
		t.indexTeams(runs)
	}
	limit := max(64, t.nSvcs/64)
	for _, k := range edited.Services {
		todo = append(todo, int32(k))
	}
	for _, i := range edited.Teams {
		if len(todo) > limit {
			return nil, false
		}
		todo = append(todo, t.byTeam[i]...)
		todo = append(todo, t.byPartner[i]...)
		todo = append(todo, t.byBackup[i]...)
	}
	slices.Sort(todo)
	todo = slices.Compact(todo)
	return todo, len(todo) <= limit
}

// refresh brings sv (prev's services verdict, to become cur's), the transitions and t up
// to date after edits that can change the services in todo (svcTrack.todo); it returns
// the transitions.
func (a *Analyser) refresh(cur *Org, lk *TeamLookup, byName *serviceNames, sv *ServicesVerdict, trans []ServiceTransition, t *svcTrack, todo []int32) []ServiceTransition {
	a.refreshes.Add(1)
	adviceStale := false
	haveBase := len(a.base.Services) > 0
	for _, k32 := range todo {
		k := int(k32)
		old, oldMark := sv.Services[k], sv.marks[k]
		t.put(k, old.Name, &old.ServiceRun, oldMark, -1)
		sv.Runs[k] = serviceRunOf(cur, lk, &cur.Services[k])
		sv.fill(cur, k, make([]string, 0, 3))
		r, m := &sv.Runs[k], sv.marks[k]
		t.put(k, sv.Services[k].Name, r, m, 1)
		if ot := old.ServiceRun.Team; ot != r.Team {
			if ot >= 0 {
				t.byTeam[ot] = removeValue(t.byTeam[ot], k32)
			}
			if r.Team >= 0 {
				t.byTeam[r.Team] = append(t.byTeam[r.Team], k32)
			}
		}
		if old.Partner != r.Partner {
			if old.Partner >= 0 {
				t.byPartner[old.Partner] = removeValue(t.byPartner[old.Partner], k32)
			}
			if r.Partner >= 0 {
				t.byPartner[r.Partner] = append(t.byPartner[r.Partner], k32)
			}
		}
		if old.BackupTeam != r.BackupTeam {
			if old.BackupTeam >= 0 {
				t.byBackup[old.BackupTeam] = removeValue(t.byBackup[old.BackupTeam], k32)
			}
			if r.BackupTeam >= 0 {
				t.byBackup[r.BackupTeam] = append(t.byBackup[r.BackupTeam], k32)
			}
		}
		if (oldMark.flags|m.flags)&(markGap|markHigh|markSREOver) != 0 {
			nv := &sv.Services[k]
			adviceStale = adviceStale || oldMark.flags != m.flags || old.Name != nv.Name || old.Team != nv.Team ||
				old.ServiceRun.Team != r.Team || old.LongestUncovered != nv.LongestUncovered ||
				old.BudgetHours != nv.BudgetHours || old.RunModel != r.RunModel || old.RunWith != r.RunWith ||
				!sameFloat(old.Availability, nv.Availability) || !sameFloat(old.ErrorBudgetUsed, nv.ErrorBudgetUsed)
		}
		if !haveBase {
			continue
		}
		// the transition and the decision of k, taken out and put in again
		j := baseIndex(a.base, byName, &cur.Services[k])
		t.baseOf[k] = j
		tr, hasTr := transitionOf(a.base, a.baseFacts.svcRuns, j, cur, k, r)
		at, had := slices.BinarySearch(t.trans, k32)
		switch {
		case had && hasTr:
			trans[at] = tr
		case had:
			t.trans = slices.Delete(t.trans, at, at+1)
			trans = slices.Delete(trans, at, at+1)
		case hasTr:
			t.trans = slices.Insert(t.trans, at, k32)
			trans = slices.Insert(trans, at, tr)
		}
		d, hasD := decisionOf(a.base, j, cur, k, r.Team)
		at, had = slices.BinarySearch(t.dec, k32)
		switch {
		case had && hasD:
			t.decs[at] = d
		case had:
			t.dec = slices.Delete(t.dec, at, at+1)
			t.decs = slices.Delete(t.decs, at, at+1)
		case hasD:
			t.dec = slices.Insert(t.dec, at, k32)
			t.decs = slices.Insert(t.decs, at, d)
		}
	}
	sv.Mix = mixOf(t.models, t.topos, len(sv.marks))
	sv.ErrorBudgetKPI = errorBudgetKPI(t.flags[4], t.flags[3])
	if adviceStale {
		sv.Advice = sv.advice(cur, &t.flagged, &t.adv)
	}
	return trans
}

// sameFloat reports whether two optional numbers are equal.
func sameFloat(a, b *float64) bool {
	return a == b || a != nil && b != nil && *a == *b
}

// refreshStaffing brings st (prev's staffing, to become cur's) up to date after edits of
// the teams at the indices teams; false when a team went on or off call, which changes
// the list (the caller computes it again).
func refreshStaffing(cur *Org, st *StaffingVerdict, t *svcTrack, teams []int) bool {
	if t.staffPos == nil {
		t.staffPos = make([]int32, len(cur.Teams))
		for i := range t.staffPos {
			t.staffPos[i] = -1
		}
		for p := range st.Rotations {
			t.staffPos[st.Rotations[p].TeamIndex] = int32(p)
		}
	}
	for _, i := range teams {
		r, ok := RotationOf(cur, i)
		p := t.staffPos[i]
		if ok != (p >= 0) {
			return false
		}
		if !ok {
			continue
		}
		old := &st.Rotations[p]
		st.Needed += r.Needed - old.Needed
		st.Hires += r.Hires - old.Hires
		st.HireCost += r.HireCost - old.HireCost
		*old = r
	}
	return true
}
