package orgs_test

import (
	"encoding/json"
	"testing"

	"github.com/sretopo/sretopo/internal/gen"
	"github.com/sretopo/sretopo/orgs"
)

// TestServicesThatFollowTheirTeamChangeNoTeamVerdict (issue 11): a file without services
// gives the same team-level verdicts as before services existed. Every example and some
// generated organizations are analysed twice: with their [[service]] tables, every service
// running as its team (no exception), and with the tables stripped. Every team-level key of
// the JSON report must be the same; only the keys about services themselves may differ.
func TestServicesThatFollowTheirTeamChangeNoTeamVerdict(t *testing.T) {
	models := map[string]*orgs.Org{}
	for _, ex := range loadedExamples(t) {
		o := ex.Org
		models["example "+ex.Name] = o
	}
	models["generated 300"] = gen.Org(300, 1)
	models["generated 40"] = gen.Org(40, 2)
	withServices := 0
	// the keys that are about services: the rest is team-level
	serviceKeys := map[string]bool{"services": true, "service_mix": true, "kpis": true}
	serviceAdvisories := map[string]bool{"likely-breach": true, "coverage-gap": true, "high-target-ops-run": true, "sre-run-over-budget": true}
	for name, o := range models {
		t.Run(name, func(t *testing.T) {
			if len(o.Services) > 0 {
				withServices++
			}
			follow := o.Clone()
			for k := range follow.Services {
				follow.Services[k].Run, follow.Services[k].RunWith = "", ""
			}
			stripped := o.Clone()
			stripped.Services = nil
			keys := func(m *orgs.Org) map[string]any {
				raw, err := orgs.NewReport(m.Name, "f.toml", "f.toml", orgs.Analyse(m, m)).AppendJSON(nil)
				if err != nil {
					t.Fatal(err)
				}
				var doc map[string]any
				if err := json.Unmarshal(raw, &doc); err != nil {
					t.Fatal(err)
				}
				for k := range serviceKeys {
					delete(doc, k)
				}
				var kept []any
				for _, a := range doc["advisories"].([]any) {
					if !serviceAdvisories[a.(map[string]any)["code"].(string)] {
						kept = append(kept, a)
					}
				}
				doc["advisories"] = kept
				delete(doc["transition"].(map[string]any), "services")
				// risk (rules.md 12) is the services' own: the organization's, and the
				// pages each rotation takes of their incidents
				delete(doc, "risk")
				for _, r := range doc["staffing"].(map[string]any)["rotations"].([]any) {
					delete(r.(map[string]any), "pages_per_person")
				}
				return doc
			}
			a, b := keys(follow), keys(stripped)
			for k := range b {
				ja, _ := json.Marshal(a[k])
				jb, _ := json.Marshal(b[k])
				if string(ja) != string(jb) {
					t.Errorf("%s with services that follow their teams:\n%s\nwithout services:\n%s", k, ja, jb)
				}
			}
		})
	}
	if withServices < 3 {
		t.Errorf("only %d of the models have services: the test would prove little", withServices)
	}
}
