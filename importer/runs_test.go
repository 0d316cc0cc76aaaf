package importer

import (
	"testing"

	"github.com/sretopo/sretopo/orgs"
)

func TestAServicePagingAnotherDevTeamKeepsItsRun(t *testing.T) {
	dir := write(t, map[string]string{
		"catalog.yaml": groupYAML("shop", "") + "---\n" + groupYAML("search", "") + `---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: {name: cart, annotations: {pagerduty.com/service-id: PCART}}
spec: {type: service, lifecycle: production, owner: shop}
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: {name: cart-beta}
spec: {type: service, lifecycle: beta, owner: shop}
`,
		"pd/schedules.json": `{"schedules": [
  {"id": "PS1", "type": "schedule", "name": "search", "time_zone": "UTC", "teams": [{"id": "PT2", "type": "team_reference", "summary": "search"}],
   "schedule_layers": [{"name": "Layer 1", "users": [], "restrictions": []}]}
]}`,
		"pd/policies.json": `{"escalation_policies": [{"id": "PE1", "type": "escalation_policy", "name": "cart",
  "escalation_rules": [{"escalation_delay_in_minutes": 30, "targets": [{"id": "PS1", "type": "schedule_reference", "summary": "search"}]}],
  "teams": [{"id": "PT1", "type": "team_reference", "summary": "shop"}]}]}`,
		"pd/services.json": `{"services": [{"id": "PCART", "type": "service", "name": "Shopping cart", "escalation_policy": {"id": "PE1", "type": "escalation_policy_reference"}}]}`,
	})
	res, err := Import([]string{dir}, Options{Lifecycles: []string{"production"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Org.Services) != 1 || res.Org.Services[0].Run != "" {
		t.Fatalf("services = %+v, want cart only, its run unchanged (beta is not an imported lifecycle)", res.Org.Services)
	}
	if !hasWarning(res, "catalog.yaml:15:1:", `first pages "search", a dev team`) {
		t.Errorf("no warning about the dev team paged first: %q", res.Warnings)
	}
	if tm := res.Org.Team("search"); tm.OnCall != orgs.OnCall24x7 {
		t.Errorf("search on call %s, want 24x7 from its schedule (its teams field)", tm.OnCall)
	}
}
