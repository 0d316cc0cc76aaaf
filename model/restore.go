package model

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/views"
	"github.com/sretopo/sretopo/words"
)

// The restore question: unsaved work an earlier session left in the recovery journal
// (journal.go) was found at the start. It is a screen of its own: restore it, discard it,
// or decide later (the work stays, offered again at the next start); it warns when the file
// changed on disk after the work was kept.

// restoreQuestion is the restore question as a screen; the root model does what was chosen.
type restoreQuestion struct {
	overBoard
	rowsOnly
	found *foundWork
	// stale is set when the file changed on disk after the work was kept; file is the
	// file's name.
	stale bool
	file  string
	keys  restoreKeys
}

// restoreKeys are the restore question's keys, in its words; its rows (bindings) and its
// dialog read them.
type restoreKeys struct{ Restore, Discard, Later key.Binding }

func newRestoreQuestion(found *foundWork, stale bool, input string, k KeyMap) *restoreQuestion {
	return &restoreQuestion{found: found, stale: stale, file: filepath.Base(input), keys: restoreKeys{
		Restore: withHelp(k.Restore, "r", "restore the work"),
		Discard: withHelp(k.Discard, "d", "discard it"),
		Later:   k.Later,
	}}
}

// Dialog offers the earlier session's work in the panels' place, panelsH rows high,
// listing as many of its changes as fit.
func (q restoreQuestion) Dialog(panelsH int) *views.Dialog {
	f := q.found
	if f == nil {
		return nil
	}
	k := &q.keys
	body := fmt.Sprintf("Unsaved work from an earlier session was found (%s vs the file). Restore it?",
		words.Count(f.diff.Changes(), "change"))
	body += "\n\n" + k.Restore.Help().Key + "  restore it (then u undoes it)\n" + k.Discard.Help().Key + "  discard it\n" +
		firstKey(k.Later) + "  decide later (the work is kept)"
	// border, title and blank line; the sentence (two lines); blank and two keys; blank
	room := min(8, panelsH-4-2-3-1)
	if panelsH == 0 {
		room = 0
	}
	if lines := changeLines(f.diff); room >= 1 && len(lines) > 0 {
		if len(lines) > room {
			lines = append(lines[:room-1], fmt.Sprintf("  ... and %d more", len(lines)-room+1))
		}
		body += "\n\n" + strings.Join(lines, "\n")
	}
	if q.stale {
		body = views.GlyphWarning + " " + views.S(q.file) + " changed on disk after this work was kept: restoring it undoes those changes.\n\n" + body
	}
	return &views.Dialog{Title: "Unsaved work found", Body: body, Wrap: true}
}

// bindings are the restore question's keys: restore the work (r), discard it (d), or
// decide later (esc, q); ctrl+c leaves everything as it is, the recovery file too.
func (q *restoreQuestion) bindings(m *Model) []screenKey {
	return []screenKey{
		onKey(m.keys.Interrupt, func(m *Model, _ tea.KeyMsg) tea.Cmd {
			m.quitting = true
			return tea.Quit
		}),
		onKey(q.keys.Restore, func(m *Model, _ tea.KeyMsg) tea.Cmd { return q.restore(m) }).shown(1),
		onKey(q.keys.Discard, func(m *Model, _ tea.KeyMsg) tea.Cmd {
			m.journal.ready = true
			m.closeAll()
			m.setStatus("discarded the unsaved work of an earlier session")
			return m.removeJournal(false)
		}).shown(2),
		onKey(q.keys.Later, func(m *Model, _ tea.KeyMsg) tea.Cmd {
			// the earlier work stays where it is, offered again at the next start, and this
			// session keeps no journal of its own until then (it would replace that work)
			m.journal.failed = true // the header says "no recovery file"
			m.closeAll()
			m.tell("Decided later", "the earlier work stays in "+orgs.JournalPath(m.input)+" and is offered again at the next start; until then, changes here have no recovery file", nil)
			return nil
		}).shown(3),
	}
}

// restore makes the earlier session's work the current model, one edit that u undoes.
func (q *restoreQuestion) restore(m *Model) tea.Cmd {
	f := q.found
	m.journal.ready = true
	m.closeAll()
	m.before = m.Selected()
	c, err := m.cur.ResetTo(f.org)
	if err != nil {
		m.setError("nothing to restore: " + err.Error())
		return m.removeJournal(false)
	}
	c.Summary = fmt.Sprintf("restored the unsaved work of an earlier session (%s vs the file)", words.Count(f.diff.Changes(), "change"))
	m.commit(entry{c, -1})
	m.setStatus(c.Summary + "; u undoes it")
	return nil
}

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
