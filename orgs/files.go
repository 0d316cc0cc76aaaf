package orgs

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// OrgFile is an organization file found beside another, as the dashboard's open list shows it.
type OrgFile struct {
	Path string
	// Name is the organization's name; empty when the file does not load.
	Name string
	// Title and SavedAt come from the file's [scenario] table, when it has one.
	Title   string
	SavedAt *time.Time
	// OfBaseline is true for a scenario whose based_on is the baseline asked about.
	OfBaseline bool
	// Problem is why the file cannot be listed ("" when it can): a file the pre-scan refuses,
	// or whose format and name cannot be read. Other problems show when it is opened.
	Problem string
}

// ListOrgFiles lists the .toml files in dir: the scenarios of baseline first, newest first,
// then the other files by name. Hidden files (such as recovery journals) are left out. Each
// file is read and pre-scanned but not decoded whole (listEntry).
func ListOrgFiles(dir, baseline string) ([]OrgFile, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, describeOSError(err)
	}
	absBase, _ := filepath.Abs(baseline)
	var out []OrgFile
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || strings.HasPrefix(name, ".") || !strings.HasSuffix(name, ".toml") {
			continue
		}
		f := OrgFile{Path: filepath.Join(dir, name)}
		// the lines the list shows, not the whole file: see listhead.go
		if basedOn := listEntry(&f); basedOn != "" && baseline != "" {
			abs, _ := filepath.Abs(ResolveBasedOn(f.Path, basedOn))
			f.OfBaseline = abs == absBase
		}
		out = append(out, f)
	}
	slices.SortStableFunc(out, func(a, b OrgFile) int {
		switch {
		case a.OfBaseline != b.OfBaseline:
			if a.OfBaseline {
				return -1
			}
			return 1
		case a.OfBaseline && a.SavedAt != nil && b.SavedAt != nil:
			return b.SavedAt.Compare(*a.SavedAt)
		}
		return strings.Compare(a.Path, b.Path)
	})
	return out, nil
}

// NextFreePath is the first path `<dir>/<stem><ext>`, then `<stem>-2<ext>`, `<stem>-3<ext>`
// ... that does not exist: a default name never replaces a file.
func NextFreePath(dir, stem, ext string) string {
	for n := 1; ; n++ {
		name := stem + ext
		if n > 1 {
			name = stem + "-" + strconv.Itoa(n) + ext
		}
		p := filepath.Join(dir, name)
		if _, err := os.Lstat(p); errors.Is(err, fs.ErrNotExist) {
			return p
		}
	}
}
