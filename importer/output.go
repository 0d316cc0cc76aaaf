package importer

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/sretopo/sretopo/orgs"
)

// maxListed is how many names a line of the opening comment lists before "and N more".
const maxListed = 10

// write is the organization file: the opening comment block (sources, counts, inferences),
// then the canonical file of orgs.Marshal with a comment on each team and service line
// naming the file it came from and what was inferred.
func (im *importer) write(b *built, sources []string) []byte {
	var out bytes.Buffer
	line := func(format string, args ...any) {
		out.WriteString("# ")
		out.WriteString(orgs.Sanitize(fmt.Sprintf(format, args...)))
		out.WriteByte('\n')
	}
	line("Imported by sretopo import from %s (%d files read).", strings.Join(sanitizeAll(sources), ", "), len(im.files))
	for _, c := range []struct{ key, what string }{{"groups", "groups"}, {"users", "users"}, {"components", "components"}, {"schedules", "PagerDuty schedules"}, {"SLOs", "SLOs"}} {
		t := im.counts[c.key]
		if t == nil {
			continue
		}
		if c.key == "users" {
			t.used = im.usersInTeams()
			t.skipped = t.read - t.used
		}
		line("%s: %d read, %d used, %d skipped.", c.what, t.read, t.used, t.skipped)
	}
	line("Teams: %d; services: %d.", len(b.org.Teams), len(b.org.Services))
	if len(im.otherKinds) > 0 {
		var parts []string
		for _, k := range slices.Sorted(maps.Keys(im.otherKinds)) {
			parts = append(parts, fmt.Sprintf("%s %d", k, im.otherKinds[k]))
		}
		line("Kinds not imported, skipped: %s.", strings.Join(parts, ", "))
	}
	if im.unrecognized > 0 {
		line("%d documents in no known format, skipped.", im.unrecognized)
	}
	if len(b.inferred) > 0 {
		line("Headcount %d inferred for %d teams: %s.", im.opts.Headcount, len(b.inferred), listed(b.inferred))
	}
	if len(b.approximated) > 0 {
		line("On-call patterns approximated for %d teams: %s.", len(b.approximated), listed(b.approximated))
	}
	out.WriteByte('\n')

	body := orgs.Marshal(b.org)
	team, service := 0, 0
	for len(body) > 0 {
		l, rest, _ := bytes.Cut(body, []byte("\n"))
		body = rest
		out.Write(l)
		switch string(l) {
		case "[[team]]":
			if team < len(b.teamPos) {
				out.WriteString("  # " + comment(b.teamPos[team], b.teamNotes[team]))
			}
			team++
		case "[[service]]":
			if service < len(b.servicePos) {
				out.WriteString("  # " + comment(b.servicePos[service], b.serviceNotes[service]))
			}
			service++
		}
		out.WriteByte('\n')
	}
	return out.Bytes()
}

func comment(p Pos, notes []string) string {
	return orgs.Sanitize(strings.Join(append([]string{"from " + p.String()}, notes...), "; "))
}

func listed(names []string) string {
	if len(names) <= maxListed {
		return strings.Join(names, ", ")
	}
	return strings.Join(names[:maxListed], ", ") + fmt.Sprintf(" and %d more", len(names)-maxListed)
}

// usersInTeams counts the users that are members of an imported team.
func (im *importer) usersInTeams() int {
	n := 0
	for _, u := range im.users {
		for _, m := range u.memberOf {
			if g := im.groupByKey[m.key]; g != nil && g.team && m.kind == "group" {
				n++
				break
			}
		}
	}
	return n
}
