package orgs

import "fmt"

// This file holds the edits of names the dashboard makes: rename a team (every name that
// refers to it follows) and add a service to a dev team. Names are checked as the loader
// checks them, look-alikes of other scripts included; each edit is undone exactly.

// RenameTeam gives the team at index i the name name, after the checks of a new team's name
// (ValidateTeamName, the team itself aside), and renames every reference to it: the
// run_with and backup of teams, and the team, run_with and backup of services.
func (o *Org) RenameTeam(i int, name string) (*Change, error) {
	t, err := o.teamAt(i)
	if err != nil {
		return nil, err
	}
	old := t.Name
	if name == old {
		return nil, editErr("%q already has that name", old)
	}
	// checked without the team itself, so that a change of case alone is a rename
	others := *o
	others.Teams = append(append([]Team(nil), o.Teams[:i]...), o.Teams[i+1:]...)
	if err := others.ValidateTeamName(name); err != nil {
		return nil, err
	}
	var ops []editOp
	for j := range o.Teams {
		d := &o.Teams[j]
		after := *d
		if j == i {
			after.Name = name
		}
		if d.RunWith != "" && SameName(d.RunWith, old) {
			after.RunWith = name
		}
		if d.Backup != "" && SameName(d.Backup, old) {
			after.Backup = name
		}
		if j == i || after != *d {
			ops = append(ops, setTeam{j, *d, after})
		}
	}
	for k := range o.Services {
		s := &o.Services[k]
		after := *s
		if SameName(s.Team, old) {
			after.Team = name
		}
		if s.RunWith != "" && SameName(s.RunWith, old) {
			after.RunWith = name
		}
		if s.Backup != nil && *s.Backup != "" && SameName(*s.Backup, old) {
			after.Backup = &name
		}
		if after.Team != s.Team || after.RunWith != s.RunWith || after.Backup != s.Backup {
			ops = append(ops, setService{k, *s, after})
		}
	}
	return o.do(fmt.Sprintf("renamed %q to %q", old, name), name, ops...), nil
}

// ValidateServiceName checks a new service's name by the rules a file's names follow: 1-64
// characters, no control character, unique among services ignoring case, and not passing
// for another service's name in letters of another script.
func (o *Org) ValidateServiceName(name string) error {
	if p := NameProblem("the service name", name); p != "" {
		return editErr("%s", p)
	}
	names := make([]string, len(o.Services))
	for k := range o.Services {
		if SameName(o.Services[k].Name, name) {
			return editErr("the name %q is already used by service %q of %q; names are unique ignoring case and Unicode form", name, o.Services[k].Name, o.Services[k].Team)
		}
		names[k] = o.Services[k].Name
	}
	if other := ConfusableWith(name, names); other != "" {
		return editErr("the name %q could pass for that of service %q (letters of other scripts that look alike); refused", name, other)
	}
	return nil
}

// servicesByDevTeams is why a team of another kind gets no service.
const servicesByDevTeams = "services are built by dev teams"

// CanAddService says why the team at index i cannot build a new service, nil when it can:
// the dashboard asks before it prompts for the service's name.
func (o *Org) CanAddService(i int) error {
	_, err := o.devTeamAt(i, servicesByDevTeams)
	return err
}

// AddService adds a service named name, built by the dev team at index i, after the team's
// other services (or at the end); it runs as its team does.
func (o *Org) AddService(i int, name string) (*Change, error) {
	t, err := o.devTeamAt(i, servicesByDevTeams)
	if err != nil {
		return nil, err
	}
	if err := o.ValidateServiceName(name); err != nil {
		return nil, err
	}
	at := len(o.Services)
	for k := range o.Services {
		if SameName(o.Services[k].Team, t.Name) {
			at = k + 1
		}
	}
	return o.do(fmt.Sprintf("added service %q to %q", name, t.Name), t.Name, insertService{at, Service{Name: name, Team: t.Name}}), nil
}

// insertService inserts a service at index k.
type insertService struct {
	k int
	s Service
}

func (s insertService) apply(o *Org) {
	o.Services = append(o.Services, Service{})
	copy(o.Services[s.k+1:], o.Services[s.k:])
	o.Services[s.k] = s.s
}

func (s insertService) revert(o *Org) {
	o.Services = append(o.Services[:s.k], o.Services[s.k+1:]...)
	if len(o.Services) == 0 {
		o.Services = nil // as a file without services loads
	}
}
