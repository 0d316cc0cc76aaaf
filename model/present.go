package model

import (
	"github.com/charmbracelet/lipgloss"
	"slices"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/views"
)

// presenter is presentation mode as a screen: which slide shows. The slides themselves are
// drawn by views from the session's analysis at the terminal's size, so each key that
// turns a page reads them again (Model.turn); the keys are presentation's rows.
type presenter struct {
	// page is the slide shown, at the size last drawn; at is what it shows, whatever the
	// size: page is found again from at whenever the size changes (Model.placeSlide).
	page int
	at   SlideAt
}

// SlideAt is what a slide of the presentation shows, whatever the terminal's size: its
// concern (an index in views.Pages) and its place within the concern, as part of parts
// (from 0), so that a terminal that cuts the concern into more or fewer slides shows the
// same share of it.
type SlideAt struct{ Concern, Part, Parts int }

// slideAt is what slide i of slides shows.
func slideAt(slides []views.Slide, i int) SlideAt {
	if i < 0 || i >= len(slides) {
		return SlideAt{}
	}
	first, last := i, i
	for first > 0 && slides[first-1].Concern == slides[i].Concern {
		first--
	}
	for last+1 < len(slides) && slides[last+1].Concern == slides[i].Concern {
		last++
	}
	return SlideAt{Concern: slices.Index(views.Pages, slides[i].Concern), Part: i - first, Parts: last - first + 1}
}

// slideIndex is the slide of slides that shows at: the part of its concern holding the same
// share of it (the facilitator's first line, for a follower cut otherwise).
func slideIndex(slides []views.Slide, at SlideAt) int {
	if at.Concern < 0 || at.Concern >= len(views.Pages) {
		return 0
	}
	want := views.Pages[at.Concern]
	first, n := -1, 0
	for i, sl := range slides {
		if sl.Concern == want {
			if first < 0 {
				first = i
			}
			n++
		}
	}
	if first < 0 {
		return 0
	}
	part := at.Part
	if at.Parts > 0 && at.Parts != n {
		part = at.Part * n / at.Parts
	}
	return first + max(0, min(n-1, part))
}

// placeSlide finds the slide showing what the presenter shows at the size now: a resize, a
// font zoomed or the key footer grown keeps the concern and the place within it.
func (m *Model) placeSlide() {
	if !m.presenting() {
		return
	}
	if sl := m.slides(); len(sl) > 0 {
		m.presenter.page = slideIndex(sl, m.presenter.at)
	}
}

// presentRows are presentation mode's keys: page through the slides, ? for the keys, and
// back to the board.
func (m *Model) presentRows() []screenKey {
	k := &m.keys
	page := func(kb key.Binding, to func(p *presenter, msg tea.KeyMsg, slides []views.Slide)) screenKey {
		return onKey(kb, func(m *Model, msg tea.KeyMsg) tea.Cmd {
			m.turn(msg, to)
			return nil
		})
	}
	last := func(p *presenter, _ tea.KeyMsg, slides []views.Slide) { p.page = len(slides) - 1 }
	return []screenKey{
		onKey(k.Quit, func(m *Model, _ tea.KeyMsg) tea.Cmd { return m.quit() }).shown(7),
		toggleHelp(k.Help).said(5, "?", "keys"),
		onKey(k.Back, func(m *Model, msg tea.KeyMsg) tea.Cmd {
			if m.help.ShowAll && is(msg, k.Cancel) {
				m.help.ShowAll = false // esc closes what ? opened, and only that
				return nil
			}
			m.turn(msg, nil)
			m.pop()
			return nil
		}).shown(6),
		page(k.PrevPage, func(p *presenter, _ tea.KeyMsg, _ []views.Slide) { p.page-- }).shown(1),
		page(k.NextPage, func(p *presenter, _ tea.KeyMsg, _ []views.Slide) { p.page++ }).shown(2),
		page(k.Home, func(p *presenter, _ tea.KeyMsg, _ []views.Slide) { p.page = 0 }).said(4, "home/end", "first/last"),
		page(k.End, last).said(4, "home/end", "first/last"),
		page(k.Step, func(p *presenter, msg tea.KeyMsg, slides []views.Slide) {
			// the step is the key's place among Step's keys: 0 the opening, then steps 1 to 6
			if i := views.FirstSlide(slides, slices.Index(k.Step.Keys(), msg.String())); i >= 0 {
				p.page = i
			}
		}).shown(3),
	}
}

// turn moves the presenter's page as to says (nil: not at all), kept among the slides.
func (m *Model) turn(msg tea.KeyMsg, to func(p *presenter, msg tea.KeyMsg, slides []views.Slide)) {
	slides := m.slides()
	p := &m.presenter
	if to != nil {
		to(p, msg, slides)
	}
	p.page = max(0, min(len(slides)-1, p.page))
	p.at = slideAt(slides, p.page)
}

// startPresenting shows presentation mode from its first slide.
func (m *Model) startPresenting() {
	m.push(presentScreen{})
	m.presenter = presenter{}
}

// slides are the presentation's screens at the terminal's size.
func (m *Model) slides() []views.Slide {
	return views.Slides(m.data(), m.st, m.w, m.h, lipgloss.Height(m.helpView))
}

// decideOptions are the options the compare screen last showed and the analysis of the
// current model they were compared with: the Decide step shows their risk while that model
// stands, and the baseline beside the current model once an edit has moved on from it.
type decideOptions struct {
	an      *orgs.Analysis
	options []orgs.Option
}

// of is the options kept when they were compared with the analysis an, else nil.
func (o decideOptions) of(an *orgs.Analysis) []orgs.Option {
	if o.an != an {
		return nil
	}
	return o.options
}
