package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/sretopo/sretopo/orgs"
)

// dashboardOptions are the flags of `sretopo [FILE]`.
type dashboardOptions struct {
	File     string // "" for the embedded default example
	Baseline string
	Theme    string
	NoColor  bool
	Present  bool
}

// addLookFlags adds the flags the dashboard and serve share: the baseline, the theme and
// whether to colour.
func (opts *dashboardOptions) addLookFlags(fs *flag.FlagSet) {
	fs.StringVar(&opts.Baseline, "baseline", "", "")
	fs.StringVar(&opts.Theme, "theme", "auto", "")
	fs.BoolVar(&opts.NoColor, "no-color", false, "")
}

// checkLook refuses a theme other than auto, light or dark (code is then the usage error's
// exit status) and turns colour off where NO_COLOR is set, for the dashboard and serve alike.
func (c *cli) checkLook(opts *dashboardOptions) (code int, ok bool) {
	switch opts.Theme {
	case "auto", "light", "dark":
	default:
		return c.usageError("--theme must be auto, light or dark, not %q", opts.Theme), false
	}
	if _, isEnv := os.LookupEnv("NO_COLOR"); isEnv {
		opts.NoColor = true
	}
	return exitOK, true
}

func (c *cli) dashboard(args []string) int {
	fs := flag.NewFlagSet("sretopo", flag.ContinueOnError)
	var opts dashboardOptions
	showVersion := fs.Bool("version", false, "")
	opts.addLookFlags(fs)
	fs.BoolVar(&opts.Present, "present", false, "")
	pos, code, ok := c.parse(fs, args)
	if !ok {
		return code
	}
	if *showVersion {
		fmt.Fprintf(c.stdout, "sretopo %s\n", version)
		return exitOK
	}
	if code, ok := c.checkLook(&opts); !ok {
		return code
	}
	switch len(pos) {
	case 0:
	case 1:
		opts.File = pos[0]
		if opts.File == "-" {
			// the dashboard reads its keys there: it would wait for a file that never ends
			return c.usageError("the dashboard cannot read the organization from standard input, which it needs for keys; save it to a file, or run: sretopo report -")
		}
	default:
		if _, err := os.Stat(pos[0]); err != nil {
			return c.usageError("unknown command %q", pos[0])
		}
		return c.usageError("the dashboard opens one FILE; to check several, use: sretopo validate FILE...")
	}
	var op *orgs.Opened
	var err error
	if opts.File == "" {
		ex, _ := orgs.ExampleNamed(orgs.DefaultExample)
		op, err = orgs.OpenBytes(orgs.DefaultExample+".toml", ex.Data, opts.Baseline)
	} else {
		op, err = orgs.Open(opts.File, opts.Baseline)
	}
	if err != nil {
		return c.loadFailed(err)
	}
	if !isTerminal(c.stdin) || !isTerminal(c.stdout) {
		fmt.Fprintln(c.stderr, "sretopo: the dashboard needs a terminal; for a report without one, run: sretopo report FILE")
		return exitUsage
	}
	return runDashboard(op, opts, c.stderr)
}
