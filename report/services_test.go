package report

import (
	"strings"
	"testing"

	"github.com/sretopo/sretopo/orgs"
)

// withService is solo with an ops team on call 24x5 with a thin rotation and one service of
// Solo's run by that ops team.
const withService = solo + `
[[team]]
name = "Ops"
org = "ops"
kind = "ops"
headcount = 4
on_call = "24x5"

[[service]]
name = "Ledger"
team = "Solo"
run = "ops"
run_with = "Ops"
availability = 99.99
error_budget_used = 1.4

[[service]]
name = "Statements"
team = "Solo"
availability = 99
window_days = 7
`

// TestServicesAndStaffingSections: the services section appears only when the file has
// services, with each service's run, responders, target, budget (in minutes under an hour,
// its window named when not 30 days) and status; staffing says who is on call at once,
// who falls short and what that costs; Mermaid draws the exception as its own edge.
func TestServicesAndStaffingSections(t *testing.T) {
	plain := load(t, "solo.toml", solo)
	rep := orgs.NewReport(plain.Name, "solo.toml", "solo.toml", orgs.Analyse(plain, plain))
	for name, out := range map[string]string{"text": Text(plain, rep), "markdown": Markdown(plain, rep)} {
		if strings.Contains(out, "Services") || strings.Contains(out, "On-call staffing") {
			t.Errorf("%s report of a file without services or rotations has a services or staffing section:\n%s", name, out)
		}
	}

	o := load(t, "svc.toml", withService)
	rep = orgs.NewReport(o.Name, "svc.toml", "svc.toml", orgs.Analyse(o, o))
	text, markdown, mermaid := Text(o, rep), Markdown(o, rep), Mermaid(o, rep)
	for name, out := range map[string]string{"text": text, "markdown": markdown} {
		for _, want := range []string{
			"Ledger", "ops run it (exception)", "99.99%", "4.3 min", "48 h", "gap, over budget", // the service row: 0.072 h in minutes
			"Ops !", "24x5", "hire cost 380,000 EUR", "50%", // staffing (rules v3): 4 of minimum 8, 4 hires at 95,000, on call every other week
			"Weeks on call", "primary and secondary", "1 site", // the staffing table's v3 columns
		} {
			if !strings.Contains(out, want) && !strings.Contains(out, strings.ToUpper(want)) { // text headers are upper case
				t.Errorf("%s report lacks %q:\n%s", name, want, out)
			}
		}
	}
	// a budget over another window than 30 days says its window in the services table
	for _, row := range []string{"  Statements  ", "| Statements |"} {
		out := text + markdown
		i := strings.Index(out, row)
		if i < 0 || !strings.Contains(out[i:i+strings.Index(out[i:], "\n")], "1.7 h in 7 days") {
			t.Errorf("no services row %q with the budget 1.7 h in 7 days:\n%s", row, out)
		}
	}
	if !strings.Contains(mermaid, `-.->|"Ledger: ops run it"|`) {
		t.Errorf("mermaid has no edge of its own for the exception Ledger:\n%s", mermaid)
	}
}
