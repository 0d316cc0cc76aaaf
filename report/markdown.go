package report

import (
	"fmt"
	"strings"

	"github.com/sretopo/sretopo/orgs"
)

// md makes a user string safe inside a Markdown table cell or line (MarkdownText).
func md(s string) string { return MarkdownText(s) }

type mdWriter struct{ b strings.Builder }

func (w *mdWriter) line(format string, args ...any) { fmt.Fprintf(&w.b, format+"\n", args...) }

func (w *mdWriter) table(header []string, rows [][]string) {
	w.line("| %s |", strings.Join(header, " | "))
	seps := make([]string, len(header))
	for i := range seps {
		seps[i] = "---"
	}
	w.line("| %s |", strings.Join(seps, " | "))
	for _, r := range rows {
		w.line("| %s |", strings.Join(r, " | "))
	}
	w.line("")
}

// Markdown is the report for meeting notes: headings, tables and the verdicts in words.
func Markdown(org *orgs.Org, rep *orgs.Report) string {
	var w mdWriter
	an := rep.Analysis
	w.line("# %s", md(rep.Name))
	w.line("")
	if org.Description != "" {
		w.line("%s", md(org.Description))
		w.line("")
	}
	if s := org.Scenario; s != nil && s.Title != "" {
		w.line("Scenario: **%s**", md(s.Title))
		if s.Note != "" {
			w.line("")
			w.line("> %s", md(s.Note))
		}
		w.line("")
	}
	baseline := "the file itself"
	if rep.Baseline != rep.File {
		baseline = MarkdownCode(rep.Baseline)
	}
	w.line("File %s; baseline: %s. %s, %s, %s.", MarkdownCode(rep.File), baseline, Count(an.Summary.Teams, "team"), Count(an.Summary.DevTeams, "dev team"), Count(an.Summary.Headcount, "person"))
	w.line("")

	pure := "not pure"
	if an.Topology.Pure {
		pure = "pure"
	}
	w.line("## Verdict")
	w.line("")
	w.line("- **Run model:** %s%s", ModelName(an.RunModel.Dominant), Covering(an.RunModel.DominantDevTeams, an.Summary.DevTeams))
	w.line("- **Topology:** %s%s, %s", TopologyName(an.Topology.Dominant), Covering(an.Topology.DominantDevTeams, an.Summary.DevTeams), pure)
	if why := ImpureByServices(an); why != "" {
		w.line("  %s", why)
	}
	w.line("- **Transition from the baseline:** %s", an.Transition.Verdict.Words())
	w.line("- **SRE identity:** %s", IdentityHeadline(an.Identity))
	if an.Funding.HasCosts {
		w.line("- **Funding:** CAPEX %s, OPEX %s", Money(an.Funding.CAPEX.Cost, an.Funding.Currency), Money(an.Funding.OPEX.Cost, an.Funding.Currency))
	} else {
		w.line("- **Funding:** CAPEX %s, OPEX %s", People(an.Funding.CAPEX.Headcount), People(an.Funding.OPEX.Headcount))
	}
	w.line("")

	w.line("## Who runs it")
	w.line("")
	rows := [][]string{}
	for _, m := range an.RunModel.Mix {
		rows = append(rows, []string{m.ID.Name(), fmt.Sprint(m.DevTeams), Percent(m.Share)})
	}
	w.table([]string{"Run model", "Dev teams", "Share"}, rows)
	rows = rows[:0]
	for _, m := range an.Topology.Mix {
		t, _ := orgs.TopologyInfo(m.Topology)
		rows = append(rows, []string{fmt.Sprintf("Topology %d", m.Topology), t.Name, fmt.Sprint(m.DevTeams), Percent(m.Share)})
	}
	if len(rows) > 0 {
		w.table([]string{"Topology", "Where the SRE work sits", "Dev teams", "Share"}, rows)
	}

	w.line("## Teams")
	w.line("")
	rows = rows[:0]
	for _, t := range an.Teams {
		rows = append(rows, []string{md(t.Name), OrgShort(t.Org), string(t.Kind), fmt.Sprint(t.Headcount), Thousands(t.Cost),
			strings.ToUpper(string(t.Funding)), RunModelCell(t.RunModel), TopologyCell(t.Topology), OrDash(md(t.RunWith))})
	}
	w.table([]string{"Team", "Org", "Kind", "People", "Cost", "Funding", "Run model", "Topology", "Runs with"}, rows)

	if len(an.Services) > 0 {
		w.line("## Services")
		w.line("")
		w.line("Service mix: %s.", ServiceMixWords(an.ServiceMix))
		w.line("")
		w.table(ServiceHeader, ServiceRows(an, md))
	}

	w.line("## Comparison criteria")
	w.line("")
	w.line("Dominant model now: %s; in the baseline: %s.", ModelName(an.RunModel.Dominant), ModelName(an.BaselineRunModel))
	w.line("")
	rows = rows[:0]
	for _, c := range an.Criteria {
		changed := ""
		if c.Changed {
			changed = "changed (was " + CriterionValue(c.Baseline) + ")"
		}
		rows = append(rows, []string{c.Criterion, CriterionValue(c.Current), changed})
	}
	w.table([]string{"Criterion", "Value", "Against the baseline"}, rows)

	w.line("## Funding")
	w.line("")
	f := an.Funding
	cell := func(hc orgs.HeadCost) []string {
		if !f.HasCosts {
			return []string{fmt.Sprint(hc.Headcount), "-"}
		}
		return []string{fmt.Sprint(hc.Headcount), Money(hc.Cost, f.Currency)}
	}
	deltaCell := func(heads int, cost int64) string { return Change(heads, cost, f.HasCosts, f.Currency, "baseline") }
	rows = [][]string{
		append(append([]string{"CAPEX"}, cell(f.CAPEX)...), deltaCell(f.Delta.CapexHeadcount, f.Delta.CapexCost)),
		append(append([]string{"OPEX"}, cell(f.OPEX)...), deltaCell(f.Delta.OpexHeadcount, f.Delta.OpexCost)),
	}
	for _, o := range orgs.AllOrgs {
		d := f.OrgsDelta.Of(o)
		rows = append(rows, append(append([]string{OrgShort(o) + " budget"}, cell(*f.Orgs.Of(o))...), deltaCell(d.Headcount, d.Cost)))
	}
	w.table([]string{"Budget", "People", "Cost", "Change"}, rows)
	w.line("Dev teams on CAPEX-funded run models: %s; on OPEX-funded (ops run it): %s.", Percent(f.ModelFunding.CapexShare), Percent(f.ModelFunding.OpexShare))
	w.line("")

	if len(an.Staffing.Rotations) > 0 {
		w.line("## On-call staffing")
		w.line("")
		w.line("%s", StaffingRule)
		w.line("")
		w.table(StaffingHeader, StaffingRows(an, md))
		w.line("%s", StaffingTotals(an))
		w.line("")
	}

	w.line("## Transition from the baseline: %s", an.Transition.Verdict.Words())
	w.line("")
	rows = rows[:0]
	for _, t := range an.Transition.Teams {
		if t.Verdict != orgs.VerdictUnchanged {
			rows = append(rows, []string{md(t.Team), VerdictWords(t), OrDash(t.Reason)})
		}
	}
	if len(rows) == 0 {
		w.line("No dev team changes its run model.")
		w.line("")
	} else {
		w.table([]string{"Team", "Change", "Reason"}, rows)
	}
	if rows := ServiceTransitionRows(an, md); len(rows) > 0 {
		w.line("### Services that run otherwise than their team")
		w.line("")
		w.table([]string{"Service", "Team", "Change", "Reason"}, rows)
	}
	rows = rows[:0]
	for _, d := range an.Transition.Decisions {
		rows = append(rows, []string{d.Kind.Words(), md(d.Subject), md(d.Detail), string(d.Changeability) + ": " + d.Changeability.Explain()})
	}
	if len(rows) > 0 {
		w.line("### Decisions, from easy to hard")
		w.line("")
		w.table([]string{"Decision", "Subject", "Detail", "How hard to undo"}, rows)
	}

	w.line("## SRE identity: %s", IdentityHeadline(an.Identity))
	w.line("")
	if d := an.Identity.Dominant; d != nil {
		w.line("Pride: %s. KPIs rooted in %s.", d.Info().Pride, d.Info().RootedIn)
		w.line("")
		rows = rows[:0]
		for i, ident := range orgs.AllIdentities {
			rows = append(rows, []string{ident.Info().Name, Percent(an.Identity.Weights[i]) + " (" + People(an.Identity.People[i]) + ")"})
		}
		w.table([]string{"Identity", "Share of SRE people"}, rows)
	}
	if len(an.KPIs) > 0 {
		w.line("### KPIs")
		w.line("")
		for _, k := range an.KPIs {
			w.line("- %s (%s): %s", md(k.Text), k.Identity.Info().Name, KPIStatusWords(k))
		}
		w.line("")
	}

	if p := an.Positioning; p != nil {
		w.line("## Positioning")
		w.line("")
		if p.SREOrg {
			w.line("- **SRE org:** %s", PositioningWords(p.ID))
		}
		if p.Role != nil {
			w.line("- **SRE role outside an SRE org:** %s", PositioningWords(p.Role.ID))
		}
		w.line("")
	}

	w.line("## Advisories")
	w.line("")
	if len(an.Advisories) == 0 {
		w.line("None.")
	}
	for _, a := range an.Advisories {
		w.line("- **%s** `%s`: %s", a.Severity, a.Code, md(a.Message))
	}
	return w.b.String()
}

// Mermaid draws the organization as a Mermaid flowchart: one subgraph per organization,
// teams as nodes, and an edge from each dev team to the team that runs with it, labelled
// with the run model.
func Mermaid(org *orgs.Org, rep *orgs.Report) string {
	var w mdWriter
	an := rep.Analysis
	label := MermaidLabel
	w.line("---")
	w.line("title: %s", MermaidTitle(rep.Name))
	w.line("---")
	w.line("flowchart LR")
	ids := make(map[string]string, len(an.Teams))
	for i, t := range an.Teams {
		ids[orgs.FoldName(t.Name)] = fmt.Sprintf("t%d", i)
	}
	for _, o := range orgs.AllOrgs {
		w.line("  subgraph %s[\"%s\"]", o, o.Title())
		w.line("    direction TB")
		for i, t := range an.Teams {
			if t.Org != o {
				continue
			}
			detail := fmt.Sprintf("%s, %d people", t.Kind, t.Headcount)
			if t.Topology != 0 {
				detail += fmt.Sprintf(", topology %d", t.Topology)
			}
			w.line("    t%d[\"%s<br/>%s\"]", i, label(t.Name), detail)
		}
		w.line("  end")
	}
	for i, t := range an.Teams {
		if t.RunWith == "" {
			continue
		}
		if to, ok := ids[orgs.FoldName(t.RunWith)]; ok {
			w.line("  t%d -->|\"%s\"| %s", i, t.RunModel.Short(), to)
		}
	}
	// a service that runs otherwise than its team has its own, dotted, edge to the team that
	// runs it with its developers (or for them); one that runs without a partner, from its
	// team to itself
	for k := range an.Services {
		v := &an.Services[k]
		if !v.Exception || v.ServiceRun.Team < 0 {
			continue
		}
		to := fmt.Sprintf("t%d", v.ServiceRun.Team)
		if v.Partner >= 0 {
			to = fmt.Sprintf("t%d", v.Partner)
		}
		w.line("  t%d -.->|\"%s: %s\"| %s", v.ServiceRun.Team, label(v.Name), v.RunModel.Short(), to)
	}
	return w.b.String()
}
