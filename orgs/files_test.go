package orgs

import (
	"path/filepath"
	"testing"
	"time"
)

func TestListOrgFilesPutsScenariosOfTheBaselineFirst(t *testing.T) {
	dir := t.TempDir()
	base, org, data := writeExample(t, dir, "mixed")
	_, other := mustExample(t, "topology-1")
	MustWriteFile(t, filepath.Join(dir, "a-other.toml"), other, 0o644)
	MustWriteFile(t, filepath.Join(dir, "broken.toml"), []byte("format = 1\n"), 0o644)
	MustWriteFile(t, filepath.Join(dir, "notes.md"), []byte("not an org"), 0o644)
	older := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	newer := older.Add(time.Hour)
	for _, s := range []struct {
		name string
		at   time.Time
	}{{"mixed-scenario-1.toml", older}, {"mixed-scenario-2.toml", newer}} {
		meta := ScenarioMeta{Title: s.name, BasedOn: base, BasedOnData: data, SavedAt: s.at}
		if err := SaveScenario(filepath.Join(dir, s.name), org, meta, false); err != nil {
			t.Fatal(err)
		}
	}
	if err := WriteJournal(base, org); err != nil {
		t.Fatal(err)
	}

	files, err := ListOrgFiles(dir, base)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range files {
		got = append(got, filepath.Base(f.Path))
	}
	want := []string{"mixed-scenario-2.toml", "mixed-scenario-1.toml", "a-other.toml", "broken.toml", "mixed.toml"}
	if len(got) != len(want) {
		t.Fatalf("files %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("files %v, want %v", got, want)
		}
	}
	if !files[0].OfBaseline || files[0].Title != "mixed-scenario-2.toml" || !files[0].SavedAt.Equal(newer) {
		t.Errorf("first entry %+v", files[0])
	}
	if files[3].Problem == "" || files[3].Name != "" {
		t.Errorf("a broken file should carry its problem: %+v", files[3])
	}
}

func TestNextFreePathNeverNamesAnExistingFile(t *testing.T) {
	dir := t.TempDir()
	first := NextFreePath(dir, "mixed-report", ".md")
	if first != filepath.Join(dir, "mixed-report.md") {
		t.Fatalf("first %q", first)
	}
	MustWriteFile(t, first, nil, 0o644)
	if second := NextFreePath(dir, "mixed-report", ".md"); second != filepath.Join(dir, "mixed-report-2.md") {
		t.Errorf("second %q", second)
	}
}
