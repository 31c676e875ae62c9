package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"

	"huanjie/generator/build"
	"huanjie/generator/election"
	"huanjie/generator/fontset"
)

func cmdBuild(args []string, stdout, stderr io.Writer) int {
	f := newFlags()
	out := f.String("-o", "out")
	format := f.String("--format", "pdf")
	only := f.String("--only", "")
	draft := f.Bool("--draft")
	tdir := f.String("--templates", "")
	fdir := f.String("--fonts", "")
	copiesArg := f.String("--copies", "")
	path, code := oneFile("build", f, args, stderr)
	if code >= 0 {
		return code
	}
	if strings.TrimSpace(*out) == "" {
		return usageError(stderr, "build", fmt.Errorf("-o 后面应是输出目录，不能为空"))
	}
	copies := 0
	if *copiesArg != "" {
		n, err := strconv.Atoi(strings.TrimSpace(*copiesArg))
		if err != nil || n < 1 || n > election.MaxCopies {
			return usageError(stderr, "build", fmt.Errorf("--copies 应是1到%d的整数（每种选票印制的份数），现为 %q", election.MaxCopies, *copiesArg))
		}
		copies = n
	}
	e, code := load("build", path, false, stdout, stderr)
	if code >= 0 {
		return code
	}
	opt := build.Options{Out: *out, Formats: splitList(*format), Only: splitList(*only), Draft: *draft, TemplatesDir: *tdir, FontsDir: *fdir, Copies: copies}
	outs, err := build.Plan(e, opt, stdout)
	if err != nil {
		var ue *build.UsageError
		if errors.As(err, &ue) {
			return usageError(stderr, "build", err)
		}
		fmt.Fprintf(stderr, "huanjie build：%v\n", err)
		return exitData
	}
	// Ctrl-C or a termination request while the set is being written rolls
	// it back: the folder keeps the set that was there before.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err = build.WriteContext(ctx, outs, stderr)
	stop()
	if err != nil {
		fmt.Fprintf(stderr, "huanjie build：%v\n", err)
		return exitData
	}
	for _, o := range outs {
		fmt.Fprintf(stdout, "已生成 %s\n", o.Path)
	}
	if len(outs) == 0 {
		fmt.Fprintln(stdout, "没有可生成的文书。")
	}
	return exitOK
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '，' || r == ' ' }) {
		out = append(out, strings.TrimSpace(p))
	}
	return out
}

func cmdFonts(args []string, stdout, stderr io.Writer) int {
	f := newFlags()
	dir := f.String("--fonts", "")
	if err := f.parse(args); err != nil {
		return usageError(stderr, "fonts", err)
	}
	if len(f.args) > 0 {
		return usageError(stderr, "fonts", fmt.Errorf("fonts 不带文件参数；用 --fonts 目录 指定字体所在目录"))
	}
	set, err := fontset.Load(fontset.Options{Dir: *dir})
	if err != nil {
		fmt.Fprintf(stderr, "huanjie fonts：%v\n", err)
		return exitUsage
	}
	fmt.Fprint(stdout, fontset.FormatReport(set.Report()))
	return exitOK
}
