package model

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/sretopo/sretopo/views"
)

// A warning the user must read ("saved without based_on: ... here is another file than the
// example") is shown in full at 80x24 and stays through other keys until dismissed.
func TestSaveWarningStaysUntilDismissed(t *testing.T) {
	t.Chdir(t.TempDir())
	writeExampleFile(t, ".", "mixed", "health-platform.toml")
	m := New(Config{Opened: opened(t, "health-platform"), Embedded: true, Styles: views.DefaultStyles()})
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	press(t, m, "+", "s", "enter", "j", "tab")
	v := strings.Join(strings.Fields(m.View()), " ")
	for _, want := range []string{"saved without based_on:", "here is another file than the example"} {
		if !strings.Contains(strings.ReplaceAll(v, "│ ", ""), want) {
			t.Errorf("after two keys the warning lacks %q:\n%s", want, m.View())
		}
	}
	press(t, m, "esc")
	if !m.onGround() || strings.Contains(m.View(), "another file") {
		t.Errorf("esc did not dismiss the warning:\n%s", m.View())
	}
}
