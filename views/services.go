package views

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/words"
)

// The Services and Staffing panels: tables of what orgs computed for each service (rules.md
// sections 1 and 8) and each rotation (section 9). The rows come from report, so the
// dashboard and the report never word a verdict differently.

// statusRank orders service statuses worst first, for the panel sorted by status.
func statusRank(v *orgs.ServiceVerdict) int {
	switch {
	case v.Gap && v.OverBudget:
		return 0
	case v.Gap:
		return 1
	case v.OverBudget:
		return 2
	case v.Problem():
		return 3
	case v.Status == orgs.StatusOK:
		return 4
	}
	return 5
}

// ServiceOrder is the order the Services panel lists the services of an in: model order, or
// worst status first (model order among equals) when byStatus is set.
func ServiceOrder(an *orgs.Analysis, byStatus bool) []int {
	order := make([]int, len(an.Services))
	for i := range order {
		order[i] = i
	}
	if byStatus {
		slices.SortStableFunc(order, func(a, b int) int {
			return statusRank(&an.Services[a]) - statusRank(&an.Services[b])
		})
	}
	return order
}

// tableWidth is how wide tableLines lays header and rows out when it cuts nothing.
func tableWidth(header []string, rows [][]string) int {
	n := 2 + len(header) - 1
	for c, h := range header {
		col := width(h)
		for _, r := range rows {
			col = max(col, width(r[c]))
		}
		n += col
	}
	return n
}

// tableLines lays header and rows out in columns of at most w cells: each column as wide as
// its widest cell, the columns named in shrink cut down, tier by tier, when it does not
// fit. A cut cell ends in an ellipsis, or, when wrap is set (a panel full screen, whose
// height is not counted), goes on over as many lines as it needs. mark is the lead of each
// row ("! " or "  ").
func tableLines(st Styles, header []string, rows [][]string, marks []bool, styles []*pen, shrink [][]int, w int, wrap bool) []string {
	widths := make([]int, len(header))
	for c, h := range header {
		widths[c] = width(h)
	}
	for _, r := range rows {
		for c, cell := range r {
			widths[c] = max(widths[c], width(cell))
		}
	}
	total := func() int {
		n := 2 + len(widths) - 1
		for _, x := range widths {
			n += x
		}
		return n
	}
	// the columns of each tier of shrink together, down to 8 cells, tier after tier
	for _, tier := range shrink {
		for over := total() - w; over > 0; over = total() - w {
			cut := false
			for _, c := range tier {
				if widths[c] > 8 {
					widths[c]--
					cut = true
				}
			}
			if !cut {
				break
			}
		}
	}
	line := func(cells []string) string {
		parts := make([]string, len(cells))
		for c, cell := range cells {
			if c == len(cells)-1 {
				parts[c] = Trunc(cell, widths[c])
			} else {
				parts[c] = Pad(Trunc(cell, widths[c]), widths[c])
			}
		}
		return strings.Join(parts, " ")
	}
	// rowLines is a row as one line, or as the lines its wrapped cells take
	rowLines := func(cells []string) []string {
		if !wrap {
			return []string{line(cells)}
		}
		wrapped := make([][]string, len(cells))
		n := 1
		for c, cell := range cells {
			wrapped[c] = Wrap(cell, widths[c])
			n = max(n, len(wrapped[c]))
		}
		out := make([]string, n)
		for k := range out {
			parts := make([]string, len(cells))
			for c := range cells {
				if k < len(wrapped[c]) {
					parts[c] = wrapped[c][k]
				}
			}
			out[k] = line(parts)
		}
		return out
	}
	out := []string{st.ink().Title.Render(Trunc("  "+line(header), w))}
	for i, r := range rows {
		lead := "  "
		if marks[i] {
			lead = GlyphWarning + " "
		}
		for k, l := range rowLines(r) {
			if k > 0 {
				lead = "  "
			}
			out = append(out, styles[i].Render(Trunc(lead+l, w)))
		}
	}
	return out
}

// tablePanel draws the Services or Staffing panel, from the memo when it was drawn for the
// same analysis, size, order and styles.
func tablePanel(p PanelID, d *Data, st Styles, w, h int) []string {
	draw := func() []string {
		if p == PanelServices {
			return servicesPanel(d, st, w, h)
		}
		return staffingPanel(d, st, w, h)
	}
	if d.Memo == nil {
		return draw()
	}
	memo := &d.Memo.tables
	for i := range memo {
		if c := &memo[i]; c.lines != nil && c.an == d.An && c.panel == p && c.w == w && c.h == h && c.byStatus == d.ServicesByStatus && c.byBreach == d.ServicesByBreach && c.pens == st.ink() {
			return slices.Clone(c.lines)
		}
	}
	copy(memo[1:], memo[:len(memo)-1])
	memo[0] = tableMemo{an: d.An, panel: p, w: w, h: h, byStatus: d.ServicesByStatus, byBreach: d.ServicesByBreach, pens: st.ink(), lines: draw()}
	return slices.Clone(memo[0].lines)
}

func servicesPanel(d *Data, st Styles, w, h int) []string {
	an := d.An
	if len(an.Services) == 0 {
		return []string{st.ink().Muted.Render(Trunc("no services in this file", w))}
	}
	problems := an.ServiceVerdicts.Problems()
	order := "file order"
	switch {
	case d.ServicesByBreach:
		order = "likeliest to breach first"
	case d.ServicesByStatus:
		order = "worst status first"
	}
	head := fmt.Sprintf("%d service%s, %d with a problem (!); %s", len(an.Services), plural(len(an.Services)), problems, order)
	lines := []string{st.ink().Text.Render(Trunc(head, w))}
	if mix := an.ServiceMix; mix != nil && h >= fullPanelHeight {
		lines = append(lines, styled(st.ink().Muted, wrapped("run by: "+words.ServiceMix(mix), w, "", "  "))...)
	} else if mix != nil {
		lines = append(lines, st.ink().Muted.Render(Trunc("run by: "+words.ServiceMix(mix), w)))
	}
	rates := hasRates(d)
	if txt, changed := riskHead(d); txt != "" {
		style := st.ink().Text
		if changed {
			style = st.ink().Changed
		}
		lines = append(lines, style.Render(Trunc(txt, w)))
	}
	// only the rows that can show are laid out: a file may hold thousands of services
	room := max(1, h-len(lines)-1)
	var idx []int
	if d.ServicesByStatus || d.ServicesByBreach {
		idx = ServiceOrder(an, d.ServicesByStatus)
		if d.ServicesByBreach {
			breachOrder(an, idx)
		}
	} else {
		idx = make([]int, min(len(an.Services), room))
		for i := range idx {
			idx[i] = i
		}
	}
	if len(an.Services) > room {
		idx = idx[:max(0, room-1)]
	}
	rows := make([][]string, len(idx))
	marks := make([]bool, len(idx))
	styles := make([]*pen, len(idx))
	for k, i := range idx {
		v := &an.Services[i]
		r := words.ServiceRow(an, i, S)
		// team, run model, responders, target, budget, longest gap, status
		rows[k] = r
		marks[k] = v.Problem()
		styles[k] = st.ink().Text
		if marks[k] {
			styles[k] = st.ink().Warning
		}
	}
	header := []string{"Service", "Team", "Run model", "Responders", "Target", "Budget", "Gap", "Status"}
	full := h >= fullPanelHeight // full screen: the cells wrapped rather than cut
	if w < 100 {
		// narrow: the responders and the budget are left out, the status stays
		header = []string{"Service", "Team", "Run model", "Target", "Gap", "Status"}
		for k := range rows {
			r := rows[k]
			rows[k] = []string{r[0], r[1], r[2], r[4], r[6], r[7]}
		}
	}
	if rates {
		// the risk before the status, which may be long
		header = slices.Insert(header, len(header)-1, "p breach", "Down h")
		riskCells(d, st, idx, rows, marks, styles)
	}
	// the responders give way first, then the team (its services open under it on the
	// board), the service's own name last
	shrink := [][]int{{1}, {0}}
	switch {
	case len(header) >= 8 && full:
		shrink = [][]int{{1, 3}, {0}} // wrapped: the two share the cut
	case len(header) >= 8:
		shrink = [][]int{{3}, {1}, {0}}
	}
	lines = append(lines, tableLines(st, header, rows, marks, styles, shrink, w, full)...)
	if rest := len(an.Services) - len(idx); rest > 0 {
		lines = append(lines, st.ink().Muted.Render(Trunc("  ... and "+words.Count(rest, "more service")+" (z: full screen)", w)))
	}
	return lines
}

// staffingHead is the Staffing panel's first line: the totals with their change against the
// baseline.
func staffingHead(an *orgs.Analysis) string {
	s := &an.Staffing
	if s.Needed == 0 && s.Hires == 0 {
		return "every rotation is staffed: nobody on call more than 25% of the week (" + deltaPeople(s.Delta.Needed) + ")"
	}
	txt := fmt.Sprintf("to staff every rotation: +%s (%s), +%s a year",
		words.People(s.Needed), deltaPeople(s.Delta.Needed), words.Money(s.HireCost, an.Funding.Currency))
	if s.Hires != s.Needed {
		txt += "; " + words.Number(int64(s.Hires)) + " to hire"
	}
	return txt
}

// deltaPeople is a change of people against the baseline in words.
func deltaPeople(n int) string {
	if n == 0 {
		return "as the baseline"
	}
	return words.Signed(int64(n)) + " vs baseline"
}

func staffingPanel(d *Data, st Styles, w, h int) []string {
	an := d.An
	if len(an.Staffing.Rotations) == 0 {
		return []string{st.ink().Muted.Render(Trunc("no team is on call", w))}
	}
	style := st.ink().Text
	if an.Staffing.Needed > 0 {
		style = st.ink().Warning
	}
	lines := styled(style, wrapped(staffingHead(an), w, "", "  "))
	if d.Changes != nil && (an.Staffing.Delta != orgs.StaffingTotals{}) {
		lines = append(lines, st.ink().Changed.Render(Trunc(fmt.Sprintf("%s against the baseline: %s needed, %s to hire", GlyphChanged, words.Signed(int64(an.Staffing.Delta.Needed)), words.Signed(int64(an.Staffing.Delta.Hires))), w)))
	}
	if txt, changed := sleepHead(d); txt != "" {
		style := st.ink().Text
		if changed {
			style = st.ink().Changed
		}
		lines = append(lines, style.Render(Trunc(txt, w)))
	}
	rots := an.Staffing.Rotations
	room := max(1, h-len(lines)-1)
	idx := rotationsShown(rots, room)
	rows := make([][]string, len(idx))
	marks := make([]bool, len(idx))
	styles := make([]*pen, len(idx))
	for k, p := range idx {
		r := &rots[p]
		row := words.StaffingRow(an, p, S)
		team := strings.TrimSuffix(row[0], " !")
		// team, pattern, layers, sites, rotation, h/person/week, share, minimum, needed, cost
		rows[k] = []string{team, row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8], row[10]}
		marks[k] = r.Short()
		styles[k] = st.ink().Text
		if r.Short() {
			styles[k] = st.ink().Warning
		}
	}
	header := []string{"Team", "Pattern", "Layers", "Sites", "Rot.", "h/week", "Share", "Min", "Need", "Cost"}
	if hasRates(d) {
		// pages a person in 30 days: asleep, then off hours awake
		header = append(header, "Sleep/30d", "Off/30d")
		for k, p := range idx {
			sleep, off := pagesCells(d, p)
			rows[k] = append(rows[k], sleep, off)
		}
	}
	full := h >= fullPanelHeight // full screen: the cells wrapped rather than cut
	shrink := [][]int{{0}, {2, 3}}
	note := "" // the columns left out, when a narrow panel leaves some out (leaveColumnsOut)
	switch {
	case tableWidth(header, rows) <= w:
	case full:
		// the layers and sites under the team's name, wrapped with it: every cell whole
		header = slices.Delete(header, 2, 4)
		for k := range rows {
			rows[k][0] += ": " + rows[k][2] + ", " + rows[k][3]
			rows[k] = slices.Delete(rows[k], 2, 4)
		}
		shrink = [][]int{{0}}
	default:
		// one line a row: the short forms of layers and sites, then, while the team names
		// would be cut, the columns a narrow panel can best do without, said on a line of
		// their own (z shows them)
		for k, p := range idx {
			rows[k][2], rows[k][3] = words.StaffingLayersShort(&rots[p]), words.SitesShort(&rots[p])
		}
		header, rows, note = leaveColumnsOut(header, rows, w)
		shrink = [][]int{{0}}
	}
	table := tableLines(st, header, rows, marks, styles, shrink, w, full)
	for note != "" && len(rows) > 1 && len(lines)+len(table)+1+min(1, len(rots)-len(rows)) > h {
		// the note takes a row's line: the last row shown gives way
		rows, marks, styles = rows[:len(rows)-1], marks[:len(marks)-1], styles[:len(styles)-1]
		table = tableLines(st, header, rows, marks, styles, shrink, w, full)
	}
	lines = append(lines, table...)
	if rest := len(rots) - len(rows); rest > 0 {
		lines = append(lines, st.ink().Muted.Render(Trunc("  ... and "+words.Count(rest, "more rotation")+" (z: full screen)", w)))
	}
	if note != "" {
		lines = append(lines, st.ink().Muted.Render(Trunc(note, w)))
	}
	return lines
}

// rotationsShown are the rotations the Staffing panel shows in room rows: all when they fit,
// else the short rotations first, which are what the panel is for, with a row kept for how
// many more.
func rotationsShown(rots []orgs.RotationStaffing, room int) []int {
	idx := make([]int, 0, min(len(rots), room))
	if len(rots) <= room {
		for p := range rots {
			idx = append(idx, p)
		}
		return idx
	}
	for _, short := range []bool{true, false} {
		for p := range rots {
			if len(idx) >= room-1 {
				break
			}
			if rots[p].Short() == short {
				idx = append(idx, p)
			}
		}
	}
	return idx
}

// leaveColumnsOut leaves out of a narrow staffing table, while the team names would be cut,
// the columns a room can best do without, and says which in a note ("" when none is).
func leaveColumnsOut(header []string, rows [][]string, w int) ([]string, [][]string, string) {
	var left []string
	for _, name := range []string{"h/week", "Off/30d", "Share", "Sites", "Layers"} {
		if tableWidth(header, rows) <= w {
			break
		}
		if c := slices.Index(header, name); c >= 0 {
			header = slices.Delete(header, c, c+1)
			for k := range rows {
				rows[k] = slices.Delete(rows[k], c, c+1)
			}
			left = append(left, strings.ToLower(name))
		}
	}
	if len(left) == 0 {
		return header, rows, ""
	}
	return header, rows, "  not shown here (z: all): " + strings.Join(left, ", ")
}

// fundingStaffing is the Funding panel's line on staffing: what sustainable rotations would
// add beside CAPEX and OPEX ("" when every rotation is staffed).
func fundingStaffing(an *orgs.Analysis) string {
	s := &an.Staffing
	if s.Needed == 0 && s.Hires == 0 {
		return "sustainable rotations would add: nothing, every rotation is staffed"
	}
	return fmt.Sprintf("sustainable rotations would add: +%s in rotations, %s to hire, +%s a year",
		words.People(s.Needed), words.Number(int64(s.Hires)), words.Money(s.HireCost, an.Funding.Currency))
}

// impureWords says why an organization whose dev teams share one topology is not pure
// because of its services ("not pure: 3 services run by ops, outside the nine"); "" when
// its services do not explain it.
func impureWords(an *orgs.Analysis) string {
	mix := an.ServiceMix
	if mix == nil || an.Topology.Pure || len(an.Topology.Mix) != 1 || an.Topology.Mix[0].DevTeams != an.Summary.DevTeams {
		return "" // some dev teams are outside the nine: they, not the services, explain it
	}
	dom := an.Topology.Mix[0].Topology
	var parts []string
	for _, m := range mix.RunModel {
		switch m.ID {
		case orgs.OpsRunIt:
			parts = append(parts, fmt.Sprintf("%d service%s run by ops, outside the nine", m.Services, plural(m.Services)))
		case orgs.Unorganized:
			parts = append(parts, fmt.Sprintf("%d service%s unorganized, outside the nine", m.Services, plural(m.Services)))
		}
	}
	for _, t := range mix.Topology {
		if t.Topology != dom {
			parts = append(parts, fmt.Sprintf("%d service%s in topology %d", t.Services, plural(t.Services), t.Topology))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "not pure: " + strings.Join(parts, ", ")
}

// serviceLines are the open team i's services under its card, one line each: the selected
// one marked, those with a problem marked "!" as well as coloured. Only the window around
// the selected service that fits in budget lines is drawn, with a line for those above and
// below: a team of 83,000 services took half a second a key when every one was drawn.
func serviceLines(d *Data, k *pens, i, w, budget int) []string {
	ks := d.Index.TeamServices(i)
	win := openWindow(d, i, w, budget)
	out := make([]string, 0, win.lines)
	if win.first > 0 {
		out = append(out, k.Muted.Render(Pad("  ^ "+strconv.Itoa(win.first)+" more "+services(win.first), w)))
	}
	for n := win.first; n < win.last; n++ {
		v := &d.An.Services[ks[n]]
		// "  >! name": the selection and the problem each have their own glyph
		sel, mark := " ", " "
		style := k.Text
		if n == d.Board.Service {
			sel, style = GlyphSelected, k.Selected
		}
		if v.Problem() {
			mark, style = GlyphWarning, k.Warning
			if n == d.Board.Service {
				style = k.SelectedWarning
			}
		}
		lead := "  " + sel + mark + " "
		for k, l := range serviceWrapped(v, w) {
			if k > 0 {
				lead = "     " // a long line goes on under the name, in full
			}
			out = append(out, style.Render(Pad(lead+l, w)))
		}
	}
	if below := len(ks) - win.last; below > 0 {
		out = append(out, k.Muted.Render(Pad("  v "+strconv.Itoa(below)+" more "+services(below), w)))
	}
	return out
}

// services is the noun for n services.
func services(n int) string {
	if n == 1 {
		return "service"
	}
	return "services"
}

// openBudget is how many lines the open list of services may take under the selected card:
// the board's body less the card's own lines (name, facts, role) and the column's scroll
// mark, at least 3.
func openBudget(l Layout) int { return max(3, l.BodyHeight()-5) }

// serviceWindow is the part of an open list of services drawn: services first to last-1,
// and the lines they take with the marks of those hidden above and below.
type serviceWindow struct{ first, last, lines int }

// openWindow is the window of team i's services that fits in budget lines around the
// selected one (the first while the team itself is selected); only the services in it are
// wrapped, so its cost follows the screen, not the team's number of services.
func openWindow(d *Data, i, w, budget int) serviceWindow {
	ks := d.Index.TeamServices(i)
	n := len(ks)
	if n == 0 {
		return serviceWindow{}
	}
	height := func(k int) int { return len(serviceWrapped(&d.An.Services[ks[k]], w)) }
	sel := max(0, min(d.Board.Service, n-1))
	first, last := sel, sel+1
	used := height(sel)
	// marks: one line each for the services hidden above and below, while any are
	marks := func(f, l int) int {
		m := 0
		if f > 0 {
			m++
		}
		if l < n {
			m++
		}
		return m
	}
	for grew := true; grew; {
		grew = false
		if last < n {
			if h := height(last); used+h+marks(first, last+1) <= budget {
				used, last, grew = used+h, last+1, true
			}
		}
		if first > 0 && last-first < n {
			if h := height(first - 1); used+h+marks(first-1, last) <= budget {
				used, first, grew = used+h, first-1, true
			}
		}
	}
	return serviceWindow{first: first, last: last, lines: used + marks(first, last)}
}

// serviceWrapped is service v's line under its team's card ("name: who runs it, status"),
// wrapped to a card of width w after its lead of five cells.
func serviceWrapped(v *orgs.ServiceVerdict, w int) []string {
	run := v.RunModel.Short()
	switch {
	case v.RunWith != "" && v.RunModel == orgs.OpsRunIt:
		run += " by " + S(v.RunWith)
	case v.RunWith != "":
		run += " with " + S(v.RunWith)
	}
	if v.Exception {
		run += " (exception)"
	}
	lines := Wrap(S(v.Name)+": "+run+", "+v.Status, max(1, w-5))
	if len(lines) > maxServiceLines {
		// a narrow card: the rest on the last line, cut (the Services panel has it all)
		lines = append(lines[:maxServiceLines-1], Trunc(strings.Join(lines[maxServiceLines-1:], " "), max(1, w-5)))
	}
	return lines
}

// maxServiceLines is how many lines one service under its team's card takes at most.
const maxServiceLines = 3
