package importer

import (
	"errors"
	"fmt"

	"github.com/sretopo/sretopo/orgs"
)

// sourcePlaces records, for the one validator of organizations (orgs.Validate), where each
// value of the imported model came from: a team's table from its Backstage group, its
// on_call and rotation from a PagerDuty schedule, a service's availability from an SLO file.
//
// orgs.Positions places a model in one source file, and an import reads many; so the place
// recorded for a value is its index among places (Line, 1-based), which the problems of the
// validator carry back and validate turns into the file, line and column of the source.
type sourcePlaces struct {
	pos    *orgs.Positions
	places []Pos
}

// newSourcePlaces starts the record; output names the result in a problem that has no place
// in the sources (the organization's name given by --name).
func newSourcePlaces(output string) *sourcePlaces {
	return &sourcePlaces{pos: orgs.NewPositions(output)}
}

// set records that the value at path (the table itself when key is "") came from p.
func (s *sourcePlaces) set(table string, index int, key string, p Pos) {
	if p.File == "" {
		return
	}
	s.places = append(s.places, p)
	s.pos.Set(orgs.Path{Table: table, Index: index, Key: key}, len(s.places), 0)
}

// source is the place a problem of the validator names, by the index it carries.
func (s *sourcePlaces) source(p orgs.Problem) (Pos, bool) {
	if p.Line < 1 || p.Line > len(s.places) {
		return Pos{}, false
	}
	return s.places[p.Line-1], true
}

// validate judges the imported organization with the validator every organization file
// goes through, and lists each problem at the catalog, on-call or SLO file, line and column
// of the value it is about (FILE:LINE:COL: team "x": ...).
func validate(o *orgs.Org, src *sourcePlaces) error {
	err := orgs.Validate(o, src.pos)
	if err == nil {
		return nil
	}
	var le *orgs.LoadError
	if !errors.As(err, &le) {
		return &ValidationError{Lines: []string{orgs.Sanitize(err.Error())}}
	}
	lines := make([]string, 0, len(le.Problems))
	for _, p := range le.Problems {
		if at, ok := src.source(p); ok {
			p.File, p.Line, p.Col = at.File, at.Line, at.Col
		} else {
			p.Line, p.Col = 0, 0
		}
		lines = append(lines, p.String())
	}
	return &ValidationError{Lines: lines}
}

// asLoaded fills in the defaults orgs.Load gives a valid file (a dev team that runs its
// services itself fills the SRE role by rotation), so that the imported model is the one
// its written file loads to: one model, however it comes in.
func asLoaded(o *orgs.Org) {
	o.Format = orgs.FormatVersion
	for i := range o.Teams {
		t := &o.Teams[i]
		if t.OnCall == "" {
			t.OnCall = orgs.OnCallNone
		}
		if t.Kind != orgs.KindDev {
			continue
		}
		if t.Run == "" {
			t.Run = orgs.RunYou
		}
		if t.Run == orgs.RunYou && t.SRERole == "" {
			t.SRERole = orgs.RoleRotation
		}
	}
}

// maxFileEntries is the most keys and table headers an organization file may hold
// (docs/format.md, "Validation"): the reader refuses a larger file before decoding it.
const maxFileEntries = 250_000

// loadable refuses a written file the reader would refuse before judging its model: over
// 8 MiB, more than 20,000 teams, or more than 250,000 keys and tables (the file holds one
// key or table header a line, besides comments and blank lines).
func loadable(data []byte, teams int) error {
	entries := 0
	start := true
	for _, c := range data {
		if start && c != '\n' && c != '#' {
			entries++
		}
		start = c == '\n'
	}
	var why string
	switch {
	case len(data) > orgs.MaxFileSize:
		why = fmt.Sprintf("the organization file would be %d bytes, over the %d MiB an organization file may hold", len(data), orgs.MaxFileSize>>20)
	case teams > orgs.MaxTeams:
		why = fmt.Sprintf("the organization would hold %d teams, over the %d an organization file may hold", teams, orgs.MaxTeams)
	case entries > maxFileEntries:
		why = fmt.Sprintf("the organization file would hold %d keys and tables, over the %d an organization file may hold", entries, maxFileEntries)
	default:
		return nil
	}
	return &ValidationError{Lines: []string{why + "; import fewer teams or services (--lifecycle, or fewer SOURCEs)"}}
}
