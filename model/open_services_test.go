package model

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/views"
)

// oneTeamServices opens an organization of one dev team building n services.
func oneTeamServices(t testing.TB, n int) *Model {
	t.Helper()
	var b strings.Builder
	b.WriteString("format = 1\nname = \"Big\"\n\n[[team]]\nname = \"Core\"\norg = \"dev\"\nkind = \"dev\"\nheadcount = 9\nrun = \"you\"\n")
	for i := range n {
		fmt.Fprintf(&b, "\n[[service]]\nname = \"svc-%d\"\nteam = \"Core\"\n", i)
	}
	op, err := orgs.OpenBytes("big.toml", []byte(b.String()), "")
	if err != nil {
		t.Fatal(err)
	}
	m := New(Config{Opened: op, Styles: views.DefaultStyles(), Save: noSave, Write: noWrite})
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	return m
}

// The open list of a team's services draws the window around the selected service that
// fits on the board, with how many are above and below: the selected service stays in
// sight however far down it is, and a key costs what the screen shows, not what the team
// holds (83,000 services took half a second a key).
func TestOpenServiceListShowsTheSelectedOne(t *testing.T) {
	m := oneTeamServices(t, 3000)
	press(t, m, "enter")
	for range 1200 { // enter selects the first service, svc-0
		press(t, m, "down")
	}
	v := m.View()
	if !strings.Contains(v, views.GlyphSelected+"  svc-1200:") {
		t.Errorf("the selected service svc-1200 is not in sight:\n%s", v)
	}
	if !strings.Contains(v, "^ ") || !strings.Contains(v, "more services") {
		t.Errorf("no mark of the services above and below:\n%s", v)
	}
	if n := strings.Count(v, "svc-"); n > 40 {
		t.Errorf("%d services drawn on a 40-line screen", n)
	}
}

// BenchmarkOpenServiceList83k is a key in the open list of a team building 83,000 services
// and the frame after it.
func BenchmarkOpenServiceList83k(b *testing.B) {
	m := oneTeamServices(b, 83_000)
	press(b, m, "enter")
	down := true
	loop(b, func() {
		k := "down"
		if !down {
			k = "up"
		}
		down = !down
		press(b, m, k)
		_ = m.View()
	})
}
