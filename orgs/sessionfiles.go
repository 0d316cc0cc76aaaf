package orgs

import "os"

// Small helpers for the dashboard's files: what a path names, and how much a diff holds.

// SameFile reports whether a and b name the same existing file, however each is spelled
// (./x.toml, an absolute path, a symbolic link). A path that does not exist is no file.
func SameFile(a, b string) bool {
	sa, err := os.Stat(a)
	if err != nil {
		return false
	}
	sb, err := os.Stat(b)
	if err != nil {
		return false
	}
	return os.SameFile(sa, sb)
}

// ReadOnlyFile reports whether path is an existing file whose owner may not write it: a
// file WriteFile never replaces.
func ReadOnlyFile(path string) bool {
	st, err := os.Stat(path)
	return err == nil && !st.IsDir() && st.Mode().Perm()&0o200 == 0
}

// Changes counts the changes d lists team by team and the SRE organization's positioning;
// when A and B differ only in other settings (name, description, services, KPIs, team
// order) that counts as one.
func (d *Diff) Changes() int {
	n := len(d.Moves) + len(d.RunChanges) + len(d.RoleChanges) + len(d.RunWithChanges) +
		len(d.Added) + len(d.Removed) + len(d.Headcount) + len(d.OtherChanges)
	if d.Positioning != nil {
		n++
	}
	if n == 0 && d.Differ {
		n = 1
	}
	return n
}
