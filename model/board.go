package model

import (
	"fmt"
	"sort"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/views"
)

// The board: its keys, the mouse, the selection and which keys apply to it.

func (m *Model) boardKey(msg tea.KeyMsg) tea.Cmd {
	k := &m.keys
	sel := m.board.Selected()
	m.before = m.Selected() // edits apply at once; refresh needs the selection from before
	switch {
	case is(msg, k.Quit):
		return m.quit()
	case is(msg, k.Help):
		m.openKeys()
	case is(msg, k.MoveLeft):
		c, err := m.cur.MoveTeam(sel, -1)
		m.editTeam(sel, c, err)
	case is(msg, k.MoveRight):
		c, err := m.cur.MoveTeam(sel, +1)
		m.editTeam(sel, c, err)
	case is(msg, k.Left):
		m.focusColumn(m.board.Focus - 1)
	case is(msg, k.Right):
		m.focusColumn(m.board.Focus + 1)
	case is(msg, k.Up):
		if m.board.Open && m.board.Service >= 0 {
			m.board.Service-- // up to the team itself, then on to the team above
			break
		}
		m.moveRow(-1)
	case is(msg, k.Down):
		if m.board.Open && m.board.Service < len(views.TeamServices(m.an, sel))-1 {
			m.board.Service++
			break
		}
		m.moveRow(+1)
	case is(msg, k.Services):
		m.toggleServices(sel)
	case is(msg, k.Rotation):
		m.startRotation(sel)
	case is(msg, k.SortBy):
		m.byStatus = !m.byStatus
		if m.byStatus {
			m.setStatus("Services panel: worst status first (! again: file order)")
		} else {
			m.setStatus("Services panel: file order")
		}
	case is(msg, k.PageUp):
		m.moveRow(-views.PageSize(m.data(), m.lay, m.board.Focus))
	case is(msg, k.PageDown):
		m.moveRow(views.PageSize(m.data(), m.lay, m.board.Focus))
	case is(msg, k.Home):
		m.moveRow(-len(m.cur.Teams))
	case is(msg, k.End):
		m.moveRow(len(m.cur.Teams))
	case is(msg, k.Find):
		m.mode = modeFind
		m.finder = newFinder(m.board, m.keys)
	case is(msg, k.Run):
		if svc := m.board.SelectedService(m.an); svc >= 0 {
			// the service's team, whose card and services the edit changes
			c, err := m.cur.CycleServiceRun(svc)
			m.editTeam(m.an.Services[svc].ServiceRun.Team, c, err)
			break
		}
		c, err := m.cur.CycleRun(sel)
		m.editTeam(sel, c, err)
	case is(msg, k.With):
		if svc := m.board.SelectedService(m.an); svc >= 0 {
			c, err := m.cur.CycleServiceRunWith(svc)
			m.editTeam(m.an.Services[svc].ServiceRun.Team, c, err)
			break
		}
		c, err := m.cur.CycleRunWith(sel)
		m.editTeam(sel, c, err)
	case is(msg, k.Role):
		c, err := m.cur.CycleSRERole(sel)
		m.editTeam(sel, c, err)
	case is(msg, k.More):
		c, err := m.cur.AddHeadcount(sel, +1)
		m.editTeam(sel, c, err)
	case is(msg, k.Less):
		c, err := m.cur.AddHeadcount(sel, -1)
		m.editTeam(sel, c, err)
	case is(msg, k.New):
		m.mode = modeForm
		m.form = newTeamForm(orgs.AllOrgs[m.board.Focus])
	case is(msg, k.Delete):
		if sel >= 0 && sel < len(m.index.ServedBy) && len(m.index.ServedBy[sel]) > 0 {
			m.askDelete(m.cur.Teams[sel].Name)
			return nil
		}
		m.edit(m.cur.DeleteTeam(sel))
	case is(msg, k.Positioning):
		m.edit(m.cur.CyclePositioning())
	case is(msg, k.RolePositioning):
		m.edit(m.cur.CycleRolePositioning())
	case is(msg, k.Undo):
		m.undo()
	case is(msg, k.Redo):
		m.redo()
	case is(msg, k.Baseline):
		m.edit(m.cur.ResetTo(m.base))
	case is(msg, k.Save):
		m.pending = after{}
		return m.startSave(false)
	case is(msg, k.SaveAs):
		m.pending = after{}
		return m.startSave(true)
	case is(msg, k.Open):
		return m.listFiles(listToOpen)
	case is(msg, k.Compare):
		return m.enterCompare()
	case is(msg, k.Plan):
		return m.enterPlan()
	case is(msg, k.Export):
		return m.export()
	case is(msg, k.Present):
		m.startPresenting()
	case is(msg, k.Zoom):
		m.zoomPanel()
	case is(msg, k.Log):
		m.openPager(newPager("Messages (the last 100, oldest first)", m.logLines, false), true)
	case is(msg, k.NextPanel):
		m.cyclePanel(+1)
		m.panelChosen()
	case is(msg, k.PrevPanel):
		m.cyclePanel(-1)
		m.panelChosen()
	}
	if m.board.Selected() != sel {
		m.board.Open = false // the services shown are the selected team's
	}
	return nil
}

// toggleServices opens the services team i builds under its card, the first one selected so
// that r and w apply to it, or closes them.
func (m *Model) toggleServices(i int) {
	if m.board.Open {
		m.board.Open = false
		return
	}
	n := len(views.TeamServices(m.an, i))
	if n == 0 {
		m.setError("this team builds no service")
		return
	}
	m.board.Open, m.board.Service = true, 0
	m.setStatus(fmt.Sprintf("%d service%s of %q: up/down choose, r who runs it, w with whom, enter closes", n, map[bool]string{true: "", false: "s"}[n == 1], m.cur.Teams[i].Name))
}

func (m *Model) mouse(msg tea.MouseMsg) {
	switch {
	case m.mode == modePager:
		m.pager, _ = m.pager.Update(msg)
		return
	case m.mode == modeCompare && m.cmp != nil:
		m.cmp.vp, _ = m.cmp.vp.Update(msg) // the wheel scrolls
		return
	case m.mode == modePlan && m.plan != nil:
		m.plan.vp, _ = m.plan.vp.Update(msg)
		return
	}
	if m.mode != modeBoard || m.present || msg.Action != tea.MouseActionPress {
		return
	}
	switch msg.Button {
	case tea.MouseButtonLeft:
		if !m.lay.Wide && msg.Y == m.lay.Panels.Y {
			if p, ok := views.TabAt(m.data(), m.lay.Panels.W, msg.X); ok {
				m.panel = p // a click on a tab shows its panel
			}
			return
		}
		if c, row, ok := views.HitCard(m.data(), m.lay, msg.X, msg.Y); ok {
			m.board.Focus = c
			m.board.Rows[c] = row
		}
	case tea.MouseButtonWheelUp, tea.MouseButtonWheelDown:
		// the wheel over a column moves its selection, as up and down do
		for c, r := range m.lay.Columns {
			if r.Contains(msg.X, msg.Y) {
				m.board.Focus = c
				if msg.Button == tea.MouseButtonWheelUp {
					m.moveRow(-1)
				} else {
					m.moveRow(+1)
				}
			}
		}
	}
}

func (m *Model) selectIndex(i int) {
	if i < 0 || i >= len(m.cur.Teams) {
		return
	}
	c := views.ColumnOf(m.cur.Teams[i].Org)
	col := m.board.Cols[c]
	r := sort.SearchInts(col, i)
	if r < len(col) && col[r] == i {
		m.board.Focus = c
		m.board.Rows[c] = r
	}
}

func (m *Model) focusColumn(c int) {
	m.board.Focus = max(0, min(2, c))
}

func (m *Model) moveRow(d int) {
	c := m.board.Focus
	m.board.Rows[c] = max(0, min(len(m.board.Cols[c])-1, m.board.Rows[c]+d))
}

func (m *Model) clampRows() {
	for c := range m.board.Rows {
		m.board.Rows[c] = max(0, min(len(m.board.Cols[c])-1, m.board.Rows[c]))
	}
}

// panelChosen says, on a wide terminal where every panel shows, what choosing one does.
func (m *Model) panelChosen() {
	if m.lay.Wide {
		m.setStatus(m.panel.Title() + " chosen: z opens it full screen")
	}
}

func (m *Model) cyclePanel(step int) {
	ps := views.Panels(m.an)
	k := 0
	for i, p := range ps {
		if p == m.panel {
			k = i
		}
	}
	m.panel = ps[(k+step+len(ps))%len(ps)]
}

// ensurePanel moves off a panel the analysis no longer has (positioning, when the SRE org
// empties).
func (m *Model) ensurePanel() {
	ps := views.Panels(m.an)
	for _, p := range ps {
		if p == m.panel {
			return
		}
	}
	for _, p := range ps {
		if p > m.panel {
			m.panel = p
			return
		}
	}
	m.panel = ps[len(ps)-1]
}

// enableKeys disables the bindings that do not apply to the selection, so the help never
// lists a dead key.
func (m *Model) enableKeys() {
	k := &m.keys
	i := m.board.Selected()
	var t *orgs.Team
	if i >= 0 {
		t = &m.cur.Teams[i]
	}
	dev := t != nil && t.Kind == orgs.KindDev
	k.MoveLeft.SetEnabled(t != nil && t.Org != orgs.OrgDev)
	k.MoveRight.SetEnabled(t != nil && t.Org != orgs.OrgSRE)
	k.Run.SetEnabled(dev)
	k.With.SetEnabled(dev && t.Run.NeedsPartner() && fitsMoreThanOne(m.cur, i, t.Run))
	k.Services.SetEnabled(i >= 0 && i < len(m.index.Builds) && m.index.Builds[i] > 0)
	k.SortBy.SetEnabled(len(m.an.Services) > 0)
	k.Rotation.SetEnabled(t != nil && t.OnCall != orgs.OnCallNone && t.OnCall != "")
	if svc := m.board.SelectedService(m.an); svc >= 0 {
		// r and w change the selected service's run, not its team's
		v := &m.an.Services[svc]
		k.Run.SetEnabled(true)
		k.With.SetEnabled(v.Run.NeedsPartner())
		k.Run.SetHelp("r", "who runs the service")
		k.With.SetHelp("w", "service runs with")
	} else {
		k.Run.SetHelp("r", "who runs it")
		k.With.SetHelp("w", "runs with")
	}
	k.Role.SetEnabled(dev && t.Run == orgs.RunYou)
	k.More.SetEnabled(t != nil && t.Headcount < orgs.MaxHeadcount)
	k.Less.SetEnabled(t != nil && t.Headcount > orgs.MinHeadcount)
	k.Delete.SetEnabled(t != nil)
	k.Undo.SetEnabled(m.CanUndo())
	k.Redo.SetEnabled(m.CanRedo())
	k.Follow.SetEnabled(m.shared.participant())
	if s := m.shared; s.participant() {
		k.Undo.SetEnabled(s.canUndo && s.role == Editor)
		k.Redo.SetEnabled(s.canRedo && s.role == Editor)
		for _, b := range []*key.Binding{&k.Save, &k.SaveAs, &k.Open, &k.Export} {
			b.SetEnabled(false)
		}
		if s.role == Viewer {
			for _, b := range []*key.Binding{&k.MoveLeft, &k.MoveRight, &k.Run, &k.With, &k.Role, &k.More, &k.Less, &k.New, &k.Delete, &k.Positioning, &k.RolePositioning, &k.Baseline, &k.Rotation} {
				b.SetEnabled(false)
			}
		}
	}
	k.listLeft = m.files.purpose == listForLeft
	k.then = m.pending.words()
	k.listOptions = m.files.purpose == listOptions
	k.leftIsBase = m.cmp == nil || m.cmp.leftPath == "" && m.cmp.options == nil && !m.cmp.loading
	// tab chooses the panel shown on a narrow terminal, and on a wide one the panel z opens
	k.NextPanel.SetEnabled(true)
	k.PrevPanel.SetEnabled(true)
}

// fitsMoreThanOne reports whether len(o.Fitting(i, r)) > 1 without listing them all.
func fitsMoreThanOne(o *orgs.Org, i int, r orgs.Run) bool {
	want := r.PartnerKind()
	if want == "" {
		return false
	}
	n := 0
	for j := range o.Teams {
		if j != i && o.Teams[j].Kind == want {
			if n++; n > 1 {
				return true
			}
		}
	}
	return false
}
