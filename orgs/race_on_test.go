//go:build race

package orgs_test

// raceOn is true in a -race build, where the long randomized tests make fewer steps.
const raceOn = true
