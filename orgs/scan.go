package orgs

import (
	"bytes"
	"fmt"
	"unicode/utf8"
)

// Limits that keep hostile files from hurting the process. The TOML decoder recurses once per
// nesting level (millions of `[` overflow the stack, which no recover catches) and is
// quadratic in the segments of a dotted key, so both are refused before it runs.
const (
	MaxFileSize = 8 << 20 // bytes
	MaxTeams    = 20000
	MaxDepth    = 64 // nesting of arrays and inline tables, and segments of a dotted key
)

// maxKeyWork bounds the decoder's work on keys, which grows with the square of a key's full
// path (table header, dotted key and the inline tables around it): the sum of those
// squares. Within MaxDepth a file of 8 MiB of long dotted keys or nested inline tables took
// the decoder 20 to 35 seconds; at this bound no file takes much longer than 8 MiB of
// plain keys, and any file sretopo writes (paths of two segments: [[team]] then name)
// passes it at 8 MiB.
const maxKeyWork = 4_000_000

// maxEntries bounds the keys, table headers, inline tables, arrays and array elements of a
// file. The decoder spends about 3 µs on
// each tiny one, so 8 MiB of `a=1` lines would take it seconds to read, and at this bound
// any file is refused or read within about a second. 20,000 teams with the keys people use
// (name, org, kind, headcount, on_call, run, run_with or sre_role) stay well within it.
const maxEntries = 250_000

// prescan walks the bytes once, before the decoder sees them, and refuses what would hurt
// the process or confuse its messages, with the position of the first offence:
//   - bytes TOML never allows (invalid UTF-8, control characters other than tab and
//     newline), whose place the decoder reports a character off;
//   - nesting of arrays and inline tables deeper than MaxDepth;
//   - key paths of MaxDepth segments or more, counting the table header, the dotted key and
//     the inline tables it sits in (the decoder is quadratic in the length of the full path);
//   - keys whose paths, squared and summed, exceed maxKeyWork;
//   - more than maxEntries keys, table headers, inline tables, arrays (empty or not) and
//     array elements (counted by their commas);
//   - more than MaxTeams [[team]] headers, before the decoder builds a table for each.
//
// Strings and comments are skipped. A single-line string ends at a newline whatever the
// decoder makes of it, so no prefix the decoder accepts can hide brackets from this scan.
func prescan(data []byte) *Problem {
	const (
		normal = iota
		comment
		basic     // "..."
		literal   // '...'
		mlBasic   // """..."""
		mlLiteral // '''...'''
	)
	line, lineStart := 1, 0
	at := func(i int, format string, args ...any) *Problem {
		col := 1 + utf8.RuneCount(data[lineStart:i])
		return &Problem{Line: line, Col: col, Msg: fmt.Sprintf(format, args...)}
	}
	bad := -1 // offset of the first byte that is not UTF-8
	if !utf8.Valid(data) {
		for i := 0; i < len(data); {
			r, size := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size == 1 {
				bad = i
				break
			}
			i += size
		}
	}

	state := normal
	escaped := false // the previous byte was a backslash inside a basic string
	// Outside strings: the open arrays and inline tables (their bracket, and the key path
	// length once opened), whether a key is being read (not a value), whether a table header
	// is, and the length of the current key path.
	var (
		openPath [MaxDepth + 1]int
		openKind [MaxDepth + 1]byte
		depth    int
		keyCtx   = true
		header   bool
		hdrStart int
		hdrPath  int
		path     int
		teams    int
		tooMany  *Problem
		inTable  bool // below a table header, whose segment the header's dots do not count
		work     int  // the sum of the squares of the key paths so far
		entries  int  // keys and table headers so far
	)
	addKey := func(i, segments int) *Problem {
		if entries++; entries > maxEntries {
			return at(i, "more than %d keys, tables and array values; refused before decoding", maxEntries)
		}
		if work += segments * segments; work > maxKeyWork {
			return at(i, "keys too many and too deeply nested to decode in reasonable time; refused before decoding")
		}
		return nil
	}
	for i := 0; i < len(data); i++ {
		c := data[i]
		if plain[c] && i != bad && !escaped {
			// most bytes: names, values, spaces; skip them (up to the first bad byte), but
			// not the one after a backslash in a string, which the state machine must see
			end := len(data)
			if bad > i {
				end = bad
			}
			for i+1 < end && plain[data[i+1]] {
				i++
			}
			continue
		}
		switch {
		case i == bad:
			return at(i, "invalid TOML: invalid UTF-8 byte 0x%02x; an organization file is UTF-8 text", c)
		case c >= 0x20 && c != 0x7f, c == '\t':
		case c == '\n':
			line, lineStart = line+1, i+1
		case c == '\r' && i+1 < len(data) && data[i+1] == '\n':
		case c == 0:
			return at(i, "invalid TOML: NUL byte; an organization file is UTF-8 text (is this one UTF-16, or binary?)")
		case c == '\r':
			return at(i, "invalid TOML: carriage return (0x0d) without a newline after it")
		default:
			return at(i, "invalid TOML: control character 0x%02x is not allowed (only tab and newline are)", c)
		}

		switch state {
		case comment:
			if c != '\n' {
				continue
			}
			state = normal // and the newline ends the line below
		case basic:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				state = normal
				continue
			}
			if c != '\n' {
				continue
			}
			escaped, state = false, normal // unterminated: the decoder reports it
		case literal:
			if c == '\'' {
				state = normal
			}
			if c != '\n' {
				continue
			}
			state = normal
		case mlBasic, mlLiteral:
			q := byte('"')
			if state == mlLiteral {
				q = '\''
			}
			switch {
			case escaped:
				escaped = false
			case c == '\\' && state == mlBasic:
				escaped = true
			case c == q:
				// three quotes or more close the string, up to two of them being content
				if n := quoteRun(data, i); n >= 3 {
					state = normal
					i += n - 1
				}
			}
			continue
		}

		switch c {
		case '#':
			state = comment
		case '"', '\'':
			switch n := quoteRun(data, i); {
			case n == 2: // an empty string
				i++
			case n >= 3: // a multi-line string; more quotes are its content or its end
				state = mlBasic
				if c == '\'' {
					state = mlLiteral
				}
				i += 2
			case c == '"':
				state = basic
			default:
				state = literal
			}
		case '\n':
			if depth == 0 {
				keyCtx, header, path = true, false, hdrPath
			}
		case '.':
			if keyCtx || header {
				if path++; path >= MaxDepth {
					return at(i, "key path longer than %d segments; refused before decoding", MaxDepth)
				}
			}
		case '=':
			if keyCtx {
				segments := path + 1
				if inTable {
					segments++
				}
				if p := addKey(i, segments); p != nil {
					return p
				}
			}
			keyCtx = false
		case ',':
			if depth > 0 {
				path = openPath[depth]
				keyCtx = openKind[depth] == '{'
			}
			// each element of an array is a value the decoder builds: 8 MiB of
			// `x = [1,1,1,...]` held one key and took seconds and 300 MB
			if depth > 0 && openKind[depth] == '[' {
				if entries++; entries > maxEntries {
					return at(i, "more than %d keys, tables and array values; refused before decoding", maxEntries)
				}
			}
		case '[', '{':
			if c == '[' && depth == 0 && keyCtx && !header {
				// a table header, [name] or [[name]]: its dots are where the keys below start
				header, hdrStart, path = true, i, 0
				if i+1 < len(data) && data[i+1] == '[' {
					i++
				}
				continue
			}
			if header {
				continue // a bracket inside a header is a syntax error the decoder reports
			}
			if depth++; depth > MaxDepth {
				return at(i, "nesting deeper than %d levels; refused before decoding", MaxDepth)
			}
			// an inline table or array costs the decoder a value of its own, empty or not:
			// 8 MiB of `team = [{},{},...]` held no key and took seconds and 580 MB
			if entries++; entries > maxEntries {
				return at(i, "more than %d keys, tables and array values; refused before decoding", maxEntries)
			}
			path++
			openPath[depth], openKind[depth] = path, c
			keyCtx = c == '{'
		case ']', '}':
			if header && c == ']' {
				header, keyCtx, hdrPath, inTable = false, false, path, true
				if p := addKey(i, path+1); p != nil {
					return p
				}
				if i+1 < len(data) && data[i+1] == ']' && data[hdrStart+1] == '[' {
					if bytes.Equal(bytes.Trim(data[hdrStart+2:i], " \t"), []byte("team")) {
						if teams++; teams == MaxTeams+1 {
							tooMany = at(hdrStart, "")
						}
					}
					i++
				}
				continue
			}
			if depth > 0 {
				path = openPath[depth] - 1
				depth--
			}
			keyCtx = false
		}
	}
	if escaped {
		// the decoder reads the end of the file as an escape: "invalid escape in string '\\x00'"
		return at(len(data)-1, "invalid TOML: the file ends inside a string, after a backslash")
	}
	if tooMany != nil {
		tooMany.Msg = fmt.Sprintf("the file holds %d teams; at most %d are allowed", teams, MaxTeams)
		return tooMany
	}
	return nil
}

// plain marks the bytes that mean nothing to prescan in any state.
var plain = func() (t [256]bool) {
	for c := range t {
		t[c] = c >= 0x20 && c != 0x7f || c == '\t'
	}
	for _, c := range []byte("#\"'\\.=,[]{}") {
		t[c] = false
	}
	return t
}()

// quoteRun counts the quotes equal to data[i] from i on.
func quoteRun(data []byte, i int) int {
	n := 0
	for i+n < len(data) && data[i+n] == data[i] {
		n++
	}
	return n
}

// locator finds where keys and tables stand in the source, so that problems found after
// decoding (the decoder gives no positions for them) can still name a line and column. It
// understands the plain layout sretopo writes and people type: `[table]`, `[[array]]` headers
// and `key = value` lines; a key it cannot find simply has no position. It records only the
// tables that problems name: a file of 20,000 teams with problems in a few holds far more
// keys than are ever looked up.
type locator struct {
	keys   map[keyAt]pos
	tables map[tableAt]pos
}

type pos struct{ line, col int }

// tableAt is the index-th table named table ("" is the top level); keyAt a key in it.
type tableAt struct {
	table string
	index int
}

type keyAt struct {
	tableAt
	key string
}

// newLocator scans data for the keys of the tables in want (all tables when want is nil).
func newLocator(data []byte, want map[tableAt]bool) *locator {
	l := &locator{keys: map[keyAt]pos{}, tables: map[tableAt]pos{}}
	counts := map[string]int{}
	cur := tableAt{}
	inMultiline := ""
	lineNo := 0
	for len(data) > 0 {
		lineNo++
		raw := data
		if nl := bytes.IndexByte(data, '\n'); nl >= 0 {
			raw, data = data[:nl], data[nl+1:]
		} else {
			data = nil
		}
		raw = bytes.TrimRight(raw, "\r")
		if inMultiline != "" {
			if c := bytes.Count(raw, []byte(inMultiline)); c%2 == 1 {
				inMultiline = ""
			}
			continue
		}
		trimmed := bytes.TrimLeft(raw, " \t")
		indent := len(raw) - len(trimmed)
		switch {
		case len(trimmed) == 0 || trimmed[0] == '#':
			continue
		case len(trimmed) > 1 && trimmed[0] == '[' && trimmed[1] == '[':
			end := bytes.Index(trimmed, []byte("]]"))
			if end < 0 {
				continue
			}
			name := string(bytes.Trim(trimmed[2:end], " \t"))
			cur = tableAt{name, counts[name]}
			counts[name]++
			if want == nil || want[cur] || want[tableAt{name, -1}] {
				l.tables[cur] = pos{lineNo, indent + 1}
			}
			continue
		case trimmed[0] == '[':
			end := bytes.IndexByte(trimmed, ']')
			if end < 0 {
				continue
			}
			cur = tableAt{string(bytes.Trim(trimmed[1:end], " \t")), 0}
			if want == nil || want[cur] || want[tableAt{cur.table, -1}] {
				l.tables[cur] = pos{lineNo, indent + 1}
			}
			continue
		}
		eq := bytes.IndexByte(trimmed, '=')
		if eq <= 0 {
			continue
		}
		value := trimmed[eq+1:]
		for _, q := range []string{`"""`, `'''`} {
			if bytes.Count(value, []byte(q))%2 == 1 {
				inMultiline = q
			}
		}
		if want != nil && !want[cur] {
			continue
		}
		k := keyAt{cur, unquote(string(bytes.Trim(trimmed[:eq], " \t")))}
		if _, seen := l.keys[k]; !seen {
			l.keys[k] = pos{lineNo, indent + 1}
		}
	}
	return l
}

// key returns the position of key in the index-th table named table ("" is the top level).
func (l *locator) key(table string, index int, key string) pos {
	if l == nil {
		return pos{}
	}
	t := tableAt{table, index}
	if p, ok := l.keys[keyAt{t, key}]; ok {
		return p
	}
	if p, ok := l.tables[tableAt{key, 0}]; ok && table == "" && key != "" {
		return p // a top-level key written as a table header: [defaultz]
	}
	return l.tables[t]
}

func unquote(s string) string {
	if len(s) >= 2 && (s[0] == '"' || s[0] == '\'') && s[len(s)-1] == s[0] {
		return s[1 : len(s)-1]
	}
	return s
}
