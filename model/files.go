package model

import (
	"fmt"
	"path/filepath"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/views"
)

// listPurpose is what the chosen file is for.
type listPurpose int

const (
	listToOpen  listPurpose = iota // `o`: open it instead of the current session
	listForLeft                    // `L` in compare: compare with it instead of the baseline
	listOptions                    // `O` in compare: mark up to three files to compare as options
)

// fileList is the state of the file list.
type fileList struct {
	purpose listPurpose
	view    views.FileList
	offset  int
	// from is the mode to go back to.
	from mode
}

// filesListedMsg carries the files beside the current one, listed off the update loop.
type filesListedMsg struct {
	purpose listPurpose
	files   []orgs.OrgFile
	err     error
}

// openedMsg is the outcome of opening a file chosen in the list.
type openedMsg struct {
	path string
	op   *orgs.Opened
	err  error
}

// leftLoadedMsg is the outcome of loading a file chosen as the left side of compare.
type leftLoadedMsg struct {
	path string
	org  *orgs.Org
	err  error
}

// listFiles shows the file list and lists the .toml files beside the current file.
func (m *Model) listFiles(p listPurpose) tea.Cmd {
	dir := filepath.Dir(m.file)
	title := "Open a file: its baseline comes from its based_on"
	switch p {
	case listForLeft:
		title = "Compare with: choose the file for side A"
	case listOptions:
		title = fmt.Sprintf("Options beside the baseline: space marks up to %d files, enter compares", MaxMarked)
	}
	m.files = fileList{purpose: p, from: m.mode, view: views.FileList{
		Title: title, Dir: dir, Baseline: m.basePath, Current: m.file, Loading: true, Marking: p == listOptions,
	}}
	m.mode = modeFiles
	base := m.basePath
	return func() tea.Msg {
		files, err := orgs.ListOrgFiles(dir, base)
		return filesListedMsg{purpose: p, files: files, err: err}
	}
}

func (m *Model) filesListed(msg filesListedMsg) {
	if m.mode != modeFiles || msg.purpose != m.files.purpose || !m.files.view.Loading {
		return
	}
	v := &m.files.view
	v.Loading, v.Files, v.Cursor = false, msg.files, 0
	if msg.err != nil {
		v.Err = oneLine(msg.err)
	}
}

func (m *Model) filesKey(msg tea.KeyMsg) tea.Cmd {
	k := &m.keys
	v := &m.files.view
	switch {
	case msg.String() == "ctrl+c":
		m.mode = m.files.from
		return m.quit()
	case key.Matches(msg, k.Cancel), msg.String() == "q":
		m.mode = m.files.from
	case m.files.purpose == listOptions && key.Matches(msg, k.Space):
		m.markFile()
	case key.Matches(msg, k.Accept):
		return m.chooseFile()
	case key.Matches(msg, k.Up):
		v.Cursor--
	case key.Matches(msg, k.Down):
		v.Cursor++
	case key.Matches(msg, k.PageUp):
		v.Cursor -= max(1, m.pageBodyHeight(0)-1)
	case key.Matches(msg, k.PageDown):
		v.Cursor += max(1, m.pageBodyHeight(0)-1)
	case key.Matches(msg, k.Home):
		v.Cursor = 0
	case key.Matches(msg, k.End):
		v.Cursor = len(v.Files) - 1
	case key.Matches(msg, k.Help):
		m.help.ShowAll = !m.help.ShowAll
	}
	v.Cursor = max(0, min(len(v.Files)-1, v.Cursor))
	return nil
}

// chooseFile opens the file under the cursor, or takes it as the left side of compare.
func (m *Model) chooseFile() tea.Cmd {
	v := &m.files.view
	if v.Loading || v.Cursor < 0 || v.Cursor >= len(v.Files) {
		return nil
	}
	f := v.Files[v.Cursor]
	if f.Problem != "" {
		m.setError(fmt.Sprintf("%s does not load, so it cannot be opened: %s", views.S(filepath.Base(f.Path)), views.S(f.Problem)))
		return nil
	}
	m.mode = m.files.from
	if m.files.purpose == listOptions {
		marked := v.Marked
		if len(marked) == 0 && !orgs.SameFile(f.Path, m.basePath) {
			marked = []string{f.Path} // enter alone compares the file under the cursor
		}
		return m.compareOptions(marked)
	}
	if m.files.purpose == listForLeft {
		m.setStatus("loading " + f.Path + "...")
		path := f.Path
		return func() tea.Msg {
			o, _, err := orgs.LoadFile(path)
			return leftLoadedMsg{path: path, org: o, err: err}
		}
	}
	return m.guard(after{kind: doOpen, path: f.Path})
}

// openFile opens path with its baseline from based_on, off the update loop.
func (m *Model) openFile(path string) tea.Cmd {
	m.setStatus("opening " + path + "...")
	return func() tea.Msg {
		op, err := orgs.Open(path, "")
		return openedMsg{path: path, op: op, err: err}
	}
}

// opened makes the opened file the session, closing the one left cleanly.
func (m *Model) opened(msg openedMsg) tea.Cmd {
	if msg.err != nil {
		m.setError(fmt.Sprintf("cannot open %s: %s", views.S(msg.path), oneLine(msg.err)))
		return nil
	}
	left := m.removeJournal(false) // the input it was kept for is still m.input here
	m.load(msg.op, false)
	m.mode = modeBoard
	if len(msg.op.Warnings) == 0 {
		base := "its baseline is " + m.basePath
		if m.basePath == m.file {
			base = "it is its own baseline"
		}
		m.setStatus(fmt.Sprintf("opened %s; %s", m.file, base))
	}
	// the lock on the journal left goes once that journal is gone
	lock := m.journal.lock
	m.journal.lock, m.journal.failed, m.journal.why = nil, false, ""
	check := m.checkJournal()
	if left == nil && check == nil && lock == nil {
		return nil
	}
	// one after the other: reopening the same file must not find the journal just removed,
	// nor its lock still held
	return func() tea.Msg {
		var msg tea.Msg
		if left != nil {
			msg = left()
		}
		lock.Release(journalLeftClean(msg))
		if check != nil {
			return check()
		}
		return msg
	}
}

// journalLeftClean reports whether the outcome of removing the journal left (nil when there
// was nothing to remove) leaves nothing behind, so that its lock file may go too.
func journalLeftClean(msg tea.Msg) bool {
	done, ok := msg.(journalDoneMsg)
	return msg == nil || ok && done.err == nil
}

// pageBodyHeight is the body height of a full-screen page with head fixed lines.
func (m *Model) pageBodyHeight(head int) int {
	footer := 0
	if m.helpView != "" {
		footer = lipgloss.Height(m.helpView)
	}
	return views.PageBodyHeight(m.w, m.h, footer, head)
}

// syncFiles scrolls the list so that the cursor shows.
func (m *Model) syncFiles() {
	lines, at := views.FileListBody(&m.files.view, m.st, m.w)
	h := m.pageBodyHeight(0)
	off := &m.files.offset
	switch {
	case h <= 0:
		*off = 0
		return
	case at < *off:
		*off = max(0, at-1) // with the section's title above the first file
	case at >= *off+h:
		*off = at - h + 1
	}
	*off = max(0, min(*off, views.MaxOffset(len(lines), h)))
}

func (m *Model) filesView(d *views.Data) string {
	lines, _ := views.FileListBody(&m.files.view, m.st, m.w)
	return views.DrawScreen(views.Screen{Title: m.files.view.Title, Body: lines, Offset: m.files.offset}, d, m.st, m.w, m.h)
}

// markFile marks or unmarks the file under the cursor as an option to compare: up to
// MaxMarked files that load, the baseline aside (it is the first column already).
func (m *Model) markFile() {
	v := &m.files.view
	if v.Loading || v.Cursor < 0 || v.Cursor >= len(v.Files) {
		return
	}
	f := v.Files[v.Cursor]
	for i, p := range v.Marked {
		if p == f.Path {
			v.Marked = append(v.Marked[:i:i], v.Marked[i+1:]...)
			return
		}
	}
	switch {
	case f.Problem != "":
		m.setError(views.S(filepath.Base(f.Path)) + " does not load, so it cannot be compared: " + views.S(f.Problem))
	case orgs.SameFile(f.Path, m.basePath):
		m.setError("the baseline is the first column already")
	case len(v.Marked) >= MaxMarked:
		m.setError(fmt.Sprintf("%d files are marked already: four columns at most, the baseline first", MaxMarked))
	default:
		v.Marked = append(v.Marked, f.Path)
		v.Cursor++ // on to the next file, as a list that takes marks does
	}
}
