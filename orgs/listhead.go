package orgs

import (
	"bytes"
	"errors"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

// The open list (`o`) shows each file's organization name and, for a scenario, its title
// and when it was saved. Loading every file whole for that took 28 s in a folder of eight
// large files, each decoded and validated to show one line. So the list reads each file
// (bounded by MaxFileSize), runs the pre-scan, which refuses a hostile file at once, and
// decodes only the few lines it shows: `format` and `name` before the first table header,
// and `title`, `based_on` and `saved_at` of the [scenario] table. The whole file is
// validated when it is opened; a file whose format and name cannot be read this way (one
// not written as sretopo writes, or no organization file) is loaded whole, as before, so
// that the list shows its problem.

// listKeys are the keys the list reads, by the table they stand in ("" for the top).
var listKeys = map[string][]string{"": {"format", "name"}, "scenario": {"title", "based_on", "saved_at"}}

// listEntry fills f's Name, Title, SavedAt and based_on (returned) from the file at f.Path,
// or its Problem.
func listEntry(f *OrgFile) (basedOn string) {
	data, err := readCapped(f.Path)
	if err != nil {
		f.Problem = Problem{File: f.Path, Msg: err.Error()}.String()
		return ""
	}
	if p := prescan(data); p != nil {
		p.File = f.Path
		f.Problem = p.String()
		return ""
	}
	var raw map[string]any
	_, err = toml.Decode(listedLines(data), &raw)
	name, _ := raw["name"].(string)
	if format, _ := raw["format"].(int64); err != nil || format != FormatVersion || NameProblem("organization name", name) != "" {
		// written otherwise than sretopo writes (a quoted key, a value over several lines)
		// or not an organization file: the whole file says which, with its problem
		return listEntryLoaded(f, data)
	}
	f.Name = name
	if s, ok := raw["scenario"].(map[string]any); ok {
		f.Title, _ = s["title"].(string)
		basedOn, _ = s["based_on"].(string)
		if at, ok := s["saved_at"].(time.Time); ok {
			at = at.UTC()
			f.SavedAt = &at
		}
	}
	return basedOn
}

// listedLines are the lines of data that hold a key of listKeys in its table, each on one
// line (a value over several lines is left out), under the headers they stand in.
func listedLines(data []byte) string {
	var b strings.Builder
	table := ""
	for len(data) > 0 {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		t := bytes.TrimSpace(line)
		if len(t) > 0 && t[0] == '[' {
			table = "other"
			if string(t) == "[scenario]" {
				table = "scenario"
				b.WriteString("[scenario]\n")
			}
			continue
		}
		keys, ok := listKeys[table]
		if !ok {
			continue
		}
		for _, k := range keys {
			rest, found := bytes.CutPrefix(t, []byte(k))
			rest = bytes.TrimLeft(rest, " \t")
			if found && len(rest) > 0 && rest[0] == '=' && !bytes.Contains(rest, []byte(`"""`)) && !bytes.Contains(rest, []byte(`'''`)) {
				b.Write(t)
				b.WriteByte('\n')
				break
			}
		}
	}
	return b.String()
}

// listEntryLoaded fills f from the whole file, decoded and validated.
func listEntryLoaded(f *OrgFile, data []byte) (basedOn string) {
	org, err := Load(f.Path, data)
	if err != nil {
		var le *LoadError
		if errors.As(err, &le) && len(le.Problems) > 0 {
			f.Problem = le.Problems[0].String()
		} else {
			f.Problem = Sanitize(err.Error())
		}
		return ""
	}
	f.Name = org.Name
	if s := org.Scenario; s != nil {
		f.Title, f.SavedAt, basedOn = s.Title, s.SavedAt, s.BasedOn
	}
	return basedOn
}
