// Package oserr describes an operating-system error in Chinese, so that no
// message a user reads carries the system's English text ("read-only file
// system", "no space left on device").
package oserr

import (
	"errors"
	"io/fs"
	"strconv"
	"syscall"

	"huanjie/internal/regular"
)

// Describe says in a few Chinese words what went wrong. Errors it does not
// know become "系统错误" with the system's error number, never English.
func Describe(err error) string {
	var tl *regular.TooLargeError
	switch {
	case err == nil:
		return ""
	case errors.As(err, &tl):
		return "文件过大"
	case errors.Is(err, regular.ErrNotRegular):
		return "不是普通文件（可能是目录、管道或设备）"
	case errors.Is(err, fs.ErrNotExist):
		return "不存在"
	case errors.Is(err, fs.ErrPermission):
		return "没有权限"
	case errors.Is(err, fs.ErrExist):
		return "已存在"
	}
	var errno syscall.Errno
	if errors.As(err, &errno) {
		if s, ok := errnoText[errno]; ok {
			return s
		}
		return "系统错误（错误号 " + strconv.Itoa(int(errno)) + "）"
	}
	return "系统错误"
}
