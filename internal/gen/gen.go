// Package gen generates realistic organizations of any size, deterministically, for the
// benchmarks and tests that need thousands of teams: about three quarters dev teams (most
// running what they build, some sharing on call with or handing over to SRE teams in the
// dev, ops or SRE organization, a few run by ops or by nobody), about one SRE team per eight
// dev teams, a few sre-infra teams, and ops teams for the rest, with services (some run
// otherwise than their team), rotations and KPIs (some measured).
package gen

import (
	"fmt"
	"math/rand/v2"

	"github.com/sretopo/sretopo/orgs"
)

// Org returns an organization of teams teams (at least one) generated from seed. The same
// arguments give the same organization, and the model is the one orgs.Load gives for
// TOML(teams, seed): every default filled in.
func Org(teams int, seed int64) *orgs.Org {
	teams = max(teams, 1)
	rng := rand.New(rand.NewPCG(uint64(seed), 0x5eed_7090))
	perHead := int64(100000)
	o := &orgs.Org{
		Format:      orgs.FormatVersion,
		Name:        fmt.Sprintf("Generated %d teams (seed %d)", teams, seed),
		Description: "A generated organization for benchmarks: teams, run models and services drawn at random.",
		Defaults:    orgs.Defaults{PerHead: &perHead, Currency: "EUR"},
		SREOrg:      orgs.SREOrgSettings{Positioning: orgs.PositionPartner},
	}

	// How many of each kind: 3/4 dev, one SRE team per 8 dev teams, one sre-infra team
	// per 100 teams, ops for the rest; the kinds are then shuffled so that the file
	// interleaves them, as departments do.
	nDev := max(teams*3/4, 1)
	nSRE := min(max(nDev/8, 1), teams-nDev)
	nInfra := min(max(teams/100, 1), teams-nDev-nSRE)
	kinds := make([]orgs.Kind, 0, teams)
	for i := range teams {
		switch {
		case i < nDev:
			kinds = append(kinds, orgs.KindDev)
		case i < nDev+nSRE:
			kinds = append(kinds, orgs.KindSRE)
		case i < nDev+nSRE+nInfra:
			kinds = append(kinds, orgs.KindSREInfra)
		default:
			kinds = append(kinds, orgs.KindOps)
		}
	}
	rng.Shuffle(len(kinds), func(i, j int) { kinds[i], kinds[j] = kinds[j], kinds[i] })

	var sreTeams, opsTeams []string
	o.Teams = make([]orgs.Team, teams)
	for i, k := range kinds {
		t := orgs.Team{Kind: k, Headcount: 3 + rng.IntN(10), OnCall: orgs.OnCallNone}
		switch k {
		case orgs.KindDev:
			t.Name = fmt.Sprintf("%s %04d", pick(rng, devWords), i)
			t.Org = orgs.OrgDev
			t.OnCall = weighted(rng, []orgs.OnCall{orgs.OnCall8x5, orgs.OnCall8x7, orgs.OnCall24x7, orgs.OnCallNone}, 6, 2, 1, 1)
		case orgs.KindSRE:
			t.Name = fmt.Sprintf("%s %04d", pick(rng, sreWords), i)
			t.Org = weighted(rng, orgs.AllOrgs, 3, 2, 5)
			t.OnCall = weighted(rng, []orgs.OnCall{orgs.OnCall24x7, orgs.OnCall24x5, orgs.OnCall8x5}, 5, 3, 2)
			sreTeams = append(sreTeams, t.Name)
		case orgs.KindSREInfra:
			t.Name = fmt.Sprintf("SRE Platform %04d", i)
			t.Org = weighted(rng, []orgs.OrgID{orgs.OrgOps, orgs.OrgSRE}, 1, 1)
			t.OnCall = orgs.OnCall24x5
		case orgs.KindOps:
			t.Name = fmt.Sprintf("%s %04d", pick(rng, opsWords), i)
			t.Org = orgs.OrgOps
			t.OnCall = weighted(rng, []orgs.OnCall{orgs.OnCall24x7, orgs.OnCall24x5}, 3, 1)
			opsTeams = append(opsTeams, t.Name)
		}
		if rng.IntN(20) == 0 {
			ph := int64(80000 + 5000*rng.IntN(10))
			t.PerHead = &ph
		}
		if rng.IntN(25) == 0 {
			t.Note = notes[rng.IntN(len(notes))]
		}
		o.Teams[i] = t
	}

	runs(o, rng, sreTeams, opsTeams)

	// The rest is drawn from a stream of its own, so the teams above stay as they were
	// before services, rotations and measured KPIs were generated.
	extra := rand.New(rand.NewPCG(uint64(seed), 0x5e7_71ce5))
	rotations(o, extra)
	o.Services = services(o, extra, sreTeams, opsTeams)
	// rates from a stream of their own too, so that everything above stays as it was
	incidentRates(o.Services, rand.New(rand.NewPCG(uint64(seed), 0x7a7e5)))
	target, actual := 0.999, 0.9984
	mttrTarget, mttrActual := 0.5, 0.75
	o.KPIs = []orgs.KPI{
		{Identity: orgs.ProductCentric, Text: "99.9% of checkouts succeed each month", Target: &target, Actual: &actual},
		{Identity: orgs.IncidentCentric, Text: "Median time to restore under 30 minutes (hours)", Target: &mttrTarget, Actual: &mttrActual, Better: orgs.BetterLower},
		{Identity: orgs.ReliabilityUXCentric, Text: "Every user journey has an SLO with an error budget policy"},
	}
	return o
}

// runs draws who runs what the dev teams build: mostly themselves.
func runs(o *orgs.Org, rng *rand.Rand, sreTeams, opsTeams []string) {
	for i := range o.Teams {
		t := &o.Teams[i]
		if t.Kind != orgs.KindDev {
			continue
		}
		t.Run = weighted(rng, orgs.AllRuns, 60, 20, 10, 7, 3)
		switch {
		case t.Run == orgs.RunOps && len(opsTeams) == 0,
			(t.Run == orgs.RunYouAndSRE || t.Run == orgs.RunSRE) && len(sreTeams) == 0:
			t.Run = orgs.RunYou
		}
		switch t.Run {
		case orgs.RunYou:
			t.SRERole = weighted(rng, orgs.AllRoles, 6, 3, 1)
		case orgs.RunYouAndSRE, orgs.RunSRE:
			t.RunWith = sreTeams[rng.IntN(len(sreTeams))]
		case orgs.RunOps:
			t.RunWith = opsTeams[rng.IntN(len(opsTeams))]
		}
	}
}

// ServiceCount is how many services Org generates for teams teams: two per team, up to
// 20,000 (10,000 teams and more), and fewer again past 10,000 teams so that the largest
// organization (20,000 teams, 10,000 services) stays within the keys a file may hold.
func ServiceCount(teams int) int { return max(0, min(2*teams, 20000, 30000-teams)) }

// rotations gives about one team on call in four an explicit rotation, a few short of its
// headcount, so that some rotations fall below their minimum.
func rotations(o *orgs.Org, rng *rand.Rand) {
	for i := range o.Teams {
		t := &o.Teams[i]
		if t.OnCall == orgs.OnCallNone || rng.IntN(4) != 0 {
			continue
		}
		t.Rotation = max(1, t.Headcount-rng.IntN(4))
	}
}

// services spreads ServiceCount services over the dev teams. Two in three have an
// availability target, most of those with their error budget use; about one in ten sets its
// own run, mostly to hand the service to ops or SRE.
func services(o *orgs.Org, rng *rand.Rand, sreTeams, opsTeams []string) []orgs.Service {
	var devs []int
	for i := range o.Teams {
		if o.Teams[i].Kind == orgs.KindDev {
			devs = append(devs, i)
		}
	}
	n := ServiceCount(len(o.Teams))
	if len(devs) == 0 || n == 0 {
		return nil
	}
	out := make([]orgs.Service, 0, n)
	for k := range n {
		t := &o.Teams[devs[rng.IntN(len(devs))]]
		s := orgs.Service{Name: fmt.Sprintf("%s service %05d", pick(rng, serviceWords), k), Team: t.Name}
		if rng.IntN(3) != 0 {
			a := []float64{99, 99.5, 99.9, 99.95, 99.99}[rng.IntN(5)]
			s.Availability = &a
			if rng.IntN(4) != 0 {
				u := float64(rng.IntN(150)) / 100
				s.ErrorBudgetUsed = &u
			}
		}
		if rng.IntN(10) == 0 {
			s.Run = weighted(rng, orgs.AllRuns, 2, 3, 3, 4, 1)
			switch {
			case s.Run == orgs.RunOps && len(opsTeams) > 0:
				s.RunWith = opsTeams[rng.IntN(len(opsTeams))]
			case (s.Run == orgs.RunYouAndSRE || s.Run == orgs.RunSRE) && len(sreTeams) > 0:
				s.RunWith = sreTeams[rng.IntN(len(sreTeams))]
			case s.Run.NeedsPartner():
				s.Run = orgs.RunYou // no team to run with
			}
		}
		out = append(out, s)
	}
	return out
}

// incidentRates gives four services in five an incident rate (docs/rules.md section 12),
// from one every five months to four a month, and half of those a restore time of their own.
func incidentRates(services []orgs.Service, rng *rand.Rand) {
	for k := range services {
		if rng.IntN(5) == 0 {
			continue
		}
		rate := []float64{0.2, 0.5, 1, 2, 4}[rng.IntN(5)]
		services[k].IncidentsPerMonth = &rate
		if rng.IntN(2) == 0 {
			restore := []float64{0.25, 0.5, 2, 4}[rng.IntN(4)]
			services[k].RestoreHours = &restore
		}
	}
}

// TOML is the canonical organization file of Org(teams, seed).
func TOML(teams int, seed int64) []byte { return orgs.Marshal(Org(teams, seed)) }

func pick(rng *rand.Rand, words []string) string { return words[rng.IntN(len(words))] }

// weighted picks one of values with the given relative weights.
func weighted[T any](rng *rand.Rand, values []T, weights ...int) T {
	total := 0
	for _, w := range weights {
		total += w
	}
	n := rng.IntN(total)
	for i, w := range weights {
		if n < w {
			return values[i]
		}
		n -= w
	}
	return values[len(values)-1]
}

var (
	devWords = []string{
		"Payments", "Checkout", "Search", "Catalog", "Identity", "Billing", "Ledger",
		"Messaging", "Notifications", "Reporting", "Imaging", "Scheduling", "Analytics",
		"Onboarding", "Pricing", "Inventory", "Shipping", "Fraud", "Loyalty", "Mobile App",
		"Web Shop", "Data Platform", "Streaming", "Recommendations", "Accounts", "Compliance",
		"Partner API", "Patient Portal", "Device Connectivity", "Claims", "Underwriting",
	}
	sreWords     = []string{"Reliability", "SRE", "Production Engineering", "Site Reliability", "SRE Embedded"}
	opsWords     = []string{"Operations", "Network Ops", "Data Center Ops", "Service Desk", "Database Ops", "Command Center"}
	serviceWords = []string{
		"Checkout", "Login", "Search", "Ledger", "Statements", "Notifications", "Catalog",
		"Payments", "Reporting", "Scheduling", "Imaging", "Gateway", "Billing", "Profiles",
	}
	notes = []string{
		"took over reporting in Q2",
		"merging with a sister team next quarter",
		"hiring two people;\nrotation starts in March",
		"owns the legacy stack\tuntil migration",
	}
)
