// Command sretopo analyses how an engineering organization runs its software: who builds
// it, who runs it, where its SRE teams sit, and what follows from that.
package main

import "os"

func main() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }
