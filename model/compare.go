package model

import (
	"fmt"
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
	rowsOnly
	// leftPath is the file chosen as side A; "" while A is the baseline.
	leftPath string
	data     *views.Compare
	vp       viewport.Model
	body     []string
	head     []string
	bodyW    int
	// version is the shared session's version the comparison was made of (shared.go)
	version int
	// options, when set, are the what-ifs shown as columns instead of A and B (O); loading
	// is set while they are being loaded.
	options []orgs.Option
	loading bool
	// columns holds options as a shared session publishes them, for followers.
	columns *OptionColumns
	// share is how far the body is scrolled, in thousandths of its lines, to keep when the
	// body is drawn again at another width or for a follower; shareSet says it was given.
	share    int
	shareSet bool
}

// scrollShare is how far c is scrolled, in thousandths of its body's lines.
func (c *comparing) scrollShare() int {
	if len(c.body) == 0 {
		return 0
	}
	return c.vp.YOffset * 1000 / len(c.body)
}

// scrollTo scrolls c to share thousandths of its body (kept for when the body is drawn).
func (c *comparing) scrollTo(share int) {
	c.share, c.shareSet = share, true
	if c.body != nil && c.vp.Height > 0 {
		c.vp.SetYOffset(share * len(c.body) / 1000)
	}
}

// MaxMarked is how many files the user marks as options beside the baseline: four columns
// fit a planning meeting's screen.
const MaxMarked = 3

// optionsReadyMsg carries the options loaded and compared off the update loop.
type optionsReadyMsg struct {
	cmp     *comparing
	options []orgs.Option
	err     error
}

// compareOptions shows the baseline and the marked files as columns, with the current model
// as the last column when it has unsaved changes and there is room. Loading and comparing
// run in a command.
func (m *Model) compareOptions(marked []string) tea.Cmd {
	c := &comparing{vp: viewport.New(0, 0), loading: true}
	m.showCompare(c)
	files := []string{filepath.Base(m.basePath)}
	if m.embedded {
		files[0] += " (example)"
	}
	paths := append([]string(nil), marked...)
	var cur *orgs.Org
	if m.Modified() && len(marked) < MaxMarked || len(marked) == 0 {
		cur = m.cur.Clone()
	}
	base := m.base
	return func() tea.Msg {
		models := []*orgs.Org{base}
		for _, p := range paths {
			o, _, err := orgs.LoadFile(p)
			if err != nil {
				return optionsReadyMsg{cmp: c, err: err}
			}
			models = append(models, o)
			files = append(files, filepath.Base(p))
		}
		if cur != nil {
			models = append(models, cur)
			files = append(files, "current model")
		}
		return optionsReadyMsg{cmp: c, options: orgs.CompareOptions(files, models)}
	}
}

// optionsReady shows the options, unless the screen they were for is gone.
func (m *Model) optionsReady(msg optionsReadyMsg) {
	c := m.compared()
	if c == nil || c != msg.cmp {
		return
	}
	c.loading = false
	if msg.err != nil {
		m.setError("cannot compare the options: " + oneLine(msg.err))
		m.closeAll()
		return
	}
	c.options = msg.options
	c.columns = &OptionColumns{Options: msg.options}
	m.decideOptions = decideOptions{an: m.an, options: msg.options}
	c.body = nil
	m.setStatus(fmt.Sprintf("%d options compared; b goes back to the baseline and the current model", len(msg.options)))
}

// offset is the first body line shown.
func (c *comparing) offset() int { return c.vp.YOffset }

// enterCompare opens the compare screen with the baseline as side A.
func (m *Model) enterCompare() tea.Cmd {
	return m.compareWith("", m.base)
}

// compared is the compare screen when it is on top, or nil.
func (m *Model) compared() *comparing {
	c, _ := m.top().(*comparing)
	return c
}

// showCompare shows c: in the place of the comparison shown, or opened from the board.
func (m *Model) showCompare(c *comparing) {
	if m.compared() != nil {
		m.stack[len(m.stack)-1] = c
		return
	}
	m.show(c)
}

// compareReadyMsg carries a comparison worked out off the update loop, for the compare
// screen state it was asked for.
type compareReadyMsg struct {
	cmp  *comparing
	data *views.Compare
}

// compareWith compares left (the baseline when leftPath is "") with the current model.
// Every verdict comes from orgs: the diff, the left side analysed on its own, and the
// current model analysed against the left side. The work runs in a command: on 20,000
// teams it takes long enough to freeze the screen, which shows "comparing..." meanwhile.
func (m *Model) compareWith(leftPath string, left *orgs.Org) tea.Cmd {
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
		right = nil // analysed against the left side, in the command
	}
	rightRole := "current"
	if m.Modified() {
		rightRole = "unsaved"
	}
	c := &comparing{leftPath: leftPath, vp: viewport.New(0, 0)}
	if m.shared != nil {
		c.version = m.shared.version
	}
	m.showCompare(c)
	// the command works on a copy: edits after it starts must not reach it
	cur, file, complete := m.cur.Clone(), m.file, m.riskComplete()
	return func() tea.Msg {
		if right == nil {
			right = orgs.NewAnalyser(left).Analyse(cur)
		} else {
			right = complete(cur, right)
		}
		return compareReadyMsg{cmp: c, data: &views.Compare{
			LeftName: leftName, RightName: file,
			LeftRole: leftRole, RightRole: rightRole,
			LeftOrg: left, RightOrg: cur,
			Diff:  orgs.Compare(leftName, left, file, cur),
			Left:  orgs.Analyse(left, left),
			Right: right,
		}}
	}
}

// compareReady shows a comparison, unless the screen it was for is gone.
func (m *Model) compareReady(msg compareReadyMsg) {
	if c := m.compared(); c == nil || c != msg.cmp {
		return
	}
	msg.cmp.data = msg.data
	msg.cmp.body = nil // drawn at the next sync
}

// bindings are compare's keys: scroll, choose side A or the options (the facilitator's
// files alone), the baseline as side A again, or go back; the full help (?) shows them in
// two columns.
func (c *comparing) bindings(m *Model) []screenKey {
	k := &m.keys
	scroll := func(kb key.Binding, do func(vp *viewport.Model)) screenKey {
		return onKeyDo(kb, func(*Model) { do(&c.vp) }).in("scroll")
	}
	pageDown := func(vp *viewport.Model) { vp.PageDown() }
	return []screenKey{
		scroll(k.Up, func(vp *viewport.Model) { vp.ScrollUp(1) }).said(1, "up/down", "scroll"),
		scroll(k.Down, func(vp *viewport.Model) { vp.ScrollDown(1) }).said(1, "up/down", "scroll"),
		scroll(k.PageUp, func(vp *viewport.Model) { vp.PageUp() }).said(2, "pgup/pgdn", "page"),
		scroll(k.PageDown, pageDown).said(2, "pgup/pgdn", "page"), scroll(k.Space, pageDown),
		scroll(k.Home, func(vp *viewport.Model) { vp.GotoTop() }).inFull(3, "home/end", "top/bottom"),
		scroll(k.End, func(vp *viewport.Model) { vp.GotoBottom() }).inFull(3, "home/end", "top/bottom"),
		// the files to compare are the facilitator's: a participant follows their compare
		onKey(k.LeftSide, func(m *Model, _ tea.KeyMsg) tea.Cmd { return m.listFiles(listForLeft) }).shown(4).only(host),
		onKey(k.Options, func(m *Model, _ tea.KeyMsg) tea.Cmd { return m.listFiles(listOptions) }).said(5, "O", "options").only(host),
		onKey(k.Baseline, func(m *Model, _ tea.KeyMsg) tea.Cmd { return c.baselineAsA(m) }).said(6, "b", "baseline as A").whyNot(func() string {
			return unless(c.leftPath != "" || c.options != nil || c.loading, "side A is the baseline already")
		}),
		onKeyDo(k.CompareBack, (*Model).closeAll).shown(7),
		onKey(k.Quit, func(m *Model, _ tea.KeyMsg) tea.Cmd { return m.quit() }).shown(8),
		toggleHelp(k.Help),
	}
}

// baselineAsA compares the current model with the baseline again, unless it is side A.
func (c *comparing) baselineAsA(m *Model) tea.Cmd {
	if c.options != nil || c.loading {
		m.setStatus("side A is the baseline, side B the current model")
		return m.compareWith("", m.base)
	}
	if c.leftPath == "" {
		m.setError("side A is the baseline already; L chooses another file")
		return nil
	}
	m.setStatus("side A is the baseline again")
	return m.compareWith("", m.base)
}

func (m *Model) leftLoaded(msg leftLoadedMsg) tea.Cmd {
	if m.compared() == nil {
		return nil
	}
	if msg.err != nil {
		m.setError("cannot compare with " + views.S(msg.path) + ": " + oneLine(msg.err))
		return nil
	}
	m.setStatus("side A is now " + filepath.Base(msg.path))
	return m.compareWith(msg.path, msg.org)
}

// size draws the body again when the width changed and keeps the scroll in range.
func (c *comparing) size(m *Model) {
	if c.options == nil && c.data == nil {
		c.body, c.head = []string{"comparing..."}, nil
		c.vp.SetYOffset(0)
		return
	}
	if c.body == nil || c.bodyW != m.w {
		if c.body != nil && c.bodyW > 0 {
			c.share, c.shareSet = c.scrollShare(), true // the same share at the new width
		}
		if c.options != nil {
			c.body, c.head = views.OptionsBody(c.options, m.st, m.w), views.OptionsHead(c.options, m.st, m.w)
		} else {
			c.body, c.head = views.CompareBody(c.data, m.st, m.w), views.CompareHead(c.data, m.st, m.w)
		}
		c.bodyW = m.w
		c.vp.SetContent(joinLines(c.body))
	}
	c.vp.Width, c.vp.Height = m.w, m.pageBodyHeight(len(c.head))
	if c.shareSet {
		c.shareSet = false
		c.vp.SetYOffset(c.share * len(c.body) / 1000)
	}
	c.vp.SetYOffset(c.vp.YOffset) // back in range after a resize
}

func (c *comparing) view(m *Model, d *views.Data) string {
	title := "Compare"
	switch {
	case c.options != nil:
		title = views.OptionsTitle(c.options)
	case c.data != nil:
		title = views.CompareTitle(c.data)
	}
	return views.DrawScreen(views.Screen{Title: title, Head: c.head, Body: c.body, Offset: c.offset()}, d, m.st, m.w, m.h)
}

func (c *comparing) mouse(_ *Model, msg tea.MouseMsg) { c.vp, _ = c.vp.Update(msg) } // the wheel scrolls
