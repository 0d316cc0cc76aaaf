package model

import (
	"fmt"
	"time"

	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/views"
)

// planning is the state of the plan screen (`g`): the plan from the baseline to the current
// model, worked out in a command, the chosen stage and the drawn body, kept while the width
// and the choice hold; a bubbles viewport keeps its scrolling.
type planning struct {
	rowsOnly
	data *views.PlanView
	// sel is the chosen stage (0-based).
	sel    int
	vp     viewport.Model
	body   []string
	starts []int
	bodyW  int
	// drawnSel is the stage chosen when body was drawn; -1 before the first drawing.
	drawnSel int
	// version is the shared session's version the plan was made of (shared.go)
	version int
}

// planToday is today's date for the plan's dates; tests hold it still.
var planToday = time.Now

// planStart is the month the dashboard dates a plan from: it has no start month of its own
// (`sretopo plan --start` has), so it takes the month after today, and says so.
func planStart() orgs.Month {
	y, mo, _ := planToday().Date()
	return orgs.Month{Year: y, Month: int(mo)}.Add(1)
}

// datedPlan is the plan from base to cur, dated from start.
func datedPlan(base, cur *orgs.Org, start orgs.Month) *orgs.Plan {
	p := orgs.MakePlan(base, cur)
	p.Date(start, nil)
	return p
}

// planReadyMsg carries a plan worked out off the update loop, for the plan screen it was
// asked for.
type planReadyMsg struct {
	pl   *planning
	data *views.PlanView
}

// enterPlan opens the plan screen. The plan is made in a command: on 10,000 teams the stages'
// models and analyses take long enough to freeze the screen, which says "planning..."
// meanwhile. The command works on copies, so later edits cannot reach it.
func (m *Model) enterPlan() tea.Cmd {
	pl := &planning{vp: viewport.New(0, 0), drawnSel: -1}
	pl.vp.MouseWheelEnabled = true
	if m.shared != nil {
		pl.version = m.shared.version
	}
	m.show(pl)
	base, cur := m.base, m.cur.Clone()
	baseName, target, start := m.basePath, m.file, planStart()
	return func() tea.Msg {
		return planReadyMsg{pl: pl, data: &views.PlanView{BaseName: baseName, TargetName: target, Plan: datedPlan(base, cur, start), Start: start}}
	}
}

// planReady shows a plan, unless the screen it was for is gone.
func (m *Model) planReady(msg planReadyMsg) {
	if pl, ok := m.top().(*planning); !ok || pl != msg.pl {
		return
	}
	msg.pl.data = msg.data
	msg.pl.body = nil // drawn at the next sync
}

// bindings are the plan screen's keys: choose a stage, scroll, open the stage, or go back.
func (pl *planning) bindings(m *Model) []screenKey {
	k := &m.keys
	on := onKeyDo
	last := func() int {
		if pl.data == nil {
			return 0
		}
		return max(0, len(pl.data.Plan.Stages)-1)
	}
	pageDown := func(*Model) { pl.vp.PageDown() }
	return []screenKey{
		onKey(k.Quit, func(m *Model, _ tea.KeyMsg) tea.Cmd { return m.quit() }).shown(5),
		on(k.Cancel, (*Model).closeAll).said(4, "esc/g", "back"), on(k.Plan, (*Model).closeAll).said(4, "esc/g", "back"),
		on(k.Up, func(*Model) { pl.sel = max(0, pl.sel-1) }).said(1, "up/down", "choose stage"),
		on(k.Down, func(*Model) { pl.sel = min(last(), pl.sel+1) }).said(1, "up/down", "choose stage"),
		on(k.PageUp, func(*Model) { pl.vp.PageUp() }).said(2, "pgup/pgdn", "scroll"),
		on(k.PageDown, pageDown).said(2, "pgup/pgdn", "scroll"), on(k.Space, pageDown),
		on(k.Home, func(*Model) { pl.sel = 0; pl.vp.GotoTop() }),
		on(k.End, func(*Model) { pl.sel = last(); pl.vp.GotoBottom() }),
		on(k.Accept, pl.openStage).said(3, "enter", "open the stage").only(editors), // an edit
		toggleHelp(k.Help),
	}
}

// openStage makes the chosen stage's model the current model: one edit, undone with u, and
// back to the board, where the model now is that stage.
func (pl *planning) openStage(m *Model) {
	if pl.data == nil {
		m.setError("the plan is still being made")
		return
	}
	stages := pl.data.Plan.Stages
	if len(stages) == 0 {
		m.setError("nothing to plan: the current model is the baseline")
		return
	}
	s := &stages[max(0, min(len(stages)-1, pl.sel))]
	what := fmt.Sprintf("stage %d of %d (%s)", s.Number, len(stages), s.Name)
	c, err := m.cur.Become(s.Model, "opened "+what+" of the plan", "the current model is "+what+" already")
	if err != nil {
		m.setError(err.Error())
		return
	}
	m.closeAll()
	m.before = m.Selected()
	m.edit(c, nil)
	if m.status == c.Summary {
		m.setStatus(c.Summary + "; u goes back")
	}
}

// size draws the body again when the width or the chosen stage changed, and keeps the
// chosen stage in view.
func (pl *planning) size(m *Model) {
	if pl.data == nil {
		pl.body = []string{"planning..."}
		pl.vp.SetYOffset(0)
		return
	}
	opening, moved := pl.drawnSel < 0, pl.drawnSel != pl.sel
	if pl.body == nil || pl.bodyW != m.w || moved {
		pl.body, pl.starts = views.PlanBody(pl.data, m.st, m.w, pl.sel)
		pl.bodyW, pl.drawnSel = m.w, pl.sel
		pl.vp.SetContent(joinLines(pl.body))
	}
	pl.vp.Width, pl.vp.Height = m.w, m.pageBodyHeight(0)
	if opening && pl.sel == 0 {
		pl.vp.SetYOffset(0) // the headline and from when the dates run first; the first stage below
	} else if moved && pl.sel < len(pl.starts) {
		// the chosen stage's heading shows, with as much of the stage as fits
		at, end := pl.starts[pl.sel], len(pl.body)
		if pl.sel+1 < len(pl.starts) {
			end = pl.starts[pl.sel+1] - 1
		}
		if at < pl.vp.YOffset || end > pl.vp.YOffset+pl.vp.Height {
			pl.vp.SetYOffset(max(0, at-1))
		}
	}
	pl.vp.SetYOffset(pl.vp.YOffset) // back in range after a resize
}

func (pl *planning) view(m *Model, d *views.Data) string {
	return views.DrawScreen(views.Screen{Title: views.PlanTitle(pl.data), Body: pl.body, Offset: pl.vp.YOffset}, d, m.st, m.w, m.h)
}

// decidePlan is the plan from the baseline to the current model that presentation mode's
// Decide step shows, made in a command for the analysis it was asked for (an), and made
// again when the model changes while presenting (a shared session's facilitator edits).
type decidePlan struct {
	an   *orgs.Analysis
	plan *orgs.Plan
	// asked is the analysis a command is working for, nil when none is.
	asked *orgs.Analysis
}

// of is the plan kept when it is of the analysis an, else nil (the plan is being made).
func (p decidePlan) of(an *orgs.Analysis) *orgs.Plan {
	if p.an != an {
		return nil
	}
	return p.plan
}

// decidePlanMsg carries the plan made for the analysis an.
type decidePlanMsg struct {
	an   *orgs.Analysis
	plan *orgs.Plan
}

// planToPresent asks for the Decide step's plan while presenting when the one kept is of
// another model and none is being made for this one.
func (m *Model) planToPresent() tea.Cmd {
	p := &m.decidePlan
	if !m.presenting() || p.an == m.an || p.asked == m.an {
		return nil
	}
	p.asked = m.an
	an, base, cur, start := m.Snapshot(), m.base, m.cur.Clone(), planStart()
	return func() tea.Msg { return decidePlanMsg{an: an, plan: datedPlan(base, cur, start)} }
}

// decidePlanReady keeps a plan made for presentation mode, unless the model changed since.
func (m *Model) decidePlanReady(msg decidePlanMsg) {
	if msg.an != m.an {
		return
	}
	m.decidePlan = decidePlan{an: msg.an, plan: msg.plan}
}

func (pl *planning) mouse(_ *Model, msg tea.MouseMsg) { pl.vp, _ = pl.vp.Update(msg) }
