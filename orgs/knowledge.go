package orgs

import (
	"slices"
	"strings"
)

// This file is the knowledge of docs/rules.md kept as data, in one place: run models, criteria,
// transitions, identities with their KPIs, and the SRE organization's positionings. The
// analysis reads these tables; nothing else in the code restates them.

// RunModel is one of the models of "who builds it, who runs it" (plus unorganized).
type RunModel string

// Run models in spectrum order.
const (
	YouRunIt       RunModel = "you-run-it"
	YouAndSRERunIt RunModel = "you-and-sre-run-it"
	SRERunIt       RunModel = "sre-run-it"
	OpsRunIt       RunModel = "ops-run-it"
	Unorganized    RunModel = "unorganized"
)

// SpectrumOrder lists the run models in spectrum order; ties between models go to the earlier.
var SpectrumOrder = []RunModel{YouRunIt, YouAndSRERunIt, SRERunIt, OpsRunIt, Unorganized}

// ComparedModels are the four models that have a column in the comparison criteria.
var ComparedModels = []RunModel{YouRunIt, YouAndSRERunIt, SRERunIt, OpsRunIt}

var runModelNames = map[RunModel]string{
	YouRunIt:       "You build it, you run it",
	YouAndSRERunIt: "You build it, you and SRE run it",
	SRERunIt:       "You build it, SRE run it",
	OpsRunIt:       "You build it, ops run it",
	Unorganized:    "Unorganized",
}

var runModelShort = map[RunModel]string{
	YouRunIt:       "you run it",
	YouAndSRERunIt: "you and SRE run it",
	SRERunIt:       "SRE run it",
	OpsRunIt:       "ops run it",
	Unorganized:    "unorganized",
}

// Name is the model's full name, as the talk writes it.
func (m RunModel) Name() string { return runModelNames[m] }

// Short is the model's short name for tight spaces ("you and SRE run it").
func (m RunModel) Short() string { return runModelShort[m] }

// Column is the model's index among ComparedModels, or -1 (unorganized has no column).
func (m RunModel) Column() int {
	for i, c := range ComparedModels {
		if c == m {
			return i
		}
	}
	return -1
}

// Criterion is one row of the comparison table: a value per compared model.
type Criterion struct {
	Name string
	// Values are in ComparedModels order.
	Values [4]string
	// Short is the row's name inside a sentence ("knowledge synchronization"); empty for
	// the rows that have no better end.
	Short string
	// Order lists the row's values from better to worse (our rule, docs/rules.md); nil for
	// the rows that have no better end (distinct SRE org, infra ownership, funding, cost).
	Order []string
}

// The rows the rules read by name.
const (
	criterionInfraOwnership = "Ownership of the SRE infrastructure"
	criterionFunding        = "Funding"
	criterionSREOrg         = "Establishment of a distinct SRE organization"
)

// Criteria is the comparison table of docs/rules.md, in its order, verbatim, with the
// better-to-worse order of the rows that have one (docs/rules.md, comparison criteria).
var Criteria = []Criterion{
	{"Involvement of the development teams in the on-call work", [4]string{"Max", "Continuous", "None if services within error budgets", "None"},
		"developers' on-call involvement", []string{"Max", "Continuous", "None if services within error budgets", "None"}},
	{"Knowledge synchronization between teams", [4]string{"None", "Partially required", "Required", "Not practical"},
		"knowledge synchronization", []string{"None", "Partially required", "Required", "Not practical"}},
	{"Incident resolution times", [4]string{"Min", "Short", "Short", "Max"},
		"incident resolution times", []string{"Min", "Short", "Max"}},
	{"Service handover for operations", [4]string{"Not applicable", "Partially required", "Required", "Required"},
		"service handover", []string{"Not applicable", "Partially required", "Required"}},
	{criterionSREOrg, [4]string{"Not applicable", "May be an option", "May be an option", "Not applicable"}, "", nil},
	{criterionInfraOwnership, [4]string{"Ops org", "Either SRE or ops", "Either SRE or ops org", "Ops org"}, "", nil},
	{"Availability targets and product demand", [4]string{"Highest targets and demand", "Highest targets and demand", "Highest targets and demand", "Lower targets and demand"},
		"availability targets and demand", []string{"Highest targets and demand", "Lower targets and demand"}},
	{criterionFunding, [4]string{"CAPEX", "CAPEX", "CAPEX", "OPEX"}, "", nil},
	{"Cost", [4]string{"High", "High", "High", "Low"}, "", nil},
}

// CriterionNamed returns the row of Criteria named name (nil for none).
func CriterionNamed(name string) *Criterion {
	for i := range Criteria {
		if Criteria[i].Name == name {
			return &Criteria[i]
		}
	}
	return nil
}

// Worsens lists the short names of the rows that get worse from model from to model to,
// in table order (nil when either has no column).
func Worsens(from, to RunModel) []string {
	cf, ct := from.Column(), to.Column()
	if cf < 0 || ct < 0 {
		return nil
	}
	var out []string
	for _, c := range Criteria {
		if c.Order != nil && slices.Index(c.Order, c.Values[ct]) > slices.Index(c.Order, c.Values[cf]) {
			out = append(out, c.Short)
		}
	}
	return out
}

// CapexFunded reports whether the criteria's Funding row funds run model m from CAPEX
// (false for unorganized, which has no column).
func CapexFunded(m RunModel) bool {
	c := m.Column()
	return c >= 0 && CriterionNamed(criterionFunding).Values[c] == "CAPEX"
}

// InfraOrgs are the organizations where the criteria row "Ownership of the SRE
// infrastructure" puts the infrastructure team under run model m ("Ops org": ops; "Either
// SRE or ops": SRE or ops); nil for unorganized.
func InfraOrgs(m RunModel) []OrgID {
	c := m.Column()
	if c < 0 {
		return nil
	}
	v := CriterionNamed(criterionInfraOwnership).Values[c]
	var out []OrgID
	for _, w := range strings.Fields(v) {
		switch strings.ToLower(w) {
		case "sre":
			out = append(out, OrgSRE)
		case "ops":
			out = append(out, OrgOps)
		}
	}
	return out
}

// Topology describes one of the nine SRE team topologies.
type Topology struct {
	Number   int
	RunModel RunModel
	// Name says in a few words where the SRE work sits.
	Name string
	// Role is the SRE role inside the dev team for topologies 1-3 ("" for the others).
	Role SRERole
	// SRETeamOrg is where the SRE team reports for topologies 4-9 ("" for 1-3).
	SRETeamOrg OrgID
	// Note is the sources' commentary, shown where there is room.
	Note string
}

// Topologies are the nine SRE team topologies of docs/rules.md, indexed by number-1.
// The analysis derives every topology number from this table (runTopology).
var Topologies = [9]Topology{
	{1, YouRunIt, "every developer an SRE on rotation", RoleRotation, "", "The classic Amazon setup. Topologies 1-3 differ only inside a team."},
	{2, YouRunIt, "a dedicated SRE role in each dev team", RoleDedicated, "", "The team can switch among topologies 1-3 quickly."},
	{3, YouRunIt, "a dedicated SRE plus a developer on rotation", RoleBoth, "", "The team can switch among topologies 1-3 quickly."},
	{4, YouAndSRERunIt, "SRE team in the dev org shares on call", "", OrgDev, "About one SRE per supported dev team, one SRE team per eight dev teams."},
	{5, YouAndSRERunIt, "SRE team in the ops org shares on call", "", OrgOps, "The SRE team chooses whom it supports; the agreement lives in error budget policies."},
	{6, YouAndSRERunIt, "SRE team in an SRE org shares on call", "", OrgSRE, "Roughly Facebook's production engineering; the SRE org is the hub of SRE knowledge."},
	{7, SRERunIt, "SRE team in the dev org runs the services", "", OrgDev, "The error budget policy fixes the reliability a service needs before SRE takes it."},
	{8, SRERunIt, "SRE team in the ops org runs the services", "", OrgOps, "A service that keeps missing its error budget is handed back."},
	{9, SRERunIt, "SRE team in an SRE org runs the services", "", OrgSRE, "Google's setup."},
}

// TopologyInfo returns the description of topology n (1-9); ok is false for other numbers.
func TopologyInfo(n int) (Topology, bool) {
	if n < 1 || n > 9 {
		return Topology{}, false
	}
	return Topologies[n-1], true
}

// Verdict is the feasibility of a team's (or the organization's) transition.
type Verdict string

// Transition verdicts, from best to worst, then the two that do not count.
const (
	VerdictUnchanged Verdict = "unchanged"
	VerdictPossible  Verdict = "possible"
	VerdictUnlikely  Verdict = "unlikely"
	VerdictNoReason  Verdict = "no-reason"
	VerdictNew       Verdict = "new"
	VerdictRemoved   Verdict = "removed"
)

// severity orders verdicts for "the worst team verdict"; new and removed do not count.
func (v Verdict) severity() int {
	switch v {
	case VerdictPossible:
		return 1
	case VerdictUnlikely:
		return 2
	case VerdictNoReason:
		return 3
	}
	return 0
}

// Words is the verdict as people say it ("no reason").
func (v Verdict) Words() string {
	if v == VerdictNoReason {
		return "no reason"
	}
	return string(v)
}

// transitions is the seed's matrix of docs/rules.md, as transitions[from][to].
var transitions = map[RunModel]map[RunModel]Verdict{
	Unorganized:    {OpsRunIt: VerdictPossible, SRERunIt: VerdictPossible, YouAndSRERunIt: VerdictPossible, YouRunIt: VerdictPossible},
	OpsRunIt:       {Unorganized: VerdictNoReason, SRERunIt: VerdictPossible, YouAndSRERunIt: VerdictPossible, YouRunIt: VerdictPossible},
	SRERunIt:       {Unorganized: VerdictNoReason, OpsRunIt: VerdictUnlikely, YouAndSRERunIt: VerdictPossible, YouRunIt: VerdictPossible},
	YouAndSRERunIt: {Unorganized: VerdictNoReason, OpsRunIt: VerdictUnlikely, SRERunIt: VerdictPossible, YouRunIt: VerdictPossible},
	YouRunIt:       {Unorganized: VerdictNoReason, OpsRunIt: VerdictUnlikely, SRERunIt: VerdictPossible, YouAndSRERunIt: VerdictPossible},
}

// reasonNoReason is the reason for every no-reason verdict (docs/rules.md section 4).
const reasonNoReason = "nothing is gained by leaving services unorganized"

// unlikelyReason quotes the talk's rating of a move and nothing more (docs/rules.md section 4,
// v3): the talk gives no cause, and v2's "worsens ..." implied one that the possible moves
// share.
func unlikelyReason(to RunModel) string {
	return "the talk's transition matrix rates a move to \u201c" + to.Name() + "\u201d unlikely"
}

// CriterionChange is one row of the comparison table whose value differs between two run
// models (docs/rules.md section 4, v3): JSON {"criterion", "from", "to", "direction"}, the
// direction "better" or "worse" by the row's order, "" (null) for the unranked rows.
type CriterionChange struct {
	Criterion string `json:"criterion"`
	From      string `json:"from"`
	To        string `json:"to"`
	Direction string `json:"direction"`
}

// Directions of a CriterionChange.
const (
	DirectionBetter = "better"
	DirectionWorse  = "worse"
)

// criteriaChanges holds, per pair of positions in SpectrumOrder, the rows that change: made
// once, shared read-only by every transition line (an empty list where either model has no
// column or they are the same).
var criteriaChanges = func() (out [5][5][]CriterionChange) {
	for i, from := range SpectrumOrder {
		for j, to := range SpectrumOrder {
			out[i][j] = []CriterionChange{}
			cf, ct := from.Column(), to.Column()
			if cf < 0 || ct < 0 || cf == ct {
				continue
			}
			for _, c := range Criteria {
				if c.Values[cf] == c.Values[ct] {
					continue
				}
				ch := CriterionChange{Criterion: c.Name, From: c.Values[cf], To: c.Values[ct]}
				if c.Order != nil {
					ch.Direction = DirectionBetter
					if slices.Index(c.Order, ch.To) > slices.Index(c.Order, ch.From) {
						ch.Direction = DirectionWorse
					}
				}
				out[i][j] = append(out[i][j], ch)
			}
		}
	}
	return out
}()

// noCriteriaChanges is the criteria_changes of a line that has none (a team new or removed).
var noCriteriaChanges = []CriterionChange{}

// CriteriaChanges lists the rows of the comparison table whose value differs from run
// model from to run model to, in the table's order; empty (not nil) when either has no
// column (unorganized) or they are the same. The list is shared: do not change it.
func CriteriaChanges(from, to RunModel) []CriterionChange {
	i, j := slices.Index(SpectrumOrder, from), slices.Index(SpectrumOrder, to)
	if i < 0 || j < 0 {
		return []CriterionChange{}
	}
	return criteriaChanges[i][j]
}

// Transition returns the verdict of moving a team from one run model to another, with the
// reason for unlikely and no-reason ("" otherwise).
func Transition(from, to RunModel) (Verdict, string) {
	if from == to {
		return VerdictUnchanged, ""
	}
	v := transitions[from][to]
	switch v {
	case VerdictNoReason:
		return v, reasonNoReason
	case VerdictUnlikely:
		return v, unlikelyReason(to)
	}
	return v, ""
}

// Changeability says how hard a decision is to undo.
type Changeability string

// Changeabilities of decisions (docs/rules.md).
const (
	Easy      Changeability = "easy"
	TeamLocal Changeability = "team-local"
	Hard      Changeability = "hard"
	Staffing  Changeability = "staffing"
)

// DecisionKind names the kind of a decision.
type DecisionKind string

// Decision kinds, each with a fixed changeability (decisionChangeability).
const (
	DecideWhoRunsIt      DecisionKind = "who-runs-it"
	DecideSRERole        DecisionKind = "sre-role"
	DecideReportingLines DecisionKind = "reporting-lines"
	DecideNewSREOrg      DecisionKind = "new-sre-org"
	DecideDissolveSREOrg DecisionKind = "dissolve-sre-org"
	DecideStaffing       DecisionKind = "staffing"
	DecidePositioning    DecisionKind = "positioning"
)

var decisionChangeability = map[DecisionKind]Changeability{
	DecideWhoRunsIt:      Easy,
	DecideSRERole:        TeamLocal,
	DecideReportingLines: Hard,
	DecideNewSREOrg:      Hard,
	DecideDissolveSREOrg: Hard,
	DecideStaffing:       Staffing,
	DecidePositioning:    Hard, // v3: it changes the SRE org's charter and budget process
}

// changeabilityRank orders decisions from easy to hard (docs/rules.md, decisions).
var changeabilityRank = map[Changeability]int{Easy: 0, TeamLocal: 1, Staffing: 2, Hard: 3}

// Rank is the place of c in the order decisions are listed: easy, team-local, staffing, hard.
func (c Changeability) Rank() int { return changeabilityRank[c] }

// Changeability is how hard a decision of this kind is to undo.
func (k DecisionKind) Changeability() Changeability { return decisionChangeability[k] }

var changeabilityWords = map[Changeability]string{
	Easy:      "can be corrected later, service by service",
	TeamLocal: "the team decides, quickly",
	Hard:      "an organizational decision, difficult to change later",
	Staffing:  "people to hire, move or let go, decided with the budget",
}

var decisionWords = map[DecisionKind]string{
	DecideWhoRunsIt:      "who runs it",
	DecideSRERole:        "SRE role",
	DecideReportingLines: "reporting lines",
	DecideNewSREOrg:      "a new SRE org",
	DecideDissolveSREOrg: "dissolving the SRE org",
	DecideStaffing:       "staffing",
	DecidePositioning:    "positioning",
}

// Words is the decision kind as a sentence names it ("who runs it").
func (k DecisionKind) Words() string { return decisionWords[k] }

// Explain says in words what the changeability means.
func (c Changeability) Explain() string { return changeabilityWords[c] }

// Identity is the SRE team identity a placement breeds.
type Identity string

// Identities, in tie-break order.
const (
	ProductCentric       Identity = "product-centric"
	IncidentCentric      Identity = "incident-centric"
	ReliabilityUXCentric Identity = "reliability-ux-centric"
)

// AllIdentities lists the identities in tie-break order.
var AllIdentities = []Identity{ProductCentric, IncidentCentric, ReliabilityUXCentric}

// IdentityInfo is what docs/rules.md says about an identity.
type IdentityInfo struct {
	// Name is the identity's name in full.
	Name string
	// Placement is where an SRE team with this identity sits.
	Placement OrgID
	Pride     string
	RootedIn  string
	// KPIs are the seed's three example KPIs.
	KPIs [3]string
}

var identities = map[Identity]IdentityInfo{
	ProductCentric: {"product-centric", OrgDev, "Might be product-specific", "products under development", [3]string{
		"97% of customer complaints about product A are not related to reliability",
		"NPS score of at least 75 for product B",
		"Reliability engineering implemented in new product C from the outset",
	}},
	IncidentCentric: {"incident-centric", OrgOps, "Might be incident-specific", "incidents", [3]string{
		"Mean time between failures (MTBF) is less than two weeks",
		"Mean time to recovery (MTTR) from an incident is less than a day",
		"Number of incidents is on a decline quarterly",
	}},
	ReliabilityUXCentric: {"reliability user experience-centric", OrgSRE, "Might be specific to user experience in terms of reliability", "reliability user experience", [3]string{
		"90% of supported services are within error budgets",
		"95% of incidents with supported services consume less than 30% of the monthly error budget",
		"95% of customer complaints for supported services are not related to reliability",
	}},
}

// Info returns what the domain says about the identity.
func (i Identity) Info() IdentityInfo { return identities[i] }

// identityOfOrg is the identity an SRE team placed in an org leans toward.
var identityOfOrg = map[OrgID]Identity{OrgDev: ProductCentric, OrgOps: IncidentCentric, OrgSRE: ReliabilityUXCentric}

// PositioningInfo is the focus and strategy of an SRE organization's positioning.
type PositioningInfo struct {
	Name     string
	Focus    string
	Strategy string
}

var positionings = map[Positioning]PositioningInfo{
	PositionCostCenter: {"SRE as a Cost Center", "Cost reduction", "Reduce cost"},
	PositionAsset:      {"SRE as an Asset", "Reliability asset", "Optimize the asset"},
	PositionPartner:    {"SRE as a Partner", "Reliability business value", "Exploit revenue"},
	PositionEnabler:    {"SRE as an Enabler", "Enabling business through reliability", "Nurture"},
}

// Info returns the positioning's name, focus and strategy (zero for unset).
func (p Positioning) Info() PositioningInfo { return positionings[p] }

var orgNames = map[OrgID]string{OrgDev: "Development org", OrgOps: "Operations org", OrgSRE: "SRE org"}

// Title is the organization's title as the board shows it ("Development org").
func (o OrgID) Title() string { return orgNames[o] }

// Short is the organization as every output spells it: "dev org", "ops org", "SRE org".
func (o OrgID) Short() string {
	if o == OrgSRE {
		return "SRE org"
	}
	return string(o) + " org"
}

// Phrase is the organization as a sentence names it ("the ops org", "the SRE org").
func (o OrgID) Phrase() string { return "the " + o.Short() }

// Principles are the SRE principles the talk opens with (docs/rules.md): none of them
// prescribes an org structure, which is why the nine topologies are all SRE.
var Principles = []string{
	"Operations is a software problem",
	"Manage by service level objectives",
	"Work to minimize toil",
	"Automate this year's job away",
	"Move fast by reducing the cost of failure",
	"Share ownership with developers",
	"Use the same tooling, regardless of function or job title",
}

// Myth is the belief the talk debunks beside the principles.
const Myth = "SRE can only be done with a central SRE team"

// DecideSteps are the talk's six steps of the decision (docs/rules.md), in order, as
// a title and what the step asks.
var DecideSteps = [6][2]string{
	{"Clarify", "who builds it, who runs it"},
	{"Consider", "reliability incentives, the developers' skin in the game"},
	{"Compare", "the run models side by side on the criteria, with funding"},
	{"Analyze", "the SRE team topologies"},
	{"Inspire", "the SRE identity and KPIs the placement breeds"},
	{"Decide", "select a model, transit and set up the org"},
}
