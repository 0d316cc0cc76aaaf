package views

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/sretopo/sretopo/orgs"
)

// FileList is the list of organization files beside the current one: `o` opens one, and `L`
// in the compare screen takes one as the left side.
type FileList struct {
	Title string
	// Dir is the folder listed; Baseline the baseline whose scenarios come first.
	Dir, Baseline string
	Files         []orgs.OrgFile
	// Current is the open file, marked in the list.
	Current string
	Cursor  int
	Loading bool
	// Err is why the folder could not be listed.
	Err string
	// Marked lists the files marked as options to compare, in the order marked; Marking is
	// set while the list takes marks (compare's O).
	Marked  []string
	Marking bool
}

// TimeLayout is how the list shows when a scenario was saved (local time).
const TimeLayout = "2006-01-02 15:04"

// FileListBody draws the list at width w and says on which line the cursor is.
func FileListBody(fl *FileList, st Styles, w int) (lines []string, cursorLine int) {
	if w <= 0 {
		return nil, 0
	}
	note := func(s string) { lines = append(lines, wrapped(s, w, "  ", "  ")...) }
	dir := S(fl.Dir)
	if dir == "." || dir == "" {
		dir = "the working directory"
	}
	switch {
	case fl.Loading:
		note("listing the .toml files in " + dir + "...")
		return lines, 0
	case fl.Err != "":
		lines = append(lines, st.ink().Warning.Render(Trunc(GlyphWarning+" cannot list "+dir+": "+S(fl.Err), w)))
		return lines, 0
	case len(fl.Files) == 0:
		note("No .toml file in " + dir + ".")
		return lines, 0
	}
	nameW := 12
	for _, f := range fl.Files {
		nameW = max(nameW, len([]rune(S(filepath.Base(f.Path)))))
	}
	nameW = min(nameW, max(16, w*2/5))
	section := ""
	for i, f := range fl.Files {
		want := "Other files in " + dir
		if f.OfBaseline {
			want = "Scenarios of " + S(filepath.Base(fl.Baseline)) + ", newest first"
		}
		if want != section {
			if section != "" {
				lines = append(lines, "")
			}
			lines = append(lines, Rule(st, want, w))
			section = want
		}
		if i == fl.Cursor {
			cursorLine = len(lines)
		}
		lines = append(lines, fileLine(fl, st, i, nameW, w))
	}
	return lines, cursorLine
}

func fileLine(fl *FileList, st Styles, i, nameW, w int) string {
	f := fl.Files[i]
	selected := i == fl.Cursor
	lead := "  "
	if selected {
		lead = GlyphSelected + " "
	}
	if fl.Marking {
		box := "[ ] "
		for k, p := range fl.Marked {
			if filepath.Clean(p) == filepath.Clean(f.Path) {
				box = fmt.Sprintf("[%d] ", k+2) // the baseline is option 1
			}
		}
		lead += box
	}
	var detail []string
	switch {
	case f.Problem != "":
		detail = append(detail, GlyphWarning+" does not load: "+S(f.Problem))
	case f.OfBaseline || f.Title != "" || f.SavedAt != nil:
		if f.Title != "" {
			detail = append(detail, `"`+S(f.Title)+`"`)
		} else {
			detail = append(detail, "(no title)")
		}
		if f.SavedAt != nil {
			detail = append(detail, "saved "+f.SavedAt.Local().Format(TimeLayout))
		}
		if !f.OfBaseline {
			detail = append(detail, "org "+S(f.Name))
		}
	default:
		detail = append(detail, "org "+S(f.Name))
	}
	if fl.Current != "" && filepath.Clean(f.Path) == filepath.Clean(fl.Current) {
		detail = append(detail, "(open now)")
	}
	text := lead + Pad(S(filepath.Base(f.Path)), nameW) + "  " + strings.Join(detail, "  ")
	style := st.ink().Text
	switch {
	case selected:
		style = st.ink().Selected
	case f.Problem != "":
		style = st.ink().Warning
	}
	return style.Render(Pad(text, w))
}
