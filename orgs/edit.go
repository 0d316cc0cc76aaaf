package orgs

import (
	"bytes"
	"fmt"
	"slices"
)

// This file holds the edits a planning meeting makes to an organization: move a team to
// another organization, change who runs what, change headcount, add and delete teams, and
// position the SRE organization. Every edit leaves a valid model (Load(Marshal(o)) succeeds)
// and returns a Change that can undo and redo it exactly, so the dashboard keeps an undo
// history of edits rather than of whole copies of a possibly large organization.

// EditError says why an edit does not apply; the organization is left as it was. Its message
// is meant for people and names teams quoted (%q), so it is safe to print once sanitized.
type EditError struct{ Msg string }

func (e *EditError) Error() string { return e.Msg }

func editErr(format string, args ...any) error {
	return &EditError{Msg: fmt.Sprintf(format, args...)}
}

// Change is one edit of an organization, recorded so that it can be undone and redone.
// Undo and Redo must be applied to the organization in the state the change left it in
// (or found it in), which an undo history guarantees.
type Change struct {
	// Summary says what the edit did, in words, with team names quoted.
	Summary string
	// Subject is the name of the team the edit is about ("" for edits of the whole
	// organization), so that a view can select it after an undo or a redo.
	Subject string
	ops     []editOp
}

// Redo applies the change (again).
func (c *Change) Redo(o *Org) {
	for _, op := range c.ops {
		op.apply(o)
	}
}

// Undo reverts the change.
func (c *Change) Undo(o *Org) {
	for i := len(c.ops) - 1; i >= 0; i-- {
		c.ops[i].revert(o)
	}
}

// editOp is one reversible step of a change.
type editOp interface {
	apply(o *Org)
	revert(o *Org)
}

// setTeam replaces the team at index i.
type setTeam struct {
	i             int
	before, after Team
}

func (s setTeam) apply(o *Org)  { o.Teams[s.i] = s.after }
func (s setTeam) revert(o *Org) { o.Teams[s.i] = s.before }

// insertTeam inserts a team at index i.
type insertTeam struct {
	i int
	t Team
}

func (s insertTeam) apply(o *Org)  { o.Teams = slices.Insert(o.Teams, s.i, s.t) }
func (s insertTeam) revert(o *Org) { o.Teams = slices.Delete(o.Teams, s.i, s.i+1) }

// removeTeam removes the team at index i.
type removeTeam struct {
	i int
	t Team
}

func (s removeTeam) apply(o *Org)  { o.Teams = slices.Delete(o.Teams, s.i, s.i+1) }
func (s removeTeam) revert(o *Org) { o.Teams = slices.Insert(o.Teams, s.i, s.t) }

// removeServices removes the services at the ascending indices at, in one pass: a team
// that builds thousands of services is deleted in time linear in the services, not once
// per service. removed are those services, in the same order.
type removeServices struct {
	at      []int
	removed []Service
}

func (s removeServices) apply(o *Org) {
	kept, next := o.Services[:0], 0
	for k := range o.Services {
		if next < len(s.at) && s.at[next] == k {
			next++
			continue
		}
		kept = append(kept, o.Services[k])
	}
	clear(o.Services[len(kept):]) // no stale copies past the end
	o.Services = kept
	if len(o.Services) == 0 {
		o.Services = nil // as a file without services loads, so a save verifies equal
	}
}

func (s removeServices) revert(o *Org) {
	out := make([]Service, 0, len(o.Services)+len(s.at))
	rest, next := o.Services, 0
	for len(out) < cap(out) {
		if next < len(s.at) && s.at[next] == len(out) {
			out = append(out, s.removed[next])
			next++
			continue
		}
		out = append(out, rest[0])
		rest = rest[1:]
	}
	o.Services = out
}

// setPositioning changes the SRE organization's positioning.
type setPositioning struct{ before, after Positioning }

func (s setPositioning) apply(o *Org)  { o.SREOrg.Positioning = s.after }
func (s setPositioning) revert(o *Org) { o.SREOrg.Positioning = s.before }

// setRolePositioning changes the positioning of the SRE role outside an SRE org.
type setRolePositioning struct{ before, after Positioning }

func (s setRolePositioning) apply(o *Org)  { o.SRERole.Positioning = s.after }
func (s setRolePositioning) revert(o *Org) { o.SRERole.Positioning = s.before }

// replaceOrg swaps the whole organization; the snapshots are cloned on every use so that
// the live model never shares memory with the history.
type replaceOrg struct{ before, after *Org }

func (s replaceOrg) apply(o *Org)  { *o = *s.after.Clone() }
func (s replaceOrg) revert(o *Org) { *o = *s.before.Clone() }

// do applies a new change to o and returns it.
func (o *Org) do(summary, subject string, ops ...editOp) *Change {
	c := &Change{Summary: summary, Subject: subject, ops: ops}
	c.Redo(o)
	return c
}

// teamAt returns the team at index i, or an error for an index out of range.
func (o *Org) teamAt(i int) (*Team, error) {
	if i < 0 || i >= len(o.Teams) {
		return nil, editErr("no team is selected")
	}
	return &o.Teams[i], nil
}

// MoveTeam moves the team at index i to the organization on the left (dir < 0) or on the
// right (dir > 0) in board order: development, operations, SRE.
func (o *Org) MoveTeam(i, dir int) (*Change, error) {
	t, err := o.teamAt(i)
	if err != nil {
		return nil, err
	}
	at := slices.Index(AllOrgs, t.Org)
	to := at + sign(dir)
	switch {
	case dir == 0:
		return nil, editErr("no direction to move %q in", t.Name)
	case to < 0:
		return nil, editErr("%q is already in the %s, the leftmost", t.Name, t.Org.Title())
	case to >= len(AllOrgs):
		return nil, editErr("%q is already in the %s, the rightmost", t.Name, t.Org.Title())
	}
	after := *t
	after.Org = AllOrgs[to]
	return o.do(fmt.Sprintf("moved %q from %s to %s", t.Name, t.Org.Phrase(), after.Org.Phrase()), t.Name,
		setTeam{i, *t, after}), nil
}

func sign(n int) int {
	switch {
	case n < 0:
		return -1
	case n > 0:
		return 1
	}
	return 0
}

// Fitting lists, in model order, the indices of the teams a dev team at index i could name
// in run_with for run value r: teams of r's partner kind other than itself (none when r
// needs no partner).
func (o *Org) Fitting(i int, r Run) []int {
	want := r.PartnerKind()
	if want == "" {
		return nil
	}
	var out []int
	for j := range o.Teams {
		if j != i && o.Teams[j].Kind == want {
			out = append(out, j)
		}
	}
	return out
}

// devTeamAt is the dev team at index i, or the error an edit of it gives: no team is
// selected, or the team is of another kind, why saying what only dev teams have.
func (o *Org) devTeamAt(i int, why string) (*Team, error) {
	t, err := o.teamAt(i)
	if err != nil {
		return nil, err
	}
	if t.Kind != KindDev {
		return nil, editErr("%q is an %s; %s", t.Name, t.Kind.Words(), why)
	}
	return t, nil
}

// CycleRun moves the dev team at index i to the next run value in the order you,
// you-and-sre, sre, ops, none, you. A value that needs a team to run with takes the team's
// current partner when it fits, else the first fitting team in model order; when no team
// fits, that value is skipped.
func (o *Org) CycleRun(i int) (*Change, error) {
	t, err := o.devTeamAt(i, "only dev teams have a run model")
	if err != nil {
		return nil, err
	}
	at := slices.Index(AllRuns, t.Run)
	for step := 1; step < len(AllRuns); step++ {
		r := AllRuns[(at+step)%len(AllRuns)]
		after := *t
		after.Run, after.RunWith, after.SRERole = r, "", ""
		if r == RunYou {
			after.SRERole = RoleRotation
		}
		if r.NeedsPartner() {
			fit := o.Fitting(i, r)
			if len(fit) == 0 {
				continue
			}
			after.RunWith = o.Teams[fit[0]].Name
			if p := o.Team(t.RunWith); p != nil && t.RunWith != "" && p.Kind == r.PartnerKind() && !SameName(p.Name, t.Name) {
				after.RunWith = p.Name
			}
		}
		return o.do(fmt.Sprintf("%q: %s%s", t.Name, runWords[r], withPhrase(after.RunWith)), t.Name,
			setTeam{i, *t, after}), nil
	}
	return nil, editErr("%q has no other run model to take", t.Name) // unreachable: you and none need no team
}

// runWords says a run value as the run model it gives (docs/rules.md).
var runWords = map[Run]string{
	RunYou:       YouRunIt.Short(),
	RunYouAndSRE: YouAndSRERunIt.Short(),
	RunSRE:       SRERunIt.Short(),
	RunOps:       OpsRunIt.Short(),
	RunNone:      Unorganized.Short() + ", nobody runs it",
}

func withPhrase(partner string) string {
	if partner == "" {
		return ""
	}
	return fmt.Sprintf(", with %q", partner)
}

// CycleRunWith moves the dev team at index i to the next team, in model order, that fits
// its run value as run_with.
func (o *Org) CycleRunWith(i int) (*Change, error) {
	t, err := o.devTeamAt(i, "only dev teams run with another team")
	if err != nil {
		return nil, err
	}
	if !t.Run.NeedsPartner() {
		return nil, editErr("%q runs with no other team (run = %s); press r to change who runs it", t.Name, orDash(string(t.Run)))
	}
	fit := o.Fitting(i, t.Run)
	cur := -1
	for k, j := range fit {
		if SameName(o.Teams[j].Name, t.RunWith) {
			cur = k
		}
	}
	if len(fit) == 0 || (len(fit) == 1 && cur == 0) {
		return nil, editErr("no other %s team for %q to run with", t.Run.PartnerKind(), t.Name)
	}
	after := *t
	after.RunWith = o.Teams[fit[(cur+1)%len(fit)]].Name
	return o.do(fmt.Sprintf("%q now runs with %q", t.Name, after.RunWith), t.Name, setTeam{i, *t, after}), nil
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// CycleSRERole moves a dev team that runs its own services to the next SRE role: rotation,
// dedicated, both, rotation (topologies 1, 2, 3).
func (o *Org) CycleSRERole(i int) (*Change, error) {
	t, err := o.devTeamAt(i, "the SRE role is a dev team's")
	if err != nil {
		return nil, err
	}
	if t.Run != RunYou {
		return nil, editErr("%q does not run its own services; the SRE role applies only with run = you", t.Name)
	}
	after := *t
	after.SRERole = AllRoles[(slices.Index(AllRoles, t.SRERole)+1)%len(AllRoles)]
	return o.do(fmt.Sprintf("%q: SRE role %s", t.Name, after.SRERole), t.Name, setTeam{i, *t, after}), nil
}

// Headcount limits of a team (docs/format.md).
const (
	MinHeadcount = 1
	MaxHeadcount = 10000
)

// AddHeadcount changes the headcount of the team at index i by delta, within 1-10000.
func (o *Org) AddHeadcount(i, delta int) (*Change, error) {
	t, err := o.teamAt(i)
	if err != nil {
		return nil, err
	}
	n := t.Headcount + delta
	if delta == 0 || n < MinHeadcount || n > MaxHeadcount {
		return nil, editErr("%q has %d people; headcount stays within %d-%d", t.Name, t.Headcount, MinHeadcount, MaxHeadcount)
	}
	after := *t
	after.Headcount = n
	clampRotation(&after)
	return o.do(fmt.Sprintf("%q: headcount %d", t.Name, n), t.Name, setTeam{i, *t, after}), nil
}

// ValidateTeamName checks a new team's name by the rules a file's names follow: 1-64
// characters, no control character, unique in o ignoring case.
func (o *Org) ValidateTeamName(name string) error {
	if p := NameProblem("the team name", name); p != "" {
		return editErr("%s", p)
	}
	k := FoldName(name)
	for j := range o.Teams {
		if FoldName(o.Teams[j].Name) == k {
			return editErr("the name %q is already used by team %q; names are unique ignoring case and Unicode form", name, o.Teams[j].Name)
		}
	}
	if !isASCII(name) || o.hasNonASCIITeamName() {
		if other := ConfusableWith(name, o.teamNames()); other != "" {
			return editErr("the name %q could pass for that of team %q (letters of other scripts that look alike); refused", name, other)
		}
	}
	return nil
}

// AddTeam adds a new team at the end of the model, after checking its name, organization,
// kind and headcount. Optional keys left empty take their defaults (on_call none; for a dev
// team, run = you with the SRE role on rotation).
func (o *Org) AddTeam(t Team) (*Change, error) {
	if err := o.ValidateTeamName(t.Name); err != nil {
		return nil, err
	}
	switch {
	case !slices.Contains(AllOrgs, t.Org):
		return nil, editErr("org must be one of dev, ops, sre, not %q", t.Org)
	case !slices.Contains(AllKinds, t.Kind):
		return nil, editErr("kind must be one of dev, sre, sre-infra, ops, not %q", t.Kind)
	case t.Headcount < MinHeadcount || t.Headcount > MaxHeadcount:
		return nil, editErr("headcount %d is out of range %d-%d", t.Headcount, MinHeadcount, MaxHeadcount)
	}
	if t.OnCall == "" {
		t.OnCall = OnCallNone
	}
	if t.Kind == KindDev {
		if t.Run == "" {
			t.Run = RunYou
		}
		if t.Run.NeedsPartner() {
			if p := o.Team(t.RunWith); p == nil || p.Kind != t.Run.PartnerKind() {
				return nil, editErr("run = %s needs run_with naming a %s team", t.Run, t.Run.PartnerKind())
			}
		} else {
			t.RunWith = ""
		}
		if t.Run == RunYou && t.SRERole == "" {
			t.SRERole = RoleRotation
		}
		if t.Run != RunYou {
			t.SRERole = ""
		}
	} else {
		t.Run, t.RunWith, t.SRERole = "", "", ""
	}
	return o.do(fmt.Sprintf("added %s team %q to %s with %d people", t.Kind, t.Name, t.Org.Phrase(), t.Headcount), t.Name,
		insertTeam{len(o.Teams), t}), nil
}

// DeleteTeam removes the team at index i. Dev teams that ran with it fall back to running
// their own services (run = you, SRE role on rotation: "a dev team left without an SRE
// falls back to you run it"), and the services it built go with it.
func (o *Org) DeleteTeam(i int) (*Change, error) {
	t, err := o.teamAt(i)
	if err != nil {
		return nil, err
	}
	var ops []editOp
	var fellBack []string
	for j := range o.Teams {
		d := &o.Teams[j]
		if j == i || d.Kind != KindDev || !d.Run.NeedsPartner() || !SameName(d.RunWith, t.Name) {
			continue
		}
		after := *d
		after.Run, after.RunWith, after.SRERole = RunYou, "", RoleRotation
		ops = append(ops, setTeam{j, *d, after})
		fellBack = append(fellBack, d.Name)
	}
	svcOps, dropped := o.dropOverridesWith(t.Name) // before any service is removed
	ops = append(ops, svcOps...)
	var gone removeServices
	for k := range o.Services {
		if SameName(o.Services[k].Team, t.Name) {
			gone.at = append(gone.at, k)
			gone.removed = append(gone.removed, o.Services[k])
		}
	}
	services := len(gone.at)
	if services > 0 {
		ops = append(ops, gone)
	}
	ops = append(ops, removeTeam{i, *t})
	summary := fmt.Sprintf("deleted %q", t.Name)
	if len(fellBack) > 0 {
		summary += fmt.Sprintf("; %s now run%s it themselves", nameList(fellBack), pluralS(len(fellBack) == 1))
	}
	summary += overridesDroppedPhrase(dropped)
	if services > 0 {
		summary += fmt.Sprintf("; %d service%s removed with it", services, pluralS(services != 1))
	}
	return o.do(summary, t.Name, ops...), nil
}

func pluralS(b bool) string {
	if b {
		return "s"
	}
	return ""
}

// CyclePositioning moves the SRE organization's positioning to the next value: unset,
// cost-center, asset, partner, enabler, unset.
func (o *Org) CyclePositioning() (*Change, error) {
	next := nextPositioning(o.SREOrg.Positioning)
	return o.do("SRE org positioning: "+positioningWords(next), "", setPositioning{o.SREOrg.Positioning, next}), nil
}

// CycleRolePositioning moves the positioning of the SRE role outside an SRE org to the
// next value, in the same cycle as CyclePositioning.
func (o *Org) CycleRolePositioning() (*Change, error) {
	next := nextPositioning(o.SRERole.Positioning)
	return o.do("SRE role positioning: "+positioningWords(next), "", setRolePositioning{o.SRERole.Positioning, next}), nil
}

// nextPositioning is the positioning after p: unset, cost-center, asset, partner, enabler, unset.
func nextPositioning(p Positioning) Positioning {
	cycle := append([]Positioning{PositionUnset}, AllPositionings...)
	return cycle[(slices.Index(cycle, p)+1)%len(cycle)]
}

// positioningWords names a positioning in an edit's summary.
func positioningWords(p Positioning) string {
	if p == PositionUnset {
		return "unset"
	}
	return p.Info().Name
}

// ResetTo makes o equal to target (the baseline), keeping o's own scenario record. It is an
// edit like any other, so it can be undone.
func (o *Org) ResetTo(target *Org) (*Change, error) {
	return o.Become(target, "back to the baseline", "already at the baseline")
}

// Become makes o equal to target (the baseline, a stage of a plan), keeping o's own scenario
// record: one edit, summed up as summary, that can be undone. It fails with same when o
// already equals target.
func (o *Org) Become(target *Org, summary, same string) (*Change, error) {
	after := target.Clone()
	after.Scenario = nil
	if o.Scenario != nil {
		after.Scenario = o.Clone().Scenario
	}
	if bytes.Equal(Marshal(o), Marshal(after)) {
		return nil, editErr("%s", same)
	}
	return o.do(summary, "", replaceOrg{o.Clone(), after}), nil
}
