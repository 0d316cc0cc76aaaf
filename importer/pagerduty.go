package importer

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/sretopo/sretopo/orgs"
)

// The shapes of PagerDuty REST API v2 response bodies, as far as the import reads them.

// pdRef is a PagerDuty object or reference ({"id", "type", "summary"}; full objects add "name").
type pdRef struct {
	ID      string `json:"id"`
	Type    string `json:"type"`
	Summary string `json:"summary"`
	Name    string `json:"name"`
}

func (r pdRef) label() string {
	switch {
	case r.Name != "":
		return r.Name
	case r.Summary != "":
		return r.Summary
	}
	return r.ID
}

type pdRestriction struct {
	Type            string `json:"type"`
	StartTimeOfDay  string `json:"start_time_of_day"`
	DurationSeconds int    `json:"duration_seconds"`
	StartDayOfWeek  int    `json:"start_day_of_week"`
}

type pdLayer struct {
	Name  string `json:"name"`
	Users []struct {
		User pdRef `json:"user"`
	} `json:"users"`
	Restrictions []pdRestriction `json:"restrictions"`
}

type pdSchedule struct {
	pdRef
	TimeZone string    `json:"time_zone"`
	Layers   []pdLayer `json:"schedule_layers"`
	Users    []pdRef   `json:"users"`
	Teams    []pdRef   `json:"teams"`

	pos   Pos
	week  week
	owner int // team index, -1 when none
}

type pdRule struct {
	Targets []pdRef `json:"targets"`
}

type pdPolicy struct {
	pdRef
	Rules []pdRule `json:"escalation_rules"`
	Teams []pdRef  `json:"teams"`
	pos   Pos
}

type pdService struct {
	pdRef
	Policy pdRef   `json:"escalation_policy"`
	Teams  []pdRef `json:"teams"`
	pos    Pos
}

type pdUser struct {
	pdRef
	Email string `json:"email"`
}

// pdFile is one saved response: a single object or a list of each kind.
type pdFile struct {
	Schedule  *pdSchedule `json:"schedule"`
	Schedules []pdSchedule
	Policy    *pdPolicy  `json:"escalation_policy"`
	Policies  []pdPolicy `json:"escalation_policies"`
	Service   *pdService `json:"service"`
	Services  []pdService
	Team      *pdRef `json:"team"`
	Teams     []pdRef
	Users     []pdUser
	Oncalls   []json.RawMessage
}

// pagerDuty is every PagerDuty object read, each once by its id.
type pagerDuty struct {
	schedules []*pdSchedule
	policies  []*pdPolicy
	services  []*pdService
	teamNames map[string]string // team id -> name
	users     map[string]pdUser
	byID      map[string]bool // "schedule/ID"... read already
}

func (pd *pagerDuty) init() {
	pd.teamNames = map[string]string{}
	pd.users = map[string]pdUser{}
	pd.byID = map[string]bool{}
}

var pagerDutyKeys = []string{"schedule", "schedules", "escalation_policy", "escalation_policies", "service", "services", "team", "teams", "oncalls", "users"}

// isPagerDuty recognizes a saved PagerDuty response by its top-level keys.
func isPagerDuty(top map[string]json.RawMessage) bool {
	for _, k := range pagerDutyKeys {
		if _, ok := top[k]; ok {
			return true
		}
	}
	return false
}

// singleFirst is the list of a response that may hold one object (a single GET) and a list:
// the single one first, then the list.
func singleFirst[T any](single *T, list []T) []T {
	if single == nil {
		return list
	}
	return append([]T{*single}, list...)
}

// readPagerDuty takes the schedules, escalation policies, services, teams and users of one
// saved response.
func (im *importer) readPagerDuty(p string, data []byte) error {
	var f pdFile
	if err := json.Unmarshal(data, &f); err != nil {
		return jsonError(p, data, err)
	}
	pd := &im.pd
	first := func(kind, id string) bool {
		k := kind + "/" + id
		if id != "" && pd.byID[k] {
			return false
		}
		pd.byID[k] = true
		return true
	}
	schedules := singleFirst(f.Schedule, f.Schedules)
	for i := range schedules {
		s := &schedules[i]
		im.count("schedules").read++
		if !first("schedule", s.ID) {
			im.count("schedules").skipped++
			continue
		}
		s.pos, s.owner = jsonPos(p, data, s.ID), -1
		for _, l := range s.Layers {
			w, err := restrictionWeek(l.Restrictions)
			if err != nil {
				im.warn(s.pos, "schedule %q, layer %q: %v; the layer is read without restrictions", s.label(), l.Name, err)
				w, _ = restrictionWeek(nil)
			}
			s.week.union(w)
		}
		pd.schedules = append(pd.schedules, s)
	}
	policies := singleFirst(f.Policy, f.Policies)
	for i := range policies {
		if first("policy", policies[i].ID) {
			policies[i].pos = jsonPos(p, data, policies[i].ID)
			pd.policies = append(pd.policies, &policies[i])
		}
	}
	services := singleFirst(f.Service, f.Services)
	for i := range services {
		if first("service", services[i].ID) {
			services[i].pos = jsonPos(p, data, services[i].ID)
			pd.services = append(pd.services, &services[i])
		}
	}
	teams := f.Teams
	if f.Team != nil {
		teams = append(teams, *f.Team)
	}
	for _, t := range teams {
		pd.teamNames[t.ID] = t.label()
	}
	for _, u := range f.Users {
		pd.users[u.ID] = u
	}
	return nil
}

// pdTeam is the catalog team a PagerDuty team reference names (by name, folded), or -1.
func (im *importer) pdTeam(b *built, teamByName map[string]int, r pdRef) int {
	name := r.label()
	if n, ok := im.pd.teamNames[r.ID]; ok && r.Name == "" {
		name = n
	}
	if i, ok := teamByName[orgs.FoldName(name)]; ok {
		return i
	}
	return -1
}

// applyPagerDuty gives each team its on-call pattern, rotation and secondary from its
// schedule, and each service who runs it from its escalation policy.
func (im *importer) applyPagerDuty(b *built) {
	pd := &im.pd
	if len(pd.schedules) == 0 && len(pd.services) == 0 && len(pd.policies) == 0 {
		return
	}
	teamByName := make(map[string]int, len(b.org.Teams))
	for i, t := range b.org.Teams {
		teamByName[orgs.FoldName(t.Name)] = i
	}
	scheduleByID := map[string]*pdSchedule{}
	for _, s := range pd.schedules {
		scheduleByID[s.ID] = s
	}
	// A schedule belongs to the team its own teams field names, else to the team whose
	// escalation policy targets it (first levels before later ones), else to the team whose
	// members make up most of its users.
	for _, s := range pd.schedules {
		for _, tr := range s.Teams {
			if ti := im.pdTeam(b, teamByName, tr); ti >= 0 {
				s.owner = ti
				break
			}
		}
	}
	policyOf := make([]*pdPolicy, len(b.org.Teams))
	policyTeams := make([][]int, len(pd.policies))
	for i, ep := range pd.policies {
		for _, tr := range ep.Teams {
			if ti := im.pdTeam(b, teamByName, tr); ti >= 0 {
				policyTeams[i] = append(policyTeams[i], ti)
				if policyOf[ti] == nil {
					policyOf[ti] = ep
				}
			}
		}
	}
	for _, later := range []bool{false, true} {
		for i, ep := range pd.policies {
			for _, ti := range policyTeams[i] {
				for level, rule := range ep.Rules {
					if (level > 0) != later {
						continue
					}
					for _, tg := range rule.Targets {
						if s := scheduleByID[tg.ID]; s != nil && isScheduleRef(tg) && s.owner < 0 {
							s.owner = ti
						}
					}
				}
			}
		}
	}
	for _, s := range pd.schedules {
		if s.owner < 0 {
			s.owner = im.teamOfMostUsers(b, s)
		}
	}
	im.applySchedules(b, policyOf, scheduleByID)
	im.applyServiceRuns(b, teamByName, scheduleByID)
}

func isScheduleRef(r pdRef) bool {
	return r.Type == "schedule_reference" || r.Type == "schedule"
}

// teamOfMostUsers is the team whose members make up most of a schedule's users, or -1.
func (im *importer) teamOfMostUsers(b *built, s *pdSchedule) int {
	byEmail, byName := map[string]*user{}, map[string]*user{}
	for _, u := range im.users {
		if u.email != "" {
			byEmail[strings.ToLower(u.email)] = u
		}
		byName[orgs.FoldName(u.name)] = u
		if u.display != "" {
			byName[orgs.FoldName(u.display)] = u
		}
	}
	votes := make([]int, len(b.org.Teams))
	best := -1
	for _, r := range scheduleUsers(s) {
		u := byName[orgs.FoldName(r.label())]
		if full, ok := im.pd.users[r.ID]; ok {
			if e := byEmail[strings.ToLower(full.Email)]; e != nil {
				u = e
			} else if n := byName[orgs.FoldName(full.label())]; n != nil {
				u = n
			}
		}
		if u == nil {
			continue
		}
		for _, m := range distinct(u.memberOf) {
			if ti, ok := b.teamIndex[m.key]; ok {
				votes[ti]++
				if best < 0 || votes[ti] > votes[best] {
					best = ti
				}
			}
		}
	}
	return best
}

// scheduleUsers is the distinct users across a schedule's layers (else its users field).
func scheduleUsers(s *pdSchedule) []pdRef {
	seen := map[string]bool{}
	var out []pdRef
	for _, l := range s.Layers {
		for _, u := range l.Users {
			if k := u.User.ID + "\x00" + u.User.label(); !seen[k] {
				seen[k] = true
				out = append(out, u.User)
			}
		}
	}
	if len(out) == 0 {
		out = append(out, s.Users...)
	}
	return out
}

// applySchedules sets on_call and rotation of each team with a schedule: the one its
// escalation policy's first level targets, else the first that belongs to it.
func (im *importer) applySchedules(b *built, policyOf []*pdPolicy, scheduleByID map[string]*pdSchedule) {
	for ti := range b.org.Teams {
		var s *pdSchedule
		if ep := policyOf[ti]; ep != nil && len(ep.Rules) > 0 {
			s = ownSchedule(ep.Rules[0], scheduleByID, ti)
		}
		if s == nil {
			for _, c := range im.pd.schedules {
				if c.owner == ti {
					s = c
					break
				}
			}
		}
		if s == nil {
			continue
		}
		im.count("schedules").used++
		t := &b.org.Teams[ti]
		oc, diff := nearestPattern(s.week)
		t.OnCall = oc
		b.sources.set("team", ti, "on_call", s.pos)
		if diff > 0 {
			im.warn(s.pos, "schedule %q of team %q: its layers' restrictions differ from %s in %d hours of the week; on_call = %q", s.label(), t.Name, oc, diff, oc)
		}
		zone := s.TimeZone
		if zone == "" {
			zone = "no time zone given"
		}
		note := fmt.Sprintf("on call from PagerDuty schedule %q (%s, %s)", s.label(), zone, s.pos)
		if diff > 0 {
			note += fmt.Sprintf("; on_call %s approximates the schedule (%d hours of the week differ)", oc, diff)
			b.approximated = append(b.approximated, t.Name)
		}
		rotation := len(scheduleUsers(s))
		switch {
		case rotation == 0:
		case rotation > t.Headcount && slices.Contains(b.inferred, t.Name):
			t.Headcount = min(rotation, orgs.MaxHeadcount)
			t.Rotation = t.Headcount
			b.sources.set("team", ti, "headcount", s.pos)
			note += fmt.Sprintf("; headcount %d from the rotation", t.Headcount)
		case rotation > t.Headcount:
			im.warn(s.pos, "schedule %q has %d people and team %q only %d; rotation = %d", s.label(), rotation, t.Name, t.Headcount, t.Headcount)
			t.Rotation = t.Headcount
		default:
			t.Rotation = rotation
		}
		if t.Rotation > 0 {
			b.sources.set("team", ti, "rotation", s.pos)
		}
		b.teamNotes[ti] = append(b.teamNotes[ti], note)
		// a second level paging the team's own schedule again is a secondary on call (rules.md 9)
		if ep := policyOf[ti]; ep != nil && len(ep.Rules) > 1 && ownSchedule(ep.Rules[1], scheduleByID, ti) != nil {
			secondary := true
			t.Secondary = &secondary
			b.sources.set("team", ti, "secondary", ep.pos)
			b.teamNotes[ti] = append(b.teamNotes[ti], fmt.Sprintf("secondary from the second level of PagerDuty escalation policy %q (%s)", ep.label(), ep.pos))
		}
	}
}

// ownSchedule is the first schedule a rule targets that belongs to team ti.
func ownSchedule(rule pdRule, scheduleByID map[string]*pdSchedule, ti int) *pdSchedule {
	for _, tg := range rule.Targets {
		if s := scheduleByID[tg.ID]; s != nil && isScheduleRef(tg) && s.owner == ti {
			return s
		}
	}
	return nil
}

// jsonPos is where the object with this id first stands in a saved response: the decoder
// keeps no positions, and a warning names its place.
func jsonPos(p string, data []byte, id string) Pos {
	if id == "" {
		return Pos{File: p}
	}
	re, err := regexp.Compile(`"id"\s*:\s*` + regexp.QuoteMeta(strconv.Quote(id)))
	if err != nil {
		return Pos{File: p}
	}
	loc := re.FindIndex(data)
	if loc == nil {
		return Pos{File: p}
	}
	line, col := lineCol(data, loc[0]+1)
	return Pos{File: p, Line: line, Col: col}
}
