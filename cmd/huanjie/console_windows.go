package main

import (
	"syscall"
	"unsafe"
)

// doubleClicked reports whether huanjie.exe was started from Explorer: the
// console it runs in was made for it alone (a command prompt would share
// its console with the shell).
func doubleClicked() bool {
	proc := syscall.NewLazyDLL("kernel32.dll").NewProc("GetConsoleProcessList")
	if proc.Find() != nil {
		return false
	}
	var ids [2]uint32
	n, _, _ := proc.Call(uintptr(unsafe.Pointer(&ids[0])), uintptr(len(ids)))
	return n == 1
}
