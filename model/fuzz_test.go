package model

import (
	"fmt"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// FuzzView drives the dashboard with arbitrary keys, resizes and clicks: whatever the input,
// Update and View never panic and the view never draws outside the terminal. Each byte of
// script is one event: most pick a key, some resize the terminal or click.
func FuzzView(f *testing.F) {
	f.Add(uint8(0), uint8(80), uint8(24), []byte("lj>>tab"))
	f.Add(uint8(1), uint8(1), uint8(1), []byte{0, 1, 2, 3, 250, 251})
	f.Add(uint8(2), uint8(200), uint8(60), []byte("ppppc?o"))
	f.Add(uint8(3), uint8(0), uint8(0), []byte("n\x05\x06\x07\x08"))
	examples := []string{"mixed", "health-platform", "topology-6", "ops-run-it"}
	f.Fuzz(func(t *testing.T, example, w, h uint8, script []byte) {
		if len(script) > 200 {
			script = script[:200] // bound the run time of one input, not what it may contain
		}
		ex := examples[int(example)%len(examples)]
		m := newModel(t, ex, int(w), int(h)/2)
		for i, b := range script {
			switch {
			case b >= 250:
				m.Update(tea.WindowSizeMsg{Width: int(b-250) * 40, Height: int(b-250) * 12})
			case b >= 240:
				run(m, tea.MouseMsg{X: int(b) % (m.w + 1), Y: int(b) % (m.h + 1), Action: tea.MouseActionPress, Button: tea.MouseButtonLeft})
			default:
				// newModel's save and write functions write nothing, so every key is safe here.
				if press(t, m, allKeys[int(b)%len(allKeys)]) {
					m = newModel(t, ex, m.w, m.h)
				}
			}
			checkView(t, m, fmt.Sprintf("%s event %d", ex, i))
		}
	})
}
