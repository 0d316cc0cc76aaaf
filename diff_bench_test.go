package main

import (
	"bytes"
	"testing"
	"time"

	"github.com/sretopo/sretopo/internal/gen"
	"github.com/sretopo/sretopo/orgs"
)

// The budget of `sretopo diff`: a diff of two 20,000-team files at most 1.5 times the
// report of one (the two files are loaded at the same time, each on a core of its own).
// BenchmarkDiff20kBudget measures both, interleaved so that a busy machine slows both
// alike, reports the ratio and fails above the budget. Reproduce with:
//
//	go test . -run '^$' -bench 'Diff20k|Report20k' -benchtime 5x

// orgFiles writes a generated organization of teams teams as base.toml and, changed by
// change, as target.toml, in a fresh temporary directory.
func orgFiles(b *testing.B, teams int, change func(w *orgs.Org)) (base, target string) {
	b.Helper()
	dir := b.TempDir()
	o := gen.Org(teams, 1)
	w := o.Clone()
	change(w)
	base = writeFile(b, dir, "base.toml", string(orgs.Marshal(o)))
	target = writeFile(b, dir, "target.toml", string(orgs.Marshal(w)))
	return base, target
}

// diffFiles writes a generated 20,000-team organization and a copy of it with every 40th
// team's headcount changed, once per benchmark.
func diffFiles(b *testing.B) (a, c string) {
	b.Helper()
	return orgFiles(b, orgs.MaxTeams, func(w *orgs.Org) {
		for i := 0; i < len(w.Teams); i += 40 {
			if _, err := w.AddHeadcount(i, 1); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// runCLI runs one command and fails the benchmark on an exit status other than want.
func runCLI(b *testing.B, want int, args ...string) {
	var out bytes.Buffer
	if code := run(args, nil, &out, &out); code != want {
		b.Fatalf("%v: exit %d: %.500s", args, code, out.String())
	}
}

// BenchmarkReport20k is `sretopo report` of one 20,000-team file: the yardstick.
func BenchmarkReport20k(b *testing.B) {
	a, _ := diffFiles(b)
	for b.Loop() {
		runCLI(b, 0, "report", a)
	}
}

// BenchmarkDiff20k is `sretopo diff` of two 20,000-team files.
func BenchmarkDiff20k(b *testing.B) {
	a, c := diffFiles(b)
	for b.Loop() {
		runCLI(b, 0, "diff", a, c)
	}
}

// BenchmarkDiff20kBudget holds the diff to 1.5 times the report of one of its files.
func BenchmarkDiff20kBudget(b *testing.B) {
	a, c := diffFiles(b)
	var report, diff time.Duration
	for b.Loop() {
		start := time.Now()
		runCLI(b, 0, "report", a)
		report += time.Since(start)
		start = time.Now()
		runCLI(b, 0, "diff", a, c)
		diff += time.Since(start)
	}
	ratio := float64(diff) / float64(report)
	b.ReportMetric(ratio, "diff/report")
	if ratio > 1.5 {
		b.Errorf("diff of two 20,000-team files takes %.2f times the report of one; the budget is 1.5", ratio)
	}
}
