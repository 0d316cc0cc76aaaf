package orgs

// ForgetRisks empties the memo of simulated risks, for benchmarks of a first analysis.
var ForgetRisks = forgetRisks
