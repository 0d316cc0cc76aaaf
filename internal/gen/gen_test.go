package gen

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/sretopo/sretopo/orgs"
)

func TestGeneratedOrganizationsValidate(t *testing.T) {
	for _, n := range []int{1, 2, 3, 7, 100, 1000, 10000} {
		data := TOML(n, 1)
		o, err := orgs.Load("gen.toml", data)
		if err != nil {
			t.Fatalf("%d teams: %v", n, err)
		}
		if len(o.Teams) != n {
			t.Errorf("%d teams asked, %d generated", n, len(o.Teams))
		}
		if want := Org(n, 1); !reflect.DeepEqual(o, want) {
			t.Errorf("%d teams: the loaded file differs from Org()", n)
		}
	}
}

func TestGenerationIsDeterministic(t *testing.T) {
	if !bytes.Equal(TOML(1000, 42), TOML(1000, 42)) {
		t.Error("the same seed gave two files")
	}
	if bytes.Equal(TOML(1000, 42), TOML(1000, 43)) {
		t.Error("two seeds gave the same file")
	}
}

func TestMix(t *testing.T) {
	o := Org(10000, 1)
	kinds := map[orgs.Kind]int{}
	runs := map[orgs.Run]int{}
	orgsOfSRE := map[orgs.OrgID]int{}
	for _, tm := range o.Teams {
		kinds[tm.Kind]++
		if tm.Kind == orgs.KindDev {
			runs[tm.Run]++
		}
		if tm.Kind == orgs.KindSRE {
			orgsOfSRE[tm.Org]++
		}
		if tm.Headcount < 3 || tm.Headcount > 12 {
			t.Errorf("team %q has %d people", tm.Name, tm.Headcount)
		}
	}
	if kinds[orgs.KindDev] != 7500 || kinds[orgs.KindSRE] != 937 || kinds[orgs.KindSREInfra] != 100 || kinds[orgs.KindOps] != 1463 {
		t.Errorf("kinds: %v", kinds)
	}
	if runs[orgs.RunYou] < runs[orgs.RunYouAndSRE] || runs[orgs.RunYouAndSRE] == 0 || runs[orgs.RunSRE] == 0 || runs[orgs.RunOps] == 0 || runs[orgs.RunNone] == 0 {
		t.Errorf("runs: %v", runs)
	}
	for _, org := range orgs.AllOrgs {
		if orgsOfSRE[org] == 0 {
			t.Errorf("no SRE team in the %s org: %v", org, orgsOfSRE)
		}
	}
	if len(o.Services) < 1000 {
		t.Errorf("%d services", len(o.Services))
	}
}

func TestServicesRotationsAndMeasuredKPIs(t *testing.T) {
	o := Org(10000, 1)
	if len(o.Services) != 20000 || ServiceCount(10000) != 20000 {
		t.Errorf("%d services at 10,000 teams, want 20,000", len(o.Services))
	}
	own := map[orgs.Run]int{}
	targets := 0
	for _, s := range o.Services {
		own[s.Run]++
		if s.Availability != nil {
			targets++
		}
	}
	for _, r := range orgs.AllRuns {
		if own[r] == 0 {
			t.Errorf("no service sets run = %s: %v", r, own)
		}
	}
	if own[""] < 15000 || targets < 10000 {
		t.Errorf("%d services follow their team, %d have a target", own[""], targets)
	}
	v := orgs.AnalyseServices(o, nil)
	exceptions := 0
	for _, sv := range v.Services {
		if sv.Exception {
			exceptions++
		}
	}
	if exceptions < 1000 || len(v.Advice) != 3 {
		t.Errorf("%d exceptions, %d service advisories", exceptions, len(v.Advice))
	}
	rotations := 0
	for _, tm := range o.Teams {
		if tm.Rotation > 0 {
			rotations++
		}
	}
	s := orgs.StaffingOf(o)
	if rotations < 1000 || s.Needed == 0 || orgs.ThinRotation(&s) == nil {
		t.Errorf("%d explicit rotations, %d people needed", rotations, s.Needed)
	}
	measured := 0
	for i := range o.KPIs {
		if orgs.MeasureKPI(&o.KPIs[i]).Status != orgs.KPIUnmeasured {
			measured++
		}
	}
	if measured != 2 {
		t.Errorf("%d measured KPIs, want 2", measured)
	}
	if n := len(Org(orgs.MaxTeams, 1).Services); n != ServiceCount(orgs.MaxTeams) || n == 0 {
		t.Errorf("%d services at %d teams", n, orgs.MaxTeams)
	}
}
