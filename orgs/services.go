package orgs

import (
	"encoding/json"
	"iter"
	"math"
)

// This file is docs/rules.md sections 1 and 4 for services: who runs each service (its own run
// and run_with, else its team's), the service mix, the service transitions between a
// baseline and a current model, and the who-runs-it decisions of service overrides. Every
// function is pure and linear in the number of teams and services: names are looked up in
// maps keyed by FoldName, never by scanning.

// TeamLookup finds a team by name as SameName compares names, in constant time.
type TeamLookup struct {
	index map[string]int
	// written, when set, remembers names as written with what they resolved to, so that a
	// name looked up again is not folded again (the analyser keeps it while the team names
	// stay the same)
	written map[string]int
	// last, when set, holds the last names looked up, asked for again first
	last *lastNames
}

// NewTeamLookup indexes teams by folded name; for names that are the same name, the first
// team wins (a valid model has none).
func NewTeamLookup(teams []Team) *TeamLookup {
	keys := foldedNames(teams)
	m := make(map[string]int, len(teams))
	for i, k := range keys {
		if _, dup := m[k]; !dup {
			m[k] = i
		}
	}
	return &TeamLookup{index: m}
}

// Index is the index of the team named name, or -1.
func (l *TeamLookup) Index(name string) int {
	if name == "" {
		return -1
	}
	if c := l.last; c != nil {
		if c.name[0] != "" && sameString(c.name[0], name) {
			return c.i[0]
		}
		if c.name[1] != "" && sameString(c.name[1], name) {
			return c.i[1]
		}
	}
	i, ok := l.written[name]
	if !ok {
		if i, ok = lookupFold(l.index, name); !ok {
			i = -1
		}
		if l.written != nil && len(l.written) < maxWrittenNames {
			l.written[name] = i
		}
	}
	if c := l.last; c != nil {
		c.name[c.next], c.i[c.next] = name, i
		c.next ^= 1
	}
	return i
}

// maxWrittenNames bounds TeamLookup.written: a file holds at most 20,000 teams and as
// many names of them in its services; edits add few more.
const maxWrittenNames = 1 << 17

// ServiceRun is the effective run of one service (docs/rules.md section 1): its own run and
// run_with when it sets them, else its team's, with the run model and topology they give.
type ServiceRun struct {
	// Run is the effective run value.
	Run Run
	// RunWith is the effective partner spelled as that team's name ("" when Run needs none).
	RunWith  string
	RunModel RunModel
	// Topology is 1-9, or 0 for ops-run-it and unorganized (JSON null).
	Topology int
	// Exception is true when the effective run model or partner differs from the team's.
	Exception bool
	// Own is true when the service sets its own run, even one equal to its team's.
	Own bool
	// Team is the index of the team that builds it and Partner that of the effective
	// partner; -1 when there is none (or, in a model that did not validate, no such team).
	Team, Partner int
	// Backup is the effective backup spelled as that team's name, "" for none, and
	// BackupTeam its index (-1): the service's own backup, else its team's; ignored when it
	// is the service's partner or nobody runs the service (docs/rules.md section 1).
	Backup     string
	BackupTeam int
}

// ServiceRuns is the effective run of every service of o, in model order; lk indexes o's
// teams (nil builds one).
func ServiceRuns(o *Org, lk *TeamLookup) []ServiceRun {
	if len(o.Services) == 0 {
		return nil
	}
	if lk == nil {
		lk = NewTeamLookup(o.Teams)
	}
	out := make([]ServiceRun, len(o.Services))
	// a file lists a team's services one after the other: the team named as the service
	// before names the same team, found without folding its name again
	lk = &TeamLookup{index: lk.index, written: lk.written, last: &lastNames{}}
	for i := range o.Services {
		out[i] = serviceRunOf(o, lk, &o.Services[i])
	}
	return out
}

// lastNames are the last two names a TeamLookup resolved (a service's team and partner)
// with their indices, next the one to replace.
type lastNames struct {
	name [2]string
	i    [2]int
	next int
}

// EffectiveRun is the effective run of service s of o (see ServiceRuns for many).
func EffectiveRun(o *Org, s *Service) ServiceRun {
	return serviceRunOf(o, NewTeamLookup(o.Teams), s)
}

func serviceRunOf(o *Org, lk *TeamLookup, s *Service) ServiceRun {
	r := ServiceRun{Team: lk.Index(s.Team), Partner: -1, BackupTeam: -1, Own: s.Run != ""}
	var team *Team
	if r.Team >= 0 {
		team = &o.Teams[r.Team]
	}
	run, with := s.Run, s.RunWith
	if run == "" {
		run, with = RunNone, ""
		if team != nil && team.Run != "" {
			run, with = team.Run, team.RunWith
		}
	}
	if !run.NeedsPartner() {
		with = ""
	}
	r.Run = run
	partnerOrg := OrgDev
	if with != "" {
		r.RunWith = with
		if r.Partner = lk.Index(with); r.Partner >= 0 {
			r.RunWith = o.Teams[r.Partner].Name
			partnerOrg = o.Teams[r.Partner].Org
		}
	}
	// the SRE role is always the team's; rotation when the team has none (it runs otherwise)
	role := RoleRotation
	if team != nil && team.Run == RunYou && team.SRERole != "" {
		role = team.SRERole
	}
	r.RunModel, r.Topology = runTopology(run, role, partnerOrg)
	if team != nil {
		r.Exception = run != team.Run || (run.NeedsPartner() && !SameName(with, team.RunWith))
	}
	backup := ""
	switch {
	case s.Backup != nil:
		backup = *s.Backup
	case team != nil:
		backup = team.Backup
	}
	if backup != "" && run != RunNone && !(with != "" && SameName(backup, with)) {
		r.Backup = backup
		if r.BackupTeam = lk.Index(backup); r.BackupTeam >= 0 {
			r.Backup = o.Teams[r.BackupTeam].Name
		}
	}
	return r
}

// runTopology is the run model and topology (0 for none) of a run value, with the SRE role
// for run = you and the partner's org for you-and-sre and sre: docs/rules.md section 1, read
// from the one table of the nine topologies (topologyTable, made from Topologies) as a dev
// team's is (classify).
func runTopology(run Run, role SRERole, partnerOrg OrgID) (RunModel, int) {
	t := Team{Run: run, SRERole: role}
	model, k, topo := classify(&t)
	if k == 1 || k == 2 { // you-and-sre and sre run it: the partner's org tells the topology
		topo = topologyTable[k][orgCode(partnerOrg)]
	}
	return model, topo
}

// ServiceMix is the service mix of docs/rules.md section 1 (JSON `service_mix`): the run models
// and topologies present among services by effective run, counted in services.
// JSON: {"run_model": [...], "topology": [...]}.
type ServiceMix struct {
	RunModel []ServiceModelCount    `json:"run_model"`
	Topology []ServiceTopologyCount `json:"topology"`
}

// ServiceModelCount is one run model's count of services and share of all services.
// JSON: {"id", "services", "share"}.
type ServiceModelCount struct {
	ID       RunModel `json:"id"`
	Services int      `json:"services"`
	Share    float64  `json:"share"`
}

// ServiceTopologyCount is one topology's count of services and share of all services.
// JSON: {"topology", "services", "share"}.
type ServiceTopologyCount struct {
	Topology int     `json:"topology"`
	Services int     `json:"services"`
	Share    float64 `json:"share"`
}

// ServiceMixOf is the mix of the services whose effective runs are runs: nil (JSON null)
// without services; models in spectrum order and topologies ascending, only those present;
// shares rounded to 4 decimals.
func ServiceMixOf(runs []ServiceRun) *ServiceMix {
	if len(runs) == 0 {
		return nil
	}
	var models [5]int
	var topos [10]int
	for i := range runs {
		models[spectrumIndex(runs[i].RunModel)]++
		topos[runs[i].Topology]++
	}
	return mixOf(models, topos, len(runs))
}

// mixOf is the service mix of counts by model (in spectrum order) and by topology.
func mixOf(models [5]int, topos [10]int, services int) *ServiceMix {
	if services == 0 {
		return nil
	}
	mix := &ServiceMix{RunModel: []ServiceModelCount{}, Topology: []ServiceTopologyCount{}}
	n := float64(services)
	for k, c := range models {
		if c > 0 {
			mix.RunModel = append(mix.RunModel, ServiceModelCount{ID: SpectrumOrder[k], Services: c, Share: rnd4(float64(c) / n)})
		}
	}
	for t := 1; t <= 9; t++ {
		if topos[t] > 0 {
			mix.Topology = append(mix.Topology, ServiceTopologyCount{Topology: t, Services: topos[t], Share: rnd4(float64(topos[t]) / n)})
		}
	}
	return mix
}

// ServiceTransition is one line of `transition.services` (docs/rules.md section 4).
// JSON: {"service", "team", "from", "to", "verdict", "reason", "criteria_changes"}, reason
// null when empty.
type ServiceTransition struct {
	Service string
	Team    string
	From    RunModel
	To      RunModel
	Verdict Verdict
	Reason  string
	// CriteriaChanges are as a team's line has them (TeamTransition.CriteriaChanges).
	CriteriaChanges []CriterionChange
}

// MarshalJSON writes the transition in docs/format.md's key order, reason null when there is none.
func (t ServiceTransition) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Service string            `json:"service"`
		Team    string            `json:"team"`
		From    RunModel          `json:"from"`
		To      RunModel          `json:"to"`
		Verdict Verdict           `json:"verdict"`
		Reason  *string           `json:"reason"`
		Changes []CriterionChange `json:"criteria_changes"`
	}{t.Service, t.Team, t.From, t.To, t.Verdict, nullable(t.Reason), CriteriaChanges(t.From, t.To)})
}

// ServiceTransitions lists, in the current model's order, the services present in both
// models (matched by name) that are an exception in the baseline or the current model and
// whose effective run model changed. A service that follows its team in both is covered by
// its team's line; a service whose team changed is never a transition (diff reports it as
// moved). baseRuns and curRuns are ServiceRuns of base and cur.
func ServiceTransitions(base *Org, baseRuns []ServiceRun, cur *Org, curRuns []ServiceRun) []ServiceTransition {
	return serviceTransitions(base, baseRuns, nil, cur, curRuns)
}

// serviceTransitions is ServiceTransitions with byName, serviceIndex(base.Services), made
// once by an analyser for its baseline (nil makes it).
func serviceTransitions(base *Org, baseRuns []ServiceRun, byName *serviceNames, cur *Org, curRuns []ServiceRun) []ServiceTransition {
	out := []ServiceTransition{}
	for i, j := range servicesInBoth(base, byName, cur) {
		if st, ok := transitionOf(base, baseRuns, j, cur, i, &curRuns[i]); ok {
			out = append(out, st)
		}
	}
	return out
}

// servicesInBoth yields, in cur's order, the index in cur and in base of each service both
// models have under the same team (baseIndex). byName is serviceIndex of base's services,
// nil to make it.
func servicesInBoth(base *Org, byName *serviceNames, cur *Org) iter.Seq2[int, int32] {
	return func(yield func(int, int32) bool) {
		if len(base.Services) == 0 || len(cur.Services) == 0 {
			return
		}
		if byName == nil {
			byName = newServiceIndex(base.Services)
		}
		for i := range cur.Services {
			if j := baseIndex(base, byName, &cur.Services[i]); j >= 0 && !yield(i, j) {
				return
			}
		}
	}
}

// serviceNames finds services of one model by name as SameName compares names, remembering the
// names as written that it was asked for, so that asking again does not fold them again.
type serviceNames struct {
	folded  map[string]int
	written map[string]int
}

func newServiceIndex(services []Service) *serviceNames {
	return &serviceNames{folded: serviceIndex(services), written: make(map[string]int, len(services))}
}

// find is the index of the service named name, and whether there is one.
func (x *serviceNames) find(name string) (int, bool) {
	if i, ok := x.written[name]; ok {
		return i, i >= 0
	}
	i, ok := lookupFold(x.folded, name)
	if !ok {
		i = -1
	}
	if len(x.written) < maxWrittenNames {
		x.written[name] = i
	}
	return i, ok
}

// serviceIndex maps folded service names to their index (the first, for a repeated name).
func serviceIndex(services []Service) map[string]int {
	m := make(map[string]int, len(services))
	// every folded name in one string, the keys slices of it: one allocation, not 20,000
	for i, k := range foldAll(services, func(s *Service) string { return s.Name }) {
		if !hasKey(m, k) {
			m[k] = i
		}
	}
	return m
}

// hasKey reports whether m has the key k.
func hasKey(m map[string]int, k string) bool {
	_, ok := m[k]
	return ok
}

// ServiceDecision is a who-runs-it decision about one service's own override (docs/rules.md
// section 4): added, removed or changed. It has the fields of a Decision, in its order
// (JSON {"kind", "subject", "changeability", "detail"}), Subject being "Team / Service".
type ServiceDecision struct {
	Kind          DecisionKind  `json:"kind"`
	Subject       string        `json:"subject"`
	Changeability Changeability `json:"changeability"`
	Detail        string        `json:"detail"`
	// Team is the index of the service's team in the current model, so that the decisions
	// can be listed right after their team's.
	Team int `json:"-"`
}

// ServiceOverrideDecisions lists, in the current model's order, the services present in
// both models under the same team whose own override was added, removed or changed.
func ServiceOverrideDecisions(base, cur *Org) []ServiceDecision {
	return serviceOverrideDecisions(base, nil, cur, nil)
}

// serviceOverrideDecisions is ServiceOverrideDecisions with byName, serviceIndex of base's
// services, and lk, the lookup of cur's teams, where the caller has them (nil makes them).
func serviceOverrideDecisions(base *Org, byName *serviceNames, cur *Org, lk *TeamLookup) []ServiceDecision {
	var out []ServiceDecision
	if len(cur.Services) == 0 || len(base.Services) == 0 {
		return out
	}
	if lk == nil {
		lk = NewTeamLookup(cur.Teams)
	}
	for i, j := range servicesInBoth(base, byName, cur) {
		s := &cur.Services[i]
		b := &base.Services[j]
		if b.Run == s.Run && (!s.Run.NeedsPartner() || SameName(b.RunWith, s.RunWith)) {
			continue
		}
		d := ServiceDecision{Kind: DecideWhoRunsIt, Changeability: DecideWhoRunsIt.Changeability(), Team: lk.Index(s.Team)}
		team := s.Team
		if d.Team >= 0 {
			team = cur.Teams[d.Team].Name
		}
		d.Subject = team + " / " + s.Name
		d.Detail = overrideWords(b) + " -> " + overrideWords(s)
		out = append(out, d)
	}
	return out
}

// overrideWords says a service's own run in words: "as its team" when it has none.
func overrideWords(s *Service) string {
	if s.Run == "" {
		return "as its team"
	}
	return runWords[s.Run] + withPhrase(s.RunWith)
}

// ServiceChanges is what diff reports about services beside the verdicts (docs/format.md
// `service_changes`, `services_added`, `services_removed`, `services_moved`).
type ServiceChanges struct {
	// Overrides are the services whose own override was added, removed or changed.
	Overrides []ServiceDecision
	// Added and Removed name services only in the current model, or only in the baseline.
	Added, Removed []string
	// Moved are services built by another team than in the baseline.
	Moved []ServiceMove
}

// ServiceMove is a service now built by another team.
type ServiceMove struct {
	Service string `json:"service"`
	From    string `json:"from"`
	To      string `json:"to"`
}

// CompareServices is the services part of a diff from base to cur, each list in model order
// (Removed in the baseline's).
func CompareServices(base, cur *Org) ServiceChanges {
	c := ServiceChanges{Overrides: ServiceOverrideDecisions(base, cur), Added: []string{}, Removed: []string{}, Moved: []ServiceMove{}}
	inBase := serviceIndex(base.Services)
	inCur := serviceIndex(cur.Services)
	for i := range cur.Services {
		s := &cur.Services[i]
		j, ok := lookupFold(inBase, s.Name)
		switch {
		case !ok:
			c.Added = append(c.Added, s.Name)
		case !SameName(base.Services[j].Team, s.Team):
			c.Moved = append(c.Moved, ServiceMove{Service: s.Name, From: base.Services[j].Team, To: s.Team})
		}
	}
	for j := range base.Services {
		if _, ok := lookupFold(inCur, base.Services[j].Name); !ok {
			c.Removed = append(c.Removed, base.Services[j].Name)
		}
	}
	if c.Overrides == nil {
		c.Overrides = []ServiceDecision{}
	}
	return c
}

// ServicesOf lists the indices of the services team i builds, for every team at once:
// out[i] is team i's services in model order. Linear in teams and services.
func ServicesOf(o *Org, lk *TeamLookup) [][]int {
	if lk == nil {
		lk = NewTeamLookup(o.Teams)
	}
	out := make([][]int, len(o.Teams))
	for k := range o.Services {
		if i := lk.Index(o.Services[k].Team); i >= 0 {
			out[i] = append(out[i], k)
		}
	}
	return out
}

func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// rnd2 and rnd4 round to 2 and 4 decimals, as the JSON report gives hours and shares.
func rnd2(x float64) float64 { return math.Round(x*100) / 100 }
func rnd4(x float64) float64 { return math.Round(x*1e4) / 1e4 }
