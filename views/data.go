package views

import (
	"sync"

	"github.com/sretopo/sretopo/orgs"
)

// Data is everything a dashboard screen shows. The model builds it after every message; the
// views only read it.
type Data struct {
	// Org is the current model (the what-if); An is its analysis against the baseline, with
	// one TeamVerdict per team of Org, in the same order.
	Org *orgs.Org
	An  *orgs.Analysis
	// Changes says which of An's verdicts differ from the baseline's own (orgs computes it);
	// nil draws nothing as changed.
	Changes *orgs.Changes
	// Index holds lookups derived from Org and An once per change, so drawing a frame never
	// walks every team.
	Index Index

	Board  Board
	Header Header
	// Panel is the panel shown on narrow terminals.
	Panel PanelID

	// Status is the last action's message; StatusError marks it as a refusal or a failure.
	Status      string
	StatusError bool
	// Prompt, when set, is an input line (find as you type) drawn in place of the status.
	Prompt string
	// Help is the rendered key help (one line, or several with full help shown).
	Help string
	// Dialog, when set, is drawn in the panels' place: the new-team form, the save prompt,
	// the quit question.
	Dialog *Dialog

	// ServicesByStatus lists the Services panel worst status first instead of in file order.
	ServicesByStatus bool
	// ServicesByBreach lists the Services panel by breach chance, highest first (before
	// ServicesByStatus).
	ServicesByBreach bool

	// Base is the baseline's own analysis: the Services panel marks a service whose risk
	// moved against it, and the Decide step shows it beside the current model; nil marks
	// nothing.
	Base *orgs.Analysis
	// Options are the options last compared on the compare screen (O) while the current
	// model is the one they were compared with: the Decide step shows their risk; nil
	// shows the baseline and the current model.
	Options []orgs.Option

	// Page is presentation mode's page (0-based, see Pages).
	Page int
	// Plan is the plan from the baseline to Org that presentation mode's Decide step shows;
	// nil while it is being made (it is made off the update loop).
	Plan *orgs.Plan

	// Memo, when set, keeps parts of the screen drawn for earlier frames to draw again
	// when what they show has not changed. The model keeps one for its whole session.
	Memo *Memo

	// PanelsDrawn, when set, is the panels' area already drawn by DrawPanels for this data
	// and size (the model keeps it while only the selection changes).
	PanelsDrawn string

	// riskPending is anyRiskPending, worked out once a frame (0: not yet, 1: no, 2: yes).
	riskPending int8
	// baseIndex finds the baseline's services by name for a frame drawn without a Memo.
	baseIndex baseServiceIndex
}

// Header is what the header line says about the file.
type Header struct {
	File, Baseline string
	// Example, when set, names the built-in example open (it has no file).
	Example  string
	Modified bool
	// NoRecovery is set while the recovery file of unsaved work cannot be written;
	// NoRecoveryWhy says why ("another dashboard on this file holds it"), shown when it fits.
	NoRecovery    bool
	NoRecoveryWhy string
	// Shared, in a shared session, says who is connected and who follows (the
	// facilitator's) or whether this participant follows.
	Shared string
}

// Dialog is a small form or question. Body is already rendered (it may hold text inputs),
// but every user string in it has been sanitized by the model's inputs.
type Dialog struct {
	Title string
	Body  string
	Error string
	// Wrap breaks the body's lines that do not fit at spaces (for sentences) instead of
	// cutting them (for lines holding a text input).
	Wrap bool
}

// Board is the board's state: which teams sit in which column and what is selected.
type Board struct {
	// Cols lists, for each organization in board order, the indices of its teams in model order.
	Cols [3][]int
	// Focus is the focused column; Rows the cursor row in each column; Offsets the first
	// card drawn in each column.
	Focus   int
	Rows    [3]int
	Offsets [3]int
	// Open shows the selected team's services under its card, one line each; Service is
	// then the selected one's place among them, -1 while the team itself is selected.
	Open    bool
	Service int
}

// TeamServices lists the indices in the analysis' services of those team i builds, in
// model order (nil when it builds none).
func (ix Index) TeamServices(i int) []int32 {
	if i < 0 || i >= len(ix.Services) {
		return nil
	}
	return ix.Services[i]
}

// SelectedService is the index in the analysis' services of the service selected on the
// board, -1 when the board selects a team.
func (b *Board) SelectedService(ix Index) int {
	if !b.Open || b.Service < 0 {
		return -1
	}
	if ks := ix.TeamServices(b.Selected()); b.Service < len(ks) {
		return int(ks[b.Service])
	}
	return -1
}

// Selected is the index in Org.Teams of the selected team, or -1 when the focused column
// is empty.
func (b *Board) Selected() int {
	if b.Focus < 0 || b.Focus > 2 {
		return -1
	}
	col := b.Cols[b.Focus]
	r := b.Rows[b.Focus]
	if r < 0 || r >= len(col) {
		return -1
	}
	return col[r]
}

// Columns sorts the teams of o into the board's three columns, in model order.
func Columns(o *orgs.Org) [3][]int {
	var n [3]int
	for i := range o.Teams {
		n[ColumnOf(o.Teams[i].Org)]++
	}
	var cols [3][]int
	for c := range cols {
		cols[c] = make([]int, 0, n[c])
	}
	for i := range o.Teams {
		cols[ColumnOf(o.Teams[i].Org)] = append(cols[ColumnOf(o.Teams[i].Org)], i)
	}
	return cols
}

// ColumnOf is the board column of an organization.
func ColumnOf(org orgs.OrgID) int {
	switch org {
	case orgs.OrgOps:
		return 1
	case orgs.OrgSRE:
		return 2
	}
	return 0
}

// Index holds lookups derived from Org and An for drawing, so that drawing a frame never
// walks every team. NewIndex derives it afresh; the model keeps one up to date through its
// edits instead (model/derive.go), and tests check that both agree.
type Index struct {
	// ServedBy lists, per team index, the dev teams that name it in run_with, in model order.
	ServedBy [][]int
	// DevRank is, per team index, the number of dev teams before it in Org: where orgs
	// lists a dev team's transition in An.Transition.Teams.
	DevRank []int32
	// Services lists per team index the services it builds (indices in the analysis'
	// services, in model order), and Exceptions counts those of them run otherwise than the
	// team (both nil when the file has no services).
	Services   [][]int32
	Exceptions []int32
	// wasModels is WasModels(An), made when first needed: only when the analysis does not
	// list the transitions where DevRank says.
	wasModels func() map[string]orgs.RunModel
}

// NewIndex derives the drawing lookups of o and its analysis.
// With an analysis, whom each team serves is the analysis' (orgs.Analysis.ServedBy).
func NewIndex(o *orgs.Org, an *orgs.Analysis) Index {
	ix := Index{DevRank: DevRanks(o)}
	if an != nil && len(an.Teams) == len(o.Teams) {
		ix.ServedBy = an.ServedBy()
		return ix.For(an)
	}
	// without an analysis nobody is known to serve anyone: who runs with whom is a rule of
	// orgs, which the analysis applies
	ix.ServedBy = make([][]int, len(o.Teams))
	return ix.For(an)
}

// For is ix for an, an analysis of the organization ix was derived from: with the services
// each team builds listed from it (one pass over the services), unless ix already lists
// them for an (the model keeps them up to date through its edits).
func (ix Index) For(an *orgs.Analysis) Index {
	ix.wasModels = nil
	if an == nil || len(an.Services) == 0 {
		ix.Services, ix.Exceptions = nil, nil
	} else if len(ix.Services) != len(an.Teams) {
		ix.Services, ix.Exceptions = ServicesByTeam(an)
	}
	if an != nil {
		ix.wasModels = sync.OnceValue(func() map[string]orgs.RunModel { return WasModels(an) })
	}
	return ix
}

// ServicesByTeam lists per team of an the services it builds and counts its exceptions.
func ServicesByTeam(an *orgs.Analysis) (services [][]int32, exceptions []int32) {
	services, exceptions = make([][]int32, len(an.Teams)), make([]int32, len(an.Teams))
	for k := range an.Services {
		v := &an.Services[k]
		if t := v.ServiceRun.Team; t >= 0 && t < len(an.Teams) {
			services[t] = append(services[t], int32(k))
			if v.Exception {
				exceptions[t]++
			}
		}
	}
	return services, exceptions
}

// DevRanks is, per team of o, the number of dev teams before it.
func DevRanks(o *orgs.Org) []int32 {
	r := make([]int32, len(o.Teams))
	n := int32(0)
	for i := range o.Teams {
		r[i] = n
		if o.Teams[i].Kind == orgs.KindDev {
			n++
		}
	}
	return r
}

// WasModels maps the name of each team whose run model differs from the baseline's to the
// baseline's run model (from the analysis' transitions).
func WasModels(an *orgs.Analysis) map[string]orgs.RunModel {
	var m map[string]orgs.RunModel
	for _, tt := range an.Transition.Teams {
		if tt.From != "" && tt.To != "" && tt.From != tt.To {
			if m == nil {
				m = map[string]orgs.RunModel{}
			}
			m[tt.Team] = tt.From
		}
	}
	return m
}

// wasModel is the baseline's run model of team i when it differs from the current one:
// WasModels(d.An)[name of team i], found without walking the transitions.
func (d *Data) wasModel(i int) (orgs.RunModel, bool) {
	t := &d.Org.Teams[i]
	if t.Kind != orgs.KindDev {
		// only a team that is a dev team now and was one in the baseline has a transition
		// with both ends, and names are unique
		return "", false
	}
	if i < len(d.Index.DevRank) {
		if k := int(d.Index.DevRank[i]); k < len(d.An.Transition.Teams) {
			if tt := &d.An.Transition.Teams[k]; tt.Team == t.Name {
				if tt.From != "" && tt.To != "" && tt.From != tt.To {
					return tt.From, true
				}
				return "", false
			}
		}
	}
	if d.Index.wasModels == nil {
		return "", false
	}
	m, ok := d.Index.wasModels()[t.Name]
	return m, ok
}

// ok reports whether the data is complete enough to draw the dashboard.
func (d *Data) ok() bool {
	return d != nil && d.Org != nil && d.An != nil && len(d.An.Teams) == len(d.Org.Teams)
}

// Memo keeps parts of the screen between frames: the expensive ones, each with everything it
// was drawn from, so it is drawn again only when that changed. The zero value is empty;
// a Memo serves one goroutine at a time.
type Memo struct {
	criteria [2]criteriaMemo
	need     [2]needMemo
	tables   [4]tableMemo
	base     baseServiceIndex
}

// baseServiceIndex is the services of a baseline's analysis by folded name.
type baseServiceIndex struct {
	an    *orgs.Analysis
	index map[string]int
}

// of is the index of an's services, made again only for another analysis.
func (x *baseServiceIndex) of(an *orgs.Analysis) map[string]int {
	if x.an != an {
		x.an, x.index = an, make(map[string]int, len(an.Services))
		for k := range an.Services {
			x.index[orgs.FoldName(an.Services[k].Name)] = k
		}
	}
	return x.index
}

// tableMemo is the Services or Staffing panel as drawn for an analysis, size and order:
// the layout measures a panel and then draws it, often at the same size.
type tableMemo struct {
	an       *orgs.Analysis
	panel    PanelID
	w, h     int
	byStatus bool
	byBreach bool
	pens     *pens
	lines    []string
}

// needMemo is the height of a panel drawn in full, for the analysis, panel and width it
// was measured for.
type needMemo struct {
	an    *orgs.Analysis
	panel PanelID
	w, h  int
	n     int
	ok    bool
}

type criteriaMemo struct {
	in    criteriaInput
	pens  *pens
	w, h  int
	lines []string
}
