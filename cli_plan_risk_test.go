package main

import (
	"encoding/json"
	"math"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// talkTopology5 is the talk's case moved to topology 5: the same services and rates as the
// case and as its move to topology 6, so that comparing the three is like for like.
const talkTopology5 = "testdata/plan/health-platform-topology-5.toml"

// riskJSON is the organization's risk as the JSON reports write it (rules.md 12).
type riskJSON struct {
	ServicesWithRates int      `json:"services_with_rates"`
	LikelyBreach      []string `json:"likely_breach"`
	ExpectedDowntime  float64  `json:"expected_downtime_hours"`
	MaxSleep          *struct {
		Team  string  `json:"team"`
		Pages float64 `json:"pages"`
	} `json:"max_sleep_pages_per_person"`
	Delta riskDeltaJSON `json:"delta"`
}

type riskDeltaJSON struct {
	LikelyBreach     int     `json:"likely_breach"`
	ExpectedDowntime float64 `json:"expected_downtime_hours"`
	MaxSleepPages    float64 `json:"max_sleep_pages_per_person"`
}

func (r *riskJSON) sleep() float64 {
	if r.MaxSleep == nil {
		return 0
	}
	return r.MaxSleep.Pages
}

// rules.md 11: each stage shows the verdicts of the model after it, "risk (section 12) when
// the file has incident rates"; cli.md: "plan takes ... --runs N". Each stage's risk in the
// plan's JSON is the risk a report of that stage's file gives, and its change from the
// previous stage the difference of their figures; the first stage's previous is the base.
func TestPlanJSONCarriesEachStagesRisk(t *testing.T) {
	dir := t.TempDir()
	target := writeFile(t, dir, "target.toml", readText(t, talkTarget))
	base := writeFile(t, dir, "base.toml", readText(t, talkBase))
	code, out, errOut := sretopo(t, "", "plan", "--format", "json", "--runs", "300", "--write", base, target)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var plan struct {
		Stages []struct {
			Name  string `json:"name"`
			After struct {
				Risk             *riskJSON      `json:"risk"`
				RiskFromPrevious *riskDeltaJSON `json:"risk_from_previous"`
			} `json:"after"`
			File string `json:"file"`
		} `json:"stages"`
		RiskRuns int `json:"risk_runs"`
	}
	if err := json.Unmarshal([]byte(out), &plan); err != nil {
		t.Fatal(err)
	}
	if plan.RiskRuns != 300 || len(plan.Stages) != 4 {
		t.Fatalf("risk_runs %d, %d stages; want 300 and the talk's four", plan.RiskRuns, len(plan.Stages))
	}
	prev := reportRisk(t, base, base)
	for _, s := range plan.Stages {
		got, step := s.After.Risk, s.After.RiskFromPrevious
		want := reportRisk(t, base, s.File)
		if got == nil || step == nil {
			t.Fatalf("stage %s: risk %v, from the previous stage %v; the talk's case has rates", s.Name, got, step)
		}
		if strings.Join(got.LikelyBreach, ",") != strings.Join(want.LikelyBreach, ",") || got.ExpectedDowntime != want.ExpectedDowntime ||
			got.sleep() != want.sleep() || got.Delta != want.Delta {
			t.Errorf("stage %s: risk %+v; the report of its file %s says %+v", s.Name, *got, s.File, *want)
		}
		if step.LikelyBreach != len(got.LikelyBreach)-len(prev.LikelyBreach) ||
			math.Abs(step.ExpectedDowntime-(got.ExpectedDowntime-prev.ExpectedDowntime)) > 0.011 ||
			math.Abs(step.MaxSleepPages-(got.sleep()-prev.sleep())) > 0.011 {
			t.Errorf("stage %s: change %+v from the previous stage's %+v to %+v", s.Name, *step, *prev, *got)
		}
		prev = got
	}
	if last := plan.Stages[3].After.Risk; len(last.LikelyBreach) >= len(plan.Stages[0].After.Risk.LikelyBreach) {
		t.Errorf("likely to breach %v after the plan, %v after staffing: the SRE team's weekends should help", last.LikelyBreach, plan.Stages[0].After.Risk.LikelyBreach)
	}
}

// reportRisk is the risk `report --format json --runs 300 --baseline base file` gives.
func reportRisk(t *testing.T, base, file string) *riskJSON {
	t.Helper()
	code, out, errOut := sretopo(t, "", "report", "--format", "json", "--runs", "300", "--baseline", base, file)
	if code != 0 {
		t.Fatalf("report %s: exit %d, %s", file, code, errOut)
	}
	var rep struct {
		Risk *riskJSON `json:"risk"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil || rep.Risk == nil {
		t.Fatalf("report %s: %v, risk %v", file, err, rep.Risk)
	}
	return rep.Risk
}

// The plan's text says each stage's risk, and `plan --runs` is validated and described as
// `report --runs` is.
func TestPlanRunsFlagAsReportsAndTextRisk(t *testing.T) {
	code, out, errOut := sretopo(t, "", "plan", "--runs", "300", talkBase, talkTarget)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if n := strings.Count(out, "\n    risk: likely to breach "); n != 4 {
		t.Errorf("%d stages say their risk, want 4:\n%s", n, out)
	}
	if !strings.Contains(out, "from the previous stage: -") {
		t.Errorf("no stage says its risk fell from the previous stage:\n%s", out)
	}
	for _, bad := range []string{"0", "100001", "many"} {
		_, _, reportErr := sretopo(t, "", "report", "--runs", bad, talkBase)
		code, out, errOut := sretopo(t, "", "plan", "--runs", bad, talkBase, talkTarget)
		if code != 2 || out != "" || firstLine(errOut) != firstLine(reportErr) {
			t.Errorf("plan --runs %s: exit %d, %q; report says %q", bad, code, errOut, reportErr)
		}
	}
	flagHelp := regexp.MustCompile(`(?m)^  --runs N .*\n\s+\(default 2000\)\n`)
	if p, r := flagHelp.FindString(commandHelp["plan"]), flagHelp.FindString(commandHelp["report"]); p == "" || p != r {
		t.Errorf("plan --help says of --runs %q, report --help %q", p, r)
	}
}

func firstLine(s string) string { l, _, _ := strings.Cut(s, "\n"); return l }

func readText(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Issue 21's "done": `compare` of the talk's case against topologies 5 and 6 shows which
// wakes people least and breaches least. The three files have the same services and rates;
// in each of the three risk rows the options marked best are exactly those with the lowest
// figure of compare's own JSON (rules.md 12: "the lower the better"), and the talk's
// uncovered weekend loses the breach row to a partner on call round the clock.
func TestCompareOfTheTalksCaseMarksTheLeastRisky(t *testing.T) {
	files := []string{talkBase, talkTopology5, talkTarget}
	code, out, errOut := sretopo(t, "", append([]string{"compare", "--format", "json"}, files...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var cmp struct {
		Options []struct {
			Risk *riskJSON `json:"risk"`
		} `json:"options"`
	}
	if err := json.Unmarshal([]byte(out), &cmp); err != nil || len(cmp.Options) != 3 {
		t.Fatalf("%v, %d options", err, len(cmp.Options))
	}
	figures := map[string][]float64{} // the row's label in text -> each option's figure
	for _, o := range cmp.Options {
		if o.Risk == nil || o.Risk.ServicesWithRates != 8 {
			t.Fatalf("an option without the talk's 8 services with rates: %+v", o.Risk)
		}
		figures["Likely to breach"] = append(figures["Likely to breach"], float64(len(o.Risk.LikelyBreach)))
		figures["Expected downtime"] = append(figures["Expected downtime"], o.Risk.ExpectedDowntime)
		figures["Sleep pages per person"] = append(figures["Sleep pages per person"], o.Risk.sleep())
	}
	if b := figures["Likely to breach"]; b[0] <= b[1] || b[0] <= b[2] {
		t.Errorf("likely to breach %v: the talk's weekend should breach more than a 24x7 partner", b)
	}
	code, out, errOut = sretopo(t, "", append([]string{"compare"}, files...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	cell := regexp.MustCompile(`\S+(?: \S+)*`)
	for label, values := range figures {
		best := min(values[0], values[1], values[2])
		var row string
		for _, line := range strings.Split(out, "\n") {
			if strings.HasPrefix(line, label) {
				row = line
			}
		}
		cells := cell.FindAllString(row, -1) // cells are two spaces apart, words one
		if len(cells) != 4 {
			t.Fatalf("row %q: want a label and three cells", row)
		}
		for i, c := range cells[1:] {
			if marked := strings.HasSuffix(c, " *"); marked != (values[i] == best) {
				t.Errorf("row %s: option %d (%s) marked %v, its figure %v, the lowest %v", label, i+1, c, marked, values[i], best)
			}
		}
	}
}

// docs/deciding.md's worked example says how the risk moves with the stages: its figures are
// those `sretopo plan` gives for the talk's case.
func TestDecidingDocRiskIsThePlans(t *testing.T) {
	doc := readText(t, "docs/deciding.md")
	_, out, _ := sretopo(t, "", "plan", "--format", "json", talkBase, talkTarget)
	var plan struct {
		Stages []struct {
			After struct {
				Risk *riskJSON `json:"risk"`
			} `json:"after"`
		} `json:"stages"`
	}
	if err := json.Unmarshal([]byte(out), &plan); err != nil || len(plan.Stages) != 4 {
		t.Fatalf("%v, %d stages", err, len(plan.Stages))
	}
	_, example, _ := strings.Cut(doc, "The risk moves with the stages")
	example, _, _ = strings.Cut(example, "\n\n")
	number := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
	first, pilot, all := plan.Stages[0].After.Risk, plan.Stages[1].After.Risk, plan.Stages[2].After.Risk
	for _, want := range []string{
		strconv.Itoa(len(first.LikelyBreach)) + " of the 8 services", number(first.ExpectedDowntime) + " h",
		number(pilot.ExpectedDowntime) + " h", number(all.ExpectedDowntime) + " h",
		number(all.MaxSleep.Pages) + " sleep pages", "Operations' took " + number(first.MaxSleep.Pages),
	} {
		if !strings.Contains(strings.Join(strings.Fields(example), " "), want) {
			t.Errorf("deciding.md's risk of the worked example lacks %q:\n%s", want, example)
		}
	}
}
