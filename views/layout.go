package views

import "github.com/charmbracelet/lipgloss"

// Every size the dashboard derives is named here and computed in one function, so that the
// views that draw and the model that scrolls and hit-tests the mouse agree on where things are.
const (
	// MinWidth and MinHeight are the smallest terminal the dashboard draws in; below it, a
	// plain "terminal too small" screen.
	MinWidth  = 60
	MinHeight = 16
	// WideWidth is the width from which the panels sit beside the board, the chosen one in
	// full and below it every other one that fits in full; below it the panels are under the
	// board, one at a time, each given the rows it needs. Neither squeezes a panel to fit:
	// a meeting room reads what it sees.
	WideWidth = 200

	// PresentMinWidth and PresentMinHeight are the smallest terminal presentation mode draws in.
	PresentMinWidth  = 40
	PresentMinHeight = 12

	headerHeight = 1 // name, file, baseline, modified
	statusHeight = 1 // the last action's message, or the find prompt
	columnGap    = 1 // between board columns
	panelGap     = 2 // between the board and the panels, and between panels side by side

	boardMinHeight = 7  // column title, rule, and at least a card with its scroll marks
	panelMinHeight = 6  // tab line, title and a few lines of a panel
	columnTitle    = 2  // a column's title and rule
	fullCardsFrom  = 14 // from this body height every card shows in full; below, one line each

	wideColumnMin = 24
	wideColumnMax = 36
	boardShare    = 48 // percent of a wide terminal the board takes
)

// Rect is a rectangle on the screen, in cells; X and Y are its top left corner.
type Rect struct{ X, Y, W, H int }

// Contains reports whether the cell (x, y) lies inside r.
func (r Rect) Contains(x, y int) bool { return x >= r.X && x < r.X+r.W && y >= r.Y && y < r.Y+r.H }

// Layout places every part of the dashboard screen.
type Layout struct {
	W, H     int
	TooSmall bool
	// Wide is true when the panels sit beside the board rather than under it.
	Wide   bool
	Header Rect
	// Strip is the line of every headline verdict under the header.
	Strip   Rect
	Board   Rect
	Columns [3]Rect
	// Panels is the area of the panels (wide) or of the tab line and one panel (narrow); a
	// dialog (the new-team form, the save prompt, the quit question) draws there too.
	Panels Rect
	Status Rect
	Footer Rect

	// cards, when not zero, says whether every card shows in full (1) or one line each
	// (-1), as LayoutFor decided from what the board holds; zero leaves it to the height.
	cards int
}

// ComputeLayout lays the dashboard out in a w x h terminal whose footer (the help) takes
// footer lines.
func ComputeLayout(w, h, footer int) Layout { return layoutWithStrip(w, h, footer, stripHeight) }

// layoutWithStrip is ComputeLayout with a strip of strip lines.
func layoutWithStrip(w, h, footer, strip int) Layout {
	l := Layout{W: w, H: h}
	if w < MinWidth || h < MinHeight {
		l.TooSmall = true
		return l
	}
	footer = max(0, min(footer, h-MinHeight+1))
	l.Header = Rect{0, 0, w, headerHeight}
	l.Footer = Rect{0, h - footer, w, footer}
	l.Status = Rect{0, h - footer - statusHeight, w, statusHeight}
	l.Strip = Rect{0, headerHeight, w, strip}
	top := headerHeight + strip
	content := l.Status.Y - top
	l.Wide = w >= WideWidth
	if l.Wide {
		colW := min(wideColumnMax, max(wideColumnMin, (w*boardShare/100-2*columnGap)/3))
		bw := 3*colW + 2*columnGap
		l.Board = Rect{0, top, bw, content}
		l.Panels = Rect{bw + panelGap, top, w - bw - panelGap, content}
	} else {
		panelH := max(panelMinHeight, content*3/5)
		boardH := max(boardMinHeight, content-panelH)
		panelH = content - boardH
		l.Board = Rect{0, top, w, boardH}
		l.Panels = Rect{0, top + boardH, w, panelH}
	}
	colW := (l.Board.W - 2*columnGap) / 3
	for c := range l.Columns {
		x := l.Board.X + c*(colW+columnGap)
		cw := colW
		if c == 2 {
			cw = l.Board.W - x
		}
		l.Columns[c] = Rect{x, l.Board.Y, cw, l.Board.H}
	}
	return l
}

// BodyHeight is the height of a board column's cards area.
func (l Layout) BodyHeight() int { return max(0, l.Board.H-columnTitle) }

// FullCards reports whether every card shows in full (else one line each, the selected one
// in full).
func (l Layout) FullCards() bool {
	if l.cards != 0 {
		return l.cards > 0
	}
	return l.BodyHeight() >= fullCardsFrom
}

// emptyColumnMin is the width an empty board column keeps: its title and count.
const emptyColumnMin = 18

// LayoutFor lays out d's dashboard in w x h by what it holds: an empty organization's
// column shrinks to its title, and on a narrow terminal the panel takes the rows it needs
// and the board every other row (its cards in full when they all fit), so that the board
// never hides teams while rows stay blank below the panel. Dashboard and the model both
// lay out through it, so drawing, scrolling and the mouse agree.
func LayoutFor(d *Data, st Styles, w, h int) Layout {
	l := ComputeLayout(w, h, lipgloss.Height(d.Help))
	if l.TooSmall || !d.ok() {
		return l
	}
	if rows := len(stripLines(d, st, w)); rows != stripHeight {
		l = layoutWithStrip(w, h, lipgloss.Height(d.Help), rows)
	}
	shrinkEmptyColumns(d, &l)
	if l.Wide {
		// the board has the whole height: cards in full when every team fits so, else
		// one line each, so that a wider window never hides a team a narrower one shows
		l.cards = 1
		if boardNeed(d, l, l.Board.H) > l.Board.H {
			l.cards = -1
		}
		return l
	}
	content := l.Board.H + l.Panels.H
	panelNeed := 1 + panelNeed(d, st, l.Panels.W, content) // the tab line and the panel
	if d.Dialog != nil {
		panelNeed = max(panelNeed, dialogNeed)
	}
	l.cards = 1
	full := boardNeed(d, l, content)
	l.cards = -1
	compact := boardNeed(d, l, content)
	l.cards = 0
	var boardH int
	switch {
	case full+panelNeed <= content:
		boardH, l.cards = content-panelNeed, 1
	case compact+panelNeed <= content:
		// every team shows on one line rather than some in full and the rest hidden
		boardH, l.cards = content-panelNeed, -1
	case compactPanelFits(d, st, l.Panels.W, content-compact):
		// the panel has a shorter form (side by side, without blank lines) that fits
		// under every team on one line: the board hides no team
		boardH, l.cards = compact, -1
	default:
		// both want more rows than there are: the panel its share, the board the rest
		// (space is short: one line per card, so that the board hides as few as it can)
		panelH := min(panelNeed, max(panelMinHeight, content*3/5))
		boardH, l.cards = max(boardMinHeight, content-panelH), -1
	}
	// a panel may draw fewer lines at the height it got than in full (it drops blank
	// lines when short): the board takes those rows too
	if d.Dialog == nil {
		if drawn := 1 + panelLinesAt(d, st, l.Panels.W, content-boardH-1); drawn < content-boardH {
			boardH = content - drawn
		}
	}
	l.Board.H = boardH
	l.Panels.Y, l.Panels.H = l.Board.Y+boardH, content-boardH
	for c := range l.Columns {
		l.Columns[c].H = boardH
	}
	return l
}

// compactPanelFits reports whether the shown panel, with its tab line, fits uncut in rows
// rows at width w: drawn one row taller it still takes fewer rows than that, so nothing
// was clipped. The criteria never count: their shorter form cuts values.
func compactPanelFits(d *Data, st Styles, w, rows int) bool {
	if d.Dialog != nil || rows-1 < panelMinHeight || d.Panel == PanelCriteria {
		return false
	}
	return panelLinesAt(d, st, w, rows) <= rows-1
}

// dialogNeed is the rows a dialog drawn in the panels' place is given at least.
const dialogNeed = 14

// shrinkEmptyColumns gives an empty column the width of its title and the others the rest.
func shrinkEmptyColumns(d *Data, l *Layout) {
	empty, n := [3]bool{}, 0
	for c := range d.Board.Cols {
		if len(d.Board.Cols[c]) == 0 {
			empty[c] = true
			n++
		}
	}
	if n == 0 || n == 3 {
		return
	}
	total := l.Board.W - 2*columnGap
	rest := total - n*emptyColumnMin
	share := rest / (3 - n)
	x := l.Board.X
	for c := range l.Columns {
		cw := share
		if empty[c] {
			cw = emptyColumnMin
		}
		if c == 2 {
			cw = l.Board.X + l.Board.W - x
		}
		l.Columns[c] = Rect{x, l.Board.Y, cw, l.Board.H}
		x += cw + columnGap
	}
}

// boardNeed is the rows the board needs to show every team (cards as l says), its column
// titles included; it stops counting past limit.
func boardNeed(d *Data, l Layout, limit int) int {
	most := 0
	for c := range d.Board.Cols {
		n := len(d.Board.Cols[c])
		if n == 0 {
			most = max(most, 1)
			continue
		}
		lines := 0
		for row := 0; row < n && lines <= limit; row++ {
			lines += cardHeight(d, l, c, row)
		}
		most = max(most, lines)
	}
	return columnTitle + most
}

// panelNeed is the number of lines the shown panel takes in full at width w, or limit+1
// when it takes more than limit: a panel of thousands of services is not laid out in full
// after every keystroke only to learn that it does not fit.
func panelNeed(d *Data, st Styles, w, limit int) int {
	return panelLinesAt(d, st, w, limit+1)
}

// panelLinesAt is the number of lines the shown panel draws in w x h.
func panelLinesAt(d *Data, st Styles, w, h int) int {
	if h <= 0 {
		return 0
	}
	if d.Memo == nil {
		return len(renderPanel(d.Panel, d, st, w, h))
	}
	memo := &d.Memo.need
	for i := range memo {
		if m := &memo[i]; m.ok && m.an == d.An && m.panel == d.Panel && m.w == w && m.h == h {
			return m.n
		}
	}
	memo[1] = memo[0]
	memo[0] = needMemo{an: d.An, panel: d.Panel, w: w, h: h, ok: true, n: len(renderPanel(d.Panel, d, st, w, h))}
	return memo[0].n
}
