//go:build unix

package oserr

import (
	"os"
	"syscall"
	"testing"
)

func TestDescribeReadOnly(t *testing.T) {
	if got := Describe(&os.PathError{Op: "open", Path: "/x", Err: syscall.EROFS}); got != "只读的磁盘或文件系统，不能写入" {
		t.Errorf("EROFS: %q", got)
	}
}
