package importer

import (
	"strings"
	"testing"
)

func TestSLOTargetsAndWindows(t *testing.T) {
	component := func(name string) string {
		return "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: " + name + "}\nspec: {type: service, lifecycle: production, owner: team-a}\n---\n"
	}
	openslo := func(service, window, target string) string {
		return "---\napiVersion: openslo/v1\nkind: SLO\nmetadata: {name: " + service + "-slo}\nspec:\n  service: " + service +
			"\n  timeWindow: [{duration: " + window + ", isRolling: true}]\n  objectives: [{displayName: x, target: " + target + "}]\n"
	}
	dir := write(t, map[string]string{
		"catalog.yaml": groupYAML("team-a", "") + "---\n" + component("always") + component("short") + component("hourly") + component("both"),
		"slo.yaml": openslo("always", "28d", "1") + openslo("short", "2d", "0.99") + openslo("hourly", "12h", "0.95") + openslo("both", "2w", "0.99") +
			"---\napiVersion: openslo/v1alpha\nkind: SLO\nmetadata: {name: both-alpha}\nspec:\n  service: both\n  timeWindows: [{unit: Week, count: 3}]\n  objectives: [{target: 0.9995}]\n" +
			"---\nversion: prometheus/v1\nservice: both\nslos: [{name: low, objective: 99}]\n",
	})
	res, err := Import([]string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	targets := map[string]float64{}
	for _, s := range res.Org.Services {
		if s.Availability != nil {
			targets[s.Name] = *s.Availability
		}
	}
	if _, ok := targets["always"]; ok {
		t.Errorf("a target of 100%% was kept")
	}
	if targets["short"] != 99 || targets["hourly"] != 95 || targets["both"] != 99.95 {
		t.Errorf("targets = %v, want short 99, hourly 95, both 99.95 (the strictest of three)", targets)
	}
	for _, w := range [][]string{
		{"slo.yaml:2:1:", "100%", "dropped"},
		{"slo.yaml:10:1:", "2 days is outside 7-90"},
		{"slo.yaml:18:1:", `"h"`, "not in days, weeks or months"},
	} {
		if !hasWarning(res, w...) {
			t.Errorf("no warning %q among %q", w, res.Warnings)
		}
	}
	text := string(res.TOML)
	if !strings.Contains(text, "the strictest of 3 targets") || !strings.Contains(text, "window_days = 21") {
		t.Errorf("the strictest target and its window (3 weeks) are not noted:\n%s", text)
	}
}
