package main

import (
	"os"
	"strings"
	"testing"
)

// Issue 9: a based_on naming /etc/passwd or a directory failed report and diff while
// validate said ok. Now all three warn alike and go on with the file as its own baseline.
func TestBasedOnThatIsNoOrganizationWarnsEverywhere(t *testing.T) {
	dir := t.TempDir()
	a := writeFile(t, dir, "a.toml", exampleText(t, "mixed"))
	for _, basedOn := range []string{"/etc/passwd", dir, "missing.toml"} {
		s := writeFile(t, dir, "s.toml", exampleText(t, "mixed")+"\n[scenario]\nbased_on = \""+basedOn+"\"\n")
		for _, args := range [][]string{{"validate", s}, {"report", s}, {"diff", s, a}} {
			code, out, errOut := sretopo(t, "", args...)
			if code != exitOK || !strings.Contains(errOut, "sretopo: warning: "+s+": the baseline ") || !strings.Contains(errOut, "comparing the file with itself") {
				t.Errorf("%s with based_on %s: status %d, stderr %q", args[0], basedOn, code, errOut)
			}
			if args[0] == "report" && !strings.Contains(out, "baseline "+s) {
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
