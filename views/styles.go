// Package views renders the dashboard: pure functions from data, styles and a size to a
// string. It holds no program state and imports nothing from Bubble Tea, so every screen can
// be snapshot-tested on its own. Every verdict it shows comes from an orgs.Analysis; every
// string that came from a file passes through orgs.Sanitize before it is drawn.
//
// Colour is never the only carrier of a state: selection, changes against the baseline,
// warnings and the dominant model are also marked by a glyph or a word, so the screen reads
// the same with NO_COLOR, on a washed-out projector, and for colour-blind viewers.
package views

import "github.com/charmbracelet/lipgloss"

// Glyphs that carry state without colour. All are single-width ASCII.
const (
	GlyphSelected = ">" // the selected team, the dominant model, the current tab
	GlyphChanged  = "*" // changed against the baseline
	GlyphWarning  = "!" // a warning advisory, an error message
	GlyphInfo     = "i" // an informational advisory
	GlyphMarker   = "X" // the weighted position in the identity triangle
)

// Theme is the dashboard's palette: every foreground and background a light/dark pair, picked
// by the terminal's background (detected once, before the program starts, or set by --theme).
// Colours are chosen for contrast on both backgrounds and never pair red with green alone.
type Theme struct {
	Text       lipgloss.AdaptiveColor // body text
	Muted      lipgloss.AdaptiveColor // secondary text (never used for anything essential)
	Title      lipgloss.AdaptiveColor // panel and column titles
	Accent     lipgloss.AdaptiveColor // the dominant model, the big numbers
	SelectFg   lipgloss.AdaptiveColor // the selected card's text
	SelectBg   lipgloss.AdaptiveColor // the selected card's background
	Changed    lipgloss.AdaptiveColor // changed against the baseline
	Warning    lipgloss.AdaptiveColor // warnings and errors
	Info       lipgloss.AdaptiveColor // informational advisories
	Bar        lipgloss.AdaptiveColor // filled part of a bar
	BarEmpty   lipgloss.AdaptiveColor // empty part of a bar
	HighlightB lipgloss.AdaptiveColor // background of the dominant model's column
	Border     lipgloss.AdaptiveColor // rules and borders
}

// DefaultTheme is the dashboard's theme.
func DefaultTheme() Theme {
	return Theme{
		Text:       lipgloss.AdaptiveColor{Light: "#1A1A1A", Dark: "#EEEEEE"},
		Muted:      lipgloss.AdaptiveColor{Light: "#555555", Dark: "#A8A8A8"},
		Title:      lipgloss.AdaptiveColor{Light: "#00366B", Dark: "#87CEFF"},
		Accent:     lipgloss.AdaptiveColor{Light: "#0550AE", Dark: "#5FD7FF"},
		SelectFg:   lipgloss.AdaptiveColor{Light: "#000000", Dark: "#FFFFFF"},
		SelectBg:   lipgloss.AdaptiveColor{Light: "#C8DCFF", Dark: "#264F78"},
		Changed:    lipgloss.AdaptiveColor{Light: "#8A4B00", Dark: "#FFB454"},
		Warning:    lipgloss.AdaptiveColor{Light: "#B00060", Dark: "#FF6EB4"},
		Info:       lipgloss.AdaptiveColor{Light: "#3D4DA6", Dark: "#A0B4FF"},
		Bar:        lipgloss.AdaptiveColor{Light: "#0550AE", Dark: "#5FD7FF"},
		BarEmpty:   lipgloss.AdaptiveColor{Light: "#B8B8B8", Dark: "#4A4A4A"},
		HighlightB: lipgloss.AdaptiveColor{Light: "#DDE8FF", Dark: "#1F3552"},
		Border:     lipgloss.AdaptiveColor{Light: "#8C8C8C", Dark: "#6C6C6C"},
	}
}

// Styles are the dashboard's styles, built once from a theme (never in View) by NewStyles
// and not changed afterwards.
type Styles struct {
	Text, Muted, Bold        lipgloss.Style
	Title, ColumnTitle       lipgloss.Style
	FocusTitle               lipgloss.Style
	Rule                     lipgloss.Style
	Selected                 lipgloss.Style
	Changed                  lipgloss.Style
	Warning, Info            lipgloss.Style
	Accent, AccentBold       lipgloss.Style
	Bar, BarEmpty            lipgloss.Style
	Highlight, HighlightHead lipgloss.Style
	Header, HeaderName       lipgloss.Style
	Modified                 lipgloss.Style
	Tab, TabActive           lipgloss.Style
	Modal                    lipgloss.Style
	Big                      lipgloss.Style
	Present                  lipgloss.Style

	// pens keeps what the styles put around text, for drawing without lipgloss' general
	// rendering; the styles must not change once NewStyles has made them.
	pens *penCache
	// r is the renderer the styles draw with: its colour profile and background.
	r *lipgloss.Renderer
}

// NewStyles builds the styles of a theme with lipgloss' default renderer.
func NewStyles(t Theme) Styles { return NewStylesFor(lipgloss.DefaultRenderer(), t) }

// Renderer is the renderer the styles draw with.
func (st *Styles) Renderer() *lipgloss.Renderer {
	if st.r == nil {
		return lipgloss.DefaultRenderer()
	}
	return st.r
}

// NewStylesFor builds the styles of a theme drawn by r, whose colour profile and background
// are those of one terminal: several terminals (a shared session) can each have their own.
func NewStylesFor(r *lipgloss.Renderer, t Theme) Styles {
	s := r.NewStyle
	return Styles{
		r:             r,
		Text:          s().Foreground(t.Text),
		Muted:         s().Foreground(t.Muted),
		Bold:          s().Foreground(t.Text).Bold(true),
		Title:         s().Foreground(t.Title).Bold(true),
		ColumnTitle:   s().Foreground(t.Title).Bold(true),
		FocusTitle:    s().Foreground(t.Accent).Bold(true).Underline(true),
		Rule:          s().Foreground(t.Border),
		Selected:      s().Foreground(t.SelectFg).Background(t.SelectBg).Bold(true),
		Changed:       s().Foreground(t.Changed).Bold(true),
		Warning:       s().Foreground(t.Warning).Bold(true),
		Info:          s().Foreground(t.Info),
		Accent:        s().Foreground(t.Accent),
		AccentBold:    s().Foreground(t.Accent).Bold(true),
		Bar:           s().Foreground(t.Bar),
		BarEmpty:      s().Foreground(t.BarEmpty),
		Highlight:     s().Foreground(t.SelectFg).Background(t.HighlightB),
		HighlightHead: s().Foreground(t.Accent).Background(t.HighlightB).Bold(true),
		Header:        s().Foreground(t.Text),
		HeaderName:    s().Foreground(t.Title).Bold(true),
		Modified:      s().Foreground(t.Changed).Bold(true),
		Tab:           s().Foreground(t.Muted),
		TabActive:     s().Foreground(t.Accent).Bold(true).Underline(true),
		Modal:         s().Border(lipgloss.RoundedBorder()).BorderForeground(t.Accent).Padding(0, 1),
		Big:           s().Foreground(t.Accent).Bold(true),
		Present:       s().Foreground(t.Text).Bold(true),
		pens:          &penCache{},
	}
}

// DefaultStyles are the styles of the default theme.
func DefaultStyles() Styles { return NewStyles(DefaultTheme()) }
