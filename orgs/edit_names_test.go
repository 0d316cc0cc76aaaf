package orgs

import (
	"strings"
	"testing"
)

// Renaming a team renames every reference to it, leaves a model the loader takes, and is
// refused for a name in use or one that passes for another in letters of another script.
func TestRenameTeam(t *testing.T) {
	o := loadEditServices(t)
	i := o.TeamIndex("Cloud Operations") // the run_with of Scanner gateway
	step(t, o, func() (*Change, error) { return o.RenameTeam(i, "Cloud Ops") })
	if o.Teams[i].Name != "Cloud Ops" || o.Services[serviceIndexOf(t, o, "Scanner gateway")].RunWith != "Cloud Ops" {
		t.Fatalf("renamed: %q, Scanner gateway runs with %q", o.Teams[i].Name, o.Services[serviceIndexOf(t, o, "Scanner gateway")].RunWith)
	}
	b := o.TeamIndex("Billing") // its run_with is Night Desk; Invoices and Ledger are its services
	step(t, o, func() (*Change, error) { return o.RenameTeam(b, "Payments") })
	for _, name := range []string{"Invoices", "Ledger"} {
		if got := o.Services[serviceIndexOf(t, o, name)].Team; got != "Payments" {
			t.Errorf("%s is built by %q", name, got)
		}
	}
	step(t, o, func() (*Change, error) { return o.RenameTeam(b, "PAYMENTS") }) // case alone
	for _, bad := range []string{"Viewer", "viewer", "", "Cl\u043eud Ops", "Night\x1bDesk"} {
		if _, err := o.RenameTeam(b, bad); err == nil {
			t.Errorf("renamed to %q", bad)
		}
	}
}

// A service is added to a dev team after its other services, with a name checked as the
// loader checks it.
func TestAddService(t *testing.T) {
	o := loadEditServices(t)
	v := o.TeamIndex("Viewer")
	step(t, o, func() (*Change, error) { return o.AddService(v, "Image archive") })
	k := serviceIndexOf(t, o, "Image archive")
	if o.Services[k].Team != "Viewer" {
		t.Errorf("added to %q", o.Services[k].Team)
	}
	for _, bad := range []string{"ledger", "", "L\u0435dger"} {
		if _, err := o.AddService(v, bad); err == nil {
			t.Errorf("added a service named %q", bad)
		}
	}
	if _, err := o.AddService(o.TeamIndex("Night Desk"), "Pager"); err == nil {
		t.Error("an ops team was given a service")
	}
}

// TestDevOnlyEditsNameTheKindInWords: adding a service to, or backing up, a team that is not
// a dev team is refused naming its kind in words ("an SRE team"), as every other edit of a
// dev team's own keys is, never by its code ("sre").
func TestDevOnlyEditsNameTheKindInWords(t *testing.T) {
	o := loadEditServices(t)
	for i := range o.Teams {
		tm := o.Teams[i]
		if tm.Kind == KindDev {
			continue
		}
		_, backup := o.CycleBackup(i)
		for name, err := range map[string]error{"add a service": o.CanAddService(i), "cycle backup": backup} {
			if err == nil || !strings.Contains(err.Error(), "is an "+tm.Kind.Words()+";") {
				t.Errorf("%s of %s team %q: %v", name, tm.Kind, tm.Name, err)
			}
		}
	}
}
