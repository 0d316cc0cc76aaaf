// Package report renders an analysis for people outside the dashboard: plain text for a
// terminal, Markdown for meeting notes, Mermaid, and the JSON of the report contract. Every
// verdict comes from orgs and is worded by the words package; this package only lays the
// words out, and escapes every user string for its format.
package report

import (
	"fmt"
	"strings"

	"github.com/sretopo/sretopo/orgs"
)

// Formats lists the output formats of `sretopo report`.
var Formats = []string{"text", "markdown", "json", "mermaid"}

// Render writes rep in format (one of Formats).
func Render(format string, org *orgs.Org, rep *orgs.Report) ([]byte, error) {
	switch format {
	case "text":
		return []byte(Text(org, rep)), nil
	case "markdown":
		return []byte(Markdown(org, rep)), nil
	case "json":
		return JSON(rep)
	case "mermaid":
		return []byte(Mermaid(org, rep)), nil
	}
	return nil, unknownFormat(format, Formats)
}

// unknownFormat is the error of every Render function given a format it does not write.
func unknownFormat(format string, formats []string) error {
	return fmt.Errorf("unknown format %q (use %s)", format, strings.Join(formats, ", "))
}

// JSON is the report contract of docs/format.md, indented, with a final newline.
// It is what encoding/json writes for rep, written faster (orgs.Report.AppendJSON).
func JSON(rep *orgs.Report) ([]byte, error) { return rep.AppendJSON(nil) }

// S is the sanitizer every user string passes through before it is printed.
func S(s string) string { return orgs.Sanitize(s) }
