package report

import (
	"strings"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/words"
)

// Text is the report for a terminal: every section of the analysis, aligned in columns.
func Text(org *orgs.Org, rep *orgs.Report) string {
	return reportDoc(org, rep, plainText).render(plainText)
}

// Markdown is the report for meeting notes: headings, tables and the verdicts in words.
func Markdown(org *orgs.Org, rep *orgs.Report) string {
	return reportDoc(org, rep, markdown).render(markdown)
}

// reportDoc is the report of rep as its sequence of sections, user strings escaped for f.
func reportDoc(org *orgs.Org, rep *orgs.Report, f format) *doc {
	an := rep.Analysis
	d := &doc{title: f.esc(rep.Name), intro: introBlocks(org, rep, f)}
	d.sections = append(d.sections, verdictSection(an), whoRunsItSection(an, f), topologySection(an), teamsSection(an, f))
	if len(an.Services) > 0 {
		d.sections = append(d.sections, section{title: "Services", blocks: []block{
			line("Service mix: " + words.ServiceMix(an.ServiceMix) + "."),
			{kind: table, header: words.ServiceHeader, rows: ServiceRows(an, f.esc), textHeader: true},
		}})
	}
	d.sections = append(d.sections, criteriaSection(an), fundingSection(an))
	if len(an.Staffing.Rotations) > 0 {
		d.sections = append(d.sections, section{title: "On-call staffing", blocks: []block{
			line(words.StaffingRule),
			{kind: table, header: words.StaffingHeader, rows: StaffingRows(an, f.esc), textHeader: true},
			line(words.StaffingTotals(an)),
		}})
	}
	d.sections = append(d.sections, riskSections(an, f)...)
	d.sections = append(d.sections, transitionSection(an, f), identitySection(an, f))
	if p := an.Positioning; p != nil {
		d.sections = append(d.sections, positioningSection(p))
	}
	d.sections = append(d.sections, advisoriesSection(an, f))
	return d
}

// positioningSection says each positioning: a line each in text, a list in Markdown.
func positioningSection(p *orgs.PositioningVerdict) section {
	s := section{title: "Positioning"}
	var md []string
	for _, part := range words.Positionings(p) {
		s.blocks = append(s.blocks, lineFor(textOnly, part.Label+": "+part.Value))
		md = append(md, "**"+part.Label+":** "+part.Value)
	}
	s.blocks = append(s.blocks, items(markdownOnly, md...))
	return s
}

// introBlocks are the lines under the title: the description, the scenario, the file, its
// baseline and the organization's size.
func introBlocks(org *orgs.Org, rep *orgs.Report, f format) []block {
	var out []block
	if org.Description != "" {
		out = append(out, line(f.esc(org.Description)))
	}
	if s := org.Scenario; s != nil && s.Title != "" {
		out = append(out, lineFor(markdownOnly, "Scenario: **"+f.esc(s.Title)+"**"), lineFor(textOnly, "scenario: "+f.esc(s.Title)))
		if s.Note != "" {
			out = append(out, lineFor(markdownOnly, "> "+f.esc(s.Note)), lineFor(textOnly, "  "+f.esc(s.Note)))
		}
	}
	baseline := "the file itself"
	if rep.Baseline != rep.File {
		baseline = f.file(rep.Baseline)
	}
	sm := rep.Analysis.Summary
	size := words.Count(sm.Teams, "team") + ", " + words.Count(sm.DevTeams, "dev team") + ", " + words.People(sm.Headcount)
	return append(out,
		lineFor(textOnly, "file: "+f.file(rep.File)+"; baseline: "+baseline), lineFor(textOnly, size),
		lineFor(markdownOnly, "File "+f.file(rep.File)+"; baseline: "+baseline+". "+size+"."))
}

// verdictSection is the headline of every verdict, which the Markdown report opens with
// (the text report gives each at the top of its own section).
func verdictSection(an *orgs.Analysis) section {
	topology := "**Topology:** " + words.TopologyHeadline(an)
	if why := words.ImpureByServices(an); why != "" {
		topology += "\n  " + why
	}
	return section{title: "Verdict", only: markdownOnly, blocks: []block{items(both,
		"**Run model:** "+words.RunModelHeadline(an),
		topology,
		"**Transition from the baseline:** "+an.Transition.Verdict.Words(),
		"**SRE identity:** "+words.IdentityHeadline(an.Identity),
		"**Funding:** "+words.Funding(&an.Funding),
	)}}
}

// devTeams is a number of dev teams in a table cell: with its noun in text, bare in
// Markdown, whose header names it.
func devTeams(f format, n int) string {
	if f.markdown {
		return words.Number(int64(n))
	}
	return words.Count(n, "dev team")
}

func whoRunsItSection(an *orgs.Analysis, f format) section {
	rows := [][]string{}
	for _, m := range an.RunModel.Mix {
		rows = append(rows, []string{m.ID.Name(), devTeams(f, m.DevTeams), words.Percent(m.Share)})
	}
	s := section{title: "Who runs it", blocks: []block{
		lineFor(textOnly, "Dominant run model: "+words.RunModelHeadline(an)),
		rowsOf([]string{"Run model", "Dev teams", "Share"}, rows),
	}}
	if topo := topologyRows(an, f); len(topo) > 0 {
		s.blocks = append(s.blocks, block{kind: table, only: markdownOnly, header: topologyHeader, rows: topo})
	}
	return s
}

var topologyHeader = []string{"Topology", "Where the SRE work sits", "Dev teams", "Share"}

func topologyRows(an *orgs.Analysis, f format) [][]string {
	rows := [][]string{}
	for _, m := range an.Topology.Mix {
		label, name := words.TopologyMix(m)
		rows = append(rows, []string{label, name, devTeams(f, m.DevTeams), words.Percent(m.Share)})
	}
	return rows
}

// topologySection is the text report's own section of the topology, which the Markdown
// report gives in its verdict and under who runs it.
func topologySection(an *orgs.Analysis) section {
	s := section{title: "SRE team topology", only: textOnly, blocks: []block{line("Dominant topology: " + words.TopologyHeadline(an))}}
	if why := words.ImpureByServices(an); why != "" {
		s.blocks = append(s.blocks, line(why))
	}
	s.blocks = append(s.blocks, rowsOf(topologyHeader, topologyRows(an, plainText)))
	return s
}

func teamsSection(an *orgs.Analysis, f format) section {
	rows := make([][]string, 0, len(an.Teams))
	for _, t := range an.Teams {
		rows = append(rows, []string{f.esc(t.Name), t.Org.Short(), string(t.Kind), words.Number(int64(t.Headcount)), words.Number(t.Cost),
			strings.ToUpper(string(t.Funding)), words.RunModelShort(t.RunModel), words.TopologyNumber(t.Topology), words.OrDash(f.esc(t.RunWith))})
	}
	return section{title: "Teams", blocks: []block{{kind: table, textHeader: true, rows: rows,
		header: []string{"Team", "Org", "Kind", "People", "Cost", "Funding", "Run model", "Topology", "Runs with"}}}}
}

func criteriaSection(an *orgs.Analysis) section {
	now, was := words.RunModel(an.RunModel.Dominant), words.RunModel(an.BaselineRunModel)
	var text, md [][]string
	for _, c := range an.Criteria {
		mark, textWas, mdWas := " ", "", ""
		if c.Changed {
			mark, textWas = "*", "(was "+words.Criterion(c.Baseline)+")"
			mdWas = "changed " + textWas
		}
		text = append(text, []string{mark + " " + c.Criterion, words.Criterion(c.Current), textWas})
		md = append(md, []string{c.Criterion, words.Criterion(c.Current), mdWas})
	}
	return section{title: "Comparison criteria", blocks: []block{
		lineFor(textOnly, "Values of the dominant model ("+now+"); * marks a change against the baseline ("+was+")."),
		lineFor(markdownOnly, "Dominant model now: "+now+"; in the baseline: "+was+"."),
		{kind: table, only: textOnly, rows: text},
		{kind: table, only: markdownOnly, header: []string{"Criterion", "Value", "Against the baseline"}, rows: md},
	}}
}

func fundingSection(an *orgs.Analysis) section {
	f := &an.Funding
	var text, md [][]string
	for _, b := range words.Budgets(f) {
		change := words.Change(b.Delta.Headcount, b.Delta.Cost, f.HasCosts, f.Currency, "baseline")
		cost := "-"
		if f.HasCosts {
			cost = words.Money(b.Now.Cost, f.Currency)
		}
		text = append(text, []string{b.Label, words.HeadCost(b.Now, f.HasCosts, f.Currency), change})
		md = append(md, []string{b.Label, words.Number(int64(b.Now.Headcount)), cost, change})
	}
	return section{title: "Funding", blocks: []block{
		{kind: table, only: textOnly, rows: text},
		{kind: table, only: markdownOnly, header: []string{"Budget", "People", "Cost", "Change"}, rows: md},
		line(words.ModelFunding(f)),
	}}
}

func transitionSection(an *orgs.Analysis, f format) section {
	tr := &an.Transition
	s := section{title: "Transition from the baseline", mdTitle: "Transition from the baseline: " + tr.Verdict.Words(),
		blocks: []block{lineFor(textOnly, "Verdict: "+tr.Verdict.Words())}}
	var text, md [][]string
	for _, t := range tr.Teams {
		if t.Verdict != orgs.VerdictUnchanged {
			text = append(text, []string{f.esc(t.Team), words.TeamTransition(t)})
			md = append(md, []string{f.esc(t.Team), words.TeamTransition(t), words.OrDash(t.Reason), criteriaCell(t.CriteriaChanges)})
		}
	}
	if len(text) == 0 {
		s.blocks = append(s.blocks, lineFor(textOnly, "  No dev team changes its run model."), lineFor(markdownOnly, "No dev team changes its run model."))
	} else {
		s.blocks = append(s.blocks, block{kind: table, only: textOnly, rows: text},
			block{kind: table, only: markdownOnly, header: []string{"Team", "Change", "Reason", "Criteria that change"}, rows: md})
	}
	for _, t := range tr.Teams {
		if t.Reason != "" {
			s.blocks = append(s.blocks, lineFor(textOnly, "  "+f.esc(t.Team)+": "+t.Reason))
		}
		if c := words.CriteriaChanges(t.CriteriaChanges); c != "" {
			s.blocks = append(s.blocks, lineFor(textOnly, "  "+f.esc(t.Team)+", "+c))
		}
	}
	if rows := ServiceTransitionRows(an, f.esc); len(rows) > 0 {
		s.blocks = append(s.blocks, block{kind: heading, text: "Services that run otherwise than their team"},
			block{kind: table, only: markdownOnly, header: []string{"Service", "Team", "Change", "Reason", "Criteria that change"}, rows: rows})
		for i, r := range rows {
			s.blocks = append(s.blocks, lineFor(textOnly, "  "+r[0]+" ("+r[1]+"): "+r[2]))
			if r[3] != "-" {
				s.blocks = append(s.blocks, lineFor(textOnly, "    "+r[3]))
			}
			if c := words.CriteriaChanges(an.Transition.Services[i].CriteriaChanges); c != "" {
				s.blocks = append(s.blocks, lineFor(textOnly, "    "+c))
			}
		}
	}
	s.blocks = append(s.blocks, decisionBlocks(tr.Decisions, f)...)
	return s
}

// decisionBlocks are the decisions from easy to hard: grouped under how hard each is to
// undo in text, a table in Markdown.
func decisionBlocks(decisions []orgs.Decision, f format) []block {
	if f.markdown {
		if len(decisions) == 0 {
			return nil
		}
		rows := make([][]string, 0, len(decisions))
		for _, d := range decisions {
			rows = append(rows, []string{words.DecisionKind(d.Kind), f.esc(d.Subject), f.esc(d.Detail), words.Changeability(d.Changeability)})
		}
		return []block{{kind: heading, text: "Decisions, from easy to hard"}, rowsOf([]string{"Decision", "Subject", "Detail", "How hard to undo"}, rows)}
	}
	out := []block{{kind: heading, text: "Decisions, from easy to hard"}}
	if len(decisions) == 0 {
		out = append(out, line("  none yet"))
	}
	for _, g := range words.DecisionGroups(decisions, f.esc) {
		out = append(out, line("  "+g.Title))
		for _, d := range g.Decisions {
			out = append(out, line("    - "+d))
		}
	}
	return out
}

func identitySection(an *orgs.Analysis, f format) section {
	id := an.Identity
	headline := words.IdentityHeadline(id)
	s := section{title: "SRE identity", mdTitle: "SRE identity: " + headline, blocks: []block{lineFor(textOnly, "Dominant identity: "+headline)}}
	if id.Dominant != nil {
		var text, md [][]string
		for i, ident := range orgs.AllIdentities {
			text = append(text, []string{ident.Info().Name, words.Percent(id.Weights[i]), words.People(id.People[i])})
			md = append(md, []string{ident.Info().Name, words.Percent(id.Weights[i]) + " (" + words.People(id.People[i]) + ")"})
		}
		s.blocks = append(s.blocks, line(words.IdentityPride(*id.Dominant)),
			block{kind: table, only: textOnly, rows: text},
			block{kind: table, only: markdownOnly, header: []string{"Identity", "Share of SRE people"}, rows: md})
	}
	if len(an.KPIs) == 0 {
		s.blocks = append(s.blocks, block{kind: heading, only: textOnly, text: "KPIs"}, lineFor(textOnly, "  none: no SRE work is organized yet"))
		return s
	}
	kpis := make([]string, 0, len(an.KPIs))
	for _, k := range an.KPIs {
		kpis = append(kpis, words.KPI(k, f.esc))
	}
	s.blocks = append(s.blocks, block{kind: heading, text: "KPIs"}, items(both, kpis...))
	return s
}

func advisoriesSection(an *orgs.Analysis, f format) section {
	s := section{title: "Advisories"}
	if len(an.Advisories) == 0 {
		s.blocks = []block{lineFor(textOnly, "  none"), lineFor(markdownOnly, "None.")}
		return s
	}
	md := make([]string, 0, len(an.Advisories))
	for _, a := range an.Advisories {
		s.blocks = append(s.blocks, lineFor(textOnly, "  "+words.AdvisoryMark(a.Severity)+" "+words.Advisory(a, f.esc)))
		item := "**" + string(a.Severity) + "** `" + a.Code + "`: " + f.esc(a.Message)
		// the message names the first few; the report, which has room, names them all
		if all := words.AdvisoryInFull(a, f.esc); all != "" {
			s.blocks = append(s.blocks, lineFor(textOnly, "    "+all))
			item += "\n  " + all
		}
		md = append(md, item)
	}
	s.blocks = append(s.blocks, items(markdownOnly, md...))
	return s
}

// criteriaCell is a transition's changed criteria in one table cell, "-" for none.
func criteriaCell(changes []orgs.CriterionChange) string {
	parts := make([]string, len(changes))
	for i, c := range changes {
		parts[i] = words.CriterionChange(c)
	}
	return words.OrDash(strings.Join(parts, "; "))
}
