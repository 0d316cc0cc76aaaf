package views

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/sretopo/sretopo/orgs"
)

// compareData is what the model hands the compare screen: the baseline on the left, the
// current model on the right, every verdict from orgs.
func compareData(base, cur *orgs.Org) *Compare {
	return &Compare{
		LeftName: "examples/mixed.toml", RightName: "examples/mixed-scenario-1.toml",
		LeftRole: "baseline", RightRole: "unsaved",
		LeftOrg: base, RightOrg: cur,
		Diff:  orgs.Compare("examples/mixed.toml", base, "examples/mixed-scenario-1.toml", cur),
		Left:  orgs.Analyse(base, base),
		Right: orgs.Analyse(base, cur),
	}
}

func drawCompare(c *Compare, st Styles, w, h, offset int) string {
	d := &Data{Status: "side A is the baseline", Help: "up/down scroll  pgup/pgdn page  L other file as A  esc/c back to the board  q quit"}
	return DrawScreen(Screen{Title: CompareTitle(c), Head: CompareHead(c, st, w), Body: CompareBody(c, st, w), Offset: offset}, d, st, w, h)
}

func TestCompareGolden(t *testing.T) {
	base, cur := movedMixed(t)
	c := compareData(base, cur)
	goldenAt(t, [][2]int{{80, 24}, {200, 60}}, func(t *testing.T, w, h int) string {
		out := drawCompare(c, DefaultStyles(), w, h, 0)
		if got := strings.Count(out, "\n") + 1; got != h {
			t.Errorf("%d lines, want the full height %d", got, h)
		}
		return out
	})
}

// TestCompareShowsEveryVerdict reads the whole body (scrolled or not) for what the diff and
// the analyses say, so that a dropped verdict fails here and not only in a golden file.
func TestCompareShowsEveryVerdict(t *testing.T) {
	base, cur := movedMixed(t)
	cur.Teams = append(cur.Teams, orgs.Team{Name: "Gift Cards", Org: orgs.OrgDev, Kind: orgs.KindDev, Headcount: 4, Run: orgs.RunYou, SRERole: orgs.RoleRotation, OnCall: orgs.OnCall8x5})
	c := compareData(base, cur)
	for _, w := range []int{80, 120, 200} {
		body := strings.Join(CompareBody(c, DefaultStyles(), w), "\n")
		for _, want := range []string{
			"Operations SRE", "ops org", "SRE org (moved)", // a move, as a move
			"Online Shop", "you run it", "you and SRE run it", // a run model change
			"Checkout", "8 people", "10 people (+2)", // headcount
			"Gift Cards", "added: dev org dev team,",
			"Topology", "dominant", "pure", "topology 6", // topology and its mix
			"Run models", "SRE run it", // the run-model mix
			"Funding", "CAPEX", "OPEX", "SRE org budget", "(+", // funding with deltas
			"Transition from A to B", "verdict", "possible", "reporting lines", // transition and decisions, in words
			"SRE identity", "product-centric", // identity
			"KPIs",                // KPIs
			"Advisories", "count", // advisories
		} {
			if !strings.Contains(body, want) {
				t.Errorf("width %d: the compare body lacks %q:\n%s", w, want, body)
			}
		}
		// the moved team's row is marked changed without colour
		for _, l := range strings.Split(body, "\n") {
			if strings.Contains(l, "SRE org (moved)") && !strings.HasPrefix(l, GlyphChanged+" Operations SRE") {
				t.Errorf("width %d: the move is not marked: %q", w, l)
			}
		}
	}
	// the same organization on both sides says so
	same := compareData(base, base.Clone())
	if body := strings.Join(CompareBody(same, DefaultStyles(), 80), "\n"); !strings.Contains(body, "No difference") {
		t.Errorf("no difference not said:\n%s", body)
	}
}

// TestCompareAndFileListFit draws the compare screen and the file list at many sizes and
// scroll positions: nothing outside the terminal, and the full height is used.
func TestCompareAndFileListFit(t *testing.T) {
	base, cur := movedMixed(t)
	c := compareData(base, cur)
	st := DefaultStyles()
	at := time.Date(2026, 1, 5, 14, 3, 0, 0, time.UTC)
	fl := &FileList{Title: "Open a file", Dir: "examples", Baseline: "examples/mixed.toml", Current: "examples/mixed.toml", Files: []orgs.OrgFile{
		{Path: "examples/mixed-scenario-1.toml", Name: "Harbor Lane Retail", Title: "SRE org grows", SavedAt: &at, OfBaseline: true},
		{Path: "examples/broken.toml", Problem: "broken.toml:1:1: format is missing"},
		{Path: "examples/mixed.toml", Name: "Harbor Lane Retail"},
	}}
	for w := 0; w <= 210; w += 13 {
		for h := 0; h <= 64; h += 7 {
			for _, off := range []int{0, 5, 1000} {
				checkFits(t, drawCompare(c, st, w, h, off), w, h)
				fl.Cursor = off % len(fl.Files)
				lines, _ := FileListBody(fl, st, w)
				out := DrawScreen(Screen{Title: fl.Title, Body: lines, Offset: off}, &Data{Help: "up/down choose  enter open  esc back"}, st, w, h)
				checkFits(t, out, w, h)
				if w >= MinWidth && h >= MinHeight && strings.Count(out, "\n")+1 != h {
					t.Errorf("%dx%d: the page does not use the full height", w, h)
				}
			}
		}
	}
	fl.Cursor = 0
	lines, cursor := FileListBody(fl, st, 80)
	out := strings.Join(lines, "\n")
	for _, want := range []string{"Scenarios of mixed.toml", `"SRE org grows"`, "saved 2026-01-05", "! does not load: broken.toml:1:1: format is missing", "(open now)", "Other files in examples"} {
		if !strings.Contains(out, want) {
			t.Errorf("the file list lacks %q:\n%s", want, out)
		}
	}
	if !strings.HasPrefix(lines[cursor], GlyphSelected+" mixed-scenario-1.toml") {
		t.Errorf("cursor line %d: %q", cursor, lines[cursor])
	}
	for _, l := range lines {
		if lipgloss.Width(l) > 80 {
			t.Errorf("line wider than 80: %q", l)
		}
	}
}

// TestCompareAndFileListSanitize draws names and file names holding terminal escapes: no
// control character but the newline reaches the terminal.
func TestCompareAndFileListSanitize(t *testing.T) {
	evil := "\x1b]52;c;cHduZWQ=\x07\x1b[2J\u202e\u009b31m"
	base, cur := example(t, "mixed")
	cur.Teams[0].Name = "Team" + evil
	cur.KPIs = append(cur.KPIs, orgs.KPI{Identity: orgs.ProductCentric, Text: "kpi" + evil})
	c := compareData(base, cur)
	c.LeftName, c.RightName = "left"+evil+".toml", "right"+evil+".toml"
	fl := &FileList{Title: "Open", Dir: "dir" + evil, Baseline: "b" + evil, Files: []orgs.OrgFile{
		{Path: "a" + evil + ".toml", Name: "Org" + evil, Title: "t" + evil, OfBaseline: true},
		{Path: "b" + evil + ".toml", Problem: "p" + evil},
	}}
	for _, w := range []int{80, 200} {
		lines, _ := FileListBody(fl, DefaultStyles(), w)
		for _, out := range []string{drawCompare(c, DefaultStyles(), w, 60, 0), strings.Join(lines, "\n")} {
			for _, r := range out {
				if r != '\n' && orgs.IsControl(r) {
					t.Fatalf("control character %U drawn in:\n%s", r, out)
				}
			}
		}
	}
}

// TestCompareShowsTheCriteriaOfBothSides: comparing two sides shows the nine criteria of
// each side's dominant run model, as the talk's Compare step puts them side by side.
func TestCompareShowsTheCriteriaOfBothSides(t *testing.T) {
	base, _ := example(t, "ops-run-it")
	_, cur := example(t, "topology-1")
	c := compareData(base, cur)
	for _, w := range []int{80, 200} {
		body := ansi.Strip(strings.Join(CompareBody(c, DefaultStyles(), w), "\n"))
		if !strings.Contains(body, "Criteria of the dominant run model") {
			t.Fatalf("width %d: no criteria section:\n%s", w, body)
		}
		for _, side := range []*orgs.Analysis{c.Left, c.Right} {
			col := side.RunModel.Dominant.Column()
			for _, cr := range orgs.Criteria {
				if v := strings.Fields(cr.Values[col])[0]; !strings.Contains(body, v) {
					t.Errorf("width %d: %s's value %q is missing", w, cr.Name, cr.Values[col])
				}
			}
		}
	}
}

// TestCompareSaysMixedWithoutAMajority: comparing mixed with bank, whose dominant run model
// covers no majority of its dev teams, the dominant run model row says "mixed, largest" on
// bank's side only, marked changed.
func TestCompareSaysMixedWithoutAMajority(t *testing.T) {
	base, _ := example(t, "mixed")
	bank, _ := example(t, "bank")
	c := &Compare{LeftName: "mixed.toml", RightName: "bank.toml", LeftOrg: base, RightOrg: bank,
		Diff: orgs.Compare("mixed.toml", base, "bank.toml", bank), Left: orgs.Analyse(base, base), Right: orgs.Analyse(base, bank)}
	for _, r := range runModelSection(c).rows {
		if r.label != "dominant" {
			continue
		}
		if strings.HasPrefix(r.left, "mixed") || !strings.HasPrefix(r.right, "mixed, largest: ") || !r.changed {
			t.Errorf("the dominant run model row is %q | %q (changed %v), want mixed, largest on bank's side only", r.left, r.right, r.changed)
		}
		return
	}
	t.Error("no dominant run model row")
}
