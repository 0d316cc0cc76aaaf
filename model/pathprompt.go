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

// answer takes the path typed, or says why it cannot.
func (p *pathPrompt) answer(m *Model) tea.Cmd {
	path := strings.TrimSpace(p.input.Value())
	if path == "" {
		p.err = "type the path of a .toml file"
		return nil
	}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		p.err = "there is no file " + views.S(path)
		return nil
	}
	if err := orgs.CheckRegular(path); err != nil {
		p.err = oneLine(err)
		return nil
	}
	return m.chooseFile(p.list, orgs.OrgFile{Path: path})
}

func (p *pathPrompt) dress(_ *Model, d *views.Data) {
	d.Dialog = &views.Dialog{Title: p.list.listing.Title, Body: p.input.View() + "\n\nenter takes it, esc goes back", Error: p.err}
}
