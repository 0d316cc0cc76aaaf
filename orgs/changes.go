package orgs

import "slices"

// Changes says which verdicts of a current model differ from the same verdicts of its
// baseline, so that a screen can mark every changed verdict without deciding itself what
// "changed" means. It compares two analyses: the baseline's own (Analyse(baseline,
// baseline)) and the current one (Analyse(baseline, current)). Every field is a pure
// function of the two; ChangesBetween computes them all.
type Changes struct {
	// RunModel is set when the dominant run model or the run model mix changed; WasRunModel
	// is the baseline's dominant run model when the dominant one changed.
	RunModel    bool
	WasRunModel Was[RunModel]
	// Topology is set when the dominant topology, its purity or the topology mix changed;
	// WasTopology is the baseline's dominant topology when the dominant one changed.
	Topology    bool
	WasTopology Was[int]
	// Criteria is set when a row of the criteria table reads differently for the dominant
	// model now than in the baseline.
	Criteria bool
	// Funding is set when the CAPEX/OPEX totals, an organization's budget or the share of
	// CAPEX-funded run models changed.
	Funding bool
	// Transition is set when a dev team changed run model, was added or was removed, or a
	// decision was taken.
	Transition bool
	// Identity is set when the dominant identity or its weights changed; WasIdentity is the
	// baseline's dominant identity when the dominant one changed.
	Identity    bool
	WasIdentity Was[Identity]
	// Positioning is set when the SRE org's positioning changed (or the SRE org gained or
	// lost its last team).
	Positioning bool
	// Advisories is set when an advisory was raised, cleared or changed.
	Advisories bool
	// Services is set when a service's own run or partner differs from the baseline's (a
	// who-runs-it decision, with or without a change of run model); Staffing when the
	// staffing totals moved. Both are read from counts the analysis keeps, so they cost
	// nothing per keystroke.
	Services bool
	Staffing bool

	// RunModelMix is, per run model, the change of its number of dev teams (current minus
	// baseline); models with no change are absent.
	RunModelMix map[RunModel]int
	// TopologyMix is, per topology, the change of its number of dev teams.
	TopologyMix map[int]int
	// AdvisoryMarks says, per advisory of the current analysis (same order), whether it is
	// new since the baseline, changed (same code, other teams or message) or the same.
	AdvisoryMarks []AdvisoryMark
	// Cleared lists the baseline's advisories whose code the current model no longer raises.
	Cleared []Advisory
}

// Was is a verdict's baseline value when it changed: Changed says it did, Value is what the
// baseline had (nil when the baseline had none).
type Was[T comparable] struct {
	Changed bool
	Value   *T
}

// AdvisoryMark is how one current advisory compares with the baseline's advisories.
type AdvisoryMark string

// The ways an advisory compares with the baseline.
const (
	AdvisorySame    AdvisoryMark = "same"
	AdvisoryNew     AdvisoryMark = "new"
	AdvisoryChanged AdvisoryMark = "changed"
)

// Any reports whether any verdict changed.
func (c *Changes) Any() bool {
	return c.RunModel || c.Topology || c.Criteria || c.Funding || c.Transition || c.Identity || c.Positioning || c.Advisories ||
		c.Services || c.Staffing
}

// ChangesBetween compares the baseline's own analysis (base: Analyse(baseline, baseline))
// with the current model's analysis against that baseline (cur). A nil side compares as
// an empty analysis, so a nil base marks everything the current model has as changed.
func ChangesBetween(base, cur *Analysis) Changes {
	if base == nil {
		base = &Analysis{}
	}
	if cur == nil {
		cur = &Analysis{}
	}
	var c Changes

	c.WasRunModel = was(base.RunModel.Dominant, cur.RunModel.Dominant)
	c.RunModelMix = mixDelta(base.RunModel.Mix, cur.RunModel.Mix,
		func(m RunModelMix) (RunModel, int) { return m.ID, m.DevTeams })
	c.RunModel = c.WasRunModel.Changed || len(c.RunModelMix) > 0

	c.WasTopology = was(base.Topology.Dominant, cur.Topology.Dominant)
	c.TopologyMix = mixDelta(base.Topology.Mix, cur.Topology.Mix,
		func(m TopologyMix) (int, int) { return m.Topology, m.DevTeams })
	c.Topology = c.WasTopology.Changed || base.Topology.Pure != cur.Topology.Pure || len(c.TopologyMix) > 0

	for _, cv := range cur.Criteria {
		if cv.Changed {
			c.Criteria = true
			break
		}
	}

	bf, cf := &base.Funding, &cur.Funding
	c.Funding = bf.CAPEX != cf.CAPEX || bf.OPEX != cf.OPEX || bf.Orgs != cf.Orgs ||
		bf.ModelFunding != cf.ModelFunding || cf.Delta != (FundingDelta{}) || cf.OrgsDelta != (OrgBudgets{})

	c.Transition = len(cur.Transition.Decisions) > 0
	for _, tt := range cur.Transition.Teams {
		if tt.Verdict != VerdictUnchanged {
			c.Transition = true
			break
		}
	}

	c.Services = len(cur.Transition.Services) > 0 || cur.ServiceOverrides > 0
	c.Staffing = cur.Staffing.Delta != (StaffingTotals{})

	c.WasIdentity = was(base.Identity.Dominant, cur.Identity.Dominant)
	c.Identity = c.WasIdentity.Changed || base.Identity.Weights != cur.Identity.Weights

	c.Positioning = (base.Positioning == nil) != (cur.Positioning == nil) ||
		(cur.Positioning != nil && was(base.Positioning.ID, cur.Positioning.ID).Changed)

	c.AdvisoryMarks = make([]AdvisoryMark, len(cur.Advisories))
	for i, a := range cur.Advisories {
		c.AdvisoryMarks[i] = AdvisoryNew
		for _, b := range base.Advisories {
			if b.Code != a.Code {
				continue
			}
			c.AdvisoryMarks[i] = AdvisoryChanged
			if b.Message == a.Message && slices.Equal(b.Teams, a.Teams) {
				c.AdvisoryMarks[i] = AdvisorySame
			}
			break
		}
		if c.AdvisoryMarks[i] != AdvisorySame {
			c.Advisories = true
		}
	}
	for _, b := range base.Advisories {
		if !slices.ContainsFunc(cur.Advisories, func(a Advisory) bool { return a.Code == b.Code }) {
			c.Cleared = append(c.Cleared, b)
			c.Advisories = true
		}
	}
	return c
}

// was compares an optional baseline value with the current one.
func was[T comparable](base, cur *T) Was[T] {
	same := (base == nil && cur == nil) || (base != nil && cur != nil && *base == *cur)
	if same {
		return Was[T]{}
	}
	return Was[T]{Changed: true, Value: base}
}

// mixDelta is, per entry of two mixes, the change of its count of dev teams; entries whose
// count did not change are left out, and nil means no entry changed.
func mixDelta[M any, K comparable](base, cur []M, entry func(M) (K, int)) map[K]int {
	var d map[K]int
	add := func(k K, n int) {
		if d == nil {
			d = map[K]int{}
		}
		d[k] += n
	}
	for _, m := range cur {
		k, n := entry(m)
		add(k, n)
	}
	for _, m := range base {
		k, n := entry(m)
		add(k, -n)
	}
	for k, n := range d {
		if n == 0 {
			delete(d, k)
		}
	}
	if len(d) == 0 {
		return nil
	}
	return d
}
