package views

import (
	"fmt"
	"slices"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/words"
)

// The risk of rules.md section 12 on the Services and Staffing panels: a service's chance
// to breach its error budget and its expected downtime, a rotation's pages a person. A
// figure still being simulated (the dashboard simulates in the background) is "…", one
// that does not apply (no incident rate, no target) "-".

// GlyphPending stands for a figure still being computed.
const GlyphPending = "…"

// hasRates reports whether some service of d's file has an incident rate, so the risk
// columns have something to show.
func hasRates(d *Data) bool {
	if d.An.Risk != nil {
		return true
	}
	return d.Org != nil && d.Org.HasIncidentRates()
}

// riskPending reports whether service i has a rate but no risk yet.
func riskPending(d *Data, i int) bool {
	return d.Org != nil && orgs.RiskToCome(d.Org, d.An.Services, i)
}

// anyRiskPending reports whether some service's risk is still to come; the panels, the
// strip and the slides ask it many times a frame (once a rotation), so it walks the
// services once a frame.
func anyRiskPending(d *Data) bool {
	if d.riskPending == 0 {
		d.riskPending = 1
		for i := range d.An.Services {
			if riskPending(d, i) {
				d.riskPending = 2
				break
			}
		}
	}
	return d.riskPending == 2
}

// percentCell is a share as a percentage as every table writes it (words.Percent).
func percentCell(share float64) string { return words.Percent(share) }

// hoursCell is a number of hours as every table writes it (words.HoursFigure).
func hoursCell(h float64) string { return words.HoursFigure(h) }

// breachCell is service i's chance to spend more than its error budget in a window.
func breachCell(d *Data, i int) string {
	r := d.An.Services[i].Risk
	switch {
	case r == nil && riskPending(d, i):
		return GlyphPending
	case r == nil || !r.HasTarget:
		return "-"
	}
	return percentCell(r.PBreach)
}

// downtimeCell is service i's expected downtime in a window, in hours.
func downtimeCell(d *Data, i int) string {
	r := d.An.Services[i].Risk
	switch {
	case r == nil && riskPending(d, i):
		return GlyphPending
	case r == nil:
		return "-"
	case r.Unattended:
		return "unattended"
	}
	return hoursCell(r.ExpectedDowntime)
}

// breachOrder sorts order (indices of an's services) by breach chance, highest first;
// services without a chance (no rate, no target, still pending) last, in the order given.
func breachOrder(an *orgs.Analysis, order []int) {
	chance := func(i int) float64 {
		if r := an.Services[i].Risk; r != nil && r.HasTarget {
			return r.PBreach
		}
		return -1
	}
	slices.SortStableFunc(order, func(a, b int) int {
		ca, cb := chance(a), chance(b)
		switch {
		case ca > cb:
			return -1
		case ca < cb:
			return 1
		}
		return 0
	})
}

// riskHead is the Services panel's line on risk ("likely to breach 2 services; expected
// downtime 31.5 h a window"), with its change against the baseline, and whether it changed.
func riskHead(d *Data) (string, bool) {
	r := d.An.Risk
	if r == nil {
		if anyRiskPending(d) {
			return "risk: " + GlyphPending + " (simulating)", false
		}
		return "", false
	}
	n := len(r.LikelyBreach)
	txt := fmt.Sprintf("likely to breach %d service%s; expected downtime %s h a window", n, plural(n), hoursCell(r.ExpectedDowntime))
	if u := len(r.Unattended); u > 0 {
		// the rules sum the attended services only: say what the sum leaves out
		txt += fmt.Sprintf(" of the attended; %d unattended (!)", u)
	}
	changed := d.Changes != nil && (r.Delta.LikelyBreach != 0 || hoursCell(r.Delta.ExpectedDowntime) != "0" && hoursCell(r.Delta.ExpectedDowntime) != "-0")
	if changed {
		txt = fmt.Sprintf("%s %s (%+d, %s h vs baseline)", GlyphChanged, txt, r.Delta.LikelyBreach, signedHours(r.Delta.ExpectedDowntime))
	}
	if anyRiskPending(d) {
		txt += " " + GlyphPending
	}
	return txt, changed
}

// signedHours is a change of hours with its sign.
func signedHours(h float64) string {
	if h >= 0 {
		return "+" + hoursCell(h)
	}
	return hoursCell(h)
}

// pagesCells are rotation p's sleep and off-hours pages a person in 30 days.
func pagesCells(d *Data, p int) (sleep, off string) {
	pp := d.An.Staffing.Rotations[p].PagesPerPerson
	if pp == nil {
		if d.An.Risk == nil && anyRiskPending(d) {
			return GlyphPending, GlyphPending
		}
		return "-", "-"
	}
	return hoursCell(pp[orgs.PageSleep]), hoursCell(pp[orgs.PageOff])
}

// sleepHead is the Staffing panel's line on sleep pages: the rotation whose people are
// woken most, with the change against the baseline, and whether it changed.
func sleepHead(d *Data) (string, bool) {
	r := d.An.Risk
	if r == nil || r.MaxSleep == nil {
		return "", false
	}
	txt := fmt.Sprintf("most woken: %s, %s sleep pages a person in 30 days", S(r.MaxSleep.Team), hoursCell(r.MaxSleep.Pages))
	delta := hoursCell(r.Delta.MaxSleepPages)
	changed := d.Changes != nil && delta != "0" && delta != "-0"
	if changed {
		txt = fmt.Sprintf("%s %s (%s vs baseline)", GlyphChanged, txt, signedHours(r.Delta.MaxSleepPages))
	}
	return txt, changed
}

// baselineRisk is the baseline's risk of service i of d's analysis (the same service by
// name), and whether the baseline has that service with a rate.
func baselineRisk(d *Data, i int) (*orgs.ServiceRisk, bool) {
	b := d.Base
	if b == nil || d.Changes == nil {
		return nil, false
	}
	name := d.An.Services[i].Name
	if i < len(b.Services) && b.Services[i].Name == name {
		// the common case, a what-if that keeps the services in place: no lookup
		return b.Services[i].Risk, b.Services[i].Risk != nil
	}
	// another order: by name, through an index made once a baseline analysis (kept in the
	// memo, which lasts the session, else for this frame)
	index := &d.baseIndex
	if d.Memo != nil {
		index = &d.Memo.base
	}
	k, ok := index.of(b)[orgs.FoldName(name)]
	if !ok {
		return nil, false
	}
	return b.Services[k].Risk, b.Services[k].Risk != nil
}

// riskMoved says whether service i's breach chance and expected downtime, as the panel
// writes them, differ from the baseline's for the same service: a service new since the
// baseline, or without a rate there, has nothing to move from; one still being simulated
// has not moved yet.
func riskMoved(d *Data, i int) (breach, downtime bool) {
	was, ok := baselineRisk(d, i)
	r := d.An.Services[i].Risk
	if !ok || r == nil {
		return false, false
	}
	cell := func(r *orgs.ServiceRisk) (string, string) {
		b, dt := "-", "unattended"
		if r.HasTarget {
			b = percentCell(r.PBreach)
		}
		if !r.Unattended {
			dt = hoursCell(r.ExpectedDowntime)
		}
		return b, dt
	}
	nb, nd := cell(r)
	wb, wd := cell(was)
	return nb != wb, nd != wd
}

// riskCells puts the breach chance and the expected downtime of the services idx before
// the last cell (the status) of their rows, each marked where it moved against the
// baseline, and draws a row that moved, and has no problem to warn of, as changed.
func riskCells(d *Data, st Styles, idx []int, rows [][]string, problems []bool, styles []*pen) {
	for k, i := range idx {
		breach, down := riskMoved(d, i)
		rows[k] = slices.Insert(rows[k], len(rows[k])-1, markMoved(breachCell(d, i), breach), markMoved(downtimeCell(d, i), down))
		if (breach || down) && !problems[k] {
			styles[k] = st.ink().Changed
		}
	}
}

// markMoved marks a risk cell that moved against the baseline, as other changed figures
// are marked.
func markMoved(cell string, moved bool) string {
	if moved {
		return GlyphChanged + cell
	}
	return cell
}
