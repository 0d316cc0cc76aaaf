package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/sretopo/sretopo/importer"
	"github.com/sretopo/sretopo/orgs"
)

// importCmd is `sretopo import`: an organization file from a software catalog, on-call
// exports and SLO files (docs/import.md).
func (c *cli) importCmd(args []string) int {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	opts := importer.Options{Orgs: map[orgs.OrgID][]string{}, Kinds: map[orgs.Kind][]string{}}
	fs.StringVar(&opts.Name, "name", "", "")
	fs.Func("org", "", func(v string) error {
		key, groups, err := groupList("--org", v, orgs.AllOrgs)
		opts.Orgs[key] = append(opts.Orgs[key], groups...)
		return err
	})
	fs.Func("kind", "", func(v string) error {
		key, groups, err := groupList("--kind", v, orgs.AllKinds)
		opts.Kinds[key] = append(opts.Kinds[key], groups...)
		return err
	})
	fs.IntVar(&opts.Headcount, "headcount", 1, "")
	lifecycle := fs.String("lifecycle", "production,experimental", "")
	fs.StringVar(&opts.Output, "o", "", "")
	sources, code, ok := c.parse(fs, args)
	if !ok {
		return code
	}
	switch {
	case len(sources) == 0:
		return c.usageError("import needs at least one SOURCE: a catalog file or directory")
	case opts.Headcount < orgs.MinHeadcount || opts.Headcount > orgs.MaxHeadcount:
		return c.usageError("--headcount %d is out of range %d-%d", opts.Headcount, orgs.MinHeadcount, orgs.MaxHeadcount)
	case opts.Name != "" && orgs.NameProblem("--name", opts.Name) != "":
		return c.usageError("%s", orgs.NameProblem("--name", opts.Name))
	}
	for _, l := range strings.Split(*lifecycle, ",") {
		if l = strings.TrimSpace(l); l != "" {
			opts.Lifecycles = append(opts.Lifecycles, l)
		}
	}
	if len(opts.Lifecycles) == 0 {
		return c.usageError("--lifecycle names no lifecycle")
	}
	if opts.Output != "" && opts.Output != "-" {
		// refused before anything is read: an import never replaces a file
		if _, err := os.Lstat(opts.Output); err == nil {
			fmt.Fprintf(c.stderr, "sretopo: %s: %v; choose another -o\n", orgs.Sanitize(opts.Output), orgs.ErrExists)
			return exitInvalid
		}
	}
	res, err := importer.Import(sources, opts)
	if err != nil {
		fmt.Fprintln(c.stderr, "sretopo: import: "+err.Error())
		return exitInvalid
	}
	for _, w := range res.Warnings {
		fmt.Fprintln(c.stderr, "sretopo: warning: "+w)
	}
	if opts.Output == "" || opts.Output == "-" {
		c.stdout.Write(res.TOML)
		return exitOK
	}
	err = orgs.WriteFile(opts.Output, res.TOML, false, func(b []byte) error {
		_, err := orgs.Load(opts.Output, b)
		return err
	})
	if err != nil {
		fmt.Fprintln(c.stderr, "sretopo: "+orgs.Sanitize(err.Error()))
		return exitInvalid
	}
	fmt.Fprintf(c.stderr, "sretopo: wrote %d teams and %d services to %s\n", len(res.Org.Teams), len(res.Org.Services), orgs.Sanitize(opts.Output))
	return exitOK
}

// groupList reads an --org or --kind value, KEY=GROUP,GROUP...
func groupList[T ~string](flagName, v string, allowed []T) (T, []string, error) {
	key, list, ok := strings.Cut(v, "=")
	var zero T
	if !ok {
		return zero, nil, fmt.Errorf("%s %q: write KEY=GROUP,GROUP...", flagName, v)
	}
	var found bool
	for _, a := range allowed {
		if string(a) == key {
			found = true
		}
	}
	if !found {
		names := make([]string, len(allowed))
		for i, a := range allowed {
			names[i] = string(a)
		}
		return zero, nil, fmt.Errorf("%s %q: %q is not one of %s", flagName, v, key, strings.Join(names, ", "))
	}
	var groups []string
	for _, g := range strings.Split(list, ",") {
		if g = strings.TrimSpace(g); g != "" {
			groups = append(groups, g)
		}
	}
	if len(groups) == 0 {
		return zero, nil, errors.New(flagName + " " + v + ": names no group")
	}
	return T(key), groups, nil
}
