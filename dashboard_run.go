package main

import (
	"fmt"
	"io"
	"os"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/sretopo/sretopo/model"
	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/views"
)

// runDashboard opens the interactive dashboard on op. Colours and the theme are decided here,
// once, before the program owns the terminal: asking the terminal for its background later
// would race the program for its input.
func runDashboard(op *orgs.Opened, opts dashboardOptions, stderr io.Writer) int {
	if opts.NoColor {
		lipgloss.SetColorProfile(termenv.Ascii)
	}
	switch opts.Theme {
	case "light":
		lipgloss.SetHasDarkBackground(false)
	case "dark":
		lipgloss.SetHasDarkBackground(true)
	default:
		if !opts.NoColor { // without colour the background does not matter: ask nothing
			lipgloss.SetHasDarkBackground(lipgloss.HasDarkBackground())
		}
	}
	err := model.Run(model.Config{
		Opened:   op,
		Embedded: opts.File == "",
		Styles:   views.DefaultStyles(),
		Present:  opts.Present,
		Journal:  true,
	}, os.Getenv("SRETOPO_DEBUG_LOG"))
	if err != nil {
		fmt.Fprintln(stderr, "sretopo: "+orgs.Sanitize(err.Error()))
		return exitInvalid
	}
	for _, w := range op.Warnings {
		fmt.Fprintln(stderr, "sretopo: warning: "+w)
	}
	return exitOK
}
