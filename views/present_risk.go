package views

import (
	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/words"
)

// decideOptions are the options the Decide step weighs: those last compared on the compare
// screen, else the baseline and the current model; labels name each, and pending says
// whether the current model's figures are still being simulated.
func decideOptions(d *Data) (opts []orgs.Option, labels []string, pending bool) {
	if len(d.Options) > 0 {
		for i := range d.Options {
			labels = append(labels, S(d.Options[i].File)+": "+S(d.Options[i].Name))
		}
		return d.Options, labels, false
	}
	if d.Base != nil {
		opts, labels = append(opts, orgs.Option{Analysis: d.Base}), append(labels, "baseline "+S(baseName(d)))
	}
	opts, labels = append(opts, orgs.Option{Analysis: d.An}), append(labels, "the current model")
	return opts, labels, d.An.Risk == nil && anyRiskPending(d)
}

// baseName is the baseline's file as the header names it, or the example's name.
func baseName(d *Data) string {
	if d.Header.Baseline != "" {
		return d.Header.Baseline
	}
	return d.Header.Example
}

// presentDecideRisk is the Decide step's page on risk: for each option, the services likely
// to breach and the worst night load, the fewest of each marked as `sretopo compare` marks
// its risk rows (orgs.Best: every tied option alike, no mark where all tie); no mark while
// a figure is still being simulated.
func presentDecideRisk(d *Data, st Styles, w, _ int) []string {
	opts, labels, pending := decideOptions(d)
	lines := styled(st.ink().Muted, Wrap(words.DecideRiskRule, w))
	breach, night := orgs.Best(opts, orgs.RowLikelyBreach), orgs.Best(opts, orgs.RowSleepPages)
	mark := func(best bool) string {
		if best && !pending {
			return OptionMark + " "
		}
		return ""
	}
	last := len(opts) - 1
	for i := range opts {
		r := opts[i].Analysis.Risk
		lines = append(lines, "")
		lines = append(lines, styled(st.ink().AccentBold, hung(labels[i], w, "", "  "))...)
		switch {
		case pending && i == last:
			lines = append(lines, styled(st.ink().Muted, hung(GlyphPending+" (simulating)", w, "  ", "    "))...)
			continue
		case r == nil:
			lines = append(lines, styled(st.ink().Muted, hung(words.DecideNoRates, w, "  ", "    "))...)
			continue
		}
		pen := st.ink().Text
		if len(r.LikelyBreach) > 0 {
			pen = st.ink().Warning
		}
		lines = append(lines, styled(pen, hung(mark(breach[i])+words.DecideBreach(r, S), w, "  ", "    "))...)
		lines = append(lines, styled(st.ink().Text, hung(mark(night[i])+words.DecideNightLoad(r, S), w, "  ", "    "))...)
	}
	return lines
}
