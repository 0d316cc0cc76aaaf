package main

import (
	"fmt"
	"io"
	"os"

	tea "github.com/charmbracelet/bubbletea"
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
	err := model.Run(model.Config{
		Opened:   op,
		Embedded: opts.File == "",
		Styles:   terminalStyles(opts),
		Present:  opts.Present,
		Journal:  true,
	}, os.Getenv("SRETOPO_DEBUG_LOG"))
	return finish(op, err, stderr)
}

// runShared is runDashboard for the facilitator of a shared session.
func runShared(op *orgs.Opened, opts dashboardOptions, hub *model.Hub, stderr io.Writer) int {
	m := model.NewFacilitator(model.Config{Opened: op, Styles: terminalStyles(opts), Journal: true}, hub)
	p := tea.NewProgram(m, tea.WithAltScreen(), tea.WithMouseCellMotion())
	hub.Start(p)
	_, err := p.Run()
	return finish(op, err, stderr)
}

// finish reports how the dashboard ended, and the file's warnings after it.
func finish(op *orgs.Opened, err error, stderr io.Writer) int {
	if err != nil {
		fmt.Fprintln(stderr, "sretopo: "+orgs.Sanitize(err.Error()))
		return exitInvalid
	}
	for _, w := range op.Warnings {
		fmt.Fprintln(stderr, "sretopo: warning: "+w)
	}
	return exitOK
}

// terminalStyles are the styles of this terminal: its colours decided here, once, before the
// program owns the terminal.
func terminalStyles(opts dashboardOptions) views.Styles {
	// the dashboard's styles draw with a renderer of their own terminal; the default one
	// is set alike for what draws with it (text inputs, tables)
	r := lipgloss.NewRenderer(os.Stdout)
	if opts.NoColor {
		r.SetColorProfile(termenv.Ascii)
		lipgloss.SetColorProfile(termenv.Ascii)
	}
	dark, known := true, true
	switch opts.Theme {
	case "light":
		dark = false
	case "dark":
	default:
		// without colour the background does not matter: ask nothing
		known = !opts.NoColor
		if known {
			dark = lipgloss.HasDarkBackground()
		}
	}
	if known {
		r.SetHasDarkBackground(dark)
		lipgloss.SetHasDarkBackground(dark)
	}
	return views.NewStylesFor(r, views.DefaultTheme())
}
