package importer

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// The limits of docs/import.md on YAML: each is checked before anything is built from a
// document, so that no input keeps the import busy for more than about a second.
const (
	// MaxDocumentBytes is the largest YAML document (or JSON file) read.
	MaxDocumentBytes = 8 << 20
	// MaxDocuments is the most YAML documents read in one import, over all files.
	MaxDocuments = 100_000
	// MaxAliasNodes is the most nodes all aliases of one document may expand to.
	MaxAliasNodes = 10_000
	// MaxDepth is the deepest nesting of a document.
	MaxDepth = 64
)

// yamlDoc is one document of a YAML stream: its bytes and the line of the file it starts on.
type yamlDoc struct {
	data      []byte
	firstLine int // 1-based line of the file where data begins
}

// splitDocuments cuts a YAML stream at its document markers (a line beginning with "---"
// followed by a space or the end of the line), so that each document is parsed, measured and
// refused on its own: a document cannot run past such a line, however its scalars are quoted.
func splitDocuments(data []byte) []yamlDoc {
	var docs []yamlDoc
	start, startLine, line := 0, 1, 1
	for i := 0; i < len(data); {
		end := bytes.IndexByte(data[i:], '\n')
		next := len(data)
		if end >= 0 {
			next = i + end + 1
		}
		if i > start && isDocumentMarker(data[i:next]) {
			docs = append(docs, yamlDoc{data: data[start:i], firstLine: startLine})
			start, startLine = i, line
		}
		i = next
		line++
	}
	return append(docs, yamlDoc{data: data[start:], firstLine: startLine})
}

func isDocumentMarker(line []byte) bool {
	if !bytes.HasPrefix(line, []byte("---")) {
		return false
	}
	return len(line) == 3 || line[3] == ' ' || line[3] == '\t' || line[3] == '\n' || line[3] == '\r'
}

// yamlLine finds the line number go-yaml puts in its error messages.
var yamlLine = regexp.MustCompile(`^yaml: line (\d+): `)

// yamlError places an error of the YAML library at the line it names (the library gives no
// column).
func yamlError(file string, err error) *Error {
	msg := err.Error()
	pos := Pos{File: file}
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		pos.Line, _ = strconv.Atoi(m[1])
		msg = msg[len(m[0]):]
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	return &Error{Pos: pos, Msg: "not valid YAML: " + msg}
}

// checkDocument refuses a parsed document whose nesting or alias expansion is over the limits.
func checkDocument(file string, doc *yaml.Node) *Error {
	var l limits
	if _, err := l.measure(doc, 0); err != nil {
		err.Pos.File = file
		return err
	}
	return nil
}

// limits measures a document once, linearly even for a "billion laughs": the size of an
// anchored node is kept, so an alias costs a lookup however much it would expand to.
type limits struct {
	memo    map[*yaml.Node]measure
	aliased int
}

type measure struct{ size, height int }

func (l *limits) measure(n *yaml.Node, depth int) (measure, *Error) {
	if depth > MaxDepth {
		return measure{}, &Error{Pos: Pos{Line: n.Line, Col: n.Column}, Msg: fmt.Sprintf("nesting deeper than %d levels; refused", MaxDepth)}
	}
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		m, ok := l.memo[n.Alias]
		if !ok { // an alias of a node that encloses it: measure it once
			var err *Error
			if m, err = l.measure(n.Alias, depth); err != nil {
				return m, err
			}
		}
		l.aliased += m.size
		switch {
		case l.aliased > MaxAliasNodes:
			return m, &Error{Pos: Pos{Line: n.Line, Col: n.Column}, Msg: fmt.Sprintf("aliases expand to more than %d nodes; refused", MaxAliasNodes)}
		case depth+m.height > MaxDepth:
			return m, &Error{Pos: Pos{Line: n.Line, Col: n.Column}, Msg: fmt.Sprintf("nesting deeper than %d levels through an alias; refused", MaxDepth)}
		}
		return m, nil
	}
	if m, ok := l.memo[n]; ok {
		return m, nil
	}
	if n.Anchor != "" {
		if l.memo == nil {
			l.memo = map[*yaml.Node]measure{}
		}
		l.memo[n] = measure{size: 1} // while measured, an alias inside it counts it as one node
	}
	m := measure{size: 1}
	for _, c := range n.Content {
		cm, err := l.measure(c, depth+1)
		if err != nil {
			return m, err
		}
		m.size = min(m.size+cm.size, 1<<40)
		m.height = max(m.height, cm.height+1)
	}
	if n.Anchor != "" {
		l.memo[n] = m
	}
	return m, nil
}

// deref follows an alias to its anchored node.
func deref(n *yaml.Node) *yaml.Node {
	if n != nil && n.Kind == yaml.AliasNode {
		return n.Alias
	}
	return n
}

// field is the value of key in the mapping n (following aliases and "<<" merge keys), or nil.
func field(n *yaml.Node, key string) *yaml.Node {
	n = deref(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	var merge *yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if k.Kind == yaml.ScalarNode && k.Value == key {
			return deref(n.Content[i+1])
		}
		if k.Kind == yaml.ScalarNode && k.Value == "<<" && k.Tag == "!!merge" {
			merge = deref(n.Content[i+1])
		}
	}
	if merge == nil {
		return nil
	}
	if merge.Kind == yaml.SequenceNode {
		for _, m := range merge.Content {
			if v := field(m, key); v != nil {
				return v
			}
		}
		return nil
	}
	return field(merge, key)
}

// path is field applied key by key.
func path(n *yaml.Node, keys ...string) *yaml.Node {
	for _, k := range keys {
		n = field(n, k)
	}
	return n
}

// scalar is the text of a scalar node ("" for nil, a mapping or a sequence).
func scalar(n *yaml.Node) string {
	n = deref(n)
	if n == nil || n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		return ""
	}
	return n.Value
}

// scalars is the texts of a sequence of scalars; a single scalar counts as a sequence of one.
func scalars(n *yaml.Node) []string {
	n = deref(n)
	if n == nil {
		return nil
	}
	if n.Kind == yaml.ScalarNode {
		if s := scalar(n); s != "" {
			return []string{s}
		}
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		return nil
	}
	out := make([]string, 0, len(n.Content))
	for _, c := range n.Content {
		if s := scalar(c); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// items is the elements of a sequence node, aliases followed.
func items(n *yaml.Node) []*yaml.Node {
	n = deref(n)
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	out := make([]*yaml.Node, len(n.Content))
	for i, c := range n.Content {
		out[i] = deref(c)
	}
	return out
}

// number is the value of a numeric scalar, and whether it is one.
func number(n *yaml.Node) (float64, bool) {
	s := scalar(n)
	if s == "" {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	return f, err == nil
}
