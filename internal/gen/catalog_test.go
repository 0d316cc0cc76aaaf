package gen

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

func TestCatalogIsTheSameForTheSameSeed(t *testing.T) {
	size := CatalogSize{Teams: 40, Users: 120, Components: 12_000}
	a, err := Catalog(t.TempDir(), size, 7)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Catalog(t.TempDir(), size, 7)
	if err != nil {
		t.Fatal(err)
	}
	if len(a) != 4 || len(b) != len(a) { // groups, one users file, two components files
		t.Fatalf("files %v and %v, want 4 each", a, b)
	}
	for i := range a {
		da, _ := os.ReadFile(a[i])
		db, _ := os.ReadFile(b[i])
		if filepath.Base(a[i]) != filepath.Base(b[i]) || !bytes.Equal(da, db) {
			t.Errorf("%s differs between two runs of one seed", filepath.Base(a[i]))
		}
	}
	groups, _ := os.ReadFile(a[0])
	if n := bytes.Count(groups, []byte("\n  type: team\n")); n != size.Teams {
		t.Errorf("%d teams written, want %d", n, size.Teams)
	}
}
