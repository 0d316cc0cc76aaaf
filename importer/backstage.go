package importer

import (
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/sretopo/sretopo/orgs"
)

// group is a Backstage Group entity; references to other entities are kept as keys.
type group struct {
	pos         Pos
	key         string // "group:NAMESPACE/folded name"
	ns, name    string
	typ         string
	parent      ref
	children    []ref
	members     int // distinct entries of spec.members
	displayName string

	team      bool   // imported as a team
	teamName  string // its name in the organization
	headcount int
}

// user is a Backstage User entity.
type user struct {
	pos      Pos
	key      string
	ns, name string
	email    string
	display  string
	memberOf []ref
}

// component is a Backstage Component entity.
type component struct {
	pos         Pos
	key         string
	ns, name    string
	typ         string
	lifecycle   string
	owner       ref
	pagerDutyID string
}

// ref is a Backstage entity reference, `[kind:][namespace/]name`, resolved against the
// defaults of where it stands.
type ref struct {
	text string // as written
	kind string // lower case
	key  string // kind:namespace/folded name
}

// parseRef resolves an entity reference: an unqualified one takes defKind, and the namespace
// of the entity it stands in (docs/import.md: `team-a`, `group:team-a` and
// `group:default/team-a` are one reference in the default namespace).
func parseRef(text, defKind, defNS string) ref {
	kind, rest := defKind, text
	if k, r, ok := strings.Cut(text, ":"); ok && !strings.Contains(k, "/") {
		kind, rest = k, r
	}
	ns, name := defNS, rest
	if n, r, ok := strings.Cut(rest, "/"); ok {
		ns, name = n, r
	}
	kind = strings.ToLower(kind)
	return ref{text: text, kind: kind, key: entityKey(kind, ns, name)}
}

// entityKey identifies an entity: Backstage compares kinds, namespaces and names ignoring case.
func entityKey(kind, ns, name string) string {
	if ns == "" {
		ns = "default"
	}
	return strings.ToLower(kind) + ":" + strings.ToLower(ns) + "/" + orgs.FoldName(name)
}

func refs(texts []string, defKind, defNS string) []ref {
	out := make([]ref, 0, len(texts))
	for _, t := range texts {
		out = append(out, parseRef(t, defKind, defNS))
	}
	return out
}

// readBackstage takes one catalog entity: groups, users, components and locations; every
// other kind is counted and skipped.
func (im *importer) readBackstage(pos Pos, kind string, n *yaml.Node) error {
	meta := field(n, "metadata")
	spec := field(n, "spec")
	name := scalar(field(meta, "name"))
	ns := scalar(field(meta, "namespace"))
	if ns == "" {
		ns = "default"
	}
	tallied, known := backstageTallies[kind]
	if !known {
		im.otherKinds["Backstage "+orgs.Cut(kind)]++
		return nil
	}
	if name == "" {
		im.warn(pos, "a Backstage %s without metadata.name; skipped", kind)
		return nil
	}
	key := entityKey(kind, ns, name)
	im.count(tallied).read++
	if im.duplicate(pos, kind, ns, name, key) {
		return nil
	}
	switch kind {
	case "Group":
		g := &group{pos: pos, key: key, ns: ns, name: name, typ: scalar(field(spec, "type")),
			children: refs(scalars(field(spec, "children")), "group", ns), displayName: scalar(path(spec, "profile", "displayName"))}
		if p := scalar(field(spec, "parent")); p != "" {
			g.parent = parseRef(p, "group", ns)
		}
		g.members = len(distinct(refs(scalars(field(spec, "members")), "user", ns)))
		im.groups = append(im.groups, g)
		im.groupByKey[key] = g
	case "User":
		u := &user{pos: pos, key: key, ns: ns, name: name, email: scalar(path(spec, "profile", "email")),
			display: scalar(path(spec, "profile", "displayName")), memberOf: refs(scalars(field(spec, "memberOf")), "group", ns)}
		im.users = append(im.users, u)
		im.userByKey[key] = u
	case "Component":
		c := &component{pos: pos, key: key, ns: ns, name: name, typ: scalar(field(spec, "type")),
			lifecycle: scalar(field(spec, "lifecycle")), pagerDutyID: scalar(path(meta, "annotations", "pagerduty.com/service-id"))}
		if o := scalar(field(spec, "owner")); o != "" {
			c.owner = parseRef(o, "group", ns)
		}
		im.comps = append(im.comps, c)
		im.compByKey[key] = c
	case "Location":
		targets := scalars(field(spec, "targets"))
		if t := scalar(field(spec, "target")); t != "" {
			targets = append([]string{t}, targets...)
		}
		return im.followLocation(pos, targets)
	}
	return nil
}

// backstageTallies are the entity kinds an import reads, each with the tally that counts it.
var backstageTallies = map[string]string{"Group": "groups", "User": "users", "Component": "components", "Location": "locations"}

// duplicate warns about a second group, user or component of the same namespace and name
// (the first is kept); locations are never duplicates, each is followed on its own.
func (im *importer) duplicate(pos Pos, kind, ns, name, key string) bool {
	var exists bool
	switch kind {
	case "Group":
		exists = im.groupByKey[key] != nil
	case "User":
		exists = im.userByKey[key] != nil
	case "Component":
		exists = im.compByKey[key] != nil
	}
	if exists {
		im.warn(pos, "a second %s %s/%s; the first is kept", kind, ns, name)
	}
	return exists
}

func distinct(rs []ref) []ref {
	seen := make(map[string]bool, len(rs))
	out := rs[:0]
	for _, r := range rs {
		if !seen[r.key] {
			seen[r.key] = true
			out = append(out, r)
		}
	}
	return out
}
