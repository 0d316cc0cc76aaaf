package main

import (
	"errors"
	"flag"
	"fmt"
	"net"
	"os"
	"os/signal"
	"syscall"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/sretopo/sretopo/model"
	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/serve"
	"github.com/sretopo/sretopo/views"
)

// serveCmd is `sretopo serve`: the dashboard in this terminal, shared over SSH.
func (c *cli) serveCmd(args []string) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	var opts dashboardOptions
	listen := fs.String("listen", serve.DefaultListen, "")
	authorized := fs.String("authorized-keys", serve.DefaultAuthorizedKeys(), "")
	editors := fs.String("editors", "", "")
	maxPeople := fs.Int("max", serve.DefaultMax, "")
	opts.addLookFlags(fs)
	pos, code, ok := c.parse(fs, args)
	if !ok {
		return code
	}
	if code, ok := c.checkLook(&opts); !ok {
		return code
	}
	if len(pos) != 1 || pos[0] == "-" {
		return c.usageError("serve needs one FILE to share (not standard input)")
	}
	if *maxPeople < 1 {
		return c.usageError("--max must be at least 1")
	}
	if _, _, err := net.SplitHostPort(*listen); err != nil {
		return c.usageError("--listen %q is not HOST:PORT", *listen)
	}
	opts.File = pos[0]
	op, err := orgs.Open(opts.File, opts.Baseline)
	if err != nil {
		return c.loadFailed(err)
	}
	if !isTerminal(c.stdin) || !isTerminal(c.stdout) {
		fmt.Fprintln(c.stderr, "sretopo: serve runs the facilitator's dashboard in this terminal, and there is none; for a report without one, run: sretopo report FILE")
		return exitUsage
	}
	srv, hub, err := newShared(serve.Config{
		Listen:         *listen,
		AuthorizedKeys: *authorized,
		Editors:        *editors,
		Max:            *maxPeople,
	})
	if err != nil {
		fmt.Fprintln(c.stderr, "sretopo: "+orgs.Sanitize(err.Error()))
		return exitInvalid
	}
	// the key files' warnings stay on the terminal under the dashboard, and its status line
	// and message log show them too
	for _, w := range srv.Warnings {
		fmt.Fprintln(c.stderr, "sretopo: warning: "+orgs.Sanitize(w))
		hub.Problem("warning: " + w)
	}
	if err := srv.Listen(); err != nil {
		fmt.Fprintln(c.stderr, "sretopo: "+orgs.Sanitize(err.Error()))
		return exitInvalid
	}
	hub.Addr = srv.Addr().String()
	stopSignals := closeOnSignal(srv)
	defer stopSignals()
	go func() {
		if err := srv.Serve(); err != nil && !errors.Is(err, net.ErrClosed) {
			fmt.Fprintln(c.stderr, "sretopo: "+orgs.Sanitize(err.Error()))
		}
	}()
	defer srv.Close()
	return runShared(op, opts, hub, c.stderr)
}

// newShared makes the SSH side of a shared session and its hub: each participant who joins
// gets a dashboard of their own on the facilitator's model, drawn with their terminal's
// colours.
func newShared(cfg serve.Config) (*serve.Server, *model.Hub, error) {
	var hub *model.Hub
	cfg.Program = func(p *serve.Participant) tea.Model {
		role := model.Viewer
		if p.Role == serve.Editor {
			role = model.Editor
		}
		hub.Join(p.ID, p.User, role == model.Editor)
		return model.NewParticipant(hub, p.ID, p.User, role, views.NewStylesFor(p.Renderer, views.DefaultTheme()))
	}
	cfg.Left = func(p *serve.Participant) { hub.Leave(p.ID) }
	cfg.Problem = func(text string) { hub.Problem(text) }
	srv, err := serve.New(cfg)
	if err != nil {
		return nil, nil, err
	}
	hub = model.NewHub(srv.Broadcast, srv.Send)
	return srv, hub, nil
}

// closeOnSignal ends the shared session on SIGINT or SIGTERM, for everyone and within its
// deadline, also once the facilitator's dashboard has closed and a Ctrl-C reaches the
// process as a signal. While the dashboard runs, its own program quits on them too.
func closeOnSignal(srv *serve.Server) (stop func()) {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case <-sigs:
			srv.Close()
		case <-done:
		}
	}()
	return func() { signal.Stop(sigs); close(done) }
}
