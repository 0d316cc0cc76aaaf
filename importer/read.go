package importer

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/sretopo/sretopo/orgs"
)

// MaxFileBytes is the largest source file read: a YAML stream of many documents, each of
// them at most MaxDocumentBytes.
const MaxFileBytes = 64 << 20

// readSources reads every file the sources name, in the byte order of their paths, each
// once; a directory is read recursively (its *.yaml, *.yml and *.json files).
func (im *importer) readSources(sources []string) error {
	var files []string
	for _, s := range sources {
		st, err := os.Stat(s)
		if err != nil {
			return &Error{Pos: Pos{File: s}, Msg: describe(err)}
		}
		abs, err := filepath.Abs(s)
		if err != nil {
			return &Error{Pos: Pos{File: s}, Msg: describe(err)}
		}
		if !st.IsDir() {
			im.addRoot(filepath.Dir(abs))
			files = append(files, s)
			continue
		}
		im.addRoot(abs)
		err = filepath.WalkDir(s, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.Type().IsRegular() && isSourceName(p) {
				files = append(files, p)
			}
			return nil
		})
		if err != nil {
			return &Error{Pos: Pos{File: s}, Msg: describe(err)}
		}
	}
	sort.Strings(files)
	for _, f := range files {
		if err := im.readFile(f); err != nil {
			return err
		}
	}
	return nil
}

func isSourceName(p string) bool {
	switch strings.ToLower(filepath.Ext(p)) {
	case ".yaml", ".yml", ".json":
		return true
	}
	return false
}

// addRoot adds a directory a Location target may lead into, as written and with its
// symbolic links resolved (so that a target is judged by where it really is).
func (im *importer) addRoot(dir string) {
	im.roots = append(im.roots, filepath.Clean(dir))
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		im.roots = append(im.roots, real)
	}
}

func (im *importer) insideRoots(p string) bool {
	for _, r := range im.roots {
		if rel, err := filepath.Rel(r, p); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

func describe(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file or directory"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// readFile reads one source file, once however often it is named, and takes what it holds.
func (im *importer) readFile(p string) error {
	key, err := filepath.Abs(p)
	if err != nil {
		return &Error{Pos: Pos{File: p}, Msg: describe(err)}
	}
	if real, err := filepath.EvalSymlinks(key); err == nil {
		key = real
	}
	if im.seen[key] {
		return nil
	}
	im.seen[key] = true
	f, err := orgs.OpenRegular(p)
	if err != nil {
		return &Error{Pos: Pos{File: p}, Msg: describe(err)}
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileBytes+1))
	f.Close()
	if err != nil {
		return &Error{Pos: Pos{File: p}, Msg: describe(err)}
	}
	if len(data) > MaxFileBytes {
		return &Error{Pos: Pos{File: p}, Msg: fmt.Sprintf("file is larger than %d MiB; refused", MaxFileBytes>>20)}
	}
	im.files = append(im.files, p)
	trimmed := bytes.TrimLeft(data, " \t\r\n\ufeff")
	if len(trimmed) > 0 && (trimmed[0] == '{' || trimmed[0] == '[') {
		return im.readJSON(p, data)
	}
	return im.readYAML(p, data)
}

// readJSON reads a strict JSON file: PagerDuty responses by their top-level keys; an object
// in another format (an OpenSLO document written as JSON) is read as the YAML it also is.
func (im *importer) readJSON(p string, data []byte) error {
	if len(data) > MaxDocumentBytes {
		return &Error{Pos: Pos{File: p, Line: 1, Col: 1}, Msg: fmt.Sprintf("a JSON file over %d MiB; refused", MaxDocumentBytes>>20)}
	}
	var top map[string]json.RawMessage
	err := json.Unmarshal(data, &top)
	var typeErr *json.UnmarshalTypeError
	if errors.As(err, &typeErr) { // an array: valid JSON, read as YAML below
		var all []json.RawMessage
		err = json.Unmarshal(data, &all)
	}
	if err != nil {
		return jsonError(p, data, err)
	}
	if isPagerDuty(top) {
		return im.readPagerDuty(p, data)
	}
	return im.readYAML(p, data)
}

// jsonError places a JSON syntax error at its line and column.
func jsonError(p string, data []byte, err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		line, col := lineCol(data, int(se.Offset))
		return &Error{Pos: Pos{File: p, Line: line, Col: col}, Msg: "not valid JSON: " + se.Error()}
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		line, col := lineCol(data, int(te.Offset))
		return &Error{Pos: Pos{File: p, Line: line, Col: col}, Msg: fmt.Sprintf("%s is a JSON %s where %s was expected", te.Field, te.Value, te.Type)}
	}
	return &Error{Pos: Pos{File: p}, Msg: "not valid JSON: " + err.Error()}
}

// lineCol is the 1-based line and column (in bytes) of the byte before offset, where the
// JSON decoder stopped.
func lineCol(data []byte, offset int) (int, int) {
	offset = min(max(offset-1, 0), len(data))
	line := 1 + bytes.Count(data[:offset], []byte("\n"))
	col := offset - bytes.LastIndexByte(data[:offset], '\n')
	return line, col
}

// readYAML reads every document of a YAML stream; a document that is a sequence counts as
// the objects it holds. The documents are counted and measured before any is parsed, so that
// too many, or one too large, are refused at once; then one decoder reads the stream.
func (im *importer) readYAML(p string, data []byte) error {
	docs := splitDocuments(data)
	if im.docs+len(docs) > MaxDocuments {
		d := docs[MaxDocuments-im.docs]
		return &Error{Pos: Pos{File: p, Line: d.firstLine, Col: 1}, Msg: fmt.Sprintf("more than %d YAML documents in all; refused", MaxDocuments)}
	}
	im.docs += len(docs)
	for _, d := range docs {
		if len(d.data) > MaxDocumentBytes {
			return &Error{Pos: Pos{File: p, Line: d.firstLine, Col: 1}, Msg: fmt.Sprintf("a YAML document of %.1f MiB is over the %d MiB limit; refused", float64(len(d.data))/(1<<20), MaxDocumentBytes>>20)}
		}
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	for {
		var doc yaml.Node
		err := dec.Decode(&doc)
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return yamlError(p, err)
		}
		if err := checkDocument(p, &doc); err != nil {
			return err
		}
		if err := im.readRoot(p, &doc); err != nil {
			return err
		}
	}
}

// readRoot takes the objects of one document: a mapping, or a sequence of mappings.
func (im *importer) readRoot(p string, doc *yaml.Node) error {
	if len(doc.Content) == 0 {
		return nil
	}
	root := deref(doc.Content[0])
	switch {
	case root.Kind == yaml.MappingNode:
		return im.readObject(p, root)
	case root.Kind == yaml.SequenceNode:
		for _, it := range items(root) {
			if it == nil || it.Kind != yaml.MappingNode {
				im.unrecognized++
				continue
			}
			if err := im.readObject(p, it); err != nil {
				return err
			}
		}
	case root.Kind == yaml.ScalarNode && root.Tag == "!!null":
		// an empty document, as a stream that ends with --- has
	default:
		im.unrecognized++
	}
	return nil
}

// readObject takes one object by its format; an object in none is counted and skipped.
func (im *importer) readObject(p string, n *yaml.Node) error {
	pos := Pos{File: p, Line: n.Line, Col: n.Column}
	api := scalar(field(n, "apiVersion"))
	kind := scalar(field(n, "kind"))
	switch {
	case strings.HasPrefix(api, "backstage.io/"):
		return im.readBackstage(pos, kind, n)
	case api == "openslo/v1" || api == "openslo/v1alpha":
		im.readOpenSLO(pos, api, kind, n)
	case scalar(field(n, "version")) == "prometheus/v1":
		im.readSloth(pos, n)
	case api == "sloth.slok.dev/v1" && kind == "PrometheusServiceLevel":
		im.readSloth(pos, field(n, "spec"))
	default:
		im.unrecognized++
	}
	return nil
}

// followLocation reads the targets of a Backstage Location where the Location stands, each
// relative to the Location's file. A target leading outside every directory the command line
// named (or the directory of a file it named) is refused unread, as is a URL or an absolute
// path; a target that names no file is a warning.
func (im *importer) followLocation(pos Pos, targets []string) error {
	dir := filepath.Dir(pos.File)
	for _, t := range targets {
		if strings.Contains(t, "://") || filepath.IsAbs(t) || strings.HasPrefix(t, "/") {
			im.warn(pos, "Location target %q is not a path relative to its file; refused, not read", orgs.Cut(t))
			continue
		}
		joined := filepath.Join(dir, filepath.FromSlash(t))
		matches := []string{joined}
		if strings.ContainsAny(t, "*?[") {
			matches, _ = filepath.Glob(joined)
		}
		if len(matches) == 0 {
			im.warn(pos, "Location target %q matches no file", orgs.Cut(t))
		}
		for _, m := range matches {
			if err := im.followTarget(pos, t, m); err != nil {
				return err
			}
		}
	}
	return nil
}

func (im *importer) followTarget(pos Pos, target, p string) error {
	abs, err := filepath.Abs(p)
	if err != nil || !im.insideRoots(abs) {
		im.warn(pos, "Location target %q leads outside the directories named on the command line; refused, not read", orgs.Cut(target))
		return nil
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil && !im.insideRoots(real) {
		im.warn(pos, "Location target %q leads (through a symbolic link) outside the directories named on the command line; refused, not read", orgs.Cut(target))
		return nil
	}
	st, err := os.Stat(p)
	switch {
	case err != nil:
		im.warn(pos, "Location target %q: %s (a dangling target, skipped)", orgs.Cut(target), describe(err))
		return nil
	case st.IsDir():
		im.warn(pos, "Location target %q is a directory, not a file; skipped", orgs.Cut(target))
		return nil
	}
	return im.readFile(p)
}
