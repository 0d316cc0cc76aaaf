package importer

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/sretopo/sretopo/internal/gen"
	"github.com/sretopo/sretopo/orgs"
)

// acmeOptions are the flags a new user gives the example catalog: the SRE and ops teams.
var acmeOptions = Options{Orgs: map[orgs.OrgID][]string{orgs.OrgSRE: {"reliability"}, orgs.OrgOps: {"group:default/cloud-operations"}}}

func importAcme(t *testing.T) *Result {
	t.Helper()
	res, err := Import([]string{"testdata/catalog", "testdata/pagerduty", "testdata/slo"}, acmeOptions)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func hasWarning(res *Result, parts ...string) bool {
	for _, w := range res.Warnings {
		all := true
		for _, p := range parts {
			all = all && strings.Contains(w, p)
		}
		if all {
			return true
		}
	}
	return false
}

func TestAcmeCatalogImportsIntoAnOrganizationThatLoads(t *testing.T) {
	res := importAcme(t)
	loaded, err := orgs.Load("acme.toml", res.TOML)
	if err != nil {
		t.Fatalf("the imported file does not load: %v\n%s", err, res.TOML)
	}
	if !reflect.DeepEqual(loaded, res.Org) {
		t.Errorf("the model returned differs from the one its file loads to")
	}
	if loaded.Name != "ACME Corp" {
		t.Errorf("name = %q, want the organization group's displayName", loaded.Name)
	}
	type want struct {
		org       orgs.OrgID
		kind      orgs.Kind
		headcount int
		onCall    orgs.OnCall
		rotation  int
	}
	wants := map[string]want{
		"team-a":           {orgs.OrgDev, orgs.KindDev, 3, orgs.OnCall8x5, 3},
		"team-b":           {orgs.OrgDev, orgs.KindDev, 5, orgs.OnCall8x7, 4},
		"team-c":           {orgs.OrgDev, orgs.KindDev, 5, orgs.OnCall24x7, 5},
		"team-d":           {orgs.OrgDev, orgs.KindDev, 4, orgs.OnCall24x5, 2}, // eva, lucy, partners/lee.chan, tara (also in team-c)
		"reliability":      {orgs.OrgSRE, orgs.KindSRE, 8, orgs.OnCall24x7, 8},
		"cloud-operations": {orgs.OrgOps, orgs.KindOps, 5, orgs.OnCall24x5, 5},
		"guests":           {orgs.OrgDev, orgs.KindDev, 1, orgs.OnCallNone, 0},
	}
	if len(loaded.Teams) != len(wants) {
		t.Errorf("%d teams, want %d: %+v", len(loaded.Teams), len(wants), loaded.Teams)
	}
	for name, w := range wants {
		tm := loaded.Team(name)
		if tm == nil {
			t.Errorf("no team %q", name)
			continue
		}
		got := want{tm.Org, tm.Kind, tm.Headcount, tm.OnCall, tm.Rotation}
		if got != w {
			t.Errorf("team %q = %+v, want %+v", name, got, w)
		}
	}
	services := map[string]orgs.Service{}
	for _, s := range loaded.Services {
		services[s.Name] = s
	}
	for _, skipped := range []string{"playback-lib", "wayback-archive"} {
		if _, ok := services[skipped]; ok {
			t.Errorf("component %q imported; a library and a service of no team are skipped", skipped)
		}
	}
	type wantService struct {
		team       string
		run        orgs.Run
		runWith    string
		avail      float64
		backup     string // "" for none
		windowDays int
	}
	for name, w := range map[string]wantService{
		"artist-lookup":   {"team-a", "", "", 99.9, "cloud-operations", 28},
		"podcast-api":     {"team-b", "", "", 98, "", 30},
		"searcher":        {"team-c", orgs.RunYouAndSRE, "reliability", 99, "", 30},
		"queue-proxy":     {"team-c", orgs.RunSRE, "reliability", 99.9, "", 0},
		"shuffle-api":     {"team-d", orgs.RunOps, "cloud-operations", 99.5, "", 0},
		"playback-order":  {"guests", "", "", 0, "", 0},
		"example-website": {"guests", "", "", 0, "", 0},
	} {
		s, ok := services[name]
		if !ok {
			t.Errorf("no service %q", name)
			continue
		}
		got := wantService{team: s.Team, run: s.Run, runWith: s.RunWith, windowDays: s.WindowDays}
		if s.Availability != nil {
			got.avail = *s.Availability
		}
		if s.Backup != nil {
			got.backup = *s.Backup
			if got.backup == "" {
				t.Errorf("service %q: backup = \"\" clears its team's backup; the import never writes it", name)
			}
		}
		if got != w {
			t.Errorf("service %q = %+v, want %+v", name, got, w)
		}
	}
}

// TestAcmeSecondaryComesFromTheSecondEscalationLevel pins the mapping of import.md: a team's
// secondary is true when its escalation policy's second level pages its own schedule again,
// and left to the on-call pattern's default otherwise.
func TestAcmeSecondaryComesFromTheSecondEscalationLevel(t *testing.T) {
	res := importAcme(t)
	for _, tm := range res.Org.Teams {
		switch {
		case tm.Name == "team-b" && (tm.Secondary == nil || !*tm.Secondary):
			t.Errorf("team-b secondary = %v, want true (its policy's second level is its own schedule)", tm.Secondary)
		case tm.Name != "team-b" && tm.Secondary != nil:
			t.Errorf("team %q secondary = %v, want unset", tm.Name, *tm.Secondary)
		}
	}
	text := string(res.TOML)
	if !strings.Contains(text, "rotation = 4\nsecondary = true\n") {
		t.Errorf("team-b's secondary is not a key of the file:\n%s", text)
	}
	if strings.Contains(text, "not yet keys") || strings.Contains(text, "# secondary") {
		t.Errorf("the file still writes a key of the format as a comment:\n%s", text)
	}
}

func TestAcmeImportSaysWhereEachTeamAndServiceCameFrom(t *testing.T) {
	res := importAcme(t)
	text := string(res.TOML)
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(line, "[[team]]") || strings.HasPrefix(line, "[[service]]") {
			if !strings.Contains(line, "# from testdata/catalog/") {
				t.Errorf("line %q does not name the file it came from", line)
			}
		}
	}
	for _, s := range []string{
		"# Imported by sretopo import from testdata/catalog, testdata/pagerduty, testdata/slo",
		"# groups: 11 read, 7 used, 4 skipped.",
		"# components: 11 read, 9 used, 2 skipped.",
		"Backstage API 2",
		"(Europe/London, testdata/pagerduty/schedules/PSCHDA.json:3:5)",
		`secondary from the second level of PagerDuty escalation policy "team-b" (testdata/pagerduty/escalation_policies.json:`,
		`backup from a later level of PagerDuty escalation policy`,
		`availability and window_days from OpenSLO "artist-lookup-availability"`,
		"the strictest of 2 targets",
		"on_call 8x7 approximates the schedule (7 hours of the week differ)",
		"# On-call patterns approximated for 1 teams: team-b.",
	} {
		if !strings.Contains(text, s) {
			t.Errorf("the file does not say %q:\n%s", s, text)
		}
	}
}

func TestAcmeImportWarnsAboutWhatItSkipped(t *testing.T) {
	res := importAcme(t)
	for _, w := range [][]string{
		{"testdata/catalog/all.yaml:3:1:", "all-resources.yaml", "dangling"},
		{"testdata/catalog/acme/team-d-group.yaml:52:1:", "second User default/tara.macgovern"},
		{"testdata/catalog/components/wayback-archive-component.yaml:3:1:", `owner "team-wayback" names no group`},
		{"PSCHDB.json:3:5:", "differ from 8x7 in 7 hours"},
		{"services.json", `"legacy-billing"`, "matches no catalog service"},
		{"openslo-v1alpha.yaml:30:1:", "legacy-billing", "matches no catalog service"},
		{"openslo-v1alpha.yaml:30:1:", `"Quarter"`, "dropped"},
	} {
		if !hasWarning(res, w...) {
			t.Errorf("no warning with %q among:\n%s", w, strings.Join(res.Warnings, "\n"))
		}
	}
}

// write puts files (path -> content) under a new directory and returns it.
func write(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for p, content := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func groupYAML(name, extra string) string {
	return "apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: " + name + "\nspec:\n  type: team\n" + extra
}

func TestReferencesToAGroupInAnyFormAreOneGroup(t *testing.T) {
	dir := write(t, map[string]string{"org.yaml": groupYAML("team-a", "") + `
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata: {name: u1}
spec: {memberOf: [team-a]}
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata: {name: u2}
spec: {memberOf: ["group:team-a"]}
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata: {name: u3}
spec: {memberOf: ["group:default/team-a", "Team-A"]}
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata: {name: u4, namespace: other}
spec: {memberOf: [team-a]}
`})
	res, err := Import([]string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// u4's unqualified reference resolves in its own namespace, where there is no team-a
	if got := res.Org.Teams[0].Headcount; got != 3 {
		t.Errorf("headcount = %d, want 3 (u1, u2, u3 once each)", got)
	}
}

func TestOrgAndKindFollowTheNearestNamedAncestor(t *testing.T) {
	dir := write(t, map[string]string{"org.yaml": `apiVersion: backstage.io/v1alpha1
kind: Group
metadata: {name: platform}
spec: {type: department, children: [sre-unit]}
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: {name: sre-unit}
spec: {type: department, children: []}
---
` + groupYAML("infra-sre", "  parent: sre-unit\n") + "---\n" + groupYAML("edge-sre", "  parent: sre-unit\n") + "---\n" + groupYAML("app", "  parent: platform\n")})
	res, err := Import([]string{dir}, Options{
		Orgs:  map[orgs.OrgID][]string{orgs.OrgOps: {"platform"}, orgs.OrgSRE: {"sre-unit"}},
		Kinds: map[orgs.Kind][]string{orgs.KindSREInfra: {"infra-sre"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, tm := range res.Org.Teams {
		got[tm.Name] = string(tm.Org) + "/" + string(tm.Kind)
	}
	want := map[string]string{"infra-sre": "sre/sre-infra", "edge-sre": "sre/sre", "app": "ops/ops"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("org/kind = %v, want %v", got, want)
	}
}

func TestHeadcountFromMembersElseInferredAndSaid(t *testing.T) {
	dir := write(t, map[string]string{"org.yaml": groupYAML("listed", "  members: [a, b, user:c, a]\n") + "---\n" + groupYAML("empty", "")})
	res, err := Import([]string{dir}, Options{Headcount: 4})
	if err != nil {
		t.Fatal(err)
	}
	if h := res.Org.Team("listed").Headcount; h != 3 {
		t.Errorf("listed headcount = %d, want 3 distinct spec.members", h)
	}
	if h := res.Org.Team("empty").Headcount; h != 4 {
		t.Errorf("empty headcount = %d, want --headcount 4", h)
	}
	if !strings.Contains(string(res.TOML), "# Headcount 4 inferred for 1 teams: empty.") {
		t.Errorf("the inference is not said:\n%s", res.TOML)
	}
}

func TestAGroupOwningAServiceWithoutChildrenIsATeam(t *testing.T) {
	dir := write(t, map[string]string{"c.yaml": `apiVersion: backstage.io/v1alpha1
kind: Group
metadata: {name: payments, namespace: finance}
spec: {type: squad, children: []}
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: {name: ledger, namespace: finance}
spec: {type: service, lifecycle: production, owner: payments}
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: {name: old-ledger, namespace: finance}
spec: {type: service, lifecycle: deprecated, owner: payments}
`})
	res, err := Import([]string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Org.Teams) != 1 || res.Org.Teams[0].Name != "finance/payments" {
		t.Fatalf("teams = %+v, want finance/payments (namespace-prefixed)", res.Org.Teams)
	}
	if len(res.Org.Services) != 1 || res.Org.Services[0].Name != "finance/ledger" || res.Org.Services[0].Team != "finance/payments" {
		t.Errorf("services = %+v, want only finance/ledger (deprecated skipped)", res.Org.Services)
	}
}

func TestAGeneratedCatalogImports(t *testing.T) {
	dir := t.TempDir()
	size := gen.CatalogSize{Teams: 200, Users: 800, Components: 400}
	if _, err := gen.Catalog(dir, size, 3); err != nil {
		t.Fatal(err)
	}
	res, err := Import([]string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if loaded, err := orgs.Load("generated.toml", res.TOML); err != nil || !reflect.DeepEqual(loaded, res.Org) {
		t.Errorf("the imported model is not the one its file loads to (load error: %v)", err)
	}
	if len(res.Org.Teams) != size.Teams {
		t.Errorf("%d teams, want %d", len(res.Org.Teams), size.Teams)
	}
	// 70% services and 20% websites, of which 90% in an imported lifecycle
	if n := len(res.Org.Services); n < size.Components/2 || n > size.Components {
		t.Errorf("%d services of %d components", n, size.Components)
	}
	if res.Org.Name != "Generated Corp" {
		t.Errorf("name %q", res.Org.Name)
	}
}
