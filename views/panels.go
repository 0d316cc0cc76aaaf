package views

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/lipgloss/table"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/report"
)

// PanelID names one of the verdict panels.
type PanelID int

// The panels, in tab order.
const (
	PanelTopology PanelID = iota
	PanelCriteria
	PanelFunding
	PanelServices
	PanelStaffing
	PanelTransition
	PanelIdentity
	PanelPositioning
	PanelAdvisories
	panelCount
)

var panelTitles = [panelCount]string{"Topology", "Criteria", "Funding", "Services", "Staffing", "Transition", "Identity", "Positioning", "Advisories"}

// panelShort are the titles on a tab line too narrow for the full ones.
var panelShort = [panelCount]string{"Topo", "Crit", "Fund", "Svc", "Staff", "Trans", "Ident", "Pos", "Adv"}

// Title is the panel's title.
func (p PanelID) Title() string {
	if p < 0 || p >= panelCount {
		return ""
	}
	return panelTitles[p]
}

// Changed reports whether the verdicts panel p shows differ from the baseline's.
func (p PanelID) Changed(c *orgs.Changes) bool {
	if c == nil {
		return false
	}
	switch p {
	case PanelTopology:
		return c.Topology || c.RunModel
	case PanelCriteria:
		return c.Criteria
	case PanelFunding:
		return c.Funding
	case PanelTransition:
		return c.Transition
	case PanelIdentity:
		return c.Identity
	case PanelPositioning:
		return c.Positioning
	case PanelAdvisories:
		return c.Advisories
	}
	return false
}

// panelChanged reports whether the verdicts panel p shows differ from the baseline's: for
// the Services panel, an exception changed run model (a service transition); for Staffing, the
// totals moved.
func panelChanged(d *Data, p PanelID) bool {
	if d.Changes == nil {
		return false
	}
	switch p {
	case PanelServices:
		return d.Changes.Services
	case PanelStaffing:
		return d.Changes.Staffing
	}
	return p.Changed(d.Changes)
}

// TabTitle is the panel's title with the changed mark when its verdicts changed.
func (p PanelID) TabTitle(c *orgs.Changes) string {
	if p.Changed(c) {
		return p.Title() + " " + GlyphChanged
	}
	return p.Title()
}

// Panels lists the panels an analysis has, in tab order: positioning only when the SRE
// organization holds teams, services only when the file has services, staffing only when
// a team is on call.
func Panels(an *orgs.Analysis) []PanelID {
	out := make([]PanelID, 0, panelCount)
	for p := PanelID(0); p < panelCount; p++ {
		if p == PanelPositioning && (an == nil || an.Positioning == nil) {
			continue
		}
		if p == PanelServices && (an == nil || len(an.Services) == 0) {
			continue
		}
		if p == PanelStaffing && (an == nil || len(an.Staffing.Rotations) == 0) {
			continue
		}
		out = append(out, p)
	}
	return out
}

// PanelLines draws panel p's content in full at width w, however many lines it takes: the
// panel opened full screen, which scrolls.
func PanelLines(p PanelID, d *Data, st Styles, w int) []string {
	if !d.ok() {
		return nil
	}
	return renderPanel(p, d, st, w, fullPanelHeight)
}

// fullPanelHeight is the height a panel drawn in full is given: more than any panel needs,
// the Services panel of the largest file included.
const fullPanelHeight = 1 << 20

// renderPanel draws panel p's content in at most w x h.
func renderPanel(p PanelID, d *Data, st Styles, w, h int) []string {
	if w <= 0 || h <= 0 {
		return nil
	}
	var lines []string
	switch p {
	case PanelTopology:
		lines = topologyPanel(d, st, w, h)
	case PanelCriteria:
		lines = criteriaPanel(d, st, w, h)
	case PanelFunding:
		lines = fundingPanel(d, st, w, h)
	case PanelServices, PanelStaffing:
		lines = tablePanel(p, d, st, w, h)
	case PanelTransition:
		lines = transitionPanel(d, st, w, h)
	case PanelIdentity:
		lines = identityPanel(d, st, w, h)
	case PanelPositioning:
		lines = positioningPanel(d, st, w)
	case PanelAdvisories:
		lines = advisoriesPanel(d, st, w, h)
	}
	return clip(lines, st, h)
}

// clip keeps at most h lines, replacing the last kept one by a "more" mark when it cuts.
func clip(lines []string, st Styles, h int) []string {
	if len(lines) <= h {
		return lines
	}
	if h <= 0 {
		return nil
	}
	out := slices.Clone(lines[:h-1])
	return append(out, st.ink().Muted.Render(fmt.Sprintf("  ... %d more line%s (z: full screen)", len(lines)-h+1, plural(len(lines)-h+1))))
}

// wrapped is Wrap with a first-line prefix and an indent for the following lines.
func wrapped(text string, w int, first, rest string) []string {
	lines := Wrap(text, max(1, w-width(first)))
	for i := range lines {
		if i == 0 {
			lines[i] = first + lines[i]
		} else {
			lines[i] = rest + lines[i]
		}
	}
	return lines
}

// ---- topology -------------------------------------------------------------

func topologyPanel(d *Data, st Styles, w, h int) []string {
	an := d.An
	var head []string
	if an.Summary.DevTeams == 0 {
		return []string{st.ink().Warning.Render(Trunc(GlyphWarning+" no dev team: no run model, no topology", w))}
	}
	if an.Topology.Dominant != nil {
		head = append(head, styled(st.ink().AccentBold, wrapped(report.TopologyName(an.Topology.Dominant), w, "", "  "))...)
	} else {
		head = append(head, st.ink().AccentBold.Render(Trunc("No topology: no dev team is in one of the nine", w)))
	}
	switch {
	case an.Topology.Pure:
		head = append(head, st.ink().Text.Render(Trunc(fmt.Sprintf("pure: every dev team in topology %d", *an.Topology.Dominant), w)))
	case impureWords(an) != "":
		head = append(head, styled(st.ink().Text, wrapped(impureWords(an), w, "", "  "))...)
	case len(an.Topology.Mix) == 0:
		n := an.Summary.DevTeams
		head = append(head, styled(st.ink().Text, wrapped(fmt.Sprintf("not pure: all %d dev team%s outside the nine (ops run it or unorganized)", n, plural(n)), w, "", "  "))...)
	default:
		outside := an.Summary.DevTeams
		for _, m := range an.Topology.Mix {
			outside -= m.DevTeams
		}
		n := len(an.Topology.Mix)
		txt := fmt.Sprintf("not pure: %d topolog%s", n, map[bool]string{true: "y", false: "ies"}[n == 1])
		if outside > 0 {
			txt += fmt.Sprintf(", %d dev team%s outside the nine", outside, plural(outside))
		}
		head = append(head, styled(st.ink().Text, wrapped(txt, w, "", "  "))...)
	}
	if ch := d.Changes; ch != nil && ch.WasTopology.Changed {
		head = append(head, styled(st.ink().Changed, wrapped("was "+report.TopologyName(ch.WasTopology.Value), w, GlyphChanged+" ", "  "))...)
	}
	if ch := d.Changes; ch != nil && ch.WasRunModel.Changed {
		now, was := "no dominant run model", "none"
		if an.RunModel.Dominant != nil {
			now = "run model " + an.RunModel.Dominant.Short()
		}
		if ch.WasRunModel.Value != nil {
			was = ch.WasRunModel.Value.Short()
		}
		head = append(head, styled(st.ink().Changed, wrapped(now+", was "+was, w, GlyphChanged+" ", "  "))...)
	}
	topoRows := func(cw int, names bool) []string {
		var rows []string
		for _, m := range an.Topology.Mix {
			t, _ := orgs.TopologyInfo(m.Topology)
			dom := an.Topology.Dominant != nil && *an.Topology.Dominant == m.Topology
			tail := ""
			if names {
				tail = t.Name
			}
			rows = append(rows, mixRow(st, dom, "T"+strconv.Itoa(m.Topology), 3, m.Share, m.DevTeams, mixDelta(d.Changes, false, m.Topology, ""), tail, cw))
		}
		return append(rows, goneTopologyRows(st, d.Changes, an.Topology.Mix, cw)...)
	}
	modelRows := func(cw int) []string {
		var rows []string
		for _, m := range an.RunModel.Mix {
			dom := an.RunModel.Dominant != nil && *an.RunModel.Dominant == m.ID
			rows = append(rows, mixRow(st, dom, m.ID.Short(), 18, m.Share, m.DevTeams, mixDelta(d.Changes, true, 0, m.ID), "", cw))
		}
		rows = append(rows, goneRows(st, d.Changes, an.RunModel.Mix, cw)...)
		return rows
	}
	topoTitle := st.ink().Title.Render("Topology mix") + st.ink().Muted.Render(" (dev teams)")
	modelTitle := st.ink().Title.Render("Run model mix")
	// stacked, with the topologies' names, when the height allows
	stacked := slices.Clone(head)
	if an.Topology.Dominant != nil {
		t, _ := orgs.TopologyInfo(*an.Topology.Dominant)
		note := Wrap(t.Note, w)
		if len(head)+len(note)+4+len(an.Topology.Mix)+len(an.RunModel.Mix) <= h {
			for _, l := range note {
				stacked = append(stacked, st.ink().Muted.Render(l))
			}
		}
	}
	if len(an.Topology.Mix) > 0 {
		stacked = append(stacked, "", topoTitle)
		stacked = append(stacked, topoRows(w, true)...)
	}
	stacked = append(stacked, "", modelTitle)
	stacked = append(stacked, modelRows(w)...)
	if len(stacked) <= h || w < 64 {
		return stacked
	}
	// side by side, without names, when it is short
	lw := max(28, w*2/5)
	rw := w - lw - 2
	left := append([]string{topoTitle}, topoRows(lw, false)...)
	right := append([]string{modelTitle}, modelRows(rw)...)
	n := max(len(left), len(right))
	lines := slices.Clone(head)
	lines = append(lines, strings.Split(joinBlocks(2, []int{lw, rw}, Block(left, lw, n), Block(right, rw, n)), "\n")...)
	return lines
}

// mixRow is one bar of a mix: "> T1  ██████░░░░  4  30.8%  name"; the dominant entry is
// marked by a glyph as well as colour.
func mixRow(st Styles, dominant bool, label string, labelW int, share float64, n int, delta, tail string, w int) string {
	lead := "  "
	ls := st.ink().Text
	if dominant {
		lead = GlyphSelected + " "
		ls = st.ink().AccentBold
	}
	if w < 40 {
		labelW = min(labelW, 10)
	}
	nums := fmt.Sprintf(" %3d %6s", n, report.Percent(share))
	if delta != "" {
		nums += " " + delta
	}
	barW := max(4, min(24, w-2-labelW-1-len(nums)-1))
	if tail != "" {
		barW = max(4, min(barW, w/5)) // leave room for the name
	}
	row := lead + ls.Render(Pad(label, labelW)) + " " + Bar(st, share, barW) + st.ink().Text.Render(nums)
	if tail != "" {
		row += st.ink().Muted.Render("  " + tail)
	}
	return Trunc(row, w)
}

// mixDelta is the change of a mix entry's dev teams against the baseline ("+2", "-1"), or
// "" when it did not change: of run model id when model is set, else of topology t.
func mixDelta(c *orgs.Changes, model bool, t int, id orgs.RunModel) string {
	if c == nil {
		return ""
	}
	n := c.TopologyMix[t]
	if model {
		n = c.RunModelMix[id]
	}
	if n == 0 {
		return ""
	}
	return fmt.Sprintf("%+d", n)
}

// goneRows lists the run models the baseline had and the current model no longer has, so
// that a mix row that vanished still shows its "-N".
func goneRows(st Styles, c *orgs.Changes, mix []orgs.RunModelMix, w int) []string {
	if c == nil {
		return nil
	}
	var out []string
	for _, id := range orgs.SpectrumOrder {
		has := slices.ContainsFunc(mix, func(m orgs.RunModelMix) bool { return m.ID == id })
		if n := c.RunModelMix[id]; n < 0 && !has {
			out = append(out, st.ink().Changed.Render(Trunc(fmt.Sprintf("%s %s: none now (%+d)", GlyphChanged, id.Short(), n), w)))
		}
	}
	return out
}

// goneTopologyRows lists the topologies the baseline had and the current model no longer
// has, so that a mix row that vanished still shows its "-N".
func goneTopologyRows(st Styles, c *orgs.Changes, mix []orgs.TopologyMix, w int) []string {
	if c == nil {
		return nil
	}
	var out []string
	for n := 1; n <= 9; n++ {
		has := slices.ContainsFunc(mix, func(m orgs.TopologyMix) bool { return m.Topology == n })
		if k := c.TopologyMix[n]; k < 0 && !has {
			out = append(out, st.ink().Changed.Render(Trunc(fmt.Sprintf("%s T%d: none now (%+d)", GlyphChanged, n, k), w)))
		}
	}
	return out
}

// ---- criteria -------------------------------------------------------------

// criterionShort are the criteria's names for narrow tables (the full names are in orgs).
var criterionShort = map[string]string{
	"Involvement of the development teams in the on-call work": "Dev teams on call",
	"Knowledge synchronization between teams":                  "Knowledge sync",
	"Incident resolution times":                                "Incident resolution",
	"Service handover for operations":                          "Service handover",
	"Establishment of a distinct SRE organization":             "Distinct SRE org",
	"Ownership of the SRE infrastructure":                      "SRE infra owner",
	"Availability targets and product demand":                  "Availability targets",
}

// criteriaInput is everything the criteria panel draws: the criteria, the dominant run
// model, each compared model's share of dev teams and the baseline's dominant model. The
// panel draws from it alone, so equal inputs draw equal panels (see Memo).
type criteriaInput struct {
	dominant bool // the analysis has a dominant model
	dom      int  // its column, -1 when it has none (unorganized)
	shares   [4]float64
	rows     []criterionRow
	baseline string
	// even gives the four models equal columns, for a table drawn in full whatever its
	// height (a presentation page): the dominant column's extra room is for a short one
	even bool
}

type criterionRow struct {
	name    string
	values  orgs.ModelValues
	changed bool
}

func newCriteriaInput(an *orgs.Analysis) criteriaInput {
	in := criteriaInput{dom: -1, baseline: report.ModelName(an.BaselineRunModel), rows: make([]criterionRow, len(an.Criteria))}
	if an.RunModel.Dominant != nil {
		in.dominant, in.dom = true, an.RunModel.Dominant.Column()
	}
	for _, m := range an.RunModel.Mix {
		if c := m.ID.Column(); c >= 0 {
			in.shares[c] = m.Share
		}
	}
	for i, cv := range an.Criteria {
		in.rows[i] = criterionRow{cv.Criterion, cv.Values, cv.Changed}
	}
	return in
}

func (in *criteriaInput) equal(o *criteriaInput) bool {
	return in.even == o.even && in.dominant == o.dominant && in.dom == o.dom && in.shares == o.shares && in.baseline == o.baseline && slices.Equal(in.rows, o.rows)
}

func criteriaPanel(d *Data, st Styles, w, h int) []string {
	in := newCriteriaInput(d.An)
	if d.Memo == nil {
		return drawCriteria(&in, st, w, h)
	}
	// two sizes are kept: the table in full (measured for the layout) and as drawn
	k := st.ink()
	memo := &d.Memo.criteria
	for i := range memo {
		if c := &memo[i]; c.lines != nil && c.pens == k && c.w == w && c.h == h && c.in.equal(&in) {
			return slices.Clone(c.lines)
		}
	}
	memo[1] = memo[0]
	memo[0] = criteriaMemo{in: in, pens: k, w: w, h: h, lines: drawCriteria(&in, st, w, h)}
	return slices.Clone(memo[0].lines)
}

func drawCriteria(in *criteriaInput, st Styles, w, h int) []string {
	dom := in.dom
	const seps = 4
	avail := w - seps
	if avail < 30 {
		return []string{Trunc("the criteria table needs more room", w)}
	}
	// column widths: the criterion names, then the four models; the dominant model's
	// column gets room for its values when the others are narrow
	critW := min(40, max(14, avail*30/100))
	rest := avail - critW
	var mw [4]int
	for c := range mw {
		mw[c] = rest / 4
	}
	if dom >= 0 && rest/4 < 24 && !in.even {
		if want := min(26, rest-3*9); want > mw[dom] {
			for c := range mw {
				mw[c] = (rest - want) / 3
			}
			mw[dom] = want
		}
	}
	mw[3] += rest - (mw[0] + mw[1] + mw[2] + mw[3])
	// the rows take as many lines as the height allows; the header rule and the legend go
	// first when it is short
	rowLines, rule, legend := 1, h >= 12, h >= 13
	for _, rl := range []int{3, 2} {
		if 4+9*rl <= h {
			rowLines = rl
			break
		}
	}
	// when every cell can show in full, each row takes the lines its longest cell needs:
	// nothing is cut
	fullRows := make([]int, len(in.rows))
	total := 4
	for r, cv := range in.rows {
		n := len(Wrap(cv.name, critW))
		for c := range orgs.ComparedModels {
			v := cv.values[c]
			if c == dom && cv.changed {
				v = GlyphChanged + " " + v
			}
			n = max(n, len(Wrap(v, mw[c])))
		}
		fullRows[r] = n
		total += n
	}
	if total <= h {
		rowLines, rule, legend = 0, true, true
	}
	cell := func(text string, width int) string {
		ls := Wrap(text, width)
		if rowLines > 0 && len(ls) > rowLines {
			// the last line takes the rest of the text, cut with an ellipsis
			ls[rowLines-1] = Trunc(strings.Join(ls[rowLines-1:], " "), width)
			ls = ls[:rowLines]
		}
		for i := range ls {
			ls[i] = Pad(ls[i], width)
		}
		return strings.Join(ls, "\n")
	}
	headers := []string{Pad("Criterion", critW)}
	for c, m := range orgs.ComparedModels {
		label := m.Short()
		if width(label)+2 > mw[c] {
			label = strings.TrimSuffix(strings.ReplaceAll(label, " and ", " & "), " run it")
		}
		if c == dom {
			label = GlyphSelected + " " + label
		}
		headers = append(headers, Pad(label, mw[c]))
	}
	rows := make([][]string, 0, len(in.rows))
	for _, cv := range in.rows {
		name := cv.name
		if short, ok := criterionShort[name]; ok && rowLines == 1 && width(name) > critW {
			name = short
		}
		row := []string{cell(name, critW)}
		for c := range orgs.ComparedModels {
			v := cv.values[c]
			if c == dom && cv.changed {
				v = GlyphChanged + " " + v
			}
			row = append(row, cell(v, mw[c]))
		}
		rows = append(rows, row)
	}
	tb := table.New().
		Border(lipgloss.NormalBorder()).
		BorderTop(false).BorderBottom(false).BorderLeft(false).BorderRight(false).
		BorderHeader(rule).
		BorderStyle(st.Rule).
		Headers(headers...).
		Rows(rows...).
		StyleFunc(func(row, col int) lipgloss.Style {
			switch {
			case col-1 == dom && row == table.HeaderRow:
				return st.HighlightHead
			case col-1 == dom:
				if row >= 0 && row < len(in.rows) && in.rows[row].changed {
					return st.Highlight.Foreground(st.Changed.GetForeground()).Bold(true)
				}
				return st.Highlight
			case row == table.HeaderRow:
				return st.Title
			case col == 0:
				return st.Text
			}
			return st.Muted
		})
	// each model's share of dev teams, over its column
	share := st.ink().Muted.Render(Pad("share of dev teams", critW))
	for c := range orgs.ComparedModels {
		s := Center(report.Percent(in.shares[c]), mw[c])
		if c == dom {
			s = st.ink().AccentBold.Render(s)
		} else {
			s = st.ink().Text.Render(s)
		}
		share += " " + s
	}
	lines := []string{Trunc(share, w)}
	lines = append(lines, strings.Split(tb.Render(), "\n")...)
	if !legend {
		return lines
	}
	var text string
	switch {
	case dom < 0 && in.dominant:
		text = "dominant: unorganized, which has no column"
	case dom < 0:
		text = "no dominant model: no dev team"
	default:
		text = GlyphSelected + " dominant model"
		changed := false
		for _, cv := range in.rows {
			changed = changed || cv.changed
		}
		if changed {
			text += "; " + GlyphChanged + " differs from the baseline's dominant model (" + in.baseline + ")"
		}
	}
	return append(lines, st.ink().Muted.Render(Trunc(text, w)))
}

// ---- funding --------------------------------------------------------------

func fundingPanel(d *Data, st Styles, w, h int) []string {
	f := &d.An.Funding
	cur := f.Currency
	amount := func(hc orgs.HeadCost) string {
		if f.HasCosts {
			return report.Money(hc.Cost, cur) + " (" + people(hc.Headcount) + ")"
		}
		return people(hc.Headcount)
	}
	first := f.CapexSplit()
	by := "by cost"
	if !f.HasCosts {
		by = "by headcount (no per_head known)"
	}
	legend := "  █ CAPEX ▒ OPEX"
	barW := min(w, 48)
	bar := SplitBar(st, first, barW)
	if w-barW >= len(legend) {
		bar += st.ink().Muted.Render(legend)
	}
	roomy := h >= 13
	lines := []string{
		Trunc(st.ink().AccentBold.Render("CAPEX "+report.Percent(first))+st.ink().Text.Render(" / ")+st.ink().Bold.Render("OPEX "+report.Percent(1-first))+st.ink().Muted.Render(" "+by), w),
		bar,
	}
	lines = append(lines, withDelta(st, st.ink().Text, "CAPEX "+amount(f.CAPEX), f.HasCosts, f.Delta.CapexCost, f.Delta.CapexHeadcount, cur, w)...)
	lines = append(lines, withDelta(st, st.ink().Text, "OPEX  "+amount(f.OPEX), f.HasCosts, f.Delta.OpexCost, f.Delta.OpexHeadcount, cur, w)...)
	if roomy {
		lines = append(lines, "")
	}
	lines = append(lines, st.ink().Title.Render("Budgets")+st.ink().Muted.Render(Trunc(" (whose budget carries each team)", max(0, w-7))))
	budget := func(org orgs.OrgID) (row []string, changed bool) {
		b, dl := f.Orgs.Of(org), f.OrgsDelta.Of(org)
		text := "  " + Pad(report.OrgShort(org), 8) + PadLeft(people(b.Headcount), 11)
		if f.HasCosts {
			text += PadLeft(report.Money(b.Cost, cur), 17)
		}
		style := st.ink().Text
		if changed = dl.Cost != 0 || dl.Headcount != 0; changed {
			style = st.ink().Changed
			text = GlyphChanged + text[1:]
		}
		return withDelta(st, style, text, f.HasCosts, dl.Cost, dl.Headcount, cur, w), changed
	}
	tail := []string{st.ink().Text.Render(Trunc(fmt.Sprintf("run models: %s of dev teams CAPEX-funded, %s OPEX-funded (ops run it)",
		report.Percent(f.ModelFunding.CapexShare), report.Percent(f.ModelFunding.OpexShare)), w))}
	if roomy {
		tail = append([]string{""}, tail...)
	}
	// every budget in board order when it fits; else the changed ones only, so that a short
	// panel never hides what changed behind what did not
	var all, changed []string
	unchanged := 0
	for _, org := range orgs.AllOrgs {
		row, ch := budget(org)
		all = append(all, row...)
		if ch {
			changed = append(changed, row...)
		} else {
			unchanged++
		}
	}
	if len(lines)+len(all)+len(tail) <= h || unchanged == len(orgs.AllOrgs) {
		lines = append(lines, all...)
	} else {
		lines = append(lines, changed...)
		lines = append(lines, st.ink().Muted.Render(Trunc(fmt.Sprintf("  (%d unchanged; z shows every budget)", unchanged), w)))
	}
	if len(d.An.Staffing.Rotations) > 0 {
		style := st.ink().Text
		if d.An.Staffing.Needed > 0 {
			style = st.ink().Warning
		}
		tail = append(tail, styled(style, wrapped(fundingStaffing(d.An), w, "", "  "))...)
	}
	return append(lines, tail...)
}

// withDelta is text followed by its change against the baseline: on the same line when it
// fits, else on the next one; "(no change)" is left out when it does not fit.
func withDelta(st Styles, style *pen, text string, hasCosts bool, cost int64, heads int, cur *string, w int) []string {
	delta := deltaWords(hasCosts, cost, heads, cur)
	switch {
	case width(text)+1+width(delta) <= w:
		return []string{style.Render(text + " " + delta)}
	case cost == 0 && heads == 0:
		return []string{style.Render(Trunc(text, w))}
	}
	return []string{style.Render(Trunc(text, w)), style.Render(Trunc("      "+delta, w))}
}

// deltaWords is a change against the baseline with its sign, "(no change)" when zero.
func deltaWords(hasCosts bool, cost int64, heads int, cur *string) string {
	if cost == 0 && heads == 0 {
		return "(no change)"
	}
	if hasCosts {
		return "(" + report.Signed(cost) + currencySuffix(cur) + ", " + report.Signed(int64(heads)) + " people)"
	}
	return "(" + report.Signed(int64(heads)) + " people)"
}

func currencySuffix(cur *string) string {
	if cur == nil || *cur == "" {
		return ""
	}
	return " " + S(*cur)
}

// ---- transition -----------------------------------------------------------

// VerdictStyle is the style and glyph of a transition verdict: the bad ones carry "!".
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
	tr := &d.An.Transition
	vs, glyph := verdictMark(st, tr.Verdict)
	lines := []string{st.ink().Bold.Render("Transition from the baseline: ") + vs.Render(glyph+tr.Verdict.Words())}
	// the teams behind it, worst first: one pass over the teams (every dev team has a
	// transition), keeping of each verdict only what can show
	budget := max(3, h/2)
	var behind []orgs.TeamTransition
	total := 0
	var ranked [len(transitionOrder)][]int // the first teams of each verdict, up to the budget
	for i := range tr.Teams {
		r := transitionRank(tr.Teams[i].Verdict)
		if r < 0 {
			continue
		}
		total++
		if len(ranked[r]) < budget {
			ranked[r] = append(ranked[r], i)
		}
	}
	for _, is := range ranked {
		for _, i := range is {
			if len(behind) < budget {
				behind = append(behind, tr.Teams[i])
			}
		}
	}
	if total == 0 {
		lines = append(lines, st.ink().Muted.Render(Trunc("every dev team runs as in the baseline", w)))
	}
	if total > len(behind) {
		behind = behind[:budget-1]
	}
	for _, t := range behind {
		s, g := verdictMark(st, t.Verdict)
		if g == "" {
			g, s = "  ", st.ink().Text
		}
		text := S(t.Team) + ": " + report.VerdictWords(t)
		if ls := wrapped(text, w, g, "    "); len(ls) > 1 && h >= 12 {
			lines = append(lines, styled(s, ls)...)
		} else {
			lines = append(lines, s.Render(Trunc(g+text, w)))
		}
		if t.Reason != "" && h >= 12 {
			lines = append(lines, styled(st.ink().Muted, wrapped(t.Reason, w, "    ", "    "))...)
		}
	}
	if total > len(behind) {
		lines = append(lines, st.ink().Muted.Render(fmt.Sprintf("  ... and %d more team%s", total-len(behind), plural(total-len(behind)))))
	}
	lines = append(lines, "", st.ink().Title.Render("Decisions")+st.ink().Muted.Render(" (how hard to undo)"))
	if len(tr.Decisions) == 0 {
		lines = append(lines, st.ink().Muted.Render("  none yet"))
	}
	// hardest first: one pass per changeability, stopping when the height is used; a
	// decision takes two lines when it does not fit in one and there is room
	room := max(1, h-len(lines)-1)
	spare := room - len(tr.Decisions)
	shown := 0
	for _, ch := range []orgs.Changeability{orgs.Hard, orgs.Easy, orgs.TeamLocal, orgs.Staffing} {
		for _, dc := range tr.Decisions {
			if dc.Changeability != ch || (len(tr.Decisions) > room && shown >= room-1) || shown >= room {
				continue
			}
			shown++
			s := st.ink().Text
			if dc.Changeability == orgs.Hard {
				s = st.ink().Changed
			}
			text := S(dc.Detail)
			if dc.Kind != orgs.DecideNewSREOrg && dc.Kind != orgs.DecideDissolveSREOrg {
				text = S(dc.Subject) + ": " + text
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
	if rest := len(tr.Decisions) - shown; rest > 0 {
		lines = append(lines, st.ink().Muted.Render(fmt.Sprintf("  ... and %d more decision%s", rest, plural(rest))))
	}
	if len(tr.Decisions) > 0 && w >= 60 {
		// the legend in full where the height allows, else on one line
		legend := "hard: " + orgs.Hard.Explain() + "; easy: " + orgs.Easy.Explain()
		if ls := wrapped(legend, w, "  ", "  "); len(lines)+len(ls) <= h {
			lines = append(lines, styled(st.ink().Muted, ls)...)
		} else {
			lines = append(lines, st.ink().Muted.Render(Trunc("  "+legend, w)))
		}
	}
	return lines
}

// ---- identity -------------------------------------------------------------

func identityPanel(d *Data, st Styles, w, h int) []string {
	id := d.An.Identity
	// words are the identity's name and pride (head), then its weights and KPIs (rest)
	words := func(w int) (head, rest []string) {
		if id.Dominant == nil {
			head = append(head, st.ink().AccentBold.Render(Trunc("No SRE identity yet", w)))
			head = append(head, styled(st.ink().Muted, Wrap("no SRE team serves a dev team and no dev team runs its own services", w))...)
		} else {
			info := id.Dominant.Info()
			head = append(head, st.ink().AccentBold.Render(Trunc(info.Name, w)))
			// the SRE people it rests on, in the report's words
			if rests := strings.TrimPrefix(report.IdentityHeadline(id), info.Name); rests != "" {
				head = append(head, styled(st.ink().Muted, Wrap(strings.TrimPrefix(strings.TrimPrefix(rests, ", "), " "), w))...)
			}
			head = append(head, styled(st.ink().Text, wrapped("pride: "+info.Pride, w, "", "  "))...)
		}
		if ch := d.Changes; ch != nil && ch.WasIdentity.Changed {
			was := "no SRE identity"
			if ch.WasIdentity.Value != nil {
				was = ch.WasIdentity.Value.Info().Name
			}
			head = append(head, styled(st.ink().Changed, wrapped("was "+was, w, GlyphChanged+" ", "  "))...)
		}
		rest = styled(st.ink().Muted, Wrap(fmt.Sprintf("weights: product %s, incident %s, reliability UX %s",
			report.Percent(id.Weights[0]), report.Percent(id.Weights[1]), report.Percent(id.Weights[2])), w))
		if len(d.An.KPIs) > 0 {
			rest = append(rest, "", st.ink().Title.Render("KPIs"))
			var last orgs.Identity
			for _, k := range d.An.KPIs {
				if k.Identity != last {
					last = k.Identity
					rest = append(rest, st.ink().Muted.Render(Trunc(k.Identity.Info().Name+":", w)))
				}
				mark, style := "  - ", st.ink().Text
				switch k.Status {
				case orgs.KPIMet:
					mark = "  + "
				case orgs.KPIMissed:
					mark, style = "  "+GlyphWarning+" ", st.ink().Warning
				}
				rest = append(rest, styled(style, wrapped(S(k.Text)+": "+report.KPIStatusWords(k), w, mark, "    "))...)
			}
		}
		return head, rest
	}
	if w >= 70 {
		// the triangle on the left, the words on the right
		tw := 36
		rw := w - tw - 2
		head, rest := words(rw)
		right := append(head, rest...)
		left := Triangle(st, id, tw, max(3, min(6, h-3)))
		n := min(h, max(len(left), len(right)))
		return strings.Split(joinBlocks(2, []int{tw, rw}, Block(left, tw, n), Block(clip(right, st, n), rw, n)), "\n")
	}
	head, rest := words(w)
	lines := append(head, Triangle(st, id, w, max(3, min(6, h-10)))...)
	return append(lines, rest...)
}

func styled(s *pen, lines []string) []string {
	for i, l := range lines {
		lines[i] = s.Render(l)
	}
	return lines
}

// Triangle draws the identity triangle in h rows (3 or more): product-centric at the top,
// incident-centric bottom left, reliability user experience-centric bottom right, with the
// weighted position marked X (none when there is no identity).
func Triangle(st Styles, id orgs.IdentityVerdict, w, h int) []string {
	h = max(3, h)
	cx := w / 2
	grid := make([][]byte, h)
	for r := range grid {
		grid[r] = []byte(spaces(w))
		left, right := cx-r, cx+r
		if left < 0 || right >= w {
			continue
		}
		switch {
		case r == 0:
			grid[r][cx] = '^'
		default:
			grid[r][left], grid[r][right] = '/', '\\'
			if r == h-1 {
				for x := left + 1; x < right; x++ {
					grid[r][x] = '_'
				}
			}
		}
	}
	mr, mc := -1, -1
	if id.Dominant != nil {
		p, u := id.Weights[0], id.Weights[2]
		y := 1 - p
		x := 0.5*p + u
		mr = int(y*float64(h-1) + 0.5)
		mr = max(0, min(h-1, mr))
		mc = cx + int((x-0.5)*2*float64(h-1)+0.5*sign(x-0.5))
		if mr == 0 {
			mc = cx
		} else {
			mc = max(cx-mr+1, min(cx+mr-1, mc))
		}
		if mc >= 0 && mc < w {
			grid[mr][mc] = GlyphMarker[0]
		}
	}
	// each label at its corner: the top one centred over the apex, the bottom ones ending
	// at the left corner and starting at the right one, on two lines when they would meet
	top := "product-centric"
	left := "incident-centric"
	right, rightShort := "reliability user experience-centric", "reliability UX-centric"
	lines := []string{st.ink().Text.Render(Center(top, w))}
	for r, row := range grid {
		s := strings.TrimRight(string(row), " ")
		pad := spaces(max(0, w-len(s)))
		if r == mr && mc >= 0 && mc < len(s) {
			s = st.ink().Muted.Render(s[:mc]) + st.ink().AccentBold.Render(GlyphMarker) + st.ink().Muted.Render(s[mc+1:])
		} else {
			s = st.ink().Muted.Render(s)
		}
		lines = append(lines, s+pad)
	}
	lx, rx := max(0, cx-(h-1)), min(w-1, cx+(h-1))
	ls := max(0, lx+1-len(left))
	// the right label in full beside the left one when it fits, else its short form
	// ("UX" is the talk's own abbreviation), on the next line when they would still meet
	placed := false
	for _, right := range []string{right, rightShort} {
		if rs := max(0, min(rx, w-len(right))); ls+len(left) < rs && rs+len(right) <= w {
			lines = append(lines, st.ink().Text.Render(Pad(spaces(ls)+left+spaces(rs-ls-len(left))+right, w)))
			placed = true
			break
		}
	}
	if !placed {
		rs := max(0, min(rx, w-len(rightShort)))
		lines = append(lines, st.ink().Text.Render(Trunc(Pad(spaces(ls)+left, w), w)), st.ink().Text.Render(Pad(spaces(rs)+Trunc(rightShort, w-rs), w)))
	}
	if id.Dominant != nil {
		lines = append(lines, st.ink().Muted.Render(Trunc(GlyphMarker+" marks the weights' position", w)))
	}
	return lines
}

func sign(x float64) float64 {
	if x < 0 {
		return -1
	}
	return 1
}

// ---- positioning ----------------------------------------------------------

func positioningPanel(d *Data, st Styles, w int) []string {
	pv := d.An.Positioning
	if pv == nil {
		return []string{st.ink().Muted.Render(Trunc("the SRE org holds no team; its positioning applies once it does", w))}
	}
	var lines []string
	if pv.ID == nil {
		lines = append(lines, st.ink().Warning.Render(Trunc(GlyphInfo+" positioning unset: steer toward partner or, best, enabler", w)))
	} else {
		info := pv.ID.Info()
		lines = append(lines, st.ink().AccentBold.Render(Trunc(info.Name, w)),
			st.ink().Text.Render(Trunc("focus: "+S(*pv.Focus)+"; strategy: "+S(*pv.Strategy), w)))
	}
	lines = append(lines, "")
	nameW, focusW := 0, 0
	for _, p := range orgs.AllPositionings {
		nameW = max(nameW, len(p.Info().Name))
		focusW = max(focusW, len(p.Info().Focus))
	}
	for _, p := range orgs.AllPositionings {
		info := p.Info()
		lead, s := "  ", st.ink().Muted
		if pv.ID != nil && *pv.ID == p {
			lead, s = GlyphSelected+" ", st.ink().AccentBold
		}
		row := lead + Pad(info.Name, nameW+1)
		if fw := w - 2 - nameW - 1; fw >= focusW+12 {
			row += Pad(info.Focus, focusW+1) + info.Strategy
		} else {
			row += info.Focus
		}
		lines = append(lines, s.Render(Trunc(row, w)))
	}
	return lines
}

// ---- advisories -----------------------------------------------------------

func advisoriesPanel(d *Data, st Styles, w, h int) []string {
	if len(d.An.Advisories) == 0 && (d.Changes == nil || len(d.Changes.Cleared) == 0) {
		return []string{st.ink().Text.Render("no advisories")}
	}
	var lines []string
	for i, a := range d.An.Advisories {
		g, s := GlyphInfo+" ", st.ink().Info
		if a.Severity == orgs.Warning {
			g, s = GlyphWarning+" ", st.ink().Warning
		}
		msg := S(a.Message)
		if c := d.Changes; c != nil && i < len(c.AdvisoryMarks) && c.AdvisoryMarks[i] != orgs.AdvisorySame {
			msg = GlyphChanged + " " + string(c.AdvisoryMarks[i]) + ": " + msg
		}
		for _, l := range wrapped(msg, w, g, "  ") {
			lines = append(lines, s.Render(l))
		}
	}
	if c := d.Changes; c != nil {
		for _, a := range c.Cleared {
			for _, l := range wrapped(GlyphChanged+" cleared: "+S(a.Message), w, "- ", "  ") {
				lines = append(lines, st.ink().Muted.Render(l))
			}
		}
	}
	return lines
}

// AdvisoryCounts counts warnings and infos.
func AdvisoryCounts(an *orgs.Analysis) (warnings, infos int) {
	for _, a := range an.Advisories {
		if a.Severity == orgs.Warning {
			warnings++
		} else {
			infos++
		}
	}
	return
}
