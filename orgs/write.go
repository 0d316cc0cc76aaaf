package orgs

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Marshal writes o as a canonical organization file: keys in the order docs/format.md
// documents, teams in model order, services and KPIs after the teams, the scenario last, and
// every default written out for dev teams (run, sre_role) so that a file reads on its own.
// Loading the result gives a model equal to o. Comments are not carried over.
func Marshal(o *Org) []byte {
	var w tomlWriter
	w.int("format", FormatVersion)
	w.str("name", o.Name)
	w.optStr("description", o.Description)
	if o.Defaults.PerHead != nil || o.Defaults.Currency != "" {
		w.header("[defaults]")
		w.optInt("per_head", o.Defaults.PerHead)
		w.optStr("currency", o.Defaults.Currency)
	}
	if o.SREOrg.Positioning != PositionUnset {
		w.header("[sre_org]")
		w.str("positioning", string(o.SREOrg.Positioning))
	}
	if o.SRERole.Positioning != PositionUnset {
		w.header("[sre_role]")
		w.str("positioning", string(o.SRERole.Positioning))
	}
	for i := range o.Teams {
		t := &o.Teams[i]
		w.header("[[team]]")
		w.str("name", t.Name)
		w.str("org", string(t.Org))
		w.str("kind", string(t.Kind))
		w.int("headcount", int64(t.Headcount))
		w.optInt("per_head", t.PerHead)
		w.optStr("funding", string(t.Funding))
		if t.OnCall != OnCallNone {
			w.optStr("on_call", string(t.OnCall))
		}
		if t.Rotation > 0 {
			w.int("rotation", int64(t.Rotation))
		}
		if t.Secondary != nil {
			w.line("secondary", strconv.FormatBool(*t.Secondary))
		}
		if t.Sites > 0 {
			w.int("sites", int64(t.Sites))
		}
		w.optInt("ack_minutes", t.AckMinutes)
		w.optStr("note", t.Note)
		if t.Kind == KindDev {
			w.str("run", string(t.Run))
			w.optStr("run_with", t.RunWith)
			w.optStr("sre_role", string(t.SRERole))
			w.optStr("backup", t.Backup)
		}
	}
	for _, s := range o.Services {
		w.header("[[service]]")
		w.str("name", s.Name)
		w.str("team", s.Team)
		w.optFloat("availability", s.Availability)
		w.optFloat("error_budget_used", s.ErrorBudgetUsed)
		w.optStr("run", string(s.Run))
		if s.Run.NeedsPartner() {
			w.optStr("run_with", s.RunWith)
		}
		if s.Backup != nil {
			w.str("backup", *s.Backup)
		}
		if s.WindowDays > 0 {
			w.int("window_days", int64(s.WindowDays))
		}
		w.optFloat("incidents_per_month", s.IncidentsPerMonth)
		w.optFloat("restore_hours", s.RestoreHours)
	}
	for _, k := range o.KPIs {
		w.header("[[kpi]]")
		w.str("identity", string(k.Identity))
		w.str("text", k.Text)
		w.optFloat("target", k.Target)
		w.optFloat("actual", k.Actual)
		if k.Better == BetterLower {
			w.str("better", string(k.Better))
		}
	}
	if s := o.Scenario; s != nil {
		w.header("[scenario]")
		w.optStr("title", s.Title)
		w.optStr("note", s.Note)
		w.optStr("based_on", s.BasedOn)
		w.optStr("based_on_sha256", s.BasedOnSHA256)
		if s.SavedAt != nil {
			w.line("saved_at", s.SavedAt.UTC().Format(time.RFC3339Nano))
		}
	}
	return []byte(w.b.String())
}

type tomlWriter struct{ b strings.Builder }

func (w *tomlWriter) header(h string) {
	w.b.WriteString("\n")
	w.b.WriteString(h)
	w.b.WriteString("\n")
}

func (w *tomlWriter) line(key, value string) {
	w.b.WriteString(key)
	w.b.WriteString(" = ")
	w.b.WriteString(value)
	w.b.WriteString("\n")
}

func (w *tomlWriter) str(key, s string) { w.line(key, quoteTOML(s)) }

func (w *tomlWriter) optStr(key, s string) {
	if s != "" {
		w.str(key, s)
	}
}

func (w *tomlWriter) int(key string, n int64) { w.line(key, strconv.FormatInt(n, 10)) }

func (w *tomlWriter) optInt(key string, n *int64) {
	if n != nil {
		w.int(key, *n)
	}
}

func (w *tomlWriter) optFloat(key string, f *float64) {
	if f == nil {
		return
	}
	s := strconv.FormatFloat(*f, 'g', -1, 64)
	if !strings.ContainsAny(s, ".eEn") { // keep it a float: 99 would read back as an integer
		s += ".0"
	}
	w.line(key, s)
}

// quoteTOML writes s as a TOML basic string on one line.
func quoteTOML(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
