package model

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/views"
)

func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	checkDerived = true // every edit in every test checks the model's incremental derivations
	before := dirNames(".")
	code := m.Run()
	// the dashboard writes scenarios, reports, examples and journals beside its input: a
	// test that forgot the stand-ins (noSave, noWrite) or a temporary directory would
	// litter the package with them
	for name := range dirNames(".") {
		if !before[name] {
			fmt.Fprintf(os.Stderr, "a test left %q in the package directory\n", name)
			code = 1
		}
	}
	os.Exit(code)
}

func dirNames(dir string) map[string]bool {
	names := map[string]bool{}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		names[e.Name()] = true
	}
	return names
}

var openedCache sync.Map // example name -> *orgs.Opened

// opened opens an embedded example as the command line would. The dashboard never changes
// what it opened (TestCurrentIsACopy), so one load serves every test.
func opened(t testing.TB, name string) *orgs.Opened {
	t.Helper()
	if op, ok := openedCache.Load(name); ok {
		c := *op.(*orgs.Opened)
		return &c
	}
	ex, err := orgs.ExampleNamed(name)
	if err != nil {
		t.Fatal(err)
	}
	op, err := orgs.OpenBytes(name+".toml", ex.Data, "")
	if err != nil {
		t.Fatal(err)
	}
	openedCache.Store(name, op)
	c := *op
	return &c
}

// noSave stands in for the write path where a test must not write files.
func noSave(string, *orgs.Org, orgs.ScenarioMeta, bool) error { return nil }

// noWrite stands in for orgs.WriteFile where a test must not write files.
func noWrite(string, []byte, bool, func([]byte) error) error { return nil }

// newModel is the dashboard on an example in a w x h terminal (saving writes nothing).
func newModel(t testing.TB, example string, w, h int) *Model {
	t.Helper()
	m := New(Config{Opened: opened(t, example), Embedded: true, Styles: views.DefaultStyles(), Save: noSave, Write: noWrite})
	run(m, tea.WindowSizeMsg{Width: w, Height: h}) // and the risk simulated in the background
	return m
}

// keyMsg is the key message a terminal sends for a key name.
func keyMsg(k string) tea.KeyMsg {
	special := map[string]tea.KeyType{
		"left": tea.KeyLeft, "right": tea.KeyRight, "up": tea.KeyUp, "down": tea.KeyDown,
		"shift+left": tea.KeyShiftLeft, "shift+right": tea.KeyShiftRight,
		"enter": tea.KeyEnter, "esc": tea.KeyEsc, "tab": tea.KeyTab, "shift+tab": tea.KeyShiftTab,
		"ctrl+c": tea.KeyCtrlC, "ctrl+r": tea.KeyCtrlR, "pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown,
		"home": tea.KeyHome, "end": tea.KeyEnd, "backspace": tea.KeyBackspace, "space": tea.KeySpace,
		"ctrl+n": tea.KeyCtrlN, "ctrl+p": tea.KeyCtrlP,
	}
	if kt, ok := special[k]; ok {
		return tea.KeyMsg{Type: kt}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}

// press sends keys and runs the commands they return (as the program would), feeding their
// messages back; it returns true when a command asked to quit.
func press(t testing.TB, m *Model, keys ...string) (quit bool) {
	t.Helper()
	for _, k := range keys {
		if run(m, keyMsg(k)) {
			quit = true
		}
	}
	return quit
}

// pressBack presses keys and checks that they bring the board back, nothing open over it.
func pressBack(t testing.TB, m *Model, keys ...string) {
	t.Helper()
	press(t, m, keys...)
	if !m.onGround() {
		t.Errorf("%s did not go back to the board: screen %s", strings.Join(keys, " "), screenName(m))
	}
}

// mustShow stops the test, saying failure and showing the screen, unless the model's view
// shows text.
func mustShow(t testing.TB, m *Model, text, failure string) {
	t.Helper()
	if v := m.View(); !strings.Contains(v, text) {
		t.Fatalf("%s:\n%s", failure, v)
	}
}

// run delivers msg and runs the resulting commands to completion.
func run(m *Model, msg tea.Msg) (quit bool) {
	queue := []tea.Msg{msg}
	for len(queue) > 0 {
		msg, queue = queue[0], queue[1:]
		_, cmd := m.Update(msg)
		if cmd == nil {
			continue
		}
		out := cmd()
		switch out := out.(type) {
		case tea.QuitMsg:
			quit = true
		case tea.BatchMsg:
			for _, c := range out {
				if c != nil {
					queue = append(queue, c())
				}
			}
		case nil:
		default:
			queue = append(queue, out)
		}
	}
	return quit
}

// typeText types s one rune at a time.
func typeText(t testing.TB, m *Model, s string) {
	t.Helper()
	for _, r := range s {
		run(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
}

// erase presses backspace once for each character of s.
func erase(t testing.TB, m *Model, s string) {
	t.Helper()
	for range len(s) {
		press(t, m, "backspace")
	}
}

// refusedInPrompt types s into the prompt on top and presses enter: the prompt must stay,
// saying why; then s is erased again.
func refusedInPrompt(t testing.TB, m *Model, s, why string) {
	t.Helper()
	on := screenName(m)
	typeText(t, m, s)
	press(t, m, "enter")
	if screenName(m) != on || !strings.Contains(m.View(), why) {
		t.Fatalf("%q was taken: screen %s, want %s saying %q:\n%s", s, screenName(m), on, why, m.View())
	}
	erase(t, m, s)
}

// selectTeam selects a team through find, as a user would.
func selectTeam(t testing.TB, m *Model, name string) {
	t.Helper()
	press(t, m, "/")
	typeText(t, m, name)
	press(t, m, "enter")
	m.setFilter("") // the board shows every team again, as esc does
	if got := m.Selected(); got != name {
		t.Fatalf("selected %q, want %q", got, name)
	}
}

func team(t testing.TB, m *Model, name string) orgs.Team {
	t.Helper()
	tm := m.Current().Team(name)
	if tm == nil {
		t.Fatalf("no team %q", name)
	}
	return *tm
}

func TestNavigationKeys(t *testing.T) {
	for _, tc := range []struct {
		keys      []string
		wantTeam  string
		wantFocus int
	}{
		{nil, "Online Shop", 0},
		{[]string{"down"}, "Product Search", 0},
		{[]string{"j", "j"}, "Product Catalog", 0},
		{[]string{"j", "k"}, "Online Shop", 0},
		{[]string{"up", "up"}, "Online Shop", 0}, // stops at the top
		{[]string{"right"}, "Operations SRE", 1},
		{[]string{"l", "l"}, "Reliability Engineering", 2},
		{[]string{"l", "l", "l"}, "Reliability Engineering", 2}, // stops at the right
		{[]string{"l", "h"}, "Online Shop", 0},
		{[]string{"left"}, "Online Shop", 0},
		{[]string{"end"}, "Digital Reliability", 0},
		{[]string{"end", "home"}, "Online Shop", 0},
		{[]string{"pgdown", "pgup"}, "Online Shop", 0},
		{[]string{"j", "j", "l", "j", "h"}, "Product Catalog", 0}, // each column keeps its row
	} {
		t.Run(strings.Join(tc.keys, ","), func(t *testing.T) {
			m := newModel(t, "mixed", 80, 24)
			press(t, m, tc.keys...)
			if m.Selected() != tc.wantTeam || m.board.Focus != tc.wantFocus {
				t.Errorf("selected %q in column %d, want %q in %d", m.Selected(), m.board.Focus, tc.wantTeam, tc.wantFocus)
			}
			if m.Modified() {
				t.Error("navigation modified the model")
			}
		})
	}
}

// TestRunesArrivingTogether: keys typed fast arrive as one message of several runes; on the
// board each is a key, in a text input they are text.
func TestRunesArrivingTogether(t *testing.T) {
	m := newModel(t, "mixed", 80, 24)
	run(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("ll")})
	if m.board.Focus != 2 {
		t.Errorf("\"ll\" focused column %d", m.board.Focus)
	}
	run(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("n")})
	run(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("Gift Cards")})
	if !shown[*teamForm](m) || onTop[teamForm](m).name.Value() != "Gift Cards" {
		t.Errorf("typed name %q in screen %s", onTop[teamForm](m).name.Value(), screenName(m))
	}
	press(t, m, "esc")
	run(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("hhj+")})
	if m.Selected() != "Product Search" || team(t, m, "Product Search").Headcount != 8 {
		t.Errorf("\"hhj+\": selected %q", m.Selected())
	}
}

func TestPageKeys(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {200, 60}} {
		m := newModel(t, "mixed", sz[0], sz[1])
		page := views.PageSize(m.data(), m.lay, 0)
		press(t, m, "pgdown")
		if m.board.Rows[0] != page || page < 2 {
			t.Errorf("%v: pgdown moved to row %d, page size %d", sz, m.board.Rows[0], page)
		}
		press(t, m, "pgup")
		if m.board.Rows[0] != 0 {
			t.Errorf("%v: pgup moved to row %d", sz, m.board.Rows[0])
		}
	}
}

// movedWith is "mixed" with Operations SRE moved by key k, which must take it into org want.
func movedWith(t *testing.T, k string, want orgs.OrgID) *Model {
	t.Helper()
	m := newModel(t, "mixed", 120, 40)
	selectTeam(t, m, "Operations SRE")
	press(t, m, k)
	if got := team(t, m, "Operations SRE").Org; got != want {
		t.Fatalf("%s: org = %s, want %s", k, got, want)
	}
	return m
}

func TestMoveKeys(t *testing.T) {
	for _, k := range []string{">", "shift+right"} {
		m := movedWith(t, k, orgs.OrgSRE)
		if m.Selected() != "Operations SRE" || m.board.Focus != 2 {
			t.Errorf("%s: the selection did not follow the team: %q in %d", k, m.Selected(), m.board.Focus)
		}
		if !m.Modified() || !strings.Contains(m.View(), "* modified") || !strings.Contains(m.View(), "(was ops org)") {
			t.Errorf("%s: no modified or was mark:\n%s", k, m.View())
		}
		// the analysis follows: the dev teams it serves are now topology 6 and 9
		for _, tv := range m.Analysis().Teams {
			if tv.Name == "Warehouse Management" && tv.Topology != 9 {
				t.Errorf("Warehouse Management topology %d, want 9", tv.Topology)
			}
		}
	}
	for _, k := range []string{"<", "shift+left"} {
		m := movedWith(t, k, orgs.OrgDev)
		press(t, m, k) // already leftmost
		if !m.statusErr || !strings.Contains(m.status, "leftmost") || len(m.history) != 1 {
			t.Errorf("%s at the edge: status %q, %d changes", k, m.status, len(m.history))
		}
	}
}

func TestFindKeys(t *testing.T) {
	m := newModel(t, "mixed", 80, 24)
	press(t, m, "/")
	if !shown[*finder](m) {
		t.Fatal("/ did not open find")
	}
	// each step types text into find (after its keys), or presses keys, and then selects a
	// team, with find still open or closed
	for _, step := range []struct {
		why, keys, typed, selected string
		closed                     bool
	}{
		{"find as you type", "", "ware", "Warehouse Management", false},
		{"enter keeps the match", "enter", "", "Warehouse Management", true},
		{"find again", "/", "online", "Online Shop", false},
		{"esc restores the selection", "esc", "", "Warehouse Management", true},
		{"prefix matches come first", "/", "re", "Recommendations", false},
		{"down walks the matches", "down", "", "Reliability Engineering", false},
		{"up walks them back", "up", "", "Recommendations", false},
		{"esc", "esc", "", "Warehouse Management", true},
	} {
		if step.keys != "" {
			press(t, m, step.keys)
		}
		typeText(t, m, step.typed)
		if m.Selected() != step.selected || m.onGround() != step.closed {
			t.Fatalf("%s: screen %s, selected %q, want %q", step.why, screenName(m), m.Selected(), step.selected)
		}
		if step.typed != "" && !strings.Contains(m.View(), "/ "+step.typed) {
			t.Errorf("%s: no prompt:\n%s", step.why, m.View())
		}
	}

	// no match: the selection stays, enter says so
	press(t, m, "/")
	typeText(t, m, "zzz")
	press(t, m, "enter")
	if m.Selected() != "Warehouse Management" || !m.statusErr || !strings.Contains(m.status, "no team matches") {
		t.Errorf("no match: selected %q, status %q", m.Selected(), m.status)
	}
	// a control character typed or pasted never reaches the input
	press(t, m, "/")
	run(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("on\x1b[2Jline\u202e")})
	if v := m.top().(*finder).input.Value(); strings.ContainsFunc(v, orgs.IsControl) {
		t.Errorf("control character kept: %q", v)
	}
}

func TestRunWithRoleKeys(t *testing.T) {
	m := newModel(t, "mixed", 120, 40)
	selectTeam(t, m, "Online Shop")
	press(t, m, "r")
	if tm := team(t, m, "Online Shop"); tm.Run != orgs.RunYouAndSRE || tm.RunWith != "Digital Reliability" {
		t.Fatalf("r: %s with %q", tm.Run, tm.RunWith)
	}
	press(t, m, "w")
	if tm := team(t, m, "Online Shop"); tm.RunWith != "Operations SRE" {
		t.Fatalf("w: with %q", tm.RunWith)
	}
	press(t, m, "r", "r", "r", "r") // sre, ops, none, you
	if tm := team(t, m, "Online Shop"); tm.Run != orgs.RunYou || tm.SRERole != orgs.RoleRotation {
		t.Fatalf("r x4: %s %s", tm.Run, tm.SRERole)
	}
	press(t, m, "e")
	if tm := team(t, m, "Online Shop"); tm.SRERole != orgs.RoleDedicated {
		t.Fatalf("e: %s", tm.SRERole)
	}
	if m.Analysis().Teams[m.Current().TeamIndex("Online Shop")].Topology != 2 {
		t.Error("e: topology is not 2")
	}
	// keys that do not apply say why and change nothing
	n := len(m.history)
	press(t, m, "w")
	if !m.statusErr || len(m.history) != n {
		t.Errorf("w on a team running its own services: status %q", m.status)
	}
	selectTeam(t, m, "Operations SRE")
	press(t, m, "r")
	press(t, m, "e")
	if !m.statusErr || len(m.history) != n {
		t.Errorf("r/e on an SRE team: status %q", m.status)
	}
	if applies(m, m.keys.Run) || applies(m, m.keys.Role) || applies(m, m.keys.With) {
		t.Error("r, e or w enabled on an SRE team")
	}
	if strings.Contains(m.help.View(m.screenHelp()), "r run") {
		t.Error("the help lists r for an SRE team")
	}
}

func TestHeadcountKeys(t *testing.T) {
	m := newModel(t, "mixed", 80, 24)
	press(t, m, "+", "+", "=")
	if got := team(t, m, "Online Shop").Headcount; got != 12 {
		t.Errorf("+ + =: %d", got)
	}
	press(t, m, "-")
	if got := team(t, m, "Online Shop").Headcount; got != 11 {
		t.Errorf("-: %d", got)
	}
	for range 20 {
		press(t, m, "-")
	}
	if got := team(t, m, "Online Shop").Headcount; got != 1 || !m.statusErr {
		t.Errorf("- below 1: %d, status %q", got, m.status)
	}
	if applies(m, m.keys.Less) {
		t.Error("- enabled at 1")
	}
}

func TestNewTeamForm(t *testing.T) {
	m := newModel(t, "mixed", 80, 24)
	press(t, m, "l", "l", "n") // in the SRE org column
	if !shown[*teamForm](m) {
		t.Fatal("n did not open the form")
	}
	if !strings.Contains(m.View(), "New team") || !strings.Contains(m.View(), "< sre >") {
		t.Errorf("form not drawn with the column's defaults:\n%s", m.View())
	}
	refusedInPrompt(t, m, "Checkout", "already used")
	typeText(t, m, "Platform SRE")
	press(t, m, "tab", "right", "right", "right") // kind sre -> sre-infra -> ops -> dev
	press(t, m, "tab", "left")                    // org sre -> ops
	press(t, m, "tab", "backspace")
	typeText(t, m, "12")
	press(t, m, "enter")
	if !m.onGround() {
		t.Fatalf("form still open: %s", onTop[teamForm](m).err)
	}
	tm := team(t, m, "Platform SRE")
	if tm.Kind != orgs.KindDev || tm.Org != orgs.OrgOps || tm.Headcount != 12 || tm.Run != orgs.RunYou {
		t.Errorf("added %+v", tm)
	}
	if m.Selected() != "Platform SRE" || !strings.Contains(m.View(), "(new team)") {
		t.Errorf("the new team is not selected and marked new:\n%s", m.View())
	}
	// esc cancels; a bad headcount is refused
	press(t, m, "n")
	typeText(t, m, "Other")
	press(t, m, "tab", "tab", "tab", "backspace")
	typeText(t, m, "0")
	press(t, m, "enter")
	if !shown[*teamForm](m) || !strings.Contains(onTop[teamForm](m).err, "headcount") {
		t.Errorf("headcount 0 accepted: %q", onTop[teamForm](m).err)
	}
	press(t, m, "esc")
	if !m.onGround() || m.Current().Team("Other") != nil {
		t.Error("esc did not cancel")
	}
}

func TestDeleteAndUndoRedo(t *testing.T) {
	m := newModel(t, "mixed", 80, 24)
	selectTeam(t, m, "Operations SRE")
	// dev teams run with it: x asks first, n keeps it
	press(t, m, "x")
	if v := m.View(); !shown[*confirm](m) || !strings.Contains(v, "Delete Operations SRE?") || !strings.Contains(v, "Warehouse Management") {
		t.Fatalf("x on a team others run with did not ask:\n%s", v)
	}
	press(t, m, "n")
	if m.Current().Team("Operations SRE") == nil || m.Modified() {
		t.Fatal("n deleted the team")
	}
	press(t, m, "x", "y")
	if m.Current().Team("Operations SRE") != nil {
		t.Fatal("x y did not delete")
	}
	if tm := team(t, m, "Warehouse Management"); tm.Run != orgs.RunYou {
		t.Errorf("a dev team left without its SRE team runs %s", tm.Run)
	}
	press(t, m, "u")
	if tm := team(t, m, "Warehouse Management"); tm.Run != orgs.RunSRE || tm.RunWith != "Operations SRE" {
		t.Errorf("undo: %+v", tm)
	}
	if m.Selected() != "Operations SRE" || m.Modified() {
		t.Errorf("undo: selected %q, modified %v", m.Selected(), m.Modified())
	}
	press(t, m, "ctrl+r")
	if m.Current().Team("Operations SRE") != nil || !m.Modified() {
		t.Error("redo did not delete again")
	}
	press(t, m, "ctrl+r")
	if !m.statusErr || m.status != "nothing to redo" {
		t.Errorf("status %q", m.status)
	}
	press(t, m, "u", "u")
	if !m.statusErr || m.status != "nothing to undo" {
		t.Errorf("status %q", m.status)
	}
	// a new edit after undo drops the redo tail
	press(t, m, "ctrl+r", "u", "+")
	if len(m.history) != 1 || applies(m, m.keys.Redo) {
		t.Errorf("history %d, redo enabled %v", len(m.history), applies(m, m.keys.Redo))
	}
}

func TestUndoWithoutLimit(t *testing.T) {
	m := newModel(t, "mixed", 80, 24)
	start := orgs.Marshal(m.Current())
	for range 500 {
		press(t, m, "+")
	}
	press(t, m, "j", ">", "r", "P", "b")
	if string(orgs.Marshal(m.Current())) != string(start) {
		t.Fatal("b did not go back to the baseline")
	}
	for range 505 {
		press(t, m, "u")
	}
	if string(orgs.Marshal(m.Current())) != string(start) || m.Modified() {
		t.Fatal("undoing everything did not give the start")
	}
	for range 505 {
		press(t, m, "ctrl+r")
	}
	if string(orgs.Marshal(m.Current())) != string(start) {
		t.Fatal("redoing everything (ending with b) did not give the baseline")
	}
	press(t, m, "u") // undo the b
	if got := team(t, m, "Online Shop").Headcount; got != 9+500 {
		t.Errorf("headcount %d after undoing b", got)
	}
}

func TestBaselineKey(t *testing.T) {
	m := newModel(t, "mixed", 80, 24)
	press(t, m, "b")
	if !m.statusErr || !strings.Contains(m.status, "already at the baseline") || len(m.history) != 0 {
		t.Errorf("b at the baseline: %q", m.status)
	}
	press(t, m, "+", "b")
	if team(t, m, "Online Shop").Headcount != 9 || len(m.history) != 2 {
		t.Errorf("b: headcount %d, %d changes", team(t, m, "Online Shop").Headcount, len(m.history))
	}
	press(t, m, "u")
	if team(t, m, "Online Shop").Headcount != 10 {
		t.Error("b is not undoable")
	}
}

func TestPositioningKey(t *testing.T) {
	m := newModel(t, "mixed", 80, 24)
	press(t, m, "P")
	if m.Current().SREOrg.Positioning != orgs.PositionEnabler {
		t.Errorf("P: %q", m.Current().SREOrg.Positioning)
	}
	press(t, m, "P")
	if m.Current().SREOrg.Positioning != orgs.PositionUnset || m.Analysis().Positioning.ID != nil {
		t.Errorf("P P: %q", m.Current().SREOrg.Positioning)
	}
}

func TestPanelKeys(t *testing.T) {
	m := newModel(t, "health-platform", 80, 24) // no SRE org: no positioning panel
	var seen []views.PanelID
	for range 9 {
		seen = append(seen, m.board.panel)
		press(t, m, "tab")
	}
	// services and on-call teams: the Services and Staffing panels are in the walk
	want := fmt.Sprint([]views.PanelID{views.PanelTopology, views.PanelCriteria, views.PanelFunding, views.PanelServices,
		views.PanelStaffing, views.PanelTransition, views.PanelIdentity, views.PanelAdvisories, views.PanelTopology})
	if fmt.Sprint(seen) != want {
		t.Errorf("tab walked %v, want %v", seen, want)
	}
	press(t, m, "shift+tab", "shift+tab") // from Criteria back past Topology
	if m.board.panel != views.PanelAdvisories {
		t.Errorf("shift+tab: %v", m.board.panel)
	}
	// wide: tab chooses the panel shown first, in full, beside the board
	w := newModel(t, "health-platform", 200, 60)
	press(t, w, "tab", "tab")
	if v := w.View(); !strings.Contains(v, "[Funding]") || !strings.Contains(v, "CAPEX") {
		t.Errorf("tab on a wide terminal:\n%s", v)
	}
	press(t, w, "z")
	if !strings.Contains(w.View(), "Funding (full screen)") {
		t.Errorf("z did not open the chosen panel:\n%s", w.View())
	}
}

func TestHelpKey(t *testing.T) {
	m := newModel(t, "mixed", 120, 40)
	selectTeam(t, m, "Operations SRE") // not a dev team: r, w and e do not apply
	press(t, m, "?")
	full := m.View()
	if !shown[*pager](m) || !strings.Contains(full, "Keys") {
		t.Fatalf("? did not open the key table:\n%s", full)
	}
	for _, want := range []string{"P  ", "SRE org positioning", "who runs it (not now: only for a dev team)", "undo (not now: nothing to undo)"} {
		if !strings.Contains(full, want) {
			t.Errorf("the key table lacks %q:\n%s", want, full)
		}
	}
	press(t, m, "end") // the files' keys and those of on call are further down
	for _, want := range []string{"S  ", "save as a new scenario", "on-call pattern"} {
		if v := m.View(); !strings.Contains(v, want) {
			t.Errorf("the key table's end lacks %q:\n%s", want, v)
		}
	}
	if lines := strings.Count(full, "\n") + 1; lines > 40 {
		t.Errorf("the key table drew %d lines", lines)
	}
	// at 80x24 it scrolls to its last key
	n := newModel(t, "mixed", 80, 24)
	press(t, n, "?", "end")
	if !strings.Contains(n.View(), "quit") {
		t.Errorf("80x24: the last key is not reachable:\n%s", n.View())
	}
	pressBack(t, m, "?")
}

func TestPresentKeys(t *testing.T) {
	m := newModel(t, "mixed", 80, 24)
	press(t, m, "p")
	v := m.View()
	if !m.presenting() || !strings.Contains(v, "The SRE principles") || !strings.Contains(v, "Opening, page 1/2") {
		t.Fatalf("p does not open on the principles: %v\n%s", m.presenting(), v)
	}
	if strings.Contains(v, "Development org") || !strings.Contains(v, "right/space next") {
		t.Errorf("presentation shows the board's chrome, or no key footer:\n%s", v)
	}
	press(t, m, "right")
	mustShow(t, m, "SRE can only be done with a central SRE team", "no myth after the principles")
	press(t, m, "l", " ", "right")
	if !strings.Contains(m.View(), "3 Compare") {
		t.Errorf("page %d:\n%s", m.presenter.page, m.View())
	}
	press(t, m, "left")
	if !strings.Contains(m.View(), "2 Consider") {
		t.Errorf("left: page %d", m.presenter.page)
	}
	press(t, m, "6")
	if v := m.View(); !strings.Contains(v, "6 Decide") || !strings.Contains(v, "Step 6/6, page 1/") {
		t.Errorf("6: page %d\n%s", m.presenter.page, v)
	}
	press(t, m, "end")
	last := m.presenter.page
	if v := m.View(); !strings.Contains(v, "The plan from the baseline, stage by stage") {
		t.Errorf("end: page %d\n%s", m.presenter.page, v)
	}
	press(t, m, "right")
	if m.presenter.page != last {
		t.Error("paged past the end")
	}
	press(t, m, "home")
	if m.presenter.page != 0 {
		t.Errorf("home: page %d", m.presenter.page)
	}
	press(t, m, "6", "right")
	if v := m.View(); !strings.Contains(v, "transition matrix") || !strings.Contains(v, "> you run it") {
		t.Errorf("the matrix does not mark the current model's row:\n%s", v)
	}
	press(t, m, "4")
	if !strings.Contains(m.View(), "TOPOLOGY") && !strings.Contains(m.View(), "█") {
		t.Errorf("4:\n%s", m.View())
	}
	press(t, m, "r") // edits do not apply in presentation
	if m.Modified() {
		t.Error("an edit key worked in presentation mode")
	}
	press(t, m, "esc")
	if m.presenting() || !strings.Contains(m.View(), "Development org") {
		t.Error("esc did not return to the board")
	}
	press(t, m, "p", "p")
	if m.presenting() {
		t.Error("p did not return to the board")
	}
	// --present starts in presentation mode
	pm := New(Config{Opened: opened(t, "mixed"), Styles: views.DefaultStyles(), Present: true})
	pm.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	if !strings.Contains(pm.View(), "The SRE principles") {
		t.Error("Present config did not start in presentation mode")
	}
}

func TestQuitKeys(t *testing.T) {
	m := newModel(t, "mixed", 80, 24)
	if !press(t, m, "q") {
		t.Error("q without changes did not quit")
	}
	m = newModel(t, "mixed", 80, 24)
	if !press(t, m, "ctrl+c") {
		t.Error("ctrl+c without changes did not quit")
	}
	m = newModel(t, "mixed", 80, 24)
	press(t, m, "+")
	if press(t, m, "q") || !shown[*quitGuard](m) || !strings.Contains(m.View(), "Unsaved changes") {
		t.Fatalf("q with changes did not ask:\n%s", m.View())
	}
	pressBack(t, m, "esc")
	if press(t, m, "ctrl+c") || !shown[*quitGuard](m) {
		t.Error("ctrl+c with changes did not ask")
	}
	if !press(t, m, "ctrl+c") {
		t.Error("a second ctrl+c did not quit")
	}
	m = newModel(t, "mixed", 80, 24)
	press(t, m, "+", "q")
	if !press(t, m, "d") {
		t.Error("d did not discard and quit")
	}
	// quitting from presentation mode asks too
	m = newModel(t, "mixed", 80, 24)
	press(t, m, "+", "p", "q")
	if !shown[*quitGuard](m) {
		t.Error("q in presentation mode with changes did not ask")
	}
}

// saveRecorder is a SaveFunc that records its calls and answers with errs in turn.
type saveRecorder struct {
	calls []saveRequest
	errs  []error
}

func (s *saveRecorder) save(path string, cur *orgs.Org, meta orgs.ScenarioMeta, replace bool) error {
	s.calls = append(s.calls, saveRequest{path: path, cur: cur, meta: meta, replace: replace})
	if len(s.errs) == 0 {
		return nil
	}
	err := s.errs[0]
	s.errs = s.errs[1:]
	return err
}

// fileModel opens a copy of an example written into a temporary directory.
func fileModel(t *testing.T, example string, save SaveFunc) (*Model, string) {
	t.Helper()
	dir := t.TempDir()
	path := writeExampleFile(t, dir, example, example+".toml")
	op, err := orgs.Open(path, "")
	if err != nil {
		t.Fatal(err)
	}
	m := New(Config{Opened: op, Styles: views.DefaultStyles(), Save: save})
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	return m, path
}

func TestSaveKey(t *testing.T) {
	m, path := fileModel(t, "mixed", nil) // the real write path
	press(t, m, "+")
	press(t, m, "s")
	want := filepath.Join(filepath.Dir(path), "mixed-scenario-1.toml")
	if !shown[saveScreen](m) || m.save.path.Value() != want {
		t.Fatalf("s: screen %s, prefilled %q, want %q", screenName(m), m.save.path.Value(), want)
	}
	press(t, m, "tab")
	typeText(t, m, "more people")
	press(t, m, "enter")
	if !m.onGround() || m.Modified() || !strings.Contains(m.status, "saved the scenario") {
		t.Fatalf("after save: screen %s, modified %v, status %q, err %q", screenName(m), m.Modified(), m.status, m.save.err)
	}
	op, err := orgs.Open(want, "")
	if err != nil {
		t.Fatal(err)
	}
	sc := op.Org.Scenario
	if sc == nil || sc.BasedOn != "mixed.toml" || sc.Title != "more people" || sc.BasedOnSHA256 == "" {
		t.Fatalf("scenario record %+v", sc)
	}
	if op.BaselinePath != path || op.Org.Team("Online Shop").Headcount != 10 || len(op.Warnings) > 0 {
		t.Errorf("reopened: baseline %q, headcount %d, warnings %v", op.BaselinePath, op.Org.Team("Online Shop").Headcount, op.Warnings)
	}
	// s on the scenario now open updates it in place, title kept, after one question
	press(t, m, "+", "s")
	if v := m.View(); !shown[*confirm](m) || !strings.Contains(v, "Update the scenario?") {
		t.Fatalf("second s: screen %s, no question:\n%s", screenName(m), v)
	}
	press(t, m, "y")
	if !m.onGround() || m.Modified() || m.file != want {
		t.Fatalf("after the update: screen %s, modified %v, file %q", screenName(m), m.Modified(), m.file)
	}
	if o, _, err := orgs.LoadFile(want); err != nil || o.Scenario.Title != "more people" || o.Team("Online Shop").Headcount != 11 {
		t.Fatalf("updated in place: %v %+v", err, o)
	}
	// S saves as the next number, its title field starting with the current title; esc cancels
	press(t, m, "+", "S")
	if got := m.save.path.Value(); !strings.HasSuffix(got, "mixed-scenario-2.toml") || m.save.title.Value() != "more people" {
		t.Errorf("save as prefilled %q, title %q", got, m.save.title.Value())
	}
	press(t, m, "esc")
	if !m.onGround() || !m.Modified() {
		t.Error("esc did not cancel the save")
	}
}

func TestSaveReplaceAndFailures(t *testing.T) {
	rec := &saveRecorder{errs: []error{
		fmt.Errorf("x: %w", orgs.ErrExists), nil, // ask, then replace
		fmt.Errorf("x: %w", orgs.ErrExists), // ask, then no
		fmt.Errorf("x: %w", orgs.ErrReadOnly),
		fmt.Errorf("x: %w", orgs.ErrDirNotWritable),
		errors.New("disk on fire"),
	}}
	m, _ := fileModel(t, "mixed", rec.save)
	press(t, m, "+", "s", "enter")
	if !shown[*confirm](m) || !strings.Contains(m.View(), "Replace the file?") {
		t.Fatalf("exists: screen %s\n%s", screenName(m), m.View())
	}
	press(t, m, "y")
	if len(rec.calls) != 2 || !rec.calls[1].replace || m.Modified() {
		t.Fatalf("y: calls %+v, modified %v", rec.calls, m.Modified())
	}
	press(t, m, "+", "s", "enter", "n")
	if !shown[saveScreen](m) || !strings.Contains(m.save.err, "not replaced") {
		t.Errorf("n: screen %s, err %q", screenName(m), m.save.err)
	}
	press(t, m, "enter")
	if !shown[saveScreen](m) || !strings.Contains(m.save.err, "read-only") {
		t.Errorf("read-only: %q", m.save.err)
	}
	press(t, m, "enter")
	if !shown[saveScreen](m) || !strings.Contains(m.save.err, "kept in memory, not saved: ") || !strings.Contains(m.save.err, " is not writable") || !m.Modified() {
		t.Errorf("dir not writable: %q", m.save.err)
	}
	if !m.statusErr || !strings.HasPrefix(m.status, "kept in memory, not saved: ") {
		t.Errorf("dir not writable: status %q", m.status)
	}
	press(t, m, "enter")
	if !strings.Contains(m.save.err, "disk on fire") {
		t.Errorf("other error: %q", m.save.err)
	}
	// the save wrote a copy: edits after it do not change what was written
	saved := rec.calls[0].cur
	press(t, m, "esc", "+")
	if saved.Team("Online Shop").Headcount == team(t, m, "Online Shop").Headcount {
		t.Error("the save shares the live model")
	}
}

func TestSaveFromQuitGuard(t *testing.T) {
	rec := &saveRecorder{}
	m, _ := fileModel(t, "mixed", rec.save)
	press(t, m, "+", "q")
	press(t, m, "s")
	if !shown[saveScreen](m) || m.pending.kind != doQuit || m.save.then != "quit" {
		t.Fatalf("s in the quit question: screen %s", screenName(m))
	}
	if !press(t, m, "enter") {
		t.Error("did not quit after saving")
	}
	if len(rec.calls) != 1 {
		t.Errorf("%d saves", len(rec.calls))
	}
}

func TestMouseSelects(t *testing.T) {
	m := newModel(t, "mixed", 200, 60)
	l := m.lay
	// the second card of the ops column starts 5 lines down the body with cards in full
	// (3 lines, a changed mark and a blank line), 1 line down with one line a card
	x := l.Columns[1].X + 3
	y := l.Columns[1].Y + 2 + 1
	if l.FullCards() {
		y += 4
	}
	run(m, tea.MouseMsg{X: x, Y: y, Action: tea.MouseActionPress, Button: tea.MouseButtonLeft})
	if m.Selected() != "Observability Platform" || m.board.Focus != 1 {
		t.Errorf("click selected %q in %d", m.Selected(), m.board.Focus)
	}
	run(m, tea.MouseMsg{X: l.Columns[0].X + 3, Y: l.Columns[0].Y + 2, Action: tea.MouseActionPress, Button: tea.MouseButtonWheelDown})
	if m.Selected() != "Product Search" {
		t.Errorf("wheel selected %q", m.Selected())
	}
	run(m, tea.MouseMsg{X: 0, Y: 0, Action: tea.MouseActionPress, Button: tea.MouseButtonLeft})
	if m.Selected() != "Product Search" {
		t.Errorf("a click on the header changed the selection to %q", m.Selected())
	}
}

func TestWarningsShowAtStart(t *testing.T) {
	op := opened(t, "mixed")
	op.Warnings = []string{"mixed.toml: the baseline base.toml changed on disk since this scenario was saved"}
	m := New(Config{Opened: op, Styles: views.DefaultStyles()})
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	// the header names the file: the status line says what matters in 80 columns
	mustShow(t, m, "! the baseline base.toml changed on disk since this scenario was saved", "warning not shown")
}

// TestCurrentIsACopy checks the dashboard never edits the opened model, which is also the
// baseline when a file is its own baseline.
func TestCurrentIsACopy(t *testing.T) {
	ex, _ := orgs.ExampleNamed("mixed")
	op, err := orgs.OpenBytes("mixed.toml", ex.Data, "")
	if err != nil {
		t.Fatal(err)
	}
	before := string(orgs.Marshal(op.Org))
	m := New(Config{Opened: op, Styles: views.DefaultStyles()})
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	press(t, m, "x", "l", ">", "+")
	if string(orgs.Marshal(op.Org)) != before {
		t.Fatal("the opened model (the baseline) was edited")
	}
}

// TestModifiedByContent: "modified" means the model differs from the one last loaded or
// saved, so going back by any road clears it, and the header and the quit guard agree.
func TestModifiedByContent(t *testing.T) {
	m := newModel(t, "mixed", 120, 40)
	selectTeam(t, m, "Operations SRE")
	for _, road := range [][]string{{"+", "b"}, {">", "<"}, {"+", "-"}, {"+", "u"}} {
		press(t, m, road[0])
		if !m.Modified() || !strings.Contains(m.View(), "modified") {
			t.Fatalf("%s: not modified", road[0])
		}
		press(t, m, road[1:]...)
		if m.Modified() || strings.Contains(m.View(), "modified") {
			t.Errorf("%v: still modified", road)
		}
	}
	if !press(t, m, "q") {
		t.Error("q asks to save a model that is the file as loaded")
	}
}

// TestRolePositioningKey: ctrl+p positions the SRE role outside an SRE org (the talk's last
// slide), undoably, and says so.
func TestRolePositioningKey(t *testing.T) {
	m := newModel(t, "mixed", 120, 40)
	if m.cur.SRERole.Positioning != orgs.PositionUnset {
		t.Fatalf("mixed starts with the role positioned %q", m.cur.SRERole.Positioning)
	}
	press(t, m, "ctrl+p")
	if m.cur.SRERole.Positioning != orgs.PositionCostCenter || !strings.Contains(m.status, "SRE role positioning") {
		t.Fatalf("after ctrl+p: role %q, status %q", m.cur.SRERole.Positioning, m.status)
	}
	if p := m.an.Positioning; p == nil || p.Role == nil || p.Role.ID == nil || *p.Role.ID != orgs.PositionCostCenter {
		t.Errorf("the analysis does not show the role's positioning: %+v", p)
	}
	press(t, m, "u")
	if m.cur.SRERole.Positioning != orgs.PositionUnset {
		t.Errorf("undo left the role positioned %q", m.cur.SRERole.Positioning)
	}
}

// TestKeyTableListsEveryBoardKey: every key the board acts on is in the table `?` shows.
// The board's keys are the KeyMap's fields up to Rotation (the rest belong to the other
// screens, which show their own keys).
func TestKeyTableListsEveryBoardKey(t *testing.T) {
	m := newModel(t, "mixed", 120, 80)
	press(t, m, "?")
	table := m.View()
	km := reflect.ValueOf(DefaultKeyMap())
	for i := range km.NumField() {
		f := km.Type().Field(i)
		if f.Name == "LeftSide" {
			break
		}
		if f.Name == "Interrupt" || f.Name == "QuitKey" || f.Name == "Space" {
			continue // ctrl+c, and keys the table shows under other names (q, enter/space)
		}
		b := km.Field(i).Interface().(key.Binding)
		// by its key at the start of a line: the words may say more now (s: "save as a
		// new scenario" while no scenario is open)
		if !regexp.MustCompile(`(?m)^\s+` + regexp.QuoteMeta(b.Help().Key) + `\s`).MatchString(table) {
			t.Errorf("%s (%q, %q) is not in the key table", f.Name, b.Help().Key, b.Help().Desc)
		}
	}
}

// TestFollowOutsideASharedSessionSaysWhy: f alone at the keyboard answers rather than doing
// nothing.
func TestFollowOutsideASharedSessionSaysWhy(t *testing.T) {
	m := newModel(t, "mixed", 100, 30)
	press(t, m, "f")
	mustShow(t, m, "only in a shared session", "f said nothing")
}
