package model

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/sretopo/sretopo/orgs"
)

// checkView fails when the view draws outside the terminal.
func checkView(t *testing.T, m *Model, context string) {
	t.Helper()
	out := m.View()
	if out == "" {
		return
	}
	lines := strings.Split(out, "\n")
	if len(lines) > max(m.h, 0) {
		t.Fatalf("%s: %dx%d drew %d lines:\n%s", context, m.w, m.h, len(lines), out)
	}
	for i, l := range lines {
		if w := lipgloss.Width(l); w > m.w {
			t.Fatalf("%s: %dx%d: line %d is %d wide: %q", context, m.w, m.h, i, w, l)
		}
	}
}

// every key the dashboard knows, and some it does not
var allKeys = []string{
	"left", "right", "up", "down", "h", "j", "k", "l", "<", ">", "shift+left", "shift+right",
	"/", "r", "w", "e", "+", "-", "=", "n", "x", "P", "u", "ctrl+r", "b", "s", "p", "?",
	"tab", "shift+tab", "pgup", "pgdown", "home", "end", "enter", "esc", "backspace",
	"a", "Z", "1", "4", "space", "y", "d", "o", "c", "L", "S", "z", "M", "0", "6", "g", "G",
}

// TestLayoutInvariants draws every mode at a matrix of sizes from 0x0 up: nothing is drawn
// wider or taller than the terminal, and nothing panics.
func TestLayoutInvariants(t *testing.T) {
	sizes := [][2]int{{0, 0}, {1, 1}, {20, 6}, {60, 20}, {59, 16}, {60, 16}, {79, 24}, {80, 24}, {81, 24},
		{120, 40}, {159, 50}, {160, 50}, {161, 50}, {200, 60}, {300, 100}, {80, 200}, {400, 10}}
	scripts := [][]string{
		nil,
		{"?"},
		{"/", "o"},
		{"n"},
		{"n", "x", "tab", "right"},
		{"+", "q"},
		{"s"},
		{"p"}, {"p", "right", "right"}, {"p", "right", "right", "right", "right", "right", "right"},
		{"l", ">", "tab", "tab"}, {"tab", "tab", "tab", "tab"}, {"tab", "tab", "tab", "tab", "tab", "tab"},
		{"end", "x", "x", "x"},
		{"o"}, {"o", "down", "?"}, {"+", "o"},
		{"c"}, {"c", "?"}, {"l", ">", "c", "pgdown"}, {"l", ">", "c", "end"}, {"c", "L"}, {"c", "L", "esc"},
		{"y"}, {"+", "q", "esc", "c"},
	}
	for _, ex := range []string{"mixed", "health-platform", "topology-9"} {
		for _, sz := range sizes {
			for _, script := range scripts {
				m := newModel(t, ex, sz[0], sz[1])
				press(t, m, script...)
				checkView(t, m, fmt.Sprintf("%s %v", ex, script))
			}
			// the restore question, offered at the start
			m := newModel(t, ex, sz[0], sz[1])
			work := m.Current().Clone()
			work.Teams = work.Teams[1:]
			run(m, journalFoundMsg{input: m.input, org: work, diff: orgs.Compare("a", m.Current(), "b", work)})
			if !shown[*restoreQuestion](m) {
				t.Fatalf("%s: no restore question", ex)
			}
			checkView(t, m, ex+" restore")
		}
	}
	// the file list with files in it, and compare with another file as side A
	path := mixedFile(t)
	scenarioFiles(t, path)
	for _, sz := range sizes {
		for _, script := range [][]string{{"o"}, {"o", "end"}, {"o", "pgdown", "?"}, {"c", "L", "down", "enter"}, {"c", "L", "down", "enter", "end"}} {
			m := openModel(t, path, false)
			m.Update(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
			press(t, m, script...)
			checkView(t, m, fmt.Sprintf("files %v", script))
		}
	}
}

// TestRandomKeysAndResizes types random keys and resizes the terminal at random, checking
// the view after every message.
func TestRandomKeysAndResizes(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	for _, ex := range []string{"mixed", "topology-4", "ops-run-it"} {
		m := newModel(t, ex, 80, 24)
		for step := 0; step < 1500; step++ {
			if rng.IntN(12) == 0 {
				m.Update(tea.WindowSizeMsg{Width: rng.IntN(230), Height: rng.IntN(70)})
			} else if k := allKeys[rng.IntN(len(allKeys))]; k != "q" {
				if press(t, m, k) {
					m = newModel(t, ex, m.w, m.h)
				}
			}
			if rng.IntN(40) == 0 {
				run(m, tea.MouseMsg{X: rng.IntN(m.w + 1), Y: rng.IntN(m.h + 1), Action: tea.MouseActionPress, Button: tea.MouseButtonLeft})
			}
			checkView(t, m, fmt.Sprintf("%s step %d", ex, step))
		}
	}
}
