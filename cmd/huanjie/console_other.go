//go:build !windows

package main

// doubleClicked is for Windows only: elsewhere huanjie with no arguments
// prints its usage.
func doubleClicked() bool { return false }
