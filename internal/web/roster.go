package web

import (
	"bytes"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"unicode"

	"github.com/xuri/excelize/v2"
)

// The 党员花名册: the secretary's list of members in Excel. The page reads
// it to count the members and 预备党员, to list those not counted as
// expected at the meeting, and to fill the candidates' details.

// A column of the roster: the field it fills and the headings it goes by.
type column struct {
	Field  string
	Titles []string
}

var rosterColumns = []column{
	{"name", []string{"姓名"}},
	{"gender", []string{"性别"}},
	{"birth", []string{"出生年月", "出生日期", "出生年月日"}},
	{"ethnicity", []string{"民族"}},
	{"education", []string{"学历", "文化程度", "最高学历", "全日制学历"}},
	{"party_since", []string{"入党时间", "入党日期", "入党年月"}},
	{"category", []string{"党员类别", "党员类型", "人员类别"}},
	{"post", []string{"职务", "现任职务", "工作单位及职务", "单位及职务"}},
	{"candidate", []string{"候选人预备人选", "候选人", "拟任"}},
	{"excluded", []string{"不计入应到会人数的原因", "不计入应到会人数原因", "不计入原因"}},
}

// A Member is one row of the roster.
type Member struct {
	Row        int    `json:"row"`
	Name       string `json:"name"`
	Gender     string `json:"gender,omitempty"`
	Birth      string `json:"birth,omitempty"`
	Ethnicity  string `json:"ethnicity,omitempty"`
	Education  string `json:"education,omitempty"`
	PartySince string `json:"party_since,omitempty"`
	Category   string `json:"category"`
	Post       string `json:"post,omitempty"`
	Candidate  bool   `json:"candidate"`
	Proposed   string `json:"proposed,omitempty"` // 书记 or 副书记
	Excluded   string `json:"excluded,omitempty"` // why not counted as expected at the meeting
}

// A Roster is what the page learns from the file.
type Roster struct {
	Sheet        string   `json:"sheet"`
	Members      []Member `json:"members"`
	Total        int      `json:"total"`
	Probationary int      `json:"probationary"`
	Errors       []string `json:"errors"`
}

// ReadRoster reads a roster. Every row that cannot be read is reported by
// its row number, in the words a secretary uses.
func ReadRoster(data []byte) Roster {
	var r Roster
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: 64 << 20, UnzipXMLSizeLimit: 16 << 20})
	if err != nil {
		r.Errors = []string{"无法读取这个文件：请选择 Excel 的 .xlsx 文件（旧的 .xls 文件请先在 Excel 或 WPS 中“另存为” .xlsx）。"}
		return r
	}
	defer f.Close()
	for _, sheet := range f.GetSheetList() {
		shown, err1 := f.GetRows(sheet)
		raw, err2 := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err1 != nil || err2 != nil {
			continue
		}
		if h, cols := findHeader(shown); h >= 0 {
			r.Sheet = sheet
			r.read(shown, raw, h, cols)
			return r
		}
	}
	r.Errors = []string{"没有找到花名册的表头：表中应有一行列名，至少包括“姓名”“党员类别”，最好还有“性别”“出生年月”“民族”“学历”“入党时间”“职务”。可下载花名册模板对照。"}
	return r
}

// heading normalises a heading cell: no spaces, line breaks or marks.
func heading(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '*' || r == '＊' || r == '：' || r == ':' {
			return -1
		}
		return r
	}, s)
}

// findHeader finds the heading row among the first rows: the one naming 姓名
// and at least two other columns. It returns the row's index and the
// column index of each field.
func findHeader(rows [][]string) (int, map[string]int) {
	for i := 0; i < len(rows) && i < 30; i++ {
		cols := map[string]int{}
		for j, cell := range rows[i] {
			h := heading(cell)
			for _, c := range rosterColumns {
				for _, t := range c.Titles {
					if _, seen := cols[c.Field]; h == t && !seen {
						cols[c.Field] = j
					}
				}
			}
		}
		if _, ok := cols["name"]; ok && len(cols) >= 3 {
			return i, cols
		}
	}
	return -1, nil
}

func (r *Roster) read(shown, raw [][]string, header int, cols map[string]int) {
	cell := func(rows [][]string, i int, field string) string {
		j, ok := cols[field]
		if !ok || i >= len(rows) || j >= len(rows[i]) {
			return ""
		}
		return strings.TrimSpace(rows[i][j])
	}
	if _, ok := cols["category"]; !ok {
		r.Errors = append(r.Errors, fmt.Sprintf("第%d行的表头中没有“党员类别”列：无法统计预备党员人数。请增加这一列，每人填写“正式党员”或“预备党员”。", header+1))
	}
	seen := map[string]int{}
	for i := header + 1; i < len(shown); i++ {
		row := i + 1
		empty := true
		for _, c := range shown[i] {
			if strings.TrimSpace(c) != "" {
				empty = false
			}
		}
		if empty {
			continue
		}
		m := Member{Row: row, Name: strings.Join(strings.Fields(cell(shown, i, "name")), "")}
		bad := func(format string, a ...any) {
			r.Errors = append(r.Errors, fmt.Sprintf("第%d行：", row)+fmt.Sprintf(format, a...))
		}
		if m.Name == "" {
			bad("缺少姓名")
			continue
		}
		if j, dup := seen[m.Name]; dup {
			bad("姓名“%s”与第%d行重复；同名的请加以区分，如“王芳（大）”", m.Name, j)
		}
		seen[m.Name] = row
		m.Gender = cell(shown, i, "gender")
		if m.Gender != "" && m.Gender != "男" && m.Gender != "女" {
			bad("性别“%s”应为 男 或 女", m.Gender)
		}
		m.Ethnicity = cell(shown, i, "ethnicity")
		m.Education = cell(shown, i, "education")
		m.Post = cell(shown, i, "post")
		m.Excluded = cell(shown, i, "excluded")
		for _, d := range []struct {
			field, title string
			out          *string
		}{{"birth", "出生年月", &m.Birth}, {"party_since", "入党时间", &m.PartySince}} {
			s := cell(shown, i, d.field)
			if s == "" {
				continue
			}
			ym, ok := yearMonth(s, cell(raw, i, d.field))
			if !ok {
				bad("%s“%s”无法识别，应写成 1975-03 或 1975年3月", d.title, s)
			}
			*d.out = ym
		}
		if _, has := cols["category"]; has {
			m.Category = cell(shown, i, "category")
			switch m.Category {
			case "正式党员":
			case "预备党员":
				r.Probationary++
			case "":
				bad("缺少党员类别，应为 正式党员 或 预备党员")
			default:
				bad("党员类别“%s”应为 正式党员 或 预备党员", m.Category)
			}
		}
		switch c := cell(shown, i, "candidate"); c {
		case "", "否", "不是":
		case "是", "委员", "√", "✓", "✔":
			m.Candidate = true
		case "书记", "副书记":
			m.Candidate, m.Proposed = true, c
		default:
			bad("候选人预备人选“%s”应为 是、书记、副书记，或不填", c)
		}
		r.Members = append(r.Members, m)
	}
	r.Total = len(r.Members)
	if r.Total == 0 && len(r.Errors) == 0 {
		r.Errors = append(r.Errors, fmt.Sprintf("第%d行表头以下没有党员。", header+1))
	}
}

// yearMonth reads a year and month as shown in the sheet, or from the
// cell's raw value when Excel stored a date as a serial number.
func yearMonth(shown, raw string) (string, bool) {
	if d, ok := parseDate(shown); ok {
		return strings.Trim(d, `"`)[:7], true
	}
	if n, err := strconv.ParseFloat(raw, 64); err == nil && n > 1 && n < 80000 {
		if t, err := excelize.ExcelDateToTime(n, false); err == nil {
			return t.Format("2006-01"), true
		}
	}
	if len(shown) == 6 { // 197503
		if y, err := strconv.Atoi(shown[:4]); err == nil && y > 1900 {
			if m, err := strconv.Atoi(shown[4:]); err == nil && m >= 1 && m <= 12 {
				return fmt.Sprintf("%04d-%02d", y, m), true
			}
		}
	}
	return "", false
}

// POST /api/roster: a roster (.xlsx) → its members and what is wrong in it.
func (s *server) roster(w http.ResponseWriter, r *http.Request) {
	data, ok := body(w, r)
	if !ok {
		return
	}
	ro := ReadRoster(data)
	if ro.Members == nil {
		ro.Members = []Member{}
	}
	if ro.Errors == nil {
		ro.Errors = []string{}
	}
	writeJSON(w, http.StatusOK, ro)
}

// GET /api/roster-template: a blank roster to fill in.
func (s *server) rosterTemplate(w http.ResponseWriter, r *http.Request) {
	b, err := RosterTemplate()
	if err != nil {
		fail(w, http.StatusInternalServerError, "生成花名册模板时出错。")
		return
	}
	attachment(w, "attachment", "党员花名册（模板）.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Write(b)
}

// templateHeadings are the roster template's columns.
var templateHeadings = []string{"序号", "姓名", "性别", "出生年月", "民族", "学历", "入党时间", "党员类别", "职务", "候选人预备人选", "不计入应到会人数的原因"}

// RosterTemplate is a blank 党员花名册: a title row, the headings the page
// reads, drop-down lists where there are choices, and a sheet of
// instructions.
func RosterTemplate() ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	const sh = "党员花名册"
	if err := f.SetSheetName("Sheet1", sh); err != nil {
		return nil, err
	}
	last, _ := excelize.ColumnNumberToName(len(templateHeadings))
	f.SetCellValue(sh, "A1", "××党支部党员花名册")
	f.MergeCell(sh, "A1", last+"1")
	title, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 16}, Alignment: &excelize.Alignment{Horizontal: "center"}})
	f.SetCellStyle(sh, "A1", "A1", title)
	f.SetSheetRow(sh, "A2", &templateHeadings)
	head, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"#F2F2F2"}},
		Alignment: &excelize.Alignment{Horizontal: "center", WrapText: true}})
	f.SetCellStyle(sh, "A2", last+"2", head)
	// Dates typed as text stay as typed ("1975-03").
	text, _ := f.NewStyle(&excelize.Style{NumFmt: 49})
	f.SetColStyle(sh, "D", text)
	f.SetColStyle(sh, "G", text)
	widths := []float64{6, 10, 6, 10, 8, 12, 10, 10, 24, 14, 28}
	for i, wd := range widths {
		c, _ := excelize.ColumnNumberToName(i + 1)
		f.SetColWidth(sh, c, c, wd)
	}
	for _, d := range []struct {
		col  string
		list []string
	}{{"C", []string{"男", "女"}}, {"H", []string{"正式党员", "预备党员"}}, {"J", []string{"是", "书记", "副书记"}}} {
		dv := excelize.NewDataValidation(true)
		dv.Sqref = d.col + "3:" + d.col + "1000"
		if err := dv.SetDropList(d.list); err != nil {
			return nil, err
		}
		f.AddDataValidation(sh, dv)
	}
	f.SetPanes(sh, &excelize.Panes{Freeze: true, YSplit: 2, TopLeftCell: "A3", ActivePane: "bottomLeft"})
	const help = "填写说明"
	f.NewSheet(help)
	for i, line := range []string{
		"1. 每名党员填一行，从第3行开始；第1行标题可改为本支部名称，第2行列名不要改动。",
		"2. 出生年月、入党时间写成 1975-03 或 1975年3月。",
		"3. 党员类别填“正式党员”或“预备党员”，用于统计党员总数和预备党员人数。",
		"4. 候选人预备人选：是委员候选人预备人选的填“是”；拟任书记、副书记的填“书记”“副书记”；其他人不填。",
		"5. 经上级党组织同意、党员大会通过不计入应到会人数的党员，在最后一列写明原因（如“年老体弱、长期卧床”）。",
		"6. 填好后保存，在“换届”页面上点“从党员花名册导入…”选择这个文件。",
	} {
		f.SetCellValue(help, "A"+strconv.Itoa(i+1), line)
	}
	f.SetColWidth(help, "A", "A", 110)
	var b bytes.Buffer
	if _, err := f.WriteTo(&b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
