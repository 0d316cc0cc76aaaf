package orgs

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// Problem is one thing wrong with an organization file.
type Problem struct {
	File string
	// Line and Col are 1-based; zero when the place is not known.
	Line, Col int
	// Where names the table and team or service ("team \"Viewer\""), when there is one.
	Where string
	Msg   string

	// path is the value the problem is about, to find its place once all problems are
	// known; order lists it in the order of the file
	path  Path
	order problemOrder
}

// String formats the problem the way sretopo prints it: `FILE:LINE:COL: where: message`.
// The file name is sanitized; user text inside the message is already quoted.
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(Sanitize(p.File))
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", p.Line, max(p.Col, 1))
	}
	b.WriteString(": ")
	if p.Where != "" {
		b.WriteString(p.Where)
		b.WriteString(": ")
	}
	b.WriteString(Sanitize(p.Msg))
	return b.String()
}

// LoadError lists every problem found in one file.
type LoadError struct {
	File     string
	Problems []Problem
}

// Error joins the problems, one a line.
func (e *LoadError) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// LoadFile reads and validates the organization file at path. It returns the file's bytes
// too, since a scenario records the hash of its baseline's bytes.
func LoadFile(path string) (*Org, []byte, error) {
	data, err := readCapped(path)
	if err != nil {
		return nil, nil, &LoadError{File: path, Problems: []Problem{{File: path, Msg: err.Error()}}}
	}
	org, err := Load(path, data)
	return org, data, err
}

// ReadFile reads path whole, refusing a file larger than MaxFileSize without reading it all.
func ReadFile(path string) ([]byte, error) { return readCapped(path) }

func readCapped(path string) ([]byte, error) {
	var r io.Reader
	if path == "-" {
		r = os.Stdin
	} else {
		f, err := OpenRegular(path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	return readAllCapped(r)
}

// readAllCapped reads r to its end, refusing more than MaxFileSize bytes without reading
// them all.
func readAllCapped(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, describeOSError(err)
	}
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("file is larger than %d MiB; refused", MaxFileSize>>20)
	}
	return data, nil
}

// errNoSuchFile is a missing file, as messages say it.
var errNoSuchFile = errors.New("no such file")

// describeOSError drops the path from an *os.PathError: the caller names the file already.
func describeOSError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		switch {
		case errors.Is(err, os.ErrNotExist):
			return errNoSuchFile
		case errors.Is(err, os.ErrPermission):
			return errors.New("permission denied")
		}
		return pe.Err
	}
	return err
}

// Load decodes and validates an organization file's bytes; file names it in messages. Every
// problem is reported, not only the first. The returned model has every default filled in
// (run = you, sre_role = rotation, on_call = none), so two loads of equivalent files are equal.
func Load(file string, data []byte) (*Org, error) {
	fail := func(p Problem) error {
		p.File = file
		return &LoadError{File: file, Problems: []Problem{p}}
	}
	if len(data) > MaxFileSize {
		return nil, fail(Problem{Msg: fmt.Sprintf("file is larger than %d MiB; refused", MaxFileSize>>20)})
	}
	if p := prescan(data); p != nil {
		return nil, fail(*p)
	}
	// Decoded into an interface, the decoder hands over the tree it built; into a map it
	// copies the top-level table key by key: a quarter of the load of 249,000 top-level keys.
	// (From a reader: toml.Decode of string(data) would copy the file once more.)
	var tree any
	if _, err := toml.NewDecoder(bytes.NewReader(data)).Decode(&tree); err != nil {
		return nil, fail(syntaxProblem(err, data))
	}
	raw, _ := tree.(map[string]any)
	org, pos, read, readMore := readTOML(file, data, raw)
	if le := validate(org, pos, read, readMore); le != nil {
		return nil, le
	}
	org.fillDefaults()
	return org, nil
}

// fillDefaults gives a valid model as written the defaults of the format, so that two
// loads of equivalent files are equal: run = you and sre_role = rotation for a dev team,
// on_call = none, and a KPI's better stored one way only (higher is the empty value).
func (o *Org) fillDefaults() {
	o.Format = FormatVersion
	for i := range o.Teams {
		t := &o.Teams[i]
		if t.OnCall == "" {
			t.OnCall = OnCallNone
		}
		if t.Kind != KindDev {
			continue
		}
		if t.Run == "" {
			t.Run = RunYou
		}
		if t.Run == RunYou && t.SRERole == "" {
			t.SRERole = RoleRotation
		}
	}
	for i := range o.KPIs {
		if o.KPIs[i].Better == BetterHigher {
			o.KPIs[i].Better = ""
		}
	}
}

// syntaxProblem turns a decoder error into a problem with a position we format ourselves:
// the decoder's own formatting can panic and echoes raw source bytes.
func syntaxProblem(err error, data []byte) Problem {
	var pe toml.ParseError
	if !errors.As(err, &pe) {
		return Problem{Msg: strings.TrimPrefix(err.Error(), "toml: ")}
	}
	p := Problem{Line: pe.Position.Line, Col: pe.Position.Col, Msg: "invalid TOML: " + pe.Message}
	// The decoder counts a line when it reads its newline, so an error found at a newline
	// gets the next line's number with this line's column ("4:7" in a three-line file).
	// The byte offset is exact: take line and column (in characters) from it.
	if start := pe.Position.Start; start >= 0 && start < len(data) {
		p.Line, p.Col = lineCol(data, start)
	}
	if line := sourceLine(data, p.Line); strings.ContainsAny(line, "\u201c\u201d\u2018\u2019") {
		p.Msg += ` (hint: curly quotes from a word processor; use straight quotes ")`
	}
	return p
}

// lineCol is the 1-based line and column (counted in characters) of byte offset off.
func lineCol(data []byte, off int) (line, col int) {
	before := data[:off]
	line = 1 + bytes.Count(before, []byte("\n"))
	lineStart := bytes.LastIndexByte(before, '\n') + 1
	return line, 1 + utf8.RuneCount(before[lineStart:])
}

func sourceLine(data []byte, n int) string {
	if n < 1 {
		return ""
	}
	lines := strings.SplitN(string(data), "\n", n+1)
	if n > len(lines) {
		return ""
	}
	return lines[n-1]
}
