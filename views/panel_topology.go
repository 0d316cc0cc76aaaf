package views

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/words"
)

// ---- topology -------------------------------------------------------------

func topologyPanel(d *Data, st Styles, w, h int) []string {
	an := d.An
	var head []string
	if an.Summary.DevTeams == 0 {
		return []string{st.ink().Warning.Render(Trunc(GlyphWarning+" no dev team: no run model, no topology", w))}
	}
	if an.Topology.Dominant != nil {
		// the dev teams it covers, as every headline says them ("4 of 13 dev teams")
		topo := words.Topology(an.Topology.Dominant) + words.Covering(an.Topology.DominantDevTeams, an.Summary.DevTeams)
		head = append(head, styled(st.ink().AccentBold, wrapped(topo, w, "", "  "))...)
	} else {
		head = append(head, styled(st.ink().AccentBold, wrapped(words.NoTopology(an), w, "", "  "))...)
	}
	switch {
	case an.Topology.Pure:
		head = append(head, st.ink().Text.Render(Trunc(fmt.Sprintf("pure: every dev team in topology %d", *an.Topology.Dominant), w)))
	case impureWords(an) != "":
		head = append(head, styled(st.ink().Text, wrapped(impureWords(an), w, "", "  "))...)
	case len(an.Topology.Mix) == 0:
		n := an.Summary.DevTeams
		head = append(head, styled(st.ink().Text, wrapped("not pure: all "+words.Count(n, "dev team")+" outside the nine (ops run it or unorganized)", w, "", "  "))...)
	default:
		outside := an.Summary.DevTeams
		for _, m := range an.Topology.Mix {
			outside -= m.DevTeams
		}
		n := len(an.Topology.Mix)
		txt := fmt.Sprintf("not pure: %s topolog%s", words.Number(int64(n)), map[bool]string{true: "y", false: "ies"}[n == 1])
		if outside > 0 {
			txt += ", " + words.Count(outside, "dev team") + " outside the nine"
		}
		head = append(head, styled(st.ink().Text, wrapped(txt, w, "", "  "))...)
	}
	if ch := d.Changes; ch != nil && ch.WasTopology.Changed {
		head = append(head, styled(st.ink().Changed, wrapped("was "+words.Topology(ch.WasTopology.Value), w, GlyphChanged+" ", "  "))...)
	}
	if ch := d.Changes; ch != nil && ch.WasRunModel.Changed {
		now, was := "no dominant run model", "none"
		if an.RunModel.Dominant != nil {
			now = "run model " + an.RunModel.Dominant.Short()
		}
		if ch.WasRunModel.Value != nil {
			was = ch.WasRunModel.Value.Short()
		}
		head = append(head, styled(st.ink().Changed, wrapped(now+", was "+was, w, GlyphChanged+" ", "  "))...)
	}
	topoRows := func(cw int, names bool) []string {
		var rows []string
		for _, m := range an.Topology.Mix {
			t, _ := orgs.TopologyInfo(m.Topology)
			dom := an.Topology.Dominant != nil && *an.Topology.Dominant == m.Topology
			tail := ""
			if names {
				tail = t.Name
			}
			rows = append(rows, mixRow(st, dom, "T"+strconv.Itoa(m.Topology), 3, m.Share, m.DevTeams, mixDelta(d.Changes, false, m.Topology, ""), tail, cw))
		}
		return append(rows, goneTopologyRows(st, d.Changes, an.Topology.Mix, cw)...)
	}
	modelRows := func(cw int) []string {
		var rows []string
		for _, m := range an.RunModel.Mix {
			dom := an.RunModel.Dominant != nil && *an.RunModel.Dominant == m.ID
			rows = append(rows, mixRow(st, dom, m.ID.Short(), 18, m.Share, m.DevTeams, mixDelta(d.Changes, true, 0, m.ID), "", cw))
		}
		rows = append(rows, goneRows(st, d.Changes, an.RunModel.Mix, cw)...)
		return rows
	}
	topoTitle := st.ink().Title.Render("Topology mix") + st.ink().Muted.Render(" (dev teams)")
	modelTitle := st.ink().Title.Render("Run model mix")
	// stacked, with the topologies' names, when the height allows
	stacked := slices.Clone(head)
	if an.Topology.Dominant != nil {
		t, _ := orgs.TopologyInfo(*an.Topology.Dominant)
		note := Wrap(t.Note, w)
		if len(head)+len(note)+4+len(an.Topology.Mix)+len(an.RunModel.Mix) <= h {
			for _, l := range note {
				stacked = append(stacked, st.ink().Muted.Render(l))
			}
		}
	}
	if len(an.Topology.Mix) > 0 {
		stacked = append(stacked, "", topoTitle)
		stacked = append(stacked, topoRows(w, true)...)
	}
	stacked = append(stacked, "", modelTitle)
	stacked = append(stacked, modelRows(w)...)
	if len(stacked) <= h || w < 64 {
		return stacked
	}
	// side by side, without names, when it is short
	lw := max(28, w*2/5)
	rw := w - lw - 2
	left := append([]string{topoTitle}, topoRows(lw, false)...)
	right := append([]string{modelTitle}, modelRows(rw)...)
	n := max(len(left), len(right))
	lines := slices.Clone(head)
	lines = append(lines, strings.Split(joinBlocks(2, []int{lw, rw}, Block(left, lw, n), Block(right, rw, n)), "\n")...)
	return lines
}

// mixRow is one bar of a mix: "> T1  ██████░░░░  4  30.8%  name"; the dominant entry is
// marked by a glyph as well as colour.
func mixRow(st Styles, dominant bool, label string, labelW int, share float64, n int, delta, tail string, w int) string {
	lead := "  "
	ls := st.ink().Text
	if dominant {
		lead = GlyphSelected + " "
		ls = st.ink().AccentBold
	}
	if w < 40 {
		labelW = min(labelW, 10)
	}
	nums := fmt.Sprintf(" %3d %6s", n, words.Percent(share))
	if delta != "" {
		nums += " " + delta
	}
	barW := max(4, min(24, w-2-labelW-1-len(nums)-1))
	if tail != "" {
		barW = max(4, min(barW, w/5)) // leave room for the name
	}
	row := lead + ls.Render(Pad(label, labelW)) + " " + Bar(st, share, barW) + st.ink().Text.Render(nums)
	if tail != "" {
		row += st.ink().Muted.Render("  " + tail)
	}
	return Trunc(row, w)
}

// mixDelta is the change of a mix entry's dev teams against the baseline ("+2", "-1"), or
// "" when it did not change: of run model id when model is set, else of topology t.
func mixDelta(c *orgs.Changes, model bool, t int, id orgs.RunModel) string {
	if c == nil {
		return ""
	}
	n := c.TopologyMix[t]
	if model {
		n = c.RunModelMix[id]
	}
	if n == 0 {
		return ""
	}
	return words.Signed(int64(n))
}

// goneRows lists the run models the baseline had and the current model no longer has, so
// that a mix row that vanished still shows its "-N".
func goneRows(st Styles, c *orgs.Changes, mix []orgs.RunModelMix, w int) []string {
	if c == nil {
		return nil
	}
	var out []string
	for _, id := range orgs.SpectrumOrder {
		has := slices.ContainsFunc(mix, func(m orgs.RunModelMix) bool { return m.ID == id })
		if n := c.RunModelMix[id]; n < 0 && !has {
			out = append(out, st.ink().Changed.Render(Trunc(fmt.Sprintf("%s %s: none now (%s)", GlyphChanged, id.Short(), words.Signed(int64(n))), w)))
		}
	}
	return out
}

// goneTopologyRows lists the topologies the baseline had and the current model no longer
// has, so that a mix row that vanished still shows its "-N".
func goneTopologyRows(st Styles, c *orgs.Changes, mix []orgs.TopologyMix, w int) []string {
	if c == nil {
		return nil
	}
	var out []string
	for n := 1; n <= 9; n++ {
		has := slices.ContainsFunc(mix, func(m orgs.TopologyMix) bool { return m.Topology == n })
		if k := c.TopologyMix[n]; k < 0 && !has {
			out = append(out, st.ink().Changed.Render(Trunc(fmt.Sprintf("%s T%d: none now (%s)", GlyphChanged, n, words.Signed(int64(k))), w)))
		}
	}
	return out
}
