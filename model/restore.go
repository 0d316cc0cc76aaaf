package model

import (
	"os"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/sretopo/sretopo/orgs"
)

// The restore question's additions to the journal (journal.go): whether the file changed
// on disk after the work was kept, and "decide later".

// staleCheckedMsg is what a journal check found, with whether the file changed on disk
// after the work was kept.
type staleCheckedMsg struct {
	found journalFoundMsg
	stale bool
}

// checkStale compares, off the update loop, when the file and its journal were last written.
func checkStale(found journalFoundMsg) tea.Cmd {
	return func() tea.Msg {
		f, ferr := os.Stat(found.input)
		j, jerr := os.Stat(orgs.JournalPath(found.input))
		return staleCheckedMsg{found: found, stale: ferr == nil && jerr == nil && f.ModTime().After(j.ModTime())}
	}
}

// restoreLater closes the restore question without deciding: the earlier work stays where
// it is, offered again at the next start, and this session keeps no journal of its own
// until then (it would replace that work).
func (m *Model) restoreLater() {
	m.journal.found = nil
	m.journal.failed = true // the header says "no recovery file"
	m.mode = modeBoard
	m.setStatus("decided later: the earlier work stays in " + orgs.JournalPath(m.input) + " and is offered again at the next start; until then, changes here have no recovery file")
}
