package orgs

import (
	"reflect"
	"testing"
)

// step runs one edit on o and holds that it leaves a model the loader takes and undoes exactly.
func step(t *testing.T, o *Org, edit func() (*Change, error)) *Change {
	t.Helper()
	before := Marshal(o)
	c, err := edit()
	if err != nil {
		t.Fatal(err)
	}
	checkValid(t, o)
	checkReversible(t, o, before, c)
	return c
}

// The talk's staffing what-if: the devs go 8h/5d, ops 24h/5d. On call cycles through every
// pattern and back to none, which takes the rotation, the secondary and the sites with it.
func TestCycleOnCall(t *testing.T) {
	o := loadEditServices(t)
	i := o.TeamIndex("Billing") // 24x5, rotation 3
	step(t, o, func() (*Change, error) { return o.ToggleSites(i) })
	var got []OnCall
	for range AllOnCalls {
		step(t, o, func() (*Change, error) { return o.CycleOnCall(i) })
		got = append(got, o.Teams[i].OnCall)
	}
	want := []OnCall{OnCall24x7, OnCallNone, OnCall8x5, OnCall8x7, OnCall24x5}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("on call went %q, want %q", got, want)
	}
	if b := o.Teams[i]; b.Rotation != 0 || b.Sites != 0 || b.Secondary != nil {
		t.Errorf("back from none, Billing keeps rotation %d, sites %d, secondary %v", b.Rotation, b.Sites, b.Secondary)
	}
}

func TestToggleSecondaryAndSites(t *testing.T) {
	o := loadEditServices(t)
	v := o.TeamIndex("Viewer") // 8x5: no secondary by default
	step(t, o, func() (*Change, error) { return o.ToggleSecondary(v) })
	if !o.Teams[v].HasSecondary() {
		t.Fatal("a secondary was not added")
	}
	step(t, o, func() (*Change, error) { return o.ToggleSecondary(v) })
	if o.Teams[v].HasSecondary() || o.Teams[v].Secondary != nil {
		t.Fatalf("the secondary was not taken away to the default: %v", o.Teams[v].Secondary)
	}
	step(t, o, func() (*Change, error) { return o.ToggleSites(v) })
	if o.Teams[v].SiteCount() != 2 {
		t.Fatal("no second site")
	}
	step(t, o, func() (*Change, error) { return o.ToggleSites(v) })
	if o.Teams[v].SiteCount() != 1 {
		t.Fatal("the second site stayed")
	}
	ops := o.TeamIndex("Ops SRE") // not on call
	if _, err := o.ToggleSecondary(ops); err == nil {
		t.Error("a secondary was given to a team not on call")
	}
	if _, err := o.ToggleSites(ops); err == nil {
		t.Error("a second site was given to a team not on call")
	}
}

// A dev team's backup cycles through the ops and SRE teams other than its partner, then none;
// a service's through its team's, none, then those teams.
func TestCycleBackup(t *testing.T) {
	o := loadEditServices(t)
	b := o.TeamIndex("Billing") // ops run it with Night Desk
	var got []string
	for range 5 {
		step(t, o, func() (*Change, error) { return o.CycleBackup(b) })
		got = append(got, o.Teams[b].Backup)
	}
	want := []string{"Reliability", "Ops SRE", "Cloud Operations", "", "Reliability"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("backup went %q, want %q", got, want)
	}
	if _, err := o.CycleBackup(o.TeamIndex("Night Desk")); err == nil {
		t.Error("an ops team was given a backup")
	}

	k := serviceIndexOf(t, o, "Scanner gateway") // ops with Cloud Operations
	got = nil
	for range 5 {
		step(t, o, func() (*Change, error) { return o.CycleServiceBackup(k) })
		s := o.Services[k].Backup
		if s == nil {
			got = append(got, "team")
		} else {
			got = append(got, *s)
		}
	}
	want = []string{"", "Reliability", "Ops SRE", "Night Desk", "team"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("service backup went %q, want %q", got, want)
	}
}

// Deleting a service deletes that service alone, and undo brings it back in its place.
func TestDeleteService(t *testing.T) {
	o := loadEditServices(t)
	k := serviceIndexOf(t, o, "Invoices")
	teams, services := len(o.Teams), len(o.Services)
	step(t, o, func() (*Change, error) { return o.DeleteService(k) })
	if len(o.Teams) != teams || len(o.Services) != services-1 || o.Team("Billing") == nil {
		t.Fatalf("teams %d (was %d), services %d (was %d)", len(o.Teams), teams, len(o.Services), services)
	}
	for _, s := range o.Services {
		if s.Name == "Invoices" {
			t.Fatal("Invoices is still there")
		}
	}
}
