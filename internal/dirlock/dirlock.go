// Package dirlock takes an exclusive lock on a folder for as long as a set
// of documents is written into it, so that two huanjie processes writing
// into one folder take turns instead of interleaving their files. The lock
// belongs to the process: it is released when the process ends, however it
// ends, so a crashed run never leaves the folder locked.
package dirlock

import (
	"context"
	"time"
)

// Lock is a held lock; Release gives it up.
type Lock struct {
	release func() error
}

// Release gives the lock up.
func (l *Lock) Release() error {
	if l == nil || l.release == nil {
		return nil
	}
	r := l.release
	l.release = nil
	return r()
}

// poll is how often a busy lock is tried again.
const poll = 50 * time.Millisecond

// Acquire locks dir (which must exist). When another process holds the
// lock, busy is called once (to tell the user) and Acquire waits until the
// lock is free or ctx is done; then it returns ctx.Err().
func Acquire(ctx context.Context, dir string, busy func()) (*Lock, error) {
	told := false
	for {
		l, held, err := try(dir)
		if err != nil || !held {
			return l, err
		}
		if !told && busy != nil {
			busy()
			told = true
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(poll):
		}
	}
}
