package orgs_test

import (
	"testing"

	"github.com/sretopo/sretopo/orgs"
)

// TestChangesBetween: each verdict a meeting looks at is marked changed exactly when the
// current model's verdict differs from the baseline's own, with what it was.
func TestChangesBetween(t *testing.T) {
	// incident-centric: the SRE team serves dev teams that share on call with it
	incident := newOrg(yas("Shop", "Core SRE"), yas("Cart", "Core SRE"), yas("Pay", "Core SRE"), sreTeam("Core SRE", ops, 6))

	cases := []struct {
		name    string
		base    *orgs.Org
		edit    func(o *orgs.Org)
		check   func(t *testing.T, c orgs.Changes)
		changed bool
	}{
		{
			name:    "the baseline against itself changes nothing",
			base:    incident,
			edit:    func(*orgs.Org) {},
			changed: false,
			check: func(t *testing.T, c orgs.Changes) {
				if c.RunModelMix != nil || c.TopologyMix != nil || len(c.Cleared) > 0 {
					t.Errorf("mix or advisories changed: %+v", c)
				}
				for i, a := range c.AdvisoryMarks {
					if a != orgs.AdvisorySame {
						t.Errorf("advisory %d reads %s against itself", i, a)
					}
				}
			},
		},
		{
			name: "a team that runs its own services now changes run model mix, topology and transition",
			base: incident,
			edit: func(o *orgs.Org) {
				o.Teams[0].Run, o.Teams[0].RunWith, o.Teams[0].SRERole = orgs.RunYou, "", orgs.RoleRotation
			},
			changed: true,
			check: func(t *testing.T, c orgs.Changes) {
				if !c.RunModel || !c.Transition || !c.Topology {
					t.Errorf("run model %v, transition %v, topology %v; want all changed", c.RunModel, c.Transition, c.Topology)
				}
				if got := c.RunModelMix[orgs.YouRunIt]; got != 1 {
					t.Errorf("you-run-it mix delta %d, want +1", got)
				}
				if got := c.RunModelMix[orgs.YouAndSRERunIt]; got != -1 {
					t.Errorf("you-and-sre mix delta %d, want -1", got)
				}
				if c.WasRunModel.Changed {
					t.Errorf("the dominant model (2 of 3 still with SRE) reads changed")
				}
			},
		},
		{
			name: "every dev team running alone changes the dominant run model and says what it was",
			base: incident,
			edit: func(o *orgs.Org) {
				for i := range 3 {
					o.Teams[i].Run, o.Teams[i].RunWith, o.Teams[i].SRERole = orgs.RunYou, "", orgs.RoleRotation
				}
			},
			changed: true,
			check: func(t *testing.T, c orgs.Changes) {
				if !c.WasRunModel.Changed || c.WasRunModel.Value == nil || *c.WasRunModel.Value != orgs.YouAndSRERunIt {
					t.Errorf("was run model %+v, want changed from you-and-sre", c.WasRunModel)
				}
				if !c.WasTopology.Changed {
					t.Errorf("dominant topology not marked changed")
				}
				if !c.WasIdentity.Changed {
					t.Errorf("identity not marked changed although no SRE team serves anyone any more")
				}
			},
		},
		{
			name: "a headcount change is a funding change and a decision, nothing else",
			base: withPerHead(incident, 100000),
			edit: func(o *orgs.Org) {
				o.Teams[3].Headcount++
			},
			changed: true,
			check: func(t *testing.T, c orgs.Changes) {
				if !c.Funding {
					t.Errorf("funding not marked changed")
				}
				if !c.Transition {
					t.Errorf("the staffing decision does not mark the transition panel")
				}
				if c.RunModel || c.Topology || c.Criteria || c.Identity {
					t.Errorf("run model %v topology %v criteria %v identity %v changed by a headcount", c.RunModel, c.Topology, c.Criteria, c.Identity)
				}
			},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cur := tc.base.Clone()
			tc.edit(cur)
			c := orgs.ChangesBetween(analyseSelf(t, tc.base), analyse(t, tc.base, cur))
			if c.Any() != tc.changed {
				t.Errorf("Any() = %v, want %v (%+v)", c.Any(), tc.changed, c)
			}
			tc.check(t, c)
		})
	}
}

// TestChangesAdvisories: an advisory the baseline did not raise is new, one it raised for
// other teams is changed, and one no longer raised is cleared.
func TestChangesAdvisories(t *testing.T) {
	base := &orgs.Analysis{Advisories: []orgs.Advisory{
		{Code: "kept", Message: "m", Teams: []string{"A"}},
		{Code: "moved", Message: "m", Teams: []string{"A"}},
		{Code: "gone", Message: "m"},
	}}
	cur := &orgs.Analysis{Advisories: []orgs.Advisory{
		{Code: "kept", Message: "m", Teams: []string{"A"}},
		{Code: "moved", Message: "m", Teams: []string{"B"}},
		{Code: "fresh", Message: "m"},
	}}
	c := orgs.ChangesBetween(base, cur)
	want := []orgs.AdvisoryMark{orgs.AdvisorySame, orgs.AdvisoryChanged, orgs.AdvisoryNew}
	for i, w := range want {
		if c.AdvisoryMarks[i] != w {
			t.Errorf("advisory %s: %s, want %s", cur.Advisories[i].Code, c.AdvisoryMarks[i], w)
		}
	}
	if len(c.Cleared) != 1 || c.Cleared[0].Code != "gone" {
		t.Errorf("cleared %+v, want the gone one", c.Cleared)
	}
	if !c.Advisories {
		t.Errorf("advisories not marked changed")
	}
}

// TestChangesServicesAndStaffing: the Services panel is marked changed when a service's own
// run or partner differs from the baseline's (a service transition, or a who-runs-it
// decision that keeps the run model), the Staffing panel when the staffing totals moved;
// neither for the baseline itself.
func TestChangesServicesAndStaffing(t *testing.T) {
	sawServices, sawStaffing := false, false
	for _, ex := range loadedExamples(t) {
		base := ex.Org
		baseAn := orgs.Analyse(base, base)
		if c := orgs.ChangesBetween(baseAn, baseAn); c.Services || c.Staffing {
			t.Errorf("%s against itself: services %v, staffing %v", ex.Name, c.Services, c.Staffing)
		}
		cur := base.Clone()
		for k := range cur.Services {
			for range 6 {
				an := orgs.Analyse(base, cur)
				if len(an.Transition.Services) > 0 {
					break
				}
				if _, err := cur.CycleServiceRun(k); err != nil {
					break
				}
			}
		}
		an := orgs.Analyse(base, cur)
		c := orgs.ChangesBetween(baseAn, an)
		sawServices = sawServices || c.Services
		if got, want := an.ServiceOverrides, len(orgs.ServiceOverrideDecisions(base, cur)); got != want {
			t.Errorf("%s: %d service overrides counted, %d decisions", ex.Name, got, want)
		}
		if c.Services != (len(an.Transition.Services) > 0 || an.ServiceOverrides > 0) || c.Services && !c.Any() {
			t.Errorf("%s: services changed %v with %d service transitions", ex.Name, c.Services, len(an.Transition.Services))
		}
		staffed := base.Clone()
		for i := range staffed.Teams {
			if _, err := staffed.AddRotation(i, -2); err == nil {
				break
			}
		}
		san := orgs.Analyse(base, staffed)
		c = orgs.ChangesBetween(baseAn, san)
		sawStaffing = sawStaffing || c.Staffing
		if c.Staffing != (san.Staffing.Delta != orgs.StaffingTotals{}) || c.Staffing && !c.Any() {
			t.Errorf("%s: staffing changed %v with delta %+v", ex.Name, c.Staffing, san.Staffing.Delta)
		}
	}
	if !sawServices || !sawStaffing {
		t.Errorf("no example showed a change: services %v, staffing %v", sawServices, sawStaffing)
	}
}

// TestChangesServicesPartnerOnly: a service that keeps its run model but runs with another
// team than in the baseline marks the Services panel: its responders changed.
func TestChangesServicesPartnerOnly(t *testing.T) {
	base := exampleOrg(t, "mixed")
	baseAn := orgs.Analyse(base, base)
	for k := range base.Services {
		cur := base.Clone()
		if _, err := cur.CycleServiceRunWith(k); err != nil {
			continue // its run has no partner, or only one team fits
		}
		an := orgs.Analyse(base, cur)
		if an.Services[k].RunModel != baseAn.Services[k].RunModel || len(an.Transition.Services) > 0 {
			t.Fatalf("w changed the run model of %q", cur.Services[k].Name)
		}
		if c := orgs.ChangesBetween(baseAn, an); !c.Services {
			t.Errorf("%q runs with another team, but the Services panel is not marked", cur.Services[k].Name)
		}
		return
	}
	t.Fatal("no service of mixed has a partner to change: nothing tested")
}
