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
	w, h   int
	// panels is set when tab moves to the next panel (a panel full screen).
	panels bool
}

func newPager(title string, render func(w int) []string, panels bool) *pager {
	p := &pager{title: title, render: render, vp: viewport.New(0, 0), panels: panels}
	p.vp.MouseWheelEnabled = true
	return p
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

// bindings are a page's keys: scroll (the viewport's own keys), top and bottom, close
// (the key that opened it too), and on a panel full screen the next or previous panel, and
// the Services panel's sort key.
func (p *pager) bindings(m *Model) []screenKey {
	k := &m.keys
	scroll := func(m *Model, msg tea.KeyMsg) tea.Cmd {
		var cmd tea.Cmd
		p.vp, cmd = p.vp.Update(msg)
		return cmd
	}
	panel := func(step int) func(m *Model) {
		return func(m *Model) {
			m.board.cyclePanel(m.an, step)
			m.zoomPanel()
		}
	}
	rows := []screenKey{onKey(k.Interrupt, func(m *Model, _ tea.KeyMsg) tea.Cmd {
		m.closeAll()
		return m.quit()
	})}
	if p.title == zoomTitle(views.PanelServices) {
		// the Services panel full screen takes its sort key too
		rows = append(rows, onKeyDo(k.SortBy, func(m *Model) {
			m.board.nextServiceOrder(m.Current())
			m.zoomPanel()
		}))
	}
	rows = append(rows, onKeyDo(key.NewBinding(key.WithKeys("esc", "q", "z", "M", "?"), key.WithHelp("esc", "back")), (*Model).closeAll).shown(5))
	if p.panels {
		rows = append(rows, onKeyDo(k.NextPanel, panel(1)).shown(4), onKeyDo(k.PrevPanel, panel(-1)))
	}
	return append(rows,
		onKeyDo(key.NewBinding(key.WithKeys("home", "g")), func(*Model) { p.vp.GotoTop() }).said(3, "home/end", "top/bottom"),
		onKeyDo(key.NewBinding(key.WithKeys("end", "G")), func(*Model) { p.vp.GotoBottom() }).said(3, "home/end", "top/bottom"),
		onKey(key.NewBinding(key.WithKeys("up", "down")), scroll).said(1, "j/k", "scroll"),
		onKey(key.NewBinding(key.WithKeys("pgup", "pgdown")), scroll).said(2, "pgup/pgdn", "page"),
	)
}

// update scrolls with the viewport's own keys that no row has (j, k, space...).
func (p *pager) update(_ *Model, msg tea.KeyMsg) tea.Cmd {
	var cmd tea.Cmd
	p.vp, cmd = p.vp.Update(msg)
	return cmd
}

// zoomed reports whether a panel is open full screen.
func (m *Model) zoomed() bool {
	p, ok := m.top().(*pager)
	return ok && p.panels
}
