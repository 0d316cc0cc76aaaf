// Command gencatalog writes a generated Backstage catalog into a directory, for trying
// sretopo import at scale: go run ./internal/gen/gencatalog /tmp/catalog, then
// sretopo import /tmp/catalog -o big.toml. Without sizes it writes the catalog of the
// import's speed budget: 10,000 teams, 40,000 users, 20,000 components.
package main

import (
	"fmt"
	"os"
	"strconv"

	"github.com/sretopo/sretopo/internal/gen"
)

func main() {
	size := gen.FullCatalog
	if len(os.Args) != 2 && len(os.Args) != 5 {
		usage()
	}
	if len(os.Args) == 5 {
		for i, p := range []*int{&size.Teams, &size.Users, &size.Components} {
			n, err := strconv.Atoi(os.Args[2+i])
			if err != nil || n < 0 || n > 100_000 {
				usage()
			}
			*p = n
		}
	}
	if err := os.MkdirAll(os.Args[1], 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "gencatalog:", err)
		os.Exit(1)
	}
	files, err := gen.Catalog(os.Args[1], size, 1)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gencatalog:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "gencatalog: %d files in %s\n", len(files), os.Args[1])
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: gencatalog DIR [TEAMS USERS COMPONENTS]")
	os.Exit(2)
}
