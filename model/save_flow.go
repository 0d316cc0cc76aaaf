package model

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/views"
	"github.com/sretopo/sretopo/words"
)

// Saving: s, S, the questions they ask and the outcome of a save.

// saveRows are the save prompt's keys: enter saves, tab moves between the file and the
// title, esc cancels; the rest is typed.
func (m *Model) saveRows() []screenKey {
	k := &m.keys
	prompt := func(kb key.Binding, do func(p *savePrompt)) screenKey {
		return onKey(kb, func(m *Model, _ tea.KeyMsg) tea.Cmd {
			return m.onSavePrompt(func(p *savePrompt) tea.Cmd {
				do(p)
				return nil
			})
		})
	}
	return []screenKey{
		onKey(k.Interrupt, func(m *Model, _ tea.KeyMsg) tea.Cmd {
			m.closeAll()
			m.saving = false
			return m.quit()
		}),
		prompt(k.Accept, (*savePrompt).accept).shown(1),
		onKeyDo(k.Cancel, func(m *Model) {
			if !m.saving {
				m.closeAll()
				if m.pending.kind != doNothing {
					m.setStatus("not saved; still here")
				}
				m.pending = after{}
			}
		}).shown(3),
		prompt(k.NextField, (*savePrompt).otherField).shown(2),
		prompt(k.PrevField, (*savePrompt).otherField),
	}
}

// onSavePrompt does do to the save prompt, unless a save runs (one save at a time), and
// saves once the prompt is submitted.
func (m *Model) onSavePrompt(do func(p *savePrompt) tea.Cmd) tea.Cmd {
	if m.saving {
		return nil
	}
	cmd := do(&m.save)
	if m.save.submitted {
		m.save.submitted = false
		m.saving = true
		return m.saveCmd(m.newSaveRequest(m.save.Path(), false))
	}
	return cmd
}

// startSave is s (asNew false) and S (asNew true): an open scenario is updated in place
// after one confirmation; anything else, or S, is saved as a new scenario file.
func (m *Model) startSave(asNew bool) tea.Cmd {
	m.closeAll()
	if !asNew && m.scenarioOpen() {
		m.save = newSavePrompt(m.file, m.pending.words()) // where a failed update asks for another name
		m.save.title.SetValue(m.cur.Scenario.Title)
		m.askUpdate()
		return nil
	}
	return suggestPath(m.file)
}

// saveWords says what s does now: update the open scenario, or save a new one.
func (m *Model) saveWords() string {
	if m.scenarioOpen() {
		return "update " + views.S(filepath.Base(m.file))
	}
	return "save it"
}

// scenarioOpen reports whether the file being edited is a scenario file of its own (not the
// baseline, not a built-in example), which s updates in place.
func (m *Model) scenarioOpen() bool {
	return m.cur.Scenario != nil && !m.embedded && m.file != "" && !orgs.SameFile(m.file, m.basePath)
}

// askUpdate asks before updating the open scenario in place; yes saves it there.
func (m *Model) askUpdate() {
	title := ""
	if t := m.cur.Scenario.Title; t != "" {
		title = fmt.Sprintf(" (%q)", views.S(t))
	}
	body := views.S(m.file) + title + " is the scenario you are editing. Update it in place with the current model? Its title and note are kept."
	q := newConfirm("Update the scenario?", body, "update it", "do not save (S saves as a new file)", m.keys)
	m.ask(q,
		func() tea.Cmd {
			q.busy = true
			m.saving = true
			return m.saveCmd(m.newSaveRequest(m.file, true))
		},
		func() {
			m.closeAll()
			m.pending = after{}
			m.setStatus("not saved; S saves as a new file")
		})
}

// askDelete asks before deleting a team dev teams run with; yes deletes it (by name: the
// question does not hold an index that an edit could move).
func (m *Model) askDelete(name string) {
	i := m.cur.TeamIndex(name)
	var names []string
	for _, j := range m.index.ServedBy[i] {
		names = append(names, views.S(m.cur.Teams[j].Name))
	}
	body := fmt.Sprintf("%s runs services with %s: %s. Deleting it leaves %s without the team they run with.",
		views.S(name), words.Count(len(names), "dev team"), strings.Join(names, ", "), map[bool]string{true: "it", false: "them"}[len(names) == 1])
	m.ask(newConfirm("Delete "+views.S(name)+"?", body, "delete it (u undoes it)", "keep it", m.keys),
		func() tea.Cmd {
			m.closeAll()
			m.before = m.Selected()
			m.edit(m.cur.DeleteTeam(m.cur.TeamIndex(name)))
			return nil
		},
		func() {
			m.closeAll()
			m.setStatus("not deleted")
		})
}

// askDeleteService asks before deleting the service name of team; yes deletes that service
// alone (found again by its name and team: an edit may have moved it meanwhile).
func (m *Model) askDeleteService(name, team string) {
	body := fmt.Sprintf("Delete the service %s of %s? The team stays, with its other services.", views.S(name), views.S(team))
	m.ask(newConfirm("Delete service "+views.S(name)+"?", body, "delete the service (u undoes it)", "keep it", m.keys),
		func() tea.Cmd {
			m.closeAll()
			m.before = m.Selected()
			m.edit(m.cur.DeleteService(m.cur.ServiceIndex(name, team)))
			return nil
		},
		func() {
			m.closeAll()
			m.setStatus("not deleted")
		})
}

// newSaveRequest is a save of a copy of the current organization: the copy is what the
// command writes, off the update loop. The baseline's hash is of its bytes as they were
// read when the session opened (Opened.BaselineData), never read again: the scenario is
// based on what the user saw.
func (m *Model) newSaveRequest(path string, replace bool) saveRequest {
	if path != "" && !strings.EqualFold(filepath.Ext(path), ".toml") {
		path += ".toml" // only .toml files are listed by o and found as scenarios
	}
	meta := orgs.ScenarioMeta{
		Title:       strings.TrimSpace(m.save.title.Value()),
		BasedOn:     m.basePath,
		BasedOnData: m.op.BaselineData,
	}
	if sc := m.cur.Scenario; sc != nil {
		meta.Note = sc.Note
	}
	return saveRequest{path: path, cur: m.cur.Clone(), meta: meta, replace: replace, example: m.embedded, input: m.input}
}

func (m *Model) saveCmd(req saveRequest) tea.Cmd {
	save := m.cfg.Save
	if save == nil {
		save = orgs.SaveScenario
	}
	write := m.writer()
	return func() tea.Msg {
		msg := savedMsg{req: req}
		meta := req.meta
		if req.example {
			meta, msg.note = writeExample(write, meta)
		}
		if req.replace && meta.BasedOn != "" && orgs.SameFile(req.path, meta.BasedOn) {
			// the user replaces the baseline itself: a file is no scenario of itself
			meta.BasedOn, meta.BasedOnData = "", nil
			msg.note = "it was the baseline: no based_on recorded (the board still compares with it as opened)"
		}
		msg.err = save(req.path, req.cur, meta, req.replace)
		msg.basedOn = meta.BasedOn
		if msg.err == nil {
			// the record as written, for the report of the scenario now open
			if o, _, err := orgs.LoadFile(req.path); err == nil {
				msg.scenario = o.Scenario
			}
		}
		if errors.Is(msg.err, orgs.ErrExists) {
			if orgs.ReadOnlyFile(req.path) {
				msg.err = fmt.Errorf("%s: %w", req.path, orgs.ErrReadOnly)
			}
			msg.role = targetRole(req.path, req.input, req.meta.BasedOn)
		}
		return msg
	}
}

// writeExample writes an embedded example's own bytes as meta.BasedOn when that name is
// free, so that a scenario saved from the example finds its baseline when reopened; a file
// of that name with the same bytes is used as it is. When neither works the scenario is
// saved without based_on, and the note says why.
func writeExample(write WriteFunc, meta orgs.ScenarioMeta) (orgs.ScenarioMeta, string) {
	path := meta.BasedOn
	err := write(path, meta.BasedOnData, false, func(b []byte) error {
		_, err := orgs.Load(path, b)
		return err
	})
	switch {
	case err == nil:
		return meta, "its baseline, the example, written to " + path
	case errors.Is(err, orgs.ErrExists):
		if data, rerr := orgs.ReadFile(path); rerr == nil && bytes.Equal(data, meta.BasedOnData) {
			return meta, "" // the example is there already
		}
		meta.BasedOn, meta.BasedOnData = "", nil
		return meta, "saved without based_on: " + path + " here is another file than the example"
	}
	meta.BasedOn, meta.BasedOnData = "", nil
	return meta, "saved without based_on: could not write the example as " + path + " (" + err.Error() + ")"
}

// targetRole says what an existing file is to the session: the file it opened, its
// baseline, or both ("" for neither).
func targetRole(path, input, baseline string) string {
	isInput, isBase := orgs.SameFile(path, input), baseline != "" && orgs.SameFile(path, baseline)
	switch {
	case isInput && isBase:
		return roleInputBaseline
	case isInput:
		return roleInput
	case isBase:
		return roleBaseline
	}
	return ""
}

const (
	roleInputBaseline = "input+baseline"
	roleInput         = "input"
	roleBaseline      = "baseline"
)

// suggestPath finds the next free scenario name beside the input, off the update loop.
func suggestPath(input string) tea.Cmd {
	return func() tea.Msg {
		return pathSuggestedMsg{path: orgs.NextScenarioPath(input)}
	}
}

func (m *Model) saved(msg savedMsg) tea.Cmd {
	m.saving = false
	err := msg.err
	switch {
	case err == nil:
		left := m.removeJournal(false) // the journal of the file edited until now
		m.Saved(msg.req.path, msg.req.cur, msg.scenario)
		if msg.req.example && msg.basedOn != "" {
			m.embedded = false // the baseline has a file now
		}
		m.closeAll()
		status := fmt.Sprintf("saved the scenario to %s", msg.req.path)
		if msg.note != "" {
			status += "; " + msg.note
		}
		quit := m.pending.kind == doQuit
		if msg.req.example && msg.note != "" && msg.basedOn == "" {
			// the example could not be written beside the scenario, which records no
			// baseline: to be read before anything else happens, quitting included
			if quit {
				m.tell("Saved without based_on", status, func() tea.Cmd { return tea.Sequence(left, m.leave()) })
				return nil
			}
			m.tell("Saved without based_on", status, m.leaveIfPending)
			return left
		}
		m.setStatus(status)
		if quit {
			return tea.Sequence(left, m.leave())
		}
		return tea.Batch(left, m.leaveIfPending())
	case errors.Is(err, orgs.ErrExists):
		m.askReplace(msg.req, msg.role)
	case errors.Is(err, orgs.ErrReadOnly):
		m.show(saveScreen{})
		m.save.err = fmt.Sprintf("%s is read-only: it is not replaced; choose another name", msg.req.path)
	case errors.Is(err, orgs.ErrDirNotWritable):
		m.show(saveScreen{})
		m.save.err = fmt.Sprintf("kept in memory, not saved: %s is not writable; choose another place", dirOf(msg.req.path))
		m.setError(fmt.Sprintf("kept in memory, not saved: %s is not writable", dirOf(msg.req.path)))
	default:
		m.show(saveScreen{})
		m.save.err = "not saved: " + err.Error()
	}
	return nil
}

// leaveIfPending opens the file the user chose before saving, if any.
func (m *Model) leaveIfPending() tea.Cmd {
	if m.pending.kind == doNothing {
		return nil
	}
	return m.leave()
}

// dirOf names the folder of path for messages.
func dirOf(path string) string {
	d := filepath.Dir(path)
	if d == "." {
		return "the working directory"
	}
	return d
}

// writer is the function that writes the files other than scenarios.
func (m *Model) writer() WriteFunc {
	if m.cfg.Write != nil {
		return m.cfg.Write
	}
	return orgs.WriteFile
}

// askReplace asks before replacing an existing file, and says so plainly when that file
// is the one the session opened or its baseline (role); yes saves over it, no goes back to
// the save prompt for another name.
func (m *Model) askReplace(req saveRequest, role string) {
	p := views.S(req.path)
	title := "Replace the file?"
	var what string
	switch role {
	case roleInputBaseline:
		title = "Replace the file you opened?"
		what = p + " is the file you opened AND the baseline of this comparison. Replacing it overwrites your original (its comments are lost) with the current model."
	case roleInput:
		title = "Replace the file you opened?"
		what = p + " is the file you opened. Replacing it overwrites it with the current model (its comments are lost)."
	case roleBaseline:
		title = "Replace the baseline?"
		what = p + " is the BASELINE of this scenario. Replacing it overwrites the baseline with the current model (its comments are lost)."
	default:
		what = p + " exists. Replacing it overwrites it with the current model."
	}
	m.ask(newConfirm(title, what, "replace it", "choose another name", m.keys),
		func() tea.Cmd {
			req.replace = true
			m.show(saveScreen{})
			m.saving = true
			return m.saveCmd(req)
		},
		func() {
			m.show(saveScreen{})
			m.save.err = "not replaced; choose another name"
		})
}

// pathSuggestedMsg carries the next free scenario name, found off the update loop.
type pathSuggestedMsg struct {
	path string
}

// saveRequest is one save to run.
type saveRequest struct {
	path    string
	cur     *orgs.Org
	meta    orgs.ScenarioMeta
	replace bool
	// example is set when the baseline is an embedded example: its bytes are first written
	// to meta.BasedOn (when that name is free) so that based_on finds them.
	example bool
	// input is the file the session was opened from, to say so when asking to replace it.
	input string
}

// savedMsg is the outcome of a save.
type savedMsg struct {
	req saveRequest
	err error
	// basedOn is the baseline the saved file records ("" for none); note says what the
	// save did beyond writing the file.
	basedOn, note string
	// role says what an existing target is to the session, when err is orgs.ErrExists.
	role string
	// scenario is the [scenario] record the saved file holds.
	scenario *orgs.Scenario
}
