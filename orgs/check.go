package orgs

import (
	"strconv"
	"strings"
)

// Validate checks a model by every rule of the organization format (docs/format.md,
// "Validation"), wherever it came from: the TOML reader, an importer, or memory (each stage
// of a plan). pos is what the reader kept of the source, so that each problem names its
// file, line and column; nil for a model built in memory (problems then name "(model)").
// It returns a *LoadError listing every problem, or nil.
//
// The model is judged as written: an empty value is a key left out (unless pos says it was
// written), and the defaults a loaded model carries (run = you, sre_role = rotation,
// on_call = none) are valid values, so a model that loaded validates again.
func Validate(o *Org, pos *Positions) error {
	if le := validate(o, pos, nil, 0); le != nil {
		return le
	}
	return nil
}

// validate merges the reader's problems (read, and readMore beyond the cap) with the
// validator's, in the order of the file, and places them.
func validate(o *Org, pos *Positions, read []Problem, readMore int) *LoadError {
	c := &checker{o: o, pos: pos, file: "(model)"}
	if pos != nil {
		c.file = pos.File
	}
	c.check()
	problems, more := mergeProblems(read, c.problems, readMore+c.more)
	if len(problems) == 0 {
		return nil
	}
	pos.place(problems)
	if more > 0 {
		problems = append(problems, Problem{File: c.file, Msg: "and " + strconv.Itoa(more) + " more problems, not listed"})
	}
	return &LoadError{File: c.file, Problems: problems}
}

// checker collects the validator's problems of one model.
type checker struct {
	o        *Org
	pos      *Positions
	file     string
	problems []Problem
	more     int
	// what the cross-check needs of each team and service, as their own checks left it:
	// refused values are empty
	teams    []teamFacts
	services []serviceFacts
}

// teamFacts is a team as the cross-check sees it: a refused name or kind is empty, and run
// and run_with are the team's effective, valid ones (empty for a team that is not a dev team).
type teamFacts struct {
	name    string
	kind    Kind
	run     Run
	runWith string
	backup  string
}

// serviceFacts is a service as the cross-check sees it.
type serviceFacts struct {
	name, team string
	run        Run
	runWith    string
	backup     string
}

func (c *checker) full() bool { return len(c.problems) >= maxProblems }

// add reports a problem about key of a, listed at key's step.
func (c *checker) add(a at, key, format string, args ...any) {
	c.addAt(a, key, key, format, args...)
}

// addAt reports a problem placed at the path key of a and listed at the step of stepKey
// (a missing key is placed at its table; a check relating keys is listed after them).
func (c *checker) addAt(a at, key, stepKey, format string, args ...any) {
	if c.full() {
		c.more++
		return
	}
	step := stepLast
	if stepKey != "" {
		step = stepOf(a.keys, stepKey)
	}
	order := problemOrder{a.part, a.index, step}
	if a.part == partCross {
		order = problemOrder{part: partCross} // listed as found, team by team then service by service
	}
	c.problems = append(c.problems, newProblem(c.file, a.where, a.path(key), order, format, args))
}

// has reports whether the source wrote key of a: a value that is not zero was written, and
// the positions tell a zero written (`headcount = 0`) from a key left out.
func (c *checker) has(a at, key string, nonZero bool) bool {
	return nonZero || c.pos != nil && c.pos.Has(a.path(key))
}

// unread reports whether the reader refused key of a (its problem is the reader's).
func (c *checker) unread(a at, key string) bool { return c.pos.Unread(a.path(key)) }

// named names a team or service in the problems its check added since first, by the name as
// written ("team \"Viewer\"", or "team #3" without one).
func (c *checker) named(first int, table, name string, i int) {
	if len(c.problems) == first {
		return
	}
	where := table + " #" + strconv.Itoa(i+1)
	if name != "" {
		where = table + " " + strconv.Quote(Cut(name)) // as %q writes it
	}
	for j := first; j < len(c.problems); j++ {
		c.problems[j].Where = where
	}
}

func (c *checker) check() {
	o := c.o
	top := at{part: partTop, keys: topKeys}
	if c.pos != nil && !c.unread(top, "format") {
		switch n := o.Format; {
		case !c.has(top, "format", n != 0):
			c.addAt(top, "", "format", "format is missing: add `format = %d` at the top", FormatVersion)
		case n > FormatVersion:
			c.add(top, "format", "format %d was written by a newer version of sretopo; this one reads format %d", n, FormatVersion)
		case n != FormatVersion:
			c.add(top, "format", "format must be %d, not %d", FormatVersion, n)
		}
	}
	c.name(top, "name", o.Name, "organization name", true)
	c.text(top, "description", o.Description)

	defaults := at{table: "defaults", where: "[defaults]", part: partDefaults, keys: defaultsKeys}
	c.cost(defaults, "per_head", o.Defaults.PerHead)
	if hasControl(o.Defaults.Currency, false) {
		c.add(defaults, "currency", "currency holds a control character")
	}
	c.enum(at{table: "sre_org", where: "[sre_org]", part: partSREOrg, keys: sreOrgKeys}, "positioning", string(o.SREOrg.Positioning), positioningStrings, false)
	c.enum(at{table: "sre_role", where: "[sre_role]", part: partSRERole, keys: sreRoleKeys}, "positioning", string(o.SRERole.Positioning), positioningStrings, false)

	c.teams = make([]teamFacts, len(o.Teams))
	for i := range o.Teams {
		first := len(c.problems)
		c.teams[i] = c.team(&o.Teams[i], i)
		c.named(first, "team", o.Teams[i].Name, i)
	}
	c.services = make([]serviceFacts, len(o.Services))
	for i := range o.Services {
		first := len(c.problems)
		c.services[i] = c.service(&o.Services[i], i)
		c.named(first, "service", o.Services[i].Name, i)
	}
	for i := range o.KPIs {
		c.kpi(&o.KPIs[i], at{table: "kpi", index: i, where: "kpi #" + strconv.Itoa(i+1), part: partKPI, keys: kpiKeys})
	}
	if s := o.Scenario; s != nil {
		a := at{table: "scenario", where: "[scenario]", part: partScenario, keys: scenarioReadOrder}
		c.text(a, "title", s.Title)
		c.text(a, "note", s.Note)
		// a path may hold any character but NUL, and a file whose name holds a control
		// character must be able to have scenarios: it is sanitized wherever it is shown
		if strings.IndexByte(s.BasedOn, 0) >= 0 {
			c.addAt(a, "based_on", "·based_on", "based_on holds a NUL character, which no path holds")
		}
		if hasControl(s.BasedOnSHA256, false) {
			c.addAt(a, "based_on_sha256", "·based_on_sha256", "based_on_sha256 holds a control character")
		}
	}
	c.crossCheck()
}

func (c *checker) team(t *Team, i int) teamFacts {
	a := at{table: "team", index: i, part: partTeam, keys: teamReadOrder}
	f := teamFacts{name: c.name(a, "name", t.Name, "team name", true)}
	c.enum(a, "org", string(t.Org), orgStrings, true)
	f.kind = Kind(c.enum(a, "kind", string(t.Kind), kindStrings, true))
	headcount := c.headcount(a, t.Headcount)
	c.cost(a, "per_head", t.PerHead)
	c.enum(a, "funding", string(t.Funding), fundingStrings, false)
	onCall := OnCall(c.enum(a, "on_call", string(t.OnCall), onCallStrings, false))
	c.text(a, "note", t.Note)
	run := Run(c.enum(a, "run", string(t.Run), runStrings, false))
	runWith := t.RunWith
	role := c.enum(a, "sre_role", string(t.SRERole), roleStrings, false)
	c.rotation(a, t, headcount, onCall)
	c.onCallKeys(a, t, onCall)
	if f.kind != KindDev {
		if f.kind != "" {
			for _, k := range []struct {
				key string
				set bool
			}{{"run", t.Run != ""}, {"run_with", t.RunWith != ""}, {"sre_role", t.SRERole != ""}, {"backup", t.Backup != ""}} {
				if c.has(a, k.key, k.set) {
					c.addAt(a, k.key, "", "%s applies to dev teams only, and this team is kind = %q", k.key, f.kind)
				}
			}
		}
		return f
	}
	if c.has(a, "run", t.Run != "") && run == "" {
		// run is invalid and already reported: checking run_with and sre_role against a
		// run the user did not write would only add misleading problems.
		return f
	}
	if run == "" {
		run = RunYou
	}
	if role != "" && run != RunYou {
		c.addAt(a, "sre_role", "", "sre_role applies only with run = \"you\", and this team has run = %q", run)
	}
	hasRunWith := c.has(a, "run_with", t.RunWith != "")
	switch {
	case run.NeedsPartner() && !hasRunWith:
		c.addAt(a, "run", "", "run = %q needs run_with naming the %s team that runs with it", run, run.PartnerKind())
	case !run.NeedsPartner() && hasRunWith:
		why := "the team runs its services itself"
		if run == RunNone {
			why = "nobody runs its services"
		}
		if c.has(a, "run", t.Run != "") {
			c.addAt(a, "run_with", "", "run_with is not allowed with run = %q (%s)", run, why)
		} else {
			c.addAt(a, "run_with", "", "run_with is not allowed when run is not given (run defaults to %q: %s)", run, why)
		}
		runWith = ""
	}
	f.run, f.runWith = run, runWith
	if t.Backup != "" && !c.unread(a, "backup") {
		if run == RunNone {
			c.addAt(a, "backup", "", "backup %q is not allowed with run = %q: nobody runs the team's services, so there is nothing to back up", t.Backup, run)
		} else {
			f.backup = t.Backup
		}
	}
	return f
}

// onCallKeys checks the keys that shape a team's on-call rotation (docs/rules.md sections 9
// and 12): secondary and sites only for a team on call, sites 1 or 2, ack_minutes 0-1440.
func (c *checker) onCallKeys(a at, t *Team, onCall OnCall) {
	for _, k := range []struct {
		key string
		set bool
	}{{"secondary", t.Secondary != nil}, {"sites", t.Sites != 0}} {
		if c.unread(a, k.key) || !c.has(a, k.key, k.set) || onCall != "" && onCall != OnCallNone {
			continue
		}
		switch {
		case !c.has(a, "on_call", t.OnCall != ""):
			c.add(a, k.key, "%s applies only to a team on call, and this team has no on_call (it defaults to \"none\")", k.key)
		case t.OnCall == OnCallNone:
			c.add(a, k.key, "%s applies only to a team on call, and this team has on_call = \"none\"", k.key)
		}
	}
	if !c.unread(a, "sites") && c.has(a, "sites", t.Sites != 0) && t.Sites != 1 && t.Sites != 2 {
		c.add(a, "sites", "sites = %d is not allowed: 1 site, or 2 to follow the sun", t.Sites)
	}
	if v := t.AckMinutes; v != nil && (*v < 0 || *v > 1440) {
		c.add(a, "ack_minutes", "ack_minutes = %d is out of range 0-1440 (minutes to engage once paged)", *v)
	}
}

// rotation checks a team's rotation: 1..headcount, and only for a team that is on call. A
// headcount (0) or on_call that is itself refused is reported already, so the rotation is
// then checked only against what is known.
func (c *checker) rotation(a at, t *Team, headcount int, onCall OnCall) {
	n := t.Rotation
	if c.unread(a, "rotation") || !c.has(a, "rotation", n != 0) {
		return
	}
	switch {
	case n < 1:
		c.add(a, "rotation", "rotation %d is out of range: at least 1 person takes the shifts", n)
		return
	case headcount > 0 && n > headcount:
		c.add(a, "rotation", "rotation %d is out of range 1-%d: more people than the team's headcount of %d", n, headcount, headcount)
		return
	}
	if onCall == "" || onCall == OnCallNone {
		switch {
		case !c.has(a, "on_call", t.OnCall != ""):
			c.add(a, "rotation", "rotation applies only to a team on call, and this team has no on_call (it defaults to \"none\")")
		case t.OnCall == OnCallNone:
			c.add(a, "rotation", "rotation applies only to a team on call, and this team has on_call = \"none\"")
		} // else on_call is invalid, which is reported already
	}
}

func (c *checker) service(s *Service, i int) serviceFacts {
	a := at{table: "service", index: i, part: partService, keys: serviceReadOrder}
	f := serviceFacts{name: c.name(a, "name", s.Name, "service name", true), team: s.Team}
	if s.Team == "" && !c.unread(a, "team") && !c.has(a, "team", false) {
		c.addAt(a, "", "team", "team is missing")
	}
	run := Run(c.enum(a, "run", string(s.Run), runStrings, false))
	runWith := s.RunWith
	hasRun, hasRunWith := c.has(a, "run", s.Run != ""), c.has(a, "run_with", s.RunWith != "")
	// run_with only with a run that needs it, as for a team; a run_with without run is
	// refused, since the partner would silently not apply to the team's run
	switch {
	case !hasRun && hasRunWith:
		c.addAt(a, "run_with", "·run", "run_with needs run: a service runs as its team does unless it sets run (add run = \"you-and-sre\", \"sre\" or \"ops\")")
		runWith = ""
	case hasRun && run == "":
		runWith = "" // run is invalid and reported already
	case run.NeedsPartner() && !hasRunWith:
		c.addAt(a, "run", "·run", "run = %q needs run_with naming the %s team that runs with it", run, run.PartnerKind())
	case run != "" && !run.NeedsPartner() && hasRunWith:
		why := "the team runs the service itself"
		if run == RunNone {
			why = "nobody runs the service"
		}
		c.addAt(a, "run_with", "·run", "run_with is not allowed with run = %q (%s)", run, why)
		runWith = ""
	}
	if v := s.Availability; v != nil && (*v <= 0 || *v >= 100) {
		c.add(a, "availability", "availability %v is out of range: a percentage between 0 and 100, exclusive", *v)
	}
	if v := s.ErrorBudgetUsed; v != nil && *v < 0 {
		c.add(a, "error_budget_used", "error_budget_used %v is out of range: it must be 0 or more", *v)
	}
	f.run, f.runWith = run, runWith
	if b := s.Backup; b != nil && *b != "" {
		if run == RunNone {
			c.add(a, "backup", "backup %q is not allowed with run = %q: nobody runs the service, so there is nothing to back up", *b, run)
		} else {
			f.backup = *b
		}
	}
	c.serviceRisk(a, s)
	return f
}

// serviceRisk checks the keys of a service's SLO window and incident rates (docs/rules.md
// sections 8 and 12).
func (c *checker) serviceRisk(a at, s *Service) {
	if !c.unread(a, "window_days") && c.has(a, "window_days", s.WindowDays != 0) && (s.WindowDays < 7 || s.WindowDays > 90) {
		c.add(a, "window_days", "window_days = %d is out of range 7-90 (the SLO window in days)", s.WindowDays)
	}
	if v := s.IncidentsPerMonth; v != nil && (*v < 0 || *v > 1000) {
		c.add(a, "incidents_per_month", "incidents_per_month = %v is out of range 0-1000", *v)
	}
	if v := s.RestoreHours; v != nil && (*v <= 0 || *v > 720) {
		c.add(a, "restore_hours", "restore_hours = %v is out of range: more than 0, at most 720", *v)
	}
}

// kpi checks one [[kpi]]: identity and text, and optionally target, actual and better.
func (c *checker) kpi(k *KPI, a at) {
	c.enum(a, "identity", string(k.Identity), identityStrings, true)
	if !c.unread(a, "text") && !c.has(a, "text", k.Text != "") {
		c.addAt(a, "", "text", "text is missing")
	} else {
		c.text(a, "text", k.Text)
	}
	c.enum(a, "better", string(k.Better), betterStrings, false)
	hasTarget, hasActual := c.has(a, "target", k.Target != nil), c.has(a, "actual", k.Actual != nil)
	switch {
	case hasTarget && !hasActual:
		c.addAt(a, "target", "", "target needs actual: a KPI is measured with both target and actual, or neither")
	case hasActual && !hasTarget:
		c.addAt(a, "actual", "", "actual needs target: a KPI is measured with both target and actual, or neither")
	}
}

// name checks a name: 1-64 characters, no control character. It returns the name, or ""
// when it is missing or refused (a refused name is never shown again, nor matched).
func (c *checker) name(a at, key, s, what string, required bool) string {
	if c.unread(a, key) {
		return ""
	}
	if s == "" {
		switch {
		case c.has(a, key, false):
			c.add(a, key, "%s is empty", what)
		case required:
			c.addAt(a, "", key, "%s is missing", key)
		}
		return ""
	}
	if p := NameProblem(what, s); p != "" {
		c.add(a, key, "%s", p)
		return ""
	}
	return s
}

// text checks free text: tabs and newlines allowed, no other control character.
func (c *checker) text(a at, key, s string) {
	if hasControl(s, true) {
		c.add(a, key, "%s holds a control character (only tabs and newlines are allowed in text); refused", key)
	}
}

// enum checks that s is one of allowed and returns it, or "" when it is missing or refused.
func (c *checker) enum(a at, key, s string, allowed []string, required bool) string {
	if c.unread(a, key) {
		return ""
	}
	if s == "" {
		switch {
		case c.has(a, key, false):
			c.add(a, key, "%s is empty; allowed: %s", key, strings.Join(allowed, ", "))
		case required:
			c.addAt(a, "", key, "%s is missing", key)
		}
		return ""
	}
	for _, v := range allowed {
		if v == s {
			return s
		}
	}
	c.add(a, key, "%s = %q is not one of %s%s", key, s, strings.Join(allowed, ", "), didYouMean(s, allowed, true))
	return ""
}

// headcount checks a team's headcount and returns it, or 0 when it is missing or refused.
func (c *checker) headcount(a at, n int) int {
	switch {
	case c.unread(a, "headcount"):
		return 0
	case !c.has(a, "headcount", n != 0):
		c.addAt(a, "", "headcount", "headcount is missing")
		return 0
	case n < 1 || n > 10000:
		c.add(a, "headcount", "headcount %d is out of range 1-10000", n)
		return 0
	}
	return n
}

func (c *checker) cost(a at, key string, p *int64) {
	switch {
	case p == nil:
	case *p < 0:
		c.add(a, key, "%s %d is negative; a cost is 0 or more", key, *p)
	case *p > 1e9:
		c.add(a, key, "%s %d is out of range: at most 1000000000", key, *p)
	}
}

// The allowed values of the enumerated keys, made once: a file may hold 20,000 teams.
var (
	orgStrings         = enumStrings(AllOrgs)
	kindStrings        = enumStrings(AllKinds)
	onCallStrings      = enumStrings(AllOnCalls)
	runStrings         = enumStrings(AllRuns)
	roleStrings        = enumStrings(AllRoles)
	fundingStrings     = []string{string(CAPEX), string(OPEX)}
	positioningStrings = enumStrings(AllPositionings)
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
