package orgs_test

import (
	"io"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/sretopo/sretopo/orgs"
)

// BenchmarkReportJSON10kBudget holds `sretopo report --format json` on the generated
// 10,000-team file, risk simulation included, to three times the bare TOML decode of the
// same file (issue 21). The two are measured interleaved, so that a machine busy with
// other work slows both alike; the ratio is reported and the benchmark fails above the
// budget. Reproduce with:
//
//	go test ./orgs -run '^$' -bench 'ReportJSON10kBudget' -benchtime 5x -count 5
func BenchmarkReportJSON10kBudget(b *testing.B) {
	data := file(b, 10000)
	src := string(data)
	var decode, report time.Duration
	for b.Loop() {
		start := time.Now()
		var raw map[string]any
		if _, err := toml.Decode(src, &raw); err != nil {
			b.Fatal(err)
		}
		decode += time.Since(start)

		start = time.Now()
		orgs.ForgetRisks() // a process reports a file once: every service simulated
		org, err := orgs.Load("gen.toml", data)
		if err != nil {
			b.Fatal(err)
		}
		rep := orgs.NewReport(org.Name, "gen.toml", "gen.toml", orgs.Analyse(org, org))
		if rep.Risk == nil || rep.Risk.ServicesWithRates == 0 {
			b.Fatal("the generated file has no service with a rate: the budget would not hold the simulation")
		}
		if err := rep.WriteJSON(io.Discard); err != nil {
			b.Fatal(err)
		}
		report += time.Since(start)
	}
	ratio := float64(report) / float64(decode)
	b.ReportMetric(ratio, "report/decode")
	if ratio > 3 {
		b.Errorf("report --format json of the 10,000-team file takes %.2f times its bare decode; the budget is 3", ratio)
	}
}
