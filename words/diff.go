package words

import (
	"fmt"

	"github.com/sretopo/sretopo/orgs"
)

// DiffChange is one change from A to B, for a sentence or for two columns: its subject (a
// team, "Service X", the SRE org), what changed of it, how it was in A and is in B, and the
// sentence that says it all. Was and Now are "-" where there is nothing to say (a team
// added has no Was).
type DiffChange struct {
	Subject, What, Was, Now string
	Sentence                string
}

// DiffChanges are the changes of the organization from A to B, team by team then service
// by service, each in words (user strings through esc).
func DiffChanges(d *orgs.Diff, esc Escape) []DiffChange {
	var out []DiffChange
	add := func(subject, what, was, now, sentence string) {
		out = append(out, DiffChange{Subject: subject, What: what, Was: was, Now: now, Sentence: sentence})
	}
	for _, m := range d.Moves {
		add(esc(m.Team), "org", m.From.Short(), m.To.Short(), fmt.Sprintf("%s moved from %s to %s.", esc(m.Team), m.From.Phrase(), m.To.Phrase()))
	}
	for _, r := range d.RunChanges {
		add(esc(r.Team), "run model", r.From.Short(), r.To.Short(), fmt.Sprintf("%s: run model from %s to %s.", esc(r.Team), r.From.Short(), r.To.Short()))
	}
	for _, r := range d.RoleChanges {
		add(esc(r.Team), "SRE role", OrDash(string(r.From)), OrDash(string(r.To)), fmt.Sprintf("%s: SRE role from %s to %s.", esc(r.Team), r.From, r.To))
	}
	for _, r := range d.RunWithChanges {
		add(esc(r.Team), "runs with", OrDash(esc(r.From)), OrDash(esc(r.To)), fmt.Sprintf("%s: runs with %s instead of %s.", esc(r.Team), esc(r.To), esc(r.From)))
	}
	for _, n := range d.Added {
		add(esc(n), "team", "-", "added", fmt.Sprintf("%s was added.", esc(n)))
	}
	for _, n := range d.Removed {
		add(esc(n), "team", "removed", "-", fmt.Sprintf("%s was removed.", esc(n)))
	}
	for _, h := range d.Headcount {
		add(esc(h.Team), "headcount", People(h.From), People(h.To)+" ("+SignedPeople(h.To-h.From)+")",
			fmt.Sprintf("%s: headcount from %s to %s (%s).", esc(h.Team), Number(int64(h.From)), People(h.To), SignedPeople(h.To-h.From)))
	}
	for _, c := range d.OtherChanges {
		add(esc(c.Team), c.Field, OrDash(esc(c.From)), OrDash(esc(c.To)), fmt.Sprintf("%s: %s from %s to %s.", esc(c.Team), c.Field, Quoted(esc, c.From), Quoted(esc, c.To)))
	}
	for _, c := range d.ServiceChanges {
		add(esc(c.Subject), "runs", "-", esc(c.Detail), fmt.Sprintf("%s: runs %s.", esc(c.Subject), esc(c.Detail)))
	}
	for _, n := range d.ServicesAdded {
		add("Service "+esc(n), "service", "-", "added", fmt.Sprintf("Service %s was added.", esc(n)))
	}
	for _, n := range d.ServicesRemoved {
		add("Service "+esc(n), "service", "removed", "-", fmt.Sprintf("Service %s was removed.", esc(n)))
	}
	for _, m := range d.ServicesMoved {
		add("Service "+esc(m.Service), "team", esc(m.From), esc(m.To), fmt.Sprintf("Service %s moved from %s to %s.", esc(m.Service), esc(m.From), esc(m.To)))
	}
	if p := d.Positioning; p != nil {
		add("SRE org", "positioning", OrUnset(string(p.From)), OrUnset(string(p.To)),
			fmt.Sprintf("SRE org positioning from %s to %s.", OrUnset(string(p.From)), OrUnset(string(p.To))))
	}
	if p := d.RolePositioning; p != nil {
		add("SRE role", "positioning", OrUnset(string(p.From)), OrUnset(string(p.To)),
			fmt.Sprintf("SRE role positioning from %s to %s.", OrUnset(string(p.From)), OrUnset(string(p.To))))
	}
	return out
}

// DiffVerdict is one verdict of A and of B side by side: its label, its value in A and in
// B, and whether it changed.
type DiffVerdict struct {
	Label, A, B string
	Changed     bool
}

// Sentence says the verdict: "Topology: 1 -> 6." or "Pure: no (unchanged).".
func (v DiffVerdict) Sentence() string {
	if v.Changed {
		return fmt.Sprintf("%s: %s -> %s.", v.Label, v.A, v.B)
	}
	return fmt.Sprintf("%s: %s (unchanged).", v.Label, v.A)
}

// DiffVerdicts are the headline verdicts of A and B: topology, pure, run model and SRE
// identity. A side whose dominant run model has no majority says "mixed, largest: " first,
// as its headline does, and a change of majority alone is a change of the verdict.
func DiffVerdicts(v *orgs.DiffVerdicts) []DiffVerdict {
	m := v.RunModel
	majority := v.RunModelMajority
	number := func(n *int) string {
		if n == nil {
			return "none"
		}
		return fmt.Sprint(*n)
	}
	return []DiffVerdict{
		{"Topology", number(v.Topology.From), number(v.Topology.To), v.Topology.Changed},
		{"Pure", YesNo(v.Pure.From), YesNo(v.Pure.To), v.Pure.Changed},
		{"Run model", MixedOr(majority.From, m.From), MixedOr(majority.To, m.To), v.RunModelChanged()},
		{"SRE identity", Identity(v.Identity.From), Identity(v.Identity.To), v.Identity.Changed},
	}
}

// DiffBudget is one budget in A and in B, with its change: CAPEX, OPEX, then each
// organization's.
type DiffBudget struct {
	Label        string
	A, B, Delta  orgs.HeadCost
	Organization bool
	HasCosts     bool
	Currency     *string
}

// Amount says a budget's headcount and cost (HeadCost).
func (b DiffBudget) Amount(hc orgs.HeadCost) string { return HeadCost(hc, b.HasCosts, b.Currency) }

// Change says the budget's change against A ("+380,000 EUR, +4 people vs A").
func (b DiffBudget) Change() string {
	return Change(b.Delta.Headcount, b.Delta.Cost, b.HasCosts, b.Currency, "A")
}

// DiffBudgets are the budgets of A and B: CAPEX, OPEX and each organization's.
func DiffBudgets(d *orgs.Diff) []DiffBudget {
	f := &d.Verdicts.Funding
	out := []DiffBudget{
		{Label: "CAPEX", A: f.Before.Capex, B: f.After.Capex, Delta: orgs.HeadCost{Headcount: f.Delta.CapexHeadcount, Cost: f.Delta.CapexCost}},
		{Label: "OPEX", A: f.Before.Opex, B: f.After.Opex, Delta: orgs.HeadCost{Headcount: f.Delta.OpexHeadcount, Cost: f.Delta.OpexCost}},
	}
	for _, o := range orgs.AllOrgs {
		c := d.Budgets.Of(o)
		out = append(out, DiffBudget{Label: o.Short() + " budget", A: c.Before, B: c.After, Delta: c.Delta, Organization: true})
	}
	for i := range out {
		out[i].HasCosts, out[i].Currency = f.HasCosts, f.Currency
	}
	return out
}

// DiffAdvisory is an advisory raised, cleared or changed from A to B: how (Kind), its
// severity, code and message (for a changed one, the message in B with the one in A).
type DiffAdvisory struct {
	Kind, Severity, Code, Message string
}

// DiffAdvisories are the advisories raised, cleared and changed from A to B.
func DiffAdvisories(a *orgs.AdvisoryChange, esc Escape) []DiffAdvisory {
	var out []DiffAdvisory
	for _, x := range a.Raised {
		out = append(out, DiffAdvisory{"raised", string(x.Severity), x.Code, esc(x.Message)})
	}
	for _, x := range a.Cleared {
		out = append(out, DiffAdvisory{"cleared", string(x.Severity), x.Code, esc(x.Message)})
	}
	for _, x := range a.Changed {
		out = append(out, DiffAdvisory{"changed", string(x.Severity), x.Code, esc(x.To.Message) + " (was: " + esc(x.From.Message) + ")"})
	}
	return out
}

// Sentence says the advisory's change: "Raised warning [coverage-gap]: Nobody is ...".
func (a DiffAdvisory) Sentence() string {
	return fmt.Sprintf("%s %s [%s]: %s", Upper(a.Kind), a.Severity, a.Code, a.Message)
}

// DiffStaffing are the staffing totals of A and B, with their change: people needed in
// rotations, hires and hire cost (label, A, B, change; "" for no change).
func DiffStaffing(st orgs.StaffingChange, currency *string) [][4]string {
	change := func(n int64) string {
		if n == 0 {
			return ""
		}
		return Signed(n) + " vs A"
	}
	return [][4]string{
		{"People needed in rotations", Number(int64(st.Before.Needed)), Number(int64(st.After.Needed)), change(int64(st.Delta.Needed))},
		{"Hires for rotations", Number(int64(st.Before.Hires)), Number(int64(st.After.Hires)), change(int64(st.Delta.Hires))},
		{"Hire cost", Money(st.Before.HireCost, currency), Money(st.After.HireCost, currency), change(st.Delta.HireCost)},
	}
}

// DiffServiceTransition is a service whose run changes from A to B in words: "Service X
// (Team): you run it -> ops run it, unlikely.", with its reason ("" for none).
func DiffServiceTransition(t orgs.ServiceTransition, esc Escape) string {
	return fmt.Sprintf("Service %s (%s): %s, %s.", esc(t.Service), esc(t.Team), RunChange(t.From, t.To), t.Verdict.Words())
}
