package model

import (
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/views"
)

// finder is the find-as-you-type screen (/): a text input and the teams whose name holds
// it, by name, in board order, then the services whose name holds it (a service is
// selected under its team). It reads the organization and the board's columns and
// changes neither: the root model selects the team it names (Current) and puts the
// selection back when it is cancelled.
type finder struct {
	overBoard
	input textinput.Model
	// from is the board as it was when find opened, to go back to, and fromName the team
	// selected then (an edit may move it meanwhile, in a shared session).
	from     views.Board
	fromName string
	hits     []hit
	at       int
	// accepted and cancelled say how it ended.
	accepted, cancelled bool
}

func newFinder(from views.Board, fromName string) *finder {
	f := &finder{input: newInput("/ ", 64), from: from, fromName: fromName}
	f.input.Focus()
	return f
}

// hit is one match: a team, or a service (its index in the model) under its team.
type hit struct {
	team    string
	service int // -1 for the team itself
	name    string
}

// Current is the name of the team find selects now ("" for none): the match's, or the
// team that builds the service matched.
func (f *finder) Current() string {
	if f.at < len(f.hits) {
		return f.hits[f.at].team
	}
	return ""
}

// CurrentService is the index in the model of the service find selects now, -1 when it
// selects a team or nothing.
func (f *finder) CurrentService() int {
	if f.at < len(f.hits) {
		return f.hits[f.at].service
	}
	return -1
}

// CurrentWords names the match selected now for the status line.
func (f *finder) CurrentWords() string {
	h := f.hits[f.at]
	if h.service >= 0 {
		return fmt.Sprintf("service %q of %q", h.name, h.team)
	}
	return fmt.Sprintf("%q", h.team)
}

// bindings are find's keys: enter ends it on the match, esc puts the selection back,
// up and down move between the matches; the rest is typed.
func (f *finder) bindings(m *Model) []screenKey {
	k := &m.keys
	on := func(kb key.Binding, do func(f *finder)) screenKey {
		return onKey(kb, func(m *Model, _ tea.KeyMsg) tea.Cmd {
			do(f)
			return f.found(m, nil)
		})
	}
	return []screenKey{
		onKey(k.Interrupt, func(m *Model, _ tea.KeyMsg) tea.Cmd {
			f.giveUp(m)
			return m.quit()
		}),
		on(k.Accept, func(f *finder) { f.accepted = true; f.input.Blur() }).shown(1),
		on(k.Cancel, func(f *finder) { f.cancelled = true; f.input.Blur() }).shown(2),
		on(k.NextMatch, func(f *finder) { f.step(1) }).shown(3),
		on(k.PrevMatch, func(f *finder) { f.step(-1) }).shown(4),
	}
}

// step moves to the next match (1) or the previous one (-1), round the ends.
func (f *finder) step(by int) {
	if n := len(f.hits); n > 0 {
		f.at = (f.at + by + n) % n
	}
}

// update types a key into the text and finds the matches again on the board.
func (f *finder) update(m *Model, msg tea.KeyMsg) tea.Cmd {
	var cmd tea.Cmd
	f.input, cmd = updateInput(f.input, msg)
	f.hits, f.at = matches(m.cur, m.derived.cols, f.input.Value()), 0
	return f.found(m, cmd)
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
		hits = "type part of a team or service name"
	}
	return f.input.View() + st.Muted.Render("   "+hits)
}

// matches lists the teams of o whose name holds q (as names compare), in board order,
// those whose name starts with it first; then the services whose name holds it, in model
// order, those that start with it first. A service whose team is not found is left out.
func matches(o *orgs.Org, cols [3][]int, q string) []hit {
	q = orgs.FoldName(strings.TrimSpace(q))
	if q == "" {
		return nil
	}
	var prefix, inside []hit
	for c := range cols {
		for _, i := range cols[c] {
			name := orgs.FoldName(o.Teams[i].Name)
			switch {
			case strings.HasPrefix(name, q):
				prefix = append(prefix, hit{team: o.Teams[i].Name, service: -1})
			case strings.Contains(name, q):
				inside = append(inside, hit{team: o.Teams[i].Name, service: -1})
			}
		}
	}
	var sprefix, sinside []hit
	// the services' teams by name through one index, made for the first service that
	// matches: a query matching 20,000 services must not search 10,000 teams for each
	var teams *orgs.TeamLookup
	for k := range o.Services {
		s := &o.Services[k]
		name := orgs.FoldName(s.Name)
		if !strings.Contains(name, q) {
			continue
		}
		if teams == nil {
			teams = orgs.NewTeamLookup(o.Teams)
		}
		i := teams.Index(s.Team)
		if i < 0 {
			continue
		}
		h := hit{team: o.Teams[i].Name, service: k, name: s.Name}
		if strings.HasPrefix(name, q) {
			sprefix = append(sprefix, h)
		} else {
			sinside = append(sinside, h)
		}
	}
	out := append(prefix, inside...)
	out = append(out, sprefix...)
	return append(out, sinside...)
}

// giveUp closes find and puts the selection back where it was.
func (f *finder) giveUp(m *Model) {
	m.closeAll()
	m.setFilter("")
	m.board.back(m.cur, f.from, f.fromName)
}

// found filters the board by the text and selects what find found, or ends find as the
// last key asked; cmd is what the key started.
func (f *finder) found(m *Model, cmd tea.Cmd) tea.Cmd {
	m.setFilter(f.input.Value())
	switch {
	case f.cancelled:
		f.giveUp(m)
	case f.accepted && f.Current() == "":
		f.giveUp(m)
		if q := f.input.Value(); q != "" {
			m.setError(fmt.Sprintf("no team matches %q", q))
		}
	case f.accepted:
		m.closeAll() // the board stays filtered (filter.go) until esc
		m.setStatus("selected " + f.CurrentWords())
	case f.Current() != "":
		i := m.teamIndex(f.Current(), -1)
		m.selectIndex(i)
		m.board.Open, m.board.Service = false, 0
		if k := f.CurrentService(); k >= 0 {
			// a service is selected under its team, as enter opens them
			m.board.Open = true
			m.board.Service = slices.Index(m.index.TeamServices(i), int32(k))
		}
	default:
		m.board.back(m.cur, f.from, f.fromName)
	}
	return cmd
}
