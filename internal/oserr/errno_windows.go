//go:build windows

package oserr

import "syscall"

// Windows error numbers (winerror.h) that reach users when writing files.
var errnoText = map[syscall.Errno]string{
	19:  "磁盘有写保护，不能写入",     // ERROR_WRITE_PROTECT
	32:  "文件正被其他程序打开",      // ERROR_SHARING_VIOLATION
	33:  "文件的一部分被其他程序锁定",   // ERROR_LOCK_VIOLATION
	39:  "磁盘空间已满",          // ERROR_HANDLE_DISK_FULL
	112: "磁盘空间已满",          // ERROR_DISK_FULL
	123: "文件名、目录名或卷标语法不正确", // ERROR_INVALID_NAME
	206: "文件名或路径过长",        // ERROR_FILENAME_EXCED_RANGE
	267: "目录名无效",           // ERROR_DIRECTORY
}
