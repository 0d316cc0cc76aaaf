package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Issue 9: a based_on naming /etc/passwd or a directory failed report and diff while
// validate said ok. Now all three warn alike and go on with the file as its own baseline.
func TestBasedOnThatIsNoOrganizationWarnsEverywhere(t *testing.T) {
	dir := t.TempDir()
	a := writeExample(t, dir, "a.toml", "mixed")
	for _, basedOn := range []string{"/etc/passwd", dir, "missing.toml"} {
		s := writeFile(t, dir, "s.toml", exampleText(t, "mixed")+"\n[scenario]\nbased_on = \""+basedOn+"\"\n")
		for _, args := range [][]string{{"validate", s}, {"report", s}, {"diff", s, a}} {
			code, out, errOut := sretopo(t, "", args...)
			if code != exitOK || !strings.Contains(errOut, "sretopo: warning: "+s+": the baseline ") || !strings.Contains(errOut, "comparing the file with itself") {
				t.Errorf("%s with based_on %s: status %d, stderr %q", args[0], basedOn, code, errOut)
			}
			if args[0] == "report" && !strings.Contains(out, "baseline: the file itself") {
				t.Errorf("report with based_on %s: not its own baseline:\n%s", basedOn, out)
			}
		}
	}
}

// `sretopo -` waited on the terminal without a word: the dashboard, which reads its keys
// there, refuses; report says that it reads standard input when that is a terminal (here
// /dev/null, which is a character device as a terminal is).
func TestStandardInputOnATerminal(t *testing.T) {
	code, _, errOut := sretopo(t, "", "-")
	if code != exitUsage || !strings.Contains(errOut, "cannot read the organization from standard input") {
		t.Errorf("sretopo -: status %d, %q", code, errOut)
	}
	tty, err := os.Open(os.DevNull)
	if err != nil {
		t.Skip(err)
	}
	defer tty.Close()
	var out, errBuf strings.Builder
	code = run([]string{"report", "-"}, tty, &out, &errBuf)
	if code != exitInvalid || !strings.Contains(errBuf.String(), "reading the organization from standard input (the terminal); end it with Ctrl-D") {
		t.Errorf("report -: status %d, %q", code, errBuf.String())
	}
}

// Issue 9, item 7: what a file holds, or what its name holds, cannot change the structure of
// the output: JSON escapes C1 and bidi characters of paths, Markdown keeps a description
// "# heading" text and file names in code spans that nothing in them closes, Mermaid's
// front matter survives a name ending in a backslash.
func TestOutputsEscapeWhatFilesHold(t *testing.T) {
	dir := t.TempDir()
	org := exampleText(t, "topology-1")
	org = strings.Replace(org, org[strings.Index(org, "\ndescription = "):strings.Index(org, ")\"\n")+2], "\ndescription = \"# heading\"", 1)
	a := writeFile(t, dir, "my_org\u202e\u009b`x.toml", org)
	b := writeFile(t, dir, "b.toml", org)

	for _, args := range [][]string{{"report", "--format", "json", a}, {"diff", "--format", "json", a, b}} {
		code, out, errOut := sretopo(t, "", args...)
		if code != exitOK {
			t.Fatalf("%v: %d %s", args, code, errOut)
		}
		if strings.ContainsAny(out, "\u202e\u009b") || !strings.Contains(out, `\u202e\u009b`) {
			t.Errorf("%v: the path is not escaped:\n%s", args[:3], out[:min(len(out), 300)])
		}
		var v map[string]any
		if err := json.Unmarshal([]byte(out), &v); err != nil {
			t.Errorf("%v: not JSON: %v", args[:3], err)
		}
	}

	_, out, _ := sretopo(t, "", "report", "--format", "markdown", a)
	if strings.Contains(out, "\n# heading") || !strings.Contains(out, "\n\\# heading") {
		t.Errorf("the description became a heading:\n%s", out)
	}
	// the name as Sanitize shows it, in a span of two backticks, with no escape inside
	if want := "File ``" + filepath.Join(dir, "my_org\\u202e\\u009b`x.toml") + "``;"; !strings.Contains(out, want) {
		t.Errorf("the file's code span: want %s in\n%s", want, out)
	}

	named := writeFile(t, dir, "n.toml", strings.Replace(exampleText(t, "topology-1"), "\nname = \"", "\nname = \"Back\\\\", 1))
	_, out, _ = sretopo(t, "", "report", "--format", "mermaid", named)
	if !strings.Contains(out, `title: "Back\\`) {
		t.Errorf("mermaid front matter:\n%s", out)
	}
}

// Issue 9, item 6, as a user meets it: look-alike names do not load as different teams.
func TestValidateRefusesLookAlikeNames(t *testing.T) {
	dir := t.TempDir()
	teamsOf := func(a, b string) string {
		return "format = 1\nname = \"A\"\n\n[[team]]\nname = \"" + a + "\"\norg = \"dev\"\nkind = \"dev\"\nheadcount = 3\n" +
			"\n[[team]]\nname = \"" + b + "\"\norg = \"dev\"\nkind = \"dev\"\nheadcount = 3\n"
	}
	for _, c := range []struct{ why, a, b, want string }{
		{"NFC and NFD", "Caf\u00e9", "Cafe\u0301", "the name is already used by team #1"},
		{"soft hyphen", "Ops", "O\u00adps", "team name"},
		{"TAG character", "Ops", "Ops\U000E0041", "team name"},
		{"combining grapheme joiner", "Ops", "O\u034fps", "team name"},
		{"variation selector", "Ops", "Ops\ufe0f", "team name"},
		{"Hangul filler", "Ops", "Ops\u3164", "team name"},
		{"braille blank", "Ops", "Ops\u2800", "team name"},
	} {
		p := writeFile(t, dir, "look.toml", teamsOf(c.a, c.b))
		code, out, _ := sretopo(t, "", "validate", p)
		if code != exitInvalid || !strings.Contains(out, p+":11:") || !strings.Contains(out, c.want) {
			t.Errorf("%s: status %d\n%s", c.why, code, out)
		}
	}
}

// A usage error quotes what the user typed cut after 200 characters.
func TestUsageErrorCutsLongArguments(t *testing.T) {
	code, _, errOut := sretopo(t, "", "report", "--format", strings.Repeat("x", 5000), "a.toml")
	if code != exitUsage || len(errOut) > 500 || !strings.Contains(errOut, "... (5000 bytes)") {
		t.Errorf("status %d, %d bytes: %.300s", code, len(errOut), errOut)
	}
}
