package model

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/report"
	"github.com/sretopo/sretopo/views"
	"github.com/sretopo/sretopo/words"
)

// The journal keeps unsaved work safe from a crash or a killed terminal: every change of
// the current model is also written to a hidden recovery file beside the input
// (orgs.JournalPath), at most every journalDelay, so that a held key does not queue a
// write per repeat. It is removed when the session ends cleanly (quit without unsaved
// changes, discard, or another file opened) and after a successful save. The next start on
// the same input offers to restore what it holds.
//
// One dashboard per file keeps its journal: the one holding orgs.LockJournal's lock. Another
// dashboard on the same file edits without a journal, says so in its header, and never
// writes or removes the journal it does not own; and since the lock ends with its process,
// a journal found under the lock is always the work of a session that has ended.

// journalDelay is how long after a change the journal is written; changes coming faster
// are written together.
const journalDelay = 300 * time.Millisecond

// journal serializes the writes and removals of recovery files, which run as commands on
// goroutines of their own: an operation on a file runs only when no later one on that file
// has run already, so a write overtaken by a removal never brings the file back.
type journal struct {
	mu   sync.Mutex
	last map[string]int
}

func (j *journal) do(input string, seq int, f func() error) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.last == nil {
		j.last = map[string]int{}
	}
	if seq <= j.last[input] {
		return nil
	}
	j.last[input] = seq
	return f()
}

// journalState is the model's side of the journal.
type journalState struct {
	jr    *journal
	delay time.Duration
	// seq numbers every change of the model and every removal; done is the number of the
	// latest write or removal issued, so the journal is up to date when they are equal.
	seq, done int
	// tick is set while a journalDueMsg is on its way.
	tick bool
	// ready is set once the check for an earlier session's work is over: before, writing
	// would replace the work about to be offered.
	ready bool
	// dirty is set when the model changed during the update being handled.
	dirty bool
	// failed is set once a failure has been shown (it is shown once).
	failed bool
	// lock is the held lock on the input's journal (nil before the check, or where the
	// system has no locks).
	lock *orgs.JournalLock
	// off says why this session keeps no journal at all ("" while it keeps one): another
	// dashboard holds it, or its lock file cannot be made.
	off string
	// why is the reason of the last failed write, for the header.
	why string
}

// journaling reports whether this session keeps a journal.
func (m *Model) journaling() bool { return m.cfg.Journal && m.journal.off == "" }

// NoRecovery says why unsaved work has no recovery file ("" when it has one), for the
// header.
func (m *Model) NoRecovery() string {
	switch {
	case !m.cfg.Journal:
		return ""
	case m.journal.off != "":
		return m.journal.off
	case m.journal.failed:
		return m.journal.why
	}
	return ""
}

type foundWork struct {
	org  *orgs.Org
	diff *orgs.Diff
}

// journalDueMsg says a journal write is due.
type journalDueMsg struct{}

// journalDoneMsg is the outcome of a journal write or removal.
type journalDoneMsg struct{ err error }

// journalFoundMsg is what the check at the start of a session found on its input.
type journalFoundMsg struct {
	input string
	org   *orgs.Org
	diff  *orgs.Diff
	err   error
	// lock is the lock taken on the journal; lockErr why the journal cannot be kept (the
	// lock could not be taken, or the journal's path is not a regular file).
	lock    *orgs.JournalLock
	lockErr error
}

// checkJournal looks for the work an earlier session left on the input, off the update
// loop; until it answers, nothing is journaled.
func (m *Model) checkJournal() tea.Cmd {
	if !m.cfg.Journal {
		return nil
	}
	m.journal.ready, m.journal.off = false, ""
	input, file := m.input, m.op.Org
	return func() tea.Msg {
		lock, lerr := orgs.LockJournal(input)
		if lerr != nil {
			return journalFoundMsg{input: input, lockErr: lerr}
		}
		if err := orgs.CheckOwnFile(orgs.JournalPath(input)); err != nil {
			// a link (to a terminal, to ~/.bashrc), a FIFO: never read, never written, left
			// alone, said at once
			return journalFoundMsg{input: input, lock: lock, lockErr: err}
		}
		o, err := orgs.ReadJournal(input)
		msg := journalFoundMsg{input: input, org: o, err: err, lock: lock}
		if o != nil {
			msg.diff = orgs.Compare(input, file, "unsaved work", o)
		}
		return msg
	}
}

// journalFound acts on what the check at the start found: stale is set when the file
// changed on disk after the work found was kept.
func (m *Model) journalFound(msg journalFoundMsg, stale bool) tea.Cmd {
	if msg.input != m.input || m.journal.ready {
		msg.lock.Release(false) // the check of a session no longer open
		return nil
	}
	m.journal.lock = msg.lock
	switch {
	case errors.Is(msg.lockErr, orgs.ErrJournalHeld):
		m.journal.ready, m.journal.off = true, "another dashboard on this file holds it"
		m.tell("No recovery file", "another dashboard is open on this file: this one edits without a recovery file; save before quitting", nil)
		return nil
	case msg.lockErr != nil:
		m.journal.ready, m.journal.off = true, journalWhy(msg.lockErr)
		m.tell("No recovery file", "no recovery file, unsaved work is not safe from a crash: "+m.journal.off, nil)
		return nil
	case msg.err != nil:
		m.journal.ready = true
		m.tell("The recovery file is ignored", fmt.Sprintf("the recovery file %s does not load and is ignored: %s", orgs.JournalPath(m.input), oneLine(msg.err)), nil)
	case msg.org == nil:
		m.journal.ready = true
	case !msg.diff.Differ:
		// what was left is the file itself: nothing to restore
		m.journal.ready = true
		return m.removeJournal(false)
	default:
		m.show(newRestoreQuestion(&foundWork{org: msg.org, diff: msg.diff}, stale, m.input, m.keys))
		return nil
	}
	return m.journalSchedule() // changes made while the check ran
}

// changeLines are the diff's changes in sentences, as `sretopo diff` says them.
func changeLines(d *orgs.Diff) []string {
	var out []string
	in := false
	for _, l := range strings.Split(report.DiffText(d, views.S), "\n") {
		switch {
		case l == "Changes:":
			in = true
		case in && strings.HasPrefix(l, "  "):
			out = append(out, l)
		case in:
			return out
		}
	}
	return out
}

// journalChanged notes a change of the current model: a write becomes due.
func (m *Model) journalChanged() tea.Cmd {
	if !m.journaling() {
		return nil
	}
	m.journal.seq++
	return m.journalSchedule()
}

// journalSchedule sends a journalDueMsg after the delay, unless one is on its way already
// or the journal is up to date.
func (m *Model) journalSchedule() tea.Cmd {
	j := &m.journal
	if !m.journaling() || !j.ready || j.tick || j.done == j.seq {
		return nil
	}
	j.tick = true
	return tea.Tick(j.delay, func(time.Time) tea.Msg { return journalDueMsg{} })
}

func (m *Model) journalDue() tea.Cmd {
	m.journal.tick = false
	if !m.journaling() || !m.journal.ready || m.journal.done == m.journal.seq {
		return nil
	}
	return m.journalWrite(nil)
}

// journalWrite writes a copy of the current model to the journal now; then, when set,
// returns the message of then (quitting).
func (m *Model) journalWrite(then tea.Cmd) tea.Cmd {
	j := &m.journal
	j.done = j.seq
	jr, seq, input, o := j.jr, j.seq, m.input, m.cur.Clone()
	return func() tea.Msg {
		err := jr.do(input, seq, func() error { return orgs.WriteJournal(input, o) })
		if then != nil {
			return then()
		}
		return journalDoneMsg{err: err}
	}
}

// removeJournal removes the input's journal (the session ends cleanly, or was saved); with
// thenQuit, the program quits once it is gone. Before the check at the start is over there
// may be an earlier session's work there, which is not this session's to remove; nor is the
// journal of a session that does not hold its lock. Quitting, the lock file goes too.
func (m *Model) removeJournal(thenQuit bool) tea.Cmd {
	j := &m.journal
	if !m.journaling() || !j.ready {
		if thenQuit {
			return tea.Quit
		}
		return nil
	}
	j.seq++
	j.done = j.seq
	jr, seq, input, lock := j.jr, j.seq, m.input, j.lock
	return func() tea.Msg {
		err := jr.do(input, seq, func() error { return orgs.RemoveJournal(input) })
		if thenQuit {
			lock.Release(err == nil)
			return tea.QuitMsg{}
		}
		return journalDoneMsg{err: err}
	}
}

// flushJournal quits leaving the journal up to date: the user leaves with unsaved changes
// they did not discard (a second ctrl+c), so the next start offers them.
func (m *Model) flushJournal() tea.Cmd {
	j := &m.journal
	if !m.journaling() || !j.ready || j.done == j.seq {
		return tea.Quit
	}
	return m.journalWrite(tea.Quit)
}

// journalDone shows the first failure of a row in the status line; the header says "no
// recovery file" until a write succeeds again.
func (m *Model) journalDone(msg journalDoneMsg) {
	if msg.err == nil {
		m.journal.failed, m.journal.why = false, ""
		return
	}
	m.journal.why = journalWhy(msg.err)
	if !m.journal.failed {
		m.tell("No recovery file", "no recovery file, unsaved work is not safe from a crash: "+oneLine(msg.err), nil)
	}
	m.journal.failed = true
}

// journalWhy is the reason of a journal failure in a few words, for the header.
func journalWhy(err error) string {
	var link *orgs.LinkError
	switch {
	case errors.As(err, &link):
		return views.S(filepath.Base(link.Path)) + " is a symbolic link, left alone"
	case errors.Is(err, orgs.ErrDirNotWritable):
		return "the folder is not writable"
	case errors.Is(err, orgs.ErrNotRegular):
		return "its path is not a regular file"
	case errors.Is(err, orgs.ErrReadOnly):
		return "it is read-only"
	}
	return oneLine(err)
}

// oneLine is an error on one line: a load error's first problem (and how many more).
func oneLine(err error) string {
	var le *orgs.LoadError
	if errors.As(err, &le) && len(le.Problems) > 0 {
		s := le.Problems[0].String()
		if n := len(le.Problems) - 1; n > 0 {
			s += fmt.Sprintf(" (and %s)", words.Count(n, "more problem"))
		}
		return views.S(s)
	}
	s, _, _ := strings.Cut(err.Error(), "\n")
	return views.S(s)
}
