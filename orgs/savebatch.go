package orgs

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"unicode/utf8"
)

// `plan --write` saves one scenario a stage. Saved one after the other, a disk that filled
// up left stage 1 written and stage 2 missing, and the rerun then refused because stage 1
// existed. So a batch is written in two steps: every file's bytes go to a temporary file
// first (written, synced, checked to load back), and only when all of them are there is each
// linked to its name; a failure in either step removes what the batch made, so the files
// are all there or none is.

// ScenarioFile is one scenario of a batch for SaveScenarios.
type ScenarioFile struct {
	Path string
	Org  *Org
	Meta ScenarioMeta
}

// SaveScenarios writes every scenario of files as a new file, or none of them: no file is
// ever replaced (ErrExists when one exists, even when it appears during the save), and
// after any failure (a full disk, a name taken meanwhile) nothing of the batch is left.
func SaveScenarios(files []ScenarioFile) (err error) {
	var temps, linked []string
	defer func() {
		for _, t := range temps {
			os.Remove(t)
		}
		if err != nil {
			for _, p := range linked {
				os.Remove(p)
			}
		}
	}()
	for _, f := range files {
		if _, err := os.Lstat(f.Path); err == nil {
			return fmt.Errorf("%s: %w", f.Path, ErrExists)
		}
		dir := filepath.Dir(f.Path)
		if st, err := os.Stat(dir); err == nil && st.Mode().Perm()&0o222 == 0 {
			return fmt.Errorf("%s: %w", dir, ErrDirNotWritable)
		}
		o := scenarioOrg(f.Path, f.Org, f.Meta)
		data := Marshal(o)
		if !utf8.Valid(data) {
			return fmt.Errorf("%s: %w: invalid UTF-8", f.Path, ErrVerify)
		}
		if err := loadsBackTo(f.Path, o)(data); err != nil {
			return fmt.Errorf("%s: %w", f.Path, err)
		}
		tmp, err := writeTemp(f.Path, data, 0o644)
		if err != nil {
			return err
		}
		temps = append(temps, tmp)
	}
	for i, f := range files {
		// a hard link never replaces: a file that appeared since the check stays
		if err := os.Link(temps[i], f.Path); err != nil {
			if errors.Is(err, fs.ErrExist) {
				return fmt.Errorf("%s: %w", f.Path, ErrExists)
			}
			return fmt.Errorf("%s: %w", f.Path, describeOSError(err))
		}
		linked = append(linked, f.Path)
	}
	for _, f := range files {
		if d, err := os.Open(filepath.Dir(f.Path)); err == nil {
			d.Sync() // best effort, as WriteFile
			d.Close()
		}
	}
	return nil
}
