package orgs_test

import (
	"testing"

	"github.com/sretopo/sretopo/orgs"
)

// BenchmarkSimulateRisk is one service's 2,000 windows at two incidents a month under
// working-hours cover with a 24x7 backup.
func BenchmarkSimulateRisk(b *testing.B) {
	in := orgs.RiskInput{Name: "Checkout", IncidentsPerMonth: 2, RestoreHours: 1, WindowDays: 30, Availability: ptr(99.9),
		Responders: []orgs.RiskResponder{{Week: orgs.Coverage(orgs.OnCall8x5), AckMinutes: 15}, {Team: 1, Week: orgs.Coverage(orgs.OnCall24x7), AckMinutes: 5}}}
	buf := make([]float64, orgs.DefaultRiskRuns+1) // the windows, and one before the first
	for b.Loop() {
		orgs.SimulateRisk(&in, orgs.DefaultRiskRuns, buf)
	}
}

// BenchmarkResimulateTeam10k is what the dashboard does in the background after an edit of
// one team at 10,000 teams: find the services whose risk it can change, simulate them again
// (2,000 windows each) and sum the organization's figures and the pages again. The budget
// is well under 100 ms.
func BenchmarkResimulateTeam10k(b *testing.B) {
	o, err := orgs.Load("gen.toml", file(b, 10000))
	if err != nil {
		b.Fatal(err)
	}
	an := orgs.Analyse(o, o)
	i := 0
	for b.Loop() {
		team := i % len(o.Teams)
		i += 37
		o.Teams[team].OnCall = orgs.AllOnCalls[1+i%4]
		orgs.ForgetRisks() // the edit's services are new to the memo
		ks, _ := orgs.RiskTouched(an.Services, orgs.Touched{Teams: []int{team}})
		for _, k := range ks {
			an.Services[k].Risk = orgs.ServiceRiskOf(o, k, &an.Services[k].ServiceRun, orgs.DefaultRiskRuns)
		}
		orgs.OrgRiskOf(o, an.Services, &an.Staffing)
	}
}

// BenchmarkRiskServices10k is the simulation's share of BenchmarkReportJSON10k
// (bench_test.go), which holds `report --format json` on the 10,000-team file, risk
// included, to three times BenchmarkDecode10k: every service with a rate, on every core.
func BenchmarkRiskServices10k(b *testing.B) {
	data := file(b, 10000)
	o, err := orgs.Load("gen.toml", data)
	if err != nil {
		b.Fatal(err)
	}
	sv := orgs.AnalyseServices(o, nil)
	for b.Loop() {
		orgs.ForgetRisks()
		for k := range sv.Services {
			sv.Services[k].Risk = nil
		}
		orgs.SimulateServices(o, sv.Services, orgs.DefaultRiskRuns)
	}
}
