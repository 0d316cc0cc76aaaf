package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sretopo/sretopo/orgs"
)

var acmeSources = []string{"importer/testdata/catalog", "importer/testdata/pagerduty", "importer/testdata/slo"}

// TestImportThenOpen is what a new user does: import the catalog and its exports into a
// file, then open it as the dashboard and the report do.
func TestImportThenOpen(t *testing.T) {
	out := filepath.Join(t.TempDir(), "org.toml")
	args := append([]string{"import", "--org", "sre=reliability", "--org", "ops=cloud-operations", "-o", out}, acmeSources...)
	code, stdout, stderr := sretopo(t, "", args...)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if stdout != "" {
		t.Errorf("with -o, standard output gets nothing, not %q", stdout)
	}
	for _, w := range []string{"sretopo: warning: importer/testdata/catalog/all.yaml:3:1:", "wrote 7 teams and 9 services to " + out} {
		if !strings.Contains(stderr, w) {
			t.Errorf("standard error does not say %q:\n%s", w, stderr)
		}
	}
	op, err := orgs.Open(out, "")
	if err != nil {
		t.Fatalf("the written file does not open: %v", err)
	}
	if tm := op.Org.Team("team-b"); tm == nil || tm.OnCall != orgs.OnCall8x7 || tm.Rotation != 4 {
		t.Errorf("team-b = %+v, want its PagerDuty rotation: 8x7, 4 people", tm)
	}
	code, report, _ := sretopo(t, "", "report", out)
	if code != exitOK || !strings.Contains(report, "queue-proxy") {
		t.Errorf("report of the imported file: exit %d\n%s", code, report)
	}
	// a second import never replaces the file
	before, _ := os.ReadFile(out)
	code, _, stderr = sretopo(t, "", append([]string{"import", "-o", out}, acmeSources...)...)
	after, _ := os.ReadFile(out)
	if code != exitInvalid || !strings.Contains(stderr, "already exists") || string(before) != string(after) {
		t.Errorf("import over an existing file: exit %d, %q, file changed: %v", code, stderr, string(before) != string(after))
	}
}

func TestImportExitStatuses(t *testing.T) {
	dir := t.TempDir()
	empty := writeFile(t, dir, "api.yaml", "apiVersion: backstage.io/v1alpha1\nkind: API\nmetadata: {name: x}\n")
	bad := writeFile(t, dir, "pd.json", "{\"services\": [],}")
	group := func(name string) string {
		return "apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: " + name + "\nspec:\n  type: team\n"
	}
	// "рау-sre" in Cyrillic letters passes for "pay-sre": the result does not validate
	lookalike := writeFile(t, dir, "teams.yaml", group("pay-sre")+"---\n"+group("\u0440\u0430\u0443-sre"))
	for _, tc := range []struct {
		args []string
		code int
		says string
	}{
		{[]string{"import"}, exitUsage, "at least one SOURCE"},
		{[]string{"import", "--org", "qa=team-a", empty}, exitUsage, `"qa" is not one of dev, ops, sre`},
		{[]string{"import", "--kind", "sre", empty}, exitUsage, "KEY=GROUP"},
		{[]string{"import", "--headcount", "0", empty}, exitUsage, "out of range"},
		{[]string{"import", empty}, exitInvalid, "hold no team"},
		{[]string{"import", bad}, exitInvalid, "pd.json:1:17: not valid JSON"},
		{[]string{"import", lookalike}, exitInvalid, lookalike + `:8:1: team "рау-sre": the name could pass for that of team #1 ("pay-sre")`},
		{[]string{"import", filepath.Join(dir, "missing")}, exitInvalid, "no such file"},
	} {
		code, stdout, stderr := sretopo(t, "", tc.args...)
		if code != tc.code || !strings.Contains(stderr, tc.says) || stdout != "" {
			t.Errorf("%q: exit %d, stderr %q; want exit %d saying %q and nothing on standard output", tc.args, code, stderr, tc.code, tc.says)
		}
	}
}

func TestImportWritesToStandardOutputWithoutO(t *testing.T) {
	code, stdout, _ := sretopo(t, "", append([]string{"import", "--name", "Acme Streaming"}, acmeSources...)...)
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	o, err := orgs.Load("stdout", []byte(stdout))
	if err != nil {
		t.Fatal(err)
	}
	if o.Name != "Acme Streaming" {
		t.Errorf("name %q, want --name", o.Name)
	}
}
