package dirlock

import (
	"context"
	"errors"
	"testing"
	"time"
)

// Two lockers of one folder take turns: the second waits (and is told the
// folder is busy) until the first releases.
func TestTakeTurns(t *testing.T) {
	dir := t.TempDir()
	a, err := Acquire(context.Background(), dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := make(chan *Lock)
	busy := make(chan bool, 1)
	go func() {
		b, err := Acquire(context.Background(), dir, func() { busy <- true })
		if err != nil {
			t.Error(err)
		}
		got <- b
	}()
	select {
	case <-busy:
	case <-time.After(5 * time.Second):
		t.Fatal("second locker was not told the folder is busy")
	}
	select {
	case <-got:
		t.Fatal("second locker got the lock while the first held it")
	case <-time.After(200 * time.Millisecond):
	}
	a.Release()
	select {
	case b := <-got:
		b.Release()
	case <-time.After(5 * time.Second):
		t.Fatal("second locker did not get the lock after release")
	}
}

func TestCancelWhileWaiting(t *testing.T) {
	dir := t.TempDir()
	a, err := Acquire(context.Background(), dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Release()
	ctx, cancel := context.WithTimeout(context.Background(), 150*time.Millisecond)
	defer cancel()
	if _, err := Acquire(ctx, dir, nil); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("got %v, want the context's error", err)
	}
}
