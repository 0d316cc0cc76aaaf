package views

import (
	"slices"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/words"
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
	return append(out, st.ink().Muted.Render("  ... "+words.Count(len(lines)-h+1, "more line")+" (z: full screen)"))
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
	var named []int // the ranges of lines that name in full what a message cut short
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
		// every service or team the message names only the first few of, where it fits
		if all := words.AdvisoryInFull(a, S); all != "" {
			named = append(named, len(lines))
			lines = append(lines, styled(st.ink().Muted, wrapped(all, w, "  ", "  "))...)
			named = append(named, len(lines))
		}
	}
	if c := d.Changes; c != nil {
		for _, a := range c.Cleared {
			for _, l := range wrapped(GlyphChanged+" cleared: "+S(a.Message), w, "- ", "  ") {
				lines = append(lines, st.ink().Muted.Render(l))
			}
		}
	}
	if len(lines) > h {
		// no room for every name: the messages first, z shows them all
		for k := len(named) - 2; k >= 0; k -= 2 {
			lines = slices.Delete(lines, named[k], named[k+1])
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
