package orgs_test

// The speed of the service, reliability and staffing verdicts on the generated organization
// of 10,000 teams and 20,000 services. Each is linear in teams and services; compare them
// with BenchmarkDecode10k and BenchmarkLoadAnalyse10k, which they add to once wired in:
//
//	go test ./orgs -run '^$' -bench 'Services|Staffing|ServiceTransitions|Decode10k' -benchmem

import (
	"encoding/json"
	"testing"

	"github.com/sretopo/sretopo/internal/gen"
	"github.com/sretopo/sretopo/orgs"
)

func generated10k(b *testing.B) *orgs.Org {
	b.Helper()
	o, err := orgs.Load("gen.toml", file(b, 10000))
	if err != nil {
		b.Fatal(err)
	}
	if len(o.Services) != gen.ServiceCount(10000) {
		b.Fatalf("%d services", len(o.Services))
	}
	return o
}

// BenchmarkAnalyseServices10k: effective runs, service mix, reliability, advisories and the
// measured KPI of 20,000 services.
func BenchmarkAnalyseServices10k(b *testing.B) {
	o := generated10k(b)
	lk := orgs.NewTeamLookup(o.Teams)
	for b.Loop() {
		if v := orgs.AnalyseServices(o, lk); len(v.Services) != len(o.Services) {
			b.Fatal(len(v.Services))
		}
	}
}

// BenchmarkAnalyseServicesWithLookup10k is the same, indexing the teams each time.
func BenchmarkAnalyseServicesWithLookup10k(b *testing.B) {
	o := generated10k(b)
	for b.Loop() {
		orgs.AnalyseServices(o, nil)
	}
}

// BenchmarkStaffing10k: every rotation of 10,000 teams against a baseline.
func BenchmarkStaffing10k(b *testing.B) {
	o := generated10k(b)
	base := o.Clone()
	for b.Loop() {
		s := orgs.StaffingAgainst(base, o)
		orgs.ThinRotation(&s)
	}
}

// BenchmarkServiceTransitions10k: matching 20,000 services by name between a baseline and
// a current model in which every tenth service runs otherwise.
func BenchmarkServiceTransitions10k(b *testing.B) {
	base := generated10k(b)
	cur := base.Clone()
	for k := 0; k < len(cur.Services); k += 10 {
		cur.Services[k].Run, cur.Services[k].RunWith = orgs.RunNone, ""
	}
	bv, cv := orgs.ServiceRuns(base, nil), orgs.ServiceRuns(cur, nil)
	b.ResetTimer()
	for b.Loop() {
		if len(orgs.ServiceTransitions(base, bv, cur, cv)) == 0 {
			b.Fatal("no transitions")
		}
		orgs.CompareServices(base, cur)
	}
}

// BenchmarkServicesJSON10k: the JSON `services` of 20,000 services, as the report writes it.
func BenchmarkServicesJSON10k(b *testing.B) {
	v := orgs.AnalyseServices(generated10k(b), nil)
	for b.Loop() {
		if _, err := json.Marshal(v.Services); err != nil {
			b.Fatal(err)
		}
	}
}
