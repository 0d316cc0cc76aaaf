package orgs_test

// docs/rules.md and docs/rules.md: transition feasibility and decisions.

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/sretopo/sretopo/orgs"
)

// withModel is an organization whose dev team "A" has run model m; the partner teams exist
// in every variant, so only A's run differs between two of them.
func withModel(m orgs.RunModel) *orgs.Org {
	var a orgs.Team
	switch m {
	case youM:
		a = t1("A")
	case yasM:
		a = yas("A", "S")
	case sreM:
		a = srerun("A", "S")
	case opsM:
		a = opsrun("A", "O")
	case noneM:
		a = unorg("A")
	}
	return newOrg(a, sreTeam("S", ops, 3), opsTeam("O"), infra("I", ops))
}

func TestTransitionMatrix(t *testing.T) {
	const (
		u = orgs.VerdictUnchanged
		p = orgs.VerdictPossible
		l = orgs.VerdictUnlikely
		n = orgs.VerdictNoReason
	)
	// docs/rules.md, rows FROM, columns TO, in the seed's order; "-" is unchanged.
	order := []orgs.RunModel{noneM, opsM, sreM, yasM, youM}
	matrix := [5][5]orgs.Verdict{
		/* unorganized */ {u, p, p, p, p},
		/* ops run it  */ {n, u, p, p, p},
		/* SRE run it  */ {n, l, u, p, p},
		/* you and SRE */ {n, l, p, u, p},
		/* you run it  */ {n, l, p, p, u},
	}
	for i, from := range order {
		for j, to := range order {
			want := matrix[i][j]
			t.Run(fmt.Sprintf("%s to %s", from, to), func(t *testing.T) {
				an := analyse(t, withModel(from), withModel(to))
				tr := an.Transition
				if len(tr.Teams) != 1 {
					t.Fatalf("transition teams %+v, want one for A", tr.Teams)
				}
				tt := tr.Teams[0]
				if tt.Team != "A" || tt.From != from || tt.To != to || tt.Verdict != want {
					t.Errorf("team transition %+v, want A %s -> %s %s", tt, from, to, want)
				}
				needsReason := want == orgs.VerdictUnlikely || want == orgs.VerdictNoReason
				if (tt.Reason != "") != needsReason {
					t.Errorf("verdict %s with reason %q: a reason is required exactly for unlikely and no-reason", tt.Verdict, tt.Reason)
				}
				// the reasons are the seed's "why" of docs/rules.md
				if want == orgs.VerdictNoReason && !strings.Contains(strings.ToLower(tt.Reason), "unorganized") {
					t.Errorf("no-reason reason %q does not speak of going back to unorganized", tt.Reason)
				}
				if want == orgs.VerdictUnlikely && !strings.Contains(strings.ToLower(tt.Reason), "ops run it") {
					t.Errorf("unlikely reason %q does not speak of moving to ops run it", tt.Reason)
				}
				if tr.Verdict != want {
					t.Errorf("organization verdict %s, want %s", tr.Verdict, want)
				}
				// the knowledge table answers the same
				if v, r := orgs.Transition(from, to); v != want || r != tt.Reason {
					t.Errorf("Transition(%s, %s) = %s %q, want %s %q", from, to, v, r, want, tt.Reason)
				}
				// the only difference is who runs A: one easy decision, or none
				var wantDecisions []decision
				if from != to {
					wantDecisions = []decision{{orgs.DecideWhoRunsIt, "A", orgs.Easy}}
				}
				checkDecisions(t, an, wantDecisions)
			})
		}
	}
}

func TestTransitionOrganizationVerdictIsTheWorst(t *testing.T) {
	base := newOrg(t1("A"), t1("B"), t1("C"), t1("D"), t1("X"), sreTeam("S", ops, 4), opsTeam("O"), infra("I", ops))
	cases := []struct {
		name  string
		teams []orgs.Team
		want  orgs.Verdict
	}{
		{"all unchanged", []orgs.Team{t1("A"), t1("B"), t1("C"), t1("D"), t1("X")}, orgs.VerdictUnchanged},
		{"a changed SRE role is still unchanged", []orgs.Team{t2("A"), t3("B"), t1("C"), t1("D"), t1("X")}, orgs.VerdictUnchanged},
		{"possible beats unchanged", []orgs.Team{t1("A"), srerun("B", "S"), t1("C"), t1("D"), t1("X")}, orgs.VerdictPossible},
		{"unlikely beats possible", []orgs.Team{t1("A"), srerun("B", "S"), opsrun("C", "O"), t1("D"), t1("X")}, orgs.VerdictUnlikely},
		{"no-reason beats unlikely", []orgs.Team{t1("A"), srerun("B", "S"), opsrun("C", "O"), unorg("D"), t1("X")}, orgs.VerdictNoReason},
		{"no-reason alone", []orgs.Team{unorg("A"), t1("B"), t1("C"), t1("D"), t1("X")}, orgs.VerdictNoReason},
		// X removed, N new (unorganized, which would be no-reason for a team that had a model)
		{"new and removed teams do not count", []orgs.Team{t1("A"), t1("B"), t1("C"), t1("D"), unorg("N")}, orgs.VerdictUnchanged},
		{"new and removed next to a possible move", []orgs.Team{yas("A", "S"), t1("B"), t1("C"), t1("D"), opsrun("N", "O")}, orgs.VerdictPossible},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cur := newOrg(append(c.teams, sreTeam("S", ops, 4), opsTeam("O"), infra("I", ops))...)
			an := analyse(t, base, cur)
			if an.Transition.Verdict != c.want {
				t.Errorf("organization verdict %s, want %s (teams %+v)", an.Transition.Verdict, c.want, an.Transition.Teams)
			}
		})
	}
}

func TestTransitionNewRemovedAndMatching(t *testing.T) {
	base := newOrg(t1("Viewer"), t1("Legacy"), srerun("Billing", "S"), t1("Shifter"), sreTeam("S", ops, 4), infra("I", ops))
	cur := newOrg(
		srerun("VIEWER", "S"), // same team, other case: possible
		unorg("Search"),       // new
		srerun("Billing", "S"),
		sreTeam("Shifter", dev, 5), // was a dev team, now an SRE team: no longer a dev team
		sreTeam("S", ops, 4), infra("I", ops),
	)
	an := analyse(t, base, cur)
	type row struct {
		from, to orgs.RunModel
		verdict  orgs.Verdict
	}
	want := map[string]row{
		"viewer":  {youM, sreM, orgs.VerdictPossible},
		"search":  {"", noneM, orgs.VerdictNew},
		"billing": {sreM, sreM, orgs.VerdictUnchanged},
		"legacy":  {youM, "", orgs.VerdictRemoved},
		"shifter": {youM, "", orgs.VerdictRemoved},
	}
	got := map[string]row{}
	for _, tt := range an.Transition.Teams {
		k := strings.ToLower(tt.Team)
		if _, dup := got[k]; dup {
			t.Errorf("team %q listed twice", tt.Team)
		}
		got[k] = row{tt.From, tt.To, tt.Verdict}
		if tt.Reason != "" {
			t.Errorf("team %q (%s) has reason %q; only unlikely and no-reason carry one", tt.Team, tt.Verdict, tt.Reason)
		}
	}
	for k, w := range want {
		if g, ok := got[k]; !ok || g != w {
			t.Errorf("team %s: %+v (listed %v), want %+v", k, g, ok, w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("transition lists %d teams %v, want every dev team of either model: %d", len(got), an.Transition.Teams, len(want))
	}
	if an.Transition.Verdict != orgs.VerdictPossible {
		t.Errorf("organization verdict %s, want possible (new and removed do not count)", an.Transition.Verdict)
	}
}

type decision struct {
	kind          orgs.DecisionKind
	subject       string // "" matches any subject
	changeability orgs.Changeability
}

// checkDecisions compares the decisions in order: easy, team-local, staffing, hard, each
// in model order (the organization's settings first, then the teams, removed ones last).
func checkDecisions(t *testing.T, an *orgs.Analysis, want []decision) {
	t.Helper()
	got := an.Transition.Decisions
	ok := len(got) == len(want)
	for i := 0; ok && i < len(got); i++ {
		g, w := got[i], want[i]
		ok = g.Kind == w.kind && g.Changeability == w.changeability && (w.subject == "" || g.Subject == w.subject)
	}
	for _, g := range got {
		if g.Detail == "" {
			t.Errorf("decision %+v has no detail", g)
		}
		if g.Changeability != g.Kind.Changeability() {
			t.Errorf("decision %+v: changeability differs from its kind's", g)
		}
	}
	if !ok {
		t.Errorf("decisions\n got %+v\nwant %+v", got, want)
	}
}

func TestDecisions(t *testing.T) {
	who := func(s string) decision { return decision{orgs.DecideWhoRunsIt, s, orgs.Easy} }
	role := func(s string) decision { return decision{orgs.DecideSRERole, s, orgs.TeamLocal} }
	lines := func(s string) decision { return decision{orgs.DecideReportingLines, s, orgs.Hard} }
	staff := func(s string) decision { return decision{orgs.DecideStaffing, s, orgs.Staffing} }
	newSRE := decision{orgs.DecideNewSREOrg, "", orgs.Hard}
	dissolve := decision{orgs.DecideDissolveSREOrg, "", orgs.Hard}
	// rules.md 4 (v3): a positioning changes the SRE org's charter and budget process: hard
	posOrg := decision{orgs.DecidePositioning, "SRE org", orgs.Hard}
	posRole := decision{orgs.DecidePositioning, "SRE role", orgs.Hard}

	cases := []struct {
		name      string
		base, cur *orgs.Org
		want      []decision
	}{
		{"nothing changed", newOrg(t1("A"), infra("I", ops)), newOrg(t1("A"), infra("I", ops)), nil},
		{"run model changed: who runs it, easy",
			newOrg(t1("A"), sreTeam("S", ops, 3)), newOrg(yas("A", "S"), sreTeam("S", ops, 3)),
			[]decision{who("A")}},
		{"only sre_role changed: team-local",
			newOrg(t1("A"), t1("B")), newOrg(t2("A"), t3("B")),
			[]decision{role("A"), role("B")}},
		{"sre_role and run changed: who runs it only",
			newOrg(t2("A"), sreTeam("S", ops, 3)), newOrg(srerun("A", "S"), sreTeam("S", ops, 3)),
			[]decision{who("A")}},
		{"run back to you with a new role: who runs it only",
			newOrg(srerun("A", "S"), sreTeam("S", ops, 3)), newOrg(t3("A"), sreTeam("S", ops, 3)),
			[]decision{who("A")}},
		{"SRE team moved from ops to dev org: reporting lines only (its dev teams keep their run model)",
			newOrg(yas("A", "S"), srerun("B", "S"), sreTeam("S", ops, 3)), newOrg(yas("A", "S"), srerun("B", "S"), sreTeam("S", dev, 3)),
			[]decision{lines("S")}},
		{"dev team moved to another org: reporting lines",
			newOrg(t1("A")), newOrg(in(t1("A"), ops)),
			[]decision{lines("A")}},
		{"first team in the SRE org: reporting lines and a new SRE org",
			newOrg(yas("A", "S"), sreTeam("S", ops, 3)), newOrg(yas("A", "S"), sreTeam("S", sreO, 3)),
			[]decision{newSRE, lines("S")}},
		{"a new team founds the SRE org: staffing and a new SRE org",
			newOrg(t1("A")), newOrg(t1("A"), infra("I", sreO)),
			[]decision{staff("I"), newSRE}},
		{"the SRE org loses its last team: reporting lines and dissolving it",
			newOrg(srerun("A", "S"), sreTeam("S", sreO, 3)), newOrg(srerun("A", "S"), sreTeam("S", ops, 3)),
			[]decision{dissolve, lines("S")}},
		{"the SRE org's only team is removed: staffing and dissolving it",
			newOrg(t1("A"), infra("I", sreO)), newOrg(t1("A")),
			[]decision{staff("I"), dissolve}},
		{"a second team joins an existing SRE org: no new SRE org",
			newOrg(srerun("A", "S"), sreTeam("S", sreO, 3), infra("I", ops)), newOrg(srerun("A", "S"), sreTeam("S", sreO, 3), infra("I", sreO)),
			[]decision{lines("I")}},
		{"the SRE org keeps one of two teams: not dissolved",
			newOrg(srerun("A", "S"), sreTeam("S", sreO, 3), infra("I", sreO)), newOrg(srerun("A", "S"), sreTeam("S", sreO, 3), infra("I", ops)),
			[]decision{lines("I")}},
		{"team added: staffing",
			newOrg(t1("A")), newOrg(t1("A"), t1("N"), opsTeam("O")),
			[]decision{staff("N"), staff("O")}},
		{"team removed: staffing",
			newOrg(t1("A"), t1("R")), newOrg(t1("A")),
			[]decision{staff("R")}},
		{"headcount changed: staffing",
			newOrg(t1("A"), opsTeam("O")), newOrg(hc(t1("A"), 9), hc(opsTeam("O"), 2)),
			[]decision{staff("A"), staff("O")}},
		{"one team moved, resized and run differently: three decisions",
			newOrg(t1("A"), sreTeam("S", ops, 3)), newOrg(hc(in(srerun("A", "S"), ops), 8), sreTeam("S", ops, 3)),
			[]decision{who("A"), staff("A"), lines("A")}},
		{"decisions_run_from_easy_to_hard_because_the_book_defers_the_organizational_decision",
			withPositioning(newOrg(t1("A"), t1("B"), sreTeam("S", ops, 3), t1("R")), orgs.PositionUnset),
			withPositioning(newOrg(hc(t1("A"), 9), t2("B"), sreTeam("S", sreO, 3), yas("C", "S")), orgs.PositionEnabler),
			[]decision{role("B"), staff("A"), staff("C"), staff("R"), posOrg, newSRE, lines("S")}},
		{"sre_org_positioning_changed_is_a_hard_decision",
			newOrg(srerun("A", "S"), sreTeam("S", sreO, 3)), withPositioning(newOrg(srerun("A", "S"), sreTeam("S", sreO, 3)), orgs.PositionPartner),
			[]decision{posOrg}},
		{"sre_role_positioning_changed_is_a_hard_decision_after_the_org's",
			newOrg(t2("A"), srerun("B", "S"), sreTeam("S", sreO, 3)),
			withRole(withPositioning(newOrg(t2("A"), srerun("B", "S"), sreTeam("S", sreO, 3)), orgs.PositionEnabler), orgs.PositionAsset),
			[]decision{posOrg, posRole}},
		{"a_funding_class_that_follows_a_run_change_is_no_decision_because_it_is_a_consequence",
			// the sre-infra team turns CAPEX when A stops being run by ops: only A's run is decided
			newOrg(opsrun("A", "O"), opsTeam("O"), infra("I", ops)), newOrg(t1("A"), opsTeam("O"), infra("I", ops)),
			[]decision{who("A")}},
		// rules.md 4 (v3): a backup changes who responds (easy); on-call hours, a secondary
		// or a second site change staffing
		{"a backup added: who runs it, easy",
			newOrg(t1("A"), opsTeam("O")), newOrg(backedUp(t1("A"), "O"), opsTeam("O")),
			[]decision{who("A")}},
		{"on_call, secondary or sites changed: staffing",
			newOrg(onCall(t1("A"), orgs.OnCall8x5), onCall(opsTeam("O"), orgs.OnCall24x5), onCall(opsTeam("P"), orgs.OnCall24x7)),
			newOrg(onCall(t1("A"), orgs.OnCall24x5), noSecondary(onCall(opsTeam("O"), orgs.OnCall24x5)), twoSites(onCall(opsTeam("P"), orgs.OnCall24x7))),
			[]decision{staff("A"), staff("O"), staff("P")}},
		{"names match ignoring case: no staffing for a renamed case",
			newOrg(t1("Viewer")), newOrg(t1("VIEWER")),
			nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			checkDecisions(t, analyse(t, c.base, c.cur), c.want)
		})
	}
}

// docs/rules.md's table of decision kinds and their changeability.
func TestDecisionKindChangeability(t *testing.T) {
	want := map[orgs.DecisionKind]orgs.Changeability{
		orgs.DecideWhoRunsIt:      orgs.Easy,
		orgs.DecideSRERole:        orgs.TeamLocal,
		orgs.DecideReportingLines: orgs.Hard,
		orgs.DecideNewSREOrg:      orgs.Hard,
		orgs.DecideDissolveSREOrg: orgs.Hard,
		orgs.DecideStaffing:       orgs.Staffing,
		orgs.DecidePositioning:    orgs.Hard,
	}
	ids := map[orgs.DecisionKind]string{
		orgs.DecidePositioning: "positioning",
		orgs.DecideWhoRunsIt:   "who-runs-it", orgs.DecideSRERole: "sre-role", orgs.DecideReportingLines: "reporting-lines",
		orgs.DecideNewSREOrg: "new-sre-org", orgs.DecideDissolveSREOrg: "dissolve-sre-org", orgs.DecideStaffing: "staffing",
	}
	for k, c := range want {
		if k.Changeability() != c {
			t.Errorf("%s: changeability %q, want %q", k, k.Changeability(), c)
		}
		if string(k) != ids[k] {
			t.Errorf("decision kind id %q, want %q (docs/format.md)", k, ids[k])
		}
		if c.Explain() == "" {
			t.Errorf("changeability %q has no explanation", c)
		}
	}
	for _, c := range []orgs.Changeability{orgs.Easy, orgs.TeamLocal, orgs.Hard, orgs.Staffing} {
		if !slices.Contains([]string{"easy", "team-local", "hard", "staffing"}, string(c)) {
			t.Errorf("changeability id %q is not one of docs/format.md's", c)
		}
	}
}

// TestUnlikelyReasons: the talk rates moves to "ops run it" unlikely and gives no cause, so
// the reason quotes the rating and nothing more (rules.md 4, v3): v2's "worsens ..." implied a
// cause that possible moves share.
func TestUnlikelyReasons(t *testing.T) {
	for _, from := range []orgs.RunModel{orgs.SRERunIt, orgs.YouAndSRERunIt, orgs.YouRunIt} {
		v, reason := orgs.Transition(from, orgs.OpsRunIt)
		if want := "the talk's transition matrix rates a move to \u201cYou build it, ops run it\u201d unlikely"; v != orgs.VerdictUnlikely || reason != want {
			t.Errorf("%s to ops run it: %s %q, want unlikely %q", from, v, reason, want)
		}
	}
	if v, reason := orgs.Transition(orgs.YouRunIt, orgs.Unorganized); v != orgs.VerdictNoReason || reason != "nothing is gained by leaving services unorganized" {
		t.Errorf("to unorganized: %s %q", v, reason)
	}
	// a possible move worsens rows too: its criteria changes say so as plainly
	if v, _ := orgs.Transition(orgs.YouRunIt, orgs.SRERunIt); v != orgs.VerdictPossible || len(orgs.Worsens(orgs.YouRunIt, orgs.SRERunIt)) == 0 {
		t.Errorf("you run it to SRE run it: %s, worsening %v", v, orgs.Worsens(orgs.YouRunIt, orgs.SRERunIt))
	}
	// Worsens reads the table: a move that improves everything worsens nothing
	if w := orgs.Worsens(orgs.OpsRunIt, orgs.YouRunIt); len(w) != 0 {
		t.Errorf("ops run it to you run it worsens %v, want nothing", w)
	}
}

// TestCriteriaChanges: every transition line whose run model changed lists the rows of the
// comparison table that differ, in the table's order, with their direction (rules.md 4, v3),
// so "a possible move shows its costs as plainly as an unlikely one".
func TestCriteriaChanges(t *testing.T) {
	got := orgs.CriteriaChanges(orgs.YouRunIt, orgs.YouAndSRERunIt)
	want := []orgs.CriterionChange{
		{"Involvement of the development teams in the on-call work", "Max", "Continuous", "worse"},
		{"Knowledge synchronization between teams", "None", "Partially required", "worse"},
		{"Incident resolution times", "Min", "Short", "worse"},
		{"Service handover for operations", "Not applicable", "Partially required", "worse"},
		{"Establishment of a distinct SRE organization", "Not applicable", "May be an option", ""},
		{"Ownership of the SRE infrastructure", "Ops org", "Either SRE or ops", ""},
	}
	if !slices.Equal(got, want) {
		t.Errorf("you run it to you and SRE run it:\n got %+v\nwant %+v", got, want)
	}
	back := orgs.CriteriaChanges(orgs.OpsRunIt, orgs.YouRunIt)
	for _, c := range back {
		if c.Direction == "worse" {
			t.Errorf("ops run it to you run it worsens %s", c.Criterion)
		}
	}
	for _, pair := range [][2]orgs.RunModel{{orgs.YouRunIt, orgs.YouRunIt}, {orgs.Unorganized, orgs.YouRunIt}, {orgs.SRERunIt, orgs.Unorganized}} {
		if c := orgs.CriteriaChanges(pair[0], pair[1]); c == nil || len(c) != 0 {
			t.Errorf("%s to %s: %v, want an empty list", pair[0], pair[1], c)
		}
	}
	// on the transition lines of an analysis, and in their JSON
	an := analyse(t, newOrg(t1("A"), t1("B"), sreTeam("S", ops, 3)), newOrg(yas("A", "S"), t1("B"), sreTeam("S", ops, 3)))
	for _, tt := range an.Transition.Teams {
		wantN := 0
		if tt.Team == "A" {
			wantN = len(want)
		}
		if tt.CriteriaChanges == nil || len(tt.CriteriaChanges) != wantN {
			t.Errorf("%s: criteria changes %+v, want %d", tt.Team, tt.CriteriaChanges, wantN)
		}
	}
	b, _ := json.Marshal(want[4])
	if string(b) != `{"criterion":"Establishment of a distinct SRE organization","from":"Not applicable","to":"May be an option","direction":null}` {
		t.Errorf("JSON %s", b)
	}
}
