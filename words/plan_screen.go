package words

import (
	"fmt"

	"github.com/sretopo/sretopo/orgs"
)

// PlanDatesFrom says from which month a plan's dates run when no start was given: the
// month after today ("dates from 2027-01, the month after this one").
func PlanDatesFrom(start orgs.Month) string {
	return "dates from " + start.String() + ", the month after this one"
}

// StageHeading is a stage's line on a timeline: its number among k, its name in two or
// three words and when ("Stage 1 of 4: Staff first, 2027-01 to 2027-03, 3 months").
func StageHeading(s *orgs.Stage, k int) string {
	return fmt.Sprintf("Stage %d of %d: %s, %s", s.Number, k, StageShort(s.Name), StageWhen(s))
}

// StageIdentity is the identity the model after a stage breeds ("identity: incident-centric,
// 6 of 6 SRE people").
func StageIdentity(a *orgs.Analysis) string { return "identity: " + IdentityHeadline(a.Identity) }

// NoGate is the gate line of a stage that waits for nothing before the next.
const NoGate = "before the next stage: nothing to wait for"

// StagePilots names the dev teams that pilot a stage ("piloting: Viewer, Reporting"), user
// names through esc.
func StagePilots(pilots []string, esc Escape) string {
	out := "piloting: "
	for i, p := range pilots {
		if i > 0 {
			out += ", "
		}
		out += esc(p)
	}
	return out
}
