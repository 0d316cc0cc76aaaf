package orgs

// Validate checks a model built in memory (a stage of a plan, say) by the rules that relate
// teams and services to each other, the ones a model assembled from two valid files can
// break: unique names, run_with naming an existing team of the right kind, a service's team
// existing and being a dev team. It returns a *LoadError listing every problem, or nil.
func Validate(o *Org) error {
	d := &decoder{file: "(model)"}
	d.crossCheck(o)
	for i := range o.Teams {
		t := &o.Teams[i]
		if t.Kind != KindDev && (t.Run != "" || t.RunWith != "" || t.SRERole != "") {
			d.addf(at{"team", i, crossWhere("team", t.Name, i)}, "run", "run, run_with and sre_role are for dev teams only")
		}
		if t.Kind == KindDev && t.Run.NeedsPartner() && t.RunWith == "" {
			d.addf(at{"team", i, crossWhere("team", t.Name, i)}, "run_with", "run = %q needs run_with", t.Run)
		}
	}
	if len(d.problems) == 0 {
		return nil
	}
	return &LoadError{File: d.file, Problems: d.problems}
}
