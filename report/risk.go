package report

import (
	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/words"
)

// riskSections are the report's risk section (docs/rules.md section 12): the organization's
// figures, each service with a rate, and the pages a person takes; none without rates.
func riskSections(an *orgs.Analysis, f format) []section {
	if an.Risk == nil {
		return nil
	}
	var services, pages [][]string
	for k := range an.Services {
		if row, ok := words.RiskRow(an, k, f.esc); ok {
			services = append(services, row)
		}
	}
	for p := range an.Staffing.Rotations {
		if row, ok := words.PagesRow(an, p, f.esc); ok {
			pages = append(pages, row)
		}
	}
	s := section{title: "Risk", blocks: []block{
		line(words.RiskSummary(an.Risk, f.esc)),
		line(words.RiskRule),
		{kind: table, header: words.RiskHeader, rows: services, textHeader: true},
		line(words.RiskRuns(an.RiskRuns)),
	}}
	if len(pages) > 0 {
		s.blocks = append(s.blocks, line(words.PagesRule),
			block{kind: table, header: words.PagesHeader, rows: pages, textHeader: true})
	}
	return []section{s}
}
