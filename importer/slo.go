package importer

import (
	"fmt"
	"math"
	"regexp"
	"strconv"

	"go.yaml.in/yaml/v3"

	"github.com/sretopo/sretopo/orgs"
)

// slo is one availability target read for a service: an OpenSLO objective or a Sloth SLO.
type slo struct {
	pos          Pos
	id           int // the SLO (OpenSLO object or Sloth SLO) it belongs to
	service      string
	availability float64
	windowDays   int // 0 when not given or dropped
	from         string
}

// readOpenSLO takes an OpenSLO SLO: one target per objective that has one (threshold-only
// objectives are skipped), and the window of its first time window.
func (im *importer) readOpenSLO(pos Pos, api, kind string, n *yaml.Node) {
	if kind != "SLO" {
		im.otherKinds["OpenSLO "+orgs.Cut(kind)]++
		return
	}
	im.count("SLOs").read++
	id := im.count("SLOs").read
	spec := field(n, "spec")
	service := scalar(field(spec, "service"))
	name := scalar(path(n, "metadata", "name"))
	window := im.openSLOWindow(pos, api, spec)
	for _, o := range items(field(spec, "objectives")) {
		target, ok := number(field(o, "target"))
		if !ok {
			continue
		}
		im.addSLO(&slo{pos: pos, id: id, service: service, availability: math.Round(target*100*1e9) / 1e9, windowDays: window, from: fmt.Sprintf("OpenSLO %q", name)})
	}
}

var durationPattern = regexp.MustCompile(`^(\d+)([a-zA-Z])$`)

// openSLOWindow is the window in days: v1 timeWindow[0].duration as Nd, Nw or NM; v1alpha
// timeWindows[0] as {unit: Day|Week|Month, count}. Another unit, or a result outside 7-90
// days, is dropped with a warning (0).
func (im *importer) openSLOWindow(pos Pos, api string, spec *yaml.Node) int {
	var count int
	var unit string
	if api == "openslo/v1" {
		ws := items(field(spec, "timeWindow"))
		if len(ws) == 0 {
			return 0
		}
		d := scalar(field(ws[0], "duration"))
		m := durationPattern.FindStringSubmatch(d)
		if m == nil {
			im.warn(pos, "timeWindow duration %q is not a number and a unit; the window is dropped", orgs.Cut(d))
			return 0
		}
		count, _ = strconv.Atoi(m[1])
		unit = map[string]string{"d": "Day", "w": "Week", "M": "Month"}[m[2]]
		if unit == "" {
			unit = m[2]
		}
	} else {
		ws := items(field(spec, "timeWindows"))
		if len(ws) == 0 {
			return 0
		}
		unit = scalar(field(ws[0], "unit"))
		c, ok := number(field(ws[0], "count"))
		if !ok {
			im.warn(pos, "timeWindows count is not a number; the window is dropped")
			return 0
		}
		count = int(c)
	}
	days := 0
	switch unit {
	case "Day":
		days = count
	case "Week":
		days = 7 * count
	case "Month":
		days = 30 * count
	default:
		im.warn(pos, "a time window in %q is not in days, weeks or months; the window is dropped", orgs.Cut(unit))
		return 0
	}
	if days < 7 || days > 90 {
		im.warn(pos, "a time window of %d days is outside 7-90; the window is dropped", days)
		return 0
	}
	return days
}

// readSloth takes a Sloth spec (prometheus/v1, or the spec of a PrometheusServiceLevel): the
// objective of each SLO, in percent.
func (im *importer) readSloth(pos Pos, spec *yaml.Node) {
	service := scalar(field(spec, "service"))
	for _, s := range items(field(spec, "slos")) {
		im.count("SLOs").read++
		id := im.count("SLOs").read
		at := pos
		if s != nil {
			at = Pos{File: pos.File, Line: s.Line, Col: s.Column}
		}
		objective, ok := number(field(s, "objective"))
		if !ok {
			im.warn(at, "Sloth SLO %q has no numeric objective; skipped", scalar(field(s, "name")))
			continue
		}
		im.addSLO(&slo{pos: at, id: id, service: service, availability: objective, from: fmt.Sprintf("Sloth %q", scalar(field(s, "name")))})
	}
}

// addSLO keeps a target in (0, 100); another is dropped with a warning.
func (im *importer) addSLO(s *slo) {
	if s.availability >= 100 || s.availability <= 0 {
		im.warn(s.pos, "%s: availability %s%% is not between 0 and 100; dropped", s.from, strconv.FormatFloat(s.availability, 'f', -1, 64))
		return
	}
	im.slos = append(im.slos, s)
}

// applySLOs gives each service the strictest target read for it, and that target's window.
func (im *importer) applySLOs(b *built) {
	if len(im.slos) == 0 {
		return
	}
	byName := make(map[string]int, len(b.org.Services))
	for i, s := range b.org.Services {
		byName[orgs.FoldName(s.Name)] = i
	}
	best := map[int]*slo{}
	found := map[int]int{}
	used, warned := map[int]bool{}, map[int]bool{}
	for _, s := range im.slos {
		si, ok := byName[orgs.FoldName(s.service)]
		if !ok {
			if !warned[s.id] {
				warned[s.id] = true
				im.warn(s.pos, "%s is for service %q, which matches no catalog service", s.from, orgs.Cut(s.service))
			}
			continue
		}
		used[s.id] = true
		found[si]++
		if cur := best[si]; cur == nil || s.availability > cur.availability {
			best[si] = s
		}
	}
	im.count("SLOs").used = len(used)
	im.count("SLOs").skipped = im.count("SLOs").read - len(used)
	for si := range b.org.Services {
		s := best[si]
		if s == nil {
			continue
		}
		a := s.availability
		svc := &b.org.Services[si]
		svc.Availability, svc.WindowDays = &a, s.windowDays
		b.sources.set("service", si, "availability", s.pos)
		if s.windowDays > 0 {
			b.sources.set("service", si, "window_days", s.pos)
		}
		what := "availability"
		if s.windowDays > 0 {
			what = "availability and window_days"
		}
		note := fmt.Sprintf("%s from %s (%s)", what, s.from, s.pos)
		if found[si] > 1 {
			note = fmt.Sprintf("the strictest of %d targets: %s", found[si], note)
		}
		b.serviceNotes[si] = append(b.serviceNotes[si], note)
	}
}
