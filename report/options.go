package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/words"
)

// CompareFormats lists the output formats of `sretopo compare`.
var CompareFormats = []string{"text", "markdown", "json"}

// RenderOptions writes the comparison of options in format (one of CompareFormats).
func RenderOptions(format string, options []orgs.Option) ([]byte, error) {
	switch format {
	case "text":
		return []byte(optionsText(options)), nil
	case "markdown":
		return []byte(optionsMarkdown(options)), nil
	case "json":
		return optionsJSON(options)
	}
	return nil, unknownFormat(format, CompareFormats)
}

// optionRow is one row of the comparison: a label and a cell per option, with the row of
// orgs.OptionRows that marks its best cells ("" for a row with no better end).
type optionRow struct {
	label string
	cells []string
	best  orgs.OptionRow
	// marks are the best cells of a criterion row (orgs.CriterionBest), nil for other rows.
	marks []bool
}

// criterionRows are the nine criteria of each option's dominant run model, one row a
// criterion (the talk's Compare step), its best values marked where the criterion ranks
// them; "-" for an option without a dominant model's column.
func criterionRows(options []orgs.Option) []optionRow {
	rows := make([]optionRow, len(orgs.Criteria))
	for k, c := range orgs.Criteria {
		cells := make([]string, len(options))
		for i := range options {
			cells[i] = "-"
			if len(options[i].Criteria) == len(orgs.Criteria) {
				cells[i] = options[i].Criteria[k].Value
			}
		}
		rows[k] = optionRow{label: c.Name, cells: cells, marks: orgs.CriterionBest(options, k)}
	}
	return rows
}

// optionRows words the comparison; esc escapes user text for the output format.
func optionRows(options []orgs.Option, esc func(string) string) []optionRow {
	cell := func(f func(o *orgs.Option) string) []string {
		out := make([]string, len(options))
		for i := range options {
			out[i] = f(&options[i])
		}
		return out
	}
	money := func(o *orgs.Option, cost int64) string {
		if !o.Analysis.Funding.HasCosts {
			return "-"
		}
		return words.Money(cost, o.Analysis.Funding.Currency)
	}
	count := func(f func(o *orgs.Option) int) []string {
		return cell(func(o *orgs.Option) string { return words.Number(int64(f(o))) })
	}
	return append([]optionRow{
		{label: "File", cells: cell(func(o *orgs.Option) string { return esc(o.File) })},
		{label: "Organization", cells: cell(func(o *orgs.Option) string { return esc(o.Name) })},
		{label: "Run model", cells: cell(func(o *orgs.Option) string { return words.DominantRunModel(o.Analysis) })},
		{label: "Topology", cells: cell(func(o *orgs.Option) string { return words.DominantTopology(o.Analysis) })},
		{label: "Pure", best: orgs.RowPure, cells: cell(func(o *orgs.Option) string { return words.YesNo(o.Analysis.Topology.Pure) })},
		{label: "SRE identity", cells: cell(func(o *orgs.Option) string { return words.Identity(o.Analysis.Identity.Dominant) })},
		{label: "CAPEX", cells: cell(func(o *orgs.Option) string {
			return money(o, o.Analysis.Funding.CAPEX.Cost) + ", " + words.People(o.Analysis.Funding.CAPEX.Headcount)
		})},
		{label: "OPEX", cells: cell(func(o *orgs.Option) string {
			return money(o, o.Analysis.Funding.OPEX.Cost) + ", " + words.People(o.Analysis.Funding.OPEX.Headcount)
		})},
		{label: "People needed for sustainable rotations", best: orgs.RowNeeded, cells: count(func(o *orgs.Option) int { return o.Staffing.Needed })},
		{label: "People to hire", best: orgs.RowHires, cells: count(func(o *orgs.Option) int { return o.Staffing.Hires })},
		{label: "Hire cost", best: orgs.RowHireCost, cells: cell(func(o *orgs.Option) string { return money(o, o.Staffing.HireCost) })},
		{label: "Transition from " + esc(options[0].File), best: orgs.RowTransition, cells: cell(func(o *orgs.Option) string { return o.Analysis.Transition.Verdict.Words() })},
		{label: "Easy decisions", cells: count(func(o *orgs.Option) int { return o.Decisions[orgs.Easy] })},
		{label: "Team-local decisions", cells: count(func(o *orgs.Option) int { return o.Decisions[orgs.TeamLocal] })},
		{label: "Staffing decisions", cells: count(func(o *orgs.Option) int { return o.Decisions[orgs.Staffing] })},
		{label: "Hard decisions", best: orgs.RowHardDecisions, cells: count(func(o *orgs.Option) int { return o.Decisions[orgs.Hard] })},
		{label: "Warnings", best: orgs.RowWarnings, cells: count(func(o *orgs.Option) int { return o.Advisories[orgs.Warning] })},
		{label: "Info advisories", cells: count(func(o *orgs.Option) int { return o.Advisories[orgs.Info] })},
	}, riskOptionRows(options, esc)...)
}

// marked is the row's cells with mark after the best ones.
func marked(options []orgs.Option, r optionRow, mark string) []string {
	marks := r.marks
	if r.best != "" {
		marks = orgs.Best(options, r.best)
	}
	if marks == nil {
		return r.cells
	}
	out := append([]string(nil), r.cells...)
	for i, best := range marks {
		if best {
			out[i] += " " + mark
		}
	}
	return out
}

// OptionTable is the comparison of options as `sretopo compare` words it, for a screen: a
// label and a cell per option for each row, with mark after the best cells of every row that
// has a better end (orgs.Best, orgs.CriterionBest); user text is made safe for a terminal.
// Its run model cells say "mixed, largest: ..." where the model has no majority, and after
// the headline rows come a blank row, CriteriaHeading (cells empty) and the nine criteria of
// each option's dominant run model: the rows of the text report, from the same functions.
func OptionTable(options []orgs.Option, mark string) (labels []string, cells [][]string) {
	for _, r := range optionRows(options, S) {
		labels = append(labels, r.label)
		cells = append(cells, marked(options, r, mark))
	}
	labels = append(labels, "", CriteriaHeading)
	cells = append(cells, make([]string, len(options)), make([]string, len(options)))
	for _, r := range criterionRows(options) {
		labels = append(labels, r.label)
		cells = append(cells, marked(options, r, mark))
	}
	return labels, cells
}

// CriteriaHeading heads the criteria rows of a comparison of options.
const CriteriaHeading = "Criteria of the dominant run model"

// OptionsLegend says what the mark of OptionTable means.
func OptionsLegend(mark string) string { return strings.Replace(optionsLegend, "*", mark, 1) }

const optionsLegend = "* marks the best value of a row that has a better end (every tied option alike)."

func optionsText(options []orgs.Option) string {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%d options compared; transition and decisions are from %s.\n\n", len(options), S(options[0].File))
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	for _, r := range optionRows(options, S) {
		fmt.Fprintf(tw, "%s\t%s\n", r.label, strings.Join(marked(options, r, "*"), "\t"))
	}
	fmt.Fprintf(tw, "\n%s\n", CriteriaHeading)
	for _, r := range criterionRows(options) {
		fmt.Fprintf(tw, "%s\t%s\n", r.label, strings.Join(marked(options, r, "*"), "\t"))
	}
	tw.Flush()
	fmt.Fprintf(&b, "\n%s\n", optionsLegend)
	return b.String()
}

func optionsMarkdown(options []orgs.Option) string {
	var w mdWriter
	w.line("# Options compared")
	w.line("")
	w.line("%d options; the transition and the decisions are counted from %s.", len(options), MarkdownCode(options[0].File))
	w.line("")
	rows := optionRows(options, md)
	header := append([]string{""}, make([]string, len(options))...)
	for i := range options {
		header[i+1] = fmt.Sprintf("Option %d", i+1)
	}
	var body [][]string
	for _, r := range rows {
		body = append(body, append([]string{"**" + r.label + "**"}, marked(options, r, `\*`)...))
	}
	w.table(header, body)
	w.line("## %s", CriteriaHeading)
	w.line("")
	body = nil
	for _, r := range criterionRows(options) {
		body = append(body, append([]string{"**" + r.label + "**"}, marked(options, r, `\*`)...))
	}
	w.table(header, body)
	w.line("%s", strings.Replace(optionsLegend, "*", `\*`, 1))
	return w.b.String()
}

// The JSON of compare and plan sums up an analysis in the same few keys (docs/deciding.md).
type (
	headCostJSON struct {
		Headcount int   `json:"headcount"`
		Cost      int64 `json:"cost"`
	}
	runModelJSON struct {
		Dominant         *orgs.RunModel `json:"dominant"`
		DominantDevTeams int            `json:"dominant_dev_teams"`
	}
	topologyJSON struct {
		Dominant         *int `json:"dominant"`
		DominantDevTeams int  `json:"dominant_dev_teams"`
		Pure             bool `json:"pure"`
	}
	fundingJSON struct {
		Capex headCostJSON `json:"capex"`
		Opex  headCostJSON `json:"opex"`
	}
)

// headline is an analysis's run model, topology and funding in the JSON of compare and plan.
func headline(a *orgs.Analysis) (runModelJSON, topologyJSON, fundingJSON) {
	return runModelJSON{a.RunModel.Dominant, a.RunModel.DominantDevTeams},
		topologyJSON{a.Topology.Dominant, a.Topology.DominantDevTeams, a.Topology.Pure},
		fundingJSON{headCostJSON{a.Funding.CAPEX.Headcount, a.Funding.CAPEX.Cost}, headCostJSON{a.Funding.OPEX.Headcount, a.Funding.OPEX.Cost}}
}

// indentJSON is v as indented JSON with a final newline.
func indentJSON(v any) ([]byte, error) {
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return nil, err
	}
	return orgs.EscapeJSON(append(data, '\n')), nil
}

// optionsJSON is the `compare --format json` of docs/deciding.md.
func optionsJSON(options []orgs.Option) ([]byte, error) {
	type option struct {
		File     string `json:"file"`
		Name     string `json:"name"`
		RunModel struct {
			runModelJSON
			Majority bool `json:"majority"`
		} `json:"run_model"`
		Topology   topologyJSON        `json:"topology"`
		Identity   *orgs.Identity      `json:"identity"`
		Funding    fundingJSON         `json:"funding"`
		Staffing   orgs.StaffingTotals `json:"staffing"`
		Transition orgs.Verdict        `json:"transition"`
		Decisions  struct {
			Easy      int `json:"easy"`
			TeamLocal int `json:"team-local"`
			Staffing  int `json:"staffing"`
			Hard      int `json:"hard"`
		} `json:"decisions"`
		Advisories struct {
			Warning int `json:"warning"`
			Info    int `json:"info"`
		} `json:"advisories"`
		Criteria []orgs.OptionCriterion `json:"criteria"`
		Risk     *orgs.OrgRisk          `json:"risk"`
	}
	out := struct {
		Compare int      `json:"compare"`
		Options []option `json:"options"`
	}{Compare: 1, Options: make([]option, len(options))}
	for i := range options {
		o, a := &out.Options[i], options[i].Analysis
		o.File, o.Name = options[i].File, options[i].Name
		o.RunModel.runModelJSON, o.Topology, o.Funding = headline(a)
		o.RunModel.Majority = a.RunModel.Majority
		o.Criteria = options[i].Criteria
		o.Identity = a.Identity.Dominant
		o.Staffing = options[i].Staffing.StaffingTotals
		o.Transition = a.Transition.Verdict
		d := options[i].Decisions
		o.Decisions.Easy, o.Decisions.TeamLocal, o.Decisions.Staffing, o.Decisions.Hard = d[orgs.Easy], d[orgs.TeamLocal], d[orgs.Staffing], d[orgs.Hard]
		o.Advisories.Warning, o.Advisories.Info = options[i].Advisories[orgs.Warning], options[i].Advisories[orgs.Info]
		o.Risk = a.Risk
	}
	return indentJSON(out)
}
