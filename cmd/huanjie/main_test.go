package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

const sample = "../../samples/donghua-community.toml"

func runCLI(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errb)
	return out.String(), errb.String(), code
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/huanjie -update to create)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from golden file\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

func TestGoldenJSON(t *testing.T) {
	for _, c := range []struct {
		args   []string
		golden string
		code   int
	}{
		{[]string{"check", sample, "--json"}, "check-sample.json", 0},
		{[]string{"results", "--json", sample}, "results-sample.json", 0},
		{[]string{"check", "testdata/bad.toml", "--json"}, "check-bad.json", 1},
		{[]string{"results", "testdata/quorum.toml", "--json"}, "results-quorum.json", 1},
		{[]string{"results", "../../samples/village-branch.toml", "--json"}, "results-village.json", 0},
		{[]string{"results", "../../samples/school-branch.toml", "--json"}, "results-school.json", 0},
		{[]string{"results", "../../samples/bureau-branch.toml", "--json"}, "results-bureau.json", 0},
		{[]string{"results", "../../samples/qinghe-community-committee.toml", "--json"}, "results-committee.json", 0},
		{[]string{"results", "../../samples/small-branch.toml", "--json"}, "results-small.json", 0},
	} {
		out, errOut, code := runCLI(t, "", c.args...)
		if code != c.code {
			t.Errorf("%v: exit %d, want %d; stderr %s", c.args, code, c.code, errOut)
		}
		golden(t, c.golden, out)
	}
}

func TestHumanReports(t *testing.T) {
	out, _, code := runCLI(t, "", "check", sample)
	if code != 0 || !strings.Contains(out, "应到会有选举权人数37名") || !strings.Contains(out, "候选人（按姓氏笔画为序）：刘通、孙朋、汪金平、张荷田、周陈、嵇玉") {
		t.Errorf("check report (exit %d):\n%s", code, out)
	}
	out, _, code = runCLI(t, "", "results", sample)
	for _, want := range []string{"至少需30名", "至少19票", "当选委员（按姓氏笔画为序）：刘通、孙朋、汪金平、周陈、嵇玉", "书记：嵇玉，5票，当选"} {
		if !strings.Contains(out, want) {
			t.Errorf("results report lacks %q:\n%s", want, out)
		}
	}
	if code != 0 {
		t.Errorf("results exit %d", code)
	}
	out, _, _ = runCLI(t, "", "results", "../../samples/village-branch.toml")
	for _, want := range []string{"第一轮投票（应选5名）得票", "  孙立军  10票\n", "另行选举得票：\n  孙立军  13票  当选", "（其中孙立军经另行选举当选）", "——王建国、刘晓燕、李春梅、张大勇当选；尚缺1名\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("village results lack %q:\n%s", want, out)
		}
	}
	out, _, code = runCLI(t, "", "check", "testdata/bad.toml")
	if code != 1 || !strings.Contains(out, "testdata/bad.toml:") || !strings.Contains(out, "是否应为 gender？") {
		t.Errorf("bad check (exit %d):\n%s", code, out)
	}
	out, _, _ = runCLI(t, "", "check", "../../samples/small-branch.toml")
	if !strings.Contains(out, "选举方式：数据文件写明不设支部委员会（[plan] committee = false），由党员大会直接选举书记") || !strings.Contains(out, "书记候选人：宋立新") {
		t.Errorf("check of a branch without a committee:\n%s", out)
	}
	out, _, _ = runCLI(t, "", "results", "../../samples/qinghe-community-committee.toml")
	for _, want := range []string{"纪律检查委员会委员选举\n", "纪委委员选票：发出134张，收回133张", "当选纪委委员（按姓氏笔画为序）：刘芳、杨静、吴倩、何平、张卫东", "纪委书记：杨静，5票，当选"} {
		if !strings.Contains(out, want) {
			t.Errorf("results of a 党委 with its 纪委 lack %q:\n%s", want, out)
		}
	}
}

// TestVillageRefused: the village profile has no Party paperwork — build
// refuses in check's words; check reports it; results still works.
func TestVillageRefused(t *testing.T) {
	const file = "testdata/village.toml"
	const words = "这是村民委员会的选举（rules = \"village\"）：本程序生成的是党组织换届选举的文书"
	out, _, code := runCLI(t, "", "check", file)
	if code != 1 || !strings.Contains(out, "village.toml:4:1: 错误："+words) {
		t.Errorf("check (exit %d):\n%s", code, out)
	}
	out, _, code = runCLI(t, "", "results", file)
	if code != 0 || !strings.Contains(out, "当选委员（按姓氏笔画为序）：王大山、李秀兰、张德福") {
		t.Errorf("results (exit %d):\n%s", code, out)
	}
	dir := t.TempDir()
	out, errOut, code := runCLI(t, "", "build", file, "-o", dir)
	if code != 1 || !strings.Contains(errOut, "不能生成文书：\n"+file+":4:1: 错误："+words) || strings.Contains(errOut, "数据有错误") {
		t.Errorf("build (exit %d):\n%s%s", code, out, errOut)
	}
	if entries, _ := os.ReadDir(dir); len(entries) > 0 {
		t.Errorf("build wrote %d files", len(entries))
	}
}

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.toml")
	f, _ := os.Create(big)
	f.Truncate(50 << 20) // a 50 MB file
	f.Close()
	bin := filepath.Join(dir, "bin.toml")
	os.WriteFile(bin, []byte("\x00\x01\x02garbage\xff\xfe"), 0o644)
	empty := filepath.Join(dir, "empty.toml")
	os.WriteFile(empty, nil, 0o644)
	glyph := filepath.Join(dir, "glyph.toml")
	src, _ := os.ReadFile(sample)
	os.WriteFile(glyph, []byte(strings.Replace(string(src), `name = "张荷田"`, "name = \"张\U00020000田\"", 1)), 0o644)
	nested := filepath.Join(dir, "nested.toml")
	os.WriteFile(nested, []byte("x = "+strings.Repeat("[", 100000)+"\n"), 0o644)
	for _, c := range []struct {
		args []string
		code int
		msg  string
	}{
		{nil, 0, "用法"},
		{[]string{"--help"}, 0, "示例"},
		{[]string{"frobnicate"}, 2, "不认识的命令"},
		{[]string{"check"}, 2, "需要且只需要一个"},
		{[]string{"check", sample, "--jsn"}, 2, "不认识的选项 --jsn"},
		{[]string{"check", dir}, 2, "目录"},
		{[]string{"check", big}, 2, "过大"},
		{[]string{"check", bin}, 2, "UTF-8"},
		{[]string{"check", filepath.Join(dir, "none.toml")}, 2, "不存在"},
		{[]string{"check", empty}, 1, "缺少 [organization] 的 name"},
		{[]string{"check", nested}, 1, "TOML 语法错误"},
		{[]string{"results", empty}, 1, "还没有 [meeting]"},
		{[]string{"check", glyph}, 1, "U+20000"},
		{[]string{"check", glyph, "--json"}, 1, `"code": "missing_glyph"`},
		{[]string{"sort-names", "--convention", "abc"}, 2, "不认识的排序规则"},
		{[]string{"fonts"}, 0, "仿宋"},
		{[]string{"fonts", "--fonts", filepath.Join(dir, "nope")}, 2, "不存在"},
		{[]string{"build", sample, "--format", "odt"}, 2, "不认识的格式"},
		{[]string{"build", sample, "--only", "ballots"}, 2, "没有名为"},
		{[]string{"build", sample, "--copies", "0"}, 2, "--copies"},
		{[]string{"build", sample, "-o", ""}, 2, "-o 后面应是输出目录，不能为空"},
		{[]string{"build", sample, "-o", " "}, 2, "-o 后面应是输出目录，不能为空"},
	} {
		out, errOut, code := runCLI(t, "", c.args...)
		if code != c.code {
			t.Errorf("%v: exit %d, want %d", c.args, code, c.code)
		}
		if !strings.Contains(out+errOut, c.msg) {
			t.Errorf("%v: output lacks %q:\n%s%s", c.args, c.msg, out, errOut)
		}
		if strings.Contains(out+errOut, "goroutine") || strings.Contains(out+errOut, "panic") {
			t.Errorf("%v: stack trace in output", c.args)
		}
	}
}

func TestSortNames(t *testing.T) {
	out, _, code := runCLI(t, "嵇玉\n周陈\n\n孙朋\n刘通\n汪金平\n张荷田\n", "sort-names")
	if code != 0 || out != "刘通\n孙朋\n汪金平\n张荷田\n周陈\n嵇玉\n" {
		t.Errorf("sort-names (exit %d):\n%s", code, out)
	}
	out, _, _ = runCLI(t, "王毅\n王超\n王洪祥\n", "sort-names", "--convention", "npc")
	if out != "王洪祥\n王超\n王毅\n" {
		t.Errorf("npc order:\n%s", out)
	}
	out, _, _ = runCLI(t, "王小洪\n王毅\n", "sort-names")
	if out != "王毅\n王小洪\n" {
		t.Errorf("party order:\n%s", out)
	}
	_, errOut, code := runCLI(t, "张𠀀\n", "sort-names")
	if code != 0 || !strings.Contains(errOut, "𠀀") {
		t.Errorf("unknown character not reported: %q", errOut)
	}
}
