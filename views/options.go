package views

import (
	"fmt"
	"path/filepath"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/report"
)

// The compare screen with options (O): up to four what-ifs as columns, the baseline first,
// in the rows of `sretopo compare` with its best-of-row marks. The words and the marks come
// from report and orgs.Best; the view only lays them out in columns.

// OptionMark follows the best value of a row that has a better end, as `sretopo compare`
// marks it.
const OptionMark = "*"

// optionGrid is the widths of the options grid: a label and a column an option.
type optionGrid struct{ label, col int }

func newOptionGrid(w, n int) optionGrid {
	label := max(10, min(26, w*28/100))
	col := max(4, (w-label-n*cmpGap)/max(1, n))
	return optionGrid{label: label, col: col}
}

// OptionsTitle is the compare screen's title line with options.
func OptionsTitle(options []orgs.Option) string {
	// short enough to keep beside the scroll position at 80 columns
	return fmt.Sprintf("Compare %d options (transitions from option 1)", len(options))
}

// OptionsHead is the column headings: option numbers and files.
func OptionsHead(options []orgs.Option, st Styles, w int) []string {
	if len(options) == 0 || w <= 0 {
		return nil
	}
	g := newOptionGrid(w, len(options))
	line := spaces(g.label)
	for i, o := range options {
		// the number and the file when they fit, else the number alone: the File row below
		// names every file in full
		head := fmt.Sprintf("%d %s", i+1, S(filepath.Base(o.File)))
		for _, short := range []string{fmt.Sprintf("option %d", i+1), fmt.Sprint(i + 1)} {
			if width(head) > g.col {
				head = short
			}
		}
		line += spaces(cmpGap) + st.ink().Bold.Render(Pad(Trunc(head, g.col), g.col))
	}
	return []string{Trunc(line, w)}
}

// OptionsBody is every row of the comparison, each cell wrapped in its column, and what the
// mark means.
func OptionsBody(options []orgs.Option, st Styles, w int) []string {
	if len(options) == 0 || w <= 0 {
		return nil
	}
	g := newOptionGrid(w, len(options))
	labels, cells := report.OptionTable(options, OptionMark)
	var out []string
	for r, label := range labels {
		if label == report.CriteriaHeading {
			// a heading over the criteria rows, across the columns
			out = append(out, st.ink().Title.Render(Trunc(label, w)))
			continue
		}
		cols := [][]string{cell(label, g.label)}
		n := len(cols[0])
		for _, c := range cells[r] {
			l := cell(c, g.col)
			cols = append(cols, l)
			n = max(n, len(l))
		}
		for i := range n {
			at := func(l []string) string {
				if i < len(l) {
					return l[i]
				}
				return ""
			}
			line := st.ink().Muted.Render(Pad(at(cols[0]), g.label))
			for k, c := range cols[1:] {
				pen := st.ink().Text
				if marked := cells[r][k]; len(marked) > len(OptionMark) && marked[len(marked)-len(OptionMark):] == OptionMark {
					pen = st.ink().AccentBold
				}
				line += spaces(cmpGap) + pen.Render(Pad(at(c), g.col))
			}
			out = append(out, Trunc(line, w))
		}
	}
	out = append(out, "")
	out = append(out, styled(st.ink().Muted, Wrap(report.OptionsLegend(OptionMark), w))...)
	return out
}
