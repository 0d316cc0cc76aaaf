package views

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/words"
)

// unorganizedBut makes every dev team of cur unorganized but the first keep ones, which
// keep running what they build (topology 1).
func unorganizedBut(cur *orgs.Org, keep int) {
	for i := range cur.Teams {
		t := &cur.Teams[i]
		if t.Kind != orgs.KindDev {
			continue
		}
		if keep > 0 {
			keep--
			t.Run, t.RunWith, t.SRERole = orgs.RunYou, "", orgs.RoleRotation
			continue
		}
		t.Run, t.RunWith = orgs.RunNone, ""
	}
}

// TestTopologyPanelWordsAnUnorganizedMajority: with most dev teams unorganized there is no
// dominant topology (rules.md 1), but two dev teams are in topology 1; the panel says why
// there is none, not that no dev team is in one of the nine.
func TestTopologyPanelWordsAnUnorganizedMajority(t *testing.T) {
	base, cur := example(t, "mixed")
	unorganizedBut(cur, 2)
	d := data(t, base, cur, "", 200, 60)
	if d.An.Topology.Dominant != nil || d.An.RunModel.Dominant == nil || *d.An.RunModel.Dominant != orgs.Unorganized {
		t.Fatalf("the case is not an unorganized majority: %+v", d.An.RunModel.Dominant)
	}
	out := strings.Join(renderPanel(PanelTopology, d, DefaultStyles(), 100, 40), "\n")
	if strings.Contains(out, "no dev team is in one of the nine") {
		t.Errorf("the panel says no dev team is in the nine above a topology mix:\n%s", out)
	}
	for _, want := range []string{"No dominant topology", "unorganized", "of " + strconv.Itoa(d.An.Summary.DevTeams) + " dev teams", "> unorganized", "T1"} {
		if !strings.Contains(out, want) {
			t.Errorf("the panel lacks %q:\n%s", want, out)
		}
	}
}

// TestMatrixMarksTheRowMovedFrom: after every dev team moves to ops run it, the transition
// matrix marks the baseline's dominant model as the row moved from, not ops run it.
func TestMatrixMarksTheRowMovedFrom(t *testing.T) {
	base, cur := example(t, "mixed")
	for i := range cur.Teams {
		if cur.Teams[i].Kind == orgs.KindDev {
			cur.Teams[i].Run, cur.Teams[i].RunWith = orgs.RunOps, ""
		}
	}
	d := data(t, base, cur, "", 200, 60)
	was := orgs.Analyse(base, base).RunModel.Dominant
	if was == nil || *was == orgs.OpsRunIt || *d.An.RunModel.Dominant != orgs.OpsRunIt {
		t.Fatalf("the case does not move the dominant model to ops run it")
	}
	out := strings.Join(presentMatrix(d, DefaultStyles(), 120, 40), "\n")
	matrix, _, _ := strings.Cut(out, "\n\n")
	for _, l := range strings.Split(matrix, "\n") {
		marked := strings.HasPrefix(l, GlyphSelected+" ")
		row := strings.TrimSpace(strings.TrimPrefix(l, GlyphSelected))
		if marked && !strings.HasPrefix(row, words.RunModelShort(*was)) {
			t.Errorf("the row marked is not the baseline's %s: %q\n%s", words.RunModelShort(*was), l, out)
		}
		if !marked && strings.HasPrefix(row, words.RunModelShort(*was)+" ") {
			t.Errorf("the baseline's row is not marked: %q\n%s", l, out)
		}
	}
	if !strings.Contains(out, "the row moved from; now ops run it") {
		t.Errorf("the matrix does not say which row is marked and what the model is now:\n%s", out)
	}
}

// shownTeams is the number of teams whose cards the board draws in d's layout at w x h.
func shownTeams(d *Data, w, h int) int {
	l := LayoutFor(d, DefaultStyles(), w, h)
	if l.TooSmall {
		return 0
	}
	n := 0
	for c := range d.Board.Cols {
		n += len(layoutColumn(d, l, c, ScrollOffset(d, l, c, 0)).cards)
	}
	return n
}

// TestBiggerWindowShowsNoFewerTeams: a window at least as wide and as tall as another never
// shows fewer teams on the board (mixed once showed all 14 dev-org teams at 160x45 and
// three fewer at 200x50, where the panels move beside the board).
func TestBiggerWindowShowsNoFewerTeams(t *testing.T) {
	widths := []int{80, 100, 120, 160, 199, 200, 220, 260}
	heights := []int{24, 30, 35, 45, 50, 55, 60}
	for _, ex := range orgs.Examples() {
		name := ex.Name
		base, cur := example(t, name)
		shown := map[[2]int]int{}
		for _, w := range widths {
			for _, h := range heights {
				d := data(t, base, cur, cur.Teams[0].Name, w, h)
				shown[[2]int{w, h}] = shownTeams(d, w, h)
			}
		}
		for a, na := range shown {
			for b, nb := range shown {
				if b[0] >= a[0] && b[1] >= a[1] && nb < na {
					t.Errorf("%s: %dx%d shows %d teams, %dx%d only %d", name, a[0], a[1], na, b[0], b[1], nb)
				}
			}
		}
	}
	base, cur := example(t, "mixed")
	if d := data(t, base, cur, cur.Teams[0].Name, 200, 50); shownTeams(d, 200, 50) != len(cur.Teams) {
		t.Errorf("mixed at 200x50 shows %d of %d teams", shownTeams(d, 200, 50), len(cur.Teams))
	}
}

// meetingSizes are the five sizes a meeting room is run at.
var meetingSizes = []struct{ w, h int }{{80, 24}, {120, 35}, {160, 45}, {200, 50}, {220, 60}}

// TestVerdictStripAtEverySize: the line under the header holds every headline verdict, each
// marked when it differs from the baseline, whole at every meeting size; at 200x55 the
// Identity panel that changed may be off screen, its verdict is not.
func TestVerdictStripAtEverySize(t *testing.T) {
	base, cur := movedMixed(t)
	for _, sz := range append(meetingSizes, struct{ w, h int }{200, 55}) {
		t.Run(fmt.Sprintf("%dx%d", sz.w, sz.h), func(t *testing.T) {
			d := data(t, base, cur, "Online Shop", sz.w, sz.h)
			lines := strings.Split(Dashboard(d, DefaultStyles(), sz.w, sz.h), "\n")
			line := strings.TrimRight(lines[1], " ")
			if strings.Contains(line, "…") {
				t.Errorf("the strip is cut: %q", line)
			}
			an := d.An
			want := []struct {
				says    string
				changed bool
			}{
				{"T" + strconv.Itoa(*an.Topology.Dominant), d.Changes.Topology},
				{runModelOnStrip(an), d.Changes.RunModel},
				{words.Identity(an.Identity.Dominant), d.Changes.Identity},
				{"CAPEX " + words.Number(int64(an.Funding.CAPEX.Headcount)), d.Changes.Funding},
				{an.Transition.Verdict.Words(), d.Changes.Transition},
				{"hire", d.Changes.Staffing},
			}
			for _, w := range want {
				at := strings.Index(line, w.says)
				if at < 0 && w.says == words.Identity(an.Identity.Dominant) {
					at = strings.Index(line, words.IdentityShort(an.Identity.Dominant))
				}
				if at < 0 {
					t.Errorf("the strip lacks %q: %q", w.says, line)
					continue
				}
				// the mark sits before the part: the part starts after two spaces or the line start
				start := strings.LastIndex(line[:at], "  ") + 2
				if start < 2 {
					start = 0
				}
				if marked := strings.HasPrefix(line[start:], GlyphChanged); marked != w.changed {
					t.Errorf("%q marked %v, changed %v: %q", w.says, marked, w.changed, line)
				}
			}
			if sz.h != 55 {
				golden.RequireEqual(t, []byte(line+"\n"))
			}
		})
	}
}

// TestPlanSaysItsDecisionsInWords: the plan names a target made from its own base "the
// current model" and says each decision's kind in words, never its code.
func TestPlanSaysItsDecisionsInWords(t *testing.T) {
	base, cur := movedMixed(t)
	p := &PlanView{BaseName: "mixed.toml", TargetName: "mixed.toml", Plan: orgs.MakePlan(base, cur)}
	lines, _ := PlanBody(p, DefaultStyles(), 200, 0)
	body := strings.Join(lines, "\n")
	if !strings.Contains(body, "Plan from mixed.toml to the current model") {
		t.Errorf("the plan does not name the current model:\n%s", body)
	}
	for _, code := range []string{"reporting-lines", "who-runs-it", "mixed.toml to mixed.toml"} {
		if strings.Contains(body, code) {
			t.Errorf("the plan says %q:\n%s", code, body)
		}
	}
}

// TestAChangeOfOnePersonSaysPerson: the Funding panel's change of one person says "+1
// person", in the words package's one wording of a change of people.
func TestAChangeOfOnePersonSaysPerson(t *testing.T) {
	base, cur := example(t, "mixed")
	if _, err := cur.AddHeadcount(cur.TeamIndex("Checkout"), +1); err != nil {
		t.Fatal(err)
	}
	d := data(t, base, cur, "", 200, 60)
	out := strings.Join(renderPanel(PanelFunding, d, DefaultStyles(), 100, 40), "\n")
	if strings.Contains(out, "+1 people") || !strings.Contains(out, "+1 person") {
		t.Errorf("a change of one person:\n%s", out)
	}
}

// TestCriteriaAt80ColumnsCutNoValue: at 80x24 the criteria panel shows the dominant
// model's values whole and says that z shows the others; full screen shows all four, whole.
func TestCriteriaAt80ColumnsCutNoValue(t *testing.T) {
	base, cur := example(t, "mixed")
	d := data(t, base, cur, "", 80, 24)
	d.Panel = PanelCriteria
	out := Dashboard(d, DefaultStyles(), 80, 24)
	if !strings.Contains(out, "z: the other three run models") {
		t.Errorf("the board does not say where the other models are:\n%s", out)
	}
	full := strings.Join(PanelLines(PanelCriteria, d, DefaultStyles(), 80), "\n")
	for _, cv := range d.An.Criteria {
		for c, v := range cv.Values {
			if !strings.Contains(strings.Join(strings.Fields(full), " "), v) {
				t.Errorf("full screen lacks %s's value %q", words.RunModelShort(orgs.ComparedModels[c]), v)
			}
		}
	}
	panel := out[strings.Index(out, "[Criteria]"):]
	if strings.Contains(panel+full, "…") {
		t.Errorf("a value is cut:\n%s\n%s", out, full)
	}
}

// runModelOnStrip is what the strip says of the dominant run model at its narrowest: its
// short form, or "mixed" when it covers no majority of the dev teams.
func runModelOnStrip(an *orgs.Analysis) string {
	if !an.RunModel.Majority {
		return "mixed"
	}
	return words.RunModelShort(*an.RunModel.Dominant)
}

// TestStripWholeForEveryExampleAt80: at 80 columns the strip of every embedded example is
// whole, its risk included where services have rates: a transition that moved nothing is
// what gives way first, never a verdict cut with "…".
func TestStripWholeForEveryExampleAt80(t *testing.T) {
	for _, ex := range orgs.Examples() {
		t.Run(ex.Name, func(t *testing.T) {
			base, cur := example(t, ex.Name)
			d := data(t, base, cur, cur.Teams[0].Name, 80, 24)
			line := strings.TrimRight(strings.Split(Dashboard(d, DefaultStyles(), 80, 24), "\n")[1], " ")
			if strings.Contains(line, "…") {
				t.Errorf("the strip is cut: %q", line)
			}
			if d.An.Risk != nil && !strings.Contains(line, "breach "+words.Number(int64(len(d.An.Risk.LikelyBreach)))) {
				t.Errorf("the strip lacks the risk: %q", line)
			}
		})
	}
}

// TestStripSaysTheDecisionsItMarks: a new team changes no run model, yet the Transition
// panel holds its decision and the strip marks the transition; the strip then says how many
// decisions, at every meeting size, so the mark is not beside a bare "unchanged".
func TestStripSaysTheDecisionsItMarks(t *testing.T) {
	base, cur := example(t, "health-platform")
	if _, err := cur.AddTeam(orgs.Team{Name: "SRE Core", Kind: orgs.KindSRE, Org: orgs.OrgOps, Headcount: 8}); err != nil {
		t.Fatal(err)
	}
	for _, sz := range meetingSizes {
		d := data(t, base, cur, "Viewer", sz.w, sz.h)
		n := len(d.An.Transition.Decisions)
		if d.An.Transition.Verdict != orgs.VerdictUnchanged || n == 0 || !d.Changes.Transition {
			t.Fatalf("a new team: verdict %s, %d decisions, marked %v", d.An.Transition.Verdict, n, d.Changes.Transition)
		}
		line := strings.Split(Dashboard(d, DefaultStyles(), sz.w, sz.h), "\n")[1]
		if !strings.Contains(line, GlyphChanged+words.Count(n, "decision")) && !strings.Contains(line, ", "+words.Count(n, "decision")) {
			t.Errorf("%dx%d: the strip does not say the %d decisions it marks: %q", sz.w, sz.h, n, line)
		}
	}
}

// TestStripTakesASecondLineRatherThanCut: the talk's case moved to topology 5 on the
// dashboard (a new SRE team in the ops org running with every dev team) marks nearly every
// verdict; at 80 columns they do not fit on one line, so the strip takes two, every verdict
// whole, and the screen keeps its height.
func TestStripTakesASecondLineRatherThanCut(t *testing.T) {
	base, cur := talkAtTopology5(t)
	for _, sz := range meetingSizes {
		d := data(t, base, cur, "Viewer", sz.w, sz.h)
		if d.An.Topology.Dominant == nil || *d.An.Topology.Dominant != 5 || d.An.Risk == nil {
			t.Fatalf("the what-if is not topology 5 with risk: %+v", d.An.Topology)
		}
		lines := strings.Split(Dashboard(d, DefaultStyles(), sz.w, sz.h), "\n")
		if len(lines) != sz.h {
			t.Errorf("%dx%d: %d lines", sz.w, sz.h, len(lines))
		}
		strip := lines[1]
		if !strings.HasPrefix(lines[2], "Development org") {
			strip += "\n" + lines[2]
		}
		if strings.Contains(strip, "…") || !strings.Contains(strip, "breach "+words.Number(int64(len(d.An.Risk.LikelyBreach)))) {
			t.Errorf("%dx%d: the strip is cut or lacks the risk:\n%s", sz.w, sz.h, strip)
		}
	}
}

// talkAtTopology5 is the talk's case and the what-if a meeting plays on it: a new SRE team in
// the ops org that every dev team runs its services with (topology 5).
func talkAtTopology5(t *testing.T) (base, cur *orgs.Org) {
	t.Helper()
	base, cur = example(t, "health-platform")
	if _, err := cur.AddTeam(orgs.Team{Name: "SRE Core", Kind: orgs.KindSRE, Org: orgs.OrgOps, Headcount: 8, OnCall: orgs.OnCall24x7}); err != nil {
		t.Fatal(err)
	}
	for i := range cur.Teams {
		if cur.Teams[i].Kind == orgs.KindDev {
			cur.Teams[i].Run, cur.Teams[i].RunWith, cur.Teams[i].SRERole = orgs.RunYouAndSRE, "SRE Core", ""
		}
	}
	return base, cur
}

// talkAtTopology5At80 is the dashboard's data of talkAtTopology5 at 80x24, Viewer selected.
func talkAtTopology5At80(t *testing.T) *Data {
	base, cur := talkAtTopology5(t)
	return data(t, base, cur, "Viewer", 80, 24)
}

// TestTheSameMoveReadsAsOneLine: when seven dev teams make the same move, the Transition
// panel (height 12) and the presentation's Decide step (20, roomy) say it once, naming the
// first teams and how many more, and their seven alike decisions share a line: at 80x24 the
// room sees the decisions, not "... and 8 more decisions", and nothing is cut.
func TestTheSameMoveReadsAsOneLine(t *testing.T) {
	d := talkAtTopology5At80(t)
	var devTeams []string
	for _, tm := range d.Org.Teams {
		if tm.Kind == orgs.KindDev {
			devTeams = append(devTeams, tm.Name)
		}
	}
	together := devTeams[0] + ", " + devTeams[1] + ", " + devTeams[2] + " and " + strconv.Itoa(len(devTeams)-3) + " more"
	for _, h := range []int{12, 20} {
		panel := strings.Join(transitionLines(d, DefaultStyles(), 80, h, h >= 20), "\n")
		flat := strings.Join(strings.Fields(panel), " ") // as read, across wrapped lines
		// the first names, fewer where the line would wrap, and how many more
		if n := strings.Count(flat, ": you run it -> you and SRE run it"); n != 1 || !strings.Contains(flat, devTeams[0]+", "+devTeams[1]) {
			t.Errorf("height %d: the move of the %d dev teams is said %d times, want once:\n%s", h, len(devTeams), n, panel)
		}
		if !strings.Contains(flat, together+": run model from you run it to you and SRE run it") {
			t.Errorf("height %d: their decisions do not share a line:\n%s", h, panel)
		}
		// a short panel may cut the criteria, saying where they are in full; nothing else
		if strings.Contains(strings.ReplaceAll(panel, "… z for all", ""), "…") || h >= 20 && strings.Contains(panel, "…") {
			t.Errorf("height %d: the panel cuts a word:\n%s", h, panel)
		}
	}
}

// TestCriteriaLegendWholeAt80: after the move to topology 5 every criterion differs from the
// baseline's; the presentation's Compare step's legend that says so is shortened to fit 80
// columns, never cut.
func TestCriteriaLegendWholeAt80(t *testing.T) {
	d := talkAtTopology5At80(t)
	for _, h := range []int{17, 40} {
		lines := presentCriteria(d, DefaultStyles(), 80, h)
		legend := lines[len(lines)-1]
		if strings.Contains(legend, "…") || !strings.Contains(legend, GlyphChanged+" differs from the baseline") {
			t.Errorf("height %d: the legend is %q", h, legend)
		}
	}
}

// TestDecideStepAt80x24ShowsTheMoveAndItsDecisionsWhole: the presentation's Decide step of
// the move to topology 5 at 80x24 says the move and its decisions whole, within its height.
func TestDecideStepAt80x24ShowsTheMoveAndItsDecisionsWhole(t *testing.T) {
	d := talkAtTopology5At80(t)
	for _, h := range []int{18, 19} {
		lines := presentDecide(d, DefaultStyles(), 80, h)
		page := strings.Join(lines, "\n")
		flat := strings.Join(strings.Fields(page), " ")
		if len(lines) > h {
			t.Errorf("height %d: %d lines", h, len(lines))
		}
		for _, want := range []string{"you run it -> you and SRE run it: possible", "run model from you run it to you and SRE run it", "team added with 8 people"} {
			if !strings.Contains(flat, want) {
				t.Errorf("height %d: the page lacks %q:\n%s", h, want, page)
			}
		}
		if strings.Contains(strings.ReplaceAll(page, "… z for all", ""), "…") {
			t.Errorf("height %d: the page cuts a word:\n%s", h, page)
		}
	}
}

// TestRoadmapSlidesSayAdvisoriesAndRiskInWords: each stage of the roadmap from the talk's
// case to topology 5, as the Decide step shows it, names the advisories it raises, changes
// and clears in words, not by their codes, and says its risk.
func TestRoadmapSlidesSayAdvisoriesAndRiskInWords(t *testing.T) {
	base, cur := talkAtTopology5(t)
	d := data(t, base, cur, "Viewer", 120, 40)
	p := orgs.MakePlan(base, cur)
	for k := range p.Stages {
		s := &p.Stages[k]
		gloss, core, extra := presentStage(d, p, s, k == len(p.Stages)-1, DefaultStyles(), 120)
		slide := strings.Join(append(append(gloss, core...), extra...), "\n")
		if s.Analysis.Risk != nil && !strings.Contains(slide, "risk: likely to breach") {
			t.Errorf("stage %d does not say its risk:\n%s", k+1, slide)
		}
		for _, a := range append(append([]orgs.Advisory{}, s.Advisories.Raised...), s.Advisories.Cleared...) {
			if strings.Contains(a.Code, "-") && strings.Contains(slide, a.Code) {
				t.Errorf("stage %d says advisory code %q:\n%s", k+1, a.Code, slide)
			}
		}
	}
}

// TestOneLineCardsKeepTheName: at 80x24 the board's one-line cards give a long team name the
// room of its facts (the headcount stays), so that "Observability Platform" is not cut on
// the board of the talk's case, selected or not.
func TestOneLineCardsKeepTheName(t *testing.T) {
	d := talkAtTopology5At80(t)
	board := Dashboard(d, DefaultStyles(), 80, 24)
	if !strings.Contains(board, "Observability Platform ") {
		t.Errorf("the board cuts a team's name:\n%s", board)
	}
}
