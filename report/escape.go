package report

import (
	"strings"

	"github.com/sretopo/sretopo/orgs"
)

// One escaping function per output format, so that what a file holds can never change the
// structure of what sretopo prints: the terminal has orgs.Sanitize, JSON orgs.EscapeJSON,
// and Markdown and Mermaid the functions below. Each is fuzzed against a checker of its
// format in escape_test.go. Every one sanitizes first: no control, bidi or zero-width
// character reaches any output raw.

// mdPunct are the ASCII punctuation characters MarkdownText escapes wherever they stand:
// everything that opens or closes emphasis, links, code, HTML, tables, strikethrough,
// headings' closing sequences and entities. CommonMark lets a backslash escape any of them.
const mdPunct = "\\`*_[]<>|#~&!{}"

// MarkdownText makes a user string safe as Markdown text on one line, in a paragraph, a
// heading, a list item or a table cell: sanitized; backslashes and the characters of inline
// markup escaped with a backslash; and its start escaped where it could open a block (a
// heading, a list, a quote, a setext underline, an ordered list "1." or "1)"). Leading
// spaces, which could make an indented code block, are dropped.
func MarkdownText(s string) string {
	s = strings.TrimLeft(orgs.Sanitize(s), " ")
	var b strings.Builder
	b.Grow(len(s) + 8)
	// the start: a block marker, or digits then "." or ")"
	digits := 0
	for digits < len(s) && s[digits] >= '0' && s[digits] <= '9' {
		digits++
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case strings.IndexByte(mdPunct, c) >= 0,
			i == 0 && strings.IndexByte("-+=>", c) >= 0,
			i == digits && digits > 0 && (c == '.' || c == ')'):
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	return b.String()
}

// MarkdownCode writes a user string as a Markdown code span, delimiters included: sanitized
// and otherwise literal (a code span shows backslashes as they are, so nothing is escaped
// inside), between backtick runs longer than any run in the text, so no backtick in it can
// close the span. A space pads the text when it starts or ends with a backtick, or with a
// space at both ends (CommonMark strips one such pair, unless the text is all spaces). Not for table cells, where a "|"
// would still split the cell.
func MarkdownCode(s string) string {
	s = orgs.Sanitize(s)
	if s == "" {
		return "(none)"
	}
	longest, run := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	if s[0] == '`' || s[len(s)-1] == '`' || s[0] == ' ' && s[len(s)-1] == ' ' && strings.Trim(s, " ") != "" {
		s = " " + s + " "
	}
	return fence + s + fence
}

// MermaidLabel makes a user string safe inside a quoted Mermaid label ("..."): sanitized,
// and every character that could end the quotes, open a Markdown string, make HTML, read as
// an entity code or start a directive written as an entity code (#quot; #96; #lt; #gt; #35;
// #38; #37;). Mermaid looks for directives (%%{init: ...}%%, which set the theme, CSS,
// wrapping or HTML labels) anywhere in the text, quoted or not, so no "%" of a name reaches
// it: a team named %%{init:{'themeCSS':...}}%% is shown as its name, not applied.
func MermaidLabel(s string) string {
	return mermaidEscaper.Replace(orgs.Sanitize(s))
}

var mermaidEscaper = strings.NewReplacer(`"`, "#quot;", "`", "#96;", "<", "#lt;", ">", "#gt;", "#", "#35;", "&", "#38;", "%", "#37;")

// MermaidTitle writes a user string as the YAML double-quoted scalar of a Mermaid front
// matter's title, quotes included: sanitized, with backslash and quote escaped, so that a
// name ending in a backslash cannot swallow the closing quote, and "%" written as \x25, so
// that no directive can be spelled in the front matter either.
func MermaidTitle(s string) string {
	return `"` + yamlEscaper.Replace(orgs.Sanitize(s)) + `"`
}

var yamlEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "%", `\x25`)
