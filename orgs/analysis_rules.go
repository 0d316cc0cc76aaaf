package orgs

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// The rules of docs/rules.md as functions of what the analyser counted. The analyser
// (analysis.go) counts, in one pass over the teams; these functions decide. Analyse and
// Reanalyse both call them, and nothing else restates a rule.

// dominantModel is the position in SpectrumOrder of the run model with the most dev
// teams, the earlier on a tie (-1 for none).
func dominantModel(modelN *[5]int) int {
	d := -1
	for k, c := range modelN {
		if c > 0 && (d < 0 || c > modelN[d]) {
			d = k
		}
	}
	return d
}

// dominantTopology is the topology with the most dev teams among those of the dominant run
// model (the position k in SpectrumOrder), the lower on a tie; nil when that model has no
// topology (ops-run-it, unorganized) or there is no dominant model (our rule, v2: the
// headline never names a topology outside its dominant model).
func dominantTopology(topoN *[10]int, k int) *int {
	if k < 0 {
		return nil
	}
	var d *int
	for n := 1; n <= 9; n++ {
		if topologyModel[n] == k && topoN[n] > 0 && (d == nil || topoN[n] > topoN[*d]) {
			n := n
			d = &n
		}
	}
	return d
}

// topologyModel is, per topology number, the position in SpectrumOrder of its run model
// (-1 for 0, no topology), read from the Topologies table.
var topologyModel = func() [10]int {
	var out [10]int
	out[0] = -1
	for _, t := range Topologies {
		out[t.Number] = slices.Index(SpectrumOrder, t.RunModel)
	}
	return out
}()

// topologyTable is, per position in SpectrumOrder and per code, the topology number read
// from the Topologies table: for you-run-it the code is roleCode of the team's SRE role,
// for you-and-sre and sre run it the orgCode of its SRE team's org; a code the table does
// not know (codeOther) counts as the first (rotation, the dev org). 0: no topology.
var topologyTable = func() [5][4]int {
	var out [5][4]int
	for _, t := range Topologies {
		k := slices.Index(SpectrumOrder, t.RunModel)
		c := roleCode(t.Role)
		if t.Role == "" {
			c = orgCode(t.SRETeamOrg)
		}
		out[k][c] = t.Number
		if c == 0 {
			out[k][codeOther] = t.Number
		}
	}
	return out
}()

// classify is the run model and topology table of docs/rules.md: the run model of dev team
// t, its position in SpectrumOrder, and its topology (0 for none). For you-and-sre and
// sre run it the topology is the one of an SRE team in the dev org; the caller takes
// topologyTable[k][org code] instead once it knows the org of the team run_with names.
// A run model at 1, 2 or 3 is one whose run value needs a partner.
func classify(t *Team) (RunModel, int, int) {
	k := 4
	switch t.Run {
	case RunYou:
		return YouRunIt, 0, topologyTable[0][roleCode(t.SRERole)]
	case RunYouAndSRE:
		k = 1
	case RunSRE:
		k = 2
	case RunOps:
		k = 3
	}
	return SpectrumOrder[k], k, topologyTable[k][0]
}

// hasTopology is, per position in SpectrumOrder, whether the run model has topologies
// (one of the nine): read from the Topologies table.
var hasTopology = func() [5]bool {
	var out [5]bool
	for _, k := range topologyModel[1:] {
		out[k] = true
	}
	return out
}()

// withTopology reports whether some dev team runs under a model of the nine topologies
// (not ops run it, not unorganized), which needs SRE infrastructure. The caller adds the
// services (ServiceFacts.CAPEXModel: the same three models).
func withTopology(modelN *[5]int) bool { return someCounted(modelN, &hasTopology) }

// someCounted reports whether some run model that is counted in modelN (per position in
// SpectrumOrder) is marked in models.
func someCounted(modelN *[5]int, models *[5]bool) bool {
	for k, n := range modelN {
		if n > 0 && models[k] {
			return true
		}
	}
	return false
}

// capexModel is, per position in SpectrumOrder, whether the criteria's Funding row funds
// the run model from CAPEX.
var capexModel = func() [5]bool {
	var out [5]bool
	for k, m := range SpectrumOrder {
		out[k] = CapexFunded(m)
	}
	return out
}()

// capexServed reports whether some dev team runs under a CAPEX-funded model, which makes
// the SRE infrastructure team CAPEX. modelN counts dev teams per run model; the caller adds
// the services' effective run models (servicesCAPEX, ServiceFacts.CAPEXModel).
func capexServed(modelN *[5]int) bool { return someCounted(modelN, &capexModel) }

// teamFunding is the funding class of a team of kind with its funding key set (or ""):
// the key if set; dev and SRE teams CAPEX (an SRE team exists only for SRE-inclusive
// models, whatever org it reports to); ops teams OPEX; the SRE infrastructure team CAPEX
// when served is true (some CAPEX-funded model uses it), else OPEX. The positioning of
// the SRE org is no accounting class and plays no part.
func teamFunding(kind Kind, set Funding, served bool) Funding {
	switch {
	case set != "":
		return set
	case kind == KindOps, kind == KindSREInfra && !served:
		return OPEX
	}
	return CAPEX
}

// TeamFunding is the funding class of team t of organization o (docs/rules.md, funding).
// It counts o's dev teams to know whether the SRE infrastructure serves a CAPEX-funded
// model; the analysis has that count already and does not call it.
func TeamFunding(o *Org, t *Team) Funding {
	served := false
	if t.Funding == "" && t.Kind == KindSREInfra {
		var modelN [5]int
		for i := range o.Teams {
			if o.Teams[i].Kind == KindDev {
				_, k, _ := classify(&o.Teams[i])
				modelN[k]++
			}
		}
		served = capexServed(&modelN) || servicesCAPEX(ServiceRuns(o, nil))
	}
	return teamFunding(t.Kind, t.Funding, served)
}

// sreRoleExists reports whether dedicated SREs work outside an SRE org: dev teams in
// topology 2 or 3 (topoN counts dev teams per topology), or an SRE team, serving or idle,
// in the dev or ops org (outside says whether there is one).
func sreRoleExists(topoN *[10]int, outside bool) bool {
	return outside || topoN[topologyTable[0][1]]+topoN[topologyTable[0][2]] > 0
}

// share is n/total rounded to 4 decimals (0 when total is 0).
func share(n, total int) float64 {
	if total == 0 {
		return 0
	}
	return round4(float64(n) / float64(total))
}

func round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }

// criteria is the comparison table with the dominant model's value now and in the baseline.
func criteria(cur, base *RunModel) []CriterionVerdict {
	valueOf := func(m *RunModel, c *Criterion) *string {
		if m == nil || m.Column() < 0 {
			return nil
		}
		return &c.Values[m.Column()]
	}
	out := make([]CriterionVerdict, len(Criteria))
	for i := range Criteria {
		c := &Criteria[i]
		cv, bv := valueOf(cur, c), valueOf(base, c)
		out[i] = CriterionVerdict{
			Criterion: c.Name, Values: c.Values, Current: cv, Baseline: bv,
			Changed: (cv == nil) != (bv == nil) || (cv != nil && *cv != *bv),
		}
	}
	return out
}

// fundingVerdict is the funding of the current model (f) with its change against the
// baseline's totals (capex, opex, orgs).
func fundingVerdict(cur *Org, f *tally, capex, opex HeadCost, orgs *OrgBudgets) FundingVerdict {
	v := FundingVerdict{
		CAPEX: f.capex, OPEX: f.opex, Orgs: f.orgs,
		HasCosts: f.hasCosts,
		Delta: FundingDelta{
			CapexCost: f.capex.Cost - capex.Cost, OpexCost: f.opex.Cost - opex.Cost,
			CapexHeadcount: f.capex.Headcount - capex.Headcount, OpexHeadcount: f.opex.Headcount - opex.Headcount,
		},
	}
	if cur.Defaults.Currency != "" {
		c := cur.Defaults.Currency
		v.Currency = &c
	}
	for _, org := range AllOrgs {
		d, now, was := v.OrgsDelta.Of(org), f.orgs.Of(org), orgs.Of(org)
		d.Headcount, d.Cost = now.Headcount-was.Headcount, now.Cost-was.Cost
	}
	capexTeams, opexTeams := 0, 0
	for k, m := range SpectrumOrder {
		switch {
		case capexModel[k]:
			capexTeams += f.modelN[k]
		case m.Column() >= 0: // unorganized counts in neither
			opexTeams += f.modelN[k]
		}
	}
	v.ModelFunding = ModelFunding{CapexShare: share(capexTeams, f.devTeams), OpexShare: share(opexTeams, f.devTeams)}
	return v
}

// dedicatedPeople is the SRE people a dev team in topology n holds: one dedicated SRE in
// topologies 2 and 3, nobody in 1 (every developer on rotation is no SRE person).
func dedicatedPeople(n int) int {
	if n == topologyTable[0][1] || n == topologyTable[0][2] {
		return 1
	}
	return 0
}

// identityOf is the identity rule (our rule, v2: one unit, people): people holds the SRE
// people per identity (serving SRE teams' headcounts by org, one per dev team in topology 2
// or 3); rotation says whether some dev team is in topology 1 under a dominant you-run-it,
// which makes an identity without people product-centric (SRE done by the developers
// themselves). Without people and without that, there is no identity (Dominant nil: "no SRE
// people: no SRE identity yet").
func identityOf(people [3]int, rotation bool) IdentityVerdict {
	v := IdentityVerdict{People: people}
	sum := people[0] + people[1] + people[2]
	if sum == 0 {
		if rotation {
			id := ProductCentric
			v.Dominant, v.Weights[0] = &id, 1
		}
		return v
	}
	best := 0
	for i, n := range people {
		v.Weights[i] = round4(float64(n) / float64(sum))
		if n > people[best] {
			best = i
		}
	}
	id := AllIdentities[best]
	v.Dominant = &id
	return v
}

// kpis lists the KPIs of every identity with a positive share, the dominant first: the
// file's own for an identity that has any, else the talk's examples.
func kpis(cur *Org, id IdentityVerdict, sv *ServicesVerdict) []KPIEntry {
	out := []KPIEntry{}
	if id.Dominant == nil {
		return out
	}
	order := []Identity{*id.Dominant}
	for _, other := range AllIdentities {
		if other != *id.Dominant && id.Weights.Of(other) > 0 {
			order = append(order, other)
		}
	}
	for _, ident := range order {
		own := false
		for k := range cur.KPIs {
			if kp := &cur.KPIs[k]; kp.Identity == ident {
				out = append(out, KPIEntry{Identity: ident, Text: kp.Text, KPIMeasure: MeasureKPI(kp), Own: true})
				own = true
			}
		}
		if !own {
			for _, text := range ident.Info().KPIs {
				out = append(out, KPIEntry{Identity: ident, Text: text, KPIMeasure: MeasureExampleKPI(text, sv)})
			}
		}
	}
	return out
}

// positionInfo is positioning p with its focus and strategy (all nil when unset).
func positionInfo(p Positioning) PositionInfo {
	if p == PositionUnset {
		return PositionInfo{}
	}
	info := p.Info()
	return PositionInfo{ID: &p, Focus: &info.Focus, Strategy: &info.Strategy}
}

// positioning is the positioning verdict: the SRE org's when it holds a team (orgHas), the
// SRE role's when one exists outside an SRE org (role); nil when neither exists.
func positioning(cur *Org, orgHas, role bool) *PositioningVerdict {
	if !orgHas && !role {
		return nil
	}
	v := &PositioningVerdict{SREOrg: orgHas}
	if orgHas {
		p := positionInfo(cur.SREOrg.Positioning)
		v.ID, v.Focus, v.Strategy = p.ID, p.Focus, p.Strategy
	}
	if role {
		p := positionInfo(cur.SRERole.Positioning)
		v.Role = &p
	}
	return v
}

// servicesCAPEX reports whether some service's effective run model is CAPEX-funded.
func servicesCAPEX(runs []ServiceRun) bool {
	for k := range runs {
		if capexModel[spectrumIndex(runs[k].RunModel)] {
			return true
		}
	}
	return false
}

// withServiceDecisions places each service override decision right after the decisions of
// its team (docs/rules.md section 4). decisions holds the teams' decisions in model order, then
// those of removed teams and the SRE org's; services is in service order.
func withServiceDecisions(decisions []Decision, services []ServiceDecision, lay *layout) []Decision {
	if len(services) == 0 {
		return decisions
	}
	n := len(lay.names)
	key := func(k int) int {
		if k < len(services) && services[k].Team >= 0 {
			return services[k].Team
		}
		return n
	}
	order := make([]int, len(services))
	for k := range order {
		order[k] = k
	}
	slices.SortStableFunc(order, func(a, b int) int { return key(a) - key(b) })
	out := make([]Decision, 0, len(decisions)+len(services))
	next := 0
	emit := func(upTo int) {
		for ; next < len(order) && key(order[next]) < upTo; next++ {
			d := &services[order[next]]
			out = append(out, Decision{Kind: d.Kind, Subject: d.Subject, Changeability: d.Changeability, Detail: d.Detail})
		}
	}
	for _, d := range decisions {
		at := n
		if i, ok := lay.lookup(d.Subject); ok && d.Kind != DecideNewSREOrg && d.Kind != DecideDissolveSREOrg {
			at = int(i)
		}
		emit(at) // the services of the teams before this one
		out = append(out, d)
	}
	emit(n + 1)
	return out
}

// staffingWords says what changed of a team's staffing: its headcount, its rotation, or both.
func staffingWords(was, t *Team) string {
	var parts []string
	if was.Headcount != t.Headcount {
		parts = append(parts, fmt.Sprintf("headcount from %d to %d", was.Headcount, t.Headcount))
	}
	if was.Rotation != t.Rotation {
		parts = append(parts, fmt.Sprintf("rotation from %s to %s", rotationKeyWords(was.Rotation), rotationKeyWords(t.Rotation)))
	}
	if was.OnCall != t.OnCall {
		parts = append(parts, fmt.Sprintf("on call from %s to %s", was.OnCall, t.OnCall))
	}
	if was.HasSecondary() != t.HasSecondary() {
		parts = append(parts, fmt.Sprintf("secondary from %t to %t", was.HasSecondary(), t.HasSecondary()))
	}
	if was.SiteCount() != t.SiteCount() {
		parts = append(parts, fmt.Sprintf("sites from %d to %d", was.SiteCount(), t.SiteCount()))
	}
	return strings.Join(parts, ", ")
}

// rotationKeyWords is a rotation key as a person reads it: "unset" for 0 (the whole team).
func rotationKeyWords(n int) string {
	if n == 0 {
		return "unset"
	}
	return fmt.Sprint(n)
}

// positioningDecisions are the positioning changes from base to cur, the SRE org's then the
// SRE role's: easy decisions, each a change of the file's own setting.
func positioningDecisions(base, cur *Org) []Decision {
	var out []Decision
	add := func(subject string, from, to Positioning) {
		if from != to {
			out = append(out, Decision{Kind: DecidePositioning, Subject: subject, Changeability: DecidePositioning.Changeability(),
				Detail: "positioning from " + positioningWords(from) + " to " + positioningWords(to)})
		}
	}
	add("SRE org", base.SREOrg.Positioning, cur.SREOrg.Positioning)
	add("SRE role", base.SRERole.Positioning, cur.SRERole.Positioning)
	return out
}

// orderDecisions lists the decisions from easy to hard (easy, team-local, staffing, hard),
// each changeability in model order: first the organization's settings (the positionings,
// first, and the SRE org), then the teams in the order the pass met them. decisions holds
// the teams' decisions in model order (removed teams last) and then the SRE org's.
func orderDecisions(decisions, settings []Decision) []Decision {
	if len(settings) > 0 {
		decisions = slices.Insert(decisions, 0, settings...)
	}
	// the SRE org's decision, appended last, goes before the teams' hard ones
	if n := len(decisions); n > 0 && (decisions[n-1].Kind == DecideNewSREOrg || decisions[n-1].Kind == DecideDissolveSREOrg) {
		d := decisions[n-1]
		decisions = slices.Insert(decisions[:n-1], len(settings), d)
	}
	sorted := true
	for i := 1; i < len(decisions) && sorted; i++ {
		sorted = decisions[i-1].Changeability.Rank() <= decisions[i].Changeability.Rank()
	}
	if !sorted {
		slices.SortStableFunc(decisions, func(x, y Decision) int {
			return x.Changeability.Rank() - y.Changeability.Rank()
		})
	}
	return decisions
}
