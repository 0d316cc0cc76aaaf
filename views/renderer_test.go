package views

import (
	"io"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// TestStylesOwnRenderer: two terminals drawn at once, each with its renderer: one without
// colour, one in true colour, whatever lipgloss' default renderer says.
func TestStylesOwnRenderer(t *testing.T) {
	base, cur := example(t, "mixed")
	plain := lipgloss.NewRenderer(io.Discard)
	plain.SetColorProfile(termenv.Ascii)
	colour := lipgloss.NewRenderer(io.Discard)
	colour.SetColorProfile(termenv.TrueColor)
	colour.SetHasDarkBackground(true)
	d := data(t, base, cur, "Online Shop", 100, 30)
	a := Dashboard(d, NewStylesFor(plain, DefaultTheme()), 100, 30)
	b := Dashboard(d, NewStylesFor(colour, DefaultTheme()), 100, 30)
	if strings.Contains(a, "\x1b[") {
		t.Error("the plain terminal got escape codes")
	}
	if !strings.Contains(b, "\x1b[") {
		t.Error("the colour terminal got no colour")
	}
}

// TestFundingShowsChangesFirst: a funding panel too short for every budget shows the
// budget that changed and says how many did not, rather than cutting the change off.
func TestFundingShowsChangesFirst(t *testing.T) {
	base, cur := example(t, "mixed")
	c, err := cur.AddHeadcount(cur.TeamIndex("Store IT Operations"), +2)
	if err != nil || c == nil {
		t.Fatal(err)
	}
	d := data(t, base, cur, "", 100, 30)
	full := strings.Join(fundingPanel(d, DefaultStyles(), 60, 40), "\n")
	short := strings.Join(fundingPanel(d, DefaultStyles(), 60, 9), "\n")
	if !strings.Contains(full, "dev org") || !strings.Contains(full, "* ops org") {
		t.Fatalf("the full panel lacks a budget:\n%s", full)
	}
	if !strings.Contains(short, "* ops org") || strings.Contains(short, "  dev org") || !strings.Contains(short, "2 unchanged") {
		t.Errorf("the short panel does not put the change first:\n%s", short)
	}
}

// TestEmptyColumnShrinks: an organization without teams keeps only the width of its title,
// and the others share the rest.
func TestEmptyColumnShrinks(t *testing.T) {
	base, cur := example(t, "health-platform")
	d := data(t, base, cur, "", 120, 40)
	if len(d.Board.Cols[2]) != 0 {
		t.Fatalf("health-platform's SRE org holds %d teams", len(d.Board.Cols[2]))
	}
	l := LayoutFor(d, DefaultStyles(), 120, 40)
	if l.Columns[2].W != emptyColumnMin || l.Columns[0].W <= 120/3 {
		t.Errorf("column widths %d %d %d", l.Columns[0].W, l.Columns[1].W, l.Columns[2].W)
	}
	if out := Dashboard(d, DefaultStyles(), 120, 40); !strings.Contains(out, "SRE org 0") {
		t.Errorf("the empty column lost its title:\n%s", out)
	}
}
