package views

import (
	"strings"
	"testing"

	"github.com/sretopo/sretopo/words"
)

// TestServicesPanelSaysBudgetsUnderAnHourInMinutes: mixed's checkout service has a 99.95%
// target, 21.6 minutes of budget in 30 days; the Services panel says "21.6 min" as the
// reports do, not "0.36" hours.
func TestServicesPanelSaysBudgetsUnderAnHourInMinutes(t *testing.T) {
	base, cur := example(t, "mixed")
	d := data(t, base, cur, "", 160, 45)
	svc := strings.Join(PanelLines(PanelServices, d, DefaultStyles(), 150), "\n")
	for k := range d.An.Services {
		v := &d.An.Services[k]
		budget := words.ServiceBudget(v)
		for _, l := range strings.Split(svc, "\n") {
			if strings.Contains(l, v.Name) && !strings.Contains(l, budget) {
				t.Errorf("the row of %q lacks its budget %q: %q", v.Name, budget, l)
			}
		}
	}
	if !strings.Contains(svc, " min ") {
		t.Errorf("no budget in minutes:\n%s", svc)
	}
}

// TestStaffingPanelSaysLayersAndSites: at 80 and 220 columns, on the board and full screen,
// the Staffing panel says who is on call at once and on how many sites, and its hire cost
// is not cut.
func TestStaffingPanelSaysLayersAndSites(t *testing.T) {
	base, cur := example(t, "mixed")
	for _, size := range [][2]int{{80, 24}, {220, 60}} {
		w, h := size[0], size[1]
		d := data(t, base, cur, "", w, h)
		board := strings.Join(staffingPanel(d, DefaultStyles(), w, 14), "\n")
		full := strings.Join(PanelLines(PanelStaffing, d, DefaultStyles(), w), "\n")
		for _, staff := range []string{board, full} {
			for _, want := range []string{"primary", "secondary", "1 site", "105,000 EUR"} {
				if !strings.Contains(staff, want) {
					t.Errorf("%dx%d: the Staffing panel lacks %q:\n%s", w, h, want, staff)
				}
			}
		}
		if !strings.Contains(board, "Layers") || !strings.Contains(board, "Sites") {
			t.Errorf("%dx%d: the Staffing panel on the board has no Layers and Sites columns:\n%s", w, h, board)
		}
	}
}

// TestNarrowStaffingPanelLeavesColumnsOutNotNames: at 80 columns the Staffing panel of the
// talk's case leaves out the columns it can best do without, and says which, before it cuts
// a team's name; and it keeps to its height with the note.
func TestNarrowStaffingPanelLeavesColumnsOutNotNames(t *testing.T) {
	base, cur := example(t, "health-platform")
	for _, w := range []int{60, 80} {
		d := data(t, base, cur, "", w, 24)
		const h = 12
		lines := staffingPanel(d, DefaultStyles(), w, h)
		if len(lines) > h {
			t.Errorf("%d columns: %d lines in a panel of %d", w, len(lines), h)
		}
		panel := strings.Join(lines, "\n")
		for _, r := range d.An.Staffing.Rotations[:4] {
			if !strings.Contains(panel, r.Team) {
				t.Errorf("%d columns: %q is cut:\n%s", w, r.Team, panel)
			}
		}
		if !strings.Contains(panel, "not shown here (z: all): h/week") {
			t.Errorf("%d columns: the panel does not say which columns it left out:\n%s", w, panel)
		}
	}
}
