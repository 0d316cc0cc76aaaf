package views

import (
	"slices"
	"strconv"
	"strings"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/words"
)

// ---- transition -----------------------------------------------------------

// verdictMark is the style and glyph of a transition verdict: the bad ones carry "!".
func verdictMark(st Styles, v orgs.Verdict) (*pen, string) {
	switch v {
	case orgs.VerdictUnlikely, orgs.VerdictNoReason:
		return st.ink().Warning, GlyphWarning + " "
	}
	return st.ink().AccentBold, ""
}

// transitionOrder is the order the transition panel lists teams in, worst first; teams
// whose run model is unchanged are not listed.
var transitionOrder = [...]orgs.Verdict{orgs.VerdictNoReason, orgs.VerdictUnlikely, orgs.VerdictPossible, orgs.VerdictNew, orgs.VerdictRemoved}

// transitionRank is v's place in transitionOrder, -1 when it is not listed.
func transitionRank(v orgs.Verdict) int {
	if v == orgs.VerdictUnchanged {
		return -1 // most teams: the one test that matters
	}
	for r, o := range transitionOrder {
		if v == o {
			return r
		}
	}
	return -1
}

func transitionPanel(d *Data, st Styles, w, h int) []string {
	return transitionLines(d, st, w, h, false)
}

// transitionLines are the Transition panel's lines in w x h; roomy (the presentation's
// page, which has the screen to itself) lets the criteria a move changes take every line the
// decisions leave, where the dashboard's panel keeps them short for the panels below it.
func transitionLines(d *Data, st Styles, w, h int, roomy bool) []string {
	tr := &d.An.Transition
	vs, glyph := verdictMark(st, tr.Verdict)
	lines := []string{st.ink().Bold.Render("Transition from the baseline: ") + vs.Render(glyph+tr.Verdict.Words())}
	// the teams behind it, worst first, those making the same move on one line: one pass
	// over the teams (every dev team has a transition)
	groups, total := transitionGroups(tr.Teams)
	if total == 0 {
		lines = append(lines, st.ink().Muted.Render(Trunc("every dev team runs as in the baseline", w)))
	}
	budget := max(3, h/2)
	if len(groups) > budget {
		groups = groups[:budget-1]
	}
	shownTeams := 0
	// the lines the decisions below keep: their title, each decision, what is cut
	reserve := 3 + len(decisionGroups(tr.Decisions))
	uncut := true
	for _, g := range groups {
		shownTeams += g.count
		t := g.first
		s, mark := verdictMark(st, t.Verdict)
		if mark == "" {
			mark, s = "  ", st.ink().Text
		}
		move := ": " + words.TeamTransition(t)
		text := g.names + move
		for k := 2; k > 0 && width(mark+text) > w; k-- {
			text = g.named(k) + move // fewer names rather than a second line
		}
		if ls := wrapped(text, w, mark, "    "); len(ls) > 1 && (h >= 12 || roomy && len(lines)+len(ls)+reserve <= h) {
			lines = append(lines, styled(s, ls)...)
		} else {
			lines = append(lines, s.Render(Trunc(mark+text, w)))
		}
		if t.Reason != "" && h >= 12 {
			lines = append(lines, styled(st.ink().Muted, wrapped(t.Reason, w, "    ", "    "))...)
		}
		// the criteria where they leave room for the decisions, which matter more
		room := 0
		if roomy {
			room = h - len(lines) - reserve
		}
		if cs := criteriaChangeLines(st, t.CriteriaChanges, w, h, room); len(lines)+len(cs)+reserve <= h {
			lines = append(lines, cs...)
		} else if len(cs) > 0 {
			uncut = false
		}
	}
	if !uncut && len(lines)+1+reserve <= h {
		lines = append(lines, st.ink().Muted.Render(Trunc("    criteria that change: z for all", w)))
	}
	if total > shownTeams {
		lines = append(lines, st.ink().Muted.Render("  ... and "+words.Count(total-shownTeams, "more team")))
	}
	lines = append(lines, serviceTransitionLines(d, st, w, h, h-len(lines)-reserve)...)
	return decisionLines(lines, tr, st, w, h)
}

// alikeGroup is the items of a list that say the same but for a name (dev teams making one
// move, decisions alike but for their subject): the first, a few names and how many.
type alikeGroup[T any] struct {
	first T
	names string // the first three names and how many more
	some  []string
	count int
}

// named says the group by its first k names at most and how many more.
func (g *alikeGroup[T]) named(k int) string { return someNames(g.some[:min(k, len(g.some))], g.count) }

// groupAlike puts together the items that keep holds with the same key, in the order of
// their first, each group named by its first three names and how many more.
func groupAlike[T any, K comparable](items []T, keep func(T) bool, key func(T) K, name func(T) string) []alikeGroup[T] {
	at := map[K]int{}
	var groups []alikeGroup[T]
	var named [][]string // the first few names of each group
	for _, it := range items {
		if !keep(it) {
			continue
		}
		k := key(it)
		g, ok := at[k]
		if !ok {
			g = len(groups)
			at[k] = g
			groups = append(groups, alikeGroup[T]{first: it})
			named = append(named, nil)
		}
		groups[g].count++
		if len(named[g]) < 3 {
			named[g] = append(named[g], name(it))
		}
	}
	for g := range groups {
		groups[g].some = named[g]
		groups[g].names = groups[g].named(3)
	}
	return groups
}

// transitionGroups are the teams' transitions that count (not unchanged), those making the
// same move (from, to and verdict alike, and so their reason and the criteria they change)
// together, worst verdict first and then in the teams' order, and how many teams they hold:
// seven teams moving to "you and SRE run it" read as one line, not seven.
func transitionGroups(teams []orgs.TeamTransition) ([]alikeGroup[orgs.TeamTransition], int) {
	type move struct {
		from, to orgs.RunModel
		verdict  orgs.Verdict
	}
	groups := groupAlike(teams,
		func(t orgs.TeamTransition) bool { return transitionRank(t.Verdict) >= 0 },
		func(t orgs.TeamTransition) move { return move{t.From, t.To, t.Verdict} },
		func(t orgs.TeamTransition) string { return S(t.Team) })
	slices.SortStableFunc(groups, func(a, b alikeGroup[orgs.TeamTransition]) int {
		return transitionRank(a.first.Verdict) - transitionRank(b.first.Verdict)
	})
	total := 0
	for _, g := range groups {
		total += g.count
	}
	return groups, total
}

// someNames says a group by its first names and how many more: "Viewer", "Viewer and
// Reporting", "Viewer, Reporting, Scheduling and 4 more".
func someNames(names []string, n int) string {
	switch {
	case n == 1:
		return names[0]
	case n == 2 && len(names) == 2:
		return names[0] + " and " + names[1]
	case n == len(names):
		return strings.Join(names[:n-1], ", ") + " and " + names[n-1]
	}
	return strings.Join(names, ", ") + " and " + strconv.Itoa(n-len(names)) + " more"
}

// decisionGroups are the decisions, those that say the same of several subjects (each dev
// team's run model from you run it to you and SRE run it) together, in order.
func decisionGroups(decisions []orgs.Decision) []alikeGroup[orgs.Decision] {
	type alike struct {
		kind   orgs.DecisionKind
		change orgs.Changeability
		detail string
	}
	return groupAlike(decisions,
		func(orgs.Decision) bool { return true },
		func(dc orgs.Decision) alike { return alike{dc.Kind, dc.Changeability, dc.Detail} },
		func(dc orgs.Decision) string { return S(dc.Subject) })
}

// decisionLines appends to lines the transition's decisions, hardest first, within the
// height h, and the legend of how hard each is to undo.
func decisionLines(lines []string, tr *orgs.TransitionVerdict, st Styles, w, h int) []string {
	lines = append(lines, "", st.ink().Title.Render("Decisions")+st.ink().Muted.Render(" (how hard to undo)"))
	if len(tr.Decisions) == 0 {
		lines = append(lines, st.ink().Muted.Render("  none yet"))
	}
	// hardest first: one pass per changeability, stopping when the height is used; a
	// decision takes two lines when it does not fit in one and there is room; decisions
	// alike but for their subject share a line
	groups := decisionGroups(tr.Decisions)
	room := max(1, h-len(lines)-1)
	spare := room - len(groups)
	shown, decided := 0, 0
	for _, ch := range []orgs.Changeability{orgs.Hard, orgs.Easy, orgs.TeamLocal, orgs.Staffing} {
		for _, g := range groups {
			dc := g.first
			if dc.Changeability != ch || (len(groups) > room && shown >= room-1) || shown >= room {
				continue
			}
			shown++
			decided += g.count
			s := st.ink().Text
			if dc.Changeability == orgs.Hard {
				s = st.ink().Changed
			}
			text := S(dc.Detail)
			if dc.Kind != orgs.DecideNewSREOrg && dc.Kind != orgs.DecideDissolveSREOrg {
				text = g.names + ": " + text
			}
			ls := wrapped(text, w, "  "+Pad(string(dc.Changeability), 11), spaces(13))
			if len(ls) > 1 && spare > 0 {
				spare--
				lines = append(lines, s.Render(ls[0]), s.Render(Trunc(strings.Join(ls[1:], " "), w)))
			} else {
				lines = append(lines, s.Render(Trunc("  "+Pad(string(dc.Changeability), 11)+text, w)))
			}
		}
	}
	if rest := len(tr.Decisions) - decided; rest > 0 {
		lines = append(lines, st.ink().Muted.Render("  ... and "+words.Count(rest, "more decision")))
	}
	if len(tr.Decisions) > 0 && w >= 60 {
		// the legend in full where the height allows, else in its short form where that fits
		legend := "hard: " + orgs.Hard.Explain() + "; easy: " + orgs.Easy.Explain()
		short := "  hard: difficult to change later; easy: can be corrected later"
		if ls := wrapped(legend, w, "  ", "  "); len(lines)+len(ls) <= h {
			lines = append(lines, styled(st.ink().Muted, ls)...)
		} else if width(short) <= w {
			lines = append(lines, st.ink().Muted.Render(short))
		}
	}
	return lines
}

// criteriaChangeLines are the criteria a transition line changes, worded as the reports
// word them, under the line. Drawn in full (z) they wrap whole; in the panel they keep to
// one line (two where the panel is tall), or the room lines the panel has spare, and say "z
// for all" where they cut, so that a room never reads a cut list as the whole cost of a move.
func criteriaChangeLines(st Styles, changes []orgs.CriterionChange, w, h, room int) []string {
	text := words.CriteriaChanges(changes)
	if text == "" {
		return nil
	}
	ls := wrapped(text, w, "    ", "    ")
	keep := 1
	if h >= 12 {
		keep = 2
	}
	if h >= fullPanelHeight || len(ls) <= max(keep, room) {
		return styled(st.ink().Muted, ls)
	}
	const more = " z for all"
	rest := strings.TrimPrefix(strings.Join(ls[keep-1:], " "), "    ")
	ls = append(ls[:keep-1:keep-1], Trunc("    "+rest, max(1, w-width(more)))+more)
	return styled(st.ink().Muted, ls)
}

// serviceTransitionLines are the services that run otherwise than their team, each with the
// criteria its move changes, in at most room lines: all of them drawn in full, in the panel
// those that fit with how many more z shows.
func serviceTransitionLines(d *Data, st Styles, w, h, room int) []string {
	services := d.An.Transition.Services
	if len(services) == 0 || room < 1 {
		return nil
	}
	more := func(n int) string {
		verb := "run"
		if n == 1 {
			verb = "runs"
		}
		return st.ink().Muted.Render(Trunc("  ... and "+words.Count(n, "more service")+" that "+verb+" otherwise than their team (z for all)", w))
	}
	if room < 4 {
		return []string{more(len(services))}
	}
	lines := []string{"", st.ink().Title.Render(Trunc("Services that run otherwise than their team", w))}
	shown := 0
	for _, t := range services {
		service, team, change, _ := words.ServiceTransition(t, S)
		block := append([]string{st.ink().Text.Render(Trunc("  "+service+" ("+team+"): "+change, w))},
			criteriaChangeLines(st, t.CriteriaChanges, w, h, 0)...)
		if len(lines)+len(block)+1 > room && shown < len(services)-1 || len(lines)+len(block) > room {
			break
		}
		lines = append(lines, block...)
		shown++
	}
	if rest := len(services) - shown; rest > 0 {
		lines = append(lines, more(rest))
	}
	return lines
}
