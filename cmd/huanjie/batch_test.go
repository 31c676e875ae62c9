package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const branches = "../../generator/district/testdata/branches"

// TestBatchJSON: the contract's shape, with the fixture's figures
// (generator/district/district_test.go counts them by hand), exit 1 for
// the two refused, and nothing on stderr when it is not a terminal.
func TestBatchJSON(t *testing.T) {
	out := t.TempDir()
	stdout, stderr, code := runCLI(t, "", "batch", branches, "-o", out, "--json")
	if code != 1 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"elections": 12.0, "built": 10.0,
		"refused": []any{
			map[string]any{"file": filepath.Join(branches, "qiaotou.toml"), "reason": "不能生成 result-request（选举结果请示）：到会人数不足：应到会有选举权人数15名，实到9名，未达到不少于应到会人数的五分之四（至少12名），会议无效，不能进行选举；应另行召开党员大会；如只需草稿，请加 --draft"},
			map[string]any{"file": filepath.Join(branches, "xihe.toml"), "reason": "数据有错误：" + filepath.Join(branches, "xihe.toml") + ":26:3：委员应选3名，候选人至少应为4名（差额不少于20%，按进一法计算），现为3名；请增加候选人预备人选"},
		},
		"committee":   map[string]any{"members": 33.0, "women": 15.0, "average_age": 43.8, "college_or_above": 24.0},
		"secretaries": map[string]any{"count": 9.0, "women": 5.0, "average_age": 46.4},
	}
	gb, _ := json.Marshal(got)
	wb, _ := json.Marshal(want)
	if string(gb) != string(wb) {
		t.Errorf("batch --json\n got %s\nwant %s", gb, wb)
	}
	keys := []string{`"elections"`, `"built"`, `"refused"`, `"committee"`, `"secretaries"`}
	last := -1
	for _, k := range keys {
		i := strings.Index(stdout, k)
		if i < last {
			t.Errorf("key %s out of the contract's order", k)
		}
		last = i
	}
	for _, f := range []string{"汇总.xlsx", "换届选举情况汇总.pdf", "柳湾村党支部/柳湾村党支部-选举结果请示.pdf"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Error(err)
		}
	}
}

func TestBatchTable(t *testing.T) {
	out := t.TempDir()
	stdout, _, code := runCLI(t, "", "batch", "../../samples", "-o", out, "--format", "pdf,docx")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{
		"序号  党组织                  文书        选举                    首个问题\n",
		"1     区财政局机关第二党支部  已生成38个  选举完成（经再次投票）  —\n",
		"2     东华社区党支部          已生成32个  选举完成                —\n",
		"3     青禾社区党委            已生成46个  选举完成                —\n",
		"5     恒达精密机械党支部      已生成26个  选举完成                —\n",
		"6     柳湾村党支部            已生成38个  选举完成（经另行选举）  —\n",
		"共6个党组织：已生成文书6个，未生成0个；已完成选举6个。\n",
		"已生成 " + filepath.Join(out, "汇总.xlsx") + "\n",
		"已生成 " + filepath.Join(out, "换届选举情况汇总.docx") + "\n",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("table lacks %q:\n%s", want, stdout)
		}
	}
	for _, args := range [][]string{{"batch", "../../samples"}, {"batch", "-o", out}, {"batch", "nowhere", "-o", out}, {"batch", "../../samples", "-o", out, "--format", "odt"}} {
		if _, stderr, code := runCLI(t, "", args...); code != 2 || !strings.Contains(stderr, "huanjie batch：") {
			t.Errorf("%v: exit %d, %q", args, code, stderr)
		}
	}
}

func TestDueJSON(t *testing.T) {
	stdout, stderr, code := runCLI(t, "", "due", branches, "--on", "2024-07-15", "--within", "3m", "--json")
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, %q", code, stderr)
	}
	var got []map[string]any
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatal(err)
	}
	status := map[string]string{}
	for _, g := range got {
		status[filepath.Base(g["file"].(string))] = g["status"].(string) + " " + g["term_end"].(string)
	}
	// On 2024-07-15 with a window to 2024-10-15: village branches serve 5
	// years, the others the 3 years of their file; none has met yet except
	// village.toml (2024-04-18) and school.toml… which meets 2024-09-12.
	want := map[string]string{
		"beipo.toml":     "due 2024-07-22",     // village, 2019-07-22 + 5
		"donger.toml":    "due 2024-07-15",     // community, no term_years: 5 years from 2021-07-15? no: see below
		"donghua.toml":   "overdue 2024-07-10", // term_years 3; its meeting is on the 18th
		"dongyi.toml":    "ok 2026-07-12",
		"hebin.toml":     "ok 2026-09-01",
		"jiguan.toml":    "overdue 2024-07-08", // organ: 3 years
		"nanshan.toml":   "due 2024-07-20",
		"qiaotou.toml":   "due 2024-08-01",
		"school.toml":    "due 2024-09-10",
		"village.toml":   "ok 2027-04-18", // re-elected 2024-04-18
		"xihe.toml":      "ok 2026-07-01",
		"xingguang.toml": "overdue 2024-06-30",
	}
	want["donger.toml"] = "ok 2026-07-15" // a community branch without term_years serves 5 years
	for f, w := range want {
		if status[f] != w {
			t.Errorf("%s: %q, want %q", f, status[f], w)
		}
	}
	if len(got) != 12 || got[0]["organization"] != "中共北坡村支部委员会" || got[0]["term_start"] != "2019-07-22" || got[0]["term_years"] != 5.0 {
		t.Errorf("first entry %v (%d entries)", got[0], len(got))
	}
}

// TestDueICS writes the calendar and parses it back: CRLF lines of at
// most 75 octets, one VEVENT per organisation with an all-day DTSTART at
// the term end and two alarms six and three months before.
func TestDueICS(t *testing.T) {
	path := filepath.Join(t.TempDir(), "提醒.ics")
	stdout, _, code := runCLI(t, "", "due", branches, "--on", "2024-07-15", "--ics", path)
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	if !strings.Contains(stdout, "2024-06-30  已届满    星光公司党支部") || !strings.Contains(stdout, "另有5个党组织任期在2025年1月15日以后届满。") ||
		!strings.Contains(stdout, "截至2024年7月15日，任期已满或将在6个月内（2025年1月15日前）届满的党组织：") {
		t.Errorf("report:\n%s", stdout)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(raw)
	if !strings.HasSuffix(text, "\r\n") || strings.Contains(strings.ReplaceAll(text, "\r\n", ""), "\n") {
		t.Fatal("lines must end in CRLF")
	}
	physical := strings.Split(strings.TrimSuffix(text, "\r\n"), "\r\n")
	folded := 0
	for _, l := range physical {
		if len(l) > 75 {
			t.Errorf("line of %d octets: %q", len(l), l)
		}
		if strings.HasPrefix(l, " ") {
			folded++
		}
	}
	if folded == 0 {
		t.Error("no line was folded (the descriptions are long)")
	}
	// Unfold and parse.
	unfolded := strings.ReplaceAll(text, "\r\n ", "")
	type event struct {
		props  map[string]string
		alarms []map[string]string
	}
	var events []event
	var cur *event
	var alarm map[string]string
	for _, l := range strings.Split(strings.TrimSuffix(unfolded, "\r\n"), "\r\n") {
		name, value, ok := strings.Cut(l, ":")
		if !ok {
			t.Fatalf("line without a colon: %q", l)
		}
		switch {
		case l == "BEGIN:VEVENT":
			events = append(events, event{props: map[string]string{}})
			cur = &events[len(events)-1]
		case l == "END:VEVENT":
			cur = nil
		case l == "BEGIN:VALARM":
			alarm = map[string]string{}
		case l == "END:VALARM":
			cur.alarms = append(cur.alarms, alarm)
			alarm = nil
		case alarm != nil:
			alarm[name] = value
		case cur != nil:
			cur.props[name] = value
		}
	}
	if len(events) != 12 {
		t.Fatalf("%d events", len(events))
	}
	var xg event
	uids := map[string]bool{}
	for _, e := range events {
		uids[e.props["UID"]] = true
		if e.props["SUMMARY"] == "星光公司党支部任期届满" {
			xg = e
		}
	}
	if len(uids) != 12 {
		t.Error("UIDs repeat")
	}
	if xg.props == nil {
		t.Fatal("no event for 星光公司党支部")
	}
	for k, v := range map[string]string{"DTSTART;VALUE=DATE": "20240630", "DTEND;VALUE=DATE": "20240701", "DTSTAMP": "20210630T000000Z"} {
		if xg.props[k] != v {
			t.Errorf("%s = %q, want %q", k, xg.props[k], v)
		}
	}
	if !strings.Contains(xg.props["DESCRIPTION"], "中共星光科技有限公司支部委员会于2021年6月30日选举产生，任期3年，2024年6月30日届满。") {
		t.Errorf("description %q", xg.props["DESCRIPTION"])
	}
	if len(xg.alarms) != 2 || xg.alarms[0]["TRIGGER;VALUE=DATE-TIME"] != "20231230T010000Z" || xg.alarms[1]["TRIGGER;VALUE=DATE-TIME"] != "20240330T010000Z" || xg.alarms[0]["ACTION"] != "DISPLAY" {
		t.Errorf("alarms %v", xg.alarms)
	}
	again := filepath.Join(t.TempDir(), "again.ics")
	runCLI(t, "", "due", branches, "--on", "2024-07-15", "--ics", again)
	if b, _ := os.ReadFile(again); string(b) != text {
		t.Error("the same data give another calendar")
	}
}

func TestDueProblems(t *testing.T) {
	dir := t.TempDir()
	src, _ := os.ReadFile("../../samples/donghua-community.toml")
	os.WriteFile(filepath.Join(dir, "a.toml"), []byte(strings.Replace(string(src), "elected_on = 2021-07-10", "", 1)), 0o644)
	_, stderr, code := runCLI(t, "", "due", dir, "--on", "2024-01-01")
	if code != 1 || !strings.Contains(stderr, "a.toml：缺少 [organization] 的 elected_on") {
		t.Errorf("exit %d, %q", code, stderr)
	}
	for _, args := range [][]string{{"due"}, {"due", dir, "--on", "2024-13-01"}, {"due", dir, "--within", "soon"}} {
		if _, _, code := runCLI(t, "", args...); code != 2 {
			t.Errorf("%v: exit %d", args, code)
		}
	}
}

// TestFormatOFD: build and batch write OFD beside (or instead of) PDF,
// named like the PDF.
func TestFormatOFD(t *testing.T) {
	out := t.TempDir()
	stdout, stderr, code := runCLI(t, "", "build", "../../samples/donghua-community.toml", "-o", out, "--format", "ofd,pdf", "--only", "request")
	if code != 0 {
		t.Fatalf("build: exit %d, %s", code, stderr)
	}
	for _, f := range []string{"东华社区党支部-换届选举请示.ofd", "东华社区党支部-换届选举请示.pdf"} {
		if !strings.Contains(stdout, "已生成 "+filepath.Join(out, f)) {
			t.Errorf("build does not report %s:\n%s", f, stdout)
		}
	}
	dir := t.TempDir()
	src, err := os.ReadFile("../../samples/school-branch.toml")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "school.toml"), src, 0o644)
	if _, stderr, code := runCLI(t, "", "batch", dir, "-o", out, "--format", "ofd"); code != 0 {
		t.Fatalf("batch: exit %d, %s", code, stderr)
	}
	for _, f := range []string{"换届选举情况汇总.ofd"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Error(err)
		}
	}
	ofds, _ := filepath.Glob(filepath.Join(out, "*", "*.ofd"))
	pdfs, _ := filepath.Glob(filepath.Join(out, "*", "*.pdf"))
	if len(ofds) < 10 || len(pdfs) != 0 {
		t.Errorf("batch --format ofd wrote %d OFD and %d PDF in the branch folder", len(ofds), len(pdfs))
	}
}
