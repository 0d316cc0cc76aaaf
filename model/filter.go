package model

import (
	"fmt"
	"strings"

	"github.com/sretopo/sretopo/orgs"
)

// The board filtered by find (/): while find is open, and after enter until esc on the
// board, the columns show only the teams whose name holds the text typed, or that build a
// service whose name holds it. The filter is of the board's columns only: the analysis,
// the panels and the header count every team.

// filtered is cols with only the teams the filter keeps (cols itself without a filter).
func (m *Model) filtered(cols [3][]int) [3][]int {
	if strings.TrimSpace(m.filter) == "" {
		return cols
	}
	keep := map[string]bool{}
	for _, h := range matches(m.cur, cols, m.filter) {
		keep[orgs.FoldName(h.team)] = true
	}
	var out [3][]int
	for c := range cols {
		out[c] = []int{} // an empty column, not a missing one
		for _, i := range cols[c] {
			if keep[orgs.FoldName(m.cur.Teams[i].Name)] {
				out[c] = append(out[c], i)
			}
		}
	}
	return out
}

// setFilter filters the board's columns by q ("" shows every team), keeping the selection
// where it can.
func (m *Model) setFilter(q string) {
	if q == m.filter {
		return
	}
	keep := m.Selected()
	m.filter = q
	m.board.Cols = m.filtered(m.derived.cols)
	m.board.clampRows()
	if i := m.teamIndex(keep, -1); i >= 0 {
		m.selectIndex(i)
	}
}

// filterWords is the line that says the board is filtered, in the status line's place.
func (m *Model) filterWords() string {
	if strings.TrimSpace(m.filter) == "" {
		return ""
	}
	n := 0
	for c := range m.board.Cols {
		n += len(m.board.Cols[c])
	}
	return fmt.Sprintf("filter: %d of %d teams match %q   / changes it, esc shows every team", n, len(m.cur.Teams), m.filter)
}
