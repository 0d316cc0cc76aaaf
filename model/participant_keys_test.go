package model

import (
	"fmt"
	"testing"
)

// participantKeys are the keys a participant can press: every letter and digit, the
// punctuation the dashboard binds, and the named keys. Each is pressed on the board and again
// after each key that opens a screen, so that a key in any screen is tried.
var participantKeys = func() []string {
	var ks []string
	for r := 'a'; r <= 'z'; r++ {
		ks = append(ks, string(r), string(r-'a'+'A'))
	}
	for r := '0'; r <= '9'; r++ {
		ks = append(ks, string(r))
	}
	ks = append(ks, "?", "/", "!", "[", "]", "<", ">", "+", "-", "=", ".", ",",
		"left", "right", "up", "down", "shift+left", "shift+right", "enter", "tab", "shift+tab",
		"pgup", "pgdown", "home", "end", "backspace", "space", "ctrl+r", "ctrl+n", "ctrl+p")
	return ks
}()

// TestNoParticipantKeyPanics: a viewer's or an editor's key, in any screen it opens, on any
// example, at a small and a large size, never panics (a viewer's ? once crashed the
// participant's program over a dev team). Each opening key is followed by every key, then
// esc twice to come back to the board.
func TestNoParticipantKeyPanics(t *testing.T) {
	if testing.Short() {
		t.Skip("presses thousands of keys")
	}
	for _, role := range []ShareRole{Viewer, Editor} {
		for _, ex := range []string{"health-platform", "mixed", "bank"} {
			for _, size := range [][2]int{{80, 24}, {220, 60}} {
				name := fmt.Sprintf("%v/%s/%dx%d", role, ex, size[0], size[1])
				t.Run(name, func(t *testing.T) {
					m := newModel(t, ex, size[0], size[1])
					p, deliver := joined(m, role, size[0], size[1])
					deliver()
					for _, opener := range participantKeys {
						if opener == "q" || opener == "Q" {
							continue // leaves the session
						}
						pressAll(t, p, name, opener)
						for _, k := range participantKeys {
							if k == "q" || k == "Q" {
								continue
							}
							pressAll(t, p, name, k)
						}
						pressAll(t, p, name, "esc", "esc", "esc")
						deliver()
					}
				})
			}
		}
	}
}

// pressAll presses keys on a participant and its View after each, failing on a panic with
// the key that caused it.
func pressAll(t *testing.T, p *Model, name string, keys ...string) {
	t.Helper()
	for _, k := range keys {
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Fatalf("%s: key %q panicked: %v", name, k, r)
				}
			}()
			run(p, keyMsg(k))
			_ = p.View()
		}()
	}
}
