package oserr

import (
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"unicode"

	"huanjie/internal/regular"
)

func TestDescribeIsChinese(t *testing.T) {
	dir := t.TempDir()
	_, notExist := os.Open(filepath.Join(dir, "none"))
	_, notRegular := regular.ReadFile(dir, 10)
	readOnly := &os.PathError{Op: "open", Path: "/x", Err: syscall.EROFS}
	full := &os.PathError{Op: "write", Path: "/x", Err: syscall.ENOSPC}
	for _, err := range []error{notExist, notRegular, fmt.Errorf("wrapped: %w", notExist), os.ErrPermission, fmt.Errorf("plain English"), readOnly, full} {
		got := Describe(err)
		if got == "" {
			t.Errorf("%v: empty", err)
		}
		for _, r := range got {
			if unicode.Is(unicode.Latin, r) {
				t.Errorf("%v: %q has Latin letters", err, got)
				break
			}
		}
	}
}
