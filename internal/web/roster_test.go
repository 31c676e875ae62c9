package web

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// xlsx makes a workbook whose first sheet holds rows (a time.Time is a
// date cell, as Excel stores one).
func xlsx(t *testing.T, rows [][]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	date, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	for i, r := range rows {
		for j, v := range r {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			f.SetCellValue("Sheet1", cell, v)
			if _, ok := v.(time.Time); ok {
				f.SetCellStyle("Sheet1", cell, cell, date)
			}
		}
	}
	var b bytes.Buffer
	if _, err := f.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestReadRoster(t *testing.T) {
	r := ReadRoster(xlsx(t, [][]any{
		{"柳湾村党支部党员花名册（2024年3月）"},
		{"填表人：刘晓燕"},
		{"序号", "姓  名", "出生\n年月", "性别", "民族", "文化程度", "入党日期", "党员类别", "工作单位及职务", "候选人预备人选", "不计入原因"},
		{1, "王建国", "1969.05", "男", "汉族", "高中", "1994年6月", "正式党员", "村党支部书记", "书记"},
		{2, "李 春梅", time.Date(1980, 8, 1, 0, 0, 0, 0, time.UTC), "女", "汉族", "大专", "2004-07", "正式党员", "村党支部副书记", "副书记"},
		{},
		{4, "钱德贵", "1938-02", "男", "汉族", "小学", "1960-01", "正式党员", "", "", "年老体弱、长期卧床"},
		{5, "刘芳", "200001", "女", "汉族", "大学本科", "2024-05", "预备党员"},
	}))
	if len(r.Errors) > 0 {
		t.Fatalf("errors: %v", r.Errors)
	}
	if r.Total != 4 || r.Probationary != 1 || r.Sheet != "Sheet1" {
		t.Errorf("total %d, probationary %d", r.Total, r.Probationary)
	}
	want := []Member{
		{Row: 4, Name: "王建国", Gender: "男", Birth: "1969-05", Ethnicity: "汉族", Education: "高中", PartySince: "1994-06", Category: "正式党员", Post: "村党支部书记", Candidate: true, Proposed: "书记"},
		{Row: 5, Name: "李春梅", Gender: "女", Birth: "1980-08", Ethnicity: "汉族", Education: "大专", PartySince: "2004-07", Category: "正式党员", Post: "村党支部副书记", Candidate: true, Proposed: "副书记"},
		{Row: 7, Name: "钱德贵", Gender: "男", Birth: "1938-02", Ethnicity: "汉族", Education: "小学", PartySince: "1960-01", Category: "正式党员", Excluded: "年老体弱、长期卧床"},
		{Row: 8, Name: "刘芳", Gender: "女", Birth: "2000-01", Ethnicity: "汉族", Education: "大学本科", PartySince: "2024-05", Category: "预备党员"},
	}
	got, _ := json.Marshal(r.Members)
	exp, _ := json.Marshal(want)
	if string(got) != string(exp) {
		t.Errorf("members\n got %s\nwant %s", got, exp)
	}
}

// A bad row is reported by its row number, in the secretary's words.
func TestRosterErrors(t *testing.T) {
	r := ReadRoster(xlsx(t, [][]any{
		{"姓名", "性别", "出生年月", "党员类别", "候选人预备人选"},
		{"王建国", "男", "1969-05", "正式党员"},
		{"李春梅", "女", "1980-08", "正式党员"},
		{"张大勇", "男", "1975-02", "正式"},
		{"王建国", "男", "1970-01", "正式党员"},
		{"", "女", "1991-11", "预备党员"},
		{"赵永发", "m", "1966年13月", "预备党员", "委员候选人"},
		{"孙立军", "男", "1985-03", ""},
	}))
	want := []string{
		"第4行：党员类别“正式”应为 正式党员 或 预备党员",
		"第5行：姓名“王建国”与第2行重复；同名的请加以区分，如“王芳（大）”",
		"第6行：缺少姓名",
		"第7行：性别“m”应为 男 或 女",
		"第7行：出生年月“1966年13月”无法识别，应写成 1975-03 或 1975年3月",
		"第7行：候选人预备人选“委员候选人”应为 是、书记、副书记，或不填",
		"第8行：缺少党员类别，应为 正式党员 或 预备党员",
	}
	if strings.Join(r.Errors, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(r.Errors, "\n"), strings.Join(want, "\n"))
	}
	for _, c := range []struct {
		data []byte
		want string
	}{
		{[]byte("not a workbook"), "无法读取这个文件"},
		{xlsx(t, [][]any{{"名单"}, {"王建国", "男"}}), "没有找到花名册的表头"},
		{xlsx(t, [][]any{{"姓名", "性别", "出生年月"}, {"王建国", "男", "1969-05"}}), "第1行的表头中没有“党员类别”列"},
	} {
		if r := ReadRoster(c.data); len(r.Errors) == 0 || !strings.Contains(r.Errors[0], c.want) {
			t.Errorf("want %q, got %v", c.want, r.Errors)
		}
	}
}

// The blank template is read by the import: filled in, it gives its rows.
func TestRosterTemplate(t *testing.T) {
	b, err := RosterTemplate()
	if err != nil {
		t.Fatal(err)
	}
	if r := ReadRoster(b); len(r.Errors) != 1 || !strings.Contains(r.Errors[0], "第2行表头以下没有党员") {
		t.Errorf("blank template: %v", r.Errors)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if dv, _ := f.GetDataValidations("党员花名册"); len(dv) != 3 {
		t.Errorf("%d drop-down lists", len(dv))
	}
	f.SetSheetRow("党员花名册", "A3", &[]any{1, "王建国", "男", "1969-05", "汉族", "高中", "1994-06", "正式党员", "村党支部书记", "书记"})
	f.SetSheetRow("党员花名册", "A4", &[]any{2, "刘芳", "女", "2000-01", "汉族", "大学本科", "2024-05", "预备党员"})
	var filled bytes.Buffer
	f.WriteTo(&filled)
	r := ReadRoster(filled.Bytes())
	if len(r.Errors) > 0 || r.Total != 2 || r.Probationary != 1 || r.Members[0].Proposed != "书记" || r.Members[1].Birth != "2000-01" {
		t.Errorf("filled template: %+v", r)
	}
	srv := newServer(t)
	a := do(t, srv, "GET", "/api/roster-template", nil)
	if a.code != 200 || !bytes.Equal(a.body[:2], []byte("PK")) || !strings.Contains(a.head.Get("Content-Disposition"), "attachment") {
		t.Errorf("GET /api/roster-template: %d %v", a.code, a.head)
	}
	a = do(t, srv, "POST", "/api/roster", filled.Bytes())
	var ro Roster
	if err := json.Unmarshal(a.body, &ro); err != nil || a.code != 200 || ro.Total != 2 {
		t.Errorf("POST /api/roster: %d %s", a.code, a.body)
	}
}
