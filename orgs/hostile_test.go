package orgs_test

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sretopo/sretopo/internal/gen"
	"github.com/sretopo/sretopo/orgs"
)

// Hostile files (issue 5, guides/reliability.md): each is refused, without a panic, a stack
// overflow or a long wait, with a message that names the file and the place, holds no raw
// control character and does not echo the offending bytes. Speed is measured by the
// benchmarks, not here: these inputs are refused before the decoder sees them or are small
// enough to decode at once, so the tests stay quick under -race.

const head = "format = 1\nname = \"Acme\"\n"

// teamsFile is a file of n dev teams of three ("T00000" on): two lines of head, then
// five lines a team.
func teamsFile(n int) []byte {
	var b strings.Builder
	b.WriteString(head)
	for i := range n {
		fmt.Fprintf(&b, "[[team]]\nname = \"T%05d\"\norg = \"dev\"\nkind = \"dev\"\nheadcount = 3\n", i)
	}
	return []byte(b.String())
}

// teamFile is a file with one team, whose name line is line 5, written as name (a TOML
// string, quotes included).
func teamFile(name string) []byte {
	return []byte(head + "\n[[team]]\nname = " + name + "\norg = \"dev\"\nkind = \"dev\"\nheadcount = 3\n")
}

// refusal is a file the load must refuse, data, and the one message it must give.
type refusal struct{ name, data, want string }

// checkRefusals loads each file as hostile.toml in a subtest of its own and checks its message.
func checkRefusals(t *testing.T, cases []refusal) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := orgs.Load("hostile.toml", []byte(tc.data))
			checkMessage(t, err, "hostile.toml", tc.want)
		})
	}
}

// checkMessage fails unless err is a *orgs.LoadError for file whose text is exactly want,
// and that text is safe to print: valid UTF-8 and no control character but the newlines
// between problems.
func checkMessage(t *testing.T, err error, file, want string) {
	t.Helper()
	if err == nil {
		t.Fatalf("accepted; want %q", want)
	}
	var le *orgs.LoadError
	if !errors.As(err, &le) {
		t.Fatalf("error is a %T, not a *orgs.LoadError: %v", err, err)
	}
	if le.File != file {
		t.Errorf("LoadError.File = %q, want %q", le.File, file)
	}
	got := err.Error()
	if got != want {
		t.Errorf("message:\n got %q\nwant %q", got, want)
	}
	checkPrintable(t, got)
}

func checkPrintable(t *testing.T, msg string) {
	t.Helper()
	if !utf8.ValidString(msg) {
		t.Errorf("message is not valid UTF-8: %q", msg)
	}
	for _, r := range msg {
		if r != '\n' && orgs.IsControl(r) {
			t.Errorf("message holds the control character %U: %q", r, msg)
			return
		}
	}
}

func TestHostileStructure(t *testing.T) {
	k63 := strings.Repeat("a.", 63) + "a" // a key of 64 segments, the most allowed
	checkRefusals(t, []refusal{
		{
			// upstream #497: the decoder recurses once per bracket and overflows the stack
			"three million [",
			"a = " + strings.Repeat("[", 3_000_000),
			"hostile.toml:1:69: nesting deeper than 64 levels; refused before decoding",
		},
		{
			"three million [ after valid lines",
			head + "x = [\n  1,\n]\n" + "a = " + strings.Repeat("[", 3_000_000),
			"hostile.toml:6:69: nesting deeper than 64 levels; refused before decoding",
		},
		{
			"deep inline tables",
			"a = " + strings.Repeat("{a = ", 100) + "1" + strings.Repeat("}", 100),
			"hostile.toml:1:325: nesting deeper than 64 levels; refused before decoding",
		},
		{
			"deep arrays of inline tables",
			"a = " + strings.Repeat("[{a = ", 40) + "1" + strings.Repeat("}]", 40),
			"hostile.toml:1:197: nesting deeper than 64 levels; refused before decoding",
		},
		{
			// the decoder is quadratic in the key path: 10,000 segments took seconds and gigabytes
			"20 KB dotted key",
			strings.Repeat("a.", 9_999) + "a = 1\n",
			"hostile.toml:1:128: key path longer than 64 segments; refused before decoding",
		},
		{
			"20 KB dotted table header",
			head + "[" + strings.Repeat("a.", 9_999) + "a]\n",
			"hostile.toml:3:129: key path longer than 64 segments; refused before decoding",
		},
		{
			"20 KB dotted array-of-tables header",
			head + "[[" + strings.Repeat("a.", 9_999) + "a]]\n",
			"hostile.toml:3:130: key path longer than 64 segments; refused before decoding",
		},
		{
			"dotted key with spaces and quoted segments",
			strings.Repeat(`a . "b" . `, 100) + "c = 1\n",
			"hostile.toml:1:319: key path longer than 64 segments; refused before decoding",
		},
		{
			// each key is short enough, but the full path through the inline tables is 4,000
			// segments: 8 KB of this took a third of a second and 650 MB
			"long keys nested in inline tables",
			k63 + " = " + strings.Repeat("{"+k63+" = ", 62) + "1" + strings.Repeat("}", 62),
			"hostile.toml:1:133: key path longer than 64 segments; refused before decoding",
		},
		{
			"a long table header, then long keys below it",
			"[" + strings.Repeat("a.", 40) + "a]\n" + strings.Repeat("b.", 40) + "b = 1\n",
			"hostile.toml:2:48: key path longer than 64 segments; refused before decoding",
		},
		{
			// the scan follows multi-line strings, line continuations and quotes closing
			// them, so positions after them stay right
			"brackets after multi-line strings",
			head + "x = \"\"\"a \\\n  b\"\"\"\"\ny = '''c\nd'''''\nz = [\n" + strings.Repeat("[", 70),
			"hostile.toml:8:64: nesting deeper than 64 levels; refused before decoding",
		},
	})
}

// TestNoStringHidesBrackets: the scan follows every form of TOML string, so what follows a
// string is scanned as the decoder reads it. (Once, a plain byte after a backslash slipped
// past the scan's escape handling: `a = ["\t", ` and three million [ then crashed.)
func TestNoStringHidesBrackets(t *testing.T) {
	for _, elem := range []string{
		`"plain"`, `""`, `"\t"`, `"\\"`, `"\""`, `"a\\\"b"`, `"\u0041"`, `"\U0001F600"`, `"Zürich"`,
		`'C:\'`, `''`, `'a"b'`, `"a'b"`, `"#"`, `"]"`, `'['`,
		`"""ml"""`, `"""a""""`, `"""a"""""`, `""""a"""`, `"""a\\"""`, `"""a\"b"""`, "\"\"\"a\\\n  b\"\"\"",
		"\"\"\"\nline\n\"\"\"", `'''a'''`, `'''a''''`, `''''a'''`, `'''C:\'''`, "'''\nline\n'''",
		`{ "k.k" = 1, 'l' = "\"" }`, "1.5", "1979-05-27T07:32:00.5Z",
	} {
		t.Run(elem, func(t *testing.T) {
			prefix := "# it's a \"comment\n\"q.q\" = [" + elem + ", "
			data := prefix + strings.Repeat("[", 70)
			// the array opens depth 1; the 64th bracket of the run opens depth 65
			off := len(prefix) + 63
			line := 1 + strings.Count(data[:off], "\n")
			col := 1 + utf8.RuneCountInString(data[strings.LastIndex(data[:off], "\n")+1:off])
			_, err := orgs.Load("hostile.toml", []byte(data))
			checkMessage(t, err, "hostile.toml", fmt.Sprintf("hostile.toml:%d:%d: nesting deeper than 64 levels; refused before decoding", line, col))
		})
	}
	_, err := orgs.Load("hostile.toml", []byte(`a = ["\t", `+strings.Repeat("[", 3_000_000)))
	checkMessage(t, err, "hostile.toml", "hostile.toml:1:75: nesting deeper than 64 levels; refused before decoding")
}

// TestKeyWork: within the depth limits, 8 MiB of long dotted keys or of nested inline tables
// took the decoder 20 to 35 seconds (its work grows with the square of a key's path); the
// scan refuses a file once the squares of its key paths add up past 4,000,000.
func TestKeyWork(t *testing.T) {
	var b strings.Builder
	for i := range 70_000 {
		fmt.Fprintf(&b, "a.a.a.a.a.a.a.b%06d = 1\n", i) // 8 segments: 64 each
	}
	// 4,000,000 / 64 = 62,500 keys pass; the next is refused at its '='
	_, err := orgs.Load("hostile.toml", []byte(b.String()))
	checkMessage(t, err, "hostile.toml", "hostile.toml:62501:23: keys too many and too deeply nested to decode in reasonable time; refused before decoding")

	b.Reset()
	for i := range 20_000 {
		fmt.Fprintf(&b, "x%05d = {a = {a = {a = {a = {a = {a = {a = {a = {a = 1}}}}}}}}}\n", i) // 1+4+9+...+100 = 385 a line
	}
	// 10,389 lines make 3,999,765 (and 197,391 keys and inline tables, within their own
	// limit); the next line crosses at its ninth key, the eighth a
	_, err = orgs.Load("hostile.toml", []byte(b.String()))
	checkMessage(t, err, "hostile.toml", "hostile.toml:10390:48: keys too many and too deeply nested to decode in reasonable time; refused before decoding")
}

// TestLargestOrganizationLoads: the limits refuse no organization the format allows; the
// largest, 20,000 teams (with services and KPIs), loads.
func TestLargestOrganizationLoads(t *testing.T) {
	data := gen.TOML(orgs.MaxTeams, 1)
	org, err := orgs.Load("largest.toml", data)
	if err != nil {
		t.Fatal(err)
	}
	if len(org.Teams) != orgs.MaxTeams {
		t.Errorf("%d teams", len(org.Teams))
	}
}

// TestDeepButAllowed: the limits refuse only what no organization file needs, so nesting
// and keys up to them still reach the decoder (which reports what our format makes of them).
func TestDeepButAllowed(t *testing.T) {
	checkRefusals(t, []refusal{
		{
			"64 nested arrays",
			head + "a = " + strings.Repeat("[", 64) + strings.Repeat("]", 64) + "\n",
			`hostile.toml:3:1: unknown key "a" in the top level`,
		},
		{
			// (the locator does not follow dotted keys: no position)
			"a key of 64 segments",
			head + strings.Repeat("a.", 63) + "a = 1\n",
			`hostile.toml: unknown key "a" in the top level`,
		},
		{
			"dots in strings, comments and numbers",
			head + "description = \"" + strings.Repeat(".", 200) + "\" # " + strings.Repeat(".", 200) + "\n[defaults]\nper_head = 1.5\n",
			"hostile.toml:5:1: [defaults]: per_head must be a whole number, not a float",
		},
	})
}

func TestHostileSize(t *testing.T) {
	big := bytes.Repeat([]byte("# padding\n"), orgs.MaxFileSize/10+1)
	if len(big) <= orgs.MaxFileSize {
		t.Fatalf("the test file is %d bytes, not over the cap", len(big))
	}

	t.Run("Load", func(t *testing.T) {
		_, err := orgs.Load("big.toml", big)
		checkMessage(t, err, "big.toml", "big.toml: file is larger than 8 MiB; refused")
	})
	t.Run("LoadFile", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "big.toml")
		orgs.MustWriteFile(t, path, big, 0o644)
		org, data, err := orgs.LoadFile(path)
		if org != nil || data != nil {
			t.Error("LoadFile returned a model or bytes for a refused file")
		}
		checkMessage(t, err, path, path+": file is larger than 8 MiB; refused")
	})
	t.Run("exactly 8 MiB passes the cap", func(t *testing.T) {
		// and reaches the scan, which stops at once at the NUL put first
		full := append([]byte{0}, big[:orgs.MaxFileSize-1]...)
		path := filepath.Join(t.TempDir(), "full.toml")
		orgs.MustWriteFile(t, path, full, 0o644)
		_, _, err := orgs.LoadFile(path)
		checkMessage(t, err, path, path+":1:1: invalid TOML: NUL byte; an organization file is UTF-8 text (is this one UTF-16, or binary?)")
	})
}

func TestHostileTeamCount(t *testing.T) {
	// two lines of head, five a team: the 20,001st team's header is line 2+5*20000+1
	_, err := orgs.Load("many.toml", teamsFile(orgs.MaxTeams+1))
	checkMessage(t, err, "many.toml", "many.toml:100003:1: the file holds 20001 teams; at most 20000 are allowed")

	// teams written as an inline array are counted after decoding
	inline := head + "team = [" + strings.Repeat("{},", orgs.MaxTeams+1) + "]\n"
	_, err = orgs.Load("many.toml", []byte(inline))
	checkMessage(t, err, "many.toml", "many.toml: the file holds 20001 teams; at most 20000 are allowed")
}

// TestProblemsAreBounded: a file with more problems than anyone reads lists the first
// thousand and counts the rest (8 MiB of unknown keys took seconds and gigabytes to list).
func TestProblemsAreBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString(head + "[defaults]\n")
	for i := range 1500 {
		fmt.Fprintf(&b, "k%04d = 1\n", i)
	}
	_, err := orgs.Load("keys.toml", []byte(b.String()))
	var le *orgs.LoadError
	if !errors.As(err, &le) {
		t.Fatalf("err = %v", err)
	}
	if len(le.Problems) != 1001 {
		t.Fatalf("%d problems listed, want 1000 and a count of the rest", len(le.Problems))
	}
	if got, want := le.Problems[0].String(), `keys.toml:4:1: [defaults]: unknown key "k0000" in [defaults]`; got != want {
		t.Errorf("first problem %q, want %q", got, want)
	}
	if got, want := le.Problems[1000].String(), "keys.toml: and 500 more problems, not listed"; got != want {
		t.Errorf("last problem %q, want %q", got, want)
	}
}

// TestDecoderSharpEdges: inputs on which the decoder's own error formatting panics
// (ErrorWithPosition, upstream #517 and #498) give a positioned message of ours.
func TestDecoderSharpEdges(t *testing.T) {
	checkRefusals(t, []refusal{
		{
			"CRLF inside a basic string",
			"format = 1\r\nname = \"Acme\r\nCorp\"\r\n",
			"hostile.toml:2:13: invalid TOML: strings cannot contain newlines",
		},
		{
			"CRLF inside a basic string, more lines after",
			head + "description = \"a\r\nb\"\n[defaults]\nper_head = 1\n",
			"hostile.toml:3:17: invalid TOML: strings cannot contain newlines",
		},
		{
			"a lone trailing backslash",
			head + "description = \"abc\\",
			"hostile.toml:3:19: invalid TOML: the file ends inside a string, after a backslash",
		},
		{
			"a lone backslash as the whole file",
			"\\",
			`hostile.toml:1:1: invalid TOML: expected '.' or '=', but got '\\' instead`,
		},
		{
			"a trailing backslash in a multi-line string",
			head + "description = \"\"\"abc\\",
			"hostile.toml:3:21: invalid TOML: the file ends inside a string, after a backslash",
		},
	})
}

// TestHostileBytes: bytes TOML never allows are refused at their exact place, named as
// text, never echoed.
func TestHostileBytes(t *testing.T) {
	checkRefusals(t, []refusal{
		{
			"invalid UTF-8 in a string",
			head + "description = \"Ac\xffme\"\n",
			"hostile.toml:3:18: invalid TOML: invalid UTF-8 byte 0xff; an organization file is UTF-8 text",
		},
		{
			"invalid UTF-8 after multi-byte characters",
			head + "description = \"Zürich \xc3\x28\"\n",
			"hostile.toml:3:23: invalid TOML: invalid UTF-8 byte 0xc3; an organization file is UTF-8 text",
		},
		{
			"UTF-16",
			"\xff\xfef\x00o\x00r\x00m\x00a\x00t\x00",
			"hostile.toml:1:1: invalid TOML: invalid UTF-8 byte 0xff; an organization file is UTF-8 text",
		},
		{
			"NUL in a string",
			head + "description = \"Ac\x00me\"\n",
			"hostile.toml:3:18: invalid TOML: NUL byte; an organization file is UTF-8 text (is this one UTF-16, or binary?)",
		},
		{
			"NUL in a key",
			"f\x00rmat = 1\n",
			"hostile.toml:1:2: invalid TOML: NUL byte; an organization file is UTF-8 text (is this one UTF-16, or binary?)",
		},
		{
			"raw ESC of OSC 52 in a name",
			string(teamFile("\"\x1b]52;c;aGVsbG8=\x07\"")),
			"hostile.toml:5:9: invalid TOML: control character 0x1b is not allowed (only tab and newline are)",
		},
		{
			"raw ESC in a comment",
			head + "# \x1b]0;pwned\x07\n",
			"hostile.toml:3:3: invalid TOML: control character 0x1b is not allowed (only tab and newline are)",
		},
		{
			"raw BEL in a multi-line string",
			head + "description = '''\nding\x07'''\n",
			"hostile.toml:4:5: invalid TOML: control character 0x07 is not allowed (only tab and newline are)",
		},
		{
			"raw DEL",
			head + "description = \"a\x7f\"\n",
			"hostile.toml:3:17: invalid TOML: control character 0x7f is not allowed (only tab and newline are)",
		},
		{
			"a carriage return without a newline",
			head + "description = \"a\"\r# old Mac line end\n",
			"hostile.toml:3:18: invalid TOML: carriage return (0x0d) without a newline after it",
		},
	})
}

// TestTerminalEscapesInNames: a name that decodes to a control sequence (TOML escapes make
// any of them) is refused at load, and the message shows it escaped, not obeyed.
func TestTerminalEscapesInNames(t *testing.T) {
	refused := func(quoted string) string {
		return fmt.Sprintf(`hostile.toml:5:1: team %s: team name %s holds a control character, which could drive the terminal; refused`, quoted, quoted)
	}
	for _, tc := range []struct{ name, toml, shown string }{
		{"OSC 52 clipboard write", `"\u001b]52;c;aGVsbG8=\u0007"`, `"\x1b]52;c;aGVsbG8=\a"`},
		{"OSC 52 ended by ST", `"\u001b]52;c;aGVsbG8=\u001b\\"`, `"\x1b]52;c;aGVsbG8=\x1b\\"`},
		{"OSC 0 window title", `"\u001b]0;pwned\u0007"`, `"\x1b]0;pwned\a"`},
		{"CSI clear screen and colour", `"\u001b[2J\u001b[31mred"`, `"\x1b[2J\x1b[31mred"`},
		{"C1 CSI U+009B", `"\u009b31mred"`, `"\u009b31mred"`},
		{"C1 CSI U+009B raw", "\"\u009b31mred\"", `"\u009b31mred"`},
		{"BEL", `"ding\u0007"`, `"ding\a"`},
		{"BS", `"abc\bdef"`, `"abc\bdef"`},
		{"CR", `"abc\rdef"`, `"abc\rdef"`},
		{"newline", `"abc\ndef"`, `"abc\ndef"`},
		{"tab", `"abc\tdef"`, `"abc\tdef"`},
		{"bidi override U+202E", `"abc\u202Edef"`, `"abc\u202edef"`},
		{"bidi override U+202E raw", "\"abc\u202edef\"", `"abc\u202edef"`},
		{"bidi isolate U+2066", `"abc\u2066def\u2069"`, `"abc\u2066def\u2069"`},
		{"zero-width space", `"abc\u200Bdef"`, `"abc\u200bdef"`},
		{"DEL", `"abc\u007Fdef"`, `"abc\x7fdef"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := orgs.Load("hostile.toml", teamFile(tc.toml))
			checkMessage(t, err, "hostile.toml", refused(tc.shown))
		})
	}
}

func TestTerminalEscapesInText(t *testing.T) {
	data := head + "description = \"ok\\u001b]0;pwned\\u0007\"\n"
	_, err := orgs.Load("hostile.toml", []byte(data))
	checkMessage(t, err, "hostile.toml", "hostile.toml:3:1: description holds a control character (only tabs and newlines are allowed in text); refused")

	// a scenario title, and a KPI text
	data = head + "[[kpi]]\nidentity = \"product-centric\"\ntext = \"\\u009b2J\"\n[scenario]\ntitle = \"\\u202Egnp.exe\"\n"
	_, err = orgs.Load("hostile.toml", []byte(data))
	checkMessage(t, err, "hostile.toml", "hostile.toml:5:1: kpi #1: text holds a control character (only tabs and newlines are allowed in text); refused\n"+
		"hostile.toml:7:1: [scenario]: title holds a control character (only tabs and newlines are allowed in text); refused")
}

// TestHostileFileName: the file name is user text too; messages show it escaped.
func TestHostileFileName(t *testing.T) {
	_, err := orgs.Load("evil\x1b]0;pwned\x07\u202e.toml", []byte("\\"))
	want := `evil\x1b]0;pwned\x07\u202e.toml:1:1: invalid TOML: expected '.' or '=', but got '\\' instead`
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
	if err != nil {
		checkPrintable(t, err.Error())
	}
}

// TestUserTextInMessagesIsQuoted: what the file says is quoted (%q) in messages, so a
// hostile key or value never reaches the terminal raw.
func TestUserTextInMessagesIsQuoted(t *testing.T) {
	data := head + "\"\\u001b]0;x\\u0007\" = 1\n[[team]]\nname = \"A\"\norg = \"\\u001b[31m\"\nkind = \"dev\"\nheadcount = 3\n"
	_, err := orgs.Load("hostile.toml", []byte(data))
	// (the locator does not read escapes in quoted keys: no position for the first)
	checkMessage(t, err, "hostile.toml", `hostile.toml: unknown key "\x1b]0;x\a" in the top level`+"\n"+
		`hostile.toml:6:1: team "A": org = "\x1b[31m" is not one of dev, ops, sre`)
}

// TestSanitize: the one function every user string passes through before it is printed
// shows control sequences as text, never as what they would do.
func TestSanitize(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"OSC 52 clipboard write", "\x1b]52;c;aGVsbG8=\x07", `\x1b]52;c;aGVsbG8=\x07`},
		{"OSC 0 window title, ST", "\x1b]0;pwned\x1b\\", `\x1b]0;pwned\x1b\`},
		{"CSI", "\x1b[2J\x1b[31mred", `\x1b[2J\x1b[31mred`},
		{"C1 CSI", "\u009b31mred", `\u009b31mred`},
		{"BEL", "ding\a", `ding\x07`},
		{"BS", "abc\bdef", `abc\x08def`},
		{"CR", "abc\rdef", "abc def"},
		{"tab and newline", "a\tb\nc", "a b c"},
		{"DEL", "a\x7fb", `a\x7fb`},
		{"bidi override", "abc\u202edef", `abc\u202edef`},
		{"bidi isolates", "\u2066x\u2069", `\u2066x\u2069`},
		{"zero width and BOM", "a\u200bb\ufeff", `a\u200bb\ufeff`},
		{"line separator", "a\u2028b", `a\u2028b`},
		{"invalid UTF-8", "a\xffb\xc3", `a\xffb\xc3`},
		{"clean text is kept", "Zürich 0042 — Ω", "Zürich 0042 — Ω"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := orgs.Sanitize(tc.in)
			if got != tc.want {
				t.Errorf("Sanitize(%q) = %q, want %q", tc.in, got, tc.want)
			}
			checkPrintable(t, got)
		})
	}
}

// TestTooManyEntriesAreRefusedBeforeDecoding: 8 MiB of tiny keys or tables would take the
// decoder seconds; the pre-scan refuses them at the first entry past the bound.
func TestTooManyEntriesAreRefusedBeforeDecoding(t *testing.T) {
	for _, c := range []struct{ name, line string }{{"keys", "k%d = 1\n"}, {"tables", "[t%d]\n"}} {
		var b strings.Builder
		b.WriteString("format = 1\nname = \"x\"\n")
		for i := 0; i < 260_000; i++ {
			fmt.Fprintf(&b, c.line, i)
		}
		_, err := orgs.Load("many.toml", []byte(b.String()))
		// Line 2 holds name =, the second entry; entry 250,001 is on line 250,001.
		want := "many.toml:250001:"
		if err == nil || !strings.HasPrefix(err.Error(), want) || !strings.Contains(err.Error(), "more than 250000 keys, tables and array values; refused before decoding") {
			t.Errorf("%s: %v", c.name, err)
		}
	}
}

// A flat array of 8 MiB (`x = [1,1,1,...]`) holds one key and took the decoder seconds and
// 300 MB before it was refused: each element counts toward the limit, and the file is
// refused before decoding, at the element past it.
func TestFlatArrayElementsCount(t *testing.T) {
	for _, c := range []struct{ name, piece string }{
		{"numbers", "1,"},
		{"strings", `"a",`},
		{"inside an inline table", ""},
	} {
		body := "x = [" + strings.Repeat(c.piece, (orgs.MaxFileSize-64)/max(1, len(c.piece))) + "1]\n"
		if c.piece == "" {
			body = "x = { y = [" + strings.Repeat("1,", (orgs.MaxFileSize-64)/2) + "1] }\n"
		}
		_, err := orgs.Load("flat.toml", []byte(head+body))
		want := "more than 250000 keys, tables and array values; refused before decoding"
		var le *orgs.LoadError
		if !errors.As(err, &le) || len(le.Problems) != 1 || le.Problems[0].Msg != want || le.Problems[0].Line != 3 {
			t.Errorf("%s: got %v, want line 3: %s", c.name, err, want)
		}
	}
}

// TestHugeTablesAreRefusedBeforeDecoding: 249,000 keys in one table took the decoder and
// the reader seconds, twice as long as the same keys spread over small tables; no table of
// an organization file knows more than 16 keys, so one of more than 10,000 is refused
// before decoding, at the key past the bound, and so are more than 10,000 differently
// named tables (each a key of the table above it).
func TestHugeTablesAreRefusedBeforeDecoding(t *testing.T) {
	lines := func(first, format string, n int) string {
		var b strings.Builder
		b.WriteString(head + first)
		for i := range n {
			fmt.Fprintf(&b, format, i)
		}
		return b.String()
	}
	for _, c := range []struct{ name, data, want string }{
		{"top level", lines("", "k%05d = 1\n", 20_000),
			"many.toml:10001:8: more than 10000 keys in one table; refused before decoding"},
		{"[defaults]", lines("[defaults]\n", "k%05d = 1\n", 20_000),
			"many.toml:10004:8: more than 10000 keys in one table; refused before decoding"},
		{"dotted keys", lines("", "a.k%05d = 1\n", 20_000),
			"many.toml:10001:10: more than 10000 keys in one table; refused before decoding"},
		{"inline table", lines("defaults = {", "k%05d = 1, ", 20_000) + "}\n",
			"many.toml:3:120020: more than 10000 keys in one table; refused before decoding"},
		{"table headers", lines("", "[t%05d]\n", 20_000),
			"many.toml:10003:1: more than 10000 differently named tables; refused before decoding"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := orgs.Load("many.toml", []byte(c.data))
			checkMessage(t, err, "many.toml", c.want)
		})
	}

	// at the bound, the keys are decoded and each unknown one is a problem of its own
	_, err := orgs.Load("many.toml", []byte(lines("[defaults]\n", "k%05d = 1\n", 10_000)))
	var le *orgs.LoadError
	if !errors.As(err, &le) || len(le.Problems) != 1001 || !strings.Contains(le.Problems[0].Msg, `unknown key "k00000"`) {
		t.Fatalf("10,000 keys in one table: %v", err)
	}
	// a team written more than 10,000 times is one table name
	_, err = orgs.Load("many.toml", []byte(lines("", "[[team]]\nname = \"T%d\"\norg = \"dev\"\nkind = \"dev\"\nheadcount = 1\n", 10_001)))
	if err != nil && strings.Contains(err.Error(), "refused before decoding") {
		t.Fatalf("10,001 teams: %v", err)
	}
}

// Empty inline tables and arrays are values the decoder builds one by one: 8 MiB of them
// took seconds and 580 MB. They count toward the limit of keys and tables and are refused
// before decoding, at the place the limit is passed.
func TestEmptyInlineTablesAndArraysCount(t *testing.T) {
	for _, c := range []struct{ name, piece string }{
		{"inline tables", "{},"},
		{"arrays", "[],"},
		{"nested empty arrays", "[[]],"},
	} {
		data := []byte("format = 1\nname = \"E\"\nteam = [" + string(bytes.Repeat([]byte(c.piece), 300_000)) + "{}]\n")
		_, err := orgs.Load("empty.toml", data)
		want := "more than 250000 keys, tables and array values; refused before decoding"
		if err == nil {
			t.Fatalf("%s: loaded", c.name)
		}
		le := err.(*orgs.LoadError)
		if len(le.Problems) != 1 || le.Problems[0].Msg != want || le.Problems[0].Line != 3 {
			t.Errorf("%s: got %v, want line 3: %s", c.name, err, want)
		}
	}
	data := gen.EmptyTables(orgs.MaxFileSize)
	if _, err := orgs.Load("empty.toml", data); err == nil || !bytes.Contains([]byte(err.Error()), []byte("refused before decoding")) {
		t.Errorf("8 MiB of empty tables: %v", err)
	}
}

// A 7 MB unknown key was echoed whole: user text in messages is cut after 200 characters,
// saying how long it was.
func TestMessagesCutLongUserText(t *testing.T) {
	key := strings.Repeat("k", 1<<20)
	_, err := orgs.Load("long.toml", []byte("format = 1\nname = \"A\"\n"+key+" = 1\n"))
	if err == nil {
		t.Fatal("loaded")
	}
	msg := err.Error()
	if len(msg) > 400 || !strings.Contains(msg, `unknown key "`+strings.Repeat("k", 200)+`... (1048576 bytes)"`) {
		t.Errorf("%d bytes: %.300s", len(msg), msg)
	}
	if got := orgs.Cut(strings.Repeat("é", 250)); got != strings.Repeat("é", 200)+"... (500 bytes)" {
		t.Errorf("Cut counts characters, not bytes: %q", got)
	}
}
