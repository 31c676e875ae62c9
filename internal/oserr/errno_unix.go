//go:build unix

package oserr

import "syscall"

var errnoText = map[syscall.Errno]string{
	syscall.EROFS:        "只读的磁盘或文件系统，不能写入",
	syscall.ENOSPC:       "磁盘空间已满",
	syscall.EDQUOT:       "超出了磁盘配额",
	syscall.ENAMETOOLONG: "文件名或路径过长",
	syscall.ENOTDIR:      "路径中有一部分不是目录",
	syscall.EISDIR:       "这是一个目录",
	syscall.ENOTEMPTY:    "目录不是空的",
	syscall.EMFILE:       "同时打开的文件过多",
	syscall.ENFILE:       "同时打开的文件过多",
	syscall.EIO:          "磁盘读写出错",
	syscall.EXDEV:        "不能跨磁盘移动文件",
	syscall.EBUSY:        "正被占用",
	syscall.ETXTBSY:      "正被占用",
	syscall.ELOOP:        "符号链接循环",
	syscall.EINVAL:       "文件名或参数无效",
	syscall.EAGAIN:       "暂时不可用",
	syscall.EINTR:        "被中断",
}
