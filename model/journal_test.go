package model

// The recovery file (the journal) as the dashboard keeps it: written when the model changes
// and only then, removed on a clean end, offered back after a crash, held by one dashboard
// per file, and never written through a link. They write real files in temporary folders.

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/sretopo/sretopo/orgs"
)

// TestJournalCoalescesAHeldKey: forty changes in a row ask for one write, which holds the
// last of them; moving around writes nothing.
func TestJournalCoalescesAHeldKey(t *testing.T) {
	path := mixedFile(t)
	m := startedOn(t, path)
	for _, k := range []string{"down", "up", "right", "left", "?", "?"} {
		if _, cmd := m.Update(keyMsg(k)); cmd != nil {
			t.Fatalf("%s: a command (a journal write?) without a change", k)
		}
	}
	cmds := 0
	for range 40 {
		if _, cmd := m.Update(keyMsg("+")); cmd != nil {
			cmds++
		}
	}
	if cmds != 1 {
		t.Errorf("40 changes asked for %d ticks, want 1", cmds)
	}
	if exists(orgs.JournalPath(path)) {
		t.Fatal("written before it was due")
	}
	run(m, journalDueMsg{})
	j, err := orgs.ReadJournal(path)
	if err != nil || j == nil || j.Team("Online Shop").Headcount != 49 {
		t.Fatalf("journal %v, %v", j, err)
	}
	// a due message with nothing new writes nothing
	if _, cmd := m.Update(journalDueMsg{}); cmd != nil {
		t.Error("a second write without a change")
	}
	// undo back to the file: journaled still, the journal is the current state
	for range 40 {
		run(m, keyMsg("u"))
	}
	if m.Modified() {
		t.Fatal("still modified")
	}
	j, _ = orgs.ReadJournal(path)
	if j == nil || j.Team("Online Shop").Headcount != 9 {
		t.Errorf("after undo the journal holds %v", j)
	}
}

func TestJournalNotWrittenWithoutChange(t *testing.T) {
	path := mixedFile(t)
	m := startedOn(t, path)
	press(t, m, "j", "l", "c", "esc", "p", "esc", "/", "esc")
	if exists(orgs.JournalPath(path)) {
		t.Error("a journal without a change")
	}
	if !press(t, m, "q") {
		t.Error("did not quit")
	}
}

func TestJournalRemovedOnCleanEnds(t *testing.T) {
	path := mixedFile(t)
	jp := orgs.JournalPath(path)

	// discard
	m := startedOn(t, path)
	press(t, m, "+")
	if !exists(jp) {
		t.Fatal("no journal after a change")
	}
	press(t, m, "q")
	if !exists(jp) {
		t.Fatal("the quit question removed the journal")
	}
	if !press(t, m, "d") || exists(jp) {
		t.Error("discard: not quit, or the journal stayed")
	}

	// save
	m = startedOn(t, path)
	press(t, m, "+", "s", "enter")
	if exists(jp) || m.Modified() {
		t.Error("the journal stayed after a save")
	}
	// from now on the journal belongs to the scenario just saved, not to the file opened
	saved := orgs.JournalPath(m.file)
	press(t, m, "+")
	if !exists(saved) || exists(jp) {
		t.Errorf("after a change following the save: journal of the scenario %v, of the file opened %v", exists(saved), exists(jp))
	}
	press(t, m, "u") // back to the saved state: unmodified, q leaves at once and cleanly
	if !press(t, m, "q") || exists(saved) || exists(jp) {
		t.Error("clean quit: not quit, or a journal stayed")
	}

	// a second ctrl+c leaves with unsaved changes: the journal stays, up to date
	m = startedOn(t, path)
	press(t, m, "+")
	m.Update(keyMsg("+")) // its write is not due yet
	press(t, m, "ctrl+c")
	if !press(t, m, "ctrl+c") {
		t.Fatal("the second ctrl+c did not quit")
	}
	if j, _ := orgs.ReadJournal(path); j == nil || j.Team("Online Shop").Headcount != 11 {
		t.Errorf("journal after ctrl+c ctrl+c: %v", j)
	}
}

func TestRestoreOffered(t *testing.T) {
	path := mixedFile(t)
	file, _, _ := orgs.LoadFile(path)
	work := file.Clone()
	work.Teams[work.TeamIndex("Operations SRE")].Org = orgs.OrgSRE
	if err := orgs.WriteJournal(path, work); err != nil {
		t.Fatal(err)
	}
	m := startedOn(t, path)
	if !shown[*restoreQuestion](m) {
		t.Fatalf("no restore offered: screen %s", screenName(m))
	}
	body := onTop[restoreQuestion](m).Dialog(m.lay.Panels.H).Body
	for _, want := range []string{"Unsaved work from an earlier session was found (1 change vs the file). Restore it?", "r  restore it (then u undoes it)", "d  discard it", "Operations SRE moved from the ops org to the SRE org."} {
		if !strings.Contains(body, want) {
			t.Errorf("the offer lacks %q:\n%s", want, body)
		}
	}
	if v := m.View(); !strings.Contains(v, "Unsaved work found") || !strings.Contains(v, "r restore the work") {
		t.Errorf("the offer is not drawn:\n%s", v)
	}
	press(t, m, "+") // keys other than r and d do nothing
	if m.Modified() || !shown[*restoreQuestion](m) {
		t.Fatal("a key went past the question")
	}
	press(t, m, "r")
	if !m.Modified() || team(t, m, "Operations SRE").Org != orgs.OrgSRE || !m.onGround() {
		t.Fatalf("restore: modified %v, org %s", m.Modified(), team(t, m, "Operations SRE").Org)
	}
	press(t, m, "u")
	if m.Modified() || team(t, m, "Operations SRE").Org != orgs.OrgOps {
		t.Error("undo did not go back to the file")
	}
	press(t, m, "ctrl+r")
	ended(m)

	// discard removes it
	if err := orgs.WriteJournal(path, work); err != nil {
		t.Fatal(err)
	}
	m = startedOn(t, path)
	press(t, m, "d")
	if !m.onGround() || m.Modified() || exists(orgs.JournalPath(path)) {
		t.Error("discard: the journal stayed or the model changed")
	}
	ended(m)

	// a journal that holds the file itself is not offered, and goes
	if err := orgs.WriteJournal(path, file); err != nil {
		t.Fatal(err)
	}
	m = startedOn(t, path)
	if !m.onGround() || exists(orgs.JournalPath(path)) {
		t.Error("a journal equal to the file was offered or kept")
	}
	ended(m)

	// ctrl+c at the question leaves it for next time
	if err := orgs.WriteJournal(path, work); err != nil {
		t.Fatal(err)
	}
	m = startedOn(t, path)
	if !press(t, m, "ctrl+c") || !exists(orgs.JournalPath(path)) {
		t.Error("ctrl+c at the question: not quit, or the journal went")
	}
}

// TestJournalFailureShows: where no recovery file can be written the user is told once, in
// full until dismissed, and the header keeps saying so.
func TestJournalFailureShows(t *testing.T) {
	dir := t.TempDir()
	path := writeExampleFile(t, dir, "mixed", "mixed.toml")
	m := startedOn(t, path)
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	press(t, m, "+")
	if !m.statusErr || !strings.HasPrefix(m.status, "no recovery file, unsaved work is not safe from a crash: ") || !shown[*notice](m) {
		t.Errorf("status %q, screen %s", m.status, screenName(m))
	}
	press(t, m, "esc", "+")
	if m.statusErr || !strings.Contains(m.View(), "! no recovery file: the folder is not writable  * modified") {
		t.Errorf("the header does not keep the warning:\n%s", m.View())
	}
	os.Chmod(dir, 0o755)
	press(t, m, "+")
	if strings.Contains(m.View(), "no recovery file") || !exists(orgs.JournalPath(path)) {
		t.Error("the warning stayed after a write succeeded")
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
		t.Skipf("no symbolic links here: %v", err)
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

// A recovery file planted as a link to ~/.bashrc (a cloned repository can hold one): the
// dashboard names the link in its header and status, keeps no recovery file, and edits,
// quitting and discarding never write, read or remove through it.
func TestRecoveryFileLinkIsNamedAndNeverWrittenThrough(t *testing.T) {
	path := mixedFile(t)
	bashrc := filepath.Join(t.TempDir(), ".bashrc")
	const content = "alias ll='ls -l'\n"
	if err := os.WriteFile(bashrc, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	jp := orgs.JournalPath(path)
	if err := os.Symlink(bashrc, jp); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	m := openModel(t, path, true)
	m.Update(tea.WindowSizeMsg{Width: 160, Height: 30})
	start(m)
	v := m.View()
	if !strings.Contains(v, "no recovery file") || !strings.Contains(v, ".mixed.toml.sretopo-recover is a symbolic link") {
		t.Errorf("the header does not name the link:\n%s", v)
	}
	if strings.Contains(v, "does not load") {
		t.Errorf("the link was read as a recovery file:\n%s", v)
	}
	press(t, m, "+", "+")
	press(t, m, "q", "d")
	if b, err := os.ReadFile(bashrc); err != nil || string(b) != content {
		t.Errorf("the linked file was written: %q", b)
	}
	if st, err := os.Lstat(jp); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced or removed")
	}
}
