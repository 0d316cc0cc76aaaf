package orgs_test

import (
	"bytes"
	"testing"

	"github.com/sretopo/sretopo/internal/gen"
	"github.com/sretopo/sretopo/orgs"
)

// Issue 9: files a hostile or careless colleague leaves, and special files where an
// organization file was expected.

// Empty inline tables and arrays are values the decoder builds one by one: 8 MiB of them
// took seconds and 580 MB. They count toward the limit of keys and tables and are refused
// before decoding, at the place the limit is passed.
func TestEmptyInlineTablesAndArraysCount(t *testing.T) {
	for _, c := range []struct{ name, piece string }{
		{"inline tables", "{},"},
		{"arrays", "[],"},
		{"nested empty arrays", "[[]],"},
	} {
		data := []byte("format = 1\nname = \"E\"\nteam = [" + string(bytes.Repeat([]byte(c.piece), 300_000)) + "{}]\n")
		_, err := orgs.Load("empty.toml", data)
		want := "more than 250000 keys and tables; refused before decoding"
		if err == nil {
			t.Fatalf("%s: loaded", c.name)
		}
		le := err.(*orgs.LoadError)
		if len(le.Problems) != 1 || le.Problems[0].Msg != want || le.Problems[0].Line != 3 {
			t.Errorf("%s: got %v, want line 3: %s", c.name, err, want)
		}
	}
	data := gen.EmptyTables(orgs.MaxFileSize)
	if _, err := orgs.Load("empty.toml", data); err == nil || !bytes.Contains([]byte(err.Error()), []byte("refused before decoding")) {
		t.Errorf("8 MiB of empty tables: %v", err)
	}
}
