package orgs

import (
	"fmt"
	"slices"
	"strconv"
)

// samePtr reports whether a and b are both unset or set to the same value.
func samePtr[T comparable](a, b *T) bool {
	return a == nil && b == nil || a != nil && b != nil && *a == *b
}

// appendSetChange appends "what A -> B" to out when a and b differ, an unset one as unset.
func appendSetChange[T comparable](out []string, what string, a, b *T) []string {
	if samePtr(a, b) {
		return out
	}
	return append(out, fmt.Sprintf("%s %s -> %s", what, orUnsetPtr(a), orUnsetPtr(b)))
}

// teamOtherEqual compares the fields of two versions of a team that are no decision.
func teamOtherEqual(a, b *Team) bool { return len(teamOtherChanges(a, b)) == 0 }

func teamOtherChanges(a, b *Team) []string {
	var out []string
	if a.Name != b.Name {
		out = append(out, fmt.Sprintf("renamed %q -> %q", a.Name, b.Name))
	}
	out = appendSetChange(out, "per_head", a.PerHead, b.PerHead)
	if a.Funding != b.Funding {
		out = append(out, fmt.Sprintf("funding %s -> %s", orUnset(string(a.Funding)), orUnset(string(b.Funding))))
	}
	if a.Note != b.Note {
		out = append(out, "note changed")
	}
	out = appendSetChange(out, "ack_minutes", a.AckMinutes, b.AckMinutes)
	return out
}

// onCallChanges words a team's on-call changes that are staffing decisions of their own
// (rules.md 4, v3): on_call, secondary and sites.
func onCallChanges(a, b *Team) []string {
	var out []string
	if a.OnCall != b.OnCall {
		out = append(out, fmt.Sprintf("on call %s -> %s", a.OnCall, b.OnCall))
	}
	if !samePtr(a.Secondary, b.Secondary) {
		out = append(out, fmt.Sprintf("secondary %t -> %t", a.HasSecondary(), b.HasSecondary()))
	}
	if a.Sites != b.Sites {
		out = append(out, fmt.Sprintf("sites %d -> %d", a.SiteCount(), b.SiteCount()))
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
	out = appendSetChange(out, "availability", a.Availability, b.Availability)
	out = appendSetChange(out, "error budget used", a.ErrorBudgetUsed, b.ErrorBudgetUsed)
	if a.WindowDays != b.WindowDays {
		out = append(out, fmt.Sprintf("window %d -> %d days", a.Window(), b.Window()))
	}
	out = appendSetChange(out, "incidents a month", a.IncidentsPerMonth, b.IncidentsPerMonth)
	out = appendSetChange(out, "restore hours", a.RestoreHours, b.RestoreHours)
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
	if !samePtr(a.Defaults.PerHead, b.Defaults.PerHead) || a.Defaults.Currency != b.Defaults.Currency {
		out = append(out, "defaults changed")
	}
	if !slices.EqualFunc(a.KPIs, b.KPIs, func(x, y KPI) bool {
		return x.Identity == y.Identity && x.Text == y.Text && x.Better == y.Better &&
			samePtr(x.Target, y.Target) && samePtr(x.Actual, y.Actual)
	}) {
		out = append(out, "KPIs changed")
	}
	if a.Format != b.Format {
		out = append(out, "format changed")
	}
	return out
}

// strOrUnset is a service's backup as a change names it: the team, "none" for a cleared one.
func strOrUnset(p *string) string { return backupOr(p, "unset") }

// backupOr is a service's own backup as a change names it: the team quoted, "none" for a
// cleared one, unset when the service sets none.
func backupOr(p *string, unset string) string {
	switch {
	case p == nil:
		return unset
	case *p == "":
		return "none"
	}
	return strconv.Quote(*p)
}

// orUnsetPtr is *p as a change names it, or unset.
func orUnsetPtr[T any](p *T) string {
	if p == nil {
		return "unset"
	}
	return fmt.Sprint(*p)
}

// TeamsEqual reports whether a and b are the same team with every field equal (names as
// written, costs by value).
func TeamsEqual(a, b *Team) bool {
	return a.Org == b.Org && a.Kind == b.Kind && a.Headcount == b.Headcount && a.Rotation == b.Rotation &&
		a.OnCall == b.OnCall && samePtr(a.Secondary, b.Secondary) && a.Sites == b.Sites && a.Run == b.Run &&
		a.RunWith == b.RunWith && a.SRERole == b.SRERole && a.Backup == b.Backup && teamOtherEqual(a, b)
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
	return x.Team == y.Team && x.Run == y.Run && x.RunWith == y.RunWith && samePtr(x.Backup, y.Backup) &&
		serviceOtherEqual(x, y)
}
