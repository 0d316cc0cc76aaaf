package report

import (
	"strings"
	"testing"

	"github.com/sretopo/sretopo/orgs"
)

// Mermaid reads a directive (%%{init: ...}%%) anywhere in a diagram's text: one spelled by a
// name of the file would set the theme, CSS, wrapping or HTML labels, and the name would
// vanish from its node. No "%" of a user string reaches the diagram: names, service labels
// and the title show as what they are.
func TestMermaidDirectivesInNamesAreShownNotApplied(t *testing.T) {
	const directive = `%%{init:{'themeCSS':'.node{display:none}'}}%%`
	for _, d := range []string{directive, "%%{init:{'theme':'dark','htmlLabels':true}}%%", "%%{wrap}%%"} {
		src := strings.Replace(withService, `name = "Ops"`, `name = "`+d+`"`, 1)
		src = strings.Replace(src, `run_with = "Ops"`, `run_with = "`+d+`"`, 1)
		src = strings.Replace(src, `name = "Ledger"`, `name = "`+d+` L"`, 1)
		src = strings.Replace(src, `name = "Solo_Co"`, `name = "`+d+` C"`, 1)
		o := load(t, "directive.toml", src)
		rep := orgs.NewReport(o.Name, "directive.toml", "directive.toml", orgs.Analyse(o, o))
		out := Mermaid(o, rep)
		if strings.Contains(out, "%") {
			t.Errorf("a %% of a name reaches the diagram, where Mermaid reads directives:\n%s", out)
		}
		if !strings.Contains(out, MermaidLabel(d)+"<br/>") {
			t.Errorf("the team named %s is not shown in its node:\n%s", d, out)
		}
		if got, ok := mermaidLabelText(MermaidLabel(d)); !ok || got != d {
			t.Errorf("the label reads as %q, want %q", got, d)
		}
	}
}
