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
	line("file %s, baseline %s", S(rep.File), S(rep.Baseline))
	line("%s, %s, %s", Count(an.Summary.Teams, "team"), Count(an.Summary.DevTeams, "dev team"), Count(an.Summary.Headcount, "person"))

	section("Who runs it")
	line("Dominant run model: %s", ModelName(an.RunModel.Dominant))
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
	line("Dominant topology: %s (%s)", TopologyName(an.Topology.Dominant), pure)
	rows = rows[:0]
	for _, m := range an.Topology.Mix {
		t, _ := orgs.TopologyInfo(m.Topology)
		rows = append(rows, []string{fmt.Sprintf("Topology %d", m.Topology), t.Name, Count(m.DevTeams, "dev team"), Percent(m.Share)})
	}
	table(rows)

	section("Teams")
	rows = [][]string{{"TEAM", "ORG", "KIND", "PEOPLE", "COST", "FUNDING", "RUN MODEL", "TOPOLOGY", "RUNS WITH"}}
	for _, t := range an.Teams {
		rows = append(rows, []string{S(t.Name), string(t.Org), string(t.Kind), fmt.Sprint(t.Headcount), Thousands(t.Cost),
			strings.ToUpper(string(t.Funding)), RunModelCell(t.RunModel), TopologyCell(t.Topology), OrDash(S(t.RunWith))})
	}
	table(rows)

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
			return fmt.Sprintf("%d people", hc.Headcount)
		}
		return fmt.Sprintf("%d people, %s", hc.Headcount, Money(hc.Cost, f.Currency))
	}
	delta := func(heads int, cost int64) string {
		if !f.HasCosts {
			return fmt.Sprintf("(%s people)", Signed(int64(heads)))
		}
		return fmt.Sprintf("(%s people, %s)", Signed(int64(heads)), Signed(cost))
	}
	table([][]string{
		{"CAPEX", money(f.CAPEX), delta(f.Delta.CapexHeadcount, f.Delta.CapexCost)},
		{"OPEX", money(f.OPEX), delta(f.Delta.OpexHeadcount, f.Delta.OpexCost)},
		{"Development org", money(f.Orgs.Dev), delta(f.OrgsDelta.Dev.Headcount, f.OrgsDelta.Dev.Cost)},
		{"Operations org", money(f.Orgs.Ops), delta(f.OrgsDelta.Ops.Headcount, f.OrgsDelta.Ops.Cost)},
		{"SRE org", money(f.Orgs.SRE), delta(f.OrgsDelta.SRE.Headcount, f.OrgsDelta.SRE.Cost)},
	})
	line("Dev teams on CAPEX-funded run models: %s; on OPEX-funded (ops run it): %s.", Percent(f.ModelFunding.CapexShare), Percent(f.ModelFunding.OpexShare))

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
	line("Decisions:")
	if len(an.Transition.Decisions) == 0 {
		line("  none yet")
	}
	rows = rows[:0]
	for _, d := range an.Transition.Decisions {
		rows = append(rows, []string{string(d.Changeability), string(d.Kind), S(d.Subject), S(d.Detail)})
	}
	table(rows)

	section("SRE identity")
	id := an.Identity
	line("Dominant identity: %s", IdentityName(id.Dominant))
	if id.Dominant != nil {
		info := id.Dominant.Info()
		line("Pride: %s. KPIs rooted in %s.", info.Pride, info.RootedIn)
		rows = rows[:0]
		for i, ident := range orgs.AllIdentities {
			rows = append(rows, []string{ident.Info().Name, Percent(id.Weights[i])})
		}
		table(rows)
	}
	line("KPIs:")
	if len(an.KPIs) == 0 {
		line("  none: no SRE work is organized yet")
	}
	for _, k := range an.KPIs {
		line("  - %s (%s)", S(k.Text), k.Identity.Info().Name)
	}

	if p := an.Positioning; p != nil {
		section("SRE organization positioning")
		if p.ID == nil {
			line("Unset: steer toward partner or, best, enabler.")
		} else {
			line("%s: focus on %s; strategy: %s.", p.ID.Info().Name, strings.ToLower(*p.Focus), strings.ToLower(*p.Strategy))
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
