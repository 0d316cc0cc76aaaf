package model

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/views"
)

// meetingSizes are the terminals of a planning meeting, from a zoomed projector to a wide
// screen.
var meetingSizes = [][2]int{{80, 24}, {100, 30}, {120, 40}, {160, 45}, {220, 60}}

// screens reach every screen of the dashboard from the board of "mixed" with its SRE team
// of the ops org moved into the SRE org (so that changes show).
var screens = []struct {
	name  string
	setup func(t *testing.T, m *Model)
}{
	{"board", func(t *testing.T, m *Model) {}},
	{"find", func(t *testing.T, m *Model) { press(t, m, "/"); typeText(t, m, "pay") }},
	{"team-form", func(t *testing.T, m *Model) { press(t, m, "n") }},
	{"save", func(t *testing.T, m *Model) { press(t, m, "S") }},
	{"quit-guard", func(t *testing.T, m *Model) { press(t, m, "q") }},
	{"delete-question", func(t *testing.T, m *Model) { press(t, m, "x") }},
	{"restore", func(t *testing.T, m *Model) {
		work := m.Current().Clone()
		work.Teams = work.Teams[1:]
		m.journal.ready = false
		run(m, journalFoundMsg{input: m.input, org: work, diff: orgs.Compare("a", m.Current(), "b", work)})
	}},
	{"file-list", func(t *testing.T, m *Model) { press(t, m, "o") }},
	{"compare", func(t *testing.T, m *Model) { press(t, m, "c") }},
	{"keys", func(t *testing.T, m *Model) { press(t, m, "?") }},
	{"presentation-opening", func(t *testing.T, m *Model) { press(t, m, "p") }},
	{"presentation-decide", func(t *testing.T, m *Model) { press(t, m, "p", "6") }},
	{"message-log", func(t *testing.T, m *Model) { press(t, m, "M") }},
	{"panel-full-screen", func(t *testing.T, m *Model) { press(t, m, "z") }},
	{"plan", func(t *testing.T, m *Model) { press(t, m, "g") }},
	{"rotation", func(t *testing.T, m *Model) { selectTeam(t, m, "Online Shop"); press(t, m, "R") }},
	{"services-open", func(t *testing.T, m *Model) {
		*m = *newModel(t, "health-platform", m.w, m.h) // Viewer, selected first, builds two
		press(t, m, "enter")
	}},
	{"services-full-screen", func(t *testing.T, m *Model) { zoomOn(t, m, views.PanelServices) }},
	{"staffing-full-screen", func(t *testing.T, m *Model) { zoomOn(t, m, views.PanelStaffing) }},
	{"options-compare", func(t *testing.T, m *Model) {
		press(t, m, "c")
		// four what-ifs of the file as columns, as O and three marks make them: made here
		// from the example, so that no temporary path shows
		base := m.Baseline()
		one, two := base.Clone(), base.Clone()
		two.Teams[two.TeamIndex("Checkout")].Headcount = 12
		one.Teams[one.TeamIndex("Operations SRE")].Org = orgs.OrgSRE
		three := one.Clone()
		three.Teams[three.TeamIndex("Online Shop")].Run = orgs.RunSRE
		c := &comparing{vp: viewport.New(0, 0), loading: true}
		m.showCompare(c)
		run(m, optionsReadyMsg{cmp: c, options: orgs.CompareOptions(
			[]string{"mixed.toml (example)", "mixed-scenario-1.toml", "mixed-scenario-2.toml", "mixed-scenario-3.toml"},
			[]*orgs.Org{base, one, two, three})})
		if m.compared() == nil || len(m.compared().options) != 4 {
			t.Fatalf("not four options: %+v", m.compared())
		}
	}},
	{"presentation-last", func(t *testing.T, m *Model) { press(t, m, "p", "end") }},
}

// zoomOn opens panel p full screen, chosen with tab as a user would.
func zoomOn(t *testing.T, m *Model, p views.PanelID) {
	t.Helper()
	for range 10 {
		if m.board.panel == p {
			break
		}
		press(t, m, "tab")
	}
	if m.board.panel != p {
		t.Fatalf("tab never chose %s", p.Title())
	}
	press(t, m, "z")
}

// movedModel is "mixed" at w x h with Operations SRE moved into the SRE org, selected.
func movedModel(t *testing.T, w, h int) *Model {
	m := newModel(t, "mixed", w, h)
	selectTeam(t, m, "Operations SRE")
	press(t, m, ">")
	return m
}

// TestScreensGolden pins every screen at every meeting size.
func TestScreensGolden(t *testing.T) {
	for _, sc := range screens {
		for _, sz := range meetingSizes {
			t.Run(fmt.Sprintf("%s/%dx%d", sc.name, sz[0], sz[1]), func(t *testing.T) {
				m := movedModel(t, sz[0], sz[1])
				sc.setup(t, m)
				v := m.View()
				checkView(t, m, sc.name)
				golden.RequireEqual(t, []byte(v))
			})
		}
	}
}

var moreMark = regexp.MustCompile(`v (\d+) more`)

// TestLayoutFollowsContent: at every meeting size, on small and large organizations and
// with each panel shown, the board never hides N teams while N rows of the screen are
// blank, no criteria value is cut at 120 columns or more, and the selected team's name
// always shows in full.
func TestLayoutFollowsContent(t *testing.T) {
	long := "Customer Identity and Access Management Platform"
	orgsUnder := map[string]func(t *testing.T, w, h int) *Model{
		"mixed":      func(t *testing.T, w, h int) *Model { return newModel(t, "mixed", w, h) },
		"ops-run-it": func(t *testing.T, w, h int) *Model { return newModel(t, "ops-run-it", w, h) },
		"200 teams":  func(t *testing.T, w, h int) *Model { return bigModel(t, 200, w, h) },
	}
	for name, open := range orgsUnder {
		for _, sz := range meetingSizes {
			m := open(t, sz[0], sz[1])
			// a team with a long name, selected
			press(t, m, "n")
			typeText(t, m, long)
			press(t, m, "enter")
			if m.Selected() != long {
				t.Fatalf("%s: the new team is not selected: %q", name, m.Selected())
			}
			for range 8 { // every panel in turn (tab does nothing where all show)
				v := m.View()
				where := fmt.Sprintf("%s %dx%d panel %s", name, sz[0], sz[1], m.board.panel.Title())
				checkBlankRows(t, v, where)
				checkNameInFull(t, v, long, where)
				if sz[0] >= 120 && (m.lay.Wide || m.board.panel.Title() == "Criteria") {
					checkCriteriaWhole(t, v, where)
				}
				press(t, m, "tab")
			}
		}
	}
}

// checkBlankRows fails when a board column hides N teams while N or more rows of the screen
// are left blank.
func checkBlankRows(t *testing.T, v, where string) {
	t.Helper()
	// a single blank line separates cards and paragraphs; rows left unused come in runs
	blank, run := 0, 0
	lines := strings.Split(v, "\n")
	for _, l := range append(lines[:len(lines)-2], "end") { // the status line may be empty by design
		if strings.TrimSpace(l) == "" {
			run++
			continue
		}
		if run >= 2 {
			blank += run
		}
		run = 0
	}
	for _, mm := range moreMark.FindAllStringSubmatch(v, -1) {
		if n, _ := strconv.Atoi(mm[1]); blank >= n && n > 0 {
			t.Errorf("%s: the board hides %d teams while %d rows are blank:\n%s", where, n, blank, v)
		}
	}
}

// checkNameInFull fails when the selected team's name is cut.
func checkNameInFull(t *testing.T, v, name, where string) {
	t.Helper()
	var got []string
	lines := strings.Split(v, "\n")
	for i, l := range lines {
		if k := strings.Index(l, "> Customer"); k >= 0 {
			// the name and its continuation lines, in the same column up to the gap
			// before the next column
			for j := i; j < len(lines) && j < i+4; j++ {
				r := []rune(lines[j])
				if k+2 >= len(r) {
					break
				}
				part, _, _ := strings.Cut(strings.TrimLeft(string(r[k+2:]), " "), "  ")
				got = append(got, strings.Fields(strings.TrimSuffix(part, " *"))...)
			}
			break
		}
	}
	joined := strings.Join(got, " ")
	if !strings.Contains(joined, name) {
		t.Errorf("%s: the selected team's name is cut (%q):\n%s", where, joined, v)
	}
}

// checkCriteriaWhole fails when a cell of the criteria table is cut.
func checkCriteriaWhole(t *testing.T, v, where string) {
	t.Helper()
	for _, l := range strings.Split(v, "\n") {
		if strings.Contains(l, "│") && strings.Contains(l, "…") {
			t.Errorf("%s: a criteria value is cut: %q\n%s", where, l, v)
			return
		}
	}
}

// screenName names the screen on top of m's stack, for test failures.
func screenName(m *Model) string { return fmt.Sprintf("%T", m.top()) }

// applies reports whether the board's row of kb has no reason not to apply now, as the help
// line and ? show it.
func applies(m *Model, kb key.Binding) bool {
	r, ok := rowFor(m.board.bindings(m.boardNow()), kb.Keys()[0])
	return ok && r.reason(m.shared) == ""
}

// onTop is the screen on top of m's stack when it is a T, or a T of nothing to read.
func onTop[T any](m *Model) *T {
	var top any = m.top()
	if s, ok := top.(*T); ok {
		return s
	}
	return new(T)
}
