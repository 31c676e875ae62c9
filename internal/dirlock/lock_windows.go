//go:build windows

package dirlock

import (
	"path/filepath"
	"syscall"
)

const (
	errorSharingViolation = syscall.Errno(32)
	fileFlagDeleteOnClose = 0x04000000
)

// try opens DIR\.huanjie.lock with no sharing: a second open fails with a
// sharing violation while the first is open, Windows closes the handle
// when the process ends, and the file goes away with its last handle.
func try(dir string) (l *Lock, held bool, err error) {
	name, err := syscall.UTF16PtrFromString(filepath.Join(dir, ".huanjie.lock"))
	if err != nil {
		return nil, false, err
	}
	h, err := syscall.CreateFile(name, syscall.GENERIC_READ|syscall.GENERIC_WRITE, 0, nil,
		syscall.OPEN_ALWAYS, syscall.FILE_ATTRIBUTE_HIDDEN|fileFlagDeleteOnClose, 0)
	if err != nil {
		if err == errorSharingViolation {
			return nil, true, nil
		}
		return nil, false, err
	}
	return &Lock{release: func() error { return syscall.CloseHandle(h) }}, false, nil
}
