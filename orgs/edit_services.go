package orgs

import (
	"fmt"
	"slices"
)

// This file holds the edits of services and rotations, with the Change machinery of
// edit.go: cycle who runs a service ("as its team" first), cycle its partner, set a team's
// rotation, and the step a team's deletion takes for the services that run with that team.
// Each edit leaves a valid model and is undone exactly.

// setService replaces the service at index k.
type setService struct {
	k             int
	before, after Service
}

func (s setService) apply(o *Org)  { o.Services[s.k] = s.after }
func (s setService) revert(o *Org) { o.Services[s.k] = s.before }

// serviceAt returns the service at index k with the dev team that builds it.
func (o *Org) serviceAt(k int) (*Service, *Team, error) {
	if k < 0 || k >= len(o.Services) {
		return nil, nil, editErr("no service is selected")
	}
	s := &o.Services[k]
	t := o.Team(s.Team)
	if t == nil || t.Kind != KindDev {
		return nil, nil, editErr("service %q names no dev team", s.Name)
	}
	return s, t, nil
}

// serviceRunCycle is the order the run key takes a service through: as its team (no
// override), then the run values in the team's cycling order.
var serviceRunCycle = append([]Run{""}, AllRuns...)

// CycleServiceRun moves the service at index k to the next run in the order "as its team",
// you, you-and-sre, sre, ops, none. A value that needs a partner takes the service's
// current partner when it fits, else its team's, else the first fitting team in model
// order, and is skipped when no team fits. A value that would equal its team's run and
// partner is skipped too: such an override is not kept ("as its team" says it).
func (o *Org) CycleServiceRun(k int) (*Change, error) {
	s, t, err := o.serviceAt(k)
	if err != nil {
		return nil, err
	}
	at := max(slices.Index(serviceRunCycle, s.Run), 0)
	for step := 1; step < len(serviceRunCycle); step++ {
		r := serviceRunCycle[(at+step)%len(serviceRunCycle)]
		after := *s
		after.Run, after.RunWith = r, ""
		if r.NeedsPartner() {
			after.RunWith = o.servicePartner(r, s.RunWith, t.RunWith)
			if after.RunWith == "" {
				continue
			}
		}
		if r != "" && r == t.Run && (!r.NeedsPartner() || SameName(after.RunWith, t.RunWith)) {
			continue
		}
		return o.do(fmt.Sprintf("%q: %s", s.Name, o.serviceRunWords(&after, t)), t.Name, setService{k, *s, after}), nil
	}
	return nil, editErr("%q has no other way to be run", s.Name) // unreachable: you and none need no team
}

// servicePartner is the partner a service takes for run r: the first of its own and its
// team's partners that fits r, else the first fitting team in model order ("" for none).
func (o *Org) servicePartner(r Run, own, teams string) string {
	want := r.PartnerKind()
	for _, name := range []string{own, teams} {
		if name == "" {
			continue // no name: nothing to look up among 10,000 teams
		}
		if p := o.Team(name); p != nil && p.Kind == want {
			return p.Name
		}
	}
	for j := range o.Teams {
		if o.Teams[j].Kind == want {
			return o.Teams[j].Name
		}
	}
	return ""
}

// serviceRunWords says how a service is run after an edit, in the status line's words.
func (o *Org) serviceRunWords(s *Service, t *Team) string {
	if s.Run == "" {
		return fmt.Sprintf("runs as its team %q (%s%s)", t.Name, runWords[t.Run], withPhrase(t.RunWith))
	}
	return runWords[s.Run] + withPhrase(s.RunWith)
}

// CycleServiceRunWith moves the service at index k to the next team, in model order, that
// fits its effective run as partner. When the result is its team's own run and partner, the
// override is dropped, since it would say nothing the team does not.
func (o *Org) CycleServiceRunWith(k int) (*Change, error) {
	s, t, err := o.serviceAt(k)
	if err != nil {
		return nil, err
	}
	run, with := s.Run, s.RunWith
	if run == "" {
		run, with = t.Run, t.RunWith
	}
	if !run.NeedsPartner() {
		return nil, editErr("%q runs with no other team (%s); press r to change who runs it", s.Name, runWords[run])
	}
	want := run.PartnerKind()
	var fit []int
	cur := -1
	for j := range o.Teams {
		if o.Teams[j].Kind == want {
			if SameName(o.Teams[j].Name, with) {
				cur = len(fit)
			}
			fit = append(fit, j)
		}
	}
	if len(fit) == 0 || (len(fit) == 1 && cur == 0) {
		return nil, editErr("no other %s team for %q to run with", want, s.Name)
	}
	after := *s
	after.Run, after.RunWith = run, o.Teams[fit[(cur+1)%len(fit)]].Name
	if run == t.Run && SameName(after.RunWith, t.RunWith) {
		after.Run, after.RunWith = "", ""
	}
	return o.do(fmt.Sprintf("%q: %s", s.Name, o.serviceRunWords(&after, t)), t.Name, setService{k, *s, after}), nil
}

// SetRotation sets how many people of the team at index i take on-call shifts: 1 to its
// headcount, or 0 to unset it (the whole team takes them). Only a team on call has one.
func (o *Org) SetRotation(i, n int) (*Change, error) {
	t, err := o.teamAt(i)
	if err != nil {
		return nil, err
	}
	switch {
	case t.OnCall == OnCallNone || t.OnCall == "":
		return nil, editErr("%q is not on call (on_call = none); a rotation needs an on-call pattern", t.Name)
	case n < 0 || n > t.Headcount:
		return nil, editErr("%q has %d people; its rotation stays within 1-%d (0 to unset it)", t.Name, t.Headcount, t.Headcount)
	case n == t.Rotation:
		return nil, editErr("%q already has rotation %s", t.Name, rotationWords(n, t.Headcount))
	}
	after := *t
	after.Rotation = n
	return o.do(fmt.Sprintf("%q: rotation %s", t.Name, rotationWords(n, t.Headcount)), t.Name, setTeam{i, *t, after}), nil
}

// AddRotation changes the rotation of the team at index i by delta people, from its
// effective rotation (its headcount when unset), within 1 to its headcount.
func (o *Org) AddRotation(i, delta int) (*Change, error) {
	t, err := o.teamAt(i)
	if err != nil {
		return nil, err
	}
	if t.OnCall == OnCallNone || t.OnCall == "" {
		return o.SetRotation(i, 1) // refused with the reason
	}
	n := t.EffectiveRotation() + delta
	if delta == 0 || n < 1 || n > t.Headcount {
		return nil, editErr("%q has %d people and a rotation of %d; the rotation stays within 1-%d", t.Name, t.Headcount, t.EffectiveRotation(), t.Headcount)
	}
	return o.SetRotation(i, n)
}

func rotationWords(n, headcount int) string {
	if n == 0 {
		return fmt.Sprintf("unset (all %d people take shifts)", headcount)
	}
	return fmt.Sprintf("%d of %d people", n, headcount)
}

// clampRotation keeps an explicit rotation within a new headcount: lowering the headcount
// lowers the rotation with it (docs/rules.md section 9). An edit of a team's headcount applies it
// to the team after the change.
func clampRotation(t *Team) {
	if t.Rotation > t.Headcount {
		t.Rotation = t.Headcount
	}
}

// dropOverridesWith is the step a deletion of the team named name takes for services: every
// service whose own run_with names that team runs as its team again. It returns the edit
// steps, to be applied before any service is removed (they address services by their
// index in o), and the names of the services concerned, for the change's summary.
// Services the deleted team builds are left to the deletion, which removes them.
func (o *Org) dropOverridesWith(name string) ([]editOp, []string) {
	var ops []editOp
	var names []string
	for k := range o.Services {
		s := &o.Services[k]
		if s.RunWith == "" || !s.Run.NeedsPartner() || !SameName(s.RunWith, name) || SameName(s.Team, name) {
			continue
		}
		after := *s
		after.Run, after.RunWith = "", ""
		ops = append(ops, setService{k, *s, after})
		names = append(names, s.Name)
	}
	return ops, names
}

// overridesDroppedPhrase is what a deletion's summary adds for the services of
// dropOverridesWith ("" for none).
func overridesDroppedPhrase(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return fmt.Sprintf("; service %s runs as its team again", nameList(names))
	}
	return fmt.Sprintf("; services %s run as their teams again", nameList(names))
}
