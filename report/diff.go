package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/words"
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
	return nil, unknownFormat(format, DiffFormats)
}

// diffNothing says why a diff lists no change of a team or service ("" when it lists some).
func diffNothing(d *orgs.Diff, changes []words.DiffChange) string {
	switch {
	case !d.Differ:
		return "No difference."
	case len(changes) == 0:
		return "No team changed; other settings of the organization did."
	}
	return ""
}

// DiffText is the diff in sentences for a terminal.
func DiffText(d *orgs.Diff, esc func(string) string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "From %s to %s\n", esc(d.A), esc(d.B))
	changes := words.DiffChanges(d, esc)
	if why := diffNothing(d, changes); why != "" {
		b.WriteString("\n" + why + "\n")
	}
	if len(changes) > 0 {
		b.WriteString("\nChanges:\n")
		for _, c := range changes {
			b.WriteString("  " + c.Sentence + "\n")
		}
	}
	b.WriteString("\nVerdicts:\n")
	for _, s := range diffVerdictSentences(d, esc) {
		b.WriteString("  " + s + "\n")
	}
	if groups := words.DecisionGroups(d.Verdicts.Transition.Decisions, esc); len(groups) > 0 {
		b.WriteString("\nDecisions, from easy to hard:\n")
		for _, g := range groups {
			b.WriteString("  " + g.Title + "\n")
			for _, l := range g.Decisions {
				b.WriteString("    - " + l + "\n")
			}
		}
	}
	return b.String()
}

// diffVerdictSentences says every verdict of the diff, the budgets only when they changed.
func diffVerdictSentences(d *orgs.Diff, esc func(string) string) []string {
	v := &d.Verdicts
	var out []string
	for _, dv := range words.DiffVerdicts(v) {
		out = append(out, dv.Sentence())
	}
	budgets := words.DiffBudgets(d)
	out = append(out, "Funding: CAPEX "+budgets[0].Change()+"; OPEX "+budgets[1].Change()+".")
	for _, b := range budgets[2:] {
		if b.Delta != (orgs.HeadCost{}) {
			out = append(out, words.Upper(b.Label)+": "+b.Change()+".")
		}
	}
	if st := d.Staffing; st.Before != st.After {
		out = append(out, "Staffing: "+words.StaffingChange(st, v.Funding.Currency)+".")
	}
	if r := d.Risk; r != nil {
		if change := words.RiskChange(r, esc); change != "" {
			out = append(out, "Risk: "+change+".")
		}
	}
	out = append(out, "Transition from A to B: "+v.Transition.Verdict.Words()+".")
	for _, t := range v.Transition.Teams {
		if t.Reason != "" {
			out = append(out, "  "+esc(t.Team)+": "+t.Reason)
		}
		if c := words.CriteriaChanges(t.CriteriaChanges); c != "" {
			out = append(out, "  "+esc(t.Team)+", "+c)
		}
	}
	for _, t := range v.Transition.Services {
		out = append(out, "  "+words.DiffServiceTransition(t, esc))
		if t.Reason != "" {
			out = append(out, "    "+t.Reason)
		}
		if c := words.CriteriaChanges(t.CriteriaChanges); c != "" {
			out = append(out, "    "+c)
		}
	}
	for _, a := range words.DiffAdvisories(&v.Advisories, esc) {
		out = append(out, a.Sentence())
	}
	return out
}

// DiffMarkdown is the diff for a pull request or meeting notes: sentences and a table of
// verdicts before and after.
func DiffMarkdown(d *orgs.Diff) string {
	var b strings.Builder
	b.WriteString("# Changes from " + MarkdownCode(d.A) + " to " + MarkdownCode(d.B) + "\n\n")
	changes := words.DiffChanges(d, md)
	if why := diffNothing(d, changes); why != "" {
		b.WriteString(why + "\n\n")
	}
	for _, c := range changes {
		b.WriteString("- " + c.Sentence + "\n")
	}
	if len(changes) > 0 {
		b.WriteString("\n")
	}
	v := &d.Verdicts
	rows := [][]string{}
	for _, dv := range words.DiffVerdicts(v) {
		changed := ""
		if dv.Changed {
			changed = "changed"
		}
		rows = append(rows, []string{dv.Label, dv.A, dv.B, changed})
	}
	for _, bg := range words.DiffBudgets(d) {
		rows = append(rows, []string{bg.Label, bg.Amount(bg.A), bg.Amount(bg.B), bg.Change()})
	}
	for _, st := range words.DiffStaffing(d.Staffing, v.Funding.Currency) {
		rows = append(rows, st[:])
	}
	for _, r := range words.DiffRisk(d.Risk, md) {
		rows = append(rows, r[:])
	}
	rows = append(rows, []string{"Transition A to B", "", v.Transition.Verdict.Words(), ""})
	b.WriteString("## Verdicts\n\n")
	markdownTable(&b, []string{"Verdict", "A", "B", ""}, rows)
	diffMarkdownLists(&b, d)
	return b.String()
}

// diffMarkdownLists are the tables of the diff after its verdicts: service run changes,
// advisories and decisions, each when there is one.
func diffMarkdownLists(b *strings.Builder, d *orgs.Diff) {
	v := &d.Verdicts
	section := func(title string, header []string, rows [][]string) {
		if len(rows) > 0 {
			b.WriteString("## " + title + "\n\n")
			markdownTable(b, header, rows)
		}
	}
	var rows [][]string
	for _, t := range v.Transition.Teams {
		if len(t.CriteriaChanges) > 0 {
			rows = append(rows, []string{md(t.Team), words.RunChange(t.From, t.To), t.Verdict.Words(), criteriaCell(t.CriteriaChanges)})
		}
	}
	section("Criteria that change with each team's run model", []string{"Team", "Run model", "Verdict", "Criteria that change"}, rows)
	rows = nil
	for _, t := range v.Transition.Services {
		rows = append(rows, []string{md(t.Service), md(t.Team), words.RunChange(t.From, t.To), t.Verdict.Words(), words.OrDash(t.Reason), criteriaCell(t.CriteriaChanges)})
	}
	section("Service run changes", []string{"Service", "Team", "Run model", "Verdict", "Reason", "Criteria that change"}, rows)
	rows = nil
	for _, a := range words.DiffAdvisories(&v.Advisories, md) {
		rows = append(rows, []string{a.Kind, a.Severity, "`" + a.Code + "`", a.Message})
	}
	section("Advisories", []string{"", "Severity", "Code", "Message"}, rows)
	rows = nil
	for _, dec := range v.Transition.Decisions {
		rows = append(rows, []string{words.DecisionKind(dec.Kind), md(dec.Subject), md(dec.Detail), string(dec.Changeability)})
	}
	section("Decisions, from easy to hard", []string{"Decision", "Subject", "Detail", "How hard to undo"}, rows)
}
