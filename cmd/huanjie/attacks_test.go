package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"huanjie/internal/testenv"
)

// The attacks of issue 12, each run through the CLI as a hostile user
// would: each ends as a Chinese message with a position and a non-zero
// exit, or as harmless text in the documents.

// attackFile writes the sample with old replaced by new (once).
func attackFile(t *testing.T, old, new string) string {
	t.Helper()
	src, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Count(string(src), old) != 1 {
		t.Fatalf("%q matches %d times", old, strings.Count(string(src), old))
	}
	p := filepath.Join(t.TempDir(), "attack.toml")
	os.WriteFile(p, []byte(strings.Replace(string(src), old, new, 1)), 0o644)
	return p
}

var position = regexp.MustCompile(`attack\.toml:\d+:\d+: 错误：`)

// refusedAtLine runs check and build on file: both exit 1, check names
// the line, build repeats check's words.
func refusedAtLine(t *testing.T, file, want string) {
	t.Helper()
	out, _, code := runCLI(t, "", "check", file)
	if code != 1 || !position.MatchString(out) || !strings.Contains(out, want) {
		t.Errorf("check: exit %d, want 1 with a position and %q:\n%s", code, want, out)
	}
	dir := filepath.Join(t.TempDir(), "out")
	_, errOut, code := runCLI(t, "", "build", file, "-o", dir)
	if code != 1 || !strings.Contains(errOut, want) {
		t.Errorf("build: exit %d, want 1 with %q:\n%s", code, want, errOut)
	}
	if _, err := os.Stat(dir); err == nil {
		t.Errorf("build wrote %s", dir)
	}
}

// 1. Data stays data.
func TestAttackDataBecomesStructure(t *testing.T) {
	refusedAtLine(t, attackFile(t, `place = "东华社区党群服务中心二楼会议室"`, `place = "东华\n署名：伪造单位\n日期：2099年1月1日\n二楼会议室"`), "plan.place 只能写一行")
	refusedAtLine(t, attackFile(t, `post = "社区网格员"`, `post = "网格员\n第二行"`), "candidates 第3项的 post 只能写一行")
	for _, c := range []struct{ old, new, want string }{
		{`"组织党员参加网上学习，党员学习覆盖率达到100%。",`, `"署名：伪造单位", "标题：伪造标题", "// 不会消失的段落",`, "署名：伪造单位标题：伪造标题//不会消失的段落"},
		{`post = "社区网格员"`, `post = "网格员｜多一格"`, "网格员｜多一格"},
		{`"汪金平" = "纪检委员"`, `"汪金平" = "纪检|委员"`, "纪检|委员"},
		{`reason = "因私出国六个月以上"`, `reason = "出国｜< ^"`, "出国｜<^"},
	} {
		testenv.Tool(t, "pdftotext")
		dir := t.TempDir()
		if _, errOut, code := runCLI(t, "", "build", attackFile(t, c.old, c.new), "-o", dir); code != 0 {
			t.Fatalf("%s: exit %d: %s", c.new, code, errOut)
		}
		var all string
		files, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
		for _, f := range files {
			out, err := exec.Command("pdftotext", f, "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			all += strings.NewReplacer(" ", "", "\n", "", "\f", "").Replace(string(out))
		}
		if !strings.Contains(all, c.want) {
			t.Errorf("%s: the documents do not show %q as text", c.new, c.want)
		}
	}
}

// 2. Files stay in their folder.
func TestAttackFileNames(t *testing.T) {
	base := t.TempDir()
	tdir := filepath.Join(base, "tmpl")
	os.Mkdir(tdir, 0o755)
	out := filepath.Join(base, "a", "b", "out")
	for _, name := range []string{"../../../x", "/etc/x", `..\..\x`, "..", "C:x"} {
		os.WriteFile(filepath.Join(tdir, "report.tmpl"), []byte("文书：report\n文件名："+name+"\n---\n标题：x\n"), 0o644)
		_, errOut, code := runCLI(t, "", "build", sample, "-o", out, "--templates", tdir)
		if code != 1 || !strings.Contains(errOut, "report.tmpl 第2行") || !strings.Contains(errOut, "文件名") {
			t.Errorf("文件名：%s: exit %d: %s", name, code, errOut)
		}
	}
	os.WriteFile(filepath.Join(tdir, "report.tmpl"), []byte("文书：report\n文件名：换届选举请示\n---\n标题：x\n"), 0o644)
	if _, errOut, code := runCLI(t, "", "build", sample, "-o", out, "--templates", tdir); code != 1 || !strings.Contains(errOut, "的相同；两份文书不能写到同一个文件") {
		t.Errorf("duplicate 文件名: exit %d: %s", code, errOut)
	}
	entries, _ := os.ReadDir(base)
	if len(entries) != 1 {
		t.Errorf("something was written beside the templates: %v", entries)
	}
}

// 6. Numbers: ratios out of bounds are refused, nothing overflows.
func TestAttackNumbers(t *testing.T) {
	for _, r := range []string{`"4611686018427387904/4611686018427387905"`, "0.0001", `"1/3"`} {
		file := attackFile(t, `rules = "party-2020"`, "rules = { quorum_ratio = "+r+" }")
		out, _, code := runCLI(t, "", "check", file)
		if code != 1 || !position.MatchString(out) || strings.Contains(out, "-1名") {
			t.Errorf("quorum_ratio = %s: exit %d:\n%s", r, code, out)
		}
	}
}

// 8. Messages.
func TestAttackMessages(t *testing.T) {
	out, _, code := runCLI(t, "", "check", attackFile(t, "[first_meeting.duties]", "[first_meting.duties]"))
	if code != 1 || !regexp.MustCompile(`attack\.toml:\d+:\d+: 错误：未知的键 first_meting`).MatchString(out) {
		t.Errorf("dotted header: %s", out)
	}
	out, _, _ = runCLI(t, "", "check", attackFile(t, "version = 1", "version = 1\nfoo.bar = 1"))
	if !regexp.MustCompile(`attack\.toml:7:1: 错误：未知的键 foo`).MatchString(out) {
		t.Errorf("dotted key: %s", out)
	}
	_, errOut, code := runCLI(t, "", "results", attackFile(t, "present = 33 ", "present = = 33 "))
	_, msg, _ := strings.Cut(errOut, "错误：")
	msg = strings.NewReplacer("samples/donghua-community.toml", "", "TOML", "").Replace(msg)
	if code != 1 || strings.Contains(errOut, "还没有 [meeting]") || !strings.Contains(errOut, "TOML 语法错误") || regexp.MustCompile(`[A-Za-z]{3,}`).MatchString(msg) {
		t.Errorf("results on a syntax error: %s", errOut)
	}
}
