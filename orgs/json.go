package orgs

import (
	"io"
	"slices"
	"strconv"
)

// The JSON report's key order and nulls are a contract (docs/format.md). These marshalers write the
// few values whose Go form differs from it: empty strings and zero topologies that mean
// null, and maps whose keys must keep the domain's order.

// ReportVersion is the version of the JSON report's shape.
const ReportVersion = 3

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
	return t.appendJSON(make([]byte, 0, 160), ""), nil
}

// appendJSON appends the team as MarshalJSON writes it, compact when ind is "", else laid
// out as encoding/json indents it at the depth whose indentation is ind.
func (t *TeamVerdict) appendJSON(b []byte, ind string) []byte {
	b = appendKey(b, ind, '{', "name")
	b = appendString(b, t.Name)
	b = appendKey(b, ind, ',', "org")
	b = appendString(b, string(t.Org))
	b = appendKey(b, ind, ',', "kind")
	b = appendString(b, string(t.Kind))
	b = appendKey(b, ind, ',', "headcount")
	b = strconv.AppendInt(b, int64(t.Headcount), 10)
	b = appendKey(b, ind, ',', "cost")
	b = strconv.AppendInt(b, t.Cost, 10)
	b = appendKey(b, ind, ',', "funding")
	b = appendString(b, string(t.Funding))
	b = appendKey(b, ind, ',', "run_model")
	b = appendNullString(b, string(t.RunModel))
	b = appendKey(b, ind, ',', "topology")
	if t.Topology == 0 {
		b = append(b, "null"...)
	} else {
		b = strconv.AppendInt(b, int64(t.Topology), 10)
	}
	b = appendKey(b, ind, ',', "run_with")
	b = appendNullString(b, t.RunWith)
	b = appendKey(b, ind, ',', "backup")
	b = appendNullString(b, t.Backup)
	b = appendKey(b, ind, ',', "secondary")
	b = strconv.AppendBool(b, t.Secondary)
	b = appendKey(b, ind, ',', "sites")
	b = strconv.AppendInt(b, int64(t.Sites), 10)
	b = appendKey(b, ind, ',', "ack_minutes")
	b = strconv.AppendInt(b, t.AckMinutes, 10)
	return appendObjectEnd(b, ind)
}

// MarshalJSON writes the transition with null from, to and reason where they do not apply.
func (t TeamTransition) MarshalJSON() ([]byte, error) {
	return t.appendJSON(make([]byte, 0, 96), ""), nil
}

func (t *TeamTransition) appendJSON(b []byte, ind string) []byte {
	b = appendKey(b, ind, '{', "team")
	b = appendString(b, t.Team)
	b = appendKey(b, ind, ',', "from")
	b = appendNullString(b, string(t.From))
	b = appendKey(b, ind, ',', "to")
	b = appendNullString(b, string(t.To))
	b = appendKey(b, ind, ',', "verdict")
	b = appendString(b, string(t.Verdict))
	b = appendKey(b, ind, ',', "reason")
	b = appendNullString(b, t.Reason)
	b = appendKey(b, ind, ',', "criteria_changes")
	b = appendCriteriaChanges(b, t.CriteriaChanges, ind)
	return appendObjectEnd(b, ind)
}

// appendCriteriaChanges appends a transition line's criteria_changes, [] when there are
// none, as the value of a key of an object whose opening line has indentation ind.
func appendCriteriaChanges(b []byte, list []CriterionChange, ind string) []byte {
	if list == nil {
		list = []CriterionChange{}
	}
	sub := ""
	if ind != "" {
		sub = ind + "  "
	}
	return appendList(b, list, sub, (*CriterionChange).appendJSON)
}

// MarshalJSON writes the change with direction null for the rows without a better end.
func (c CriterionChange) MarshalJSON() ([]byte, error) {
	return c.appendJSON(make([]byte, 0, 128), ""), nil
}

// appendJSON appends the change as encoding/json writes it, direction null for the rows
// without a better end.
func (c *CriterionChange) appendJSON(b []byte, ind string) []byte {
	b = appendKey(b, ind, '{', "criterion")
	b = appendString(b, c.Criterion)
	b = appendKey(b, ind, ',', "from")
	b = appendString(b, c.From)
	b = appendKey(b, ind, ',', "to")
	b = appendString(b, c.To)
	b = appendKey(b, ind, ',', "direction")
	b = appendNullString(b, c.Direction)
	return appendObjectEnd(b, ind)
}

// appendJSON appends the decision as encoding/json writes it (it has no marshaler).
func (d *Decision) appendJSON(b []byte, ind string) []byte {
	b = appendKey(b, ind, '{', "kind")
	b = appendString(b, string(d.Kind))
	b = appendKey(b, ind, ',', "subject")
	b = appendString(b, d.Subject)
	b = appendKey(b, ind, ',', "changeability")
	b = appendString(b, string(d.Changeability))
	b = appendKey(b, ind, ',', "detail")
	b = appendString(b, d.Detail)
	return appendObjectEnd(b, ind)
}

// appendKey appends sep ('{' before the first key of an object, ',' before the others) and
// the key, compact when ind is "", else indented the way encoding/json's Indent lays out
// an object whose opening line has indentation ind.
func appendKey(b []byte, ind string, sep byte, key string) []byte {
	b = append(b, sep)
	if ind != "" {
		b = append(b, '\n')
		b = append(b, ind...)
		b = append(b, ' ', ' ')
	}
	b = append(b, '"')
	b = append(b, key...)
	b = append(b, '"', ':')
	if ind != "" {
		b = append(b, ' ')
	}
	return b
}

// appendObjectEnd closes an object appendKey opened (with a key at least).
func appendObjectEnd(b []byte, ind string) []byte {
	if ind != "" {
		b = append(b, '\n')
		b = append(b, ind...)
	}
	return append(b, '}')
}

// appendList appends items as a JSON array indented at ind, each item written by each at
// the next depth; a nil slice is null and an empty one [], as encoding/json writes them.
func appendList[T any](b []byte, items []T, ind string, each func(*T, []byte, string) []byte) []byte {
	return appendListFlush(b, items, ind, each, nil)
}

// flusher, when a report is written out in pieces (Report.WriteJSON), takes the bytes
// written so far and returns the buffer to go on with; nil keeps them all.
type flusher func(b []byte) []byte

// flushAt is the size at which a report written in pieces hands its bytes on.
const flushAt = 64 << 10

// appendListFlush is appendList, handing the bytes on to flush (when not nil) between
// items once they reach flushAt: between items, so that no piece ends inside a string.
func appendListFlush[T any](b []byte, items []T, ind string, each func(*T, []byte, string) []byte, flush flusher) []byte {
	switch {
	case items == nil:
		return append(b, "null"...)
	case len(items) == 0:
		return append(b, '[', ']')
	}
	inner := ind + "  "
	b = append(b, '[')
	for i := range items {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '\n')
		b = append(b, inner...)
		b = each(&items[i], b, inner)
		if flush != nil && len(b) >= flushAt {
			b = flush(b)
		}
	}
	b = append(b, '\n')
	b = append(b, ind...)
	return append(b, ']')
}

// AppendJSON appends the report as `sretopo report --format json` prints it: exactly what
// encoding/json writes with two-space indentation and no HTML escaping, and a final
// newline. The lists that grow with the organization (teams, transitions and decisions)
// are written directly: on 10,000 teams encoding/json's compacting and re-indenting of
// them took longer than loading and analysing the file.
func (r *Report) AppendJSON(b []byte) ([]byte, error) {
	if r.Analysis == nil {
		b, err := appendIndented(b, r, "")
		return EscapeJSON(append(b, '\n')), err
	}
	b, err := r.appendJSON(b, nil)
	if err != nil {
		return nil, err
	}
	return EscapeJSON(b), nil
}

// WriteJSON writes to w what AppendJSON appends, byte for byte, in pieces of about 64 KB:
// the report of 20,000 services is 15 MB, and building it whole first touches as much
// fresh memory, which costs more than writing it.
func (r *Report) WriteJSON(w io.Writer) error {
	if r.Analysis == nil {
		b, err := r.AppendJSON(nil)
		if err == nil {
			_, err = w.Write(b)
		}
		return err
	}
	var werr error
	flush := func(b []byte) []byte {
		if werr == nil {
			_, werr = w.Write(EscapeJSON(b)) // pieces end between items: outside strings
		}
		return b[:0]
	}
	b, err := r.appendJSON(make([]byte, 0, 2*flushAt), flush)
	if err != nil {
		return err
	}
	flush(b)
	return werr
}

// appendJSON appends the report of r (which has an analysis) unescaped, handing the bytes
// on to flush between items of the long lists when flush is not nil.
func (r *Report) appendJSON(b []byte, flush flusher) ([]byte, error) {
	an := r.Analysis
	const ind = "  "
	var err error
	// Room for the whole report at once: growing a buffer of megabytes step by step costs
	// more than writing it, and so does room to spare, which is zeroed (on a generated
	// organization a team takes about 240 bytes, a service 416, a rotation 283, a name an
	// advisory lists 31).
	named := 0 // the teams and services the advisories name
	for k := range an.Advisories {
		named += len(an.Advisories[k].Teams) + len(an.Advisories[k].Services)
	}
	if flush == nil {
		b = slices.Grow(b, 8192+300*len(an.Teams)+200*len(an.Transition.Teams)+250*len(an.Transition.Decisions)+
			430*len(an.Services)+200*len(an.Transition.Services)+320*len(an.Staffing.Rotations)+36*named)
	}
	b = append(b, "{\n  \"report\": "...)
	b = strconv.AppendInt(b, int64(r.Report), 10)
	b = append(b, ",\n  \"name\": "...)
	b = appendString(b, r.Name)
	b = append(b, ",\n  \"file\": "...)
	b = appendString(b, r.File)
	b = append(b, ",\n  \"baseline\": "...)
	b = appendString(b, r.Baseline)
	part := func(key string, v any) {
		if err == nil {
			b = append(b, ",\n  \""...)
			b = append(b, key...)
			b = append(b, "\": "...)
			b, err = appendIndented(b, v, ind)
		}
	}
	part("summary", an.Summary)
	part("run_model", an.RunModel)
	part("topology", an.Topology)
	b = append(b, ",\n  \"service_mix\": "...)
	b = appendServiceMix(b, an.ServiceMix, ind)
	b = append(b, ",\n  \"teams\": "...)
	b = appendListFlush(b, an.Teams, ind, (*TeamVerdict).appendJSON, flush)
	b = append(b, ",\n  \"services\": "...)
	b = appendListFlush(b, an.Services, ind, (*ServiceVerdict).appendIndented, flush)
	part("criteria", an.Criteria)
	part("funding", an.Funding)
	if err != nil {
		return nil, err
	}
	b = append(b, ",\n  \"staffing\": "...)
	b = an.Staffing.appendJSON(b, ind, flush)
	b = an.appendRisk(b)
	b = append(b, ",\n  \"transition\": {\n    \"verdict\": "...)
	b = appendString(b, string(an.Transition.Verdict))
	b = append(b, ",\n    \"teams\": "...)
	b = appendListFlush(b, an.Transition.Teams, ind+ind, (*TeamTransition).appendJSON, flush)
	b = append(b, ",\n    \"services\": "...)
	b = appendListFlush(b, an.Transition.Services, ind+ind, (*ServiceTransition).appendIndented, flush)
	b = append(b, ",\n    \"decisions\": "...)
	b = appendListFlush(b, an.Transition.Decisions, ind+ind, (*Decision).appendJSON, flush)
	b = append(b, "\n  }"...)
	part("identity", an.Identity)
	part("kpis", an.KPIs)
	part("positioning", an.Positioning)
	if err != nil {
		return nil, err
	}
	b = append(b, ",\n  \"advisories\": "...)
	b = appendListFlush(b, an.Advisories, ind, (*Advisory).appendJSON, flush)
	return append(b, "\n}\n"...), nil
}

// appendJSON appends the advisory as encoding/json indents it at ind: written directly, as
// an advisory of a large organization names thousands of teams and services.
func (a *Advisory) appendJSON(b []byte, ind string) []byte {
	b = appendKey(b, ind, '{', "code")
	b = appendString(b, a.Code)
	b = appendKey(b, ind, ',', "severity")
	b = appendString(b, string(a.Severity))
	b = appendKey(b, ind, ',', "message")
	b = appendString(b, a.Message)
	b = appendKey(b, ind, ',', "teams")
	b = appendList(b, a.Teams, ind+"  ", appendListedString)
	b = appendKey(b, ind, ',', "services")
	b = appendList(b, a.Services, ind+"  ", appendListedString)
	return appendObjectEnd(b, ind)
}

// appendListedString appends one string of a list, for appendList.
func appendListedString(s *string, b []byte, _ string) []byte { return appendString(b, *s) }

// appendJSON appends the staffing as encoding/json indents StaffingVerdict.MarshalJSON at
// ind: written directly, as a 10,000-team file has thousands of rotations.
func (s *StaffingVerdict) appendJSON(b []byte, ind string, flush flusher) []byte {
	rot := s.Rotations
	if rot == nil {
		rot = []RotationStaffing{}
	}
	b = append(b, "{\n"...)
	b = append(b, ind...)
	b = append(b, "  \"rotations\": "...)
	b = appendListFlush(b, rot, ind+"  ", (*RotationStaffing).appendJSON, flush)
	b = appendKey(b, ind, ',', "needed")
	b = strconv.AppendInt(b, int64(s.Needed), 10)
	b = appendKey(b, ind, ',', "hires")
	b = strconv.AppendInt(b, int64(s.Hires), 10)
	b = appendKey(b, ind, ',', "hire_cost")
	b = strconv.AppendInt(b, s.HireCost, 10)
	b = appendKey(b, ind, ',', "delta")
	inner := ind + "  "
	b = appendKey(b, inner, '{', "needed")
	b = strconv.AppendInt(b, int64(s.Delta.Needed), 10)
	b = appendKey(b, inner, ',', "hires")
	b = strconv.AppendInt(b, int64(s.Delta.Hires), 10)
	b = appendKey(b, inner, ',', "hire_cost")
	b = strconv.AppendInt(b, s.Delta.HireCost, 10)
	b = append(b, '\n')
	b = append(b, inner...)
	b = append(b, '}', '\n')
	b = append(b, ind...)
	return append(b, '}')
}

// appendJSON appends one rotation as encoding/json indents it at ind.
func (r *RotationStaffing) appendJSON(b []byte, ind string) []byte {
	b = appendKey(b, ind, '{', "team")
	b = appendString(b, r.Team)
	b = appendKey(b, ind, ',', "on_call")
	b = appendString(b, string(r.OnCall))
	b = appendKey(b, ind, ',', "layers")
	b = strconv.AppendInt(b, int64(r.Layers), 10)
	b = appendKey(b, ind, ',', "sites")
	b = strconv.AppendInt(b, int64(r.Sites), 10)
	b = appendKey(b, ind, ',', "rotation")
	b = strconv.AppendInt(b, int64(r.Rotation), 10)
	b = appendKey(b, ind, ',', "covered_hours")
	b = strconv.AppendInt(b, int64(r.CoveredHours), 10)
	b = appendKey(b, ind, ',', "hours_per_person")
	b = appendJSONFloat(b, r.HoursPerPerson)
	b = appendKey(b, ind, ',', "off_hours_per_person")
	b = appendJSONFloat(b, r.OffHoursPerPerson)
	b = appendKey(b, ind, ',', "weeks_share")
	b = appendJSONFloat(b, r.WeeksShare)
	b = appendKey(b, ind, ',', "minimum")
	b = strconv.AppendInt(b, int64(r.Minimum), 10)
	b = appendKey(b, ind, ',', "needed")
	b = strconv.AppendInt(b, int64(r.Needed), 10)
	b = appendKey(b, ind, ',', "hires")
	b = strconv.AppendInt(b, int64(r.Hires), 10)
	b = appendKey(b, ind, ',', "hire_cost")
	b = strconv.AppendInt(b, r.HireCost, 10)
	b = appendKey(b, ind, ',', "pages_per_person")
	b = appendPages(b, r.PagesPerPerson, ind+"  ")
	b = append(b, '\n')
	b = append(b, ind...)
	return append(b, '}')
}

// appendIndented appends the service's object, indented as encoding/json indents it when its
// opening line has indentation ind: the one writer of a service's JSON (MarshalJSON
// compacts it), its strings escaped as encoding/json escapes them.
func (v *ServiceVerdict) appendIndented(b []byte, ind string) []byte {
	b = appendKey(b, ind, '{', "name")
	b = appendJSONString(b, v.Name)
	b = appendKey(b, ind, ',', "team")
	b = appendJSONString(b, v.Team)
	b = appendKey(b, ind, ',', "run_model")
	b = appendJSONString(b, string(v.RunModel))
	b = appendKey(b, ind, ',', "topology")
	if v.Topology == 0 {
		b = append(b, "null"...)
	} else {
		b = strconv.AppendInt(b, int64(v.Topology), 10)
	}
	b = appendKey(b, ind, ',', "run_with")
	if v.RunWith == "" {
		b = append(b, "null"...)
	} else {
		b = appendJSONString(b, v.RunWith)
	}
	b = appendKey(b, ind, ',', "backup")
	if v.Backup == "" {
		b = append(b, "null"...)
	} else {
		b = appendJSONString(b, v.Backup)
	}
	b = appendKey(b, ind, ',', "exception")
	b = strconv.AppendBool(b, v.Exception)
	b = appendKey(b, ind, ',', "availability")
	b = appendJSONNumber(b, v.Availability)
	b = appendKey(b, ind, ',', "window_days")
	b = strconv.AppendInt(b, int64(v.WindowDays), 10)
	b = appendKey(b, ind, ',', "error_budget_used")
	b = appendJSONNumber(b, v.ErrorBudgetUsed)
	b = appendKey(b, ind, ',', "error_budget_hours")
	if v.Availability == nil {
		b = append(b, "null"...)
	} else {
		h := rnd2(v.BudgetHours)
		b = appendJSONNumber(b, &h)
	}
	b = appendKey(b, ind, ',', "responders")
	if len(v.Responders) == 0 {
		b = append(b, '[', ']')
	} else {
		b = append(b, '[')
		for i, r := range v.Responders {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, '\n')
			b = append(b, ind...)
			b = append(b, "    "...)
			b = appendJSONString(b, r)
		}
		b = append(b, '\n')
		b = append(b, ind...)
		b = append(b, "  ]"...)
	}
	b = appendKey(b, ind, ',', "longest_uncovered_hours")
	b = strconv.AppendInt(b, int64(v.LongestUncovered), 10)
	b = appendKey(b, ind, ',', "status")
	b = appendJSONString(b, v.Status)
	b = appendServiceRisk(b, v.Risk, ind)
	return appendObjectEnd(b, ind)
}

// appendIndented appends the transition as encoding/json indents its MarshalJSON at ind.
func (t *ServiceTransition) appendIndented(b []byte, ind string) []byte {
	b = appendKey(b, ind, '{', "service")
	b = appendJSONString(b, t.Service)
	b = appendKey(b, ind, ',', "team")
	b = appendJSONString(b, t.Team)
	b = appendKey(b, ind, ',', "from")
	b = appendJSONString(b, string(t.From))
	b = appendKey(b, ind, ',', "to")
	b = appendJSONString(b, string(t.To))
	b = appendKey(b, ind, ',', "verdict")
	b = appendJSONString(b, string(t.Verdict))
	b = appendKey(b, ind, ',', "reason")
	if t.Reason == "" {
		b = append(b, "null"...)
	} else {
		b = appendJSONString(b, t.Reason)
	}
	b = appendKey(b, ind, ',', "criteria_changes")
	b = appendCriteriaChanges(b, t.CriteriaChanges, ind)
	return appendObjectEnd(b, ind)
}

// appendServiceMix appends the service mix (null without services) as encoding/json
// indents it at ind.
func appendServiceMix(b []byte, m *ServiceMix, ind string) []byte {
	if m == nil {
		return append(b, "null"...)
	}
	b = appendKey(b, ind, '{', "run_model")
	b = appendList(b, m.RunModel, ind+"  ", func(c *ServiceModelCount, b []byte, ind string) []byte {
		b = appendKey(b, ind, '{', "id")
		b = appendString(b, string(c.ID))
		b = appendKey(b, ind, ',', "services")
		b = strconv.AppendInt(b, int64(c.Services), 10)
		b = appendKey(b, ind, ',', "share")
		b = appendJSONFloat(b, c.Share)
		return appendObjectEnd(b, ind)
	})
	b = appendKey(b, ind, ',', "topology")
	b = appendList(b, m.Topology, ind+"  ", func(c *ServiceTopologyCount, b []byte, ind string) []byte {
		b = appendKey(b, ind, '{', "topology")
		b = strconv.AppendInt(b, int64(c.Topology), 10)
		b = appendKey(b, ind, ',', "services")
		b = strconv.AppendInt(b, int64(c.Services), 10)
		b = appendKey(b, ind, ',', "share")
		b = appendJSONFloat(b, c.Share)
		return appendObjectEnd(b, ind)
	})
	return appendObjectEnd(b, ind)
}
