package orgs

import "slices"

// Path names one value of a model the way a source file holds it: the table it sits in
// ("" for the top level, "defaults", "sre_org", "sre_role", "team", "service", "kpi",
// "scenario"), the index of that table among tables of its name (0 for the single ones) and
// the key ("" for the table itself). Every reader of a format (TOML, the YAML importers)
// names values this way, so that one validator can place its problems in any of them.
type Path struct {
	Table string
	Index int
	Key   string
}

// Place is a 1-based line and column in a source file; zero when not known.
type Place struct{ Line, Col int }

// Positions is what a reader keeps of the source beside the model it decoded: the file's
// name, where each value stands, which values were written at all (a `headcount = 0`
// differs from a headcount left out, which the model alone cannot tell), and which the
// reader could not read (a string where a number belongs), so that the validator judges
// neither the zero value left in its place nor the missing key it looks like.
//
// A reader of another format records places with Set and refusals with Unreadable; the TOML
// reader answers from the decoded tree and looks places up in the source only for the
// problems found, as a file of 20,000 teams holds far more keys than are ever looked up.
// A value that is not zero was written whatever Has says; a nil *Positions stands for a
// model built in memory, where nothing has a place.
type Positions struct {
	// File names the source in problems.
	File string

	places map[Path]Place
	unread map[Path]bool
	// given answers Has instead of places, for a reader that keeps its own tree (TOML).
	given func(Path) bool
	// locate looks up the places of many paths at once, for a reader that finds them
	// lazily; nil means places holds them.
	locate func([]Path) []Place
}

// NewPositions returns an empty record of positions for the source named file.
func NewPositions(file string) *Positions {
	return &Positions{File: file, places: map[Path]Place{}}
}

// Set records that the source writes the value at p at line and col. A table's own place
// (Key "") is where the validator points for a key that table lacks.
func (p *Positions) Set(at Path, line, col int) {
	if p.places == nil {
		p.places = map[Path]Place{}
	}
	p.places[at] = Place{line, col}
}

// Unreadable records that the reader reported the value at p as unreadable (its problem is
// the reader's), so that the validator leaves it alone.
func (p *Positions) Unreadable(at Path) {
	if p.unread == nil {
		p.unread = map[Path]bool{}
	}
	p.unread[at] = true
}

// Has reports whether the source wrote the value at p, empty or zero as it may be (a
// reader of another format records a zero it read with Set, at its place or at 0, 0).
func (p *Positions) Has(at Path) bool {
	if p.given != nil {
		return p.given(at)
	}
	_, ok := p.places[at]
	return ok
}

// Unread reports whether the reader refused the value at p.
func (p *Positions) Unread(at Path) bool {
	return p != nil && p.unread[at]
}

// placesOf returns the place of every path, in order: the key's own place, else its
// table's, else none.
func (p *Positions) placesOf(paths []Path) []Place {
	if p.locate != nil {
		return p.locate(paths)
	}
	out := make([]Place, len(paths))
	for i, at := range paths {
		pl := p.places[at]
		if pl.Line == 0 && at.Key != "" {
			pl = p.places[Path{at.Table, at.Index, ""}]
		}
		out[i] = pl
	}
	return out
}

// place fills in the line and column of each problem from its path.
func (p *Positions) place(problems []Problem) {
	if p == nil {
		return
	}
	var paths []Path
	var which []int
	for i := range problems {
		if problems[i].path != (Path{}) {
			paths = append(paths, problems[i].path)
			which = append(which, i)
		}
	}
	if len(paths) == 0 {
		return
	}
	for k, pl := range p.placesOf(paths) {
		problems[which[k]].Line, problems[which[k]].Col = pl.Line, pl.Col
	}
}

// problemOrder places a problem in the order a file is read: the part of the file, the
// table's index, and the step within it (a key's position in its table's reading order).
// The reader's problems and the validator's are merged by it, so that a file lists its
// problems table by table, key by key, whoever found them.
type problemOrder struct{ part, index, step int }

// The parts of a file in the order its problems are listed.
const (
	partTop = iota
	partDefaults
	partSREOrg
	partSRERole
	partTeamList
	partTeam
	partServiceList
	partService
	partKPIList
	partKPI
	partScenario
	partCross // the rules that relate teams and services, after everything else
)

// stepLast orders a table's checks that relate several keys after the keys themselves.
const stepLast = 1000

// stepOf is key's step in a table read in the order of keys.
func stepOf(keys []string, key string) int {
	return slices.Index(keys, key) + 1
}

// maxProblems bounds the problems listed for one file. A hostile file of 8 MiB can hold
// 850,000 unknown keys, and listing every one took seconds and gigabytes.
const maxProblems = 1000

// mergeProblems lists the reader's problems and the validator's in the order of the file,
// at most maxProblems of them, and counts the rest.
func mergeProblems(read, checked []Problem, more int) ([]Problem, int) {
	if len(read) == 0 && len(checked) == 0 {
		return nil, more
	}
	all := append(append(make([]Problem, 0, len(read)+len(checked)), read...), checked...)
	slices.SortStableFunc(all, func(a, b Problem) int {
		switch {
		case a.order.part != b.order.part:
			return a.order.part - b.order.part
		case a.order.index != b.order.index:
			return a.order.index - b.order.index
		}
		return a.order.step - b.order.step
	})
	if len(all) > maxProblems {
		more += len(all) - maxProblems
		all = all[:maxProblems]
	}
	return all, more
}
