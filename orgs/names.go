package orgs

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Names of teams, services and the organization are stored as written and compared in one
// way only (docs/rules.md, "Names"): equal after Unicode NFC normalization and simple case
// folding. FoldName is that comparison's key; SameName the comparison itself; NameProblem
// says why a name is refused. Nothing else in sretopo lowercases a name to compare it.

// MaxNameLen is the longest name of a team or service, in characters.
const MaxNameLen = 64

// FoldName returns the key two names share exactly when they are the same name: the NFC
// form of s with every rune replaced by the smallest rune of its simple case-folding orbit
// (so "K", "k" and the Kelvin sign, or "S", "s" and "ſ", share a key, as strings.EqualFold
// says they should).
func FoldName(s string) string {
	if isFoldedASCII(s) {
		return s // the common case allocates nothing
	}
	return string(appendFold(make([]byte, 0, len(s)), s))
}

// SameName reports whether a and b are the same name.
func SameName(a, b string) bool {
	if a == b {
		return true
	}
	if isASCII(a) && isASCII(b) {
		return strings.EqualFold(a, b)
	}
	return FoldName(a) == FoldName(b)
}

// appendFold appends FoldName(s) to b; for ASCII, the common case, without allocating.
func appendFold(b []byte, s string) []byte {
	if !isASCII(s) {
		var nfc [128]byte
		n := norm.NFC.AppendString(nfc[:0], s)
		for _, r := range string(n) {
			b = utf8.AppendRune(b, foldRune(r))
		}
		return b
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}

// foldRune is the smallest rune of r's simple case-folding orbit. For ASCII letters that is
// the upper case one; appendFold lowers ASCII instead, which is the same key as long as
// every rune of the orbit maps to one value: so non-ASCII orbits that hold an ASCII letter
// (k, K, Kelvin sign; s, S, long s) map to the ASCII lower case letter.
func foldRune(r rune) rune {
	min := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		if f < min {
			min = f
		}
	}
	if 'A' <= min && min <= 'Z' {
		return min + ('a' - 'A')
	}
	return min
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func isFoldedASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return false
		}
	}
	return true
}

// foldedNames returns FoldName of every team's name, all in one allocation: a model may
// hold 20,000 teams, and a string for each made keying the name maps the costliest part
// of loading and analysing it.
func foldedNames(teams []Team) []string {
	return foldAll(teams, func(t *Team) string { return t.Name })
}

// foldAll returns FoldName of the name of every item, all in one allocation (see
// foldedNames); teams and services share it.
func foldAll[T any](items []T, name func(*T) string) []string {
	n := 0
	for i := range items {
		n += len(name(&items[i]))
	}
	buf := make([]byte, 0, n)
	ends := make([]int, len(items))
	for i := range items {
		buf = appendFold(buf, name(&items[i]))
		ends[i] = len(buf)
	}
	all := string(buf)
	out := make([]string, len(items))
	start := 0
	for i, end := range ends {
		out[i], start = all[start:end], end
	}
	return out
}

// lookupFold is m[FoldName(name)], without allocating for a name of up to 64 bytes.
func lookupFold(m map[string]int, name string) (int, bool) {
	var buf [256]byte
	if len(name) > 64 {
		j, ok := m[FoldName(name)]
		return j, ok
	}
	j, ok := m[string(appendFold(buf[:0], name))]
	return j, ok
}

// IsRefusedInName reports whether r may not appear in a name: C0 and C1 controls, DEL, every
// Default_Ignorable_Code_Point (zero-width and bidi formatting characters, the soft hyphen,
// variation selectors, TAG characters, Hangul fillers, the combining grapheme joiner), the
// line and paragraph separators and the braille blank, all of which render as nothing or as
// a space and so could make two names that look alike differ.
func IsRefusedInName(r rune) bool {
	switch {
	case r == utf8.RuneError:
		return true
	case IsControl(r):
		return true
	case r == 0x2028, r == 0x2029, r == 0x2800:
		return true
	}
	return isDefaultIgnorable(r)
}

// isDefaultIgnorable is the derived Unicode property Default_Ignorable_Code_Point:
// Other_Default_Ignorable_Code_Point, format characters (Cf) and variation selectors, less
// white space, the interlinear annotation characters, the Egyptian format controls and the
// prepended concatenation marks (DerivedCoreProperties.txt).
func isDefaultIgnorable(r rune) bool {
	if r < 0xad {
		return false // the ASCII and Latin-1 range holds none before the soft hyphen
	}
	if !unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r) &&
		!unicode.Is(unicode.Cf, r) && !unicode.Is(unicode.Variation_Selector, r) {
		return false
	}
	switch {
	case unicode.Is(unicode.White_Space, r),
		r >= 0xfff9 && r <= 0xfffb,
		r >= 0x13430 && r <= 0x1343f,
		unicode.Is(unicode.Prepended_Concatenation_Mark, r):
		return false
	}
	return true
}

// NameProblem says why s is not acceptable as the name of a team or service ("" when it
// is): empty, longer than MaxNameLen characters, holding a refused character (named by its
// code point), or beginning or ending with a space. what is "team name", "service name"...
func NameProblem(what, s string) string {
	switch {
	case strings.TrimSpace(s) == "":
		return what + " is empty"
	case !utf8.ValidString(s):
		return what + " is not valid UTF-8"
	}
	for _, r := range s {
		switch {
		case IsControl(r) || r == utf8.RuneError:
			return fmt.Sprintf("%s %q holds a control character, which could drive the terminal; refused", what, s)
		case IsRefusedInName(r):
			return fmt.Sprintf("%s %q holds the invisible character U+%04X, which would let it pass for another name; refused", what, s, r)
		}
	}
	switch n := utf8.RuneCountInString(s); {
	case n > MaxNameLen:
		return fmt.Sprintf("%s is %d characters long; at most %d are allowed", what, n, MaxNameLen)
	case unicode.IsSpace(firstRune(s)) || unicode.IsSpace(lastRune(s)):
		return fmt.Sprintf("%s %q begins or ends with a space", what, s)
	}
	return mixedScriptProblem(what, s) // scripts.go
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}
