// Package report renders an analysis for people outside the dashboard: plain text for a
// terminal, Markdown for meeting notes, and the JSON of the report contract. Every verdict
// comes from orgs; this package only words and lays it out, and sanitizes every user string.
package report

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/sretopo/sretopo/orgs"
)

// Formats lists the output formats of `sretopo report`.
var Formats = []string{"text", "markdown", "json", "mermaid"}

// Render writes rep in format (one of Formats).
func Render(format string, org *orgs.Org, rep *orgs.Report) ([]byte, error) {
	switch format {
	case "text":
		return []byte(Text(org, rep)), nil
	case "markdown":
		return []byte(Markdown(org, rep)), nil
	case "json":
		return JSON(rep)
	case "mermaid":
		return []byte(Mermaid(org, rep)), nil
	}
	return nil, fmt.Errorf("unknown format %q (use %s)", format, strings.Join(Formats, ", "))
}

// JSON is the report contract of docs/format.md, indented, with a final newline.
// It is what encoding/json writes for rep, written faster (orgs.Report.AppendJSON).
func JSON(rep *orgs.Report) ([]byte, error) { return rep.AppendJSON(nil) }

// S is the sanitizer every user string passes through before it is printed.
func S(s string) string { return orgs.Sanitize(s) }

// Percent formats a share as a percentage with at most one decimal ("53.8%").
func Percent(share float64) string {
	s := strconv.FormatFloat(share*100, 'f', 1, 64)
	return strings.TrimSuffix(s, ".0") + "%"
}

// Money formats a cost with thousands separators and the currency, if any.
func Money(cost int64, currency *string) string {
	s := Thousands(cost)
	if currency != nil && *currency != "" {
		s += " " + S(*currency)
	}
	return s
}

// Thousands formats n with commas between groups of three digits.
func Thousands(n int64) string {
	neg := n < 0
	if neg {
		n = -n
	}
	digits := strconv.FormatInt(n, 10)
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// Signed formats a change with its sign ("+3", "-120,000", "0").
func Signed(n int64) string {
	if n > 0 {
		return "+" + Thousands(n)
	}
	return Thousands(n)
}

// ModelName is a run model's full name, or "none" for no model.
func ModelName(m *orgs.RunModel) string {
	if m == nil {
		return "none"
	}
	return m.Name()
}

// TopologyName is "Topology N: name", or "none" for no topology.
func TopologyName(n *int) string {
	if n == nil {
		return "none"
	}
	t, _ := orgs.TopologyInfo(*n)
	return fmt.Sprintf("Topology %d: %s", t.Number, t.Name)
}

// IdentityName is an identity's name in full, or "none".
func IdentityName(id *orgs.Identity) string {
	if id == nil {
		return "none"
	}
	return id.Info().Name
}

// OrgShort is the short label of an organization ("dev org", "SRE org").
func OrgShort(o orgs.OrgID) string { return o.Short() }

// Count says n things, in the plural when n is not 1 ("1 dev team", "3 dev teams").
func Count(n int, thing string) string {
	switch {
	case n == 1:
		return "1 " + thing
	case thing == "person":
		return strconv.Itoa(n) + " people"
	}
	return strconv.Itoa(n) + " " + thing + "s"
}

// People says a headcount with its noun ("1 person", "3 people").
func People(n int) string { return Count(n, "person") }

// SignedPeople says a change of headcount ("+1 person", "-3 people").
func SignedPeople(n int) string {
	switch {
	case n > 0:
		return "+" + People(n)
	case n < 0:
		return "-" + People(-n)
	}
	return People(n)
}

// Change labels a change of headcount and cost as a change against what: "+570,000 EUR,
// +6 people vs baseline", or "no change vs baseline"; the cost only when costs are known.
func Change(heads int, cost int64, hasCosts bool, currency *string, against string) string {
	if heads == 0 && (cost == 0 || !hasCosts) {
		return "no change vs " + against
	}
	if !hasCosts {
		return SignedPeople(heads) + " vs " + against
	}
	money := Signed(cost)
	if currency != nil && *currency != "" {
		money += " " + S(*currency)
	}
	return money + ", " + SignedPeople(heads) + " vs " + against
}

// BaselineWords names the baseline of a report: its file, or "the file itself" when the
// file is its own baseline.
func BaselineWords(file, baseline string) string {
	if baseline == file {
		return "the file itself"
	}
	return baseline
}

// Covering says how many dev teams a headline covers ("(4 of 7 dev teams)"); "" for none.
func Covering(n, of int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf(" (%d of %s)", n, Count(of, "dev team"))
}

// IdentityHeadline is the dominant identity with the SRE people it rests on
// ("incident-centric, 8 of 14 SRE people"), or "none".
func IdentityHeadline(id orgs.IdentityVerdict) string {
	if id.Dominant == nil {
		return "none"
	}
	total := id.People.Total()
	if total == 0 {
		return id.Dominant.Info().Name + " (no dedicated SRE people: every developer is an SRE on rotation)"
	}
	return fmt.Sprintf("%s, %d of %d SRE people", id.Dominant.Info().Name, id.People.Of(*id.Dominant), total)
}

// PositioningWords says a positioning with its focus and strategy, or that it is unset.
func PositioningWords(id *orgs.Positioning) string {
	if id == nil || *id == orgs.PositionUnset {
		return "unset: steer toward partner or, best, enabler."
	}
	info := id.Info()
	return fmt.Sprintf("%s: focus on %s; strategy: %s.", info.Name, strings.ToLower(info.Focus), strings.ToLower(info.Strategy))
}

// OrUnset returns s, or "unset" when it is empty.
func OrUnset(s string) string {
	if s == "" {
		return "unset"
	}
	return s
}

// DecisionGroups lists decisions under their changeability, in the order they come (easy
// to hard): each group's title ("easy: can be corrected later, service by service") and its
// lines ("who runs it: Billing: run model from ..."; the kind left out where it only
// repeats the changeability, as for staffing).
func DecisionGroups(decisions []orgs.Decision, esc func(string) string) (titles []string, lines [][]string) {
	for _, d := range decisions {
		title := string(d.Changeability) + ": " + d.Changeability.Explain()
		if len(titles) == 0 || titles[len(titles)-1] != title {
			titles = append(titles, title)
			lines = append(lines, nil)
		}
		line := esc(d.Subject) + ": " + esc(d.Detail)
		if string(d.Kind) != string(d.Changeability) {
			line = d.Kind.Words() + ": " + line
		}
		lines[len(lines)-1] = append(lines[len(lines)-1], line)
	}
	return titles, lines
}

// OrDash returns s, or "-" when it is empty.
func OrDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// RunModelCell is a team's run model in words, or "-" for teams that are not dev teams.
func RunModelCell(m orgs.RunModel) string {
	if m == "" {
		return "-"
	}
	return m.Short()
}

// TopologyCell is a team's topology number, or "-".
func TopologyCell(n int) string {
	if n == 0 {
		return "-"
	}
	return strconv.Itoa(n)
}

// VerdictWords is a transition verdict as people say it, with its model names.
func VerdictWords(t orgs.TeamTransition) string {
	switch t.Verdict {
	case orgs.VerdictNew:
		return "new team, " + t.To.Short()
	case orgs.VerdictRemoved:
		return "removed (was " + t.From.Short() + ")"
	case orgs.VerdictUnchanged:
		return "unchanged, " + t.From.Short()
	}
	return fmt.Sprintf("%s -> %s: %s", t.From.Short(), t.To.Short(), t.Verdict.Words())
}

// CriterionValue is the dominant model's value of a criterion, or "-".
func CriterionValue(v *string) string {
	if v == nil {
		return "-"
	}
	return *v
}
