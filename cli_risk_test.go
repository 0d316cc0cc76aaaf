package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestRunsFlag: report and compare take --runs (1-100000): the JSON says how many windows
// each service was simulated over, and a value out of range is a usage error naming it.
func TestRunsFlag(t *testing.T) {
	dir := t.TempDir()
	talk := writeExample(t, dir, "talk.toml", "health-platform")
	code, out, errOut := sretopo(t, "", "report", "--format", "json", "--runs", "500", talk)
	if code != 0 {
		t.Fatalf("report --runs 500: exit %d, %s", code, errOut)
	}
	var rep struct {
		RiskRuns int `json:"risk_runs"`
		Risk     *struct {
			ServicesWithRates int      `json:"services_with_rates"`
			LikelyBreach      []string `json:"likely_breach"`
		} `json:"risk"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.RiskRuns != 500 || rep.Risk == nil || rep.Risk.ServicesWithRates != 8 {
		t.Errorf("risk_runs %d, risk %+v: want 500 windows and the talk's 8 services with rates", rep.RiskRuns, rep.Risk)
	}
	for _, bad := range []string{"0", "100001"} {
		code, _, errOut := sretopo(t, "", "report", "--runs", bad, talk)
		if code != 2 || !strings.Contains(errOut, "--runs must be 1 to 100000") {
			t.Errorf("report --runs %s: exit %d, %q; want a usage error", bad, code, errOut)
		}
		code, _, errOut = sretopo(t, "", "compare", "--runs", bad, talk, talk)
		if code != 2 || !strings.Contains(errOut, "--runs") {
			t.Errorf("compare --runs %s: exit %d, %q; want a usage error", bad, code, errOut)
		}
	}
	// the talk against itself with the weekend covered: compare marks the lower downtime
	weekend := writeFile(t, dir, "weekend.toml", strings.Replace(exampleText(t, "health-platform"), `on_call = "24x5"`, `on_call = "24x7"`, 1))
	code, out, errOut = sretopo(t, "", "compare", "--runs", "300", talk, weekend)
	if code != 0 {
		t.Fatalf("compare: exit %d, %s", code, errOut)
	}
	var row string
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "Expected downtime") {
			row = line
		}
	}
	if fields := strings.Fields(row); len(fields) < 2 || !strings.HasSuffix(strings.TrimSpace(row), "*") || strings.Count(row, "*") != 1 {
		t.Errorf("compare's downtime row %q: want only the option covering the weekend marked best", row)
	}
}
