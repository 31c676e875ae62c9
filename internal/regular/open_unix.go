//go:build unix

package regular

import (
	"os"
	"syscall"
)

// openNonBlocking opens with O_NONBLOCK: opening a FIFO for reading would
// otherwise wait for a writer. Reads from a regular file ignore the flag.
func openNonBlocking(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
