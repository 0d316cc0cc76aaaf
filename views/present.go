package views

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/words"
)

// Presentation mode: one concern per screen, in the order of the talk: its opening (the SRE
// principles and the myth), then the six steps of the decision (docs/rules.md, the talk's tables), for a
// shared screen with the font zoomed; designed for 80x24. No board chrome: a title line with
// the counter, the concern, its body, the agenda of the six steps and the key footer. A
// concern longer than the screen takes several pages, so nothing is ever cut.

// Page is one concern of the presentation: the step of the talk it belongs to (0 for the
// opening) and its title.
type Page struct {
	Step  int
	Name  string
	Title string
}

// Pages are the presentation's concerns, in order.
var Pages = []Page{
	{0, "Opening", "The SRE principles"},
	{0, "Opening", "The myth"},
	{1, "Clarify", "Who builds it, who runs it?"},
	{2, "Consider", "Reliability incentives: the developers' skin in the game"},
	{3, "Compare", "The models side by side"},
	{3, "Compare", "Funding: CAPEX and OPEX"},
	{4, "Analyze", "The SRE team topology"},
	{5, "Inspire", "The SRE identity the placement breeds"},
	{6, "Decide", "The transition from the baseline"},
	{6, "Decide", "Which moves make sense: the transition matrix"},
	{6, "Decide", "How hard each decision is to change"},
	{6, "Decide", "Positioning the SRE org and the SRE role"},
	{6, "Decide", "Risk of each option: who breaches, who is woken"},
	{6, "Decide", "The plan from the baseline, stage by stage"},
}

var steps = []string{"Clarify", "Consider", "Compare", "Analyze", "Inspire", "Decide"}

// Slide is one screen of the presentation: a page of a concern.
type Slide struct {
	Concern Page
	Body    []string
	// Page and Pages count the slides of the concern's step ("page 2/3").
	Page, Pages int
}

// presentChrome is the lines around a slide's body: title with the counter, concern, a
// blank line, and the agenda.
const presentChrome = 4

// Slides cuts every concern into screens of w x h whose key footer takes footer lines.
func Slides(d *Data, st Styles, w, h, footer int) []Slide {
	if w < PresentMinWidth || h < PresentMinHeight || !d.ok() {
		return nil
	}
	bodyH := max(1, h-presentChrome-footer)
	var out []Slide
	for i, pg := range Pages {
		body := pageBodies[i](d, st, w, bodyH)
		for k := 0; k == 0 || k < len(body); k += bodyH {
			out = append(out, Slide{Concern: pg, Body: body[k:min(len(body), k+bodyH)]})
		}
	}
	// number the slides of each step
	for i := 0; i < len(out); {
		j := i
		for j < len(out) && out[j].Concern.Step == out[i].Concern.Step {
			j++
		}
		for k := i; k < j; k++ {
			out[k].Page, out[k].Pages = k-i+1, j-i
		}
		i = j
	}
	return out
}

// FirstSlide is the index of the first slide of step (0 the opening), or -1.
func FirstSlide(slides []Slide, step int) int {
	for i, s := range slides {
		if s.Concern.Step == step {
			return i
		}
	}
	return -1
}

// pageBodies draw the body of each of Pages, in the same order, h lines high at the most
// (a body longer than h is cut into slides).
var pageBodies = [...]func(d *Data, st Styles, w, h int) []string{
	presentPrinciples, presentMyth, presentClarify, presentConsider, presentCriteria, presentFunding,
	presentTopology, presentIdentity, presentDecide, presentMatrix, presentDecisions, presentPositioning,
	presentDecideRisk, presentPlan,
}

// Counter is the slide's place: "Opening, page 1/2", "Step 6/6, page 2/3".
func (s Slide) Counter() string {
	where := "Opening"
	if s.Concern.Step > 0 {
		where = fmt.Sprintf("Step %d/%d", s.Concern.Step, len(steps))
	}
	return fmt.Sprintf("%s, page %d/%d", where, s.Page, s.Pages)
}

// Present draws slide d.Page in w x h, with d.Help as its key footer.
func Present(d *Data, st Styles, w, h int) string {
	if w < PresentMinWidth || h < PresentMinHeight {
		return TooSmall(PresentMinWidth, PresentMinHeight, w, h)
	}
	if !d.ok() {
		return ""
	}
	footer := 0
	if d.Help != "" {
		footer = min(lipgloss.Height(d.Help), h-PresentMinHeight+1)
	}
	slides := Slides(d, st, w, h, footer)
	sl := slides[max(0, min(len(slides)-1, d.Page))]
	pos := sl.Counter()
	top := st.ink().Present.Render(Trunc(S(d.Org.Name), max(0, w-len(pos)-2)))
	top = top + spaces(max(1, w-width(top)-len(pos))) + st.ink().Present.Render(pos)
	title := sl.Concern.Title
	if sl.Concern.Step > 0 {
		title = fmt.Sprintf("%d %s: %s", sl.Concern.Step, sl.Concern.Name, title)
	}
	head := st.ink().AccentBold.Render(Trunc(title, w))
	lines := []string{Pad(top, w), head, ""}
	lines = append(lines, sl.Body...)
	for len(lines) < h-1-footer {
		lines = append(lines, "")
	}
	lines = append(lines, agenda(st, sl.Concern.Step, w))
	if footer > 0 {
		lines = append(lines, Fit(d.Help, w, footer))
	}
	return Fit(strings.Join(lines, "\n"), w, h)
}

func presentPrinciples(_ *Data, st Styles, w, _ int) []string {
	lines := styled(st.ink().Present, Wrap("None of the SRE principles says where the SRE team sits:", w))
	lines = append(lines, "")
	for i, p := range orgs.Principles {
		lines = append(lines, styled(st.ink().Text, wrapped(p, w, fmt.Sprintf("  %d. ", i+1), "     "))...)
	}
	return lines
}

func presentMyth(_ *Data, st Styles, w, _ int) []string {
	lines := big(st, "MYTH", w)
	lines = append(lines, "")
	for _, l := range Wrap("\""+orgs.Myth+"\"", max(1, w-4)) {
		lines = append(lines, st.ink().Present.Render(Center(l, w)))
	}
	lines = append(lines, "")
	for _, l := range Wrap("The nine SRE team topologies that follow put SRE in the dev teams, in the ops org and in an SRE org: a central SRE team is one choice among them.", max(1, w-4)) {
		lines = append(lines, st.ink().Text.Render(Center(l, w)))
	}
	return lines
}

// agenda lists the six steps with the current one in brackets (none during the opening).
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
		if step < 1 {
			line = st.ink().Muted.Render("then the six steps: " + strings.Join(steps, ", "))
		} else {
			line = st.ink().AccentBold.Render(fmt.Sprintf("[%d %s]", step, steps[step-1])) + st.ink().Muted.Render(" of 6")
		}
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
	lines := big(st, words.Percent(mix[*an.RunModel.Dominant].Share), w)
	lines = append(lines, st.ink().Present.Render(Center("of "+words.Count(an.Summary.DevTeams, "dev team")+": "+an.RunModel.Dominant.Name(), w)), "")
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
		lines = append(lines, "", st.ink().Warning.Render(Trunc(GlyphWarning+" "+words.Count(n, "dev team")+" unorganized: nobody runs what they build", w)))
	}
	return lines
}

func presentFunding(d *Data, st Styles, w, h int) []string {
	first := d.An.Funding.CapexSplit()
	lines := big(st, "CAPEX "+words.Percent(first), w)
	barW := min(w-4, 64)
	lines = append(lines, Center(SplitBar(st, first, barW), w))
	lines = append(lines, st.ink().Present.Render(Center("OPEX "+words.Percent(1-first)+"   (█ CAPEX  ▒ OPEX)", w)), "")
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
		pure = "all " + words.Count(an.Summary.DevTeams, "dev team") + " outside the nine: ops run it or unorganized"
	}
	lines = append(lines, st.ink().Text.Render(Center(pure, w)))
	if ch := d.Changes; ch != nil && ch.WasTopology.Changed {
		lines = append(lines, st.ink().Changed.Render(Center(Trunc(GlyphChanged+" was "+words.Topology(ch.WasTopology.Value), w), w)))
	}
	lines = append(lines, "")
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
	if ch := d.Changes; ch != nil && ch.WasIdentity.Changed {
		was := "no SRE identity"
		if ch.WasIdentity.Value != nil {
			was = ch.WasIdentity.Value.Info().Name
		}
		lines = append(lines, st.ink().Changed.Render(Center(Trunc(GlyphChanged+" was "+was, w), w)))
	}
	triH := max(3, min(9, h-len(lines)-7))
	tri := Triangle(st, id, min(w, 60), triH)
	for _, l := range tri {
		lines = append(lines, Center(l, w))
	}
	if id.Dominant != nil {
		for _, k := range d.An.KPIs {
			if k.Identity == *id.Dominant {
				lines = append(lines, styled(st.ink().Text, wrapped(S(k.Text), w, "  - ", "    "))...)
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
	lines = append(lines, vs.Render(Center(glyph+"transition from the baseline: "+tr.Verdict.Words(), w)))
	if s := &d.An.Staffing; len(s.Rotations) > 0 {
		// what the decision costs in people, beside what it decides
		ss := st.ink().Text
		if s.Needed > 0 {
			ss = st.ink().Warning
		}
		lines = append(lines, ss.Render(Center(Trunc(DecideStaffing(d.An), w), w)))
	}
	lines = append(lines, "")
	below := 0 // the positioning's line and the blank above it
	if d.An.Positioning != nil {
		below = 2
	}
	rest := transitionLines(d, st, w, max(4, h-len(lines)-below+1), true) // +1: its title is left out
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

// DecideStaffing is the Decide screen's line on staffing: "to staff every rotation: +5
// people, +525,000 EUR a year" (people missing from rotations, and the cost of those to hire).
func DecideStaffing(an *orgs.Analysis) string {
	s := &an.Staffing
	return fmt.Sprintf("to staff every rotation: +%s, +%s a year", words.People(s.Needed), words.Money(s.HireCost, an.Funding.Currency))
}

// verdictCell is a transition verdict in a cell of the matrix.
func verdictCell(v orgs.Verdict) string {
	if v == orgs.VerdictUnchanged {
		return "-"
	}
	return v.Words()
}

// presentMatrix is the transition matrix from each run model to each other: the row marked
// is the baseline's dominant model, the one a move starts from, and the column marked the
// current model's when it differs.
func presentMatrix(d *Data, st Styles, w, _ int) []string {
	cur := d.An.RunModel.Dominant
	from := cur
	if d.Changes != nil && d.Changes.WasRunModel.Changed {
		from = d.Changes.WasRunModel.Value
	}
	labelW := 20
	colW := max(8, min(14, (w-labelW-2)/len(orgs.SpectrumOrder)))
	lines := matrixHead(st, cur, from, labelW, colW, w)
	for _, row := range orgs.SpectrumOrder {
		lead, s := "  ", st.ink().Text
		if from != nil && *from == row {
			lead, s = GlyphSelected+" ", st.ink().AccentBold
		}
		line := lead + Pad(words.RunModelShort(row), labelW)
		for _, to := range orgs.SpectrumOrder {
			v, _ := orgs.Transition(row, to)
			line += Pad(verdictCell(v), colW)
		}
		lines = append(lines, s.Render(Trunc(line, w)))
	}
	lines = append(lines, "")
	mark := "no dominant run model"
	switch {
	case from == nil && cur != nil:
		mark = "no dominant run model in the baseline; now " + words.RunModelShort(*cur)
	case from != nil && (cur == nil || *cur != *from):
		now := "none"
		if cur != nil {
			now = words.RunModelShort(*cur) + " (" + GlyphSelected + " above its column)"
		}
		mark = "the baseline's dominant model, " + words.RunModelShort(*from) + ", the row moved from; now " + now
	case from != nil:
		mark = "the dominant model, " + words.RunModelShort(*from) + ", unchanged from the baseline"
	}
	lines = append(lines, styled(st.ink().Text, Wrap(GlyphSelected+" marks "+mark+". Moves to ops run it are unlikely; back to unorganized, no reason:", w))...)
	_, unlikely := orgs.Transition(orgs.YouRunIt, orgs.OpsRunIt)
	_, noReason := orgs.Transition(orgs.YouRunIt, orgs.Unorganized)
	lines = append(lines, styled(st.ink().Muted, wrapped(unlikely, w, "  - ", "    "))...)
	lines = append(lines, styled(st.ink().Muted, wrapped(noReason, w, "  - ", "    "))...)
	return lines
}

// matrixHead is the matrix's column heads, each run model's one short form wrapped over as
// many lines as the narrowest column needs, the current model's column marked when it is
// not the row moved from.
func matrixHead(st Styles, cur, from *orgs.RunModel, labelW, colW, w int) []string {
	cols := make([][]string, len(orgs.SpectrumOrder))
	n := 1
	for i, to := range orgs.SpectrumOrder {
		name := words.RunModelShort(to)
		if cur != nil && *cur == to && (from == nil || *from != to) {
			name = GlyphSelected + " " + name
		}
		cols[i] = wordLines(name, colW-1)
		n = max(n, len(cols[i]))
	}
	var lines []string
	for l := 0; l < n; l++ {
		label := ""
		if l == n-1 {
			label = "from \\ to"
		}
		head := "  " + Pad(label, labelW)
		for _, c := range cols {
			part := ""
			if k := l - (n - len(c)); k >= 0 {
				part = c[k]
			}
			head += Pad(part, colW)
		}
		lines = append(lines, st.ink().Title.Render(Trunc(head, w)))
	}
	return lines
}

func presentDecisions(d *Data, st Styles, w, _ int) []string {
	tr := &d.An.Transition
	var lines []string
	for _, ch := range []orgs.Changeability{orgs.Hard, orgs.Easy, orgs.TeamLocal, orgs.Staffing} {
		var these []orgs.Decision
		for _, dc := range tr.Decisions {
			if dc.Changeability == ch {
				these = append(these, dc)
			}
		}
		s := st.ink().Text
		if ch == orgs.Hard {
			s = st.ink().Changed
		}
		lines = append(lines, st.ink().Title.Render(Trunc(fmt.Sprintf("%s: %s (%d)", ch, ch.Explain(), len(these)), w)))
		for _, dc := range these {
			text := S(dc.Detail)
			if dc.Kind != orgs.DecideNewSREOrg && dc.Kind != orgs.DecideDissolveSREOrg {
				text = S(dc.Subject) + ": " + text
			}
			lines = append(lines, styled(s, wrapped(text, w, "  - ", "    "))...)
		}
	}
	if len(tr.Decisions) == 0 {
		lines = append([]string{st.ink().Present.Render(Trunc("No decision yet: the current model is the baseline.", w)), ""}, lines...)
	}
	return lines
}

func presentPositioning(d *Data, st Styles, w, _ int) []string {
	var org, role *orgs.Positioning
	where := "The SRE org holds no team yet: its positioning applies once it does."
	roleWhere := "No SRE role outside an SRE org: the same four positionings apply once there is one (dedicated SREs in dev teams, SRE teams in the dev or ops org)."
	if pv := d.An.Positioning; pv != nil {
		org = pv.ID
		if pv.SREOrg {
			where = "The SRE org's positioning is unset: steer toward partner or, best, enabler."
			if org != nil {
				where = "The SRE org is positioned " + org.Info().Name + "."
			}
		}
		if pv.Role != nil {
			role = pv.Role.ID
			roleWhere = "The new SRE role outside the SRE org is unset: steer it toward partner or, best, enabler (ctrl+p)."
			if role != nil {
				roleWhere = "The new SRE role outside the SRE org is positioned " + role.Info().Name + "."
			}
		}
	}
	lines := styled(st.ink().Present, Wrap(where, w))
	lines = append(lines, styled(st.ink().Present, Wrap(roleWhere, w))...)
	lines = append(lines, "")
	for _, p := range orgs.AllPositionings {
		info := p.Info()
		lead, s, tag := "  ", st.ink().Text, ""
		switch {
		case org != nil && *org == p && role != nil && *role == p:
			tag = "  (SRE org and role)"
		case org != nil && *org == p:
			tag = "  (SRE org)"
		case role != nil && *role == p:
			tag = "  (SRE role)"
		}
		if tag != "" {
			lead, s = GlyphSelected+" ", st.ink().AccentBold
		}
		lines = append(lines, s.Render(Trunc(lead+info.Name+tag, w)))
		lines = append(lines, st.ink().Muted.Render(Trunc("    focus: "+info.Focus+"; strategy: "+info.Strategy, w)))
	}
	return lines
}

// presentCriteria is the criteria table with every cell in full: on one page when it fits in
// h lines, else its rows split over pages of h lines each, every page with the table's
// header, so that nothing on screen is cut ("None if services within error budgets").
func presentCriteria(d *Data, st Styles, w, h int) []string {
	in := newCriteriaInput(d.An)
	in.even = true
	all := in.rows
	draw := func(rows []criterionRow) []string {
		in.rows = rows
		return drawCriteria(&in, st, w, fullPanelHeight)
	}
	if full := draw(all); len(full) <= h {
		return full
	}
	var out []string
	for i := 0; i < len(all); {
		// the most rows from i that fit on a page
		j := i + 1
		page := draw(all[i:j])
		if len(page) > h {
			return criteriaPanel(d, st, w, h) // not even one row fits: the compact table
		}
		for j < len(all) {
			next := draw(all[i : j+1])
			if len(next) > h {
				break
			}
			page, j = next, j+1
		}
		for len(page) < h && j < len(all) {
			page = append(page, "") // the next page starts on a page boundary
		}
		out = append(out, page...)
		i = j
	}
	return out
}
