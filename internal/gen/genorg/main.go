// Command genorg writes a generated, realistic organization of N teams to standard output,
// for trying sretopo at scale: go run ./internal/gen/genorg 10000 > big.toml
package main

import (
	"fmt"
	"os"
	"strconv"

	"github.com/sretopo/sretopo/internal/gen"
)

func main() {
	teams := 10000
	if len(os.Args) > 1 {
		n, err := strconv.Atoi(os.Args[1])
		if err != nil || n < 1 || n > 20000 {
			fmt.Fprintln(os.Stderr, "usage: genorg [TEAMS (1-20000)]")
			os.Exit(2)
		}
		teams = n
	}
	os.Stdout.Write(gen.TOML(teams, 1))
}
