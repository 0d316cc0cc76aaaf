package words

import (
	"fmt"
	"strings"

	"github.com/sretopo/sretopo/orgs"
)

// The Decide step's risk of each option (rules.md 12): the services likely to breach their
// error budget and the worst night load, the two figures the room argues about.

// DecideRiskRule says what the Decide step's risk page shows, above the options.
const DecideRiskRule = "Each option at the incident rates given: the services likely to spend more than their error budget in a window, and the rotation whose people are woken most. * marks the fewest."

// DecideBreach is an option's services likely to breach: "likely to breach 2 of 8
// services: Radiology reporting, Patient portal" or "likely to breach 0 of 8 services".
// User names through esc.
func DecideBreach(r *orgs.OrgRisk, esc Escape) string {
	out := fmt.Sprintf("likely to breach %d of %s", len(r.LikelyBreach), Count(r.ServicesWithRates, "service"))
	if len(r.LikelyBreach) == 0 {
		return out
	}
	names := make([]string, len(r.LikelyBreach))
	for i, n := range r.LikelyBreach {
		names[i] = esc(n)
	}
	return out + ": " + strings.Join(names, ", ")
}

// DecideNightLoad is an option's worst night load: "worst night load: "Cloud Operations",
// 0.28 sleep pages a person in 30 days", or "worst night load: nobody is woken".
func DecideNightLoad(r *orgs.OrgRisk, esc Escape) string {
	if r.MaxSleep == nil || Decimal(r.MaxSleep.Pages, 2) == "0" {
		return "worst night load: nobody is woken"
	}
	return fmt.Sprintf("worst night load: %s, %s sleep pages a person in 30 days", Quoted(esc, r.MaxSleep.Team), Decimal(r.MaxSleep.Pages, 2))
}

// DecideNoRates is an option's line when none of its services has an incident rate.
const DecideNoRates = "no incident rates: nothing to simulate"
