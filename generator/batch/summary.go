package batch

import (
	"bytes"
	"path/filepath"
	"strconv"

	"huanjie/generator/build"
	"huanjie/generator/district"
	"huanjie/generator/election"
	"huanjie/generator/xlsx"
)

// WorkbookName is the 汇总 table's file name in the output directory
// (contract.md).
const WorkbookName = "汇总.xlsx"

// entryHeader follows district.ElectionHeader in the first sheet.
var entryHeader = []string{"文书", "输出文件夹", "错误", "提醒", "首个问题"}

// writeSummary writes 汇总.xlsx and the 汇总 document of v, the view of
// r's elections, into opt.Out; what fails is reported in r.Problems (the
// elections' own folders are already written).
func writeSummary(r *Report, v *build.DistrictView, opt Options) {
	var buf bytes.Buffer
	if err := xlsx.Write(&buf, workbook(r, v)); err != nil {
		r.Problems = append(r.Problems, "无法生成"+WorkbookName+"："+err.Error())
		return
	}
	outs := []build.Output{{Name: "xlsx", Path: filepath.Join(opt.Out, WorkbookName), Data: buf.Bytes()}}
	if v.S.Elections > 0 {
		docs, err := build.District(v, build.Options{Out: opt.Out, Formats: opt.Formats, TemplatesDir: opt.TemplatesDir, FontsDir: opt.FontsDir, NoSystemFonts: opt.NoSystemFonts})
		if err != nil {
			r.Problems = append(r.Problems, "无法生成换届选举情况汇总："+err.Error())
		}
		outs = append(outs, docs...)
	}
	if err := build.Write(outs); err != nil {
		r.Problems = append(r.Problems, err.Error())
		return
	}
	for _, o := range outs {
		r.Summary = append(r.Summary, o.Path)
	}
}

func workbook(r *Report, v *build.DistrictView) xlsx.Book {
	main := xlsx.Sheet{Name: "各党组织", Header: append(append([]string{}, district.ElectionHeader...), entryHeader...)}
	problems := xlsx.Sheet{Name: "问题", Header: []string{"文件", "党组织", "行", "列", "级别", "代码", "说明"}}
	for _, en := range r.Entries {
		var row []district.Cell
		if en.E != nil {
			row = district.Row(en.File, en.E)
		} else {
			row = make([]district.Cell, len(district.ElectionHeader))
			row[0], row[len(row)-1] = district.Label(en.Name()), district.Label(en.File)
		}
		status := "已生成" + strconv.Itoa(len(en.Written)) + "个文件"
		if !en.Built() {
			status = "未生成"
		}
		errs := len(en.Findings.Errors())
		warns := len(en.Findings) - errs
		for _, f := range en.Findings {
			problems.Rows = append(problems.Rows, problemRow(en, f))
		}
		if !en.Built() && en.E != nil && len(en.E.Findings.DataErrors()) == 0 {
			problems.Rows = append(problems.Rows, problemRow(en, election.Finding{Level: election.LevelError, Code: "refused", Message: "未生成文书：" + en.Refused}))
		}
		main.Rows = append(main.Rows, append(row, district.Label(status), district.Label(en.Folder), district.Int(errs), district.Int(warns), district.Label(en.FirstFinding())))
	}
	built := len(r.Entries) - r.Refused()
	main.Total = append(r.Stats.TotalsRow(r.Elections()), district.Label("已生成"+strconv.Itoa(built)+"个"), district.Label(""), district.Label(""), district.Label(""), district.Label(""))
	main.Notes = []string{"统计截至" + v.Date.Chinese() + "。合计行：人数为各党组织之和，参会率、差额比例为总人数之比，平均年龄为全部当选委员的平均年龄。"}
	book := xlsx.Book{Title: "基层党组织换届选举情况汇总", Author: v.Office, Date: v.Date.Time(), Sheets: []xlsx.Sheet{main}}
	for _, t := range v.Tables {
		sh := xlsx.Sheet{Name: t.Title, Header: t.Header, Rows: t.Rows}
		if t.Note != "" {
			sh.Notes = []string{"注：" + t.Note}
		}
		book.Sheets = append(book.Sheets, sh)
	}
	book.Sheets = append(book.Sheets, problems)
	return book
}

func problemRow(en *Entry, f election.Finding) []district.Cell {
	level := f.Label()
	num := func(n int) district.Cell {
		if n == 0 {
			return district.Label("")
		}
		return district.Int(n)
	}
	return []district.Cell{district.Label(en.File), district.Label(en.Name()), num(f.Line), num(f.Column), district.Label(level), district.Label(f.Code), district.Label(f.Message)}
}
