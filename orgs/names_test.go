package orgs

import (
	"strings"
	"testing"
)

func TestSameName(t *testing.T) {
	for _, c := range []struct {
		why, a, b string
		same      bool
	}{
		{"ASCII case", "Ops SRE", "ops sre", true},
		{"long s folds with s (simple case folding)", "Ops SRE", "Opſ SRE", true},
		{"Kelvin sign folds with k", "Kernel", "\u212Aernel", true},
		{"NFC and NFD of Café", "Caf\u00e9", "Cafe\u0301", true},
		{"NFD upper case against NFC lower case", "CAFE\u0301", "caf\u00e9", true},
		{"Greek final sigma folds with sigma", "ΟΔΟΣ", "οδος", true},
		{"different letters", "Ops", "Dev", false},
		{"accent is not case", "Cafe", "Café", false},
		{"dotless i is its own letter", "Pılot", "Pilot", false},
	} {
		if SameName(c.a, c.b) != c.same || (FoldName(c.a) == FoldName(c.b)) != c.same {
			t.Errorf("%s: %q and %q: SameName = %t, keys %q and %q, want the same name: %t",
				c.why, c.a, c.b, SameName(c.a, c.b), FoldName(c.a), FoldName(c.b), c.same)
		}
	}
}

func TestNameProblem(t *testing.T) {
	refused := []struct{ why, name, want string }{
		{"soft hyphen", "Ops\u00adSRE", "U+00AD"},
		{"TAG character", "Ops\U000E0041", "U+E0041"},
		{"combining grapheme joiner", "Ops\u034fSRE", "U+034F"},
		{"variation selector", "Ops\ufe0f", "U+FE0F"},
		{"Hangul filler", "Ops\u3164", "U+3164"},
		{"Hangul jungseong filler", "Ops\u1160", "U+1160"},
		{"braille blank", "Ops\u2800", "U+2800"},
		{"zero-width joiner", "Ops\u200dSRE", "control character"},
		{"line separator", "Ops\u2028", "control character"},
		{"paragraph separator", "Ops\u2029", "control character"},
		{"escape", "Ops\x1b[31m", "control character"},
		{"leading space", " Ops", "begins or ends with a space"},
		{"trailing space", "Ops ", "begins or ends with a space"},
		{"trailing no-break space", "Ops\u00a0", "begins or ends with a space"},
		{"blank", "   ", "empty"},
		{"too long", strings.Repeat("é", MaxNameLen+1), "at most 64"},
	}
	for _, c := range refused {
		got := NameProblem("team name", c.name)
		if !strings.Contains(got, c.want) {
			t.Errorf("%s: NameProblem(%q) = %q, want it to mention %q", c.why, c.name, got, c.want)
		}
	}
	for _, ok := range []string{"Ops SRE", "Café", "東京 SRE", "Ops-SRE (24x7)", strings.Repeat("é", MaxNameLen)} {
		if p := NameProblem("team name", ok); p != "" {
			t.Errorf("NameProblem(%q) = %q, want it accepted", ok, p)
		}
	}
}

func TestLoadRefusesLookAlikeNames(t *testing.T) {
	for _, c := range []struct{ why, a, b, want string }{
		{"long s is s", "Ops SRE", "Opſ SRE", "already used by team #1"},
		{"NFC and NFD", "Caf\u00e9", "Cafe\u0301", "already used by team #1"},
		{"soft hyphen", "Ops", "O\u00adps", "U+00AD"},
		{"braille blank", "Ops", "Ops\u2800", "U+2800"},
	} {
		src := "format = 1\nname = \"n\"\n\n[[team]]\nname = \"" + c.a + "\"\norg = \"ops\"\nkind = \"sre\"\nheadcount = 3\n\n[[team]]\nname = \"" + c.b + "\"\norg = \"ops\"\nkind = \"sre\"\nheadcount = 3\n"
		_, err := Load("look.toml", []byte(src))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: Load = %v, want a problem mentioning %q", c.why, err, c.want)
		}
	}
}

func TestRunWithMatchesByTheOneNameRule(t *testing.T) {
	src := `format = 1
name = "n"

[[team]]
name = "Ops SRE"
org = "ops"
kind = "sre"
headcount = 3

[[team]]
name = "Checkout"
org = "dev"
kind = "dev"
headcount = 5
run = "you-and-sre"
run_with = "opſ sre"
`
	o, err := Load("fold.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if got := o.Team(o.Teams[1].RunWith); got == nil || got.Name != "Ops SRE" {
		t.Fatalf("run_with %q resolves to %v, want team \"Ops SRE\"", o.Teams[1].RunWith, got)
	}
	a := Analyse(o, o)
	if a.Teams[1].Topology != 5 {
		t.Errorf("topology of Checkout = %v, want 5 (shares on call with the ops org's SRE team)", a.Teams[1].Topology)
	}
}

// TestTeamIndexAcrossLengths: an ASCII name finds a team whose name is the same ignoring
// case though written with other bytes (the Kelvin sign, the long s), and nothing else.
func TestTeamIndexAcrossLengths(t *testing.T) {
	o := &Org{Teams: []Team{{Name: "Alpha"}, {Name: "\u212Aappa"}, {Name: "Mi\u017Fion"}, {Name: "Zeta"}}}
	for name, want := range map[string]int{"alpha": 0, "ALPHA": 0, "kappa": 1, "KAPPA": 1, "mission": -1, "mision": 2, "MISION": 2, "zeta": 3, "Alph": -1, "Alphas": -1, "\u212Aappa": 1} {
		if got := o.TeamIndex(name); got != want {
			t.Errorf("TeamIndex(%q) = %d, want %d", name, got, want)
		}
	}
}
