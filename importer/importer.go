// Package importer builds an organization from where it already lives: a Backstage software
// catalog (teams, people, services), PagerDuty REST API v2 responses saved as JSON (on-call
// schedules and escalation policies) and SLO files (OpenSLO, Sloth). It reads files only,
// never the network, and produces the same orgs.Org the TOML reader produces, which the same
// validator then judges (docs/import.md is the contract).
package importer

import (
	"fmt"
	"strings"

	"github.com/sretopo/sretopo/orgs"
)

// Options are the choices of `sretopo import` that the sources do not make.
type Options struct {
	// Name names the organization; empty takes it from the catalog.
	Name string
	// Orgs maps an organization to the groups (entity references) whose teams report there.
	Orgs map[orgs.OrgID][]string
	// Kinds maps a team kind to the groups whose teams are of that kind.
	Kinds map[orgs.Kind][]string
	// Headcount is the headcount of a team whose size the catalog does not give (default 1).
	Headcount int
	// Lifecycles are the component lifecycles imported as services (default production,
	// experimental).
	Lifecycles []string
	// Output names the file the result is written to, as its messages name it ("-" or empty
	// for standard output).
	Output string
}

// Result is an imported organization: its model, the file that describes it (with the
// provenance comments), and what the import warned about.
type Result struct {
	Org  *orgs.Org
	TOML []byte
	// Warnings are what did not stop the import, one a line, each naming its file and place.
	Warnings []string
}

// Pos is a place in a source file; Line and Col are 1-based, zero when not known.
type Pos struct {
	File      string
	Line, Col int
}

// String writes the place as FILE:LINE:COL (or FILE:LINE, or FILE, as much as is known).
func (p Pos) String() string {
	s := orgs.Sanitize(p.File)
	switch {
	case p.Line > 0 && p.Col > 0:
		s += fmt.Sprintf(":%d:%d", p.Line, p.Col)
	case p.Line > 0:
		s += fmt.Sprintf(":%d", p.Line)
	}
	return s
}

// Error is what stops an import: a source that cannot be read or parsed, no team, or a
// result that does not validate.
type Error struct {
	Pos Pos
	Msg string
}

// Error writes the place, then the message: FILE:LINE:COL: message.
func (e *Error) Error() string {
	if e.Pos.File == "" {
		return orgs.Sanitize(e.Msg)
	}
	return e.Pos.String() + ": " + orgs.Sanitize(e.Msg)
}

// ValidationError is a result the organization file refuses, with every problem, each at
// the source file, line and column of the value it is about where the sources give one.
type ValidationError struct{ Lines []string }

// Error lists the problems, one a line.
func (e *ValidationError) Error() string { return strings.Join(e.Lines, "\n") }

// tally counts one kind of thing the sources held: read, used, skipped.
type tally struct{ read, used, skipped int }

// importer is one import run: what has been read so far and what it warned about.
type importer struct {
	opts     Options
	roots    []string        // the directories a Location target may lead into
	seen     map[string]bool // files read, by absolute path
	files    []string        // files read, in order
	docs     int             // YAML documents read, over all files
	warnings []string

	groups     []*group
	groupByKey map[string]*group
	users      []*user
	userByKey  map[string]*user
	comps      []*component
	compByKey  map[string]*component
	pd         pagerDuty
	slos       []*slo

	unrecognized int            // files or documents in no known format
	otherKinds   map[string]int // entity kinds read and skipped ("Backstage API")
	counts       map[string]*tally
}

// Import reads the sources (files or directories) and builds the organization. An *Error
// (or a *ValidationError) says why there is none; warnings are in the result.
func Import(sources []string, opts Options) (*Result, error) {
	if opts.Headcount <= 0 {
		opts.Headcount = 1
	}
	if len(opts.Lifecycles) == 0 {
		opts.Lifecycles = []string{"production", "experimental"}
	}
	im := &importer{
		opts:       opts,
		seen:       map[string]bool{},
		groupByKey: map[string]*group{},
		userByKey:  map[string]*user{},
		compByKey:  map[string]*component{},
		otherKinds: map[string]int{},
		counts:     map[string]*tally{},
	}
	im.pd.init()
	if err := im.readSources(sources); err != nil {
		return nil, err
	}
	b := im.build()
	if len(b.org.Teams) == 0 {
		return nil, &Error{Msg: fmt.Sprintf("the sources hold no team (%s); a team is a Backstage Group of type team, or a group without child groups that owns a service", strings.Join(sanitizeAll(sources), ", "))}
	}
	// the model is judged as built, each problem at its source, and written as judged; only
	// then does it take the defaults a load of that file gives
	if err := validate(b.org, b.sources); err != nil {
		return nil, err
	}
	data := im.write(b, sources)
	if err := loadable(data, len(b.org.Teams)); err != nil {
		return nil, err
	}
	asLoaded(b.org)
	return &Result{Org: b.org, TOML: data, Warnings: im.warnings}, nil
}

func (im *importer) outputName() string {
	if im.opts.Output == "" || im.opts.Output == "-" {
		return "(imported organization)"
	}
	return im.opts.Output
}

// warn records a warning at a place.
func (im *importer) warn(p Pos, format string, args ...any) {
	msg := orgs.Sanitize(fmt.Sprintf(format, args...))
	if p.File == "" {
		im.warnings = append(im.warnings, msg)
		return
	}
	im.warnings = append(im.warnings, p.String()+": "+msg)
}

func (im *importer) count(what string) *tally {
	t := im.counts[what]
	if t == nil {
		t = &tally{}
		im.counts[what] = t
	}
	return t
}

func sanitizeAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = orgs.Sanitize(orgs.Cut(s))
	}
	return out
}
