package orgs

import (
	"bytes"
	"encoding/json"
	"strconv"
)

// The JSON report's key order and nulls are a contract (cli.md). These marshalers write the
// few values whose Go form differs from it: empty strings and zero topologies that mean
// null, and maps whose keys must keep the domain's order.

// ReportVersion is the version of the JSON report's shape.
const ReportVersion = 1

// Report is the JSON report: the analysis with what it is about.
type Report struct {
	Report   int    `json:"report"`
	Name     string `json:"name"`
	File     string `json:"file"`
	Baseline string `json:"baseline"`
	*Analysis
}

// NewReport wraps an analysis of the organization named name, read from file against baseline.
func NewReport(name, file, baseline string, an *Analysis) *Report {
	return &Report{Report: ReportVersion, Name: name, File: file, Baseline: baseline, Analysis: an}
}

// MarshalJSON writes the team with null run model, topology and run_with where they do not apply.
func (t TeamVerdict) MarshalJSON() ([]byte, error) {
	b := make([]byte, 0, 160)
	b = append(b, `{"name":`...)
	b = appendString(b, t.Name)
	b = append(b, `,"org":`...)
	b = appendString(b, string(t.Org))
	b = append(b, `,"kind":`...)
	b = appendString(b, string(t.Kind))
	b = append(b, `,"headcount":`...)
	b = strconv.AppendInt(b, int64(t.Headcount), 10)
	b = append(b, `,"cost":`...)
	b = strconv.AppendInt(b, t.Cost, 10)
	b = append(b, `,"funding":`...)
	b = appendString(b, string(t.Funding))
	b = append(b, `,"run_model":`...)
	b = appendNullString(b, string(t.RunModel))
	b = append(b, `,"topology":`...)
	if t.Topology == 0 {
		b = append(b, "null"...)
	} else {
		b = strconv.AppendInt(b, int64(t.Topology), 10)
	}
	b = append(b, `,"run_with":`...)
	b = appendNullString(b, t.RunWith)
	return append(b, '}'), nil
}

// MarshalJSON writes the transition with null from, to and reason where they do not apply.
func (t TeamTransition) MarshalJSON() ([]byte, error) {
	b := make([]byte, 0, 96)
	b = append(b, `{"team":`...)
	b = appendString(b, t.Team)
	b = append(b, `,"from":`...)
	b = appendNullString(b, string(t.From))
	b = append(b, `,"to":`...)
	b = appendNullString(b, string(t.To))
	b = append(b, `,"verdict":`...)
	b = appendString(b, string(t.Verdict))
	b = append(b, `,"reason":`...)
	b = appendNullString(b, t.Reason)
	return append(b, '}'), nil
}

// MarshalJSON writes the values keyed by model id, in spectrum order.
func (v ModelValues) MarshalJSON() ([]byte, error) {
	b := []byte{'{'}
	for i, m := range ComparedModels {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, string(m))
		b = append(b, ':')
		b = appendString(b, v[i])
	}
	return append(b, '}'), nil
}

// MarshalJSON writes the shares keyed by identity id, in tie-break order.
func (s IdentityShares) MarshalJSON() ([]byte, error) {
	b := []byte{'{'}
	for i, id := range AllIdentities {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, string(id))
		b = append(b, ':')
		f, _ := json.Marshal(s[i])
		b = append(b, f...)
	}
	return append(b, '}'), nil
}

// appendNullString appends s as a JSON string, or null when it is empty.
func appendNullString(b []byte, s string) []byte {
	if s == "" {
		return append(b, "null"...)
	}
	return appendString(b, s)
}

// appendString appends s as a JSON string. Plain ASCII, the common case, is copied as it is;
// anything else goes through encoding/json, without HTML escaping, like the rest of the report.
func appendString(b []byte, s string) []byte {
	plain := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f || c == '"' || c == '\\' {
			plain = false
			break
		}
	}
	if plain {
		b = append(b, '"')
		b = append(b, s...)
		return append(b, '"')
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	return append(b, bytes.TrimRight(buf.Bytes(), "\n")...)
}
