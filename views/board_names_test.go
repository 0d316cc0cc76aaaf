package views

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestCutTeamNamesAreReachable: at 80x24 the board of mixed cuts long team names
// ("Observability Platf…"); selecting such a team shows its name in full on its card,
// wrapped when it is wider than the column.
func TestCutTeamNamesAreReachable(t *testing.T) {
	base, cur := example(t, "mixed")
	long := "Observability Platform and Developer Experience Tooling"
	base.Teams[base.TeamIndex("Observability Platform")].Name = long
	cur.Teams[cur.TeamIndex("Observability Platform")].Name = long
	st := DefaultStyles()
	board := ansi.Strip(Dashboard(data(t, base, cur, "", 80, 24), st, 80, 24))
	cut := 0
	for _, team := range cur.Teams {
		first, _, _ := strings.Cut(team.Name, " ")
		if strings.Contains(board, team.Name) || !strings.Contains(board, first) {
			continue // in full already, or not on screen
		}
		cut++
		out := ansi.Strip(Dashboard(data(t, base, cur, team.Name, 80, 24), st, 80, 24))
		if got := selectedCard(out); !strings.Contains(got, team.Name) {
			t.Errorf("%q selected at 80x24: its card says %q:\n%s", team.Name, got, out)
		}
	}
	if cut < 2 {
		t.Fatalf("%d names cut on the board at 80x24: the test shows too little\n%s", cut, board)
	}
}

// selectedCard is the text of the selected card's first lines (its name, wrapped or not),
// the words joined by single spaces.
func selectedCard(screen string) string {
	lines := strings.Split(screen, "\n")
	for i, l := range lines {
		r := []rune(l)
		at := strings.Index(l, GlyphSelected+" ")
		if at < 0 {
			continue
		}
		col := len([]rune(l[:at])) + 2
		var words []string
		for _, l := range lines[i:min(len(lines), i+4)] {
			r = []rune(l)
			if col < len(r) {
				words = append(words, strings.Fields(string(r[col:min(len(r), col+24)]))...)
			}
		}
		return strings.Join(words, " ")
	}
	return ""
}
