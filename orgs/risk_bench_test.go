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
	buf := make([]float64, orgs.DefaultRiskRuns)
	for b.Loop() {
		orgs.SimulateRisk(&in, orgs.DefaultRiskRuns, buf)
	}
}

// BenchmarkRiskServices10k simulates every service with a rate of the 10,000-team file.
func BenchmarkRiskServices10k(b *testing.B) {
	o, err := orgs.Load("gen.toml", file(b, 10000))
	if err != nil {
		b.Fatal(err)
	}
	sv := orgs.AnalyseServices(o, nil)
	for b.Loop() {
		for k := range sv.Services {
			sv.Services[k].Risk = nil
		}
		orgs.SimulateServices(o, sv.Services, orgs.DefaultRiskRuns)
	}
}
