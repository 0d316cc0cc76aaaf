package orgs_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/sretopo/sretopo/orgs"
)

// Tests of the roadmap of docs/rules.md section 11 (v3), one rule a test, each quoting the
// line it holds the plan to.

// talkCase is the talk's case (topology 1) and its target: a new SRE team of eight in a new
// SRE org, sharing on call with every dev team (topology 6).
func talkCase(t *testing.T) (base, target *orgs.Org) {
	t.Helper()
	ex, err := orgs.ExampleNamed("health-platform")
	if err != nil {
		t.Fatal(err)
	}
	base, err = orgs.Load("health-platform.toml", ex.Data)
	if err != nil {
		t.Fatal(err)
	}
	target = base.Clone()
	for i := range target.Teams {
		if tm := &target.Teams[i]; tm.Kind == orgs.KindDev {
			tm.Run, tm.RunWith, tm.SRERole = orgs.RunYouAndSRE, "SRE Team", ""
		}
	}
	sre := onCall(team("SRE Team", sreO, orgs.KindSRE, 8), orgs.OnCall24x7)
	target.Teams = append(target.Teams, sre)
	mustBeFileModel(t, target)
	return base, target
}

func stageNames(p *orgs.Plan) []orgs.StageName {
	var out []orgs.StageName
	for _, s := range p.Stages {
		out = append(out, s.Name)
	}
	return out
}

func stageNamed(t *testing.T, p *orgs.Plan, n orgs.StageName) *orgs.Stage {
	t.Helper()
	for i := range p.Stages {
		if p.Stages[i].Name == n {
			return &p.Stages[i]
		}
	}
	t.Fatalf("no %s stage in %v", n, stageNames(p))
	return nil
}

func hasDecision(s *orgs.Stage, kind orgs.DecisionKind, subject string) bool {
	return slices.ContainsFunc(s.Decisions, func(d orgs.Decision) bool { return d.Kind == kind && d.Subject == subject })
}

// "So a plan from the talk's case (topology 1) to a new SRE org sharing on call with every
// dev team (topology 6) goes: hire the SRE team into the ops org (staffing), pilot one dev
// team with it (that team in topology 5), switch the rest (topology 5), then move the team to
// the new SRE org (topology 6)."
func TestPlanFromTheTalksCaseToTopology6(t *testing.T) {
	base, target := talkCase(t)
	p := checkPlan(t, base, target)
	want := []orgs.StageName{orgs.StageStaffing, orgs.StagePilot, orgs.StageWhoRunsIt, orgs.StageReportingLines}
	if got := stageNames(p); !slices.Equal(got, want) {
		t.Fatalf("stages %v, want %v", got, want)
	}
	hired := p.Stages[0].Model.Team("SRE Team")
	if hired == nil || hired.Org != ops {
		t.Errorf("after staffing the SRE team is %+v, want it in the ops org", hired)
	}
	if !slices.Equal(p.Pilots, []string{"Viewer"}) {
		t.Errorf("pilots %v, want the first dev team, Viewer", p.Pilots)
	}
	pilot := p.Stages[1].Analysis
	for _, tm := range pilot.Teams {
		if tm.Name == "Viewer" && tm.Topology != 5 {
			t.Errorf("the pilot team after the pilot: topology %v, want 5", tm.Topology)
		}
	}
	if topo := p.Stages[2].Analysis.Topology.Dominant; topo == nil || *topo != 5 {
		t.Errorf("after who runs it the dominant topology is %v, want 5", topo)
	}
	if topo := p.Stages[3].Analysis.Topology.Dominant; topo == nil || *topo != 6 {
		t.Errorf("after the reporting lines the dominant topology is %v, want 6", topo)
	}
	if !hasDecision(&p.Stages[3], orgs.DecideNewSREOrg, "SRE org") || !hasDecision(&p.Stages[3], orgs.DecideReportingLines, "SRE Team") {
		t.Errorf("the last stage's decisions %v lack the new SRE org and the move of SRE Team", p.Stages[3].Decisions)
	}
}

// "Gate (kind staffing): the rotations of every team with on_call other than none that
// responds in TARGET for a dev team or service it did not respond for in BASE reach their
// minimum (section 9); text "rotations at their minimum: <teams>"."
func TestPlanStaffingGateNamesTheNewResponders(t *testing.T) {
	base, target := talkCase(t)
	p := orgs.MakePlan(base, target)
	gates := p.Stages[0].Gates
	if len(gates) != 1 || gates[0].Kind != orgs.GateStaffing || !slices.Equal(gates[0].Teams, []string{"SRE Team"}) ||
		gates[0].Text != "rotations at their minimum: SRE Team" {
		t.Errorf("staffing gates %+v, want one naming SRE Team only (the dev teams respond for what they did)", gates)
	}
}

// "Gate (kind error-budget): the pilot teams' services with a target stay within their error
// budgets for one SLO window (the longest window_days among them, 30 when none has a
// target)"; "the pilot's gate window is ceil(window_days / 30) months".
func TestPlanPilotGateWaitsOneWindow(t *testing.T) {
	base, target := talkCase(t)
	for i := range target.Services {
		if target.Services[i].Name == "DICOM viewer" {
			target.Services[i].WindowDays = 45
		}
	}
	p := orgs.MakePlan(base, target)
	s := stageNamed(t, p, orgs.StagePilot)
	if len(s.Gates) != 1 {
		t.Fatalf("pilot gates %+v, want one", s.Gates)
	}
	g := s.Gates[0]
	if g.Kind != orgs.GateErrorBudget || g.WindowDays != 45 || !slices.Equal(g.Teams, []string{"Viewer"}) ||
		!slices.Equal(g.Services, []string{"DICOM viewer", "Image archive"}) ||
		g.Text != "pilot services within their error budgets for 45 days: DICOM viewer, Image archive" {
		t.Errorf("pilot gate %+v", g)
	}
	if s.Months != 2 {
		t.Errorf("the pilot lasts %d months, want ceil(45/30) = 2", s.Months)
	}
}

// "for each SRE team that TARGET gives at least three dev teams (present in BASE) as a new
// partner ... No SRE team with three: no pilot stage."
func TestPlanNoPilotUnderThreeDevTeams(t *testing.T) {
	base := newOrg(t1("Checkout"), t1("Search"), sreTeam("Reliability", ops, 8))
	target := newOrg(yas("Checkout", "Reliability"), yas("Search", "Reliability"), sreTeam("Reliability", ops, 8))
	p := checkPlan(t, base, target)
	if got := stageNames(p); !slices.Equal(got, []orgs.StageName{orgs.StageWhoRunsIt}) || len(p.Pilots) != 0 {
		t.Errorf("stages %v, pilots %v; want who-runs-it alone", got, p.Pilots)
	}
}

// "Such a team that nobody names is created in its TARGET org in stage 4."
func TestPlanNewSRETeamNobodyNamesComesWithTheSREOrg(t *testing.T) {
	base := newOrg(t1("Checkout"), infra("Infra", ops))
	target := newOrg(t1("Checkout"), infra("Infra", ops), sreTeam("Future SRE", sreO, 4))
	p := checkPlan(t, base, target)
	if got := stageNames(p); !slices.Equal(got, []orgs.StageName{orgs.StageReportingLines}) {
		t.Errorf("stages %v, want the new team with the new SRE org in reporting-lines", got)
	}
}

// "A dev team new in TARGET is added here with the run of BASE's default (you) and takes its
// TARGET run in stage 3."
func TestPlanNewDevTeamStartsRunningItsOwn(t *testing.T) {
	base := newOrg(t1("Checkout"), sreTeam("Reliability", ops, 8))
	target := newOrg(t1("Checkout"), sreTeam("Reliability", ops, 8), yas("Payments", "Reliability"))
	p := checkPlan(t, base, target)
	if got := stageNames(p); !slices.Equal(got, []orgs.StageName{orgs.StageStaffing, orgs.StageWhoRunsIt}) {
		t.Fatalf("stages %v, want staffing then who-runs-it", got)
	}
	if tm := p.Stages[0].Model.Team("Payments"); tm == nil || tm.Run != orgs.RunYou {
		t.Errorf("after staffing Payments is %+v, want it running its own services", tm)
	}
}

// "A decrease (headcount or rotation lowered, on_call narrowed or set to none, secondary or
// site dropped) goes with the last stage that changes what that team responds for, else
// stage 1."
func TestPlanStaffingDecreaseWaitsForTheHandover(t *testing.T) {
	base := newOrg(yas("Checkout", "Old SRE"), sreTeam("Old SRE", ops, 9), sreTeam("New SRE", ops, 9))
	target := newOrg(yas("Checkout", "New SRE"), sreTeam("Old SRE", ops, 4), sreTeam("New SRE", ops, 9))
	p := checkPlan(t, base, target)
	if got := stageNames(p); !slices.Equal(got, []orgs.StageName{orgs.StageWhoRunsIt}) {
		t.Fatalf("stages %v, want one who-runs-it stage holding the handover and the smaller Old SRE", got)
	}
	if !hasDecision(&p.Stages[0], orgs.DecideStaffing, "Old SRE") {
		t.Errorf("decisions %v lack Old SRE's staffing", p.Stages[0].Decisions)
	}
	// an increase goes first
	target.Teams[1].Headcount = 12
	if got := stageNames(checkPlan(t, base, target)); !slices.Equal(got, []orgs.StageName{orgs.StageStaffing, orgs.StageWhoRunsIt}) {
		t.Errorf("stages %v, want the larger Old SRE in staffing first", got)
	}
}

// "a team added ... headcount or rotation raised, on_call widened, a secondary or a second
// site added" go in staffing; "A team's staffing changes in one stage are one decision".
func TestPlanOnCallWidenedIsStaffingFirst(t *testing.T) {
	base := newOrg(t1("Checkout"), sreTeam("Reliability", ops, 5))
	target := base.Clone()
	target.Teams[1].Headcount = 9
	target.Teams[1].OnCall = orgs.OnCall24x7
	p := checkPlan(t, base, target)
	if got := stageNames(p); !slices.Equal(got, []orgs.StageName{orgs.StageStaffing}) {
		t.Fatalf("stages %v, want staffing", got)
	}
	n := 0
	for _, d := range p.Stages[0].Decisions {
		if d.Subject == "Reliability" {
			n++
			if d.Kind != orgs.DecideStaffing || !strings.Contains(d.Detail, "headcount") || !strings.Contains(d.Detail, "on call") {
				t.Errorf("decision %+v, want one staffing decision with headcount and on call", d)
			}
		}
	}
	if n != 1 {
		t.Errorf("%d decisions about Reliability, want 1", n)
	}
}

// "A team removed in TARGET is removed in the first stage after which nobody runs with it,
// backs anything up with it, nor does it build a service."
func TestPlanRemovalAfterNobodyNeedsTheTeam(t *testing.T) {
	base := newOrg(yas("Checkout", "Old SRE"), t1("Search"), sreTeam("Old SRE", dev, 3), sreTeam("New SRE", dev, 3))
	base.Teams[1].Backup = "Old SRE"
	target := newOrg(yas("Checkout", "New SRE"), t1("Search"), sreTeam("New SRE", dev, 3))
	p := checkPlan(t, base, target)
	if got := stageNames(p); !slices.Equal(got, []orgs.StageName{orgs.StageWhoRunsIt}) || !hasDecision(&p.Stages[0], orgs.DecideStaffing, "Old SRE") {
		t.Errorf("stages %v; want Old SRE removed with the handover and the backup change", got)
	}
}

// "Gate (kind within-budget, one for the stage): the services that TARGET hands to
// sre-run-it while their TARGET error_budget_used > 1; text "hand over once within their
// error budgets: <services>""
func TestPlanWithinBudgetGate(t *testing.T) {
	base := newOrg(t1("Checkout"), t1("Search"), sreTeam("Reliability", ops, 8))
	over, under, target99 := 1.4, 0.5, 99.99
	base.Services = []orgs.Service{
		{Name: "Payments API", Team: "Checkout", Availability: &target99, ErrorBudgetUsed: &over},
		{Name: "Search API", Team: "Search", Availability: &target99, ErrorBudgetUsed: &under},
	}
	target := base.Clone()
	target.Teams[0] = srerun("Checkout", "Reliability")
	target.Teams[1] = srerun("Search", "Reliability")
	p := checkPlan(t, base, target)
	s := stageNamed(t, p, orgs.StageWhoRunsIt)
	if len(s.Gates) != 1 || s.Gates[0].Kind != orgs.GateWithinBudget || !slices.Equal(s.Gates[0].Services, []string{"Payments API"}) ||
		s.Gates[0].Text != "hand over once within their error budgets: Payments API" {
		t.Errorf("who-runs-it gates %+v, want one naming Payments API", s.Gates)
	}
}

// "every positioning change (hard since v3)" goes in reporting lines.
func TestPlanPositioningIsReportingLines(t *testing.T) {
	base := newOrg(yas("Checkout", "SRE"), sreTeam("SRE", sreO, 8))
	target := withPositioning(base.Clone(), orgs.PositionPartner)
	p := checkPlan(t, base, target)
	if got := stageNames(p); !slices.Equal(got, []orgs.StageName{orgs.StageReportingLines}) {
		t.Errorf("stages %v, want reporting-lines", got)
	}
}

// "A kind change goes in the latest stage that holds a run, run_with or backup change naming
// the team or made by it, else stage 1."
func TestPlanKindChangeWaitsForItsRunChanges(t *testing.T) {
	base := newOrg(opsrun("Checkout", "Ops"), t1("Search"), opsTeam("Ops"), sreTeam("SRE", ops, 8))
	target := newOrg(yas("Checkout", "SRE"), t1("Search"), in(team("Ops", ops, orgs.KindSRE, 6), ops), sreTeam("SRE", ops, 8))
	p := checkPlan(t, base, target)
	s := stageNamed(t, p, orgs.StageWhoRunsIt)
	if !slices.ContainsFunc(s.Decisions, func(d orgs.Decision) bool { return d.Subject == "Ops" && strings.Contains(d.Detail, "kind ops -> sre") }) {
		t.Errorf("who-runs-it decisions %v lack Ops's kind change", s.Decisions)
	}
}

// "--start YYYY-MM dates the stages: each lasts whole months and the next starts the month
// after the previous ends. Defaults ...: staffing 3 when it adds people ..., else 1; pilot
// the gate's window in months, rounded up (default 1); who-runs-it 2; reporting-lines 3"
func TestPlanDates(t *testing.T) {
	base, target := talkCase(t)
	p := orgs.MakePlan(base, target)
	var months []int
	for _, s := range p.Stages {
		months = append(months, s.Months)
		if !s.Start.IsZero() {
			t.Errorf("stage %d dated %v without a start", s.Number, s.Start)
		}
	}
	if !slices.Equal(months, []int{3, 1, 2, 3}) {
		t.Errorf("months %v, want 3 1 2 3", months)
	}
	start, err := orgs.ParseMonth("2026-11")
	if err != nil {
		t.Fatal(err)
	}
	p.Date(start, map[orgs.StageName]int{orgs.StageWhoRunsIt: 4})
	var spans []string
	for _, s := range p.Stages {
		spans = append(spans, s.Start.String()+".."+s.End.String())
	}
	want := []string{"2026-11..2027-01", "2027-02..2027-02", "2027-03..2027-06", "2027-07..2027-09"}
	if !slices.Equal(spans, want) {
		t.Errorf("dates %v, want %v", spans, want)
	}
	for _, bad := range []string{"2027-13", "2027-1", "27-01", "2027/01", "2027-00", " 2027-01"} {
		if _, err := orgs.ParseMonth(bad); err == nil {
			t.Errorf("ParseMonth(%q) took it", bad)
		}
	}
}

// "advisories raised, changed and cleared: a stage that makes a service over budget or a
// rotation thinner says so as plainly as one that clears something"
func TestPlanStageSaysWhatItRaises(t *testing.T) {
	base := newOrg(yas("Checkout", "SRE"), sreTeam("SRE", ops, 8))
	base.Teams[1] = onCall(base.Teams[1], orgs.OnCall24x7)
	target := base.Clone()
	target.Teams[1].Headcount = 6
	p := checkPlan(t, base, target)
	if len(p.Stages) != 1 || !slices.Contains(p.Stages[0].Raised, "thin-rotation") {
		t.Errorf("stages %+v; want the smaller team to raise thin-rotation", p.Stages)
	}
}

// "Differences that are no decision of section 4 (... services added, removed or moved,
// availability, error_budget_used ...) go with the first stage that touches that team, else
// stage 1, listed with kind other."
func TestPlanOtherDifferencesGoWithTheirTeam(t *testing.T) {
	base := newOrg(t1("Checkout"), t1("Search"), sreTeam("Reliability", ops, 8))
	target99, used := 99.9, 0.5
	base.Services = []orgs.Service{{Name: "Payments API", Team: "Checkout"}, {Name: "Search API", Team: "Search"}}
	target := base.Clone()
	target.Teams[0] = yas("Checkout", "Reliability")
	target.Services[0].Availability, target.Services[0].ErrorBudgetUsed = &target99, &used
	target.Services[1].Availability = &target99
	p := checkPlan(t, base, target)
	if got := stageNames(p); !slices.Equal(got, []orgs.StageName{orgs.StageStaffing, orgs.StageWhoRunsIt}) {
		t.Fatalf("stages %v, want staffing (Search's untouched team) then who-runs-it", got)
	}
	if !hasDecision(&p.Stages[1], orgs.DecideOther, "Checkout / Payments API") || !hasDecision(&p.Stages[0], orgs.DecideOther, "Search / Search API") {
		t.Errorf("stage decisions %v / %v: Payments API's target goes with Checkout's switch, Search API's first", p.Stages[0].Decisions, p.Stages[1].Decisions)
	}
}
