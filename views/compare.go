package views

import (
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/words"
)

// Compare is what the compare screen (`c`) shows: two organizations side by side, A on the
// left (the baseline, or a scenario file chosen instead) and B on the right (the current
// model), with what changed team by team and every verdict of both. Everything comes from
// orgs; the view only lays it out.
type Compare struct {
	// LeftName and RightName are the two sides' files; LeftRole and RightRole say what
	// they are ("baseline", "in memory, modified").
	LeftName, RightName string
	LeftRole, RightRole string
	LeftOrg, RightOrg   *orgs.Org
	// Diff is orgs.Compare(left, right). Left is the left side analysed against itself;
	// Right is the right side analysed against the left (its transition is A to B).
	Diff        *orgs.Diff
	Left, Right *orgs.Analysis
}

func (c *Compare) ok() bool {
	return c != nil && c.Diff != nil && c.Left != nil && c.Right != nil && c.LeftOrg != nil && c.RightOrg != nil
}

// CompareTitle is the compare screen's title line.
func CompareTitle(c *Compare) string {
	if !c.ok() {
		return "Compare"
	}
	return fmt.Sprintf("Compare  A %s  with  B %s", S(c.LeftName), S(c.RightName))
}

// cmpGap is the space between the compare grid's columns.
const cmpGap = 2

// grid is the widths of the compare grid's columns: a mark, a label, A and B.
type grid struct{ label, left, right int }

func newGrid(w int) grid {
	label := max(10, min(28, w*26/100))
	rest := max(2, w-2-label-2*cmpGap)
	return grid{label: label, left: rest / 2, right: rest - rest/2}
}

// cmpRow is one row of the grid (label, A, B), or a note across the whole width.
type cmpRow struct {
	label, left, right string
	changed            bool
	note               string
}

type cmpSection struct {
	title string
	rows  []cmpRow
}

// maxCellLines caps how many lines one cell may wrap to.
const maxCellLines = 6

func cell(text string, w int) []string {
	lines := Wrap(text, w)
	if len(lines) == 0 {
		return []string{""}
	}
	if len(lines) > maxCellLines {
		lines = lines[:maxCellLines]
		lines[maxCellLines-1] = Trunc(lines[maxCellLines-1]+" …", w)
	}
	return lines
}

func (g grid) row(st Styles, r cmpRow, w int) []string {
	if r.note != "" {
		return styled(st.ink().Text, wrapped(r.note, w, "  ", "    "))
	}
	label, left, right := cell(r.label, g.label), cell(r.left, g.left), cell(r.right, g.right)
	n := max(len(label), len(left), len(right))
	rightStyle := st.ink().Text
	if r.changed {
		rightStyle = st.ink().Changed
	}
	gap := spaces(cmpGap)
	out := make([]string, n)
	for i := range out {
		mark := "  "
		if i == 0 && r.changed {
			mark = st.ink().Changed.Render(GlyphChanged) + " "
		}
		at := func(l []string) string {
			if i < len(l) {
				return l[i]
			}
			return ""
		}
		out[i] = mark + st.ink().Text.Render(Pad(at(label), g.label)) + gap + st.ink().Text.Render(Pad(at(left), g.left)) + gap + rightStyle.Render(Pad(at(right), g.right))
	}
	return out
}

// heading is the grid's column headings.
func (g grid) heading(c *Compare, st Styles) string {
	side := func(letter, name, role string, w int) string {
		s := letter + "  " + S(filepath.Base(name))
		if role != "" {
			s += " (" + role + ")"
		}
		return st.ink().Bold.Render(Pad(s, w))
	}
	gap := spaces(cmpGap)
	return spaces(2+g.label) + gap + side("A", c.LeftName, c.LeftRole, g.left) + gap + side("B", c.RightName, c.RightRole, g.right)
}

func (g grid) stack(st Styles, sections []cmpSection, w int) []string {
	var out []string
	for i, s := range sections {
		if i > 0 {
			out = append(out, "")
		}
		out = append(out, Rule(st, s.title, w))
		for _, r := range s.rows {
			out = append(out, g.row(st, r, w)...)
		}
	}
	return out
}

// compareWide reports whether the compare screen shows two stacks of sections side by side.
func compareWide(w int) bool { return w >= WideWidth }

// CompareHead is the compare screen's column headings at width w: one line.
func CompareHead(c *Compare, st Styles, w int) []string {
	if !c.ok() || w <= 0 {
		return nil
	}
	if !compareWide(w) {
		return []string{Trunc(newGrid(w).heading(c, st), w)}
	}
	lw := (w - panelGap) / 2
	rw := w - panelGap - lw
	return []string{Trunc(Pad(newGrid(lw).heading(c, st), lw)+spaces(panelGap)+newGrid(rw).heading(c, st), w)}
}

// CompareBody is the compare screen's scrolling body at width w: on a narrow terminal every
// section under the other; on a wide one what changed, the transition, the identity and the
// advisories on the left, the mixes, funding and KPIs on the right.
func CompareBody(c *Compare, st Styles, w int) []string {
	if !c.ok() || w <= 0 {
		return nil
	}
	teams, topo, runs, funding := teamsSection(c), topologySection(c), runModelSection(c), fundingSection(c)
	trans, ident, kpis, adv := transitionSection(c), identitySection(c), kpiSection(c), advisorySection(c)
	crit := criteriaSection(c)
	if !compareWide(w) {
		return newGrid(w).stack(st, []cmpSection{teams, topo, runs, crit, funding, trans, ident, kpis, adv}, w)
	}
	lw := (w - panelGap) / 2
	rw := w - panelGap - lw
	left := newGrid(lw).stack(st, []cmpSection{teams, trans, ident, adv}, lw)
	right := newGrid(rw).stack(st, []cmpSection{topo, runs, crit, funding, kpis}, rw)
	n := max(len(left), len(right))
	return strings.Split(joinBlocks(panelGap, []int{lw, rw}, Block(left, lw, n), Block(right, rw, n)), "\n")
}

func teamsSection(c *Compare) cmpSection {
	d := c.Diff
	s := cmpSection{title: "What changed, team by team"}
	add := func(label, left, right string) {
		s.rows = append(s.rows, cmpRow{label: S(label), left: left, right: right, changed: true})
	}
	for _, m := range d.Moves {
		add(m.Team, m.From.Short(), m.To.Short()+" (moved)")
	}
	for _, r := range d.RunChanges {
		add(r.Team, r.From.Short(), r.To.Short())
	}
	for _, r := range d.RoleChanges {
		add(r.Team, "SRE role "+words.OrDash(string(r.From)), "SRE role "+words.OrDash(string(r.To)))
	}
	for _, r := range d.RunWithChanges {
		add(r.Team, "runs with "+S(words.OrDash(r.From)), "runs with "+S(words.OrDash(r.To)))
	}
	// the teams added and removed by name through one index each: a what-if may add or
	// remove thousands
	teamNamed := func(o *orgs.Org) func(string) *orgs.Team {
		var lk *orgs.TeamLookup
		return func(name string) *orgs.Team {
			if lk == nil {
				lk = orgs.NewTeamLookup(o.Teams)
			}
			if i := lk.Index(name); i >= 0 {
				return &o.Teams[i]
			}
			return nil
		}
	}
	rightTeam, leftTeam := teamNamed(c.RightOrg), teamNamed(c.LeftOrg)
	for _, n := range d.Added {
		right := "added"
		if t := rightTeam(n); t != nil {
			right = fmt.Sprintf("added: %s %s, %s", t.Org.Short(), t.Kind.Words(), people(t.Headcount))
		}
		add(n, "-", right)
	}
	for _, n := range d.Removed {
		left := "-"
		if t := leftTeam(n); t != nil {
			left = fmt.Sprintf("%s %s, %s", t.Org.Short(), t.Kind.Words(), people(t.Headcount))
		}
		add(n, left, "removed")
	}
	for _, h := range d.Headcount {
		add(h.Team, people(h.From), people(h.To)+" ("+words.Signed(int64(h.To-h.From))+")")
	}
	for _, o := range d.OtherChanges {
		add(o.Team+": "+o.Field, S(words.OrDash(o.From)), S(words.OrDash(o.To)))
	}
	if p := d.Positioning; p != nil {
		add("SRE org positioning", words.OrDash(string(p.From)), words.OrDash(string(p.To)))
	}
	switch {
	case !d.Differ:
		s.rows = append(s.rows, cmpRow{note: "No difference: A and B are the same organization."})
	case len(s.rows) == 0:
		s.rows = append(s.rows, cmpRow{note: "No team changed; other settings of the organization did (name, description, services or KPIs)."})
	}
	return s
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func mixCell(n int, share float64) string {
	if n == 0 {
		return "-"
	}
	return fmt.Sprintf("%s, %s", words.Count(n, "dev team"), words.Percent(share))
}

func topologySection(c *Compare) cmpSection {
	v := c.Diff.Verdicts
	s := cmpSection{title: "Topology"}
	s.rows = append(s.rows,
		cmpRow{label: "dominant", left: words.Topology(v.Topology.From), right: words.Topology(v.Topology.To), changed: v.Topology.Changed},
		cmpRow{label: "pure", left: yesNo(v.Pure.From), right: yesNo(v.Pure.To), changed: v.Pure.Changed},
	)
	type mix struct {
		n     int
		share float64
	}
	left, right := map[int]mix{}, map[int]mix{}
	var nums []int
	for _, m := range c.Left.Topology.Mix {
		left[m.Topology] = mix{m.DevTeams, m.Share}
		nums = append(nums, m.Topology)
	}
	for _, m := range c.Right.Topology.Mix {
		right[m.Topology] = mix{m.DevTeams, m.Share}
		nums = append(nums, m.Topology)
	}
	slices.Sort(nums)
	for _, n := range slices.Compact(nums) {
		a, b := left[n], right[n]
		s.rows = append(s.rows, cmpRow{label: "topology " + strconv.Itoa(n), left: mixCell(a.n, a.share), right: mixCell(b.n, b.share), changed: a != b})
	}
	return s
}

func runModelSection(c *Compare) cmpSection {
	v := c.Diff.Verdicts
	s := cmpSection{title: "Run models"}
	// a dominant model without a majority is only the largest of a mix (rules.md 1)
	majority := v.RunModelMajority
	s.rows = append(s.rows, cmpRow{label: "dominant", left: words.MixedOr(majority.From, v.RunModel.From), right: words.MixedOr(majority.To, v.RunModel.To),
		changed: v.RunModelChanged()})
	find := func(mix []orgs.RunModelMix, id orgs.RunModel) (int, float64) {
		for _, m := range mix {
			if m.ID == id {
				return m.DevTeams, m.Share
			}
		}
		return 0, 0
	}
	for _, id := range orgs.SpectrumOrder {
		an, as := find(c.Left.RunModel.Mix, id)
		bn, bs := find(c.Right.RunModel.Mix, id)
		if an == 0 && bn == 0 {
			continue
		}
		s.rows = append(s.rows, cmpRow{label: id.Short(), left: mixCell(an, as), right: mixCell(bn, bs), changed: an != bn || as != bs})
	}
	return s
}

// criteriaSection is the nine criteria of each side's dominant run model (the talk's Compare
// step), "-" for a side without one; a row whose value differs is marked changed.
func criteriaSection(c *Compare) cmpSection {
	s := cmpSection{title: "Criteria of the dominant run model"}
	value := func(an *orgs.Analysis, k int) string {
		if m := an.RunModel.Dominant; m != nil && m.Column() >= 0 {
			return orgs.Criteria[k].Values[m.Column()]
		}
		return "-"
	}
	for k, cr := range orgs.Criteria {
		l, r := value(c.Left, k), value(c.Right, k)
		s.rows = append(s.rows, cmpRow{label: cr.Name, left: l, right: r, changed: l != r})
	}
	return s
}

func fundingSection(c *Compare) cmpSection {
	f := c.Diff.Verdicts.Funding
	has := c.Left.Funding.HasCosts || c.Right.Funding.HasCosts
	cur := c.Right.Funding.Currency
	if cur == nil {
		cur = c.Left.Funding.Currency
	}
	amount := func(hc orgs.HeadCost) string {
		if has {
			return words.Money(hc.Cost, cur) + ", " + people(hc.Headcount)
		}
		return people(hc.Headcount)
	}
	// after is B's amount with its change from A, when it changed
	after := func(hc orgs.HeadCost, cost int64, heads int) string {
		if cost == 0 && heads == 0 {
			return amount(hc)
		}
		return amount(hc) + " " + deltaWords(has, cost, heads, cur)
	}
	s := cmpSection{title: "Funding"}
	if !has {
		s.title = "Funding (by headcount: no per_head known)"
	}
	s.rows = append(s.rows,
		cmpRow{label: "CAPEX", left: amount(f.Before.Capex), right: after(f.After.Capex, f.Delta.CapexCost, f.Delta.CapexHeadcount), changed: f.Before.Capex != f.After.Capex},
		cmpRow{label: "OPEX", left: amount(f.Before.Opex), right: after(f.After.Opex, f.Delta.OpexCost, f.Delta.OpexHeadcount), changed: f.Before.Opex != f.After.Opex},
	)
	for _, org := range orgs.AllOrgs {
		a, b := *c.Left.Funding.Orgs.Of(org), *c.Right.Funding.Orgs.Of(org)
		dl := c.Right.Funding.OrgsDelta.Of(org)
		s.rows = append(s.rows, cmpRow{label: org.Short() + " budget", left: amount(a), right: after(b, dl.Cost, dl.Headcount), changed: a != b})
	}
	a, b := c.Left.Funding.ModelFunding, c.Right.Funding.ModelFunding
	s.rows = append(s.rows, cmpRow{label: "CAPEX-funded models", left: words.Percent(a.CapexShare) + " of dev teams", right: words.Percent(b.CapexShare) + " of dev teams", changed: a != b})
	return s
}

func transitionSection(c *Compare) cmpSection {
	t := c.Diff.Verdicts.Transition
	s := cmpSection{title: "Transition from A to B"}
	verdict := t.Verdict.Words()
	if t.Verdict == orgs.VerdictUnlikely || t.Verdict == orgs.VerdictNoReason {
		verdict = GlyphWarning + " " + verdict
	}
	s.rows = append(s.rows, cmpRow{label: "verdict", left: "", right: verdict, changed: t.Verdict != orgs.VerdictUnchanged})
	for _, tt := range t.Teams {
		from := "-"
		if tt.From != "" {
			from = tt.From.Short()
		}
		right := words.TeamTransition(tt)
		if tt.Verdict == orgs.VerdictUnlikely || tt.Verdict == orgs.VerdictNoReason {
			right = GlyphWarning + " " + right
		}
		if tt.Reason != "" {
			right += ". " + tt.Reason
		}
		s.rows = append(s.rows, cmpRow{label: S(tt.Team), left: from, right: right, changed: true})
	}
	if len(t.Decisions) > 0 {
		s.rows = append(s.rows, cmpRow{note: "Decisions, with how hard each is to undo:"})
	}
	for _, dec := range t.Decisions {
		s.rows = append(s.rows, cmpRow{note: "- " + words.Decision(dec, S) + " [" + words.HowHard(dec.Changeability) + "]"})
	}
	return s
}

func identitySection(c *Compare) cmpSection {
	v := c.Diff.Verdicts.Identity
	s := cmpSection{title: "SRE identity"}
	s.rows = append(s.rows, cmpRow{label: "dominant", left: words.Identity(v.From), right: words.Identity(v.To), changed: v.Changed})
	for _, id := range orgs.AllIdentities {
		a, b := c.Left.Identity.Weights.Of(id), c.Right.Identity.Weights.Of(id)
		s.rows = append(s.rows, cmpRow{label: id.Info().Name, left: words.Percent(a), right: words.Percent(b), changed: a != b})
	}
	return s
}

// kpiTexts lists an analysis' KPIs of one identity: "- " for the file's own, "e.g. " for
// the built-in examples.
func kpiTexts(an *orgs.Analysis, id orgs.Identity) []string {
	var out []string
	for _, k := range an.KPIs {
		if k.Identity != id {
			continue
		}
		lead := "- "
		if !k.Own {
			lead = "e.g. "
		}
		out = append(out, lead+S(k.Text))
	}
	return out
}

// kpiSection shows each identity's KPIs on both sides, side by side: an analysis lists the
// KPIs of its dominant identity and of every other identity it has some weight of.
func kpiSection(c *Compare) cmpSection {
	s := cmpSection{title: "KPIs"}
	for _, id := range orgs.AllIdentities {
		a, b := kpiTexts(c.Left, id), kpiTexts(c.Right, id)
		changed := !slices.Equal(a, b)
		for i := range max(len(a), len(b)) {
			r := cmpRow{changed: changed && i == 0}
			if i == 0 {
				r.label = id.Info().Name
			}
			if i < len(a) {
				r.left = a[i]
			}
			if i < len(b) {
				r.right = b[i]
			}
			s.rows = append(s.rows, r)
		}
	}
	if len(s.rows) == 0 {
		s.rows = append(s.rows, cmpRow{note: "No KPIs on either side (no SRE identity)."})
	}
	return s
}

func advisoryCount(an *orgs.Analysis) string {
	w, i := AdvisoryCounts(an)
	return fmt.Sprintf("%s, %s", words.Count(w, "warning"), words.Count(i, "info"))
}

func advisoryText(a orgs.Advisory) string {
	glyph := GlyphInfo
	if a.Severity == orgs.Warning {
		glyph = GlyphWarning
	}
	return glyph + " " + S(a.Message)
}

func advisorySection(c *Compare) cmpSection {
	ad := c.Diff.Verdicts.Advisories
	s := cmpSection{title: "Advisories"}
	a, b := advisoryCount(c.Left), advisoryCount(c.Right)
	s.rows = append(s.rows, cmpRow{label: "count", left: a, right: b, changed: a != b})
	// every service or team a message names only the first few of, across the width
	inFull := func(x orgs.Advisory) {
		if all := words.AdvisoryInFull(x, S); all != "" {
			s.rows = append(s.rows, cmpRow{note: all})
		}
	}
	for _, x := range ad.Raised {
		s.rows = append(s.rows, cmpRow{label: "raised: " + x.Code, right: advisoryText(x), changed: true})
		inFull(x)
	}
	for _, x := range ad.Cleared {
		s.rows = append(s.rows, cmpRow{label: "cleared: " + x.Code, left: advisoryText(x), right: "cleared", changed: true})
		inFull(x)
	}
	if len(ad.Raised)+len(ad.Cleared) == 0 {
		s.rows = append(s.rows, cmpRow{note: "No advisory raised or cleared."})
	}
	return s
}
