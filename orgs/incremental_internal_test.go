package orgs

import (
	"slices"
	"testing"
)

// TestTrackAgreesWithFactsOf: what the analysis keeps of every service (svcTrack) says what
// FactsOf says, for every example against every other and after cycling service runs.
func TestTrackAgreesWithFactsOf(t *testing.T) {
	var models []*Org
	for _, ex := range Examples() {
		o, err := Load(ex.Name+".toml", ex.Data)
		if err != nil {
			t.Fatal(err)
		}
		models = append(models, o)
		cycled := o.Clone()
		for k := range cycled.Services {
			for range k % 5 {
				if _, err := cycled.CycleServiceRun(k); err != nil {
					break
				}
			}
		}
		models = append(models, cycled)
	}
	for _, o := range models {
		a := NewAnalyser(o)
		sv := AnalyseServices(o, nil)
		names := make([]string, len(o.Teams))
		for i := range o.Teams {
			names[i] = o.Teams[i].Name
		}
		tr, _ := a.newTrack(o, sv, newServiceIndex(o.Services), &layout{names: names})
		f := FactsOf(o, sv.Runs)
		if tr.capexModel() != f.CAPEXModel {
			t.Errorf("%s: CAPEX model %v, FactsOf %v", o.Name, tr.capexModel(), f.CAPEXModel)
		}
		for n := 1; n <= 9; n++ {
			if tr.pureTopology(n) != f.PureTopology(n) {
				t.Errorf("%s: pure in topology %d: %v, FactsOf %v", o.Name, n, tr.pureTopology(n), f.PureTopology(n))
			}
		}
		exceptions := func(l []int) []int32 {
			var out []int32
			for _, k := range l {
				if sv.Runs[k].Exception {
					out = append(out, int32(k))
				}
			}
			return out
		}
		if !slices.Equal(tr.unorgExc, exceptions(f.Unorganized)) || !slices.Equal(tr.opsExc, exceptions(f.OpsRun)) {
			t.Errorf("%s: exceptions unorganized %v ops %v, FactsOf %v %v", o.Name, tr.unorgExc, tr.opsExc, f.Unorganized, f.OpsRun)
		}
		for i := range o.Teams {
			served := tr.serveN != nil && tr.serveN[i] > 0
			if served != (len(f.Serves[i]) > 0) || tr.serveN != nil && int(tr.serveN[i]) != len(f.Serves[i]) {
				t.Errorf("%s: team %d served by %v services, FactsOf %v", o.Name, i, tr.serveN, f.Serves[i])
			}
			var shares []int32
			if tr.shareWith != nil {
				shares = slices.Sorted(slices.Values(tr.shareWith[i]))
			}
			var want []int32
			for _, d := range f.SharesWith[i] {
				want = append(want, int32(d))
			}
			slices.Sort(want)
			if !slices.Equal(shares, want) {
				t.Errorf("%s: team %d shares on call with %v, FactsOf %v", o.Name, i, shares, want)
			}
		}
	}
}
