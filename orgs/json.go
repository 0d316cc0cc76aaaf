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
	return marshalCompact(&t, 160, (*TeamVerdict).appendJSON)
}

// appendJSON appends the team as MarshalJSON writes it, compact when ind is "", else laid
// out as encoding/json indents it at the depth whose indentation is ind.
func (t *TeamVerdict) appendJSON(b []byte, ind string) []byte {
	b = stringField(b, ind, '{', "name", t.Name)
	b = stringField(b, ind, ',', "org", string(t.Org))
	b = stringField(b, ind, ',', "kind", string(t.Kind))
	b = intField(b, ind, ',', "headcount", int64(t.Headcount))
	b = intField(b, ind, ',', "cost", t.Cost)
	b = stringField(b, ind, ',', "funding", string(t.Funding))
	b = nullStringField(b, ind, "run_model", string(t.RunModel), appendString)
	b = topologyField(b, ind, t.Topology)
	b = nullStringField(b, ind, "run_with", t.RunWith, appendString)
	b = nullStringField(b, ind, "backup", t.Backup, appendString)
	b = appendKey(b, ind, ',', "secondary")
	b = strconv.AppendBool(b, t.Secondary)
	b = intField(b, ind, ',', "sites", int64(t.Sites))
	b = intField(b, ind, ',', "ack_minutes", t.AckMinutes)
	return appendObjectEnd(b, ind)
}

// MarshalJSON writes the transition with null from, to and reason where they do not apply.
func (t TeamTransition) MarshalJSON() ([]byte, error) {
	return marshalCompact(&t, 96, (*TeamTransition).appendJSON)
}

func (t *TeamTransition) appendJSON(b []byte, ind string) []byte {
	b = stringField(b, ind, '{', "team", t.Team)
	b = nullStringField(b, ind, "from", string(t.From), appendString)
	b = nullStringField(b, ind, "to", string(t.To), appendString)
	b = stringField(b, ind, ',', "verdict", string(t.Verdict))
	b = nullStringField(b, ind, "reason", t.Reason, appendString)
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
	return marshalCompact(&c, 128, (*CriterionChange).appendJSON)
}

// marshalCompact is v's compact JSON as each writes it, in a buffer of size bytes to start.
func marshalCompact[T any](v *T, size int, each func(*T, []byte, string) []byte) ([]byte, error) {
	return each(v, make([]byte, 0, size), ""), nil
}

// appendJSON appends the change as encoding/json writes it, direction null for the rows
// without a better end.
func (c *CriterionChange) appendJSON(b []byte, ind string) []byte {
	b = stringField(b, ind, '{', "criterion", c.Criterion)
	b = stringField(b, ind, ',', "from", c.From)
	b = stringField(b, ind, ',', "to", c.To)
	b = nullStringField(b, ind, "direction", c.Direction, appendString)
	return appendObjectEnd(b, ind)
}

// appendJSON appends the decision as encoding/json writes it (it has no marshaler).
func (d *Decision) appendJSON(b []byte, ind string) []byte {
	b = stringField(b, ind, '{', "kind", string(d.Kind))
	b = stringField(b, ind, ',', "subject", d.Subject)
	b = stringField(b, ind, ',', "changeability", string(d.Changeability))
	b = stringField(b, ind, ',', "detail", d.Detail)
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

// The field functions append a key as appendKey does and its value, for the objects the
// report writes directly; a key after the first is preceded by a comma.

// stringField appends the key and the string s, sep before them.
func stringField(b []byte, ind string, sep byte, key, s string) []byte {
	return appendString(appendKey(b, ind, sep, key), s)
}

// escapedField appends the key and the string s as appendJSONString escapes it (a service's
// strings, which the compact form shares), sep before them.
func escapedField(b []byte, ind string, sep byte, key, s string) []byte {
	return appendJSONString(appendKey(b, ind, sep, key), s)
}

// intField appends the key and the whole number n, sep before them.
func intField(b []byte, ind string, sep byte, key string, n int64) []byte {
	return strconv.AppendInt(appendKey(b, ind, sep, key), n, 10)
}

// floatField appends the key and the number f.
func floatField(b []byte, ind, key string, f float64) []byte {
	return appendJSONFloat(appendKey(b, ind, ',', key), f)
}

// nullStringField appends the key and the string s as str writes it, or null for "" (a
// run model, a partner or a reason that does not apply).
func nullStringField(b []byte, ind, key, s string, str func([]byte, string) []byte) []byte {
	b = appendKey(b, ind, ',', key)
	if s == "" {
		return append(b, "null"...)
	}
	return str(b, s)
}

// topologyField appends the key "topology" and the topology, or null for none (0).
func topologyField(b []byte, ind string, topology int) []byte {
	b = appendKey(b, ind, ',', "topology")
	if topology == 0 {
		return append(b, "null"...)
	}
	return strconv.AppendInt(b, int64(topology), 10)
}

// hiringFields appends the needed, hires and hire_cost keys that the staffing, its delta
// and each rotation end their hiring with, sep before the first.
func hiringFields(b []byte, ind string, sep byte, needed, hires int, hireCost int64) []byte {
	b = intField(b, ind, sep, "needed", int64(needed))
	b = intField(b, ind, ',', "hires", int64(hires))
	return intField(b, ind, ',', "hire_cost", hireCost)
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
	b = stringField(b, ind, '{', "code", a.Code)
	b = stringField(b, ind, ',', "severity", string(a.Severity))
	b = stringField(b, ind, ',', "message", a.Message)
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
	b = hiringFields(b, ind, ',', s.Needed, s.Hires, s.HireCost)
	b = appendKey(b, ind, ',', "delta")
	inner := ind + "  "
	b = hiringFields(b, inner, '{', s.Delta.Needed, s.Delta.Hires, s.Delta.HireCost)
	return appendObjectEnd(appendObjectEnd(b, inner), ind)
}

// appendJSON appends one rotation as encoding/json indents it at ind.
func (r *RotationStaffing) appendJSON(b []byte, ind string) []byte {
	b = stringField(b, ind, '{', "team", r.Team)
	b = stringField(b, ind, ',', "on_call", string(r.OnCall))
	b = intField(b, ind, ',', "layers", int64(r.Layers))
	b = intField(b, ind, ',', "sites", int64(r.Sites))
	b = intField(b, ind, ',', "rotation", int64(r.Rotation))
	b = intField(b, ind, ',', "covered_hours", int64(r.CoveredHours))
	b = floatField(b, ind, "hours_per_person", r.HoursPerPerson)
	b = floatField(b, ind, "off_hours_per_person", r.OffHoursPerPerson)
	b = floatField(b, ind, "weeks_share", r.WeeksShare)
	b = intField(b, ind, ',', "minimum", int64(r.Minimum))
	b = hiringFields(b, ind, ',', r.Needed, r.Hires, r.HireCost)
	b = appendKey(b, ind, ',', "pages_per_person")
	b = appendPages(b, r.PagesPerPerson, ind+"  ")
	return appendObjectEnd(b, ind)
}

// appendIndented appends the service's object, indented as encoding/json indents it when its
// opening line has indentation ind: the one writer of a service's JSON (MarshalJSON
// compacts it), its strings escaped as encoding/json escapes them.
func (v *ServiceVerdict) appendIndented(b []byte, ind string) []byte {
	b = escapedField(b, ind, '{', "name", v.Name)
	b = escapedField(b, ind, ',', "team", v.Team)
	b = escapedField(b, ind, ',', "run_model", string(v.RunModel))
	b = topologyField(b, ind, v.Topology)
	b = nullStringField(b, ind, "run_with", v.RunWith, appendJSONString)
	b = nullStringField(b, ind, "backup", v.Backup, appendJSONString)
	b = appendKey(b, ind, ',', "exception")
	b = strconv.AppendBool(b, v.Exception)
	b = appendKey(b, ind, ',', "availability")
	b = appendJSONNumber(b, v.Availability)
	b = intField(b, ind, ',', "window_days", int64(v.WindowDays))
	b = appendKey(b, ind, ',', "error_budget_used")
	b = appendJSONNumber(b, v.ErrorBudgetUsed)
	b = appendKey(b, ind, ',', "error_budget_hours")
	if v.Availability == nil {
		b = append(b, "null"...)
	} else {
		b = appendJSONFloat(b, rnd2(v.BudgetHours))
	}
	b = appendKey(b, ind, ',', "responders")
	if len(v.Responders) == 0 {
		b = append(b, '[', ']')
	} else {
		// written here rather than by appendList, whose deeper indentation would be one
		// more string for each service
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
	b = intField(b, ind, ',', "longest_uncovered_hours", int64(v.LongestUncovered))
	b = escapedField(b, ind, ',', "status", v.Status)
	b = appendServiceRisk(b, v.Risk, ind)
	return appendObjectEnd(b, ind)
}

// appendIndented appends the transition as encoding/json indents its MarshalJSON at ind.
func (t *ServiceTransition) appendIndented(b []byte, ind string) []byte {
	b = escapedField(b, ind, '{', "service", t.Service)
	b = escapedField(b, ind, ',', "team", t.Team)
	b = escapedField(b, ind, ',', "from", string(t.From))
	b = escapedField(b, ind, ',', "to", string(t.To))
	b = escapedField(b, ind, ',', "verdict", string(t.Verdict))
	b = nullStringField(b, ind, "reason", t.Reason, appendJSONString)
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
		b = stringField(b, ind, '{', "id", string(c.ID))
		return appendCountShare(b, ind, c.Services, c.Share)
	})
	b = appendKey(b, ind, ',', "topology")
	b = appendList(b, m.Topology, ind+"  ", func(c *ServiceTopologyCount, b []byte, ind string) []byte {
		b = intField(b, ind, '{', "topology", int64(c.Topology))
		return appendCountShare(b, ind, c.Services, c.Share)
	})
	return appendObjectEnd(b, ind)
}

// appendCountShare ends a service mix row with its count of services and their share.
func appendCountShare(b []byte, ind string, services int, share float64) []byte {
	b = intField(b, ind, ',', "services", int64(services))
	b = floatField(b, ind, "share", share)
	return appendObjectEnd(b, ind)
}
