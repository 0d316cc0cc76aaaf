package views

import (
	"fmt"
	"strings"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/report"
)

// Presentation mode: one concern per screen, in the order of the talk's decision process
// (domain.md section 0), for a shared screen with the font zoomed; designed for 80x24. No
// header, no help: a title line and the agenda of the six steps, the current one marked.

// Page is one presentation screen: the step of the talk it belongs to and its concern.
type Page struct {
	Step  int
	Name  string
	Title string
}

// Pages are the presentation screens, in order.
var Pages = []Page{
	{1, "Clarify", "Who builds it, who runs it?"},
	{2, "Consider", "Reliability incentives: the developers' skin in the game"},
	{3, "Compare", "The models side by side"},
	{3, "Compare", "Funding: CAPEX and OPEX"},
	{4, "Analyze", "The SRE team topology"},
	{5, "Inspire", "The SRE identity the placement breeds"},
	{6, "Decide", "The transition from the baseline"},
}

var steps = []string{"Clarify", "Consider", "Compare", "Analyze", "Inspire", "Decide"}

// Present draws presentation page d.Page in w x h.
func Present(d *Data, st Styles, w, h int) string {
	if w < PresentMinWidth || h < PresentMinHeight {
		return TooSmall(PresentMinWidth, PresentMinHeight, w, h)
	}
	if !d.ok() {
		return ""
	}
	page := max(0, min(len(Pages)-1, d.Page))
	pg := Pages[page]
	name := S(d.Org.Name)
	pos := fmt.Sprintf("%d/%d", page+1, len(Pages))
	top := st.ink().Present.Render(Trunc(name, max(0, w-len(pos)-2)))
	top = top + spaces(max(1, w-width(top)-len(pos))) + st.ink().Present.Render(pos)
	head := st.ink().AccentBold.Render(Trunc(fmt.Sprintf("%d %s: %s", pg.Step, pg.Name, pg.Title), w))
	bodyH := h - 4
	var body []string
	switch page {
	case 0:
		body = presentClarify(d, st, w, bodyH)
	case 1:
		body = presentConsider(d, st, w, bodyH)
	case 2:
		body = criteriaPanel(d, st, w, bodyH)
	case 3:
		body = presentFunding(d, st, w, bodyH)
	case 4:
		body = presentTopology(d, st, w, bodyH)
	case 5:
		body = presentIdentity(d, st, w, bodyH)
	case 6:
		body = presentDecide(d, st, w, bodyH)
	}
	body = clip(body, st, bodyH)
	lines := []string{Pad(top, w), head, ""}
	lines = append(lines, body...)
	for len(lines) < h-1 {
		lines = append(lines, "")
	}
	lines = append(lines, agenda(st, pg.Step, w))
	return Fit(strings.Join(lines, "\n"), w, h)
}

// agenda lists the six steps with the current one in brackets.
func agenda(st Styles, step, w int) string {
	parts := make([]string, len(steps))
	for i, s := range steps {
		if i+1 == step {
			parts[i] = st.ink().AccentBold.Render(fmt.Sprintf("[%d %s]", i+1, s))
		} else {
			parts[i] = st.ink().Muted.Render(fmt.Sprintf(" %d %s ", i+1, s))
		}
	}
	line := strings.Join(parts, " ")
	if width(line) > w {
		line = st.ink().AccentBold.Render(fmt.Sprintf("[%d %s]", step, steps[step-1])) + st.ink().Muted.Render(" of 6")
	}
	return Center(line, w)
}

// big renders text large and centred, or as one bold centred line when it does not fit.
func big(st Styles, text string, w int) []string {
	if bw := BigWidth(text); bw > 0 && bw <= w {
		rows := Big(text)
		for i, r := range rows {
			rows[i] = st.ink().Big.Render(Center(r, w))
		}
		return rows
	}
	return []string{st.ink().Big.Render(Center(text, w))}
}

func presentClarify(d *Data, st Styles, w, h int) []string {
	an := d.An
	if an.RunModel.Dominant == nil {
		return append(big(st, "NO DEV TEAM", w), "")
	}
	mix := map[orgs.RunModel]orgs.RunModelMix{}
	for _, m := range an.RunModel.Mix {
		mix[m.ID] = m
	}
	lines := big(st, report.Percent(mix[*an.RunModel.Dominant].Share), w)
	lines = append(lines, st.ink().Present.Render(Center(fmt.Sprintf("of %d dev teams: %s", an.Summary.DevTeams, an.RunModel.Dominant.Name()), w)), "")
	for _, m := range orgs.SpectrumOrder {
		lines = append(lines, mixRow(st, m == *an.RunModel.Dominant, m.Name(), 34, mix[m].Share, mix[m].DevTeams, mixDelta(d.Changes, true, 0, m), "", w))
	}
	return lines
}

func presentConsider(d *Data, st Styles, w, h int) []string {
	an := d.An
	counts := map[orgs.RunModel]int{}
	for _, m := range an.RunModel.Mix {
		counts[m.ID] = m.DevTeams
	}
	involvement := orgs.Criteria[0]
	lines := []string{
		st.ink().Present.Render(Trunc("Developers on call for what they build have the most reason to make it reliable.", w)),
		"",
		st.ink().Muted.Render(Trunc("highest incentives", w)),
	}
	for c, m := range orgs.ComparedModels {
		lead := "  "
		s := st.ink().Text
		if an.RunModel.Dominant != nil && *an.RunModel.Dominant == m {
			lead, s = GlyphSelected+" ", st.ink().AccentBold
		}
		lines = append(lines, s.Render(Trunc(fmt.Sprintf("%s%-34s %3d dev team%s", lead, m.Name(), counts[m], plural(counts[m])), w)))
		lines = append(lines, st.ink().Muted.Render(Trunc("    on-call involvement of developers: "+involvement.Values[c], w)))
	}
	lines = append(lines, st.ink().Muted.Render(Trunc("lowest incentives", w)))
	if n := counts[orgs.Unorganized]; n > 0 {
		lines = append(lines, "", st.ink().Warning.Render(Trunc(fmt.Sprintf("%s %d dev team%s unorganized: nobody runs what they build", GlyphWarning, n, plural(n)), w)))
	}
	return lines
}

func presentFunding(d *Data, st Styles, w, h int) []string {
	first := d.An.Funding.CapexSplit()
	lines := big(st, "CAPEX "+report.Percent(first), w)
	barW := min(w-4, 64)
	lines = append(lines, Center(SplitBar(st, first, barW), w))
	lines = append(lines, st.ink().Present.Render(Center("OPEX "+report.Percent(1-first)+"   (█ CAPEX  ▒ OPEX)", w)), "")
	for _, l := range fundingPanel(d, st, min(w, 76), h)[2:] {
		lines = append(lines, Center(l, w))
	}
	return lines
}

func presentTopology(d *Data, st Styles, w, h int) []string {
	an := d.An
	var lines []string
	if an.Topology.Dominant == nil {
		lines = big(st, "NO TOPOLOGY", w)
	} else {
		t, _ := orgs.TopologyInfo(*an.Topology.Dominant)
		lines = big(st, fmt.Sprintf("TOPOLOGY %d", t.Number), w)
		lines = append(lines, st.ink().Present.Render(Center(t.Name, w)))
	}
	pure := "not pure"
	switch {
	case an.Topology.Pure:
		pure = "pure: every dev team in the same topology"
	case len(an.Topology.Mix) == 0:
		pure = fmt.Sprintf("all %d dev team%s outside the nine: ops run it or unorganized", an.Summary.DevTeams, plural(an.Summary.DevTeams))
	}
	lines = append(lines, st.ink().Text.Render(Center(pure, w)), "")
	for _, m := range an.Topology.Mix {
		t, _ := orgs.TopologyInfo(m.Topology)
		dom := an.Topology.Dominant != nil && *an.Topology.Dominant == m.Topology
		lines = append(lines, mixRow(st, dom, fmt.Sprintf("T%d", m.Topology), 3, m.Share, m.DevTeams, mixDelta(d.Changes, false, m.Topology, ""), t.Name, w))
	}
	return lines
}

func presentIdentity(d *Data, st Styles, w, h int) []string {
	id := d.An.Identity
	var lines []string
	if id.Dominant == nil {
		lines = append(lines, st.ink().Big.Render(Center("No SRE identity yet", w)),
			st.ink().Text.Render(Center(Trunc("no SRE team serves a dev team and no dev team runs its own services", w), w)))
	} else {
		info := id.Dominant.Info()
		lines = append(lines, st.ink().Big.Render(Center(info.Name, w)), st.ink().Text.Render(Center(Trunc("pride: "+info.Pride, w), w)))
	}
	triH := max(3, min(9, h-len(lines)-7))
	tri := Triangle(st, id, min(w, 60), triH)
	for _, l := range tri {
		lines = append(lines, Center(l, w))
	}
	if id.Dominant != nil {
		for _, k := range d.An.KPIs {
			if k.Identity == *id.Dominant {
				lines = append(lines, st.ink().Text.Render(Trunc("  - "+S(k.Text), w)))
			}
		}
	}
	return lines
}

func presentDecide(d *Data, st Styles, w, h int) []string {
	tr := &d.An.Transition
	word := strings.ToUpper(tr.Verdict.Words())
	lines := big(st, word, w)
	vs, glyph := verdictMark(st, tr.Verdict)
	lines = append(lines, vs.Render(Center(glyph+"transition from the baseline: "+tr.Verdict.Words(), w)), "")
	rest := transitionPanel(d, st, w, max(4, h-len(lines)-3))
	lines = append(lines, rest[1:]...)
	if pv := d.An.Positioning; pv != nil {
		txt := "SRE org positioning: unset (steer toward partner or, best, enabler)"
		if pv.ID != nil {
			txt = "SRE org positioning: " + pv.ID.Info().Name + " (" + S(*pv.Focus) + ")"
		}
		lines = append(lines, "", st.ink().Text.Render(Trunc(txt, w)))
	}
	return lines
}
