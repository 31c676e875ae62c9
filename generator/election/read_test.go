package election

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestPositions(t *testing.T) {
	cases := []struct {
		name      string
		src       string
		code      string
		line, col int
		msg       string
	}{
		{"unknown key with suggestion", "[organization]\nname = \"中共某支部\"\n\n[[candidates]]\nname = \"嵇玉\"\ngendr = \"女\"\n",
			"unknown_key", 6, 1, "未知的键 gendr，是否应为 gender？"},
		{"type error column counts characters", "[organization]\nname = \"中共某支部\"\n[meeting]\nhost = \"周陈\"; present = 1\n",
			"syntax", 4, 12, "一行只能写一个"},
		{"type error after Chinese key", "[meeting.votes]\n\"嵇玉\" = \"三十二\"\n",
			"type", 2, 8, "应为整数"},
		{"quoted number", "[members]\ntotal = \"42\"\n", "type", 2, 9, "现在是字符串 \"42\""},
		{"float for integer", "[members]\ntotal = 42.0\n", "type", 2, 9, "写作 42"},
		{"syntax error after Chinese text", "[organization]\nname = \"东华\" 社区\n", "syntax", 2, 13, "TOML 语法错误"},
		{"unterminated string", "[organization]\nname = \"东华\n", "syntax", 2, 11, "TOML 语法错误"},
		{"bad date", "[plan]\nmeeting_date = \"2024-13-01\"\n", "type", 2, 16, "日期"},
		{"unknown top-level key", "versoin = 1\n", "unknown_key", 1, 1, "是否应为 version？"},
		{"unknown key far from any", "[plan]\nxyzzy = 1\n", "unknown_key", 2, 1, "可用的键有"},
		{"inline table key", "[summary]\npractices = [{ title = \"甲\", txt = \"乙\" }]\n", "unknown_key", 2, 29, "是否应为 text？"},
		{"rules setting typo", "[rules]\nthreshold_bas = \"present\"\n", "unknown_key", 2, 1, "是否应为 threshold_base？"},
		{"rules value", "[rules]\nthreshold_base = \"presnt\"\n", "rules", 2, 1, "是否应为 present？"},
		{"birth as year-month string", "[[candidates]]\nname = \"甲\"\nbirth = \"1975-3x\"\n", "type", 3, 9, "日期"},
		{"duplicate key", "[members]\ntotal = 1\ntotal = 2\n", "syntax", 3, 1, "TOML 语法错误"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l, err := Parse("t.toml", []byte(c.src))
			if err != nil {
				t.Fatal(err)
			}
			e := Analyze(l)
			for _, f := range e.Findings {
				if f.Code == c.code && strings.Contains(f.Message, c.msg) {
					if f.Line != c.line || f.Column != c.col {
						t.Errorf("%s at %d:%d, want %d:%d", c.code, f.Line, f.Column, c.line, c.col)
					}
					return
				}
			}
			t.Errorf("no %s finding containing %q:\n%s", c.code, c.msg, e.Findings.FormatAll("t.toml"))
		})
	}
}

func TestSampleKeysAllAccepted(t *testing.T) {
	l, err := ReadFile(samplePath)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Findings) != 0 {
		t.Fatalf("sample not read cleanly: %v", l.Findings)
	}
	f := l.File
	if f.Organization.ElectedOn == nil || *f.Organization.ElectedOn != (Date{2021, 7, 10}) || f.Organization.TermYears != 3 {
		t.Errorf("organization %+v", f.Organization)
	}
	if c := f.Candidates[0]; c.Birth == nil || *c.Birth != (Date{1975, 3, 0}) || c.PartySince.Chinese() != "1998年6月" || !c.Incumbent || c.Proposed != "书记" {
		t.Errorf("candidate %+v", c)
	}
	if len(f.Members.Excluded) != 2 || f.Members.Excluded[1].Reason != "因私出国六个月以上" {
		t.Errorf("excluded %+v", f.Members.Excluded)
	}
	if f.FirstMeeting.Duties["汪金平"] != "纪检委员" || f.Previous.AverageAge == nil || *f.Previous.AverageAge != 52.4 {
		t.Errorf("first meeting / previous")
	}
	if len(f.Report.Sections) != 2 || len(f.Report.Sections[0].Paragraphs) != 2 || len(f.Report.Problems.Items) != 2 {
		t.Errorf("report %+v", f.Report)
	}
	if len(f.Summary.Practices) != 2 || f.Summary.Practices[1].Title != "严格程序，依规选举" {
		t.Errorf("summary %+v", f.Summary)
	}
	if f.Meeting.WriteIns[0] != (WriteIn{Name: "马红", Votes: 2}) || f.Plan.MeetingTime != "15:30" {
		t.Errorf("meeting %+v", f.Meeting)
	}
}

func TestUnreadable(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.toml")
	if err := os.WriteFile(big, []byte(strings.Repeat("# 注释\n", MaxFileSize/8)), 0o644); err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(dir, "bin.toml")
	os.WriteFile(bin, []byte{0x89, 'P', 'N', 'G', 0, 1, 2, 0xff}, 0o644)
	gbk := filepath.Join(dir, "gbk.toml")
	os.WriteFile(gbk, []byte("name = \"\xd6\xd0\xb9\xb2\"\n"), 0o644)
	for _, c := range []struct{ path, msg string }{
		{dir, "目录"},
		{filepath.Join(dir, "missing.toml"), "不存在"},
		{big, "过大"},
		{bin, "UTF-8"},
		{gbk, "GBK"},
	} {
		_, err := ReadFile(c.path)
		ue, ok := err.(*UnreadableError)
		if !ok || !strings.Contains(ue.Msg, c.msg) {
			t.Errorf("%s: err %v, want UnreadableError containing %q", c.path, err, c.msg)
		}
	}
}

func TestHostileInputs(t *testing.T) {
	for name, src := range map[string]string{
		"empty":         "",
		"bom":           "\ufeffversion = 1\n",
		"deep arrays":   "a = " + strings.Repeat("[", 5000) + strings.Repeat("]", 5000) + "\n",
		"deep tables":   strings.Repeat("[a.b.c.d.e.f.g.h]\n", 3) + "x = 1\n",
		"deep inline":   "a = " + strings.Repeat("{b = ", 3000) + "1" + strings.Repeat("}", 3000) + "\n",
		"many dotted":   "[" + strings.Repeat("x.", 2000) + "y]\n",
		"wrong shapes":  "candidates = 3\nmeeting = \"x\"\nmembers = [1,2]\nrules = 5\n[organization]\nname = [\"a\"]\n",
		"votes as list": "[meeting]\nvotes = [1, 2]\nwriteins = {name = 1}\n",
	} {
		t.Run(name, func(t *testing.T) {
			l, err := Parse("t.toml", []byte(src))
			if err != nil {
				return
			}
			e := Analyze(l)
			if !e.Findings.HasErrors() && name != "bom" {
				t.Errorf("no errors for %s", name)
			}
		})
	}
}

// FuzzParse: no input makes the reader or the engine panic, and every
// finding carries a Chinese message.
func FuzzParse(f *testing.F) {
	b, err := os.ReadFile(samplePath)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add([]byte(""))
	f.Add([]byte("[meeting]\npresent = 3\n[meeting.votes]\n\"甲\" = 1\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := Parse("f.toml", data)
		if err != nil {
			return
		}
		e := Analyze(l)
		for _, x := range e.Findings {
			if x.Message == "" || x.Code == "" {
				t.Fatalf("empty finding %+v", x)
			}
		}
		if r := e.Result; r != nil && r.Status == StatusComplete && len(r.Elected) > r.Seats {
			t.Fatalf("more elected than seats: %+v", r)
		}
	})
}

// FuzzEngine drives the rules engine with arbitrary counts: whatever the
// numbers, the outcome is consistent (no panic, elected ≤ seats, everyone
// elected has at least the threshold, a revote names people).
func FuzzEngine(f *testing.F) {
	f.Add(37, 33, 33, 33, 1, 5, 32, 31, 29, 27, 25, 9)
	f.Add(35, 28, 28, 28, 0, 5, 20, 20, 20, 20, 20, 20)
	f.Add(5, 5, 5, 6, 0, 3, 5, 5, 5, 0, 0, 0)
	f.Fuzz(func(t *testing.T, expected, present, issued, returned, invalid, seats, v1, v2, v3, v4, v5, v6 int) {
		src := fmt.Sprintf(`[organization]
name = "中共测试支部委员会"
superior = "中共测试工委"
[members]
total = 60
probationary = 0
expected = %d
[plan]
committee_seats = %d
secretary_seats = 1
[[candidates]]
name = "甲一"
[[candidates]]
name = "乙二"
[[candidates]]
name = "丙三"
[[candidates]]
name = "丁四"
[[candidates]]
name = "戊五"
[[candidates]]
name = "己六"
[meeting]
present = %d
ballots_issued = %d
ballots_returned = %d
ballots_invalid = %d
[meeting.votes]
"甲一" = %d
"乙二" = %d
"丙三" = %d
"丁四" = %d
"戊五" = %d
"己六" = %d
`, expected, seats, present, issued, returned, invalid, v1, v2, v3, v4, v5, v6)
		l, err := Parse("f.toml", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		e := Analyze(l)
		r := e.Result
		if r == nil {
			if !e.Findings.HasErrors() {
				t.Fatalf("no result and no error")
			}
			return
		}
		if len(r.Elected)+r.UnfilledSeats+r.RevoteSeats > r.Seats {
			t.Fatalf("elected %v + unfilled %d + revote %d > seats %d", r.Elected, r.UnfilledSeats, r.RevoteSeats, r.Seats)
		}
		for _, c := range r.Candidates {
			if c.Elected && c.Votes*2 <= r.Threshold.Count {
				t.Fatalf("%s elected with %d of %d", c.Name, c.Votes, r.Threshold.Count)
			}
		}
		if r.Status == StatusRevote && len(r.Revote) < 2 {
			t.Fatalf("revote with %v", r.Revote)
		}
		if r.Status == StatusComplete && len(r.Elected) != r.Seats {
			t.Fatalf("complete with %d of %d", len(r.Elected), r.Seats)
		}
	})
}
