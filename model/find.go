package model

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/views"
)

// finder is the find-as-you-type screen (/): a text input and the teams whose name holds
// it, by name, in board order. It reads the organization and the board's columns and
// changes neither: the root model selects the team it names (Current) and puts the
// selection back when it is cancelled.
type finder struct {
	input textinput.Model
	// from is the board as it was when find opened, to go back to.
	from views.Board
	hits []string
	at   int
	keys finderKeys
	// accepted and cancelled say how it ended.
	accepted, cancelled bool
}

// finderKeys are the keys of the find screen.
type finderKeys struct{ Accept, Cancel, Next, Prev key.Binding }

func newFinder(from views.Board, k KeyMap) finder {
	f := finder{input: newInput("/ ", 64), from: from, keys: finderKeys{Accept: k.Accept, Cancel: k.Cancel, Next: k.NextMatch, Prev: k.PrevMatch}}
	f.input.Focus()
	return f
}

// Current is the name of the team find selects now ("" for none).
func (f *finder) Current() string {
	if f.at < len(f.hits) {
		return f.hits[f.at]
	}
	return ""
}

// Update handles a key: ends find, moves between the matches, or edits the text and finds
// the matches again in o, whose board columns are cols.
func (f finder) Update(msg tea.Msg, o *orgs.Org, cols [3][]int) (finder, tea.Cmd) {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return f, nil
	}
	switch {
	case key.Matches(km, f.keys.Accept):
		f.accepted = true
		f.input.Blur()
		return f, nil
	case key.Matches(km, f.keys.Cancel):
		f.cancelled = true
		f.input.Blur()
		return f, nil
	case key.Matches(km, f.keys.Next), key.Matches(km, f.keys.Prev):
		if n := len(f.hits); n > 0 {
			step := 1
			if key.Matches(km, f.keys.Prev) {
				step = n - 1
			}
			f.at = (f.at + step) % n
		}
		return f, nil
	}
	var cmd tea.Cmd
	f.input, cmd = updateInput(f.input, km)
	f.hits, f.at = matches(o, cols, f.input.Value()), 0
	return f, cmd
}

// View is the prompt line: the input and how many teams match.
func (f *finder) View(st views.Styles) string {
	hits := "no match"
	switch n := len(f.hits); {
	case n == 1:
		hits = "1 match"
	case n > 1:
		hits = fmt.Sprintf("%d of %d matches", f.at+1, n)
	}
	if f.input.Value() == "" {
		hits = "type part of a team name"
	}
	return f.input.View() + st.Muted.Render("   "+hits)
}

// matches lists the names of the teams of o whose name holds q (as names compare), in
// board order, those whose name starts with it first.
func matches(o *orgs.Org, cols [3][]int, q string) []string {
	q = orgs.FoldName(strings.TrimSpace(q))
	if q == "" {
		return nil
	}
	var prefix, inside []string
	for c := range cols {
		for _, i := range cols[c] {
			name := orgs.FoldName(o.Teams[i].Name)
			switch {
			case strings.HasPrefix(name, q):
				prefix = append(prefix, o.Teams[i].Name)
			case strings.Contains(name, q):
				inside = append(inside, o.Teams[i].Name)
			}
		}
	}
	return append(prefix, inside...)
}
