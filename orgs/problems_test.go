package orgs_test

import (
	"errors"
	"fmt"
	"strings"
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
	for _, ex := range loadedExamples(t) {
		o := ex.Org
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

// Issue 9: 20,000 teams each naming a team that does not exist kept a load busy for
// minutes, a "did you mean" being worked out against every team for every name, shown or
// not. Now the shown messages keep their suggestions and the rest are counted.
func TestUnresolvedNamesSuggestOnlyForShownMessages(t *testing.T) {
	_, err := orgs.Load("unresolved.toml", gen.UnresolvedRunWith(orgs.MaxTeams))
	var le *orgs.LoadError
	if !errors.As(err, &le) {
		t.Fatalf("want a load error, got %v", err)
	}
	if n := len(le.Problems); n != orgs.MaxProblems+1 {
		t.Fatalf("%d problems listed, want %d and a last line", n, orgs.MaxProblems+1)
	}
	first := le.Problems[0].String()
	if !strings.Contains(first, `run_with "Tam 00000" names no team (did you mean "Team 00000"?)`) || le.Problems[0].Line != 10 {
		t.Errorf("first problem: %s", first)
	}
	last := le.Problems[orgs.MaxProblems].Msg
	if want := fmt.Sprintf("and %d more problems", orgs.MaxTeams-orgs.MaxProblems); !strings.Contains(last, want) {
		t.Errorf("last line %q, want %q", last, want)
	}
}
