package main

import (
	"bytes"
	"testing"
	"time"
)

// BenchmarkPlan10kWhatIfBudget holds `sretopo plan` between two 10,000-team files with 500
// differences to three times `sretopo report` of the target (issue 22). The two are
// measured interleaved, so that a machine busy with other work slows both alike; the
// ratio is reported and the benchmark fails above the budget. Reproduce with:
//
//	go test . -run '^$' -bench 'Plan10kWhatIfBudget' -benchtime 3x -count 5
func BenchmarkPlan10kWhatIfBudget(b *testing.B) {
	base, target := planFiles(b)
	var out bytes.Buffer
	var report, plan time.Duration
	for b.Loop() {
		start := time.Now()
		out.Reset()
		if code := run([]string{"report", "--format", "json", target}, nil, &out, &out); code != 0 {
			b.Fatalf("report: exit %d: %.500s", code, out.String())
		}
		report += time.Since(start)

		start = time.Now()
		out.Reset()
		if code := run([]string{"plan", "--format", "json", base, target}, nil, &out, &out); code != 0 {
			b.Fatalf("plan: exit %d: %.500s", code, out.String())
		}
		plan += time.Since(start)
	}
	ratio := float64(plan) / float64(report)
	b.ReportMetric(ratio, "plan/report")
	if ratio > 3 {
		b.Errorf("plan between two 10,000-team files with 500 differences takes %.2f times the report of the target; the budget is 3", ratio)
	}
}
