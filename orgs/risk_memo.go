package orgs

import "sync"

// A service's risk is a pure function of its inputs, and the same services come back again
// and again: in every option `compare` reads, every stage of a plan, every analysis the
// dashboard makes after an edit that renames or adds a team (a full one), every step of a
// test. The risk of each input simulated lately is therefore kept, and an analysis simulates
// only what it has not seen. The figures kept are never changed once made, so analyses may
// share them.

// riskKey is every input of SimulateRisk, and the windows simulated.
type riskKey struct {
	name                  string
	rate, restore, target float64
	hasTarget             bool
	window, runs          int
	responders            int
	resp                  [maxResponders]RiskResponder
}

// riskMemoLimit bounds the memo: past it, it starts again empty (a few tens of megabytes).
const riskMemoLimit = 1 << 16

var riskMemo = struct {
	sync.Mutex
	m map[riskKey]*ServiceRisk
}{m: map[riskKey]*ServiceRisk{}}

// keyOf is in's key for runs windows.
func keyOf(in *RiskInput, runs int) riskKey {
	k := riskKey{name: in.Name, rate: in.IncidentsPerMonth, restore: in.RestoreHours, window: in.WindowDays,
		runs: runs, responders: len(in.Responders)}
	if in.Availability != nil {
		k.target, k.hasTarget = *in.Availability, true
	}
	// the figures depend on the responders' hours and acknowledgement, not on which teams
	// they are (pages name responders by their place)
	for i := range in.Responders {
		k.resp[i] = RiskResponder{Week: in.Responders[i].Week, AckMinutes: in.Responders[i].AckMinutes}
	}
	return k
}

// recalled is the risk of the input with key k simulated lately, or nil.
func recalled(k *riskKey) *ServiceRisk {
	riskMemo.Lock()
	defer riskMemo.Unlock()
	return riskMemo.m[*k]
}

// remember keeps r as the risk of the input with key k.
func remember(k *riskKey, r *ServiceRisk) {
	riskMemo.Lock()
	defer riskMemo.Unlock()
	if len(riskMemo.m) >= riskMemoLimit {
		riskMemo.m = make(map[riskKey]*ServiceRisk, riskMemoLimit/4)
	}
	riskMemo.m[*k] = r
}

// forgetRisks empties the memo (a benchmark of a first analysis starts from nothing).
func forgetRisks() {
	riskMemo.Lock()
	riskMemo.m = map[riskKey]*ServiceRisk{}
	riskMemo.Unlock()
}

// simulateRemembered is SimulateRisk through the memo; the result must not be changed.
func simulateRemembered(in *RiskInput, runs int, s *riskScratch) *ServiceRisk {
	k := keyOf(in, runs)
	if r := recalled(&k); r != nil {
		return r
	}
	r := simulateRisk(in, runs, s)
	remember(&k, &r)
	return &r
}
