package orgs_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sretopo/sretopo/orgs"
)

// FuzzEscapeJSON: any string, encoded by encoding/json and passed through EscapeJSON, is
// still valid JSON decoding to the same value, is valid UTF-8, and holds no character a
// terminal would obey or use to reorder text (C1, bidi, zero-width) raw.
func FuzzEscapeJSON(f *testing.F) {
	for _, s := range []string{"", "plain", "\u009b31m", "a\u202eb\u202c", "\u2066x\u2069", "\u200b", "\ufeff", "é😀", "\x1b]0;t\a", "\xff", "\u2028", "\ufffd", "a\ufffdb\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		raw, err := json.Marshal(map[string]string{"file": s})
		if err != nil {
			t.Fatal(err)
		}
		out := orgs.EscapeJSON(raw)
		var back map[string]string
		if err := json.Unmarshal(out, &back); err != nil {
			t.Fatalf("%q: %s is not JSON: %v", s, out, err)
		}
		var want map[string]string
		json.Unmarshal(raw, &want)
		if back["file"] != want["file"] {
			t.Fatalf("%q came back as %q", s, back["file"])
		}
		// a real U+FFFD is a character like any other (encoding/json also writes it for
		// invalid bytes): what must not appear is a byte that is not UTF-8
		if !utf8.Valid(out) {
			t.Fatalf("%q: %q is not UTF-8", s, out)
		}
		for _, r := range string(out) {
			if orgs.IsControl(r) {
				t.Fatalf("%q: raw %U in %s", s, r, out)
			}
		}
	})
}

// TestEscapeJSONFindsEveryPlace: EscapeJSON reads plain ASCII eight bytes at a time; a DEL,
// a C1 control or a bidi character at any offset of a long ASCII text, across every
// eight-byte boundary, is escaped all the same, and the text around it kept.
func TestEscapeJSONFindsEveryPlace(t *testing.T) {
	for _, odd := range []string{"\x7f", "\u009b", "\u202e", "é"} {
		for at := 0; at < 40; at++ {
			s := strings.Repeat("a", at) + odd + strings.Repeat("b", 40-at)
			raw, err := json.Marshal(s)
			if err != nil {
				t.Fatal(err)
			}
			out := orgs.EscapeJSON(raw)
			var back string
			if err := json.Unmarshal(out, &back); err != nil || back != s {
				t.Fatalf("%q at %d: %s decodes to %q (%v)", odd, at, out, back, err)
			}
			if odd != "é" && bytes.Equal(out, raw) {
				t.Errorf("%q at %d: left raw in %s", odd, at, out)
			}
			if odd == "é" && !bytes.Equal(out, raw) {
				t.Errorf("é at %d: changed to %s", at, out)
			}
		}
	}
}
