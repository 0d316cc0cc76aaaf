package views

import (
	"math"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/sretopo/sretopo/orgs"
)

// S sanitizes a string that came from a file or from the user, for drawing.
func S(s string) string { return orgs.Sanitize(s) }

// Trunc cuts s (which may hold styling) to at most w cells, ending in "…" when it cut.
func Trunc(s string, w int) string {
	s, _ = trunc(s, w)
	return s
}

// trunc is Trunc that also returns the width of what it returns.
func trunc(s string, w int) (string, int) {
	if w <= 0 {
		return "", 0
	}
	sw := width(s)
	switch {
	case sw <= w:
		return s, sw
	case w == 1:
		s = truncate(s, sw, 1, "")
	default:
		s = truncate(s, sw, w, "…")
	}
	return s, width(s)
}

// Pad cuts or pads s with spaces to exactly w cells.
func Pad(s string, w int) string {
	s, sw := trunc(s, w)
	if n := w - sw; n > 0 {
		s += spaces(n)
	}
	return s
}

// PadLeft right-aligns s in w cells.
func PadLeft(s string, w int) string {
	s, sw := trunc(s, w)
	if n := w - sw; n > 0 {
		s = spaces(n) + s
	}
	return s
}

// Center centres s in w cells.
func Center(s string, w int) string {
	s, sw := trunc(s, w)
	n := w - sw
	if n <= 0 {
		return s
	}
	return spaces(n/2) + s + spaces(n-n/2)
}

// Fit clamps a rendered block to w x h: no line wider than w, no more than h lines. It is
// the last step of every screen, so that nothing is ever drawn outside the terminal.
func Fit(s string, w, h int) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	// the usual case, a block that fits already, is returned as it is
	n, start, fits := 0, 0, true
	for start <= len(s) {
		end := strings.IndexByte(s[start:], '\n')
		if end < 0 {
			end = len(s)
		} else {
			end += start
		}
		if n++; n > h || width(s[start:end]) > w {
			fits = false
			break
		}
		start = end + 1
	}
	if fits {
		return s
	}
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		if lw := width(l); lw > w {
			lines[i] = truncate(l, lw, w, "")
		}
	}
	return strings.Join(lines, "\n")
}

// Block pads or cuts lines to exactly w x h, so blocks can be joined side by side.
func Block(lines []string, w, h int) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	return strings.Join(blockLines(lines, w, h), "\n")
}

// blockLines is Block as lines: lines padded or cut to exactly w cells, h of them (one
// empty line, as Block's "" splits, when w or h is not positive).
func blockLines(lines []string, w, h int) []string {
	if w <= 0 || h <= 0 {
		return []string{""}
	}
	out := make([]string, h)
	for i := range out {
		if i < len(lines) {
			out[i] = Pad(lines[i], w)
		} else {
			out[i] = spaces(w)
		}
	}
	return out
}

// Wrap breaks plain text into lines of at most w cells, at spaces where it can.
func Wrap(text string, w int) []string {
	if w <= 0 {
		return nil
	}
	k := wrapKey{text, w}
	wraps.Lock()
	lines, ok := wraps.m[k]
	wraps.Unlock()
	if ok {
		return slices.Clone(lines)
	}
	lines = wrap(text, w)
	wraps.Lock()
	if wraps.size += len(text); wraps.m == nil || wraps.size > wrapsMax {
		wraps.m, wraps.size = map[wrapKey][]string{}, len(text)
	}
	wraps.m[k] = slices.Clone(lines)
	wraps.Unlock()
	return lines
}

// wraps keeps what Wrap returned, for the texts every frame wraps again (the panels' KPIs,
// advisories and notes), up to about wrapsMax bytes of text.
var wraps struct {
	sync.Mutex
	m    map[wrapKey][]string
	size int
}

const wrapsMax = 1 << 20

type wrapKey struct {
	text string
	w    int
}

// wrap is Wrap, without the memo.
func wrap(text string, w int) []string {
	var out []string
	for _, para := range strings.Split(text, "\n") {
		line, lineW := "", 0
		for _, word := range strings.Fields(para) {
			wordW := width(word)
			for wordW > w { // a word longer than the line is cut
				if line != "" {
					out = append(out, line)
					line, lineW = "", 0
				}
				cut := truncate(word, wordW, w, "")
				if k := strings.LastIndexByte(cut, '-'); k > 0 && k < len(cut)-1 {
					cut = cut[:k+1] // after a hyphen rather than inside a part: "incident-" "centric"
				}
				out = append(out, cut)
				word = word[len(cut):]
				wordW = width(word)
			}
			switch {
			case word == "":
			case line == "":
				line, lineW = word, wordW
			case lineW+1+wordW <= w:
				line += " " + word
				if line[len(line)-len(word)-2] < utf8.RuneSelf && word[0] < utf8.RuneSelf {
					// ASCII on both sides of the space: no grapheme cluster spans it
					lineW += 1 + wordW
				} else {
					lineW = width(line)
				}
			default:
				out = append(out, line)
				line, lineW = word, wordW
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
	return st.ink().Bar.Render(repeat("█", n)) + st.ink().BarEmpty.Render(repeat("░", w-n))
}

// SplitBar draws two shares side by side in w cells: the first with one glyph, the second
// with another, so the split reads without colour.
func SplitBar(st Styles, first float64, w int) string {
	if w <= 0 {
		return ""
	}
	first = math.Max(0, math.Min(1, first))
	n := int(math.Round(first * float64(w)))
	return st.ink().Bar.Render(repeat("█", n)) + st.ink().Muted.Render(repeat("▒", w-n))
}

// Rule is a panel title on a horizontal rule: "── Title ─────".
func Rule(st Styles, title string, w int) string {
	if w <= 0 {
		return ""
	}
	t, tw := trunc(title, max(0, w-4))
	if t == "" {
		return st.ink().Rule.Render(repeat("─", w))
	}
	rest := w - 4 - tw
	return st.ink().Rule.Render("── ") + st.ink().Title.Render(t) + st.ink().Rule.Render(" "+repeat("─", max(0, rest)))
}

// joinBlocks puts blocks side by side with a gap, line by line: block i is Block(_, widths[i], _),
// each of its lines exactly widths[i] cells wide (so, unlike lipgloss.JoinHorizontal,
// nothing needs measuring); a block shorter than the others is padded with blank lines.
func joinBlocks(gap int, widths []int, blocks ...string) string {
	lines := make([][]string, len(blocks))
	for i, b := range blocks {
		lines[i] = strings.Split(b, "\n")
	}
	return strings.Join(joinLines(gap, widths, lines...), "\n")
}

// joinLines is joinBlocks of blocks as lines: block i is blockLines(_, widths[i], _).
func joinLines(gap int, widths []int, blocks ...[]string) []string {
	height, size := 0, 0
	for _, b := range blocks {
		height = max(height, len(b))
		for _, l := range b {
			size += len(l)
		}
	}
	var sb strings.Builder
	sb.Grow(size + height*gap*len(blocks))
	out := make([]string, height)
	for r := range out {
		start := sb.Len()
		writeJoined(&sb, r, gap, widths, blocks)
		out[r] = sb.String()[start:]
	}
	return out
}

// writeJoined writes line r of blocks joined as joinLines joins them.
func writeJoined(sb *strings.Builder, r, gap int, widths []int, blocks [][]string) {
	for i, b := range blocks {
		if i > 0 {
			sb.WriteString(spaces(gap))
		}
		switch {
		case r < len(b):
			sb.WriteString(b[r])
		case i < len(blocks)-1 && !(len(b) == 1 && b[0] == ""): // an empty block is no wide
			sb.WriteString(spaces(widths[i]))
		}
	}
}

// wordLines breaks s at spaces into lines of at most w cells, never inside a word (a word
// longer than w is a line of its own).
func wordLines(s string, w int) []string {
	var out []string
	for _, word := range strings.Fields(s) {
		if n := len(out); n > 0 && width(out[n-1])+1+width(word) <= w {
			out[n-1] += " " + word
			continue
		}
		out = append(out, word)
	}
	return out
}
