package model

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/sretopo/sretopo/orgs"
)

// the plan's dates run from the month after today: the tests hold today still, so that the
// screens and their goldens say the same months whenever they run
func init() {
	planToday = func() time.Time { return time.Date(2026, time.December, 5, 12, 0, 0, 0, time.UTC) }
}

// plannedModel is "mixed" at w x h with a run change (Online Shop), a headcount change
// (Checkout) and a move (Operations SRE into the SRE org): a plan of three stages.
func plannedModel(t *testing.T, w, h int) *Model {
	m := movedModel(t, w, h)
	selectTeam(t, m, "Online Shop")
	press(t, m, "r")
	selectTeam(t, m, "Checkout")
	press(t, m, "+", "+")
	return m
}

func TestPlanKeyOpensAndCloses(t *testing.T) {
	m := plannedModel(t, 80, 24)
	press(t, m, "g")
	if !shown[*planning](m) || onTop[planning](m).data == nil {
		t.Fatalf("g did not open a made plan: screen %s", screenName(m))
	}
	checkView(t, m, "plan")
	v := m.View()
	for _, want := range []string{"The plan, stage by stage", "Plan from mixed.toml to the current model: 3 stages", "Stage 1 of 3: Staff first, 2027-01 to 2027-03, 3 months", "dates from 2027-01", "esc/g back"} {
		if !strings.Contains(v, want) {
			t.Errorf("the plan screen lacks %q:\n%s", want, v)
		}
	}
	press(t, m, "esc")
	if !m.onGround() || shown[*planning](m) {
		t.Errorf("esc left screen %s", screenName(m))
	}
	pressBack(t, m, "g", "g")
}

func TestPlanNothingToPlan(t *testing.T) {
	m := newModel(t, "mixed", 80, 24)
	press(t, m, "g")
	mustShow(t, m, "the same: nothing to plan", "an equal model does not say there is nothing to plan")
	press(t, m, "enter")
	if m.CanUndo() {
		t.Error("enter on an empty plan made an edit")
	}
}

// TestPlanIsMadeInACommand: g hands the plan to a command, and the screen says it is being
// made until the command's message arrives.
func TestPlanIsMadeInACommand(t *testing.T) {
	m := plannedModel(t, 80, 24)
	_, cmd := m.Update(keyMsg("g"))
	if cmd == nil || onTop[planning](m).data != nil {
		t.Fatal("g made the plan in Update instead of in a command")
	}
	mustShow(t, m, "planning...", "the screen does not say the plan is being made")
	m.Update(cmd())
	if onTop[planning](m).data == nil || len(onTop[planning](m).data.Plan.Stages) != 3 {
		t.Fatal("the command's plan did not reach the screen")
	}
}

// TestOpenStageAndUndo opens every stage in turn as the current model and undoes it: the
// model is the stage's, the board shows again, and u restores the what-if exactly.
func TestOpenStageAndUndo(t *testing.T) {
	m := plannedModel(t, 120, 40)
	before := orgs.Marshal(m.Current())
	for sel := range 3 {
		press(t, m, "g")
		stages := onTop[planning](m).data.Plan.Stages
		for range sel {
			press(t, m, "down")
		}
		want := stages[sel].Model
		press(t, m, "enter")
		if sel == len(stages)-1 {
			// the last stage is the what-if itself: opening it changes nothing, and says so
			if m.CanUndo() && !bytes.Equal(orgs.Marshal(m.Current()), before) || !strings.Contains(m.status, "already") {
				t.Errorf("opening the last stage: status %q", m.status)
			}
			press(t, m, "esc")
			continue
		}
		if !m.onGround() {
			t.Fatalf("stage %d: enter left screen %s", sel+1, screenName(m))
		}
		if !orgs.ModelsEqual(m.Current(), want) {
			t.Fatalf("stage %d: the current model is not the stage's", sel+1)
		}
		if !strings.Contains(m.status, "opened stage") {
			t.Errorf("stage %d: status %q", sel+1, m.status)
		}
		press(t, m, "u")
		if !bytes.Equal(orgs.Marshal(m.Current()), before) {
			t.Fatalf("stage %d: u did not restore the what-if", sel+1)
		}
	}
}

// TestPresentDecideShowsThePlan pages through presentation mode's Decide step at 80x24: the
// plan's stages follow, every one of them on some page, made by a command.
func TestPresentDecideShowsThePlan(t *testing.T) {
	m := plannedModel(t, 80, 24)
	press(t, m, "p", "6")
	seen := map[string]bool{}
	pages := 0
	for range 20 {
		v := m.View()
		checkView(t, m, "present decide")
		if strings.Contains(v, "The plan from the baseline") {
			pages++
			for _, s := range []string{"Stage 1 of 3: Staff first, 2027-01", "Stage 2 of 3: Who runs it, 2027-04", "Stage 3 of 3: Reporting lines, 2027-06", "Operations SRE"} {
				if strings.Contains(v, s) {
					seen[s] = true
				}
			}
			if strings.Contains(v, "working out the plan") {
				t.Error("the plan was not made by the time the slide showed")
			}
		}
		press(t, m, "right")
	}
	if len(seen) != 4 {
		t.Errorf("the Decide step showed %v of the plan on %d pages", seen, pages)
	}
	if pages < 2 {
		t.Errorf("the plan took %d page at 80x24; three stages do not fit one", pages)
	}
}

func TestPresentDecideNothingToPlan(t *testing.T) {
	m := newModel(t, "mixed", 80, 24)
	press(t, m, "p", "end")
	mustShow(t, m, "the same: nothing to plan", "the last slide does not say there is nothing to plan")
}

// TestPlanDatesFromTheMonthAfterToday: the dashboard has no start month, so the plan's
// dates run from the month after today, across a year's end too, and its first stage
// starts then.
func TestPlanDatesFromTheMonthAfterToday(t *testing.T) {
	held := planToday
	defer func() { planToday = held }()
	for _, c := range []struct {
		today time.Time
		want  string
	}{
		{time.Date(2026, time.December, 31, 23, 0, 0, 0, time.UTC), "2027-01"},
		{time.Date(2027, time.March, 1, 0, 0, 0, 0, time.UTC), "2027-04"},
	} {
		planToday = func() time.Time { return c.today }
		m := plannedModel(t, 120, 40)
		press(t, m, "g")
		pl := onTop[planning](m)
		if got := pl.data.Plan.Stages[0].Start.String(); got != c.want || pl.data.Start.String() != c.want {
			t.Errorf("on %s the plan starts %s (screen %s), want %s", c.today.Format("2006-01-02"), got, pl.data.Start, c.want)
		}
		if v := m.View(); !strings.Contains(v, "dates from "+c.want) {
			t.Errorf("the plan screen does not say its dates run from %s:\n%s", c.want, v)
		}
	}
}

// TestPlanOpensAtItsHeadline: at 80x24 the plan opens at its top, the headline and from
// when its dates run in view, even when the first stage is longer than the screen.
func TestPlanOpensAtItsHeadline(t *testing.T) {
	m := newModel(t, "health-platform", 80, 24)
	selectTeam(t, m, "Viewer")
	press(t, m, "r", "g")
	v := m.View()
	for _, want := range []string{"Plan from health-platform.toml", "dates from 2027-01", "> Stage 1 of 1"} {
		if !strings.Contains(v, want) {
			t.Errorf("the plan opens without %q:\n%s", want, v)
		}
	}
}
