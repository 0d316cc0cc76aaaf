package views

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/words"
)

// TestTransitionShowsTheCriteriaThatChange: under a team's transition line the panel says
// the criteria the move changes as the reports word them, all of them drawn in full (z),
// and in a panel the size of an 80x24 board what it cuts says "z for all".
func TestTransitionShowsTheCriteriaThatChange(t *testing.T) {
	base, cur := movedMixed(t)
	d := data(t, base, cur, "Online Shop", 80, 24)
	var moved *orgs.TeamTransition
	for i := range d.An.Transition.Teams {
		if d.An.Transition.Teams[i].Team == "Online Shop" {
			moved = &d.An.Transition.Teams[i]
		}
	}
	if moved == nil || len(moved.CriteriaChanges) == 0 {
		t.Fatal("the move of Online Shop changes no criteria: the test's premise is gone")
	}
	want := words.CriteriaChanges(moved.CriteriaChanges)
	st := DefaultStyles()
	full := ansi.Strip(strings.Join(PanelLines(PanelTransition, d, st, 80), "\n"))
	if !strings.Contains(oneLine(full), want) {
		t.Errorf("the full Transition panel lacks %q:\n%s", want, full)
	}
	small := renderPanel(PanelTransition, d, st, 78, 9)
	text := ansi.Strip(strings.Join(small, "\n"))
	if !strings.Contains(text, "criteria that change: ") {
		t.Errorf("the Transition panel at 80x24 lacks the criteria that change:\n%s", text)
	}
	if !strings.Contains(oneLine(text), want) && !strings.Contains(text, "z for all") {
		t.Errorf("the Transition panel cuts the criteria without saying z for all:\n%s", text)
	}
	for _, l := range small {
		if ansi.StringWidth(l) > 78 {
			t.Errorf("line wider than the panel: %q", l)
		}
	}
}

// TestTransitionShowsServicesAndTheirCriteria: a service that runs otherwise than its team
// has its line in the Transition panel, with the criteria its move changes under it.
func TestTransitionShowsServicesAndTheirCriteria(t *testing.T) {
	base, cur := example(t, "mixed")
	for i := range cur.Services {
		if team := cur.TeamIndex(cur.Services[i].Team); team >= 0 && cur.Teams[team].Kind == orgs.KindDev && cur.Teams[team].Run != orgs.RunYou {
			cur.Services[i].Run = orgs.RunYou
			break
		}
	}
	d := data(t, base, cur, cur.Teams[0].Name, 160, 45)
	if len(d.An.Transition.Services) == 0 {
		t.Fatal("no service runs otherwise than its team: the test's premise is gone")
	}
	full := oneLine(ansi.Strip(strings.Join(PanelLines(PanelTransition, d, DefaultStyles(), 120), "\n")))
	for _, s := range d.An.Transition.Services {
		service, team, change, _ := words.ServiceTransition(s, S)
		if line := service + " (" + team + "): " + change; !strings.Contains(full, line) {
			t.Errorf("the Transition panel lacks %q:\n%s", line, full)
		}
		if c := words.CriteriaChanges(s.CriteriaChanges); !strings.Contains(full, c) {
			t.Errorf("the Transition panel lacks %q:\n%s", c, full)
		}
	}
}

// oneLine joins wrapped lines back into one, so a sentence can be found whatever the width.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
