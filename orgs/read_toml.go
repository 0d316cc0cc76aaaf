package orgs

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// The TOML reader turns the decoded tree into a model and a record of positions, and judges
// nothing a model could hold: it reports only what the model has no room for (a key no table
// knows, a value of the wrong type or shape, a number TOML can write and no measurement is).
// Every rule about values (ranges, allowed values, names, what relates teams and services)
// is the validator's (check.go), which judges a model from any reader the same way.

// Known keys of every table, in canonical order; the writer uses the same order.
var (
	topKeys      = []string{"format", "name", "description", "defaults", "sre_org", "sre_role", "team", "service", "kpi", "scenario"}
	defaultsKeys = []string{"per_head", "currency"}
	sreOrgKeys   = []string{"positioning"}
	sreRoleKeys  = []string{"positioning"}
	teamKeys     = []string{"name", "org", "kind", "headcount", "per_head", "funding", "on_call", "rotation", "secondary", "sites", "ack_minutes", "note", "run", "run_with", "sre_role", "backup"}
	serviceKeys  = []string{"name", "team", "availability", "error_budget_used", "run", "run_with", "backup", "window_days", "incidents_per_month", "restore_hours"}
	kpiKeys      = []string{"identity", "text", "target", "actual", "better"}
	scenarioKeys = []string{"title", "note", "based_on", "based_on_sha256", "saved_at"}
)

// The orders in which tables are read and checked, where they differ from the keys': a key's
// problems, the reader's and the validator's, are listed in this order. Entries starting
// with "·" are the checks that relate a key to the ones before it.
var (
	teamReadOrder     = []string{"name", "org", "kind", "headcount", "per_head", "funding", "on_call", "note", "run", "run_with", "sre_role", "rotation", "secondary", "sites", "ack_minutes", "backup"}
	serviceReadOrder  = []string{"name", "team", "run", "run_with", "·run", "availability", "error_budget_used", "backup", "window_days", "incidents_per_month", "restore_hours"}
	scenarioReadOrder = []string{"title", "note", "based_on", "based_on_sha256", "·based_on", "·based_on_sha256", "saved_at"}
)

// tomlReader collects the problems of reading one decoded TOML tree.
type tomlReader struct {
	file     string
	problems []Problem
	more     int // problems past maxProblems: counted, not listed
	pos      *Positions
	// tables are the decoded tables by name, for Positions.Has: "" is the top level.
	tables map[string][]map[string]any
}

// at is where a value sits: its table's path, where in the file's order its problems go,
// and how messages name it.
type at struct {
	table string
	index int
	where string
	part  int
	// keys is the table's reading order (steps of its problems).
	keys []string
}

func (a at) path(key string) Path { return Path{a.table, a.index, key} }

// full reports whether the problem list is full: a problem added now is counted, not shown,
// so nothing worth computing only for its message (a suggestion) needs computing.
func (r *tomlReader) full() bool { return len(r.problems) >= maxProblems }

// addf reports a problem about key of a, marking the value unread.
func (r *tomlReader) addf(a at, key, format string, args ...any) {
	r.addStep(a, key, stepOf(a.keys, key), format, args...)
}

func (r *tomlReader) addStep(a at, key string, step int, format string, args ...any) {
	if key != "" {
		r.pos.Unreadable(a.path(key))
	}
	if r.full() {
		r.more++
		return
	}
	r.problems = append(r.problems, newProblem(r.file, a.where, a.path(key), problemOrder{a.part, a.index, step}, format, args))
}

// newProblem formats a problem; user text is quoted cut (a 7 MB unknown key was once echoed whole).
func newProblem(file, where string, path Path, order problemOrder, format string, args []any) Problem {
	for i, v := range args {
		if s, ok := v.(string); ok && len(s) > maxQuoted {
			args[i] = Cut(s)
		}
	}
	return Problem{File: file, Where: where, Msg: fmt.Sprintf(format, args...), path: path, order: order}
}

// readTOML reads the decoded tree raw into a model holding every value as written (no
// default filled in), the positions of data, and the problems of reading it.
func readTOML(file string, data []byte, raw map[string]any) (*Org, *Positions, []Problem, int) {
	r := &tomlReader{file: file, tables: map[string][]map[string]any{"": {raw}}}
	r.pos = &Positions{File: file, given: r.has}
	r.pos.locate = func(paths []Path) []Place { return locateTOML(data, paths) }
	o := r.org(raw)
	return o, r.pos, r.problems, r.more
}

// has reports whether the tree holds the value at p.
func (r *tomlReader) has(p Path) bool {
	ts := r.tables[p.Table]
	if p.Index < 0 || p.Index >= len(ts) {
		return false
	}
	if p.Key == "" {
		return true
	}
	_, ok := ts[p.Index][p.Key]
	return ok
}

// locateTOML finds the places of paths in the source. A top-level key may be written as a
// table ([defaultz]), so its table is looked up too.
func locateTOML(data []byte, paths []Path) []Place {
	want, wantKeys := map[tableAt]bool{}, map[keyAt]bool{}
	for _, p := range paths {
		want[tableAt{p.Table, p.Index}] = true
		wantKeys[keyAt{tableAt{p.Table, p.Index}, p.Key}] = true
		if p.Table == "" && p.Key != "" {
			want[tableAt{p.Key, -1}] = true
		}
	}
	loc := newLocator(data, want, wantKeys)
	out := make([]Place, len(paths))
	for i, p := range paths {
		pp := loc.key(p.Table, p.Index, p.Key)
		out[i] = Place{pp.line, pp.col}
	}
	return out
}

func (r *tomlReader) org(raw map[string]any) *Org {
	top := at{part: partTop, keys: topKeys}
	o := &Org{}
	r.unknownKeys(raw, topKeys, top, "the top level")
	if v, ok := raw["format"]; ok {
		if n, isInt := v.(int64); isInt {
			o.Format = int(n)
		} else {
			r.addf(top, "format", "format must be a whole number (%d), not %s", FormatVersion, typeName(v))
		}
	}
	o.Name = r.str(raw, "name", top)
	o.Description = r.text(raw, "description", top)

	if t, a, ok := r.table(raw, "defaults", "[defaults]", partDefaults, defaultsKeys); ok {
		o.Defaults.PerHead = r.int64(t, "per_head", a)
		o.Defaults.Currency = r.str(t, "currency", a)
	}
	if t, a, ok := r.table(raw, "sre_org", "[sre_org]", partSREOrg, sreOrgKeys); ok {
		o.SREOrg.Positioning = Positioning(r.enum(t, "positioning", a, positioningStrings))
	}
	if t, a, ok := r.table(raw, "sre_role", "[sre_role]", partSRERole, sreRoleKeys); ok {
		o.SRERole.Positioning = Positioning(r.enum(t, "positioning", a, positioningStrings))
	}

	teams := r.array(raw, "team", partTeamList)
	if len(teams) > MaxTeams {
		r.addStep(at{part: partTeamList}, "", 0, "the file holds %d teams; at most %d are allowed", len(teams), MaxTeams)
		return o
	}
	r.tables["team"] = teams
	o.Teams = make([]Team, 0, len(teams))
	for i, t := range teams {
		o.Teams = append(o.Teams, r.team(t, i))
	}
	if services := r.array(raw, "service", partServiceList); len(services) > 0 {
		r.tables["service"] = services
		o.Services = make([]Service, 0, len(services))
		for i, t := range services {
			o.Services = append(o.Services, r.service(t, i))
		}
	}
	kpis := r.array(raw, "kpi", partKPIList)
	r.tables["kpi"] = kpis
	for i, t := range kpis {
		a := at{table: "kpi", index: i, where: fmt.Sprintf("kpi #%d", i+1), part: partKPI, keys: kpiKeys}
		r.unknownKeys(t, kpiKeys, a, "[[kpi]]")
		o.KPIs = append(o.KPIs, KPI{
			Identity: Identity(r.enum(t, "identity", a, identityStrings)),
			Text:     r.text(t, "text", a),
			Target:   r.number(t, "target", a),
			Actual:   r.number(t, "actual", a),
			Better:   Better(r.enum(t, "better", a, betterStrings)),
		})
	}
	if t, a, ok := r.table(raw, "scenario", "[scenario]", partScenario, scenarioKeys); ok {
		a.keys = scenarioReadOrder
		o.Scenario = r.scenario(t, a)
	}
	return o
}

// named names a team or service in the problems it added since first ("team \"Viewer\"", or
// "team #3" without a name). Most have none, and naming each cost more than reading it.
func (r *tomlReader) named(first int, table string, t map[string]any, i int) {
	if len(r.problems) == first {
		return
	}
	where := table + " #" + strconv.Itoa(i+1)
	if n, ok := t["name"].(string); ok && n != "" {
		where = table + " " + strconv.Quote(Cut(n)) // as %q writes it
	}
	for j := first; j < len(r.problems); j++ {
		r.problems[j].Where = where
	}
}

func (r *tomlReader) team(t map[string]any, i int) Team {
	a := at{table: "team", index: i, part: partTeam, keys: teamReadOrder}
	defer r.named(len(r.problems), "team", t, i)
	r.unknownKeys(t, teamKeys, a, "[[team]]")
	return Team{
		Name:       r.str(t, "name", a),
		Org:        OrgID(r.enum(t, "org", a, orgStrings)),
		Kind:       Kind(r.enum(t, "kind", a, kindStrings)),
		Headcount:  r.int(t, "headcount", a),
		PerHead:    r.int64(t, "per_head", a),
		Funding:    Funding(r.enum(t, "funding", a, fundingStrings)),
		OnCall:     OnCall(r.enum(t, "on_call", a, onCallStrings)),
		Note:       r.text(t, "note", a),
		Run:        Run(r.enum(t, "run", a, runStrings)),
		RunWith:    r.str(t, "run_with", a),
		SRERole:    SRERole(r.enum(t, "sre_role", a, roleStrings)),
		Rotation:   r.int(t, "rotation", a),
		Secondary:  r.bool(t, "secondary", a),
		Sites:      r.int(t, "sites", a),
		AckMinutes: r.int64(t, "ack_minutes", a),
		Backup:     r.str(t, "backup", a),
	}
}

func (r *tomlReader) service(t map[string]any, i int) Service {
	a := at{table: "service", index: i, part: partService, keys: serviceReadOrder}
	defer r.named(len(r.problems), "service", t, i)
	r.unknownKeys(t, serviceKeys, a, "[[service]]")
	return Service{
		Name:              r.str(t, "name", a),
		Team:              r.str(t, "team", a),
		Run:               Run(r.enum(t, "run", a, runStrings)),
		RunWith:           r.str(t, "run_with", a),
		Availability:      r.number(t, "availability", a),
		ErrorBudgetUsed:   r.number(t, "error_budget_used", a),
		Backup:            r.optStr(t, "backup", a),
		WindowDays:        r.int(t, "window_days", a),
		IncidentsPerMonth: r.number(t, "incidents_per_month", a),
		RestoreHours:      r.number(t, "restore_hours", a),
	}
}

func (r *tomlReader) scenario(t map[string]any, a at) *Scenario {
	s := &Scenario{
		Title:         r.text(t, "title", a),
		Note:          r.text(t, "note", a),
		BasedOn:       r.str(t, "based_on", a),
		BasedOnSHA256: r.str(t, "based_on_sha256", a),
	}
	if v, ok := t["saved_at"]; ok {
		if tm, isTime := v.(time.Time); isTime {
			tm = tm.UTC()
			s.SavedAt = &tm
		} else {
			r.addf(a, "saved_at", "saved_at must be a date-time such as 2026-11-25T20:15:00Z, not %s", typeName(v))
		}
	}
	return s
}

// unknownKeys reports every key of t that the table does not know, with a suggestion.
func (r *tomlReader) unknownKeys(t map[string]any, known []string, a at, tableName string) {
	unknown := 0
	for k := range t {
		if !slices.Contains(known, k) {
			unknown++
		}
	}
	if unknown == 0 {
		return // the common case: no list to build and sort
	}
	if r.full() {
		// none of them is shown: no list to sort (249 tables of 1,000 unknown keys spent a
		// tenth of their reading sorting keys only to count them)
		r.more += unknown
		return
	}
	keys := make([]string, 0, unknown)
	for k := range t {
		if !slices.Contains(known, k) {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		if r.full() {
			r.more++ // without the suggestion, which costs more than the rest
			continue
		}
		hint := didYouMean(k, known, false)
		if hint == "" && a.table == "" && slices.Contains(teamKeys, k) {
			hint = " (a team key at the top level: is a [[team]] header missing?)"
		}
		if hint == "" && a.table == "" && slices.Contains(defaultsKeys, k) {
			hint = " (it belongs in [defaults])"
		}
		r.addStep(a, k, 0, "unknown key %q in %s%s", k, tableName, hint)
	}
}

func (r *tomlReader) table(raw map[string]any, key, name string, part int, keys []string) (map[string]any, at, bool) {
	a := at{table: key, where: name, part: part, keys: keys}
	v, ok := raw[key]
	if !ok {
		return nil, a, false
	}
	t, isTable := v.(map[string]any)
	if !isTable {
		r.addStep(at{part: part}, key, -1, "%s must be a table, written %s, not %s", key, name, typeName(v))
		return nil, a, false
	}
	r.tables[key] = []map[string]any{t}
	r.unknownKeys(t, keys, a, name)
	return t, a, true
}

// array returns the tables of an array of tables (`[[team]]`), reporting any other shape.
func (r *tomlReader) array(raw map[string]any, key string, part int) []map[string]any {
	v, ok := raw[key]
	if !ok {
		return nil
	}
	top := at{part: part}
	switch arr := v.(type) {
	case []map[string]any:
		return arr
	case []any:
		out := make([]map[string]any, 0, len(arr))
		for i, e := range arr {
			t, isTable := e.(map[string]any)
			if !isTable {
				r.addStep(top, key, 0, "%s entry #%d must be a table, not %s", key, i+1, typeName(e))
				continue
			}
			out = append(out, t)
		}
		return out
	case map[string]any:
		r.addStep(at{table: key, part: part}, "", 0, "[%s] must be written [[%s]]: each one is an entry of a list", key, key)
		return []map[string]any{arr}
	}
	r.addStep(top, key, 0, "%s must be a list of tables written [[%s]], not %s", key, key, typeName(v))
	return nil
}

// typed reads the value of key as a T, reporting a value of another type as "key must be
// what, not ..."; ok is false when the key is absent or its value is of another type.
func typed[T any](r *tomlReader, t map[string]any, key string, a at, what string) (value T, ok bool) {
	v, present := t[key]
	if !present {
		return value, false
	}
	value, ok = v.(T)
	if !ok {
		r.addf(a, key, "%s must be %s, not %s", key, what, typeName(v))
	}
	return value, ok
}

// optional is typed's value as a pointer: nil when the key is absent or of another type.
func optional[T any](r *tomlReader, t map[string]any, key string, a at, what string) *T {
	value, ok := typed[T](r, t, key, a, what)
	if !ok {
		return nil
	}
	kept := value // moved to the heap here, not for every absent key
	return &kept
}

// str reads a string ("" when absent or of another type).
func (r *tomlReader) str(t map[string]any, key string, a at) string {
	s, _ := typed[string](r, t, key, a, "a string")
	return s
}

// optStr reads a string whose absence means something else than "" (a service's backup).
func (r *tomlReader) optStr(t map[string]any, key string, a at) *string {
	return optional[string](r, t, key, a, "a string")
}

// bool reads a boolean (nil when absent or of another type).
func (r *tomlReader) bool(t map[string]any, key string, a at) *bool {
	return optional[bool](r, t, key, a, "true or false")
}

// text reads free text; a multi-line string in a file with CRLF line ends keeps the CR, which
// is a newline too.
func (r *tomlReader) text(t map[string]any, key string, a at) string {
	return strings.ReplaceAll(r.str(t, key, a), "\r\n", "\n")
}

// enum reads a string that should be one of allowed. A value that is one of them is the one
// copy of it: every team's then points to the same few bytes, which comparing them with the
// constants (as the analysis does for each team of every model) finds in the cache. Any
// other value is kept as written, for the validator to refuse.
func (r *tomlReader) enum(t map[string]any, key string, a at, allowed []string) string {
	s := r.str(t, key, a)
	if i := slices.Index(allowed, s); i >= 0 {
		return allowed[i]
	}
	return s
}

// int reads a whole number held in an int (a headcount, a rotation: int is 64 bits wide
// wherever sretopo builds).
func (r *tomlReader) int(t map[string]any, key string, a at) int {
	p := r.int64(t, key, a)
	if p == nil {
		return 0
	}
	return int(*p)
}

// int64 reads a whole number (nil when absent or of another type).
func (r *tomlReader) int64(t map[string]any, key string, a at) *int64 {
	return optional[int64](r, t, key, a, "a whole number")
}

func (r *tomlReader) number(t map[string]any, key string, a at) *float64 {
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
		r.addf(a, key, "%s must be a number, not %s", key, typeName(v))
		return nil
	}
	if f != f || f > 1e300 || f < -1e300 { // NaN and infinities are no measurement
		r.addf(a, key, "%s must be a finite number", key)
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
