package views

import (
	"strconv"
	"strings"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/words"
)

// stripHeight is the line under the header that holds every headline verdict; stripLines
// takes a second when one is too narrow for them.
const stripHeight = 1

// stripPart is one headline verdict on the strip: its label, its value in a long and a short
// form, and whether it differs from the baseline's.
type stripPart struct {
	label, long, short string
	// bare is the short form without its label, as narrow as it can be read
	bare    string
	changed bool
	// spare: the part says nothing the room needs when the strip is short of room (the
	// transition when nothing moved): left out before anything is cut
	spare bool
}

// stripParts are the headline verdicts of d's analysis, in the order of the talk: topology,
// run model, identity, funding, transition, when a team is on call, staffing and, when a
// service has an incident rate, risk: how many services are likely to breach ("…" while
// the dashboard simulates them).
func stripParts(d *Data) []stripPart {
	an, ch := d.An, d.Changes
	if ch == nil {
		ch = &orgs.Changes{}
	}
	topo := "none"
	if an.Topology.Dominant != nil {
		topo = "T" + strconv.Itoa(*an.Topology.Dominant)
	}
	topoLong := topo + words.Covering(an.Topology.DominantDevTeams, an.Summary.DevTeams) + ", " + words.Pure(an.Topology.Pure)
	run := "none"
	if an.RunModel.Dominant != nil {
		run = words.RunModelShort(*an.RunModel.Dominant)
	}
	runLong, runShort, runBare := run+words.Covering(an.RunModel.DominantDevTeams, an.Summary.DevTeams), run, run
	if an.RunModel.Dominant != nil && !an.RunModel.Majority {
		// only the largest of a mix: said so first, as every headline does (rules.md 1),
		// and where the strip is narrowest the verdict alone
		runLong, runShort, runBare = words.MixedLargest+runLong, words.MixedLargest+run, "mixed"
	}
	f := &an.Funding
	fundShort := "CAPEX " + words.Number(int64(f.CAPEX.Headcount)) + ", OPEX " + words.People(f.OPEX.Headcount)
	fundBare := "CAPEX " + words.Number(int64(f.CAPEX.Headcount)) + " OPEX " + words.Number(int64(f.OPEX.Headcount))
	id := an.Identity.Dominant
	// the transition is marked when it holds decisions, even with every run model as it
	// was (a new team, a move between orgs): the strip says how many, so the mark is read
	move := an.Transition.Verdict.Words()
	moveBare := "move " + move
	if an.Transition.Verdict == orgs.VerdictUnchanged {
		moveBare = "no run change"
	}
	if n := len(an.Transition.Decisions); n > 0 {
		decisions := words.Count(n, "decision")
		move += ", " + decisions
		if an.Transition.Verdict == orgs.VerdictUnchanged {
			moveBare = decisions
		}
	}
	parts := []stripPart{
		{"topology", topoLong, topo, topo, ch.Topology, false},
		{"run model", runLong, runShort, runBare, ch.RunModel, false},
		{"identity", words.Identity(id), words.Identity(id), words.IdentityShort(id), ch.Identity, false},
		{"funding", words.Funding(f), fundShort, fundBare, ch.Funding, false},
		{"transition", move, move, moveBare, ch.Transition, an.Transition.Verdict == orgs.VerdictUnchanged && !ch.Transition},
	}
	if len(an.Staffing.Rotations) > 0 {
		s := an.Staffing
		hires := words.Number(int64(s.Hires)) + " to hire"
		parts = append(parts, stripPart{"staffing",
			words.Number(int64(s.Needed)) + " in rotations, " + hires, hires, "hires " + words.Number(int64(s.Hires)), ch.Staffing, false})
	}
	if hasRates(d) {
		parts = append(parts, riskPart(d))
	}
	return parts
}

// riskPart is the strip's risk: the services likely to breach their error budget, marked
// when their number differs from the baseline's.
func riskPart(d *Data) stripPart {
	r := d.An.Risk
	if r == nil || anyRiskPending(d) {
		return stripPart{"risk", "likely to breach " + GlyphPending, "likely to breach " + GlyphPending, "breach " + GlyphPending, false, false}
	}
	n := words.Number(int64(len(r.LikelyBreach)))
	return stripPart{"risk", "likely to breach " + n, "likely to breach " + n, "breach " + n, d.Changes != nil && r.Delta.LikelyBreach != 0, false}
}

// stripLines draws the headline verdicts in width w, each marked when it changed: on one
// line with labels and long forms when they fit, else short forms, else the short forms
// alone, else without a transition that moved nothing; and when even that is too wide (many
// verdicts marked at 80 columns), on two lines, never cut while two lines hold them.
func stripLines(d *Data, st Styles, w int) []string {
	parts := stripParts(d)
	k := st.ink()
	// render draws each part in the given form, styled and as plain text
	render := func(labels, long, spare bool) (styled, plain []string) {
		for _, p := range parts {
			if p.spare && !spare {
				continue
			}
			mark := ""
			if p.changed {
				mark = GlyphChanged
			}
			label, value := "", p.bare
			if labels {
				label, value = p.label+" ", p.short
			}
			if long {
				value = p.long
			}
			plain = append(plain, mark+label+value)
			if p.changed {
				styled = append(styled, k.Changed.Render(mark+label+value))
			} else {
				styled = append(styled, k.Muted.Render(label)+k.Text.Render(value))
			}
		}
		return styled, plain
	}
	const gap = "  "
	for _, form := range [][3]bool{{true, true, true}, {true, false, true}, {false, false, true}, {false, false, false}} {
		if styled, plain := render(form[0], form[1], form[2]); width(strings.Join(plain, gap)) <= w {
			return []string{strings.Join(styled, gap)}
		}
	}
	for _, form := range [][2]bool{{true, false}, {false, false}} {
		styled, plain := render(form[0], form[1], true)
		if lines := wrapParts(styled, plain, w); len(lines) <= 2 {
			return lines
		}
	}
	styled, _ := render(false, false, false)
	return []string{Trunc(strings.Join(styled, gap), w)}
}

// wrapParts puts the strip's parts on as few lines of width w as they fit on, in order.
func wrapParts(styled, plain []string, w int) []string {
	var lines, cur []string
	n := 0
	for i := range plain {
		pw := width(plain[i])
		if len(cur) > 0 && n+2+pw > w {
			lines, cur, n = append(lines, strings.Join(cur, "  ")), nil, 0
		}
		if len(cur) > 0 {
			n += 2
		}
		cur, n = append(cur, styled[i]), n+pw
	}
	if len(cur) > 0 {
		lines = append(lines, strings.Join(cur, "  "))
	}
	for i := range lines {
		lines[i] = Trunc(lines[i], w) // a part wider than the terminal alone
	}
	return lines
}
