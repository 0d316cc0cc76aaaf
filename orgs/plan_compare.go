package orgs

import (
	"fmt"
	"slices"
)

func cloneTeam(t Team) Team {
	t.PerHead = cloneInt(t.PerHead)
	return t
}

func cloneService(s Service) Service {
	s.Availability = cloneFloat(s.Availability)
	s.ErrorBudgetUsed = cloneFloat(s.ErrorBudgetUsed)
	return s
}

func eqIntPtr(a, b *int64) bool { return a == nil && b == nil || a != nil && b != nil && *a == *b }

func eqFloatPtr(a, b *float64) bool { return a == nil && b == nil || a != nil && b != nil && *a == *b }

// teamOtherEqual compares the fields of two versions of a team that are no decision.
func teamOtherEqual(a, b *Team) bool { return len(teamOtherChanges(a, b)) == 0 }

func teamOtherChanges(a, b *Team) []string {
	var out []string
	if a.Name != b.Name {
		out = append(out, fmt.Sprintf("renamed %q -> %q", a.Name, b.Name))
	}
	if a.Kind != b.Kind {
		out = append(out, fmt.Sprintf("kind %s -> %s", a.Kind, b.Kind))
	}
	if a.OnCall != b.OnCall {
		out = append(out, fmt.Sprintf("on call %s -> %s", a.OnCall, b.OnCall))
	}
	if !eqIntPtr(a.PerHead, b.PerHead) {
		out = append(out, fmt.Sprintf("per_head %s -> %s", intOrUnset(a.PerHead), intOrUnset(b.PerHead)))
	}
	if a.Funding != b.Funding {
		out = append(out, fmt.Sprintf("funding %s -> %s", orUnset(string(a.Funding)), orUnset(string(b.Funding))))
	}
	if a.Note != b.Note {
		out = append(out, "note changed")
	}
	if !SameName(a.Backup, b.Backup) || a.Backup != b.Backup {
		out = append(out, fmt.Sprintf("backup %s -> %s", orUnset(a.Backup), orUnset(b.Backup)))
	}
	if a.HasSecondary() != b.HasSecondary() || (a.Secondary == nil) != (b.Secondary == nil) {
		out = append(out, fmt.Sprintf("secondary %t -> %t", a.HasSecondary(), b.HasSecondary()))
	}
	if a.Sites != b.Sites {
		out = append(out, fmt.Sprintf("sites %d -> %d", a.SiteCount(), b.SiteCount()))
	}
	if !eqIntPtr(a.AckMinutes, b.AckMinutes) {
		out = append(out, fmt.Sprintf("ack_minutes %s -> %s", intOrUnset(a.AckMinutes), intOrUnset(b.AckMinutes)))
	}
	return out
}

func serviceOtherEqual(a, b *Service) bool { return len(serviceOtherChanges(a, b)) == 0 }

func serviceOtherChanges(a, b *Service) []string {
	var out []string
	if a.Name != b.Name {
		out = append(out, fmt.Sprintf("renamed %q -> %q", a.Name, b.Name))
	}
	if !SameName(a.Team, b.Team) {
		out = append(out, fmt.Sprintf("moved from %q to %q", a.Team, b.Team))
	} else if a.Team != b.Team {
		out = append(out, fmt.Sprintf("team spelled %q", b.Team))
	}
	if !eqFloatPtr(a.Availability, b.Availability) {
		out = append(out, fmt.Sprintf("availability %s -> %s", floatOrUnset(a.Availability), floatOrUnset(b.Availability)))
	}
	if !eqFloatPtr(a.ErrorBudgetUsed, b.ErrorBudgetUsed) {
		out = append(out, fmt.Sprintf("error budget used %s -> %s", floatOrUnset(a.ErrorBudgetUsed), floatOrUnset(b.ErrorBudgetUsed)))
	}
	if (a.Backup == nil) != (b.Backup == nil) || a.Backup != nil && *a.Backup != *b.Backup {
		out = append(out, fmt.Sprintf("backup %s -> %s", strOrUnset(a.Backup), strOrUnset(b.Backup)))
	}
	if a.WindowDays != b.WindowDays {
		out = append(out, fmt.Sprintf("window %d -> %d days", a.Window(), b.Window()))
	}
	if !eqFloatPtr(a.IncidentsPerMonth, b.IncidentsPerMonth) {
		out = append(out, fmt.Sprintf("incidents a month %s -> %s", floatOrUnset(a.IncidentsPerMonth), floatOrUnset(b.IncidentsPerMonth)))
	}
	if !eqFloatPtr(a.RestoreHours, b.RestoreHours) {
		out = append(out, fmt.Sprintf("restore hours %s -> %s", floatOrUnset(a.RestoreHours), floatOrUnset(b.RestoreHours)))
	}
	return out
}

// orgOtherEqual compares what the organization holds besides teams, services, the SRE org
// and its scenario.
func orgOtherEqual(a, b *Org) bool { return len(orgOtherChanges(a, b)) == 0 }

func orgOtherChanges(a, b *Org) []string {
	var out []string
	if a.Name != b.Name {
		out = append(out, fmt.Sprintf("renamed %q -> %q", a.Name, b.Name))
	}
	if a.Description != b.Description {
		out = append(out, "description changed")
	}
	if !eqIntPtr(a.Defaults.PerHead, b.Defaults.PerHead) || a.Defaults.Currency != b.Defaults.Currency {
		out = append(out, "defaults changed")
	}
	if !slices.EqualFunc(a.KPIs, b.KPIs, func(x, y KPI) bool {
		return x.Identity == y.Identity && x.Text == y.Text && x.Better == y.Better &&
			eqFloatPtr(x.Target, y.Target) && eqFloatPtr(x.Actual, y.Actual)
	}) {
		out = append(out, "KPIs changed")
	}
	if a.Format != b.Format {
		out = append(out, "format changed")
	}
	return out
}

// strOrUnset is a service's backup as a change names it: the team, "none" for a cleared one.
func strOrUnset(p *string) string {
	switch {
	case p == nil:
		return "unset"
	case *p == "":
		return "none"
	}
	return fmt.Sprintf("%q", *p)
}

func intOrUnset(p *int64) string {
	if p == nil {
		return "unset"
	}
	return fmt.Sprint(*p)
}

func floatOrUnset(p *float64) string {
	if p == nil {
		return "unset"
	}
	return fmt.Sprint(*p)
}

// TeamsEqual reports whether a and b are the same team with every field equal (names as
// written, costs by value).
func TeamsEqual(a, b *Team) bool {
	return a.Org == b.Org && a.Headcount == b.Headcount && a.Rotation == b.Rotation && a.Run == b.Run &&
		a.RunWith == b.RunWith && a.SRERole == b.SRERole && teamOtherEqual(a, b)
}

// ModelsEqual reports whether a and b describe the same organization: the same teams and
// services in the same order with every field equal, the same settings and KPIs. The
// scenario's own record (title, note, based_on, saved_at) is not part of the model.
func ModelsEqual(a, b *Org) bool {
	if len(a.Teams) != len(b.Teams) || len(a.Services) != len(b.Services) ||
		a.SREOrg != b.SREOrg || a.SRERole != b.SRERole || !orgOtherEqual(a, b) {
		return false
	}
	for i := range a.Teams {
		if !TeamsEqual(&a.Teams[i], &b.Teams[i]) {
			return false
		}
	}
	for i := range a.Services {
		if !ServicesEqual(&a.Services[i], &b.Services[i]) {
			return false
		}
	}
	return true
}

// ServicesEqual compares two services by content, as ModelsEqual does.
func ServicesEqual(x, y *Service) bool {
	return x.Team == y.Team && x.Run == y.Run && x.RunWith == y.RunWith && serviceOtherEqual(x, y)
}
