package model

import (
	"fmt"
	"path/filepath"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
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

// fileList is the file list as a screen of its own: the .toml files beside the current one,
// for one of three purposes (open with o, side A of compare with L, options to compare with
// O, marked with space). A bubbles viewport keeps the scrolling, so that the cursor shows;
// the screen knows no session: the root model lists the files, and acts on the one chosen.
type fileList struct {
	purpose listPurpose
	listing views.FileList
	vp      viewport.Model
	// baseline is the baseline's file, which is never marked (it is the first column).
	baseline string
	st       views.Styles
	w        int

	// What the last key asked for, for the root model: closed (esc, q), chosen (enter on a
	// file that loads) with the files marked, or a refusal to say (refused).
	closed  bool
	chosen  *orgs.OrgFile
	refused string
	// typed is set when t asked for a path to type instead.
	typed bool
}

// bindings are the file list's keys: move the cursor, mark (where the list takes marks)
// or type a path (where it does not), choose, or go back; the full help (?) shows them in
// two columns.
func (f *fileList) bindings(m *Model) []screenKey {
	k := &m.keys
	on := func(kb key.Binding, do func(f *fileList)) screenKey {
		return onKey(kb, func(m *Model, _ tea.KeyMsg) tea.Cmd { return f.act(m, do) }).in("actions")
	}
	cursor := func(kb key.Binding, to func(v *views.FileList, page int)) screenKey {
		r := on(kb, func(f *fileList) { to(&f.listing, max(1, f.vp.Height-1)) })
		return r.in("move")
	}
	choose := withHelp(k.Accept, "enter", "open")
	switch f.purpose {
	case listForLeft:
		choose.SetHelp("enter", "compare with it")
	case listOptions:
		choose.SetHelp("enter", "compare")
	}
	rows := []screenKey{
		onKey(k.Interrupt, func(m *Model, _ tea.KeyMsg) tea.Cmd {
			m.pop()
			return m.quit()
		}),
		toggleHelp(k.Help),
		cursor(k.Up, func(v *views.FileList, _ int) { v.Cursor-- }).said(1, "up/down", "choose"),
		cursor(k.Down, func(v *views.FileList, _ int) { v.Cursor++ }).said(1, "up/down", "choose"),
		cursor(k.PageUp, func(v *views.FileList, page int) { v.Cursor -= page }).inFull(2, "pgup/pgdn", "page"),
		cursor(k.PageDown, func(v *views.FileList, page int) { v.Cursor += page }).inFull(2, "pgup/pgdn", "page"),
		cursor(k.Home, func(v *views.FileList, _ int) { v.Cursor = 0 }).inFull(3, "home/end", "first/last"),
		cursor(k.End, func(v *views.FileList, _ int) { v.Cursor = len(v.Files) - 1 }).inFull(3, "home/end", "first/last"),
	}
	if f.purpose == listOptions {
		rows = append(rows, on(k.Space, (*fileList).mark).said(4, "space", "mark"))
	} else {
		rows = append(rows, on(key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "type a path")), func(f *fileList) { f.typed = true }).shown(6))
	}
	back := key.NewBinding(key.WithKeys(append(k.Cancel.Keys(), k.QuitKey.Keys()...)...), key.WithHelp("esc", "back"))
	return append(rows, on(choose, (*fileList).choose).shown(5).only(host), on(back, func(f *fileList) { f.closed = true }).shown(7))
}

func newFileList(p listPurpose, dir, baseline, current string, st views.Styles) *fileList {
	title := "Open a file: its baseline comes from its based_on"
	switch p {
	case listForLeft:
		title = "Compare with: choose the file for side A"
	case listOptions:
		title = fmt.Sprintf("Options beside the baseline: space marks up to %d files, enter compares", MaxMarked)
	}
	return &fileList{purpose: p, baseline: baseline, st: st, vp: viewport.New(0, 0),
		listing: views.FileList{Title: title, Dir: dir, Baseline: baseline, Current: current, Loading: true, Marking: p == listOptions}}
}

// Listed shows the files listed (or why they could not be).
func (f *fileList) Listed(files []orgs.OrgFile, err error) {
	v := &f.listing
	v.Loading, v.Files, v.Cursor = false, files, 0
	if err != nil {
		v.Err = oneLine(err)
	}
	f.draw()
}

// SetSize fits the list to a body of w x h cells.
func (f *fileList) SetSize(w, h int) {
	f.w = w
	f.vp.Width, f.vp.Height = w, max(0, h)
	f.draw()
}

// draw lays the list out again and scrolls the viewport so that the cursor shows, with the
// title of its section above the first file.
func (f *fileList) draw() {
	lines, at := views.FileListBody(&f.listing, f.st, f.w)
	f.vp.SetContent(joinLines(lines))
	switch h := f.vp.Height; {
	case h <= 0:
		f.vp.SetYOffset(0)
	case at < f.vp.YOffset:
		f.vp.SetYOffset(max(0, at-1))
	case at >= f.vp.YOffset+h:
		f.vp.SetYOffset(at - h + 1)
	default:
		f.vp.SetYOffset(f.vp.YOffset) // back in range after a resize
	}
}

// act does do to the list, and then, unless it closed, keeps the cursor on a file and
// shows it; then does what do asked: go back, open the file chosen, take it as side A of
// compare, or compare the options marked.
func (f *fileList) act(m *Model, do func(f *fileList)) tea.Cmd {
	f.closed, f.chosen, f.refused, f.typed = false, nil, "", false
	do(f)
	if !f.closed && !f.typed {
		v := &f.listing
		v.Cursor = max(0, min(len(v.Files)-1, v.Cursor))
		f.draw()
	}
	switch {
	case f.refused != "":
		m.setError(f.refused)
	case f.closed:
		m.pop()
	case f.typed:
		m.startPathPrompt(f)
	case f.chosen != nil:
		return m.chooseFile(f, *f.chosen)
	}
	return nil
}

// update keeps the cursor on a file after a key no row has.
func (f *fileList) update(m *Model, _ tea.KeyMsg) tea.Cmd { return f.act(m, func(*fileList) {}) }

// mouse moves the cursor with the wheel, as up and down do.
func (f *fileList) mouse(m *Model, msg tea.MouseMsg) {
	f.act(m, func(f *fileList) {
		switch msg.Button {
		case tea.MouseButtonWheelUp:
			f.listing.Cursor--
		case tea.MouseButtonWheelDown:
			f.listing.Cursor++
		}
	})
}

// View draws the list full screen with the status line and help of d.
func (f fileList) View(d *views.Data, w, h int) string {
	lines, _ := views.FileListBody(&f.listing, f.st, w)
	return views.DrawScreen(views.Screen{Title: f.listing.Title, Body: lines, Offset: f.vp.YOffset}, d, f.st, w, h)
}

// choose takes the file under the cursor, unless it does not load.
func (f *fileList) choose() {
	v := &f.listing
	if v.Loading || v.Cursor < 0 || v.Cursor >= len(v.Files) {
		return
	}
	file := v.Files[v.Cursor]
	if file.Problem != "" {
		f.refused = fmt.Sprintf("%s does not load, so it cannot be opened: %s", views.S(filepath.Base(file.Path)), views.S(file.Problem))
		return
	}
	f.chosen = &file
}

// mark marks or unmarks the file under the cursor as an option to compare: up to MaxMarked
// files that load, the baseline aside (it is the first column already).
func (f *fileList) mark() {
	v := &f.listing
	if v.Loading || v.Cursor < 0 || v.Cursor >= len(v.Files) {
		return
	}
	file := v.Files[v.Cursor]
	for i, p := range v.Marked {
		if p == file.Path {
			v.Marked = append(v.Marked[:i:i], v.Marked[i+1:]...)
			return
		}
	}
	switch {
	case file.Problem != "":
		f.refused = views.S(filepath.Base(file.Path)) + " does not load, so it cannot be compared: " + views.S(file.Problem)
	case orgs.SameFile(file.Path, f.baseline):
		f.refused = "the baseline is the first column already"
	case len(v.Marked) >= MaxMarked:
		f.refused = fmt.Sprintf("%d files are marked already: four columns at most, the baseline first", MaxMarked)
	default:
		v.Marked = append(v.Marked, file.Path)
		v.Cursor++ // on to the next file, as a list that takes marks does
	}
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
	m.push(newFileList(p, dir, m.basePath, m.file, m.st))
	base := m.basePath
	return func() tea.Msg {
		files, err := orgs.ListOrgFiles(dir, base)
		return filesListedMsg{purpose: p, files: files, err: err}
	}
}

func (m *Model) filesListed(msg filesListedMsg) {
	f, ok := m.top().(*fileList)
	if !ok || msg.purpose != f.purpose || !f.listing.Loading {
		return
	}
	f.Listed(msg.files, msg.err)
}

// chooseFile opens file, or takes it as the left side of compare, or compares the options
// marked (file alone when none is).
func (m *Model) chooseFile(l *fileList, f orgs.OrgFile) tea.Cmd {
	m.pop()
	switch l.purpose {
	case listOptions:
		marked := l.listing.Marked
		if len(marked) == 0 && !orgs.SameFile(f.Path, m.basePath) {
			marked = []string{f.Path} // enter alone compares the file under the cursor
		}
		return m.compareOptions(marked)
	case listForLeft:
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
	m.closeAll()
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
