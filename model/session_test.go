package model

import (
	"testing"

	"github.com/sretopo/sretopo/orgs"
)

// TestSessionAlone: the session works without any screen: edits go through it, a snapshot
// of the analysis stays as it was after later edits (so that another screen can keep
// drawing it), and "modified" compares content.
func TestSessionAlone(t *testing.T) {
	s := NewSession(opened(t, "mixed"), true)
	if s.Modified() || s.CanUndo() || s.Changes().Any() {
		t.Fatal("a fresh session is modified, has history or changes")
	}
	i := s.Current().TeamIndex("Operations SRE")
	c, err := s.Current().MoveTeam(i, +1)
	if err != nil {
		t.Fatal(err)
	}
	s.Apply(c, i)
	snap := s.Snapshot()
	moved := snap.Teams[i].Org
	if moved != orgs.OrgSRE || !s.Modified() || !s.Changes().Identity {
		t.Fatalf("after the move: org %s, modified %v, identity changed %v", moved, s.Modified(), s.Changes().Identity)
	}
	// later edits leave the snapshot as it was
	c, _ = s.Current().AddHeadcount(i, +1)
	s.Apply(c, i)
	if snap.Teams[i].Headcount != 8 || s.Snapshot().Teams[i].Headcount != 9 {
		t.Errorf("snapshot headcount %d, now %d", snap.Teams[i].Headcount, s.Snapshot().Teams[i].Headcount)
	}
	// undo both: back to the file, by content
	s.Undo()
	if _, ok := s.Undo(); !ok || s.Modified() || s.Changes().Any() {
		t.Errorf("after undoing everything: modified %v, changes %v", s.Modified(), s.Changes().Any())
	}
	// saved: the file it belongs to moves, and only later edits modify it
	s.Redo()
	s.Saved("mixed-scenario-1.toml", s.Current().Clone(), nil)
	if s.Modified() || s.input != "mixed-scenario-1.toml" || s.file != "mixed-scenario-1.toml" {
		t.Errorf("after save: modified %v, input %q", s.Modified(), s.input)
	}
}
