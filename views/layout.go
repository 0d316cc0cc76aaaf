package views

// Every size the dashboard derives is named here and computed in one function, so that the
// views that draw and the model that scrolls and hit-tests the mouse agree on where things are.
const (
	// MinWidth and MinHeight are the smallest terminal the dashboard draws in; below it, a
	// plain "terminal too small" screen.
	MinWidth  = 60
	MinHeight = 16
	// WideWidth is the width from which the board and every panel show at once.
	WideWidth = 160

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
	// Wide is true when the board and every panel show at once.
	Wide    bool
	Header  Rect
	Board   Rect
	Columns [3]Rect
	// Panels is the area of the panels (wide) or of the tab line and one panel (narrow); a
	// dialog (the new-team form, the save prompt, the quit question) draws there too.
	Panels Rect
	Status Rect
	Footer Rect
}

// ComputeLayout lays the dashboard out in a w x h terminal whose footer (the help) takes
// footer lines.
func ComputeLayout(w, h, footer int) Layout {
	l := Layout{W: w, H: h}
	if w < MinWidth || h < MinHeight {
		l.TooSmall = true
		return l
	}
	footer = max(0, min(footer, h-MinHeight+1))
	l.Header = Rect{0, 0, w, headerHeight}
	l.Footer = Rect{0, h - footer, w, footer}
	l.Status = Rect{0, h - footer - statusHeight, w, statusHeight}
	top := headerHeight
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
func (l Layout) FullCards() bool { return l.BodyHeight() >= fullCardsFrom }
