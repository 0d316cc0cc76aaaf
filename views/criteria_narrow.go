package views

import (
	"strings"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/words"
)

// criteriaWouldCut reports whether the table, its columns mw wide and each row rowLines
// lines (0: as many as it needs), would cut a value: a word wider than its column, or more
// lines than the row has.
func criteriaWouldCut(in *criteriaInput, mw [4]int, rowLines int) bool {
	for _, cv := range in.rows {
		for c := range mw {
			v := cv.value(c, in.dom)
			for _, word := range strings.Fields(v) {
				if width(word) > mw[c] {
					return true
				}
			}
			if rowLines > 0 && len(Wrap(v, mw[c])) > rowLines {
				return true
			}
		}
	}
	return false
}

// narrowCriteria draws the criteria one run model after another, each value whole beside
// its criterion: on the board the dominant model alone (or the first when none has a
// column) with a line saying that z shows the other three; drawn in full (z), all four.
func narrowCriteria(in *criteriaInput, st Styles, w, h int) []string {
	order := make([]int, 0, len(orgs.ComparedModels))
	if in.dom >= 0 {
		order = append(order, in.dom)
	}
	for c := range orgs.ComparedModels {
		if c != in.dom {
			order = append(order, c)
		}
	}
	full := h >= fullPanelHeight
	if !full {
		order = order[:1]
	}
	critW := min(22, max(20, w*30/100)) // the longest short name whole
	valueW := max(8, w-critW-3)
	var lines []string
	for k, c := range order {
		if k > 0 {
			lines = append(lines, "")
		}
		head := words.RunModelShort(orgs.ComparedModels[c]) + " (" + words.Percent(in.shares[c]) + " of dev teams)"
		pen := st.ink().Title
		if c == in.dom && in.mixed {
			head = words.MixedLargest + head // only the largest of a mix (rules.md 1)
		}
		if c == in.dom {
			head, pen = GlyphSelected+" "+head, st.ink().AccentBold
		}
		lines = append(lines, pen.Render(Trunc(head, w)))
		for _, cv := range in.rows {
			name := cv.name
			if short, ok := criterionShort[name]; ok && width(name) > critW {
				name = short
			}
			for i, v := range Wrap(cv.value(c, in.dom), valueW) {
				label := ""
				if i == 0 {
					label = name
				}
				lines = append(lines, st.ink().Text.Render(Pad(Trunc(label, critW), critW))+" "+st.ink().Muted.Render(v))
			}
		}
	}
	if !full {
		lines = append(lines, st.ink().Muted.Render(Trunc("z: the other three run models, whole", w)))
	} else {
		lines = append(lines, st.ink().Muted.Render(criteriaLegend(in, w)))
	}
	return lines
}
