package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/report"
)

// version is set at build time with -ldflags "-X main.version=..."; "dev" otherwise.
var version = "dev"

// Exit statuses (docs/format.md).
const (
	exitOK      = 0
	exitInvalid = 1
	exitUsage   = 2
)

const usageText = `sretopo: who builds it, who runs it, and what follows from that.

Usage:
  sretopo [flags] [FILE]          open the dashboard on FILE (default: the embedded example)
  sretopo report [flags] FILE     print the whole analysis of FILE ("-" reads standard input)
  sretopo validate FILE...        check files; print every problem, one a line
  sretopo diff [flags] A B        what changed from A to B, and every verdict that changed
  sretopo compare [flags] A B...  2 to 8 options side by side, the best of each row marked
  sretopo plan [flags] BASE TARGET
                                  the path from BASE to TARGET in stages (--write saves each)
  sretopo serve [flags] FILE      share the dashboard on FILE over SSH (a live meeting)
  sretopo import [flags] SOURCE...
                                  an organization file from a Backstage catalog, PagerDuty
                                  exports and OpenSLO or Sloth files
  sretopo examples                list the embedded examples
  sretopo example NAME            print an embedded example's TOML, ready to save and edit

Dashboard flags:
  --baseline FILE                 compare against FILE instead of the scenario's based_on
  --theme auto|light|dark         colours for the terminal's background (default auto)
  --no-color                      no colour (also when NO_COLOR is set)
  --present                       start in presentation mode

Other:
  --version, --help, sretopo CMD --help

Exit status: 0 success, 1 invalid input (or, for diff --exit-code, A and B differ),
2 bad usage.
`

// cli carries the standard streams so that every command is testable in-process.
type cli struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

// subcommands are the commands run by their first argument; anything else opens the dashboard.
var subcommands = map[string]func(c *cli, args []string) int{
	"report":   (*cli).report,
	"validate": (*cli).validate,
	"diff":     (*cli).diff,
	"compare":  (*cli).compare,
	"plan":     (*cli).plan,
	"serve":    (*cli).serveCmd,
	"import":   (*cli).importCmd,
	"examples": (*cli).examples,
	"example":  (*cli).example,
	"help":     (*cli).help,
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	c := &cli{stdin: stdin, stdout: stdout, stderr: stderr}
	if len(args) > 0 {
		if command, ok := subcommands[args[0]]; ok {
			return command(c, args[1:])
		}
	}
	return c.dashboard(args)
}

// help prints the usage; what follows `help` is not read.
func (c *cli) help([]string) int {
	fmt.Fprint(c.stdout, usageText)
	return exitOK
}

// parse parses flags that may stand before, between or after the positional arguments,
// as people type them (`sretopo report my.toml --format json`).
func (c *cli) parse(fs *flag.FlagSet, args []string) ([]string, int, bool) {
	fs.SetOutput(io.Discard)
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				help, ok := commandHelp[fs.Name()]
				if !ok {
					help = usageText
				}
				fmt.Fprint(c.stdout, help)
				return nil, exitOK, false
			}
			return nil, c.usageError("%v", err), false
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return positional, 0, true
		}
		if rest[0] == "--" {
			return append(positional, rest[1:]...), 0, true
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}

// parseTwo parses a command of two files (diff, plan) whose output is one of formats: a
// usage error (named files, as usage says them, or format) when it is not.
func (c *cli) parseTwo(fs *flag.FlagSet, args []string, usage string, format *string, formats []string) ([]string, int, bool) {
	pos, code, ok := c.parse(fs, args)
	switch {
	case !ok:
		return nil, code, false
	case len(pos) != 2:
		return nil, c.usageError("%s needs two files: %s", fs.Name(), usage), false
	case !slices.Contains(formats, *format):
		return nil, c.usageError("unknown format %q; use %s", *format, strings.Join(formats, ", ")), false
	}
	return pos, 0, true
}

// parseOperands parses the arguments of a command with no flags of its own (but -h) and
// checks that it was given between least and most operands (most -1: no limit); otherwise
// the usage error says wrong.
func (c *cli) parseOperands(name string, args []string, least, most int, wrong string) ([]string, int, bool) {
	pos, code, ok := c.parse(flag.NewFlagSet(name, flag.ContinueOnError), args)
	switch {
	case !ok:
		return nil, code, false
	case len(pos) < least || most >= 0 && len(pos) > most:
		return nil, c.usageError("%s", wrong), false
	}
	return pos, 0, true
}

func (c *cli) usageError(format string, args ...any) int {
	for i, a := range args {
		if s, ok := a.(string); ok {
			args[i] = orgs.Cut(s) // an argument of megabytes is not echoed whole
		}
	}
	fmt.Fprintf(c.stderr, "sretopo: %s\n", orgs.Sanitize(fmt.Sprintf(format, args...)))
	fmt.Fprintln(c.stderr, "Run 'sretopo --help' for usage.")
	return exitUsage
}

// loadErrorLines is a load error's problems, one a line, each sanitized on its own so that
// only the newlines between them survive.
func loadErrorLines(err error) []string {
	var le *orgs.LoadError
	if errors.As(err, &le) {
		lines := make([]string, len(le.Problems))
		for i, p := range le.Problems {
			lines[i] = p.String()
		}
		return lines
	}
	return []string{orgs.Sanitize(err.Error())}
}

// loadFailed prints why a file did not load, a problem a line, on standard error and
// returns the exit status of invalid input.
func (c *cli) loadFailed(err error) int {
	fmt.Fprintln(c.stderr, strings.Join(loadErrorLines(err), "\n"))
	return exitInvalid
}

// open loads FILE ("-" for standard input) with its baseline.
func (c *cli) open(file, baseline string) (*orgs.Opened, error) {
	if file == "-" {
		if isTerminal(c.stdin) {
			// without a word the command would seem to hang
			fmt.Fprintln(c.stderr, "sretopo: reading the organization from standard input (the terminal); end it with Ctrl-D")
		}
		data, err := io.ReadAll(io.LimitReader(c.stdin, orgs.MaxFileSize+1))
		if err != nil {
			return nil, err
		}
		if len(data) > orgs.MaxFileSize {
			return nil, &orgs.LoadError{File: "-", Problems: []orgs.Problem{{File: "-", Msg: fmt.Sprintf("input is larger than %d MiB; refused", orgs.MaxFileSize>>20)}}}
		}
		return orgs.OpenBytes("-", data, baseline)
	}
	return orgs.Open(file, baseline)
}

// openBoth opens a and b at the same time, each on a core of its own: loaded one after
// the other, a diff of two 20,000-team files cost 1.6 times the report of one. Nothing is
// printed here, so messages keep the order of the files.
func (c *cli) openBoth(a, b string) (opened [2]*orgs.Opened, errs [2]error) {
	if a == "-" && b == "-" {
		// one standard input, read once: the second is empty, as it always was
		opened[0], errs[0] = c.open(a, "")
		opened[1], errs[1] = c.open(b, "")
		return opened, errs
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		opened[1], errs[1] = c.open(b, "")
	}()
	opened[0], errs[0] = c.open(a, "")
	<-done
	return opened, errs
}

// warn prints what did not stop the file from opening, such as a based_on that is missing
// or no organization file, on standard error.
func (c *cli) warn(op *orgs.Opened) {
	for _, w := range op.Warnings {
		fmt.Fprintln(c.stderr, "sretopo: warning: "+w)
	}
}

func (c *cli) report(args []string) int {
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	format := fs.String("format", "text", "")
	baseline := fs.String("baseline", "", "")
	runs := fs.Int("runs", orgs.DefaultRiskRuns, "")
	pos, code, ok := c.parse(fs, args)
	if !ok {
		return code
	}
	if len(pos) != 1 {
		return c.usageError("report needs exactly one FILE (or - for standard input)")
	}
	if bad, ok := c.badRuns(*runs); !ok {
		return bad
	}
	if !slices.Contains(report.Formats, *format) {
		return c.usageError("unknown format %q; use %s", *format, strings.Join(report.Formats, ", "))
	}
	op, err := c.open(pos[0], *baseline)
	if err != nil {
		return c.loadFailed(err)
	}
	c.warn(op)
	an := orgs.AnalyseRuns(op.Baseline, op.Org, *runs)
	rep := orgs.NewReport(op.Org.Name, op.Path, op.BaselinePath, an)
	if *format == "json" {
		// written out in pieces as it is made: a report of 20,000 teams is megabytes, which
		// a buffer of its own would first have to hold (and the system to hand over)
		if err := rep.WriteJSON(c.stdout); err != nil {
			fmt.Fprintln(c.stderr, "sretopo: "+err.Error())
			return exitInvalid
		}
		return exitOK
	}
	return c.print(report.Render(*format, op.Org, rep))
}

// print writes out, or says why it could not be rendered (exit status 1).
func (c *cli) print(out []byte, err error) int {
	if err != nil {
		fmt.Fprintln(c.stderr, "sretopo: "+err.Error())
		return exitInvalid
	}
	c.stdout.Write(out)
	return exitOK
}

func (c *cli) validate(args []string) int {
	files, code, ok := c.parseOperands("validate", args, 1, -1, "validate needs at least one FILE")
	if !ok {
		return code
	}
	status := exitOK
	for _, f := range files {
		// opened with its based_on, whose problems are warned about as report and diff do
		op, err := c.open(f, "")
		if err != nil {
			fmt.Fprintln(c.stdout, strings.Join(loadErrorLines(err), "\n"))
			status = exitInvalid
			continue
		}
		c.warn(op)
		fmt.Fprintf(c.stdout, "%s: ok\n", orgs.Sanitize(f))
	}
	return status
}

func (c *cli) examples(args []string) int {
	if _, code, ok := c.parseOperands("examples", args, 0, 0, "examples takes no argument; to print one, use: sretopo example NAME"); !ok {
		return code
	}
	width := 0
	exs := orgs.Examples()
	for _, ex := range exs {
		width = max(width, len(ex.Name))
	}
	for _, ex := range exs {
		fmt.Fprintf(c.stdout, "%-*s  %s\n", width, ex.Name, orgs.Sanitize(ex.Description))
	}
	return exitOK
}

func (c *cli) example(args []string) int {
	pos, code, ok := c.parseOperands("example", args, 1, 1, "example needs one NAME; 'sretopo examples' lists them")
	if !ok {
		return code
	}
	ex, err := orgs.ExampleNamed(pos[0])
	if err != nil {
		return c.usageError("%v", err)
	}
	c.stdout.Write(ex.Data)
	return exitOK
}

// isTerminal reports whether f is a terminal (a character device).
func isTerminal(f any) bool {
	file, ok := f.(*os.File)
	if !ok {
		return false
	}
	st, err := file.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

func (c *cli) diff(args []string) int {
	fs := flag.NewFlagSet("diff", flag.ContinueOnError)
	format := fs.String("format", "text", "")
	exitCode := fs.Bool("exit-code", false, "")
	pos, code, ok := c.parseTwo(fs, args, "A B", format, report.DiffFormats)
	if !ok {
		return code
	}
	var models [2]*orgs.Org
	opened, errs := c.openBoth(pos[0], pos[1])
	for i := range opened {
		if errs[i] != nil {
			fmt.Fprintln(c.stderr, strings.Join(loadErrorLines(errs[i]), "\n"))
			return exitUsage // docs/format.md: invalid input to diff is status 2, as 1 means "they differ"
		}
		c.warn(opened[i])
		models[i] = opened[i].Org
	}
	d := orgs.Compare(pos[0], models[0], pos[1], models[1])
	out, err := report.RenderDiff(*format, d)
	if err != nil {
		fmt.Fprintln(c.stderr, "sretopo: "+err.Error())
		return exitUsage
	}
	c.stdout.Write(out)
	if *exitCode && d.Differ {
		return exitInvalid
	}
	return exitOK
}
