//go:build !unix

package importer

import "time"

// cpuTime is not measured here; the budget is then judged on the wall clock.
func cpuTime() time.Duration { return 0 }
