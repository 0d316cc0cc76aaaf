package orgs_test

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/sretopo/sretopo/orgs"
)

// The fuzz targets of issue 5. Their seeds (testdata/fuzz/FuzzX/, and the examples added
// below) run under plain `go test`; to fuzz one for a bounded time, as CI should:
//
//	go test ./orgs -run '^$' -fuzz '^FuzzLoad$' -fuzztime 20s -fuzzminimizetime 5s
//
// No target caps the size of its input: a cap would hide exactly the big and deep inputs
// that hurt the decoder (hostile_test.go keeps explicit tests of those).

// loadDeadline is how long one load may take before the fuzz target calls it a hang. Loads
// of fuzz-sized inputs take milliseconds; the margin is for -race on a busy machine.
const loadDeadline = 5 * time.Second

// load is orgs.Load that crashes the process, which the fuzzer records with its input, when
// it runs past loadDeadline: a hang never ends a fuzz run on its own.
func load(file string, data []byte) (*orgs.Org, error) {
	timer := time.AfterFunc(loadDeadline, func() {
		panic(fmt.Sprintf("orgs.Load hung: over %v on %d bytes", loadDeadline, len(data)))
	})
	defer timer.Stop()
	return orgs.Load(file, data)
}

func addExamples(f *testing.F) {
	for _, ex := range orgs.Examples() {
		f.Add(ex.Data)
	}
}

// FuzzLoad: Load never panics or hangs; every problem it reports names the file and is safe
// to print; what it accepts, Marshal writes back in a form it accepts again.
func FuzzLoad(f *testing.F) {
	addExamples(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		const file = "fuzz \x1b[31m.toml" // a hostile name too: messages show it escaped
		shown := orgs.Sanitize(file)
		org, err := load(file, data)
		if err != nil {
			if org != nil {
				t.Error("Load returned a model with an error")
			}
			var le *orgs.LoadError
			if !errors.As(err, &le) {
				t.Fatalf("error is a %T, not a *orgs.LoadError: %v", err, err)
			}
			if len(le.Problems) == 0 {
				t.Fatal("a LoadError without a problem")
			}
			msg := err.Error()
			for _, line := range strings.Split(msg, "\n") {
				if !strings.HasPrefix(line, shown+":") {
					t.Errorf("a problem does not start with the file name %q: %q", shown, line)
				}
			}
			checkPrintable(t, msg)
			return
		}
		out := orgs.Marshal(org)
		if _, err := load("marshalled.toml", out); err != nil {
			t.Fatalf("Marshal wrote a file Load refuses: %v\n%s", err, out)
		}
		// The scan before decoding must see every bracket and dot the decoder sees: after
		// a file the decoder accepts, deep nesting and long keys are still refused. (A scan
		// that lost track of a string would let millions of [ reach the decoder, which
		// overflows the stack; a fuzz input is too small to show that by itself.)
		for _, tail := range []struct{ text, want string }{
			{"\nzzz = " + strings.Repeat("[", 70), "nesting deeper than 64 levels"},
			{"\n" + strings.Repeat("z.", 70) + "z = 1", "key path longer than 64 segments"},
		} {
			_, err := load(file, append(bytes.Clone(data), tail.text...))
			if err == nil || !strings.Contains(err.Error(), tail.want) {
				t.Fatalf("after an accepted file, %q was not refused (%v)", tail.want, err)
			}
		}
	})
}

// FuzzRoundTrip: load, Marshal, load gives an equal model, and Marshal is canonical (the
// second Marshal writes the same bytes as the first).
func FuzzRoundTrip(f *testing.F) {
	addExamples(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		first, err := load("fuzz.toml", data)
		if err != nil {
			return // FuzzLoad checks the refusals
		}
		out := orgs.Marshal(first)
		if !utf8.Valid(out) {
			t.Fatalf("Marshal wrote invalid UTF-8:\n%q", out)
		}
		second, err := load("fuzz.toml", out)
		if err != nil {
			t.Fatalf("the saved file does not load: %v\n%s", err, out)
		}
		if !reflect.DeepEqual(first, second) {
			t.Fatalf("load, save, load gives another model:\nfirst  %+v\nsecond %+v\nsaved:\n%s", first, second, out)
		}
		if again := orgs.Marshal(second); !bytes.Equal(again, out) {
			t.Fatalf("Marshal is not canonical:\nfirst:\n%s\nsecond:\n%s", out, again)
		}
	})
}

// FuzzSanitize: nothing Sanitize returns holds a control character or invalid UTF-8, it
// is idempotent, and it leaves a string that needs nothing alone.
func FuzzSanitize(f *testing.F) {
	for _, s := range []string{
		"Payments 0042", "Zürich", "",
		"\x1b]52;c;aGVsbG8=\x07", "\x1b]0;pwned\x1b\\", "\x1b[2J\x1b[31mred",
		"\u009b31m", "ding\a", "abc\bdef", "abc\rdef", "a\tb\nc",
		"abc\u202edef", "\u2066isolate\u2069", "zero\u200bwidth", "\ufeffbom", "\xff\xfe", "\xc3\x28", "a\x00b", "\x7f",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := orgs.Sanitize(s)
		if !utf8.ValidString(out) {
			t.Fatalf("Sanitize(%q) = %q: invalid UTF-8", s, out)
		}
		for _, r := range out {
			if orgs.IsControl(r) {
				t.Fatalf("Sanitize(%q) = %q holds the control character %U", s, out, r)
			}
		}
		if again := orgs.Sanitize(out); again != out {
			t.Fatalf("Sanitize is not idempotent: %q -> %q -> %q", s, out, again)
		}
		clean := utf8.ValidString(s)
		for _, r := range s {
			clean = clean && !orgs.IsControl(r)
		}
		if clean && out != s {
			t.Fatalf("Sanitize(%q) = %q changed a string that needs nothing", s, out)
		}
	})
}
