package importer

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/sretopo/sretopo/orgs"
)

// week is the 168-hour week of rules.md 8, starting Monday 00:00: which hours are covered.
type week [168]bool

// minutesPerWeek is the resolution restrictions are laid on before they become hours.
const minutesPerWeek = 7 * 24 * 60

// restrictionWeek lays a schedule layer's restrictions on the week: a daily restriction every
// day, a weekly one once, each from its start for its duration (wrapping round the week). An
// hour counts as covered when at least half of it is. No restriction covers the whole week.
func restrictionWeek(rs []pdRestriction) (week, error) {
	var w week
	if len(rs) == 0 {
		for h := range w {
			w[h] = true
		}
		return w, nil
	}
	var minutes [minutesPerWeek]bool
	for _, r := range rs {
		start, err := timeOfDay(r.StartTimeOfDay)
		if err != nil {
			return w, err
		}
		switch r.Type {
		case "daily_restriction":
			for d := range 7 {
				mark(&minutes, d*1440+start, r.DurationSeconds/60)
			}
		case "weekly_restriction":
			if r.StartDayOfWeek < 1 || r.StartDayOfWeek > 7 {
				return w, fmt.Errorf("start_day_of_week %d is not 1 (Monday) to 7 (Sunday)", r.StartDayOfWeek)
			}
			mark(&minutes, (r.StartDayOfWeek-1)*1440+start, r.DurationSeconds/60)
		default:
			return w, fmt.Errorf("restriction type %q is neither daily_restriction nor weekly_restriction", orgs.Cut(r.Type))
		}
	}
	for h := range w {
		n := 0
		for _, on := range minutes[h*60 : h*60+60] {
			if on {
				n++
			}
		}
		w[h] = n >= 30
	}
	return w, nil
}

func mark(m *[minutesPerWeek]bool, start, length int) {
	length = min(max(length, 0), minutesPerWeek)
	for i := range length {
		m[(start+i)%minutesPerWeek] = true
	}
}

// timeOfDay reads "HH:MM:SS" (or "HH:MM") as minutes after midnight.
func timeOfDay(s string) (int, error) {
	parts := strings.Split(s, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return 0, fmt.Errorf("start_time_of_day %q is not HH:MM:SS", orgs.Cut(s))
	}
	h, err1 := strconv.Atoi(parts[0])
	m, err2 := strconv.Atoi(parts[1])
	if err1 != nil || err2 != nil || h < 0 || h > 23 || m < 0 || m > 59 {
		return 0, fmt.Errorf("start_time_of_day %q is not HH:MM:SS", orgs.Cut(s))
	}
	return h*60 + m, nil
}

func (w *week) union(o week) {
	for h := range w {
		w[h] = w[h] || o[h]
	}
}

// coverage is the week an on_call value covers (rules.md 8).
func coverage(oc orgs.OnCall) week {
	var w week
	for h := range w {
		day, hour := h/24, h%24
		switch oc {
		case orgs.OnCall8x5:
			w[h] = day < 5 && hour >= 9 && hour < 17
		case orgs.OnCall8x7:
			w[h] = hour >= 9 && hour < 17
		case orgs.OnCall24x5:
			w[h] = day < 5
		case orgs.OnCall24x7:
			w[h] = true
		}
	}
	return w
}

// nearestPattern is the on_call value whose week differs from w in the fewest hours (ties:
// the larger), and by how many hours.
func nearestPattern(w week) (orgs.OnCall, int) {
	best, bestDiff := orgs.OnCallNone, len(w)+1
	for _, oc := range []orgs.OnCall{orgs.OnCall24x7, orgs.OnCall24x5, orgs.OnCall8x7, orgs.OnCall8x5} {
		c := coverage(oc)
		diff := 0
		for h := range w {
			if w[h] != c[h] {
				diff++
			}
		}
		if diff < bestDiff {
			best, bestDiff = oc, diff
		}
	}
	return best, bestDiff
}

// coversMore reports whether w covers at least one hour that o does not.
func (w week) coversMore(o week) bool {
	for h := range w {
		if w[h] && !o[h] {
			return true
		}
	}
	return false
}
