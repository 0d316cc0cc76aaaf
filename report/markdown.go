package report

import (
	"fmt"
	"strings"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/words"
)

// md makes a user string safe inside a Markdown table cell or line (MarkdownText).
func md(s string) string { return MarkdownText(s) }

// mdWriter writes Markdown line by line, for the outputs laid out without a doc.
type mdWriter struct{ b strings.Builder }

func (w *mdWriter) line(format string, args ...any) { fmt.Fprintf(&w.b, format+"\n", args...) }

// table writes a pipe table and the blank line after it (markdownTable).
func (w *mdWriter) table(header []string, rows [][]string) { markdownTable(&w.b, header, rows) }

// Mermaid draws the organization as a Mermaid flowchart: one subgraph per organization,
// teams as nodes, and an edge from each dev team to the team that runs with it, labelled
// with the run model.
func Mermaid(org *orgs.Org, rep *orgs.Report) string {
	var w mdWriter
	an := rep.Analysis
	label := MermaidLabel
	w.line("---")
	w.line("title: %s", MermaidTitle(rep.Name))
	w.line("---")
	w.line("flowchart LR")
	ids := make(map[string]string, len(an.Teams))
	for i, t := range an.Teams {
		ids[orgs.FoldName(t.Name)] = fmt.Sprintf("t%d", i)
	}
	for _, o := range orgs.AllOrgs {
		w.line("  subgraph %s[\"%s\"]", o, o.Title())
		w.line("    direction TB")
		for i, t := range an.Teams {
			if t.Org != o {
				continue
			}
			detail := fmt.Sprintf("%s, %s", t.Kind, words.People(t.Headcount))
			if t.Topology != 0 {
				detail += fmt.Sprintf(", topology %d", t.Topology)
			}
			w.line("    t%d[\"%s<br/>%s\"]", i, label(t.Name), detail)
		}
		w.line("  end")
	}
	for i, t := range an.Teams {
		if t.RunWith == "" {
			continue
		}
		if to, ok := ids[orgs.FoldName(t.RunWith)]; ok {
			w.line("  t%d -->|\"%s\"| %s", i, t.RunModel.Short(), to)
		}
	}
	// a service that runs otherwise than its team has its own, dotted, edge to the team that
	// runs it with its developers (or for them); one that runs without a partner, from its
	// team to itself
	for k := range an.Services {
		v := &an.Services[k]
		if !v.Exception || v.ServiceRun.Team < 0 {
			continue
		}
		to := fmt.Sprintf("t%d", v.ServiceRun.Team)
		if v.Partner >= 0 {
			to = fmt.Sprintf("t%d", v.Partner)
		}
		w.line("  t%d -.->|\"%s: %s\"| %s", v.ServiceRun.Team, label(v.Name), v.RunModel.Short(), to)
	}
	return w.b.String()
}
