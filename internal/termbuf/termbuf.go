// Package termbuf holds what a terminal received, for tests that watch a screen over SSH
// while the session goes on writing to it from another goroutine.
package termbuf

import (
	"bytes"
	"sync"
)

// Buffer is an io.Writer safe for one writer and any number of readers at once.
type Buffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

// Write appends p to what was received.
func (b *Buffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

// String is everything received so far.
func (b *Buffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
