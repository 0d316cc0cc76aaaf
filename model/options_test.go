package model

import (
	tea "github.com/charmbracelet/bubbletea"
	"slices"

	"path/filepath"
	"strings"
	"testing"

	"github.com/sretopo/sretopo/orgs"
)

// saveThreeScenarios saves three what-ifs of "mixed" from the dashboard, as a user would
// (S, enter), and goes back to the baseline.
func saveThreeScenarios(t *testing.T) (*Model, string) {
	t.Helper()
	m, path := fileModel(t, "mixed", orgs.SaveScenario)
	for _, edit := range [][]string{{">"}, {"+", "+"}, {"r"}} {
		selectTeam(t, m, "Operations SRE")
		if edit[0] == "r" {
			selectTeam(t, m, "Online Shop")
		}
		press(t, m, edit...)
		press(t, m, "S")
		if !shown[saveScreen](m) {
			t.Fatalf("S did not open the save prompt: screen %s, %q", screenName(m), m.status)
		}
		press(t, m, "enter")
		if m.Modified() {
			t.Fatalf("the scenario was not saved: %q", m.status)
		}
	}
	return m, path
}

// TestCompareFourOptions: from the compare screen, O lists the files with the scenarios of
// the baseline first; three marked files and the baseline become four columns with the rows
// of `sretopo compare` and its best-of-row marks.
func TestCompareFourOptions(t *testing.T) {
	m, base := saveThreeScenarios(t)
	m.Update(keyMsgSize(160, 45))
	press(t, m, "c", "O")
	if !shown[*fileList](m) || !onTop[fileList](m).listing.Marking {
		t.Fatalf("O did not open the file list taking marks: screen %s", screenName(m))
	}
	fl := &onTop[fileList](m).listing
	if len(fl.Files) < 4 || !fl.Files[0].OfBaseline || !fl.Files[2].OfBaseline {
		t.Fatalf("the scenarios of the baseline do not come first: %+v", fl.Files)
	}
	press(t, m, "space", "space", "space")
	if len(fl.Marked) != 3 {
		t.Fatalf("marked %v, want three scenarios", fl.Marked)
	}
	press(t, m, "space") // a fourth file: refused, four columns at most
	if len(fl.Marked) != 3 || !m.statusErr {
		t.Errorf("a fourth mark was taken: %v, %q", fl.Marked, m.status)
	}
	if v := m.View(); !strings.Contains(v, "[2] ") || !strings.Contains(v, "[4] ") {
		t.Errorf("the marks do not show:\n%s", v)
	}
	marked := append([]string(nil), fl.Marked...)
	press(t, m, "enter")
	if !shown[*comparing](m) || m.compared() == nil || len(m.compared().options) != 4 {
		t.Fatalf("enter did not compare four options: screen %s", screenName(m))
	}
	opts := m.compared().options
	if opts[0].File != filepath.Base(base) {
		t.Errorf("the first column is %q, not the baseline", opts[0].File)
	}
	for i, p := range marked {
		if opts[i+1].File != filepath.Base(p) {
			t.Errorf("column %d is %q, want %q", i+2, opts[i+1].File, filepath.Base(p))
		}
	}
	v := m.View()
	for _, want := range []string{"Compare 4 options", "People needed for", "Transition from", "Hard decisions", "marks the best value"} {
		if !strings.Contains(v+strings.Join(m.compared().body, "\n"), want) {
			t.Errorf("the options lack %q:\n%s", want, v)
		}
	}
	// the baseline is no candidate in the transition row, which measures the change from
	// it (cli.md, rules v3): the options that stay unchanged are marked, not the baseline
	hard := orgs.Best(opts, orgs.RowTransition)
	if hard[0] || !slices.Contains(hard, true) {
		t.Errorf("transition marks %v: the baseline marked, or no option", hard)
	}
	body := strings.Join(m.compared().body, "\n")
	if !strings.Contains(body, "unchanged *") {
		t.Errorf("the best transition is not marked:\n%s", body)
	}
	press(t, m, "b")
	if m.compared() == nil || m.compared().options != nil || m.compared().data == nil {
		t.Error("b did not go back to the baseline and the current model")
	}
}

// TestCompareOptionsWithTheCurrentModel: with nothing marked, enter compares the baseline
// with the file under the cursor, and an unsaved current model joins as the last column.
func TestCompareOptionsWithTheCurrentModel(t *testing.T) {
	m, _ := saveThreeScenarios(t)
	selectTeam(t, m, "Checkout")
	press(t, m, "+")
	press(t, m, "c", "O", "enter")
	if m.compared() == nil || len(m.compared().options) != 3 || m.compared().options[2].File != "current model" {
		t.Fatalf("want baseline, the file under the cursor and the current model: %+v", m.compared())
	}
	checkView(t, m, "options")
}

func keyMsgSize(w, h int) tea.WindowSizeMsg { return tea.WindowSizeMsg{Width: w, Height: h} }
