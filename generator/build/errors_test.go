package build

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"huanjie/generator/election"
)

// loadVariant writes the normative sample with edits to a temporary file
// and analyses it. Each edit replaces old with new exactly once.
func loadVariant(t *testing.T, edits ...[2]string) *election.Election {
	t.Helper()
	s := source(t, "donghua-community")
	for _, ed := range edits {
		if strings.Count(s, ed[0]) != 1 {
			t.Fatalf("edit %q: found %d times in the sample, want 1", ed[0], strings.Count(s, ed[0]))
		}
		s = strings.Replace(s, ed[0], ed[1], 1)
	}
	return loadSource(t, "variant", s)
}

func writeTemplate(t *testing.T, name, text string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestTemplateSyntaxError(t *testing.T) {
	// Line 8 of the file holds the unclosed action.
	dir := writeTemplate(t, "report.tmpl", "文书：report\n文件名：支部委员会工作报告\n需要：report\n顺序：7\n---\n标题：{{.Org.Name}}｜工作报告\n第一段。\n{{if .Short}}没有结束\n第三段。\n")
	_, err := LoadTemplates(dir)
	var te *TemplateError
	if !errors.As(err, &te) {
		t.Fatalf("LoadTemplates: got %v, want a *TemplateError", err)
	}
	msg := err.Error()
	for _, want := range []string{"模板 report.tmpl", "模板语法错误"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
	// text/template reports an unclosed {{if}} at the end of input: the
	// line must be a real line of the file (the last, 10), not of the body.
	if te.Line != 10 {
		t.Errorf("line = %d, want 10 (message %q)", te.Line, msg)
	}
	// Through Plan: a refusal (exit 1) carrying the same message.
	_, err = Plan(loadSample(t, "donghua-community"), Options{TemplatesDir: dir, NoSystemFonts: true}, &bytes.Buffer{})
	var r *Refusal
	if !errors.As(err, &r) || !strings.Contains(r.Msg, "report.tmpl") {
		t.Errorf("Plan: got %v, want a Refusal naming report.tmpl", err)
	}

	// A broken action in the middle of the file names its own line.
	dir = writeTemplate(t, "report.tmpl", "文书：report\n文件名：支部委员会工作报告\n顺序：7\n---\n标题：工作报告\n{{.Short}\n")
	_, err = LoadTemplates(dir)
	if !errors.As(err, &te) || te.Line != 6 || !strings.Contains(err.Error(), "第6行") {
		t.Errorf("unclosed action: got %v, want line 6", err)
	}
}

func TestTemplateMissingKey(t *testing.T) {
	dir := writeTemplate(t, "report.tmpl", "文书：report\n文件名：支部委员会工作报告\n需要：report\n顺序：7\n---\n标题：{{.Org.Name}}｜工作报告\n{{.Org.Nmae}}\n")
	_, err := Plan(loadSample(t, "donghua-community"), Options{TemplatesDir: dir, Only: []string{"report"}, NoSystemFonts: true}, &bytes.Buffer{})
	var r *Refusal
	if !errors.As(err, &r) {
		t.Fatalf("got %v, want a Refusal", err)
	}
	for _, want := range []string{"report.tmpl", "第7行", ".Org.Nmae", "数据中没有这一项"} {
		if !strings.Contains(r.Msg, want) {
			t.Errorf("message %q lacks %q", r.Msg, want)
		}
	}
}

func TestOnlySummaryWithoutSummary(t *testing.T) {
	head, _, ok := strings.Cut(source(t, "donghua-community"), "\n[summary]")
	if !ok {
		t.Fatal("the normative sample has no [summary] to cut")
	}
	p := filepath.Join(t.TempDir(), "nosummary.toml")
	os.WriteFile(p, []byte(head+"\n"), 0o644)
	e, err := election.Load(p)
	if err != nil || e.Findings.HasErrors() {
		t.Fatalf("load: %v %v", err, e.Findings)
	}
	_, err = Plan(e, Options{Only: []string{"summary"}, NoSystemFonts: true}, &bytes.Buffer{})
	var r *Refusal
	if !errors.As(err, &r) || !strings.Contains(r.Msg, "summary") || !strings.Contains(r.Msg, "没有 [summary]") {
		t.Fatalf("--only summary: got %v, want a Refusal saying [summary] is missing", err)
	}
	// Without --only the summary is skipped with a note, the rest is built.
	var notes bytes.Buffer
	outs, err := Plan(e, Options{NoSystemFonts: true}, &notes)
	if err != nil {
		t.Fatalf("full set: %v", err)
	}
	if !strings.Contains(notes.String(), "跳过 summary（换届选举工作总结）") {
		t.Errorf("notes %q lack the skipped summary", notes.String())
	}
	for _, o := range outs {
		if o.Name == "summary" {
			t.Error("summary was built without [summary]")
		}
	}
	if len(outs) == 0 {
		t.Error("nothing built")
	}
}

// quorumFailed: 29 present of 37 expected (30 needed), votes consistent
// with 28 valid ballots so that the quorum is the only error.
func quorumFailed(t *testing.T) *election.Election {
	e := loadVariant(t,
		[2]string{"present = 33 ", "present = 29 "},
		[2]string{"ballots_issued = 33", "ballots_issued = 29"},
		[2]string{"ballots_returned = 33", "ballots_returned = 29"},
		[2]string{`"嵇玉" = 32`, `"嵇玉" = 28`},
		[2]string{`"周陈" = 31`, `"周陈" = 27`},
		[2]string{`"孙朋" = 27`, `"孙朋" = 25`},
		[2]string{`"刘通" = 25`, `"刘通" = 24`},
		[2]string{`"汪金平" = 29`, `"汪金平" = 26`},
		[2]string{"votes = 2\n", "votes = 1\n"},
	)
	errs := e.Findings.Errors()
	if len(errs) != 1 || errs[0].Code != "quorum" {
		t.Fatalf("variant findings: %v, want exactly one quorum error", errs)
	}
	return e
}

func TestInvalidMeetingRefusedUnlessDraft(t *testing.T) {
	e := quorumFailed(t)
	if e.Result == nil || e.Result.Status != election.StatusInvalidMeet {
		t.Fatalf("result %+v, want invalid_meeting", e.Result)
	}
	_, err := Plan(e, Options{Only: []string{"result-request"}, NoSystemFonts: true}, &bytes.Buffer{})
	var r *Refusal
	if !errors.As(err, &r) {
		t.Fatalf("got %v, want a Refusal", err)
	}
	// The refusal gives check's own words.
	for _, want := range []string{"不能生成 result-request", "到会人数不足", "应到会有选举权人数37名", "实到29名", "至少30名", "会议无效", "--draft"} {
		if !strings.Contains(r.Msg, want) {
			t.Errorf("message %q lacks %q", r.Msg, want)
		}
	}
	// The whole set is refused too (no half set), not just skipped.
	if _, err := Plan(e, Options{NoSystemFonts: true}, &bytes.Buffer{}); !errors.As(err, &r) {
		t.Errorf("full set: got %v, want a Refusal", err)
	}
	// The before-election documents alone still build.
	if outs, err := Plan(e, Options{Only: []string{"request"}, NoSystemFonts: true}, &bytes.Buffer{}); err != nil || len(outs) != 1 {
		t.Errorf("request alone: %v (%d outputs)", err, len(outs))
	}

	// With Draft the document is built and stamped.
	outs, err := Plan(e, Options{Only: []string{"result-request"}, Draft: true, Formats: []string{"pdf", "docx"}, NoSystemFonts: true}, &bytes.Buffer{})
	if err != nil || len(outs) != 2 {
		t.Fatalf("draft: %v (%d outputs)", err, len(outs))
	}
	tmpls, _ := LoadTemplates("")
	for _, tm := range tmpls {
		if tm.Name == "result-request" {
			d, err := Document(tm, newView(e, true), e)
			if err != nil || !d.Draft {
				t.Errorf("Document: %v, Draft=%v", err, d != nil && d.Draft)
			}
		}
	}
	// The PDF stamp is rotated, translucent text that pdftotext leaves out
	// on purpose; look for its graphics state. The DOCX carries 草稿 in a
	// page header.
	if !bytes.Contains(outs[0].Data, []byte("/ca 0.18")) {
		t.Error("draft PDF has no translucent 草稿 stamp")
	}
	if h := zipPart(t, outs[1].Data, "word/header1.xml"); !strings.Contains(h, "草稿") {
		t.Errorf("draft DOCX header lacks 草稿: %.200q", h)
	}
	text := pdfText(t, outs[0].Data, false)
	f := flat(text)
	for _, want := range []string{"实到会有选举权的党员29名", "未达到应到会人数的五分之四（至少30名），会议无效", "书记、副书记尚未选出"} {
		if !strings.Contains(f, want) {
			t.Errorf("draft text lacks %q", want)
		}
	}
}

func TestWriteFailureLeavesNothing(t *testing.T) {
	outs := []Output{{Name: "a", Data: []byte("A")}, {Name: "b", Data: []byte("B")}}
	at := func(dir string) []Output {
		o := append([]Output(nil), outs...)
		o[0].Path = filepath.Join(dir, "甲.pdf")
		o[1].Path = filepath.Join(dir, "乙.pdf")
		return o
	}

	// 1. The output directory cannot be created: its parent is a regular
	// file (this fails for root too, unlike chmod).
	base := t.TempDir()
	blocker := filepath.Join(base, "file")
	os.WriteFile(blocker, []byte("x"), 0o644)
	err := Write(at(filepath.Join(blocker, "out")))
	if err == nil || !strings.Contains(err.Error(), "无法创建输出目录") {
		t.Errorf("parent is a file: got %v, want 无法创建输出目录", err)
	}
	assertEntries(t, base, "file")

	// 2. The directory exists but is read-only (only meaningful when not root).
	if os.Geteuid() != 0 {
		ro := filepath.Join(base, "ro")
		os.Mkdir(ro, 0o755)
		os.Chmod(ro, 0o555)
		defer os.Chmod(ro, 0o755)
		err := Write(at(ro))
		if err == nil || !strings.Contains(err.Error(), "请换一个可写的输出目录") {
			t.Errorf("read-only dir: got %v", err)
		}
		assertEntries(t, ro)
	}

	// 3. Renaming into place fails (the first target is a directory): the
	// temporaries written for both files are removed.
	dir := filepath.Join(base, "out3")
	os.MkdirAll(filepath.Join(dir, "甲.pdf"), 0o755)
	if err := Write(at(dir)); err == nil || !strings.Contains(err.Error(), "无法写入") {
		t.Errorf("rename failure: got %v", err)
	}
	assertEntries(t, dir, "甲.pdf")

	// 4. The second file cannot be placed: the first, already moved into
	// place, is taken back out and the old file of that name restored.
	dir = filepath.Join(base, "out4")
	os.MkdirAll(filepath.Join(dir, "乙.pdf"), 0o755)
	os.WriteFile(filepath.Join(dir, "甲.pdf"), []byte("old"), 0o644)
	if err := Write(at(dir)); err == nil {
		t.Errorf("second rename failure: got nil")
	}
	assertEntries(t, dir, "乙.pdf", "甲.pdf")
	if b, _ := os.ReadFile(filepath.Join(dir, "甲.pdf")); string(b) != "old" {
		t.Errorf("甲.pdf = %q after a failed write, want the old content back", b)
	}

	// And the success path writes both files and nothing else.
	dir = filepath.Join(base, "ok")
	if err := Write(at(dir)); err != nil {
		t.Fatal(err)
	}
	assertEntries(t, dir, "乙.pdf", "甲.pdf")
	if b, _ := os.ReadFile(filepath.Join(dir, "乙.pdf")); string(b) != "B" {
		t.Errorf("乙.pdf = %q", b)
	}
}

// assertEntries checks a directory holds exactly the named entries.
func assertEntries(t *testing.T, dir string, want ...string) {
	t.Helper()
	des, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range des {
		got = append(got, d.Name())
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("%s holds %q, want %q", dir, got, want)
	}
}

func TestDeterministic(t *testing.T) {
	for _, sample := range sampleNames(t) {
		e := loadSample(t, sample)
		a, _ := buildAll(t, e, "pdf", "docx", "ofd")
		// A fresh analysis of the same file, to catch map-order effects.
		b, _ := buildAll(t, loadSample(t, sample), "pdf", "docx", "ofd")
		if len(a) != len(b) || len(a) == 0 {
			t.Fatalf("%s: %d and %d outputs", sample, len(a), len(b))
		}
		for i := range a {
			if a[i].Path != b[i].Path || !bytes.Equal(a[i].Data, b[i].Data) {
				t.Errorf("%s: %s differs between two builds", sample, a[i].Path)
			}
		}
	}
}

// zipPart returns one part of a DOCX (zip) as text.
func zipPart(t *testing.T, data []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == name {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			b, _ := io.ReadAll(rc)
			return string(b)
		}
	}
	t.Errorf("no part %s", name)
	return ""
}

// A 书记 who did not get more than half of the committee's votes is not
// reported for approval: the result request is refused unless --draft.
func TestSecretaryNotElectedRefused(t *testing.T) {
	e := loadVariant(t, [2]string{"[first_meeting.votes]                  # 书记、副书记选举得票\n\"嵇玉\" = 5", "[first_meeting.votes]\n\"嵇玉\" = 2"})
	_, err := Plan(e, Options{Out: t.TempDir(), Formats: []string{"pdf"}, Only: []string{"result-request"}, NoSystemFonts: true}, io.Discard)
	var r *Refusal
	if !errors.As(err, &r) || !strings.Contains(r.Msg, "书记候选人嵇玉得2票") || !strings.Contains(r.Msg, "至少3票") {
		t.Fatalf("got %v, want a refusal naming 嵇玉's 2 votes and the 3 needed", err)
	}
	if _, err := Plan(e, Options{Out: t.TempDir(), Formats: []string{"pdf"}, Only: []string{"result-request"}, Draft: true, NoSystemFonts: true}, io.Discard); err != nil {
		t.Fatalf("draft: %v", err)
	}
}

// Before the election the file ends at [[candidates]]: every before-election
// document builds, the result documents are skipped with a note each, and
// the tally forms come out blank.
func TestBeforeElection(t *testing.T) {
	e := beforeElection(t, "donghua-community")
	var notes bytes.Buffer
	outs, err := Plan(e, Options{NoSystemFonts: true}, &notes)
	if err != nil {
		t.Fatal(err)
	}
	built := map[string]bool{}
	for _, o := range outs {
		built[o.Name] = true
	}
	for _, n := range []string{"request", "notice", "meeting-notice", "method", "agenda", "script", "ballot", "tally"} {
		if !built[n] {
			t.Errorf("%s not built before the election", n)
		}
	}
	for _, n := range []string{"report", "result-request", "summary"} {
		if built[n] {
			t.Errorf("%s built without its data", n)
		}
		if !strings.Contains(notes.String(), "跳过 "+n+"（") {
			t.Errorf("no note for skipped %s in %q", n, notes.String())
		}
	}
	for _, o := range outs {
		if o.Name == "tally" && strings.HasSuffix(o.Path, "委员选举结果报告单.pdf") {
			if txt := flat(pdfText(t, o.Data, false)); strings.Contains(txt, "32") || !strings.Contains(txt, "刘通") {
				t.Errorf("blank result form carries votes or lacks names: %s", txt)
			}
		}
	}
}

// TestSmallBranchForms: a branch with few voters gets every form, blank and
// filled. The 计票单's “正” grid was once sized to the voters only and its
// header did not fit below 21 of them, refusing the whole set.
func TestSmallBranchForms(t *testing.T) {
	for _, expected := range []int{7, 10, 20} {
		total := expected + 5 // 3 预备党员 and 2 excluded in the sample
		e := loadVariant(t,
			[2]string{"total = 42 ", fmt.Sprintf("total = %d ", total)},
			[2]string{"present = 33 ", fmt.Sprintf("present = %d ", expected)},
			[2]string{"ballots_issued = 33 ", fmt.Sprintf("ballots_issued = %d ", expected)},
			[2]string{"ballots_returned = 33 ", fmt.Sprintf("ballots_returned = %d ", expected)},
			[2]string{`"嵇玉" = 32`, fmt.Sprintf(`"嵇玉" = %d`, expected-2)},
			[2]string{`"周陈" = 31`, fmt.Sprintf(`"周陈" = %d`, expected-2)},
			[2]string{`"孙朋" = 27`, fmt.Sprintf(`"孙朋" = %d`, expected-2)},
			[2]string{`"刘通" = 25`, fmt.Sprintf(`"刘通" = %d`, expected-2)},
			[2]string{`"汪金平" = 29`, fmt.Sprintf(`"汪金平" = %d`, expected-2)},
			[2]string{`"张荷田" = 9`, `"张荷田" = 1`},
			[2]string{"votes = 2", "votes = 1"},
		)
		if errs := e.Findings.Errors(); len(errs) > 0 {
			t.Fatalf("%d voters: %v", expected, errs)
		}
		var notes bytes.Buffer
		outs, err := Plan(e, Options{Out: "out", Formats: []string{"pdf"}, NoSystemFonts: true, Only: []string{"ballot", "tally"}}, &notes)
		if err != nil {
			t.Fatalf("%d voters: %v", expected, err)
		}
		if len(outs) < 5 {
			t.Errorf("%d voters: %d forms", expected, len(outs))
		}
	}
}

// TestNormativeSample: the contract's own sample (shared/spec/
// election.sample.toml), not our extended copy of it, reads without a
// finding on its keys, checks without an error and builds every document.
func TestNormativeSample(t *testing.T) {
	const path = "../../../shared/spec/election.sample.toml"
	if _, err := os.Stat(path); err != nil {
		t.Skip("shared/spec is not beside the repository")
	}
	l, err := election.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Findings) != 0 {
		t.Fatalf("normative sample not read cleanly: %v", l.Findings)
	}
	e := election.Analyze(l)
	if errs := append(e.Findings.Errors(), Check(e, Options{NoSystemFonts: true})...).Errors(); len(errs) > 0 {
		t.Fatalf("normative sample has errors: %v", errs)
	}
	outs, notes := buildAll(t, e)
	if notes != "" {
		t.Errorf("documents skipped: %s", notes)
	}
	var names []string
	for _, o := range outs {
		names = append(names, filepath.Base(o.Path))
	}
	for _, want := range []string{"东华社区党支部-换届选举请示.pdf", "东华社区党支部-选举结果请示.pdf", "东华社区党支部-换届选举工作总结.pdf", "东华社区党支部-委员选票.pdf"} {
		if !slices.Contains(names, want) {
			t.Errorf("no %s in %v", want, names)
		}
	}
}
