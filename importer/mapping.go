package importer

import (
	"fmt"
	"slices"
	"strings"

	"github.com/sretopo/sretopo/orgs"
)

// built is the organization being made, with what its comments will say.
type built struct {
	org          *orgs.Org
	sources      *sourcePlaces // where each value came from, for the validator
	teamNotes    [][]string    // per team: what its comment says beyond its file
	serviceNotes [][]string
	teamPos      []Pos
	servicePos   []Pos
	teamGroup    []*group
	serviceComp  []*component
	teamIndex    map[string]int // group key -> team index
	inferred     []string       // teams whose headcount was inferred
	approximated []string       // teams whose on-call pattern approximates their schedule
}

// build maps what was read to an organization, by the rules of docs/import.md.
func (im *importer) build() *built {
	name, namePos := im.orgName()
	b := &built{
		org:       &orgs.Org{Format: orgs.FormatVersion, Name: name},
		sources:   newSourcePlaces(im.outputName()),
		teamIndex: map[string]int{},
	}
	b.sources.set("", 0, "name", namePos)
	parents, hasChild := im.hierarchy()
	services := im.serviceComponents()
	owners := map[string]bool{}
	for _, c := range services {
		if c.owner.kind == "group" {
			owners[c.owner.key] = true
		}
	}
	orgOf := im.named(im.optionGroups(optionKeys(orgs.AllOrgs, im.opts.Orgs)), parents)
	kindOf := im.named(im.optionGroups(optionKeys(orgs.AllKinds, im.opts.Kinds)), parents)
	heads := im.headcounts()
	folded := map[string]bool{}
	for _, g := range im.groups {
		if g.typ != "team" && !(owners[g.key] && !hasChild[g]) {
			im.count("groups").skipped++
			continue
		}
		name := g.name
		if !strings.EqualFold(g.ns, "default") {
			name = g.ns + "/" + g.name
		}
		if p := orgs.NameProblem("team name", name); p != "" {
			im.warn(g.pos, "%s; the group is skipped", p)
			im.count("groups").skipped++
			continue
		}
		if folded[orgs.FoldName(name)] {
			im.warn(g.pos, "team name %q is already taken by another group (names are compared ignoring case and Unicode form); skipped", name)
			im.count("groups").skipped++
			continue
		}
		folded[orgs.FoldName(name)] = true
		im.count("groups").used++
		g.team, g.teamName = true, name
		b.addTeam(im, g, heads, orgOf[g], kindOf[g])
	}
	im.addServices(b, services)
	im.applyPagerDuty(b)
	im.applySLOs(b)
	return b
}

// orgName is --name, else the display name (or name) of the first Group of type
// organization, with the place of that group.
func (im *importer) orgName() (string, Pos) {
	if im.opts.Name != "" {
		return im.opts.Name, Pos{}
	}
	for _, g := range im.groups {
		if g.typ != "organization" {
			continue
		}
		name := g.displayName
		if name == "" {
			name = g.name
		}
		if p := orgs.NameProblem("organization name", name); p != "" {
			im.warn(g.pos, "%s; the organization is named \"Imported organization\"", p)
			break
		}
		return name, g.pos
	}
	return "Imported organization", Pos{}
}

// hierarchy gives each group its parent (by spec.parent, else by another group's
// spec.children) and says which groups have a child group. A parent chain that loops is
// warned about once, and the groups on the loop keep no parent, so they take no org from it.
func (im *importer) hierarchy() (map[*group]*group, map[*group]bool) {
	parents := map[*group]*group{}
	hasChild := map[*group]bool{}
	for _, g := range im.groups {
		if p := im.groupByKey[g.parent.key]; p != nil && g.parent.kind == "group" {
			parents[g] = p
			hasChild[p] = true
		}
	}
	for _, g := range im.groups {
		for _, c := range g.children {
			child := im.groupByKey[c.key]
			if child == nil || c.kind != "group" {
				continue
			}
			hasChild[g] = true
			if _, ok := parents[child]; !ok {
				parents[child] = g
			}
		}
	}
	const (
		unvisited = iota
		onPath
		done
	)
	state := map[*group]int{}
	for _, start := range im.groups {
		var chain []*group
		g := start
		for g != nil && state[g] == unvisited {
			state[g] = onPath
			chain = append(chain, g)
			g = parents[g]
		}
		if g != nil && state[g] == onPath { // the walk came back to itself: a loop
			i := slices.Index(chain, g)
			loop := chain[i:]
			names := make([]string, len(loop))
			for j, l := range loop {
				names[j] = l.name
			}
			im.warn(g.pos, "the parent chain of groups %s loops; they take no org from it", strings.Join(names, " -> "))
			for _, l := range loop {
				delete(parents, l)
			}
		}
		for _, c := range chain {
			state[c] = done
		}
	}
	return parents, hasChild
}

// serviceComponents are the components imported as services: type service or website, of a
// lifecycle --lifecycle names; the others are counted and skipped.
func (im *importer) serviceComponents() []*component {
	var out []*component
	for _, c := range im.comps {
		if (c.typ == "service" || c.typ == "website") && slices.Contains(im.opts.Lifecycles, c.lifecycle) {
			out = append(out, c)
			continue
		}
		im.count("components").skipped++
	}
	return out
}

// headcounts counts, for each group, the distinct users whose memberOf names it.
func (im *importer) headcounts() map[string]int {
	heads := map[string]int{}
	for _, u := range im.users {
		for _, m := range distinct(u.memberOf) {
			if m.kind == "group" {
				heads[m.key]++
			}
		}
	}
	return heads
}

// optionKey is one group an --org or --kind option names, with the value it gives the group.
type optionKey struct {
	value string
	group string
}

// optionKeys lists the groups an --org or --kind option names, value by value in the order
// given, so that where two values name one group the first in that order wins on every run.
func optionKeys[V ~string](order []V, m map[V][]string) []optionKey {
	var out []optionKey
	for _, v := range order {
		for _, g := range m[v] {
			out = append(out, optionKey{string(v), g})
		}
	}
	return out
}

// optionGroups resolves the groups an --org or --kind option names; one naming no group is
// warned about.
func (im *importer) optionGroups(keys []optionKey) map[*group]string {
	out := map[*group]string{}
	for _, k := range keys {
		r := parseRef(k.group, "group", "default")
		g := im.groupByKey[r.key]
		if g == nil {
			im.warn(Pos{}, "%s=%s names no group of the sources", k.value, orgs.Cut(k.group))
			continue
		}
		if _, ok := out[g]; !ok {
			out[g] = k.value
		}
	}
	return out
}

// named gives every group the value of its nearest ancestor (itself included) that an option
// names.
func (im *importer) named(values map[*group]string, parents map[*group]*group) map[*group]string {
	out := map[*group]string{}
	if len(values) == 0 {
		return out
	}
	for _, g := range im.groups {
		for a := g; a != nil; a = parents[a] {
			if v, ok := values[a]; ok {
				out[g] = v
				break
			}
		}
	}
	return out
}

// addTeam adds the team of group g: its org and kind from the options, its headcount from
// the users, else spec.members, else --headcount (inferred).
func (b *built) addTeam(im *importer, g *group, heads map[string]int, org, kind string) {
	t := orgs.Team{Name: g.teamName, Org: orgs.OrgDev, OnCall: orgs.OnCallNone}
	if org != "" {
		t.Org = orgs.OrgID(org)
	}
	switch {
	case kind != "":
		t.Kind = orgs.Kind(kind)
	case t.Org == orgs.OrgOps:
		t.Kind = orgs.KindOps
	case t.Org == orgs.OrgSRE:
		t.Kind = orgs.KindSRE
	default:
		t.Kind = orgs.KindDev
	}
	var notes []string
	switch {
	case heads[g.key] > 0:
		t.Headcount = heads[g.key]
	case g.members > 0:
		t.Headcount = g.members
		notes = append(notes, "headcount from spec.members")
	default:
		t.Headcount = im.opts.Headcount
		notes = append(notes, "headcount inferred")
		b.inferred = append(b.inferred, t.Name)
	}
	if t.Headcount > orgs.MaxHeadcount {
		im.warn(g.pos, "team %q has %d members; the file format allows at most %d, so its headcount is %d", t.Name, t.Headcount, orgs.MaxHeadcount, orgs.MaxHeadcount)
		t.Headcount = orgs.MaxHeadcount
	}
	if t.Kind == orgs.KindDev {
		t.Run = orgs.RunYou
	}
	g.headcount = t.Headcount
	b.teamIndex[g.key] = len(b.org.Teams)
	b.org.Teams = append(b.org.Teams, t)
	b.teamNotes = append(b.teamNotes, notes)
	b.teamPos = append(b.teamPos, g.pos)
	b.teamGroup = append(b.teamGroup, g)
	b.sources.set("team", len(b.org.Teams)-1, "", g.pos)
}

// teamOf is the team a component's owner names: a group, or a user's first team.
func (im *importer) teamOf(b *built, owner ref) (int, string) {
	switch owner.kind {
	case "group":
		if i, ok := b.teamIndex[owner.key]; ok {
			return i, ""
		}
		if im.groupByKey[owner.key] == nil {
			return -1, fmt.Sprintf("owner %q names no group of the sources", owner.text)
		}
		return -1, fmt.Sprintf("owner %q is a group that is not a team", owner.text)
	case "user":
		u := im.userByKey[owner.key]
		if u == nil {
			return -1, fmt.Sprintf("owner %q names no user of the sources", owner.text)
		}
		for _, m := range u.memberOf {
			if i, ok := b.teamIndex[m.key]; ok && m.kind == "group" {
				return i, ""
			}
		}
		return -1, fmt.Sprintf("owner %q is a user in no imported team", owner.text)
	case "":
		return -1, "no spec.owner"
	}
	return -1, fmt.Sprintf("owner %q is neither a group nor a user", owner.text)
}

// addServices adds the services, each owned by a dev team; the others are skipped with a warning.
func (im *importer) addServices(b *built, comps []*component) {
	folded := map[string]bool{}
	for _, c := range comps {
		skip := func(format string, args ...any) {
			im.warn(c.pos, "component %s: "+format+"; skipped", append([]any{c.name}, args...)...)
			im.count("components").skipped++
		}
		ti, why := im.teamOf(b, c.owner)
		if ti < 0 {
			skip("%s", why)
			continue
		}
		team := &b.org.Teams[ti]
		if team.Kind != orgs.KindDev {
			skip("its owner %q is a %s, and a service is built by a dev team", team.Name, team.Kind.Words())
			continue
		}
		name := c.name
		if !strings.EqualFold(c.ns, "default") {
			name = c.ns + "/" + c.name
		}
		if p := orgs.NameProblem("service name", name); p != "" {
			skip("%s", p)
			continue
		}
		if folded[orgs.FoldName(name)] {
			skip("the service name %q is already taken", name)
			continue
		}
		folded[orgs.FoldName(name)] = true
		im.count("components").used++
		b.org.Services = append(b.org.Services, orgs.Service{Name: name, Team: team.Name})
		b.serviceNotes = append(b.serviceNotes, nil)
		b.servicePos = append(b.servicePos, c.pos)
		b.serviceComp = append(b.serviceComp, c)
		b.sources.set("service", len(b.org.Services)-1, "", c.pos)
	}
}
