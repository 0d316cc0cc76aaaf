package report

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/sretopo/sretopo/orgs"
)

// TestDiffSaysMixedWithoutAMajority: bank's dominant run model covers no majority of its dev
// teams, so a diff into bank says "mixed" before its run model in text and Markdown, as
// bank's own headline does, and the JSON carries each side's majority.
func TestDiffSaysMixedWithoutAMajority(t *testing.T) {
	d := orgs.Compare("mixed.toml", example(t, "mixed"), "bank.toml", example(t, "bank"))
	bank := orgs.Analyse(example(t, "bank"), example(t, "bank"))
	if bank.RunModel.Majority {
		t.Fatal("bank's run model has a majority: the example no longer shows a mix")
	}
	largest := bank.RunModel.Dominant.Name()
	text, err := RenderDiff("text", d)
	if err != nil {
		t.Fatal(err)
	}
	if want := "Run model: You build it, you run it -> mixed, largest: " + largest + "."; !strings.Contains(string(text), want) {
		t.Errorf("the text diff lacks %q:\n%s", want, text)
	}
	markdown, err := RenderDiff("markdown", d)
	if err != nil {
		t.Fatal(err)
	}
	if want := "| Run model | You build it, you run it | mixed, largest: " + largest + " | changed |"; !strings.Contains(string(markdown), want) {
		t.Errorf("the Markdown diff lacks %q:\n%s", want, markdown)
	}
	out, err := RenderDiff("json", d)
	if err != nil {
		t.Fatal(err)
	}
	var parsed struct {
		Verdicts struct {
			Majority *struct{ From, To, Changed bool } `json:"run_model_majority"`
		} `json:"verdicts"`
	}
	if err := json.Unmarshal(out, &parsed); err != nil {
		t.Fatal(err)
	}
	if m := parsed.Verdicts.Majority; m == nil || !m.From || m.To || !m.Changed {
		t.Errorf("the JSON's verdicts.run_model_majority is %+v, want from true, to false, changed", m)
	}
}

// TestDiffOfAMixWithItselfIsUnchangedAndMixed: a diff of bank with itself says its run model
// is mixed and unchanged.
func TestDiffOfAMixWithItselfIsUnchangedAndMixed(t *testing.T) {
	text, err := RenderDiff("text", orgs.Compare("a.toml", example(t, "bank"), "b.toml", example(t, "bank")))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(text), "Run model: mixed, largest: ") || !strings.Contains(string(text), "(unchanged).") {
		t.Errorf("the diff of bank with itself does not say its run model is mixed and unchanged:\n%s", text)
	}
}
