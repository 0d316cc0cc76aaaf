package orgs

import (
	"math/bits"
	"strconv"
	"strings"
	"unicode/utf8"
)

// "Did you mean" for names that resolve to no team. A file of 20,000 teams, each naming a
// team that does not exist, once kept a load busy for minutes: every unresolved name was
// measured against every team, even after the 1,000-problem cap had hidden its message.
// Now a suggestion is made only for a message that is shown, and only from a bounded set of
// candidates: names whose length is within two characters, whose letters differ in at most
// four (an edit distance under 3 changes no more), up to a budget of comparisons for the
// whole file. Past the budget a message simply has no suggestion.

// suggestBudget bounds the edit distances computed for one file's suggestions, and
// suggestPerName those for one name. A near miss in a file of normal size is always found;
// a hostile file costs at most this much (about 50 ms).
const (
	suggestBudget  = 100_000
	suggestPerName = 2_000
)

// nearIndex finds near misses among a file's names.
type nearIndex struct {
	names []string // as written, for the message
	lower []string // lower-cased, as compared
	sig   []uint64 // which letters each holds (a bit per letter, folded into 64)
	// byLen lists, per length in runes, the names of that length in model order.
	byLen map[int][]int32
	// work is the edit distances computed so far.
	work int
}

func newNearIndex(names []string) *nearIndex {
	ix := &nearIndex{names: names, lower: make([]string, len(names)), sig: make([]uint64, len(names)), byLen: map[int][]int32{}}
	for i, n := range names {
		if n == "" {
			continue
		}
		l := strings.ToLower(n)
		ix.lower[i], ix.sig[i] = l, letterSig(l)
		k := utf8.RuneCountInString(l)
		ix.byLen[k] = append(ix.byLen[k], int32(i))
	}
	return ix
}

// letterSig is the set of letters s holds, each rune folded onto one of 64 bits. One edit
// adds or removes at most one letter from the set, a substitution both, so strings within an
// edit distance of 2 have signatures differing in at most 4 bits.
func letterSig(s string) uint64 {
	var sig uint64
	for _, r := range s {
		sig |= 1 << (uint32(r) * 2654435761 >> 26)
	}
	return sig
}

// suggest is the nearest name within an edit distance under 3, or "" (also when the budget
// is spent). Ties go to the earliest name in model order, as a scan of every name gave.
func (ix *nearIndex) suggest(s string) string {
	if ix == nil || s == "" {
		return ""
	}
	l := strings.ToLower(s)
	n := utf8.RuneCountInString(l)
	if n > 64 {
		return "" // editDistance gives up on long strings: no suggestion would help
	}
	sig := letterSig(l)
	var ra [64]rune
	a := appendRunes(ra[:0], l)
	best, bestDist, bestAt := "", 3, int32(-1)
	tried := 0
	for k := n - 2; k <= n+2; k++ {
		for _, i := range ix.byLen[k] {
			if bits.OnesCount64(ix.sig[i]^sig) > 4 {
				continue
			}
			if ix.work >= suggestBudget || tried >= suggestPerName {
				return best
			}
			ix.work++
			tried++
			d := distanceUpTo2(a, ix.lower[i])
			if d < bestDist || d == bestDist && bestAt >= 0 && i < bestAt {
				best, bestDist, bestAt = ix.names[i], d, i
			}
			if d == 0 {
				break
			}
		}
	}
	return best
}

func appendRunes(b []rune, s string) []rune {
	for _, r := range s {
		b = append(b, r)
	}
	return b
}

// distanceUpTo2 is the Levenshtein distance of a and b (at most 64 runes each) when it is
// under 3, else 3; it computes only the band of the table that can stay under 3, without
// allocating.
func distanceUpTo2(a []rune, bs string) int {
	const far = 3
	var rb [64]rune
	b := appendRunes(rb[:0], bs)
	if len(b) > 64 || len(a)-len(b) > 2 || len(b)-len(a) > 2 {
		return far
	}
	var prev, cur [65]int
	for j := 0; j <= len(b); j++ {
		prev[j] = min(j, far)
	}
	for i := 1; i <= len(a); i++ {
		lo, hi := max(1, i-2), min(len(b), i+2)
		cur[0] = min(i, far)
		if lo > 1 {
			cur[lo-1] = far
		}
		rowMin := cur[0]
		for j := lo; j <= hi; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			up := far
			if j <= i+1 { // prev[j] lies in the previous row's band
				up = prev[j]
			}
			c := min(up+1, cur[j-1]+1, prev[j-1]+cost, far)
			cur[j] = c
			rowMin = min(rowMin, c)
		}
		if hi < len(b) {
			cur[hi+1] = far
		}
		if rowMin >= far {
			return far
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// didYouMean suggests the nearest candidate within an edit distance under 3, or "".
func didYouMean(s string, candidates []string, quoted bool) string {
	if len(s) > 4*64 && utf8.RuneCountInString(s) > 64 {
		return "" // editDistance gives up on it anyway, after copying it for each candidate
	}
	best, bestDist := "", 3
	for _, c := range candidates {
		if dist := editDistance(strings.ToLower(s), strings.ToLower(c)); dist < bestDist {
			best, bestDist = c, dist
		}
	}
	if best == "" {
		return ""
	}
	if quoted {
		return " (did you mean " + strconv.Quote(best) + "?)"
	}
	return " (did you mean " + best + "?)"
}

// editDistance is the Levenshtein distance of a and b, in runes; it gives up (returns a
// large number) on long strings, where no suggestion would help anyway.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 64 || len(rb) > 64 {
		return 1 << 20
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
