//go:build !windows && !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package dirlock

// try on systems without flock(2) takes no lock: concurrent builds there
// are not kept apart (the write itself is still all or nothing).
func try(dir string) (*Lock, bool, error) { return &Lock{}, false, nil }
