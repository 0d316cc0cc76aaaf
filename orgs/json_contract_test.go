package orgs_test

// docs/format.md "report --format json": the report of a crafted baseline and current pair, decoded
// with encoding/json and checked field for field against a document worked out by hand from
// docs/rules.md; the key order of every object is checked on the raw bytes.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/report"
)

// The worked example is three files in testdata/contract: base.toml, the baseline;
// current.toml, the current model (what changes is said at its head); expected.json, the
// report worked out by hand, as described below.

// contractFile is the text of one file of the worked example.
func contractFile(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "contract", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// The expected report, by hand. "<text>" stands for any non-empty string (free wording),
// "<any>" for any value; transition.teams, transition.decisions and advisories are compared
// in any order.
//
//	team          org kind       hc cost     funding run model  topology
//	Viewer        dev dev         7  770000  capex   you        2
//	Reporting     dev dev         6  600000  capex   you+SRE    6
//	Billing       dev dev         5  500000  capex   ops        -
//	Search        dev dev         4  400000  capex   unorg.     -
//	Checkout      dev dev         5  500000  capex   you+SRE    6
//	Payments      dev dev         6  600000  capex   you+SRE    6
//	Reliability   sre sre         3  300000  capex
//	Classic Ops   ops ops         9  900000  opex
//	Observability ops sre-infra   4  400000  capex (it serves CAPEX-funded models)
//	Tooling       sre sre-infra   2  180000  opex (override)
//
// capex 40 / 4070000, opex 11 / 1080000; baseline capex 39 / 3970000 (Reliability, an SRE
// team in the ops org, and Observability are CAPEX), opex 8 / 800000 (Classic Ops). Orgs:
// dev 33 / 3370000 (baseline 32 / 3270000), ops 13 / 1300000 (15 / 1500000), sre 5 /
// 480000 (none). Dev teams: you-run-it 1, you-and-sre-run-it 3, ops-run-it 1, unorganized
// 1 (of 6). Baseline dominant: you-run-it (3 of 6). Identity in SRE people: Viewer
// (topology 2) 1 product; Reliability, named, 3 reliability-ux. An SRE role exists outside
// the SRE org (Viewer's dedicated SRE), unset like the org's. Decisions from easy to hard,
// each in model order, removed teams after the others.
//
// Rules version 3: you and SRE run it covers 3 of 6 dev teams, no majority. Rotations count
// weeks: 24x7 and 24x5 have a secondary, minimum 8; Reliability (3) is on call two weeks in
// three, Classic Ops (4 of 9) every other week. Billing's unlikely move quotes the talk; every
// line lists the criteria rows that change. The dev teams that run services have no on_call:
// nobody-on-call names them (Billing runs Ledger, its own override); the new SRE org is
// unset, so positioning-unset.

// The key order of every object in docs/format.md; "[]" stands for the elements of a list.
var contractKeyOrder = map[string][]string{
	"":                        {"report", "name", "file", "baseline", "summary", "run_model", "topology", "service_mix", "teams", "services", "criteria", "funding", "staffing", "risk", "risk_runs", "transition", "identity", "kpis", "positioning", "advisories"},
	"service_mix":             {"run_model", "topology"},
	"service_mix.run_model[]": {"id", "services", "share"},
	"service_mix.topology[]":  {"topology", "services", "share"},
	"services[]": {"name", "team", "run_model", "topology", "run_with", "backup", "exception", "availability", "window_days", "error_budget_used",
		"error_budget_hours", "responders", "longest_uncovered_hours", "status", "risk"},
	"staffing": {"rotations", "needed", "hires", "hire_cost", "delta"},
	"staffing.rotations[]": {"team", "on_call", "layers", "sites", "rotation", "covered_hours", "hours_per_person", "off_hours_per_person",
		"weeks_share", "minimum", "needed", "hires", "hire_cost", "pages_per_person"},
	"staffing.delta":                           {"needed", "hires", "hire_cost"},
	"transition.services[]":                    {"service", "team", "from", "to", "verdict", "reason", "criteria_changes"},
	"transition.services[].criteria_changes[]": {"criterion", "from", "to", "direction"},
	"transition.teams[].criteria_changes[]":    {"criterion", "from", "to", "direction"},
	"summary":                                  {"teams", "dev_teams", "headcount"},
	"run_model":                                {"dominant", "dominant_dev_teams", "majority", "mix"},
	"run_model.mix[]":                          {"id", "dev_teams", "share"},
	"topology":                                 {"dominant", "dominant_dev_teams", "pure", "mix"},
	"topology.mix[]":                           {"topology", "dev_teams", "share"},
	"teams[]":                                  {"name", "org", "kind", "headcount", "cost", "funding", "run_model", "topology", "run_with", "backup", "secondary", "sites", "ack_minutes"},
	"criteria[]":                               {"criterion", "values", "current", "baseline", "changed"},
	"criteria[].values":                        {"you-run-it", "you-and-sre-run-it", "sre-run-it", "ops-run-it"},
	"funding":                                  {"currency", "capex", "opex", "orgs", "model_funding", "delta", "orgs_delta"},
	"funding.orgs_delta":                       {"dev", "ops", "sre"},
	"funding.orgs_delta.dev":                   {"headcount", "cost"},
	"funding.orgs_delta.ops":                   {"headcount", "cost"},
	"funding.orgs_delta.sre":                   {"headcount", "cost"},
	"funding.capex":                            {"headcount", "cost"},
	"funding.opex":                             {"headcount", "cost"},
	"funding.orgs":                             {"dev", "ops", "sre"},
	"funding.orgs.dev":                         {"headcount", "cost"},
	"funding.orgs.ops":                         {"headcount", "cost"},
	"funding.orgs.sre":                         {"headcount", "cost"},
	"funding.model_funding":                    {"capex_share", "opex_share"},
	"funding.delta":                            {"capex_cost", "opex_cost", "capex_headcount", "opex_headcount"},
	"transition":                               {"verdict", "teams", "services", "decisions"},
	"transition.teams[]":                       {"team", "from", "to", "verdict", "reason", "criteria_changes"},
	"transition.decisions[]":                   {"kind", "subject", "changeability", "detail"},
	"identity":                                 {"dominant", "weights", "people"},
	"identity.people":                          {"product-centric", "incident-centric", "reliability-ux-centric"},
	"identity.weights":                         {"product-centric", "incident-centric", "reliability-ux-centric"},
	"kpis[]":                                   {"identity", "text", "status", "target", "actual"},
	"positioning":                              {"id", "focus", "strategy", "role"},
	"positioning.role":                         {"id", "focus", "strategy"},
	"advisories[]":                             {"code", "severity", "message", "teams", "services"},
}

// Integer-valued fields (costs, counts) must be written as integers; shares with at most 4 decimals.
var contractIntegers = map[string]bool{
	"report": true, "risk_runs": true, "summary.teams": true, "summary.dev_teams": true, "summary.headcount": true,
	"run_model.mix[].dev_teams": true, "topology.dominant": true, "topology.mix[].topology": true, "topology.mix[].dev_teams": true,
	"teams[].headcount": true, "teams[].cost": true, "teams[].topology": true, "teams[].sites": true, "teams[].ack_minutes": true,
	"services[].window_days": true, "staffing.rotations[].layers": true, "staffing.rotations[].sites": true,
	"funding.capex.headcount": true, "funding.capex.cost": true, "funding.opex.headcount": true, "funding.opex.cost": true,
	"funding.orgs.dev.headcount": true, "funding.orgs.dev.cost": true, "funding.orgs.ops.headcount": true, "funding.orgs.ops.cost": true,
	"funding.orgs.sre.headcount": true, "funding.orgs.sre.cost": true,
	"funding.delta.capex_cost": true, "funding.delta.opex_cost": true, "funding.delta.capex_headcount": true, "funding.delta.opex_headcount": true,
	"run_model.dominant_dev_teams": true, "topology.dominant_dev_teams": true,
	"service_mix.run_model[].services": true, "service_mix.topology[].topology": true, "service_mix.topology[].services": true,
	"services[].topology": true, "services[].longest_uncovered_hours": true,
	"staffing.needed": true, "staffing.hires": true, "staffing.hire_cost": true,
	"staffing.delta.needed": true, "staffing.delta.hires": true, "staffing.delta.hire_cost": true,
	"staffing.rotations[].rotation": true, "staffing.rotations[].covered_hours": true, "staffing.rotations[].minimum": true,
	"staffing.rotations[].needed": true, "staffing.rotations[].hires": true, "staffing.rotations[].hire_cost": true,
	"funding.orgs_delta.dev.headcount": true, "funding.orgs_delta.dev.cost": true, "funding.orgs_delta.ops.headcount": true,
	"funding.orgs_delta.ops.cost": true, "funding.orgs_delta.sre.headcount": true, "funding.orgs_delta.sre.cost": true,
	"identity.people.product-centric": true, "identity.people.incident-centric": true, "identity.people.reliability-ux-centric": true,
}

var contractShares = map[string]bool{
	"run_model.mix[].share": true, "topology.mix[].share": true,
	"funding.model_funding.capex_share": true, "funding.model_funding.opex_share": true,
	"service_mix.run_model[].share": true, "service_mix.topology[].share": true, "staffing.rotations[].weeks_share": true,
	"services[].error_budget_used":     true,
	"identity.weights.product-centric": true, "identity.weights.incident-centric": true, "identity.weights.reliability-ux-centric": true,
}

// Numbers rounded to 2 decimals (hours), and numbers written as the file gives them.
var (
	contractHundredths = map[string]bool{"services[].error_budget_hours": true, "staffing.rotations[].hours_per_person": true, "staffing.rotations[].off_hours_per_person": true}
	contractFree       = map[string]bool{"services[].availability": true, "kpis[].target": true, "kpis[].actual": true}
)

func contractReport(t *testing.T, baseTOML, curTOML string) []byte {
	t.Helper()
	base, err := orgs.Load("base.toml", []byte(baseTOML))
	if err != nil {
		t.Fatal(err)
	}
	cur, err := orgs.Load("current.toml", []byte(curTOML))
	if err != nil {
		t.Fatal(err)
	}
	out, err := report.JSON(orgs.NewReport(cur.Name, "current.toml", "base.toml", orgs.Analyse(base, cur)))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestJSONReportContract(t *testing.T) {
	raw := contractReport(t, contractFile(t, "base.toml"), contractFile(t, "current.toml"))
	if !json.Valid(raw) {
		t.Fatalf("report is not valid JSON:\n%s", raw)
	}

	// key order of every object, and the form of every number, on the raw bytes
	seen := map[string]bool{}
	walkJSON(t, raw, func(path string, keys []string) {
		seen[path] = true
		want, known := contractKeyOrder[path]
		if !known {
			t.Errorf("object at %q is not in docs/format.md", path)
			return
		}
		if !reflect.DeepEqual(keys, want) {
			t.Errorf("keys of %q: %v, want %v", path, keys, want)
		}
	}, func(path string, n json.Number) {
		s := n.String()
		switch {
		case contractIntegers[path]:
			if strings.ContainsAny(s, ".eE") {
				t.Errorf("%s = %s: want an integer", path, s)
			}
		case contractShares[path]:
			f, err := n.Float64()
			if err != nil || f < 0 || f > 1 || math.Abs(f*1e4-math.Round(f*1e4)) > 1e-6 {
				t.Errorf("%s = %s: want a share in [0, 1] rounded to 4 decimals", path, s)
			}
		case contractHundredths[path]:
			f, err := n.Float64()
			if err != nil || math.Abs(f*100-math.Round(f*100)) > 1e-6 {
				t.Errorf("%s = %s: want a number rounded to 2 decimals", path, s)
			}
		case contractFree[path]:
		default:
			t.Errorf("number at %q is not in docs/format.md", path)
		}
	})
	for path := range contractKeyOrder {
		if !seen[path] {
			t.Errorf("the report has no object at %q", path)
		}
	}

	var got, want any
	if err := json.Unmarshal(raw, &got); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(contractFile(t, "expected.json")), &want); err != nil {
		t.Fatalf("the expected document is not JSON: %v", err)
	}
	// docs/format.md fixes the order of the top-level teams (model order) and of the mixes, and
	// docs/rules.md that of the decisions and the advisories, not of these
	unordered := map[string]bool{"transition.teams": true}
	for _, d := range matchJSON(got, want, "", unordered) {
		t.Error(d)
	}
	// the advisories name their teams in their messages
	for _, a := range got.(map[string]any)["advisories"].([]any) {
		a := a.(map[string]any)
		for _, name := range a["teams"].([]any) {
			if !strings.Contains(a["message"].(string), name.(string)) {
				t.Errorf("advisory %s: message %q does not name %q", a["code"], a["message"], name)
			}
		}
	}
	if t.Failed() {
		t.Logf("report:\n%s", raw)
	}
}

// The nulls docs/format.md names, in models that produce them.
func TestJSONReportNulls(t *testing.T) {
	const unorganized = "format = 1\nname = \"Nulls\"\n\n[[team]]\nname = \"Search\"\norg = \"dev\"\nkind = \"dev\"\nheadcount = 4\nrun = \"none\"\n\n" +
		"[[team]]\nname = \"Ops\"\norg = \"ops\"\nkind = \"ops\"\nheadcount = 5\n"
	const noDevTeams = "format = 1\nname = \"No dev\"\n\n[sre_org]\npositioning = \"enabler\"\n\n[[team]]\nname = \"Reliability\"\norg = \"sre\"\nkind = \"sre\"\nheadcount = 4\n"
	const roleOnly = "format = 1\nname = \"Role\"\n\n[sre_org]\npositioning = \"enabler\"\n\n[sre_role]\npositioning = \"asset\"\n\n" +
		"[[team]]\nname = \"Viewer\"\norg = \"dev\"\nkind = \"dev\"\nheadcount = 4\nsre_role = \"dedicated\"\n"
	cases := []struct {
		name      string
		base, cur string
		want      map[string]any // path -> value (nil means JSON null)
	}{
		{
			"dominant unorganized: no criteria column, no topology, no identity, no SRE org", unorganized, unorganized,
			map[string]any{
				"run_model.dominant": "unorganized", "run_model.dominant_dev_teams": 1.0, "topology.dominant": nil, "topology.dominant_dev_teams": 0.0,
				"topology.pure": false, "topology.mix": []any{},
				"teams.0.topology": nil, "teams.0.run_with": nil, "teams.0.run_model": "unorganized",
				"teams.1.run_model": nil, "teams.1.topology": nil, "teams.1.run_with": nil,
				"criteria.0.current": nil, "criteria.0.baseline": nil, "criteria.0.changed": false,
				"criteria.8.current": nil, "criteria.8.baseline": nil,
				"identity.dominant": nil, "identity.weights.product-centric": 0.0, "identity.weights.incident-centric": 0.0,
				"identity.weights.reliability-ux-centric": 0.0, "positioning": nil, "kpis": []any{},
				"transition.verdict": "unchanged", "transition.teams.0.reason": nil, "transition.decisions": []any{},
			},
		},
		{
			"no dev team: no dominant run model; positioning set", noDevTeams, noDevTeams,
			map[string]any{
				"run_model.dominant": nil, "run_model.mix": []any{}, "topology.dominant": nil,
				"criteria.7.current": nil, "criteria.7.changed": false, "identity.dominant": nil,
				"positioning.id": "enabler", "positioning.focus": "Enabling business through reliability", "positioning.strategy": "Nurture",
				"positioning.role": nil, "run_model.dominant_dev_teams": 0.0, "topology.dominant_dev_teams": 0.0,
				"identity.people.product-centric": 0.0, "advisories.0.services": []any{},
				"funding.model_funding.capex_share": 0.0, "funding.model_funding.opex_share": 0.0,
				"transition.teams": []any{},
			},
		},
		{
			"a baseline with a model against a current without: changed", unorganized, noDevTeams,
			map[string]any{
				"criteria.7.current": nil, "criteria.7.baseline": nil, "criteria.7.changed": false,
				"transition.teams.0.team": "Search", "transition.teams.0.from": "unorganized", "transition.teams.0.to": nil,
				"transition.teams.0.verdict": "removed", "transition.verdict": "unchanged",
			},
		},
		{
			"an SRE role without an SRE org: org positioning null, role set", roleOnly, roleOnly,
			map[string]any{
				"positioning.id": nil, "positioning.focus": nil, "positioning.strategy": nil,
				"positioning.role.id": "asset", "positioning.role.focus": "Reliability asset", "positioning.role.strategy": "Optimize the asset",
			},
		},
		{
			"the baseline's column against none", contractFile(t, "base.toml"), noDevTeams,
			map[string]any{"criteria.7.current": nil, "criteria.7.baseline": "CAPEX", "criteria.7.changed": true},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			raw := contractReport(t, c.base, c.cur)
			var doc any
			if err := json.Unmarshal(raw, &doc); err != nil {
				t.Fatal(err)
			}
			for path, want := range c.want {
				got, ok := lookup(doc, path)
				if !ok {
					t.Errorf("%s is missing", path)
				} else if !reflect.DeepEqual(got, want) {
					t.Errorf("%s = %#v, want %#v", path, got, want)
				}
			}
		})
	}
}

// lookup follows a dotted path of keys and list indexes.
func lookup(doc any, path string) (any, bool) {
	for _, step := range strings.Split(path, ".") {
		switch v := doc.(type) {
		case map[string]any:
			var ok bool
			if doc, ok = v[step]; !ok {
				return nil, false
			}
		case []any:
			var i int
			if _, err := fmt.Sscanf(step, "%d", &i); err != nil || i >= len(v) {
				return nil, false
			}
			doc = v[i]
		default:
			return nil, false
		}
	}
	return doc, true
}

// matchJSON compares a decoded document with the expected one and returns the differences.
// In want, "<text>" matches any non-empty string and "<any>" anything; lists at the paths in
// unordered match in any order.
func matchJSON(got, want any, path string, unordered map[string]bool) []string {
	if s, ok := want.(string); ok && s == "<any>" {
		return nil
	}
	if s, ok := want.(string); ok && s == "<text>" {
		if g, ok := got.(string); !ok || g == "" {
			return []string{fmt.Sprintf("%s = %#v, want a non-empty string", path, got)}
		}
		return nil
	}
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			return []string{fmt.Sprintf("%s = %#v, want an object", path, got)}
		}
		var diffs []string
		for _, k := range sortedKeys(w) {
			if _, present := g[k]; !present {
				diffs = append(diffs, fmt.Sprintf("%s: key %q is missing", path, k))
				continue
			}
			diffs = append(diffs, matchJSON(g[k], w[k], join(path, k), unordered)...)
		}
		for _, k := range sortedKeys(g) {
			if _, expected := w[k]; !expected {
				diffs = append(diffs, fmt.Sprintf("%s: unexpected key %q", path, k))
			}
		}
		return diffs
	case []any:
		g, ok := got.([]any)
		if !ok || len(g) != len(w) {
			return []string{fmt.Sprintf("%s = %#v, want %d elements like %#v", path, got, len(w), want)}
		}
		if unordered[path] {
			used := make([]bool, len(g))
			var diffs []string
			for i, we := range w {
				found := false
				for j, ge := range g {
					if !used[j] && len(matchJSON(ge, we, "", nil)) == 0 {
						used[j], found = true, true
						break
					}
				}
				if !found {
					diffs = append(diffs, fmt.Sprintf("%s: nothing matches expected element #%d %v", path, i, we))
				}
			}
			if len(diffs) > 0 {
				diffs = append(diffs, fmt.Sprintf("%s is %v", path, g))
			}
			return diffs
		}
		var diffs []string
		for i := range w {
			diffs = append(diffs, matchJSON(g[i], w[i], fmt.Sprintf("%s.%d", path, i), unordered)...)
		}
		return diffs
	}
	if !reflect.DeepEqual(got, want) {
		return []string{fmt.Sprintf("%s = %#v, want %#v", path, got, want)}
	}
	return nil
}

func join(path, k string) string {
	if path == "" {
		return k
	}
	return path + "." + k
}

func sortedKeys(m map[string]any) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// walkJSON reads the raw document token by token, calling object with the path and the keys of
// every object in the order written, and number with every number as written. Paths join keys
// with dots and write "[]" for the elements of a list.
func walkJSON(t *testing.T, raw []byte, object func(path string, keys []string), number func(path string, n json.Number)) {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var value func(path string) error
	value = func(path string) error {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		switch v := tok.(type) {
		case json.Delim:
			switch v {
			case '{':
				var keys []string
				for dec.More() {
					kt, err := dec.Token()
					if err != nil {
						return err
					}
					k := kt.(string)
					keys = append(keys, k)
					if err := value(join(path, k)); err != nil {
						return err
					}
				}
				object(path, keys)
			case '[':
				for dec.More() {
					if err := value(path + "[]"); err != nil {
						return err
					}
				}
			}
			_, err := dec.Token() // the closing delimiter
			return err
		case json.Number:
			number(path, v)
		}
		return nil
	}
	if err := value(""); err != nil {
		t.Fatalf("reading the report: %v", err)
	}
}
