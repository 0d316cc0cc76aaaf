package orgs_test

// Issue 11, "Done means": a file without services gives the same team-level verdicts as
// before services existed. Every example and generated organization is analysed with its
// services (each made to follow its team, so none is an exception) and with its [[service]]
// tables stripped; the team-level keys of the JSON report must be equal.

import (
	"encoding/json"
	"fmt"
	"reflect"
	"testing"

	"github.com/sretopo/sretopo/internal/gen"
	"github.com/sretopo/sretopo/orgs"
)

// teamLevelKeys are the report keys services may not change while no service is an exception.
var teamLevelKeys = []string{"summary", "run_model", "topology", "teams", "criteria", "funding", "identity", "positioning"}

// serviceOnlyAdvisories are about services alone; a file without services has none.
var serviceOnlyAdvisories = map[string]bool{"likely-breach": true, "coverage-gap": true, "high-target-ops-run": true, "sre-run-over-budget": true}

func TestServicesThatFollowTheirTeamChangeNoTeamLevelVerdict(t *testing.T) {
	models := map[string]*orgs.Org{}
	for _, ex := range loadedExamples(t) {
		o := ex.Org
		models[ex.Name] = o
	}
	for _, n := range []int{3, 40, 300} {
		models[fmt.Sprintf("generated %d", n)] = gen.Org(n, int64(n))
	}
	for name, o := range models {
		t.Run(name, func(t *testing.T) {
			with := o.Clone()
			for k := range with.Services {
				with.Services[k].Run, with.Services[k].RunWith = "", ""
			}
			for _, r := range orgs.ServiceRuns(with, nil) {
				if r.Exception {
					t.Fatalf("a service that follows its team is an exception: %+v", r)
				}
			}
			without := with.Clone()
			without.Services = nil
			a, b := teamLevel(t, with), teamLevel(t, without)
			for _, k := range teamLevelKeys {
				if !reflect.DeepEqual(a[k], b[k]) {
					t.Errorf("%s differs with services:\n%v\nwithout:\n%v", k, a[k], b[k])
				}
			}
			if !reflect.DeepEqual(a["advisories"], b["advisories"]) {
				t.Errorf("team-level advisories differ with services:\n%v\nwithout:\n%v", a["advisories"], b["advisories"])
			}
		})
	}
}

// teamLevel is o's JSON report against itself as a map, its advisories reduced to the code
// and teams of those that are not about services alone.
func teamLevel(t *testing.T, o *orgs.Org) map[string]any {
	t.Helper()
	data, err := json.Marshal(orgs.NewReport(o.Name, "f.toml", "f.toml", orgs.Analyse(o, o)))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	var advisories []string
	list, _ := m["advisories"].([]any)
	for _, a := range list {
		a := a.(map[string]any)
		if code := a["code"].(string); !serviceOnlyAdvisories[code] {
			advisories = append(advisories, fmt.Sprint(code, a["teams"]))
		}
	}
	m["advisories"] = advisories
	return m
}
