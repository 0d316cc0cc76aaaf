package orgs

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"math"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// appendJSONFloat appends f as encoding/json writes a float64.
func appendJSONFloat(b []byte, f float64) []byte {
	format := byte('f')
	if a := math.Abs(f); a != 0 && (a < 1e-6 || a >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// clean up e-09 to e-9, as encoding/json does
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

// appendIndented appends v as encoding/json writes it, indented as a value whose line has
// indentation prefix, without a final newline.
func appendIndented(b []byte, v any, prefix string) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent(prefix, "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return append(b, bytes.TrimSuffix(buf.Bytes(), []byte("\n"))...), nil
}

// MarshalJSON writes the values keyed by model id, in spectrum order.
func (v ModelValues) MarshalJSON() ([]byte, error) {
	return appendKeyedObject(nil, ComparedModels, func(b []byte, i int) []byte {
		return appendString(b, v[i])
	}), nil
}

// MarshalJSON writes the shares keyed by identity id, in tie-break order.
func (s IdentityShares) MarshalJSON() ([]byte, error) {
	return appendKeyedObject(nil, AllIdentities, func(b []byte, i int) []byte {
		f, _ := json.Marshal(s[i])
		return append(b, f...)
	}), nil
}

// appendKeyedObject appends a JSON object with one member per key, in the keys' order, the
// i-th member's value written by appendValue: the fixed-size arrays keyed by an id list share
// one writer so their key order cannot drift apart.
func appendKeyedObject[K ~string](b []byte, keys []K, appendValue func(b []byte, i int) []byte) []byte {
	b = append(b, '{')
	for i, key := range keys {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, string(key))
		b = append(b, ':')
		b = appendValue(b, i)
	}
	return append(b, '}')
}

// appendNullString appends s as a JSON string, or null when it is empty.
func appendNullString(b []byte, s string) []byte {
	if s == "" {
		return append(b, "null"...)
	}
	return appendString(b, s)
}

// appendString appends s as a JSON string. Plain ASCII, the common case, is copied as it is;
// anything else goes through encoding/json, without HTML escaping, like the rest of the report.
func appendString(b []byte, s string) []byte {
	plain := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f || c == '"' || c == '\\' {
			plain = false
			break
		}
	}
	if plain {
		b = append(b, '"')
		b = append(b, s...)
		return append(b, '"')
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	return append(b, bytes.TrimRight(buf.Bytes(), "\n")...)
}

// MarshalJSON writes the people keyed by identity id, in tie-break order.
func (p IdentityPeople) MarshalJSON() ([]byte, error) {
	b := []byte{'{'}
	for i, id := range AllIdentities {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, string(id))
		b = append(b, ':')
		b = strconv.AppendInt(b, int64(p[i]), 10)
	}
	return append(b, '}'), nil
}

// EscapeJSON is the escaping of every JSON sretopo prints: it rewrites, in JSON text b, each
// character that must never reach a terminal raw (DEL, C1 controls such as U+009B, bidi and
// zero-width formatting characters, line and paragraph separators: orgs.IsControl) as a \u
// escape, and each invalid UTF-8 byte as \ufffd. encoding/json leaves C1 and bidi
// characters as they are, so a file path or a name could reorder or hide what a terminal
// shows of a report. Outside strings valid JSON holds only ASCII, so this changes no
// structure and no value. b is returned as it is when it holds nothing to escape.
func EscapeJSON(b []byte) []byte {
	i := 0
	// eight bytes at a time while none is DEL or outside ASCII: a report of 20,000
	// services is 15 MB of ASCII
	const high, ones, del = 0x8080808080808080, 0x0101010101010101, 0x7f7f7f7f7f7f7f7f
	for ; i+8 <= len(b); i += 8 {
		w := binary.LittleEndian.Uint64(b[i:])
		x := w ^ del // a zero byte where w holds DEL
		if w&high != 0 || (x-ones)&^x&high != 0 {
			break
		}
	}
	for i < len(b) && b[i] < utf8.RuneSelf && b[i] != 0x7f {
		i++
	}
	if i == len(b) {
		return b // all ASCII: the common case
	}
	out := make([]byte, 0, len(b)+16)
	out = append(out, b[:i]...)
	for i < len(b) {
		c := b[i]
		if c < utf8.RuneSelf {
			if c == 0x7f { // DEL, which encoding/json leaves raw
				out = appendUEscape(out, 0x7f)
				i++
				continue
			}
			out = append(out, c)
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			out = append(out, `\ufffd`...)
		case IsControl(r):
			out = appendUEscape(out, r)
		default:
			out = append(out, b[i:i+size]...)
		}
		i += size
	}
	return out
}

// appendUEscape appends r as a JSON \u escape (a surrogate pair above the BMP).
func appendUEscape(b []byte, r rune) []byte {
	const hex = "0123456789abcdef"
	one := func(b []byte, u rune) []byte {
		return append(b, '\\', 'u', hex[u>>12&0xf], hex[u>>8&0xf], hex[u>>4&0xf], hex[u&0xf])
	}
	if r > 0xffff {
		r1, r2 := utf16.EncodeRune(r)
		return one(one(b, r1), r2)
	}
	return one(b, r)
}
