package orgs

import "strconv"

// crossCheck applies the rules that relate teams and services to each other, on what the
// checks of each left of them (teamFacts, serviceFacts).
func (c *checker) crossCheck() {
	teams, services := c.teams, c.services
	cross := func(table string, name string, i int) at {
		return at{table: table, index: i, where: crossWhere(table, name, i), part: partCross}
	}
	byName := make(map[string]int, len(teams))
	keys := foldedNames(c.o.Teams)
	for i, t := range teams {
		if t.name == "" {
			continue
		}
		if j, dup := byName[keys[i]]; dup {
			c.addAt(cross("team", t.name, i), "name", "", "the name is already used by team #%d (%q); names are unique ignoring case and Unicode form", j+1, teams[j].name)
			continue
		}
		byName[keys[i]] = i
	}
	// The index of near misses is built for the first shown message that needs one.
	var ix *nearIndex
	didYouMeanTeam := func(name string) string {
		if ix == nil {
			names := make([]string, len(teams))
			for i := range teams {
				names[i] = teams[i].name
			}
			ix = newNearIndex(names)
		}
		if best := ix.suggest(name); best != "" {
			return " (did you mean " + strconv.Quote(best) + "?)"
		}
		return ""
	}
	// partner checks a run_with: it names a team of the kind run needs (and not the team itself).
	partner := func(a at, self int, run Run, with string) {
		j, ok := lookupFold(byName, with)
		switch {
		case !ok && c.full():
			c.more++ // not shown: no suggestion to make
		case !ok:
			c.addAt(a, "run_with", "", "run_with %q names no team%s", with, didYouMeanTeam(with))
		case teams[j].kind == "":
			// that team's kind is missing or invalid, which is reported already
		case teams[j].kind != run.PartnerKind():
			c.addAt(a, "run_with", "", "run_with %q is kind = %q, but run = %q needs a team of kind = %q", with, teams[j].kind, run, run.PartnerKind())
		case j == self:
			c.addAt(a, "run_with", "", "a team cannot run with itself")
		}
	}
	for i, t := range teams {
		if t.kind == KindDev && t.runWith != "" && t.run.NeedsPartner() {
			partner(cross("team", t.name, i), i, t.run, t.runWith)
		}
	}
	seen := make(map[string]int, len(services))
	var fold []byte
	for i, s := range services {
		if s.name != "" {
			fold = appendFold(fold[:0], s.name)
			if j, dup := seen[string(fold)]; dup {
				c.addAt(cross("service", s.name, i), "name", "", "the name is already used by service #%d (%q); names are unique ignoring case and Unicode form", j+1, services[j].name)
			} else {
				seen[string(fold)] = i
			}
		}
		if s.team == "" {
			continue
		}
		j, ok := lookupFold(byName, s.team)
		switch {
		case !ok && c.full():
			c.more++
		case !ok:
			c.addAt(cross("service", s.name, i), "team", "", "team %q does not exist%s", s.team, didYouMeanTeam(s.team))
		case teams[j].kind == "":
			// that team's kind is missing or invalid, which is reported already
		case teams[j].kind != KindDev:
			c.addAt(cross("service", s.name, i), "team", "", "team %q is kind = %q; a service is built by a dev team", s.team, teams[j].kind)
		}
	}
	for i, s := range services {
		if s.runWith != "" && s.run.NeedsPartner() {
			partner(cross("service", s.name, i), -1, s.run, s.runWith)
		}
	}
	// a backup is an ops or SRE team, and not the partner it would back up (docs/rules.md
	// section 1)
	backup := func(a at, name, own, whose string) {
		j, ok := lookupFold(byName, name)
		switch {
		case !ok && c.full():
			c.more++
		case !ok:
			c.addAt(a, "backup", "", "backup %q names no team%s", name, didYouMeanTeam(name))
		case teams[j].kind == "":
		case teams[j].kind != KindOps && teams[j].kind != KindSRE:
			c.addAt(a, "backup", "", "backup %q is kind = %q; a backup is an ops or SRE team (kind = \"ops\" or \"sre\")", name, teams[j].kind)
		case own != "" && SameName(own, name):
			c.addAt(a, "backup", "", "backup %q is %s own run_with: a backup covers the hours the responders do not, so it is another team", name, whose)
		}
	}
	for i, t := range teams {
		if t.backup != "" && t.kind == KindDev {
			backup(cross("team", t.name, i), t.backup, t.runWith, "the team's")
		}
	}
	for i, s := range services {
		if s.backup != "" {
			backup(cross("service", s.name, i), s.backup, s.runWith, "the service's")
		}
	}
}

// crossWhere names the i-th team or service in the messages of crossCheck: by its name, or
// by its number when it has none (missing, empty or refused).
func crossWhere(table, name string, i int) string {
	if name == "" {
		return table + " #" + strconv.Itoa(i+1)
	}
	return table + " " + strconv.Quote(name) // as %q writes it, at a fraction of the cost
}
