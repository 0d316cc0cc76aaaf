package orgs

import (
	"embed"
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"
)

//go:embed examples/*.toml
var exampleFiles embed.FS

// DefaultExample is the example the dashboard opens without a file: the case in the talk.
const DefaultExample = "health-platform"

// Example is one organization compiled into the binary.
type Example struct {
	Name        string
	Description string
	Data        []byte
}

// Examples lists the embedded examples in a reading order: the talk's case, the nine
// topologies in number order, then ops-run-it, mixed and bank.
func Examples() []Example {
	entries, err := exampleFiles.ReadDir("examples")
	if err != nil {
		panic(err) // the directory is compiled in; failing to read it is a build defect
	}
	out := make([]Example, 0, len(entries))
	for _, e := range entries {
		name := strings.TrimSuffix(e.Name(), ".toml")
		data, err := exampleFiles.ReadFile(path.Join("examples", e.Name()))
		if err != nil {
			panic(err)
		}
		ex := Example{Name: name, Data: data}
		if org, err := Load(e.Name(), data); err == nil {
			ex.Description = org.Description
		}
		out = append(out, ex)
	}
	slices.SortFunc(out, func(a, b Example) int { return exampleRank(a.Name) - exampleRank(b.Name) })
	return out
}

func exampleRank(name string) int {
	switch {
	case name == DefaultExample:
		return 0
	case strings.HasPrefix(name, "topology-"):
		n, _ := strconv.Atoi(strings.TrimPrefix(name, "topology-"))
		return n
	case name == "ops-run-it":
		return 20
	case name == "mixed":
		return 21
	case name == "bank":
		return 22
	}
	return 30
}

// Load reads the example's model as a file named after it (name.toml) would load.
func (ex Example) Load() (*Org, error) { return Load(ex.Name+".toml", ex.Data) }

// ExampleNamed returns the embedded example called name.
func ExampleNamed(name string) (Example, error) {
	for _, ex := range Examples() {
		if ex.Name == name {
			return ex, nil
		}
	}
	names := make([]string, 0, 12)
	for _, ex := range Examples() {
		names = append(names, ex.Name)
	}
	return Example{}, fmt.Errorf("no example named %q%s; the examples are: %s", name, didYouMean(name, names, true), strings.Join(names, ", "))
}
