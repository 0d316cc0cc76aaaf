package orgs

// CapexSplit is the CAPEX part of the CAPEX/OPEX split that the dashboard draws: by cost
// when costs are known, else by headcount; 0 for an organization with nobody in it.
func (f *FundingVerdict) CapexSplit() float64 {
	if f.HasCosts {
		if total := f.CAPEX.Cost + f.OPEX.Cost; total > 0 {
			return float64(f.CAPEX.Cost) / float64(total)
		}
		return 0
	}
	if total := f.CAPEX.Headcount + f.OPEX.Headcount; total > 0 {
		return float64(f.CAPEX.Headcount) / float64(total)
	}
	return 0
}
