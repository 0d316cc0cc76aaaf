package report

import (
	"slices"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/words"
)

// ServiceRows are the services table's rows, one per service in model order, user strings
// passed through esc; the budget in minutes under an hour, with its window where it is
// not 30 days (words.ServiceBudget).
func ServiceRows(an *orgs.Analysis, esc func(string) string) [][]string {
	rows := make([][]string, 0, len(an.Services))
	for i := range an.Services {
		row := words.ServiceRow(an, i, esc)
		row[5] = words.ServiceBudget(&an.Services[i])
		rows = append(rows, row)
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

// StaffingRows are the rotations, one row per team on call, with who is on call at once
// and on how many sites after the pattern; a rotation below its minimum is marked with "!"
// after its team.
func StaffingRows(an *orgs.Analysis, esc func(string) string) [][]string {
	rows := make([][]string, 0, len(an.Staffing.Rotations))
	for p := range an.Staffing.Rotations {
		row := words.StaffingRow(an, p, esc)
		r := &an.Staffing.Rotations[p]
		rows = append(rows, slices.Concat(row[:2], []string{words.StaffingLayers(r), words.Sites(r)}, row[2:]))
	}
	return rows
}
