package model

import (
	"errors"
	"io/fs"
	"os"
	"strings"

	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/views"
)

// pathPrompt takes a typed path in place of the file list (t in the list): a file in
// another folder is opened, or compared with, as one chosen in the list is.
type pathPrompt struct {
	overBoard
	list  *fileList
	input textinput.Model
	err   string
}

// startPathPrompt closes the file list l and asks for a path instead.
func (m *Model) startPathPrompt(l *fileList) {
	in := newInput("path: ", 4096)
	in.Placeholder = "a .toml file, from the working directory or absolute"
	in.Focus()
	m.pop()
	m.push(&pathPrompt{list: l, input: in})
}

// update handles a key of the prompt: enter takes the path as the list takes a file chosen,
// esc goes back to the board.
func (p *pathPrompt) update(m *Model, msg tea.KeyMsg) tea.Cmd {
	switch {
	case is(msg, m.keys.Cancel):
		m.pop()
		return nil
	case is(msg, m.keys.Accept):
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
	var cmd tea.Cmd
	p.input, cmd = updateInput(p.input, msg)
	p.err = ""
	return cmd
}

func (p *pathPrompt) dress(_ *Model, d *views.Data) {
	d.Dialog = &views.Dialog{Title: p.list.listing.Title, Body: p.input.View() + "\n\nenter takes it, esc goes back", Error: p.err}
}
func (p *pathPrompt) typing(*Model) bool { return true }
func (p *pathPrompt) help(m *Model) screenHelp {
	return helpLine(withHelp(m.keys.Accept, "enter", "take it"), m.keys.Cancel)
}
