package model

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"

	"github.com/sretopo/sretopo/internal/poll"
	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/views"
)

// Flows drive the real program (teatest) the way a person does, and check what it drew and
// the state it ended in.

// waitFor waits until the program has drawn every text (since the last wait: a wait
// consumes what it read).
func waitFor(t *testing.T, tm *teatest.TestModel, texts ...string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		for _, text := range texts {
			if !bytes.Contains(b, []byte(text)) {
				return false
			}
		}
		return true
	}, teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
}

func send(tm *teatest.TestModel, keys ...string) {
	for _, k := range keys {
		tm.Send(keyMsg(k))
	}
}

func finalModel(t *testing.T, tm *teatest.TestModel) *Model {
	t.Helper()
	return tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(*Model)
}

// quitDiscarding quits with q, answers the question about unsaved changes with d, and is
// the model as it ended.
func quitDiscarding(t *testing.T, tm *teatest.TestModel) *Model {
	t.Helper()
	send(tm, "q")
	waitFor(t, tm, "Unsaved changes")
	send(tm, "d")
	return finalModel(t, tm)
}

func TestFlowFindMoveUndoRedo(t *testing.T) {
	m := New(Config{Opened: opened(t, "mixed"), Embedded: true, Styles: views.DefaultStyles(), Save: noSave, Write: noWrite})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(120, 40))
	waitFor(t, tm, "Development org")

	// find the SRE team of the ops org as you type, select it
	send(tm, "/")
	tm.Type("operations s")
	waitFor(t, tm, "1 match")
	send(tm, "enter")
	waitFor(t, tm, `selected "Operations SRE"`)

	// create the SRE org's first big team: move it right
	send(tm, ">")
	waitFor(t, tm, "(was ops org)", "modified")

	// undo, then redo
	send(tm, "u")
	waitFor(t, tm, "undid: moved")
	send(tm, "ctrl+r")
	waitFor(t, tm, "redid: moved")

	// quit with the guard, discarding
	fm := quitDiscarding(t, tm)
	if got := fm.Current().Team("Operations SRE").Org; got != orgs.OrgSRE {
		t.Errorf("final org %s", got)
	}
	if fm.Analysis().Transition.Decisions[0].Kind != orgs.DecideReportingLines {
		t.Errorf("decisions %+v", fm.Analysis().Transition.Decisions)
	}
}

func TestFlowSave(t *testing.T) {
	dir := t.TempDir()
	path := writeExampleFile(t, dir, "mixed", "mixed.toml")
	ex, _ := orgs.ExampleNamed("mixed")
	tm := flowOn(t, path)
	send(tm, "l", ">", "s")
	waitFor(t, tm, "Save the scenario")
	send(tm, "enter")
	waitFor(t, tm, "saved the scenario")
	send(tm, "q") // saved: no question
	fm := finalModel(t, tm)
	if fm.Modified() {
		t.Error("modified after saving")
	}
	saved := filepath.Join(dir, "mixed-scenario-1.toml")
	text := string(readFile(t, saved))
	for _, want := range []string{"\n[scenario]\n", "\nbased_on = \"mixed.toml\"\n", "\nbased_on_sha256 = \"" + orgs.SHA256(ex.Data) + "\"\n", "\nsaved_at = "} {
		if !strings.Contains(text, want) {
			t.Errorf("the saved file lacks %q:\n%s", want, text)
		}
	}
	if exists(orgs.JournalPath(path)) {
		t.Error("the journal is still there after the save and a clean quit")
	}
	back, err := orgs.Open(saved, "")
	if err != nil {
		t.Fatalf("the saved scenario does not open: %v", err)
	}
	if back.BaselinePath != path || back.Org.Team("Operations SRE").Org != orgs.OrgSRE {
		t.Errorf("saved scenario: baseline %q, org %s", back.BaselinePath, back.Org.Team("Operations SRE").Org)
	}
	// the input is never touched
	if data, _ := os.ReadFile(path); !bytes.Equal(data, ex.Data) {
		t.Error("the input file changed")
	}
}

func TestFlowQuitGuard(t *testing.T) {
	m := New(Config{Opened: opened(t, "health-platform"), Embedded: true, Styles: views.DefaultStyles(), Save: noSave, Write: noWrite})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24))
	waitFor(t, tm, "Development org")
	send(tm, "+", "q")
	waitFor(t, tm, "Unsaved changes")
	send(tm, "esc") // back to the board
	waitFor(t, tm, "[Topology]")
	send(tm, "+") // one more edit, ask again once its risk figures are back
	waitFor(t, tm, "breach 3")
	send(tm, "q")
	waitFor(t, tm, "Unsaved changes")
	send(tm, "ctrl+c", "ctrl+c") // the second ctrl+c leaves
	fm := finalModel(t, tm)
	if !fm.Modified() || fm.Current().Teams[0].Headcount != 10 {
		t.Errorf("final headcount %d", fm.Current().Teams[0].Headcount)
	}
	golden.RequireEqual(t, []byte(afterQuit(fm)))
}

// afterQuit is what the final model would draw had it not quit: the board with its marks.
func afterQuit(m *Model) string {
	m.quitting = false
	m.closeAll()
	m.sync()
	return m.View()
}

func TestFlowPresentation(t *testing.T) {
	m := New(Config{Opened: opened(t, "topology-6"), Embedded: true, Styles: views.DefaultStyles(), Save: noSave, Write: noWrite, Present: true})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24))
	waitFor(t, tm, "1 Clarify")
	send(tm, "right", "right", "right", "right")
	waitFor(t, tm, "4 Analyze")
	send(tm, "esc")
	waitFor(t, tm, "SRE org")
	send(tm, "q")
	fm := finalModel(t, tm)
	if fm.presenting() {
		t.Error("still presenting")
	}
}

// TestFlowResizes sends many sizes to the running program: it never fails.
func TestFlowResizes(t *testing.T) {
	m := New(Config{Opened: opened(t, "mixed"), Embedded: true, Styles: views.DefaultStyles(), Save: noSave, Write: noWrite})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24))
	waitFor(t, tm, "Development org")
	for _, sz := range [][2]int{{1, 1}, {0, 0}, {59, 15}, {200, 60}, {20, 6}, {161, 50}, {80, 24}} {
		tm.Send(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
	}
	waitFor(t, tm, "Development org")
	send(tm, "q")
	fm := finalModel(t, tm)
	if fm.w != 80 || fm.h != 24 {
		t.Errorf("final size %dx%d", fm.w, fm.h)
	}
	if !strings.Contains(afterQuit(fm), "Development org") {
		t.Error("the board is gone after the resizes")
	}
}

// waitForJournal waits until check accepts what the journal of input holds.
func waitForJournal(t *testing.T, input string, check func(*orgs.Org) bool) {
	t.Helper()
	if !poll.Until(func() bool {
		o, err := orgs.ReadJournal(input)
		return err == nil && o != nil && check(o)
	}) {
		t.Fatal("the journal never held the edits")
	}
}

// TestFlowJournalRestore: edit, the program is dropped without quitting (as when the
// terminal is killed), and the next start on the same input offers the work back.
func TestFlowJournalRestore(t *testing.T) {
	path := mixedFile(t)
	tm := flowOn(t, path)
	send(tm, "l", ">", "h", "h", "+", "+")
	waitFor(t, tm, "modified", `"Online Shop": headcount 11`)
	waitForJournal(t, path, func(o *orgs.Org) bool {
		return o.Team("Operations SRE").Org == orgs.OrgSRE && o.Team("Online Shop").Headcount == 11
	})
	// gone without a quit: the program stops, the model never hears of it
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	if !exists(orgs.JournalPath(path)) {
		t.Fatal("the journal went with the program")
	}
	ended(tm.FinalModel(t).(*Model)) // and so does its process

	tm = teatest.NewTestModel(t, openModel(t, path, true), teatest.WithInitialTermSize(100, 30))
	waitFor(t, tm, "Unsaved work from an earlier session was found (")
	send(tm, "r")
	waitFor(t, tm, "restored the unsaved work")
	fm := quitDiscarding(t, tm)
	if fm.Current().Team("Operations SRE").Org != orgs.OrgSRE || fm.Current().Team("Online Shop").Headcount != 11 || !fm.Modified() {
		t.Error("the restored model is not the edited one")
	}
	if exists(orgs.JournalPath(path)) {
		t.Error("discard left the journal")
	}
}

// TestFlowOpenScenario opens a second scenario with o.
func TestFlowOpenScenario(t *testing.T) {
	t.Chdir(t.TempDir()) // short paths: the header shows them whole
	path := writeExampleFile(t, ".", "mixed", "mixed.toml")
	s1, s2 := scenarioFiles(t, path)
	tm := teatest.NewTestModel(t, openModel(t, s1, false), teatest.WithInitialTermSize(100, 30))
	waitFor(t, tm, "mixed-scenario-1.toml", "baseline")
	send(tm, "o")
	waitFor(t, tm, "Scenarios of mixed.toml", `"bigger checkout"`, "(open now)")
	send(tm, "enter") // the newest first: scenario 2
	waitFor(t, tm, "opened "+s2)
	send(tm, "q")
	fm := finalModel(t, tm)
	if fm.file != s2 || fm.basePath != path || fm.Current().Team("Checkout").Headcount != 12 || fm.Modified() {
		t.Errorf("final: file %q, baseline %q", fm.file, fm.basePath)
	}
}

// TestFlowCompareShowsAMove compares the baseline with an edit that moves a team.
func TestFlowCompareShowsAMove(t *testing.T) {
	m := New(Config{Opened: opened(t, "mixed"), Embedded: true, Styles: views.DefaultStyles(), Save: noSave, Write: noWrite})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24))
	waitFor(t, tm, "Development org")
	send(tm, "l", ">", "c")
	waitFor(t, tm, "What changed, team by team", "* Operations SRE", "SRE org (moved)")
	send(tm, "end")
	waitFor(t, tm, "Advisories")
	send(tm, "esc")
	waitFor(t, tm, "Development org")
	send(tm, "q", "d")
	fm := finalModel(t, tm)
	if !fm.onGround() || fm.compared() != nil {
		t.Error("compare still open")
	}
}

// The saving cases: what a user types, what the screen says and what ends up on disk.

// flowOn runs the program on the file at path, opened as openModel does with the recovery
// journal on.
func flowOn(t *testing.T, path string) *teatest.TestModel {
	t.Helper()
	tm := teatest.NewTestModel(t, openModel(t, path, true), teatest.WithInitialTermSize(100, 30))
	waitFor(t, tm, "Development org")
	return tm
}

// saveAsOnMixed runs the program on a copy of mixed in a folder of its own, raises a
// headcount and opens "save as", waiting for its prompt to show texts as well; it is the
// program, the folder and the copy.
func saveAsOnMixed(t *testing.T, texts ...string) (tm *teatest.TestModel, dir, path string) {
	t.Helper()
	path = mixedFile(t)
	dir = filepath.Dir(path)
	tm = flowOn(t, path)
	send(tm, "+", "S")
	waitFor(t, tm, append([]string{"Save the scenario"}, texts...)...)
	return tm, dir, path
}

// TestFlowSaveAsAddsToml: a name typed without .toml is saved as name.toml, which o lists.
func TestFlowSaveAsAddsToml(t *testing.T) {
	tm, dir, _ := saveAsOnMixed(t)
	tm.Send(tea.KeyMsg{Type: tea.KeyCtrlU}) // clear the name proposed
	tm.Type(filepath.Join(dir, "bigger"))
	send(tm, "enter")
	waitFor(t, tm, "saved the scenario to", "bigger.toml")
	send(tm, "o")
	waitFor(t, tm, "bigger.toml")
	send(tm, "esc", "q")
	fm := finalModel(t, tm)
	if fm.file != filepath.Join(dir, "bigger.toml") || !exists(fm.file) || exists(filepath.Join(dir, "bigger")) {
		t.Errorf("saved as %q", fm.file)
	}
}

// TestFlowSaveAsTypedNameReplacesTheSuggestion: typing a name in the save prompt replaces
// the name proposed rather than being appended to it; backspace edits the proposal.
func TestFlowSaveAsTypedNameReplacesTheSuggestion(t *testing.T) {
	tm, dir, _ := saveAsOnMixed(t, "type to replace it")
	tm.Type(filepath.Join(dir, "covered"))
	send(tm, "enter")
	waitFor(t, tm, "saved the scenario to", "covered.toml")
	send(tm, "+", "S")
	waitFor(t, tm, "Save the scenario")
	// the proposal is covered-scenario-1.toml: backspace edits it (".toml" and the 1)
	send(tm, "backspace", "backspace", "backspace", "backspace", "backspace", "backspace")
	tm.Type("9")
	send(tm, "enter")
	waitFor(t, tm, "saved the scenario to", "covered-scena") // the status line cuts the rest
	send(tm, "q")
	fm := finalModel(t, tm)
	if !exists(filepath.Join(dir, "covered.toml")) || fm.file != filepath.Join(dir, "covered-scenario-9.toml") {
		t.Errorf("saved as %q", fm.file)
	}
}

// TestFlowUpdateScenarioInPlace: s on an open scenario asks once, then rewrites the same
// file with the same title and note.
func TestFlowUpdateScenarioInPlace(t *testing.T) {
	meta := orgs.ScenarioMeta{Title: "Bigger shop", Note: "asked by finance"}
	_, sc := whatIf(t, meta)
	tm := flowOn(t, sc)
	updateScenario(t, tm, []string{"+", "s"}, "what-if.toml")
	waitFor(t, tm, "saved the scenario to")
	send(tm, "q")
	wantUpdatedInPlace(t, tm, sc, meta)
	if exists(filepath.Join(filepath.Dir(sc), "what-if-scenario-1.toml")) {
		t.Error("a new file written")
	}
}

// TestFlowBackToBaselineIsNotModified: b after an edit leaves nothing to save, so q quits
// without asking.
func TestFlowBackToBaselineIsNotModified(t *testing.T) {
	path := writeExampleFile(t, t.TempDir(), "mixed", "mixed.toml")
	tm := flowOn(t, path)
	send(tm, "+")
	waitFor(t, tm, "modified")
	send(tm, "b")
	waitFor(t, tm, "back to the baseline")
	send(tm, "q")
	if fm := finalModel(t, tm); fm.Modified() || shown[*quitGuard](fm) {
		t.Error("q asked about a model equal to the file")
	}
}

// TestFlowCrashAfterSaveAs: edits made after "save as" are journalled under the new file,
// so a crash offers them when that file is opened again, and the original has no journal.
func TestFlowCrashAfterSaveAs(t *testing.T) {
	tm, dir, path := saveAsOnMixed(t)
	send(tm, "enter")
	waitFor(t, tm, "saved the scenario to")
	saved := filepath.Join(dir, "mixed-scenario-1.toml")
	send(tm, "+", "+")
	if !poll.Until(func() bool { return exists(orgs.JournalPath(saved)) }) {
		t.Fatal("edits after save as were never journalled")
	}
	// the crash: the program ends without a word to the model
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	if exists(orgs.JournalPath(path)) {
		t.Error("the original file has a journal of work done on the scenario")
	}
	j, err := orgs.ReadJournal(saved)
	if err != nil || j == nil || j.Team("Online Shop").Headcount != 12 {
		t.Fatalf("journal of the saved scenario: %v, %v", j, err)
	}
	// opened again, the scenario offers the work
	m := startedOn(t, saved)
	if v := m.View(); !shown[*restoreQuestion](m) || !strings.Contains(v, "Unsaved work found") {
		t.Fatalf("no restore offered:\n%s", v)
	}
}

// TestRestoreLaterAndStale: the recovery question says when the file changed on disk after
// the work was kept, and esc decides later, keeping the work for the next start.
func TestRestoreLaterAndStale(t *testing.T) {
	path := mixedFile(t)
	m := startedOn(t, path)
	press(t, m, "+")
	jp := orgs.JournalPath(path)
	if !poll.Until(func() bool { return exists(jp) }) {
		t.Fatal("the edit was never journalled")
	}
	later := time.Now().Add(time.Minute)
	if err := os.Chtimes(path, later, later); err != nil {
		t.Fatal(err)
	}
	ended(m) // the first dashboard is gone (a crash): its lock with it
	m = startedOn(t, path)
	v := m.View()
	if !shown[*restoreQuestion](m) || !strings.Contains(v, "changed on disk after this work was kept") || !strings.Contains(v, "decide later") {
		t.Fatalf("no warning or no esc in the question:\n%s", v)
	}
	press(t, m, "esc")
	if !shown[*notice](m) || !strings.Contains(m.View(), "offered again at the next start") {
		t.Fatalf("deciding later does not say, until dismissed, where the work stays:\n%s", m.View())
	}
	press(t, m, "esc")
	if !m.onGround() || !exists(jp) {
		t.Fatal("esc did not close the question, or removed the work")
	}
	press(t, m, "-", "-")
	time.Sleep(20 * time.Millisecond)
	if j, _ := orgs.ReadJournal(path); j == nil || j.Team("Online Shop").Headcount != 10 {
		t.Errorf("the earlier work was replaced: %v", j)
	}
}

// TestFlowQuitGuardUpdatesTheScenario: q with unsaved changes on an open scenario, then s,
// asks once, updates the scenario in place and quits.
func TestFlowQuitGuardUpdatesTheScenario(t *testing.T) {
	meta := orgs.ScenarioMeta{Title: "Kept"}
	base, sc := whatIf(t, meta)
	tm := flowOn(t, sc)
	send(tm, "+", "q")
	waitFor(t, tm, "Unsaved changes", "update what-if.toml first")
	updateScenario(t, tm, []string{"s"})
	wantUpdatedInPlace(t, tm, sc, meta)
	if exists(orgs.JournalPath(sc)) || exists(orgs.JournalPath(base)) {
		t.Error("a journal stayed after the clean quit")
	}
}

// updateScenario presses keys that save over the open scenario and answers yes when asked
// whether to update it, the question showing the texts too.
func updateScenario(t *testing.T, tm *teatest.TestModel, keys []string, texts ...string) {
	t.Helper()
	send(tm, keys...)
	waitFor(t, tm, append([]string{"Update the scenario?"}, texts...)...)
	send(tm, "y")
}

// wantUpdatedInPlace waits for the program to end and checks that sc holds the edit (Online
// Shop up to 10) under the title and note it had, and that the model ended saved.
func wantUpdatedInPlace(t *testing.T, tm *teatest.TestModel, sc string, meta orgs.ScenarioMeta) {
	t.Helper()
	fm := finalModel(t, tm)
	got, _, err := orgs.LoadFile(sc)
	if err != nil {
		t.Fatal(err)
	}
	if got.Scenario.Title != meta.Title || got.Scenario.Note != meta.Note || got.Team("Online Shop").Headcount != 10 || fm.Modified() {
		t.Errorf("updated scenario: %+v, headcount %d, modified %v", got.Scenario, got.Team("Online Shop").Headcount, fm.Modified())
	}
}

// whatIf writes the mixed example as a baseline and what-if.toml beside it, a scenario of
// it unchanged with meta (its based_on that baseline).
func whatIf(t *testing.T, meta orgs.ScenarioMeta) (base, sc string) {
	t.Helper()
	dir := t.TempDir()
	base = writeExampleFile(t, dir, "mixed", "mixed.toml")
	sc = filepath.Join(dir, "what-if.toml")
	o, _, err := orgs.LoadFile(base)
	if err != nil {
		t.Fatal(err)
	}
	meta.BasedOn, meta.BasedOnData = base, readFile(t, base)
	if err := orgs.SaveScenario(sc, o, meta, false); err != nil {
		t.Fatal(err)
	}
	return base, sc
}
