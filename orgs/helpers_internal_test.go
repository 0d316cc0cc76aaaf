package orgs

import (
	"os"
	"path/filepath"
	"testing"
)

// mustExample loads the bundled example name, failing the test if it does not load, and
// returns the model with the file's bytes.
func mustExample(t *testing.T, name string) (*Org, []byte) {
	t.Helper()
	ex, err := ExampleNamed(name)
	if err != nil {
		t.Fatal(err)
	}
	o, err := ex.Load()
	if err != nil {
		t.Fatal(err)
	}
	return o, ex.Data
}

// writeExample writes the bundled example name into dir as name.toml and returns the
// file's path, its model and its bytes.
func writeExample(t *testing.T, dir, name string) (path string, o *Org, data []byte) {
	t.Helper()
	o, data = mustExample(t, name)
	path = filepath.Join(dir, name+".toml")
	MustWriteFile(t, path, data, 0o644)
	return path, o, data
}

// MustWriteFile writes data to path with perm, failing the test if it cannot; the package's
// external tests use it too.
func MustWriteFile(t *testing.T, path string, data []byte, perm os.FileMode) {
	t.Helper()
	if err := os.WriteFile(path, data, perm); err != nil {
		t.Fatal(err)
	}
}

// loadExample is mustExample's model alone.
func loadExample(t *testing.T, name string) *Org {
	t.Helper()
	o, _ := mustExample(t, name)
	return o
}

// ReliabilityTOML, the SRE organization's round-the-clock team, and CloudOperationsTOML and
// NightDeskTOML, two ops teams, are the teams the file-level tests of services, reliability
// and edits lend services to, and ViewerTOML the dev team that runs what it builds, on call
// in office hours; each a [[team]] table after a blank line, exported so that the package's
// external tests write them the same way.
const (
	ViewerTOML = `
[[team]]
name = "Viewer"
org = "dev"
kind = "dev"
headcount = 6
on_call = "8x5"
`
	ReliabilityTOML = `
[[team]]
name = "Reliability"
org = "sre"
kind = "sre"
headcount = 8
on_call = "24x7"
`
	CloudOperationsTOML = `
[[team]]
name = "Cloud Operations"
org = "ops"
kind = "ops"
headcount = 6
on_call = "24x5"
`
	NightDeskTOML = `
[[team]]
name = "Night Desk"
org = "ops"
kind = "ops"
headcount = 6
on_call = "24x7"
`
)
