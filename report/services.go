package report

import (
	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/words"
)

// ServiceRows are the services table's rows, one per service in model order, user strings
// passed through esc.
func ServiceRows(an *orgs.Analysis, esc func(string) string) [][]string {
	rows := make([][]string, 0, len(an.Services))
	for i := range an.Services {
		rows = append(rows, words.ServiceRow(an, i, esc))
	}
	return rows
}

// ServiceTransitionRows are the service transitions: service, team, change, reason and
// the criteria that change ("-" for none).
func ServiceTransitionRows(an *orgs.Analysis, esc func(string) string) [][]string {
	rows := make([][]string, 0, len(an.Transition.Services))
	for _, t := range an.Transition.Services {
		service, team, change, reason := words.ServiceTransition(t, esc)
		rows = append(rows, []string{service, team, change, reason, criteriaCell(t.CriteriaChanges)})
	}
	return rows
}

// StaffingRows are the rotations, one row per team on call (words.StaffingRow); a rotation
// below its minimum is marked with "!" after its team.
func StaffingRows(an *orgs.Analysis, esc func(string) string) [][]string {
	rows := make([][]string, 0, len(an.Staffing.Rotations))
	for p := range an.Staffing.Rotations {
		rows = append(rows, words.StaffingRow(an, p, esc))
	}
	return rows
}
