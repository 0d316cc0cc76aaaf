package orgs

// The backup layer of docs/rules.md section 1 as a responder (section 8): the team on call
// for a service whenever its run model's responders are not, listed after them.

// backupOf is the index of service s's backup team, or -1: its own backup when it sets one
// ("" clears its team's), else its team's. A backup is ignored on a service that runs as
// `none` and when it is the service's partner already; r is s's effective run.
func backupOf(lk *TeamLookup, s *Service, team *Team, r *ServiceRun) int {
	name := ""
	switch {
	case s.Backup != nil:
		name = *s.Backup
	case team != nil:
		name = team.Backup
	}
	if name == "" || r.Run == RunNone {
		return -1
	}
	b := lk.Index(name)
	if b == r.Partner {
		return -1
	}
	return b
}

// addBackupResponder appends the backup of the service whose effective run is r to the
// responders add collects: last, after the run model's own.
func addBackupResponder(r *ServiceRun, add func(int)) { add(r.Backup) }
