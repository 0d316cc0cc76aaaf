package views

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/sretopo/sretopo/orgs"
)

// decideRiskBody is the Decide step's risk page as text, all its slides joined.
func decideRiskBody(t *testing.T, d *Data, w, h int) string {
	t.Helper()
	var out []string
	for _, sl := range Slides(d, DefaultStyles(), w, h, 1) {
		if strings.HasPrefix(sl.Concern.Title, "Risk of each option") {
			out = append(out, ansi.Strip(strings.Join(sl.Body, "\n")))
		}
	}
	if len(out) == 0 {
		t.Fatal("the Decide step has no risk page")
	}
	return strings.Join(out, "\n")
}

// optionBlock is what the page says under an option's label.
func optionBlock(body, label string) string {
	_, rest, ok := strings.Cut(body, label+"\n")
	if !ok {
		return ""
	}
	if end := strings.Index(rest, "\n\n"); end >= 0 {
		rest = rest[:end]
	}
	return strings.Join(strings.Fields(rest), " ") // lines unwrapped
}

// Issue 21: "The presentation's Decide step shows, per option compared, the services likely
// to breach and the worst night load." With options compared, each shows its own figures,
// and the fewest of each is marked where `sretopo compare` marks it.
func TestDecideStepShowsEachComparedOptionsRisk(t *testing.T) {
	files := []string{"health-platform.toml", "health-platform-topology-5.toml", "health-platform-topology-6.toml"}
	var models []*orgs.Org
	for _, f := range files {
		raw, err := os.ReadFile("../testdata/plan/" + f)
		if err != nil {
			t.Fatal(err)
		}
		o, err := orgs.Load(f, raw)
		if err != nil {
			t.Fatal(err)
		}
		models = append(models, o)
	}
	options := orgs.CompareOptions(files, models)
	d := data(t, models[0], models[0].Clone(), "", 120, 40)
	d.Options = options
	body := decideRiskBody(t, d, 120, 40)
	breach, night := orgs.Best(options, orgs.RowLikelyBreach), orgs.Best(options, orgs.RowSleepPages)
	for i, o := range options {
		r := o.Analysis.Risk
		block := optionBlock(body, o.File+": "+o.Name)
		want := fmt.Sprintf("likely to breach %d of %d services", len(r.LikelyBreach), r.ServicesWithRates)
		if !strings.Contains(block, want) || !strings.Contains(block, fmt.Sprintf("%q", r.MaxSleep.Team)) {
			t.Errorf("%s: %q lacks %q or its worst night load %s", o.File, block, want, r.MaxSleep.Team)
		}
		for _, name := range r.LikelyBreach {
			if !strings.Contains(block, name) {
				t.Errorf("%s: %q does not name %s, likely to breach", o.File, block, name)
			}
		}
		if got := strings.Contains(block, OptionMark+" likely to breach"); got != breach[i] {
			t.Errorf("%s: breach marked %v, compare marks it %v: %q", o.File, got, breach[i], block)
		}
		if got := strings.Contains(block, OptionMark+" worst night load"); got != night[i] {
			t.Errorf("%s: night load marked %v, compare marks it %v: %q", o.File, got, night[i], block)
		}
	}
	if !slices.Contains(breach, true) || !slices.Contains(night, true) {
		t.Errorf("the three options tie in breach %v or night load %v: the test shows no mark", breach, night)
	}
}

// Without options compared, the Decide step weighs the baseline against the current
// what-if; a what-if that leaves the risk as it was marks neither.
func TestDecideStepWeighsTheBaselineAndTheWhatIf(t *testing.T) {
	base, cur := example(t, "health-platform")
	for i := range cur.Teams {
		if cur.Teams[i].Name == "Patient Portal" {
			cur.Teams[i].OnCall = orgs.OnCall24x7
		}
	}
	d := data(t, base, cur, "", 120, 40)
	d.Base = orgs.Analyse(base, base)
	body := decideRiskBody(t, d, 120, 40)
	was, now := d.Base.Risk, d.An.Risk
	if len(now.LikelyBreach) >= len(was.LikelyBreach) {
		t.Fatalf("the what-if did not lower the services likely to breach: %v, was %v", now.LikelyBreach, was.LikelyBreach)
	}
	b, c := optionBlock(body, "baseline examples/x.toml"), optionBlock(body, "the current model")
	if !strings.Contains(b, fmt.Sprintf("likely to breach %d of", len(was.LikelyBreach))) || strings.Contains(b, OptionMark+" likely") {
		t.Errorf("the baseline: %q", b)
	}
	if !strings.Contains(c, OptionMark+fmt.Sprintf(" likely to breach %d of", len(now.LikelyBreach))) {
		t.Errorf("the current model, with fewer likely to breach, is not marked: %q", c)
	}
	d = data(t, base, base.Clone(), "", 120, 40)
	d.Base = orgs.Analyse(base, base)
	if body := decideRiskBody(t, d, 120, 40); strings.Contains(body, OptionMark+" likely") || strings.Contains(body, OptionMark+" worst") {
		t.Errorf("an unchanged what-if ties the baseline, yet a figure is marked:\n%s", body)
	}
}
