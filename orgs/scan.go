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

// maxTableKeys bounds the keys written in one table (under one header, dotted keys
// included, or in one inline table) and the differently named table headers of a file. The
// decoder spends twice as long on each key of one huge table as on keys spread over small
// ones, and the reader as long again listing them: 249,000 keys in one table took 2.3 s of
// processor time, spread over tables of 10,000 or fewer 0.7 s. No table of an organization
// file knows more than 16 keys, and a valid file names at most seven tables, so a table past
// the bound holds thousands of unknown keys, far more than the 1,000 problems listed.
const maxTableKeys = 10_000

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
//   - more than MaxTeams [[team]] headers, before the decoder builds a table for each;
//   - more than maxTableKeys keys in one table, or differently named table headers.
//
// The last two are refused once the whole file is scanned, so that any other offence is
// reported first. Strings and comments are skipped. A single-line string ends at a newline whatever the
// decoder makes of it, so no prefix the decoder accepts can hide brackets from this scan.
func prescan(data []byte) *Problem {
	s := &scanner{data: data, line: 1, keyCtx: true, bad: firstInvalidUTF8(data)}
	for ; s.i < len(data); s.i++ {
		c := data[s.i]
		if plain[c] && s.i != s.bad && !s.escaped {
			s.skipPlain()
			continue
		}
		if p := s.checkByte(c); p != nil {
			return p
		}
		if s.state != inNormal && s.inText(c) {
			continue
		}
		if p := s.structure(c); p != nil {
			return p
		}
	}
	return s.finish()
}

// What the byte being scanned belongs to.
type scanState int

const (
	inNormal scanState = iota
	inComment
	inBasic     // "..."
	inLiteral   // '...'
	inMLBasic   // """..."""
	inMLLiteral // '''...'''
)

// scanner is prescan's state: where it is, what it is inside of and what it has counted.
type scanner struct {
	data            []byte
	i               int // the byte being scanned
	line, lineStart int
	bad             int // offset of the first byte that is not UTF-8, or -1

	state   scanState
	escaped bool // the previous byte was a backslash inside a basic string

	// Outside strings: the open arrays and inline tables (their bracket, and the key path
	// length once opened), whether a key is being read (not a value), whether a table header
	// is, and the length of the current key path.
	openPath [MaxDepth + 1]int
	openKind [MaxDepth + 1]byte
	depth    int
	keyCtx   bool
	header   bool
	hdrStart int
	hdrPath  int
	path     int
	inTable  bool // below a table header, whose segment the header's dots do not count

	teams   int
	tooMany *Problem
	// the keys of the table being written: under the last header (sectionKeys) or in each
	// open inline table (openKeys); the header names seen; the first table past maxTableKeys
	sectionKeys int
	openKeys    [MaxDepth + 1]int
	headers     map[string]bool
	bigTable    *Problem
	work        int // the sum of the squares of the key paths so far
	entries     int // keys, table headers, inline tables, arrays and array elements so far
}

// at is a problem at byte offset i of the line being scanned.
func (s *scanner) at(i int, format string, args ...any) *Problem {
	col := 1 + utf8.RuneCount(s.data[s.lineStart:i])
	return &Problem{Line: s.line, Col: col, Msg: fmt.Sprintf(format, args...)}
}

// firstInvalidUTF8 is the offset of the first byte of data that is not UTF-8, or -1.
func firstInvalidUTF8(data []byte) int {
	if utf8.Valid(data) {
		return -1
	}
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}

// skipPlain skips the bytes that mean nothing in any state: names, values, spaces (up to
// the first bad byte), but not the one after a backslash in a string, which the state
// machine must see.
func (s *scanner) skipPlain() {
	end := len(s.data)
	if s.bad > s.i {
		end = s.bad
	}
	for s.i+1 < end && plain[s.data[s.i+1]] {
		s.i++
	}
}

// checkByte refuses a byte TOML never allows and counts lines.
func (s *scanner) checkByte(c byte) *Problem {
	i, data := s.i, s.data
	switch {
	case i == s.bad:
		return s.at(i, "invalid TOML: invalid UTF-8 byte 0x%02x; an organization file is UTF-8 text", c)
	case c >= 0x20 && c != 0x7f, c == '\t':
	case c == '\n':
		s.line, s.lineStart = s.line+1, i+1
	case c == '\r' && i+1 < len(data) && data[i+1] == '\n':
	case c == 0:
		return s.at(i, "invalid TOML: NUL byte; an organization file is UTF-8 text (is this one UTF-16, or binary?)")
	case c == '\r':
		return s.at(i, "invalid TOML: carriage return (0x0d) without a newline after it")
	default:
		return s.at(i, "invalid TOML: control character 0x%02x is not allowed (only tab and newline are)", c)
	}
	return nil
}

// inText follows a byte inside a comment or a string, and reports whether it is consumed
// there; a newline that ends a comment or a single-line string is not: it ends the line too.
func (s *scanner) inText(c byte) bool {
	switch s.state {
	case inComment:
		if c != '\n' {
			return true
		}
		s.state = inNormal
	case inBasic:
		switch {
		case s.escaped:
			s.escaped = false
		case c == '\\':
			s.escaped = true
		case c == '"':
			s.state = inNormal
			return true
		}
		if c != '\n' {
			return true
		}
		s.escaped, s.state = false, inNormal // unterminated: the decoder reports it
	case inLiteral:
		if c == '\'' {
			s.state = inNormal
		}
		if c != '\n' {
			return true
		}
		s.state = inNormal
	case inMLBasic, inMLLiteral:
		s.inMultiline(c)
		return true
	}
	return false
}

// inMultiline follows a byte inside a multi-line string.
func (s *scanner) inMultiline(c byte) {
	q := byte('"')
	if s.state == inMLLiteral {
		q = '\''
	}
	switch {
	case s.escaped:
		s.escaped = false
	case c == '\\' && s.state == inMLBasic:
		s.escaped = true
	case c == q:
		// three quotes or more close the string, up to two of them being content
		if n := quoteRun(s.data, s.i); n >= 3 {
			s.state = inNormal
			s.i += n - 1
		}
	}
}

// structure follows a byte that means something outside strings and comments.
func (s *scanner) structure(c byte) *Problem {
	switch c {
	case '#':
		s.state = inComment
	case '"', '\'':
		s.openString(c)
	case '\n':
		if s.depth == 0 {
			s.keyCtx, s.header, s.path = true, false, s.hdrPath
		}
	case '.':
		if s.keyCtx || s.header {
			if s.path++; s.path >= MaxDepth {
				return s.at(s.i, "key path longer than %d segments; refused before decoding", MaxDepth)
			}
		}
	case '=':
		return s.equals()
	case ',':
		return s.comma()
	case '[', '{':
		return s.open(c)
	case ']', '}':
		return s.close(c)
	}
	return nil
}

// openString starts a string at its first quote.
func (s *scanner) openString(c byte) {
	switch n := quoteRun(s.data, s.i); {
	case n == 2: // an empty string
		s.i++
	case n >= 3: // a multi-line string; more quotes are its content or its end
		s.state = inMLBasic
		if c == '\'' {
			s.state = inMLLiteral
		}
		s.i += 2
	case c == '"':
		s.state = inBasic
	default:
		s.state = inLiteral
	}
}

// equals ends a key: it counts it and its path.
func (s *scanner) equals() *Problem {
	if s.keyCtx {
		segments := s.path + 1
		if s.inTable {
			segments++
		}
		if p := s.addKey(s.i, segments); p != nil {
			return p
		}
		s.countTableKey()
	}
	s.keyCtx = false
	return nil
}

// comma ends an element of an array or a key's value in an inline table.
func (s *scanner) comma() *Problem {
	if s.depth == 0 {
		return nil
	}
	s.path = s.openPath[s.depth]
	s.keyCtx = s.openKind[s.depth] == '{'
	// each element of an array is a value the decoder builds: 8 MiB of
	// `x = [1,1,1,...]` held one key and took seconds and 300 MB
	if s.openKind[s.depth] == '[' {
		return s.addEntry(s.i)
	}
	return nil
}

// open starts a table header, an array or an inline table.
func (s *scanner) open(c byte) *Problem {
	if c == '[' && s.depth == 0 && s.keyCtx && !s.header {
		// a table header, [name] or [[name]]: its dots are where the keys below start
		s.header, s.hdrStart, s.path = true, s.i, 0
		if s.i+1 < len(s.data) && s.data[s.i+1] == '[' {
			s.i++
		}
		return nil
	}
	if s.header {
		return nil // a bracket inside a header is a syntax error the decoder reports
	}
	if s.depth++; s.depth > MaxDepth {
		return s.at(s.i, "nesting deeper than %d levels; refused before decoding", MaxDepth)
	}
	// an inline table or array costs the decoder a value of its own, empty or not:
	// 8 MiB of `team = [{},{},...]` held no key and took seconds and 580 MB
	if p := s.addEntry(s.i); p != nil {
		return p
	}
	s.path++
	s.openPath[s.depth], s.openKind[s.depth], s.openKeys[s.depth] = s.path, c, 0
	s.keyCtx = c == '{'
	return nil
}

// close ends a table header, an array or an inline table.
func (s *scanner) close(c byte) *Problem {
	if s.header && c == ']' {
		return s.closeHeader()
	}
	if s.depth > 0 {
		s.path = s.openPath[s.depth] - 1
		s.depth--
	}
	s.keyCtx = false
	return nil
}

// closeHeader ends a table header: it counts the table, and a [[team]] among the teams.
func (s *scanner) closeHeader() *Problem {
	s.header, s.keyCtx, s.hdrPath, s.inTable = false, false, s.path, true
	if p := s.addKey(s.i, s.path+1); p != nil {
		return p
	}
	s.countHeader()
	i, data := s.i, s.data
	if i+1 < len(data) && data[i+1] == ']' && data[s.hdrStart+1] == '[' {
		if bytes.Equal(bytes.Trim(data[s.hdrStart+2:i], " \t"), []byte("team")) {
			if s.teams++; s.teams == MaxTeams+1 {
				s.tooMany = s.at(s.hdrStart, "")
			}
		}
		s.i++
	}
	return nil
}

// countTableKey counts a key in the table it is written in: the open inline table, else
// the one under the last header.
func (s *scanner) countTableKey() {
	n := &s.sectionKeys
	if s.depth > 0 {
		n = &s.openKeys[s.depth]
	}
	if *n++; *n == maxTableKeys+1 && s.bigTable == nil {
		s.bigTable = s.at(s.i, "more than %d keys in one table; refused before decoding", maxTableKeys)
	}
}

// countHeader starts the keys of a table header just closed, and counts its name among the
// names of headers (each names a key of the table above it: [t1], [t2]... fill the top level).
func (s *scanner) countHeader() {
	s.sectionKeys = 0
	if s.bigTable != nil || s.headers != nil && len(s.headers) > maxTableKeys {
		return
	}
	name := bytes.Trim(bytes.Trim(s.data[s.hdrStart:s.i], "["), " \t")
	if s.headers == nil {
		s.headers = map[string]bool{}
	}
	if !s.headers[string(name)] {
		s.headers[string(name)] = true
		if len(s.headers) == maxTableKeys+1 {
			s.bigTable = s.at(s.hdrStart, "more than %d differently named tables; refused before decoding", maxTableKeys)
		}
	}
}

// addEntry counts a value the decoder builds.
func (s *scanner) addEntry(i int) *Problem {
	if s.entries++; s.entries > maxEntries {
		return s.at(i, "more than %d keys, tables and array values; refused before decoding", maxEntries)
	}
	return nil
}

// addKey counts a key or a table header, and the work its path of segments costs.
func (s *scanner) addKey(i, segments int) *Problem {
	if p := s.addEntry(i); p != nil {
		return p
	}
	if s.work += segments * segments; s.work > maxKeyWork {
		return s.at(i, "keys too many and too deeply nested to decode in reasonable time; refused before decoding")
	}
	return nil
}

// finish refuses what only the end of the file shows.
func (s *scanner) finish() *Problem {
	if s.escaped {
		// the decoder reads the end of the file as an escape: "invalid escape in string '\\x00'"
		return s.at(len(s.data)-1, "invalid TOML: the file ends inside a string, after a backslash")
	}
	if s.tooMany != nil {
		s.tooMany.Msg = fmt.Sprintf("the file holds %d teams; at most %d are allowed", s.teams, MaxTeams)
		return s.tooMany
	}
	return s.bigTable
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
