package orgs

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// This file is docs/rules.md section 9, after the SRE book's on-call chapter: with a primary and
// a secondary on call, nobody should be on call more than 25% of the time. For each team on
// call it gives the hours each person carries, the smallest rotation that keeps the 25%,
// the people missing from the rotation, the people the team must hire and what they cost;
// and the thin-rotation advisory of section 10.

// maxOnCallShare is the most of the week one person should be on call.
const maxOnCallShare = 0.25

// MinimumRotation is the smallest rotation that keeps everyone on call at most 25% of the
// week with a primary and a secondary: ceil(2 x covered / 42) = ceil(covered / 21), so 8x5
// 2, 8x7 3, 24x5 6, 24x7 8 (0 for none).
func MinimumRotation(c OnCall) int {
	const most = int(maxOnCallShare * HoursPerWeek) // 42 hours a week
	return (2*CoveredHours(c) + most - 1) / most
}

// HoursPerPerson is how many hours a week each of rotation people is on call for covered
// hours: covered x min(2, rotation) / rotation (one person alone is primary only).
func HoursPerPerson(c OnCall, rotation int) float64 {
	if rotation < 1 {
		return 0
	}
	return float64(CoveredHours(c)*min(2, rotation)) / float64(rotation)
}

// EffectiveRotation is how many people of t take on-call shifts: its rotation when set,
// else its headcount (0 for a team that is not on call).
func (t *Team) EffectiveRotation() int {
	switch {
	case t.OnCall == OnCallNone || t.OnCall == "":
		return 0
	case t.Rotation > 0:
		return min(t.Rotation, t.Headcount)
	}
	return t.Headcount
}

// RotationStaffing is one team's rotation (an entry of the JSON `staffing.rotations`):
// {"team", "on_call", "rotation", "covered_hours", "hours_per_person", "share_of_week",
// "minimum", "needed", "hires", "hire_cost"}; hours rounded to 2 decimals, share to 4.
type RotationStaffing struct {
	Team           string  `json:"team"`
	OnCall         OnCall  `json:"on_call"`
	Rotation       int     `json:"rotation"`
	CoveredHours   int     `json:"covered_hours"`
	HoursPerPerson float64 `json:"hours_per_person"`
	ShareOfWeek    float64 `json:"share_of_week"`
	Minimum        int     `json:"minimum"`
	// Needed is the people missing from the rotation, max(0, minimum - rotation).
	Needed int `json:"needed"`
	// Hires is the people the team must hire, max(0, minimum - headcount): the others are
	// on the team already and only need to join the rotation.
	Hires    int   `json:"hires"`
	HireCost int64 `json:"hire_cost"`

	// TeamIndex is the team's index in the model.
	TeamIndex int `json:"-"`
	// Load is the unrounded HoursPerPerson, for comparisons.
	Load float64 `json:"-"`
}

// Short reports whether the rotation falls below its minimum (thin-rotation).
func (r *RotationStaffing) Short() bool { return r.Needed > 0 }

// StaffingTotals are the staffing totals, and the shape of their change against the
// baseline: JSON {"needed", "hires", "hire_cost"}.
type StaffingTotals struct {
	Needed   int   `json:"needed"`
	Hires    int   `json:"hires"`
	HireCost int64 `json:"hire_cost"`
}

// StaffingVerdict is the JSON `staffing` of docs/rules.md section 9: {"rotations", "needed",
// "hires", "hire_cost", "delta"}.
type StaffingVerdict struct {
	Rotations []RotationStaffing
	StaffingTotals
	// Delta is the change of the totals against the baseline.
	Delta StaffingTotals
}

// MarshalJSON writes the staffing with the totals inline, in docs/rules.md's key order.
func (s StaffingVerdict) MarshalJSON() ([]byte, error) {
	rot := s.Rotations
	if rot == nil {
		rot = []RotationStaffing{}
	}
	// without HTML escaping, as every other part of the report is written
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	err := enc.Encode(struct {
		Rotations []RotationStaffing `json:"rotations"`
		Needed    int                `json:"needed"`
		Hires     int                `json:"hires"`
		HireCost  int64              `json:"hire_cost"`
		Delta     StaffingTotals     `json:"delta"`
	}{rot, s.Needed, s.Hires, s.HireCost, s.Delta})
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), err
}

// RotationOf is the staffing of the team at index i of o, and false when it is not on call.
func RotationOf(o *Org, i int) (RotationStaffing, bool) {
	t := &o.Teams[i]
	rot := t.EffectiveRotation()
	if rot == 0 {
		return RotationStaffing{}, false
	}
	r := RotationStaffing{Team: t.Name, OnCall: t.OnCall, Rotation: rot, CoveredHours: CoveredHours(t.OnCall),
		Minimum: MinimumRotation(t.OnCall), TeamIndex: i}
	r.Load = HoursPerPerson(t.OnCall, rot)
	r.HoursPerPerson = rnd2(r.Load)
	r.ShareOfWeek = rnd4(r.Load / HoursPerWeek)
	r.Needed = max(0, r.Minimum-rot)
	r.Hires = max(0, r.Minimum-t.Headcount)
	r.HireCost = int64(r.Hires) * o.CostPerHead(t)
	return r, true
}

// StaffingOf is the staffing of every team of o that is on call, in model order, with the
// totals (Delta zero: see StaffingAgainst).
func StaffingOf(o *Org) StaffingVerdict { return staffingInto(o, nil) }

// staffingInto is StaffingOf(o), its rotations written over buf's memory when it has room
// (a re-analysis passes the previous analysis' rotations, sparing megabytes a keystroke).
func staffingInto(o *Org, buf []RotationStaffing) StaffingVerdict {
	if buf == nil {
		n := 0
		for i := range o.Teams {
			if o.Teams[i].EffectiveRotation() > 0 {
				n++
			}
		}
		buf = make([]RotationStaffing, 0, n)
	}
	s := StaffingVerdict{Rotations: buf[:0]}
	for i := range o.Teams {
		r, ok := RotationOf(o, i)
		if !ok {
			continue
		}
		s.Rotations = append(s.Rotations, r)
		s.Needed += r.Needed
		s.Hires += r.Hires
		s.HireCost += r.HireCost
	}
	return s
}

// StaffingAgainst is the staffing of cur with the change of its totals against base.
func StaffingAgainst(base, cur *Org) StaffingVerdict {
	s := StaffingOf(cur)
	s.Delta = s.StaffingTotals.Minus(StaffingOf(base).StaffingTotals)
	return s
}

// Minus is t - u, total by total.
func (t StaffingTotals) Minus(u StaffingTotals) StaffingTotals {
	return StaffingTotals{Needed: t.Needed - u.Needed, Hires: t.Hires - u.Hires, HireCost: t.HireCost - u.HireCost}
}

// ThinRotation is the thin-rotation advisory (docs/rules.md section 10) for the rotations of s,
// every on-call pattern alike, or nil when no rotation falls short. Its message says, for
// each team, how many people to add to the rotation and how many to hire.
func ThinRotation(s *StaffingVerdict) *Advisory {
	var teams, details []string
	for i := range s.Rotations {
		r := &s.Rotations[i]
		if !r.Short() {
			continue
		}
		teams = append(teams, r.Team)
		if len(details) < advisedResponseLimit {
			details = append(details, fmt.Sprintf("%q (%s, rotation %d, minimum %d): add %d to the rotation, hire %d", r.Team, r.OnCall, r.Rotation, r.Minimum, r.Needed, r.Hires))
		}
	}
	if len(teams) == 0 {
		return nil
	}
	list := strings.Join(details, "; ")
	if rest := len(teams) - len(details); rest > 0 {
		list += fmt.Sprintf(" and %d more", rest)
	}
	return &Advisory{Code: "thin-rotation", Severity: Warning, Teams: teams, Services: []string{},
		Message: fmt.Sprintf("Rotations too thin for a primary and a secondary with nobody on call more than a quarter of the week: %s.", list)}
}
