package election

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// attack is one hostile edit of the sample: the error check must report,
// with its code, on the line that holds at (in the edited file).
type attack struct {
	name     string
	old, new string
	code     string
	at       string
	msg      string
}

var attacks = []attack{
	{"newline in a one-line field", `place = "东华社区党群服务中心二楼会议室"`, `place = "东华\n署名：伪造单位\n日期：2099年1月1日\n二楼会议室"`, "line_break", "place =", "plan.place 只能写一行"},
	{"newline in a post", `post = "社区网格员"`, `post = "网格员\n第二行"`, "line_break", `post = "网格员`, "只能写一行"},
	{"control character", `post = "社区网格员"`, `post = "网格\u0007员"`, "control_char", `post = "网格`, `\u0007`},
	{"escape sequence in the name", `name = "中共东华社区支部委员会"`, `name = "\u001b]0;pwned\u0007\u001b[2J"`, "control_char", `name = "\u001b`, `\u001b`},
	{"control character in a vote key", `"张荷田" = 9`, `"张荷田" = 9` + "\n\"\\u0008甲\" = 0", "control_char", `"\u0008甲"`, `\u0008`},
	{"a 200-character name", `name = "孙朋"`, `name = "` + strings.Repeat("孙", 200) + `"`, "too_long", strings.Repeat("孙", 20), "姓名最多20个字"},
	{"a 200-character post", `post = "社区网格员"`, `post = "` + strings.Repeat("员", 200) + `"`, "too_long", strings.Repeat("员", 20), "一行文字最多100个字"},
	{"a long paragraph", `"组织党员参加网上学习，党员学习覆盖率达到100%。",`, `"` + strings.Repeat("学", 2001) + `",`, "too_long", strings.Repeat("学", 20), "段落最多2000个字"},
	{"many writeins", `[[meeting.writeins]]                   # 另选他人得票（可省略）`, strings.Repeat("[[meeting.writeins]]\nname = \"甲\"\nvotes = 0\n", 60) + "[[meeting.writeins]]", "too_many", "[[meeting.writeins]]", "最多50项"},
	{"a million copies", `[report]`, "[ballot]\ncopies = 1000000\n[report]", "range", "copies =", "最多100000"},
	{"a million writein cells", `[report]`, "[ballot]\nwriteins = 1000000\n[report]", "range", "writeins = 1000000", "最多50"},
	{"per_sheet 3", `[report]`, "[ballot]\nper_sheet = 3\n[report]", "ballot", "per_sheet", "只能是 1、2 或 4"},
	{"paper B5", `[report]`, "[ballot]\npaper = \"B5\"\n[report]", "ballot", "paper", "应为 A4 或 A5"},
	{"color red", `[report]`, "[ballot]\ncolor = \"red\"\n[report]", "ballot", "color", "#RRGGBB"},
	{"variant 7", `[report]`, "[ballot]\nvariant = 7\n[report]", "ballot", "variant", "应为 1"},
	{"members beyond any meeting", `total = 42 `, `total = 400000 `, "range", "total = 400000", "最多10000"},
	{"quorum ratio that overflows", `rules = "party-2020"`, `rules = { quorum_ratio = "4611686018427387904/4611686018427387905" }`, "type", "rules = {", "分母不超过1000"},
	{"tiny quorum ratio", `rules = "party-2020"`, `rules = { quorum_ratio = 0.0001 }`, "type", "rules = {", "分数"},
	{"quorum ratio under a half", `rules = "party-2020"`, `rules = { quorum_ratio = "1/3" }`, "rules", "rules = {", "二分之一到1之间"},
	{"unknown dotted header", `[first_meeting.duties]`, `[first_meting.duties]`, "unknown_key", "[first_meting.duties]", "是否应为 first_meeting"},
	{"unknown dotted key", `version = 1`, "version = 1\nfoo.bar = 1", "unknown_key", "foo.bar", "未知的键 foo"},
}

func TestAttacksFoundWithTheirLine(t *testing.T) {
	for _, a := range attacks {
		t.Run(a.name, func(t *testing.T) {
			src := sample(t)
			if strings.Count(src, a.old) != 1 {
				t.Fatalf("%q matches %d times", a.old, strings.Count(src, a.old))
			}
			src = strings.Replace(src, a.old, a.new, 1)
			e := analyze(t, src)
			want := lineOf(t, src, a.at)
			for _, f := range e.Findings {
				if f.Code == a.code && f.Level == LevelError && strings.Contains(f.Message, a.msg) {
					if f.Line != want || f.Column == 0 {
						t.Errorf("%s at %d:%d, want line %d", a.code, f.Line, f.Column, want)
					}
					if strings.ContainsFunc(f.Message, isControl) {
						t.Errorf("message carries a control character: %q", f.Message)
					}
					if e.Result != nil {
						t.Errorf("a result was computed from refused data")
					}
					return
				}
			}
			t.Errorf("no %s error with %q:\n%s", a.code, a.msg, e.Findings.FormatAll("t.toml"))
		})
	}
}

// Multi-line fields keep their lines (as paragraphs); the sample's real
// text passes every bound.
func TestParagraphsMayHaveLines(t *testing.T) {
	e := edit(t, `"组织党员参加网上学习，党员学习覆盖率达到100%。",`, `"""第一行
第二行""",`)
	if e.Findings.HasErrors() {
		t.Errorf("a paragraph with two lines refused:\n%s", e.Findings.FormatAll("t.toml"))
	}
}

// Sizes that used to take the machine are refused in well under a second.
func TestSizesRefusedQuickly(t *testing.T) {
	nest := func(d int) string {
		var b strings.Builder
		for i := range 17 {
			fmt.Fprintf(&b, "x%d = %s1%s\n", i, strings.Repeat("{a = ", d), strings.Repeat("}", d))
		}
		return b.String()
	}
	var names strings.Builder
	for i := range 846 {
		fmt.Fprintf(&names, "\"%s%d\" = 1\n", strings.Repeat("王", 200), i)
	}
	for name, c := range map[string]struct {
		old, new, code string
	}{
		"17 inline tables nested 9,999 deep":  {"version = 1", "version = 1\n" + nest(9999), "syntax"},
		"a header 2,000 keys deep":            {"version = 1", "version = 1\n[" + strings.Repeat("x.", 2000) + "y]", "syntax"},
		"846 unknown names of 200 characters": {`"张荷田" = 9`, `"张荷田" = 9` + "\n" + names.String(), "unknown_candidate"},
	} {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			src := strings.Replace(sample(t), c.old, c.new, 1)
			if len(src) > MaxFileSize {
				t.Fatalf("attack of %d bytes is over the file limit; make it smaller", len(src))
			}
			e := analyze(t, src)
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("took %v", d)
			}
			f, ok := find(e.Findings, c.code)
			if !ok || f.Line == 0 {
				t.Errorf("no %s finding with a line:\n%.2000s", c.code, e.Findings.FormatAll("t.toml"))
			}
		})
	}
}

// A registered Outcome reason is an error check reports that does not
// count as an error in the data (the documents before the election still
// build).
func TestOutcomeReason(t *testing.T) {
	saved := reasons
	defer func() { reasons = saved }()
	reasons = append(append([]Reason(nil), saved...), Reason{Code: "test_outcome", Outcome: true, Find: func(e *Election, refuse func(field, msg string)) {
		refuse("first_meeting.secretary", "测试：书记未当选")
	}})
	e := analyze(t, sample(t))
	f, ok := find(e.Findings, "test_outcome")
	if !ok || !f.outcome || f.Line == 0 || f.Level != LevelError {
		t.Fatalf("finding %+v", f)
	}
	if h := e.Hold(); len(e.Findings.DataErrors()) != 0 || h == nil || h.Code != "test_outcome" {
		t.Errorf("data errors %v, hold %v", e.Findings.DataErrors(), h)
	}
}
