package orgs

import (
	"fmt"
	"reflect"
	"strconv"
)

// Diff is what changed from organization A to organization B: team by team (matched by name,
// ignoring case, so a team that changed organization is a move, not a removal and an
// addition) and verdict by verdict. Its JSON form is `sretopo diff --format json`.
type Diff struct {
	A              string          `json:"a"`
	B              string          `json:"b"`
	Differ         bool            `json:"differ"`
	Moves          []Move          `json:"moves"`
	RunChanges     []RunChange     `json:"run_changes"`
	RoleChanges    []RoleChange    `json:"role_changes"`
	RunWithChanges []RunWithChange `json:"run_with_changes"`
	Added          []string        `json:"added"`
	Removed        []string        `json:"removed"`
	Headcount      []HeadcountDiff `json:"headcount"`
	OtherChanges   []FieldChange   `json:"other_changes"`
	// ServiceChanges are the services whose own run override was added, removed or
	// changed; ServicesAdded, ServicesRemoved and ServicesMoved the services only in B,
	// only in A, and built by another team in B.
	ServiceChanges  []ServiceDecision `json:"service_changes"`
	ServicesAdded   []string          `json:"services_added"`
	ServicesRemoved []string          `json:"services_removed"`
	ServicesMoved   []ServiceMove     `json:"services_moved"`
	Positioning     *PositioningDiff  `json:"positioning"`
	// RolePositioning is a change of the SRE role's positioning (nil for none).
	RolePositioning *PositioningDiff `json:"role_positioning"`
	// Budgets is each organization's budget before (A), after (B) and the change.
	Budgets OrgBudgetChanges `json:"budgets"`
	// Staffing is what sustainable rotations need in A and in B (docs/rules.md section 9).
	Staffing StaffingChange `json:"staffing"`
	// Risk is the organization's risk in A and in B (docs/rules.md section 12), nil when
	// neither has rates.
	Risk     *RiskChange  `json:"risk"`
	Verdicts DiffVerdicts `json:"verdicts"`
}

// StaffingChange is the staffing totals before (A), after (B) and the change.
type StaffingChange struct {
	Before StaffingTotals `json:"before"`
	After  StaffingTotals `json:"after"`
	Delta  StaffingTotals `json:"delta"`
}

// OrgBudgetChanges is each organization's budget change, in board order.
type OrgBudgetChanges struct {
	Dev BudgetChange `json:"dev"`
	Ops BudgetChange `json:"ops"`
	SRE BudgetChange `json:"sre"`
}

// Of returns the change of org's budget.
func (b *OrgBudgetChanges) Of(org OrgID) *BudgetChange {
	return orgField(org, &b.Dev, &b.Ops, &b.SRE)
}

// BudgetChange is one organization's headcount and cost before, after and the change.
type BudgetChange struct {
	Before HeadCost `json:"before"`
	After  HeadCost `json:"after"`
	Delta  HeadCost `json:"delta"`
}

// Move is a team that reports into another organization.
type Move struct {
	Team string `json:"team"`
	From OrgID  `json:"from"`
	To   OrgID  `json:"to"`
}

// RunChange is a dev team whose run model changed.
type RunChange struct {
	Team string   `json:"team"`
	From RunModel `json:"from"`
	To   RunModel `json:"to"`
}

// RoleChange is a dev team that runs its own services and changed its SRE role.
type RoleChange struct {
	Team string  `json:"team"`
	From SRERole `json:"from"`
	To   SRERole `json:"to"`
}

// RunWithChange is a dev team that keeps its run model but runs with another team.
type RunWithChange struct {
	Team string `json:"team"`
	From string `json:"from"`
	To   string `json:"to"`
}

// HeadcountDiff is a team whose headcount changed.
type HeadcountDiff struct {
	Team string `json:"team"`
	From int    `json:"from"`
	To   int    `json:"to"`
}

// FieldChange is any other change of a team's settings (kind, on-call, cost, funding, note).
type FieldChange struct {
	Team  string `json:"team"`
	Field string `json:"field"`
	From  string `json:"from"`
	To    string `json:"to"`
}

// PositioningDiff is a change of the SRE organization's positioning ("" is unset).
type PositioningDiff struct {
	From Positioning `json:"from"`
	To   Positioning `json:"to"`
}

// DiffVerdicts are the verdicts of A and of B side by side, and the transition from A to B.
type DiffVerdicts struct {
	Topology VerdictChange[*int]      `json:"topology"`
	Pure     VerdictChange[bool]      `json:"pure"`
	RunModel VerdictChange[*RunModel] `json:"run_model"`
	// RunModelMajority is whether each side's dominant run model covers more than half its
	// dev teams (rules.md 1, run_model.majority): without one, RunModel is only the largest
	// of a mix, and the diff says "mixed" first.
	RunModelMajority VerdictChange[bool]      `json:"run_model_majority"`
	Identity         VerdictChange[*Identity] `json:"identity"`
	Funding          FundingChange            `json:"funding"`
	Transition       TransitionChange         `json:"transition"`
	Advisories       AdvisoryChange           `json:"advisories"`
}

// RunModelChanged reports whether the run model verdict changed from A to B: the dominant
// model, or whether it covers most dev teams (a change of majority alone turns a side's
// verdict into "mixed" or out of it).
func (v *DiffVerdicts) RunModelChanged() bool {
	return v.RunModel.Changed || v.RunModelMajority.Changed
}

// VerdictChange is a verdict of A and of B side by side, and whether it changed.
type VerdictChange[T any] struct {
	From    T    `json:"from"`
	To      T    `json:"to"`
	Changed bool `json:"changed"`
}

// changeOf pairs two verdicts; pointers are compared by what they point to (nil is none).
func changeOf[T any](from, to T) VerdictChange[T] {
	return VerdictChange[T]{From: from, To: to, Changed: !reflect.DeepEqual(from, to)}
}

// FundingTotals are the CAPEX and OPEX totals of one side.
type FundingTotals struct {
	Capex HeadCost `json:"capex"`
	Opex  HeadCost `json:"opex"`
}

// FundingChange is funding before (A), after (B) and the delta.
type FundingChange struct {
	// Currency is B's currency (nil for none), for the costs to be said with it.
	Currency *string       `json:"currency"`
	Before   FundingTotals `json:"before"`
	After    FundingTotals `json:"after"`
	Delta    FundingDelta  `json:"delta"`
	Changed  bool          `json:"changed"`
	// HasCosts is false when neither side knows a cost: the change is then in people only.
	HasCosts bool `json:"-"`
}

// TransitionChange is the verdict of going from A to B, with its teams, services and
// decisions: the transition of an analysis of B against A.
type TransitionChange = TransitionVerdict

// AdvisoryChange lists the advisory codes that B raises and A did not, the reverse, and
// those both raise about other teams or services.
type AdvisoryChange struct {
	Raised  []Advisory       `json:"raised"`
	Cleared []Advisory       `json:"cleared"`
	Changed []AdvisoryUpdate `json:"changed"`
}

// AdvisoryUpdate is an advisory A and B both raise, about other teams or services.
type AdvisoryUpdate struct {
	Code     string   `json:"code"`
	Severity Severity `json:"severity"`
	// From and To are the advisory in A and in B.
	From Advisory `json:"from"`
	To   Advisory `json:"to"`
}

// Compare is the diff from a (named nameA) to b (named nameB).
func Compare(nameA string, a *Org, nameB string, b *Org) *Diff {
	d := &Diff{
		A: nameA, B: nameB,
		Moves: []Move{}, RunChanges: []RunChange{}, RoleChanges: []RoleChange{}, RunWithChanges: []RunWithChange{},
		Added: []string{}, Removed: []string{}, Headcount: []HeadcountDiff{}, OtherChanges: []FieldChange{},
	}
	// one analyser: A's risk, simulated once, is B's baseline
	byA := NewAnalyser(a)
	anA := byA.Analyse(a)
	anB := byA.Analyse(b)
	// each side's teams by folded name: a search of A for each team of B made comparing
	// two files of 20,000 teams take seconds
	inA, inB := foldIndex(a.Teams), foldIndex(b.Teams)
	for i := range b.Teams {
		t := &b.Teams[i]
		was := anB.Teams[i].Was
		if was == nil {
			d.Added = append(d.Added, t.Name)
			continue
		}
		if was.Org != t.Org {
			d.Moves = append(d.Moves, Move{Team: t.Name, From: was.Org, To: t.Org})
		}
		if was.Kind == KindDev && t.Kind == KindDev {
			j, _ := lookupFold(inA, t.Name)
			from := anA.Teams[j].RunModel
			to := anB.Teams[i].RunModel
			switch {
			case from != to:
				d.RunChanges = append(d.RunChanges, RunChange{Team: t.Name, From: from, To: to})
			case was.SRERole != t.SRERole:
				d.RoleChanges = append(d.RoleChanges, RoleChange{Team: t.Name, From: was.SRERole, To: t.SRERole})
			case !SameName(was.RunWith, t.RunWith):
				d.RunWithChanges = append(d.RunWithChanges, RunWithChange{Team: t.Name, From: was.RunWith, To: t.RunWith})
			}
		}
		if was.Headcount != t.Headcount {
			d.Headcount = append(d.Headcount, HeadcountDiff{Team: t.Name, From: was.Headcount, To: t.Headcount})
		}
		d.OtherChanges = append(d.OtherChanges, otherChanges(a, was, b, t)...)
	}
	for i := range a.Teams {
		if _, inBoth := lookupFold(inB, a.Teams[i].Name); !inBoth {
			d.Removed = append(d.Removed, a.Teams[i].Name)
		}
	}
	if a.SREOrg.Positioning != b.SREOrg.Positioning {
		d.Positioning = &PositioningDiff{From: a.SREOrg.Positioning, To: b.SREOrg.Positioning}
	}
	if a.SRERole.Positioning != b.SRERole.Positioning {
		d.RolePositioning = &PositioningDiff{From: a.SRERole.Positioning, To: b.SRERole.Positioning}
	}
	for _, org := range AllOrgs {
		c, before, after := d.Budgets.Of(org), *anA.Funding.Orgs.Of(org), *anB.Funding.Orgs.Of(org)
		c.Before, c.After = before, after
		c.Delta = HeadCost{Headcount: after.Headcount - before.Headcount, Cost: after.Cost - before.Cost}
	}

	sc := CompareServices(a, b)
	d.ServiceChanges, d.ServicesAdded, d.ServicesRemoved, d.ServicesMoved = sc.Overrides, sc.Added, sc.Removed, sc.Moved
	d.Staffing = StaffingChange{Before: anA.Staffing.StaffingTotals, After: anB.Staffing.StaffingTotals, Delta: anB.Staffing.Delta}
	d.Risk = riskChangeOf(anA.Risk, anB.Risk)

	v := &d.Verdicts
	v.Topology = changeOf(anA.Topology.Dominant, anB.Topology.Dominant)
	v.Pure = changeOf(anA.Topology.Pure, anB.Topology.Pure)
	v.RunModel = changeOf(anA.RunModel.Dominant, anB.RunModel.Dominant)
	v.RunModelMajority = changeOf(anA.RunModel.Majority, anB.RunModel.Majority)
	v.Identity = changeOf(anA.Identity.Dominant, anB.Identity.Dominant)
	v.Funding = FundingChange{
		Currency: anB.Funding.Currency,
		HasCosts: anA.Funding.HasCosts || anB.Funding.HasCosts,
		Before:   FundingTotals{Capex: anA.Funding.CAPEX, Opex: anA.Funding.OPEX},
		After:    FundingTotals{Capex: anB.Funding.CAPEX, Opex: anB.Funding.OPEX},
		Delta:    anB.Funding.Delta,
	}
	v.Funding.Changed = v.Funding.Before != v.Funding.After
	v.Transition = TransitionChange{Verdict: anB.Transition.Verdict, Teams: []TeamTransition{}, Services: anB.Transition.Services, Decisions: anB.Transition.Decisions}
	for _, t := range anB.Transition.Teams {
		if t.Verdict != VerdictUnchanged {
			v.Transition.Teams = append(v.Transition.Teams, t)
		}
	}
	v.Advisories = compareAdvisories(anA.Advisories, anB.Advisories)

	d.Differ = len(d.Moves)+len(d.RunChanges)+len(d.RoleChanges)+len(d.RunWithChanges)+len(d.Added)+len(d.Removed)+len(d.Headcount)+len(d.OtherChanges)+
		len(d.ServiceChanges)+len(d.ServicesAdded)+len(d.ServicesRemoved)+len(d.ServicesMoved) > 0 ||
		d.Positioning != nil || d.RolePositioning != nil || !sameOrgSettings(a, b)
	return d
}

// foldIndex maps each team's folded name to its first index, as TeamIndex finds it.
func foldIndex(teams []Team) map[string]int {
	keys := foldedNames(teams)
	m := make(map[string]int, len(teams))
	for i, k := range keys {
		if _, dup := m[k]; !dup {
			m[k] = i
		}
	}
	return m
}

// sameOrgSettings reports whether a and b are the same organization but for the
// [scenario] table, which is bookkeeping: this catches what Compare does not list team by
// team (name, description, defaults, services, KPIs, team order).
func sameOrgSettings(a, b *Org) bool {
	ac, bc := *a, *b
	ac.Scenario, bc.Scenario = nil, nil
	return reflect.DeepEqual(&ac, &bc)
}

func otherChanges(a *Org, was *Team, b *Org, t *Team) []FieldChange {
	var out []FieldChange
	add := func(field, from, to string) {
		if from != to {
			out = append(out, FieldChange{Team: t.Name, Field: field, From: from, To: to})
		}
	}
	add("name", was.Name, t.Name)
	add("kind", string(was.Kind), string(t.Kind))
	add("on_call", string(was.OnCall), string(t.OnCall))
	add("rotation", rotationKeyWords(was.Rotation), rotationKeyWords(t.Rotation))
	// the funding key only: a class that follows from the run models is a consequence,
	// never a change the user made
	add("funding", orUnset(string(was.Funding)), orUnset(string(t.Funding)))
	add("per_head", strconv.FormatInt(a.CostPerHead(was), 10), strconv.FormatInt(b.CostPerHead(t), 10))
	add("note", was.Note, t.Note)
	return out
}

// orUnset is s, or "unset" when it is empty.
func orUnset(s string) string {
	if s == "" {
		return "unset"
	}
	return s
}

// compareAdvisories pairs the advisories of A and B by code: a code only B raises is
// raised, one only A raises cleared, and one both raise about other teams or services
// changed (one advisory, not raised and cleared).
func compareAdvisories(a, b []Advisory) AdvisoryChange {
	out := AdvisoryChange{Raised: []Advisory{}, Cleared: []Advisory{}, Changed: []AdvisoryUpdate{}}
	find := func(list []Advisory, code string) *Advisory {
		for i := range list {
			if list[i].Code == code {
				return &list[i]
			}
		}
		return nil
	}
	for _, x := range b {
		switch y := find(a, x.Code); {
		case y == nil:
			out.Raised = append(out.Raised, x)
		case !reflect.DeepEqual(x.Teams, y.Teams) || !reflect.DeepEqual(x.Services, y.Services):
			out.Changed = append(out.Changed, AdvisoryUpdate{Code: x.Code, Severity: x.Severity, From: *y, To: x})
		}
	}
	for _, y := range a {
		if find(b, y.Code) == nil {
			out.Cleared = append(out.Cleared, y)
		}
	}
	return out
}

// String describes a move in words ("Reliability moved from the ops org to the sre org").
func (m Move) String() string {
	return fmt.Sprintf("%s moved from %s to %s", m.Team, m.From.Phrase(), m.To.Phrase())
}
