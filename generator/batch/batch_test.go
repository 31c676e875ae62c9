package batch

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

const fixtureDir = "../district/testdata/branches"

func run(t *testing.T, out string, paths ...string) *Report {
	t.Helper()
	files, err := Collect(paths)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Run(files, Options{Out: out, Formats: []string{"pdf"}, NoSystemFonts: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Problems) > 0 {
		t.Fatalf("problems: %v", r.Problems)
	}
	return r
}

// TestBatchFixture builds the twelve branches and reads 汇总.xlsx back.
func TestBatchFixture(t *testing.T) {
	out := t.TempDir()
	r := run(t, out, fixtureDir)
	if len(r.Entries) != 12 || r.Refused() != 2 {
		t.Fatalf("%d entries, %d refused", len(r.Entries), r.Refused())
	}
	refused := map[string]string{}
	for _, en := range r.Entries {
		if !en.Built() {
			refused[filepath.Base(en.File)] = en.Refused
			if _, err := os.Stat(filepath.Join(out, en.Folder)); err == nil {
				t.Errorf("%s refused but its folder was written", en.File)
			}
			continue
		}
		for _, p := range en.Written {
			if filepath.Dir(p) != filepath.Join(out, en.Folder) {
				t.Errorf("%s written to %s, not its folder %s", en.File, p, en.Folder)
			}
			if _, err := os.Stat(p); err != nil {
				t.Error(err)
			}
		}
	}
	if !strings.Contains(refused["xihe.toml"], "xihe.toml:26:3：委员应选3名，候选人至少应为4名") {
		t.Errorf("xihe: %q", refused["xihe.toml"])
	}
	if !strings.Contains(refused["qiaotou.toml"], "到会人数不足：应到会有选举权人数15名，实到9名，未达到不少于应到会人数的五分之四（至少12名），会议无效") {
		t.Errorf("qiaotou: %q", refused["qiaotou.toml"])
	}
	if len(r.Summary) != 2 || filepath.Base(r.Summary[0]) != "汇总.xlsx" || filepath.Base(r.Summary[1]) != "换届选举情况汇总.pdf" {
		t.Errorf("summary files %v", r.Summary)
	}

	f, err := excelize.OpenFile(filepath.Join(out, "汇总.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := strings.Join(f.GetSheetList(), ","); got != "各党组织,新一届委员会委员结构,新当选书记情况,选举情况,问题" {
		t.Errorf("sheets %s", got)
	}
	rows, err := f.GetRows("各党组织")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1+12+1+2 { // header, twelve branches, totals, a blank line and a note
		t.Fatalf("%d rows", len(rows))
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	cell := func(row int, head string) string {
		t.Helper()
		c, ok := col[head]
		if !ok {
			t.Fatalf("no column %s", head)
		}
		name, _ := excelize.CoordinatesToCellName(c+1, row+1)
		v, err := f.GetCellValue("各党组织", name)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	// Row 10 is village.toml (path order): 21 of 23 attended, one seat filled by 另行选举.
	for head, want := range map[string]string{"简称": "柳湾村党支部", "应到": "23", "实到": "21", "参会率": "91.3%", "当选": "5", "书记": "王建国",
		"平均年龄": "43.4", "选举结果": "选举完成（经另行选举）", "文书": "已生成19个文件", "输出文件夹": "柳湾村党支部", "单位类型": "村"} {
		if got := cell(10, head); got != want {
			t.Errorf("柳湾村 %s = %q, want %q", head, got, want)
		}
	}
	if got := cell(11, "首个问题"); !strings.Contains(got, "xihe.toml:26:3") {
		t.Errorf("西河 first finding %q", got)
	}
	// The totals row: numbers, not text.
	for head, want := range map[string]string{"党组织": "合计（12个党组织）", "当选": "33", "书记": "9", "女性委员": "15", "平均年龄": "43.8", "大专及以上": "24", "连任": "21", "新进": "12"} {
		if got := cell(13, head); got != want {
			t.Errorf("totals %s = %q, want %q", head, got, want)
		}
	}
	name, _ := excelize.CoordinatesToCellName(col["参会率"]+1, 11)
	raw, _ := f.GetCellValue("各党组织", name, excelize.Options{RawCellValue: true})
	if raw != "0.913" { // a number formatted as a percentage, not the text "91.3%"
		t.Errorf("参会率 raw value %q", raw)
	}
	panes, err := f.GetPanes("各党组织")
	if err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("header not frozen: %+v %v", panes, err)
	}
	for _, h := range []string{"党组织", "首个问题"} {
		c, _ := excelize.ColumnNumberToName(col[h] + 1)
		w, _ := f.GetColWidth("各党组织", c)
		if w < 20 {
			t.Errorf("column %s is %.1f wide: Chinese names do not fit", h, w)
		}
	}
	probs, _ := f.GetRows("问题")
	found := false
	for _, p := range probs[1:] {
		if strings.HasSuffix(p[0], "xihe.toml") && p[2] == "26" && p[3] == "3" && p[4] == "错误" && p[5] == "margin" {
			found = true
		}
	}
	if !found {
		t.Errorf("问题 lacks xihe's margin error at 26:3: %q", probs)
	}
	stats, _ := f.GetRows("新当选书记情况")
	if got := strings.Join(stats[len(stats)-3], "|"); got != "“一肩挑”（村、社区）|3|50.0%" {
		t.Errorf("一肩挑 row %q", got)
	}
}

// TestBatchContinues: a file that is not TOML, one that is not text and a
// good one; the good one is built, the others refused with their reason.
func TestBatchContinues(t *testing.T) {
	in := t.TempDir()
	os.WriteFile(filepath.Join(in, "a-broken.toml"), []byte("version = 1\n[organization\nname = \"x\"\n"), 0o644)
	os.WriteFile(filepath.Join(in, "b-binary.toml"), []byte{0, 1, 2, 0xff, 0xfe}, 0o644)
	sample, _ := os.ReadFile("../../samples/donghua-community.toml")
	os.MkdirAll(filepath.Join(in, "sub"), 0o755)
	os.WriteFile(filepath.Join(in, "sub", "c-good.toml"), sample, 0o644)
	os.WriteFile(filepath.Join(in, "notes.txt"), []byte("not an election"), 0o644)
	out := t.TempDir()
	r := run(t, out, in)
	if len(r.Entries) != 3 {
		t.Fatalf("%d entries", len(r.Entries))
	}
	if r.Entries[0].Built() || r.Entries[1].Built() || !r.Entries[2].Built() {
		t.Fatalf("built: %v %v %v", r.Entries[0].Refused, r.Entries[1].Refused, r.Entries[2].Refused)
	}
	if !strings.Contains(r.Entries[0].Refused, "a-broken.toml:2") {
		t.Errorf("syntax error reason %q", r.Entries[0].Refused)
	}
	if !strings.HasPrefix(r.Entries[1].Refused, "文件无法读取") || r.Entries[1].Name() != "b-binary.toml" {
		t.Errorf("binary file: %q %q", r.Entries[1].Refused, r.Entries[1].Name())
	}
	if n := len(r.Entries[2].Written); n != 16 {
		t.Errorf("good file: %d documents", n)
	}
}

// TestDuplicateShortName: the same short name twice gets two folders and
// a warning, never one folder overwritten.
func TestDuplicateShortName(t *testing.T) {
	in := t.TempDir()
	sample, _ := os.ReadFile("../../samples/donghua-community.toml")
	for _, d := range []string{"一", "二"} {
		os.MkdirAll(filepath.Join(in, d), 0o755)
		os.WriteFile(filepath.Join(in, d, "x.toml"), sample, 0o644)
	}
	out := t.TempDir()
	r := run(t, out, in)
	if r.Entries[0].Folder != "东华社区党支部" || r.Entries[1].Folder != "东华社区党支部（2）" {
		t.Fatalf("folders %q %q", r.Entries[0].Folder, r.Entries[1].Folder)
	}
	w := r.Entries[1].FirstFinding()
	if !strings.Contains(w, "二/x.toml:12:1: 提醒：与 ") || !strings.Contains(w, "一/x.toml 的简称相同") || !strings.Contains(w, "东华社区党支部（2）") {
		t.Errorf("warning %q", w)
	}
	for _, en := range r.Entries {
		if len(en.Written) != 16 {
			t.Errorf("%s: %d files", en.Folder, len(en.Written))
		}
	}
}

// TestProgress: a line per election, rewritten in place, when asked for;
// and the terminal test says no to a buffer, a file and a pipe.
func TestProgress(t *testing.T) {
	var buf bytes.Buffer
	files := []string{"../../samples/donghua-community.toml", "../../samples/school-branch.toml"}
	if _, err := Run(files, Options{Out: t.TempDir(), NoSystemFonts: true, Progress: &buf}); err != nil {
		t.Fatal(err)
	}
	got := buf.String()
	// Elections are built two at a time: when the second starts, the
	// first has most likely not finished yet, but it may have.
	second := regexp.MustCompile(`\r\x1b\[K\[2/2\] 已生成[01]个，未生成0个 · 正在处理 青松中学教工第一党支部`)
	if !strings.HasPrefix(got, "\r\x1b[K[1/2] 已生成0个，未生成0个 · 正在处理 东华社区党支部") ||
		!second.MatchString(got) || !strings.HasSuffix(got, "\r\x1b[K") {
		t.Errorf("progress %q", got)
	}
	if IsTerminal(&buf) {
		t.Error("a buffer is a terminal")
	}
	f, _ := os.Create(filepath.Join(t.TempDir(), "log"))
	defer f.Close()
	pr, pw, _ := os.Pipe()
	defer pr.Close()
	defer pw.Close()
	if IsTerminal(f) || IsTerminal(pw) {
		t.Error("a file or a pipe is a terminal")
	}
	if got := clip("[1/300] 已生成0个，未生成0个 · 正在处理 中共某某市某某区某某街道某某社区第一网格党支部委员会第二小组", 40); got != "[1/300] 已生成0个，未生成0个 · 正在处理…" {
		t.Errorf("clip %q", got)
	}
}

// TestSummaryDeterministic: the same files give the same 汇总.xlsx.
func TestSummaryDeterministic(t *testing.T) {
	var data [2][]byte
	for i := range data {
		out := t.TempDir()
		run(t, out, "../../samples")
		data[i], _ = os.ReadFile(filepath.Join(out, "汇总.xlsx"))
	}
	if len(data[0]) == 0 || !bytes.Equal(data[0], data[1]) {
		t.Error("汇总.xlsx differs between two runs")
	}
}
