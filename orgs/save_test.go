package orgs

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestSaveScenarioRecordsItsBaselineAndLoadsBackEqual(t *testing.T) {
	dir := t.TempDir()
	basePath, org, data := writeExample(t, dir, "mixed")
	cur := org.Clone()
	cur.Teams[cur.TeamIndex("Operations SRE")].Org = OrgSRE
	path := NextScenarioPath(basePath)
	if want := filepath.Join(dir, "mixed-scenario-1.toml"); path != want {
		t.Fatalf("next scenario path %q, want %q", path, want)
	}
	at := time.Date(2026, 11, 25, 20, 15, 0, 0, time.UTC)
	meta := ScenarioMeta{Title: "SRE org", Note: "move \"Operations SRE\"\nout of ops", BasedOn: basePath, BasedOnData: data, SavedAt: at}
	if err := SaveScenario(path, cur, meta, false); err != nil {
		t.Fatal(err)
	}
	NoLeftovers(t, dir)
	st, _ := os.Stat(path)
	if st.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644 (the temp file's 0600 must not leak)", st.Mode().Perm())
	}

	op, err := Open(path, "")
	if err != nil {
		t.Fatal(err)
	}
	s := op.Org.Scenario
	if s == nil || s.Title != "SRE org" || s.Note != meta.Note || s.BasedOn != "mixed.toml" || s.BasedOnSHA256 != SHA256(data) || !s.SavedAt.Equal(at) {
		t.Fatalf("scenario table %+v", s)
	}
	if op.BaselinePath != basePath || len(op.Warnings) != 0 {
		t.Errorf("baseline %q, warnings %v", op.BaselinePath, op.Warnings)
	}
	op.Org.Scenario = nil
	if !reflect.DeepEqual(op.Org, cur) {
		t.Error("the saved scenario does not load back to the model that was saved")
	}
	if next := NextScenarioPath(path); next != filepath.Join(dir, "mixed-scenario-2.toml") {
		t.Errorf("after one scenario, next is %q", next)
	}

	// The baseline changes on disk: opening the scenario says so.
	MustWriteFile(t, basePath, append(data, '\n'), 0o644)
	op, err = Open(path, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(op.Warnings) != 1 || !strings.Contains(op.Warnings[0], "changed on disk since this scenario was saved") {
		t.Errorf("warnings %v", op.Warnings)
	}
}

// refusedWriteKeepsOriginal writes "new" with WriteFile(replace, verify) over a file that
// holds "original" with perm, and fails the test unless WriteFile refuses with want, the file
// still holds "original" and nothing is left beside it. It returns the file's path.
func refusedWriteKeepsOriginal(t *testing.T, perm os.FileMode, replace bool, verify func([]byte) error, want error) string {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "a.toml")
	MustWriteFile(t, path, []byte("original"), perm)
	err := WriteFile(path, []byte("new"), replace, verify)
	if !errors.Is(err, want) {
		t.Fatalf("err = %v, want %v", err, want)
	}
	if b, _ := os.ReadFile(path); string(b) != "original" {
		t.Errorf("file replaced with %q although the write was refused", b)
	}
	NoLeftovers(t, dir)
	return path
}

func TestWriteFileNeverReplacesAnUnnamedFile(t *testing.T) {
	path := refusedWriteKeepsOriginal(t, 0o644, false, nil, ErrExists)
	if err := WriteFile(path, []byte("new"), true, nil); err != nil {
		t.Fatalf("replace when asked: %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "new" {
		t.Errorf("file is %q after replace", b)
	}
}

func TestWriteFileRefusesAReadOnlyTarget(t *testing.T) {
	refusedWriteKeepsOriginal(t, 0o444, true, nil, ErrReadOnly)
}

func TestWriteFileInAReadOnlyDirectory(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ro")
	if err := os.Mkdir(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	org, _ := mustExample(t, "topology-1")
	err := SaveOrg(filepath.Join(dir, "a.toml"), org, false)
	if !errors.Is(err, ErrDirNotWritable) {
		t.Fatalf("err = %v, want ErrDirNotWritable", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("something was written: %v", entries)
	}
}

func TestWriteFileCommitsNothingWhenVerifyFails(t *testing.T) {
	boom := errors.New("the model changed")
	refusedWriteKeepsOriginal(t, 0o644, true, func([]byte) error { return boom }, boom)
}

// TestSaveOrgDetectsAModelThatDoesNotLoadBack: a model that is not in its loaded, normal
// form (here a dev team with run = you and no SRE role, which loading fills in as rotation)
// reloads to something else, and the save refuses to commit it.
func TestSaveOrgDetectsAModelThatDoesNotLoadBack(t *testing.T) {
	dir := t.TempDir()
	org, _ := mustExample(t, "topology-1")
	org.Teams[0].SRERole = ""
	path := filepath.Join(dir, "a.toml")
	err := SaveOrg(path, org, false)
	if !errors.Is(err, ErrVerify) {
		t.Fatalf("err = %v, want ErrVerify", err)
	}
	if _, statErr := os.Stat(path); !errors.Is(statErr, os.ErrNotExist) {
		t.Error("a file was committed although it does not load back equal")
	}
	NoLeftovers(t, dir)
}

func TestJournalRecordsRestoresAndIsRemoved(t *testing.T) {
	dir := t.TempDir()
	input, org, data := writeExample(t, dir, "mixed")
	if got, err := ReadJournal(input); got != nil || err != nil {
		t.Fatalf("no journal yet: %v, %v", got, err)
	}
	work := org.Clone()
	work.Teams[0].Headcount = 42
	if err := WriteJournal(input, work); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(filepath.Base(JournalPath(input)), ".") {
		t.Errorf("journal %q is not hidden", JournalPath(input))
	}
	// A later change replaces the record.
	work.Teams[1].Headcount = 43
	if err := WriteJournal(input, work); err != nil {
		t.Fatal(err)
	}
	// "Restart": a new reader finds the work.
	got, err := ReadJournal(input)
	if err != nil || !reflect.DeepEqual(got, work) {
		t.Fatalf("restored %v, err %v", got, err)
	}
	if b, _ := os.ReadFile(input); string(b) != string(data) {
		t.Error("the journal touched the input file")
	}
	if err := RemoveJournal(input); err != nil {
		t.Fatal(err)
	}
	if got, _ := ReadJournal(input); got != nil {
		t.Error("journal still there after removal")
	}
	if err := RemoveJournal(input); err != nil {
		t.Errorf("removing a missing journal: %v", err)
	}
}

// TestCreateErrorSaysWhatRanOut: a process out of file descriptors (or a full disk) is told
// so, not that the directory is not writable (which sent a facilitator whose session was
// flooded with connections looking at the folder's permissions).
func TestCreateErrorSaysWhatRanOut(t *testing.T) {
	cases := []struct {
		errno error
		want  string
	}{
		{syscall.EMFILE, "run out of file descriptors"},
		{syscall.ENFILE, "run out of file descriptors"},
		{syscall.ENOSPC, "disk is full"},
	}
	for _, c := range cases {
		err := createError("/work", &os.PathError{Op: "open", Path: "/work/.x.tmp-1", Err: c.errno})
		if !errors.Is(err, ErrOutOfResources) || errors.Is(err, ErrDirNotWritable) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: %v, want ErrOutOfResources saying %q", c.errno, err, c.want)
		}
	}
	err := createError("/work", &os.PathError{Op: "open", Path: "/work/.x.tmp-1", Err: syscall.EACCES})
	if !errors.Is(err, ErrDirNotWritable) {
		t.Errorf("permission denied: %v, want ErrDirNotWritable", err)
	}
}

// A save killed half-way leaves its temporary file: the next save in that directory removes
// such files once they are older than a minute, and nothing else.
func TestStaleTempFilesAreCleanedAtTheNextSave(t *testing.T) {
	dir := t.TempDir()
	old := time.Now().Add(-2 * time.Minute)
	stale := []string{".x-scenario-1.toml.tmp-123456", ".a.toml.sretopo-recover.tmp-99", ".r-report.md.tmp-7"}
	kept := []string{".x.toml.tmp-1", ".notes.txt.tmp-5", "x.toml.tmp-3", ".x.toml.tmp-abc"}
	for _, n := range append(append([]string{}, stale...), kept...) {
		p := filepath.Join(dir, n)
		MustWriteFile(t, p, []byte("partial"), 0o644)
		if n != ".x.toml.tmp-1" { // a save in progress elsewhere: new
			os.Chtimes(p, old, old)
		}
	}
	if err := WriteFile(filepath.Join(dir, "new.toml"), []byte("format = 1\nname = \"Acme\"\n"), false, nil); err != nil {
		t.Fatal(err)
	}
	for _, n := range stale {
		if _, err := os.Lstat(filepath.Join(dir, n)); err == nil {
			t.Errorf("%s stayed", n)
		}
	}
	for _, n := range kept {
		if _, err := os.Lstat(filepath.Join(dir, n)); err != nil {
			t.Errorf("%s was removed", n)
		}
	}
}

// Saving a batch (SaveScenarios, as `plan --write` does): all of it or none.

// stagesOf is the plan from the example "ops-run-it" to "topology-6" as a batch of scenario
// files in dir, as `plan --write` saves it.
func stagesOf(t *testing.T, dir string) []ScenarioFile {
	t.Helper()
	base, _ := mustExample(t, "ops-run-it")
	target, _ := mustExample(t, "topology-6")
	p := MakePlan(base, target)
	if len(p.Stages) < 2 {
		t.Fatalf("the plan has %d stages; the test needs two or more", len(p.Stages))
	}
	targetPath := filepath.Join(dir, "target.toml")
	var batch []ScenarioFile
	for _, s := range p.Stages {
		batch = append(batch, ScenarioFile{Path: StagePath(targetPath, s.Number), Org: s.Model, Meta: ScenarioMeta{Title: string(s.Name)}})
	}
	return batch
}

// A disk that fills up at the second stage leaves no stage at all (so the
// rerun is not refused by a stage 1 left behind), and the rerun then writes them all.
func TestSaveScenariosOnAFullDiskWritesNone(t *testing.T) {
	dir := t.TempDir()
	batch := stagesOf(t, dir)
	writes := 0
	writeData = func(f *os.File, b []byte) (int, error) {
		writes++
		if writes == 2 {
			return 0, &os.PathError{Op: "write", Path: f.Name(), Err: syscall.ENOSPC}
		}
		return f.Write(b)
	}
	defer func() { writeData = func(f *os.File, b []byte) (int, error) { return f.Write(b) } }()
	err := SaveScenarios(batch)
	if !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("full disk: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		t.Errorf("left behind after the failed save: %s", e.Name())
	}

	writeData = func(f *os.File, b []byte) (int, error) { return f.Write(b) }
	if err := SaveScenarios(batch); err != nil {
		t.Fatalf("the rerun: %v", err)
	}
	for _, f := range batch {
		o, _, err := LoadFile(f.Path)
		if err != nil || o.Scenario == nil || o.Scenario.Title != f.Meta.Title {
			t.Errorf("%s: %v", f.Path, err)
		}
	}
	if err := SaveScenarios(batch); !errors.Is(err, ErrExists) {
		t.Errorf("a batch over existing files: %v", err)
	}
}

// A name taken by the time the files are linked (here the last stage, before the batch
// starts its second step) makes the batch remove the stages it had linked.
func TestSaveScenariosRemovesWhatItLinkedWhenANameIsTaken(t *testing.T) {
	dir := t.TempDir()
	batch := stagesOf(t, dir)
	last := batch[len(batch)-1].Path
	writes := 0
	writeData = func(f *os.File, b []byte) (int, error) {
		writes++
		if writes == len(batch) { // every temporary file written: another process takes a name
			os.WriteFile(last, []byte("theirs"), 0o644)
		}
		return f.Write(b)
	}
	defer func() { writeData = func(f *os.File, b []byte) (int, error) { return f.Write(b) } }()
	if err := SaveScenarios(batch); !errors.Is(err, ErrExists) {
		t.Fatalf("a name taken meanwhile: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if p := filepath.Join(dir, e.Name()); p != last || strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("left behind: %s", e.Name())
		}
	}
	if b, _ := os.ReadFile(last); string(b) != "theirs" {
		t.Errorf("the other process's file was replaced: %q", b)
	}
}
