package views

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/muesli/termenv"

	"github.com/sretopo/sretopo/orgs"
)

func TestMain(m *testing.M) {
	// the colour profile is fixed so output does not depend on whether stdout is a terminal
	lipgloss.SetColorProfile(termenv.Ascii)
	os.Exit(m.Run())
}

// example loads an embedded example as both baseline and current (a copy).
func example(t testing.TB, name string) (base, cur *orgs.Org) {
	t.Helper()
	ex, err := orgs.ExampleNamed(name)
	if err != nil {
		t.Fatal(err)
	}
	base, err = orgs.Load(name+".toml", ex.Data)
	if err != nil {
		t.Fatal(err)
	}
	return base, base.Clone()
}

// data builds what the model would hand the views, with the named team selected.
func data(t testing.TB, base, cur *orgs.Org, selected string, w, h int) *Data {
	t.Helper()
	an := orgs.Analyse(base, cur)
	ch := orgs.ChangesBetween(orgs.Analyse(base, base), an)
	d := &Data{
		Org:     cur,
		An:      an,
		Changes: &ch,
		Index:   NewIndex(cur, an),
		Header:  Header{File: "examples/x.toml", Baseline: "examples/x.toml"},
		Help:    "<> move  r run  u undo  s save  ? keys  q quit",
	}
	d.Board.Cols = Columns(cur)
	if i := cur.TeamIndex(selected); i >= 0 {
		c := ColumnOf(cur.Teams[i].Org)
		for r, j := range d.Board.Cols[c] {
			if j == i {
				d.Board.Focus, d.Board.Rows[c] = c, r
			}
		}
	}
	l := ComputeLayout(w, h, lipgloss.Height(d.Help))
	for c := range d.Board.Offsets {
		d.Board.Offsets[c] = ScrollOffset(d, l, c, 0)
	}
	return d
}

// checkFits fails when s draws outside w x h.
func checkFits(t *testing.T, s string, w, h int) {
	t.Helper()
	if s == "" {
		return
	}
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		t.Errorf("%dx%d: %d lines", w, h, len(lines))
	}
	for i, l := range lines {
		if lw := lipgloss.Width(l); lw > w {
			t.Errorf("%dx%d: line %d is %d wide: %q", w, h, i, lw, l)
		}
	}
}

var sizes = []struct{ w, h int }{{80, 24}, {120, 40}, {200, 60}}

func TestDashboardGolden(t *testing.T) {
	for _, ex := range []string{"health-platform", "mixed", "topology-6", "ops-run-it"} {
		for _, sz := range sizes {
			t.Run(fmt.Sprintf("%s/%dx%d", ex, sz.w, sz.h), func(t *testing.T) {
				base, cur := example(t, ex)
				d := data(t, base, cur, cur.Teams[0].Name, sz.w, sz.h)
				out := Dashboard(d, DefaultStyles(), sz.w, sz.h)
				checkFits(t, out, sz.w, sz.h)
				golden.RequireEqual(t, []byte(out))
			})
		}
	}
}

// goldenAt draws at each size (width, height) in a subtest of its own: the drawing must fit
// the terminal and be the subtest's golden file.
func goldenAt(t *testing.T, sizes [][2]int, draw func(t *testing.T, w, h int) string) {
	t.Helper()
	for _, sz := range sizes {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			out := draw(t, sz[0], sz[1])
			checkFits(t, out, sz[0], sz[1])
			golden.RequireEqual(t, []byte(out))
		})
	}
}

// movedMixed is the "mixed" example as the baseline and, as the current model, the same
// with moveSRE's three changes.
func movedMixed(t testing.TB) (base, cur *orgs.Org) {
	t.Helper()
	base, cur = example(t, "mixed")
	moveSRE(t, cur)
	return base, cur
}

// moveSRE is the planning meeting's first move: the ops org's SRE team into the SRE org,
// and one dev team to SRE run it.
func moveSRE(t testing.TB, cur *orgs.Org) {
	t.Helper()
	if _, err := cur.MoveTeam(cur.TeamIndex("Operations SRE"), +1); err != nil {
		t.Fatal(err)
	}
	if _, err := cur.CycleRun(cur.TeamIndex("Online Shop")); err != nil {
		t.Fatal(err)
	}
	if _, err := cur.AddHeadcount(cur.TeamIndex("Checkout"), +2); err != nil {
		t.Fatal(err)
	}
}

func TestDashboardChangedGolden(t *testing.T) {
	for _, sz := range sizes {
		t.Run(fmt.Sprintf("%dx%d", sz.w, sz.h), func(t *testing.T) {
			base, cur := movedMixed(t)
			d := data(t, base, cur, "Operations SRE", sz.w, sz.h)
			d.Header.Modified = true
			d.Status = `moved "Operations SRE" from the ops org to the SRE org`
			out := Dashboard(d, DefaultStyles(), sz.w, sz.h)
			checkFits(t, out, sz.w, sz.h)
			for _, want := range []string{"* modified", "Operations SRE *", "(was ops org)", "Development org", "Operations org", "SRE org"} {
				if !strings.Contains(out, want) {
					t.Errorf("missing %q", want)
				}
			}
			golden.RequireEqual(t, []byte(out))
		})
	}
}

func TestPanelsGolden(t *testing.T) {
	base, cur := movedMixed(t)
	for p := PanelID(0); p < panelCount; p++ {
		for _, sz := range []struct{ w, h int }{{60, 20}, {100, 30}} {
			t.Run(fmt.Sprintf("%s/%dx%d", p.Title(), sz.w, sz.h), func(t *testing.T) {
				d := data(t, base, cur, "Online Shop", 200, 60)
				out := strings.Join(renderPanel(p, d, DefaultStyles(), sz.w, sz.h), "\n")
				checkFits(t, out, sz.w, sz.h)
				golden.RequireEqual(t, []byte(out))
			})
		}
	}
}

func TestPresentGolden(t *testing.T) {
	base, cur := movedMixed(t)
	d := data(t, base, cur, "", 80, 24)
	d.Plan = orgs.MakePlan(base, cur)
	d.Help = "left previous  right/space next  0-6 opening, step  home/end first/last  ? keys"
	slides := Slides(d, DefaultStyles(), 80, 24, 1)
	for page, sl := range slides {
		t.Run(fmt.Sprintf("page%02d", page+1), func(t *testing.T) {
			d.Page = page
			out := Present(d, DefaultStyles(), 80, 24)
			checkFits(t, out, 80, 24)
			if !strings.Contains(out, sl.Counter()) || !strings.Contains(out, "? keys") {
				t.Errorf("no counter %q or no key footer:\n%s", sl.Counter(), out)
			}
			golden.RequireEqual(t, []byte(out))
		})
	}
	if last := slides[len(slides)-1]; last.Concern.Step != 6 || last.Page != last.Pages {
		t.Errorf("the last slide is %+v", last)
	}
}

// TestPanelsShowTheAnalysis checks what each panel says against the analysis, so a panel that
// drops a verdict fails here and not only in a golden file someone regenerates.
func TestPanelsShowTheAnalysis(t *testing.T) {
	base, cur := movedMixed(t)
	d := data(t, base, cur, "Online Shop", 200, 60)
	st := DefaultStyles()
	panel := func(p PanelID) string { return strings.Join(renderPanel(p, d, st, 100, 40), "\n") }
	checks := map[PanelID][]string{
		PanelTopology:    {"Topology 1: every developer an SRE on rotation", "not pure", "> T1", "T9", "T5: none now (-2)", "Run model mix"},
		PanelCriteria:    {"share of dev teams", "> you run it", "Involvement of the", "Cost"},
		PanelFunding:     {"CAPEX", "OPEX", "dev org", "ops org", "SRE org", "+"},
		PanelTransition:  {"Transition from the baseline: possible", "Online Shop: you run it -> you and SRE run it: possible", "hard       Operations SRE: moved from the ops org to the SRE org", "staffing"},
		PanelIdentity:    {"product-centric", "pride:", "X", "KPIs"},
		PanelPositioning: {"SRE as a Partner", "> SRE as a Partner", "Exploit revenue"},
		PanelAdvisories:  {"Point of Sale"},
	}
	for p, wants := range checks {
		out := panel(p)
		for _, want := range wants {
			if !strings.Contains(out, want) {
				t.Errorf("%s panel lacks %q:\n%s", p.Title(), want, out)
			}
		}
	}
	// the changed criterion cells are marked when the dominant model changes
	base2, cur2 := example(t, "topology-6")
	for i := range cur2.Teams {
		if cur2.Teams[i].Kind == orgs.KindDev {
			cur2.Teams[i].Run, cur2.Teams[i].RunWith, cur2.Teams[i].SRERole = orgs.RunYou, "", orgs.RoleRotation
		}
	}
	d2 := data(t, base2, cur2, "", 200, 60)
	out := strings.Join(renderPanel(PanelCriteria, d2, st, 120, 40), "\n")
	if !strings.Contains(out, "* Max") || !strings.Contains(out, "differs from the baseline") {
		t.Errorf("changed criteria not marked:\n%s", out)
	}
	if strings.Contains(out, "* CAPEX") {
		t.Errorf("an unchanged criterion (Funding) is marked:\n%s", out)
	}
}

// TestHostileNamesAreSanitized draws an organization whose names and texts hold terminal
// escapes: with the Ascii profile no styling is drawn, so no control character but the
// newline may appear in the output.
func TestHostileNamesAreSanitized(t *testing.T) {
	base, cur := example(t, "mixed")
	evil := "\x1b]52;c;cHduZWQ=\x07\x1b[2J\u202e\u009b31m"
	cur.Name = "Org" + evil
	cur.Teams[0].Name = "Team" + evil
	cur.KPIs = append(cur.KPIs, orgs.KPI{Identity: orgs.ProductCentric, Text: "kpi" + evil})
	cur.Defaults.Currency = "EUR" + evil
	for _, sz := range []struct{ w, h int }{{80, 24}, {200, 60}} {
		d := data(t, base, cur, cur.Teams[0].Name, sz.w, sz.h)
		d.Header.File = "file" + evil
		d.Status = "status" + evil
		outs := []string{Dashboard(d, DefaultStyles(), sz.w, sz.h)}
		for p := range panelCount {
			outs = append(outs, strings.Join(renderPanel(p, d, DefaultStyles(), sz.w, sz.h), "\n"))
		}
		for page := range Pages {
			d.Page = page
			outs = append(outs, Present(d, DefaultStyles(), sz.w, sz.h))
		}
		for _, out := range outs {
			for _, r := range out {
				if r != '\n' && orgs.IsControl(r) {
					t.Fatalf("%dx%d: control character %U drawn in:\n%s", sz.w, sz.h, r, out)
				}
			}
		}
	}
}

func TestTooSmall(t *testing.T) {
	out := Dashboard(&Data{}, DefaultStyles(), 59, 30)
	if !strings.Contains(out, "terminal too small (need 60x16)") {
		t.Errorf("got %q", out)
	}
	out = Dashboard(&Data{}, DefaultStyles(), 100, 15)
	if !strings.Contains(out, "terminal too small") {
		t.Errorf("got %q", out)
	}
	for _, sz := range []struct{ w, h int }{{0, 0}, {1, 1}, {0, 5}, {5, 0}, {3, 2}, {12, 3}} {
		out := Dashboard(&Data{}, DefaultStyles(), sz.w, sz.h)
		checkFits(t, out, sz.w, sz.h)
		if sz.w == 0 || sz.h == 0 {
			if out != "" {
				t.Errorf("%dx%d: drew %q", sz.w, sz.h, out)
			}
		}
	}
}

// TestLayoutAtEverySize draws the board and every panel at many sizes, with the selection
// at the top, in the middle and at the bottom of a long column, and checks nothing is drawn
// outside the terminal.
func TestLayoutAtEverySize(t *testing.T) {
	base, cur := movedMixed(t)
	st := DefaultStyles()
	for w := 0; w <= 210; w += 11 {
		for h := 0; h <= 64; h += 5 {
			for _, sel := range []string{"Customer Accounts", "Reliability Engineering"} {
				d := data(t, base, cur, sel, w, h)
				for p := range panelCount {
					d.Panel = p
					checkFits(t, Dashboard(d, st, w, h), w, h)
				}
				d.Dialog = &Dialog{Title: "New team", Body: "  name\n> kind  < dev >", Error: "the name is already used"}
				checkFits(t, Dashboard(d, st, w, h), w, h)
				for page := range Pages {
					d.Page = page
					checkFits(t, Present(d, st, w, h), w, h)
				}
			}
		}
	}
}

// TestScrollKeepsSelectionVisible walks the selection down and up a long column at several
// heights: the selected card is always drawn, and a click on it hits it.
func TestScrollKeepsSelectionVisible(t *testing.T) {
	base, cur := example(t, "mixed")
	for k := 0; k < 40; k++ {
		if _, err := cur.AddTeam(orgs.Team{Name: fmt.Sprintf("Extra %02d", k), Org: orgs.OrgDev, Kind: orgs.KindDev, Headcount: 3}); err != nil {
			t.Fatal(err)
		}
	}
	for _, sz := range []struct{ w, h int }{{60, 16}, {80, 24}, {120, 40}, {200, 60}} {
		d := data(t, base, cur, "Online Shop", sz.w, sz.h)
		l := LayoutFor(d, DefaultStyles(), sz.w, sz.h)
		n := len(d.Board.Cols[0])
		walk := make([]int, 0, 2*n)
		for r := 0; r < n; r++ {
			walk = append(walk, r)
		}
		for r := n - 1; r >= 0; r-- {
			walk = append(walk, r)
		}
		for _, r := range walk {
			d.Board.Rows[0] = r
			d.Board.Offsets[0] = ScrollOffset(d, l, 0, d.Board.Offsets[0])
			w := layoutColumn(d, l, 0, d.Board.Offsets[0])
			if !visible(w, r) {
				t.Fatalf("%dx%d: row %d not visible at offset %d", sz.w, sz.h, r, d.Board.Offsets[0])
			}
			name := S(cur.Teams[d.Board.Cols[0][r]].Name)
			out := Dashboard(d, DefaultStyles(), sz.w, sz.h)
			if !strings.Contains(out, GlyphSelected+" "+name[:8]) {
				t.Fatalf("%dx%d: row %d (%s) selected but not drawn:\n%s", sz.w, sz.h, r, name, out)
			}
			// a click on the selected card's first line selects it
			for _, p := range w.cards {
				if p.row == r {
					c, row, ok := HitCard(d, l, 3, l.Columns[0].Y+columnTitle+p.line)
					if !ok || c != 0 || row != r {
						t.Fatalf("%dx%d: click on row %d hit %d,%d,%v", sz.w, sz.h, r, c, row, ok)
					}
				}
			}
		}
	}
}

func TestTeamChanges(t *testing.T) {
	base, cur := example(t, "mixed")
	cur.MoveTeam(cur.TeamIndex("Operations SRE"), +1)
	cur.CycleRun(cur.TeamIndex("Online Shop"))
	cur.CycleSRERole(cur.TeamIndex("Checkout"))
	cur.AddHeadcount(cur.TeamIndex("Payments"), -1)
	cur.CycleRunWith(cur.TeamIndex("Customer Accounts"))
	cur.AddTeam(orgs.Team{Name: "Gift Cards", Org: orgs.OrgDev, Kind: orgs.KindDev, Headcount: 3})
	d := data(t, base, cur, "", 200, 60)
	for name, want := range map[string]string{
		"Operations SRE":    "(was ops org)",
		"Online Shop":       "(was you run it)",
		"Checkout":          "(was dedicated)",
		"Payments":          "(was 6 people)",
		"Customer Accounts": "(was with Digital Reliability)",
		"Gift Cards":        "(new team)",
		"Product Search":    "",
	} {
		changed, got := TeamChanges(d, cur.TeamIndex(name))
		if got != want || changed != (want != "") {
			t.Errorf("%s: got %v %q, want %q", name, changed, got, want)
		}
	}
}

func TestFitTruncWrap(t *testing.T) {
	if got := Fit("abcdef\nghi\njkl", 4, 2); got != "abcd\nghi" {
		t.Errorf("Fit = %q", got)
	}
	if got := Trunc("abcdef", 4); got != "abc…" {
		t.Errorf("Trunc = %q", got)
	}
	if got := Trunc("abcdef", 1); got != "a" {
		t.Errorf("Trunc 1 = %q", got)
	}
	if got := Pad("ab", 4); got != "ab  " {
		t.Errorf("Pad = %q", got)
	}
	if got := Wrap("one two three four", 9); strings.Join(got, "|") != "one two|three|four" {
		t.Errorf("Wrap = %q", got)
	}
	if got := Wrap("abcdefghij", 4); strings.Join(got, "|") != "abcd|efgh|ij" {
		t.Errorf("Wrap long word = %q", got)
	}
	if got := BigWidth("T6"); got != 11 {
		t.Errorf("BigWidth = %d", got)
	}
	if Big("é") != nil {
		t.Error("Big drew a rune the font lacks")
	}
}

func TestTriangleMarksTheWeightedPosition(t *testing.T) {
	st := DefaultStyles()
	find := func(lines []string) (int, int) {
		// the grid only: the rows under the top label, above the corner labels (whose
		// "UX" holds the marker's letter)
		for r, l := range lines[:8] {
			if c := strings.Index(l, GlyphMarker); c >= 0 {
				return r, c
			}
		}
		return -1, -1
	}
	one := func(w [3]float64) orgs.IdentityVerdict {
		id := orgs.ProductCentric
		return orgs.IdentityVerdict{Dominant: &id, Weights: w}
	}
	r, c := find(Triangle(st, one([3]float64{1, 0, 0}), 40, 7))
	if r != 1 || c != 20 { // the apex, just under the top label
		t.Errorf("product at %d,%d", r, c)
	}
	rl, cl := find(Triangle(st, one([3]float64{0, 1, 0}), 40, 7))
	rr, cr := find(Triangle(st, one([3]float64{0, 0, 1}), 40, 7))
	if rl != 7 || rr != 7 || cl >= 20 || cr <= 20 {
		t.Errorf("incident at %d,%d; reliability UX at %d,%d", rl, cl, rr, cr)
	}
	if r, _ := find(Triangle(st, orgs.IdentityVerdict{}, 40, 7)); r != -1 {
		t.Error("a marker without an identity")
	}
}

// TestDashboardColourGolden pins the dashboard's colours, which the other goldens (drawn
// without colour) do not: the views style text without lipgloss' general rendering where
// they can (fast.go), and must put out exactly what it would.
func TestDashboardColourGolden(t *testing.T) {
	defer lipgloss.SetColorProfile(termenv.Ascii)
	defer lipgloss.SetHasDarkBackground(lipgloss.HasDarkBackground())
	for _, tc := range []struct {
		name    string
		profile termenv.Profile
		dark    bool
		w, h    int
	}{
		{"truecolor-dark", termenv.TrueColor, true, 200, 60},
		{"ansi256-light", termenv.ANSI256, false, 100, 30},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lipgloss.SetColorProfile(tc.profile)
			lipgloss.SetHasDarkBackground(tc.dark)
			base, cur := movedMixed(t)
			d := data(t, base, cur, "Operations SRE", tc.w, tc.h)
			d.Header.Modified = true
			d.Status = "no team matches \"zz\""
			d.StatusError = true
			out := Dashboard(d, DefaultStyles(), tc.w, tc.h)
			checkFits(t, out, tc.w, tc.h)
			golden.RequireEqual(t, []byte(out))
		})
	}
}

// TestAdvisoriesSayWhatIsNew: an advisory raised or changed since the baseline is marked in
// words ("* new: ...", "* changed: ..."), and one the change cleared is listed as cleared.
func TestAdvisoriesSayWhatIsNew(t *testing.T) {
	base, cur := example(t, "topology-5")
	for i := range cur.Teams {
		if cur.Teams[i].Kind == orgs.KindSRE {
			cur.Teams[i].Org = orgs.OrgSRE // the talk's case: the SRE team into an SRE org
		}
	}
	cur.Teams = cur.Teams[:len(cur.Teams)-1]
	d := data(t, base, cur, "", 120, 40)
	out := strings.Join(renderPanel(PanelAdvisories, d, DefaultStyles(), 200, 60), "\n")
	marked := 0
	for i, m := range d.Changes.AdvisoryMarks {
		if m == orgs.AdvisorySame {
			continue
		}
		marked++
		first, _, _ := strings.Cut(d.An.Advisories[i].Message, ":")
		if !strings.Contains(out, GlyphChanged+" "+string(m)+": "+first) {
			t.Errorf("advisory %q not marked %q:\n%s", d.An.Advisories[i].Message, m, out)
		}
	}
	for _, a := range d.Changes.Cleared {
		first, _, _ := strings.Cut(a.Message, ":")
		if !strings.Contains(out, GlyphChanged+" cleared: "+first) {
			t.Errorf("cleared advisory %q not listed:\n%s", a.Message, out)
		}
	}
	if marked+len(d.Changes.Cleared) == 0 {
		t.Fatalf("the change marks no advisory: nothing tested\n%s", out)
	}
}

// TestEveryPageHasABody: presentation mode draws each of Pages with the body of its place.
func TestEveryPageHasABody(t *testing.T) {
	if len(pageBodies) != len(Pages) {
		t.Errorf("%d pages, %d bodies", len(Pages), len(pageBodies))
	}
}
