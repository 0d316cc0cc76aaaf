package orgs

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
)

// Analysis is every verdict sretopo shows about a current model against its baseline
// (rules.md). The report, the dashboard and the diff all read this one value; none of them
// computes a verdict of its own. Its JSON form is the body of `report --format json`.
type Analysis struct {
	Summary     Summary             `json:"summary"`
	RunModel    RunModelVerdict     `json:"run_model"`
	Topology    TopologyVerdict     `json:"topology"`
	Teams       []TeamVerdict       `json:"teams"`
	Criteria    []CriterionVerdict  `json:"criteria"`
	Funding     FundingVerdict      `json:"funding"`
	Transition  TransitionVerdict   `json:"transition"`
	Identity    IdentityVerdict     `json:"identity"`
	KPIs        []KPIEntry          `json:"kpis"`
	Positioning *PositioningVerdict `json:"positioning"`
	Advisories  []Advisory          `json:"advisories"`

	// BaselineRunModel is the baseline's dominant run model (nil when it has none).
	BaselineRunModel *RunModel `json:"-"`
	// BaselineTopology is the baseline's dominant topology (nil when it has none).
	BaselineTopology *int `json:"-"`
}

// Summary counts the organization.
type Summary struct {
	Teams     int `json:"teams"`
	DevTeams  int `json:"dev_teams"`
	Headcount int `json:"headcount"`
}

// RunModelVerdict is the organization's dominant run model and its mix.
type RunModelVerdict struct {
	Dominant *RunModel     `json:"dominant"`
	Mix      []RunModelMix `json:"mix"`
}

// RunModelMix is one run model's count of dev teams and share of all dev teams.
type RunModelMix struct {
	ID       RunModel `json:"id"`
	DevTeams int      `json:"dev_teams"`
	Share    float64  `json:"share"`
}

// TopologyVerdict is the organization's dominant topology, whether it is pure, and its mix.
type TopologyVerdict struct {
	Dominant *int          `json:"dominant"`
	Pure     bool          `json:"pure"`
	Mix      []TopologyMix `json:"mix"`
}

// TopologyMix is one topology's count of dev teams and share of all dev teams.
type TopologyMix struct {
	Topology int     `json:"topology"`
	DevTeams int     `json:"dev_teams"`
	Share    float64 `json:"share"`
}

// TeamVerdict is what the analysis says of one team. RunModel, Topology and RunWith are
// empty (JSON null) for teams that are not dev teams; Topology is 0 (null) for ops-run-it
// and unorganized.
type TeamVerdict struct {
	Name      string
	Org       OrgID
	Kind      Kind
	Headcount int
	Cost      int64
	Funding   Funding
	RunModel  RunModel
	Topology  int
	RunWith   string

	// Was is the same team in the baseline (nil for a team the baseline does not have),
	// so a view can say what changed.
	Was *Team
	// Serves counts the dev teams that name this team in run_with.
	Serves int
}

// CriterionVerdict is one row of the comparison table with the dominant model's value now
// and in the baseline (nil when there is no dominant model or it is unorganized).
type CriterionVerdict struct {
	Criterion string      `json:"criterion"`
	Values    ModelValues `json:"values"`
	Current   *string     `json:"current"`
	Baseline  *string     `json:"baseline"`
	Changed   bool        `json:"changed"`
}

// ModelValues holds one value per compared model, in ComparedModels order.
type ModelValues [4]string

// HeadCost is a headcount and its yearly cost.
type HeadCost struct {
	Headcount int   `json:"headcount"`
	Cost      int64 `json:"cost"`
}

// OrgBudgets is the headcount and cost each organization's budget carries.
type OrgBudgets struct {
	Dev HeadCost `json:"dev"`
	Ops HeadCost `json:"ops"`
	SRE HeadCost `json:"sre"`
}

// Of returns the budget of org.
func (b *OrgBudgets) Of(org OrgID) *HeadCost {
	switch org {
	case OrgOps:
		return &b.Ops
	case OrgSRE:
		return &b.SRE
	}
	return &b.Dev
}

// ModelFunding is the share of dev teams whose run model is CAPEX- or OPEX-funded.
type ModelFunding struct {
	CapexShare float64 `json:"capex_share"`
	OpexShare  float64 `json:"opex_share"`
}

// FundingDelta is the change of the CAPEX and OPEX totals against the baseline.
type FundingDelta struct {
	CapexCost      int64 `json:"capex_cost"`
	OpexCost       int64 `json:"opex_cost"`
	CapexHeadcount int   `json:"capex_headcount"`
	OpexHeadcount  int   `json:"opex_headcount"`
}

// FundingVerdict is rules.md section 3.
type FundingVerdict struct {
	Currency     *string      `json:"currency"`
	CAPEX        HeadCost     `json:"capex"`
	OPEX         HeadCost     `json:"opex"`
	Orgs         OrgBudgets   `json:"orgs"`
	ModelFunding ModelFunding `json:"model_funding"`
	Delta        FundingDelta `json:"delta"`

	// HasCosts is false when no per_head is known: funding is then headcount only.
	HasCosts bool `json:"-"`
	// OrgsDelta is each organization's change against the baseline.
	OrgsDelta OrgBudgets `json:"-"`
}

// TransitionVerdict is rules.md section 4: the organization's verdict, each dev team's, and
// the decisions taken with how hard each is to undo.
type TransitionVerdict struct {
	Verdict   Verdict          `json:"verdict"`
	Teams     []TeamTransition `json:"teams"`
	Decisions []Decision       `json:"decisions"`
}

// TeamTransition is one dev team's move between run models. From is empty (null) for a new
// team, To for a removed one; Reason is set for unlikely and no-reason.
type TeamTransition struct {
	Team    string   `json:"team"`
	From    RunModel `json:"from"`
	To      RunModel `json:"to"`
	Verdict Verdict  `json:"verdict"`
	Reason  string   `json:"reason"`
}

// Decision is one difference between baseline and current, as a decision people take.
type Decision struct {
	Kind          DecisionKind  `json:"kind"`
	Subject       string        `json:"subject"`
	Changeability Changeability `json:"changeability"`
	Detail        string        `json:"detail"`
}

// IdentityVerdict is rules.md section 5: the identity shares and the dominant one.
type IdentityVerdict struct {
	Dominant *Identity      `json:"dominant"`
	Weights  IdentityShares `json:"weights"`
}

// IdentityShares holds one share per identity, in AllIdentities order.
type IdentityShares [3]float64

// Of returns the share of identity id.
func (s IdentityShares) Of(id Identity) float64 {
	if i := slices.Index(AllIdentities, id); i >= 0 {
		return s[i]
	}
	return 0
}

// KPIEntry is one KPI with the identity it belongs to.
type KPIEntry struct {
	Identity Identity `json:"identity"`
	Text     string   `json:"text"`
	// Own is true for the file's own KPIs, false for the built-in examples.
	Own bool `json:"-"`
}

// PositioningVerdict is the SRE organization's positioning; ID, Focus and Strategy are nil
// when it is unset.
type PositioningVerdict struct {
	ID       *Positioning `json:"id"`
	Focus    *string      `json:"focus"`
	Strategy *string      `json:"strategy"`
}

// Severity of an advisory.
type Severity string

// Advisory severities; warnings are listed first.
const (
	Warning Severity = "warning"
	Info    Severity = "info"
)

// Advisory is one piece of advice about the current model (rules.md section 8).
type Advisory struct {
	Code     string   `json:"code"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
	Teams    []string `json:"teams"`
}

// Analyse is the analysis of current against baseline: a pure function of the two models.
func Analyse(baseline, current *Org) *Analysis {
	return NewAnalyser(baseline).Analyse(current)
}

// Analyser analyses many current models against one baseline, computing what it needs of
// the baseline once. The dashboard keeps one and re-analyses after every change.
type Analyser struct {
	base      *Org
	baseFacts facts

	// The name index of the last model analysed, used again while its team names stay the
	// same: an edit that moves a team or changes who runs what renames nothing, and on
	// 10,000 teams building the index was a third of a re-analysis. The map is only read
	// once built, so analyses may run concurrently; mu guards the fields.
	mu        sync.Mutex
	lastNames []string
	lastIndex map[string]int
}

// NewAnalyser prepares the analysis of models against baseline.
func NewAnalyser(baseline *Org) *Analyser {
	return &Analyser{base: baseline, baseFacts: computeFacts(baseline, nil)}
}

// nameIndex is the index of cur's teams by folded name: the last one when the names are
// the same (a string comparison a team, where building it costs a map insertion a team).
func (a *Analyser) nameIndex(cur *Org) map[string]int {
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

// facts are the per-model numbers both sides of the comparison need.
type facts struct {
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
func (f *facts) indexOf(teams []Team, name string, at int) (int, bool) {
	if f.unique && at < len(teams) && teams[at].Name == name {
		return at, true
	}
	return lookupFold(f.index, name)
}

// computeFacts computes the facts of o; index is nameIndex(o.Teams), or nil to build it.
func computeFacts(o *Org, index map[string]int) facts {
	if index == nil {
		index = nameIndex(o.Teams)
	}
	f := facts{
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
		m, topo := classify(o, &f, i)
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
func classify(o *Org, f *facts, i int) (RunModel, int) {
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
		return YouAndSRERunIt, 4 + orgOffset(partnerOrg())
	case RunSRE:
		return SRERunIt, 7 + orgOffset(partnerOrg())
	case RunOps:
		return OpsRunIt, 0
	}
	return Unorganized, 0
}

func orgOffset(org OrgID) int {
	switch org {
	case OrgOps:
		return 1
	case OrgSRE:
		return 2
	}
	return 0
}

// fundingOf is the funding class of a team (rules.md section 3).
func fundingOf(o *Org, t *Team) Funding {
	switch {
	case t.Funding != "":
		return t.Funding
	case t.Org == OrgSRE && o.SREOrg.Positioning == PositionCostCenter:
		return OPEX
	case t.Org == OrgOps && t.Kind != KindSRE:
		return OPEX
	}
	return CAPEX
}

// Analyse is the analysis of current against the analyser's baseline.
func (a *Analyser) Analyse(cur *Org) *Analysis {
	f := a.baseFacts // a model analysed against itself, as a report without a baseline is
	if cur != a.base {
		f = computeFacts(cur, a.nameIndex(cur))
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
	an.Funding = a.funding(cur, &f)
	an.Transition = a.transition(cur, &f, an.Teams)
	an.Identity = identity(cur, &f, an.Teams)
	an.KPIs = kpis(cur, an.Identity)
	if f.sreOrgHas {
		an.Positioning = positioning(cur.SREOrg.Positioning)
	}
	an.Advisories = advisories(cur, &f, an)
	return an
}

// share is n/total rounded to 4 decimals (0 when total is 0).
func share(n, total int) float64 {
	if total == 0 {
		return 0
	}
	return round4(float64(n) / float64(total))
}

func round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }

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

func (a *Analyser) funding(cur *Org, f *facts) FundingVerdict {
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

func (a *Analyser) transition(cur *Org, f *facts, teams []TeamVerdict) TransitionVerdict {
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

func identity(cur *Org, f *facts, teams []TeamVerdict) IdentityVerdict {
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

func kpis(cur *Org, id IdentityVerdict) []KPIEntry {
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
		for _, k := range cur.KPIs {
			if k.Identity == ident {
				out = append(out, KPIEntry{Identity: ident, Text: k.Text, Own: true})
				own = true
			}
		}
		if !own {
			for _, text := range ident.Info().KPIs {
				out = append(out, KPIEntry{Identity: ident, Text: text})
			}
		}
	}
	return out
}

func positioning(p Positioning) *PositioningVerdict {
	if p == PositionUnset {
		return &PositioningVerdict{}
	}
	info := p.Info()
	return &PositioningVerdict{ID: &p, Focus: &info.Focus, Strategy: &info.Strategy}
}

// nameList names up to six teams in a sentence ("A, B and 3 more").
func nameList(names []string) string {
	quoted := make([]string, 0, 6)
	for i, n := range names {
		if i == 6 {
			break
		}
		quoted = append(quoted, fmt.Sprintf("%q", n))
	}
	switch rest := len(names) - len(quoted); {
	case rest > 0:
		return strings.Join(quoted, ", ") + fmt.Sprintf(" and %d more", rest)
	case len(quoted) > 1:
		return strings.Join(quoted[:len(quoted)-1], ", ") + " and " + quoted[len(quoted)-1]
	case len(quoted) == 1:
		return quoted[0]
	}
	return ""
}

func advisories(cur *Org, f *facts, an *Analysis) []Advisory {
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

func isAre(n int) string {
	if n == 1 {
		return " is"
	}
	return " are"
}
