package orgs

import (
	"fmt"
	"strconv"
	"strings"
)

// percentWords writes a share as a percentage with one decimal at most, as the reports'
// tables do ("53.9%" for 0.5395).
func percentWords(share float64) string {
	return strings.TrimSuffix(strconv.FormatFloat(share*100, 'f', 1, 64), ".0") + "%"
}

// LikelyBreachAdvisory is the likely-breach advisory of an analysis whose risk its caller
// set (Analyser.DeferRisk), nil when nothing is likely to breach; the caller puts it
// among the advisories where docs/rules.md's table does, before coverage-gap.
func LikelyBreachAdvisory(an *Analysis) *Advisory {
	a := likelyBreach(an)
	if a.message == "" {
		return nil
	}
	return &Advisory{Code: "likely-breach", Severity: Warning, Message: a.message, Teams: a.teams, Services: a.services}
}

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
				v.Name, percentWords(v.Risk.PBreach), BudgetWords(v.Risk.BudgetHours), int(v.Risk.BudgetWindowDays())))
		}
	}
	list := strings.Join(details, "; ")
	if rest := len(an.Risk.LikelyBreach) - len(details); rest > 0 {
		list += fmt.Sprintf(" and %d more", rest)
	}
	return advice{teams: teams, services: an.Risk.LikelyBreach,
		message: fmt.Sprintf("Likely to spend more than the error budget in a window, at the incident rates given: %s. Cover more hours, engage faster or restore faster, or lower the target.", list)}
}
