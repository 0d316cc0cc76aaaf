package importer

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sretopo/sretopo/orgs"
)

// importError imports the sources and returns the error, failing when there is none.
func importError(t *testing.T, sources ...string) string {
	t.Helper()
	_, err := Import(sources, Options{})
	if err == nil {
		t.Fatal("imported; want an error")
	}
	return err.Error()
}

func TestBadInputIsRefusedWithItsPlace(t *testing.T) {
	bomb := "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
	for i := 'b'; i <= 'j'; i++ {
		prev := string(i - 1)
		bomb += string(i) + ": &" + string(i) + " [*" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + "]\n"
	}
	deep := "apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: {name: x}\nspec: " + strings.Repeat("[", 70) + strings.Repeat("]", 70) + "\n"
	for _, tc := range []struct {
		name, file, content string
		want                []string
	}{
		{"alias bomb", "bomb.yaml", groupYAML("ok", "") + "---\n" + bomb, []string{"bomb.yaml:", "aliases expand to more than 10000 nodes"}},
		{"deep nesting", "deep.yaml", deep, []string{"deep.yaml:4:", "nesting deeper than 64"}},
		{"10 MB single line", "long.yaml", "description: " + strings.Repeat("x", 10<<20) + "\n", []string{"long.yaml:1:1:", "over the 8 MiB limit"}},
		{"trailing comma", "pd.json", "{\"schedules\": [\n  {\"id\": \"P1\"},\n]}\n", []string{"pd.json:3:1:", "not valid JSON"}},
		{"YAML syntax", "broken.yaml", groupYAML("ok", "") + "---\nkind: [\n", []string{"broken.yaml:", "not valid YAML"}},
		{"no team", "api.yaml", "apiVersion: backstage.io/v1alpha1\nkind: API\nmetadata: {name: x}\n", []string{"hold no team"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := write(t, map[string]string{tc.file: tc.content})
			msg := importError(t, dir)
			for _, w := range tc.want {
				if !strings.Contains(msg, w) {
					t.Errorf("error %q does not say %q", msg, w)
				}
			}
		})
	}
}

func TestTooManyDocumentsAreRefused(t *testing.T) {
	dir := write(t, map[string]string{"many.yaml": strings.Repeat("---\na: 1\n", MaxDocuments+1)})
	msg := importError(t, dir)
	if !strings.Contains(msg, "more than 100000 YAML documents") {
		t.Errorf("error %q does not refuse the documents", msg)
	}
}

func TestALocationTargetOutsideTheSourcesIsNeverRead(t *testing.T) {
	outside := t.TempDir()
	// were it read, this file would stop the import: not valid YAML
	if err := os.WriteFile(filepath.Join(outside, "passwd"), []byte("root: [\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := write(t, map[string]string{
		"catalog/location.yaml": `apiVersion: backstage.io/v1alpha1
kind: Location
metadata: {name: escape}
spec:
  targets:
    - ../../` + filepath.Base(outside) + `/passwd
    - /etc/passwd
    - https://github.com/backstage/backstage/blob/master/packages/catalog-model/examples/all.yaml
    - ./team.yaml
`,
		"catalog/team.yaml": groupYAML("team-a", ""),
	})
	// the outside directory is a sibling of dir: ../../NAME from catalog/ leads there
	link := filepath.Join(filepath.Dir(dir), filepath.Base(outside))
	if link != outside {
		if err := os.Symlink(outside, link); err != nil {
			t.Skip("cannot place the outside directory beside the catalog:", err)
		}
		t.Cleanup(func() { os.Remove(link) })
	}
	res, err := Import([]string{filepath.Join(dir, "catalog", "location.yaml")}, Options{})
	if err != nil {
		t.Fatalf("the import read a refused target: %v", err)
	}
	refused := 0
	for _, w := range res.Warnings {
		if strings.Contains(w, "location.yaml:1:1:") && strings.Contains(w, "refused, not read") {
			refused++
		}
	}
	if refused != 3 {
		t.Errorf("%d targets refused, want 3 (outside, absolute, URL):\n%s", refused, strings.Join(res.Warnings, "\n"))
	}
	if len(res.Org.Teams) != 1 {
		t.Errorf("the target inside the sources was not read: %+v", res.Org.Teams)
	}
}

func TestAParentLoopIsAWarningAndGivesNoOrg(t *testing.T) {
	dir := write(t, map[string]string{"loop.yaml": groupYAML("a", "  parent: b\n") + "---\n" + groupYAML("b", "  parent: c\n") + "---\n" + groupYAML("c", "  parent: a\n") +
		"---\n" + groupYAML("leaf", "  parent: a\n")})
	res, err := Import([]string{dir}, Options{Orgs: map[orgs.OrgID][]string{orgs.OrgOps: {"b"}}})
	if err != nil {
		t.Fatal(err)
	}
	if !hasWarning(res, "loop.yaml:", "loops") {
		t.Errorf("no warning about the loop: %q", res.Warnings)
	}
	for _, tm := range res.Org.Teams {
		wantOrg := "dev"
		if tm.Name == "b" {
			wantOrg = "ops" // named itself
		}
		if string(tm.Org) != wantOrg {
			t.Errorf("team %q in org %s, want %s (the loop gives no org)", tm.Name, tm.Org, wantOrg)
		}
	}
}

func TestARefusedNameIsSkippedWithItsPlace(t *testing.T) {
	dir := write(t, map[string]string{"names.yaml": groupYAML("ok", "") + "---\n" + groupYAML("\"zero\u200bwidth\"", "") + "---\n" + groupYAML(strings.Repeat("x", 65), "")})
	res, err := Import([]string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Org.Teams) != 1 || res.Org.Teams[0].Name != "ok" {
		t.Errorf("teams = %+v, want only ok", res.Org.Teams)
	}
	if !hasWarning(res, "names.yaml:8:1:", "zero\\u200bwidth", "refused") || !hasWarning(res, "names.yaml:15:1:", "65 characters") {
		t.Errorf("the refused names are not warned about at their place: %q", res.Warnings)
	}
}

func TestFormatIsRecognizedByContentAndEachFileReadOnce(t *testing.T) {
	dir := write(t, map[string]string{
		"b/teams.json": groupYAML("yaml-in-json-name", ""), // YAML, whatever its name says
		"a/pd.yaml":    `{"teams": [{"id": "P1", "type": "team", "summary": "x", "name": "x"}]}`,
		"a/openapi.yaml": `openapi: 3.0.0
info: {title: unrelated, version: "1"}
`,
	})
	f := filepath.Join(dir, "b", "teams.json")
	res, err := Import([]string{dir, f, f}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Org.Teams) != 1 {
		t.Errorf("teams = %+v, want the one group once", res.Org.Teams)
	}
	if !strings.Contains(string(res.TOML), "# 1 documents in no known format, skipped.") {
		t.Errorf("the OpenAPI document is not counted as skipped:\n%s", res.TOML)
	}
	if !strings.Contains(string(res.TOML), "(3 files read)") {
		t.Errorf("a file named three times is not read once:\n%s", res.TOML)
	}
}

func TestTwoGroupsOfOneNameKeepTheFirst(t *testing.T) {
	// names that differ only in Unicode form are one name to the file format
	dir := write(t, map[string]string{"t.yaml": groupYAML("caf\u00e9", "") + "---\n" + groupYAML("cafe\u0301", "")})
	res, err := Import([]string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Org.Teams) != 1 || !hasWarning(res, "t.yaml:8:1:", "a second Group", "the first is kept") {
		t.Errorf("teams %+v, warnings %q", res.Org.Teams, res.Warnings)
	}
}

// TestAProblemOfTheResultNamesItsSource imports two groups whose names pass for each other
// (a Cyrillic "рау" beside a Latin "pay"): the import's own name checks let both through, the
// validator of organization files refuses the second, and the refusal names the catalog
// file, line and column of that group, not the organization file being written.
func TestAProblemOfTheResultNamesItsSource(t *testing.T) {
	dir := write(t, map[string]string{
		"a.yaml": groupYAML("pay-sre", ""),
		"b.yaml": "# the second team\n" + groupYAML("\u0440\u0430\u0443-sre", ""),
	})
	_, err := Import([]string{dir}, Options{Output: "org.toml"})
	var ve *ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("err = %v, want a validation error", err)
	}
	want := filepath.Join(dir, "b.yaml") + `:2:1: team "рау-sre": the name could pass for that of team #1 ("pay-sre")`
	if len(ve.Lines) != 1 || !strings.HasPrefix(ve.Lines[0], want) {
		t.Errorf("problems %q, want one starting %q", ve.Lines, want)
	}
}

// TestEachProblemIsPlacedAtTheValueItIsAbout holds the places of the validator's problems to
// the sources each value was recorded from: a key from an on-call file at that file's place,
// a key with no place of its own at its team's group, and a problem with no place in the
// sources at the organization file.
func TestEachProblemIsPlacedAtTheValueItIsAbout(t *testing.T) {
	o := &orgs.Org{Format: orgs.FormatVersion, Teams: []orgs.Team{
		{Name: "a", Org: orgs.OrgDev, Kind: orgs.KindDev, Headcount: 3, OnCall: orgs.OnCall24x7, Rotation: 9, Run: orgs.RunYou},
		{Name: "b", Org: orgs.OrgOps, Kind: orgs.KindOps, OnCall: orgs.OnCallNone},
	}}
	src := newSourcePlaces("org.toml")
	src.set("team", 0, "", Pos{File: "catalog/a.yaml", Line: 2, Col: 1})
	src.set("team", 0, "rotation", Pos{File: "pd/schedule.json", Line: 3, Col: 5})
	src.set("team", 1, "", Pos{File: "catalog/b.yaml", Line: 7, Col: 1})
	err := validate(o, src)
	var ve *ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("err = %v, want a validation error", err)
	}
	for _, want := range []string{
		"org.toml: name is missing",
		`pd/schedule.json:3:5: team "a": rotation 9 is out of range 1-3`,
		`catalog/b.yaml:7:1: team "b": headcount is missing`,
	} {
		found := false
		for _, l := range ve.Lines {
			found = found || strings.HasPrefix(l, want)
		}
		if !found {
			t.Errorf("no problem %q among:\n%s", want, err)
		}
	}
	if len(ve.Lines) != 3 {
		t.Errorf("%d problems, want 3:\n%s", len(ve.Lines), err)
	}
}

// TestAResultTheReaderWouldRefuseIsRefused holds the import to the limits the reader puts on
// an organization file before it judges one: the file is written to be loaded.
func TestAResultTheReaderWouldRefuseIsRefused(t *testing.T) {
	small := []byte("format = 1\nname = \"x\"\n# a comment\n\n")
	for _, tc := range []struct {
		name  string
		data  []byte
		teams int
		want  string // "" when it loads
	}{
		{"small", small, 1, ""},
		{"over 8 MiB", append(small, bytes.Repeat([]byte("# x\n"), 2<<20+1)...), 1, "over the 8 MiB"},
		{"too many teams", small, orgs.MaxTeams + 1, "20001 teams"},
		{"at the keys limit", bytes.Repeat([]byte("a = 1\n"), maxFileEntries), 1, ""},
		{"over the keys limit", bytes.Repeat([]byte("a = 1\n"), maxFileEntries+1), 1, "250001 keys and tables"},
	} {
		err := loadable(tc.data, tc.teams)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s: %v", tc.name, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%s: %v, want %q", tc.name, err, tc.want)
		}
	}
}

// TestASecondUserOrComponentKeepsTheFirst: a user or component named twice is counted as
// read twice, warned about at the second and kept once.
func TestASecondUserOrComponentKeepsTheFirst(t *testing.T) {
	doc := groupYAML("payments", "") + `---
apiVersion: backstage.io/v1alpha1
kind: User
metadata:
  name: ana
spec:
  memberOf: [payments]
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata:
  name: ana
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: checkout
spec:
  type: service
  lifecycle: production
  owner: payments
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: {name: Checkout}
spec: {type: service, lifecycle: production, owner: group:payments}
`
	res, err := Import([]string{write(t, map[string]string{"t.yaml": doc})}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"a second User default/ana", "a second Component default/Checkout"} {
		if !hasWarning(res, "t.yaml:", w, "the first is kept") {
			t.Errorf("no warning %q: %q", w, res.Warnings)
		}
	}
	for _, tally := range []string{"# users: 2 read", "# components: 2 read"} {
		if !strings.Contains(string(res.TOML), tally) {
			t.Errorf("no %q in\n%s", tally, res.TOML)
		}
	}
	if len(res.Org.Teams) != 1 || len(res.Org.Services) != 1 {
		t.Errorf("teams %+v, services %+v", res.Org.Teams, res.Org.Services)
	}
}
