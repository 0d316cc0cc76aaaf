package orgs

import (
	"bytes"
	"fmt"
	"strings"
)

// Limits that keep hostile files from hurting the process. The TOML decoder recurses once per
// nesting level (millions of `[` overflow the stack, which no recover catches) and is
// quadratic in the segments of a dotted key, so both are refused before it runs.
const (
	MaxFileSize = 8 << 20 // bytes
	MaxTeams    = 20000
	MaxDepth    = 64 // nesting of arrays and inline tables, and segments of a dotted key
)

// prescan walks the bytes once, outside strings and comments, and refuses nesting or key
// paths deeper than MaxDepth. It returns a problem with the position of the first offence.
func prescan(data []byte) *Problem {
	const (
		normal = iota
		comment
		basic     // "..."
		literal   // '...'
		mlBasic   // """..."""
		mlLiteral // '''...'''
	)
	state := normal
	depth, dots := 0, 0
	line, col := 1, 0
	for i := 0; i < len(data); i++ {
		c := data[i]
		col++
		if c == '\n' {
			line, col = line+1, 0
		}
		switch state {
		case comment:
			if c == '\n' {
				state = normal
				dots = 0
			}
		case basic:
			switch c {
			case '\\':
				i++
				col++
			case '"', '\n':
				state = normal
			}
		case literal:
			if c == '\'' || c == '\n' {
				state = normal
			}
		case mlBasic:
			if c == '\\' {
				i++
				col++
			} else if c == '"' && bytes.HasPrefix(data[i:], []byte(`"""`)) {
				state = normal
				i += 2
				col += 2
			}
		case mlLiteral:
			if c == '\'' && bytes.HasPrefix(data[i:], []byte(`'''`)) {
				state = normal
				i += 2
				col += 2
			}
		default:
			switch c {
			case '#':
				state = comment
			case '"':
				if bytes.HasPrefix(data[i:], []byte(`"""`)) {
					state = mlBasic
					i += 2
					col += 2
				} else {
					state = basic
				}
			case '\'':
				if bytes.HasPrefix(data[i:], []byte(`'''`)) {
					state = mlLiteral
					i += 2
					col += 2
				} else {
					state = literal
				}
			case '[', '{':
				depth++
				dots = 0
				if depth > MaxDepth {
					return &Problem{Line: line, Col: col, Msg: fmt.Sprintf("nesting deeper than %d levels; refused before decoding", MaxDepth)}
				}
			case ']', '}':
				if depth > 0 {
					depth--
				}
			case '.':
				dots++
				if dots >= MaxDepth {
					return &Problem{Line: line, Col: col, Msg: fmt.Sprintf("key path longer than %d segments; refused before decoding", MaxDepth)}
				}
			case '=', ',', '\n':
				dots = 0
			}
		}
	}
	return nil
}

// locator finds where keys and tables stand in the source, so that problems found after
// decoding (the decoder gives no positions for them) can still name a line and column. It
// understands the plain layout sretopo writes and people type: `[table]`, `[[array]]` headers
// and `key = value` lines; a key it cannot find simply has no position.
type locator struct {
	// keys maps "table#index.key" to a position; tables maps "table#index" to its header.
	keys   map[string]pos
	tables map[string]pos
}

type pos struct{ line, col int }

func tableKey(table string, index int) string { return fmt.Sprintf("%s#%d", table, index) }

func newLocator(data []byte) *locator {
	l := &locator{keys: map[string]pos{}, tables: map[string]pos{}}
	counts := map[string]int{}
	table, index := "", 0
	inMultiline := ""
	for n, raw := range bytes.Split(data, []byte("\n")) {
		lineNo := n + 1
		text := string(bytes.TrimRight(raw, "\r"))
		if inMultiline != "" {
			if c := strings.Count(text, inMultiline); c%2 == 1 {
				inMultiline = ""
			}
			continue
		}
		trimmed := strings.TrimLeft(text, " \t")
		indent := len(text) - len(trimmed)
		switch {
		case trimmed == "" || trimmed[0] == '#':
			continue
		case len(trimmed) > 1 && trimmed[0] == '[' && trimmed[1] == '[':
			end := strings.Index(trimmed, "]]")
			if end < 0 {
				continue
			}
			table = strings.Trim(trimmed[2:end], " \t")
			index = counts[table]
			counts[table]++
			l.tables[tableKey(table, index)] = pos{lineNo, indent + 1}
			continue
		case trimmed[0] == '[':
			end := strings.Index(trimmed, "]")
			if end < 0 {
				continue
			}
			table, index = strings.Trim(trimmed[1:end], " \t"), 0
			l.tables[tableKey(table, index)] = pos{lineNo, indent + 1}
			continue
		}
		eq := strings.Index(trimmed, "=")
		if eq <= 0 {
			continue
		}
		key := unquote(strings.Trim(trimmed[:eq], " \t"))
		k := tableKey(table, index) + "." + key
		if _, seen := l.keys[k]; !seen {
			l.keys[k] = pos{lineNo, indent + 1}
		}
		value := trimmed[eq+1:]
		for _, q := range []string{`"""`, `'''`} {
			if strings.Count(value, q)%2 == 1 {
				inMultiline = q
			}
		}
	}
	return l
}

// key returns the position of key in the index-th table named table ("" is the top level).
func (l *locator) key(table string, index int, key string) pos {
	if l == nil {
		return pos{}
	}
	if p, ok := l.keys[tableKey(table, index)+"."+key]; ok {
		return p
	}
	return l.tables[tableKey(table, index)]
}

func unquote(s string) string {
	if len(s) >= 2 && (s[0] == '"' || s[0] == '\'') && s[len(s)-1] == s[0] {
		return s[1 : len(s)-1]
	}
	return s
}
