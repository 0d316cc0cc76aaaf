package orgs

import (
	"fmt"
	"slices"
)

// This file holds the edits of on call and of a team's services as the dashboard makes
// them (rules.md v3): cycle a team's on-call pattern, toggle its secondary and its second
// site, cycle the backup of a dev team or of a service, delete one service, and rename a
// team. Each leaves a model the loader accepts and is undone exactly, with the Change
// machinery of edit.go.

// CycleOnCall moves the on-call pattern of the team at index i to the next of AllOnCalls
// (none, 8x5, 8x7, 24x5, 24x7, none). Going to none drops what only a team on call may have
// (rotation, secondary, sites), as the loader refuses them with on_call = none.
func (o *Org) CycleOnCall(i int) (*Change, error) {
	t, err := o.teamAt(i)
	if err != nil {
		return nil, err
	}
	cur := t.OnCall
	if cur == "" {
		cur = OnCallNone
	}
	after := *t
	after.OnCall = AllOnCalls[(slices.Index(AllOnCalls, cur)+1)%len(AllOnCalls)]
	summary := fmt.Sprintf("%q: on call %s", t.Name, after.OnCall)
	if after.OnCall == OnCallNone {
		dropped := after.Rotation != 0 || after.Secondary != nil || after.Sites != 0
		after.Rotation, after.Secondary, after.Sites = 0, nil, 0
		if dropped {
			summary += " (its rotation, secondary and sites go with it)"
		}
	}
	return o.do(summary, t.Name, setTeam{i, *t, after}), nil
}

// onCallTeam is the team at index i when it is on call, else why a key of on call does not
// apply to it.
func (o *Org) onCallTeam(i int, what string) (*Team, error) {
	t, err := o.teamAt(i)
	if err != nil {
		return nil, err
	}
	if t.OnCall == OnCallNone || t.OnCall == "" {
		return nil, editErr("%q is not on call (on_call = none); %s needs an on-call pattern", t.Name, what)
	}
	return t, nil
}

// ToggleSecondary puts a secondary on call beside the primary of the team at index i, or
// takes it away. The value that equals the pattern's default is left unset, as a file that
// does not say it reads.
func (o *Org) ToggleSecondary(i int) (*Change, error) {
	t, err := o.onCallTeam(i, "a secondary")
	if err != nil {
		return nil, err
	}
	after := *t
	want := !t.HasSecondary()
	after.Secondary = nil
	if after.HasSecondary() != want {
		after.Secondary = &want
	}
	words := map[bool]string{true: "a secondary on call beside the primary", false: "a primary only, no secondary"}[want]
	return o.do(fmt.Sprintf("%q: %s", t.Name, words), t.Name, setTeam{i, *t, after}), nil
}

// ToggleSites makes the team at index i follow the sun on two sites, or go back to one.
func (o *Org) ToggleSites(i int) (*Change, error) {
	t, err := o.onCallTeam(i, "a second site")
	if err != nil {
		return nil, err
	}
	after := *t
	words := "2 sites (follow the sun)"
	if t.SiteCount() == 2 {
		after.Sites, words = 0, "1 site"
	} else {
		after.Sites = 2
	}
	return o.do(fmt.Sprintf("%q: %s", t.Name, words), t.Name, setTeam{i, *t, after}), nil
}

// backups are the teams that may back up something run with partner: ops and SRE teams,
// other than the partner itself, in model order.
func (o *Org) backups(partner string) []string {
	var out []string
	for j := range o.Teams {
		t := &o.Teams[j]
		if (t.Kind == KindOps || t.Kind == KindSRE) && !SameName(t.Name, partner) {
			out = append(out, t.Name)
		}
	}
	return out
}

// nextName is the name after cur in the cycle "" (none), names..., "".
func nextName(cur string, names []string) string {
	at := slices.IndexFunc(names, func(n string) bool { return SameName(n, cur) })
	if cur == "" || at < 0 {
		at = -1
	}
	if at+1 < len(names) {
		return names[at+1]
	}
	return ""
}

// CycleBackup moves the backup of the dev team at index i to the next ops or SRE team in
// model order, then to none. A team whose run is none has nothing to back up.
func (o *Org) CycleBackup(i int) (*Change, error) {
	t, err := o.devTeamAt(i, "a backup is for a dev team or a service")
	if err != nil {
		return nil, err
	}
	if t.Run == RunNone {
		return nil, editErr("%q runs with run = none: nobody runs its services, so there is nothing to back up", t.Name)
	}
	names := o.backups(t.RunWith)
	if len(names) == 0 && t.Backup == "" {
		return nil, editErr("no ops or SRE team could back up %q", t.Name)
	}
	after := *t
	after.Backup = nextName(t.Backup, names)
	return o.do(fmt.Sprintf("%q: backup %s", t.Name, orNone(after.Backup)), t.Name, setTeam{i, *t, after}), nil
}

// CycleServiceBackup moves the backup of the service at index k through: its team's (no
// backup key), none (backup = ""), then each ops or SRE team other than its partner.
func (o *Org) CycleServiceBackup(k int) (*Change, error) {
	s, t, err := o.serviceAt(k)
	if err != nil {
		return nil, err
	}
	run, partner := t.Run, t.RunWith
	if s.Run != "" {
		run, partner = s.Run, s.RunWith
	}
	if run == RunNone {
		return nil, editErr("service %q runs with run = none: nobody runs it, so there is nothing to back up", s.Name)
	}
	after := *s
	words := ""
	switch {
	case s.Backup == nil:
		after.Backup, words = new(""), "none (not its team's)"
	default:
		next := nextName(*s.Backup, o.backups(partner))
		if next == "" {
			after.Backup, words = nil, "its team's ("+orNone(t.Backup)+")"
		} else {
			after.Backup, words = new(next), next
		}
	}
	return o.do(fmt.Sprintf("service %q: backup %s", s.Name, words), t.Name, setService{k, *s, after}), nil
}

func orNone(name string) string {
	if name == "" {
		return "none"
	}
	return fmt.Sprintf("%q", name)
}

// DeleteService removes the service at index k; its team stays.
func (o *Org) DeleteService(k int) (*Change, error) {
	if k < 0 || k >= len(o.Services) {
		return nil, editErr("no service is selected")
	}
	s := o.Services[k]
	return o.do(fmt.Sprintf("deleted service %q of %q", s.Name, s.Team), s.Team,
		removeServices{at: []int{k}, removed: []Service{s}}), nil
}

// ServiceIndex is the index of the service named name built by team (as SameName compares
// names), or -1.
func (o *Org) ServiceIndex(name, team string) int {
	for k := range o.Services {
		if SameName(o.Services[k].Name, name) && SameName(o.Services[k].Team, team) {
			return k
		}
	}
	return -1
}
