package pdf_test

// Ballots and counting forms built from the templates, read back from the
// PDF: names and order, the 说明's numbers, text sizes, geometry, cut marks.
// Needs poppler-utils (pdftotext) and qpdf.

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"huanjie/generator/build"
	"huanjie/generator/election"
	"huanjie/internal/testenv"
)

const samplePath = "../../samples/donghua-community.toml"

func sampleTOML(t testing.TB) string {
	b, err := os.ReadFile(samplePath)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// beforeElection cuts the sample at the post-election sections.
func beforeElection(s string) string {
	if i := strings.Index(s, "\n[meeting]"); i >= 0 {
		return s[:i] + "\n"
	}
	return s
}

// withCandidates replaces the sample's candidates (before the election).
func withCandidates(t testing.TB, names []string, seats int, extra string) string {
	s := beforeElection(sampleTOML(t))
	s = s[:strings.Index(s, "\n[[candidates]]")+1]
	s = strings.Replace(s, "committee_seats = 5", fmt.Sprintf("committee_seats = %d", seats), 1)
	s = strings.Replace(s, `rules = "party-2020"`, `rules = { profile = "party-2020", committee_max = 99 }`, 1)
	var b strings.Builder
	b.WriteString(s)
	for i, n := range names {
		fmt.Fprintf(&b, "[[candidates]]\nname = %q\ngender = \"男\"\n", n)
		if i == 0 {
			b.WriteString("proposed = \"书记\"\n")
		}
		if i == 1 {
			b.WriteString("proposed = \"副书记\"\n")
		}
	}
	b.WriteString(extra)
	return b.String()
}

func loadElection(t testing.TB, toml string) *election.Election {
	t.Helper()
	l, err := election.Parse("test.toml", []byte(toml))
	if err != nil {
		t.Fatal(err)
	}
	return election.Analyze(l)
}

// buildDocs builds the named documents as PDF; it returns them by file name.
func buildDocs(t testing.TB, e *election.Election, copies int, only ...string) (map[string][]byte, error) {
	t.Helper()
	outs, err := build.Plan(e, build.Options{Out: t.TempDir(), Formats: []string{"pdf"}, Only: only, NoSystemFonts: true, Copies: copies}, &bytes.Buffer{})
	if err != nil {
		return nil, err
	}
	m := map[string][]byte{}
	for _, o := range outs {
		m[filepath.Base(o.Path)] = o.Data
	}
	return m, nil
}

func mustBuild(t testing.TB, e *election.Election, copies int, only ...string) map[string][]byte {
	t.Helper()
	m, err := buildDocs(t, e, copies, only...)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func writeTemp(t testing.TB, pdf []byte) string {
	p := filepath.Join(t.TempDir(), "x.pdf")
	if err := os.WriteFile(p, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func text(t testing.TB, pdf []byte, args ...string) string {
	t.Helper()
	testenv.Tool(t, "pdftotext")
	out, err := exec.Command("pdftotext", append(args, writeTemp(t, pdf), "-")...).Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

type word struct {
	x0, y0, x1, y1 float64
	text           string
}

type pageWords struct {
	w, h  float64
	words []word
}

var (
	pageRE = regexp.MustCompile(`<page width="([\d.]+)" height="([\d.]+)">`)
	wordRE = regexp.MustCompile(`<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)</word>`)
)

// words reads every word's box with pdftotext -bbox, for the first n pages.
func words(t testing.TB, pdf []byte, n int) []pageWords {
	out := text(t, pdf, "-bbox", "-l", strconv.Itoa(n))
	var pages []pageWords
	for _, part := range strings.Split(out, "</page>") {
		m := pageRE.FindStringSubmatch(part)
		if m == nil {
			continue
		}
		p := pageWords{w: atof(m[1]), h: atof(m[2])}
		for _, w := range wordRE.FindAllStringSubmatch(part, -1) {
			p.words = append(p.words, word{atof(w[1]), atof(w[2]), atof(w[3]), atof(w[4]), w[5]})
		}
		pages = append(pages, p)
	}
	return pages
}

func atof(s string) float64 { f, _ := strconv.ParseFloat(s, 64); return f }

// checkGeometry: every word inside the page (5 mm clear of the edge) and
// no text smaller than 12 pt (the box height of a CJK word is its size).
func checkGeometry(t *testing.T, name string, pdf []byte) {
	t.Helper()
	pages := words(t, pdf, 2)
	if len(pages) == 0 {
		t.Fatalf("%s: no pages read", name)
	}
	edge := 5 * 72 / 25.4
	for i, p := range pages {
		if len(p.words) == 0 {
			t.Errorf("%s page %d: no text", name, i+1)
		}
		for _, w := range p.words {
			if w.x0 < edge || w.y0 < edge || w.x1 > p.w-edge || w.y1 > p.h-edge {
				t.Errorf("%s page %d: %q at (%.1f,%.1f)-(%.1f,%.1f) outside the page %.0f×%.0f", name, i+1, w.text, w.x0, w.y0, w.x1, w.y1, p.w, p.h)
			}
			if h := w.y1 - w.y0; h < 11.95 {
				t.Errorf("%s page %d: %q set at %.2f pt, under 12 pt", name, i+1, w.text, h)
			}
		}
	}
}

// firstCopy is the text of the first ballot on page 1, up to the end of its 说明.
func firstCopy(t testing.TB, pdf []byte) string {
	s := text(t, pdf, "-raw", "-f", "1", "-l", "1")
	if i := strings.Index(s, "5.请用"); i >= 0 {
		if j := strings.Index(s[i:], "\n"); j >= 0 {
			return s[:i+j]
		}
	}
	return s
}

func checkOrder(t *testing.T, txt string, names []string) {
	t.Helper()
	flat := strings.NewReplacer(" ", "", "\n", "").Replace(txt)
	last := -1
	for _, n := range names {
		i := strings.Index(flat, n)
		if i < 0 {
			t.Errorf("%s missing from the ballot", n)
			continue
		}
		if i < last {
			t.Errorf("%s out of stroke order", n)
		}
		last = i
	}
}

var digitRE = regexp.MustCompile(`[0-9０-９]`)

// checkNoDigits: digits only in the 说明 (after "说明：").
func checkNoDigits(t *testing.T, txt string) {
	t.Helper()
	head, _, ok := strings.Cut(txt, "说明：")
	if !ok {
		t.Fatal("no 说明 on the ballot")
	}
	if d := digitRE.FindString(head); d != "" {
		t.Errorf("digit %q on the ballot outside the 说明: %q", d, head)
	}
}

func pick(t *testing.T, docs map[string][]byte, part string) []byte {
	t.Helper()
	for n, d := range docs {
		if strings.Contains(n, part) {
			return d
		}
	}
	t.Fatalf("no document %s among %d", part, len(docs))
	return nil
}

func pageCount(t testing.TB, pdf []byte) int {
	out, err := exec.Command("pdfinfo", writeTemp(t, pdf)).Output()
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`Pages:\s+(\d+)`).FindSubmatch(out)
	n, _ := strconv.Atoi(string(m[1]))
	return n
}

func TestSampleBallots(t *testing.T) {
	testenv.Tool(t, "pdftotext")
	e := loadElection(t, beforeElection(sampleTOML(t)))
	docs := mustBuild(t, e, 0, "ballot")
	if len(docs) != 2 {
		t.Fatalf("--only ballot built %d files, want 2 (委员选票, 书记副书记选票)", len(docs))
	}
	var names []string
	for _, c := range e.Candidates {
		names = append(names, c.Name)
	}
	if strings.Join(names, "") != "刘通孙朋汪金平张荷田周陈嵇玉" {
		t.Fatalf("stroke order from the election package: %v", names)
	}

	c := pick(t, docs, "委员选票")
	txt := firstCopy(t, c)
	checkOrder(t, txt, names)
	checkNoDigits(t, txt)
	flat := strings.ReplaceAll(strings.ReplaceAll(txt, "\n", ""), " ", "")
	for _, want := range []string{
		"中国共产党东华社区支部委员会委员选票", "（按姓氏笔画为序）",
		"应选委员5名，候选人6名", "画“○”", "画“×”", "不画任何符号",
		"弃权的不能另选他人", "所写的人不计票",
		"等于或少于5名的为有效票，多于5名的为无效票", "蓝色或黑色钢笔、签字笔", "印章",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("委员选票 lacks %q:\n%s", want, flat)
		}
	}
	// before the election: 应到会 37 plus 10% spares = 41 copies, 2 to a sheet
	if n := pageCount(t, c); n != 21 {
		t.Errorf("委员选票: %d sheets, want 21 (41 copies, 2 per A4 sheet)", n)
	}
	checkGeometry(t, "委员选票", c)

	s := pick(t, docs, "书记副书记选票")
	st := firstCopy(t, s)
	checkNoDigits(t, st)
	fs := strings.ReplaceAll(strings.ReplaceAll(st, "\n", ""), " ", "")
	if i, j := strings.Index(fs, "嵇玉"), strings.Index(fs, "周陈"); i < 0 || j < 0 || i > j {
		t.Errorf("书记 嵇玉 must come before 副书记 周陈 (approved order): %s", fs)
	}
	for _, want := range []string{"中国共产党东华社区支部委员会书记、副书记选票", "书记1名、副书记1名", "实行等额选举", "另选的人须是新一届委员会委员"} {
		if !strings.Contains(fs, want) {
			t.Errorf("书记副书记选票 lacks %q:\n%s", want, fs)
		}
	}
	checkGeometry(t, "书记副书记选票", s)
}

// TestBallotSheetsAndCutMarks: 2 and 4 to a sheet draw dashed cut lines
// through the middle of the sheet; 1 to a sheet draws none.
func TestBallotSheetsAndCutMarks(t *testing.T) {
	testenv.Tool(t, "qpdf")
	for _, tc := range []struct {
		per        int
		copies     int
		sheets     int
		hCut, vCut bool
	}{{1, 3, 3, false, false}, {2, 5, 3, true, false}, {4, 6, 2, true, true}} {
		toml := beforeElection(sampleTOML(t)) + fmt.Sprintf("\n[ballot]\nper_sheet = %d\n", tc.per)
		if tc.per == 4 {
			// no full ballot fits a quarter sheet at 12 pt with its 说明:
			// check the mechanism with a small form of the user's own
			dir := t.TempDir()
			for file, f := range map[string]string{"ballot-committee.tmpl": "委员选票", "ballot-secretary.tmpl": "书记副书记选票"} {
				tmpl := "文书：ballot\n文件名：" + f + "\n---\n纸张：A4｜每张4份｜共{{.BallotCopies}}份\n表单行：10｜40:{{.Short}}!号12\n表单行：10｜40:\n"
				os.WriteFile(filepath.Join(dir, file), []byte(tmpl), 0o644)
			}
			toml += "\n[templates]\ndir = \"" + dir + "\"\n"
		}
		e := loadElection(t, toml)
		pdf := pick(t, mustBuild(t, e, tc.copies, "ballot"), "委员选票")
		if n := pageCount(t, pdf); n != tc.sheets {
			t.Errorf("%d per sheet, %d copies: %d sheets, want %d", tc.per, tc.copies, n, tc.sheets)
		}
		out := filepath.Join(t.TempDir(), "q.pdf")
		if err := exec.Command("qpdf", "--qdf", "--object-streams=disable", writeTemp(t, pdf), out).Run(); err != nil {
			t.Fatal(err)
		}
		raw, _ := os.ReadFile(out)
		dashed := regexp.MustCompile(`\[3 3\] 0 d`).Match(raw)
		h := regexp.MustCompile(`\b0 420\.9\d* m 595\.2\d* 420\.9\d* l`).Match(raw)
		v := regexp.MustCompile(`\b297\.6\d* 841\.8\d* m 297\.6\d* 0 l`).Match(raw)
		if dashed != (tc.hCut || tc.vCut) || h != tc.hCut || v != tc.vCut {
			t.Errorf("%d per sheet: dashed %v, horizontal cut %v, vertical cut %v; want %v %v", tc.per, dashed, h, v, tc.hCut, tc.vCut)
		}
		checkGeometry(t, fmt.Sprintf("%d per sheet", tc.per), pdf)
	}
}

// manyNames: 24 candidates in an arbitrary order, with long names.
var manyNames = []string{
	"王伟", "李娜", "张敏", "刘洋", "陈静", "杨磊", "赵军", "黄勇", "周杰", "吴霞",
	"徐明", "孙涛", "胡斌", "朱琳", "高峰", "林海", "何平", "郭强", "马超", "罗红",
	"阿不都热合曼·买买提", "欧阳春晓", "司马光明", "诸葛亮亮",
}

func TestManyCandidatesAllVariants(t *testing.T) {
	testenv.Tool(t, "pdftotext")
	for _, v := range []int{1, 2, 3} {
		t.Run(fmt.Sprintf("variant%d", v), func(t *testing.T) {
			names := append([]string(nil), manyNames...)
			if v == 1 {
				// a write-in cell under every name: with the 10-character
				// name the ballot needs more than A4 and is refused (below)
				names = names[1:]
				names[19] = "艾力"
			}
			e := loadElection(t, withCandidates(t, names, 19, fmt.Sprintf("\n[ballot]\nvariant = %d\n", v)))
			docs, err := buildDocs(t, e, 2, "ballot")
			if err != nil {
				t.Fatalf("24 candidates, variant %d: %v", v, err)
			}
			pdf := pick(t, docs, "委员选票")
			names = names[:0]
			for _, c := range e.Candidates {
				names = append(names, c.Name)
			}
			txt := text(t, pdf, "-raw", "-f", "1", "-l", "1")
			if v != 3 { // variant 3 reads down the columns; -raw reads across
				checkOrder(t, txt, names)
			} else {
				flat := strings.NewReplacer(" ", "", "\n", "").Replace(txt)
				for _, n := range names {
					if !strings.Contains(flat, n) {
						t.Errorf("%s missing", n)
					}
				}
			}
			checkNoDigits(t, txt)
			if !strings.Contains(txt, fmt.Sprintf("应选委员19名，候选人%d名", len(names))) {
				t.Errorf("说明 numbers wrong:\n%s", txt)
			}
			checkGeometry(t, fmt.Sprintf("variant %d", v), pdf)
		})
	}
}

// TestBallotTooBigRefused: a ballot that cannot fit is refused with a
// Chinese message saying what to change; the text is never shrunk.
func TestBallotTooBigRefused(t *testing.T) {
	more := append(append([]string(nil), manyNames...), "许晴", "韩冰", "唐宁", "宋雨", "曹阳", "彭越")
	e0 := loadElection(t, withCandidates(t, more, 24, "\n[ballot]\nvariant = 1\n"))
	if _, err := buildDocs(t, e0, 2, "ballot"); err == nil || !strings.Contains(err.Error(), "竖排") || !strings.Contains(err.Error(), "variant") {
		t.Errorf("30 candidates with a long name, variant 1: want a refusal pointing to variant 3, got %v", err)
	}
	var names []string
	for _, a := range []string{"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"} {
		for _, b := range []string{"一", "二", "三", "四", "五", "六", "七", "八"} {
			names = append(names, a+b+"明")
		}
	}
	e := loadElection(t, withCandidates(t, names, 60, "\n[ballot]\npaper = \"A5\"\nvariant = 1\n"))
	_, err := buildDocs(t, e, 1, "ballot")
	var r *build.Refusal
	if !errors.As(err, &r) {
		t.Fatalf("80 candidates on A5: want a refusal, got %v", err)
	}
	for _, want := range []string{"超出", "[ballot]", "paper"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("refusal %q lacks %q", err, want)
		}
	}
}

func TestTallyForms(t *testing.T) {
	testenv.Tool(t, "pdftotext")
	// blank, before the election
	e := loadElection(t, beforeElection(sampleTOML(t)))
	docs := mustBuild(t, e, 0, "tally")
	if len(docs) != 5 { // 委员 and 书记、副书记 计票单 and 结果报告单, 情况报告单
		t.Fatalf("--only tally built %d files, want 5", len(docs))
	}
	sheet := pick(t, docs, "委员选举计票单")
	txt := text(t, sheet, "-raw")
	checkOrder(t, txt, []string{"刘通", "孙朋", "汪金平", "张荷田", "周陈", "嵇玉"})
	if !strings.Contains(txt, "应到会有选举权人数：37名") || strings.Count(txt, "不赞成") != 6 || strings.Count(txt, "弃权") != 6 {
		t.Errorf("计票单 blank:\n%s", txt)
	}
	checkGeometry(t, "计票单", sheet)
	// 37 voters: 8 boxes of 正 per line
	for name, d := range docs {
		checkGeometry(t, name, d)
	}

	// filled, after the election
	e = loadElection(t, sampleTOML(t))
	docs = mustBuild(t, e, 0, "tally")
	rep := strings.NewReplacer(" ", "", "\n", "").Replace(text(t, pick(t, docs, "委员选举结果报告单"), "-raw"))
	for _, want := range []string{"37名33名33张33张32张1张", "嵇玉32", "张荷田9", "马红2", "收回选票33张，等于发出选票33张，本次选举有效", "2024年7月18日", "监票人（签字）", "计票人（签字）"} {
		if !strings.Contains(rep, want) {
			t.Errorf("结果报告单 lacks %q:\n%s", want, rep)
		}
	}
	slips := strings.NewReplacer(" ", "", "\n", "").Replace(text(t, pick(t, docs, "情况报告单"), "-raw"))
	for _, want := range []string{"出席人数报告单", "实到会有选举权的党员33名", "选票分发情况报告单", "实发33张", "选票收回情况报告单", "收回选票等于发出选票，本次选举有效", "监票人（签字）"} {
		if !strings.Contains(slips, want) {
			t.Errorf("报告单 lacks %q:\n%s", want, slips)
		}
	}
}

// TestBallotTenThousand: 10,000 委员 ballots within 2 s, 3 MB and 200 MB
// of memory (heap in use at the end, plus what was allocated, as a bound).
func TestBallotTenThousand(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	e := loadElection(t, beforeElection(sampleTOML(t)))
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	docs := mustBuild(t, e, 10000, "ballot")
	el := time.Since(start)
	runtime.ReadMemStats(&after)
	pdf := pick(t, docs, "委员选票")
	t.Logf("10,000 委员选票: %v, %d bytes, %d MB allocated, %d MB peak heap in use (both ballots built)", el, len(pdf), (after.TotalAlloc-before.TotalAlloc)>>20, after.HeapSys>>20)
	if len(pdf) > 3<<20 {
		t.Errorf("10,000 ballots take %d bytes, over 3 MB", len(pdf))
	}
	if el > 4*time.Second { // 2 s goal, with room for a loaded test machine
		t.Errorf("10,000 ballots took %v", el)
	}
	if after.HeapSys > 200<<20 { // 200 MB goal
		t.Errorf("heap %d MB", after.HeapSys>>20)
	}
}

func BenchmarkBallot10000(b *testing.B) {
	e := loadElection(b, beforeElection(sampleTOML(b)))
	for i := 0; i < b.N; i++ {
		mustBuild(b, e, 10000, "ballot")
	}
}
