// Command huanjie produces the paperwork of a Party grassroots
// organisation's re-election (换届选举) from one TOML file.
package main

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
)

const usage = `换届 huanjie —— 党组织换届选举文书生成工具

用法：
  huanjie check 文件.toml [--json]        检查数据和选举是否符合规定，列出所有问题
  huanjie results 文件.toml [--json]      根据 [meeting] 计算选举结果
  huanjie build 文件.toml [选项]          生成全套文书（PDF，可加 DOCX、OFD）
      -o 目录                 输出目录（默认 out）
      --format pdf,docx,ofd   输出格式：pdf、docx、ofd 任意组合（默认 pdf）
      --only 文书,…           只生成这些文书：request notice meeting-notice method agenda
                              script ballot tally report result-request summary
      --copies 份数           选票印制份数（默认应到会人数加一成）
      --draft                 选举无效或未完成时仍生成结果类文书，并加“草稿”字样
      --templates 目录        用该目录中的同名模板替换内置模板
      --fonts 目录            优先使用该目录中的字体
  huanjie sort-names [--convention party|npc]
                                          从标准输入逐行读入姓名，按笔画顺序输出
  huanjie fonts [--fonts 目录]            列出找到的字体及其用途
  huanjie batch 文件或文件夹… -o 目录 [--format pdf,docx,ofd] [--json] [--templates 目录] [--fonts 目录]
                                          检查并生成多个党组织的文书（各写入以简称命名的文件夹），
                                          并生成 汇总.xlsx 和换届选举情况汇总
  huanjie due 文件或文件夹… [--on 日期] [--within 6m] [--json] [--ics 文件]
                                          列出任期已满或即将届满的党组织；--ics 写出日历提醒
  huanjie serve [--addr 主机:端口] [--no-browser]
                                          在浏览器中打开填写、检查、预览和下载文书的页面

示例：
  huanjie check samples/donghua-community.toml
  huanjie results samples/donghua-community.toml
  huanjie build samples/donghua-community.toml -o 文书 --format pdf,docx
  huanjie build samples/donghua-community.toml --only ballot --copies 40
  printf '嵇玉\n刘通\n周陈\n' | huanjie sort-names
  huanjie batch 各支部/ -o 汇总 --format pdf,docx
  huanjie due 各支部/ --within 6m --ics 换届提醒.ics
  huanjie serve

退出码：0 成功；1 数据有错误或不能生成；2 文件无法读取或用法错误。
`

// exit codes (contract.md)
const (
	exitOK    = 0
	exitData  = 1
	exitUsage = 2
)

func main() {
	// A run lasts a fraction of a second and keeps little: collect the
	// garbage a quarter as often (20 % less CPU for 3 MB more memory).
	debug.SetGCPercent(400)
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run is main without the process: testable, and it never panics out.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "huanjie：内部错误（%v）。这是程序的缺陷，不是您的数据的问题；请把数据文件和这条信息反馈给维护者。\n", r)
			code = exitData
		}
	}()
	stdout, stderr = newTerminalSafe(stdout), newTerminalSafe(stderr)
	if len(args) == 0 && doubleClicked() {
		return serveDoubleClicked(stdin, stdout, stderr)
	}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	switch args[0] {
	case "check":
		return cmdCheck(args[1:], stdout, stderr)
	case "results":
		return cmdResults(args[1:], stdout, stderr)
	case "sort-names":
		return cmdSortNames(args[1:], stdin, stdout, stderr)
	case "build":
		return cmdBuild(args[1:], stdout, stderr)
	case "fonts":
		return cmdFonts(args[1:], stdout, stderr)
	case "batch":
		return cmdBatch(args[1:], stdout, stderr)
	case "due":
		return cmdDue(args[1:], stdout, stderr)
	case "serve":
		return cmdServe(args[1:], stdout, stderr)
	}
	fmt.Fprintf(stderr, "huanjie：不认识的命令 %q。\n\n%s", args[0], usage)
	return exitUsage
}

// flags is a tiny parser that accepts flags before or after the file.
type flags struct {
	bools   map[string]*bool
	strings map[string]*string
	args    []string
}

func newFlags() *flags {
	return &flags{bools: map[string]*bool{}, strings: map[string]*string{}}
}

func (f *flags) Bool(name string) *bool {
	b := new(bool)
	f.bools[name] = b
	return b
}

func (f *flags) String(name, def string) *string {
	s := &def
	f.strings[name] = s
	return s
}

// parse fills the flags; it returns a Chinese error for unknown flags.
func (f *flags) parse(args []string) error {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if len(a) < 2 || a[0] != '-' {
			f.args = append(f.args, a)
			continue
		}
		name, val, hasVal := cutEq(a)
		if b, ok := f.bools[name]; ok {
			if hasVal {
				return fmt.Errorf("选项 %s 不带值", name)
			}
			*b = true
			continue
		}
		if s, ok := f.strings[name]; ok {
			if !hasVal {
				if i+1 >= len(args) {
					return fmt.Errorf("选项 %s 后面缺少值", name)
				}
				i++
				val = args[i]
			}
			*s = val
			continue
		}
		return fmt.Errorf("不认识的选项 %s", name)
	}
	return nil
}

func cutEq(a string) (name, val string, ok bool) {
	for i := 0; i < len(a); i++ {
		if a[i] == '=' {
			return a[:i], a[i+1:], true
		}
	}
	return a, "", false
}

func usageError(stderr io.Writer, cmd string, err error) int {
	fmt.Fprintf(stderr, "huanjie %s：%v。\n运行 huanjie --help 查看用法。\n", cmd, err)
	return exitUsage
}

// oneFile parses args expecting exactly one file argument.
func oneFile(cmd string, f *flags, args []string, stderr io.Writer) (string, int) {
	if err := f.parse(args); err != nil {
		return "", usageError(stderr, cmd, err)
	}
	if len(f.args) != 1 {
		return "", usageError(stderr, cmd, fmt.Errorf("需要且只需要一个选举数据文件（.toml），现在给了%d个", len(f.args)))
	}
	return f.args[0], -1
}
