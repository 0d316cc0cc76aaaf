package model

import (
	"errors"
	"path/filepath"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/report"
)

// exportedMsg is the outcome of writing the Markdown report (y).
type exportedMsg struct {
	path string
	err  error
}

// export writes the Markdown report of the current model against its baseline beside the
// current file, under the next free name <stem>-report.md, off the update loop.
func (m *Model) export() tea.Cmd {
	if m.exporting {
		m.setStatus("still writing the report...")
		return nil
	}
	m.exporting = true
	m.setStatus("writing the report...")
	cur, an, file, base, write := m.cur.Clone(), m.an, m.file, m.basePath, m.writer()
	complete := m.riskComplete()
	m.anShared = true // the command reads it off the update loop
	unsaved := ""
	if m.Modified() {
		unsaved = unsavedNote(file)
	}
	return func() tea.Msg {
		an := complete(cur, an) // the report never says "…"
		text := []byte(unsaved + report.Markdown(cur, orgs.NewReport(cur.Name, file, base, an)))
		dir := filepath.Dir(file)
		stem := strings.TrimSuffix(filepath.Base(file), ".toml")
		for tries := 0; ; tries++ {
			p := orgs.NextFreePath(dir, stem+"-report", ".md")
			err := write(p, text, false, nil)
			if errors.Is(err, orgs.ErrExists) && tries < 10 {
				continue // taken since it was found free: the next one
			}
			return exportedMsg{path: p, err: err}
		}
	}
}

func (m *Model) exported(msg exportedMsg) {
	m.exporting = false
	switch {
	case msg.err == nil:
		m.setStatus("wrote the Markdown report to " + msg.path)
	case errors.Is(msg.err, orgs.ErrDirNotWritable):
		m.setError("report not written: " + dirOf(msg.path) + " is not writable")
	default:
		m.setError("report not written: " + oneLine(msg.err))
	}
}

// unsavedNote opens a report of a model with unsaved changes: a reader must know the report
// is not of the file as it stands on disk.
func unsavedNote(file string) string {
	return "> **Unsaved changes:** this report describes the model as edited in the dashboard, not " +
		"`" + strings.ReplaceAll(filepath.Base(file), "`", "'") + "` as saved.\n\n"
}
