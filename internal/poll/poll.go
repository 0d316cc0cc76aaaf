// Package poll lets a test wait for what another goroutine or process does: a file the
// journal writes, a screen a participant's terminal shows, a listener that closes.
package poll

import "time"

// Within is how long Until waits: far longer than anything it waits for takes, even under
// the race detector on a loaded machine, so that reaching it means the thing never happened.
const Within = 10 * time.Second

// every is how often Until asks again.
const every = 5 * time.Millisecond

// Until calls ok until it returns true or Within has passed, and says whether it did.
func Until(ok func() bool) bool {
	deadline := time.Now().Add(Within)
	for {
		if ok() {
			return true
		}
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(every)
	}
}
