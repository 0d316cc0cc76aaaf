//go:build unix

package model

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/sretopo/sretopo/orgs"
)

// A recovery file planted as a link to ~/.bashrc (a cloned repository can hold one): the
// dashboard names the link in its header and status, keeps no recovery file, and edits,
// quitting and discarding never write, read or remove through it.
func TestRecoveryFileLinkIsNamedAndNeverWrittenThrough(t *testing.T) {
	path := mixedFile(t)
	bashrc := filepath.Join(t.TempDir(), ".bashrc")
	const content = "alias ll='ls -l'\n"
	if err := os.WriteFile(bashrc, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	jp := orgs.JournalPath(path)
	if err := os.Symlink(bashrc, jp); err != nil {
		t.Fatal(err)
	}
	m := openModel(t, path, true)
	m.Update(tea.WindowSizeMsg{Width: 160, Height: 30})
	start(m)
	v := m.View()
	if !strings.Contains(v, "no recovery file") || !strings.Contains(v, ".mixed.toml.sretopo-recover is a symbolic link") {
		t.Errorf("the header does not name the link:\n%s", v)
	}
	if strings.Contains(v, "does not load") {
		t.Errorf("the link was read as a recovery file:\n%s", v)
	}
	press(t, m, "+", "+")
	press(t, m, "q", "d")
	if b, err := os.ReadFile(bashrc); err != nil || string(b) != content {
		t.Errorf("the linked file was written: %q", b)
	}
	if st, err := os.Lstat(jp); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced or removed")
	}
}
