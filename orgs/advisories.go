package orgs

// The advisories of docs/rules.md section 10: the table of rules, what they read, and how
// their messages name teams and services.

import (
	"fmt"
	"slices"
	"strings"
)

// nameList names up to six teams in a sentence ("A, B and 3 more").
func nameList(names []string) string {
	quoted := make([]string, 0, 6)
	for i, n := range names {
		if i == 6 {
			break
		}
		quoted = append(quoted, fmt.Sprintf("%q", n))
	}
	switch rest := len(names) - len(quoted); {
	case rest > 0:
		return strings.Join(quoted, ", ") + fmt.Sprintf(" and %d more", rest)
	case len(quoted) > 1:
		return strings.Join(quoted[:len(quoted)-1], ", ") + " and " + quoted[len(quoted)-1]
	case len(quoted) == 1:
		return quoted[0]
	}
	return ""
}

// reusable returns the list of team names of old's advisory code emptied, for the new
// advisory of that code to fill in again (a new list when old has none big enough).
func reusable(old []Advisory, code string, n int) []string {
	for k := range old {
		if old[k].Code == code && cap(old[k].Teams) >= n {
			return old[k].Teams[:0]
		}
	}
	return make([]string, 0, n)
}

// teamNames is the names of the teams at indices in buf.
func teamNames(buf []string, cur *Org, indices []int32) []string {
	for _, i := range indices {
		buf = append(buf, cur.Teams[i].Name)
	}
	return buf
}

// advisoryFacts is what the advisory checks read: the current model, what the analyser
// counted, and the previous analysis' advisories whose lists may be reused (else nil).
type advisoryFacts struct {
	cur   *Org
	f     *tally
	lay   *layout
	s     *scratch
	old   []Advisory
	roleP bool // an SRE role exists outside an SRE org
	// bf is what the analyser knows of the baseline (whether its SRE org and role exist)
	bf *facts
	// an is the analysis being made (its Teams and Staffing are final), sf and sv what
	// the services say
	an *Analysis
	sf *svcTrack
	sv *ServicesVerdict
}

// sreOrgNotCalledFor reports whether the SRE org holds teams while the dominant run model
// is you-run-it or ops-run-it, whose criteria read "Not applicable" for a distinct SRE
// organization (docs/rules.md sections 7 and 10).
func (c *advisoryFacts) sreOrgNotCalledFor() bool {
	if !c.f.sreOrgHas || c.f.dominantK < 0 {
		return false
	}
	col := SpectrumOrder[c.f.dominantK].Column()
	return col >= 0 && CriterionNamed(criterionSREOrg).Values[col] == "Not applicable"
}

// nobodyOnCall names, in model order, the teams that respond for something and are on call
// never (docs/rules.md section 10, v3): a dev team running what it builds by its own run
// (you, you-and-sre) or a service's, a team another names in run_with, and a backup.
func (c *advisoryFacts) nobodyOnCall() []string {
	// 1: on call never; 2: and responds for something
	state := make([]uint8, len(c.cur.Teams))
	idle := false
	for i := range c.cur.Teams {
		if t := &c.cur.Teams[i]; t.OnCall == OnCallNone || t.OnCall == "" {
			state[i], idle = 1, true
		}
	}
	if !idle {
		return nil // the common case of a staffed organization: nothing more to look at
	}
	mark := func(i int) {
		if i >= 0 && state[i] == 1 {
			state[i] = 2
		}
	}
	for i := range c.cur.Teams {
		t := &c.cur.Teams[i]
		if t.Kind != KindDev {
			continue
		}
		if t.Run == RunYou || t.Run == RunYouAndSRE {
			mark(i)
		}
		if t.Run.NeedsPartner() {
			q, _ := c.lay.lookup(t.RunWith)
			mark(int(q))
		}
		if t.Backup != "" && t.Run != RunNone {
			q, _ := c.lay.lookup(t.Backup)
			mark(int(q))
		}
	}
	for k := range c.sv.Runs {
		r := &c.sv.Runs[k]
		if r.RunModel == YouRunIt || r.RunModel == YouAndSRERunIt {
			mark(r.Team)
		}
		mark(r.Partner)
		mark(r.BackupTeam)
	}
	var names []string
	for i := range c.cur.Teams {
		if state[i] == 2 {
			names = append(names, c.cur.Teams[i].Name)
		}
	}
	return names
}

// serves is how many dev teams and services name SRE team t in a run_with of run
// you-and-sre or sre.
func (c *advisoryFacts) serves(t *sreTeam) int {
	n := int(c.lay.serves[t.i] + c.s.dServe[t.i] + c.s.backupN[t.i])
	if c.sf.serveN != nil {
		n += int(c.sf.serveN[t.i])
	}
	return n
}

// shares is how many distinct dev teams share on call (you-and-sre) with SRE team t, through
// their own run or a service's: a dev team counts once.
func (c *advisoryFacts) shares(t *sreTeam) int {
	n := int(c.lay.shared[t.i] + c.s.dShared[t.i])
	if c.sf.shareWith == nil {
		return n
	}
	for _, d := range c.sf.shareWith[t.i] {
		own := &c.cur.Teams[d]
		if !(own.Kind == KindDev && own.Run == RunYouAndSRE && c.an.Teams[d].Partner == int(t.i)) {
			n++ // shares only through a service
		}
	}
	return n
}

// exceptionNames is the names of the services at indices, exceptions all: a service that
// runs as its team does is covered by the team's name.
func (c *advisoryFacts) exceptionNames(indices []int32) []string {
	var out []string
	for _, k := range indices {
		out = append(out, c.cur.Services[k].Name)
	}
	return out
}

// serviceAdvice is the service advisory code as the services verdict raised it.
func (c *advisoryFacts) serviceAdvice(code string) advice {
	for k := range c.sv.Advice {
		if a := &c.sv.Advice[k]; a.Code == code {
			return advice{teams: a.Teams, services: a.Services, message: a.Message}
		}
	}
	return advice{}
}

// advice is what a check found: the teams (and services) involved and the message; an
// empty message raises nothing.
type advice struct {
	teams    []string
	services []string
	message  string
}

// AdvisoryRule is one advisory of the table of docs/rules.md: its code, its severity and
// the check that finds it. Adding an advisory is adding an entry to advisoryRules.
type AdvisoryRule struct {
	Code     string
	Severity Severity
	check    func(c *advisoryFacts) advice
}

// AdvisoryRules lists the advisories in the order of docs/rules.md's table; the analysis
// lists the raised ones warnings first, then in this order.
func AdvisoryRules() []AdvisoryRule { return slices.Clone(advisoryRules) }

var advisoryRules = []AdvisoryRule{
	{"no-dev-teams", Warning, func(c *advisoryFacts) advice {
		if c.f.devTeams > 0 {
			return advice{}
		}
		return advice{message: "The organization has no dev team, so there is no run model or topology to analyse."}
	}},
	{"unorganized", Warning, func(c *advisoryFacts) advice {
		if len(c.s.unorganized) == 0 && len(c.exceptionNames(c.sf.unorgExc)) == 0 {
			return advice{}
		}
		names := teamNames(reusable(c.old, "unorganized", len(c.s.unorganized)), c.cur, c.s.unorganized)
		services := c.exceptionNames(c.sf.unorgExc)
		return advice{teams: names, services: services, message: "Nobody is organized to run " + runSubject(names, services) + " (run = none)."}
	}},
	{"ops-run-it", Info, func(c *advisoryFacts) advice {
		services := c.exceptionNames(c.sf.opsExc)
		if len(c.s.opsRun) == 0 && len(services) == 0 {
			return advice{}
		}
		names := teamNames(reusable(c.old, "ops-run-it", len(c.s.opsRun)), c.cur, c.s.opsRun)
		return advice{teams: names, services: services, message: upperFirst(runSubject(names, services)) + plural(len(services)+btoi(len(names) > 0), " is", " are") + " run by ops: outside the nine SRE topologies, with minimal reliability incentives for developers."}
	}},
	{"nobody-on-call", Warning, func(c *advisoryFacts) advice {
		names := c.nobodyOnCall()
		if len(names) == 0 {
			return advice{}
		}
		return advice{teams: names, message: fmt.Sprintf("%s %s services but nobody is on call (on_call = \"none\").", upperFirst(nameList(names)), plural(len(names), "runs", "run"))}
	}},
	{"idle-sre-team", Warning, func(c *advisoryFacts) advice {
		var idle []string
		for i := range c.s.sre {
			if c.serves(&c.s.sre[i]) == 0 {
				idle = append(idle, c.s.sre[i].name)
			}
		}
		switch len(idle) {
		case 0:
			return advice{}
		case 1:
			return advice{teams: idle, message: fmt.Sprintf("No dev team or service names SRE team %s in run_with: it supports nobody.", nameList(idle))}
		}
		return advice{teams: idle, message: fmt.Sprintf("No dev team or service names SRE teams %s in run_with: they support nobody.", nameList(idle))}
	}},
	{"sre-team-undersized", Warning, func(c *advisoryFacts) advice {
		var names, detail []string
		for i := range c.s.sre {
			t := &c.s.sre[i]
			if n := c.shares(t); n > t.headcount {
				names = append(names, t.name)
				detail = append(detail, fmt.Sprintf("%q shares on call with %s and has %s", t.name, count(n, "dev team", "dev teams"), count(t.headcount, "person", "people")))
			}
		}
		if names == nil {
			return advice{}
		}
		return advice{teams: names, message: fmt.Sprintf("Undersized for shared on call (about one SRE per supported dev team): %s.", strings.Join(detail, "; "))}
	}},
	{"many-sre-teams-in-dev", Info, func(c *advisoryFacts) advice {
		var names []string
		for i := range c.s.sre {
			if t := &c.s.sre[i]; t.org == 0 && c.serves(t) > 0 {
				names = append(names, t.name)
			}
		}
		if len(names) <= 2 {
			return advice{}
		}
		return advice{teams: names, message: fmt.Sprintf("%d SRE teams serving dev teams sit in the dev org (%s): beyond two, consider hosting them in the ops org or a new SRE org.", len(names), nameList(names))}
	}},
	{"no-sre-infra", Warning, func(c *advisoryFacts) advice {
		if len(c.s.infra) > 0 || !withTopology(&c.f.modelN) && !c.sf.capexModel() {
			return advice{}
		}
		return advice{message: "No sre-infra team builds and runs the SRE infrastructure (monitoring, SLO and alerting, on-call tooling) that the teams running services need."}
	}},
	{"sre-infra-placement", Info, func(c *advisoryFacts) advice {
		k := c.f.dominantK
		if k < 0 || len(c.s.infra) == 0 {
			return advice{}
		}
		m := SpectrumOrder[k]
		want := InfraOrgs(m)
		if want == nil || len(want) == 1 && want[0] == OrgOps && !c.f.opsHas {
			return advice{} // unorganized, or the ops org holds no team to own it
		}
		var names []string
		for _, i := range c.s.infra {
			if t := &c.cur.Teams[i]; !slices.Contains(want, t.Org) {
				names = append(names, t.Name)
			}
		}
		if names == nil {
			return advice{}
		}
		where := make([]string, len(want))
		for i, o := range want {
			where[i] = o.Phrase()
		}
		return advice{teams: names, message: fmt.Sprintf("%s not in %s, where the criteria put the SRE infrastructure under %s, the dominant run model.",
			nameList(names)+plural(len(names), " is", " are"), strings.Join(where, " or "), m.Short())}
	}},
	{"positioning-unset", Info, func(c *advisoryFacts) advice {
		// the talk: "Position a newly created SRE Org if any" (rules.md 7, v3): only an
		// SRE org or role new against the baseline, and not an org the model does not call for
		org := c.f.sreOrgHas && !c.bf.sreOrgHas && !c.sreOrgNotCalledFor() && c.cur.SREOrg.Positioning == PositionUnset
		role := c.roleP && !c.bf.roleP && c.cur.SRERole.Positioning == PositionUnset
		if !org && !role {
			return advice{}
		}
		return advice{message: fmt.Sprintf("The positioning of the newly created %s is unset: steer it toward partner or, best, enabler.", strings.TrimPrefix(positionedSubject(org, role), "the "))}
	}},
	{"sre-org-not-called-for", Info, func(c *advisoryFacts) advice {
		if !c.sreOrgNotCalledFor() {
			return advice{}
		}
		m := SpectrumOrder[c.f.dominantK]
		return advice{message: fmt.Sprintf("The SRE org holds teams, but the dominant run model, %s, does not call for one: its criteria read \u201cNot applicable\u201d for a distinct SRE organization.", m.Name())}
	}},
	{"cost-center", Info, func(c *advisoryFacts) advice {
		org := c.f.sreOrgHas && c.cur.SREOrg.Positioning == PositionCostCenter
		role := c.roleP && c.cur.SRERole.Positioning == PositionCostCenter
		if !org && !role {
			return advice{}
		}
		return advice{message: fmt.Sprintf("%s positioned as a cost center: it will live under yearly pressure to cut; steer it toward partner or enabler.", upperFirst(positionedSubject(org, role))+plural(btoi(org)+btoi(role), " is", " are"))}
	}},
	{"thin-rotation", Warning, func(c *advisoryFacts) advice {
		a := ThinRotation(&c.an.Staffing)
		if a == nil {
			return advice{}
		}
		return advice{teams: a.Teams, message: a.Message}
	}},
	{likelyBreachCode, Warning, func(c *advisoryFacts) advice { return likelyBreach(c.an) }},
	{"coverage-gap", Warning, func(c *advisoryFacts) advice { return c.serviceAdvice("coverage-gap") }},
	{"high-target-ops-run", Warning, func(c *advisoryFacts) advice { return c.serviceAdvice("high-target-ops-run") }},
	{"sre-run-over-budget", Warning, func(c *advisoryFacts) advice { return c.serviceAdvice("sre-run-over-budget") }},
}

// runSubject names what the teams build and the services, for the advisories about who
// runs them ("what "A" builds and service "S"").
func runSubject(teams, services []string) string {
	var parts []string
	if len(teams) > 0 {
		parts = append(parts, fmt.Sprintf("what %s %s", nameList(teams), plural(len(teams), "builds", "build")))
	}
	if len(services) > 0 {
		parts = append(parts, plural(len(services), "service ", "services ")+nameList(services))
	}
	return strings.Join(parts, " and ")
}

// positionedSubject names what a positioning advisory is about.
func positionedSubject(org, role bool) string {
	switch {
	case org && role:
		return "the SRE org and the SRE role"
	case org:
		return "the SRE org"
	}
	return "the SRE role"
}

// listedBefore reports whether advisory a comes before b in an analysis: warnings first,
// then in table order (advisories).
func listedBefore(a, b Advisory) bool {
	if a.Severity != b.Severity {
		return a.Severity == Warning
	}
	return tableIndex(a.Code) < tableIndex(b.Code)
}

// tableIndex is the place of the advisory with code in the table (-1 for none).
func tableIndex(code string) int {
	return slices.IndexFunc(advisoryRules, func(r AdvisoryRule) bool { return r.Code == code })
}

// advisories runs the advisory table on what the analyser counted: the raised advisories,
// warnings first, then in table order.
func advisories(c *advisoryFacts) []Advisory {
	out := []Advisory{}
	for _, sev := range []Severity{Warning, Info} {
		for _, r := range advisoryRules {
			if r.Severity != sev {
				continue
			}
			if a := r.check(c); a.message != "" {
				if a.teams == nil {
					a.teams = []string{}
				}
				if a.services == nil {
					a.services = []string{}
				}
				out = append(out, Advisory{Code: r.Code, Severity: r.Severity, Message: a.message, Teams: a.teams, Services: a.services})
			}
		}
	}
	return out
}

// plural is one when n is 1, else many.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// count is n with its noun, singular or plural ("1 person", "3 people").
func count(n int, one, many string) string { return fmt.Sprintf("%d %s", n, plural(n, one, many)) }

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// upperFirst is s with its first letter upper case (ASCII).
func upperFirst(s string) string {
	if s != "" && s[0] >= 'a' && s[0] <= 'z' {
		return string(s[0]-'a'+'A') + s[1:]
	}
	return s
}
