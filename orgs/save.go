package orgs

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"time"
	"unicode/utf8"
)

// Errors of the write path, matched with errors.Is.
var (
	// ErrExists: the target exists and the caller did not ask to replace it.
	ErrExists = errors.New("file already exists")
	// ErrReadOnly: the target exists and is read-only; it is never replaced.
	ErrReadOnly = errors.New("file is read-only")
	// ErrDirNotWritable: no file can be created in the target's directory.
	ErrDirNotWritable = errors.New("directory is not writable")
	// ErrOutOfResources: the process or the disk ran out of what a write needs (file
	// descriptors, space, quota): the directory may be perfectly writable, so the message
	// says what ran out instead.
	ErrOutOfResources = errors.New("out of resources")
	// ErrVerify: the bytes about to be committed do not load back to what was meant.
	ErrVerify = errors.New("saved bytes do not load back to the same model")
)

// WriteFile is the one way sretopo writes a file. It writes data to a temporary file in the
// target's directory, fsyncs it, lets verify check the exact bytes about to be committed
// (nil skips the check), then moves it into place and fsyncs the directory, so a crash
// leaves either the old file or the new one, never half of one. Without replace an
// existing target is never touched (ErrExists, even when it appears during the write); a
// read-only target is never replaced (ErrReadOnly); a directory where no file can be
// created gives ErrDirNotWritable.
//
// Only regular files are written: a target that is a directory, a FIFO, a terminal or
// another device is refused by its type (ErrNotRegular). A target that is a symbolic link is
// replaced at the file it points to, so that the link stays a link.
func WriteFile(path string, data []byte, replace bool, verify func([]byte) error) error {
	return writeFile(path, data, replace, true, verify)
}

// writeFile is WriteFile; without followLink a link at path is refused (ErrLink) instead
// of replaced at the file it points to, for the files that are sretopo's own.
func writeFile(path string, data []byte, replace, followLink bool, verify func([]byte) error) error {
	mode := fs.FileMode(0o644)
	if lst, err := os.Lstat(path); err == nil && lst.Mode()&fs.ModeSymlink != 0 {
		if !followLink {
			return &LinkError{Path: path}
		}
		if !replace {
			return fmt.Errorf("%s: %w", path, ErrExists)
		}
		target, err := filepath.EvalSymlinks(path)
		if err != nil {
			return fmt.Errorf("%s: a symbolic link to no file (%v); not replaced", path, describeOSError(err))
		}
		path = target
	}
	st, err := os.Lstat(path)
	switch {
	case err == nil && !st.Mode().IsRegular():
		return fmt.Errorf("%s: %w", path, notRegular(st.Mode()))
	case err == nil && !replace:
		return fmt.Errorf("%s: %w", path, ErrExists)
	case err == nil && st.Mode().Perm()&0o200 == 0:
		return fmt.Errorf("%s: %w; it is not replaced", path, ErrReadOnly)
	case err == nil:
		mode = st.Mode().Perm()
	case !errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("%s: %w", path, describeOSError(err))
	}
	dir := filepath.Dir(path)
	// Checked by mode, not only by trying: as root, creating a file in a directory marked
	// read-only succeeds, and a user who marked it so does not want it written.
	if dst, err := os.Stat(dir); err == nil && dst.Mode().Perm()&0o222 == 0 {
		return fmt.Errorf("%s: %w", dir, ErrDirNotWritable)
	}
	removeStaleTemps(dir, time.Now())
	tmpName, err := writeTemp(path, data, mode)
	if err != nil {
		return err
	}
	committed := false
	defer func() {
		if !committed {
			os.Remove(tmpName)
		}
	}()
	if verify != nil {
		if err := verify(data); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
	}
	if replace {
		err = os.Rename(tmpName, path)
	} else {
		// A hard link fails when the target exists, so a file that appeared since the
		// check above is still not replaced.
		if err = os.Link(tmpName, path); err == nil {
			os.Remove(tmpName)
		} else if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s: %w", path, ErrExists)
		}
	}
	if err != nil {
		return fmt.Errorf("%s: %w", path, describeOSError(err))
	}
	committed = true
	if d, err := os.Open(dir); err == nil {
		d.Sync() // best effort: some file systems cannot sync a directory
		d.Close()
	}
	return nil
}

// writeData writes b to a temporary file; a variable so that a test can make the disk fill
// up at the write it chooses.
var writeData = func(f *os.File, b []byte) (int, error) { return f.Write(b) }

// writeTemp writes data, synced and with mode, to a new temporary file beside path and
// returns its name; on any failure nothing is left behind.
func writeTemp(path string, data []byte, mode fs.FileMode) (string, error) {
	dir := filepath.Dir(path)
	// created exclusively (O_EXCL): never through a link planted at its name
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return "", createError(dir, err)
	}
	fail := func(format string, err error) (string, error) {
		tmp.Close()
		os.Remove(tmp.Name())
		return "", fmt.Errorf(format, path, err)
	}
	if _, err := writeData(tmp, data); err != nil {
		return fail("%s: writing: %w", err)
	}
	if err := tmp.Chmod(mode); err != nil {
		return fail("%s: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		return fail("%s: syncing: %w", err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return "", fmt.Errorf("%s: %w", path, err)
	}
	return tmp.Name(), nil
}

// ourTemp matches the temporary files WriteFile creates (os.CreateTemp puts digits for the
// star) for the files sretopo writes: organization files, journals and Markdown reports.
var ourTemp = regexp.MustCompile(`^\..+\.(toml|sretopo-recover|md)\.tmp-[0-9]+$`)

// staleAfter is how old a temporary file must be to be taken for a killed save's: a save
// in progress, in this process or another, takes far less.
const staleAfter = time.Minute

// removeStaleTemps removes, from dir, the temporary files that a save killed before it
// finished left behind: regular files matching ourTemp, older than staleAfter. Nothing
// else is touched, and failing to remove one is no reason to fail the save.
func removeStaleTemps(dir string, now time.Time) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.Type().IsRegular() || !ourTemp.MatchString(e.Name()) {
			continue
		}
		if info, err := e.Info(); err == nil && now.Sub(info.ModTime()) > staleAfter {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// SaveOrg writes o canonically to path through WriteFile, checking that the bytes load back
// to a model equal to o.
func SaveOrg(path string, o *Org, replace bool) error {
	return saveOrg(path, o, func(data []byte, verify func([]byte) error) error {
		return WriteFile(path, data, replace, verify)
	})
}

// saveOrg marshals o and hands the bytes and their check to write.
func saveOrg(path string, o *Org, write func(data []byte, verify func([]byte) error) error) error {
	data := Marshal(o)
	if !utf8.Valid(data) {
		return fmt.Errorf("%s: %w: invalid UTF-8", path, ErrVerify)
	}
	return write(data, loadsBackTo(path, o))
}

// loadsBackTo is the check that bytes about to be saved at path load back to o.
func loadsBackTo(path string, o *Org) func([]byte) error {
	return func(b []byte) error {
		back, err := Load(path, b)
		if err != nil {
			return fmt.Errorf("%w: %v", ErrVerify, err)
		}
		if !reflect.DeepEqual(back, o) {
			return ErrVerify
		}
		return nil
	}
}

// ScenarioMeta is what a saved scenario records about itself.
type ScenarioMeta struct {
	Title string
	Note  string
	// BasedOn is the baseline file's path (as the program knows it); it is written
	// relative to the scenario's directory. Empty when the baseline has no file.
	BasedOn string
	// BasedOnData are the baseline file's bytes, whose hash is recorded.
	BasedOnData []byte
	// SavedAt is the time recorded; zero means now.
	SavedAt time.Time
}

// SaveScenario writes cur to path as a scenario: a canonical file whose [scenario] table
// records title, note, based_on, based_on_sha256 and saved_at.
func SaveScenario(path string, cur *Org, meta ScenarioMeta, replace bool) error {
	return SaveOrg(path, scenarioOrg(path, cur, meta), replace)
}

// scenarioOrg is cur with the [scenario] table meta gives it, to be saved at path.
func scenarioOrg(path string, cur *Org, meta ScenarioMeta) *Org {
	o := cur.Clone()
	at := meta.SavedAt
	if at.IsZero() {
		at = time.Now()
	}
	at = at.UTC().Truncate(time.Second)
	s := &Scenario{Title: meta.Title, Note: meta.Note, SavedAt: &at}
	if meta.BasedOn != "" {
		s.BasedOn = relativeTo(filepath.Dir(path), meta.BasedOn)
		s.BasedOnSHA256 = SHA256(meta.BasedOnData)
	}
	o.Scenario = s
	return o
}

// relativeTo expresses target relative to dir, with forward slashes so the file reads the
// same on every system; it keeps target as it is when no relative path exists.
func relativeTo(dir, target string) string {
	absDir, err1 := filepath.Abs(dir)
	absTarget, err2 := filepath.Abs(target)
	if err1 != nil || err2 != nil {
		return filepath.ToSlash(target)
	}
	rel, err := filepath.Rel(absDir, absTarget)
	if err != nil {
		return filepath.ToSlash(absTarget)
	}
	return filepath.ToSlash(rel)
}

var scenarioSuffix = regexp.MustCompile(`-scenario-\d+$`)

// NextScenarioPath is the first free name `<stem>-scenario-N.toml` beside input (N from 1).
// A scenario's own "-scenario-N" suffix is dropped from the stem, so scenarios of one
// baseline stay one numbered family. For an embedded example input is its name plus
// ".toml" with no directory, and the scenario goes in the working directory.
func NextScenarioPath(input string) string {
	dir := filepath.Dir(input)
	stem := scenarioSuffix.ReplaceAllString(strings.TrimSuffix(filepath.Base(input), ".toml"), "")
	for n := 1; ; n++ {
		p := filepath.Join(dir, stem+"-scenario-"+strconv.Itoa(n)+".toml")
		if _, err := os.Lstat(p); errors.Is(err, fs.ErrNotExist) {
			return p
		}
	}
}

// JournalPath is the hidden recovery file beside input that holds unsaved work.
func JournalPath(input string) string {
	return filepath.Join(filepath.Dir(input), "."+filepath.Base(input)+".sretopo-recover")
}

// WriteJournal records cur as the unsaved work on input, replacing the previous record. A
// link at the journal's path is refused (ErrLink) and left alone, never written through.
func WriteJournal(input string, cur *Org) error {
	p := JournalPath(input)
	return saveOrg(p, cur, func(data []byte, verify func([]byte) error) error {
		return writeOwnFile(p, data, verify)
	})
}

// ReadJournal returns the unsaved work recorded for input, or nil when there is none. A
// link at the journal's path is refused (ErrLink), never read through.
func ReadJournal(input string) (*Org, error) {
	p := JournalPath(input)
	if _, err := os.Lstat(p); errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	data, err := readOwnFile(p)
	if err != nil {
		return nil, ownError(p, err)
	}
	return Load(p, data)
}

// RemoveJournal deletes the recovery file of input, after a save or a clean quit.
// Only a regular file is removed: whatever else sits at that path (a link, a FIFO) is not a
// journal sretopo wrote.
func RemoveJournal(input string) error {
	p := JournalPath(input)
	if st, err := os.Lstat(p); err == nil && !st.Mode().IsRegular() {
		return nil
	}
	err := os.Remove(p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

// createError is why no file could be created in dir: out of file descriptors, space or
// quota (ErrOutOfResources, said as what ran out), else the directory is not writable. A
// process at its file-descriptor limit once told the user the working directory was not
// writable, which sent them looking in the wrong place.
func createError(dir string, err error) error {
	switch {
	case errors.Is(err, syscall.EMFILE), errors.Is(err, syscall.ENFILE):
		return fmt.Errorf("%s: %w: the process has run out of file descriptors (close some connections or files, or raise the limit)", dir, ErrOutOfResources)
	case errors.Is(err, syscall.ENOSPC):
		return fmt.Errorf("%s: %w: the disk is full", dir, ErrOutOfResources)
	case errors.Is(err, syscall.EDQUOT):
		return fmt.Errorf("%s: %w: the disk quota is used up", dir, ErrOutOfResources)
	}
	return fmt.Errorf("%s: %w (%v)", dir, ErrDirNotWritable, describeOSError(err))
}
