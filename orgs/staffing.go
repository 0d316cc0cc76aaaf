package orgs

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// This file is docs/rules.md section 9, after the SRE book's "Being On-Call": on call at most
// 25% of an engineer's time, which for week-long shifts with a primary and a secondary gives
// "each engineer is on-call (primary or secondary) for one week every month", a minimum of
// eight for a single-site rotation, and six per site for a dual-site one. For each team on
// call it gives the weeks each person is on call, the hours, the smallest rotation that keeps
// the limit, the people missing from the rotation, the people the team must hire and what
// they cost; and the thin-rotation advisory of section 10.
//
// Version 2 divided on-call hours by the 168-hour week, which let two people carry an 8x5
// rotation with each of them on call every single week; it counted the wrong thing.

// Layers is how many people are on call at once: 2 with a secondary, else 1.
func (t *Team) Layers() int {
	if t.HasSecondary() {
		return 2
	}
	return 1
}

// MinimumRotation is the smallest rotation that keeps each person on call (primary or
// secondary) at most a quarter of the weeks on one site, a third on each of two (the book's
// six per site): sites x ceil(layers / limit), so 8 with a secondary and 4 without on one
// site, 12 and 6 on two.
func MinimumRotation(layers, sites int) int {
	if sites == 2 {
		return 2 * 3 * layers // limit 1/3: ceil(layers x 3)
	}
	return 4 * layers // limit 1/4
}

// OffHours is how many of the hours c covers fall outside Monday to Friday 09:00-17:00
// (8x5 0, 8x7 16, 24x5 80, 24x7 128).
func OffHours(c OnCall) int {
	return CoveredHours(c) - Coverage(c).Intersect(Coverage(OnCall8x5)).Hours()
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
// {"team", "on_call", "layers", "sites", "rotation", "covered_hours", "hours_per_person",
// "off_hours_per_person", "weeks_share", "minimum", "needed", "hires", "hire_cost"}; hours
// rounded to 2 decimals, the share of weeks to 4.
type RotationStaffing struct {
	Team   string `json:"team"`
	OnCall OnCall `json:"on_call"`
	// Layers is 2 with a secondary on call beside the primary, else 1.
	Layers int `json:"layers"`
	// Sites is 1, or 2 when the rotation follows the sun.
	Sites        int `json:"sites"`
	Rotation     int `json:"rotation"`
	CoveredHours int `json:"covered_hours"`
	// HoursPerPerson and OffHoursPerPerson are the covered hours, and those outside
	// weekday working hours, each person carries a week on average: they inform; the
	// minimum comes from the weeks.
	HoursPerPerson    float64 `json:"hours_per_person"`
	OffHoursPerPerson float64 `json:"off_hours_per_person"`
	// WeeksShare is the share of weeks each person is on call, primary or secondary:
	// min(1, layers x sites / rotation).
	WeeksShare float64 `json:"weeks_share"`
	Minimum    int     `json:"minimum"`
	// Needed is the people missing from the rotation, max(0, minimum - rotation).
	Needed int `json:"needed"`
	// Hires is the people the team must hire, max(0, minimum - headcount): the others are
	// on the team already and only need to join the rotation.
	Hires    int   `json:"hires"`
	HireCost int64 `json:"hire_cost"`
	// PagesPerPerson are the pages a person takes in 30 days by class (docs/rules.md
	// section 12), nil when the team takes no incident of a service with a rate.
	PagesPerPerson *Pages `json:"pages_per_person"`

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
	layers, sites := t.Layers(), t.SiteCount()
	r := RotationStaffing{Team: t.Name, OnCall: t.OnCall, Layers: layers, Sites: sites, Rotation: rot,
		CoveredHours: CoveredHours(t.OnCall), Minimum: MinimumRotation(layers, sites), TeamIndex: i}
	r.Load = float64(r.CoveredHours*layers) / float64(rot)
	r.HoursPerPerson = rnd2(r.Load)
	r.OffHoursPerPerson = rnd2(float64(OffHours(t.OnCall)*layers) / float64(rot))
	r.WeeksShare = rnd4(min(1, float64(layers*sites)/float64(rot)))
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
			details = append(details, fmt.Sprintf("%q (%s, %s, rotation %d, minimum %d): add %d to the rotation, hire %d%s",
				r.Team, r.OnCall, rotationShape(r), r.Rotation, r.Minimum, r.Needed, r.Hires, dropSecondary(r)))
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
		Message: fmt.Sprintf("Rotations too thin for each person to be on call at most one week in four (one in three on each of two sites): %s; or pool the rotation with another team.", list)}
}

// rotationShape says who is on call at once and where: "primary and secondary, 2 sites".
func rotationShape(r *RotationStaffing) string {
	shape := "primary only"
	if r.Layers == 2 {
		shape = "primary and secondary"
	}
	if r.Sites == 2 {
		shape += ", 2 sites"
	}
	return shape
}

// dropSecondary names the other way out for a rotation with a secondary: without it, the
// minimum halves.
func dropSecondary(r *RotationStaffing) string {
	if r.Layers < 2 {
		return ""
	}
	return fmt.Sprintf(", or drop the secondary (minimum %d)", MinimumRotation(1, r.Sites))
}
