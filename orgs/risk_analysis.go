package orgs

import (
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// This file puts docs/rules.md section 12 into an analysis: the risk of every service with
// incidents_per_month (simulated on every core, each service on its own seed), the pages
// each rotation's people take, and the organization's figures with their change against
// the baseline. A re-analysis told what an edit touched simulates only the services whose
// verdict it computed again: the others keep their risk, whose inputs it cannot change.

// RiskInputOf is the risk input of service k of o, whose effective run is r, with its
// responders written into buf; ok is false when the service has no incidents_per_month.
func RiskInputOf(o *Org, k int, r *ServiceRun, buf *[maxResponders]RiskResponder) (RiskInput, bool) {
	s := &o.Services[k]
	if s.IncidentsPerMonth == nil {
		return RiskInput{}, false
	}
	in := RiskInput{Name: s.Name, IncidentsPerMonth: *s.IncidentsPerMonth, RestoreHours: s.Restore(),
		WindowDays: s.Window(), Availability: s.Availability, Responders: buf[:0]}
	for _, t := range ResponderTeams(r) {
		if t < 0 {
			break
		}
		team := &o.Teams[t]
		in.Responders = append(in.Responders, RiskResponder{Team: t, Week: Coverage(team.OnCall), AckMinutes: team.Ack()})
	}
	return in, true
}

// ResponderTeams are the indices of the teams on call for a service whose effective run is
// r, in docs/rules.md section 8's order (the backup last), -1 after the last.
func ResponderTeams(r *ServiceRun) [maxResponders]int {
	out := [maxResponders]int{-1, -1, -1}
	n := 0
	add := func(t int) {
		if t >= 0 && n < maxResponders {
			out[n] = t
			n++
		}
	}
	switch r.RunModel {
	case YouRunIt:
		add(r.Team)
	case YouAndSRERunIt:
		add(r.Team)
		add(r.Partner)
	case SRERunIt, OpsRunIt:
		add(r.Partner)
	}
	add(r.BackupTeam)
	return out
}

// RiskToCome reports whether service k of o, whose verdicts are services, has
// incidents_per_month and no risk yet: simulating it is still to be done (an analysis that
// deferred the risk, Analyser.DeferRisk, leaves it to its caller).
func RiskToCome(o *Org, services []ServiceVerdict, k int) bool {
	return services[k].Risk == nil && k < len(o.Services) && o.Services[k].IncidentsPerMonth != nil
}

// HasIncidentRates reports whether some service of o has incidents_per_month: only then has
// the risk of docs/rules.md section 12 anything to show.
func (o *Org) HasIncidentRates() bool {
	return slices.ContainsFunc(o.Services, func(s Service) bool { return s.IncidentsPerMonth != nil })
}

// SimulateServices computes the risk of the services of o whose verdicts in services have
// none yet and that have incidents_per_month, runs windows each, on every core: the pure
// function SimulateRisk per service, so that any subset gives the same figures (those
// simulated lately are recalled, not simulated again; they are shared: never change them).
func SimulateServices(o *Org, services []ServiceVerdict, runs int) {
	var todo []int
	for k := range services {
		if RiskToCome(o, services, k) {
			todo = append(todo, k)
		}
	}
	if len(todo) == 0 {
		return
	}
	risks := make([]*ServiceRisk, len(todo))
	// the workers take the services a block at a time, so that on a machine busy with other
	// work a worker the scheduler holds back does not keep the others waiting at the end
	const block = 32
	var taken atomic.Int64
	work := func() {
		var resp [maxResponders]RiskResponder
		scratch := riskScratch{windows: make([]float64, 0, runs+1)} // one before the first window
		for {
			from := int(taken.Add(block)) - block
			if from >= len(todo) {
				return
			}
			for j := from; j < min(from+block, len(todo)); j++ {
				k := todo[j]
				in, _ := RiskInputOf(o, k, &services[k].ServiceRun, &resp)
				risks[j] = simulateRemembered(&in, runs, &scratch)
			}
		}
	}
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), (len(todo)+block-1)/block) - 1 {
		wg.Go(work)
	}
	work()
	wg.Wait()
	for j, k := range todo {
		services[k].Risk = risks[j]
	}
}

// OrgRisk is the organization's risk (JSON `risk`): {"services_with_rates",
// "likely_breach", "expected_downtime_hours", "max_sleep_pages_per_person", "delta"}.
type OrgRisk struct {
	ServicesWithRates int
	// LikelyBreach names the services with p_breach above one half, in model order.
	LikelyBreach []string
	// ExpectedDowntime sums the expected downtime of the attended services (unrounded).
	ExpectedDowntime float64
	// Unattended names the services with rates that nobody responds to, in model order:
	// left out of ExpectedDowntime by the rules, so every sentence of the sum names them
	// (not in the JSON, whose fields rules.md section 12 fixes).
	Unattended []string
	// MaxSleep is the rotation whose people take the most sleep pages, nil without pages.
	MaxSleep *SleepPages
	// Delta is the change of these figures against the baseline's (JSON `delta`).
	Delta RiskDelta
}

// SleepPages is a rotation's sleep pages per person: JSON {"team", "pages"}.
type SleepPages struct {
	Team  string
	Pages float64
}

// RiskDelta is the change against the baseline: JSON {"likely_breach",
// "expected_downtime_hours", "max_sleep_pages_per_person"}.
type RiskDelta struct {
	LikelyBreach     int
	ExpectedDowntime float64
	MaxSleepPages    float64
}

// maxSleepPages is the worst rotation's sleep pages a person, 0 without pages.
func (r *OrgRisk) maxSleepPages() float64 {
	if r == nil || r.MaxSleep == nil {
		return 0
	}
	return r.MaxSleep.Pages
}

// OrgRiskOf sums the organization's figures from the services' risk (SimulateServices
// filled it in) and writes each rotation's pages a person into staffing; nil when no
// service has incidents_per_month. Delta is left zero (see the analysis).
func OrgRiskOf(o *Org, services []ServiceVerdict, staffing *StaffingVerdict) *OrgRisk {
	perTeam := make([]Pages, len(o.Teams))
	takes := make([]bool, len(o.Teams))
	r := &OrgRisk{LikelyBreach: []string{}}
	for k := range services {
		sr := services[k].Risk
		if sr == nil {
			continue
		}
		r.ServicesWithRates++
		if sr.LikelyBreach() {
			r.LikelyBreach = append(r.LikelyBreach, services[k].Name)
		}
		if sr.Unattended {
			r.Unattended = append(r.Unattended, services[k].Name)
		} else {
			r.ExpectedDowntime += sr.ExpectedDowntime
		}
		teams := ResponderTeams(&services[k].ServiceRun)
		for _, p := range sr.Pages[:sr.NPages] {
			team := teams[p.Responder]
			takes[team] = true
			for c := range p.Pages {
				perTeam[team][c] += p.Pages[c]
			}
		}
	}
	pages := make([]Pages, len(staffing.Rotations))
	for i := range staffing.Rotations {
		rot := &staffing.Rotations[i]
		rot.PagesPerPerson = nil
		if !takes[rot.TeamIndex] {
			continue
		}
		for c := range pages[i] {
			pages[i][c] = perTeam[rot.TeamIndex][c] / float64(rot.Rotation)
		}
		rot.PagesPerPerson = &pages[i]
		if r.MaxSleep == nil || pages[i][PageSleep] > r.MaxSleep.Pages {
			r.MaxSleep = &SleepPages{Team: rot.Team, Pages: pages[i][PageSleep]}
		}
	}
	if r.ServicesWithRates == 0 {
		return nil
	}
	return r
}

// against sets r's change against the baseline's figures base (none when base is nil).
func (r *OrgRisk) against(base *OrgRisk) {
	if r == nil || base == nil {
		return
	}
	r.Delta = RiskDelta{
		LikelyBreach:     len(r.LikelyBreach) - len(base.LikelyBreach),
		ExpectedDowntime: r.ExpectedDowntime - base.ExpectedDowntime,
		MaxSleepPages:    r.maxSleepPages() - base.maxSleepPages(),
	}
}

// riskState is what an Analyser keeps for risk: windows a service, and the baseline's
// figures once computed.
type riskState struct {
	runs     int
	deferred bool
	baseOnce sync.Once
	base     *OrgRisk
}

// DeferRisk makes later analyses leave the simulation to the caller, for a dashboard that
// must not wait for it: a service verdict the analysis made again has no risk (nil: still
// to come, where the service has a rate), one it kept keeps the risk it had. The caller
// simulates the services without one in the background (ServiceRiskOf or SimulateServices,
// on a copy of the model nobody changes), then completes the analysis with
// FinishDeferredRisk: the organization's risk, the rotations' pages and the likely-breach
// advisory, which a deferred analysis does not raise.
func (a *Analyser) DeferRisk() { a.risk.deferred = true }

// BaselineRisk is the baseline's organization figures (nil without rates), for a caller
// that computes the current figures itself (DeferRisk) and their change: see OrgRisk.Against.
func (a *Analyser) BaselineRisk() *OrgRisk { return a.baselineRisk(nil, nil) }

// Against sets r's change against base, the baseline's figures (zero when base is nil).
func (r *OrgRisk) Against(base *OrgRisk) { r.against(base) }

// SetRiskRuns makes every later analysis simulate n windows a service (1 to MaxRiskRuns;
// DefaultRiskRuns otherwise). Call it before the first analysis.
func (a *Analyser) SetRiskRuns(n int) { a.risk.runs = riskRunsOr(n) }

// RiskRuns is the windows a service this analyser simulates.
func (a *Analyser) RiskRuns() int {
	if a.risk.runs == 0 {
		return DefaultRiskRuns
	}
	return a.risk.runs
}

// AnalyseRuns is Analyse with n simulated windows a service (`--runs`).
func AnalyseRuns(baseline, current *Org, n int) *Analysis {
	a := NewAnalyser(baseline)
	a.SetRiskRuns(n)
	return a.Analyse(current)
}

// riskPass adds risk to an: the services' risk (those an incremental pass left without),
// the rotations' pages and the organization's figures against the baseline's.
func (a *Analyser) riskPass(cur *Org, an *Analysis) {
	runs := a.RiskRuns()
	an.RiskRuns = runs
	if a.risk.deferred {
		return
	}
	SimulateServices(cur, an.Services, runs)
	an.Risk = OrgRiskOf(cur, an.Services, &an.Staffing)
	an.Risk.against(a.baselineRisk(cur, an.Risk))
}

// baselineRisk is the baseline's organization figures, computed once; cur and its figures
// are those of the analysis being made, taken as they are when cur is the baseline.
func (a *Analyser) baselineRisk(cur *Org, figures *OrgRisk) *OrgRisk {
	a.risk.baseOnce.Do(func() {
		if cur != nil && cur == a.base {
			if figures != nil {
				c := *figures
				a.risk.base = &c
			}
			return
		}
		// the baseline analysed as a report of it alone would be, by the same path
		b := NewAnalyser(a.base)
		b.SetRiskRuns(a.RiskRuns())
		a.risk.base = b.Analyse(a.base).Risk
	})
	return a.risk.base
}

// ServiceRiskOf is the risk of service k of o, whose effective run is r, over runs windows
// (nil without incidents_per_month): a pure function of the model, safe to call from any
// goroutine on a model nobody changes meanwhile.
func ServiceRiskOf(o *Org, k int, r *ServiceRun, runs int) *ServiceRisk {
	var resp [maxResponders]RiskResponder
	in, ok := RiskInputOf(o, k, r, &resp)
	if !ok {
		return nil
	}
	return simulateRemembered(&in, runs, &riskScratch{})
}

// RiskTouched lists, ascending, the services whose risk an edit that touched what t says can
// change: the services it set, and those whose responders (by their effective runs in
// services, the model after the edit) include a team it set. nil with all true when the
// edit may have changed anything.
func RiskTouched(services []ServiceVerdict, t Touched) (ks []int, all bool) {
	if t.All {
		return nil, true
	}
	teams := map[int]bool{}
	for _, i := range t.Teams {
		teams[i] = true
	}
	set := map[int]bool{}
	for _, k := range t.Services {
		set[k] = true
	}
	for k := range services {
		if set[k] {
			ks = append(ks, k)
			continue
		}
		for _, i := range ResponderTeams(&services[k].ServiceRun) {
			if i >= 0 && teams[i] {
				ks = append(ks, k)
				break
			}
		}
	}
	return ks, false
}
