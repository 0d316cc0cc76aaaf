package orgs

import "bytes"

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

// newLocator scans data for the tables in want and the keys in wantKeys (every table and key
// when want is nil). Only the keys asked for are kept: a table of 249,000 keys with problems
// in a few once filled a map with all of them, a fifth of the time its load took.
func newLocator(data []byte, want map[tableAt]bool, wantKeys map[keyAt]bool) *locator {
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
		if want != nil && !wantKeys[k] {
			continue
		}
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
