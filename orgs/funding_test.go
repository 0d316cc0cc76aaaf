package orgs

import "testing"

func TestCapexSplitByCostElseByHeadcount(t *testing.T) {
	cases := []struct {
		f    FundingVerdict
		want float64
	}{
		{FundingVerdict{HasCosts: true, CAPEX: HeadCost{2, 300}, OPEX: HeadCost{8, 100}}, 0.75},
		{FundingVerdict{HasCosts: false, CAPEX: HeadCost{2, 0}, OPEX: HeadCost{6, 0}}, 0.25},
		{FundingVerdict{HasCosts: true}, 0},
		{FundingVerdict{}, 0},
	}
	for _, c := range cases {
		if got := c.f.CapexSplit(); got != c.want {
			t.Errorf("%+v: %v, want %v", c.f, got, c.want)
		}
	}
}
