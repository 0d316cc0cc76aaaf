package model

import (
	"slices"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// helpMemo keeps the key help as last drawn. The help is drawn after every message (the
// layout depends on its height), and lipgloss styles it key by key, which costs more
// than the rest of the model's work after a move; it changes only when the keys that
// apply do.
type helpMemo struct {
	showAll bool
	width   int
	profile termenv.Profile
	dark    bool
	entries []helpEntry
	drawn   string
}

// helpEntry is what help.Model draws of one binding; a group of the full help ends with
// an entry of end set.
type helpEntry struct {
	key, desc   string
	enabled     bool
	end, absent bool
}

// view is h.View(k), drawn again only when what it shows has changed.
func (c *helpMemo) view(h *help.Model, k help.KeyMap, r *lipgloss.Renderer) string {
	var entries []helpEntry
	add := func(bs []key.Binding) {
		for _, b := range bs {
			entries = append(entries, helpEntry{key: b.Help().Key, desc: b.Help().Desc, enabled: b.Enabled()})
		}
	}
	if h.ShowAll {
		for _, g := range k.FullHelp() {
			add(g)
			entries = append(entries, helpEntry{end: true, absent: g == nil})
		}
	} else {
		add(k.ShortHelp())
	}
	profile, dark := r.ColorProfile(), r.HasDarkBackground()
	if c.entries == nil || c.showAll != h.ShowAll || c.width != h.Width || c.profile != profile || c.dark != dark ||
		!slices.Equal(c.entries, entries) {
		*c = helpMemo{showAll: h.ShowAll, width: h.Width, profile: profile, dark: dark, entries: entries, drawn: h.View(k)}
	}
	return c.drawn
}
