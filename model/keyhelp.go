package model

import (
	"cmp"
	"github.com/charmbracelet/bubbles/key"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/views"
)

// keyGroups lists every key of the board, grouped, each with why it does not apply now
// ("" when it does), for the key screen of ?. Keys and words come from the key map; shared
// is the dashboard's part in a shared session, scenarioOpen whether s updates a scenario.
func (b *boardScreen) keyGroups(ctx boardCtx, shared *sharing, scenarioOpen bool) []views.KeyGroup {
	k := ctx.keys
	cur, an := ctx.s.Current(), ctx.an
	i := b.Selected()
	var t *orgs.Team
	if i >= 0 && i < len(cur.Teams) {
		t = &cur.Teams[i]
	}
	noTeam := "no team selected"
	teamWhy := func(cond bool, why string) string {
		switch {
		case t == nil:
			return noTeam
		case !cond:
			return why
		}
		return ""
	}
	line := func(b key.Binding, why string) views.KeyLine {
		return views.KeyLine{Key: b.Help().Key, Desc: b.Help().Desc, Why: why}
	}
	dev := t != nil && t.Kind == orgs.KindDev
	undo, redo, back := "", "", ""
	if sameContent(cur, ctx.s.Baseline()) {
		back = "already at the baseline"
	}
	if !ctx.s.CanUndo() {
		undo = "nothing to undo"
	}
	if !ctx.s.CanRedo() {
		redo = "nothing undone to redo"
	}
	withWhy := ""
	switch {
	case t == nil:
		withWhy = noTeam
	case !dev:
		withWhy = "only for a dev team"
	case !t.Run.NeedsPartner():
		withWhy = "only for a dev team run with another team (you and SRE, SRE or ops run it)"
	case !k.With.Enabled():
		withWhy = "only one team fits"
	}
	svcWhy, sortWhy, rotWhy := "", "", ""
	switch {
	case len(an.Services) == 0:
		svcWhy, sortWhy = "the file has no services", "the file has no services"
	case t == nil:
		svcWhy = noTeam
	case !k.Services.Enabled():
		svcWhy = "this team builds no service"
	}
	switch {
	case t == nil:
		rotWhy = noTeam
	case t.OnCall == orgs.OnCallNone || t.OnCall == "":
		rotWhy = "only for a team on call (a rotation needs an on-call pattern)"
	}
	if svc := b.SelectedService(ctx.index); svc >= 0 {
		// a service is selected: w cycles its partner when its run has one
		withWhy = ""
		if !an.Services[svc].Run.NeedsPartner() {
			withWhy = "the selected service runs with no other team (r changes who runs it)"
		}
	}
	// in a shared session, a participant has no files, and a viewer no edit key
	files, follow, quit, viewer := "", "only in a shared session (sretopo serve)", k.Quit, ""
	if s := shared; s.participant() {
		files, follow, quit = facilitatorOnly, "", withHelp(k.Quit, k.Quit.Help().Key, "leave the session")
		if s.role == Viewer {
			viewer = "you are a viewer: only editors and the facilitator change the board"
			noTeam, undo, redo, withWhy = viewer, viewer, viewer, viewer
			t = nil
		} else {
			undo, redo = "", ""
			if !s.canUndo {
				undo = "nothing to undo"
			}
			if !s.canRedo {
				redo = "nothing undone to redo"
			}
		}
	}
	save := withHelp(k.Save, k.Save.Help().Key, "save as a new scenario")
	if scenarioOpen {
		save = withHelp(k.Save, k.Save.Help().Key, "update the open scenario in place")
	}
	return []views.KeyGroup{
		{Title: "Move around", Keys: []views.KeyLine{
			line(k.Left, ""), line(k.Right, ""), line(k.Up, ""), line(k.Down, ""),
			line(k.PageUp, ""), line(k.PageDown, ""), line(k.Home, ""), line(k.End, ""),
			line(k.Find, ""),
			line(k.NextPanel, ""), line(k.PrevPanel, ""),
			line(k.Zoom, ""), line(k.Log, ""),
		}},
		{Title: "Change the selected team", Keys: []views.KeyLine{
			line(k.MoveLeft, teamWhy(t != nil && t.Org != orgs.OrgDev, "already in the dev org")),
			line(k.MoveRight, teamWhy(t != nil && t.Org != orgs.OrgSRE, "already in the SRE org")),
			line(k.Run, teamWhy(dev, "only for a dev team")),
			line(k.With, withWhy),
			line(k.Role, teamWhy(dev && t.Run == orgs.RunYou, "only for a dev team that runs its own services")),
			line(k.More, teamWhy(t != nil && t.Headcount < orgs.MaxHeadcount, "at the largest headcount")),
			line(k.Less, teamWhy(t != nil && t.Headcount > orgs.MinHeadcount, "at the smallest headcount")),
			line(k.Delete, teamWhy(true, "")),
			line(k.New, viewer),
		}},
		{Title: "The whole organization", Keys: []views.KeyLine{
			line(k.Positioning, viewer), line(k.RolePositioning, viewer), line(k.Undo, undo), line(k.Redo, redo), line(k.Baseline, cmp.Or(viewer, back)),
		}},
		{Title: "Files, views and leaving", Keys: []views.KeyLine{
			line(save, files), line(k.SaveAs, files), line(k.Open, files), line(k.Compare, ""), line(k.Plan, ""), line(k.Export, files),
			line(k.Present, ""), line(k.Help, ""), line(quit, ""), line(k.Follow, follow),
		}},
		{Title: "Services and on call", Keys: []views.KeyLine{
			line(k.Services, cmp.Or(viewer, svcWhy)), line(k.SortBy, sortWhy), line(k.Rotation, cmp.Or(viewer, rotWhy)),
		}},
	}
}

// openKeys shows every key of the board on a page of its own.
func (m *Model) openKeys() {
	groups := m.board.keyGroups(m.boardCtx(), m.shared, m.scenarioOpen())
	st := m.st
	m.openPager(newPager("Keys (dimmed: not available now, with why)", func(w int) []string { return views.KeyTable(groups, st, w) }, false), false)
}
