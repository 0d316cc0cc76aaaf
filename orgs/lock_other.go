//go:build !unix

package orgs

import "os"

const openNoFollow = 0

// lockFile takes no lock where flock does not exist: one dashboard per file is then up to
// the user.
func lockFile(f *os.File) error { return nil }
