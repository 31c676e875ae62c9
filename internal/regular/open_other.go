//go:build !unix

package regular

import "os"

// openNonBlocking: outside Unix an open does not wait on a pipe the way a
// FIFO open does, so a plain open suffices.
func openNonBlocking(path string) (*os.File, error) {
	return os.Open(path)
}
