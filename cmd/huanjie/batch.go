package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"huanjie/generator/batch"
	"huanjie/generator/build"
	"huanjie/generator/district"
	"huanjie/internal/report"
)

// batchJSON is the shape of `batch --json` (contract.md).
type batchJSON struct {
	Elections   int           `json:"elections"`
	Built       int           `json:"built"`
	Refused     []refusedJSON `json:"refused"`
	Committee   committeeJSON `json:"committee"`
	Secretaries secretaryJSON `json:"secretaries"`
}

type refusedJSON struct {
	File   string `json:"file"`
	Reason string `json:"reason"`
}

type committeeJSON struct {
	Members        int     `json:"members"`
	Women          int     `json:"women"`
	AverageAge     float64 `json:"average_age"`
	CollegeOrAbove int     `json:"college_or_above"`
}

type secretaryJSON struct {
	Count      int     `json:"count"`
	Women      int     `json:"women"`
	AverageAge float64 `json:"average_age"`
}

func cmdBatch(args []string, stdout, stderr io.Writer) int {
	f := newFlags()
	out := f.String("-o", "")
	format := f.String("--format", "pdf")
	asJSON := f.Bool("--json")
	tdir := f.String("--templates", "")
	fdir := f.String("--fonts", "")
	if err := f.parse(args); err != nil {
		return usageError(stderr, "batch", err)
	}
	files, code := electionFiles("batch", f.args, stderr)
	if code >= 0 {
		return code
	}
	if *out == "" {
		return usageError(stderr, "batch", fmt.Errorf("需要用 -o 指定输出目录（每个党组织的文书写入其中以简称命名的文件夹）"))
	}
	opt := batch.Options{Out: *out, Formats: splitList(*format), TemplatesDir: *tdir, FontsDir: *fdir}
	if batch.IsTerminal(stderr) {
		opt.Progress = stderr
	}
	r, err := batch.Run(files, opt)
	if err != nil {
		var ue *build.UsageError
		if errors.As(err, &ue) {
			return usageError(stderr, "batch", err)
		}
		fmt.Fprintf(stderr, "huanjie batch：%v\n", err)
		return exitData
	}
	if *asJSON {
		report.WriteJSON(stdout, batchSummary(r))
	} else {
		fmt.Fprint(stdout, batchTable(r))
	}
	for _, p := range r.Problems {
		fmt.Fprintf(stderr, "huanjie batch：%s\n", p)
	}
	if r.Refused() > 0 || len(r.Problems) > 0 {
		return exitData
	}
	return exitOK
}

// electionFiles lists the election files under the paths given (folders
// searched recursively); a code >= 0 means a usage error was reported.
func electionFiles(cmd string, paths []string, stderr io.Writer) ([]string, int) {
	if len(paths) == 0 {
		return nil, usageError(stderr, cmd, fmt.Errorf("需要至少一个选举数据文件或文件夹"))
	}
	files, err := batch.Collect(paths)
	if err != nil {
		return nil, usageError(stderr, cmd, err)
	}
	if len(files) == 0 {
		return nil, usageError(stderr, cmd, fmt.Errorf("在 %s 中没有找到 .toml 文件", strings.Join(paths, "、")))
	}
	return files, -1
}

func batchSummary(r *batch.Report) batchJSON {
	s := r.Stats
	j := batchJSON{Elections: len(r.Entries), Built: len(r.Entries) - r.Refused(), Refused: []refusedJSON{},
		Committee:   committeeJSON{Members: s.Committee.Count, Women: s.Committee.Women, AverageAge: s.Committee.AverageAge(), CollegeOrAbove: s.Committee.College},
		Secretaries: secretaryJSON{Count: s.Secretaries.Count, Women: s.Secretaries.Women, AverageAge: s.Secretaries.AverageAge()}}
	for _, en := range r.Entries {
		if !en.Built() {
			j.Refused = append(j.Refused, refusedJSON{File: en.File, Reason: en.Refused})
		}
	}
	return j
}

// batchTable is the closing table: every branch with its status and first
// finding, then the counts and the 汇总 files.
func batchTable(r *batch.Report) string {
	rows := [][]string{{"序号", "党组织", "文书", "选举", "首个问题"}}
	for i, en := range r.Entries {
		status := fmt.Sprintf("已生成%d个", len(en.Written))
		if !en.Built() {
			status = "未生成"
		}
		result := "—"
		if en.E != nil {
			result = district.ResultText(en.E)
		}
		first := en.FirstFinding()
		if first == "" {
			first = "—"
		}
		rows = append(rows, []string{fmt.Sprint(i + 1), en.Name(), status, result, first})
	}
	var b strings.Builder
	writeColumns(&b, rows)
	built := len(r.Entries) - r.Refused()
	fmt.Fprintf(&b, "\n共%d个党组织：已生成文书%d个，未生成%d个；已完成选举%d个。\n", len(r.Entries), built, r.Refused(), r.Stats.Complete)
	for _, p := range r.Summary {
		fmt.Fprintf(&b, "已生成 %s\n", p)
	}
	return b.String()
}
