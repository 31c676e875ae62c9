package main

import (
	"fmt"
	"io"
)

func cmdBuild(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "huanjie build：文书生成功能尚在开发中。")
	return exitUsage
}

func cmdFonts(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "huanjie fonts：尚在开发中。")
	return exitUsage
}
