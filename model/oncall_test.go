package model

import (
	"strings"
	"testing"

	"github.com/sretopo/sretopo/orgs"
)

// The talk's staffing what-if is played on the board: a team's on-call pattern cycles (a),
// its secondary (A) and its second site (F) toggle, and a dev team's or a service's backup
// (B) cycles; each is undone by u.
func TestOnCallKeys(t *testing.T) {
	m := newModel(t, "health-platform", 120, 40)
	selectTeam(t, m, "Reporting") // 8x5
	press(t, m, "a")
	if got := team(t, m, "Reporting").OnCall; got != orgs.OnCall8x7 {
		t.Fatalf("a: on call %q, want 8x7", got)
	}
	if !strings.Contains(m.status, "Reporting") || !strings.Contains(m.status, "8x7") {
		t.Errorf("a says %q", m.status)
	}
	press(t, m, "A")
	if r := team(t, m, "Reporting"); !r.HasSecondary() {
		t.Error("A did not put a secondary on call")
	}
	press(t, m, "F")
	if r := team(t, m, "Reporting"); r.SiteCount() != 2 {
		t.Error("F did not add a second site")
	}
	press(t, m, "B")
	if got := team(t, m, "Reporting").Backup; got != "Cloud Operations" {
		t.Errorf("B: backup %q, want Cloud Operations", got)
	}
	press(t, m, "u", "u", "u", "u")
	if m.Modified() {
		t.Error("four undos leave the model modified")
	}

	selectTeam(t, m, "Viewer")
	press(t, m, "enter", "B") // DICOM viewer: its team's backup, then none
	if s := serviceNamed(t, m, "DICOM viewer"); s.Backup == nil || *s.Backup != "" {
		t.Errorf("B on a service: backup %v, want none", s.Backup)
	}
	if team(t, m, "Viewer").Backup != "" {
		t.Error("B on a service changed its team's backup")
	}

	selectTeam(t, m, "Cloud Operations")
	press(t, m, "B")
	if !m.statusErr || !strings.Contains(m.status, "dev team") {
		t.Errorf("B on an ops team: %q", m.status)
	}
}

// A viewer's on-call keys are refused at the key, with why; an editor's change the board.
func TestOnCallKeysInASharedSession(t *testing.T) {
	m := newModel(t, "health-platform", 120, 40)
	p, deliver := joined(m, Viewer, 120, 40)
	deliver()
	for _, k := range []string{"a", "A", "F", "B"} {
		run(p, keyMsg(k))
		if !p.statusErr || p.status != viewerWhy {
			t.Errorf("viewer's %s: %q", k, p.status)
		}
	}
}

// The new-team form asks for on call, with a default fitting the kind.
func TestNewTeamFormAsksForOnCall(t *testing.T) {
	m := newModel(t, "health-platform", 120, 40)
	press(t, m, "n")
	mustShow(t, m, "on call", "the form does not ask for on call")
	typeText(t, m, "Night Desk")
	press(t, m, "tab", "right", "right", "right") // kind dev -> sre -> sre-infra -> ops
	press(t, m, "tab", "tab", "tab", "right")     // on call: one past the ops default
	press(t, m, "enter")
	if !m.onGround() {
		t.Fatalf("form still open: %s", onTop[teamForm](m).err)
	}
	if got := team(t, m, "Night Desk"); got.Kind != orgs.KindOps || got.OnCall != orgs.OnCall24x7 {
		t.Errorf("added %s on call %q, want ops 24x7", got.Kind, got.OnCall)
	}
}
