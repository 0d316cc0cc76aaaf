package main

import (
	"io"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/report"
)

// runDashboard opens the interactive dashboard on op. Until the dashboard lands it prints
// the text report of op.
func runDashboard(op *orgs.Opened, opts dashboardOptions, stderr io.Writer) int {
	an := orgs.Analyse(op.Baseline, op.Org)
	out, _ := report.Render("text", op.Org, orgs.NewReport(op.Org.Name, op.Path, op.BaselinePath, an))
	stderr.Write(out)
	return exitOK
}
