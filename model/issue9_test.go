package model

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/sretopo/sretopo/orgs"
)

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

// Issue 9: two dashboards on one file overwrote each other's journal, the one quitting
// deleted the other's, and the second to start offered the first one's live work as "from
// an earlier session". The first holds the journal; the second says so in its header, edits
// without one and touches nothing of the first's; once the first has ended, its work is
// offered.
func TestSecondDashboardOnAFileKeepsNoJournal(t *testing.T) {
	path := mixedFile(t)
	jp := orgs.JournalPath(path)
	first := startedOn(t, path)
	press(t, first, "+") // Online Shop 9 -> 10 people, journaled
	if j, _ := orgs.ReadJournal(path); j == nil || j.Team("Online Shop").Headcount != 10 {
		t.Fatalf("the first dashboard's journal: %v", j)
	}

	second := openModel(t, path, true)
	second.Update(tea.WindowSizeMsg{Width: 140, Height: 30})
	start(second)
	if shown[*restoreQuestion](second) {
		t.Fatal("the second dashboard offered the first one's live work")
	}
	if got := second.NoRecovery(); got != "another dashboard on this file holds it" {
		t.Errorf("NoRecovery = %q", got)
	}
	if v := second.View(); !strings.Contains(v, "no recovery file: another dashboard on this file holds it") {
		t.Errorf("the header does not say it:\n%s", v)
	}
	press(t, second, "j", "-", "-") // edits of its own, not journaled
	if j, _ := orgs.ReadJournal(path); j == nil || j.Team("Online Shop").Headcount != 10 {
		t.Errorf("the second dashboard wrote the journal: %v", j)
	}
	press(t, second, "q", "d") // quit, discarding its changes: the first one's journal stays
	if !exists(jp) {
		t.Fatal("the second dashboard deleted the first one's journal")
	}
	if first.NoRecovery() != "" {
		t.Errorf("the first dashboard lost its journal: %q", first.NoRecovery())
	}

	ended(first) // killed: its work is now that of an earlier session
	third := startedOn(t, path)
	if !shown[*restoreQuestion](third) || onTop[restoreQuestion](third).found.org.Team("Online Shop").Headcount != 10 {
		t.Errorf("the ended dashboard's work is not offered: screen %s", screenName(third))
	}
	press(t, third, "d")
	if !press(t, third, "q") || exists(jp) || exists(orgs.LockPath(path)) {
		t.Error("a clean quit left the journal or its lock file")
	}
}

// When the journal cannot be written the header says "no recovery file" and why, from the
// start, when the folder is read-only or the journal's path is not a regular file.
func TestHeaderSaysWhyThereIsNoRecoveryFile(t *testing.T) {
	path := mixedFile(t)
	if err := os.Symlink(os.DevNull, orgs.JournalPath(path)); err != nil {
		t.Fatal(err)
	}
	m := openModel(t, path, true)
	m.Update(tea.WindowSizeMsg{Width: 140, Height: 30})
	start(m)
	if v := m.View(); !strings.Contains(v, "no recovery file") || !strings.Contains(v, "sretopo-recover is a symbolic link, left alone") {
		t.Errorf("journal linked to a device:\n%s", v)
	}
	press(t, m, "+")
	if st, err := os.Lstat(orgs.JournalPath(path)); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was written over")
	}
	press(t, m, "q", "d")

	ro := t.TempDir()
	path = writeExampleFile(t, ro, "mixed", "mixed.toml")
	if err := os.Chmod(ro, 0o555); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(ro, 0o755)
	m = openModel(t, path, true)
	m.Update(tea.WindowSizeMsg{Width: 140, Height: 30})
	start(m)
	mustShow(t, m, "no recovery file: the folder is not writable", "read-only folder")
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
