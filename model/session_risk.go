package model

import (
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/sretopo/sretopo/orgs"
)

// The risk of rules.md section 12 is simulated off the update loop: the Session analyses
// with orgs.Analyser.DeferRisk, so an edit's analysis leaves the services it made again
// without risk ("…" on the panels), and riskCmd simulates just those in the background.
// Their results come back as a riskDoneMsg tagged with the analysis they are for; one that
// an edit has overtaken is dropped, the next one being on its way.

// riskDoneMsg is the risk of the services ks (risks, in the same order) of the analysis
// with riskVersion version.
type riskDoneMsg struct {
	version uint64
	ks      []int
	risks   []*orgs.ServiceRisk
}

// analysisCount numbers the analyses of every session, so that a result for a session
// closed since (another file opened) is never taken for the new one's.
var analysisCount atomic.Uint64

// manyRisks is how many services to simulate at which the background works on a copy of
// the model through orgs.SimulateServices (every core, and the risks simulated lately
// recalled) rather than on inputs taken one by one.
const manyRisks = 512

// riskTodo lists the services of the current analysis with a rate and no risk yet.
func (s *Session) riskTodo() []int {
	var ks []int
	for k := range s.an.Services {
		if orgs.RiskToCome(s.cur, s.an.Services, k) {
			ks = append(ks, k)
		}
	}
	return ks
}

// afterAnalysis starts the risk of a new analysis: a new version, and, when no service
// waits for its risk, the organization's figures at once.
func (s *Session) afterAnalysis() {
	s.riskVersion = analysisCount.Add(1)
	s.riskWaiting = s.riskTodo()
	if len(s.riskWaiting) == 0 {
		s.finishRisk()
	}
}

// riskCmd simulates the services waiting for their risk in the background; nil when none
// waits or they are being simulated already.
func (s *Session) riskCmd() tea.Cmd {
	if len(s.riskWaiting) == 0 || s.riskAsked == s.riskVersion {
		return nil
	}
	s.riskAsked = s.riskVersion
	version, ks, runs := s.riskVersion, slices.Clone(s.riskWaiting), s.analyser.RiskRuns()
	if len(ks) >= manyRisks {
		// a copy nobody changes, and the effective runs as they are now
		org := s.cur.Clone()
		verdicts := make([]orgs.ServiceVerdict, len(org.Services))
		for k := range verdicts {
			verdicts[k].Risk = &orgs.ServiceRisk{} // not asked: skipped
		}
		for _, k := range ks {
			verdicts[k].ServiceRun, verdicts[k].Risk = s.an.Services[k].ServiceRun, nil
		}
		return func() tea.Msg {
			orgs.SimulateServices(org, verdicts, runs)
			msg := riskDoneMsg{version: version, ks: ks, risks: make([]*orgs.ServiceRisk, len(ks))}
			for j, k := range ks {
				msg.risks[j] = verdicts[k].Risk
			}
			return msg
		}
	}
	inputs := make([]orgs.RiskInput, len(ks))
	for j, k := range ks {
		var buf [3]orgs.RiskResponder
		inputs[j], _ = orgs.RiskInputOf(s.cur, k, &s.an.Services[k].ServiceRun, &buf)
		if a := inputs[j].Availability; a != nil {
			target := *a // the model's own may change with the next edit
			inputs[j].Availability = &target
		}
		inputs[j].Responders = slices.Clone(inputs[j].Responders)
	}
	return func() tea.Msg {
		return riskDoneMsg{version: version, ks: ks, risks: simulateInputs(inputs, runs)}
	}
}

// simulateInputs is the risk of every input over runs windows, on every core.
func simulateInputs(inputs []orgs.RiskInput, runs int) []*orgs.ServiceRisk {
	out := make([]*orgs.ServiceRisk, len(inputs))
	work := func(from, to int) {
		buf := make([]float64, 0, runs)
		for j := from; j < to; j++ {
			r := orgs.SimulateRisk(&inputs[j], runs, buf)
			out[j] = &r
		}
	}
	workers := min(runtime.GOMAXPROCS(0), len(inputs))
	if workers <= 1 {
		work(0, len(inputs))
		return out
	}
	var wg sync.WaitGroup
	size := (len(inputs) + workers - 1) / workers
	for from := 0; from < len(inputs); from += size {
		wg.Go(func() { work(from, min(from+size, len(inputs))) })
	}
	wg.Wait()
	return out
}

// riskDone takes the risk of msg into the analysis it was simulated for, and reports
// whether it did (false for a stale result: an edit came since).
func (s *Session) riskDone(msg riskDoneMsg) bool {
	if msg.version != s.riskVersion {
		return false
	}
	if s.anShared {
		// what has the analysis may still read it: the risk goes into a copy
		an := *s.an
		an.Services = slices.Clone(an.Services)
		an.Staffing.Rotations = slices.Clone(an.Staffing.Rotations)
		s.an, s.anShared = &an, false
	}
	for j, k := range msg.ks {
		s.an.Services[k].Risk = msg.risks[j]
	}
	s.riskWaiting = nil
	s.finishRisk()
	return true
}

// finishRisk sets the organization's figures of the current analysis from its services'
// risk, and what changed against the baseline.
func (s *Session) finishRisk() {
	orgs.FinishDeferredRisk(s.cur, s.an, s.analyser.BaselineRisk())
	s.changes = orgs.ChangesBetween(s.baseAn, s.an)
}

// riskComplete is what a command off the update loop (a report, a comparison) needs to
// give the analysis an of cur with every service's risk: it returns an itself when no
// service waits, else a copy with the rest simulated. cur must be a copy nobody changes.
func (s *Session) riskComplete() func(cur *orgs.Org, an *orgs.Analysis) *orgs.Analysis {
	base, runs := s.analyser.BaselineRisk(), s.analyser.RiskRuns()
	return func(cur *orgs.Org, an *orgs.Analysis) *orgs.Analysis {
		waits := false
		for k := range an.Services {
			if waits = orgs.RiskToCome(cur, an.Services, k); waits {
				break
			}
		}
		if !waits {
			return an
		}
		c := *an
		c.Services = slices.Clone(an.Services)
		c.Staffing.Rotations = slices.Clone(an.Staffing.Rotations)
		orgs.SimulateServices(cur, c.Services, runs)
		orgs.FinishDeferredRisk(cur, &c, base)
		return &c
	}
}
