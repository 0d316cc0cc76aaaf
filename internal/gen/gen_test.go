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
