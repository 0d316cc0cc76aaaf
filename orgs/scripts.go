package orgs

import (
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Two rules keep a name from passing for another (UTS #39, "Unicode Security Mechanisms"):
// "Platform SRE" and "Platfоrm SRE" (a Cyrillic о) loaded as two teams, and run_with
// silently named one of them.
//
//   - mixed scripts: a word of a name is written in one script (section 5.1, "single
//     script" after resolving each character's scripts). Common characters (digits,
//     punctuation) and combining marks (Inherited) go with any script, and Han goes with
//     Hiragana and Katakana (Japanese), Hangul (Korean) and Bopomofo, as UTS #39's
//     augmented script sets have it. Words are split at spaces and punctuation, so
//     "Платформа / Platform" is fine.
//   - confusable names: two names of teams, or of services, are refused when their
//     skeletons (section 4: the name folded, decomposed, each confusable letter replaced by
//     the letter it looks like) are equal while the names are not the same name.

// scripts and scriptNames are the scripts checked, most names' first, then all others.
var scripts, scriptNames = func() (tables []*unicode.RangeTable, names []string) {
	first := []string{"Latin", "Cyrillic", "Greek", "Han", "Hiragana", "Katakana", "Hangul", "Arabic", "Hebrew"}
	seen := map[string]bool{"Common": true, "Inherited": true}
	for _, n := range first {
		tables, names, seen[n] = append(tables, unicode.Scripts[n]), append(names, n), true
	}
	for n, t := range unicode.Scripts {
		if !seen[n] {
			tables, names = append(tables, t), append(names, n)
		}
	}
	return tables, names
}()

// scriptName is the name of r's script, "" for Common and Inherited (and unassigned).
func scriptName(r rune) string {
	for i, t := range scripts {
		if unicode.Is(t, r) {
			return scriptNames[i]
		}
	}
	return ""
}

// cjk are the scripts that go together in one word, as Han does with each of them.
var cjk = map[string]bool{"Han": true, "Hiragana": true, "Katakana": true, "Hangul": true, "Bopomofo": true}

// mixedScripts returns the first word of s written in more than one script, and two of
// its scripts ("" when every word is in one).
func mixedScripts(s string) (word, a, b string) {
	if isASCII(s) {
		return "", "", ""
	}
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) }) {
		first, firstCJK := "", false
		for _, r := range w {
			sc := scriptName(r)
			switch {
			case sc == "":
			case first == "":
				first, firstCJK = sc, cjk[sc]
			case sc == first:
			case firstCJK && cjk[sc] && (sc == "Han" || first == "Han" || sc != "Hangul" && first != "Hangul"):
				// Han with kana or Hangul, kana with kana: one writing system
			default:
				return w, first, sc
			}
		}
	}
	return "", "", ""
}

// mixedScriptProblem says why s mixes scripts within a word ("" when it does not).
func mixedScriptProblem(what, s string) string {
	w, a, b := mixedScripts(s)
	if w == "" {
		return ""
	}
	return fmt.Sprintf("%s %q mixes the %s and %s scripts in the word %q, which would let it pass for another name; refused", what, s, a, b, w)
}

// Skeleton is the key two names share when one could pass for the other (UTS #39's
// skeleton, on the folded name and with the small table of confusables.go).
func Skeleton(s string) string {
	f := FoldName(s)
	if isASCII(f) {
		return f
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(f) {
		// FoldName keeps the smallest rune of a case orbit, which for Cyrillic and Greek is
		// the upper-case letter; the table lists lower case
		if p, ok := confusables[unicode.ToLower(r)]; ok {
			r = p
		}
		b.WriteRune(r)
	}
	return norm.NFD.String(b.String())
}

// confusableNames refuses a team (or service) whose name could pass for an earlier one's
// without being the same name, naming both.
func (c *checker) confusableNames() {
	o := c.o
	teams := o.teamNames()
	for i, j := range confusablePairs(teams) {
		c.add(at{table: "team", index: i, where: crossWhere("team", teams[i], i), part: partCross}, "name", "the name could pass for that of team #%d (%q): the two differ only in letters of other scripts that look alike; refused", j+1, teams[j])
	}
	services := make([]string, len(o.Services))
	for i := range o.Services {
		services[i] = o.Services[i].Name
	}
	for i, j := range confusablePairs(services) {
		c.add(at{table: "service", index: i, where: crossWhere("service", services[i], i), part: partCross}, "name", "the name could pass for that of service #%d (%q): the two differ only in letters of other scripts that look alike; refused", j+1, services[j])
	}
}

// confusablePairs maps the index of each name that is confusable with an earlier one (and
// not the same name) to that earlier one's index. ASCII names are skipped unless a
// non-ASCII name is there to be confused with, so most files cost one pass.
func confusablePairs(names []string) map[int]int {
	nonASCII := false
	for _, n := range names {
		if !isASCII(n) {
			nonASCII = true
			break
		}
	}
	if !nonASCII {
		return nil
	}
	out := map[int]int{}
	first := make(map[string]int, len(names))
	for i, n := range names {
		if n == "" {
			continue
		}
		k := Skeleton(n)
		if j, ok := first[k]; ok {
			if !SameName(n, names[j]) {
				out[i] = j
			}
			continue
		}
		first[k] = i
	}
	return out
}

// ConfusableWith returns the name of names that name could pass for without being the same
// name ("" when there is none), for the dashboard's edits.
func ConfusableWith(name string, names []string) string {
	k := Skeleton(name)
	for _, n := range names {
		if !SameName(n, name) && Skeleton(n) == k {
			return n
		}
	}
	return ""
}

// teamNames are the names of o's teams, in model order.
func (o *Org) teamNames() []string {
	names := make([]string, len(o.Teams))
	for i := range o.Teams {
		names[i] = o.Teams[i].Name
	}
	return names
}

// hasNonASCIITeamName reports whether a team's name holds a character beyond ASCII: only
// then can an ASCII name be confused with one.
func (o *Org) hasNonASCIITeamName() bool {
	for i := range o.Teams {
		if !isASCII(o.Teams[i].Name) {
			return true
		}
	}
	return false
}
