package orgs

// Refreshes is how many analyses of a so far refreshed the services of the previous
// analysis instead of analysing them all (the tests check that the incremental path is
// taken).
func (a *Analyser) Refreshes() int64 { return a.refreshes.Load() }

// MaxProblems is how many problems a load lists before its last line counts the rest.
const MaxProblems = maxProblems
