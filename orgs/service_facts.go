package orgs

// This file gathers what the organization-level rules need to know of services, so that
// the analysis reads it in one pass instead of walking services itself: purity (docs/rules.md
// section 1), funding of sre-infra teams (section 3), which SRE teams services name and the
// dev teams that share on call with them through a service (sections 5 and 10), services
// that run as none or by ops (section 10), and each team's services and exceptions for the
// team cards of the dashboard.

// ServiceFacts are the organization-level facts of a model's services.
type ServiceFacts struct {
	// Topologies has bit n set when some service is in topology n (1-9), and bit 0 when
	// some service is ops-run-it or unorganized. A model is pure only when every dev team
	// and every service shares one topology 1-9: Topologies must then be that bit alone.
	Topologies uint16
	// CAPEXModel: some service's effective model is you-run-it, you-and-sre-run-it or
	// sre-run-it, which makes sre-infra teams CAPEX and calls for one (no-sre-infra).
	CAPEXModel bool
	// Unorganized and OpsRun are the indices of the services whose effective run is none,
	// or ops, in model order (advisories unorganized and ops-run-it name them).
	Unorganized, OpsRun []int
	// Serves lists, per team index, the services whose own override names that team with
	// run you-and-sre or sre: an SRE team named so serves (is not idle) and weighs toward
	// the identity of its org.
	Serves [][]int
	// SharesWith lists, per team index, the dev teams (indices, each once, in order of
	// first appearance) that share on call with that SRE team through a service's own
	// run = you-and-sre. Together with the dev teams that do so through their own run,
	// counted once, they decide sre-team-undersized.
	SharesWith [][]int
	// PerTeam counts, per team index, the services the team builds and how many of them
	// are exceptions (for a team card: "3 services, 1 exception").
	PerTeam []TeamServices
}

// TeamServices counts a team's services and the exceptions among them.
type TeamServices struct {
	Services, Exceptions int
}

// FactsOf is the ServiceFacts of o, whose effective service runs are runs (ServiceRuns).
func FactsOf(o *Org, runs []ServiceRun) ServiceFacts {
	f := ServiceFacts{
		Serves:     make([][]int, len(o.Teams)),
		SharesWith: make([][]int, len(o.Teams)),
		PerTeam:    make([]TeamServices, len(o.Teams)),
	}
	var shared map[[2]int]bool // SRE team and dev team pairs listed already
	for k := range runs {
		r := &runs[k]
		f.Topologies |= 1 << r.Topology
		switch r.RunModel {
		case YouRunIt, YouAndSRERunIt, SRERunIt:
			f.CAPEXModel = true
		case OpsRunIt:
			f.OpsRun = append(f.OpsRun, k)
		case Unorganized:
			f.Unorganized = append(f.Unorganized, k)
		}
		if r.Team >= 0 {
			f.PerTeam[r.Team].Services++
			if r.Exception {
				f.PerTeam[r.Team].Exceptions++
			}
		}
		if r.BackupTeam >= 0 {
			f.Serves[r.BackupTeam] = append(f.Serves[r.BackupTeam], k) // a backup serves (rules.md 1, v3)
		}
		if !r.Own || r.Partner < 0 || (r.Run != RunYouAndSRE && r.Run != RunSRE) {
			continue
		}
		f.Serves[r.Partner] = append(f.Serves[r.Partner], k)
		if r.Run == RunYouAndSRE && r.Team >= 0 {
			if shared == nil {
				shared = map[[2]int]bool{}
			}
			if pair := [2]int{r.Partner, r.Team}; !shared[pair] {
				shared[pair] = true
				f.SharesWith[r.Partner] = append(f.SharesWith[r.Partner], r.Team)
			}
		}
	}
	return f
}

// PureTopology reports whether the services all sit in topology n (1-9): true when there is
// no service at all.
func (f *ServiceFacts) PureTopology(n int) bool {
	return f.Topologies == 0 || f.Topologies == 1<<n
}
