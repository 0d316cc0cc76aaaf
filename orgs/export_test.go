package orgs

import (
	"os"
	"strings"
	"testing"
)

// Refreshes is how many analyses of a so far refreshed the services of the previous
// analysis instead of analysing them all (the tests check that the incremental path is
// taken).
func (a *Analyser) Refreshes() int64 { return a.refreshes.Load() }

// MaxProblems is how many problems a load lists before its last line counts the rest.
const MaxProblems = maxProblems

// NoLeftovers fails when a temporary file of the write path is left in dir; the package's
// own tests and its external ones share it.
func NoLeftovers(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}
