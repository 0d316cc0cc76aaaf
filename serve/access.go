package serve

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	gossh "golang.org/x/crypto/ssh"
)

// KeySet is a set of public keys read from an authorized_keys file, compared by their wire
// form so that a look-up costs one map access whatever the number of keys; each holds the
// key's comment, which names the person who joins with it.
type KeySet map[string]string

// Has reports whether k is in the set.
func (s KeySet) Has(k gossh.PublicKey) bool {
	if k == nil {
		return false
	}
	_, ok := s[string(k.Marshal())]
	return ok
}

// Comment is the comment of k's line ("" when it has none, or k is not in the set).
func (s KeySet) Comment(k gossh.PublicKey) string {
	if k == nil {
		return ""
	}
	return s[string(k.Marshal())]
}

// maxComment is how many characters of a key's comment name a participant.
const maxComment = 40

// cleanComment is a key's comment as a participant's name: no control character (the name
// is drawn on every screen and written to the log), at most maxComment characters.
func cleanComment(c string) string {
	c = strings.TrimSpace(strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == utf8.RuneError {
			return -1
		}
		return r
	}, c))
	if r := []rune(c); len(r) > maxComment {
		c = string(r[:maxComment])
	}
	return c
}

// LoadKeys reads an authorized_keys file: one key a line, comments (#) and blank lines
// skipped, options before the key type accepted and ignored. A line that holds no key is an
// error naming the file and the line, so that a typo does not silently lock a colleague out.
// Only a regular file of at most MaxAuthorizedKeysSize is read.
func LoadKeys(path string) (KeySet, error) {
	data, err := readKeyFile(path, MaxAuthorizedKeysSize)
	if err != nil {
		return nil, err
	}
	set := KeySet{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for line := 1; sc.Scan(); line++ {
		text := bytes.TrimSpace(sc.Bytes())
		if len(text) == 0 || text[0] == '#' {
			continue
		}
		key, comment, _, _, err := gossh.ParseAuthorizedKey(text)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: not a public key (%v)", path, line, err)
		}
		set[string(key.Marshal())] = cleanComment(comment)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return set, nil
}

// ErrNoKeys is returned when the authorized keys admit nobody: a session nobody can join
// would only be a locked door.
var ErrNoKeys = errors.New("no public key to admit")

// DefaultAuthorizedKeys is ~/.ssh/authorized_keys.
func DefaultAuthorizedKeys() string {
	home, err := os.UserHomeDir()
	if err != nil {
		return filepath.Join(".ssh", "authorized_keys")
	}
	return filepath.Join(home, ".ssh", "authorized_keys")
}

// DefaultHostKeyPath is where the session's host key lives: created once, mode 0600, in the
// user's config directory, so that participants see the same host key every meeting.
func DefaultHostKeyPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("no config directory for the host key: %w", err)
	}
	return filepath.Join(dir, "sretopo", "ssh_host_ed25519"), nil
}
