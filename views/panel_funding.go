package views

import (
	"fmt"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/words"
)

// ---- funding --------------------------------------------------------------

func fundingPanel(d *Data, st Styles, w, h int) []string {
	f := &d.An.Funding
	cur := f.Currency
	amount := func(hc orgs.HeadCost) string {
		if f.HasCosts {
			return words.Money(hc.Cost, cur) + " (" + people(hc.Headcount) + ")"
		}
		return people(hc.Headcount)
	}
	first := f.CapexSplit()
	by := "by cost"
	if !f.HasCosts {
		by = "by headcount (no per_head known)"
	}
	legend := "  █ CAPEX ▒ OPEX"
	barW := min(w, 48)
	bar := SplitBar(st, first, barW)
	if w-barW >= len(legend) {
		bar += st.ink().Muted.Render(legend)
	}
	roomy := h >= 13
	lines := []string{
		Trunc(st.ink().AccentBold.Render("CAPEX "+words.Percent(first))+st.ink().Text.Render(" / ")+st.ink().Bold.Render("OPEX "+words.Percent(1-first))+st.ink().Muted.Render(" "+by), w),
		bar,
	}
	lines = append(lines, withDelta(st, st.ink().Text, "CAPEX "+amount(f.CAPEX), f.HasCosts, f.Delta.CapexCost, f.Delta.CapexHeadcount, cur, w)...)
	lines = append(lines, withDelta(st, st.ink().Text, "OPEX  "+amount(f.OPEX), f.HasCosts, f.Delta.OpexCost, f.Delta.OpexHeadcount, cur, w)...)
	if roomy {
		lines = append(lines, "")
	}
	lines = append(lines, st.ink().Title.Render("Budgets")+st.ink().Muted.Render(Trunc(" (whose budget carries each team)", max(0, w-7))))
	budget := func(org orgs.OrgID) (row []string, changed bool) {
		b, dl := f.Orgs.Of(org), f.OrgsDelta.Of(org)
		text := "  " + Pad(org.Short(), 8) + PadLeft(people(b.Headcount), 11)
		if f.HasCosts {
			text += PadLeft(words.Money(b.Cost, cur), 17)
		}
		style := st.ink().Text
		if changed = dl.Cost != 0 || dl.Headcount != 0; changed {
			style = st.ink().Changed
			text = GlyphChanged + text[1:]
		}
		return withDelta(st, style, text, f.HasCosts, dl.Cost, dl.Headcount, cur, w), changed
	}
	tail := []string{st.ink().Text.Render(Trunc(fmt.Sprintf("run models: %s of dev teams CAPEX-funded, %s OPEX-funded (ops run it)",
		words.Percent(f.ModelFunding.CapexShare), words.Percent(f.ModelFunding.OpexShare)), w))}
	if roomy {
		tail = append([]string{""}, tail...)
	}
	// every budget in board order when it fits; else the changed ones only, so that a short
	// panel never hides what changed behind what did not
	var all, changed []string
	unchanged := 0
	for _, org := range orgs.AllOrgs {
		row, ch := budget(org)
		all = append(all, row...)
		if ch {
			changed = append(changed, row...)
		} else {
			unchanged++
		}
	}
	if len(lines)+len(all)+len(tail) <= h || unchanged == len(orgs.AllOrgs) {
		lines = append(lines, all...)
	} else {
		lines = append(lines, changed...)
		lines = append(lines, st.ink().Muted.Render(Trunc(fmt.Sprintf("  (%d unchanged; z shows every budget)", unchanged), w)))
	}
	if len(d.An.Staffing.Rotations) > 0 {
		style := st.ink().Text
		if d.An.Staffing.Needed > 0 {
			style = st.ink().Warning
		}
		tail = append(tail, styled(style, wrapped(fundingStaffing(d.An), w, "", "  "))...)
	}
	return append(lines, tail...)
}

// withDelta is text followed by its change against the baseline: on the same line when it
// fits, else on the next one; "(no change)" is left out when it does not fit.
func withDelta(st Styles, style *pen, text string, hasCosts bool, cost int64, heads int, cur *string, w int) []string {
	delta := deltaWords(hasCosts, cost, heads, cur)
	switch {
	case width(text)+1+width(delta) <= w:
		return []string{style.Render(text + " " + delta)}
	case cost == 0 && heads == 0:
		return []string{style.Render(Trunc(text, w))}
	}
	return []string{style.Render(Trunc(text, w)), style.Render(Trunc("      "+delta, w))}
}

// deltaWords is a change against the baseline with its sign, "(no change)" when zero.
func deltaWords(hasCosts bool, cost int64, heads int, cur *string) string {
	if cost == 0 && heads == 0 {
		return "(no change)"
	}
	if hasCosts {
		return "(" + words.SignedMoney(cost, cur) + ", " + words.SignedPeople(heads) + ")"
	}
	return "(" + words.SignedPeople(heads) + ")"
}

func currencySuffix(cur *string) string {
	if cur == nil || *cur == "" {
		return ""
	}
	return " " + S(*cur)
}
