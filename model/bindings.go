package model

import (
	"cmp"

	"github.com/charmbracelet/bubbles/key"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/views"
)

// access is who may press a key in a shared session.
type access int

const (
	anyone  access = iota
	editors        // changes the board: the facilitator and editors
	host           // opens, saves or exports files: the facilitator alone
)

// the groups of ?, in their order
const (
	groupMove     = "Move around"
	groupTeam     = "Change the selected team"
	groupOrg      = "The whole organization"
	groupFiles    = "Files, views and leaving"
	groupServices = "Services and on call"
)

// viewerWhy is why a viewer's key that changes the board is refused.
const viewerWhy = "you are a viewer: only editors and the facilitator change the board"

// refusal is why the participant of shared may not press a key of access a ("" when they may).
func (a access) refusal(shared *sharing) string {
	switch {
	case !shared.participant() || a == anyone:
		return ""
	case a == host:
		return facilitatorOnly
	case shared.role == Viewer:
		return viewerWhy
	}
	return ""
}

// boardNow is what the board's rows read of the state: the selected team (nil when none),
// the selected service (-1 when none) and the session.
type boardNow struct {
	ctx    boardCtx
	shared *sharing
	sel    int
	t      *orgs.Team
	svc    int
	// scenarioOpen is set when s updates the open scenario in place.
	scenarioOpen bool
	// filtered is set while find filters the board's columns.
	filtered bool
}

func (n boardNow) dev() bool { return n.t != nil && n.t.Kind == orgs.KindDev }

// team is why a key of the selected team does not apply: no team, or why when !ok.
func (n boardNow) team(ok bool, why string) string {
	switch {
	case n.t == nil:
		return "no team selected"
	case !ok:
		return why
	}
	return ""
}

func always() string { return "" }

// unless is why when ok is false, and "" when it is true.
func unless(ok bool, why string) string {
	if ok {
		return ""
	}
	return why
}

// bindings are the board's keys, in the order ? lists them.
func (b *boardScreen) bindings(n boardNow) []binding {
	k := n.ctx.keys
	row := func(kb key.Binding, group string, do func(b *boardScreen)) binding {
		return binding{key: kb, group: group, why: always, do: do}
	}
	ask := func(a boardAsk) func(b *boardScreen) { return func(b *boardScreen) { b.ask = a } }
	return append(append(b.moveRows(n, k, row, ask), b.editRows(n, k, row, ask)...), b.fileRows(n, k, row, ask)...)
}

type rowFunc = func(kb key.Binding, group string, do func(b *boardScreen)) binding
type askFunc = func(a boardAsk) func(b *boardScreen)

// moveRows are the keys that move around the board and look at it.
func (b *boardScreen) moveRows(n boardNow, k *KeyMap, row rowFunc, ask askFunc) []binding {
	ctx := n.ctx
	page := func(sign int) func(b *boardScreen) {
		return func(b *boardScreen) { b.moveRow(sign * views.PageSize(ctx.data(), ctx.lay, b.Focus)) }
	}
	rows := []binding{
		row(k.Left, groupMove, func(b *boardScreen) { b.focusColumn(b.Focus - 1) }),
		row(k.Right, groupMove, func(b *boardScreen) { b.focusColumn(b.Focus + 1) }),
		row(k.Up, groupMove, func(b *boardScreen) {
			if b.Open && b.Service >= 0 {
				b.Service-- // up to the team itself, then on to the team above
				return
			}
			b.moveRow(-1)
		}),
		row(k.Down, groupMove, func(b *boardScreen) {
			if b.Open && b.Service < len(ctx.index.TeamServices(n.sel))-1 {
				b.Service++
				return
			}
			b.moveRow(+1)
		}),
		row(k.PageUp, groupMove, page(-1)),
		row(k.PageDown, groupMove, page(+1)),
		row(k.Home, groupMove, func(b *boardScreen) { b.moveRow(-len(ctx.s.Current().Teams)) }),
		row(k.End, groupMove, func(b *boardScreen) { b.moveRow(len(ctx.s.Current().Teams)) }),
		row(k.Find, groupMove, ask(askFind)),
		row(k.NextPanel, groupMove, func(b *boardScreen) { b.cyclePanel(ctx.an, +1) }),
		row(k.PrevPanel, groupMove, func(b *boardScreen) { b.cyclePanel(ctx.an, -1) }),
	}
	for i := range rows {
		rows[i].browse = true
	}
	rows[8].short = shortEntry{8, "/", "find"}
	rows[9].short = shortEntry{7, "tab", "panel"}
	clear := row(withHelp(k.Cancel, "esc", "show every team (after / filtered them)"), groupMove, ask(askClearFilter))
	clear.why = func() string { return unless(n.filtered, "the board shows every team (/ filters it)") }
	return append(rows, clear, row(k.Zoom, groupMove, ask(askZoom)), row(k.Log, groupMove, ask(askLog)))
}

// editRows are the keys that change the selected team or the whole organization.
func (b *boardScreen) editRows(n boardNow, k *KeyMap, row rowFunc, ask askFunc) []binding {
	ctx, sel, t, svc := n.ctx, n.sel, n.t, n.svc
	cur, an := ctx.s.Current(), ctx.an
	edit := func(kb key.Binding, group string, why func() string, short shortEntry, do func(o *orgs.Org) (*orgs.Change, error)) binding {
		r := row(kb, group, func(b *boardScreen) { b.editTeam(sel, do) })
		r.why, r.short, r.access = why, short, editors
		return r
	}
	run, with := k.Run, k.With
	runWhy := func() string { return n.team(n.dev(), "only for a dev team") }
	runDo := func(b *boardScreen) {
		b.editTeam(sel, func(o *orgs.Org) (*orgs.Change, error) { return o.CycleRun(sel) })
	}
	withDo := func(b *boardScreen) {
		b.editTeam(sel, func(o *orgs.Org) (*orgs.Change, error) { return o.CycleRunWith(sel) })
	}
	withWhy := func() string {
		switch {
		case t == nil:
			return "no team selected"
		case !n.dev():
			return "only for a dev team"
		case !t.Run.NeedsPartner():
			return "only for a dev team run with another team (you and SRE, SRE or ops run it)"
		case !fitsMoreThanOne(cur, sel, t.Run):
			return "only one team fits"
		}
		return ""
	}
	if svc >= 0 {
		// a service is selected: r and w change its run, not its team's; the edit changes
		// the service's team, which the board derives again alone
		v := &an.Services[svc]
		run.SetHelp("r", "who runs the service")
		with.SetHelp("w", "service runs with")
		runWhy = always
		withWhy = func() string {
			if !v.Run.NeedsPartner() {
				return "the selected service runs with no other team (r changes who runs it)"
			}
			return ""
		}
		runDo = func(b *boardScreen) {
			b.editTeam(v.ServiceRun.Team, func(o *orgs.Org) (*orgs.Change, error) { return o.CycleServiceRun(svc) })
		}
		withDo = func(b *boardScreen) {
			b.editTeam(v.ServiceRun.Team, func(o *orgs.Org) (*orgs.Change, error) { return o.CycleServiceRunWith(svc) })
		}
	}
	runRow, withRow := row(run, groupTeam, runDo), row(with, groupTeam, withDo)
	runRow.why, runRow.short, runRow.access = runWhy, shortEntry{3, "r", "run"}, editors
	withRow.why, withRow.short, withRow.access = withWhy, shortEntry{14, "w", "with"}, editors
	del := k.Delete
	if svc >= 0 {
		del = withHelp(del, del.Help().Key, "delete the service")
	}
	deleteRow := row(del, groupTeam, func(b *boardScreen) {
		if svc >= 0 { // the service selected under its team, never the team: ask first
			b.ask = askDeleteService
			return
		}
		if sel >= 0 && sel < len(ctx.index.ServedBy) && len(ctx.index.ServedBy[sel]) > 0 {
			b.ask = askDelete
			return
		}
		b.editTeam(-1, func(o *orgs.Org) (*orgs.Change, error) { return o.DeleteTeam(sel) })
	})
	deleteRow.why, deleteRow.short, deleteRow.access = func() string { return n.team(true, "") }, shortEntry{19, "x", "delete"}, editors
	newRow := row(k.New, groupTeam, ask(askNewTeam))
	newRow.short, newRow.access = shortEntry{18, "n", "new"}, editors
	renameRow, addService := row(k.Rename, groupTeam, ask(askRename)), row(k.AddService, groupTeam, ask(askAddService))
	renameRow.access, addService.access = editors, editors
	renameRow.why = func() string { return n.team(true, "") }
	addService.why = func() string { return n.team(n.dev(), "only for a dev team: dev teams build the services") }
	move, heads := shortEntry{2, "<>", "move"}, shortEntry{17, "+/-", "headcount"}
	rows := []binding{
		edit(k.MoveLeft, groupTeam, func() string { return n.team(t != nil && t.Org != orgs.OrgDev, "already in the dev org") }, move,
			func(o *orgs.Org) (*orgs.Change, error) { return o.MoveTeam(sel, -1) }),
		edit(k.MoveRight, groupTeam, func() string { return n.team(t != nil && t.Org != orgs.OrgSRE, "already in the SRE org") }, move,
			func(o *orgs.Org) (*orgs.Change, error) { return o.MoveTeam(sel, +1) }),
		runRow, withRow,
		edit(k.Role, groupTeam, func() string {
			return n.team(n.dev() && t.Run == orgs.RunYou, "only for a dev team that runs its own services")
		}, shortEntry{16, "e", "role"}, func(o *orgs.Org) (*orgs.Change, error) { return o.CycleSRERole(sel) }),
		edit(k.More, groupTeam, func() string { return n.team(t != nil && t.Headcount < orgs.MaxHeadcount, "at the largest headcount") }, heads,
			func(o *orgs.Org) (*orgs.Change, error) { return o.AddHeadcount(sel, +1) }),
		edit(k.Less, groupTeam, func() string { return n.team(t != nil && t.Headcount > orgs.MinHeadcount, "at the smallest headcount") }, heads,
			func(o *orgs.Org) (*orgs.Change, error) { return o.AddHeadcount(sel, -1) }),
		deleteRow, newRow, renameRow, addService,
	}
	return append(rows, orgRows(n, k, row, ask)...)
}

// orgRows are the keys that change the whole organization: its positioning, the history and
// the way back to the baseline.
func orgRows(n boardNow, k *KeyMap, row rowFunc, ask askFunc) []binding {
	s := n.ctx.s
	cur, base := s.Current(), s.Baseline()
	whole := func(kb key.Binding, do func(o *orgs.Org) (*orgs.Change, error)) binding {
		r := row(kb, groupOrg, func(b *boardScreen) { b.editTeam(-1, do) })
		r.access = editors
		return r
	}
	canUndo, canRedo := s.CanUndo(), s.CanRedo()
	if sh := n.shared; sh.participant() {
		canUndo, canRedo = sh.canUndo, sh.canRedo
	}
	undo, redo := row(k.Undo, groupOrg, ask(askUndo)), row(k.Redo, groupOrg, ask(askRedo))
	undo.access, undo.short = editors, shortEntry{4, "u", "undo"}
	redo.access, redo.short = editors, shortEntry{20, "ctrl+r", "redo"}
	undo.why = func() string { return unless(canUndo, "nothing to undo") }
	redo.why = func() string { return unless(canRedo, "nothing undone to redo") }
	back := whole(k.Baseline, func(o *orgs.Org) (*orgs.Change, error) { return o.ResetTo(base) })
	back.why = func() string { return unless(!sameContent(cur, base), "already at the baseline") }
	return []binding{
		whole(k.Positioning, func(o *orgs.Org) (*orgs.Change, error) { return o.CyclePositioning() }),
		whole(k.RolePositioning, func(o *orgs.Org) (*orgs.Change, error) { return o.CycleRolePositioning() }),
		undo, redo, back,
	}
}

// fileRows are the keys of files, other views, leaving, and services.
func (b *boardScreen) fileRows(n boardNow, k *KeyMap, row rowFunc, ask askFunc) []binding {
	an := n.ctx.an
	save := withHelp(k.Save, k.Save.Help().Key, "save as a new scenario")
	if n.scenarioOpen {
		save = withHelp(k.Save, k.Save.Help().Key, "update the open scenario in place")
	}
	quit, follow := k.Quit, k.Follow
	followWhy := "only in a shared session (sretopo serve)"
	if s := n.shared; s.participant() {
		quit, followWhy = withHelp(k.Quit, k.Quit.Help().Key, "leave the session"), ""
		if s.following {
			follow = withHelp(k.Follow, k.Follow.Help().Key, "browse on your own")
		}
	}
	files := func(kb key.Binding, a boardAsk, short shortEntry) binding {
		r := row(kb, groupFiles, ask(a))
		r.access, r.short = host, short
		return r
	}
	simple := func(kb key.Binding, a boardAsk, short shortEntry) binding {
		r := row(kb, groupFiles, ask(a))
		r.short = short
		return r
	}
	followRow := row(follow, groupFiles, func(b *boardScreen) {
		// a participant's f is taken before the board (shared.go): here there is no one to follow
		b.sayErr("f follows the facilitator: only in a shared session (sretopo serve)")
	})
	followRow.why, followRow.short = func() string { return followWhy }, shortEntry{1, "f", follow.Help().Desc}
	noServices := func() string { return unless(len(an.Services) > 0, "the file has no services") }
	services := row(k.Services, groupServices, func(b *boardScreen) { b.toggleServices(n.ctx.s.Current(), n.ctx.index, n.sel) })
	services.short = shortEntry{15, "enter", "services"}
	services.why = func() string {
		return cmp.Or(noServices(), n.team(len(n.ctx.index.TeamServices(n.sel)) > 0, "this team builds no service"))
	}
	sortBy := row(k.SortBy, groupServices, func(b *boardScreen) {
		b.say(b.nextServiceOrder(n.ctx.s.Current()))
	})
	sortBy.why = noServices
	rotation := row(k.Rotation, groupServices, ask(askRotation))
	rotation.access = editors
	rotation.why = func() string {
		return n.team(n.t != nil && n.t.OnCall != orgs.OnCallNone && n.t.OnCall != "", "only for a team on call (a rotation needs an on-call pattern)")
	}
	return append([]binding{
		files(save, askSave, shortEntry{5, "s", "save"}), files(k.SaveAs, askSaveAs, shortEntry{}),
		files(k.Open, askOpen, shortEntry{12, "o", "open"}),
		simple(k.Compare, askCompare, shortEntry{11, "c", "compare"}), simple(k.Plan, askPlan, shortEntry{}),
		files(k.Export, askExport, shortEntry{13, "y", "report"}),
		simple(k.Present, askPresent, shortEntry{6, "p", "present"}), simple(k.Help, askKeys, shortEntry{9, "?", "keys"}),
		simple(quit, askQuit, shortEntry{10, "q", k.Quit.Help().Desc}), followRow,
		services, sortBy, rotation,
	}, onCallRows(n, k, row)...)
}

// onCallRows are the keys of on call (rules.md v3): a team's pattern, its secondary, its
// sites, and the backup of a dev team or of the selected service.
func onCallRows(n boardNow, k *KeyMap, row rowFunc) []binding {
	sel, svc, t := n.sel, n.svc, n.t
	edit := func(kb key.Binding, team int, why func() string, do func(o *orgs.Org) (*orgs.Change, error)) binding {
		r := row(kb, groupServices, func(b *boardScreen) { b.editTeam(team, do) })
		r.why, r.access = why, editors
		return r
	}
	onCall := func() string {
		return n.team(t != nil && t.OnCall != orgs.OnCallNone && t.OnCall != "", "only for a team on call (a on-call pattern first)")
	}
	backupTeam, backupWhy := sel, func() string {
		return n.team(n.dev() && t.Run != orgs.RunNone, "only for a dev team whose services someone runs, or a service")
	}
	backup := func(o *orgs.Org) (*orgs.Change, error) { return o.CycleBackup(sel) }
	backupKey := k.Backup
	if svc >= 0 {
		backupTeam, backupWhy = n.ctx.an.Services[svc].ServiceRun.Team, always // the edit changes the service's team
		backupKey = withHelp(backupKey, backupKey.Help().Key, "the service's backup team")
		backup = func(o *orgs.Org) (*orgs.Change, error) { return o.CycleServiceBackup(svc) }
	}
	return []binding{
		edit(k.OnCall, sel, func() string { return n.team(true, "") }, func(o *orgs.Org) (*orgs.Change, error) { return o.CycleOnCall(sel) }),
		edit(k.Secondary, sel, onCall, func(o *orgs.Org) (*orgs.Change, error) { return o.ToggleSecondary(sel) }),
		edit(k.Sites, sel, onCall, func(o *orgs.Org) (*orgs.Change, error) { return o.ToggleSites(sel) }),
		edit(backupKey, backupTeam, backupWhy, backup),
	}
}

// boardNow is the state the board's rows read.
func (m *Model) boardNow() boardNow {
	b := &m.board
	n := boardNow{ctx: m.boardCtx(), shared: m.shared, sel: b.Selected(), svc: b.SelectedService(m.index), scenarioOpen: m.scenarioOpen(), filtered: m.filter != ""}
	if cur := m.cur; n.sel >= 0 && n.sel < len(cur.Teams) {
		n.t = &cur.Teams[n.sel]
	}
	return n
}

// openKeys shows every key of the board on a page of its own.
func (m *Model) openKeys() {
	groups := keyGroups(m.board.bindings(m.boardNow()), m.shared)
	st := m.st
	m.openPager(newPager("Keys (dimmed: not available now, with why)", func(w int) []string { return views.KeyTable(groups, st, w) }, false), false)
}

// fitsMoreThanOne reports whether len(o.Fitting(i, r)) > 1 without listing them all.
func fitsMoreThanOne(o *orgs.Org, i int, r orgs.Run) bool {
	want := r.PartnerKind()
	if want == "" {
		return false
	}
	n := 0
	for j := range o.Teams {
		if j != i && o.Teams[j].Kind == want {
			if n++; n > 1 {
				return true
			}
		}
	}
	return false
}
