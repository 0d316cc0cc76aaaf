package model

import (
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
