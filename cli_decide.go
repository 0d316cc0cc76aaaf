package main

import (
	"flag"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/report"
)

// loadAll loads files for compare and plan: every problem of every file is printed, in
// the order of the files, and ok is false when any file is invalid. Files are read side by
// side (standard input, where a file is "-", in the loop itself): two 10,000-team files take
// the time of one.
func (c *cli) loadAll(files []string) (models []*orgs.Org, data [][]byte, ok bool) {
	type loaded struct {
		org *orgs.Org
		raw []byte
		err error
	}
	results := make([]loaded, len(files))
	var wg sync.WaitGroup
	for i, f := range files {
		if f == "-" {
			var op *orgs.Opened
			var err error
			if op, err = c.open(f, ""); err == nil {
				results[i] = loaded{org: op.Org, raw: op.Data}
			} else {
				results[i].err = err
			}
			continue
		}
		wg.Go(func() {
			o, raw, err := orgs.LoadFile(f)
			results[i] = loaded{o, raw, err}
		})
	}
	wg.Wait()
	ok = true
	for _, r := range results {
		if r.err != nil {
			fmt.Fprintln(c.stderr, strings.Join(loadErrorLines(r.err), "\n"))
			ok = false
			continue
		}
		models, data = append(models, r.org), append(data, r.raw)
	}
	return models, data, ok
}

func (c *cli) compare(args []string) int {
	fs := flag.NewFlagSet("compare", flag.ContinueOnError)
	format := fs.String("format", "text", "")
	runs := fs.Int("runs", orgs.DefaultRiskRuns, "")
	pos, code, ok := c.parse(fs, args)
	if !ok {
		return code
	}
	if bad, ok := c.badRuns(*runs); !ok {
		return bad
	}
	if len(pos) < orgs.MinOptions || len(pos) > orgs.MaxOptions {
		return c.usageError("compare needs %d to %d files, one an option; got %d", orgs.MinOptions, orgs.MaxOptions, len(pos))
	}
	if !slices.Contains(report.CompareFormats, *format) {
		return c.usageError("unknown format %q; use %s", *format, strings.Join(report.CompareFormats, ", "))
	}
	models, _, ok := c.loadAll(pos)
	if !ok {
		return exitInvalid
	}
	return c.print(report.RenderOptions(*format, orgs.CompareOptionsRuns(pos, models, *runs)))
}

func (c *cli) plan(args []string) int {
	fs := flag.NewFlagSet("plan", flag.ContinueOnError)
	format := fs.String("format", "text", "")
	write := fs.Bool("write", false, "")
	startFlag := fs.String("start", "", "")
	monthsFlag := fs.String("months", "", "")
	runs := fs.Int("runs", orgs.DefaultRiskRuns, "")
	pos, code, ok := c.parseTwo(fs, args, "BASE TARGET", format, report.PlanFormats)
	if !ok {
		return code
	}
	if bad, ok := c.badRuns(*runs); !ok {
		return bad
	}
	var start orgs.Month
	if *startFlag != "" {
		var err error
		if start, err = orgs.ParseMonth(*startFlag); err != nil {
			return c.usageError("--start: %v", err)
		}
	}
	if *format == "mermaid" && start.IsZero() {
		return c.usageError("plan --format mermaid needs --start YYYY-MM: a gantt chart needs dates")
	}
	months, err := parseStageMonths(*monthsFlag)
	if err != nil {
		return c.usageError("--months: %v", err)
	}
	if *write && (pos[0] == "-" || pos[1] == "-") {
		return c.usageError("plan --write needs BASE and TARGET as files, not standard input")
	}
	models, data, ok := c.loadAll(pos)
	if !ok {
		return exitInvalid
	}
	p := orgs.MakePlanRuns(models[0], models[1], *runs)
	p.Date(start, months)
	out := &report.PlanOutput{Plan: p, Base: pos[0], Target: pos[1]}
	if *write {
		files, err := writeStages(p, pos[0], data[0], pos[1], models[1])
		if err != nil {
			fmt.Fprintln(c.stderr, "sretopo: "+orgs.Sanitize(err.Error()))
			return exitInvalid
		}
		out.Files = files
	}
	text, err := report.RenderPlan(*format, out)
	if err != nil {
		fmt.Fprintln(c.stderr, "sretopo: "+err.Error())
		return exitInvalid
	}
	c.stdout.Write(text)
	return exitOK
}

// parseStageMonths reads --months: NAME=N pairs separated by commas, each NAME a stage and
// N a whole number of months from 1 to 120.
func parseStageMonths(s string) (map[orgs.StageName]int, error) {
	out := map[orgs.StageName]int{}
	if s == "" {
		return out, nil
	}
	names := make([]string, len(orgs.StageNames))
	for i, n := range orgs.StageNames {
		names[i] = string(n)
	}
	for _, pair := range strings.Split(s, ",") {
		name, value, found := strings.Cut(pair, "=")
		if !found {
			return nil, fmt.Errorf("%q is not NAME=N (NAME one of %s)", pair, strings.Join(names, ", "))
		}
		if !slices.Contains(names, name) {
			return nil, fmt.Errorf("%q is no stage; use %s", name, strings.Join(names, ", "))
		}
		n, err := strconv.Atoi(value)
		if err != nil || n < 1 || n > 120 {
			return nil, fmt.Errorf("%s=%s: the months must be a whole number from 1 to 120", name, value)
		}
		out[orgs.StageName(name)] = n
	}
	return out, nil
}

// writeStages saves every stage as a scenario based on base, beside target, all or none.
// Every name is checked first, and nothing is written when any exists: a plan is never half
// written over files of an earlier one.
func writeStages(p *orgs.Plan, base string, baseData []byte, target string, targetOrg *orgs.Org) ([]string, error) {
	k := len(p.Stages)
	files := make([]string, k)
	for i := range p.Stages {
		files[i] = orgs.StagePath(target, p.Stages[i].Number)
		if _, err := os.Lstat(files[i]); err == nil {
			return nil, fmt.Errorf("%s exists already; plan --write never replaces a file (move it away or plan into another target name)", files[i])
		}
	}
	batch := make([]orgs.ScenarioFile, k)
	for i := range p.Stages {
		s := &p.Stages[i]
		batch[i] = orgs.ScenarioFile{Path: files[i], Org: s.Model, Meta: orgs.ScenarioMeta{
			Title:       orgs.StageTitle(target, targetOrg, s.Number, k, s.Name),
			Note:        fmt.Sprintf("Stage %d of %d of the plan from %s to %s.", s.Number, k, base, target),
			BasedOn:     base,
			BasedOnData: baseData,
		}}
	}
	// every stage or none: a failed write leaves no stage behind to block the rerun
	if err := orgs.SaveScenarios(batch); err != nil {
		return nil, err
	}
	return files, nil
}
