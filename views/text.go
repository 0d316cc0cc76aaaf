package views

import (
	"math"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/sretopo/sretopo/orgs"
)

// S sanitizes a string that came from a file or from the user, for drawing.
func S(s string) string { return orgs.Sanitize(s) }

// Trunc cuts s (which may hold styling) to at most w cells, ending in "…" when it cut.
func Trunc(s string, w int) string {
	switch {
	case w <= 0:
		return ""
	case lipgloss.Width(s) <= w:
		return s
	case w == 1:
		return ansi.Truncate(s, 1, "")
	}
	return ansi.Truncate(s, w, "…")
}

// Pad cuts or pads s with spaces to exactly w cells.
func Pad(s string, w int) string {
	s = Trunc(s, w)
	if n := w - lipgloss.Width(s); n > 0 {
		s += strings.Repeat(" ", n)
	}
	return s
}

// PadLeft right-aligns s in w cells.
func PadLeft(s string, w int) string {
	s = Trunc(s, w)
	if n := w - lipgloss.Width(s); n > 0 {
		s = strings.Repeat(" ", n) + s
	}
	return s
}

// Center centres s in w cells.
func Center(s string, w int) string {
	s = Trunc(s, w)
	n := w - lipgloss.Width(s)
	if n <= 0 {
		return s
	}
	return strings.Repeat(" ", n/2) + s + strings.Repeat(" ", n-n/2)
}

// Fit clamps a rendered block to w x h: no line wider than w, no more than h lines. It is
// the last step of every screen, so that nothing is ever drawn outside the terminal.
func Fit(s string, w, h int) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		if lipgloss.Width(l) > w {
			lines[i] = ansi.Truncate(l, w, "")
		}
	}
	return strings.Join(lines, "\n")
}

// Block pads or cuts lines to exactly w x h, so blocks can be joined side by side.
func Block(lines []string, w, h int) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	out := make([]string, h)
	for i := range out {
		if i < len(lines) {
			out[i] = Pad(lines[i], w)
		} else {
			out[i] = strings.Repeat(" ", w)
		}
	}
	return strings.Join(out, "\n")
}

// Wrap breaks plain text into lines of at most w cells, at spaces where it can.
func Wrap(text string, w int) []string {
	if w <= 0 {
		return nil
	}
	var out []string
	for _, para := range strings.Split(text, "\n") {
		line := ""
		for _, word := range strings.Fields(para) {
			for lipgloss.Width(word) > w { // a word longer than the line is cut
				if line != "" {
					out = append(out, line)
					line = ""
				}
				cut := ansi.Truncate(word, w, "")
				out = append(out, cut)
				word = word[len(cut):]
			}
			switch {
			case word == "":
			case line == "":
				line = word
			case lipgloss.Width(line)+1+lipgloss.Width(word) <= w:
				line += " " + word
			default:
				out = append(out, line)
				line = word
			}
		}
		out = append(out, line)
	}
	return out
}

// Bar draws share (0-1) as a bar of w cells: filled cells, then empty ones. The two parts
// differ by glyph, not only by colour.
func Bar(st Styles, share float64, w int) string {
	if w <= 0 {
		return ""
	}
	share = math.Max(0, math.Min(1, share))
	n := int(math.Round(share * float64(w)))
	if n == 0 && share > 0 {
		n = 1 // a present share is never drawn as nothing
	}
	return st.Bar.Render(strings.Repeat("█", n)) + st.BarEmpty.Render(strings.Repeat("░", w-n))
}

// SplitBar draws two shares side by side in w cells: the first with one glyph, the second
// with another, so the split reads without colour.
func SplitBar(st Styles, first float64, w int) string {
	if w <= 0 {
		return ""
	}
	first = math.Max(0, math.Min(1, first))
	n := int(math.Round(first * float64(w)))
	return st.Bar.Render(strings.Repeat("█", n)) + st.Muted.Render(strings.Repeat("▒", w-n))
}

// Rule is a panel title on a horizontal rule: "── Title ─────".
func Rule(st Styles, title string, w int) string {
	if w <= 0 {
		return ""
	}
	t := Trunc(title, max(0, w-4))
	if t == "" {
		return st.Rule.Render(strings.Repeat("─", w))
	}
	rest := w - 4 - lipgloss.Width(t)
	return st.Rule.Render("── ") + st.Title.Render(t) + st.Rule.Render(" "+strings.Repeat("─", max(0, rest)))
}

// joinColumns puts blocks side by side with a gap, line by line. Each block is as wide as
// its widest line; short blocks are padded with blank lines.
func joinColumns(gap int, blocks ...string) string {
	lines := make([][]string, len(blocks))
	widths := make([]int, len(blocks))
	height := 0
	for i, b := range blocks {
		lines[i] = strings.Split(b, "\n")
		height = max(height, len(lines[i]))
		for _, l := range lines[i] {
			widths[i] = max(widths[i], lipgloss.Width(l))
		}
	}
	sep := strings.Repeat(" ", gap)
	var sb strings.Builder
	for r := 0; r < height; r++ {
		if r > 0 {
			sb.WriteByte('\n')
		}
		for i := range blocks {
			if i > 0 {
				sb.WriteString(sep)
			}
			l := ""
			if r < len(lines[i]) {
				l = lines[i][r]
			}
			sb.WriteString(l)
			if i < len(blocks)-1 {
				if n := widths[i] - lipgloss.Width(l); n > 0 {
					sb.WriteString(strings.Repeat(" ", n))
				}
			}
		}
	}
	return sb.String()
}
