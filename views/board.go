package views

import (
	"strconv"
	"strings"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/words"
)

// The board: three columns, one per organization, listing its teams as cards. A card in full
// is a name line, a facts line (kind, headcount, on call), a line on who runs what (a dev
// team's run model and topology, the dev teams an SRE team serves), a line saying what it
// was when it changed against the baseline, and a blank line. When the board is short,
// cards show one line each, except the selected one, which shows in full.

// placed is a card drawn in a column's body: the team's row in the column, its first line
// and height.
type placed struct{ row, line, height int }

// window is what a column's body shows: the cards drawn and the scroll marks.
type window struct {
	cards        []placed
	above, below int // cards hidden above and below (a mark line each, when not zero)
}

// cardHeight is the number of lines card row takes in column c.
func cardHeight(d *Data, l Layout, c, row int) int {
	i := d.Board.Cols[c][row]
	selected := d.Board.Focus == c && d.Board.Rows[c] == row
	if !l.FullCards() && !selected {
		return 1
	}
	h := 3
	if teamChanged(d, i) {
		h++
	}
	if selected {
		h += len(selectedName(d, i, l.Columns[c].W)) - 1
		if d.Board.Open {
			h += openWindow(d, i, l.Columns[c].W, openBudget(l)).lines
		}
	}
	if l.FullCards() {
		h++ // blank line after the card
	}
	return h
}

// layoutColumn places the cards of column c from offset off in a body of the layout's height.
// Scrolling, drawing and mouse hits all go through it, so they always agree.
func layoutColumn(d *Data, l Layout, c, off int) window {
	n := len(d.Board.Cols[c])
	body := l.BodyHeight()
	var w window
	if n == 0 || body <= 0 {
		return w
	}
	off = max(0, min(off, n-1))
	line := 0
	if off > 0 {
		w.above = off
		line = 1
	}
	for k := off; k < n; k++ {
		h := cardHeight(d, l, c, k)
		more := 0 // a line for the "more below" mark, when cards follow
		if k < n-1 {
			more = 1
		}
		if line+h+more <= body {
			w.cards = append(w.cards, placed{k, line, h})
			line += h
			continue
		}
		if len(w.cards) == 0 {
			// the first card is taller than the body: show what fits of it
			if h = body - line - more; h < 1 {
				h, more = body-line, 0
			}
			if h >= 1 {
				w.cards = append(w.cards, placed{k, line, h})
				k++
			}
		}
		if k < n {
			w.below = n - k
		}
		break
	}
	if line := w.endLine(); w.below > 0 && line >= body {
		w.below = 0 // no room left for the mark
	}
	return w
}

// endLine is the line after the last card drawn.
func (w window) endLine() int {
	line := 0
	if w.above > 0 {
		line = 1
	}
	if len(w.cards) > 0 {
		lp := w.cards[len(w.cards)-1]
		line = lp.line + lp.height
	}
	return line
}

// ScrollOffset is the offset column c should have so that its selected card (in the focused
// column) is visible, starting from the current offset off and moving as little as it can.
func ScrollOffset(d *Data, l Layout, c, off int) int {
	n := len(d.Board.Cols[c])
	if n == 0 || l.TooSmall {
		return 0
	}
	off = max(0, min(off, n-1))
	body := l.BodyHeight()
	// the smallest offset from which every remaining card fits: never scroll past it
	last, used := n, 0
	for last > 0 {
		h := cardHeight(d, l, c, last-1)
		mark := 0
		if last-1 > 0 {
			mark = 1
		}
		if used+h+mark > body {
			break
		}
		used += h
		last--
	}
	if last == n {
		last = n - 1
	}
	if d.Board.Focus == c {
		sel := d.Board.Rows[c]
		if sel >= 0 && sel < n {
			if sel < off {
				off = sel
			}
			if !visible(layoutColumn(d, l, c, off), sel) {
				// the selection is below the window: the window ends with it, starting from
				// the first card that still lets it fit
				used := cardHeight(d, l, c, sel)
				if sel < n-1 {
					used++ // the "more below" mark
				}
				k := sel
				for k > 0 {
					mark := 0
					if k-1 > 0 {
						mark = 1
					}
					if used+cardHeight(d, l, c, k-1)+mark > body {
						break
					}
					used += cardHeight(d, l, c, k-1)
					k--
				}
				off = k
			}
		}
	}
	return min(off, last)
}

// PageSize is how many cards page up and page down move in column c: one less than the
// cards its body shows, at least one.
func PageSize(d *Data, l Layout, c int) int {
	if !d.ok() || l.TooSmall {
		return 1
	}
	return max(1, len(layoutColumn(d, l, c, d.Board.Offsets[c]).cards)-1)
}

func visible(w window, row int) bool {
	for _, p := range w.cards {
		if p.row == row {
			return true
		}
	}
	return false
}

// HitCard finds the card at screen cell (x, y): its column and row; ok is false when the
// cell holds no card. A click on a scroll mark gives the first hidden card on that side.
func HitCard(d *Data, l Layout, x, y int) (col, row int, ok bool) {
	if !d.ok() || l.TooSmall {
		return 0, 0, false
	}
	for c, r := range l.Columns {
		if !r.Contains(x, y) {
			continue
		}
		by := y - r.Y - columnTitle
		if by < 0 {
			return c, 0, false
		}
		w := layoutColumn(d, l, c, d.Board.Offsets[c])
		for _, p := range w.cards {
			if by >= p.line && by < p.line+p.height {
				return c, p.row, true
			}
		}
		if w.above > 0 && by == 0 {
			return c, w.above - 1, true
		}
		if w.below > 0 && len(w.cards) > 0 {
			lp := w.cards[len(w.cards)-1]
			if by == lp.line+lp.height {
				return c, lp.row + 1, true
			}
		}
		return c, 0, false
	}
	return 0, 0, false
}

// boardLines draws the board's three columns, each as Block lines.
func boardLines(d *Data, k *pens, l Layout) [][]string {
	cols := make([][]string, 3)
	for c := range cols {
		cols[c] = renderColumn(d, k, l, c)
	}
	return cols
}

func renderColumn(d *Data, k *pens, l Layout, c int) []string {
	r := l.Columns[c]
	w := r.W
	org := orgs.AllOrgs[c]
	ids := d.Board.Cols[c]
	focused := d.Board.Focus == c
	title := org.Title()
	count := " " + strconv.Itoa(len(ids))
	lines := make([]string, 0, r.H)
	if focused {
		lines = append(lines, Pad(k.FocusTitle.Render(title)+k.Muted.Render(count), w),
			k.Accent.Render(repeat("━", w)))
	} else {
		lines = append(lines, Pad(k.ColumnTitle.Render(title)+k.Muted.Render(count), w),
			k.Rule.Render(repeat("─", w)))
	}
	if len(ids) == 0 {
		if focused {
			lines = append(lines, k.Selected.Render(Pad(GlyphSelected+" (no team)", w)))
		} else {
			lines = append(lines, k.Muted.Render("  (no team)"))
		}
		return blockLines(lines, w, r.H)
	}
	win := layoutColumn(d, l, c, d.Board.Offsets[c])
	if win.above > 0 {
		lines = append(lines, k.Muted.Render("  ^ "+strconv.Itoa(win.above)+" more"))
	}
	for _, p := range win.cards {
		selected := focused && d.Board.Rows[c] == p.row
		cl := cardLines(d, k, ids[p.row], w, l.FullCards() || selected, selected, openBudget(l))
		if len(cl) > p.height {
			cl = cl[:p.height]
		}
		lines = append(lines, cl...)
	}
	if win.below > 0 {
		lines = append(lines, k.Muted.Render("  v "+strconv.Itoa(win.below)+" more"))
	}
	return blockLines(lines, w, r.H)
}

// cardLines draws team i's card in w cells: in full, or as one line.
// budget is how many lines the open list of services may take under the selected card.
func cardLines(d *Data, k *pens, i, w int, full, selected bool, budget int) []string {
	t := &d.Org.Teams[i]
	tv := &d.An.Teams[i]
	changed, was := TeamChanges(d, i)
	lead := "  "
	if selected {
		lead = GlyphSelected + " "
	}
	mark := ""
	if changed {
		mark = " " + GlyphChanged
	}
	name := S(t.Name)
	base, bold := k.Text, k.TextBold
	if selected {
		base, bold = k.Selected, k.SelectedBold
	}
	if !full {
		right := compactFacts(t, tv)
		if width(name) > w-len(lead)-len(mark)-len(right)-1 {
			// the name whole before the facts, which the selected card says in full
			short := strconv.Itoa(t.Headcount)
			if strings.HasSuffix(right, GlyphWarning) {
				short += GlyphWarning // an idle SRE team stays marked
			}
			right = short
		}
		nameW := max(1, w-len(lead)-len(mark)-len(right)-1)
		line := lead + Pad(Trunc(name, nameW)+changedMark(k, mark, selected), nameW+len(mark)) + " " + right
		return []string{base.Render(Pad(line, w))}
	}
	inner := w - 2
	names := []string{Trunc(name, max(1, w-2-len(mark)))}
	if selected {
		names = selectedName(d, i, w) // the selected team's name is never cut: it wraps
	}
	lines := make([]string, 0, len(names)+4)
	lines = append(lines, renderLine(bold, lead+names[0], w, changedMark(k, mark, selected)))
	for _, l := range names[1:] {
		lines = append(lines, renderLine(bold, "  "+l, w, ""))
	}
	lines = append(lines, renderLine(base, "  "+withServices(t, d, i, inner), w, ""), roleLine(d, k, base, i, w, selected))
	if changed {
		ws := k.Changed
		if selected {
			ws = k.SelectedChanged
		}
		lines = append(lines, ws.Render(Pad("  "+Trunc(was, inner), w)))
	}
	if selected && d.Board.Open {
		lines = append(lines, serviceLines(d, k, i, w, budget)...)
	}
	lines = append(lines, spaces(w))
	return lines
}

// selectedName is the selected team's name wrapped to a card of width w, beside its
// changed mark.
func selectedName(d *Data, i, w int) []string {
	t := &d.Org.Teams[i]
	markW := 0
	if changed, _ := TeamChanges(d, i); changed {
		markW = 1 + len(GlyphChanged)
	}
	return Wrap(S(t.Name), max(1, w-2-markW))
}

// renderLine styles text padded to w with an optional styled suffix kept inside w.
func renderLine(style *pen, text string, w int, suffix string) string {
	sw := width(suffix)
	body, bw := trunc(text, max(0, w-sw))
	return style.Render(body) + suffix + style.Render(spaces(max(0, w-bw-sw)))
}

func changedMark(k *pens, mark string, selected bool) string {
	if mark == "" {
		return ""
	}
	if selected {
		return k.SelectedChanged.Render(mark)
	}
	return k.Changed.Render(mark)
}

// pick returns the first candidate that fits in w cells, else the last one cut to w.
func pick(w int, candidates ...string) string {
	for _, c := range candidates {
		if width(c) <= w {
			return c
		}
	}
	if len(candidates) == 0 {
		return ""
	}
	return Trunc(candidates[len(candidates)-1], w)
}

func people(n int) string { return words.People(n) }
