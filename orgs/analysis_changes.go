package orgs

// What changed for each team against the baseline, and whom each team serves: computed here
// from the analysis, so that the views only render it.

// TeamChange is what changed for one team against the baseline. The fields hold the
// baseline's value where it differs from the current one, and are zero where nothing changed.
type TeamChange struct {
	// New is true for a team the baseline does not have (every other field is then zero).
	New bool
	// Org is the org the team reported to; Kind what it did.
	Org  OrgID
	Kind Kind
	// RunModel is the dev team's run model in the baseline, when its run model changed.
	RunModel RunModel
	// RunWith is the partner it ran with, when it keeps its run value but runs with
	// another team; Role its SRE role, when it runs its own services in another role.
	RunWith string
	Role    SRERole
	// RunWithChanged and RoleChanged tell those changes apart from an empty baseline value.
	RunWithChanged, RoleChanged bool
	// Headcount is its headcount in the baseline (0 when unchanged).
	Headcount int
	// OnCall is its on-call pattern in the baseline, when that changed.
	OnCall OnCall
	// OnCallChanged tells an on-call pattern that changed from unset apart from none.
	OnCallChanged bool
}

// Changed reports whether anything changed.
func (c *TeamChange) Changed() bool {
	return c.New || c.Org != "" || c.Kind != "" || c.RunModel != "" || c.RunWithChanged || c.RoleChanged ||
		c.Headcount != 0 || c.OnCallChanged
}

// Change is what changed for team i of cur, the model an analyses, against the baseline.
func (an *Analysis) Change(cur *Org, i int) TeamChange {
	tv, t := &an.Teams[i], &cur.Teams[i]
	w := tv.Was
	if w == nil {
		return TeamChange{New: true}
	}
	var c TeamChange
	if w.Org != t.Org {
		c.Org = w.Org
	}
	if w.Kind != t.Kind {
		c.Kind = w.Kind
	}
	if w.Kind == KindDev && t.Kind == KindDev {
		was, _, _ := classify(w)
		switch {
		case was != tv.RunModel:
			c.RunModel = was
		case t.Run != w.Run:
			// another run value of the same model (a value the format refuses)
		case t.Run.NeedsPartner() && !SameName(w.RunWith, t.RunWith):
			c.RunWith, c.RunWithChanged = w.RunWith, true
		case t.Run == RunYou && w.SRERole != t.SRERole:
			c.Role, c.RoleChanged = w.SRERole, true
		}
	}
	if w.Headcount != t.Headcount {
		c.Headcount = w.Headcount
	}
	if w.OnCall != t.OnCall {
		c.OnCall, c.OnCallChanged = w.OnCall, true
	}
	return c
}

// ServedBy lists, per team index, the dev teams that run with it (name it in run_with for
// a run value that needs a partner), in model order.
func (an *Analysis) ServedBy() [][]int {
	out := make([][]int, len(an.Teams))
	for i := range an.Teams {
		if p := an.Teams[i].Partner; p >= 0 && p < len(out) {
			out[p] = append(out[p], i)
		}
	}
	return out
}
