package views

import (
	"slices"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/lipgloss/table"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/words"
)

// ---- criteria -------------------------------------------------------------

// criterionShort are the criteria's names for narrow tables (the full names are in orgs).
var criterionShort = map[string]string{
	"Involvement of the development teams in the on-call work": "Dev teams on call",
	"Knowledge synchronization between teams":                  "Knowledge sync",
	"Incident resolution times":                                "Incident resolution",
	"Service handover for operations":                          "Service handover",
	"Establishment of a distinct SRE organization":             "Distinct SRE org",
	"Ownership of the SRE infrastructure":                      "SRE infra owner",
	"Availability targets and product demand":                  "Availability targets",
}

// criteriaInput is everything the criteria panel draws: the criteria, the dominant run
// model, each compared model's share of dev teams and the baseline's dominant model. The
// panel draws from it alone, so equal inputs draw equal panels (see Memo).
type criteriaInput struct {
	dominant bool // the analysis has a dominant model
	dom      int  // its column, -1 when it has none (unorganized)
	// mixed is true when the dominant model covers no majority of the dev teams: its
	// column is then the largest, not the organization's (rules.md 1)
	mixed    bool
	shares   [4]float64
	rows     []criterionRow
	baseline string
	// even gives the four models equal columns, for a table drawn in full whatever its
	// height (a presentation page): the dominant column's extra room is for a short one
	even bool
}

type criterionRow struct {
	name    string
	values  orgs.ModelValues
	changed bool
}

func newCriteriaInput(an *orgs.Analysis) criteriaInput {
	in := criteriaInput{dom: -1, baseline: words.RunModel(an.BaselineRunModel), rows: make([]criterionRow, len(an.Criteria))}
	if an.RunModel.Dominant != nil {
		in.dominant, in.dom, in.mixed = true, an.RunModel.Dominant.Column(), !an.RunModel.Majority
	}
	for _, m := range an.RunModel.Mix {
		if c := m.ID.Column(); c >= 0 {
			in.shares[c] = m.Share
		}
	}
	for i, cv := range an.Criteria {
		in.rows[i] = criterionRow{cv.Criterion, cv.Values, cv.Changed}
	}
	return in
}

func (in *criteriaInput) equal(o *criteriaInput) bool {
	return in.even == o.even && in.dominant == o.dominant && in.dom == o.dom && in.mixed == o.mixed && in.shares == o.shares && in.baseline == o.baseline && slices.Equal(in.rows, o.rows)
}

func criteriaPanel(d *Data, st Styles, w, h int) []string {
	in := newCriteriaInput(d.An)
	if d.Memo == nil {
		return drawCriteria(&in, st, w, h)
	}
	// two sizes are kept: the table in full (measured for the layout) and as drawn
	k := st.ink()
	memo := &d.Memo.criteria
	for i := range memo {
		if c := &memo[i]; c.lines != nil && c.pens == k && c.w == w && c.h == h && c.in.equal(&in) {
			return slices.Clone(c.lines)
		}
	}
	memo[1] = memo[0]
	memo[0] = criteriaMemo{in: in, pens: k, w: w, h: h, lines: drawCriteria(&in, st, w, h)}
	return slices.Clone(memo[0].lines)
}

func drawCriteria(in *criteriaInput, st Styles, w, h int) []string {
	const seps = 4
	avail := w - seps
	if avail < 30 {
		return []string{Trunc("the criteria table needs more room", w)}
	}
	critW, mw := criteriaWidths(in, avail)
	rowLines, rule, legend := criteriaRowLines(in, critW, mw, h-labelLinesAbove(in, mw))
	if !in.even && criteriaWouldCut(in, mw, rowLines) {
		return narrowCriteria(in, st, w, h)
	}
	lines := []string{Trunc(criteriaShares(in, st, critW, mw), w)}
	lines = append(lines, strings.Split(criteriaTable(in, st, critW, mw, rowLines, rule), "\n")...)
	if !legend {
		return lines
	}
	return append(lines, st.ink().Muted.Render(criteriaLegend(in, w)))
}

// labelLinesAbove is how many lines the run models' labels take above the header row,
// wrapped to their columns (criteriaTable).
func labelLinesAbove(in *criteriaInput, mw [4]int) int {
	above := 0
	for c, m := range orgs.ComparedModels {
		label := m.Short()
		if c == in.dom {
			label = GlyphSelected + " " + label
		}
		above = max(above, len(Wrap(label, mw[c]))-1)
	}
	return above
}

// criteriaWidths are the widths of the criterion names and of the four models' columns in
// avail columns: the dominant model's column gets room for its values when the others are
// narrow.
func criteriaWidths(in *criteriaInput, avail int) (critW int, mw [4]int) {
	dom := in.dom
	critW = min(40, max(14, avail*30/100))
	rest := avail - critW
	for c := range mw {
		mw[c] = rest / 4
	}
	if dom >= 0 && rest/4 < 24 && !in.even {
		if want := min(26, rest-3*9); want > mw[dom] {
			for c := range mw {
				mw[c] = (rest - want) / 3
			}
			mw[dom] = want
		}
	}
	mw[3] += rest - (mw[0] + mw[1] + mw[2] + mw[3])
	return critW, mw
}

// criteriaRowLines is how many lines each row takes in h lines (0: as many as its longest
// cell needs), and whether the header rule and the legend show: they go first when h is short.
func criteriaRowLines(in *criteriaInput, critW int, mw [4]int, h int) (rowLines int, rule, legend bool) {
	rowLines, rule, legend = 1, h >= 12, h >= 13
	for _, rl := range []int{3, 2} {
		if 4+9*rl <= h {
			rowLines = rl
			break
		}
	}
	// when every cell can show in full, each row takes the lines its longest cell needs:
	// nothing is cut
	total := 4
	for _, cv := range in.rows {
		n := len(Wrap(cv.name, critW))
		for c := range orgs.ComparedModels {
			n = max(n, len(Wrap(cv.value(c, in.dom), mw[c])))
		}
		total += n
	}
	if total <= h {
		return 0, true, true
	}
	return rowLines, rule, legend
}

// value is the row's value for model c, marked when it is the dominant model's (dom) and
// differs from the baseline's.
func (cv criterionRow) value(c, dom int) string {
	if c == dom && cv.changed {
		return GlyphChanged + " " + cv.values[c]
	}
	return cv.values[c]
}

// criteriaTable draws the criteria as a table, each row rowLines lines (0: all it needs).
func criteriaTable(in *criteriaInput, st Styles, critW int, mw [4]int, rowLines int, rule bool) string {
	dom := in.dom
	cell := func(text string, width int) string {
		ls := Wrap(text, width)
		if rowLines > 0 && len(ls) > rowLines {
			// the last line takes the rest of the text, cut with an ellipsis
			ls[rowLines-1] = Trunc(strings.Join(ls[rowLines-1:], " "), width)
			ls = ls[:rowLines]
		}
		for i := range ls {
			ls[i] = Pad(ls[i], width)
		}
		return strings.Join(ls, "\n")
	}
	// each run model's one short form, wrapped where its column is narrow: the header row
	// holds one line, so the first lines of a wrapped label stand above it
	labels := make([][]string, len(orgs.ComparedModels))
	above := 0
	for c, m := range orgs.ComparedModels {
		label := m.Short()
		if c == dom {
			label = GlyphSelected + " " + label
		}
		labels[c] = Wrap(label, mw[c])
		above = max(above, len(labels[c])-1)
	}
	headers := []string{Pad("Criterion", critW)}
	for c := range labels {
		headers = append(headers, Pad(labels[c][len(labels[c])-1], mw[c]))
	}
	var over []string
	for k := range above {
		line := spaces(critW)
		for c, ls := range labels {
			part := ""
			if j := k - (above - (len(ls) - 1)); j >= 0 {
				part = ls[j]
			}
			if c == dom {
				line += " " + st.HighlightHead.Render(Pad(part, mw[c]))
			} else {
				line += " " + st.ink().Title.Render(Pad(part, mw[c]))
			}
		}
		over = append(over, line)
	}
	rows := make([][]string, 0, len(in.rows))
	for _, cv := range in.rows {
		name := cv.name
		if short, ok := criterionShort[name]; ok && rowLines == 1 && width(name) > critW {
			name = short
		}
		row := []string{cell(name, critW)}
		for c := range orgs.ComparedModels {
			row = append(row, cell(cv.value(c, dom), mw[c]))
		}
		rows = append(rows, row)
	}
	over = append(over, table.New().
		Border(lipgloss.NormalBorder()).
		BorderTop(false).BorderBottom(false).BorderLeft(false).BorderRight(false).
		BorderHeader(rule).
		BorderStyle(st.Rule).
		Headers(headers...).
		Rows(rows...).
		StyleFunc(func(row, col int) lipgloss.Style {
			switch {
			case col-1 == dom && row == table.HeaderRow:
				return st.HighlightHead
			case col-1 == dom:
				if row >= 0 && row < len(in.rows) && in.rows[row].changed {
					return st.Highlight.Foreground(st.Changed.GetForeground()).Bold(true)
				}
				return st.Highlight
			case row == table.HeaderRow:
				return st.Title
			case col == 0:
				return st.Text
			}
			return st.Muted
		}).Render())
	return strings.Join(over, "\n")
}

// criteriaShares is each model's share of dev teams, over its column.
func criteriaShares(in *criteriaInput, st Styles, critW int, mw [4]int) string {
	share := st.ink().Muted.Render(Pad("share of dev teams", critW))
	for c := range orgs.ComparedModels {
		s := Center(words.Percent(in.shares[c]), mw[c])
		if c == in.dom {
			s = st.ink().AccentBold.Render(s)
		} else {
			s = st.ink().Text.Render(s)
		}
		share += " " + s
	}
	return share
}

// criteriaLegend says what the marks of the table mean, in w columns: naming the baseline's
// dominant model where that fits, else shorter, so that the legend is never cut.
func criteriaLegend(in *criteriaInput, w int) string {
	switch {
	case in.dom < 0 && in.dominant:
		return Trunc("dominant: unorganized, which has no column", w)
	case in.dom < 0:
		return Trunc("no dominant model: no dev team", w)
	}
	text := GlyphSelected + " dominant model"
	if in.mixed {
		text = GlyphSelected + " the largest run model (mixed: none covers most dev teams)"
		if width(text) > w {
			text = GlyphSelected + " the largest run model (mixed)"
		}
	}
	changed := false
	for _, cv := range in.rows {
		changed = changed || cv.changed
	}
	if !changed {
		return Trunc(text, w)
	}
	for _, mark := range []string{
		"; " + GlyphChanged + " differs from the baseline's dominant model (" + in.baseline + ")",
		"; " + GlyphChanged + " differs from the baseline's dominant model",
		"; " + GlyphChanged + " differs from the baseline",
	} {
		if width(text+mark) <= w {
			return text + mark
		}
	}
	return Trunc(text+"; "+GlyphChanged+" changed", w)
}
