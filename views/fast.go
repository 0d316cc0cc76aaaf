package views

import (
	"strings"
	"sync/atomic"
	"unicode/utf8"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
)

// Drawing a frame measures and styles a few thousand short strings. lipgloss does both in
// full generality (grapheme clusters, every style property), which costs microseconds a
// call; the strings the dashboard draws are almost always printable ASCII, a few box and
// block glyphs and SGR sequences. The functions here take a short cut for exactly those
// strings and hand everything else to lipgloss and x/ansi, so the result is always what
// they would return.

// fastRunes are the non-ASCII glyphs the views draw themselves, all one cell wide (checked by
// TestFastRunesAreOneCell). None of them combines with what follows, and nothing that
// follows combines with them unless it is itself non-ASCII and not in this list.
var fastRunes = [...]rune{'─', '━', '│', '┼', '├', '┤', '┬', '┴', '█', '░', '▒', '…'}

func isFastRune(r rune) bool {
	switch r {
	case '─', '━', '│', '┼', '├', '┤', '┬', '┴', '█', '░', '▒', '…':
		return true
	}
	return false
}

// width is lipgloss.Width(s): the cells of s's widest line.
func width(s string) int {
	n := 0
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c >= 0x20 && c < 0x7f:
			// a run of printable ASCII, a cell each
			j := i + 1
			for j < len(s) && s[j] >= 0x20 && s[j] < 0x7f {
				j++
			}
			n += j - i
			i = j
		case c == 0x1b:
			// a CSI sequence with parameters and a final byte: no cells
			j := i + 1
			if j >= len(s) || s[j] != '[' {
				return lipgloss.Width(s)
			}
			j++
			for j < len(s) && s[j] >= 0x30 && s[j] <= 0x3f {
				j++
			}
			if j >= len(s) || s[j] < 0x40 || s[j] > 0x7e {
				return lipgloss.Width(s)
			}
			i = j + 1
		case c >= 0x80:
			r, size := utf8.DecodeRuneInString(s[i:])
			if !isFastRune(r) {
				return lipgloss.Width(s)
			}
			n++
			i += size
		default: // other controls, newlines included
			return lipgloss.Width(s)
		}
	}
	return n
}

// fastText reports whether s holds only printable ASCII and fastRunes, a cell each.
func fastText(s string) bool {
	for _, r := range s {
		if (r < 0x20 || r >= 0x7f) && !isFastRune(r) {
			return false
		}
	}
	return true
}

// plainASCII reports whether s holds only printable ASCII: one cell a byte, no sequences.
func plainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			return false
		}
	}
	return true
}

// truncate is ansi.Truncate(s, w, tail) for w >= 0, given sw, the width of s.
func truncate(s string, sw, w int, tail string) string {
	if sw <= w {
		return s
	}
	if t, ok := fastTruncate(s, w, tail); ok {
		return t
	}
	return ansi.Truncate(s, w, tail)
}

// fastTruncate is ansi.Truncate(s, length, tail) for an s wider than length, when s and
// tail hold only printable ASCII, CSI sequences and fastRunes (ok is false otherwise). As
// ansi.Truncate does, it keeps the sequences that follow the cut, so styles still end.
func fastTruncate(s string, length int, tail string) (string, bool) {
	if plainASCII(s) && plainASCII(tail) {
		if length-len(tail) < 0 {
			return "", true
		}
		return s[:length-len(tail)] + tail, true
	}
	if !fastText(tail) {
		return "", false
	}
	// A tail wider than the room leaves nothing, as in ansi.Truncate, but only for an s this
	// function can read: the loop below still checks s, and gives up on anything else.
	tooShort := false
	if length -= utf8.RuneCountInString(tail); length < 0 {
		tooShort, length = true, 0
	}
	var b strings.Builder
	b.Grow(len(s))
	cur, ignoring := 0, false
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c >= 0x20 && c < 0x7f:
			if cur >= length && !ignoring {
				ignoring = true
				b.WriteString(tail)
			}
			if !ignoring {
				cur++
				b.WriteByte(c)
			}
			i++
		case c == 0x1b:
			j := i + 1
			if j >= len(s) || s[j] != '[' {
				return "", false
			}
			j++
			for j < len(s) && s[j] >= 0x30 && s[j] <= 0x3f {
				j++
			}
			if j >= len(s) || s[j] < 0x40 || s[j] > 0x7e {
				return "", false
			}
			b.WriteString(s[i : j+1])
			i = j + 1
		case c >= 0x80:
			r, size := utf8.DecodeRuneInString(s[i:])
			if !isFastRune(r) {
				return "", false
			}
			cur++
			switch {
			case ignoring:
			case cur > length:
				ignoring = true
				b.WriteString(tail)
			default:
				b.WriteString(s[i : i+size])
			}
			i += size
		default:
			return "", false
		}
	}
	if tooShort {
		return "", true
	}
	return b.String(), true
}

// spaces returns n spaces (none for n <= 0), without allocating for the usual widths.
func spaces(n int) string {
	if n <= 0 {
		return ""
	}
	return repeat(" ", n)
}

// repeat is strings.Repeat(g, n) for n >= 0, without allocating for the glyphs the views
// draw rules and bars with.
func repeat(g string, n int) string {
	if n <= 0 {
		return ""
	}
	for _, r := range glyphRuns {
		if r[:len(g)] == g && n*len(g) <= len(r) {
			return r[:n*len(g)]
		}
	}
	return strings.Repeat(g, n)
}

var glyphRuns = func() []string {
	var out []string
	for _, g := range []string{" ", "─", "━", "█", "░", "▒"} {
		out = append(out, strings.Repeat(g, 512))
	}
	return out
}()

// pen is a style with, when it is simple, what lipgloss puts around a line of text: pre,
// the text, post. Simple styles are colours and attributes, without sizes, spacing,
// borders, underlines or strikethroughs (whose spaces lipgloss styles one by one).
type pen struct {
	style     lipgloss.Style
	pre, post string
	simple    bool
}

func newPen(s lipgloss.Style) *pen {
	p := &pen{style: s, simple: simpleStyle(s)}
	if p.simple {
		const probe = "\x00"
		out := s.Render(probe)
		at := strings.Index(out, probe)
		p.pre, p.post = out[:at], out[at+len(probe):]
	}
	return p
}

// Render is p.style.Render(text).
func (p *pen) Render(text string) string {
	if !p.simple || strings.ContainsAny(text, "\n\t") {
		return p.style.Render(text)
	}
	if p.pre == "" && p.post == "" {
		return text
	}
	return p.pre + text + p.post
}

// simpleStyle reports whether style s renders a line as SGR prefix, the line, SGR suffix.
func simpleStyle(s lipgloss.Style) bool {
	return !s.GetUnderline() && !s.GetStrikethrough() && !s.GetUnderlineSpaces() && !s.GetStrikethroughSpaces() &&
		s.GetWidth() == 0 && s.GetHeight() == 0 && s.GetMaxWidth() == 0 && s.GetMaxHeight() == 0 &&
		!s.GetInline() && s.Value() == "" && s.GetTransform() == nil &&
		s.GetHorizontalFrameSize() == 0 && s.GetVerticalFrameSize() == 0 &&
		!s.GetBorderTop() && !s.GetBorderRight() && !s.GetBorderBottom() && !s.GetBorderLeft()
}

// pens are the pens of a Styles' styles, and of the few styles the views derive from them,
// under one colour profile and background.
type pens struct {
	profile termenv.Profile
	dark    bool

	Text, Muted, Bold, Title, ColumnTitle, FocusTitle, Rule, Selected, Changed *pen
	Warning, Info, Accent, AccentBold, Bar, BarEmpty, Highlight, HighlightHead *pen
	Header, HeaderName, Modified, Tab, TabActive, Modal, Big, Present          *pen

	// derived: bold text, and the selected card's changed and warning marks
	TextBold, SelectedBold, SelectedChanged, SelectedWarning *pen
}

func newPens(st *Styles, profile termenv.Profile, dark bool) *pens {
	return &pens{
		profile: profile, dark: dark,
		Text: newPen(st.Text), Muted: newPen(st.Muted), Bold: newPen(st.Bold), Title: newPen(st.Title),
		ColumnTitle: newPen(st.ColumnTitle), FocusTitle: newPen(st.FocusTitle), Rule: newPen(st.Rule),
		Selected: newPen(st.Selected), Changed: newPen(st.Changed), Warning: newPen(st.Warning),
		Info: newPen(st.Info), Accent: newPen(st.Accent), AccentBold: newPen(st.AccentBold), Bar: newPen(st.Bar),
		BarEmpty: newPen(st.BarEmpty), Highlight: newPen(st.Highlight), HighlightHead: newPen(st.HighlightHead),
		Header: newPen(st.Header), HeaderName: newPen(st.HeaderName), Modified: newPen(st.Modified),
		Tab: newPen(st.Tab), TabActive: newPen(st.TabActive), Modal: newPen(st.Modal), Big: newPen(st.Big),
		Present: newPen(st.Present),

		TextBold:        newPen(st.Text.Bold(true)),
		SelectedBold:    newPen(st.Selected.Bold(true)),
		SelectedChanged: newPen(st.Selected.Foreground(st.Changed.GetForeground())),
		SelectedWarning: newPen(st.Selected.Foreground(st.Warning.GetForeground())),
	}
}

// penCache keeps the pens of one Styles for the colour profile and background last used.
type penCache struct {
	cur atomic.Pointer[pens]
}

// ink returns the pens of st's styles under the colour profile and background in force.
// Styles made by NewStyles keep them; the styles of a Styles must not change afterwards.
func (st *Styles) ink() *pens {
	r := st.Renderer()
	profile, dark := r.ColorProfile(), r.HasDarkBackground()
	if st.pens == nil {
		return newPens(st, profile, dark)
	}
	if p := st.pens.cur.Load(); p != nil && p.profile == profile && p.dark == dark {
		return p
	}
	p := newPens(st, profile, dark)
	st.pens.cur.Store(p)
	return p
}
