package model

import (
	"strings"
	"testing"
)

// N renames the selected team, which stays selected under its new name; a name in use is
// refused in the prompt, with why.
func TestRenameKey(t *testing.T) {
	m := newModel(t, "health-platform", 120, 40)
	selectTeam(t, m, "Cloud Operations")
	press(t, m, "N")
	if !shown[*namePrompt](m) || !strings.Contains(m.View(), "Rename Cloud Operations") {
		t.Fatalf("N opened no prompt:\n%s", m.View())
	}
	erase(t, m, "Cloud Operations")
	refusedInPrompt(t, m, "Viewer", "already used")
	typeText(t, m, "Cloud Ops")
	press(t, m, "enter")
	if !m.onGround() || m.Selected() != "Cloud Ops" {
		t.Fatalf("renamed: screen %s, selected %q", screenName(m), m.Selected())
	}
	if s := serviceNamed(t, m, "Image archive"); s.Backup == nil || *s.Backup != "Cloud Ops" {
		t.Errorf("Image archive is backed up by %v, not the renamed team", s.Backup)
	}
	press(t, m, "u")
	if m.Current().Team("Cloud Operations") == nil || m.Modified() {
		t.Error("u did not undo the rename")
	}
}

// i adds a service to the selected dev team; x on it deletes it after asking.
func TestAddServiceKey(t *testing.T) {
	m := newModel(t, "health-platform", 120, 40)
	selectTeam(t, m, "Reporting")
	press(t, m, "i")
	typeText(t, m, "Report archive")
	press(t, m, "enter")
	if !m.onGround() || serviceNamed(t, m, "Report archive").Team != "Reporting" {
		t.Fatalf("i did not add the service: screen %s", screenName(m))
	}
	selectTeam(t, m, "Cloud Operations")
	press(t, m, "i")
	if !m.onGround() || !m.statusErr || !strings.Contains(m.status, "dev team") {
		t.Errorf("i on an ops team: screen %s, %q", screenName(m), m.status)
	}
}
