package poll

import (
	"sync/atomic"
	"testing"
)

func TestUntilReturnsOnceItHolds(t *testing.T) {
	var calls atomic.Int32
	if !Until(func() bool { return calls.Add(1) == 3 }) {
		t.Fatal("Until gave up on a condition that held at the third call")
	}
	if n := calls.Load(); n != 3 {
		t.Errorf("asked %d times, want 3: it goes on after the condition held", n)
	}
}
