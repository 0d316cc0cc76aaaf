package model

import (
	"strings"
	"testing"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/views"
)

// serviceNamed is the service of m's current model called name.
func serviceNamed(t *testing.T, m *Model, name string) *orgs.Service {
	t.Helper()
	for k := range m.Current().Services {
		if m.Current().Services[k].Name == name {
			return &m.Current().Services[k]
		}
	}
	t.Fatalf("no service %q", name)
	return nil
}

func TestServicesKeyOpensTheTeamsServices(t *testing.T) {
	m := newModel(t, "health-platform", 120, 40) // Viewer, selected first, builds two
	press(t, m, "enter")
	if !m.board.Open || m.board.Service != 0 {
		t.Fatalf("enter: open %v, service %d", m.board.Open, m.board.Service)
	}
	if v := m.View(); !strings.Contains(v, "DICOM viewer: you run it, gap") || !strings.Contains(v, "Image archive: you run it, gap") { // rules v3: backed up by ops, run by its team
		t.Errorf("the services do not show under the team:\n%s", v)
	}
	press(t, m, "down")
	if got := m.board.SelectedService(m.index); got < 0 || m.an.Services[got].Name != "Image archive" {
		t.Errorf("down selects service %d", got)
	}
	press(t, m, "down") // past the last service: the next team, services closed
	if m.board.Open || m.Selected() != "Reporting" {
		t.Errorf("down past the services: open %v, selected %q", m.board.Open, m.Selected())
	}
	press(t, m, " ", " ") // space opens and closes them too
	if m.board.Open {
		t.Error("space twice leaves the services open")
	}
}

func TestServicesKeyOnATeamWithoutServices(t *testing.T) {
	m := newModel(t, "health-platform", 120, 40)
	press(t, m, "right") // the ops column: Observability Platform builds none
	if applies(m, m.keys.Services) {
		t.Error("enter is offered on a team that builds no service")
	}
	press(t, m, "enter")
	if m.board.Open {
		t.Error("enter opened the services of a team that builds none")
	}
}

func TestRunKeysChangeTheSelectedService(t *testing.T) {
	m := newModel(t, "health-platform", 120, 40)
	press(t, m, "enter") // DICOM viewer, run as its team (you run it)
	press(t, m, "r")
	// you is the team's own run and there is no SRE team: the next run is ops, with the
	// only ops team
	s := serviceNamed(t, m, "DICOM viewer")
	if s.Run != orgs.RunOps || s.RunWith != "Cloud Operations" {
		t.Fatalf("r: run %q with %q", s.Run, s.RunWith)
	}
	if !strings.Contains(m.status, "DICOM viewer") || !m.Modified() {
		t.Errorf("status %q, modified %v", m.status, m.Modified())
	}
	if m.Current().Teams[0].Run != orgs.RunYou {
		t.Error("r on a service changed its team")
	}
	press(t, m, "w") // one ops team only: refused, saying why
	if !m.statusErr || !strings.Contains(m.status, "no other ops team") {
		t.Errorf("w: %q", m.status)
	}
	press(t, m, "u")
	if s := serviceNamed(t, m, "DICOM viewer"); s.Run != "" || s.RunWith != "" || m.Modified() {
		t.Errorf("undo: run %q with %q, modified %v", s.Run, s.RunWith, m.Modified())
	}
	if !m.board.Open {
		t.Error("undo closed the services")
	}
}

func TestSortServicesKey(t *testing.T) {
	m := newModel(t, "mixed", 120, 40)
	press(t, m, "!")
	d := m.data()
	if !d.ServicesByStatus {
		t.Fatal("! did not sort the Services panel")
	}
	order := views.ServiceOrder(m.an, true)
	if first := &m.an.Services[order[0]]; !first.Problem() {
		t.Errorf("sorted by status, the first service %q has no problem", first.Name)
	}
	lines := views.PanelLines(views.PanelServices, d, m.st, 100)
	if !strings.Contains(lines[0], "worst status first") || !strings.HasPrefix(lines[3], "!") {
		t.Errorf("panel sorted:\n%s", strings.Join(lines, "\n"))
	}
	press(t, m, "!")
	if m.data().ServicesByStatus {
		t.Error("! twice keeps the order by status")
	}
}

func TestServiceKeysAreListed(t *testing.T) {
	m := newModel(t, "health-platform", 120, 40)
	press(t, m, "?", "end") // the last group of the key table
	v := m.View()
	for _, want := range []string{"enter/space", "the team's services", "services by breach chance, by status", "set the rotation"} {
		if !strings.Contains(v, want) {
			t.Errorf("? does not list %q", want)
		}
	}
}

func TestRotationKey(t *testing.T) {
	m := newModel(t, "health-platform", 120, 40) // Viewer: 8 people on call 8x5
	press(t, m, "R")
	if !shown[*rotationPrompt](m) || !strings.Contains(m.View(), "Rotation of Viewer") {
		t.Fatalf("R: screen %s", screenName(m))
	}
	press(t, m, "1", "2", "enter") // more than the team has: refused, the prompt stays
	if !shown[*rotationPrompt](m) || !strings.Contains(onTop[rotationPrompt](m).err, "1-8") {
		t.Fatalf("rotation 12: screen %s, error %q", screenName(m), onTop[rotationPrompt](m).err)
	}
	press(t, m, "backspace", "backspace", "1", "enter")
	if !m.onGround() || m.Current().Teams[0].Rotation != 1 {
		t.Fatalf("rotation 1: screen %s, rotation %d", screenName(m), m.Current().Teams[0].Rotation)
	}
	if m.board.panel != views.PanelStaffing {
		t.Errorf("after R the narrow screen shows %v, not the Staffing panel", m.board.panel)
	}
	// one person alone is 3 short of the 8x5 minimum of 4 (rules v3), beside Cloud
	// Operations' 2: the Staffing panel says so
	if m.an.Staffing.Needed != 5 || !strings.Contains(m.status, "rotation 1 of 8") {
		t.Errorf("needed %d, status %q", m.an.Staffing.Needed, m.status)
	}
	lines := strings.Join(views.PanelLines(views.PanelStaffing, m.data(), m.st, 100), "\n")
	if !strings.Contains(lines, "! Viewer") {
		t.Errorf("the short rotation is not marked:\n%s", lines)
	}
	press(t, m, "u")
	if m.Current().Teams[0].Rotation != 0 || m.an.Staffing.Needed != 2 {
		t.Errorf("undo: rotation %d", m.Current().Teams[0].Rotation)
	}
	press(t, m, "R", "esc")
	if !m.onGround() || m.Modified() {
		t.Errorf("esc: screen %s, modified %v", screenName(m), m.Modified())
	}
}

func TestHeadcountMovesTheLoadLive(t *testing.T) {
	m := newModel(t, "health-platform", 120, 40)
	ops := m.cur.TeamIndex("Cloud Operations") // 6 people on call 24x5: 2 short of its minimum of 8 (rules v3)
	m.selectIndex(ops)
	press(t, m, "-")
	p := -1
	for k, r := range m.an.Staffing.Rotations {
		if r.TeamIndex == ops {
			p = k
		}
	}
	if p < 0 || m.an.Staffing.Rotations[p].Needed != 3 || m.an.Staffing.Rotations[p].Load <= 40 {
		t.Fatalf("after -: %+v", m.an.Staffing.Rotations)
	}
	press(t, m, "+")
	if m.an.Staffing.Needed != 2 {
		t.Errorf("after + the rotation is not back to 2 short: needed %d", m.an.Staffing.Needed)
	}
}

func TestFindSelectsAServiceUnderItsTeam(t *testing.T) {
	m := newModel(t, "health-platform", 120, 40)
	press(t, m, "/", "d", "o", "s", "e") // "Dose Management" (a team) first, then "Dose register"
	if m.Selected() != "Dose Management" || m.board.Open {
		t.Fatalf("the team matches first: selected %q, open %v", m.Selected(), m.board.Open)
	}
	press(t, m, "down", "enter")
	svc := m.board.SelectedService(m.index)
	if svc < 0 || !strings.HasPrefix(m.an.Services[svc].Name, "Dose regist") || m.Selected() != "Dose Management" {
		t.Fatalf("find selects service %d under %q", svc, m.Selected())
	}
	if !strings.Contains(m.status, "service \"Dose regist") {
		t.Errorf("status %q", m.status)
	}
	press(t, m, "r") // and the run keys apply to it
	if s := &m.Current().Services[svc]; s.Run == "" {
		t.Errorf("r after find left %q as its team", s.Name)
	}
}

func TestSortServicesKeyFullScreen(t *testing.T) {
	m := newModel(t, "mixed", 120, 40)
	m.board.panel = views.PanelServices
	press(t, m, "z")
	mustShow(t, m, "file order", "z on Services")
	press(t, m, "!")
	if !shown[*pager](m) || !m.board.byStatus || !strings.Contains(m.View(), "worst status first") {
		t.Errorf("! full screen: screen %s, by status %v", screenName(m), m.board.byStatus)
	}
}

// x on a service under its team asks, then deletes that service alone; the team stays.
func TestDeleteKeyOnAServiceDeletesThatServiceAfterAsking(t *testing.T) {
	m := newModel(t, "health-platform", 120, 40) // Viewer builds DICOM viewer and Image archive
	teams := len(m.Current().Teams)
	press(t, m, "enter", "down", "x") // Image archive
	if len(m.Current().Teams) != teams || len(m.Current().Services) != len(m.op.Org.Services) {
		t.Fatalf("x deleted without asking: %d teams (was %d)", len(m.Current().Teams), teams)
	}
	if v := m.View(); !strings.Contains(v, "Image archive") || !strings.Contains(v, "Delete service") {
		t.Fatalf("x asks nothing about the service:\n%s", v)
	}
	press(t, m, "y")
	if len(m.Current().Teams) != teams || team(t, m, "Viewer").Name != "Viewer" {
		t.Fatalf("the team went with the service: %d teams (was %d)", len(m.Current().Teams), teams)
	}
	for _, s := range m.Current().Services {
		if s.Name == "Image archive" {
			t.Fatal("Image archive is still there")
		}
	}
	if !strings.Contains(m.status, "Image archive") {
		t.Errorf("status %q", m.status)
	}
	press(t, m, "u")
	serviceNamed(t, m, "Image archive")
}
