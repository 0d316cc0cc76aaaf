package views

import (
	"strings"
	"testing"
)

func TestServicePanelsSayWhatOrgsComputed(t *testing.T) {
	base, cur := example(t, "health-platform")
	d := data(t, base, cur, "Viewer", 120, 40)
	st := DefaultStyles()
	panel := func(p PanelID) string { return strings.Join(PanelLines(p, d, st, 110), "\n") }

	// rules v3: ops backs three services up and owns none, so topology 1 is pure
	if got := panel(PanelTopology); !strings.Contains(got, "pure: every dev team in topology 1") {
		t.Errorf("topology panel does not say it is pure:\n%s", got)
	}
	svc := panel(PanelServices)
	for k := range d.An.Services {
		v := &d.An.Services[k]
		var row string
		for _, l := range strings.Split(svc, "\n") {
			if strings.Contains(l, v.Name) {
				row = l
			}
		}
		if row == "" {
			t.Errorf("service %q is not listed:\n%s", v.Name, svc)
			continue
		}
		if v.Problem() != strings.HasPrefix(row, GlyphWarning) || !strings.Contains(row, v.Status) {
			t.Errorf("row of %q (problem %v, status %q): %q", v.Name, v.Problem(), v.Status, row)
		}
	}
	if panelChanged(d, PanelStaffing) || panelChanged(d, PanelServices) {
		t.Error("the baseline itself is marked changed")
	}
	// rules v3: Cloud Operations' 24x5 rotation has a secondary, 6 of the 8 it needs, and
	// Funding says so
	if got := panel(PanelFunding); !strings.Contains(got, "sustainable rotations would add: +2 people") {
		t.Errorf("funding panel:\n%s", got)
	}
	if got := panel(PanelStaffing); !strings.Contains(got, GlyphWarning+" Cloud Operations") {
		t.Errorf("staffing panel:\n%s", got)
	}

	// the ops team on call 24x7 with two fewer: 4 people of the 8 a 24x7 rotation needs
	i := cur.TeamIndex("Cloud Operations")
	cur.Teams[i].OnCall, cur.Teams[i].Headcount = "24x7", 4
	d = data(t, base, cur, "Cloud Operations", 120, 40)
	staff := panel(PanelStaffing)
	if !strings.Contains(staff, "to staff every rotation: +4 people") || !strings.Contains(staff, GlyphWarning+" Cloud Operations") {
		t.Errorf("staffing panel with a thin 24x7 rotation:\n%s", staff)
	}
	if got := panel(PanelFunding); !strings.Contains(got, "sustainable rotations would add: +4 people") {
		t.Errorf("funding panel with a thin rotation:\n%s", got)
	}
	if !panelChanged(d, PanelStaffing) || panelChanged(d, PanelServices) {
		t.Errorf("changed marks: staffing %v, services %v", panelChanged(d, PanelStaffing), panelChanged(d, PanelServices))
	}
	if got := DecideStaffing(d.An); !strings.HasPrefix(got, "to staff every rotation: +4 people, +") || !strings.HasSuffix(got, " a year") {
		t.Errorf("Decide: %q", got)
	}
}

func TestKPIListSaysMetMissedUnmeasured(t *testing.T) {
	base, cur := example(t, "mixed")
	d := data(t, base, cur, "", 120, 40)
	got := strings.Join(PanelLines(PanelIdentity, d, DefaultStyles(), 110), "\n")
	for _, k := range d.An.KPIs {
		if !strings.Contains(got, string(k.Status)) {
			t.Errorf("KPI %q: status %q not shown:\n%s", k.Text, k.Status, got)
		}
	}
}

func TestOpenServicesFitAtEverySize(t *testing.T) {
	base, cur := example(t, "health-platform")
	st := DefaultStyles()
	for _, size := range [][2]int{{80, 24}, {100, 30}, {120, 40}, {160, 45}, {220, 60}} {
		w, h := size[0], size[1]
		d := data(t, base, cur, "Viewer", w, h)
		d.Board.Open, d.Board.Service = true, 1
		l := LayoutFor(d, st, w, h)
		for c := range d.Board.Offsets {
			d.Board.Offsets[c] = ScrollOffset(d, l, c, d.Board.Offsets[c])
		}
		out := Dashboard(d, st, w, h)
		checkFits(t, out, w, h)
		if !strings.Contains(out, GlyphSelected+GlyphWarning+" Image archive") {
			t.Errorf("%dx%d: the selected service is not marked:\n%s", w, h, out)
		}
		if got := d.Board.SelectedService(d.Index); got < 0 || d.An.Services[got].Name != "Image archive" {
			t.Errorf("%dx%d: selected service %d", w, h, got)
		}
	}
}

// TestTablesFullScreenCutNothing: the Services and Staffing panels opened full screen wrap
// their cells rather than cut them, at every meeting width, on every example with services.
func TestTablesFullScreenCutNothing(t *testing.T) {
	st := DefaultStyles()
	for _, name := range []string{"mixed", "health-platform", "bank", "ops-run-it"} {
		base, cur := example(t, name)
		d := data(t, base, cur, "", 120, 40)
		for _, w := range []int{80, 100, 120, 160, 220} {
			for _, p := range []PanelID{PanelServices, PanelStaffing} {
				out := strings.Join(PanelLines(p, d, st, w), "\n")
				if strings.Contains(out, "…") {
					t.Errorf("%s, %s full screen at %d columns cuts a cell:\n%s", name, p.Title(), w, out)
				}
				if p != PanelServices {
					continue
				}
				for k := range d.An.Services {
					// a name wrapped over lines still has its first word on a line of its own row
					first, _, _ := strings.Cut(d.An.Services[k].Name, " ")
					if !strings.Contains(out, first) {
						t.Errorf("%s: %q missing at %d columns:\n%s", name, d.An.Services[k].Name, w, out)
					}
				}
			}
		}
	}
}
