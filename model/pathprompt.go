package model

import (
	"errors"
	"io/fs"
	"os"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/views"
)

// pathPrompt takes a typed path in place of the file list (t in the list): a file in
// another folder is opened, or compared with, as one chosen in the list is.
type pathPrompt struct {
	overBoard
	list *fileList
	lineInput
}

// startPathPrompt closes the file list l and asks for a path instead.
func (m *Model) startPathPrompt(l *fileList) {
	in := newInput("path: ", 4096)
	in.Placeholder = "a .toml file, from the working directory or absolute"
	in.Focus()
	m.pop()
	m.push(&pathPrompt{list: l, lineInput: lineInput{input: in}})
}

// bindings are the prompt's keys: enter takes the path as the list takes a file chosen,
// esc goes back to the board; the rest is typed.
func (p *pathPrompt) bindings(m *Model) []screenKey {
	return lineRows(&m.keys, "take it", host, p.answer, (*Model).pop)
}

// pathCheckedMsg is what checking the path typed in prompt found: why it cannot be taken,
// "" when it can.
type pathCheckedMsg struct {
	prompt *pathPrompt
	path   string
	why    string
}

// answer checks the path typed, off the update loop (a path can name a slow mount): the
// prompt takes it, or says why it cannot, when pathCheckedMsg comes.
func (p *pathPrompt) answer(*Model) tea.Cmd {
	path := strings.TrimSpace(p.input.Value())
	if path == "" {
		p.err = "type the path of a .toml file"
		return nil
	}
	return func() tea.Msg {
		msg := pathCheckedMsg{prompt: p, path: path}
		if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
			msg.why = "there is no file " + views.S(path)
		} else if err := orgs.CheckRegular(path); err != nil {
			msg.why = oneLine(err)
		}
		return msg
	}
}

// pathChecked takes the path checked as the list takes a file chosen, or says in the
// prompt why it cannot; nothing when the prompt has closed meanwhile.
func (m *Model) pathChecked(msg pathCheckedMsg) tea.Cmd {
	if m.top() != screen(msg.prompt) {
		return nil
	}
	if msg.why != "" {
		msg.prompt.err = msg.why
		return nil
	}
	return m.chooseFile(msg.prompt.list, orgs.OrgFile{Path: msg.path})
}

func (p *pathPrompt) dress(_ *Model, d *views.Data) {
	d.Dialog = &views.Dialog{Title: p.list.listing.Title, Body: p.input.View() + "\n\nenter takes it, esc goes back", Error: p.err}
}
