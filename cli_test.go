package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/sretopo/sretopo/orgs"
)

// sretopo runs the command line in-process and returns its exit status and output.
func sretopo(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

// writeFile writes content to name in a fresh temporary directory and returns its path.
func writeFile(t testing.TB, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// writeExample writes the embedded example named example to name in dir and returns its path.
func writeExample(t *testing.T, dir, name, example string) string {
	t.Helper()
	return writeFile(t, dir, name, exampleText(t, example))
}

func exampleText(t *testing.T, name string) string {
	t.Helper()
	code, out, errOut := sretopo(t, "", "example", name)
	if code != 0 {
		t.Fatalf("example %s: exit %d: %s", name, code, errOut)
	}
	return out
}

func TestExamplesListsEveryEmbeddedExampleWithADescription(t *testing.T) {
	code, out, _ := sretopo(t, "", "examples")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	want := []string{"health-platform", "topology-1", "topology-2", "topology-3", "topology-4", "topology-5",
		"topology-6", "topology-7", "topology-8", "topology-9", "ops-run-it", "mixed", "bank"}
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if len(lines) != len(want) {
		t.Fatalf("got %d lines, want %d:\n%s", len(lines), len(want), out)
	}
	for i, name := range want {
		fields := strings.Fields(lines[i])
		if len(fields) < 3 || fields[0] != name {
			t.Errorf("line %d = %q, want the name %s and a description", i+1, lines[i], name)
		}
	}
}

func TestExampleUnknownNameIsUsageErrorListingNames(t *testing.T) {
	code, _, errOut := sretopo(t, "", "example", "topology-10")
	if code != exitUsage {
		t.Fatalf("exit %d, want %d", code, exitUsage)
	}
	if !strings.Contains(errOut, "health-platform") || !strings.Contains(errOut, "mixed") {
		t.Errorf("the error should list the example names: %s", errOut)
	}
}

// TestReportJSONOfEveryExampleKeepsItsPromise runs `report --format json` on each example
// saved to a file, as a user would, and checks the topology its name promises.
func TestReportJSONOfEveryExampleKeepsItsPromise(t *testing.T) {
	dir := t.TempDir()
	for _, ex := range orgs.Examples() {
		t.Run(ex.Name, func(t *testing.T) {
			path := writeFile(t, dir, ex.Name+".toml", exampleText(t, ex.Name))
			code, out, errOut := sretopo(t, "", "report", "--format", "json", path)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			var rep struct {
				Report   int    `json:"report"`
				File     string `json:"file"`
				Baseline string `json:"baseline"`
				RunModel struct {
					Dominant *string `json:"dominant"`
				} `json:"run_model"`
				Topology struct {
					Dominant *int `json:"dominant"`
					Pure     bool `json:"pure"`
					Mix      []struct {
						Topology int `json:"topology"`
					} `json:"mix"`
				} `json:"topology"`
			}
			if err := json.Unmarshal([]byte(out), &rep); err != nil {
				t.Fatalf("not JSON: %v\n%s", err, out)
			}
			if rep.Report != orgs.ReportVersion || rep.File != path || rep.Baseline != path {
				t.Errorf("report %d, file %q, baseline %q", rep.Report, rep.File, rep.Baseline)
			}
			var n int
			switch {
			case ex.Name == "health-platform":
				n = 1
			case strings.HasPrefix(ex.Name, "topology-"):
				n = int(ex.Name[len(ex.Name)-1] - '0')
			}
			switch ex.Name {
			case "ops-run-it":
				if rep.Topology.Dominant != nil || rep.RunModel.Dominant == nil || *rep.RunModel.Dominant != "ops-run-it" {
					t.Errorf("ops-run-it: topology %v, run model %v", rep.Topology.Dominant, rep.RunModel.Dominant)
				}
			case "mixed":
				if rep.Topology.Pure || len(rep.Topology.Mix) < 3 {
					t.Errorf("mixed should be impure with several topologies: %+v", rep.Topology)
				}
			case "bank":
				if rep.Topology.Pure || rep.RunModel.Dominant == nil || *rep.RunModel.Dominant != "ops-run-it" {
					t.Errorf("bank: a legacy estate mostly run by ops, not pure: %+v, run model %v", rep.Topology, rep.RunModel.Dominant)
				}
			case "health-platform":
				// topology 1; its services run by ops make it not pure (docs/rules.md section 1)
				if rep.Topology.Dominant == nil || *rep.Topology.Dominant != 1 {
					t.Errorf("want topology 1, got %+v", rep.Topology)
				}
			default:
				if rep.Topology.Dominant == nil || *rep.Topology.Dominant != n || !rep.Topology.Pure {
					t.Errorf("want pure topology %d, got %+v", n, rep.Topology)
				}
			}
		})
	}
}

func TestReportFormatsAndStandardInput(t *testing.T) {
	mixed := exampleText(t, "mixed")
	for _, format := range []string{"text", "markdown", "mermaid"} {
		code, out, errOut := sretopo(t, mixed, "report", "-", "--format", format)
		if code != 0 || errOut != "" {
			t.Fatalf("%s: exit %d: %s", format, code, errOut)
		}
		if !strings.Contains(out, "Harbor Lane Retail") && format != "mermaid" {
			t.Errorf("%s report does not name the organization", format)
		}
		if format == "mermaid" && !strings.HasPrefix(out, "---\ntitle:") {
			t.Errorf("mermaid output does not start with its front matter:\n%s", out)
		}
	}
	code, _, errOut := sretopo(t, mixed, "report", "-", "--format", "pdf")
	if code != exitUsage || !strings.Contains(errOut, `"pdf"`) {
		t.Errorf("unknown format: exit %d, %q", code, errOut)
	}
}

// TestExportsGolden pins the Markdown and Mermaid exports of the mixed example against a
// scenario, so a change of wording or layout shows up in review. Regenerate with -update.
func TestExportsGolden(t *testing.T) {
	dir := t.TempDir()
	base := writeExample(t, dir, "mixed.toml", "mixed")
	scenario := strings.Replace(exampleText(t, "mixed"), "name = \"Operations SRE\"\norg = \"ops\"", "name = \"Operations SRE\"\norg = \"sre\"", 1)
	scenario = strings.Replace(scenario, "run = \"ops\"", "run = \"you\"", 1)
	scenario = strings.Replace(scenario, "run_with = \"Store IT Operations\"\n", "", 1)
	cur := writeFile(t, dir, "mixed-scenario-1.toml", scenario)
	for _, format := range []string{"markdown", "mermaid"} {
		t.Run(format, func(t *testing.T) {
			code, out, errOut := sretopo(t, "", "report", "--format", format, "--baseline", base, cur)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			golden.RequireEqual(t, []byte(strings.ReplaceAll(out, dir+string(filepath.Separator), "")))
		})
	}
}

func TestReportInvalidFileNamesFileAndPlace(t *testing.T) {
	path := writeFile(t, t.TempDir(), "broken.toml", "format = 1\nname = \"X\"\n\n[[team]]\nname = \"A\"\norg = \"dev\"\nkind = \"dev\"\nhedcount = 3\n")
	code, out, errOut := sretopo(t, "", "report", path)
	if code != exitInvalid || out != "" {
		t.Fatalf("exit %d, stdout %q", code, out)
	}
	for _, want := range []string{path + ":8:1:", "hedcount", "did you mean headcount?", "headcount is missing"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
}

func TestValidateExitStatuses(t *testing.T) {
	dir := t.TempDir()
	good := writeExample(t, dir, "good.toml", "topology-5")
	bad := writeFile(t, dir, "bad.toml", "format = 2\nname = \"X\"\n")
	if code, out, _ := sretopo(t, "", "validate", good); code != 0 || !strings.Contains(out, "good.toml: ok") {
		t.Errorf("valid file: exit %d, %q", code, out)
	}
	code, out, _ := sretopo(t, "", "validate", good, bad)
	if code != exitInvalid || !strings.Contains(out, bad+":1:1: format 2 was written by a newer version") {
		t.Errorf("invalid file: exit %d, %q", code, out)
	}
	if code, _, _ := sretopo(t, "", "validate"); code != exitUsage {
		t.Errorf("no file: exit %d", code)
	}
	if code, out, _ := sretopo(t, "", "validate", filepath.Join(dir, "missing.toml")); code != exitInvalid || !strings.Contains(out, "missing.toml: no such file") {
		t.Errorf("missing file: exit %d, %q", code, out)
	}
}

func TestDiffReportsMovesAndExitCode(t *testing.T) {
	dir := t.TempDir()
	a := writeExample(t, dir, "a.toml", "topology-5")
	moved := strings.Replace(exampleText(t, "topology-5"), "org = \"ops\"\nkind = \"sre\"", "org = \"sre\"\nkind = \"sre\"", 1)
	if moved == exampleText(t, "topology-5") {
		t.Fatal("the test's edit did not apply: the example changed shape")
	}
	b := writeFile(t, dir, "b.toml", moved)

	code, out, errOut := sretopo(t, "", "diff", "--format", "json", "--exit-code", a, b)
	if code != exitInvalid {
		t.Fatalf("differing files with --exit-code: exit %d: %s", code, errOut)
	}
	var d struct {
		Moves    []struct{ Team, From, To string } `json:"moves"`
		Added    []string                          `json:"added"`
		Verdicts struct {
			Topology struct{ From, To int } `json:"topology"`
		} `json:"verdicts"`
	}
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatal(err)
	}
	if len(d.Moves) != 1 || d.Moves[0].From != "ops" || d.Moves[0].To != "sre" || len(d.Added) != 0 {
		t.Errorf("want one move ops -> sre and nothing added, got %+v", d)
	}
	if d.Verdicts.Topology.From != 5 || d.Verdicts.Topology.To != 6 {
		t.Errorf("topology %d -> %d, want 5 -> 6", d.Verdicts.Topology.From, d.Verdicts.Topology.To)
	}
	if code, _, _ := sretopo(t, "", "diff", "--exit-code", a, a); code != 0 {
		t.Errorf("identical files with --exit-code: exit %d", code)
	}
	if code, _, _ := sretopo(t, "", "diff", a, b); code != 0 {
		t.Errorf("differing files without --exit-code: exit %d", code)
	}
	bad := writeFile(t, dir, "bad.toml", "name = 1\n")
	if code, _, errOut := sretopo(t, "", "diff", a, bad); code != exitUsage || !strings.Contains(errOut, "bad.toml") {
		t.Errorf("invalid input: exit %d, %q", code, errOut)
	}
}

func TestVersionHelpAndUsage(t *testing.T) {
	if code, out, _ := sretopo(t, "", "--version"); code != 0 || !strings.HasPrefix(out, "sretopo ") {
		t.Errorf("--version: exit %d, %q", code, out)
	}
	for _, args := range [][]string{{"--help"}, {"report", "--help"}, {"diff", "-h"}} {
		if code, out, _ := sretopo(t, "", args...); code != 0 || !strings.Contains(out, "Usage:") {
			t.Errorf("%v: exit %d", args, code)
		}
	}
	// help, whatever follows it, prints what --help prints
	_, usage, _ := sretopo(t, "", "--help")
	for _, args := range [][]string{{"help"}, {"help", "report"}} {
		if code, out, errOut := sretopo(t, "", args...); code != 0 || out != usage || errOut != "" {
			t.Errorf("%v: exit %d, %q, %q", args, code, out, errOut)
		}
	}
	if code, _, errOut := sretopo(t, "", "--bogus"); code != exitUsage || !strings.Contains(errOut, "bogus") {
		t.Errorf("unknown flag: exit %d, %q", code, errOut)
	}
	if code, _, _ := sretopo(t, "", "report"); code != exitUsage {
		t.Errorf("report without file: exit %d", code)
	}
}

// TestDashboardWithoutTerminalPointsToReport: tests run without a terminal, as a pipe does.
func TestDashboardWithoutTerminalPointsToReport(t *testing.T) {
	code, _, errOut := sretopo(t, "")
	if code != exitUsage || !strings.Contains(errOut, "sretopo report") {
		t.Errorf("exit %d, %q", code, errOut)
	}
	path := writeFile(t, t.TempDir(), "bad.toml", "format = 1\n")
	if code, _, errOut := sretopo(t, "", path); code != exitInvalid || !strings.Contains(errOut, "name is missing") {
		t.Errorf("invalid file: exit %d, %q", code, errOut)
	}
}

// TestServeInvalidFileNamesTheProblem: serve reads its file before anything else, and a
// problem in it is told as the dashboard tells it, file and place first.
func TestServeInvalidFileNamesTheProblem(t *testing.T) {
	path := writeFile(t, t.TempDir(), "bad.toml", "format = 1\n")
	code, out, errOut := sretopo(t, "", "serve", path)
	if code != exitInvalid || out != "" || !strings.Contains(errOut, path+":") || !strings.Contains(errOut, "name is missing") {
		t.Errorf("serve of an invalid file: exit %d, %q, %q", code, out, errOut)
	}
}

// TestCommandHelpNamesItsFlags: `sretopo CMD --help` prints that command's usage, and every
// flag cli.md gives the command is both in its help and accepted by it.
func TestCommandHelpNamesItsFlags(t *testing.T) {
	flags := map[string][]string{
		"report":   {"--format", "--baseline"},
		"validate": nil,
		"diff":     {"--format", "--exit-code"},
		"compare":  {"--format"},
		"plan":     {"--format", "--write"},
		"serve":    {"--listen", "--authorized-keys", "--editors", "--max", "--baseline", "--theme", "--no-color"},
		"examples": nil,
		"example":  nil,
	}
	for cmd, fl := range flags {
		code, out, _ := sretopo(t, "", cmd, "--help")
		if code != 0 || !strings.Contains(out, "sretopo "+cmd) || !strings.Contains(out, "Usage:") {
			t.Errorf("%s --help: exit %d:\n%s", cmd, code, out)
		}
		for _, f := range fl {
			if !strings.Contains(out, f) {
				t.Errorf("%s --help does not name %s:\n%s", cmd, f, out)
			}
			arg := []string{cmd, f}
			if f != "--exit-code" && f != "--write" && f != "--no-color" {
				arg = append(arg, "x")
			}
			if _, _, errOut := sretopo(t, "", arg...); strings.Contains(errOut, "not defined") {
				t.Errorf("%s does not take %s, which its help names: %s", cmd, f, errOut)
			}
		}
	}
}

// TestCommandsWithoutFlagsCountTheirOperands: examples takes none, example one NAME and
// validate at least one FILE; any other count is a usage error saying what it takes, and
// -h prints the command's help.
func TestCommandsWithoutFlagsCountTheirOperands(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"examples", "mixed"}, "examples takes no argument"},
		{[]string{"example"}, "example needs one NAME"},
		{[]string{"example", "mixed", "bank"}, "example needs one NAME"},
		{[]string{"validate"}, "validate needs at least one FILE"},
	} {
		code, out, errOut := sretopo(t, "", c.args...)
		if code != exitUsage || out != "" || !strings.Contains(errOut, "sretopo: "+c.want) {
			t.Errorf("%q: exit %d, stdout %q, stderr %q", c.args, code, out, errOut)
		}
	}
	for _, name := range []string{"examples", "example", "validate"} {
		if code, out, _ := sretopo(t, "", name, "-h"); code != exitOK || !strings.Contains(out, name) {
			t.Errorf("%s -h: exit %d, %q", name, code, out)
		}
	}
}

// TestDashboardAndServeRefuseAnUnknownTheme: the dashboard and serve take the same --theme,
// and both refuse any value but auto, light or dark before opening a file.
func TestDashboardAndServeRefuseAnUnknownTheme(t *testing.T) {
	path := writeExample(t, t.TempDir(), "mixed.toml", "mixed")
	for _, args := range [][]string{{"--theme", "blue", path}, {"serve", "--theme", "blue", path}} {
		code, _, errOut := sretopo(t, "", args...)
		if code != exitUsage || !strings.Contains(errOut, `--theme must be auto, light or dark, not "blue"`) {
			t.Errorf("%q: exit %d, %q", args, code, errOut)
		}
	}
}

// A based_on naming /etc/passwd or a directory names no organization: validate, report and
// diff all warn alike and go on with the file as its own baseline (none of them fails).
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

// What a file holds, or what its name holds, cannot change the structure of
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

// As a user meets it: look-alike names do not load as different teams.
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
