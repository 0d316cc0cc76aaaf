package orgs

import "slices"

// The verdict types: what an analysis says, as the report, the dashboard and the diff read it.

// Analysis is every verdict sretopo shows about a current model against its baseline
// (docs/rules.md). The report, the dashboard and the diff all read this one value; none of them
// computes a verdict of its own. Its JSON form is the body of `report --format json`.
type Analysis struct {
	Summary     Summary             `json:"summary"`
	RunModel    RunModelVerdict     `json:"run_model"`
	Topology    TopologyVerdict     `json:"topology"`
	ServiceMix  *ServiceMix         `json:"service_mix"`
	Teams       []TeamVerdict       `json:"teams"`
	Services    []ServiceVerdict    `json:"services"`
	Criteria    []CriterionVerdict  `json:"criteria"`
	Funding     FundingVerdict      `json:"funding"`
	Staffing    StaffingVerdict     `json:"staffing"`
	Risk        *OrgRisk            `json:"risk"`
	RiskRuns    int                 `json:"risk_runs"`
	Transition  TransitionVerdict   `json:"transition"`
	Identity    IdentityVerdict     `json:"identity"`
	KPIs        []KPIEntry          `json:"kpis"`
	Positioning *PositioningVerdict `json:"positioning"`
	Advisories  []Advisory          `json:"advisories"`

	// BaselineRunModel is the baseline's dominant run model (nil when it has none).
	BaselineRunModel *RunModel `json:"-"`
	// BaselineTopology is the baseline's dominant topology (nil when it has none).
	BaselineTopology *int `json:"-"`
	// ServiceVerdicts is the services verdict the Services, the service mix, the service
	// advisories and the measured example KPI come from (never nil).
	ServiceVerdicts *ServicesVerdict `json:"-"`
	// ServiceOverrides is the number of services whose own run or partner differs from the
	// baseline's (each a who-runs-it decision), whether or not their run model changed.
	ServiceOverrides int `json:"-"`
}

// Summary counts the organization.
type Summary struct {
	Teams     int `json:"teams"`
	DevTeams  int `json:"dev_teams"`
	Headcount int `json:"headcount"`
}

// RunModelVerdict is the organization's dominant run model and its mix.
type RunModelVerdict struct {
	Dominant *RunModel `json:"dominant"`
	// DominantDevTeams counts the dev teams of the dominant model (0 when there is none).
	DominantDevTeams int `json:"dominant_dev_teams"`
	// Majority is true when the dominant model covers more than half the dev teams
	// (docs/rules.md section 1, v3). Without one the dominant model is only the largest:
	// headlines say "mixed: no run model covers most dev teams (largest: ...)" first, and
	// criteria views call its column the largest, not the organization's.
	Majority bool          `json:"majority"`
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
	Dominant *int `json:"dominant"`
	// DominantDevTeams counts the dev teams in the dominant topology (0 when there is none).
	DominantDevTeams int           `json:"dominant_dev_teams"`
	Pure             bool          `json:"pure"`
	Mix              []TopologyMix `json:"mix"`
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
	// Backup is the dev team's backup team ("" for none, and for other kinds); Secondary,
	// Sites and AckMinutes the effective on-call shape (docs/rules.md sections 1, 9, 12).
	Backup     string
	Secondary  bool
	Sites      int
	AckMinutes int64

	// Was is the same team in the baseline (nil for a team the baseline does not have),
	// so a view can say what changed.
	Was *Team
	// Serves counts the dev teams that name this team in run_with.
	Serves int
	// Partner is the index of the team this dev team runs with (the SRE or ops team its
	// run_with names, for the run values that need one), -1 for none.
	Partner int
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
	return orgField(org, &b.Dev, &b.Ops, &b.SRE)
}

// orgField returns the one of an organization's three fields that belongs to org, the dev
// field for any id that is not ops or SRE.
func orgField[T any](org OrgID, dev, ops, sre *T) *T {
	switch org {
	case OrgOps:
		return ops
	case OrgSRE:
		return sre
	}
	return dev
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

// FundingVerdict is the funding of docs/rules.md (section 3).
type FundingVerdict struct {
	Currency     *string      `json:"currency"`
	CAPEX        HeadCost     `json:"capex"`
	OPEX         HeadCost     `json:"opex"`
	Orgs         OrgBudgets   `json:"orgs"`
	ModelFunding ModelFunding `json:"model_funding"`
	Delta        FundingDelta `json:"delta"`
	// OrgsDelta is each organization's change against the baseline.
	OrgsDelta OrgBudgets `json:"orgs_delta"`

	// HasCosts is false when no per_head is known: funding is then headcount only.
	HasCosts bool `json:"-"`
}

// TransitionVerdict is the transition of docs/rules.md (section 4): the organization's verdict, each dev team's, and
// the decisions taken with how hard each is to undo.
type TransitionVerdict struct {
	Verdict Verdict          `json:"verdict"`
	Teams   []TeamTransition `json:"teams"`
	// Services are the service transitions of docs/rules.md section 4 ([] when none).
	Services  []ServiceTransition `json:"services"`
	Decisions []Decision          `json:"decisions"`
}

// TeamTransition is one dev team's move between run models. From is empty (null) for a new
// team, To for a removed one; Reason is set for unlikely and no-reason.
type TeamTransition struct {
	Team    string   `json:"team"`
	From    RunModel `json:"from"`
	To      RunModel `json:"to"`
	Verdict Verdict  `json:"verdict"`
	Reason  string   `json:"reason"`
	// CriteriaChanges are the rows of the comparison table that differ between From and
	// To, better or worse (docs/rules.md section 4, v3): what the move costs and gains,
	// shown under the line; empty when the run model is the same or either is
	// unorganized. Shared between lines: read only.
	CriteriaChanges []CriterionChange `json:"criteria_changes"`
}

// Decision is one difference between baseline and current, as a decision people take.
type Decision struct {
	Kind          DecisionKind  `json:"kind"`
	Subject       string        `json:"subject"`
	Changeability Changeability `json:"changeability"`
	Detail        string        `json:"detail"`
}

// IdentityVerdict is the identity of docs/rules.md (section 5): the identity shares and the dominant one.
type IdentityVerdict struct {
	// Dominant is nil when there is no identity (v3): no SRE people and no topology-1 team
	// under a dominant you-run-it ("no SRE people: no SRE identity yet"). Product-centric
	// with every People 0 is "SRE done by the developers themselves (topology 1)".
	Dominant *Identity      `json:"dominant"`
	Weights  IdentityShares `json:"weights"`
	// People are the raw weights: SRE people per identity.
	People IdentityPeople `json:"people"`
}

// IdentityPeople holds SRE people per identity, in AllIdentities order.
type IdentityPeople [3]int

// Of returns the people who weigh toward identity id.
func (p IdentityPeople) Of(id Identity) int {
	if i := slices.Index(AllIdentities, id); i >= 0 {
		return p[i]
	}
	return 0
}

// Total is every SRE person the identity rests on.
func (p IdentityPeople) Total() int { return p[0] + p[1] + p[2] }

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
	// KPIMeasure is its status with target and actual (docs/rules.md section 6).
	KPIMeasure
	// Own is true for the file's own KPIs, false for the built-in examples.
	Own bool `json:"-"`
}

// PositioningVerdict is the positioning of the SRE org and of the SRE role outside it.
// ID, Focus and Strategy are the org's, nil when the SRE org holds no team or its
// positioning is unset; Role is nil when there is no SRE role outside an SRE org.
type PositioningVerdict struct {
	ID       *Positioning  `json:"id"`
	Focus    *string       `json:"focus"`
	Strategy *string       `json:"strategy"`
	Role     *PositionInfo `json:"role"`

	// SREOrg is true when the SRE org holds a team, so that its positioning applies.
	SREOrg bool `json:"-"`
}

// PositionInfo is one positioning with its focus and strategy, all nil when it is unset.
type PositionInfo struct {
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

// Advisory is one piece of advice about the current model (docs/rules.md section 10), the
// organization's and the services' alike: JSON {"code", "severity", "message", "teams",
// "services"}, lists [] when empty.
type Advisory struct {
	Code     string   `json:"code"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
	Teams    []string `json:"teams"`
	// Services are the services involved, [] when none (service advisories).
	Services []string `json:"services"`
}
