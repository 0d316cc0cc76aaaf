package orgs_test

import (
	"testing"

	"github.com/sretopo/sretopo/internal/gen"
	"github.com/sretopo/sretopo/orgs"
)

// TestProblemsCountsTheServicesWithAProblem: the count the Services panel heads with is the
// number of services whose verdict has a problem, on every example and on a generated
// organization, fresh and after re-analyses told what changed.
func TestProblemsCountsTheServicesWithAProblem(t *testing.T) {
	count := func(an *orgs.Analysis) int {
		n := 0
		for k := range an.Services {
			if an.Services[k].Problem() {
				n++
			}
		}
		return n
	}
	check := func(what string, an *orgs.Analysis) {
		t.Helper()
		if got, want := an.ServiceVerdicts.Problems(), count(an); got != want {
			t.Errorf("%s: Problems() = %d, the verdicts say %d", what, got, want)
		}
	}
	for _, ex := range orgs.Examples() {
		o, err := orgs.Load(ex.Name+".toml", ex.Data)
		if err != nil {
			t.Fatal(err)
		}
		check(ex.Name, orgs.Analyse(o, o))
	}
	o, err := orgs.Load("gen.toml", gen.TOML(300, 7))
	if err != nil {
		t.Fatal(err)
	}
	a := orgs.NewAnalyser(o.Clone())
	an := a.Analyse(o)
	check("generated", an)
	some := 0
	for k := range o.Services {
		c, err := o.CycleServiceRun(k)
		if err != nil {
			continue
		}
		an = a.ReanalyseChanged(o, an, c.Touched())
		check("after cycling a service's run", an)
		if some++; some == 40 {
			break
		}
	}
}
