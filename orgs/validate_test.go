package orgs_test

// docs/format.md "Validation": every kind of bad input is a file in testdata/invalid with the
// exact lines LoadFile must report next to it (NAME.want, written by hand from the format's
// rules and load.go's wording). There is deliberately no flag that rewrites the .want files.

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/sretopo/sretopo/orgs"
)

// The kinds of bad input the format lists; each must have its file, so none can quietly go.
var invalidKinds = []string{
	"syntax-error", "curly-quotes",
	"unknown-key", "unknown-key-defaults", "unknown-table", "missing-team-header", "single-bracket-team",
	"missing-required", "wrong-types", "bad-enums",
	"missing-format", "format-newer", "format-zero",
	"duplicate-team", "duplicate-service", "empty-name", "long-name", "control-name", "control-note",
	"headcount-range", "negative-cost", "availability-range", "error-budget-negative",
	"run-on-non-dev", "run-with-no-team", "run-with-wrong-kind", "run-with-missing", "run-with-not-allowed", "sre-role-not-you", "sre-role-table",
	"service-missing-team", "service-non-dev-team",
	"rotation-range", "rotation-not-on-call", "service-run-with-without-run", "service-run-with-rules", "kpi-half-measured",
	"backup-rules", "on-call-keys", "service-risk-range",
	"several-problems",
}

func TestInvalidFiles(t *testing.T) {
	t.Chdir(filepath.Join("..", "testdata", "invalid"))
	files, err := filepath.Glob("*.toml")
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range invalidKinds {
		if !slices.Contains(files, k+".toml") {
			t.Errorf("testdata/invalid/%s.toml is missing", k)
		}
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(file, ".toml"), func(t *testing.T) {
			wantBytes, err := os.ReadFile(strings.TrimSuffix(file, ".toml") + ".want")
			if err != nil {
				t.Fatalf("every invalid file needs its .want: %v", err)
			}
			want := strings.Split(strings.TrimRight(string(wantBytes), "\n"), "\n")

			org, _, err := orgs.LoadFile(file)
			if err == nil {
				t.Fatalf("%s loaded without a problem; want:\n%s", file, strings.Join(want, "\n"))
			}
			if org != nil {
				t.Errorf("LoadFile returned a model along with its error")
			}
			var le *orgs.LoadError
			if !errors.As(err, &le) {
				t.Fatalf("error %T, want *orgs.LoadError", err)
			}
			if le.File != file {
				t.Errorf("LoadError.File %q, want %q", le.File, file)
			}
			for _, p := range le.Problems {
				if p.File != file {
					t.Errorf("problem %q names file %q, want %q", p.Msg, p.File, file)
				}
			}
			got := strings.Split(err.Error(), "\n")
			if len(le.Problems) != len(got) {
				t.Errorf("%d problems print as %d lines", len(le.Problems), len(got))
			}
			if !slices.Equal(got, want) {
				t.Errorf("problems of %s:\n%s", file, lineDiff(got, want))
			}
		})
	}
}

// lineDiff shows got and want line by line.
func lineDiff(got, want []string) string {
	var b strings.Builder
	for i := 0; i < max(len(got), len(want)); i++ {
		g, w := "<none>", "<none>"
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		mark := " "
		if g != w {
			mark = "!"
		}
		fmt.Fprintf(&b, "%s got  %s\n%s want %s\n", mark, g, mark, w)
	}
	return b.String()
}

const validHead = "format = 1\nname = \"Acme\"\n\n"

func teamTOML(name string) string {
	return fmt.Sprintf("[[team]]\nname = %q\norg = \"dev\"\nkind = \"dev\"\nheadcount = 5\n", name)
}

// Names hold no control character: C0, DEL and C1 (docs/format.md); free text may hold tabs
// and newlines but no other control character.
func TestControlCharacters(t *testing.T) {
	for _, c := range []struct {
		escape string // as written in the TOML string
		isC0   bool
	}{
		{`\u0000`, true}, {`\u0001`, true}, {`\u0007`, true}, {`\b`, true}, {`\t`, true}, {`\n`, true},
		{`\r`, true}, {`\u001b`, true}, {`\u001f`, true}, {`\u007f`, false}, {`\u0080`, false},
		{`\u009b`, false}, {`\u009f`, false},
	} {
		nameFile := validHead + "[[team]]\nname = \"A" + c.escape + "B\"\norg = \"dev\"\nkind = \"dev\"\nheadcount = 5\n"
		if _, err := orgs.Load("n.toml", []byte(nameFile)); err == nil || !strings.Contains(err.Error(), "holds a control character") {
			t.Errorf("team name with %s: error %v, want it refused for a control character", c.escape, err)
		}
		textAllowed := c.escape == `\t` || c.escape == `\n`
		for _, key := range []string{"description"} {
			textFile := "format = 1\nname = \"Acme\"\n" + key + " = \"A" + c.escape + "B\"\n"
			_, err := orgs.Load("d.toml", []byte(textFile))
			if textAllowed && err != nil {
				t.Errorf("%s with %s: %v, want it accepted", key, c.escape, err)
			}
			if !textAllowed && (err == nil || !strings.Contains(err.Error(), "holds a control character")) {
				t.Errorf("%s with %s: error %v, want it refused for a control character", key, c.escape, err)
			}
		}
	}
	// every free-text field, with tabs and newlines, loads; with ESC, is refused naming the key
	texts := []struct{ table, key string }{
		{"", "description"}, {"team", "note"}, {"kpi", "text"}, {"scenario", "title"}, {"scenario", "note"},
	}
	for _, tx := range texts {
		for _, value := range []string{`line\n\tline`, `a\u001bb`} {
			file := validHead + teamTOML("Viewer")
			switch tx.table {
			case "":
				file = "format = 1\nname = \"Acme\"\n" + tx.key + " = \"" + value + "\"\n\n" + teamTOML("Viewer")
			case "team":
				file += tx.key + " = \"" + value + "\"\n"
			case "kpi":
				file += "\n[[kpi]]\nidentity = \"product-centric\"\ntext = \"" + value + "\"\n"
			case "scenario":
				file += "\n[scenario]\n" + tx.key + " = \"" + value + "\"\n"
			}
			_, err := orgs.Load("t.toml", []byte(file))
			ok := !strings.Contains(value, "u001b")
			if ok && err != nil {
				t.Errorf("%s.%s = %s: %v, want it accepted", tx.table, tx.key, value, err)
			}
			if !ok && (err == nil || !strings.Contains(err.Error(), tx.key+" holds a control character")) {
				t.Errorf("%s.%s = %s: error %v, want it refused naming %s", tx.table, tx.key, value, err, tx.key)
			}
		}
	}
}

// A multi-line note in a file with Windows line ends holds CRLF: a newline, not a stray control
// character; the model holds it as a plain newline.
func TestCRLFFileWithMultiLineNote(t *testing.T) {
	file := "format = 1\r\nname = \"Acme\"\r\n\r\n[[team]]\r\nname = \"Viewer\"\r\norg = \"dev\"\r\nkind = \"dev\"\r\nheadcount = 5\r\nnote = \"\"\"first line\r\nsecond line\"\"\"\r\n"
	o, err := orgs.Load("crlf.toml", []byte(file))
	if err != nil {
		t.Fatalf("CRLF file: %v", err)
	}
	if got := o.Teams[0].Note; got != "first line\nsecond line" {
		t.Errorf("note %q, want the two lines joined by a newline", got)
	}
}

func TestNameLengthCountsCharacters(t *testing.T) {
	for _, c := range []struct {
		name string
		ok   bool
	}{
		{strings.Repeat("a", 64), true},
		{strings.Repeat("a", 65), false},
		{strings.Repeat("é", 64), true}, // 128 bytes, 64 characters
		{strings.Repeat("日", 65), false},
		{"x", true},
	} {
		_, err := orgs.Load("n.toml", []byte(validHead+teamTOML(c.name)))
		if (err == nil) != c.ok {
			t.Errorf("team name of %d characters: error %v, want ok=%v", len([]rune(c.name)), err, c.ok)
		}
	}
}

func TestHeadcountBoundaries(t *testing.T) {
	for n, ok := range map[int]bool{-1: false, 0: false, 1: true, 10000: true, 10001: false} {
		file := fmt.Sprintf(validHead+"[[team]]\nname = \"A\"\norg = \"dev\"\nkind = \"dev\"\nheadcount = %d\n", n)
		_, err := orgs.Load("h.toml", []byte(file))
		if (err == nil) != ok {
			t.Errorf("headcount %d: error %v, want ok=%v", n, err, ok)
		}
	}
}

func TestTooManyTeamsAndTooBig(t *testing.T) {
	_, err := orgs.Load("many.toml", teamsFile(orgs.MaxTeams+1))
	if err == nil || !strings.HasPrefix(err.Error(), "many.toml") || !strings.Contains(err.Error(), "20000") {
		t.Errorf("20,001 teams: error %v, want a refusal naming the limit of 20000", err)
	}

	big := make([]byte, orgs.MaxFileSize+1)
	copy(big, validHead)
	for i := len(validHead); i < len(big); i++ {
		big[i] = '\n'
	}
	_, err = orgs.Load("big.toml", big)
	if err == nil || !strings.HasPrefix(err.Error(), "big.toml") || !strings.Contains(err.Error(), "8 MiB") {
		t.Errorf("file of 8 MiB + 1 byte: error %v, want a refusal naming 8 MiB", err)
	}
	path := filepath.Join(t.TempDir(), "big.toml")
	orgs.MustWriteFile(t, path, big, 0o600)
	if _, _, err := orgs.LoadFile(path); err == nil || !strings.Contains(err.Error(), "8 MiB") {
		t.Errorf("LoadFile of 8 MiB + 1 byte: error %v, want a refusal naming 8 MiB", err)
	}
}

func TestLoadFileThatCannotBeRead(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "nope.toml")
	if _, _, err := orgs.LoadFile(missing); err == nil || err.Error() != missing+": no such file" {
		t.Errorf("missing file: %v, want %q", err, missing+": no such file")
	}
	if _, _, err := orgs.LoadFile(dir); err == nil || !strings.HasPrefix(err.Error(), dir+": ") {
		t.Errorf("directory: %v, want a problem naming %s", err, dir)
	}
}

// The smallest valid file gets every default filled in.
func TestMinimalFileDefaults(t *testing.T) {
	o, err := orgs.Load("min.toml", []byte(validHead+teamTOML("Viewer")))
	if err != nil {
		t.Fatal(err)
	}
	want := orgs.Team{Name: "Viewer", Org: dev, Kind: orgs.KindDev, Headcount: 5, OnCall: orgs.OnCallNone, Run: orgs.RunYou, SRERole: orgs.RoleRotation}
	if o.Format != 1 || o.Name != "Acme" || len(o.Teams) != 1 || o.Teams[0] != want || o.Scenario != nil || o.Defaults.PerHead != nil {
		t.Errorf("minimal file loads as %+v, team %+v; want team %+v", o, o.Teams, want)
	}
}
