//go:build !unix && !windows

package oserr

import "syscall"

var errnoText = map[syscall.Errno]string{}
