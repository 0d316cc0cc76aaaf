package model

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/views"
)

// newInput is a text input with a static cursor (no blink timer) whose value never holds a
// control character.
func newInput(prompt string, limit int) textinput.Model {
	ti := textinput.New()
	ti.Prompt = prompt
	ti.CharLimit = limit
	ti.SetCursorMode(textinput.CursorStatic)
	return ti
}

// updateInput forwards msg to ti and strips any control character the user typed or
// pasted, so that nothing the user enters can drive the terminal when it is drawn.
func updateInput(ti textinput.Model, msg tea.Msg) (textinput.Model, tea.Cmd) {
	ti, cmd := ti.Update(msg)
	if v := ti.Value(); strings.ContainsFunc(v, orgs.IsControl) {
		pos := ti.Position()
		ti.SetValue(strings.Map(func(r rune) rune {
			if orgs.IsControl(r) {
				return -1
			}
			return r
		}, v))
		ti.SetCursor(pos)
	}
	return ti, cmd
}

// formField is a field of the new-team form.
type formField int

const (
	fieldName formField = iota
	fieldKind
	fieldOrg
	fieldHeadcount
	fieldOnCall
	fieldCount
)

// teamForm is the small form of `n`: name, kind, organization, headcount and on call of a
// new team.
type teamForm struct {
	overBoard
	name, heads textinput.Model
	kind, org   int // indices in orgs.AllKinds and orgs.AllOrgs
	// onCall is an index in orgs.AllOnCalls; onCallSet is set once the user chose it, so
	// that a change of kind no longer changes it to the kind's default.
	onCall    int
	onCallSet bool
	field     formField
	err       string
}

// defaultOnCall is the on-call pattern a new team of a kind most likely has: the talk's
// developers on call in working hours, operations 24h/5d, SRE around the clock.
var defaultOnCall = map[orgs.Kind]orgs.OnCall{orgs.KindDev: orgs.OnCall8x5, orgs.KindOps: orgs.OnCall24x5,
	orgs.KindSRE: orgs.OnCall24x7, orgs.KindSREInfra: orgs.OnCall8x5}

// defaultKind is the kind a new team in an organization most likely has.
var defaultKind = map[orgs.OrgID]orgs.Kind{orgs.OrgDev: orgs.KindDev, orgs.OrgOps: orgs.KindOps, orgs.OrgSRE: orgs.KindSRE}

func newTeamForm(org orgs.OrgID) *teamForm {
	f := &teamForm{
		name:  newInput("", orgs.MaxNameLen),
		heads: newInput("", 5),
		kind:  slices.Index(orgs.AllKinds, defaultKind[org]),
		org:   slices.Index(orgs.AllOrgs, org),
	}
	f.onCall = slices.Index(orgs.AllOnCalls, defaultOnCall[orgs.AllKinds[f.kind]])
	f.name.Placeholder = "team name"
	f.heads.SetValue("5")
	f.name.Focus()
	return f
}

// choose types km into the field focused, or, on a field of choices, moves its choice by
// step (1 the next, -1 the previous, 0 none).
func (f *teamForm) choose(km tea.KeyMsg, step int) tea.Cmd {
	var cmd tea.Cmd
	switch f.field {
	case fieldName:
		f.name, cmd = updateInput(f.name, km)
	case fieldHeadcount:
		f.heads, cmd = updateInput(f.heads, km)
	case fieldKind:
		f.kind = (f.kind + step + len(orgs.AllKinds)) % len(orgs.AllKinds)
		if !f.onCallSet {
			f.onCall = slices.Index(orgs.AllOnCalls, defaultOnCall[orgs.AllKinds[f.kind]])
		}
	case fieldOnCall:
		f.onCall = (f.onCall + step + len(orgs.AllOnCalls)) % len(orgs.AllOnCalls)
		f.onCallSet = f.onCallSet || step != 0
	case fieldOrg:
		f.org = (f.org + step + len(orgs.AllOrgs)) % len(orgs.AllOrgs)
	}
	f.err = ""
	return cmd
}

func (f *teamForm) focus(field formField) {
	f.field = field
	f.name.Blur()
	f.heads.Blur()
	switch field {
	case fieldName:
		f.name.Focus()
	case fieldHeadcount:
		f.heads.Focus()
	}
}

// Team is the team the form describes, or why it cannot be one.
func (f teamForm) Team() (orgs.Team, error) {
	n, err := strconv.Atoi(strings.TrimSpace(f.heads.Value()))
	if err != nil || n < orgs.MinHeadcount || n > orgs.MaxHeadcount {
		return orgs.Team{}, fmt.Errorf("headcount must be a whole number from %d to %d", orgs.MinHeadcount, orgs.MaxHeadcount)
	}
	return orgs.Team{
		Name:      strings.TrimSpace(f.name.Value()),
		Org:       orgs.AllOrgs[f.org],
		Kind:      orgs.AllKinds[f.kind],
		Headcount: n,
		OnCall:    orgs.AllOnCalls[f.onCall],
	}, nil
}

// Dialog is the form as the views draw it.
func (f teamForm) Dialog() *views.Dialog {
	row := func(field formField, label, value string) string {
		lead := "  "
		if f.field == field {
			lead = views.GlyphSelected + " "
		}
		return lead + views.Pad(label, 10) + value
	}
	kind := orgs.AllKinds[f.kind]
	body := []string{
		row(fieldName, "name", f.name.View()),
		row(fieldKind, "kind", "< "+string(kind)+" >  "+kindHelp[kind]),
		row(fieldOrg, "org", "< "+orgs.AllOrgs[f.org].Title()+" >"),
		row(fieldHeadcount, "headcount", f.heads.View()),
		row(fieldOnCall, "on call", "< "+string(orgs.AllOnCalls[f.onCall])+" >  "+onCallHelp[orgs.AllOnCalls[f.onCall]]),
	}
	return &views.Dialog{Title: "New team", Body: strings.Join(body, "\n"), Error: f.err}
}

var onCallHelp = map[orgs.OnCall]string{
	orgs.OnCallNone: "nobody on call",
	orgs.OnCall8x5:  "working hours, weekdays",
	orgs.OnCall8x7:  "working hours, every day",
	orgs.OnCall24x5: "around the clock, weekdays",
	orgs.OnCall24x7: "around the clock, every day",
}

var kindHelp = map[orgs.Kind]string{
	orgs.KindDev:      "builds services",
	orgs.KindSRE:      "runs services with dev teams",
	orgs.KindSREInfra: "SRE infrastructure",
	orgs.KindOps:      "classic operations",
}

// savePrompt asks where to save the scenario (prefilled with the next free name) and, as an
// option, its title.
type savePrompt struct {
	path, title textinput.Model
	field       int // 0 path, 1 title
	err         string
	// then is what follows a successful save ("quit", "open x.toml"), when the prompt came
	// from the question about unsaved changes; "" otherwise.
	then string
	// note says what the saved file records about its baseline.
	note string
	// submitted is set when enter asked to save with a file name typed.
	submitted bool
	// raw is the suggested path as it is, shown is how the input shows it (sanitized): a
	// file whose name holds a control character is saved under its real name unless the
	// user changes it.
	raw, shown string
	// suggested is set while the file field still holds the suggestion untouched: the
	// first character typed replaces it, as a selected default would, rather than being
	// appended to "x-scenario-1.toml"; backspace or an arrow edits it instead.
	suggested bool
}

func newSavePrompt(path, then string) savePrompt {
	p := savePrompt{path: newInput("", 4096), title: newInput("", 200), then: then}
	p.raw, p.shown = path, orgs.Sanitize(path)
	p.path.SetValue(p.shown)
	p.path.CursorEnd()
	p.path.Focus()
	p.suggested = true
	p.title.Placeholder = "optional"
	p.note = "saved as a scenario of the baseline ([scenario] based_on)"
	return p
}

// Path is the path to save to: the suggested one as it is when the input still shows it.
func (p savePrompt) Path() string {
	v := strings.TrimSpace(p.path.Value())
	if v == strings.TrimSpace(p.shown) {
		return p.raw
	}
	return v
}

// accept submits the prompt when it has a file name.
func (p *savePrompt) accept() {
	p.submitted = strings.TrimSpace(p.path.Value()) != ""
	if !p.submitted {
		p.err = "type a file name"
	}
}

// otherField moves the focus between the file and the title.
func (p *savePrompt) otherField() {
	p.field = 1 - p.field
	if p.field == 0 {
		p.title.Blur()
		p.path.Focus()
	} else {
		p.path.Blur()
		p.title.Focus()
	}
}

// typed types km into the field focused; typing over a suggested file name replaces it.
func (p *savePrompt) typed(km tea.KeyMsg) tea.Cmd {
	var cmd tea.Cmd
	if p.field == 0 {
		if p.suggested && km.Type == tea.KeyRunes && !km.Alt {
			p.path.SetValue("")
		}
		p.suggested = false
		p.path, cmd = updateInput(p.path, km)
	} else {
		p.title, cmd = updateInput(p.title, km)
	}
	p.err = ""
	return cmd
}

// fileHint says how the file field takes keys.
func (p savePrompt) fileHint() string {
	if p.suggested {
		return "suggested: type to replace it, backspace to edit it"
	}
	return ".toml is added when missing"
}

// Dialog is the prompt as the views draw it.
func (p savePrompt) Dialog(saving bool) *views.Dialog {
	lead := func(field int) string {
		if p.field == field {
			return views.GlyphSelected + " "
		}
		return "  "
	}
	body := []string{
		lead(0) + views.Pad("file", 7) + p.path.View(),
		views.Pad("", 9) + p.fileHint(),
		lead(1) + views.Pad("title", 7) + p.title.View(),
		"",
		"  " + p.note,
	}
	if saving {
		body = append(body, "  saving...")
	}
	title := "Save the scenario"
	if p.then != "" {
		title += ", then " + p.then
	}
	return &views.Dialog{Title: title, Body: strings.Join(body, "\n"), Error: p.err}
}

// bindings are the team form's keys: tab and shift+tab move between the fields, left and
// right change a field of choices, enter adds the team, esc cancels; the rest is typed.
func (f *teamForm) bindings(m *Model) []screenKey {
	k := &m.keys
	change := k.Change.Help()
	choice := func(kb key.Binding, step int) screenKey {
		return onKey(kb, func(_ *Model, msg tea.KeyMsg) tea.Cmd { return f.choose(msg, step) }).said(2, change.Key, change.Desc)
	}
	field := func(kb key.Binding, by int) screenKey {
		return onKeyDo(kb, func(*Model) { f.focus((f.field + formField(by) + fieldCount) % fieldCount) })
	}
	return []screenKey{
		onKey(k.Interrupt, func(m *Model, _ tea.KeyMsg) tea.Cmd {
			m.closeAll()
			return m.quit()
		}),
		onKeyDo(k.Accept, f.submit).shown(3).only(editors),
		onKeyDo(k.Cancel, (*Model).closeAll).shown(4),
		field(k.NextField, 1).shown(1), field(k.PrevField, -1),
		choice(k.NextChoice, 1), choice(k.PrevChoice, -1),
	}
}

// update types a key no row has into the field focused.
func (f *teamForm) update(_ *Model, msg tea.KeyMsg) tea.Cmd { return f.choose(msg, 0) }

// submit adds the team the form describes, or says why it cannot.
func (f *teamForm) submit(m *Model) {
	t, err := f.Team()
	if err == nil {
		var c *orgs.Change
		m.before = m.Selected()
		if c, err = m.cur.AddTeam(t); err == nil {
			m.commit(entry{c, -1})
			m.closeAll()
			return
		}
	}
	f.err = err.Error()
}
