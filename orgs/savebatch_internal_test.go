package orgs

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

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

// Issue item 10: a disk that fills up at the second stage leaves no stage at all (so the
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
