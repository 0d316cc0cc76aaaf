package orgs_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/sretopo/sretopo/internal/gen"
	"github.com/sretopo/sretopo/orgs"
)

// Issue 9: files a hostile or careless colleague leaves, and special files where an
// organization file was expected.

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

// FuzzEscapeJSON: any string, encoded by encoding/json and passed through EscapeJSON, is
// still valid JSON decoding to the same value, is valid UTF-8, and holds no character a
// terminal would obey or use to reorder text (C1, bidi, zero-width) raw.
func FuzzEscapeJSON(f *testing.F) {
	for _, s := range []string{"", "plain", "\u009b31m", "a\u202eb\u202c", "\u2066x\u2069", "\u200b", "\ufeff", "é😀", "\x1b]0;t\a", "\xff", "\u2028", "\ufffd", "a\ufffdb\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		raw, err := json.Marshal(map[string]string{"file": s})
		if err != nil {
			t.Fatal(err)
		}
		out := orgs.EscapeJSON(raw)
		var back map[string]string
		if err := json.Unmarshal(out, &back); err != nil {
			t.Fatalf("%q: %s is not JSON: %v", s, out, err)
		}
		var want map[string]string
		json.Unmarshal(raw, &want)
		if back["file"] != want["file"] {
			t.Fatalf("%q came back as %q", s, back["file"])
		}
		// a real U+FFFD is a character like any other (encoding/json also writes it for
		// invalid bytes): what must not appear is a byte that is not UTF-8
		if !utf8.Valid(out) {
			t.Fatalf("%q: %q is not UTF-8", s, out)
		}
		for _, r := range string(out) {
			if orgs.IsControl(r) {
				t.Fatalf("%q: raw %U in %s", s, r, out)
			}
		}
	})
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

// A save killed half-way leaves its temporary file: the next save in that directory removes
// such files once they are older than a minute, and nothing else.
func TestStaleTempFilesAreCleanedAtTheNextSave(t *testing.T) {
	dir := t.TempDir()
	old := time.Now().Add(-2 * time.Minute)
	stale := []string{".x-scenario-1.toml.tmp-123456", ".a.toml.sretopo-recover.tmp-99", ".r-report.md.tmp-7"}
	kept := []string{".x.toml.tmp-1", ".notes.txt.tmp-5", "x.toml.tmp-3", ".x.toml.tmp-abc"}
	for _, n := range append(append([]string{}, stale...), kept...) {
		p := filepath.Join(dir, n)
		writeTo(t, p, "partial")
		if n != ".x.toml.tmp-1" { // a save in progress elsewhere: new
			os.Chtimes(p, old, old)
		}
	}
	if err := orgs.WriteFile(filepath.Join(dir, "new.toml"), []byte(smallOrg), false, nil); err != nil {
		t.Fatal(err)
	}
	for _, n := range stale {
		if _, err := os.Lstat(filepath.Join(dir, n)); err == nil {
			t.Errorf("%s stayed", n)
		}
	}
	for _, n := range kept {
		if _, err := os.Lstat(filepath.Join(dir, n)); err != nil {
			t.Errorf("%s was removed", n)
		}
	}
}

const smallOrg = "format = 1\nname = \"Acme\"\n\n[[team]]\nname = \"Viewer\"\norg = \"dev\"\nkind = \"dev\"\nheadcount = 3\n"

func writeTo(t *testing.T, path, content string) {
	t.Helper()
	orgs.MustWriteFile(t, path, []byte(content), 0o644)
}

// TestEscapeJSONFindsEveryPlace: EscapeJSON reads plain ASCII eight bytes at a time; a DEL,
// a C1 control or a bidi character at any offset of a long ASCII text, across every
// eight-byte boundary, is escaped all the same, and the text around it kept.
func TestEscapeJSONFindsEveryPlace(t *testing.T) {
	for _, odd := range []string{"\x7f", "\u009b", "\u202e", "é"} {
		for at := 0; at < 40; at++ {
			s := strings.Repeat("a", at) + odd + strings.Repeat("b", 40-at)
			raw, err := json.Marshal(s)
			if err != nil {
				t.Fatal(err)
			}
			out := orgs.EscapeJSON(raw)
			var back string
			if err := json.Unmarshal(out, &back); err != nil || back != s {
				t.Fatalf("%q at %d: %s decodes to %q (%v)", odd, at, out, back, err)
			}
			if odd != "é" && bytes.Equal(out, raw) {
				t.Errorf("%q at %d: left raw in %s", odd, at, out)
			}
			if odd == "é" && !bytes.Equal(out, raw) {
				t.Errorf("é at %d: changed to %s", at, out)
			}
		}
	}
}
