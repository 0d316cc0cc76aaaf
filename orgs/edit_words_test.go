package orgs_test

import (
	"testing"

	"github.com/sretopo/sretopo/orgs"
)

// TestEditsOfANonDevTeamSayWhy: the run keys on a team that is not a dev team say what the
// team is, in words, rather than sending the user to a key that does not apply either.
func TestEditsOfANonDevTeamSayWhy(t *testing.T) {
	o := newOrg(infra("Platform", ops), opsTeam("Ops"))
	for _, c := range []struct {
		edit func(i int) (*orgs.Change, error)
		i    int
		want string
	}{
		{o.CycleRun, 0, `"Platform" is an SRE infra team; only dev teams have a run model`},
		{o.CycleRunWith, 0, `"Platform" is an SRE infra team; only dev teams run with another team`},
		{o.CycleSRERole, 1, `"Ops" is an ops team; the SRE role is a dev team's`},
	} {
		if _, err := c.edit(c.i); err == nil || err.Error() != c.want {
			t.Errorf("got %v, want %q", err, c.want)
		}
	}
}
