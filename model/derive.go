package model

import (
	"fmt"
	"slices"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/views"
)

// derived is what the model derives from the current organization for the views: the
// board's columns and the index of who serves whom. Deriving them afresh walks every team
// and builds maps of their names, which at 10,000 teams costs more than drawing a frame;
// after an edit of one team (a move, its run model, its partner, its headcount) the model
// updates what that team changed instead.
type derived struct {
	cols  [3][]int
	index views.Index // without the analysis (see views.Index.For)
	built bool
	// per team, as last derived: its name and kind (which an edit of one team does not
	// change), its column and the team it runs with (-1 for none)
	names   []string
	kinds   []orgs.Kind
	col     []int8
	partner []int32
	// services is how many services the analysis had when last derived: the lists of
	// index.Services follow edits of one team only while no service is added or removed
	services int
}

// partnerOf is the team that team i runs with as the analysis found it (orgs keeps the one
// rule of who runs with whom), -1 for none.
func partnerOf(an *orgs.Analysis, i int) int32 {
	if an == nil || i >= len(an.Teams) {
		return -1
	}
	return int32(an.Teams[i].Partner)
}

// rebuild derives everything afresh from o and its analysis an.
func (d *derived) rebuild(o *orgs.Org, an *orgs.Analysis) {
	n := len(o.Teams)
	*d = derived{
		cols:    views.Columns(o),
		built:   true,
		names:   make([]string, n),
		kinds:   make([]orgs.Kind, n),
		col:     make([]int8, n),
		partner: make([]int32, n),
	}
	served := make([][]int, n)
	for i := range o.Teams {
		t := &o.Teams[i]
		d.names[i], d.kinds[i], d.col[i], d.partner[i] = t.Name, t.Kind, int8(views.ColumnOf(t.Org)), partnerOf(an, i)
		if j := d.partner[i]; j >= 0 {
			served[j] = append(served[j], i)
		}
	}
	d.index = views.Index{ServedBy: served, DevRank: views.DevRanks(o)}
	if an != nil && len(an.Services) > 0 && len(an.Teams) == n {
		d.index.Services, d.index.Exceptions = views.ServicesByTeam(an)
		d.services = len(an.Services)
	}
}

// team follows an edit that changed team i of o alone. It reports false when it cannot:
// o has other teams than when last derived, or team i another name or kind; then
// everything must be derived afresh.
func (d *derived) team(o *orgs.Org, an *orgs.Analysis, i int) bool {
	if !d.built || len(o.Teams) != len(d.names) || i < 0 || i >= len(o.Teams) {
		return false
	}
	t := &o.Teams[i]
	if t.Name != d.names[i] || t.Kind != d.kinds[i] {
		return false
	}
	if an == nil || len(an.Services) != d.services || (d.services > 0) != (d.index.Services != nil) {
		return false
	}
	if ks := d.index.TeamServices(i); len(ks) > 0 {
		// an edit of the team, or of one of its services, can change which of them run
		// otherwise than the team: count them again (a new slice when the count moves, as
		// for the columns, since copies of the index may still be drawn)
		n := int32(0)
		for _, k := range ks {
			if an.Services[k].Exception {
				n++
			}
		}
		if n != d.index.Exceptions[i] {
			d.index.Exceptions = slices.Clone(d.index.Exceptions)
			d.index.Exceptions[i] = n
		}
	}
	if c, was := views.ColumnOf(t.Org), int(d.col[i]); c != was {
		// new slices: copies of the board (the one find restores) keep the old ones
		d.cols[was] = without(d.cols[was], i)
		d.cols[c] = with(d.cols[c], i)
		d.col[i] = int8(c)
	}
	p := partnerOf(an, i)
	if was := d.partner[i]; p != was {
		served := d.index.ServedBy
		if was >= 0 {
			served[was] = without(served[was], i)
		}
		if p >= 0 {
			served[p] = with(served[p], i)
		}
		d.partner[i] = p
	}
	return true
}

// with is a copy of the sorted list s with i in its place.
func with(s []int, i int) []int {
	k, _ := slices.BinarySearch(s, i)
	out := make([]int, 0, len(s)+1)
	out = append(out, s[:k]...)
	out = append(out, i)
	return append(out, s[k:]...)
}

// without is a copy of the sorted list s without i.
func without(s []int, i int) []int {
	k, found := slices.BinarySearch(s, i)
	if !found {
		return s
	}
	out := make([]int, 0, len(s)-1)
	out = append(out, s[:k]...)
	return append(out, s[k+1:]...)
}

// checkDerived, set by the tests, makes every derivation check itself against one made
// afresh.
var checkDerived bool

// derive brings the columns and the index up to date with the current organization and
// its analysis, after a change of team alone (-1: of anything).
func (m *Model) derive(team int) {
	if team < 0 || !m.derived.team(m.cur, m.an, team) {
		m.derived.rebuild(m.cur, m.an)
	}
	m.board.Cols = m.filtered(m.derived.cols)
	m.index = m.derived.index.For(m.an)
	if checkDerived {
		if err := sameDerived(m.cur, m.an, m.derived); err != nil {
			panic(fmt.Sprintf("model: derived after an edit of team %d: %v", team, err))
		}
	}
}

// sameDerived reports how d differs from what is derived afresh from o and an.
func sameDerived(o *orgs.Org, an *orgs.Analysis, d derived) error {
	cols := views.Columns(o)
	for c := range cols {
		if !slices.Equal(cols[c], d.cols[c]) {
			return fmt.Errorf("column %d is %v, want %v", c, d.cols[c], cols[c])
		}
	}
	ix := views.NewIndex(o, an)
	if len(ix.ServedBy) != len(d.index.ServedBy) {
		return fmt.Errorf("%d teams served, want %d", len(d.index.ServedBy), len(ix.ServedBy))
	}
	for j := range ix.ServedBy {
		if !slices.Equal(ix.ServedBy[j], d.index.ServedBy[j]) {
			return fmt.Errorf("team %d serves %v, want %v", j, d.index.ServedBy[j], ix.ServedBy[j])
		}
	}
	if !slices.Equal(ix.DevRank, d.index.DevRank) {
		return fmt.Errorf("dev ranks differ")
	}
	if !slices.Equal(ix.Exceptions, d.index.Exceptions) || len(ix.Services) != len(d.index.Services) {
		return fmt.Errorf("exceptions per team %v, want %v", d.index.Exceptions, ix.Exceptions)
	}
	for j := range ix.Services {
		if !slices.Equal(ix.Services[j], d.index.Services[j]) {
			return fmt.Errorf("team %d builds %v, want %v", j, d.index.Services[j], ix.Services[j])
		}
	}
	return nil
}
