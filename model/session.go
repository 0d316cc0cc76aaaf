package model

import (
	"fmt"

	"github.com/sretopo/sretopo/orgs"
)

// Session is one editing session of an organization file, apart from any screen: the file
// as opened, the baseline, the current model, its analysis, the undo history and what was
// last saved. A screen never changes it directly: every edit goes through Apply, Undo, Redo
// and Saved, which re-analyse and keep the history and the "modified" state right. Screens
// read the analysis as an immutable snapshot (Snapshot), so that one Session could serve
// several screens at once (a shared session), each drawing the same state its own way.
type Session struct {
	// op is the file as opened; input is the file being edited, which the recovery journal
	// belongs to (it moves with "save as"); file is what the header shows; basePath the
	// baseline's file; embedded is set while the baseline is a built-in example with no file.
	op             *orgs.Opened
	input          string
	embedded       bool
	file, basePath string
	base, cur      *orgs.Org
	analyser       *orgs.Analyser

	// an is the current model's analysis against the baseline; baseAn is the baseline's own
	// analysis, made once, and changes what differs between the two.
	an      *orgs.Analysis
	baseAn  *orgs.Analysis
	changes orgs.Changes
	// anShared is set once an has been handed to what may read it after the next change
	// (a command, the compare screen, a caller of Snapshot): the next analysis is then made
	// afresh instead of in an's memory (orgs.Analyser.Reanalyse).
	anShared bool

	// history holds every edit; pos of them are applied (the rest can be redone).
	history []entry
	pos     int
	// saved is the model as last loaded or saved; modified says whether the current model
	// differs from it by content (kept up to date by every change).
	saved    *orgs.Org
	modified bool
	// differ and svcDiffer hold the indices of the teams and of the services that differ
	// from saved's, and headerDiffers whether anything but the teams and services does,
	// so that after an edit of one team or service "modified" is known from it alone (a
	// team edit compares none of 20,000 services); nil when the lists differ in length.
	differ        map[int]bool
	svcDiffer     map[int]bool
	headerDiffers bool

	// riskVersion counts the analyses, so that a risk simulated for one that an edit has
	// overtaken is dropped; riskWaiting lists the services of this one still without risk,
	// and riskAsked the version whose services are being simulated (session_risk.go).
	riskVersion, riskAsked uint64
	riskWaiting            []int
}

// entry is one change in the history, with the index of the only team it changes: -1 when
// it changes several, adds or removes teams, or the organization as a whole (screens select
// by it). What the re-analysis and "modified" need, every team and service the change sets
// in place, the change itself says (orgs.Change.Touched).
type entry struct {
	c    *orgs.Change
	team int
}

// NewSession opens a session on op: the current model a copy of the opened file, with no
// history. An embedded example given a --baseline file is no longer without a file for its
// baseline.
func NewSession(op *orgs.Opened, embedded bool) *Session {
	s := &Session{
		op:       op,
		embedded: embedded && op.BaselinePath == op.Path,
		input:    op.Path, file: op.Path, basePath: op.BaselinePath,
		// the current model is a copy: the baseline may be the very same loaded file
		base: op.Baseline, cur: op.Org.Clone(),
	}
	s.saved = s.cur.Clone()
	s.differ, s.svcDiffer = map[int]bool{}, map[int]bool{}
	s.analyser = orgs.NewAnalyser(s.base)
	s.baseAn = s.analyser.Analyse(s.base)
	// the baseline's risk is simulated once, above; the current model's in the background
	s.analyser.DeferRisk()
	s.reanalyse(orgs.Everything)
	return s
}

// Current is the current organization (the what-if). Callers must not change it.
func (s *Session) Current() *orgs.Org { return s.cur }

// Baseline is the organization the current one is compared with.
func (s *Session) Baseline() *orgs.Org { return s.base }

// Snapshot is the analysis of the current organization against the baseline; it stays as
// it is after later changes, so a caller may keep it.
func (s *Session) Snapshot() *orgs.Analysis {
	s.anShared = true
	return s.an
}

// Changes says which verdicts differ from the baseline's own.
func (s *Session) Changes() *orgs.Changes { return &s.changes }

// Modified reports whether the current model differs by content from the one last loaded
// or saved.
func (s *Session) Modified() bool { return s.modified }

// CanUndo and CanRedo report whether there is a change to undo or to redo.
func (s *Session) CanUndo() bool { return s.pos > 0 }

// CanRedo reports whether an undone change can be redone.
func (s *Session) CanRedo() bool { return s.pos < len(s.history) }

// Apply records c, a change the orgs edit that made it has already applied to the current
// model: it joins the history (dropping what could be redone) and the model is analysed
// again. team is the index of the only team c changes, -1 for anything else.
func (s *Session) Apply(c *orgs.Change, team int) {
	s.history = append(s.history[:s.pos], entry{c, team})
	s.pos++
	s.changed(c)
}

// Undo reverts the last applied change; ok is false when there is none.
func (s *Session) Undo() (e entry, ok bool) {
	if s.pos == 0 {
		return entry{}, false
	}
	s.pos--
	e = s.history[s.pos]
	e.c.Undo(s.cur)
	s.changed(e.c)
	return e, true
}

// Redo applies the last undone change again; ok is false when there is none.
func (s *Session) Redo() (e entry, ok bool) {
	if s.pos == len(s.history) {
		return entry{}, false
	}
	e = s.history[s.pos]
	s.pos++
	e.c.Redo(s.cur)
	s.changed(e.c)
	return e, true
}

// Saved records that written, a copy of the current model, was written to path with the
// scenario record the file now holds: the header shows path, the journal of unsaved work
// belongs to path from now on, and the model is modified only by edits made since the copy.
func (s *Session) Saved(path string, written *orgs.Org, scenario *orgs.Scenario) {
	if scenario != nil {
		s.cur.Scenario = scenario // what the file now says of itself (title, based_on)
	}
	s.file, s.input = path, path
	s.saved = written.Clone()
	s.compareSaved(orgs.Everything)
}

// changed re-analyses after the change c and updates "modified", both by what c touched.
func (s *Session) changed(c *orgs.Change) {
	t := orgs.Everything
	if c != nil {
		t = c.Touched()
	}
	s.reanalyse(t)
	s.compareSaved(t)
}

// compareSaved brings "modified" up to date after a change that touched t: by the teams
// and services it set alone when it is known which others differ, else by everything.
func (s *Session) compareSaved(t orgs.Touched) {
	a, b := s.cur, s.saved
	if !t.All && s.differ != nil && s.svcDiffer != nil && len(a.Teams) == len(b.Teams) &&
		len(a.Services) == len(b.Services) && inRange(t.Teams, len(a.Teams)) && inRange(t.Services, len(a.Services)) {
		for _, i := range t.Teams {
			mark(s.differ, i, sameTeam(&a.Teams[i], &b.Teams[i]))
		}
		for _, k := range t.Services {
			mark(s.svcDiffer, k, orgs.ServicesEqual(&a.Services[k], &b.Services[k]))
		}
		s.modified = s.headerDiffers || len(s.differ) > 0 || len(s.svcDiffer) > 0
		if checkDerived && s.modified == sameContent(a, b) {
			panic(fmt.Sprintf("model: modified %v after an edit of teams %v and services %v, but the content says otherwise", s.modified, t.Teams, t.Services))
		}
		return
	}
	s.differ, s.svcDiffer = nil, nil
	if len(a.Teams) != len(b.Teams) || len(a.Services) != len(b.Services) {
		s.modified = true
		return
	}
	s.differ, s.svcDiffer = map[int]bool{}, map[int]bool{}
	for i := range a.Teams {
		if !sameTeam(&a.Teams[i], &b.Teams[i]) {
			s.differ[i] = true
		}
	}
	for k := range a.Services {
		if !orgs.ServicesEqual(&a.Services[k], &b.Services[k]) {
			s.svcDiffer[k] = true
		}
	}
	s.headerDiffers = !sameHeader(a, b)
	s.modified = s.headerDiffers || len(s.differ) > 0 || len(s.svcDiffer) > 0
}

// mark records in differ whether index i differs (same false) or not.
func mark(differ map[int]bool, i int, same bool) {
	if same {
		delete(differ, i)
	} else {
		differ[i] = true
	}
}

// inRange reports whether every index is below n.
func inRange(indices []int, n int) bool {
	for _, i := range indices {
		if i < 0 || i >= n {
			return false
		}
	}
	return true
}

// reanalyse analyses the current model again after a change that touched t.
func (s *Session) reanalyse(t orgs.Touched) {
	// the new analysis reuses the memory of the last one, unless something else may still
	// read that one (see anShared)
	prev := s.an
	if s.anShared {
		prev = nil
	}
	s.an, s.anShared = s.analyser.ReanalyseChanged(s.cur, prev, t), false
	s.changes = orgs.ChangesBetween(s.baseAn, s.an)
	s.afterAnalysis()
}

// sameContent reports whether a and b hold the same organization (their scenario records
// aside).
func sameContent(a, b *orgs.Org) bool { return orgs.ModelsEqual(a, b) }

// sameHeader reports whether a and b agree on everything but their teams, services and
// scenario records.
func sameHeader(a, b *orgs.Org) bool {
	ha, hb := *a, *b
	ha.Teams, hb.Teams = nil, nil
	ha.Services, hb.Services = nil, nil
	return orgs.ModelsEqual(&ha, &hb)
}

// sameTeam compares two teams by content.
func sameTeam(a, b *orgs.Team) bool { return orgs.TeamsEqual(a, b) }
