package views

import (
	"strings"

	"github.com/sretopo/sretopo/orgs"
)

// Data is everything a dashboard screen shows. The model builds it after every message; the
// views only read it.
type Data struct {
	// Org is the current model (the what-if); An is its analysis against the baseline, with
	// one TeamVerdict per team of Org, in the same order.
	Org *orgs.Org
	An  *orgs.Analysis
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

	// Page is presentation mode's page (0-based, see Pages).
	Page int

	// PanelsDrawn, when set, is the panels' area already drawn by DrawPanels for this data
	// and size (the model keeps it while only the selection changes).
	PanelsDrawn string
}

// Header is what the header line says about the file.
type Header struct {
	File, Baseline string
	Modified       bool
	// NoRecovery is set while the recovery file of unsaved work cannot be written.
	NoRecovery bool
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

// Index holds lookups derived once per change for drawing.
type Index struct {
	// ServedBy lists, per team index, the dev teams that name it in run_with.
	ServedBy [][]int
	// WasModel holds, for each team whose run model differs from the baseline's, the
	// baseline's run model (from the analysis' transitions), by team name.
	WasModel map[string]orgs.RunModel
}

// NewIndex derives the drawing lookups of o and its analysis.
func NewIndex(o *orgs.Org, an *orgs.Analysis) Index {
	ix := Index{ServedBy: make([][]int, len(o.Teams))}
	// only sre and ops teams can be named in run_with; match exact names first, then
	// ignoring case (as the model's rules do)
	exact := map[string]int{}
	var folded map[string]int
	for i := range o.Teams {
		if k := o.Teams[i].Kind; k == orgs.KindSRE || k == orgs.KindOps {
			exact[o.Teams[i].Name] = i
		}
	}
	for i := range o.Teams {
		t := &o.Teams[i]
		if t.Kind != orgs.KindDev || t.RunWith == "" || !t.Run.NeedsPartner() {
			continue
		}
		j, ok := exact[t.RunWith]
		if !ok {
			if folded == nil {
				folded = make(map[string]int, len(exact))
				for name, k := range exact {
					folded[strings.ToLower(name)] = k
				}
			}
			j, ok = folded[strings.ToLower(t.RunWith)]
		}
		if ok {
			ix.ServedBy[j] = append(ix.ServedBy[j], i)
		}
	}
	if an != nil {
		for _, tt := range an.Transition.Teams {
			if tt.From != "" && tt.To != "" && tt.From != tt.To {
				if ix.WasModel == nil {
					ix.WasModel = map[string]orgs.RunModel{}
				}
				ix.WasModel[tt.Team] = tt.From
			}
		}
	}
	return ix
}

// ok reports whether the data is complete enough to draw the dashboard.
func (d *Data) ok() bool {
	return d != nil && d.Org != nil && d.An != nil && len(d.An.Teams) == len(d.Org.Teams)
}
