package gen

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// CatalogSize is how much a generated Backstage catalog holds.
type CatalogSize struct {
	Teams, Users, Components int
}

// FullCatalog is the size the import's speed budget is measured on (docs/import.md).
var FullCatalog = CatalogSize{Teams: 10_000, Users: 40_000, Components: 20_000}

// entitiesPerFile is how many users or components one generated file holds, as a catalog
// split by Location into files of a few megabytes.
const entitiesPerFile = 10_000

// Catalog writes a Backstage software catalog of the given size into dir, generated from
// seed, in the shapes of Backstage's example catalog: an organization Group, departments
// (by spec.children and spec.parent), teams with profiles, users with memberOf (one in ten in
// two teams), and components (services, websites, libraries, of three lifecycles) owned by
// a team written in each reference form or by a user. It returns the files written, in
// the order they sort; the same arguments write the same bytes.
func Catalog(dir string, size CatalogSize, seed int64) ([]string, error) {
	rng := rand.New(rand.NewPCG(uint64(seed), 0xca7a_1090))
	size.Teams = max(size.Teams, 1)
	departments := max(size.Teams/50, 1)
	slugs := make([]string, len(devWords)) // Backstage names: lower case, no spaces
	for i, w := range devWords {
		slugs[i] = strings.ReplaceAll(strings.ToLower(w), " ", "-")
	}
	teamName := func(i int) string { return fmt.Sprintf("%s-%05d", slugs[i%len(slugs)], i) }
	var files []string
	write := func(name string, body func(w *bufio.Writer)) error {
		p := filepath.Join(dir, name)
		f, err := os.Create(p)
		if err != nil {
			return err
		}
		w := bufio.NewWriterSize(f, 1<<16)
		body(w)
		if err := w.Flush(); err != nil {
			f.Close()
			return err
		}
		files = append(files, p)
		return f.Close()
	}
	err := write("groups.yaml", func(w *bufio.Writer) {
		fmt.Fprintf(w, "apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: generated-corp\n  description: A generated organization\nspec:\n  type: organization\n  profile:\n    displayName: Generated Corp\n    email: info@example.com\n  children: [")
		for d := range departments {
			if d > 0 {
				w.WriteString(", ")
			}
			fmt.Fprintf(w, "department-%03d", d)
		}
		w.WriteString("]\n")
		for d := range departments {
			fmt.Fprintf(w, "---\napiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: department-%03d\nspec:\n  type: department\n  profile:\n    displayName: Department %d\n  parent: generated-corp\n  children: []\n", d, d)
		}
		for i := range size.Teams {
			fmt.Fprintf(w, "---\napiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: %s\n  description: Team %d\nspec:\n  type: team\n  profile:\n    displayName: %s\n    email: %s@example.com\n  parent: department-%03d\n  children: []\n",
				teamName(i), i, teamName(i), teamName(i), i%departments)
		}
	})
	if err != nil {
		return nil, err
	}
	for start := 0; start < size.Users; start += entitiesPerFile {
		err := write(fmt.Sprintf("users-%03d.yaml", start/entitiesPerFile), func(w *bufio.Writer) {
			for u := start; u < min(start+entitiesPerFile, size.Users); u++ {
				team := rng.IntN(size.Teams)
				member := teamName(team)
				if rng.IntN(10) == 0 {
					member += ", " + teamName(rng.IntN(size.Teams))
				}
				fmt.Fprintf(w, "---\napiVersion: backstage.io/v1alpha1\nkind: User\nmetadata:\n  name: user-%06d\nspec:\n  profile:\n    displayName: User %d\n    email: user-%06d@example.com\n  memberOf: [%s]\n", u, u, u, member)
			}
		})
		if err != nil {
			return nil, err
		}
	}
	for start := 0; start < size.Components; start += entitiesPerFile {
		err := write(fmt.Sprintf("components-%03d.yaml", start/entitiesPerFile), func(w *bufio.Writer) {
			for c := start; c < min(start+entitiesPerFile, size.Components); c++ {
				typ := weighted(rng, []string{"service", "website", "library"}, 7, 2, 1)
				lifecycle := weighted(rng, []string{"production", "experimental", "deprecated"}, 7, 2, 1)
				team := teamName(rng.IntN(size.Teams))
				owner := weighted(rng, []string{team, "group:" + team, "group:default/" + team, fmt.Sprintf("user:user-%06d", rng.IntN(max(size.Users, 1)))}, 5, 2, 2, 1)
				fmt.Fprintf(w, "---\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: component-%06d\n  description: Component %d\n  tags: [generated]\nspec:\n  type: %s\n  lifecycle: %s\n  owner: %s\n  system: system-%03d\n", c, c, typ, lifecycle, owner, c%100)
			}
		})
		if err != nil {
			return nil, err
		}
	}
	return files, nil
}
