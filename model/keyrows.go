package model

import (
	"cmp"
	"slices"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/sretopo/sretopo/views"
)

// keyRow is one key of a screen, said once: its keys and words (from the key map), the
// group ? lists it in, its place in the help line, who may press it in a shared session,
// why it does not apply now, and what it does. The help line, ?, dispatch, dimming and a
// participant's permissions all read these rows; no screen lists its keys anywhere else.
// Do is what a key does: to the board alone on the board (binding), to the root model on
// any screen (screenKey).
type keyRow[Do any] struct {
	key   key.Binding
	group string
	// short is the row in the help line, where rank orders it (0: not there); rows with
	// the same rank share one entry, offered while either applies.
	short shortEntry
	// fullOnly keeps the row out of the help line: only the full help (?) shows it.
	fullOnly bool
	// access is who may press it in a shared session.
	access access
	// browse is set on keys that move around on one's own: a participant pressing one
	// stops following the facilitator.
	browse bool
	// why says why the key does not apply now ("" or nil when it does). Pressed anyway, it
	// still runs do, which says why it is refused; only access refuses at the key.
	why func() string
	do  Do
}

// binding is a key of the board: what it does, it does to the board (board.go), which
// hands on to the root model what it cannot do itself.
type binding = keyRow[func(b *boardScreen)]

// screenKey is a key of a screen on the stack: what it does, it does through the root
// model, given the key pressed (a step's digit, a letter typed).
type screenKey = keyRow[func(m *Model, msg tea.KeyMsg) tea.Cmd]

// shortEntry is a row's words in the help, by rank.
type shortEntry struct {
	rank int
	// keys and say are the entry's words; empty, the key map's own.
	keys, say string
}

// onKey is a row of a screen: kb does do, for anyone, always, out of the help line.
func onKey(kb key.Binding, do func(m *Model, msg tea.KeyMsg) tea.Cmd) screenKey {
	return screenKey{key: kb, do: do}
}

// onKeyDo is a row of a screen whose key starts no command: kb does do.
func onKeyDo(kb key.Binding, do func(m *Model)) screenKey {
	return onKey(kb, func(m *Model, _ tea.KeyMsg) tea.Cmd {
		do(m)
		return nil
	})
}

// shown is r in the help line at rank, in its key map's words.
func (r keyRow[Do]) shown(rank int) keyRow[Do] {
	r.short = shortEntry{rank: rank}
	return r
}

// said is r in the help line at rank, in words of its own.
func (r keyRow[Do]) said(rank int, keys, say string) keyRow[Do] {
	r.short = shortEntry{rank: rank, keys: keys, say: say}
	return r
}

// inFull is r in the full help (?) alone, at rank, in words of its own.
func (r keyRow[Do]) inFull(rank int, keys, say string) keyRow[Do] {
	r.short, r.fullOnly = shortEntry{rank: rank, keys: keys, say: say}, true
	return r
}

// in is r in the column (or ?'s group) g.
func (r keyRow[Do]) in(g string) keyRow[Do] {
	r.group = g
	return r
}

// only is r pressed by the participants a lets alone.
func (r keyRow[Do]) only(a access) keyRow[Do] {
	r.access = a
	return r
}

// whyNot is r with why it does not apply now.
func (r keyRow[Do]) whyNot(why func() string) keyRow[Do] {
	r.why = why
	return r
}

// reason is why row r does not apply now for the participant of shared, their permission
// first.
func (r keyRow[Do]) reason(shared *sharing) string {
	why := ""
	if r.why != nil {
		why = r.why()
	}
	return cmp.Or(r.access.refusal(shared), why)
}

// rowFor is the first row whose keys include the key pressed, if any: rows listed
// earlier take a key before later ones.
func rowFor[Do any](rows []keyRow[Do], pressed string) (keyRow[Do], bool) {
	for _, r := range rows {
		for _, k := range r.key.Keys() {
			if k == pressed {
				return r, true
			}
		}
	}
	return keyRow[Do]{}, false
}

// retarget is rows doing do each: the board's rows as rows of the stack, whose key the
// board then takes.
func retarget[A, B any](rows []keyRow[A], do B) []keyRow[B] {
	out := make([]keyRow[B], len(rows))
	for i, r := range rows {
		out[i] = keyRow[B]{key: r.key, group: r.group, short: r.short, fullOnly: r.fullOnly, access: r.access, browse: r.browse, why: r.why, do: do}
	}
	return out
}

// helpEntries are the rows with words in the help (in full: those ? alone shows too), one
// entry a rank, by rank, each offered while it (or a row sharing its rank) applies.
func helpEntries[Do any](rows []keyRow[Do], shared *sharing, full bool) []key.Binding {
	var out []key.Binding
	var ranks []int
	for _, r := range rows {
		s := r.short
		if s.rank == 0 || r.fullOnly && !full {
			continue
		}
		on := r.reason(shared) == ""
		at := len(out)
		for i, rk := range ranks {
			if rk == s.rank {
				at = i
			}
		}
		if at < len(out) {
			out[at].SetEnabled(out[at].Enabled() || on)
			continue
		}
		kb := r.key
		if s.keys != "" {
			kb = withHelp(kb, s.keys, s.say)
		}
		kb.SetEnabled(on)
		out, ranks = append(out, kb), append(ranks, s.rank)
	}
	for i := 1; i < len(out); i++ { // by rank: few rows, insertion sort keeps it plain
		for j := i; j > 0 && ranks[j] < ranks[j-1]; j-- {
			out[j], out[j-1], ranks[j], ranks[j-1] = out[j-1], out[j], ranks[j-1], ranks[j]
		}
	}
	return out
}

// shortHelp is a screen's one-line help: the rows with short words, by rank, dimmed
// where they do not apply. bubbles/help cuts the line where the terminal ends.
func shortHelp[Do any](rows []keyRow[Do], shared *sharing) []key.Binding {
	return helpEntries(rows, shared, false)
}

// keyGroups are the rows for ?, grouped, each with why it does not apply now.
func keyGroups[Do any](rows []keyRow[Do], shared *sharing) []views.KeyGroup {
	var groups []views.KeyGroup
	for _, r := range rows {
		if len(groups) == 0 || groups[len(groups)-1].Title != r.group {
			groups = append(groups, views.KeyGroup{Title: r.group})
		}
		g := &groups[len(groups)-1]
		g.Keys = append(g.Keys, views.KeyLine{Key: r.key.Help().Key, Desc: r.key.Help().Desc, Why: r.reason(shared)})
	}
	return groups
}

// screenHelp is the key help of the screen on top, for bubbles help: drawn from its rows.
type screenHelp struct {
	rows   []screenKey
	shared *sharing
}

// ShortHelp is the one-line help.
func (h screenHelp) ShortHelp() []key.Binding { return shortHelp(h.rows, h.shared) }

// FullHelp is the help in columns, a column for each group of rows in the order they
// first come, the entries the full help alone shows too.
func (h screenHelp) FullHelp() [][]key.Binding {
	var groups []string
	for _, r := range h.rows {
		if r.short.rank != 0 && !slices.Contains(groups, r.group) {
			groups = append(groups, r.group)
		}
	}
	cols := make([][]key.Binding, len(groups))
	for i, g := range groups {
		cols[i] = helpEntries(inGroup(h.rows, g), h.shared, true)
	}
	return cols
}

// inGroup is the rows of group g.
func inGroup(rows []screenKey, g string) []screenKey {
	var out []screenKey
	for _, r := range rows {
		if r.group == g {
			out = append(out, r)
		}
	}
	return out
}

// press hands a key to the screen on top: to the row that has it, refused at once when
// the participant of a shared session may not press it; a key no row has (a letter typed,
// a viewport's own scrolling) goes to the screen's update.
func (m *Model) press(msg tea.KeyMsg) tea.Cmd {
	if r, ok := rowFor(m.rows(), msg.String()); ok {
		if why := r.access.refusal(m.shared); why != "" {
			m.setError(why)
			return nil
		}
		if r.browse {
			m.browse()
		}
		return r.do(m, msg)
	}
	return m.top().update(m, msg)
}

// rows are the keys of the screen on top, and first, for a participant on a screen without
// a text input, f (followRow).
func (m *Model) rows() []screenKey {
	rows := m.top().bindings(m)
	if m.shared.participant() && !m.typing() {
		rows = append([]screenKey{m.followRow()}, rows...)
	}
	return rows
}

// toggleHelp is ?'s row on the screens that show their keys in columns below.
func toggleHelp(kb key.Binding) screenKey {
	return onKeyDo(kb, func(m *Model) { m.help.ShowAll = !m.help.ShowAll })
}

// rowsOnly is embedded by the screens whose rows have every key they take: a key no row
// has does nothing.
type rowsOnly struct{}

func (rowsOnly) update(*Model, tea.KeyMsg) tea.Cmd { return nil }

// screenHelp is the key help of the screen on top.
func (m *Model) screenHelp() screenHelp {
	return screenHelp{rows: m.top().bindings(m), shared: m.shared}
}
