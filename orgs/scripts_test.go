package orgs_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/sretopo/sretopo/orgs"
)

// "Platform SRE" and "Platfоrm SRE" (a Cyrillic о) loaded as two teams, and run_with picked
// one silently. A word mixing scripts is refused, with its place and the two scripts; two
// names that can pass for each other are refused, naming both.
func TestLookAlikeNamesAreRefused(t *testing.T) {
	const platform = "format = 1\nname = \"Acme\"\n\n[[team]]\nname = \"Platform SRE\"\norg = \"sre\"\nkind = \"sre\"\nheadcount = 6\n"
	for _, c := range []struct{ name, add, want string }{
		{"a Cyrillic о in a Latin word", "Platf\u043erm SRE",
			`look.toml:11:1: team "Platfоrm SRE": team name "Platfоrm SRE" mixes the Latin and Cyrillic scripts in the word "Platfоrm", which would let it pass for another name; refused`},
		{"a Greek Ο in a Latin word", "Pl\u03b1tform SRE", `mixes the Latin and Greek scripts in the word "Plαtform"`},
		{"a whole word in Cyrillic letters that look Latin", "\u0420\u0430\u0443 SRE",
			""},
	} {
		src := platform + "\n[[team]]\nname = \"" + c.add + "\"\norg = \"sre\"\nkind = \"sre\"\nheadcount = 4\n"
		_, err := orgs.Load("look.toml", []byte(src))
		if c.want == "" {
			if err != nil {
				t.Errorf("%s: %v", c.name, err)
			}
			continue
		}
		var le *orgs.LoadError
		if !errors.As(err, &le) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v\nwant %s", c.name, err, c.want)
		}
	}

	// whole-script look-alikes: "SRЕ" in Cyrillic passes for the Latin "SRE" of another team
	src := "format = 1\nname = \"Acme\"\n\n[[team]]\nname = \"Pay SRE\"\norg = \"sre\"\nkind = \"sre\"\nheadcount = 6\n" +
		"\n[[team]]\nname = \"\u0420\u0430\u0443 SRE\"\norg = \"sre\"\nkind = \"sre\"\nheadcount = 4\n"
	_, err := orgs.Load("look.toml", []byte(src))
	want := `look.toml:11:1: team "Рау SRE": the name could pass for that of team #1 ("Pay SRE")`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("confusable names: %v\nwant %s", err, want)
	}
}

// Words in one script each, Japanese mixing Han and kana, and digits and punctuation with
// any script are names like any other.
func TestNamesInOneScriptPerWordLoad(t *testing.T) {
	for _, n := range []string{"Платформа SRE", "Платформа/Platform", "東京チーム", "서울 팀", "Ωμέγα 2", "Zürich Ops", "Café-Team", "Ärzte 24x7"} {
		if p := orgs.NameProblem("team name", n); p != "" {
			t.Errorf("%q: %s", n, p)
		}
	}
	if p := orgs.NameProblem("team name", "Ωmega"); p == "" {
		t.Error(`"Ωmega" mixes Greek and Latin in one word and was accepted`)
	}
}

// The dashboard's new team is held to the same rule.
func TestNewTeamCannotPassForAnother(t *testing.T) {
	o, err := orgs.Load("a.toml", []byte("format = 1\nname = \"Acme\"\n\n[[team]]\nname = \"Pay SRE\"\norg = \"sre\"\nkind = \"sre\"\nheadcount = 6\n"))
	if err != nil {
		t.Fatal(err)
	}
	if err := o.ValidateTeamName("\u0420\u0430\u0443 SRE"); err == nil || !strings.Contains(err.Error(), `could pass for that of team "Pay SRE"`) {
		t.Errorf("new team: %v", err)
	}
	if err := o.ValidateTeamName("Платформа SRE"); err != nil {
		t.Errorf("a Cyrillic name like no other: %v", err)
	}
}
