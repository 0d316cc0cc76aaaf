package orgs

import (
	"hash/fnv"
	"math"
)

// This file is docs/rules.md section 12 for one service: how likely its placement is to
// spend its error budget, and whom its incidents wake. Each service's figures are a pure
// function of a RiskInput (its rates, its target and window, and its responders' coverage
// and acknowledgement times), seeded by its own name, so that a caller may compute any
// subset of services, in any order, on any goroutine, and get the same figures: the
// dashboard re-simulates only the services an edit touches, in the background, and sums
// the organization's figures again from the per-service results (OrgRiskOf).

// DefaultRiskRuns is the number of simulated SLO windows a service (`--runs`).
const DefaultRiskRuns = 2000

// MaxRiskRuns is the most windows `--runs` may ask for.
const MaxRiskRuns = 100000

// DefaultRestoreHours is the hands-on time to restore a service that sets none.
const DefaultRestoreHours = 1.0

// Restore is s's hands-on time to restore once engaged, in hours.
func (s *Service) Restore() float64 {
	return valueOr(s.RestoreHours, DefaultRestoreHours)
}

// maxResponders is the most responders a service has: its dev team, its partner, its backup.
const maxResponders = 3

// RiskResponder is one responder of a service as the risk reads it: the team (its index
// in the model), the hours it covers and its minutes to engage once paged.
type RiskResponder struct {
	Team       int
	Week       Week
	AckMinutes int64
}

// RiskInput is everything one service's risk depends on (docs/rules.md section 12).
type RiskInput struct {
	// Name seeds the simulation (by its folded form), with WindowDays.
	Name              string
	IncidentsPerMonth float64
	RestoreHours      float64
	WindowDays        int
	// Availability is the target in percent, nil without one.
	Availability *float64
	// Responders in section 8's order, the backup last (at most three).
	Responders []RiskResponder
}

// PageClass is when a page arrives: business hours, off hours or sleep hours.
type PageClass uint8

// Page classes: Monday to Friday 09:00-17:00, 22:00-07:00 any day, and the rest.
const (
	PageBusiness PageClass = iota
	PageOff
	PageSleep
)

// PageClassOf is the class of hour h of the week (0 is Monday 00:00-01:00).
func PageClassOf(h int) PageClass {
	day, hour := h/24, h%24
	switch {
	case hour >= 22 || hour < 7:
		return PageSleep
	case day < 5 && hour >= 9 && hour < 17:
		return PageBusiness
	}
	return PageOff
}

// Pages are expected pages in 30 days by class: JSON {"business", "off", "sleep"}.
type Pages [3]float64

// ServicePages is what one service's incidents page one responder: its place in the
// service's responders (ResponderTeams) and the expected pages in 30 days by class.
type ServicePages struct {
	Responder int
	Pages     Pages
}

// ServiceRisk is the risk of one service (JSON `services[].risk`). The figures are
// unrounded; the JSON rounds them.
type ServiceRisk struct {
	ExpectedIncidents float64
	// ExpectedDowntime is the exact expected downtime in a window, in hours; meaningless
	// when Unattended (JSON null).
	ExpectedDowntime float64
	// P95Downtime is the nearest-rank 95th percentile of the simulated windows' downtime.
	P95Downtime float64
	// HasTarget says whether PBreach and BudgetBurn apply (the service has a target).
	HasTarget bool
	// PBreach is the chance that a window's downtime exceeds the error budget.
	PBreach float64
	// BudgetHours is the error budget of the service's window (with a target).
	BudgetHours float64
	// Unattended is set when nobody responds to the service's incidents at any hour: each
	// lasts the window (rules.md section 12).
	Unattended bool
	// WindowHours is the length of its SLO window.
	WindowHours float64
	// Runs is the number of simulated windows.
	Runs int
	// Pages are the pages of its incidents per responder that engages for some hour (at
	// most three; NPages of them).
	Pages  [maxResponders]ServicePages
	NPages int
}

// BudgetBurn is the expected downtime over the error budget; ok false without a target or
// when unattended.
func (r *ServiceRisk) BudgetBurn() (float64, bool) {
	if !r.HasTarget || r.Unattended || r.BudgetHours <= 0 {
		return 0, false
	}
	return r.ExpectedDowntime / r.BudgetHours, true
}

// BudgetWindowDays is the window, in days, the error budget is counted over.
func (r *ServiceRisk) BudgetWindowDays() float64 { return r.WindowHours / 24 }

// LikelyBreach reports whether the service is more likely than not to spend more than its
// error budget in a window (likely-breach).
func (r *ServiceRisk) LikelyBreach() bool { return r != nil && r.HasTarget && r.PBreach > 0.5 }

// engagement is, for each hour of the week, who engages for an incident that starts in it
// and when: the responder (its position in the list, -1 for nobody), the hours until the
// next covered hour (0 when covered), and the class of the hour it engages in.
type engagement struct {
	who   [HoursPerWeek]int8
	wait  [HoursPerWeek]uint8
	class [HoursPerWeek]PageClass
	any   bool
}

// engagementOf lays the responders on the week: the first responder covering an hour takes
// the incidents that start in it; an uncovered hour waits for the next covered one.
func engagementOf(rs []RiskResponder) engagement {
	var e engagement
	var union Week
	for h := range HoursPerWeek {
		e.who[h] = -1
		for k := range rs {
			if rs[k].Week.covered(h) {
				e.who[h] = int8(k)
				break
			}
		}
		if e.who[h] >= 0 {
			union.set(h)
		}
	}
	if union.Hours() == 0 {
		return e
	}
	e.any = true
	// walk back from a covered hour, twice round the week, so that every uncovered hour
	// learns the distance to the next covered one
	next, dist := -1, 0
	for step := 2*HoursPerWeek - 1; step >= 0; step-- {
		h := step % HoursPerWeek
		if e.who[h] >= 0 {
			next, dist = h, 0
			e.class[h] = PageClassOf(h)
			continue
		}
		dist++
		if next >= 0 {
			e.wait[h], e.who[h] = uint8(dist), -1
			e.class[h] = PageClassOf(next)
		}
	}
	return e
}

// engagedBy is the responder that takes incidents starting in hour h.
func (e *engagement) engagedBy(h int) int {
	if w := e.wait[h]; w > 0 {
		return int(e.who[(h+int(w))%HoursPerWeek])
	}
	return int(e.who[h])
}

// RiskSeed is the seed of a service's simulation: the FNV-1a 64-bit hash of its folded
// name, and its window in days.
func RiskSeed(name string, windowDays int) (uint64, uint64) {
	h := fnv.New64a()
	h.Write([]byte(FoldName(name)))
	return h.Sum64(), uint64(windowDays)
}

// SimulateRisk is the risk of one service, simulated over runs windows (docs/rules.md
// section 12); buf, when it has room, is used as scratch space.
func SimulateRisk(in *RiskInput, runs int, buf []float64) ServiceRisk {
	scratch := riskScratch{windows: buf}
	return simulateRisk(in, runs, &scratch)
}

// riskScratch is the memory a worker lends SimulateRisk from one service to the next, so
// that a service costs the collector nothing but its figures.
type riskScratch struct {
	windows    []float64 // the windows, and one before the first
	thresholds []uint64  // the Poisson inversion's thresholds
}

// simulateRisk is SimulateRisk with the scratch memory s, which keeps what it grew.
func simulateRisk(in *RiskInput, runs int, s *riskScratch) ServiceRisk {
	runs = max(1, runs)
	lambda := in.IncidentsPerMonth * float64(in.WindowDays) / 30
	r := ServiceRisk{ExpectedIncidents: lambda, Runs: runs, HasTarget: in.Availability != nil}
	if r.HasTarget {
		r.BudgetHours = ErrorBudgetHours(*in.Availability, in.WindowDays)
	}
	e := engagementOf(in.Responders)
	window := 24 * float64(in.WindowDays)
	r.WindowHours = window
	// downtime of an incident starting at x = h + u: base[h] - slope[h] x u
	var base, slope [HoursPerWeek]float64
	if e.any {
		var perResp [maxResponders]Pages
		sum := 0.0
		for h := range HoursPerWeek {
			k := e.engagedBy(h)
			base[h] = float64(e.wait[h]) + float64(in.Responders[k].AckMinutes)/60 + in.RestoreHours
			if e.wait[h] > 0 {
				slope[h] = 1
			}
			sum += base[h] - slope[h]/2
			perResp[k][e.class[h]] += in.IncidentsPerMonth / HoursPerWeek
		}
		r.ExpectedDowntime = lambda * sum / HoursPerWeek
		for k := range in.Responders {
			if e.takes(k) {
				r.Pages[r.NPages] = ServicePages{Responder: k, Pages: perResp[k]}
				r.NPages++
			}
		}
	} else {
		r.Unattended = true
	}
	s1, s2 := RiskSeed(in.Name, in.WindowDays)
	w := windowSampler{src: newUniforms(s1, s2), poisson: newPoisson(lambda, s.thresholds), window: window, budget: r.BudgetHours}
	s.thresholds = w.poisson.thresholds
	if cap(s.windows) < runs+1 {
		s.windows = make([]float64, 0, runs+1)
	}
	buf := s.windows
	var downtimes []float64
	var tally windowTally
	switch {
	case r.Unattended:
		downtimes, tally = w.unattended(runs, buf)
	case sameEverywhere(&base, &slope):
		downtimes, tally = w.constant(runs, base[0], buf)
	default:
		downtimes, tally = w.summed(runs, &base, &slope, buf)
	}
	r.P95Downtime = percentile95(downtimes, tally.largest)
	if r.HasTarget {
		r.PBreach = float64(tally.breaches) / float64(runs)
		if r.Unattended {
			// exactly the chance of at least one incident (the window is lost at the first)
			r.PBreach = -math.Expm1(-lambda)
			if r.BudgetHours >= window {
				r.PBreach = 0
			}
		}
	}
	return r
}

// takes reports whether responder k engages for some hour of the week.
func (e *engagement) takes(k int) bool {
	for h := range HoursPerWeek {
		if e.engagedBy(h) == k {
			return true
		}
	}
	return false
}

// sameEverywhere reports whether an incident costs the same whenever it starts.
func sameEverywhere(base, slope *[HoursPerWeek]float64) bool {
	for h := range base {
		if base[h] != base[0] || slope[h] != 0 {
			return false
		}
	}
	return true
}
