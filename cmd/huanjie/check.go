package main

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"huanjie/generator/election"
	"huanjie/generator/strokes"
	"huanjie/internal/oserr"
	"huanjie/internal/report"
)

// load reads the file, printing an unreadable-file message (exit 2).
func load(cmd, path string, asJSON bool, stdout, stderr io.Writer) (*election.Election, int) {
	e, err := election.Load(path)
	if err != nil {
		msg := err.Error()
		if asJSON {
			report.WriteJSON(stdout, report.Unreadable(msg))
		}
		fmt.Fprintf(stderr, "huanjie %s：无法读取选举数据文件 %s\n", cmd, msg)
		return nil, exitUsage
	}
	return e, -1
}

func cmdCheck(args []string, stdout, stderr io.Writer) int {
	f := newFlags()
	asJSON := f.Bool("--json")
	path, code := oneFile("check", f, args, stderr)
	if code >= 0 {
		return code
	}
	e, code := load("check", path, *asJSON, stdout, stderr)
	if code >= 0 {
		return code
	}
	answer := report.Check(e)
	ok := answer.OK
	if *asJSON {
		report.WriteJSON(stdout, answer)
	} else {
		fmt.Fprint(stdout, checkReport(e))
	}
	if !ok {
		return exitData
	}
	return exitOK
}

// checkReport is the human-readable Chinese report of check.
func checkReport(e *election.Election) string {
	var b strings.Builder
	f := &e.File
	name := f.Organization.Name
	if name == "" {
		name = e.Path
	}
	fmt.Fprintf(&b, "检查 %s（%s）\n\n", e.Path, name)
	errs := len(e.Findings.Errors())
	warns := len(e.Findings) - errs
	// What holds: only meaningful when the file could be read.
	if facts := report.Facts(e); facts != nil {
		b.WriteString("基本情况：\n")
		for _, l := range facts {
			b.WriteString("  " + l + "\n")
		}
		b.WriteString("\n")
	}
	if len(e.Findings) == 0 {
		b.WriteString("未发现问题，可以生成文书。\n")
		return b.String()
	}
	for _, x := range e.Findings {
		b.WriteString(x.Format(e.Path))
		b.WriteByte('\n')
	}
	fmt.Fprintf(&b, "\n共 %d 个错误、%d 个提醒。", errs, warns)
	if e.Findings.Errors().Only("paperwork") {
		b.WriteString("这类选举本程序不生成文书；以上检查和 huanjie results 算出的结果仍可使用。\n")
	} else if errs > 0 {
		b.WriteString("请按提示修改数据文件后重新检查；有错误时不能生成报送结果的文书。\n")
	} else {
		b.WriteString("提醒不影响生成文书，但请逐条核实。\n")
	}
	return b.String()
}

func yesNo(b bool, yes, no string) string {
	if b {
		return yes
	}
	return no
}

func cmdSortNames(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	f := newFlags()
	conv := f.String("--convention", "party")
	if err := f.parse(args); err != nil {
		return usageError(stderr, "sort-names", err)
	}
	if len(f.args) > 0 {
		return usageError(stderr, "sort-names", fmt.Errorf("sort-names 从标准输入读姓名，不带文件参数"))
	}
	c, err := strokes.ParseConvention(*conv)
	if err != nil {
		return usageError(stderr, "sort-names", err)
	}
	var names []string
	sc := bufio.NewScanner(stdin)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for sc.Scan() {
		line := strings.TrimSpace(strings.TrimPrefix(sc.Text(), "\ufeff"))
		if line != "" {
			names = append(names, line)
		}
	}
	if err := sc.Err(); err != nil {
		fmt.Fprintf(stderr, "huanjie sort-names：读取标准输入出错（%s）；每行一个姓名，每行不超过1 MB\n", oserr.Describe(err))
		return exitUsage
	}
	strokes.Sort(names, c)
	w := bufio.NewWriter(stdout)
	for _, n := range names {
		w.WriteString(n)
		w.WriteByte('\n')
	}
	w.Flush()
	seen := map[rune]bool{}
	for _, n := range names {
		for _, r := range strokes.Unknown(n) {
			if !seen[r] {
				seen[r] = true
				fmt.Fprintf(stderr, "提醒：“%s”中的字“%c”（U+%04X）不在笔画数据中，排序位置可能不准确，请人工核对。\n", n, r, r)
			}
		}
	}
	return exitOK
}
