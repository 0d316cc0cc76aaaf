package model

import (
	"os"
	"path/filepath"
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

// A warning about the file opened ("the baseline ... changed on disk since this scenario was
// saved") is shown in full at 80x24, not cut with "…", and stays through an unrelated key
// until esc dismisses it.
func TestLoadWarningStaysUntilDismissed(t *testing.T) {
	dir := t.TempDir()
	path := writeExampleFile(t, dir, "mixed", "mixed.toml")
	m := openModel(t, path, false)
	press(t, m, "+", "s", "enter")
	if err := os.WriteFile(path, append(readFile(t, path), "\n# edited elsewhere\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	reopened := openModel(t, filepath.Join(dir, "mixed-scenario-1.toml"), false)
	reopened.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	warning := "the baseline mixed.toml changed on disk since this scenario was saved"
	shown := func() bool {
		v := strings.Join(strings.Fields(strings.ReplaceAll(reopened.View(), "│", " ")), " ")
		return strings.Contains(v, warning)
	}
	press(t, reopened, "j")
	if !shown() || !strings.Contains(reopened.View(), "esc") {
		t.Errorf("after an unrelated key the warning is not shown in full with how to dismiss it:\n%s", reopened.View())
	}
	for _, l := range strings.Split(reopened.View(), "\n") {
		if strings.Contains(l, "changed") && strings.Contains(l, "…") {
			t.Errorf("the warning is cut: %q", l)
		}
	}
	press(t, reopened, "esc")
	if shown() || !reopened.onGround() {
		t.Errorf("esc did not dismiss the warning:\n%s", reopened.View())
	}
}
