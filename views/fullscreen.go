package views

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"
)

// A page is a full-screen view other than the board: the file list of `o` and the compare
// screen of `c`. It has a title line, fixed head lines (column headings), a body that
// scrolls, the status line and the help, and never draws outside the terminal.

// Screen is what a page shows. Head and Body are drawn already, at the page's width.
type Screen struct {
	Title string
	Head  []string
	Body  []string
	// Offset is the first body line shown.
	Offset int
}

// PageBodyHeight is the number of body lines a page with head lines of fixed heading shows
// in a w x h terminal whose help takes footer lines; 0 when the terminal is too small.
func PageBodyHeight(w, h, footer, head int) int {
	if w < MinWidth || h < MinHeight {
		return 0
	}
	footer = max(0, min(footer, h-MinHeight+1))
	return max(0, h-headerHeight-head-statusHeight-footer)
}

// MaxOffset is the largest first line of a body of n lines shown in h lines.
func MaxOffset(n, h int) int { return max(0, n-h) }

// DrawScreen draws page p with d's status line and help in w x h.
func DrawScreen(p Screen, d *Data, st Styles, w, h int) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	if w < MinWidth || h < MinHeight {
		return TooSmall(MinWidth, MinHeight, w, h)
	}
	footer := lipgloss.Height(d.Help)
	if d.Help == "" {
		footer = 0
	}
	bodyH := PageBodyHeight(w, h, footer, len(p.Head))
	off := max(0, min(p.Offset, MaxOffset(len(p.Body), bodyH)))
	right := ""
	if len(p.Body) > bodyH && bodyH > 0 {
		last := min(len(p.Body), off+bodyH)
		right = st.ink().Muted.Render(fmt.Sprintf("lines %d-%d of %d", off+1, last, len(p.Body)))
	}
	title := st.ink().HeaderName.Render(Trunc(p.Title, max(0, w-width(right)-1)))
	gap := max(1, w-width(title)-width(right))
	lines := []string{Trunc(title+spaces(gap)+right, w)}
	for _, l := range p.Head {
		lines = append(lines, Trunc(l, w))
	}
	if bodyH > 0 {
		end := min(len(p.Body), off+bodyH)
		lines = append(lines, strings.Split(Block(p.Body[off:end], w, bodyH), "\n")...)
	}
	lines = append(lines, statusLine(d, st, w))
	if footer > 0 {
		lines = append(lines, Fit(d.Help, w, max(0, min(footer, h-MinHeight+1))))
	}
	return Fit(strings.Join(lines, "\n"), w, h)
}
