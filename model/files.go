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
	keys    fileKeys
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

// fileKeys are the file list's keys.
type fileKeys struct {
	Up, Down, PageUp, PageDown, Home, End key.Binding
	// Mark is space where the list takes marks; Choose is enter, worded for the purpose;
	// Type takes a typed path instead (not where the list takes marks).
	Mark, Choose, Back, Type key.Binding
	marking                  bool
}

func newFileKeys(k KeyMap, p listPurpose) fileKeys {
	fk := fileKeys{
		Up: k.Up, Down: k.Down, PageUp: k.PageUp, PageDown: k.PageDown, Home: k.Home, End: k.End,
		Mark:    withHelp(k.Space, "space", "mark"),
		Choose:  withHelp(k.Accept, "enter", "open"),
		Back:    key.NewBinding(key.WithKeys(append(k.Cancel.Keys(), k.QuitKey.Keys()...)...), key.WithHelp("esc", "back")),
		Type:    key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "type a path")),
		marking: p == listOptions,
	}
	switch p {
	case listForLeft:
		fk.Choose.SetHelp("enter", "compare with it")
	case listOptions:
		fk.Choose.SetHelp("enter", "compare")
	}
	fk.Mark.SetEnabled(fk.marking)
	fk.Type.SetEnabled(!fk.marking)
	return fk
}

// ShortHelp is the file list's one-line help.
func (k fileKeys) ShortHelp() []key.Binding {
	choose := withHelp(k.Up, "up/down", "choose")
	if k.marking {
		return []key.Binding{choose, k.Mark, k.Choose, k.Back}
	}
	return []key.Binding{choose, k.Choose, k.Type, k.Back}
}

// FullHelp is the file list's help in columns.
func (k fileKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{withHelp(k.Up, "up/down", "choose"), withHelp(k.PageDown, "pgup/pgdn", "page"), withHelp(k.Home, "home/end", "first/last")},
		k.ShortHelp()[1:],
	}
}

func newFileList(p listPurpose, dir, baseline, current string, k KeyMap, st views.Styles) *fileList {
	title := "Open a file: its baseline comes from its based_on"
	switch p {
	case listForLeft:
		title = "Compare with: choose the file for side A"
	case listOptions:
		title = fmt.Sprintf("Options beside the baseline: space marks up to %d files, enter compares", MaxMarked)
	}
	return &fileList{purpose: p, baseline: baseline, st: st, vp: viewport.New(0, 0), keys: newFileKeys(k, p),
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

// Update moves the cursor, marks, chooses or closes.
func (f fileList) Update(msg tea.Msg) (fileList, tea.Cmd) {
	f.closed, f.chosen, f.refused, f.typed = false, nil, "", false
	v := &f.listing
	page := max(1, f.vp.Height-1)
	switch msg := msg.(type) {
	case tea.MouseMsg:
		// the wheel moves the cursor, as up and down do
		switch msg.Button {
		case tea.MouseButtonWheelUp:
			v.Cursor--
		case tea.MouseButtonWheelDown:
			v.Cursor++
		}
	case tea.KeyMsg:
		k := &f.keys
		switch {
		case key.Matches(msg, k.Back):
			f.closed = true
			return f, nil
		case key.Matches(msg, k.Mark):
			f.mark()
		case key.Matches(msg, k.Type):
			f.typed = true
			return f, nil
		case key.Matches(msg, k.Choose):
			f.choose()
		case key.Matches(msg, k.Up):
			v.Cursor--
		case key.Matches(msg, k.Down):
			v.Cursor++
		case key.Matches(msg, k.PageUp):
			v.Cursor -= page
		case key.Matches(msg, k.PageDown):
			v.Cursor += page
		case key.Matches(msg, k.Home):
			v.Cursor = 0
		case key.Matches(msg, k.End):
			v.Cursor = len(v.Files) - 1
		}
	}
	v.Cursor = max(0, min(len(v.Files)-1, v.Cursor))
	f.draw()
	return f, nil
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
	m.push(newFileList(p, dir, m.basePath, m.file, m.keys, m.st))
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

// handle takes a key or the mouse and does what it asks: go back, open the file chosen, take
// it as side A of compare, or compare the options marked.
func (f *fileList) handle(m *Model, msg tea.Msg) tea.Cmd {
	if km, ok := msg.(tea.KeyMsg); ok && key.Matches(km, m.keys.Interrupt) {
		m.pop()
		return m.quit()
	}
	*f, _ = f.Update(msg)
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
