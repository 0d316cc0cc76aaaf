package importer

import (
	"testing"

	"github.com/sretopo/sretopo/orgs"
)

func TestScheduleRestrictionsGiveTheNearestPattern(t *testing.T) {
	weekdays := func(start string, hours int) []pdRestriction {
		var rs []pdRestriction
		for d := 1; d <= 5; d++ {
			rs = append(rs, pdRestriction{Type: "weekly_restriction", StartTimeOfDay: start, DurationSeconds: hours * 3600, StartDayOfWeek: d})
		}
		return rs
	}
	for _, tc := range []struct {
		name string
		rs   []pdRestriction
		want orgs.OnCall
		diff int
	}{
		{"no restriction", nil, orgs.OnCall24x7, 0},
		{"daily 08:00-17:00", []pdRestriction{{Type: "daily_restriction", StartTimeOfDay: "08:00:00", DurationSeconds: 9 * 3600}}, orgs.OnCall8x7, 7},
		{"daily 09:00-17:00", []pdRestriction{{Type: "daily_restriction", StartTimeOfDay: "09:00:00", DurationSeconds: 8 * 3600}}, orgs.OnCall8x7, 0},
		{"weekdays 09:00-17:00", weekdays("09:00:00", 8), orgs.OnCall8x5, 0},
		{"Monday to Saturday 00:00", []pdRestriction{{Type: "weekly_restriction", StartTimeOfDay: "00:00:00", DurationSeconds: 120 * 3600, StartDayOfWeek: 1}}, orgs.OnCall24x5, 0},
		{"weekdays 07:00-19:00", weekdays("07:00:00", 12), orgs.OnCall8x5, 20},
		// Sunday 22:00 for four hours wraps round the end of the week into Monday
		{"wrapping", []pdRestriction{{Type: "weekly_restriction", StartTimeOfDay: "22:00:00", DurationSeconds: 4 * 3600, StartDayOfWeek: 7}}, orgs.OnCall8x5, 44},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w, err := restrictionWeek(tc.rs)
			if err != nil {
				t.Fatal(err)
			}
			got, diff := nearestPattern(w)
			if got != tc.want || diff != tc.diff {
				t.Errorf("pattern %s differing in %d hours, want %s in %d", got, diff, tc.want, tc.diff)
			}
		})
	}
}

func TestABadRestrictionIsAnError(t *testing.T) {
	for _, r := range []pdRestriction{
		{Type: "monthly_restriction", StartTimeOfDay: "09:00:00"},
		{Type: "daily_restriction", StartTimeOfDay: "25:00:00"},
		{Type: "weekly_restriction", StartTimeOfDay: "09:00:00", StartDayOfWeek: 0},
	} {
		if _, err := restrictionWeek([]pdRestriction{r}); err == nil {
			t.Errorf("%+v accepted", r)
		}
	}
}
