package model

import (
	"path/filepath"
	"testing"
)

// o lists the files beside the current one; t there takes a typed path, so that a file in
// another folder opens too. A path to nothing is refused in the prompt, saying so.
func TestOpenTakesATypedPath(t *testing.T) {
	dir := t.TempDir()
	path := writeExampleFile(t, dir, "mixed", "mixed.toml")
	other := makeDir(t, dir, "elsewhere", 0o700)
	there := writeExampleFile(t, other, "health-platform", "health.toml")
	m := openModel(t, path, false)
	press(t, m, "o", "t")
	if !shown[*pathPrompt](m) {
		t.Fatalf("t in the file list opened no path prompt: screen %s", screenName(m))
	}
	refusedInPrompt(t, m, filepath.Join(other, "nothing.toml"), "there is no file")
	typeText(t, m, there)
	press(t, m, "enter")
	if !m.onGround() || m.file != there || m.Current().Name != "Digital Health Platform" {
		t.Errorf("the typed path was not opened: screen %s, file %q, status %q", screenName(m), m.file, m.status)
	}
}

// The typed path is checked off the update loop; a prompt closed before the check came
// back opens nothing.
func TestTypedPathCheckedAfterThePromptClosedOpensNothing(t *testing.T) {
	dir := t.TempDir()
	path := writeExampleFile(t, dir, "mixed", "mixed.toml")
	there := writeExampleFile(t, dir, "health-platform", "health.toml")
	m := openModel(t, path, false)
	press(t, m, "o", "t")
	typeText(t, m, there)
	_, check := m.Update(keyMsg("enter"))
	if check == nil || !shown[*pathPrompt](m) {
		t.Fatalf("enter decided in the update loop: screen %s", screenName(m))
	}
	press(t, m, "esc")
	run(m, check())
	if !m.onGround() || m.file != path {
		t.Errorf("a path checked after its prompt closed was taken: screen %s, file %q", screenName(m), m.file)
	}
}
