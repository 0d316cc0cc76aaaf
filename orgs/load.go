package orgs

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// Problem is one thing wrong with an organization file.
type Problem struct {
	File string
	// Line and Col are 1-based; zero when the place is not known.
	Line, Col int
	// Where names the table and team or service ("team \"Viewer\""), when there is one.
	Where string
	Msg   string

	// the key the problem is about, to find its position once all problems are known
	table string
	index int
	key   string
}

// String formats the problem the way sretopo prints it: `FILE:LINE:COL: where: message`.
// The file name is sanitized; user text inside the message is already quoted.
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(Sanitize(p.File))
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", p.Line, max(p.Col, 1))
	}
	b.WriteString(": ")
	if p.Where != "" {
		b.WriteString(p.Where)
		b.WriteString(": ")
	}
	b.WriteString(Sanitize(p.Msg))
	return b.String()
}

// LoadError lists every problem found in one file.
type LoadError struct {
	File     string
	Problems []Problem
}

// Error joins the problems, one a line.
func (e *LoadError) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// LoadFile reads and validates the organization file at path. It returns the file's bytes
// too, since a scenario records the hash of its baseline's bytes.
func LoadFile(path string) (*Org, []byte, error) {
	data, err := readCapped(path)
	if err != nil {
		return nil, nil, &LoadError{File: path, Problems: []Problem{{File: path, Msg: err.Error()}}}
	}
	org, err := Load(path, data)
	return org, data, err
}

// ReadFile reads path whole, refusing a file larger than MaxFileSize without reading it all.
func ReadFile(path string) ([]byte, error) { return readCapped(path) }

func readCapped(path string) ([]byte, error) {
	var r io.Reader
	if path == "-" {
		r = os.Stdin
	} else {
		f, err := OpenRegular(path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, describeOSError(err)
	}
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("file is larger than %d MiB; refused", MaxFileSize>>20)
	}
	return data, nil
}

// errNoSuchFile is a missing file, as messages say it.
var errNoSuchFile = errors.New("no such file")

// describeOSError drops the path from an *os.PathError: the caller names the file already.
func describeOSError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		switch {
		case errors.Is(err, os.ErrNotExist):
			return errNoSuchFile
		case errors.Is(err, os.ErrPermission):
			return errors.New("permission denied")
		}
		return pe.Err
	}
	return err
}

// Load decodes and validates an organization file's bytes; file names it in messages. Every
// problem is reported, not only the first. The returned model has every default filled in
// (run = you, sre_role = rotation, on_call = none), so two loads of equivalent files are equal.
func Load(file string, data []byte) (*Org, error) {
	fail := func(p Problem) error {
		p.File = file
		return &LoadError{File: file, Problems: []Problem{p}}
	}
	if len(data) > MaxFileSize {
		return nil, fail(Problem{Msg: fmt.Sprintf("file is larger than %d MiB; refused", MaxFileSize>>20)})
	}
	if p := prescan(data); p != nil {
		return nil, fail(*p)
	}
	var raw map[string]any
	// (from a reader: toml.Decode of string(data) would copy the file once more)
	if _, err := toml.NewDecoder(bytes.NewReader(data)).Decode(&raw); err != nil {
		return nil, fail(syntaxProblem(err, data))
	}
	d := &decoder{file: file}
	org := d.org(raw)
	if len(d.problems) > 0 {
		d.resolvePositions(data)
		if d.more > 0 {
			d.problems = append(d.problems, Problem{File: file, Msg: fmt.Sprintf("and %d more problems, not listed", d.more)})
		}
		return nil, &LoadError{File: file, Problems: d.problems}
	}
	return org, nil
}

// syntaxProblem turns a decoder error into a problem with a position we format ourselves:
// the decoder's own formatting can panic and echoes raw source bytes.
func syntaxProblem(err error, data []byte) Problem {
	var pe toml.ParseError
	if !errors.As(err, &pe) {
		return Problem{Msg: strings.TrimPrefix(err.Error(), "toml: ")}
	}
	p := Problem{Line: pe.Position.Line, Col: pe.Position.Col, Msg: "invalid TOML: " + pe.Message}
	// The decoder counts a line when it reads its newline, so an error found at a newline
	// gets the next line's number with this line's column ("4:7" in a three-line file).
	// The byte offset is exact: take line and column (in characters) from it.
	if start := pe.Position.Start; start >= 0 && start < len(data) {
		p.Line, p.Col = lineCol(data, start)
	}
	if line := sourceLine(data, p.Line); strings.ContainsAny(line, "\u201c\u201d\u2018\u2019") {
		p.Msg += ` (hint: curly quotes from a word processor; use straight quotes ")`
	}
	return p
}

// lineCol is the 1-based line and column (counted in characters) of byte offset off.
func lineCol(data []byte, off int) (line, col int) {
	before := data[:off]
	line = 1 + bytes.Count(before, []byte("\n"))
	lineStart := bytes.LastIndexByte(before, '\n') + 1
	return line, 1 + utf8.RuneCount(before[lineStart:])
}

func sourceLine(data []byte, n int) string {
	if n < 1 {
		return ""
	}
	lines := strings.SplitN(string(data), "\n", n+1)
	if n > len(lines) {
		return ""
	}
	return lines[n-1]
}

// decoder turns the decoded TOML tree into an Org, collecting every problem on the way.
type decoder struct {
	file     string
	problems []Problem
	more     int // problems past maxProblems: counted, not listed
}

// maxProblems bounds the problems listed for one file. A hostile file of 8 MiB can hold
// 850,000 unknown keys, and listing every one took seconds and gigabytes.
const maxProblems = 1000

// at is where a value sits: the table (team, service, kpi, defaults, ...), its index among
// tables of that name, and how messages name it.
type at struct {
	table string
	index int
	where string
}

// full reports whether the problem list is full: a problem added now is counted, not shown,
// so nothing worth computing only for its message (a suggestion) needs computing.
func (d *decoder) full() bool { return len(d.problems) >= maxProblems }

func (d *decoder) addf(a at, key, format string, args ...any) {
	if d.full() {
		d.more++
		return
	}
	// user text is quoted cut: a 7 MB unknown key was once echoed whole
	for i, v := range args {
		if s, ok := v.(string); ok && len(s) > maxQuoted {
			args[i] = Cut(s)
		}
	}
	d.problems = append(d.problems, Problem{File: d.file, Where: a.where, Msg: fmt.Sprintf(format, args...), table: a.table, index: a.index, key: key})
}

// resolvePositions looks up, in the source, the line of every problem that names a key.
func (d *decoder) resolvePositions(data []byte) {
	// the tables the problems name, and the tables a top-level key may be written as
	want := map[tableAt]bool{}
	for _, p := range d.problems {
		want[tableAt{p.table, p.index}] = true
		if p.table == "" && p.key != "" {
			want[tableAt{p.key, -1}] = true
		}
	}
	loc := newLocator(data, want)
	for i := range d.problems {
		p := &d.problems[i]
		if p.key == "" && p.table == "" {
			continue
		}
		pp := loc.key(p.table, p.index, p.key)
		p.Line, p.Col = pp.line, pp.col
	}
}

// Known keys of every table, in canonical order; the writer uses the same order.
var (
	topKeys      = []string{"format", "name", "description", "defaults", "sre_org", "sre_role", "team", "service", "kpi", "scenario"}
	defaultsKeys = []string{"per_head", "currency"}
	sreOrgKeys   = []string{"positioning"}
	sreRoleKeys  = []string{"positioning"}
	teamKeys     = []string{"name", "org", "kind", "headcount", "per_head", "funding", "on_call", "rotation", "note", "run", "run_with", "sre_role"}
	serviceKeys  = []string{"name", "team", "availability", "error_budget_used", "run", "run_with"}
	kpiKeys      = []string{"identity", "text", "target", "actual", "better"}
	scenarioKeys = []string{"title", "note", "based_on", "based_on_sha256", "saved_at"}
)

func (d *decoder) org(raw map[string]any) *Org {
	top := at{}
	o := &Org{}
	d.unknownKeys(raw, topKeys, top, "the top level")

	switch v, ok := raw["format"]; {
	case !ok:
		d.addf(top, "", "format is missing: add `format = %d` at the top", FormatVersion)
	default:
		n, isInt := v.(int64)
		switch {
		case !isInt:
			d.addf(top, "format", "format must be a whole number (%d), not %s", FormatVersion, typeName(v))
		case n > FormatVersion:
			d.addf(top, "format", "format %d was written by a newer version of sretopo; this one reads format %d", n, FormatVersion)
		case n != FormatVersion:
			d.addf(top, "format", "format must be %d, not %d", FormatVersion, n)
		}
		o.Format = FormatVersion
	}
	o.Name = d.name(raw, "name", top, "organization name", true)
	o.Description = d.text(raw, "description", top)

	if t, a, ok := d.table(raw, "defaults", "[defaults]"); ok {
		d.unknownKeys(t, defaultsKeys, a, "[defaults]")
		o.Defaults.PerHead = d.cost(t, "per_head", a)
		o.Defaults.Currency = d.str(t, "currency", a, false)
		if hasControl(o.Defaults.Currency, false) {
			d.addf(a, "currency", "currency holds a control character")
		}
	}
	if t, a, ok := d.table(raw, "sre_org", "[sre_org]"); ok {
		d.unknownKeys(t, sreOrgKeys, a, "[sre_org]")
		o.SREOrg.Positioning = Positioning(d.enum(t, "positioning", a, enumStrings(AllPositionings), false))
	}
	if t, a, ok := d.table(raw, "sre_role", "[sre_role]"); ok {
		d.unknownKeys(t, sreRoleKeys, a, "[sre_role]")
		o.SRERole.Positioning = Positioning(d.enum(t, "positioning", a, enumStrings(AllPositionings), false))
	}

	teams := d.array(raw, "team")
	if len(teams) > MaxTeams {
		d.addf(top, "", "the file holds %d teams; at most %d are allowed", len(teams), MaxTeams)
		return o
	}
	o.Teams = make([]Team, 0, len(teams))
	for i, t := range teams {
		o.Teams = append(o.Teams, d.team(t, i))
	}
	if services := d.array(raw, "service"); len(services) > 0 {
		o.Services = make([]Service, 0, len(services))
		for i, t := range services {
			o.Services = append(o.Services, d.service(t, i))
		}
	}
	for i, t := range d.array(raw, "kpi") {
		a := at{table: "kpi", index: i, where: fmt.Sprintf("kpi #%d", i+1)}
		d.unknownKeys(t, kpiKeys, a, "[[kpi]]")
		o.KPIs = append(o.KPIs, d.kpi(t, a))
	}
	if t, a, ok := d.table(raw, "scenario", "[scenario]"); ok {
		o.Scenario = d.scenario(t, a)
	}
	d.crossCheck(o)
	return o
}

func (d *decoder) team(t map[string]any, i int) Team {
	a := at{table: "team", index: i}
	// Problems name the team ("team \"Viewer\"", or "team #3" without a name). Most teams
	// have none, and naming each cost more than checking it: the name is put in the
	// problems this team added, on the way out.
	first := len(d.problems)
	defer func() {
		if len(d.problems) == first {
			return
		}
		where := "team #" + strconv.Itoa(i+1)
		if n, ok := t["name"].(string); ok && n != "" {
			where = "team " + strconv.Quote(Cut(n)) // as %q writes it
		}
		for j := first; j < len(d.problems); j++ {
			d.problems[j].Where = where
		}
	}()
	d.unknownKeys(t, teamKeys, a, "[[team]]")
	tm := Team{
		Name:      d.name(t, "name", a, "team name", true),
		Org:       OrgID(d.enum(t, "org", a, orgStrings, true)),
		Kind:      Kind(d.enum(t, "kind", a, kindStrings, true)),
		Headcount: d.headcount(t, a),
		PerHead:   d.cost(t, "per_head", a),
		Funding:   Funding(d.enum(t, "funding", a, []string{string(CAPEX), string(OPEX)}, false)),
		OnCall:    OnCall(d.enum(t, "on_call", a, onCallStrings, false)),
		Note:      d.text(t, "note", a),
		Run:       Run(d.enum(t, "run", a, runStrings, false)),
		RunWith:   d.str(t, "run_with", a, false),
		SRERole:   SRERole(d.enum(t, "sre_role", a, roleStrings, false)),
	}
	if tm.OnCall == "" {
		tm.OnCall = OnCallNone
	}
	tm.Rotation = d.rotation(t, a, tm)
	if tm.Kind != KindDev {
		if tm.Kind != "" {
			for _, k := range []string{"run", "run_with", "sre_role"} {
				if _, ok := t[k]; ok {
					d.addf(a, k, "%s applies to dev teams only, and this team is kind = %q", k, tm.Kind)
				}
			}
		}
		tm.Run, tm.RunWith, tm.SRERole = "", "", ""
		return tm
	}
	if _, present := t["run"]; present && tm.Run == "" {
		// run is invalid and already reported: checking run_with and sre_role against a
		// run the user did not write would only add misleading problems.
		tm.RunWith, tm.SRERole = "", ""
		return tm
	}
	if tm.Run == "" {
		tm.Run = RunYou
	}
	if tm.SRERole != "" && tm.Run != RunYou {
		d.addf(a, "sre_role", "sre_role applies only with run = \"you\", and this team has run = %q", tm.Run)
	}
	if tm.Run == RunYou && tm.SRERole == "" {
		tm.SRERole = RoleRotation
	}
	if tm.Run != RunYou {
		tm.SRERole = ""
	}
	_, hasRunWith := t["run_with"]
	switch {
	case tm.Run.NeedsPartner() && !hasRunWith:
		d.addf(a, "run", "run = %q needs run_with naming the %s team that runs with it", tm.Run, tm.Run.PartnerKind())
	case !tm.Run.NeedsPartner() && hasRunWith:
		why := "the team runs its services itself"
		if tm.Run == RunNone {
			why = "nobody runs its services"
		}
		if _, given := t["run"]; given {
			d.addf(a, "run_with", "run_with is not allowed with run = %q (%s)", tm.Run, why)
		} else {
			d.addf(a, "run_with", "run_with is not allowed when run is not given (run defaults to %q: %s)", tm.Run, why)
		}
		tm.RunWith = ""
	}
	return tm
}

func (d *decoder) service(t map[string]any, i int) Service {
	a := at{table: "service", index: i}
	// named as a team is, on the way out, only when it has problems (20,000 services
	// mostly have none)
	first := len(d.problems)
	defer func() {
		if len(d.problems) == first {
			return
		}
		where := "service #" + strconv.Itoa(i+1)
		if n, ok := t["name"].(string); ok && n != "" {
			where = "service " + strconv.Quote(Cut(n)) // as %q writes it
		}
		for j := first; j < len(d.problems); j++ {
			d.problems[j].Where = where
		}
	}()
	d.unknownKeys(t, serviceKeys, a, "[[service]]")
	s := Service{
		Name: d.name(t, "name", a, "service name", true),
		Team: d.str(t, "team", a, true),
	}
	d.serviceRun(t, a, &s)
	if v := d.number(t, "availability", a); v != nil {
		if *v <= 0 || *v >= 100 {
			d.addf(a, "availability", "availability %v is out of range: a percentage between 0 and 100, exclusive", *v)
		}
		s.Availability = v
	}
	if v := d.number(t, "error_budget_used", a); v != nil {
		if *v < 0 {
			d.addf(a, "error_budget_used", "error_budget_used %v is out of range: it must be 0 or more", *v)
		}
		s.ErrorBudgetUsed = v
	}
	return s
}

func (d *decoder) scenario(t map[string]any, a at) *Scenario {
	d.unknownKeys(t, scenarioKeys, a, "[scenario]")
	s := &Scenario{
		Title:         d.text(t, "title", a),
		Note:          d.text(t, "note", a),
		BasedOn:       d.str(t, "based_on", a, false),
		BasedOnSHA256: d.str(t, "based_on_sha256", a, false),
	}
	// a path may hold any character but NUL, and a file whose name holds a control
	// character must be able to have scenarios: it is sanitized wherever it is shown
	if strings.IndexByte(s.BasedOn, 0) >= 0 {
		d.addf(a, "based_on", "based_on holds a NUL character, which no path holds")
	}
	if hasControl(s.BasedOnSHA256, false) {
		d.addf(a, "based_on_sha256", "based_on_sha256 holds a control character")
	}
	if v, ok := t["saved_at"]; ok {
		if tm, isTime := v.(time.Time); isTime {
			tm = tm.UTC()
			s.SavedAt = &tm
		} else {
			d.addf(a, "saved_at", "saved_at must be a date-time such as 2026-11-25T20:15:00Z, not %s", typeName(v))
		}
	}
	return s
}

// rotation reads a team's rotation (0 when absent or refused): 1..headcount, and only for a
// team that is on call. A headcount or on_call that is itself refused is reported already,
// so the rotation is then checked only for being a whole number.
func (d *decoder) rotation(t map[string]any, a at, tm Team) int {
	v, ok := t["rotation"]
	if !ok {
		return 0
	}
	n, isInt := v.(int64)
	switch {
	case !isInt:
		d.addf(a, "rotation", "rotation must be a whole number, not %s", typeName(v))
		return 0
	case n < 1:
		d.addf(a, "rotation", "rotation %d is out of range: at least 1 person takes the shifts", n)
		return 0
	case tm.Headcount > 0 && n > int64(tm.Headcount):
		d.addf(a, "rotation", "rotation %d is out of range 1-%d: more people than the team's headcount of %d", n, tm.Headcount, tm.Headcount)
		return 0
	}
	if tm.OnCall == OnCallNone {
		switch v, given := t["on_call"]; {
		case !given:
			d.addf(a, "rotation", "rotation applies only to a team on call, and this team has no on_call (it defaults to \"none\")")
		case v == string(OnCallNone):
			d.addf(a, "rotation", "rotation applies only to a team on call, and this team has on_call = \"none\"")
		} // else on_call is invalid, which is reported already
		return 0
	}
	if tm.Headcount == 0 {
		return 0 // an invalid headcount is reported already
	}
	return int(n)
}

// serviceRun reads a service's own run and run_with: run_with only with a run that needs
// it, as for a team; a run_with without run is refused, since the partner would silently
// not apply to the team's run.
func (d *decoder) serviceRun(t map[string]any, a at, s *Service) {
	s.Run = Run(d.enum(t, "run", a, runStrings, false))
	s.RunWith = d.str(t, "run_with", a, false)
	_, hasRun := t["run"]
	_, hasRunWith := t["run_with"]
	switch {
	case !hasRun && hasRunWith:
		d.addf(a, "run_with", "run_with needs run: a service runs as its team does unless it sets run (add run = \"you-and-sre\", \"sre\" or \"ops\")")
		s.RunWith = ""
	case hasRun && s.Run == "":
		s.RunWith = "" // run is invalid and reported already
	case s.Run.NeedsPartner() && !hasRunWith:
		d.addf(a, "run", "run = %q needs run_with naming the %s team that runs with it", s.Run, s.Run.PartnerKind())
	case s.Run != "" && !s.Run.NeedsPartner() && hasRunWith:
		why := "the team runs the service itself"
		if s.Run == RunNone {
			why = "nobody runs the service"
		}
		d.addf(a, "run_with", "run_with is not allowed with run = %q (%s)", s.Run, why)
		s.RunWith = ""
	}
}

// kpi reads one [[kpi]]: identity and text, and optionally target, actual and better.
func (d *decoder) kpi(t map[string]any, a at) KPI {
	k := KPI{
		Identity: Identity(d.enum(t, "identity", a, identityStrings, true)),
		Text:     d.requiredText(t, "text", a),
		Target:   d.number(t, "target", a),
		Actual:   d.number(t, "actual", a),
		Better:   Better(d.enum(t, "better", a, betterStrings, false)),
	}
	if k.Better == BetterHigher {
		k.Better = "" // the default, stored one way only
	}
	_, hasTarget := t["target"]
	_, hasActual := t["actual"]
	switch {
	case hasTarget && !hasActual:
		d.addf(a, "target", "target needs actual: a KPI is measured with both target and actual, or neither")
	case hasActual && !hasTarget:
		d.addf(a, "actual", "actual needs target: a KPI is measured with both target and actual, or neither")
	}
	return k
}

// crossCheck applies the rules that relate teams and services to each other.
func (d *decoder) crossCheck(o *Org) {
	d.confusableNames(o) // scripts.go
	byName := make(map[string]int, len(o.Teams))
	keys := foldedNames(o.Teams)
	for i, t := range o.Teams {
		if t.Name == "" {
			continue
		}
		k := keys[i]
		if j, dup := byName[k]; dup {
			d.addf(at{"team", i, crossWhere("team", t.Name, i)}, "name", "the name is already used by team #%d (%q); names are unique ignoring case and Unicode form", j+1, o.Teams[j].Name)
			continue
		}
		byName[k] = i
	}
	// The index of near misses is built for the first shown message that needs one.
	var ix *nearIndex
	didYouMeanTeam := func(name string) string {
		if ix == nil {
			names := make([]string, len(o.Teams))
			for i := range o.Teams {
				names[i] = o.Teams[i].Name
			}
			ix = newNearIndex(names)
		}
		if best := ix.suggest(name); best != "" {
			return " (did you mean " + strconv.Quote(best) + "?)"
		}
		return ""
	}
	// where a message is: named only for a message, as 20,000 services are mostly fine
	teamAt := func(i int) at { return at{"team", i, crossWhere("team", o.Teams[i].Name, i)} }
	serviceAt := func(i int) at { return at{"service", i, crossWhere("service", o.Services[i].Name, i)} }
	for i, t := range o.Teams {
		if t.Kind != KindDev || t.RunWith == "" || !t.Run.NeedsPartner() {
			continue
		}
		j, ok := lookupFold(byName, t.RunWith)
		switch {
		case !ok && d.full():
			d.more++ // not shown: no suggestion to make
		case !ok:
			d.addf(teamAt(i), "run_with", "run_with %q names no team%s", t.RunWith, didYouMeanTeam(t.RunWith))
		case o.Teams[j].Kind == "":
			// that team's kind is missing or invalid, which is reported already
		case o.Teams[j].Kind != t.Run.PartnerKind():
			d.addf(teamAt(i), "run_with", "run_with %q is kind = %q, but run = %q needs a team of kind = %q", t.RunWith, o.Teams[j].Kind, t.Run, t.Run.PartnerKind())
		case j == i:
			d.addf(teamAt(i), "run_with", "a team cannot run with itself")
		}
	}
	seen := make(map[string]int, len(o.Services))
	var fold []byte
	for i, s := range o.Services {
		if s.Name != "" {
			fold = appendFold(fold[:0], s.Name)
			if j, dup := seen[string(fold)]; dup {
				d.addf(serviceAt(i), "name", "the name is already used by service #%d (%q); names are unique ignoring case and Unicode form", j+1, o.Services[j].Name)
			} else {
				seen[string(fold)] = i
			}
		}
		if s.Team == "" {
			continue
		}
		j, ok := lookupFold(byName, s.Team)
		switch {
		case !ok && d.full():
			d.more++
		case !ok:
			d.addf(serviceAt(i), "team", "team %q does not exist%s", s.Team, didYouMeanTeam(s.Team))
		case o.Teams[j].Kind == "":
			// that team's kind is missing or invalid, which is reported already
		case o.Teams[j].Kind != KindDev:
			d.addf(serviceAt(i), "team", "team %q is kind = %q; a service is built by a dev team", s.Team, o.Teams[j].Kind)
		}
	}
	for i, s := range o.Services {
		if s.RunWith == "" || !s.Run.NeedsPartner() {
			continue
		}
		j, ok := lookupFold(byName, s.RunWith)
		switch {
		case !ok && d.full():
			d.more++
		case !ok:
			d.addf(serviceAt(i), "run_with", "run_with %q names no team%s", s.RunWith, didYouMeanTeam(s.RunWith))
		case o.Teams[j].Kind == "":
			// that team's kind is missing or invalid, which is reported already
		case o.Teams[j].Kind != s.Run.PartnerKind():
			d.addf(serviceAt(i), "run_with", "run_with %q is kind = %q, but run = %q needs a team of kind = %q", s.RunWith, o.Teams[j].Kind, s.Run, s.Run.PartnerKind())
		}
	}
}

// crossWhere names the i-th team or service in the messages of crossCheck as team() and
// service() do: by its name, or by its number when it has none (missing, empty or refused).
func crossWhere(table, name string, i int) string {
	if name == "" {
		return table + " #" + strconv.Itoa(i+1)
	}
	return table + " " + strconv.Quote(name) // as %q writes it, at a fraction of the cost
}

// unknownKeys reports every key of t that the table does not know, with a suggestion.
func (d *decoder) unknownKeys(t map[string]any, known []string, a at, tableName string) {
	allKnown := true
	for k := range t {
		if !slices.Contains(known, k) {
			allKnown = false
			break
		}
	}
	if allKnown {
		return // the common case: no list to build and sort
	}
	keys := make([]string, 0, len(t))
	for k := range t {
		if !slices.Contains(known, k) {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		if d.full() {
			d.more++ // without the suggestion, which costs more than the rest
			continue
		}
		hint := didYouMean(k, known, false)
		if hint == "" && a.table == "" && slices.Contains(teamKeys, k) {
			hint = " (a team key at the top level: is a [[team]] header missing?)"
		}
		if hint == "" && a.table == "" && slices.Contains(defaultsKeys, k) {
			hint = " (it belongs in [defaults])"
		}
		d.addf(a, k, "unknown key %q in %s%s", k, tableName, hint)
	}
}

// didYouMean suggests the nearest candidate within an edit distance under 3, or "".
func didYouMean(s string, candidates []string, quoted bool) string {
	if len(s) > 4*64 && utf8.RuneCountInString(s) > 64 {
		return "" // editDistance gives up on it anyway, after copying it for each candidate
	}
	best, bestDist := "", 3
	for _, c := range candidates {
		if dist := editDistance(strings.ToLower(s), strings.ToLower(c)); dist < bestDist {
			best, bestDist = c, dist
		}
	}
	if best == "" {
		return ""
	}
	if quoted {
		return fmt.Sprintf(" (did you mean %q?)", best)
	}
	return fmt.Sprintf(" (did you mean %s?)", best)
}

// editDistance is the Levenshtein distance of a and b, in runes; it gives up (returns a
// large number) on long strings, where no suggestion would help anyway.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 64 || len(rb) > 64 {
		return 1 << 20
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

func (d *decoder) table(raw map[string]any, key, name string) (map[string]any, at, bool) {
	a := at{table: key, where: name}
	v, ok := raw[key]
	if !ok {
		return nil, a, false
	}
	t, isTable := v.(map[string]any)
	if !isTable {
		d.addf(at{}, key, "%s must be a table, written %s, not %s", key, name, typeName(v))
		return nil, a, false
	}
	return t, a, true
}

// array returns the tables of an array of tables (`[[team]]`), reporting any other shape.
func (d *decoder) array(raw map[string]any, key string) []map[string]any {
	v, ok := raw[key]
	if !ok {
		return nil
	}
	switch arr := v.(type) {
	case []map[string]any:
		return arr
	case []any:
		out := make([]map[string]any, 0, len(arr))
		for i, e := range arr {
			t, isTable := e.(map[string]any)
			if !isTable {
				d.addf(at{}, key, "%s entry #%d must be a table, not %s", key, i+1, typeName(e))
				continue
			}
			out = append(out, t)
		}
		return out
	case map[string]any:
		d.addf(at{table: key}, "", "[%s] must be written [[%s]]: each one is an entry of a list", key, key)
		return []map[string]any{arr}
	}
	d.addf(at{}, key, "%s must be a list of tables written [[%s]], not %s", key, key, typeName(v))
	return nil
}

func (d *decoder) str(t map[string]any, key string, a at, required bool) string {
	v, ok := t[key]
	if !ok {
		if required {
			d.addf(a, "", "%s is missing", key)
		}
		return ""
	}
	s, isStr := v.(string)
	if !isStr {
		d.addf(a, key, "%s must be a string, not %s", key, typeName(v))
		return ""
	}
	return s
}

// name reads a name: required, 1-64 characters, no control character.
func (d *decoder) name(t map[string]any, key string, a at, what string, required bool) string {
	s := d.str(t, key, a, required)
	if s == "" {
		if isEmptyString(t, key) {
			d.addf(a, key, "%s is empty", what)
		}
		return s
	}
	if p := NameProblem(what, s); p != "" {
		d.addf(a, key, "%s", p)
		return "" // a refused name is never shown again, nor matched
	}
	return s
}

// isEmptyString reports whether t holds key as the empty string (and not a value of another
// type, whose problem is reported already).
func isEmptyString(t map[string]any, key string) bool {
	s, isStr := t[key].(string)
	return isStr && s == ""
}

// text reads optional free text: tabs and newlines allowed, no other control character.
func (d *decoder) text(t map[string]any, key string, a at) string {
	// A multi-line string in a file with CRLF line ends keeps the CR: it is a newline too.
	s := strings.ReplaceAll(d.str(t, key, a, false), "\r\n", "\n")
	if hasControl(s, true) {
		d.addf(a, key, "%s holds a control character (only tabs and newlines are allowed in text); refused", key)
		return ""
	}
	return s
}

func (d *decoder) requiredText(t map[string]any, key string, a at) string {
	if _, ok := t[key]; !ok {
		d.addf(a, "", "%s is missing", key)
		return ""
	}
	return d.text(t, key, a)
}

func (d *decoder) enum(t map[string]any, key string, a at, allowed []string, required bool) string {
	s := d.str(t, key, a, required)
	if s == "" {
		if isEmptyString(t, key) {
			d.addf(a, key, "%s is empty; allowed: %s", key, strings.Join(allowed, ", "))
		}
		return ""
	}
	if i := slices.Index(allowed, s); i >= 0 {
		// the one copy of the value: every team's then point to the same few bytes,
		// which comparing them with the constants (as the analysis does for each team
		// of every model) finds in the cache
		return allowed[i]
	}
	d.addf(a, key, "%s = %q is not one of %s%s", key, s, strings.Join(allowed, ", "), didYouMean(s, allowed, true))
	return ""
}

func (d *decoder) headcount(t map[string]any, a at) int {
	v, ok := t["headcount"]
	if !ok {
		d.addf(a, "", "headcount is missing")
		return 0
	}
	n, isInt := v.(int64)
	switch {
	case !isInt:
		d.addf(a, "headcount", "headcount must be a whole number, not %s", typeName(v))
		return 0
	case n < 1 || n > 10000:
		d.addf(a, "headcount", "headcount %d is out of range 1-10000", n)
		return 0
	}
	return int(n)
}

func (d *decoder) cost(t map[string]any, key string, a at) *int64 {
	v, ok := t[key]
	if !ok {
		return nil
	}
	n, isInt := v.(int64)
	switch {
	case !isInt:
		d.addf(a, key, "%s must be a whole number, not %s", key, typeName(v))
		return nil
	case n < 0:
		d.addf(a, key, "%s %d is negative; a cost is 0 or more", key, n)
		return nil
	case n > 1e9:
		d.addf(a, key, "%s %d is out of range: at most 1000000000", key, n)
		return nil
	}
	return &n
}

func (d *decoder) number(t map[string]any, key string, a at) *float64 {
	v, ok := t[key]
	if !ok {
		return nil
	}
	var f float64
	switch n := v.(type) {
	case float64:
		f = n
	case int64:
		f = float64(n)
	default:
		d.addf(a, key, "%s must be a number, not %s", key, typeName(v))
		return nil
	}
	if f != f || f > 1e300 || f < -1e300 { // NaN and infinities are no measurement
		d.addf(a, key, "%s must be a finite number", key)
		return nil
	}
	return &f
}

func typeName(v any) string {
	switch v.(type) {
	case string:
		return "a string"
	case int64:
		return "an integer"
	case float64:
		return "a float"
	case bool:
		return "a boolean"
	case time.Time:
		return "a date-time"
	case map[string]any:
		return "a table"
	case []map[string]any, []any:
		return "an array"
	}
	return fmt.Sprintf("a %T", v)
}

// The allowed values of the keys every team has, made once: a file may hold 20,000 teams.
var (
	orgStrings    = enumStrings(AllOrgs)
	kindStrings   = enumStrings(AllKinds)
	onCallStrings = enumStrings(AllOnCalls)
	runStrings    = enumStrings(AllRuns)
	roleStrings   = enumStrings(AllRoles)
	// identityStrings and betterStrings are the allowed values of a [[kpi]]'s keys.
	identityStrings = enumStrings(AllIdentities)
	betterStrings   = enumStrings(AllBetters)
)

func enumStrings[T ~string](values []T) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = string(v)
	}
	return out
}
