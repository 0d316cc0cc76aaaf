package orgs

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"math/bits"
	"strconv"
	"strings"
	"unicode/utf8"
)

// This file is docs/rules.md section 8: for each service its monthly error budget in hours, the
// teams on call for it (its responders), the union of their coverage on the week grid, the
// longest stretch nobody covers, its status, and the three service advisories.

// HoursPerWeek is the length of the week grid on-call coverage is drawn on.
const HoursPerWeek = 168

// Week is on-call coverage on a 168-hour week starting Monday 00:00, one bit an hour
// (bit h of the week is hour h: 0 is Monday 00:00-01:00, 167 Sunday 23:00-24:00).
type Week [3]uint64

// Coverage is the week an on_call value covers: 8x5 Monday to Friday 09:00-17:00, 8x7 every
// day 09:00-17:00, 24x5 Monday 00:00 to Saturday 00:00, 24x7 all, none nothing.
func Coverage(c OnCall) Week {
	switch c {
	case OnCall8x5:
		return weekOf(5, 9, 17)
	case OnCall8x7:
		return weekOf(7, 9, 17)
	case OnCall24x5:
		return weekOf(5, 0, 24)
	case OnCall24x7:
		return weekOf(7, 0, 24)
	}
	return Week{}
}

// weekOf covers the hours from..to of the first days days of the week.
func weekOf(days, from, to int) Week {
	var w Week
	for d := range days {
		for h := from; h < to; h++ {
			w.set(d*24 + h)
		}
	}
	return w
}

func (w *Week) set(h int)          { w[h/64] |= 1 << (h % 64) }
func (w *Week) covered(h int) bool { return w[h/64]&(1<<(h%64)) != 0 }

// Union is the hours either w or v covers.
func (w Week) Union(v Week) Week { return Week{w[0] | v[0], w[1] | v[1], w[2] | v[2]} }

// Intersect is the hours both w and v cover.
func (w Week) Intersect(v Week) Week { return Week{w[0] & v[0], w[1] & v[1], w[2] & v[2]} }

// Hours is how many hours of the week are covered.
func (w Week) Hours() int {
	return bits.OnesCount64(w[0]) + bits.OnesCount64(w[1]) + bits.OnesCount64(w[2])
}

// LongestUncovered is the longest run of uncovered hours, counted around the end of the
// week (Sunday night runs on into Monday morning): 168 when nothing is covered, 0 when all is.
func (w Week) LongestUncovered() int {
	if w.Hours() == 0 {
		return HoursPerWeek
	}
	longest, run := 0, 0
	// two laps, so that a stretch across the week's end is counted whole
	for h := range 2 * HoursPerWeek {
		if w.covered(h % HoursPerWeek) {
			run = 0
			continue
		}
		run++
		longest = max(longest, run)
	}
	return min(longest, HoursPerWeek)
}

// CoveredHours is how many hours a week an on_call value covers: 8x5 40, 8x7 56, 24x5 120,
// 24x7 168, none 0.
func CoveredHours(c OnCall) int { return coveredHours[onCallCode(c)] }

// onCallCode numbers the on_call values in AllOnCalls order (none, and anything unknown, 0).
func onCallCode(c OnCall) int {
	switch c {
	case OnCall8x5:
		return 1
	case OnCall8x7:
		return 2
	case OnCall24x5:
		return 3
	case OnCall24x7:
		return 4
	}
	return 0
}

// The week arithmetic of every set of on_call values, made once: bit k of the set is the
// on_call value with code k. A service has at most two responders, so few sets occur, but
// each of the 32 costs next to nothing.
var (
	coveredHours  [5]int
	longestOfSets [32]int
)

func init() {
	for k, c := range AllOnCalls {
		coveredHours[k] = Coverage(c).Hours()
	}
	for set := range longestOfSets {
		var w Week
		for k, c := range AllOnCalls {
			if set&(1<<k) != 0 {
				w = w.Union(Coverage(c))
			}
		}
		longestOfSets[set] = w.LongestUncovered()
	}
}

// LongestUncoveredOf is the longest uncovered stretch of the union of the given on_call
// values (168 for none at all).
func LongestUncoveredOf(calls ...OnCall) int {
	set := 0
	for _, c := range calls {
		set |= 1 << onCallCode(c)
	}
	return longestOfSets[set]
}

// ErrorBudgetHours is the error budget of an availability target in percent over an SLO
// window of windowDays days: (1 - availability/100) x 24 x windowDays hours, unrounded (the
// JSON rounds it to 2 decimals). docs/rules.md section 8 (v3): the SLO's window, 30 days
// (720 hours) unless the service says.
func ErrorBudgetHours(availability float64, windowDays int) float64 {
	return (1 - availability/100) * 24 * float64(windowDays)
}

// BudgetWords writes an error budget as screens and reports show it: in minutes under an
// hour ("4.3 min", a four-nines service over 30 days), else in hours ("3.6 h").
func BudgetWords(hours float64) string {
	if hours < 1 {
		return strconv.FormatFloat(math.Round(hours*600)/10, 'f', -1, 64) + " min"
	}
	return strconv.FormatFloat(math.Round(hours*10)/10, 'f', -1, 64) + " h"
}

// Service statuses, as the dashboard and the JSON give them.
const (
	StatusNoTarget       = "no target"
	StatusOK             = "ok"
	StatusGap            = "gap"
	StatusOverBudget     = "over budget"
	StatusGapOverBudget  = "gap, over budget"
	highTargetThreshold  = 99.9
	advisedResponseLimit = 6 // names listed in an advisory's message before "and N more"
)

// ServiceVerdict is what docs/rules.md sections 1 and 8 say about one service: one entry of the
// JSON `services`, {"name", "team", "run_model", "topology", "run_with", "exception",
// "availability", "error_budget_used", "error_budget_hours", "responders",
// "longest_uncovered_hours", "status"}, nulls where absent.
type ServiceVerdict struct {
	Name string
	// Team is the team that builds it, spelled as that team's name.
	Team string
	ServiceRun
	Availability    *float64
	ErrorBudgetUsed *float64
	// BudgetHours is the unrounded error budget over the SLO window; meaningful only with a
	// target. BudgetWords writes it for a screen (minutes under an hour).
	BudgetHours float64
	// WindowDays is the SLO window the budget is counted over (docs/rules.md section 8).
	WindowDays int
	// Responders are the teams on call for it by its effective run model, the dev team first.
	Responders []string
	// LongestUncovered is the longest stretch, in hours, that no responder covers.
	LongestUncovered int
	Status           string
	// Gap: it has a target and LongestUncovered exceeds its monthly error budget
	// (coverage-gap). OverBudget: error_budget_used > 1. HighTargetOpsRun: a target of
	// 99.9 or more, run by ops or by nobody. SRERunOverBudget: run by SRE and over budget.
	Gap, OverBudget, HighTargetOpsRun, SRERunOverBudget bool
	// Risk is its risk (docs/rules.md section 12), nil without incidents_per_month.
	Risk *ServiceRisk
}

// ErrorBudgetHours is the monthly error budget rounded to 2 decimals, nil without a target.
func (v *ServiceVerdict) ErrorBudgetHours() *float64 {
	if v.Availability == nil {
		return nil
	}
	h := rnd2(v.BudgetHours)
	return &h
}

// MarshalJSON writes the service in docs/format.md's key order, with nulls where absent:
// the object the report writes (appendIndented), compacted.
func (v ServiceVerdict) MarshalJSON() ([]byte, error) {
	var out bytes.Buffer
	err := json.Compact(&out, v.appendIndented(make([]byte, 0, 512), ""))
	return out.Bytes(), err
}

// appendJSONNumber appends *f as encoding/json writes a float64, or null for nil.
func appendJSONNumber(b []byte, f *float64) []byte {
	if f == nil {
		return append(b, "null"...)
	}
	return appendJSONFloat(b, *f)
}

// appendJSONString appends s as a JSON string the way encoding/json escapes it: quotes,
// backslashes and control characters, <, > and & (HTML-safe), U+2028 and U+2029, and
// invalid UTF-8 as U+FFFD.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// ServicesVerdict is every service verdict of one model: each service's run and
// reliability, the service mix, the service advisories and the measured example KPI.
type ServicesVerdict struct {
	// Services is the JSON `services`, in model order ([] when there is none).
	Services []ServiceVerdict
	// Runs are the effective runs in model order, for ServiceTransitions.
	Runs []ServiceRun
	// Mix is the JSON `service_mix` (nil without services).
	Mix *ServiceMix
	// Advice holds the advisories coverage-gap, high-target-ops-run and
	// sre-run-over-budget that are raised, in that order.
	Advice []Advisory
	// ErrorBudgetKPI measures "90% of supported services are within error budgets".
	ErrorBudgetKPI KPIMeasure

	// marks are, per service, what the summaries count, packed small so that they scan
	// 20,000 services in microseconds.
	marks []serviceMark
	// seen stamps team indices while an advisory lists its teams (stamp is this pass's).
	seen  []uint32
	stamp uint32
}

// serviceMark is what the summaries need of one service: its run model's position in
// SpectrumOrder, its topology, and its flags.
type serviceMark struct{ model, topology, flags uint8 }

// Flags of a serviceMark.
const (
	markGap       = 1 << iota // coverage-gap
	markHigh                  // high-target-ops-run
	markSREOver               // sre-run-over-budget
	markSupported             // supported by SRE and carries error_budget_used
	markWithin                // ... which is at most 1
	markOver                  // its error budget is used up (a problem, no advisory)
)

// problemFlags are the marks of a service with a problem (ServiceVerdict.Problem).
const problemFlags = markGap | markHigh | markSREOver | markOver

// Problem reports whether the service has something to act on: a coverage gap, an error
// budget used up, a high target run by ops or nobody, or SRE running it over budget.
func (v *ServiceVerdict) Problem() bool {
	return v.Gap || v.OverBudget || v.HighTargetOpsRun || v.SRERunOverBudget
}

// Problems is the number of services with a problem: counted from the packed marks, so
// that a dashboard redrawn after every keystroke does not read 20,000 verdicts for it.
func (v *ServicesVerdict) Problems() int {
	if v == nil {
		return 0
	}
	n := 0
	for _, m := range v.marks {
		if m.flags&problemFlags != 0 {
			n++
		}
	}
	return n
}

// AnalyseServices is docs/rules.md sections 1, 6 and 8 for the services of o; lk indexes o's
// teams (nil builds one). Linear in teams and services.
func AnalyseServices(o *Org, lk *TeamLookup) *ServicesVerdict {
	if lk == nil {
		lk = NewTeamLookup(o.Teams)
	}
	return analyseServicesWith(o, ServiceRuns(o, lk))
}

// analyseServicesWith is AnalyseServices for o's services whose effective runs are runs
// (which the verdict keeps).
func analyseServicesWith(o *Org, runs []ServiceRun) *ServicesVerdict {
	v := &ServicesVerdict{Services: make([]ServiceVerdict, len(o.Services)), Runs: runs, marks: make([]serviceMark, len(o.Services))}
	// the responders of every service share one backing array: at most three each
	responders := make([]string, 3*len(o.Services))
	for i := range o.Services {
		v.fill(o, i, responders[3*i:3*i:3*i+3])
	}
	v.summarize(o)
	return v
}

// fill computes the verdict of service i from its effective run v.Runs[i], writing its
// responders into buf (room for three: the dev team, the partner, the backup last).
func (v *ServicesVerdict) fill(o *Org, i int, buf []string) {
	s := &o.Services[i]
	sv := &v.Services[i]
	*sv = ServiceVerdict{Name: s.Name, Team: s.Team, ServiceRun: v.Runs[i], Availability: s.Availability, ErrorBudgetUsed: s.ErrorBudgetUsed, WindowDays: s.Window()}
	if sv.ServiceRun.Team >= 0 {
		sv.Team = o.Teams[sv.ServiceRun.Team].Name
	}
	set := 0
	// the responders in section 8's order, the one list the risk simulation reads too
	for _, t := range ResponderTeams(&sv.ServiceRun) {
		if t < 0 {
			break
		}
		buf = append(buf, o.Teams[t].Name)
		set |= 1 << onCallCode(o.Teams[t].OnCall)
	}
	if len(buf) > 0 {
		sv.Responders = buf
	}
	// no responder at all: nothing is covered (set 0 is the empty union)
	sv.LongestUncovered = longestOfSets[set]
	sv.OverBudget = s.ErrorBudgetUsed != nil && *s.ErrorBudgetUsed > 1
	sv.SRERunOverBudget = sv.OverBudget && sv.RunModel == SRERunIt
	if s.Availability != nil {
		sv.BudgetHours = ErrorBudgetHours(*s.Availability, sv.WindowDays)
		sv.Gap = float64(sv.LongestUncovered) > sv.BudgetHours
		sv.HighTargetOpsRun = *s.Availability >= highTargetThreshold && (sv.RunModel == OpsRunIt || sv.RunModel == Unorganized)
	}
	sv.Status = serviceStatus(s.Availability != nil, sv.Gap, sv.OverBudget)
	m := serviceMark{model: uint8(spectrumIndex(sv.RunModel)), topology: uint8(sv.Topology)}
	if sv.Gap {
		m.flags |= markGap
	}
	if sv.HighTargetOpsRun {
		m.flags |= markHigh
	}
	if sv.SRERunOverBudget {
		m.flags |= markSREOver
	}
	if sv.OverBudget {
		m.flags |= markOver
	}
	if (sv.RunModel == YouAndSRERunIt || sv.RunModel == SRERunIt) && s.ErrorBudgetUsed != nil {
		m.flags |= markSupported
		if *s.ErrorBudgetUsed <= 1 {
			m.flags |= markWithin
		}
	}
	v.marks[i] = m
}

// spectrumIndex is m's position in SpectrumOrder (unorganized, 4, for anything else).
func spectrumIndex(m RunModel) int {
	switch m {
	case YouRunIt:
		return 0
	case YouAndSRERunIt:
		return 1
	case SRERunIt:
		return 2
	case OpsRunIt:
		return 3
	}
	return 4
}

// summarize computes what depends on every service: the mix, the advisories and the KPI.
func (v *ServicesVerdict) summarize(o *Org) {
	var models [5]int
	var topos [10]int
	var flags [8]int
	var flagged [3][]int32
	for k, m := range v.marks {
		models[m.model]++
		topos[m.topology]++
		for f := range 5 {
			flags[f] += int(m.flags >> f & 1)
		}
		for f := range 3 {
			if m.flags>>f&1 != 0 {
				flagged[f] = append(flagged[f], int32(k))
			}
		}
	}
	v.Mix = mixOf(models, topos, len(v.marks))
	v.ErrorBudgetKPI = errorBudgetKPI(flags[4], flags[3]) // within, supported
	v.Advice = v.advice(o, &flagged, nil)
}

// serviceStatus is a service's status: "gap" needs a target; "over budget" is told with or
// without one (a service may report budget use before its target is written down).
func serviceStatus(hasTarget, gap, over bool) string {
	switch {
	case gap && over:
		return StatusGapOverBudget
	case gap:
		return StatusGap
	case over:
		return StatusOverBudget
	case !hasTarget:
		return StatusNoTarget
	}
	return StatusOK
}

// advice raises coverage-gap, high-target-ops-run and sre-run-over-budget, in that order,
// each naming its services and the teams that build them; flagged[f] lists, ascending, the
// services that carry flag 1<<f.
// kept, when the caller keeps them, are the flagged services' names and every service's
// team index, read instead of the service verdicts.
func (v *ServicesVerdict) advice(o *Org, flagged *[3][]int32, kept *adviceLists) []Advisory {
	out := []Advisory{}
	if len(v.seen) != len(o.Teams) {
		v.seen = make([]uint32, len(o.Teams))
	} else {
		clear(v.seen)
	}
	v.stamp = 0
	raise := func(code string, f int, detail func(*ServiceVerdict) string, format string) {
		list := flagged[f]
		n := len(list)
		if n == 0 {
			return
		}
		v.stamp++
		names := make([]string, 0, n)
		teams := make([]string, 0, min(n, len(o.Teams)))
		var details []string
		if kept != nil {
			names = append(names, kept.names[f]...)
			for _, i := range list {
				// by team index, listing each team once as the team spells its name
				if t := kept.teamOf[i]; t < 0 || v.seen[t] != v.stamp {
					name := v.Services[i].Team
					if t >= 0 {
						v.seen[t] = v.stamp
						name = o.Teams[t].Name
					}
					teams = append(teams, name)
				}
			}
			for _, i := range list[:min(n, advisedResponseLimit)] {
				details = append(details, detail(&v.Services[i]))
			}
			list = nil
		}
		for _, i := range list {
			sv := &v.Services[i]
			names = append(names, sv.Name)
			if len(details) < advisedResponseLimit {
				details = append(details, detail(sv))
			}
			// by team index, listing each team once as the team spells its name
			if t := sv.ServiceRun.Team; t < 0 || v.seen[t] != v.stamp {
				if t >= 0 {
					v.seen[t] = v.stamp
				}
				teams = append(teams, sv.Team)
			}
		}
		text := strings.Join(details, "; ")
		if rest := len(names) - len(details); rest > 0 {
			text += fmt.Sprintf(" and %d more", rest)
		}
		out = append(out, Advisory{Code: code, Severity: Warning, Message: fmt.Sprintf(format, text), Teams: teams, Services: names})
	}
	raise("coverage-gap", 0,
		func(v *ServiceVerdict) string {
			return fmt.Sprintf("%q (target %s%%, budget %s in %d days, %d h uncovered)", v.Name, formatNumber(*v.Availability), BudgetWords(v.BudgetHours), v.WindowDays, v.LongestUncovered)
		},
		"Nobody is on call for longer than the error budget of the SLO window: %s. One incident at the start of the gap could spend the window's budget before anyone responds.")
	raise("high-target-ops-run", 1,
		func(v *ServiceVerdict) string {
			return fmt.Sprintf("%q (target %s%%, %s)", v.Name, formatNumber(*v.Availability), v.RunModel.Short())
		},
		"High availability targets without developers or SRE on call: %s. The talk pairs ops run it with lower targets and demand.")
	raise("sre-run-over-budget", 2,
		func(v *ServiceVerdict) string {
			return fmt.Sprintf("%q (%s%% of its error budget used, run by %q)", v.Name, formatNumber(rnd2(*v.ErrorBudgetUsed*100)), v.RunWith)
		},
		"Run by SRE and over the error budget: %s. The error budget policy hands the pager back to the developers until the service is within budget again.")
	return out
}

// adviceLists are what an analysis keeps to write the service advisories again: per flag
// the names of the services that carry it (in the order of their indices), and per service
// the index of its team (-1 for none).
type adviceLists struct {
	names  [3][]string
	teamOf []int32
}

// formatNumber writes a number as people read it: no trailing zeros ("99.9", "0.72", "64").
func formatNumber(x float64) string {
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.4f", x), "0"), ".")
}
