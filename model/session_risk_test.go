package model

import (
	"slices"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/views"
	"github.com/sretopo/sretopo/words"
)

// riskMsgOf runs cmd as the program would and returns the risk result among its messages
// (the other messages are dropped).
func riskMsgOf(tb testing.TB, cmd tea.Cmd) riskDoneMsg {
	tb.Helper()
	queue := []tea.Cmd{cmd}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := c().(type) {
		case riskDoneMsg:
			return msg
		case tea.BatchMsg:
			queue = append(queue, msg...)
		}
	}
	tb.Fatal("no risk simulated in the background")
	return riskDoneMsg{}
}

// servicesPanelRow is the Services panel's row of the service named.
func servicesPanelRow(m *Model, name string) string {
	for _, l := range views.PanelLines(views.PanelServices, m.data(), m.st, 120) {
		if strings.HasPrefix(strings.TrimLeft(l, "! "), name+" ") {
			return l
		}
	}
	return ""
}

// serviceOf is the verdict of the service named.
func serviceOf(m *Model, name string) *orgs.ServiceVerdict {
	k := slices.IndexFunc(m.an.Services, func(v orgs.ServiceVerdict) bool { return v.Name == name })
	return &m.an.Services[k]
}

func TestAnEditShowsPendingRiskUntilTheBackgroundBringsIt(t *testing.T) {
	m := newModel(t, "health-platform", 120, 40)
	selectTeam(t, m, "Viewer")
	before := *serviceOf(m, "DICOM viewer").Risk
	_, cmd := m.Update(keyMsg("a")) // Viewer's on-call pattern: 8x5 to 8x7
	if r := serviceOf(m, "DICOM viewer").Risk; r != nil {
		t.Fatalf("the update simulated the edited team's service: %+v", r)
	}
	if row := servicesPanelRow(m, "DICOM viewer"); strings.Count(row, views.GlyphPending) != 2 {
		t.Errorf("before the result, the row is %q", row)
	}
	if serviceOf(m, "Patient portal").Risk == nil {
		t.Error("a service the edit cannot change lost its risk")
	}
	if m.an.Risk != nil || slices.ContainsFunc(m.an.Advisories, func(a orgs.Advisory) bool { return a.Code == "likely-breach" }) {
		t.Error("the organization's figures are shown before the services they sum")
	}
	m.Update(riskMsgOf(t, cmd))
	after := serviceOf(m, "DICOM viewer").Risk
	if after == nil || after.ExpectedDowntime == before.ExpectedDowntime {
		t.Fatalf("after the result: %+v (before %+v)", after, before)
	}
	down := words.HoursFigure(after.ExpectedDowntime) // hours as every table writes them
	if row := servicesPanelRow(m, "DICOM viewer"); strings.Contains(row, views.GlyphPending) || !strings.Contains(row, " "+percent(after.PBreach)+" ") || !strings.Contains(row, " "+views.GlyphChanged+down+" ") {
		// the downtime moved from the baseline's: its cell is marked
		t.Errorf("after the result, the row is %q, want %s and %s h marked as changed", row, percent(after.PBreach), down)
	}
	// the figures are those an analysis that does not defer gives
	want := orgs.NewAnalyser(m.Baseline()).Analyse(m.Current())
	if m.an.Risk == nil || len(m.an.Risk.LikelyBreach) != len(want.Risk.LikelyBreach) || m.an.Risk.Delta != want.Risk.Delta {
		t.Errorf("organization figures %+v, want %+v", m.an.Risk, want.Risk)
	}
	has := func(an *orgs.Analysis) bool {
		return slices.ContainsFunc(an.Advisories, func(a orgs.Advisory) bool { return a.Code == "likely-breach" })
	}
	if has(m.an) != has(want) {
		t.Errorf("likely-breach advisory %v, want %v", has(m.an), has(want))
	}
	if got, want := advisoryCodes(m.an), advisoryCodes(want); !slices.Equal(got, want) {
		t.Errorf("advisories %v, want them as the analysis lists them: %v", got, want)
	}
}

func TestAStaleRiskResultIsDropped(t *testing.T) {
	m := newModel(t, "health-platform", 120, 40)
	selectTeam(t, m, "Viewer")
	_, first := m.Update(keyMsg("a"))
	_, second := m.Update(keyMsg("a")) // a second edit before the first result came
	m.Update(riskMsgOf(t, first))
	if r := serviceOf(m, "DICOM viewer").Risk; r != nil {
		t.Fatalf("the first edit's result was taken after the second edit: %+v", r)
	}
	if row := servicesPanelRow(m, "DICOM viewer"); strings.Count(row, views.GlyphPending) != 2 {
		t.Errorf("after the stale result, the row is %q", row)
	}
	m.Update(riskMsgOf(t, second))
	want := orgs.NewAnalyser(m.Baseline()).Analyse(m.Current())
	got, wantRisk := serviceOf(m, "DICOM viewer").Risk, want.Services[slices.IndexFunc(want.Services, func(v orgs.ServiceVerdict) bool { return v.Name == "DICOM viewer" })].Risk
	if got == nil || got.ExpectedDowntime != wantRisk.ExpectedDowntime || got.PBreach != wantRisk.PBreach {
		t.Errorf("after the second result: %+v, want %+v", got, wantRisk)
	}
}

// settledServicesModel is servicesModel with the risk of every service simulated, as the
// dashboard has it once the first background result has come.
func settledServicesModel(b *testing.B) *Model {
	m := servicesModel(b, 200, 60)
	m.riskAsked = 0 // the first command went with the window size, unrun
	m.Update(riskMsgOf(b, m.riskCmd()))
	if m.an.Risk == nil {
		b.Fatal("no organization figures after the first result")
	}
	return m
}

// moveKeys are the keys that move the selected team and back.
func moveKeys(m *Model) []string {
	if m.board.Focus == 2 {
		return []string{"<", ">"} // the rightmost column: to the left and back
	}
	return []string{">", "<"}
}

// BenchmarkMoveDefersRisk10k is the update after a key that moves a team on the generated
// 10,000-team file: it returns at once, the simulation of the services the move can change
// left to the command it returns.
func BenchmarkMoveDefersRisk10k(b *testing.B) {
	m := settledServicesModel(b)
	keys := moveKeys(m)
	loopKeys(b, keys, func(key string) {
		_, cmd := m.Update(keyMsg(key))
		if cmd == nil || len(m.riskWaiting) == 0 {
			b.Fatal("the move left nothing to simulate in the background")
		}
	})
}

// BenchmarkMoveThenRisk10k is the same key and then what the background does for it (the
// services the move can change simulated on both cores) and the frame with the figures:
// within 100 ms of the key.
func BenchmarkMoveThenRisk10k(b *testing.B) {
	m := settledServicesModel(b)
	keys := moveKeys(m)
	loopKeys(b, keys, func(key string) {
		_, cmd := m.Update(keyMsg(key))
		m.Update(riskMsgOf(b, cmd))
		if m.an.Risk == nil {
			b.Fatal("no figures after the result")
		}
		_ = m.View()
	})
}

// advisoryCodes are the codes of an's advisories, in its order.
func advisoryCodes(an *orgs.Analysis) []string {
	var out []string
	for _, a := range an.Advisories {
		out = append(out, a.Code)
	}
	return out
}
