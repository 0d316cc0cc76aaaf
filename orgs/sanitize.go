package orgs

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Sanitize makes a user string safe to print on a terminal, as one line. Every control
// character (C0, DEL, C1 such as U+009B, and the bidirectional and zero-width formatting
// characters that can reorder or hide text) is replaced: tab, newline and carriage return by a
// space, the others by a visible escape such as \x1b, so a hostile name is shown, not obeyed.
// Invalid UTF-8 bytes are escaped the same way. Every string that came from a file goes
// through this function before it reaches the screen or standard output.
func Sanitize(s string) string {
	if isClean(s) {
		return s // the common case allocates nothing
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\t' || r == '\n' || r == '\r':
			b.WriteByte(' ')
		case r < 0x80 && IsControl(r):
			fmt.Fprintf(&b, `\x%02x`, r)
		case IsControl(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// isClean reports whether s is valid UTF-8 without a control character.
func isClean(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c == 0x7f {
			return false
		}
		if c >= 0x80 {
			for _, r := range s[i:] {
				if r == utf8.RuneError || IsControl(r) {
					return false
				}
			}
			return true
		}
	}
	return true
}

// IsControl reports whether r must never reach a terminal raw: C0, DEL, C1, and the Unicode
// formatting characters that reorder or hide text (bidi embeddings, overrides and isolates,
// marks, zero-width characters, line and paragraph separators, the byte order mark).
func IsControl(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r < 0xa0:
		return true
	case r == 0x061c, r == 0x180e,
		r >= 0x200b && r <= 0x200f,
		r >= 0x2028 && r <= 0x202e,
		r >= 0x2060 && r <= 0x2069,
		r == 0xfeff, r >= 0xfff9 && r <= 0xfffb:
		return true
	}
	return false
}

// hasControl reports whether s holds a control character; allowText lets tab and newline
// through, as free text may hold them.
func hasControl(s string, allowText bool) bool {
	for _, r := range s {
		if allowText && (r == '\t' || r == '\n') {
			continue
		}
		if IsControl(r) {
			return true
		}
	}
	return false
}

// maxQuoted is how much user text a message quotes: a 7 MB unknown key was once echoed
// whole.
const maxQuoted = 200

// Cut shortens user text for a message: past 200 characters it is cut at a character
// boundary and "... (N bytes)" says how long it was.
func Cut(s string) string {
	n := 0
	for i := range s {
		if n == maxQuoted {
			return s[:i] + fmt.Sprintf("... (%d bytes)", len(s))
		}
		n++
	}
	return s
}
