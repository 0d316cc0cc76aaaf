package views

import (
	"strconv"
	"strings"

	"github.com/sretopo/sretopo/orgs"
)

// What a card says of its team: its facts, who runs what, and what changed.

var kindShort = map[orgs.Kind]string{
	orgs.KindDev:      "dev",
	orgs.KindSRE:      "SRE",
	orgs.KindSREInfra: "SRE infra",
	orgs.KindOps:      "ops",
}

// facts is a card's facts line in w cells: the longest of its forms that fits (kind,
// headcount, on call), as pick would choose it.
func facts(t *orgs.Team, w int) string {
	kind, short := t.Kind.Words(), kindShort[t.Kind]
	p := picker{w: w}
	if t.OnCall == orgs.OnCallNone || t.OnCall == "" {
		_ = p.try(kind+", "+people(t.Headcount)+", no on call") ||
			p.try(kind+", "+people(t.Headcount)) ||
			p.try(short+", "+people(t.Headcount)) ||
			p.try(short+" "+strconv.Itoa(t.Headcount))
		return p.result()
	}
	oc := string(t.OnCall)
	_ = p.try(kind+", "+people(t.Headcount)+", on call "+oc) ||
		p.try(kind+", "+people(t.Headcount)+", "+oc) ||
		p.try(short+", "+people(t.Headcount)+", "+oc) ||
		p.try(short+" "+strconv.Itoa(t.Headcount)+" "+oc)
	return p.result()
}

// withServices is a card's facts line with how many services team i builds and how many
// of them are exceptions (run otherwise than the team): the facts are shortened to make room
// ("dev, 6 people, 8x5; 2 services, 1 exception"), the count too when they must be cut.
func withServices(t *orgs.Team, d *Data, i, w int) string {
	ix := &d.Index
	if i >= len(ix.Services) || len(ix.Services[i]) == 0 {
		return facts(t, w)
	}
	n, e := len(ix.Services[i]), int(ix.Exceptions[i])
	long := "; " + strconv.Itoa(n) + " service" + plural(n)
	short := "; " + strconv.Itoa(n) + " svc"
	if e > 0 {
		long += ", " + strconv.Itoa(e) + " exception" + plural(e)
		short += " " + strconv.Itoa(e) + " exc"
	}
	for _, suffix := range []string{long, short} {
		if f := facts(t, w-width(suffix)); !strings.HasSuffix(f, "…") && width(f)+width(suffix) <= w {
			return f + suffix
		}
	}
	return facts(t, w)
}

// picker is pick with the candidates made one by one, only until one fits.
type picker struct {
	w          int
	last, got  string
	tried, hit bool
}

// try offers candidate c and reports whether a candidate fits.
func (p *picker) try(c string) bool {
	p.tried, p.last = true, c
	if width(c) <= p.w {
		p.got, p.hit = c, true
	}
	return p.hit
}

// result is the first candidate that fits, else the last one cut to w.
func (p *picker) result() string {
	switch {
	case p.hit:
		return p.got
	case !p.tried:
		return ""
	}
	return Trunc(p.last, p.w)
}

// compactFacts is the right-hand side of a one-line card: headcount and what the team does
// (a dev team's topology, or how it is run without one).
func compactFacts(t *orgs.Team, tv *orgs.TeamVerdict) string {
	n := strconv.Itoa(t.Headcount)
	switch t.Kind {
	case orgs.KindDev:
		switch {
		case tv.Topology > 0:
			return n + " T" + strconv.Itoa(tv.Topology)
		case tv.RunModel == orgs.OpsRunIt:
			return n + " ops run"
		}
		return n + " nobody"
	case orgs.KindSRE:
		if tv.Serves == 0 {
			return n + " SRE idle" + GlyphWarning
		}
		return n + " SRE"
	case orgs.KindSREInfra:
		return n + " infra"
	}
	return n + " ops"
}

// roleLine says who runs a dev team's services, or whom an SRE or ops team serves.
func roleLine(d *Data, k *pens, base *pen, i, w int, selected bool) string {
	t := &d.Org.Teams[i]
	tv := &d.An.Teams[i]
	inner := w - 2
	switch t.Kind {
	case orgs.KindDev:
		model := tv.RunModel.Short()
		with := ""
		if tv.RunWith != "" {
			with = " with " + S(tv.RunWith)
			if tv.RunModel == orgs.OpsRunIt {
				with = " by " + S(tv.RunWith)
			}
		}
		p := picker{w: inner}
		switch {
		case tv.Topology > 0:
			topo := strconv.Itoa(tv.Topology)
			role := ""
			if t.Run == orgs.RunYou {
				role = " (" + string(t.SRERole) + ")"
			}
			_ = p.try(model+with+", topology "+topo+role) ||
				p.try(model+with+", topology "+topo) ||
				p.try(model+", topology "+topo+role) ||
				p.try(model+", topology "+topo) ||
				p.try(model+", T"+topo)
		case tv.RunModel == orgs.OpsRunIt:
			_ = p.try(model+with+", no topology") || p.try(model+with) || p.try(model)
		default:
			_ = p.try("unorganized: nobody runs it") || p.try("unorganized")
		}
		return renderLine(base, "  "+p.result(), w, "")
	case orgs.KindSRE:
		served := d.Index.ServedBy
		if tv.Serves == 0 || i >= len(served) {
			ws := k.Warning
			if selected {
				ws = k.SelectedWarning
			}
			return ws.Render(Pad("  "+GlyphWarning+" serves no dev team", w))
		}
		names := make([]string, 0, 4)
		for n, j := range served[i] {
			if n == 4 {
				break
			}
			names = append(names, S(d.Org.Teams[j].Name))
		}
		list := strings.Join(names, ", ")
		if len(served[i]) > 4 {
			list += ", ..."
		}
		n := strconv.Itoa(tv.Serves)
		return renderLine(base, "  "+pick(inner, "serves "+n+": "+list, "serves "+n+" dev team"+plural(tv.Serves)), w, "")
	case orgs.KindSREInfra:
		return renderLine(base, "  "+pick(inner, "builds and runs the SRE infrastructure", "SRE infrastructure"), w, "")
	}
	if tv.Serves > 0 {
		n := strconv.Itoa(tv.Serves) + " dev team" + plural(tv.Serves)
		return renderLine(base, "  "+pick(inner, "runs the services of "+n, "runs "+n), w, "")
	}
	return renderLine(base, "  operations", w, "")
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// teamChanged is TeamChanges' verdict without its words, for the hot paths.
func teamChanged(d *Data, i int) bool {
	c := d.An.Change(d.Org, i)
	return c.Changed()
}

// TeamChanges says whether team i changed against the baseline and, in words, what it was:
// "(was ops org, you run it, 5 people)", or "(new team)". What changed comes from the
// analysis (orgs.Analysis.Change); this only words it.
func TeamChanges(d *Data, i int) (bool, string) {
	c := d.An.Change(d.Org, i)
	if c.New {
		return true, "(new team)"
	}
	var items []string
	if c.Org != "" {
		items = append(items, c.Org.Short())
	}
	if c.Kind != "" {
		items = append(items, c.Kind.Words())
	}
	switch {
	case c.RunModel != "":
		items = append(items, c.RunModel.Short())
	case c.RunWithChanged:
		items = append(items, "with "+S(c.RunWith))
	case c.RoleChanged:
		items = append(items, string(c.Role))
	}
	if c.Headcount != 0 {
		items = append(items, people(c.Headcount))
	}
	if c.OnCallChanged {
		items = append(items, "on call "+string(c.OnCall))
	}
	if len(items) == 0 {
		return false, ""
	}
	return true, "(was " + strings.Join(items, ", ") + ")"
}
