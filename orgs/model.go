// Package orgs holds sretopo's organization model, its file format (loading with
// validation, canonical writing) and the analysis that turns a baseline and a current
// organization into every verdict the report and the dashboard show. It imports
// nothing from the terminal UI so that it can be tested, and reused, on its own.
package orgs

import (
	"time"
)

// FormatVersion is the version of the organization file format this build reads and writes.
const FormatVersion = 1

// OrgID names one of the three organizations a team can report into.
type OrgID string

// The three organizations, in board order.
const (
	OrgDev OrgID = "dev"
	OrgOps OrgID = "ops"
	OrgSRE OrgID = "sre"
)

// AllOrgs lists the organizations in board order (development, operations, SRE).
var AllOrgs = []OrgID{OrgDev, OrgOps, OrgSRE}

// Kind says what a team does.
type Kind string

// Team kinds, as written in the file.
const (
	KindDev      Kind = "dev"
	KindSRE      Kind = "sre"
	KindSREInfra Kind = "sre-infra"
	KindOps      Kind = "ops"
)

// AllKinds lists the team kinds in the order the format documents them.
var AllKinds = []Kind{KindDev, KindSRE, KindSREInfra, KindOps}

// Words is the kind as people say it: "dev team", "SRE infra team".
func (k Kind) Words() string {
	switch k {
	case KindDev:
		return "dev team"
	case KindSRE:
		return "SRE team"
	case KindSREInfra:
		return "SRE infra team"
	case KindOps:
		return "ops team"
	}
	return string(k) + " team"
}

// Run is the `run` value of a development team: who runs the services it builds.
type Run string

// Run values, in the order the dashboard cycles through them.
const (
	RunYou       Run = "you"
	RunYouAndSRE Run = "you-and-sre"
	RunSRE       Run = "sre"
	RunOps       Run = "ops"
	RunNone      Run = "none"
)

// AllRuns lists the run values in cycling order.
var AllRuns = []Run{RunYou, RunYouAndSRE, RunSRE, RunOps, RunNone}

// NeedsPartner reports whether a dev team with this run value must name a run_with team.
func (r Run) NeedsPartner() bool { return r == RunYouAndSRE || r == RunSRE || r == RunOps }

// PartnerKind is the kind of team run_with must name for this run value ("" when none).
func (r Run) PartnerKind() Kind {
	switch r {
	case RunYouAndSRE, RunSRE:
		return KindSRE
	case RunOps:
		return KindOps
	}
	return ""
}

// SRERole is how a development team that runs its own services fills the SRE role.
type SRERole string

// SRE roles of a team that runs its own services (topologies 1, 2 and 3).
const (
	RoleRotation  SRERole = "rotation"
	RoleDedicated SRERole = "dedicated"
	RoleBoth      SRERole = "both"
)

// AllRoles lists the SRE roles in cycling order.
var AllRoles = []SRERole{RoleRotation, RoleDedicated, RoleBoth}

// OnCall is the hours a team covers.
type OnCall string

// On-call coverage values.
const (
	OnCallNone OnCall = "none"
	OnCall8x5  OnCall = "8x5"
	OnCall8x7  OnCall = "8x7"
	OnCall24x5 OnCall = "24x5"
	OnCall24x7 OnCall = "24x7"
)

// AllOnCalls lists the on-call values in the order the format documents them.
var AllOnCalls = []OnCall{OnCallNone, OnCall8x5, OnCall8x7, OnCall24x5, OnCall24x7}

// Funding is a funding class: capital or operational expenditure.
type Funding string

// Funding classes.
const (
	CAPEX Funding = "capex"
	OPEX  Funding = "opex"
)

// Positioning is how a newly created SRE organization positions itself.
type Positioning string

// Positionings of an SRE organization, in cycling order; the empty value means unset.
const (
	PositionUnset      Positioning = ""
	PositionCostCenter Positioning = "cost-center"
	PositionAsset      Positioning = "asset"
	PositionPartner    Positioning = "partner"
	PositionEnabler    Positioning = "enabler"
)

// AllPositionings lists the positionings that can be chosen, in cycling order.
var AllPositionings = []Positioning{PositionCostCenter, PositionAsset, PositionPartner, PositionEnabler}

// Org is one organization file: its teams, where each sits and who runs what.
type Org struct {
	Format      int
	Name        string
	Description string
	Defaults    Defaults
	SREOrg      SREOrgSettings
	// SRERole positions a new SRE role outside an SRE org (docs/rules.md, positioning).
	SRERole  SRERoleSettings
	Teams    []Team
	Services []Service
	KPIs     []KPI
	// Scenario is set when the file was saved as a what-if of another file.
	Scenario *Scenario
}

// Defaults are organization-wide values a team can override.
type Defaults struct {
	// PerHead is the yearly cost of one person; nil means unknown (funding shows headcount only).
	PerHead *int64
	// Currency is shown next to costs; display only.
	Currency string
}

// SREOrgSettings configures the SRE organization.
type SREOrgSettings struct {
	Positioning Positioning
}

// SRERoleSettings configures a new SRE role outside an SRE org: dedicated SREs in dev
// teams (topologies 2 and 3) and SRE teams in the dev or ops org. It takes the same four
// positionings as an SRE org, because the talk positions both alike.
type SRERoleSettings struct {
	Positioning Positioning
}

// Team is one team of the organization.
type Team struct {
	Name      string
	Org       OrgID
	Kind      Kind
	Headcount int
	// PerHead overrides Defaults.PerHead when set.
	PerHead *int64
	// Funding overrides the funding rule when set ("" means derived).
	Funding Funding
	OnCall  OnCall
	// Rotation is how many people take on-call shifts, 1..Headcount; 0 means unset, and
	// then the whole team takes them (docs/rules.md section 9). Only with OnCall other than none.
	Rotation int
	Note     string
	// Secondary says whether a secondary is on call beside the primary (docs/rules.md
	// section 9); nil means the default of the on-call pattern (HasSecondary).
	Secondary *bool
	// Sites is 1 or 2 (follow the sun); 0 means unset, one site.
	Sites int
	// AckMinutes is the minutes to engage once paged, 0-1440; nil means 15.
	AckMinutes *int64
	// Run, RunWith and SRERole apply to development teams only; for other kinds they are empty.
	Run     Run
	RunWith string
	SRERole SRERole
	// Backup is the ops or SRE team on call for the team's services whenever their run
	// model's responders are not (docs/rules.md section 1); dev teams only, "" for none.
	Backup string
}

// Service is a service built by a development team.
type Service struct {
	Name string
	Team string
	// Availability is the target in percent; nil when not given.
	Availability *float64
	// ErrorBudgetUsed is the share of this period's error budget consumed; nil when not given.
	ErrorBudgetUsed *float64
	// Run overrides the team's run for this service; empty when the service runs as its
	// team does (docs/rules.md section 1). The SRE role is always the team's.
	Run Run
	// RunWith is the service's own partner, for a Run that needs one; empty otherwise.
	RunWith string
	// Backup replaces the team's backup for this service when set: a team's name, or ""
	// to clear it (docs/rules.md section 1); nil when the service takes its team's.
	Backup *string
	// WindowDays is the SLO window in days, 7-90; 0 means unset, 30.
	WindowDays int
	// IncidentsPerMonth is incidents per 30 days (docs/rules.md section 12); nil when not given.
	IncidentsPerMonth *float64
	// RestoreHours is the hands-on time to restore once engaged; nil means 1.
	RestoreHours *float64
}

// KPI is one of the organization's own KPIs for an identity.
type KPI struct {
	Identity Identity
	Text     string
	// Target and Actual measure the KPI when both are set (docs/rules.md section 6); a file
	// may not give only one of them.
	Target *float64
	Actual *float64
	// Better says which way the KPI improves: BetterLower, or empty for the default,
	// higher. Load stores an explicit "higher" as empty too, so that equal files give
	// equal models.
	Better Better
}

// Better is the direction in which a measured KPI improves.
type Better string

// The directions of a KPI. In a model the default, higher, is the empty value: a file's
// explicit "higher" loads as empty, and BetterHigher is only what a file may spell.
const (
	BetterHigher Better = "higher"
	BetterLower  Better = "lower"
)

// AllBetters lists the values `better` may take in a file.
var AllBetters = []Better{BetterHigher, BetterLower}

// Scenario records where a what-if came from.
type Scenario struct {
	Title         string
	Note          string
	BasedOn       string
	BasedOnSHA256 string
	// SavedAt is nil when the file does not say when it was saved.
	SavedAt *time.Time
}

// Clone returns a deep copy of o that shares no memory with it, so that an edit of the copy
// never shows through in the original (the dashboard's undo history depends on this).
func (o *Org) Clone() *Org {
	c := *o
	c.Defaults.PerHead = clonePtr(o.Defaults.PerHead)
	c.Teams = make([]Team, len(o.Teams))
	for i := range o.Teams {
		c.Teams[i] = cloneTeam(o.Teams[i])
	}
	c.Services = append([]Service(nil), o.Services...)
	for i := range c.Services {
		c.Services[i] = cloneService(c.Services[i])
	}
	c.KPIs = append([]KPI(nil), o.KPIs...)
	for i := range c.KPIs {
		c.KPIs[i].Target = clonePtr(c.KPIs[i].Target)
		c.KPIs[i].Actual = clonePtr(c.KPIs[i].Actual)
	}
	if o.Scenario != nil {
		s := *o.Scenario
		s.SavedAt = clonePtr(s.SavedAt)
		c.Scenario = &s
	}
	return &c
}

// TeamIndex returns the index of the team named name (as SameName compares names), or -1.
func (o *Org) TeamIndex(name string) int {
	if !isASCII(name) {
		for i := range o.Teams {
			if SameName(o.Teams[i].Name, name) {
				return i
			}
		}
		return -1
	}
	// an ASCII name (the common case, asked for at every keystroke on a service of
	// 10,000 teams): a team name of another length matches only when it is not ASCII, and
	// one of the same length by ASCII case folding or as SameName says otherwise
	for i := range o.Teams {
		t := o.Teams[i].Name
		if len(t) == len(name) {
			if SameName(t, name) {
				return i
			}
		} else if !isASCII(t) && SameName(t, name) {
			return i
		}
	}
	return -1
}

// HasSecondary reports whether t has a secondary on call beside the primary: its secondary
// key, else true for 24x5 and 24x7 and false for 8x5 and 8x7 (docs/rules.md section 9: in
// working hours the rest of the team is at work and backs the primary up).
func (t *Team) HasSecondary() bool {
	if t.Secondary != nil {
		return *t.Secondary
	}
	return t.OnCall == OnCall24x5 || t.OnCall == OnCall24x7
}

// SiteCount is t's sites: 1, or 2 when it follows the sun.
func (t *Team) SiteCount() int { return max(1, t.Sites) }

// DefaultAckMinutes is the minutes a team takes to engage once paged, unless it says.
const DefaultAckMinutes = 15

// Ack is t's minutes to engage once paged.
func (t *Team) Ack() int64 {
	return valueOr(t.AckMinutes, DefaultAckMinutes)
}

// valueOr is *p, or otherwise when p is nil (a key the file leaves out).
func valueOr[T any](p *T, otherwise T) T {
	if p != nil {
		return *p
	}
	return otherwise
}

// DefaultWindowDays is the SLO window of a service that sets none.
const DefaultWindowDays = 30

// Window is s's SLO window in days.
func (s *Service) Window() int {
	if s.WindowDays > 0 {
		return s.WindowDays
	}
	return DefaultWindowDays
}

// Team returns the team named name (as SameName compares names), or nil.
func (o *Org) Team(name string) *Team {
	if i := o.TeamIndex(name); i >= 0 {
		return &o.Teams[i]
	}
	return nil
}

// CostPerHead is the yearly cost of one person of t: its own per_head, else the default, else 0.
func (o *Org) CostPerHead(t *Team) int64 {
	switch {
	case t.PerHead != nil:
		return *t.PerHead
	case o.Defaults.PerHead != nil:
		return *o.Defaults.PerHead
	}
	return 0
}

// HasCosts reports whether any cost is known, i.e. whether funding can show money and not only heads.
func (o *Org) HasCosts() bool {
	if o.Defaults.PerHead != nil {
		return true
	}
	for i := range o.Teams {
		if o.Teams[i].PerHead != nil {
			return true
		}
	}
	return false
}

// clonePtr is a copy of *p at a new address (nil for nil), so that an edit through one
// never shows through the other.
func clonePtr[T any](p *T) *T {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}

// cloneTeam is t with copies of the values it points to.
func cloneTeam(t Team) Team {
	t.PerHead, t.AckMinutes, t.Secondary = clonePtr(t.PerHead), clonePtr(t.AckMinutes), clonePtr(t.Secondary)
	return t
}

// cloneService is s with copies of the values it points to.
func cloneService(s Service) Service {
	s.Availability = clonePtr(s.Availability)
	s.ErrorBudgetUsed = clonePtr(s.ErrorBudgetUsed)
	s.IncidentsPerMonth = clonePtr(s.IncidentsPerMonth)
	s.RestoreHours = clonePtr(s.RestoreHours)
	s.Backup = clonePtr(s.Backup)
	return s
}
