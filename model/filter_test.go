package model

import (
	"fmt"
	"strings"
	"testing"
)

// / filters the board to the teams that match (by their name or a service's) as you type,
// and keeps the filter after enter, saying so; esc on the board shows every team again.
func TestFindFiltersTheBoard(t *testing.T) {
	m := newModel(t, "mixed", 160, 45)
	press(t, m, "/")
	typeText(t, m, "product")
	v := m.View()
	if !strings.Contains(v, "Product Search") || !strings.Contains(v, "Product Catalog") {
		t.Fatalf("the matching teams are not shown:\n%s", v)
	}
	for _, other := range []string{"Online Shop", "Payments", "Store IT Operations"} {
		if strings.Contains(v, other) {
			t.Errorf("%q is shown though it does not match:\n%s", other, v)
		}
	}
	press(t, m, "enter", "j")
	v = m.View()
	if want := fmt.Sprintf(`2 of %d teams match "product"`, len(m.Current().Teams)); strings.Contains(v, "Online Shop") || !strings.Contains(v, want) {
		t.Fatalf("after enter the filter is gone or not said:\n%s", v)
	}
	press(t, m, "k") // moving keeps it
	if strings.Contains(m.View(), "Online Shop") {
		t.Error("a move dropped the filter")
	}
	press(t, m, "esc")
	if v := m.View(); !strings.Contains(v, "Online Shop") || strings.Contains(v, "teams match") {
		t.Errorf("esc did not show every team again:\n%s", v)
	}
	if m.Selected() != "Product Search" && m.Selected() != "Product Catalog" {
		t.Errorf("the team found is no longer selected: %q", m.Selected())
	}

	// a team whose service matches is shown; esc in find shows every team again
	press(t, m, "/")
	typeText(t, m, "till")
	if v := m.View(); !strings.Contains(v, "Point of Sale") || strings.Contains(v, "Online Shop") {
		t.Errorf("the team of the service Till backend is not shown alone:\n%s", v)
	}
	press(t, m, "esc")
	if !strings.Contains(m.View(), "Online Shop") {
		t.Error("esc in find left the board filtered")
	}
}
