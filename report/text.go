package report

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/sretopo/sretopo/orgs"
)

// Text is the report for a terminal: every section of the analysis, aligned in columns.
func Text(org *orgs.Org, rep *orgs.Report) string {
	var b strings.Builder
	an := rep.Analysis
	line := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	section := func(title string) { line("\n%s\n%s", title, strings.Repeat("-", len(title))) }
	table := func(rows [][]string) {
		tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
		for _, r := range rows {
			fmt.Fprintln(tw, "  "+strings.Join(r, "\t"))
		}
		tw.Flush()
	}

	line("%s", S(rep.Name))
	if org.Description != "" {
		line("%s", S(org.Description))
	}
	line("file: %s; baseline: %s", S(rep.File), S(BaselineWords(rep.File, rep.Baseline)))
	line("%s, %s, %s", Count(an.Summary.Teams, "team"), Count(an.Summary.DevTeams, "dev team"), Count(an.Summary.Headcount, "person"))

	section("Who runs it")
	line("Dominant run model: %s%s", ModelName(an.RunModel.Dominant), Covering(an.RunModel.DominantDevTeams, an.Summary.DevTeams))
	rows := [][]string{}
	for _, m := range an.RunModel.Mix {
		rows = append(rows, []string{m.ID.Name(), Count(m.DevTeams, "dev team"), Percent(m.Share)})
	}
	table(rows)

	section("SRE team topology")
	pure := "not pure"
	if an.Topology.Pure {
		pure = "pure"
	}
	line("Dominant topology: %s%s, %s", TopologyName(an.Topology.Dominant), Covering(an.Topology.DominantDevTeams, an.Summary.DevTeams), pure)
	if why := ImpureByServices(an); why != "" {
		line("%s", why)
	}
	rows = rows[:0]
	for _, m := range an.Topology.Mix {
		t, _ := orgs.TopologyInfo(m.Topology)
		rows = append(rows, []string{fmt.Sprintf("Topology %d", m.Topology), t.Name, Count(m.DevTeams, "dev team"), Percent(m.Share)})
	}
	table(rows)

	section("Teams")
	rows = [][]string{{"TEAM", "ORG", "KIND", "PEOPLE", "COST", "FUNDING", "RUN MODEL", "TOPOLOGY", "RUNS WITH"}}
	for _, t := range an.Teams {
		rows = append(rows, []string{S(t.Name), OrgShort(t.Org), string(t.Kind), fmt.Sprint(t.Headcount), Thousands(t.Cost),
			strings.ToUpper(string(t.Funding)), RunModelCell(t.RunModel), TopologyCell(t.Topology), OrDash(S(t.RunWith))})
	}
	table(rows)

	if len(an.Services) > 0 {
		section("Services")
		line("Service mix: %s.", ServiceMixWords(an.ServiceMix))
		table(append([][]string{upperAll(ServiceHeader)}, ServiceRows(an, S)...))
	}

	section("Comparison criteria")
	line("Values of the dominant model (%s); * marks a change against the baseline (%s).", ModelName(an.RunModel.Dominant), ModelName(an.BaselineRunModel))
	rows = rows[:0]
	for _, c := range an.Criteria {
		mark := " "
		was := ""
		if c.Changed {
			mark = "*"
			was = "(was " + CriterionValue(c.Baseline) + ")"
		}
		rows = append(rows, []string{mark + " " + c.Criterion, CriterionValue(c.Current), was})
	}
	table(rows)

	section("Funding")
	f := an.Funding
	money := func(hc orgs.HeadCost) string {
		if !f.HasCosts {
			return People(hc.Headcount)
		}
		return fmt.Sprintf("%s, %s", Money(hc.Cost, f.Currency), People(hc.Headcount))
	}
	delta := func(heads int, cost int64) string { return Change(heads, cost, f.HasCosts, f.Currency, "baseline") }
	rows = [][]string{
		{"CAPEX", money(f.CAPEX), delta(f.Delta.CapexHeadcount, f.Delta.CapexCost)},
		{"OPEX", money(f.OPEX), delta(f.Delta.OpexHeadcount, f.Delta.OpexCost)},
	}
	for _, o := range orgs.AllOrgs {
		d := f.OrgsDelta.Of(o)
		rows = append(rows, []string{OrgShort(o) + " budget", money(*f.Orgs.Of(o)), delta(d.Headcount, d.Cost)})
	}
	table(rows)
	line("Dev teams on CAPEX-funded run models: %s; on OPEX-funded (ops run it): %s.", Percent(f.ModelFunding.CapexShare), Percent(f.ModelFunding.OpexShare))

	if len(an.Staffing.Rotations) > 0 {
		section("On-call staffing")
		line("%s", StaffingRule)
		table(append([][]string{upperAll(StaffingHeader)}, StaffingRows(an, S)...))
		line("%s", StaffingTotals(an))
	}

	section("Transition from the baseline")
	line("Verdict: %s", an.Transition.Verdict.Words())
	rows = rows[:0]
	for _, t := range an.Transition.Teams {
		if t.Verdict == orgs.VerdictUnchanged {
			continue
		}
		rows = append(rows, []string{S(t.Team), VerdictWords(t)})
	}
	if len(rows) == 0 {
		line("  No dev team changes its run model.")
	}
	table(rows)
	for _, t := range an.Transition.Teams {
		if t.Reason != "" {
			line("  %s: %s", S(t.Team), t.Reason)
		}
	}
	if rows := ServiceTransitionRows(an, S); len(rows) > 0 {
		line("Services that run otherwise than their team:")
		for _, r := range rows {
			line("  %s (%s): %s", r[0], r[1], r[2])
			if r[3] != "-" {
				line("    %s", r[3])
			}
		}
	}
	line("Decisions, from easy to hard:")
	if len(an.Transition.Decisions) == 0 {
		line("  none yet")
	}
	titles, groups := DecisionGroups(an.Transition.Decisions, S)
	for i, title := range titles {
		line("  %s", title)
		for _, l := range groups[i] {
			line("    - %s", l)
		}
	}

	section("SRE identity")
	id := an.Identity
	line("Dominant identity: %s", IdentityHeadline(id))
	if id.Dominant != nil {
		info := id.Dominant.Info()
		line("Pride: %s. KPIs rooted in %s.", info.Pride, info.RootedIn)
		rows = rows[:0]
		for i, ident := range orgs.AllIdentities {
			rows = append(rows, []string{ident.Info().Name, Percent(id.Weights[i]), People(id.People[i])})
		}
		table(rows)
	}
	line("KPIs:")
	if len(an.KPIs) == 0 {
		line("  none: no SRE work is organized yet")
	}
	for _, k := range an.KPIs {
		line("  - %s (%s): %s", S(k.Text), k.Identity.Info().Name, KPIStatusWords(k))
	}

	if p := an.Positioning; p != nil {
		section("Positioning")
		if p.SREOrg {
			line("SRE org: %s", PositioningWords(p.ID))
		}
		if p.Role != nil {
			line("SRE role outside an SRE org: %s", PositioningWords(p.Role.ID))
		}
	}

	section("Advisories")
	if len(an.Advisories) == 0 {
		line("  none")
	}
	for _, a := range an.Advisories {
		mark := "i"
		if a.Severity == orgs.Warning {
			mark = "!"
		}
		line("  %s %s [%s]: %s", mark, a.Severity, a.Code, S(a.Message))
	}
	return b.String()
}

// upperAll is the header in capitals, as the text tables write theirs.
func upperAll(header []string) []string {
	out := make([]string, len(header))
	for i, h := range header {
		out[i] = strings.ToUpper(h)
	}
	return out
}
