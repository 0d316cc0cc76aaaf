package serve

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	gossh "golang.org/x/crypto/ssh"

	"github.com/sretopo/sretopo/orgs"
)

// Key files follow the rules of every file sretopo reads: a regular file only (a FIFO as
// --authorized-keys hung serve at start-up, /dev/zero grew it to 1.4 GB), within a size
// limit, every error naming the file. And what makes a key file unsafe is said: a host key
// others can read, an authorized_keys file others can write, a key file that is a link
// (a host key linked to the user's own private key was used without a word).

// Size limits of key files: thousands of authorized keys, one private key.
const (
	MaxAuthorizedKeysSize = 1 << 20
	maxHostKeySize        = 64 << 10
)

// readKeyFile reads a key file whole: a regular file of at most limit bytes.
func readKeyFile(path string, limit int64) ([]byte, error) {
	f, err := orgs.OpenRegular(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s: larger than %d KiB, which no key file is; refused", path, limit>>10)
	}
	return data, nil
}

// keyFileWarnings says what makes a key file unsafe: for the host key (secret), a mode
// that lets others read it; for an authorized_keys file (who may join), one that lets
// others write it; for both, a link, with what it points to.
func keyFileWarnings(path string, secret bool) []string {
	var out []string
	if lst, err := os.Lstat(path); err == nil && lst.Mode()&fs.ModeSymlink != 0 {
		target, _ := filepath.EvalSymlinks(path)
		w := fmt.Sprintf("%s is a link to %s", path, target)
		if secret && underSSHDir(target) {
			w += ": that looks like your own SSH key; a session should have a host key of its own"
		}
		out = append(out, w)
	}
	st, err := os.Stat(path)
	if err != nil {
		return out
	}
	switch mode := st.Mode().Perm(); {
	case secret && mode&0o077 != 0:
		out = append(out, fmt.Sprintf("host key %s can be read by others (mode %04o): whoever reads it can pose as this session; chmod 600 %s", path, mode, path))
	case !secret && mode&0o022 != 0:
		out = append(out, fmt.Sprintf("%s can be written by others (mode %04o): whoever writes it can let themselves in; chmod go-w %s", path, mode, path))
	}
	return out
}

// underSSHDir reports whether path lies in the user's ~/.ssh.
func underSSHDir(path string) bool {
	home, err := os.UserHomeDir()
	if err != nil || path == "" {
		return false
	}
	return strings.HasPrefix(path, filepath.Join(home, ".ssh")+string(filepath.Separator))
}

// ensureHostKey creates the host key once, 0600 in a 0700 directory, and never replaces one.
func ensureHostKey(path string) error {
	if _, err := os.Stat(path); err == nil {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("host key: %w", err)
	}
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return fmt.Errorf("host key: %w", err)
	}
	block, err := gossh.MarshalPrivateKey(priv, "sretopo session host key")
	if err != nil {
		return fmt.Errorf("host key: %w", err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("host key: %w", err)
	}
	if _, err := f.Write(pem.EncodeToMemory(block)); err != nil {
		f.Close()
		os.Remove(path)
		return fmt.Errorf("host key %s: %w", path, err)
	}
	return f.Close()
}

// loadHostKey reads the session's host key, which ensureHostKey made or found.
func loadHostKey(path string) (gossh.Signer, error) {
	data, err := readKeyFile(path, maxHostKeySize)
	if err != nil {
		return nil, fmt.Errorf("host key %w", err)
	}
	signer, err := gossh.ParsePrivateKey(data)
	if err != nil {
		return nil, fmt.Errorf("host key %s: not a private key without passphrase (%v); move it away and a new one is made", path, err)
	}
	return signer, nil
}
