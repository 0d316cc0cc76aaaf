package main

import "github.com/sretopo/sretopo/orgs"

// badRuns checks --runs (docs/rules.md section 12): ok, or the exit status of its usage error.
func (c *cli) badRuns(n int) (int, bool) {
	if n < 1 || n > orgs.MaxRiskRuns {
		return c.usageError("--runs must be 1 to %d; got %d", orgs.MaxRiskRuns, n), false
	}
	return 0, true
}
