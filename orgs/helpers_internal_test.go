package orgs

import "testing"

// mustExample loads the bundled example name, failing the test if it does not load, and
// returns the model with the file's bytes.
func mustExample(t *testing.T, name string) (*Org, []byte) {
	t.Helper()
	ex, err := ExampleNamed(name)
	if err != nil {
		t.Fatal(err)
	}
	o, err := Load(name+".toml", ex.Data)
	if err != nil {
		t.Fatal(err)
	}
	return o, ex.Data
}

// loadExample is mustExample's model alone.
func loadExample(t *testing.T, name string) *Org {
	t.Helper()
	o, _ := mustExample(t, name)
	return o
}
