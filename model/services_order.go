package model

import "github.com/sretopo/sretopo/orgs"

// nextServiceOrder moves the Services panel to its next order on `!`: file order, then,
// in a file with incident rates, likeliest to breach first, then worst status first, then
// file order again; it says the order now shown.
func (b *boardScreen) nextServiceOrder(o *orgs.Org) string {
	switch {
	case !b.byStatus && !b.byBreach && o.HasIncidentRates():
		b.byBreach = true
		return "Services panel: likeliest to breach its error budget first (! again: worst status first)"
	case !b.byStatus:
		b.byBreach, b.byStatus = false, true
		return "Services panel: worst status first (! again: file order)"
	}
	b.byBreach, b.byStatus = false, false
	return "Services panel: file order"
}
