package main

import (
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/report"
)

// loadAll loads files for compare and plan: every problem of every file is printed, and
// ok is false when any file is invalid.
func (c *cli) loadAll(files []string) (models []*orgs.Org, data [][]byte, ok bool) {
	ok = true
	for _, f := range files {
		var o *orgs.Org
		var raw []byte
		var err error
		if f == "-" {
			var op *orgs.Opened
			if op, err = c.open(f, ""); err == nil {
				o, raw = op.Org, op.Data
			}
		} else {
			o, raw, err = orgs.LoadFile(f)
		}
		if err != nil {
			fmt.Fprintln(c.stderr, strings.Join(loadErrorLines(err), "\n"))
			ok = false
			continue
		}
		models, data = append(models, o), append(data, raw)
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
	out, err := report.RenderOptions(*format, orgs.CompareOptionsRuns(pos, models, *runs))
	if err != nil {
		fmt.Fprintln(c.stderr, "sretopo: "+err.Error())
		return exitInvalid
	}
	c.stdout.Write(out)
	return exitOK
}

func (c *cli) plan(args []string) int {
	fs := flag.NewFlagSet("plan", flag.ContinueOnError)
	format := fs.String("format", "text", "")
	write := fs.Bool("write", false, "")
	pos, code, ok := c.parse(fs, args)
	if !ok {
		return code
	}
	if len(pos) != 2 {
		return c.usageError("plan needs two files: BASE TARGET")
	}
	if !slices.Contains(report.PlanFormats, *format) {
		return c.usageError("unknown format %q; use %s", *format, strings.Join(report.PlanFormats, ", "))
	}
	if *write && (pos[0] == "-" || pos[1] == "-") {
		return c.usageError("plan --write needs BASE and TARGET as files, not standard input")
	}
	models, data, ok := c.loadAll(pos)
	if !ok {
		return exitInvalid
	}
	p := orgs.MakePlan(models[0], models[1])
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

// writeStages saves every stage as a scenario based on base, beside target. Every name is
// checked first, and nothing is written when any exists: a plan is never half written over
// files of an earlier one.
func writeStages(p *orgs.Plan, base string, baseData []byte, target string, targetOrg *orgs.Org) ([]string, error) {
	k := len(p.Stages)
	files := make([]string, k)
	for i := range p.Stages {
		files[i] = orgs.StagePath(target, p.Stages[i].Number)
		if _, err := os.Lstat(files[i]); err == nil {
			return nil, fmt.Errorf("%s exists already; plan --write never replaces a file (move it away or plan into another target name)", files[i])
		}
	}
	for i := range p.Stages {
		s := &p.Stages[i]
		meta := orgs.ScenarioMeta{
			Title:       orgs.StageTitle(target, targetOrg, s.Number, k, s.Name),
			Note:        fmt.Sprintf("Stage %d of %d of the plan from %s to %s.", s.Number, k, base, target),
			BasedOn:     base,
			BasedOnData: baseData,
		}
		if err := orgs.SaveScenario(files[i], s.Model, meta, false); err != nil {
			return nil, fmt.Errorf("%s: %w", files[i], err)
		}
	}
	return files, nil
}
