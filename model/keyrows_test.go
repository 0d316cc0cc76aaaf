package model

import (
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/views"
)

// execute runs cmd and the commands it batches, dropping what they return: what a command
// does on its own (a save) happens, and no message reaches the model.
func execute(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	if batch, ok := cmd().(tea.BatchMsg); ok {
		for _, c := range batch {
			execute(c)
		}
	}
}

// TestQuestionAnsweredOnce: a key pressed while the update in place that "yes" started is
// still saving does not start another save.
func TestQuestionAnsweredOnce(t *testing.T) {
	_, sc := whatIf(t, orgs.ScenarioMeta{Title: "what if"})
	op, err := orgs.Open(sc, "")
	if err != nil {
		t.Fatal(err)
	}
	rec := &saveRecorder{}
	m := New(Config{Opened: op, Styles: views.DefaultStyles(), Save: rec.save})
	run(m, tea.WindowSizeMsg{Width: 100, Height: 30})
	press(t, m, "+", "s")
	if !shown[*confirm](m) || !strings.Contains(m.View(), "Update the scenario?") {
		t.Fatalf("s on the open scenario asks nothing: screen %s", screenName(m))
	}
	_, first := m.Update(keyMsg("y")) // the save runs off the update loop: not done yet
	mustShow(t, m, "saving...", "the question does not say it is saving")
	_, again := m.Update(keyMsg("y"))
	execute(first)
	execute(again)
	if len(rec.calls) != 1 {
		t.Errorf("%d saves, want the one update in place", len(rec.calls))
	}
}

// TestViewerRefusedAtTheStage: the plan's enter makes an edit, so a viewer following the
// facilitator's plan is refused at the key, with why, and the plan stays on the screen,
// its enter dimmed in the help line.
func TestViewerRefusedAtTheStage(t *testing.T) {
	m := plannedModel(t, 120, 40)
	p, deliver := sharedPair(t, m)
	press(t, m, "g")
	deliver()
	if !shown[*planning](p) {
		t.Fatalf("the viewer does not follow the plan: screen %s", screenName(p))
	}
	for _, e := range p.screenHelp().ShortHelp() {
		if e.Help().Desc == "open the stage" && e.Enabled() {
			t.Error("the viewer's help line offers enter on a stage")
		}
	}
	before := len(p.Current().Teams)
	run(p, keyMsg("enter"))
	if !shown[*planning](p) || p.status != viewerWhy || !p.statusErr {
		t.Errorf("enter: screen %s, status %q, want the plan and %q", screenName(p), p.status, viewerWhy)
	}
	if len(p.Current().Teams) != before || p.CanUndo() {
		t.Error("the viewer's enter changed the model")
	}
}

// TestHelpIsTheRows: on every screen, each key the help line or the help in columns offers
// is one a row of that screen takes, offered while that row applies; the rows that the help
// line leaves out because they do not apply say why.
func TestHelpIsTheRows(t *testing.T) {
	for _, sc := range screens {
		t.Run(sc.name, func(t *testing.T) {
			m := movedModel(t, 120, 40)
			sc.setup(t, m)
			rows := m.top().bindings(m)
			h := m.screenHelp()
			for _, col := range append(h.FullHelp(), h.ShortHelp()) {
				for _, e := range col {
					r, ok := rowFor(rows, e.Keys()[0])
					if !ok {
						t.Errorf("the help offers %q (%s), which no row takes", e.Help().Key, e.Help().Desc)
						continue
					}
					if r.short.rank == 0 {
						t.Errorf("the help offers %q, whose row has no place in it", e.Help().Key)
					}
				}
			}
			for _, r := range rows {
				if r.short.rank > 0 && r.reason(m.shared) == "" && !offered(h.ShortHelp(), r.short.rank, rows) && !r.fullOnly {
					t.Errorf("the row of %q applies but the help line leaves it out", r.key.Help().Key)
				}
			}
		})
	}
}

// offered reports whether help has an entry for rank among rows.
func offered(help []key.Binding, rank int, rows []screenKey) bool {
	for _, e := range help {
		if r, ok := rowFor(rows, e.Keys()[0]); ok && r.short.rank == rank {
			return true
		}
	}
	return false
}
