package model

import (
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/sretopo/sretopo/views"
)

// pager is a screen of text that may be longer than the terminal: the message log (M) and a
// panel opened full screen (z). A bubbles viewport keeps its scrolling (keys and mouse
// wheel); the text is drawn again at each width, since it wraps.
type pager struct {
	title string
	// render draws the text at a width.
	render func(w int) []string
	lines  []string
	vp     viewport.Model
	keys   pagerKeys
	w, h   int
	// done is set when the user closed it; next and prev when they asked for the next or
	// the previous panel.
	done, next, prev bool
}

// pagerKeys are the keys of a pager beside the viewport's own (up/down, j/k, pgup/pgdn).
type pagerKeys struct {
	Scroll, Page, Top, Bottom, Close, NextPanel, PrevPanel key.Binding
	// panels is set when tab moves to the next panel.
	panels bool
}

func newPager(title string, render func(w int) []string, panels bool) *pager {
	p := &pager{title: title, render: render, vp: viewport.New(0, 0)}
	p.vp.MouseWheelEnabled = true
	p.keys = pagerKeys{
		Scroll:    key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("j/k", "scroll")),
		Page:      key.NewBinding(key.WithKeys("pgup", "pgdown"), key.WithHelp("pgup/pgdn", "page")),
		Top:       key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("home/end", "top/bottom")),
		Bottom:    key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("end", "bottom")),
		Close:     key.NewBinding(key.WithKeys("esc", "q", "z", "M", "?"), key.WithHelp("esc", "back")),
		NextPanel: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next panel")),
		PrevPanel: key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous panel")),
		panels:    panels,
	}
	p.keys.NextPanel.SetEnabled(panels)
	p.keys.PrevPanel.SetEnabled(panels)
	return p
}

// ShortHelp is the pager's key help.
func (k pagerKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Scroll, k.Page, k.Top, k.NextPanel, k.Close}
}

// SetSize fits the pager to a w x h terminal whose help takes footer lines.
func (p *pager) SetSize(w, h, footer int) {
	if p.w != w || p.lines == nil {
		p.lines = p.render(w)
	}
	p.w, p.h = w, h
	p.vp.Width, p.vp.Height = w, views.PageBodyHeight(w, h, footer, 0)
	p.vp.SetContent(joinLines(p.lines))
}

// Update scrolls, or closes the pager.
func (p pager) Update(msg tea.Msg) (pager, tea.Cmd) {
	if km, ok := msg.(tea.KeyMsg); ok {
		switch {
		case key.Matches(km, p.keys.Close):
			p.done = true
			return p, nil
		case key.Matches(km, p.keys.NextPanel):
			p.next = true
			return p, nil
		case key.Matches(km, p.keys.PrevPanel):
			p.prev = true
			return p, nil
		case key.Matches(km, p.keys.Top):
			p.vp.GotoTop()
			return p, nil
		case key.Matches(km, p.keys.Bottom):
			p.vp.GotoBottom()
			return p, nil
		}
	}
	var cmd tea.Cmd
	p.vp, cmd = p.vp.Update(msg)
	return p, cmd
}

// View draws the pager with the status line and help of d.
func (p pager) View(d *views.Data, st views.Styles) string {
	return views.DrawScreen(views.Screen{Title: p.title, Body: p.lines, Offset: p.vp.YOffset}, d, st, p.w, p.h)
}

func joinLines(lines []string) string {
	n := 0
	for _, l := range lines {
		n += len(l) + 1
	}
	b := make([]byte, 0, n)
	for i, l := range lines {
		if i > 0 {
			b = append(b, '\n')
		}
		b = append(b, l...)
	}
	return string(b)
}

// The pages the root model opens: the message log and a panel full screen.

// maxLog is how many messages the log keeps.
const maxLog = 100

// logEntry is one message of the status line.
type logEntry struct {
	text string
	err  bool
}

func (m *Model) logMessage(s string, err bool) {
	if s == "" {
		return
	}
	if len(m.log) == maxLog {
		m.log = append(m.log[:0], m.log[1:]...)
	}
	m.log = append(m.log, logEntry{s, err})
}

// logLines draws the message log at width w, oldest first, each message in full.
func (m *Model) logLines(w int) []string {
	if len(m.log) == 0 {
		return []string{"no messages yet"}
	}
	var out []string
	for _, e := range m.log {
		lead := "  "
		if e.err {
			lead = views.GlyphWarning + " "
		}
		for i, l := range views.Wrap(views.S(e.text), max(1, w-2)) {
			if i > 0 {
				lead = "  "
			}
			out = append(out, lead+l)
		}
	}
	return out
}

// openPager shows a page that scrolls; at the end when atEnd (the log: newest last).
func (m *Model) openPager(p *pager, atEnd bool) {
	m.show(p)
	p.size(m)
	if atEnd {
		p.vp.GotoBottom()
	}
}

// zoomPanel opens the shown panel full screen.
func (m *Model) zoomPanel() {
	p := m.board.panel
	d := m.data()
	m.openPager(newPager(zoomTitle(p), func(w int) []string { return views.PanelLines(p, d, m.st, w) }, true), false)
}

// zoomTitle is the title of panel p full screen.
func zoomTitle(p views.PanelID) string { return p.Title() + " (full screen)" }

// update scrolls the page, closes it, or shows the next or previous panel full screen.
func (p *pager) update(m *Model, msg tea.KeyMsg) tea.Cmd {
	if key.Matches(msg, m.keys.Interrupt) {
		m.closeAll()
		return m.quit()
	}
	if is(msg, m.keys.SortBy) && p.title == zoomTitle(views.PanelServices) {
		// the Services panel full screen takes its sort key too
		m.board.nextServiceOrder(m.Current())
		m.zoomPanel()
		return nil
	}
	var cmd tea.Cmd
	*p, cmd = p.Update(msg)
	switch {
	case p.done:
		m.closeAll()
	case p.next, p.prev:
		step := 1
		if p.prev {
			step = -1
		}
		m.board.cyclePanel(m.an, step)
		m.zoomPanel()
	}
	return cmd
}

// zoomed reports whether a panel is open full screen.
func (m *Model) zoomed() bool {
	p, ok := m.top().(*pager)
	return ok && p.keys.panels
}
