package main

// commandHelp is what `sretopo CMD --help` prints: the command's usage line, what it does
// and each of its flags, as docs/ and the README describe them. A command without an entry
// (the dashboard's own flag set) prints the general usage.
var commandHelp = map[string]string{
	"report": `Usage:
  sretopo report [--baseline FILE] [--format text|markdown|json|mermaid] [--runs N] FILE

Prints the whole analysis of FILE ("-" reads standard input): topology, run models,
criteria, funding, services, staffing, transition and decisions, identity, KPIs and
advisories.

Flags:
  --format FORMAT   text (default), markdown, json or mermaid
  --baseline FILE   compare against FILE instead of the scenario's based_on
  --runs N          SLO windows simulated a service for the risk figures, 1-100000
                    (default 2000)

Exit status: 0 success, 1 invalid input, 2 bad usage.
`,
	"validate": `Usage:
  sretopo validate FILE...

Checks each file and prints every problem, one a line: FILE:LINE:COL: message.

Exit status: 0 all valid, 1 some invalid, 2 bad usage.
`,
	"diff": `Usage:
  sretopo diff [--format text|markdown|json] [--exit-code] A B

What changed from A to B: teams moved, run models, SRE roles and services' runs changed,
teams added and removed, headcounts, and every verdict that changed.

Flags:
  --format FORMAT   text (default), markdown or json
  --exit-code       exit 1 when A and B differ (for CI)

Exit status: 0 (with --exit-code: 0 same, 1 different), 2 bad usage or invalid input.
`,
	"compare": `Usage:
  sretopo compare [--format text|markdown|json] [--runs N] A B [C ...]

Two to eight options side by side, one column a file, the best value of each row that has
a better end marked; transitions and decisions are from the first file.

Flags:
  --format FORMAT   text (default), markdown or json
  --runs N          SLO windows simulated a service for the risk figures, 1-100000
                    (default 2000)

Exit status: 0 success, 1 invalid input, 2 bad usage.
`,
	"plan": `Usage:
  sretopo plan [--format text|markdown|json|mermaid] [--start YYYY-MM]
               [--months NAME=N,...] [--runs N] [--write] BASE TARGET

The path from BASE to TARGET as a roadmap: staff first (a new SRE team starts in an interim
org), a pilot with one dev team per new SRE partner, who runs it, the reporting lines last;
a gate on each stage, every stage a valid organization.

Flags:
  --format FORMAT   text (default), markdown, json or mermaid (a gantt chart; needs --start)
  --start YYYY-MM   dates the stages from that month
  --months NAME=N,...  how long a stage lasts, in months (staffing, pilot, who-runs-it,
                    reporting-lines); default staffing 3 when it hires (else 1), pilot its
                    error budget window, who-runs-it 2, reporting-lines 3
  --runs N          SLO windows simulated a service for the risk figures, 1-100000
                    (default 2000)
  --write           also save each stage as TARGET-stage-N.toml beside TARGET, based on
                    BASE; no file is ever replaced

Exit status: 0 success, 1 invalid input or a stage file exists, 2 bad usage.
`,
	"serve": `Usage:
  sretopo serve [flags] FILE

Shares the dashboard on FILE over SSH: this terminal drives it, participants join with
"ssh -p PORT HOST" and follow it (f toggles following); editors may also change it.

Flags:
  --listen ADDR            where to listen (default 127.0.0.1:23234: this machine only)
  --authorized-keys FILE   public keys of those who may join (default ~/.ssh/authorized_keys)
  --editors FILE           public keys of those who may also edit
  --max N                  the most participants at once (default 64)
  --baseline FILE          compare against FILE instead of the scenario's based_on
  --theme auto|light|dark  colours for this terminal's background (default auto)
  --no-color               no colour (also when NO_COLOR is set)

Exit status: 0 on quit, 1 invalid FILE or no authorized key, 2 bad usage.
`,
	"import": `Usage:
  sretopo import [--name NAME] [--org dev|ops|sre=GROUP,...] [--kind sre|ops|sre-infra=GROUP,...]
                 [--headcount N] [--lifecycle LIST] [-o FILE] SOURCE...

Writes an organization file from where the organization already lives: a Backstage catalog
(teams, people, services), PagerDuty REST API responses saved as JSON (rotations, escalation
policies) and OpenSLO or Sloth files (targets). A SOURCE is a file or a directory (read
recursively); each file's format is recognized by its content. The file opens with where
everything came from, and every warning names its file and line.

Flags:
  --name NAME        the organization's name (default: the catalog's organization group)
  --org ORG=GROUPS   teams under these groups report into ORG (dev, ops or sre); repeatable;
                     teams under no named group are in dev
  --kind KIND=GROUPS teams under these groups are of KIND (sre, ops, sre-infra); default:
                     the kind of their org
  --headcount N      the headcount of a team whose size the catalog does not give (default 1)
  --lifecycle LIST   the component lifecycles imported as services
                     (default production,experimental)
  -o FILE            write to FILE (never replacing one) instead of standard output

Exit status: 0 success (warnings on standard error), 1 no team, a source that cannot be
parsed, a result that would not validate or an existing -o FILE, 2 bad usage.
`,
	"examples": `Usage:
  sretopo examples

Lists the embedded examples, one a line: name and description.
`,
	"example": `Usage:
  sretopo example NAME

Prints the embedded example's TOML, ready to save and edit:
  sretopo example mixed > mixed.toml

Exit status: 0, 2 unknown name (the names are listed).
`,
}
