package gen

import (
	"bytes"
	"fmt"
)

// Hostile files for the benchmarks and tests of loading: they hold what a careless or
// hostile colleague could write, built in memory so that no multi-megabyte file is kept.

// UnresolvedRunWith is an organization file of teams dev teams, each run with SRE under a
// run_with that names no team but is one letter away from a team's name ("Tam 00042" for
// "Team 00042"): every one of them is a problem with a near miss, the worst case for "did
// you mean" suggestions.
func UnresolvedRunWith(teams int) []byte {
	var b bytes.Buffer
	b.WriteString("format = 1\nname = \"Unresolved\"\n")
	for i := range teams {
		fmt.Fprintf(&b, "\n[[team]]\nname = \"Team %05d\"\norg = \"dev\"\nkind = \"dev\"\nheadcount = 5\nrun = \"sre\"\nrun_with = \"Tam %05d\"\n", i, i)
	}
	return b.Bytes()
}

// EmptyTables is an organization file of about size bytes whose teams are empty inline
// tables, `team = [{},{},...]`: nothing a key counter sees, everything the decoder builds.
func EmptyTables(size int) []byte {
	var b bytes.Buffer
	b.Grow(size + 16)
	b.WriteString("format = 1\nname = \"Empty\"\nteam = [")
	for b.Len() < size-4 {
		b.WriteString("{},")
	}
	b.WriteString("{}]\n")
	return b.Bytes()
}
