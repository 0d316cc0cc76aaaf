package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/sretopo/sretopo/orgs"
)

// DiffFormats lists the output formats of `sretopo diff`.
var DiffFormats = []string{"text", "markdown", "json"}

// RenderDiff writes d in format (one of DiffFormats).
func RenderDiff(format string, d *orgs.Diff) ([]byte, error) {
	switch format {
	case "text":
		return []byte(DiffText(d, S)), nil
	case "markdown":
		return []byte(DiffMarkdown(d)), nil
	case "json":
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(d); err != nil {
			return nil, err
		}
		return orgs.EscapeJSON(buf.Bytes()), nil
	}
	return nil, fmt.Errorf("unknown format %q (use %s)", format, strings.Join(DiffFormats, ", "))
}

func intOrNone(n *int) string {
	if n == nil {
		return "none"
	}
	return fmt.Sprint(*n)
}

// diffSentences says every change of d in sentences, with user strings passed through esc.
func diffSentences(d *orgs.Diff, esc func(string) string) (teams, verdicts []string) {
	for _, m := range d.Moves {
		teams = append(teams, fmt.Sprintf("%s moved from %s to %s.", esc(m.Team), m.From.Phrase(), m.To.Phrase()))
	}
	for _, r := range d.RunChanges {
		teams = append(teams, fmt.Sprintf("%s: run model from %s to %s.", esc(r.Team), r.From.Short(), r.To.Short()))
	}
	for _, r := range d.RoleChanges {
		teams = append(teams, fmt.Sprintf("%s: SRE role from %s to %s.", esc(r.Team), r.From, r.To))
	}
	for _, r := range d.RunWithChanges {
		teams = append(teams, fmt.Sprintf("%s: runs with %s instead of %s.", esc(r.Team), esc(r.To), esc(r.From)))
	}
	for _, n := range d.Added {
		teams = append(teams, fmt.Sprintf("%s was added.", esc(n)))
	}
	for _, n := range d.Removed {
		teams = append(teams, fmt.Sprintf("%s was removed.", esc(n)))
	}
	for _, h := range d.Headcount {
		teams = append(teams, fmt.Sprintf("%s: headcount from %d to %s (%s).", esc(h.Team), h.From, People(h.To), SignedPeople(h.To-h.From)))
	}
	for _, c := range d.OtherChanges {
		teams = append(teams, fmt.Sprintf("%s: %s from %q to %q.", esc(c.Team), c.Field, esc(c.From), esc(c.To)))
	}
	for _, c := range d.ServiceChanges {
		teams = append(teams, fmt.Sprintf("%s: runs %s.", esc(c.Subject), esc(c.Detail)))
	}
	for _, n := range d.ServicesAdded {
		teams = append(teams, fmt.Sprintf("Service %s was added.", esc(n)))
	}
	for _, n := range d.ServicesRemoved {
		teams = append(teams, fmt.Sprintf("Service %s was removed.", esc(n)))
	}
	for _, m := range d.ServicesMoved {
		teams = append(teams, fmt.Sprintf("Service %s moved from %s to %s.", esc(m.Service), esc(m.From), esc(m.To)))
	}
	if p := d.Positioning; p != nil {
		teams = append(teams, fmt.Sprintf("SRE org positioning from %s to %s.", OrUnset(string(p.From)), OrUnset(string(p.To))))
	}
	if p := d.RolePositioning; p != nil {
		teams = append(teams, fmt.Sprintf("SRE role positioning from %s to %s.", OrUnset(string(p.From)), OrUnset(string(p.To))))
	}

	v := d.Verdicts
	change := func(name, from, to string, changed bool) {
		if changed {
			verdicts = append(verdicts, fmt.Sprintf("%s: %s -> %s.", name, from, to))
		} else {
			verdicts = append(verdicts, fmt.Sprintf("%s: %s (unchanged).", name, from))
		}
	}
	change("Topology", intOrNone(v.Topology.From), intOrNone(v.Topology.To), v.Topology.Changed)
	change("Pure", yesNo(v.Pure.From), yesNo(v.Pure.To), v.Pure.Changed)
	change("Run model", ModelName(v.RunModel.From), ModelName(v.RunModel.To), v.RunModel.Changed)
	change("SRE identity", IdentityName(v.Identity.From), IdentityName(v.Identity.To), v.Identity.Changed)
	f := v.Funding
	verdicts = append(verdicts, fmt.Sprintf("Funding: CAPEX %s; OPEX %s.",
		Change(f.Delta.CapexHeadcount, f.Delta.CapexCost, f.HasCosts, f.Currency, "A"), Change(f.Delta.OpexHeadcount, f.Delta.OpexCost, f.HasCosts, f.Currency, "A")))
	for _, o := range orgs.AllOrgs {
		if c := d.Budgets.Of(o); c.Delta != (orgs.HeadCost{}) {
			verdicts = append(verdicts, fmt.Sprintf("%s budget: %s.", upper(OrgShort(o)), Change(c.Delta.Headcount, c.Delta.Cost, f.HasCosts, f.Currency, "A")))
		}
	}
	if st := d.Staffing; st.Before != st.After {
		verdicts = append(verdicts, "Staffing: "+StaffingChangeWords(st, f.Currency)+".")
	}
	verdicts = append(verdicts, fmt.Sprintf("Transition from A to B: %s.", v.Transition.Verdict.Words()))
	for _, t := range v.Transition.Teams {
		if t.Reason != "" {
			verdicts = append(verdicts, fmt.Sprintf("  %s: %s", esc(t.Team), t.Reason))
		}
	}
	for _, t := range v.Transition.Services {
		verdicts = append(verdicts, fmt.Sprintf("  Service %s (%s): %s -> %s, %s.", esc(t.Service), esc(t.Team), t.From.Short(), t.To.Short(), t.Verdict.Words()))
		if t.Reason != "" {
			verdicts = append(verdicts, "    "+t.Reason)
		}
	}
	for _, a := range v.Advisories.Raised {
		verdicts = append(verdicts, fmt.Sprintf("Raised %s [%s]: %s", a.Severity, a.Code, esc(a.Message)))
	}
	for _, a := range v.Advisories.Cleared {
		verdicts = append(verdicts, fmt.Sprintf("Cleared %s [%s]: %s", a.Severity, a.Code, esc(a.Message)))
	}
	for _, a := range v.Advisories.Changed {
		verdicts = append(verdicts, fmt.Sprintf("Changed %s [%s]: %s (was: %s)", a.Severity, a.Code, esc(a.To.Message), esc(a.From.Message)))
	}
	return teams, verdicts
}

// upper is s with its first letter in upper case (ASCII).
func upper(s string) string {
	if s != "" && s[0] >= 'a' && s[0] <= 'z' {
		return string(s[0]-'a'+'A') + s[1:]
	}
	return s
}

// DiffText is the diff in sentences for a terminal.
func DiffText(d *orgs.Diff, esc func(string) string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "From %s to %s\n", esc(d.A), esc(d.B))
	teams, verdicts := diffSentences(d, esc)
	if !d.Differ {
		b.WriteString("\nNo difference.\n")
	} else if len(teams) == 0 {
		b.WriteString("\nNo team changed; other settings of the organization did.\n")
	}
	if len(teams) > 0 {
		b.WriteString("\nChanges:\n")
		for _, s := range teams {
			b.WriteString("  " + s + "\n")
		}
	}
	b.WriteString("\nVerdicts:\n")
	for _, s := range verdicts {
		b.WriteString("  " + s + "\n")
	}
	if len(d.Verdicts.Transition.Decisions) > 0 {
		b.WriteString("\nDecisions, from easy to hard:\n")
		titles, groups := DecisionGroups(d.Verdicts.Transition.Decisions, esc)
		for i, title := range titles {
			b.WriteString("  " + title + "\n")
			for _, l := range groups[i] {
				b.WriteString("    - " + l + "\n")
			}
		}
	}
	return b.String()
}

// DiffMarkdown is the diff for a pull request or meeting notes: sentences and a table of
// verdicts before and after.
func DiffMarkdown(d *orgs.Diff) string {
	var w mdWriter
	w.line("# Changes from %s to %s", MarkdownCode(d.A), MarkdownCode(d.B))
	w.line("")
	teams, _ := diffSentences(d, md)
	switch {
	case !d.Differ:
		w.line("No difference.")
		w.line("")
	case len(teams) == 0:
		w.line("No team changed; other settings of the organization did.")
		w.line("")
	}
	for _, s := range teams {
		w.line("- %s", s)
	}
	if len(teams) > 0 {
		w.line("")
	}
	v := d.Verdicts
	budget := func(hc orgs.HeadCost) string {
		if !v.Funding.HasCosts {
			return People(hc.Headcount)
		}
		return Money(hc.Cost, v.Funding.Currency) + ", " + People(hc.Headcount)
	}
	change := func(heads int, cost int64) string {
		return Change(heads, cost, v.Funding.HasCosts, v.Funding.Currency, "A")
	}
	mark := func(changed bool) string {
		if changed {
			return "changed"
		}
		return ""
	}
	w.line("## Verdicts")
	w.line("")
	w.table([]string{"Verdict", "A", "B", ""}, [][]string{
		{"Topology", intOrNone(v.Topology.From), intOrNone(v.Topology.To), mark(v.Topology.Changed)},
		{"Pure", yesNo(v.Pure.From), yesNo(v.Pure.To), mark(v.Pure.Changed)},
		{"Run model", ModelName(v.RunModel.From), ModelName(v.RunModel.To), mark(v.RunModel.Changed)},
		{"SRE identity", IdentityName(v.Identity.From), IdentityName(v.Identity.To), mark(v.Identity.Changed)},
		{"CAPEX", budget(v.Funding.Before.Capex), budget(v.Funding.After.Capex), change(v.Funding.Delta.CapexHeadcount, v.Funding.Delta.CapexCost)},
		{"OPEX", budget(v.Funding.Before.Opex), budget(v.Funding.After.Opex), change(v.Funding.Delta.OpexHeadcount, v.Funding.Delta.OpexCost)},
		{"dev org budget", budget(d.Budgets.Dev.Before), budget(d.Budgets.Dev.After), change(d.Budgets.Dev.Delta.Headcount, d.Budgets.Dev.Delta.Cost)},
		{"ops org budget", budget(d.Budgets.Ops.Before), budget(d.Budgets.Ops.After), change(d.Budgets.Ops.Delta.Headcount, d.Budgets.Ops.Delta.Cost)},
		{"SRE org budget", budget(d.Budgets.SRE.Before), budget(d.Budgets.SRE.After), change(d.Budgets.SRE.Delta.Headcount, d.Budgets.SRE.Delta.Cost)},
		{"People needed in rotations", fmt.Sprint(d.Staffing.Before.Needed), fmt.Sprint(d.Staffing.After.Needed), signedOrEmpty(int64(d.Staffing.Delta.Needed))},
		{"Hires for rotations", fmt.Sprint(d.Staffing.Before.Hires), fmt.Sprint(d.Staffing.After.Hires), signedOrEmpty(int64(d.Staffing.Delta.Hires))},
		{"Hire cost", Money(d.Staffing.Before.HireCost, v.Funding.Currency), Money(d.Staffing.After.HireCost, v.Funding.Currency), signedOrEmpty(d.Staffing.Delta.HireCost)},
		{"Transition A to B", "", v.Transition.Verdict.Words(), ""},
	})
	if len(v.Transition.Services) > 0 {
		rows := [][]string{}
		for _, t := range v.Transition.Services {
			rows = append(rows, []string{md(t.Service), md(t.Team), t.From.Short() + " -> " + t.To.Short(), t.Verdict.Words(), OrDash(t.Reason)})
		}
		w.line("## Service run changes")
		w.line("")
		w.table([]string{"Service", "Team", "Run model", "Verdict", "Reason"}, rows)
	}
	rows := [][]string{}
	for _, a := range v.Advisories.Raised {
		rows = append(rows, []string{"raised", string(a.Severity), "`" + a.Code + "`", md(a.Message)})
	}
	for _, a := range v.Advisories.Cleared {
		rows = append(rows, []string{"cleared", string(a.Severity), "`" + a.Code + "`", md(a.Message)})
	}
	for _, a := range v.Advisories.Changed {
		rows = append(rows, []string{"changed", string(a.Severity), "`" + a.Code + "`", md(a.To.Message) + " (was: " + md(a.From.Message) + ")"})
	}
	if len(rows) > 0 {
		w.line("## Advisories")
		w.line("")
		w.table([]string{"", "Severity", "Code", "Message"}, rows)
	}
	rows = rows[:0]
	for _, dec := range v.Transition.Decisions {
		rows = append(rows, []string{dec.Kind.Words(), md(dec.Subject), md(dec.Detail), string(dec.Changeability)})
	}
	if len(rows) > 0 {
		w.line("## Decisions, from easy to hard")
		w.line("")
		w.table([]string{"Decision", "Subject", "Detail", "How hard to undo"}, rows)
	}
	return w.b.String()
}

// StaffingChangeWords says a change of the staffing totals as "people needed 3 -> 0, hires
// 2 -> 0, hire cost 240,000 EUR -> 0 EUR".
func StaffingChangeWords(st orgs.StaffingChange, currency *string) string {
	return fmt.Sprintf("people needed %d -> %d, hires %d -> %d, hire cost %s -> %s",
		st.Before.Needed, st.After.Needed, st.Before.Hires, st.After.Hires, Money(st.Before.HireCost, currency), Money(st.After.HireCost, currency))
}

// signedOrEmpty is a change with its sign, or "" for none.
func signedOrEmpty(n int64) string {
	if n == 0 {
		return ""
	}
	return Signed(n) + " vs A"
}

// yesNo words a yes-or-no verdict as people say it.
func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}
