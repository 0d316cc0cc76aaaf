package orgs

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
)

// Opened is an organization file with the baseline it is analysed against.
type Opened struct {
	// Path is the file as the user named it ("" for an embedded example).
	Path string
	Org  *Org
	Data []byte
	// BaselinePath names the baseline: the --baseline file, the scenario's based_on, or
	// Path itself.
	BaselinePath string
	Baseline     *Org
	// BaselineData are the baseline file's bytes as read when it was opened; a scenario
	// saved later records their hash.
	BaselineData []byte
	// Warnings are things the user should know that do not stop the analysis, such as a
	// baseline that changed on disk since the scenario was saved.
	Warnings []string
}

// SHA256 is the hex SHA-256 of data, as a scenario records its baseline's bytes.
func SHA256(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// Open loads path and its baseline by docs/format.md's rule: baselinePath if given; else the file's
// [scenario].based_on (relative to the file) when that file exists, with a warning when its
// hash no longer matches based_on_sha256; else the file itself.
func Open(path, baselinePath string) (*Opened, error) {
	org, data, err := LoadFile(path)
	if err != nil {
		return nil, err
	}
	return withBaseline(&Opened{Path: path, Org: org, Data: data}, baselinePath)
}

// OpenBytes is Open for bytes already in memory (an embedded example or standard input),
// named name in messages.
func OpenBytes(name string, data []byte, baselinePath string) (*Opened, error) {
	org, err := Load(name, data)
	if err != nil {
		return nil, err
	}
	return withBaseline(&Opened{Path: name, Org: org, Data: data}, baselinePath)
}

func withBaseline(op *Opened, baselinePath string) (*Opened, error) {
	if baselinePath != "" {
		base, data, err := LoadFile(baselinePath)
		if err != nil {
			return nil, err
		}
		op.BaselinePath, op.Baseline, op.BaselineData = baselinePath, base, data
		return op, nil
	}
	if s := op.Org.Scenario; s != nil && s.BasedOn != "" && op.Path != "-" {
		// A based_on that is missing, not a regular file (a FIFO, a directory, a device)
		// or not an organization does not stop the analysis: the file is its own baseline
		// and the warning says why, in report, diff, validate and the dashboard alike.
		p := ResolveBasedOn(op.Path, s.BasedOn)
		data, err := readCapped(p)
		why := ""
		switch {
		case errors.Is(err, errNoSuchFile):
			why = "is missing"
		case err != nil:
			why = Sanitize(err.Error())
			if !strings.HasPrefix(why, "is ") {
				why = "cannot be read: " + why
			}
		}
		if err == nil {
			base, lerr := Load(p, data)
			if lerr == nil {
				op.BaselinePath, op.Baseline, op.BaselineData = p, base, data
				if s.BasedOnSHA256 != "" && s.BasedOnSHA256 != SHA256(data) {
					op.Warnings = append(op.Warnings, fmt.Sprintf("%s: the baseline %s changed on disk since this scenario was saved", Sanitize(op.Path), Sanitize(p)))
				}
				return op, nil
			}
			why = "is not a valid organization file (" + firstProblem(lerr) + ")"
		}
		op.Warnings = append(op.Warnings, fmt.Sprintf("%s: the baseline %s named in based_on %s; comparing the file with itself", Sanitize(op.Path), Sanitize(p), why))
	}
	op.BaselinePath, op.Baseline, op.BaselineData = op.Path, op.Org, op.Data
	return op, nil
}

// ResolveBasedOn turns a based_on path, relative to the scenario file, into a path usable
// from the working directory.
func ResolveBasedOn(scenarioPath, basedOn string) string {
	if filepath.IsAbs(basedOn) {
		return basedOn
	}
	return filepath.Join(filepath.Dir(scenarioPath), basedOn)
}

// firstProblem is the first problem of a load error, cut for a one-line message.
func firstProblem(err error) string {
	var le *LoadError
	if errors.As(err, &le) && len(le.Problems) > 0 {
		return Cut(le.Problems[0].String())
	}
	return Cut(Sanitize(err.Error()))
}
