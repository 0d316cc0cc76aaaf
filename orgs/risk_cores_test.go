package orgs_test

import (
	"bytes"
	"runtime"
	"testing"

	"github.com/sretopo/sretopo/internal/gen"
	"github.com/sretopo/sretopo/orgs"
)

// TestReportJSONSameOnOneAndTwoCores: the services are simulated on every core, each on
// its own seed (docs/rules.md section 12), so the JSON report of a generated organization
// with rates is the same, byte for byte, on one core and on two.
func TestReportJSONSameOnOneAndTwoCores(t *testing.T) {
	o := gen.Org(1000, 5)
	reportOn := func(cores int) []byte {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(cores))
		orgs.ForgetRisks() // simulated again, not recalled
		rep := orgs.NewReport(o.Name, "gen.toml", "gen.toml", orgs.Analyse(o, o))
		if rep.Risk == nil || rep.Risk.ServicesWithRates < 100 {
			t.Fatalf("the generated organization has too few services with rates: %+v", rep.Risk)
		}
		var buf bytes.Buffer
		if err := rep.WriteJSON(&buf); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	one, two := reportOn(1), reportOn(2)
	if !bytes.Equal(one, two) {
		i := 0
		for i < len(one) && i < len(two) && one[i] == two[i] {
			i++
		}
		t.Fatalf("the report differs at byte %d between one core and two:\n one %q\n two %q", i,
			one[max(i-80, 0):min(i+80, len(one))], two[max(i-80, 0):min(i+80, len(two))])
	}
}
