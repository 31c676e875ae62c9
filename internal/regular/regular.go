// Package regular opens only regular files. A FIFO, a device or a directory
// named where a file is expected (an election file, a template, a font) is
// refused at once, instead of blocking the process on the open or reading
// without end from /dev/zero.
package regular

import (
	"errors"
	"fmt"
	"io"
	"os"
)

// ErrNotRegular is returned for a path that is not a regular file after
// symbolic links are followed (a FIFO, a socket, a device, a directory).
var ErrNotRegular = errors.New("not a regular file")

// TooLargeError is returned by ReadFile for a file over its limit.
type TooLargeError struct {
	Size  int64 // the size seen (at least Limit+1)
	Limit int64
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("file of %d bytes over the limit of %d", e.Size, e.Limit)
}

// Open opens path for reading if it is a regular file. The open itself
// never blocks on a FIFO (see openNonBlocking), and the check is made on
// the opened file, so the path cannot be swapped between check and read.
func Open(path string) (*os.File, os.FileInfo, error) {
	f, err := openNonBlocking(path)
	if err != nil {
		return nil, nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	if !st.Mode().IsRegular() {
		f.Close()
		return nil, nil, ErrNotRegular
	}
	return f, st, nil
}

// ReadFile reads the regular file at path, refusing it with a
// *TooLargeError when it holds more than limit bytes (also when it grows
// while being read).
func ReadFile(path string, limit int64) ([]byte, error) {
	f, st, err := Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st.Size() > limit {
		return nil, &TooLargeError{Size: st.Size(), Limit: limit}
	}
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, &TooLargeError{Size: int64(len(b)), Limit: limit}
	}
	return b, nil
}
