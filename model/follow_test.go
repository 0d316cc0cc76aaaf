package model

import (
	"testing"

	"github.com/sretopo/sretopo/views"
)

// shownSlide is the slide m shows in presentation mode.
func shownSlide(t *testing.T, m *Model) views.Slide {
	t.Helper()
	if !m.presenting() {
		t.Fatalf("not presenting: screen %s", screenName(m))
	}
	sl := m.slides()
	return sl[max(0, min(len(sl)-1, m.presenter.page))]
}

// A participant at another size follows the slide the facilitator shows (its concern and
// its page within it), not the facilitator's page number, all through the presentation.
func TestFollowerShowsTheFacilitatorsSlideAtAnotherSize(t *testing.T) {
	m := newModel(t, "mixed", 80, 24)
	p, deliver := joined(m, Viewer, 200, 50)

	press(t, m, "p")
	deliver()
	for i := 0; i < len(m.slides())-1; i++ {
		press(t, m, "right")
		deliver()
		f, q := shownSlide(t, m), shownSlide(t, p)
		if f.Concern != q.Concern {
			t.Fatalf("slide %d: the facilitator shows %q (%s), the participant %q (%s)", m.presenter.page, f.Concern.Title, f.Counter(), q.Concern.Title, q.Counter())
		}
	}
}

// Resizing (or zooming the font) in presentation keeps the slide shown.
func TestResizingInPresentationKeepsTheSlide(t *testing.T) {
	m := newModel(t, "mixed", 80, 24)
	press(t, m, "p", "6", "right", "right")
	want := shownSlide(t, m).Concern
	for _, size := range [][2]int{{200, 50}, {120, 35}, {80, 24}, {220, 60}} {
		run(m, keyMsgSize(size[0], size[1]))
		if got := shownSlide(t, m).Concern; got != want {
			t.Errorf("at %dx%d the slide is %q, was %q", size[0], size[1], got.Title, want.Title)
		}
	}
}

// share is how far c is scrolled, as a share of its body.
func share(c *comparing) float64 { return float64(c.vp.YOffset) / float64(max(1, len(c.body))) }

// A participant follows how far the facilitator scrolled compare, as a share of the body,
// at their own size: the line the facilitator's screen starts with is on theirs.
func TestFollowerFollowsTheCompareScroll(t *testing.T) {
	m := newModel(t, "mixed", 80, 24)
	press(t, m, "l", "l", ">", "<", "<", "+", "+") // a few changes to compare
	p, deliver := joined(m, Viewer, 160, 45)
	press(t, m, "c")
	deliver()
	press(t, m, "pgdown", "pgdown")
	deliver()
	c, q := m.compared(), p.compared()
	if c == nil || q == nil {
		t.Fatalf("compare is not shown: facilitator %v, participant %v", c != nil, q != nil)
	}
	if c.vp.YOffset == 0 || q.vp.YOffset == 0 {
		t.Fatalf("not scrolled: facilitator at line %d, participant at line %d of %d", c.vp.YOffset, q.vp.YOffset, len(q.body))
	}
	// the participant shows the line the facilitator's screen starts with, at its own share
	top := int(share(c) * float64(len(q.body)))
	if top < q.vp.YOffset || top >= q.vp.YOffset+q.vp.Height {
		t.Errorf("the facilitator is %.0f%% down (line %d of the participant's %d), the participant shows lines %d-%d",
			100*share(c), top, len(q.body), q.vp.YOffset, q.vp.YOffset+q.vp.Height-1)
	}
}
