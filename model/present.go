package model

import (
	"github.com/charmbracelet/lipgloss"
	"slices"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/sretopo/sretopo/views"
)

// presenter is presentation mode as a screen: which slide shows, and its keys. The slides
// themselves are drawn by views from the session's analysis at the terminal's size, so the
// presenter is handed them on every key.
type presenter struct {
	page int
	keys presentKeys
	// done is set when the presenter goes back to the board.
	done bool
}

// presentKeys are presentation mode's keys.
type presentKeys struct{ Prev, Next, First, Last, Step, Back key.Binding }

func newPresenter(k KeyMap) presenter {
	return presenter{keys: presentKeys{Prev: k.PrevPage, Next: k.NextPage, First: k.Home, Last: k.End, Step: k.Step, Back: k.Back}}
}

// Update pages through slides.
func (p presenter) Update(km tea.KeyMsg, slides []views.Slide) (presenter, tea.Cmd) {
	switch {
	case key.Matches(km, p.keys.Back):
		p.done = true
	case key.Matches(km, p.keys.Prev):
		p.page--
	case key.Matches(km, p.keys.Next):
		p.page++
	case key.Matches(km, p.keys.First):
		p.page = 0
	case key.Matches(km, p.keys.Last):
		p.page = len(slides) - 1
	case key.Matches(km, p.keys.Step):
		// the step is the key's place among Step's keys: 0 the opening, then steps 1 to 6
		if i := views.FirstSlide(slides, slices.Index(p.keys.Step.Keys(), km.String())); i >= 0 {
			p.page = i
		}
	}
	p.page = max(0, min(len(slides)-1, p.page))
	return p, nil
}

func (m *Model) presentKey(msg tea.KeyMsg) tea.Cmd {
	k := &m.keys
	switch {
	case is(msg, k.Quit):
		return m.quit()
	case key.Matches(msg, k.Help):
		m.help.ShowAll = !m.help.ShowAll
		return nil
	case m.help.ShowAll && key.Matches(msg, k.Cancel):
		m.help.ShowAll = false // esc closes what ? opened, and only that
		return nil
	}
	var cmd tea.Cmd
	m.presenter, cmd = m.presenter.Update(msg, m.slides())
	if m.presenter.done {
		m.pop()
	}
	return cmd
}

// startPresenting shows presentation mode from its first slide.
func (m *Model) startPresenting() {
	m.push(presentScreen{})
	m.presenter = newPresenter(m.keys)
}

// slides are the presentation's screens at the terminal's size.
func (m *Model) slides() []views.Slide {
	return views.Slides(m.data(), m.st, m.w, m.h, lipgloss.Height(m.helpView))
}
