package report

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/words"
)

// Checkers of the few rules of each format that decide structure, and fuzz targets that hold
// every escaping function to them: whatever a file holds, the text stays text.

var escapeSeeds = []string{
	"", "plain", "# heading", "- item", "+ item", "1. first", "12) twelfth", "> quote", "===",
	"    indented", "my_org.toml", "a`b", "`", "``x``", " ` ", "back\\slash\\", `C:\dir\`,
	"*bold* _em_ [link](x) <b>html</b> | pipe ~~s~~ &amp; #quot; {x}", "\u202eevil\u202c",
	"\x1b]52;c;AAAA\a", "\u009b31m", "a\nb", "trailing \\", `quote"`, "é\u0301", "\xff\xfe",
	"%%{init:{'themeCSS':'body{display:none}'}}%%", "%%{wrap}%%", "100%", "% %%",
}

// mdUnescape reads Markdown inline text as CommonMark does for the characters MarkdownText
// may produce, and fails when a markup character stands unescaped: it returns the text a
// reader sees and whether the input was plain text.
func mdUnescape(s string) (string, bool) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", s[i+1]) >= 0:
			b.WriteByte(s[i+1])
			i++
		case strings.IndexByte(mdPunct, c) >= 0:
			return "", false // markup a reader would act on
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), true
}

// mdOpensBlock reports whether a line starting with s would open a block other than a
// paragraph: a heading, list, quote, setext underline, thematic break or indented code.
func mdOpensBlock(s string) bool {
	if s == "" {
		return false
	}
	if strings.IndexByte("#-+*=>_ \t", s[0]) >= 0 {
		return true
	}
	d := 0
	for d < len(s) && s[d] >= '0' && s[d] <= '9' {
		d++
	}
	return d > 0 && d < len(s) && (s[d] == '.' || s[d] == ')')
}

func checkMarkdownText(t *testing.T, s string) {
	got := MarkdownText(s)
	if strings.ContainsAny(got, "\n\r") {
		t.Fatalf("MarkdownText(%q) = %q: more than one line", s, got)
	}
	if mdOpensBlock(got) {
		t.Fatalf("MarkdownText(%q) = %q opens a block", s, got)
	}
	plain, ok := mdUnescape(got)
	if !ok {
		t.Fatalf("MarkdownText(%q) = %q holds unescaped markup", s, got)
	}
	if want := strings.TrimLeft(orgs.Sanitize(s), " "); plain != want {
		t.Fatalf("MarkdownText(%q) reads as %q, want %q", s, plain, want)
	}
}

// codeSpan parses s as one CommonMark code span filling the whole string and returns its
// content as shown, or false when s is not exactly one code span.
func codeSpan(s string) (string, bool) {
	n := 0
	for n < len(s) && s[n] == '`' {
		n++
	}
	if n == 0 || len(s) < 2*n {
		return "", false
	}
	// the span closes at the first run of exactly n backticks
	for i := n; i < len(s); {
		if s[i] != '`' {
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] == '`' {
			j++
		}
		if j-i == n {
			if j != len(s) {
				return "", false // closed before the end: the rest is outside the span
			}
			c := s[n:i]
			if len(c) >= 2 && c[0] == ' ' && c[len(c)-1] == ' ' && strings.Trim(c, " ") != "" {
				c = c[1 : len(c)-1]
			}
			return c, true
		}
		i = j
	}
	return "", false
}

func checkMarkdownCode(t *testing.T, s string) {
	got := MarkdownCode(s)
	want := orgs.Sanitize(s)
	if want == "" {
		return
	}
	c, ok := codeSpan(got)
	if !ok || c != want {
		t.Fatalf("MarkdownCode(%q) = %q: span %v showing %q, want %q", s, got, ok, c, want)
	}
}

// mermaidLabelText decodes the entity codes of a Mermaid label, failing on what would end
// the quotes, open a Markdown string or make HTML.
func mermaidLabelText(s string) (string, bool) {
	if strings.ContainsAny(s, "\"`<>\n%") {
		return "", false // "%" could spell a directive, which Mermaid finds anywhere
	}
	r := strings.NewReplacer("#quot;", `"`, "#96;", "`", "#lt;", "<", "#gt;", ">", "#35;", "#", "#38;", "&", "#37;", "%")
	return r.Replace(s), true
}

// yamlDoubleQuoted parses s as one YAML double-quoted scalar filling the whole string.
func yamlDoubleQuoted(s string) (string, bool) {
	if len(s) < 2 || s[0] != '"' {
		return "", false
	}
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\':
			if strings.HasPrefix(s[i:], `\x25`) {
				b.WriteByte('%')
				i += 3
				continue
			}
			if i+1 >= len(s) || (s[i+1] != '\\' && s[i+1] != '"') {
				return "", false
			}
			b.WriteByte(s[i+1])
			i++
		case '%':
			return "", false // could spell a directive
		case '"':
			return b.String(), i == len(s)-1
		case '\n':
			return "", false
		default:
			b.WriteByte(c)
		}
	}
	return "", false
}

func checkMermaid(t *testing.T, s string) {
	want := orgs.Sanitize(s)
	if got, ok := mermaidLabelText(MermaidLabel(s)); !ok || got != want {
		t.Fatalf("MermaidLabel(%q) = %q reads as %q (%v), want %q", s, MermaidLabel(s), got, ok, want)
	}
	if got, ok := yamlDoubleQuoted(MermaidTitle(s)); !ok || got != want {
		t.Fatalf("MermaidTitle(%q) = %s reads as %q (%v), want %q", s, MermaidTitle(s), got, ok, want)
	}
}

func FuzzMarkdownText(f *testing.F) {
	for _, s := range escapeSeeds {
		f.Add(s)
	}
	f.Fuzz(checkMarkdownText)
}

func FuzzMarkdownCode(f *testing.F) {
	for _, s := range escapeSeeds {
		f.Add(s)
	}
	f.Fuzz(checkMarkdownCode)
}

func FuzzMermaid(f *testing.F) {
	for _, s := range escapeSeeds {
		f.Add(s)
	}
	f.Fuzz(checkMermaid)
}

// Issue 9's cases, as a reader of the output sees them.
func TestEscapesOfIssue9(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{MarkdownText("# heading"), `\# heading`},
		{MarkdownText(`back\slash`), `back\\slash`},
		{MarkdownCode("my_org.toml"), "`my_org.toml`"},
		{MarkdownCode("we`ird.toml"), "``we`ird.toml``"},
		{MarkdownCode("`x"), "`` `x ``"},
		{MermaidTitle(`Acme\`), `"Acme\\"`},
	} {
		if c.got != c.want {
			t.Errorf("got %s, want %s", c.got, c.want)
		}
	}
	for _, s := range escapeSeeds {
		if !utf8.ValidString(MarkdownText(s)) {
			t.Errorf("MarkdownText(%q) is not UTF-8", s)
		}
	}
}

// A name in quotes in Markdown is escaped once: "\*Ops\_SRE\*" shows *Ops_SRE* as written,
// where a second escaping ("\\*Ops\\_SRE\\*") shows backslashes and opens emphasis.
func TestQuotedNamesAreEscapedOnceInMarkdown(t *testing.T) {
	name := "*Ops_SRE*"
	r := &orgs.OrgRisk{ServicesWithRates: 1, Unattended: []string{name}, MaxSleep: &orgs.SleepPages{Team: name, Pages: 0.4}}
	once := `"` + MarkdownText(name) + `"`
	for what, got := range map[string]string{
		"risk summary":      words.RiskSummary(r, MarkdownText),
		"downtime":          words.Downtime(r, MarkdownText),
		"decide night load": words.DecideNightLoad(r, MarkdownText),
	} {
		if strings.Count(got, once) == 0 || strings.Contains(got, `\\`) {
			t.Errorf("%s: %s, want the name as %s", what, got, once)
		}
	}
}
