package orgs

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// PercentWords writes a share as a percentage with one decimal at most, as the reports'
// tables and the advisories do ("53.9%" for 0.5395).
func PercentWords(share float64) string {
	return strings.TrimSuffix(strconv.FormatFloat(share*100, 'f', 1, 64), ".0") + "%"
}

// FinishDeferredRisk completes an analysis an of cur that left the risk to its caller
// (Analyser.DeferRisk) once its services have their risk: the organization's figures
// against base (the baseline's, Analyser.BaselineRisk), the rotations' pages, and the
// likely-breach advisory (replacing an earlier one) where the analysis lists it: among the
// warnings, in the order of docs/rules.md's table.
func FinishDeferredRisk(cur *Org, an *Analysis, base *OrgRisk) {
	an.Risk = OrgRiskOf(cur, an.Services, &an.Staffing)
	an.Risk.Against(base)
	advisories := slices.DeleteFunc(slices.Clone(an.Advisories), func(a Advisory) bool { return a.Code == likelyBreachCode })
	if a := likelyBreach(an); a.message != "" {
		lb := Advisory{Code: likelyBreachCode, Severity: Warning, Message: a.message, Teams: a.teams, Services: a.services}
		at := slices.IndexFunc(advisories, func(b Advisory) bool { return listedBefore(lb, b) })
		if at < 0 {
			at = len(advisories)
		}
		advisories = slices.Insert(advisories, at, lb)
	}
	an.Advisories = advisories
}

// likelyBreachCode is the code of the one advisory a deferred analysis leaves to its caller.
const likelyBreachCode = "likely-breach"

// likelyBreach is the likely-breach advisory of docs/rules.md section 10: the services whose
// simulated chance to spend more than their error budget in a window is above one half,
// with the teams that build them.
func likelyBreach(an *Analysis) advice {
	if an.Risk == nil || len(an.Risk.LikelyBreach) == 0 {
		return advice{}
	}
	var teams, details []string
	seen := map[string]bool{}
	for k := range an.Services {
		v := &an.Services[k]
		if !v.Risk.LikelyBreach() {
			continue
		}
		if key := FoldName(v.Team); !seen[key] {
			seen[key] = true
			teams = append(teams, v.Team)
		}
		if len(details) < advisedResponseLimit {
			details = append(details, fmt.Sprintf("%q (%s chance, budget %s in %d days)",
				v.Name, PercentWords(v.Risk.PBreach), BudgetWords(v.Risk.BudgetHours), int(v.Risk.BudgetWindowDays())))
		}
	}
	list := strings.Join(details, "; ")
	if rest := len(an.Risk.LikelyBreach) - len(details); rest > 0 {
		list += fmt.Sprintf(" and %d more", rest)
	}
	return advice{teams: teams, services: an.Risk.LikelyBreach,
		message: fmt.Sprintf("Likely to spend more than the error budget in a window, at the incident rates given: %s. Cover more hours, engage faster or restore faster, or lower the target.", list)}
}
