package build

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"

	"huanjie/generator/district"
	"huanjie/generator/doc"
	"huanjie/generator/election"
	"huanjie/generator/markup"
	"huanjie/internal/oserr"
	"huanjie/internal/regular"
	"huanjie/templates"
)

// DistrictView is what the templates of templates/district see: the
// statistics of many elections, not one election's View.
type DistrictView struct {
	Office string        // the higher organisation most elections report to (their superior)
	Date   election.Date // the latest meeting date: "统计截至"
	S      *district.Stats
	Tables []district.Table
	// Unfinished names the elections not complete, with where they stand:
	// "桥头村党支部：到会人数不足，会议无效".
	Unfinished []string
	// The one-line-per-election list of the attachment.
	ListHeader []string
	List       [][]string
	ListWidths string
}

// NewDistrictView gathers the view of the elections (in the order given).
func NewDistrictView(es []*election.Election) *DistrictView {
	s := district.Compute(es)
	v := &DistrictView{S: s, Tables: s.Tables(), Date: election.Date{Year: 2000, Month: 1, Day: 1},
		ListHeader: []string{"党组织", "党员大会日期", "应到", "实到", "参会率", "当选", "书记", "女性", "平均年龄", "选举结果"},
		ListWidths: "10,6.5,2,2,4,2,4,2,3,7.5"}
	superiors := map[string]int{}
	for _, e := range es {
		superiors[e.File.Organization.Superior]++
		if d, ok := e.ElectionDate(); ok && d.HasDay() && v.Date.Before(d) {
			v.Date = d
		}
		if !district.Complete(e) {
			v.Unfinished = append(v.Unfinished, district.Short(e)+"："+district.ResultText(e))
		}
		row := district.RowCells("", e)
		var line []string
		for _, h := range []string{"简称", "党员大会日期", "应到", "实到", "参会率", "当选", "书记", "女性委员", "平均年龄", "选举结果"} {
			line = append(line, row[h].String())
		}
		v.List = append(v.List, line)
	}
	best := 0
	for name, n := range superiors {
		if name != "" && (n > best || n == best && name < v.Office) {
			v.Office, best = name, n
		}
	}
	return v
}

// District renders the 汇总 document(s) of templates/district into
// memory, one file per format in opt.Out, named after the template's
// 文件名 ("换届选举情况汇总.pdf"). A file in opt.TemplatesDir/district
// replaces the embedded template of the same name.
func District(v *DistrictView, opt Options) ([]Output, error) {
	tmpls, err := loadDistrictTemplates(opt.TemplatesDir)
	if err != nil {
		return nil, &Refusal{Msg: err.Error()}
	}
	fset, err := loadFonts(opt, opt.FontsDir)
	if err != nil {
		return nil, err
	}
	var jobs []renderJob
	for _, t := range tmpls {
		text, err := t.Execute(v)
		if err != nil {
			return nil, &Refusal{Msg: err.Error()}
		}
		res, err := markup.Parse(t.File, text)
		if err != nil {
			return nil, &Refusal{Msg: err.Error()}
		}
		d := &doc.Document{Blocks: res.Blocks, Imprint: res.Imprint,
			Meta: doc.Meta{Title: t.FileName, Author: v.Office, Subject: "基层党组织换届选举情况汇总", Keywords: "换届选举", Lang: "zh-CN", Date: v.Date.Time()}}
		jobs = append(jobs, docJobs(t, d, nil, opt.Formats, SafeName(t.FileName), "")...)
	}
	renderAll(jobs, fset)
	if err := renderError(jobs); err != nil {
		return nil, err
	}
	return outputs(jobs, opt.Out), nil
}

func loadDistrictTemplates(dir string) ([]*Template, error) {
	entries, _ := fs.ReadDir(templates.District, "district")
	var out []*Template
	for _, e := range entries {
		b, _ := fs.ReadFile(templates.District, "district/"+e.Name())
		if dir != "" {
			own, err := regular.ReadFile(filepath.Join(dir, "district", e.Name()), maxTemplateSize)
			switch {
			case err == nil:
				b = own
			case !errors.Is(err, fs.ErrNotExist):
				return nil, fmt.Errorf("无法读取模板 district/%s：%s", e.Name(), oserr.Describe(err))
			}
		}
		t, err := parseTemplate(e.Name(), b)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Order < out[j].Order })
	return out, nil
}

// The helpers of the district templates (added to the one function map;
// percentages and figures are written by pct, ratio and one, as in every
// document).
func init() {
	funcs["share"] = election.ShareText
	funcs["against"] = func(delta float64, unit string) string { return election.Change(delta, unit, "比换届前") }
	funcs["gap"] = district.Gap
	// widths gives a statistics table's column widths in characters: the
	// first column fits its longest label, the others their longest cell.
	funcs["widths"] = func(t district.Table) string {
		w := make([]float64, len(t.Header))
		em := func(s string) float64 { return textMM(s, 72/25.4) } // width in characters
		for i, h := range t.Header {
			w[i] = em(h)
		}
		for _, r := range t.Rows {
			for i, c := range r {
				w[i] = max(w[i], em(c.String()))
			}
		}
		parts := make([]string, len(w))
		for i, x := range w {
			parts[i] = fmt.Sprintf("%.1f", x+1)
		}
		return strings.Join(parts, ",")
	}
}
