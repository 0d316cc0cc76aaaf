package orgs

import "strconv"

// The JSON of docs/rules.md section 12: a service's `risk`, a rotation's
// `pages_per_person`, and the organization's `risk`, written directly in the contract's
// key order as the rest of the report is. Hours and pages have 2 decimals, shares and
// incident counts 4.

// riskRound2 and riskRound4 round for the report, never giving -0.
func riskRound2(x float64) float64 { return rnd2(x) + 0 }
func riskRound4(x float64) float64 { return rnd4(x) + 0 }

// appendServiceRisk appends `"risk": ...` to the object of a service whose opening line has
// indentation ind: null without incidents_per_month, else {"expected_incidents",
// "expected_downtime_hours", "p95_downtime_hours", "p_breach", "expected_budget_burn",
// "unattended"}.
func appendServiceRisk(b []byte, r *ServiceRisk, ind string) []byte {
	b = appendKey(b, ind, ',', "risk")
	if r == nil {
		return append(b, "null"...)
	}
	in := ind + "  "
	b = appendKey(b, in, '{', "expected_incidents")
	b = appendJSONFloat(b, riskRound4(r.ExpectedIncidents))
	b = appendKey(b, in, ',', "expected_downtime_hours")
	b = appendOptional(b, riskRound2(r.ExpectedDowntime), !r.Unattended)
	b = floatField(b, in, "p95_downtime_hours", riskRound2(r.P95Downtime))
	b = appendKey(b, in, ',', "p_breach")
	b = appendOptional(b, riskRound4(r.PBreach), r.HasTarget)
	b = appendKey(b, in, ',', "expected_budget_burn")
	burn, ok := r.BudgetBurn()
	b = appendOptional(b, riskRound4(burn), ok)
	b = appendKey(b, in, ',', "unattended")
	b = strconv.AppendBool(b, r.Unattended)
	return appendObjectEnd(b, in)
}

// appendOptional appends x, or null when it does not apply.
func appendOptional(b []byte, x float64, ok bool) []byte {
	if !ok {
		return append(b, "null"...)
	}
	return appendJSONFloat(b, x)
}

// appendPages appends pages as {"business", "off", "sleep"} at ind, or null for nil.
func appendPages(b []byte, p *Pages, ind string) []byte {
	if p == nil {
		return append(b, "null"...)
	}
	b = appendKey(b, ind, '{', "business")
	b = appendJSONFloat(b, riskRound2(p[PageBusiness]))
	b = floatField(b, ind, "off", riskRound2(p[PageOff]))
	b = floatField(b, ind, "sleep", riskRound2(p[PageSleep]))
	return appendObjectEnd(b, ind)
}

// MarshalJSON writes the pages as the report does, compact.
func (p Pages) MarshalJSON() ([]byte, error) { return appendPages(nil, &p, ""), nil }

// appendRisk appends the report's `"risk": ..., "risk_runs": N` at the top level.
func (an *Analysis) appendRisk(b []byte) []byte {
	b = append(b, ",\n  \"risk\": "...)
	b = an.Risk.appendJSON(b, "  ")
	b = append(b, ",\n  \"risk_runs\": "...)
	return strconv.AppendInt(b, int64(an.RiskRuns), 10)
}

// appendJSON appends the organization's risk at ind, or null for nil.
func (r *OrgRisk) appendJSON(b []byte, ind string) []byte {
	if r == nil {
		return append(b, "null"...)
	}
	b = intField(b, ind, '{', "services_with_rates", int64(r.ServicesWithRates))
	b = appendKey(b, ind, ',', "likely_breach")
	b = appendList(b, r.LikelyBreach, ind+"  ", appendListedString)
	b = floatField(b, ind, "expected_downtime_hours", riskRound2(r.ExpectedDowntime))
	b = appendKey(b, ind, ',', "max_sleep_pages_per_person")
	if r.MaxSleep == nil {
		b = append(b, "null"...)
	} else {
		in := ind + "  "
		b = stringField(b, in, '{', "team", r.MaxSleep.Team)
		b = floatField(b, in, "pages", riskRound2(r.MaxSleep.Pages))
		b = appendObjectEnd(b, in)
	}
	b = appendKey(b, ind, ',', "delta")
	in := ind + "  "
	b = intField(b, in, '{', "likely_breach", int64(r.Delta.LikelyBreach))
	b = floatField(b, in, "expected_downtime_hours", riskRound2(r.Delta.ExpectedDowntime))
	b = floatField(b, in, "max_sleep_pages_per_person", riskRound2(r.Delta.MaxSleepPages))
	b = appendObjectEnd(b, in)
	return appendObjectEnd(b, ind)
}

// MarshalJSON writes the organization's risk as the report does, compact.
// (encoding/json compacts what a marshaler returns).
func (r *OrgRisk) MarshalJSON() ([]byte, error) { return r.appendJSON(nil, ""), nil }
