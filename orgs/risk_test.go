package orgs_test

import (
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/sretopo/sretopo/orgs"
)

// riskOrg is one dev team (8 people, on call as given) building one service "Checkout" with
// the given target (0 for none) and incidents a month.
func riskOrg(call orgs.OnCall, availability, rate float64) *orgs.Org {
	o := newOrg(onCall(hc(t1("Shop"), 8), call))
	s := orgs.Service{Name: "Checkout", Team: "Shop", IncidentsPerMonth: &rate}
	if availability > 0 {
		s.Availability = &availability
	}
	o.Services = []orgs.Service{s}
	return o
}

func near(got, want, tol float64) bool { return math.Abs(got-want) <= tol }

// TestRiskOneIncidentRespondedAlways works rules.md 12 by hand for one incident a month and a
// responder covering every hour: each incident engages after the 15 minutes of
// acknowledgement and takes the hour of restoring, so its downtime is 1.25 h; with a
// 99.9% target the 30-day budget is 0.72 h, which one incident spends: p_breach is the
// chance of at least one incident, 1 - e^-1; the 95th percentile window holds 3 incidents
// (P(N <= 2) = 0.92, P(N <= 3) = 0.98).
func TestRiskOneIncidentRespondedAlways(t *testing.T) {
	o := riskOrg(orgs.OnCall24x7, 99.9, 1)
	an := analyseSelf(t, o)
	r := an.Services[0].Risk
	if r == nil {
		t.Fatal("no risk for a service with incidents_per_month")
	}
	if r.ExpectedIncidents != 1 || !near(r.ExpectedDowntime, 1.25, 1e-12) || r.Unattended {
		t.Errorf("expected incidents %v, downtime %v, unattended %v; want 1, 1.25, false", r.ExpectedIncidents, r.ExpectedDowntime, r.Unattended)
	}
	if want := 1 - math.Exp(-1); !near(r.PBreach, want, 0.03) {
		t.Errorf("p_breach = %v, want within 0.03 of %v", r.PBreach, want)
	}
	if r.P95Downtime != 3*1.25 {
		t.Errorf("p95 downtime = %v, want 3.75 (three incidents)", r.P95Downtime)
	}
	if burn, ok := r.BudgetBurn(); !ok || !near(burn, 1.25/0.72, 1e-9) {
		t.Errorf("budget burn = %v %v, want 1.25/0.72", burn, ok)
	}
	// 24x7 on a rotation of 8: business 40 of 168 hours, sleep 9 hours a night, the rest off
	p := an.Staffing.Rotations[0].PagesPerPerson
	want := orgs.Pages{40.0 / 168 / 8, 65.0 / 168 / 8, 63.0 / 168 / 8}
	if p == nil || !near(p[0], want[0], 1e-12) || !near(p[1], want[1], 1e-12) || !near(p[2], want[2], 1e-12) {
		t.Errorf("pages per person = %v, want %v", p, want)
	}
	if an.Risk == nil || an.Risk.ServicesWithRates != 1 || !reflect.DeepEqual(an.Risk.LikelyBreach, []string{"Checkout"}) {
		t.Fatalf("organization risk = %+v, want Checkout likely to breach", an.Risk)
	}
	if a := advisory(an, "likely-breach"); a == nil {
		t.Error("likely-breach not raised for a service with p_breach above one half")
	} else if !strings.Contains(a.Message, "budget 43.2 min in 30 days") {
		// a budget under an hour in minutes, as every other budget (rules.md 7)
		t.Errorf("likely-breach does not say the budget in minutes: %s", a.Message)
	}
}

// TestRiskWorkingHoursOnly works the exact expected downtime of one incident a month with
// 8x5 cover by hand: over the 128 uncovered hours an incident waits, on average, the hours
// to 09:00 less half an hour: each of the 4 weeknights (17:00-09:00, 16 hours) sums
// 16x17/2 - 8 = 128, the weekend (64 hours) 64x65/2 - 32 = 2048; every incident then takes
// 1.25 h. The mean over the week is (4x128 + 2048 + 168x1.25) / 168; every page lands at
// 09:00 on a weekday, in business hours.
func TestRiskWorkingHoursOnly(t *testing.T) {
	an := analyseSelf(t, riskOrg(orgs.OnCall8x5, 0, 1))
	r := an.Services[0].Risk
	want := (4*128 + 2048 + 168*1.25) / 168
	if !near(r.ExpectedDowntime, want, 1e-9) {
		t.Errorf("expected downtime = %v, want %v", r.ExpectedDowntime, want)
	}
	if r.HasTarget {
		t.Error("a service without a target has a chance to breach")
	}
	p := an.Staffing.Rotations[0].PagesPerPerson
	if p == nil || !near(p[orgs.PageBusiness], 1.0/8, 1e-12) || p[orgs.PageOff] != 0 || p[orgs.PageSleep] != 0 {
		t.Errorf("pages per person = %v, want all 1/8 a month in business hours", p)
	}
}

// TestRiskUnattended: a service whose responders cover no hour loses the window at its first
// incident: no expected downtime, p_breach exactly the chance of at least one incident.
func TestRiskUnattended(t *testing.T) {
	an := analyseSelf(t, riskOrg(orgs.OnCallNone, 99.5, 0.5))
	r := an.Services[0].Risk
	if !r.Unattended {
		t.Fatal("a service nobody covers is not unattended")
	}
	if want := 1 - math.Exp(-0.5); r.PBreach != want {
		t.Errorf("p_breach = %v, want exactly %v", r.PBreach, want)
	}
	if _, ok := r.BudgetBurn(); ok {
		t.Error("an unattended service has a budget burn")
	}
	if an.Staffing.Rotations != nil && len(an.Staffing.Rotations) > 0 {
		t.Errorf("a team not on call has a rotation: %+v", an.Staffing.Rotations)
	}
	if an.Risk.ExpectedDowntime != 0 || an.Risk.MaxSleep != nil {
		t.Errorf("organization figures %+v, want no downtime summed and no pages", an.Risk)
	}
}

// TestRiskNoRates: without incidents_per_month there is no risk at all.
func TestRiskNoRates(t *testing.T) {
	o := riskOrg(orgs.OnCall24x7, 99.9, 1)
	o.Services[0].IncidentsPerMonth = nil
	an := analyseSelf(t, o)
	if an.Services[0].Risk != nil || an.Risk != nil || an.Staffing.Rotations[0].PagesPerPerson != nil {
		t.Errorf("risk without rates: %+v %+v", an.Services[0].Risk, an.Risk)
	}
}

// TestRiskBackupLayer: the talk's case, devs 8x5 with ops 24x7 behind them. The backup takes
// every incident outside working hours (and is listed last), which cuts the downtime to
// what a round-the-clock responder gives, and the devs take only business-hours pages.
func TestRiskBackupLayer(t *testing.T) {
	o := riskOrg(orgs.OnCall8x5, 99.9, 2)
	o.Teams = append(o.Teams, onCall(hc(opsTeam("Cloud Ops"), 8), orgs.OnCall24x7))
	o.Services[0].Backup = ptr("Cloud Ops")
	mustBeFileModel(t, o)
	an := analyseSelf(t, o)
	if got := an.Services[0].Responders; !reflect.DeepEqual(got, []string{"Shop", "Cloud Ops"}) {
		t.Fatalf("responders = %v, want the backup last", got)
	}
	r := an.Services[0].Risk
	if !near(r.ExpectedDowntime, 2*1.25, 1e-9) {
		t.Errorf("expected downtime = %v, want 2.5 (every hour covered)", r.ExpectedDowntime)
	}
	dev, ops := an.Staffing.Rotations[0].PagesPerPerson, an.Staffing.Rotations[1].PagesPerPerson
	if dev == nil || dev[orgs.PageOff] != 0 || dev[orgs.PageSleep] != 0 || !near(dev[orgs.PageBusiness], 2*40.0/168/8, 1e-12) {
		t.Errorf("dev pages = %v, want business hours only", dev)
	}
	if ops == nil || ops[orgs.PageBusiness] != 0 || !near(ops[orgs.PageSleep], 2*63.0/168/8, 1e-12) {
		t.Errorf("backup pages = %v, want every night's", ops)
	}
	// a backup that the team always covers before it takes no incident: null pages
	o.Teams[0].OnCall = orgs.OnCall24x7
	an = analyseSelf(t, o)
	if p := an.Staffing.Rotations[1].PagesPerPerson; p != nil {
		t.Errorf("a backup behind a 24x7 team takes pages %v, want none", p)
	}
}

// TestRiskBreachFallsWithCoverage: with the same incidents (same name, same seed), wider
// cover never raises the chance to breach; it falls from working hours to every hour.
func TestRiskBreachFallsWithCoverage(t *testing.T) {
	for seed := range 20 {
		name := fmt.Sprintf("Service %d", seed)
		rate := 0.2 + float64(seed)*0.3
		chance := func(call orgs.OnCall) float64 {
			in := orgs.RiskInput{Name: name, IncidentsPerMonth: rate, RestoreHours: 0.5, WindowDays: 28,
				Availability: ptr(99.5), Responders: []orgs.RiskResponder{{Week: orgs.Coverage(call), AckMinutes: 10}}}
			return orgs.SimulateRisk(&in, 2000, nil).PBreach
		}
		// nested covers: 8x5 within 8x7 and 24x5, both within 24x7
		p85, p87, p245, p247 := chance(orgs.OnCall8x5), chance(orgs.OnCall8x7), chance(orgs.OnCall24x5), chance(orgs.OnCall24x7)
		if p87 > p85 || p245 > p85 || p247 > p87 || p247 > p245 {
			t.Errorf("%s at %v a month: p_breach 8x5 %v, 8x7 %v, 24x5 %v, 24x7 %v: wider cover raised it", name, rate, p85, p87, p245, p247)
		}
		if p247 >= p85 {
			t.Errorf("%s: 24x7 cover (%v) does not lower p_breach below 8x5's (%v)", name, p247, p85)
		}
	}
}

// TestRiskBreachRisesWithRate: more incidents a month, a higher chance to breach.
func TestRiskBreachRisesWithRate(t *testing.T) {
	for seed := range 20 {
		name := fmt.Sprintf("Service %d", seed)
		prev := -1.0
		for _, rate := range []float64{0.1, 0.4, 1.6, 6.4} {
			in := orgs.RiskInput{Name: name, IncidentsPerMonth: rate, RestoreHours: 1, WindowDays: 30,
				Availability: ptr(99.9), Responders: []orgs.RiskResponder{{Week: orgs.Coverage(orgs.OnCall24x5), AckMinutes: 15}}}
			p := orgs.SimulateRisk(&in, 2000, nil).PBreach
			if p <= prev {
				t.Errorf("%s: p_breach %v at %v a month, not above %v at the rate before", name, p, rate, prev)
			}
			prev = p
		}
	}
}

// TestRiskDeterministicAndWithinSampling: the same service gives the same figures on every
// run, alone or among others, and 2,000 windows land within 0.03 of 100,000.
func TestRiskDeterministicAndWithinSampling(t *testing.T) {
	in := orgs.RiskInput{Name: "Payments", IncidentsPerMonth: 1.5, RestoreHours: 0.75, WindowDays: 28,
		Availability: ptr(99.8), Responders: []orgs.RiskResponder{{Week: orgs.Coverage(orgs.OnCall8x7), AckMinutes: 20}}}
	a, b := orgs.SimulateRisk(&in, 2000, nil), orgs.SimulateRisk(&in, 2000, make([]float64, 5000))
	if !reflect.DeepEqual(a, b) {
		t.Fatalf("two simulations of one service differ:\n%+v\n%+v", a, b)
	}
	big := orgs.SimulateRisk(&in, 100000, nil)
	if !near(a.PBreach, big.PBreach, 0.03) {
		t.Errorf("p_breach %v with 2,000 windows, %v with 100,000", a.PBreach, big.PBreach)
	}
	other := in
	other.Name = "PAYMENTS" // the same name folded: the same seed
	if c := orgs.SimulateRisk(&other, 2000, nil); c.PBreach != a.PBreach || c.P95Downtime != a.P95Downtime {
		t.Errorf("the same name in other case gives other figures: %v %v", c.PBreach, a.PBreach)
	}
	// in an organization: a service's figures do not depend on the services beside it
	o := riskOrg(orgs.OnCall8x7, 99.8, 1.5)
	alone := analyseSelf(t, o).Services[0].Risk
	o.Services = append([]orgs.Service{{Name: "Search", Team: "Shop", IncidentsPerMonth: ptr(3.0)}}, o.Services...)
	among := analyseSelf(t, o).Services[1].Risk
	if !reflect.DeepEqual(alone, among) {
		t.Errorf("Checkout alone %+v, beside another service %+v", alone, among)
	}
}

// TestRiskDeltaAgainstBaseline: moving the service's team from 8x5 to 24x7 lowers downtime
// and the count likely to breach against the baseline.
func TestRiskDeltaAgainstBaseline(t *testing.T) {
	base := riskOrg(orgs.OnCall8x5, 99.9, 1)
	cur := riskOrg(orgs.OnCall24x7, 99.9, 0.2)
	an := analyse(t, base, cur)
	baseAn := analyseSelf(t, base)
	d := an.Risk.Delta
	if want := an.Risk.ExpectedDowntime - baseAn.Risk.ExpectedDowntime; !near(d.ExpectedDowntime, want, 1e-12) || d.ExpectedDowntime >= 0 {
		t.Errorf("downtime delta %v, want %v (lower)", d.ExpectedDowntime, want)
	}
	if want := len(an.Risk.LikelyBreach) - len(baseAn.Risk.LikelyBreach); d.LikelyBreach != want || want != -1 {
		t.Errorf("likely-breach delta %v, want %v = -1", d.LikelyBreach, want)
	}
	if want := an.Risk.MaxSleep.Pages - 0; !near(d.MaxSleepPages, want, 1e-12) {
		t.Errorf("sleep pages delta %v, want %v (the baseline's devs are never paged at night)", d.MaxSleepPages, want)
	}
}

// TestLikelyBreachQuiet: a service with room in its budget for its incidents (99% over 30
// days is 7.2 h; one incident in five months, always covered) raises no likely-breach.
func TestLikelyBreachQuiet(t *testing.T) {
	an := analyseSelf(t, riskOrg(orgs.OnCall24x7, 99, 0.2))
	if a := advisory(an, "likely-breach"); a != nil {
		t.Errorf("likely-breach raised: %+v", a)
	}
	if an.Risk == nil || len(an.Risk.LikelyBreach) != 0 {
		t.Errorf("organization risk %+v, want nothing likely to breach", an.Risk)
	}
}

// TestDeferredRiskIsTheCallers: an analyser told to defer the risk leaves it to its caller,
// who gets the same analysis, advisories in the same order included, from the per-service
// functions and FinishDeferredRisk; also where an info advisory follows the warnings and no
// service advisory follows likely-breach (the dashboard once put it after the infos there).
func TestDeferredRiskIsTheCallers(t *testing.T) {
	base := riskOrg(orgs.OnCall8x5, 99.9, 1)
	withOpsRun := riskOrg(orgs.OnCall24x7, 99.9, 1)
	withOpsRun.Teams = append(withOpsRun.Teams, opsrun("Legacy", "Cloud Operations"), opsTeam("Cloud Operations"))
	for _, cur := range []*orgs.Org{riskOrg(orgs.OnCall24x7, 99.9, 1), withOpsRun} {
		mustBeFileModel(t, cur)
		want := analyse(t, base, cur)
		a := orgs.NewAnalyser(base)
		a.DeferRisk()
		got := a.Analyse(cur)
		if got.Risk != nil || got.Services[0].Risk != nil {
			t.Fatalf("a deferred analysis simulated: %+v", got.Risk)
		}
		if advisory(got, "likely-breach") != nil {
			t.Errorf("a deferred analysis raised likely-breach")
		}
		for k := range got.Services {
			got.Services[k].Risk = orgs.ServiceRiskOf(cur, k, &got.Services[k].ServiceRun, got.RiskRuns)
		}
		orgs.FinishDeferredRisk(cur, got, a.BaselineRisk())
		if !slices.Equal(codes(got), codes(want)) {
			t.Errorf("the caller's advisories %v, the analysis' %v", codes(got), codes(want))
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("the caller's analysis %+v differs from the analysis' %+v", got.Risk, want.Risk)
		}
	}
}
