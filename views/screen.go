package views

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/sretopo/sretopo/words"
)

// Dashboard draws the whole dashboard screen in w x h: header, board, panels (all of them on
// wide terminals, one with tabs on narrow ones), status line and help. It never draws a line
// wider than w or more than h lines.
func Dashboard(d *Data, st Styles, w, h int) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	if w < MinWidth || h < MinHeight {
		return TooSmall(MinWidth, MinHeight, w, h)
	}
	if !d.ok() {
		return Fit("no organization loaded", w, h)
	}
	l := LayoutFor(d, st, w, h)
	var panels string
	switch {
	case d.Dialog != nil:
		panels = Block(strings.Split(dialog(d.Dialog, st, l.Panels.W, l.Panels.H), "\n"), l.Panels.W, l.Panels.H)
	case d.PanelsDrawn != "":
		panels = d.PanelsDrawn
	default:
		panels = DrawPanels(d, st, l)
	}
	// the screen is built in one go: the header, the board's columns and the panels side by
	// side (wide) or one above the other, the status line and the help
	cols := boardLines(d, st.ink(), l)
	colW := make([]int, len(cols))
	for c := range cols {
		colW[c] = l.Columns[c].W
	}
	board := joinLines(columnGap, colW, cols...)
	panelLines := strings.Split(panels, "\n")
	var sb strings.Builder
	sb.Grow(len(panels) + len(board)*(len(board[0])+1) + 2*len(d.Help) + 4*w)
	sb.WriteString(header(d, st, w))
	sb.WriteByte('\n')
	sb.WriteString(strings.Join(stripLines(d, st, w), "\n"))
	if l.Wide {
		blocks, widths := [][]string{board, panelLines}, []int{l.Board.W, l.Panels.W}
		for r := range max(len(board), len(panelLines)) {
			sb.WriteByte('\n')
			writeJoined(&sb, r, panelGap, widths, blocks)
		}
	} else {
		for _, part := range [][]string{board, panelLines} {
			for _, line := range part {
				sb.WriteByte('\n')
				sb.WriteString(line)
			}
		}
	}
	sb.WriteByte('\n')
	sb.WriteString(statusLine(d, st, w))
	if l.Footer.H > 0 {
		sb.WriteByte('\n')
		sb.WriteString(Fit(d.Help, w, l.Footer.H))
	}
	return Fit(sb.String(), w, h)
}

// DrawPanels draws the panels' area of layout l: the tab line, the panel chosen, and on a
// wide terminal the other panels that fit in full below it. It depends on the analysis, the
// panel shown and the size, not on the selection, so the model may keep it while the user
// only moves around.
func DrawPanels(d *Data, st Styles, l Layout) string {
	if !d.ok() || l.TooSmall {
		return ""
	}
	var panels string
	if l.Wide {
		panels = widePanels(d, st, l.Panels.W, l.Panels.H)
	} else {
		panels = narrowPanel(d, st, l.Panels.W, l.Panels.H)
	}
	return Block(strings.Split(panels, "\n"), l.Panels.W, l.Panels.H)
}

// TooSmall is the screen of a terminal smaller than the minimum.
func TooSmall(needW, needH, w, h int) string {
	msg := fmt.Sprintf("terminal too small (need %dx%d)", needW, needH)
	return Fit(strings.Join(Wrap(msg, w), "\n"), w, h)
}

// header is the name, the file, the baseline and, while there are unsaved changes, the
// modified mark (a word, so it shows without colour). The mark is placed first so it never
// falls off the right edge.
func header(d *Data, st Styles, w int) string {
	right := ""
	if d.Header.Modified {
		right = st.ink().Modified.Render(GlyphChanged + " modified")
	}
	if d.Header.NoRecovery {
		// the reason when the warning and it take at most two thirds of the line
		warn := GlyphWarning + " no recovery file"
		if why := S(d.Header.NoRecoveryWhy); why != "" && width(warn+": "+why)+width(right)+2 <= w*2/3 {
			warn += ": " + why
		}
		right = st.ink().Warning.Render(warn) + spaces(min(2, len(right))) + right
	}
	if d.Header.Shared != "" {
		right = st.ink().Header.Render(Trunc(S(d.Header.Shared), w/2)) + spaces(min(2, len(right))) + right
	}
	summary := words.Count(d.An.Summary.Teams, "team") + ", " + words.Number(int64(d.An.Summary.DevTeams)) + " dev, " + words.People(d.An.Summary.Headcount)
	left := st.ink().HeaderName.Render(S(d.Org.Name))
	file := "  file " + S(d.Header.File)
	base := "  baseline " + S(d.Header.Baseline)
	if d.Header.Baseline == d.Header.File {
		base = "  baseline: the file itself"
	}
	if d.Header.Example != "" {
		file = "  built-in example " + S(d.Header.Example)
		if d.Header.Baseline == d.Header.File {
			base = "  baseline: the example itself"
		}
	}
	room := w - width(right) - 1
	for _, extra := range []string{file + base + "  " + summary, file + base, file} {
		if width(left)+width(extra) <= room {
			left += st.ink().Header.Render(extra)
			break
		}
	}
	left = Trunc(left, max(0, room))
	gap := max(0, w-width(left)-width(right))
	return Trunc(left+spaces(gap)+right, w)
}

func statusLine(d *Data, st Styles, w int) string {
	switch {
	case d.Prompt != "":
		return Trunc(d.Prompt, w)
	case d.Status == "":
		return ""
	case d.StatusError:
		return st.ink().Warning.Render(Trunc(GlyphWarning+" "+S(d.Status), w))
	}
	return st.ink().Text.Render(Trunc(S(d.Status), w))
}

// tabs is the narrow layout's panel tab line; the current tab in brackets. The other titles
// are shortened ("Svc", "Staff") when they do not all fit, and only the current one is named
// when even those do not.
func tabs(d *Data, st Styles, w int) string {
	ps := Panels(d.An)
	for _, short := range []bool{false, true} {
		label := tabLabel(d, short)
		var b strings.Builder
		for _, p := range ps {
			if p == d.Panel {
				b.WriteString(st.ink().TabActive.Render("[" + tabLabel(d, false)(p) + "]"))
			} else {
				b.WriteString(st.ink().Tab.Render(" " + label(p) + " "))
			}
		}
		if line := b.String(); width(line) <= w {
			return line
		}
	}
	k := 0
	for i, p := range ps {
		if p == d.Panel {
			k = i
		}
	}
	line := st.ink().TabActive.Render("["+tabLabel(d, false)(d.Panel)+"]") + st.ink().Muted.Render(fmt.Sprintf(" %d/%d, tab for the next", k+1, len(ps)))
	return Trunc(line, w)
}

// TabAt is the panel whose tab is at column x of the tab line (x counted from the panels'
// left edge); ok is false between tabs, or when the tabs do not all fit in w (the line then
// names one).
func TabAt(d *Data, w, x int) (PanelID, bool) {
	if !d.ok() {
		return 0, false
	}
	for _, short := range []bool{false, true} {
		label := func(p PanelID) string {
			if p == d.Panel {
				return tabLabel(d, false)(p) // the current tab keeps its full title
			}
			return tabLabel(d, short)(p)
		}
		at, total := 0, 0
		for _, p := range Panels(d.An) {
			total += width(label(p)) + 2
		}
		if total > w {
			continue
		}
		for _, p := range Panels(d.An) {
			n := width(label(p)) + 2
			if x >= at && x < at+n {
				return p, true
			}
			at += n
		}
		return 0, false
	}
	return 0, false
}

// tabLabel is the label of each panel's tab: its title (short when short is set), its
// changed mark and, for the advisories, how many there are.
func tabLabel(d *Data, short bool) func(p PanelID) string {
	warn, _ := AdvisoryCounts(d.An)
	return func(p PanelID) string {
		t := p.Title()
		if short {
			t = panelShort[p]
		}
		if panelChanged(d, p) {
			t += GlyphChanged
		}
		if p == PanelAdvisories && len(d.An.Advisories) > 0 {
			t += fmt.Sprintf(" %d", len(d.An.Advisories))
			if warn > 0 {
				t += GlyphWarning
			}
		}
		return t
	}
}

func narrowPanel(d *Data, st Styles, w, h int) string {
	lines := []string{tabs(d, st, w)}
	lines = append(lines, renderPanel(d.Panel, d, st, w, h-1)...)
	return strings.Join(lines, "\n")
}

// widePanels fills the right of a wide terminal: the tab line, the panel chosen in full (cut
// only when it alone is taller than the screen, z then shows the rest), and below it every
// other panel that fits in full, those whose verdicts changed first. No panel is ever shown
// cut but the chosen one: a meeting room reads what it sees, and tab or z shows the rest.
func widePanels(d *Data, st Styles, w, h int) string {
	lines := []string{tabs(d, st, w)}
	lines = append(lines, renderPanel(d.Panel, d, st, w, h-1)...)
	var changed, same []PanelID
	for _, p := range Panels(d.An) {
		switch {
		case p == d.Panel:
		case panelChanged(d, p):
			changed = append(changed, p)
		default:
			same = append(same, p)
		}
	}
	for _, p := range append(changed, same...) {
		// a blank line, the panel's title rule and its content, if all of it fits
		room := h - len(lines) - 2
		if room < 1 {
			break
		}
		// drawn as it would be with the whole height, so that a panel with a compact form
		// for short heights (criteria) shows only in its full one
		body := renderPanel(p, d, st, w, h)
		if len(body) > room {
			continue
		}
		lines = append(lines, "", Rule(st, wideTab(d, p), w))
		lines = append(lines, body...)
	}
	return strings.Join(lines, "\n")
}

// wideTab is p's title with the changed mark when its verdicts changed.
func wideTab(d *Data, p PanelID) string {
	if panelChanged(d, p) {
		return p.Title() + " " + GlyphChanged
	}
	return p.Title()
}

// dialog draws a small form or question centred in w x h.
func dialog(dl *Dialog, st Styles, w, h int) string {
	inner := min(w-4, 64)
	if inner < 10 || h < 3 {
		return Fit(dl.Title, w, h)
	}
	lines := []string{st.ink().Title.Render(Trunc(dl.Title, inner)), ""}
	for _, l := range strings.Split(dl.Body, "\n") {
		if dl.Wrap && width(l) > inner {
			lines = append(lines, Wrap(l, inner)...)
			continue
		}
		lines = append(lines, Trunc(l, inner))
	}
	if dl.Error != "" {
		lines = append(lines, "")
		for _, l := range wrapped(S(dl.Error), inner, GlyphWarning+" ", "  ") {
			lines = append(lines, st.ink().Warning.Render(l))
		}
	}
	box := st.Modal.Width(inner + 2).Render(strings.Join(lines, "\n"))
	return lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, Fit(box, w, h))
}
