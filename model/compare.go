package model

import (
	"path/filepath"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/views"
)

// comparing is the state of the compare screen: side A (the baseline, or a file chosen
// with L), side B (the current model), and the drawn body, kept while the width holds; a
// bubbles viewport keeps its scrolling.
type comparing struct {
	// leftPath is the file chosen as side A; "" while A is the baseline.
	leftPath string
	data     *views.Compare
	vp       viewport.Model
	body     []string
	head     []string
	bodyW    int
}

// offset is the first body line shown.
func (c *comparing) offset() int { return c.vp.YOffset }

// enterCompare opens the compare screen with the baseline as side A.
func (m *Model) enterCompare() {
	m.mode = modeCompare
	m.compareWith("", m.base)
}

// compareWith compares left (the baseline when leftPath is "") with the current model.
// Every verdict comes from orgs: the diff, the left side analysed on its own, and the
// current model analysed against the left side.
func (m *Model) compareWith(leftPath string, left *orgs.Org) {
	leftName, leftRole := m.basePath, "baseline"
	if m.embedded {
		leftRole = "example"
	}
	right := m.an
	m.anShared = true // the compare screen keeps it
	if leftPath != "" {
		leftName, leftRole = leftPath, "file"
		if orgs.SameFile(leftPath, m.basePath) {
			leftRole = "baseline"
		}
		right = orgs.NewAnalyser(left).Analyse(m.cur)
	}
	rightRole := "current"
	if m.Modified() {
		rightRole = "unsaved"
	}
	m.cmp = &comparing{leftPath: leftPath, vp: viewport.New(0, 0), data: &views.Compare{
		LeftName: leftName, RightName: m.file,
		LeftRole: leftRole, RightRole: rightRole,
		LeftOrg: left, RightOrg: m.cur,
		Diff:  orgs.Compare(leftName, left, m.file, m.cur),
		Left:  orgs.Analyse(left, left),
		Right: right,
	}}
}

func (m *Model) compareKey(msg tea.KeyMsg) tea.Cmd {
	k := &m.keys
	c := m.cmp
	vp := &c.vp
	switch {
	case key.Matches(msg, k.Quit):
		return m.quit()
	case key.Matches(msg, k.CompareBack):
		m.mode = modeBoard
		m.cmp = nil
		return nil
	case key.Matches(msg, k.Up):
		vp.ScrollUp(1)
	case key.Matches(msg, k.Down):
		vp.ScrollDown(1)
	case key.Matches(msg, k.PageUp):
		vp.PageUp()
	case key.Matches(msg, k.PageDown), key.Matches(msg, k.Space):
		vp.PageDown()
	case key.Matches(msg, k.Home):
		vp.GotoTop()
	case key.Matches(msg, k.End):
		vp.GotoBottom()
	case key.Matches(msg, k.LeftSide):
		return m.listFiles(listForLeft)
	case is(msg, k.Baseline):
		if c.leftPath == "" {
			m.setError("side A is the baseline already; L chooses another file")
			return nil
		}
		m.compareWith("", m.base)
		m.setStatus("side A is the baseline again")
	case key.Matches(msg, k.Help):
		m.help.ShowAll = !m.help.ShowAll
	}
	return nil
}

func (m *Model) leftLoaded(msg leftLoadedMsg) {
	if m.mode != modeCompare || m.cmp == nil {
		return
	}
	if msg.err != nil {
		m.setError("cannot compare with " + views.S(msg.path) + ": " + oneLine(msg.err))
		return
	}
	m.compareWith(msg.path, msg.org)
	m.setStatus("side A is now " + filepath.Base(msg.path))
}

// syncCompare draws the body again when the width changed and keeps the scroll in range.
func (m *Model) syncCompare() {
	c := m.cmp
	if c == nil {
		m.mode = modeBoard
		return
	}
	if c.body == nil || c.bodyW != m.w {
		c.body = views.CompareBody(c.data, m.st, m.w)
		c.head = views.CompareHead(c.data, m.st, m.w)
		c.bodyW = m.w
		c.vp.SetContent(joinLines(c.body))
	}
	c.vp.Width, c.vp.Height = m.w, m.pageBodyHeight(len(c.head))
	c.vp.SetYOffset(c.vp.YOffset) // back in range after a resize
}

func (m *Model) compareView(d *views.Data) string {
	c := m.cmp
	if c == nil {
		return ""
	}
	return views.DrawScreen(views.Screen{Title: views.CompareTitle(c.data), Head: c.head, Body: c.body, Offset: c.offset()}, d, m.st, m.w, m.h)
}
