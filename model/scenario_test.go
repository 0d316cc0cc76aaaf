package model

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/report"
	"github.com/sretopo/sretopo/views"
)

// Tests of the scenario files in the dashboard: the save path's refusals, `o`, `c` and `y`
// (the journal has journal_test.go). They write real files in temporary directories.

// writeExampleFile writes an embedded example's TOML as dir/name.
func writeExampleFile(t *testing.T, dir, example, name string) string {
	t.Helper()
	ex, err := orgs.ExampleNamed(example)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, ex.Data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// makeDir makes the folder name in parent, with perm, and is its path.
func makeDir(t *testing.T, parent, name string, perm os.FileMode) string {
	t.Helper()
	path := filepath.Join(parent, name)
	if err := os.Mkdir(path, perm); err != nil {
		t.Fatal(err)
	}
	return path
}

// openModel opens path as the command line does, with the real write path and, when
// journal is set, a journal written 1 ms after a change.
func openModel(t *testing.T, path string, journal bool) *Model {
	t.Helper()
	op, err := orgs.Open(path, "")
	if err != nil {
		t.Fatal(err)
	}
	m := New(Config{Opened: op, Styles: views.DefaultStyles(), Journal: journal})
	m.journal.delay = time.Millisecond
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	return m
}

// mixedFile writes the mixed example as mixed.toml in a directory of its own.
func mixedFile(t *testing.T) string {
	t.Helper()
	return writeExampleFile(t, t.TempDir(), "mixed", "mixed.toml")
}

// startedOn opens path with a journal, as the command line does, and starts it.
func startedOn(t *testing.T, path string) *Model {
	t.Helper()
	m := openModel(t, path, true)
	start(m)
	return m
}

// ended releases what the process of m would release when it ends without quitting (the
// lock on its journal): the next model on the same file is then a later session, not a
// second dashboard beside a live one.
func ended(m *Model) { m.journal.lock.Release(false) }

// start runs the model's Init command, as the program does first.
func start(m *Model) {
	if cmd := m.Init(); cmd != nil {
		run(m, cmd())
	}
}

// typePath replaces the save prompt's file name by path.
func typePath(m *Model, path string) {
	m.save.path.SetValue(path)
	m.save.path.CursorEnd()
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// TestSaveRecordsTheBaselineAsOpened: the hash recorded is of the baseline's bytes as the
// session read them, not of what is on disk at save time, so that reopening the scenario
// says the baseline changed since, in the status line.
func TestSaveRecordsTheBaselineAsOpened(t *testing.T) {
	dir := t.TempDir()
	path := writeExampleFile(t, dir, "mixed", "mixed.toml")
	orig := readFile(t, path)
	m := openModel(t, path, false)
	if err := os.WriteFile(path, append(bytes.Clone(orig), "\n# edited elsewhere\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	press(t, m, "+", "s", "enter")
	saved := filepath.Join(dir, "mixed-scenario-1.toml")
	o, _, err := orgs.LoadFile(saved)
	if err != nil {
		t.Fatalf("not saved (%q): %v", m.save.err, err)
	}
	if got, want := o.Scenario.BasedOnSHA256, orgs.SHA256(orig); got != want {
		t.Errorf("based_on_sha256 %s, want the hash of the bytes opened %s", got, want)
	}
	reopened := openModel(t, saved, false)
	if !reopened.statusErr || !strings.Contains(reopened.View(), "changed on disk since this scenario was saved") {
		t.Errorf("the warning is not in the status line:\n%s", reopened.View())
	}
}

// TestSaveOverTheInputAsks: the input is replaced only when its name was typed and the
// question, which says it is the file opened and the baseline, was answered yes.
func TestSaveOverTheInputAsks(t *testing.T) {
	dir := t.TempDir()
	path := writeExampleFile(t, dir, "mixed", "mixed.toml")
	orig := readFile(t, path)
	m := openModel(t, path, false)
	press(t, m, "+", "s")
	typePath(m, "./"+filepath.Base(path)) // spelled otherwise, from the working directory
	t.Chdir(dir)
	press(t, m, "enter")
	if !shown[*confirm](m) {
		t.Fatalf("no question: screen %s, err %q", screenName(m), m.save.err)
	}
	if v := m.View(); !strings.Contains(v, "Replace the file you opened?") || !strings.Contains(v, "the file you opened AND the baseline") {
		t.Errorf("the question does not say it is the input:\n%s", v)
	}
	press(t, m, "n")
	if !shown[saveScreen](m) || !bytes.Equal(readFile(t, path), orig) {
		t.Fatal("n replaced the input")
	}
	press(t, m, "enter", "y")
	if !m.onGround() || m.Modified() {
		t.Fatalf("y did not save: screen %s, err %q", screenName(m), m.save.err)
	}
	o, _, err := orgs.LoadFile(path)
	if err != nil || o.Team("Online Shop").Headcount != 10 || o.Scenario == nil || o.Scenario.BasedOn != "" {
		t.Errorf("replaced input: %v, %+v", err, o.Scenario)
	}
	if !strings.Contains(m.status, "it was the baseline") {
		t.Errorf("status %q", m.status)
	}

	// a scenario opened and saved over itself: the question says it is the file opened
	// (not the baseline), and the scenario keeps its based_on
	dir = t.TempDir()
	base := writeExampleFile(t, dir, "mixed", "mixed.toml")
	m = openModel(t, base, false)
	press(t, m, "+", "s", "enter")
	sc := filepath.Join(dir, "mixed-scenario-1.toml")
	m = openModel(t, sc, false)
	press(t, m, "+", "S")
	typePath(m, sc)
	press(t, m, "enter")
	if v := m.View(); !shown[*confirm](m) || !strings.Contains(v, "is the file you opened.") || strings.Contains(v, "baseline") {
		t.Fatalf("scenario over itself:\n%s", v)
	}
	press(t, m, "y")
	if o, _, err := orgs.LoadFile(sc); err != nil || o.Scenario.BasedOn != "mixed.toml" || o.Team("Online Shop").Headcount != 11 {
		t.Errorf("scenario saved over itself: %v %+v", err, o.Scenario)
	}
}

func TestSaveRefusesReadOnlyTarget(t *testing.T) {
	dir := t.TempDir()
	path := writeExampleFile(t, dir, "mixed", "mixed.toml")
	other := writeExampleFile(t, dir, "topology-6", "other.toml")
	if err := os.Chmod(other, 0o444); err != nil {
		t.Fatal(err)
	}
	before := readFile(t, other)
	m := openModel(t, path, false)
	press(t, m, "+", "s")
	typePath(m, other)
	press(t, m, "enter")
	// no "replace?" for a file that would be refused anyway: a clear message at once
	if !shown[saveScreen](m) || !strings.Contains(m.save.err, other+" is read-only: it is not replaced") {
		t.Fatalf("read-only target: screen %s, err %q", screenName(m), m.save.err)
	}
	if !bytes.Equal(readFile(t, other), before) || !m.Modified() {
		t.Error("the read-only file changed, or the model was marked saved")
	}
}

func TestSaveInReadOnlyDirKeepsTheModel(t *testing.T) {
	dir := t.TempDir()
	path := writeExampleFile(t, dir, "mixed", "mixed.toml")
	locked := makeDir(t, dir, "locked", 0o555)
	t.Cleanup(func() { os.Chmod(locked, 0o755) })
	m := openModel(t, path, false)
	press(t, m, "+", "s")
	target := filepath.Join(locked, "x.toml")
	typePath(m, target)
	press(t, m, "enter")
	want := "kept in memory, not saved: " + locked + " is not writable"
	if !strings.Contains(m.save.err, want) || !m.statusErr || m.status != want {
		t.Errorf("err %q, status %q; want %q", m.save.err, m.status, want)
	}
	if !m.Modified() || exists(target) || team(t, m, "Online Shop").Headcount != 10 {
		t.Error("the model was not kept as it was, modified")
	}
	press(t, m, "esc")
	if !strings.Contains(m.View(), "* modified") {
		t.Error("the header does not say modified")
	}
}

// TestSaveFromTheExample: a scenario of the embedded example finds its baseline when
// reopened, because the example is written beside it first.
func TestSaveFromTheExample(t *testing.T) {
	t.Chdir(t.TempDir())
	ex, _ := orgs.ExampleNamed("health-platform")
	m := New(Config{Opened: opened(t, "health-platform"), Embedded: true, Styles: views.DefaultStyles()})
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	press(t, m, "+", "s", "enter")
	if !m.onGround() || m.Modified() {
		t.Fatalf("not saved: %q", m.save.err)
	}
	if got := readFile(t, "health-platform.toml"); !bytes.Equal(got, ex.Data) {
		t.Error("health-platform.toml is not the example's own TOML")
	}
	op, err := orgs.Open("health-platform-scenario-1.toml", "")
	if err != nil {
		t.Fatal(err)
	}
	if op.BaselinePath != "health-platform.toml" || len(op.Warnings) > 0 || op.Org.Scenario.BasedOnSHA256 != orgs.SHA256(ex.Data) {
		t.Errorf("reopened: baseline %q, warnings %v, scenario %+v", op.BaselinePath, op.Warnings, op.Org.Scenario)
	}
	if m.embedded || !strings.Contains(m.status, "its baseline, the example, written to health-platform.toml") {
		t.Errorf("embedded %v, status %q", m.embedded, m.status)
	}
	// the same example already there is used as it is
	m = New(Config{Opened: opened(t, "health-platform"), Embedded: true, Styles: views.DefaultStyles()})
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	press(t, m, "+", "+", "s", "enter")
	if o, _, err := orgs.LoadFile("health-platform-scenario-2.toml"); err != nil || o.Scenario.BasedOn != "health-platform.toml" {
		t.Errorf("second scenario: %v %+v", err, o.Scenario)
	}

	// another file of that name: saved without based_on, and the user is told
	t.Chdir(t.TempDir())
	other := writeExampleFile(t, ".", "mixed", "health-platform.toml")
	before := readFile(t, other)
	m = New(Config{Opened: opened(t, "health-platform"), Embedded: true, Styles: views.DefaultStyles()})
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	press(t, m, "+", "s", "enter")
	o, _, err := orgs.LoadFile("health-platform-scenario-1.toml")
	if err != nil || o.Scenario.BasedOn != "" {
		t.Fatalf("saved beside another file: %v %+v", err, o.Scenario)
	}
	if !strings.Contains(m.status, "saved without based_on: health-platform.toml here is another file") || !bytes.Equal(readFile(t, other), before) {
		t.Errorf("status %q, or the other file changed", m.status)
	}
}

// ---- journal ------------------------------------------------------------------

// ---- o, c, y ----------------------------------------------------------------

// scenarioFiles writes two scenarios of base (the second newer) and a broken file beside it.
func scenarioFiles(t *testing.T, base string) (s1, s2 string) {
	t.Helper()
	dir := filepath.Dir(base)
	o, data, err := orgs.LoadFile(base)
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	s1, s2 = filepath.Join(dir, "mixed-scenario-1.toml"), filepath.Join(dir, "mixed-scenario-2.toml")
	one := o.Clone()
	one.Teams[one.TeamIndex("Operations SRE")].Org = orgs.OrgSRE
	two := o.Clone()
	two.Teams[two.TeamIndex("Checkout")].Headcount = 12
	if err := orgs.SaveScenario(s1, one, orgs.ScenarioMeta{Title: "SRE org grows", BasedOn: base, BasedOnData: data, SavedAt: at}, false); err != nil {
		t.Fatal(err)
	}
	if err := orgs.SaveScenario(s2, two, orgs.ScenarioMeta{Title: "bigger checkout", BasedOn: base, BasedOnData: data, SavedAt: at.Add(time.Hour)}, false); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "broken.toml"), []byte("name = \"x\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return s1, s2
}

func TestOpenKey(t *testing.T) {
	dir := t.TempDir()
	path := writeExampleFile(t, dir, "mixed", "mixed.toml")
	s1, s2 := scenarioFiles(t, path)
	m := openModel(t, path, false)
	press(t, m, "o")
	if !shown[*fileList](m) || onTop[fileList](m).listing.Loading {
		t.Fatalf("o: screen %s", screenName(m))
	}
	var names []string
	for _, f := range onTop[fileList](m).listing.Files {
		names = append(names, filepath.Base(f.Path))
	}
	if got := strings.Join(names, " "); got != "mixed-scenario-2.toml mixed-scenario-1.toml broken.toml mixed.toml" {
		t.Errorf("order %s", got)
	}
	v := m.View()
	for _, want := range []string{"Scenarios of mixed.toml", `"bigger checkout"`, `"SRE org grows"`, "! does not load", "(open now)"} {
		if !strings.Contains(v, want) {
			t.Errorf("the list lacks %q:\n%s", want, v)
		}
	}
	press(t, m, "down", "down", "enter") // the broken file
	if !shown[*fileList](m) || !m.statusErr || !strings.Contains(m.status, "broken.toml does not load") {
		t.Errorf("broken file: screen %s, status %q", screenName(m), m.status)
	}
	press(t, m, "up", "enter")
	if m.file != s1 || m.basePath != path || m.Modified() || team(t, m, "Operations SRE").Org != orgs.OrgSRE {
		t.Fatalf("opened %q (baseline %q), modified %v", m.file, m.basePath, m.Modified())
	}
	// with unsaved changes: asked first
	press(t, m, "+", "o", "enter") // the cursor starts on the newest: scenario 2
	if v := m.View(); !shown[*quitGuard](m) || !strings.Contains(v, "Open mixed-scenario-2.toml") || !strings.Contains(v, "d discard and open mixed-scenario-2.toml") {
		t.Fatalf("modified: no question:\n%s", m.View())
	}
	press(t, m, "esc")
	if !m.onGround() || m.file != s1 || !m.Modified() {
		t.Fatal("esc did not keep the session")
	}
	press(t, m, "o", "enter", "d")
	if m.file != s2 || m.Modified() || team(t, m, "Checkout").Headcount != 12 {
		t.Fatalf("discard and open: file %q", m.file)
	}
	// save first, then open: the save prompt says what follows
	press(t, m, "+", "o", "down", "enter", "S")
	if !shown[saveScreen](m) || m.save.then != "open mixed-scenario-1.toml" {
		t.Fatalf("save from the question: screen %s, then %q", screenName(m), m.save.then)
	}
	press(t, m, "enter")
	s3 := filepath.Join(dir, "mixed-scenario-3.toml")
	if o, _, err := orgs.LoadFile(s3); err != nil || o.Team("Online Shop").Headcount != 10 {
		t.Fatalf("not saved before opening: %v", err)
	}
	if m.file != s1 || m.Modified() {
		t.Fatalf("after save and open: file %q", m.file)
	}
	press(t, m, "o", "enter") // back to scenario 2 (cursor on the newest: scenario 3)
	press(t, m, "o", "down", "enter")
	if m.file != s2 {
		t.Fatalf("file %q", m.file)
	}
	// the baseline changed on disk since: opening says so in the status line
	if err := os.WriteFile(path, append(readFile(t, path), "\n# edited\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	press(t, m, "o", "down", "down", "enter")
	if m.file != s1 || !m.statusErr || !strings.Contains(m.View(), "changed on disk since this scenario was saved") {
		t.Errorf("no warning when opening:\n%s", m.View())
	}
	// esc leaves the list
	pressBack(t, m, "o", "esc")
}

func TestCompareKey(t *testing.T) {
	m := newModel(t, "mixed", 80, 24)
	selectTeam(t, m, "Operations SRE")
	press(t, m, ">", "c")
	if !shown[*comparing](m) {
		t.Fatalf("c: screen %s", screenName(m))
	}
	v := m.View()
	for _, want := range []string{"A  mixed.toml (example)", "B  mixed.toml (unsaved)", "* Operations SRE", "SRE org (moved)", "What changed, team by team"} {
		if !strings.Contains(v, want) {
			t.Errorf("compare lacks %q:\n%s", want, v)
		}
	}
	if m.Modified() != true || m.compared().data.Diff.Moves[0].Team != "Operations SRE" {
		t.Error("the diff is not of the current model")
	}
	press(t, m, "pgdown")
	if m.compared().offset() == 0 {
		t.Error("pgdown did not scroll")
	}
	press(t, m, "end")
	end := m.compared().offset()
	press(t, m, "down")
	if m.compared().offset() != end || end == 0 {
		t.Errorf("scrolled past the end: %d, %d", m.compared().offset(), end)
	}
	checkView(t, m, "compare at the end")
	press(t, m, "home", "+") // no edits in compare
	if m.compared().offset() != 0 || len(m.history) != 1 {
		t.Error("home did not go to the top, or + edited")
	}
	pressBack(t, m, "esc")
	pressBack(t, m, "c", "c")
}

func TestCompareWithAnotherFile(t *testing.T) {
	path := mixedFile(t)
	s1, _ := scenarioFiles(t, path)
	m := openModel(t, path, false)
	press(t, m, "c", "L")
	if !shown[*fileList](m) || onTop[fileList](m).purpose != listForLeft || !strings.Contains(m.View(), "enter compare with it") {
		t.Fatalf("L: screen %s\n%s", screenName(m), m.View())
	}
	press(t, m, "down", "enter") // scenario 1 as side A
	if !shown[*comparing](m) || m.compared().leftPath != s1 {
		t.Fatalf("screen %s, left %q", screenName(m), m.compared().leftPath)
	}
	if v := m.View(); !strings.Contains(v, "A  mixed-scenario-1.toml (file)") || !strings.Contains(v, "SRE org") || !strings.Contains(v, "ops org (moved)") {
		t.Errorf("side A is not the scenario:\n%s", v)
	}
	press(t, m, "b")
	if m.compared().leftPath != "" || !strings.Contains(m.View(), "A  mixed.toml (baseline)") {
		t.Error("b did not bring the baseline back as side A")
	}
	press(t, m, "L", "esc")
	if !shown[*comparing](m) {
		t.Error("esc in the list did not go back to compare")
	}
}

func TestExportKey(t *testing.T) {
	dir := t.TempDir()
	path := writeExampleFile(t, dir, "mixed", "mixed.toml")
	m := openModel(t, path, false)
	press(t, m, "+", "y")
	out := filepath.Join(dir, "mixed-report.md")
	want := unsavedNote(path) + report.Markdown(m.Current(), orgs.NewReport(m.Current().Name, path, path, m.Analysis()))
	if got := string(readFile(t, out)); got != want || !strings.HasPrefix(got, "> **Unsaved changes:**") {
		t.Errorf("report differs from report.Markdown:\n%s", got)
	}
	if !strings.Contains(want, "| Online Shop | dev org | dev | 10 |") {
		t.Error("the report is not of the current model")
	}
	if m.status != "wrote the Markdown report to "+out {
		t.Errorf("status %q", m.status)
	}
	press(t, m, "y")
	if !exists(filepath.Join(dir, "mixed-report-2.md")) || string(readFile(t, out)) != want {
		t.Error("the second report did not take the next name, or replaced the first")
	}
	// once saved, the report is of the scenario: its title, its file
	press(t, m, "s", "tab")
	typeText(t, m, "more people")
	press(t, m, "enter", "y")
	rep := string(readFile(t, filepath.Join(dir, "mixed-scenario-1-report.md")))
	if strings.Contains(rep, "Unsaved changes") || !strings.Contains(rep, "Scenario: **more people**") || !strings.Contains(rep, "File `"+filepath.Join(dir, "mixed-scenario-1.toml")+"`") {
		t.Errorf("report of the saved scenario:\n%s", rep[:min(len(rep), 400)])
	}
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	press(t, m, "y")
	if !m.statusErr || m.status != "report not written: "+dir+" is not writable" {
		t.Errorf("read-only dir: %q", m.status)
	}
}

// TestExportKeepsTheAnalysisOfItsTime: the report is written off the update loop from the
// analysis of the moment the key was pressed; the edits that follow before it runs make
// their analyses afresh instead of in that one's memory (orgs.Analyser.Reanalyse).
func TestExportKeepsTheAnalysisOfItsTime(t *testing.T) {
	dir := t.TempDir()
	path := writeExampleFile(t, dir, "mixed", "mixed.toml")
	m := openModel(t, path, false)
	press(t, m, "l", ">") // the analyses so far are the model's alone
	want := unsavedNote(path) + report.Markdown(m.Current().Clone(), orgs.NewReport(m.Current().Name, path, path, orgs.Analyse(m.base, m.Current())))
	_, cmd := m.Update(keyMsg("y"))
	if cmd == nil {
		t.Fatal("y gave no command")
	}
	press(t, m, "<", ">", "<", "+") // edits while the report is being written
	run(m, cmd())
	if got := string(readFile(t, filepath.Join(dir, "mixed-report.md"))); got != want {
		t.Errorf("the report is not of the model when y was pressed:\n%s", got)
	}
}

// TestFileListScrollsToTheCursor: in a folder with more files than rows, the cursor always
// shows, paging moves it by a page, and end shows the last file.
func TestFileListScrollsToTheCursor(t *testing.T) {
	dir := t.TempDir()
	path := writeExampleFile(t, dir, "mixed", "mixed.toml")
	ex, _ := orgs.ExampleNamed("mixed")
	for i := range 40 {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("other-%02d.toml", i)), ex.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	m := openModel(t, path, false)
	m.Update(keyMsgSize(80, 24))
	press(t, m, "o")
	if !shown[*fileList](m) || len(onTop[fileList](m).listing.Files) != 41 {
		t.Fatalf("o: screen %s, %d files", screenName(m), len(onTop[fileList](m).listing.Files))
	}
	cursorShows := func(what string) {
		t.Helper()
		name := filepath.Base(onTop[fileList](m).listing.Files[onTop[fileList](m).listing.Cursor].Path)
		v := m.View()
		if !strings.Contains(v, "> "+name) {
			t.Errorf("%s: the cursor's file %s does not show:\n%s", what, name, v)
		}
		checkView(t, m, what)
	}
	press(t, m, "pgdown")
	if onTop[fileList](m).listing.Cursor < 5 {
		t.Errorf("pgdown moved the cursor to %d only", onTop[fileList](m).listing.Cursor)
	}
	cursorShows("pgdown")
	press(t, m, "end")
	if onTop[fileList](m).listing.Cursor != 40 {
		t.Errorf("end: cursor %d", onTop[fileList](m).listing.Cursor)
	}
	cursorShows("end")
	if strings.Contains(m.View(), "other-00.toml") {
		t.Error("end did not scroll the list")
	}
	press(t, m, "home")
	cursorShows("home")
	for range 30 {
		press(t, m, "down")
	}
	cursorShows("down")
	m.Update(keyMsgSize(100, 17))
	cursorShows("resized")
	pressBack(t, m, "q")
}

// Issue 9: `c` on 20,000 teams froze the screen for seconds, the comparison being worked out
// in Update. Update now only opens the screen ("comparing..."); the command does the work,
// and an edit made meanwhile does not reach the comparison being made.
func TestCompareComputesInACommand(t *testing.T) {
	m := newModel(t, "mixed", 80, 24)
	selectTeam(t, m, "Operations SRE")
	press(t, m, ">")
	_, cmd := m.Update(keyMsg("c"))
	if !shown[*comparing](m) || cmd == nil {
		t.Fatalf("c: screen %s, command %v", screenName(m), cmd)
	}
	if m.compared().data != nil {
		t.Fatal("the comparison was made in Update")
	}
	mustShow(t, m, "comparing...", "no word while comparing")
	msg := cmd()
	if _, ok := msg.(compareReadyMsg); !ok {
		t.Fatalf("the command gave %T", msg)
	}
	run(m, msg)
	if m.compared().data == nil || len(m.compared().data.Diff.Moves) != 1 || m.compared().data.Diff.Moves[0].Team != "Operations SRE" {
		t.Fatalf("the comparison did not arrive: %+v", m.compared().data)
	}
	mustShow(t, m, "SRE org (moved)", "compare screen lacks the move")

	// a comparison for a screen left before it arrived is dropped
	press(t, m, "esc")
	_, cmd = m.Update(keyMsg("c"))
	stale := cmd()
	press(t, m, "esc")
	run(m, stale)
	if !m.onGround() || m.compared() != nil {
		t.Errorf("a late comparison reopened the screen: screen %s", screenName(m))
	}
}

// A file whose name holds a control character could never be saved from: its scenario's
// based_on was refused, and the prompt lost the character. It is shown sanitized and saved
// under its real name.
func TestSaveFromAFileWithAControlCharacterInItsName(t *testing.T) {
	dir := t.TempDir()
	path := writeExampleFile(t, dir, "mixed", "a\x01b.toml")
	m := openModel(t, path, false)
	press(t, m, "+", "s")
	if !shown[saveScreen](m) || !strings.HasSuffix(m.save.path.Value(), `a\x01b-scenario-1.toml`) {
		t.Fatalf("the prompt does not show the name sanitized: %q", m.save.path.Value())
	}
	press(t, m, "enter")
	saved := filepath.Join(dir, "a\x01b-scenario-1.toml")
	o, _, err := orgs.LoadFile(saved)
	if err != nil {
		t.Fatalf("not saved under its real name: %v (status %q)", err, m.status)
	}
	if o.Scenario == nil || o.Scenario.BasedOn != "a\x01b.toml" || m.Modified() {
		t.Errorf("scenario %+v, modified %v", o.Scenario, m.Modified())
	}
	if strings.ContainsRune(m.View(), '\x01') {
		t.Error("the raw control character reached the screen")
	}
}
