package orgs_test

import (
	"reflect"
	"testing"

	"github.com/sretopo/sretopo/orgs"
)

// TestTeamChange: what the board says a team was, computed once in orgs.
func TestTeamChange(t *testing.T) {
	base := newOrg(t1("A"), yas("B", "S"), sreTeam("S", ops, 3), sreTeam("T", ops, 2), t1("C"), t1("D"), onCall(opsTeam("O"), orgs.OnCall8x5))
	cur := newOrg(t2("A"), yas("B", "T"), in(sreTeam("S", sreO, 3), sreO), sreTeam("T", ops, 2), srerun("C", "S"), hc(t1("D"), 9), opsTeam("O"), t1("N"))
	an := analyse(t, base, cur)
	want := map[string]orgs.TeamChange{
		"A": {Role: orgs.RoleRotation, RoleChanged: true},
		"B": {RunWith: "S", RunWithChanged: true},
		"S": {Org: ops},
		"T": {},
		"C": {RunModel: orgs.YouRunIt},
		"D": {Headcount: 5},
		"O": {OnCall: orgs.OnCall8x5, OnCallChanged: true},
		"N": {New: true},
	}
	for i := range cur.Teams {
		name := cur.Teams[i].Name
		got := an.Change(cur, i)
		if !reflect.DeepEqual(got, want[name]) {
			t.Errorf("%s: change %+v, want %+v", name, got, want[name])
		}
		if got.Changed() != (name != "T") {
			t.Errorf("%s: Changed() = %v", name, got.Changed())
		}
	}
	// whom each team serves: B runs with T, C with S
	served := an.ServedBy()
	if !reflect.DeepEqual(served[cur.TeamIndex("S")], []int{4}) || !reflect.DeepEqual(served[cur.TeamIndex("T")], []int{1}) || served[0] != nil {
		t.Errorf("served by %v", served)
	}
}
