package orgs

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// checkValid fails unless o survives a write and a load unchanged: every edit must leave a
// valid model, and one that a save verifies equal (SaveOrg compares with reflect.DeepEqual).
func checkValid(t *testing.T, o *Org) {
	t.Helper()
	back, err := Load("edited.toml", Marshal(o))
	if err != nil {
		t.Fatalf("edit left an invalid model:\n%v\n--- file ---\n%s", err, Marshal(o))
	}
	if !reflect.DeepEqual(back, o) {
		t.Fatalf("edited model does not reload equal:\n got %#v\nwant %#v", back, o)
	}
}

// checkReversible applies undo and redo and compares the files they give.
func checkReversible(t *testing.T, o *Org, before []byte, c *Change) {
	t.Helper()
	after := Marshal(o)
	c.Undo(o)
	if got := Marshal(o); !bytes.Equal(got, before) {
		t.Fatalf("undo did not restore the model:\n%s\nwant:\n%s", got, before)
	}
	c.Redo(o)
	if got := Marshal(o); !bytes.Equal(got, after) {
		t.Fatalf("redo did not give the edited model again:\n%s\nwant:\n%s", got, after)
	}
}

// teamHas checks, after an edit, that field of the named team (what, as the file names it)
// is want.
func teamHas[T comparable](name, what string, field func(*Team) T, want T) func(*testing.T, *Org) {
	return func(t *testing.T, o *Org) {
		t.Helper()
		if got := field(o.Team(name)); got != want {
			t.Errorf("%s of %s = %v, want %v", what, name, got, want)
		}
	}
}

// positioningIs checks, after an edit, the SRE org's positioning.
func positioningIs(want Positioning) func(*testing.T, *Org) {
	return func(t *testing.T, o *Org) {
		t.Helper()
		if o.SREOrg.Positioning != want {
			t.Errorf("positioning = %q, want %q", o.SREOrg.Positioning, want)
		}
	}
}

// cycleRun is the edit that moves the named team's run on to the next value.
func cycleRun(name string) func(o *Org) (*Change, error) {
	return func(o *Org) (*Change, error) { return o.CycleRun(o.TeamIndex(name)) }
}

// addTeam is the edit that adds tm.
func addTeam(tm Team) func(o *Org) (*Change, error) {
	return func(o *Org) (*Change, error) { return o.AddTeam(tm) }
}

// runIs checks, after an edit, the named team's run, run_with and SRE role.
func runIs(name string, run Run, with string, role SRERole) func(*testing.T, *Org) {
	type runOf struct {
		run  Run
		with string
		role SRERole
	}
	return teamHas(name, "run, run_with and role", func(tm *Team) runOf { return runOf{tm.Run, tm.RunWith, tm.SRERole} }, runOf{run, with, role})
}

func TestEdits(t *testing.T) {
	tests := []struct {
		name    string
		example string
		edit    func(o *Org) (*Change, error)
		wantErr string // substring of the error; "" for success
		check   func(t *testing.T, o *Org)
	}{
		{
			name: "move SRE team from ops to SRE org", example: "mixed",
			edit: func(o *Org) (*Change, error) { return o.MoveTeam(o.TeamIndex("Operations SRE"), +1) },
			check: func(t *testing.T, o *Org) {
				if got := o.Team("Operations SRE").Org; got != OrgSRE {
					t.Errorf("org = %s, want sre", got)
				}
			},
		},
		{
			name: "move dev team left from ops org", example: "topology-8",
			edit: func(o *Org) (*Change, error) {
				i := firstOfKind(o, KindSRE)
				return o.MoveTeam(i, -1)
			},
			check: func(t *testing.T, o *Org) {
				if got := o.Teams[firstOfKind(o, KindSRE)].Org; got != OrgDev {
					t.Errorf("org = %s, want dev", got)
				}
			},
		},
		{
			name: "move past the leftmost org", example: "mixed",
			edit:    func(o *Org) (*Change, error) { return o.MoveTeam(o.TeamIndex("Online Shop"), -1) },
			wantErr: "leftmost",
		},
		{
			name: "move past the rightmost org", example: "mixed",
			edit:    func(o *Org) (*Change, error) { return o.MoveTeam(o.TeamIndex("Reliability Engineering"), +1) },
			wantErr: "rightmost",
		},
		{
			name: "move with no direction", example: "mixed",
			edit:    func(o *Org) (*Change, error) { return o.MoveTeam(0, 0) },
			wantErr: "no direction",
		},
		{
			name: "move with no selection", example: "mixed",
			edit:    func(o *Org) (*Change, error) { return o.MoveTeam(-1, 1) },
			wantErr: "no team is selected",
		},
		{
			name: "run you to you-and-sre picks first fitting SRE team", example: "mixed",
			edit:  cycleRun("Online Shop"),
			check: runIs("Online Shop", RunYouAndSRE, "Digital Reliability", ""),
		},
		{
			name: "run you-and-sre to sre keeps a partner that fits", example: "mixed",
			edit:  cycleRun("Store Inventory"),
			check: runIs("Store Inventory", RunSRE, "Operations SRE", ""),
		},
		{
			name: "run sre to ops picks the first ops team", example: "mixed",
			edit:  cycleRun("Warehouse Management"),
			check: runIs("Warehouse Management", RunOps, "Store IT Operations", ""),
		},
		{
			name: "run ops to none drops run_with", example: "mixed",
			edit:  cycleRun("Point of Sale"),
			check: runIs("Point of Sale", RunNone, "", ""),
		},
		{
			name: "run none back to you on rotation", example: "mixed",
			edit: func(o *Org) (*Change, error) {
				i := o.TeamIndex("Point of Sale")
				if _, err := o.CycleRun(i); err != nil {
					return nil, err
				}
				return o.CycleRun(i)
			},
			check: runIs("Point of Sale", RunYou, "", RoleRotation),
		},
		{
			name: "run skips values no team fits", example: "health-platform",
			// no SRE team at all: you -> (you-and-sre, sre skipped) -> ops with Cloud Operations
			edit:  cycleRun("Viewer"),
			check: runIs("Viewer", RunOps, "Cloud Operations", ""),
		},
		{
			name: "run of a team that is not dev", example: "mixed",
			edit:    cycleRun("Operations SRE"),
			wantErr: "only dev teams",
		},
		{
			name: "run_with cycles among SRE teams in model order", example: "mixed",
			edit:  func(o *Org) (*Change, error) { return o.CycleRunWith(o.TeamIndex("Customer Accounts")) },
			check: teamHas("Customer Accounts", "run_with", func(tm *Team) string { return tm.RunWith }, "Operations SRE"),
		},
		{
			name: "run_with wraps around", example: "mixed",
			edit:  func(o *Org) (*Change, error) { return o.CycleRunWith(o.TeamIndex("Loyalty Program")) },
			check: teamHas("Loyalty Program", "run_with", func(tm *Team) string { return tm.RunWith }, "Digital Reliability"),
		},
		{
			name: "run_with with a single fitting team", example: "topology-6",
			edit:    func(o *Org) (*Change, error) { return o.CycleRunWith(o.TeamIndex("News Feed")) },
			wantErr: "no other sre team",
		},
		{
			name: "run_with of a team running its own services", example: "mixed",
			edit:    func(o *Org) (*Change, error) { return o.CycleRunWith(o.TeamIndex("Online Shop")) },
			wantErr: "runs with no other team",
		},
		{
			name: "SRE role rotation to dedicated", example: "mixed",
			edit:  func(o *Org) (*Change, error) { return o.CycleSRERole(o.TeamIndex("Online Shop")) },
			check: teamHas("Online Shop", "sre_role", func(tm *Team) SRERole { return tm.SRERole }, RoleDedicated),
		},
		{
			name: "SRE role both wraps to rotation", example: "mixed",
			edit:  func(o *Org) (*Change, error) { return o.CycleSRERole(o.TeamIndex("Mobile App")) },
			check: teamHas("Mobile App", "sre_role", func(tm *Team) SRERole { return tm.SRERole }, RoleRotation),
		},
		{
			name: "SRE role needs run = you", example: "mixed",
			edit:    func(o *Org) (*Change, error) { return o.CycleSRERole(o.TeamIndex("Customer Accounts")) },
			wantErr: "only with run = you",
		},
		{
			name: "headcount up", example: "mixed",
			edit:  func(o *Org) (*Change, error) { return o.AddHeadcount(o.TeamIndex("Checkout"), +1) },
			check: teamHas("Checkout", "headcount", func(tm *Team) int { return tm.Headcount }, 9),
		},
		{
			name: "headcount down", example: "mixed",
			edit:  func(o *Org) (*Change, error) { return o.AddHeadcount(o.TeamIndex("Checkout"), -1) },
			check: teamHas("Checkout", "headcount", func(tm *Team) int { return tm.Headcount }, 7),
		},
		{
			name: "headcount not below 1", example: "mixed",
			edit:    func(o *Org) (*Change, error) { return o.AddHeadcount(o.TeamIndex("Checkout"), -8) },
			wantErr: "within 1-10000",
		},
		{
			name: "headcount not above 10000", example: "mixed",
			edit:    func(o *Org) (*Change, error) { return o.AddHeadcount(o.TeamIndex("Checkout"), 9993) },
			wantErr: "within 1-10000",
		},
		{
			name: "headcount up to 10000 exactly", example: "mixed",
			edit:  func(o *Org) (*Change, error) { return o.AddHeadcount(o.TeamIndex("Checkout"), 9992) },
			check: teamHas("Checkout", "headcount", func(tm *Team) int { return tm.Headcount }, 10000),
		},
		{
			name: "add a dev team fills the defaults", example: "mixed",
			edit: addTeam(Team{Name: "Gift Cards", Org: OrgDev, Kind: KindDev, Headcount: 4}),
			check: func(t *testing.T, o *Org) {
				tm := o.Teams[len(o.Teams)-1]
				if tm.Name != "Gift Cards" || tm.Run != RunYou || tm.SRERole != RoleRotation || tm.OnCall != OnCallNone {
					t.Errorf("added %+v", tm)
				}
			},
		},
		{
			name: "add an SRE team to the SRE org", example: "health-platform",
			edit: addTeam(Team{Name: "Platform SRE", Org: OrgSRE, Kind: KindSRE, Headcount: 6, Run: RunSRE, SRERole: RoleBoth}),
			check: func(t *testing.T, o *Org) {
				tm := o.Team("Platform SRE")
				if tm == nil || tm.Org != OrgSRE || tm.Run != "" || tm.SRERole != "" {
					t.Errorf("added %+v", tm)
				}
			},
		},
		{
			name: "add with a name used ignoring case", example: "mixed",
			edit:    addTeam(Team{Name: "online shop", Org: OrgDev, Kind: KindDev, Headcount: 4}),
			wantErr: "already used",
		},
		{
			name: "add with an empty name", example: "mixed",
			edit:    addTeam(Team{Name: "  ", Org: OrgDev, Kind: KindDev, Headcount: 4}),
			wantErr: "empty",
		},
		{
			name: "add with a control character", example: "mixed",
			edit:    addTeam(Team{Name: "evil\x1b]52;c;x\x07", Org: OrgDev, Kind: KindDev, Headcount: 4}),
			wantErr: "control character",
		},
		{
			name: "add with a bidi override", example: "mixed",
			edit:    addTeam(Team{Name: "a\u202eb", Org: OrgDev, Kind: KindDev, Headcount: 4}),
			wantErr: "control character",
		},
		{
			name: "add with 65 characters", example: "mixed",
			edit:    addTeam(Team{Name: strings.Repeat("x", 65), Org: OrgDev, Kind: KindDev, Headcount: 4}),
			wantErr: "at most 64",
		},
		{
			name: "add with 64 characters", example: "mixed",
			edit: addTeam(Team{Name: strings.Repeat("é", 64), Org: OrgOps, Kind: KindOps, Headcount: 4}),
		},
		{
			name: "add with a bad headcount", example: "mixed",
			edit:    addTeam(Team{Name: "New", Org: OrgDev, Kind: KindDev, Headcount: 0}),
			wantErr: "out of range",
		},
		{
			name: "add with a bad kind", example: "mixed",
			edit:    addTeam(Team{Name: "New", Org: OrgDev, Kind: "qa", Headcount: 3}),
			wantErr: "kind must be",
		},
		{
			name: "delete an SRE team: its dev teams fall back to you run it", example: "mixed",
			edit: func(o *Org) (*Change, error) { return o.DeleteTeam(o.TeamIndex("Operations SRE")) },
			check: func(t *testing.T, o *Org) {
				if o.Team("Operations SRE") != nil {
					t.Error("team still there")
				}
				for _, n := range []string{"Store Inventory", "Order Management", "Warehouse Management"} {
					tm := o.Team(n)
					if tm.Run != RunYou || tm.RunWith != "" || tm.SRERole != RoleRotation {
						t.Errorf("%s: run %s with %q role %q", n, tm.Run, tm.RunWith, tm.SRERole)
					}
				}
				if tm := o.Team("Customer Accounts"); tm.RunWith != "Digital Reliability" {
					t.Errorf("an unrelated team changed: %+v", tm)
				}
			},
		},
		{
			name: "delete an ops team that runs a dev team's services", example: "mixed",
			edit: func(o *Org) (*Change, error) { return o.DeleteTeam(o.TeamIndex("Store IT Operations")) },
			check: func(t *testing.T, o *Org) {
				if tm := o.Team("Point of Sale"); tm.Run != RunYou {
					t.Errorf("Point of Sale: run %s", tm.Run)
				}
			},
		},
		{
			name: "delete a dev team takes its services", example: "mixed",
			edit: func(o *Org) (*Change, error) { return o.DeleteTeam(o.TeamIndex("Checkout")) },
			check: func(t *testing.T, o *Org) {
				for _, s := range o.Services {
					if s.Team == "Checkout" {
						t.Errorf("service %q left behind", s.Name)
					}
				}
				if len(o.Services) != 4 {
					t.Errorf("%d services, want 4", len(o.Services))
				}
			},
		},
		{
			name: "delete the only team with services leaves no empty service list", example: "topology-6",
			edit: func(o *Org) (*Change, error) {
				if _, err := o.DeleteTeam(o.TeamIndex("News Feed")); err != nil {
					return nil, err
				}
				return o.DeleteTeam(o.TeamIndex("Messaging"))
			},
			check: func(t *testing.T, o *Org) {
				if o.Services != nil {
					t.Errorf("services = %#v, want nil", o.Services)
				}
				if err := SaveOrg(filepath.Join(t.TempDir(), "s.toml"), o, false); err != nil {
					t.Errorf("save: %v", err)
				}
			},
		},
		{
			name: "delete out of range", example: "mixed",
			edit:    func(o *Org) (*Change, error) { return o.DeleteTeam(99) },
			wantErr: "no team is selected",
		},
		{
			name: "positioning partner to enabler", example: "mixed",
			edit:  func(o *Org) (*Change, error) { return o.CyclePositioning() },
			check: positioningIs(PositionEnabler),
		},
		{
			name: "positioning enabler to unset", example: "topology-6",
			edit:  func(o *Org) (*Change, error) { return o.CyclePositioning() },
			check: positioningIs(PositionUnset),
		},
		{
			name: "positioning unset to cost-center", example: "health-platform",
			edit:  func(o *Org) (*Change, error) { return o.CyclePositioning() },
			check: positioningIs(PositionCostCenter),
		},
		{
			name: "role positioning unset to cost-center, the org's untouched", example: "mixed",
			edit: func(o *Org) (*Change, error) { return o.CycleRolePositioning() },
			check: func(t *testing.T, o *Org) {
				if o.SRERole.Positioning != PositionCostCenter || o.SREOrg.Positioning != PositionPartner {
					t.Errorf("role positioning = %q, org positioning = %q", o.SRERole.Positioning, o.SREOrg.Positioning)
				}
			},
		},
		{
			name: "reset to the baseline after edits", example: "mixed",
			edit: func(o *Org) (*Change, error) {
				base := o.Clone()
				if _, err := o.MoveTeam(o.TeamIndex("Operations SRE"), 1); err != nil {
					return nil, err
				}
				if _, err := o.DeleteTeam(o.TeamIndex("Checkout")); err != nil {
					return nil, err
				}
				return o.ResetTo(base)
			},
			check: func(t *testing.T, o *Org) {
				if !bytes.Equal(Marshal(o), Marshal(loadExample(t, "mixed"))) {
					t.Error("not back at the baseline")
				}
			},
		},
		{
			name: "reset when already at the baseline", example: "mixed",
			edit:    func(o *Org) (*Change, error) { return o.ResetTo(o.Clone()) },
			wantErr: "already at the baseline",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := loadExample(t, tt.example)
			before := Marshal(o)
			c, err := tt.edit(o)
			if tt.wantErr != "" {
				var ee *EditError
				if err == nil || !errors.As(err, &ee) || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want an EditError containing %q", err, tt.wantErr)
				}
				if c != nil {
					t.Error("a change came with the error")
				}
				if !bytes.Equal(Marshal(o), before) && !strings.HasPrefix(tt.name, "reset") {
					t.Error("a refused edit changed the model")
				}
				return
			}
			if err != nil {
				t.Fatalf("unexpected error: %v", err)
			}
			if c.Summary == "" {
				t.Error("the change has no summary")
			}
			checkValid(t, o)
			if tt.check != nil {
				tt.check(t, o)
			}
			if !strings.HasPrefix(tt.name, "reset to the baseline after") && !strings.HasPrefix(tt.name, "run none back") && !strings.HasPrefix(tt.name, "delete the only") {
				checkReversible(t, o, before, c)
			}
		})
	}
}

func firstOfKind(o *Org, k Kind) int {
	for i := range o.Teams {
		if o.Teams[i].Kind == k {
			return i
		}
	}
	return -1
}

// TestResetToKeepsScenario checks that going back to the baseline keeps the record of where
// the scenario came from.
func TestResetToKeepsScenario(t *testing.T) {
	o := loadExample(t, "mixed")
	base := o.Clone()
	o.Scenario = &Scenario{Title: "what if", BasedOn: "mixed.toml"}
	o.Teams[0].Headcount++
	c, err := o.ResetTo(base)
	if err != nil {
		t.Fatal(err)
	}
	if o.Scenario == nil || o.Scenario.Title != "what if" {
		t.Fatalf("scenario lost: %+v", o.Scenario)
	}
	if o.Teams[0].Headcount != base.Teams[0].Headcount {
		t.Fatal("headcount not reset")
	}
	c.Undo(o)
	if o.Teams[0].Headcount != base.Teams[0].Headcount+1 {
		t.Fatal("undo did not restore the edit")
	}
	// the history's snapshots must not alias the live model
	o.Teams[0].Name = "Renamed"
	c.Redo(o)
	c.Undo(o)
	if o.Teams[0].Name != base.Teams[0].Name {
		t.Fatalf("snapshot aliased the live model: %q", o.Teams[0].Name)
	}
}

// TestRandomEditsUndoRedo drives random edits on every example, checks each leaves a valid
// model, then undoes them all back to the start and redoes them all to the end.
func TestRandomEditsUndoRedo(t *testing.T) {
	for _, ex := range Examples() {
		t.Run(ex.Name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(1, uint64(len(ex.Name))))
			o := loadExample(t, ex.Name)
			base := o.Clone()
			start := Marshal(o)
			var history []*Change
			var states [][]byte
			added := 0
			for step := 0; step < 400; step++ {
				i := -1
				if len(o.Teams) > 0 {
					i = rng.IntN(len(o.Teams))
				}
				var c *Change
				var err error
				switch rng.IntN(11) {
				case 0:
					c, err = o.MoveTeam(i, -1)
				case 1:
					c, err = o.MoveTeam(i, +1)
				case 2:
					c, err = o.CycleRun(i)
				case 3:
					c, err = o.CycleRunWith(i)
				case 4:
					c, err = o.CycleSRERole(i)
				case 5:
					c, err = o.AddHeadcount(i, rng.IntN(7)-3)
				case 6:
					added++
					kind := AllKinds[rng.IntN(len(AllKinds))]
					c, err = o.AddTeam(Team{Name: "Team " + string(rune('A'+added%26)) + strings.Repeat("x", added/26),
						Org: AllOrgs[rng.IntN(3)], Kind: kind, Headcount: 1 + rng.IntN(12)})
				case 7:
					if rng.IntN(3) == 0 {
						c, err = o.DeleteTeam(i)
					}
				case 8:
					c, err = o.CyclePositioning()
				case 9:
					if rng.IntN(20) == 0 {
						c, err = o.ResetTo(base)
					}
				case 10:
					c, err = o.AddHeadcount(i, 1)
				}
				if err != nil {
					var ee *EditError
					if !errors.As(err, &ee) {
						t.Fatalf("step %d: error of the wrong type: %v", step, err)
					}
					continue
				}
				if c == nil {
					continue
				}
				checkValid(t, o)
				history = append(history, c)
				states = append(states, Marshal(o))
			}
			if len(history) < 50 {
				t.Fatalf("only %d edits applied", len(history))
			}
			for k := len(history) - 1; k >= 0; k-- {
				if !bytes.Equal(Marshal(o), states[k]) {
					t.Fatalf("undo %d: state differs", k)
				}
				history[k].Undo(o)
			}
			if !bytes.Equal(Marshal(o), start) {
				t.Fatal("undoing everything did not give the start")
			}
			for k, c := range history {
				c.Redo(o)
				if !bytes.Equal(Marshal(o), states[k]) {
					t.Fatalf("redo %d: state differs", k)
				}
			}
		})
	}
}

func TestValidateTeamName(t *testing.T) {
	o := loadExample(t, "mixed")
	for name, ok := range map[string]bool{
		"Gift Cards":              true,
		"CHECKOUT":                false,
		"":                        false,
		"\t":                      false,
		"tab\tinside":             false,
		"del\x7f":                 false,
		"c1\u009b":                false,
		"zero\u200bwidth":         false,
		strings.Repeat("a", 64):   true,
		strings.Repeat("a", 65):   false,
		string([]byte{0xff, 'a'}): false,
	} {
		err := o.ValidateTeamName(name)
		if (err == nil) != ok {
			t.Errorf("ValidateTeamName(%q) = %v, want ok=%v", name, err, ok)
		}
		if ok {
			c, err := o.AddTeam(Team{Name: name, Org: OrgOps, Kind: KindOps, Headcount: 1})
			if err != nil {
				t.Fatal(err)
			}
			checkValid(t, o)
			c.Undo(o)
		}
	}
}
