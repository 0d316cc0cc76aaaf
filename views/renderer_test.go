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
