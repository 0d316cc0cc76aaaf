package views

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/sretopo/sretopo/orgs"
)

// The short cuts of fast.go must return exactly what lipgloss and x/ansi return.

func TestFastRunesAreOneCell(t *testing.T) {
	for r := rune(0); r < 0x30000; r++ {
		if isFastRune(r) && !slices.Contains(fastRunes[:], r) {
			t.Errorf("isFastRune(%q) but %q is not in fastRunes", r, r)
		}
	}
	for _, r := range fastRunes {
		if !isFastRune(r) {
			t.Errorf("%q is in fastRunes but not isFastRune", r)
		}
		for _, s := range []string{string(r), "a" + string(r) + "b", string(r) + string(r)} {
			if w := ansi.StringWidth(s); w != len([]rune(s)) {
				t.Errorf("%q is %d cells wide, want %d", s, w, len([]rune(s)))
			}
		}
	}
}

// pieces are what the views' strings are made of, and some of what they must not be
// mistaken for.
var pieces = []string{
	"a", "Dev Team 12", " ", "  ", "(was ops org)", ",", "…", "─", "━", "█", "░", "▒", "│",
	"\x1b[1m", "\x1b[38;2;238;238;238m", "\x1b[0m", "\x1b[48;5;17;1m",
	// the slow path: wide, combining, other sequences and controls
	"日本", "é", "e\u0301", "\u200d", "🙂", "\x1b]0;title\x07", "\x1b7", "\x1b[?25l", "\x1b[1$p", "\t", "\n", "\r", "\x7f", "\u009b",
}

func randomString(rng *rand.Rand, fast bool) string {
	var b strings.Builder
	n := rng.IntN(12)
	for range n {
		p := pieces[rng.IntN(len(pieces))]
		if fast {
			p = pieces[rng.IntN(17)]
		}
		b.WriteString(p)
	}
	return b.String()
}

// randomStrings is fewer than most random strings, two in three of them on the fast path.
func randomStrings(rng *rand.Rand, most int) []string {
	var out []string
	for range rng.IntN(most) {
		out = append(out, randomString(rng, rng.IntN(3) > 0))
	}
	return out
}

func checkFast(t *testing.T, s string) {
	t.Helper()
	if got, want := width(s), lipgloss.Width(s); got != want {
		t.Fatalf("width(%q) = %d, lipgloss.Width = %d", s, got, want)
	}
	sw := width(s)
	for w := 0; w <= sw+1; w++ {
		for _, tail := range []string{"", "…", ".."} {
			// as the views call it: only what is wider than w (by lipgloss.Width, which
			// measures lines, where ansi.Truncate measures the whole) is cut
			want := s
			if lipgloss.Width(s) > w {
				want = ansi.Truncate(s, w, tail)
			}
			if got := truncate(s, sw, w, tail); got != want {
				t.Fatalf("truncate(%q, %d, %q) = %q, ansi.Truncate = %q", s, w, tail, got, want)
			}
		}
		if got, want := Pad(s, w), padReference(s, w); got != want {
			t.Fatalf("Pad(%q, %d) = %q, want %q", s, w, got, want)
		}
	}
}

// padReference is Pad as it was written with lipgloss and x/ansi.
func padReference(s string, w int) string {
	switch {
	case w <= 0:
		s = ""
	case lipgloss.Width(s) <= w:
	case w == 1:
		s = ansi.Truncate(s, 1, "")
	default:
		s = ansi.Truncate(s, w, "…")
	}
	if n := w - lipgloss.Width(s); n > 0 {
		s += strings.Repeat(" ", n)
	}
	return s
}

func TestWidthAndTruncateAgreeWithAnsi(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		checkFast(t, randomString(rng, rng.IntN(2) == 0))
	}
}

func FuzzWidthAndTruncate(f *testing.F) {
	for _, p := range pieces {
		f.Add(p + "abc" + p)
	}
	f.Add("\x1b[38;2;1;2;3mDev Team 1\x1b[0m  ──── ████░░")
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 300 {
			s = s[:300]
		}
		checkFast(t, s)
	})
}

func TestWrapAgreesWithReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for range 5000 {
		text := strings.Join(randomStrings(rng, 20), []string{" ", "  ", "\n"}[rng.IntN(3)])
		widths := []int{2, 5, 13, 40}
		if fastText(strings.ReplaceAll(text, "\n", "")) {
			widths = append(widths, 1) // Wrap loops forever on a wide character in 1 cell
		}
		for _, w := range widths {
			got, want := Wrap(text, w), wrapReference(text, w)
			if again := Wrap(text, w); !slices.Equal(again, got) {
				t.Fatalf("Wrap(%q, %d) = %q, then %q", text, w, got, again)
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") || len(got) != len(want) {
				t.Fatalf("Wrap(%q, %d) = %q, want %q", text, w, got, want)
			}
		}
	}
}

// wrapReference is Wrap as it was written with lipgloss and x/ansi.
func wrapReference(text string, w int) []string {
	if w <= 0 {
		return nil
	}
	var out []string
	for _, para := range strings.Split(text, "\n") {
		line := ""
		for _, word := range strings.Fields(para) {
			for lipgloss.Width(word) > w {
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

func TestFitAgreesWithReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for range 5000 {
		s := strings.Join(randomStrings(rng, 6), "\n")
		for _, sz := range [][2]int{{0, 1}, {1, 1}, {3, 2}, {10, 4}, {80, 24}} {
			if got, want := Fit(s, sz[0], sz[1]), fitReference(s, sz[0], sz[1]); got != want {
				t.Fatalf("Fit(%q, %d, %d) = %q, want %q", s, sz[0], sz[1], got, want)
			}
		}
	}
}

// fitReference is Fit as it was written with lipgloss and x/ansi.
func fitReference(s string, w, h int) string {
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

// TestPensRenderAsLipgloss checks every pen against its style under every colour profile
// and background, for the texts a pen styles itself and those it hands to lipgloss.
func TestPensRenderAsLipgloss(t *testing.T) {
	defer lipgloss.SetColorProfile(termenv.Ascii)
	defer lipgloss.SetHasDarkBackground(lipgloss.HasDarkBackground())
	texts := []string{"", " ", "Dev Team 1", "  a  b  ", "──", "tab\there", "two\nlines", "\x1b[1mbold\x1b[0m"}
	for _, profile := range []termenv.Profile{termenv.Ascii, termenv.ANSI, termenv.ANSI256, termenv.TrueColor} {
		for _, dark := range []bool{false, true} {
			lipgloss.SetColorProfile(profile)
			lipgloss.SetHasDarkBackground(dark)
			st := DefaultStyles()
			k := st.ink()
			if k2 := st.ink(); k2 != k {
				t.Errorf("profile %v, dark %v: the pens are made again", profile, dark)
			}
			pairs := map[string][2]any{
				"Text": {k.Text, st.Text}, "Muted": {k.Muted, st.Muted}, "Bold": {k.Bold, st.Bold},
				"Title": {k.Title, st.Title}, "FocusTitle": {k.FocusTitle, st.FocusTitle}, "Rule": {k.Rule, st.Rule},
				"Selected": {k.Selected, st.Selected}, "Changed": {k.Changed, st.Changed}, "Warning": {k.Warning, st.Warning},
				"Highlight": {k.Highlight, st.Highlight}, "TabActive": {k.TabActive, st.TabActive}, "Modal": {k.Modal, st.Modal},
				"TextBold":        {k.TextBold, st.Text.Bold(true)},
				"SelectedBold":    {k.SelectedBold, st.Selected.Bold(true)},
				"SelectedChanged": {k.SelectedChanged, st.Selected.Foreground(st.Changed.GetForeground())},
				"SelectedWarning": {k.SelectedWarning, st.Selected.Foreground(st.Warning.GetForeground())},
			}
			for name, pair := range pairs {
				p, s := pair[0].(*pen), pair[1].(lipgloss.Style)
				for _, text := range texts {
					if got, want := p.Render(text), s.Render(text); got != want {
						t.Errorf("profile %v, dark %v: %s.Render(%q) = %q, lipgloss: %q", profile, dark, name, text, got, want)
					}
				}
			}
		}
	}
}

// TestWasModel checks the lookup of a team's baseline run model against the analysis'
// transitions, where DevRank finds them and where it does not (an index of another order).
func TestWasModel(t *testing.T) {
	for _, ex := range orgs.Examples() {
		base, cur := example(t, ex.Name)
		if n := len(cur.Teams); n > 3 {
			// a move, a run model and a new team, so that transitions differ
			cur.MoveTeam(n-1, -1)
			cur.CycleRun(cur.TeamIndex(cur.Teams[0].Name))
			cur.AddTeam(orgs.Team{Name: "Zz New", Org: orgs.OrgDev, Kind: orgs.KindDev, Headcount: 3})
		}
		d := data(t, base, cur, "", 120, 40)
		want := WasModels(d.An)
		check := func(how string) {
			for i := range cur.Teams {
				m, ok := d.wasModel(i)
				wm, wok := want[cur.Teams[i].Name]
				if m != wm || ok != wok {
					t.Errorf("%s, %s: team %q was %q %v, want %q %v", ex.Name, how, cur.Teams[i].Name, m, ok, wm, wok)
				}
			}
		}
		check("ranked")
		slices.Reverse(d.Index.DevRank)
		check("misranked")
	}
}
