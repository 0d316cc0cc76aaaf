package orgs_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sretopo/sretopo/internal/gen"
	"github.com/sretopo/sretopo/orgs"
)

// manyKeys is a file that names itself and holds that many unknown keys below, in tables of
// 1,000: it passes the pre-scan, and is refused when opened, after decoding it whole.
func manyKeys(keys int) string {
	var b strings.Builder
	b.WriteString("format = 1\nname = \"Many Keys\"\n\n[[team]]\nname = \"A\"\norg = \"dev\"\nkind = \"dev\"\nheadcount = 3\n")
	for i := range keys {
		if i%1000 == 0 {
			fmt.Fprintf(&b, "[x%d]\n", i/1000)
		}
		fmt.Fprintf(&b, "k%d = 1\n", i)
	}
	return b.String()
}

// The open list reads a file's name and scenario lines without decoding the file whole: a
// file with 240,000 keys below its name (refused when opened, after decoding it whole) is
// listed at once by its name, and a hostile one is still refused by the pre-scan.
func TestListingDoesNotDecodeFilesWhole(t *testing.T) {
	dir := t.TempDir()
	writeTo(t, filepath.Join(dir, "many.toml"), manyKeys(240_000))
	writeTo(t, filepath.Join(dir, "flat.toml"), "format = 1\nname = \"Flat\"\nx = ["+strings.Repeat("1,", 300_000)+"1]\n")
	writeTo(t, filepath.Join(dir, "scen.toml"), smallOrg+"\n[scenario]\ntitle = \"Plan B\"\nsaved_at = 2026-11-25T20:15:00Z\n")
	writeTo(t, filepath.Join(dir, "quoted.toml"), strings.Replace(smallOrg, "name = \"Acme\"", "\"name\" = \"Quoted\"", 1))
	files, err := orgs.ListOrgFiles(dir, "")
	if err != nil || len(files) != 4 {
		t.Fatalf("listed %+v, %v", files, err)
	}
	byName := map[string]orgs.OrgFile{}
	for _, f := range files {
		byName[filepath.Base(f.Path)] = f
	}
	if f := byName["many.toml"]; f.Name != "Many Keys" || f.Problem != "" {
		t.Errorf("a file with many keys below its name: %+v", f)
	}
	if f := byName["flat.toml"]; f.Name != "" || !strings.Contains(f.Problem, "refused before decoding") {
		t.Errorf("a flat array over the limit is not refused by the list: %+v", f)
	}
	if f := byName["scen.toml"]; f.Name != "Acme" || f.Title != "Plan B" || f.SavedAt == nil || f.SavedAt.Year() != 2026 {
		t.Errorf("a scenario's title and time: %+v", f)
	}
	// a file written otherwise than sretopo writes it is read whole, and listed all the same
	if f := byName["quoted.toml"]; f.Name != "Quoted" || f.Problem != "" {
		t.Errorf("a file with a quoted key: %+v", f)
	}
	if _, _, err := orgs.LoadFile(filepath.Join(dir, "many.toml")); err == nil {
		t.Error("the file with unknown keys loads; the test needs one that does not")
	}
}

// BenchmarkListEightLargeFiles lists a folder of eight 20,000-team files, as `o` does.
func BenchmarkListEightLargeFiles(b *testing.B) {
	dir := b.TempDir()
	data := gen.TOML(orgs.MaxTeams, 1)
	for i := range 8 {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("org-%d.toml", i)), data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		files, err := orgs.ListOrgFiles(dir, "")
		if err != nil || len(files) != 8 || files[0].Problem != "" {
			b.Fatalf("%v %+v", err, files[0])
		}
	}
}

// BenchmarkListEightManyKeyFiles lists a folder of eight files of 249,000 keys, each refused
// only when opened, after decoding: the list reads their first lines (it took 28 s when it
// loaded every file whole).
func BenchmarkListEightManyKeyFiles(b *testing.B) {
	dir := b.TempDir()
	data := []byte(manyKeys(249_000 - 10))
	for i := range 8 {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("keys-%d.toml", i)), data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	if _, err := orgs.Load("keys.toml", data); err == nil || strings.Contains(err.Error(), "refused before decoding") {
		b.Fatalf("the file must pass the pre-scan and fail to load: %v", err)
	}
	for b.Loop() {
		files, err := orgs.ListOrgFiles(dir, "")
		if err != nil || len(files) != 8 || files[0].Name != "Many Keys" {
			b.Fatalf("%v %+v", err, files[0])
		}
	}
}
