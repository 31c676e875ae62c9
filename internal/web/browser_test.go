package web

import (
	"context"
	"encoding/base64"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/xuri/excelize/v2"

	"huanjie/internal/testenv"
)

// The page driven in a real Chromium (Debian's, headless), the way a
// secretary uses it: typing, adding rows, opening and saving files,
// importing a roster, previewing and downloading.

var screenshots = flag.String("screenshots", "", "write the README's screenshots of the page into this directory")

// tab is one browser tab on the page, with a folder its downloads go to.
type tab struct {
	t         *testing.T
	ctx       context.Context
	downloads string
}

// chromium starts one headless Chromium for the test and its subtests.
func chromium(t *testing.T) context.Context {
	t.Helper()
	exe := "/usr/bin/chromium"
	if _, err := os.Stat(exe); err != nil {
		exe = testenv.Tool(t, "chromium")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("lang", "zh-CN"),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1366, 768),
	}
	ctx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancelTab := chromedp.NewContext(ctx)
	t.Cleanup(cancelTab)
	if err := chromedp.Do(ctx); err != nil { // start the browser
		t.Fatalf("starting chromium: %v", err)
	}
	return ctx
}

// open opens the page in a new tab at 1366×768.
func open(t *testing.T, browserCtx context.Context, url string) *tab {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browserCtx)
	t.Cleanup(cancel)
	ctx, cancelTime := context.WithTimeout(ctx, 120*time.Second)
	t.Cleanup(cancelTime)
	tb := &tab{t: t, ctx: ctx, downloads: t.TempDir()}
	tb.do(chromedp.EmulateViewport(1366, 768), chromedp.Navigate(url))
	if _, err := chromedp.CallBrowser(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: tb.downloads,
	}); err != nil {
		t.Fatal(err)
	}
	tb.waitText("#verdict", "")
	return tb
}

func (tb *tab) do(steps ...chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	if err := chromedp.Do(tb.ctx, steps...); err != nil {
		tb.t.Fatal(err)
	}
}

func eval[T any](tb *tab, js string) T {
	tb.t.Helper()
	v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		tb.t.Fatalf("%s: %v", js, err)
	}
	return v
}

// waitFor polls a JavaScript condition until it holds.
func (tb *tab) waitFor(what, js string) {
	tb.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if eval[bool](tb, js) {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	tb.t.Fatalf("waited in vain for %s", what)
}

func jsString(s string) string { return fmt.Sprintf("%q", s) }

// text is the text of the first element matching sel ("" if none).
func (tb *tab) text(sel string) string {
	return eval[string](tb, `(e => e ? e.textContent : "")(document.querySelector(`+jsString(sel)+`))`)
}

// waitText waits until the element sel contains s (and the page has
// answered its first check).
func (tb *tab) waitText(sel, s string) {
	tb.t.Helper()
	tb.waitFor(fmt.Sprintf("%q in %s", s, sel), `(e => !!e && e.textContent.includes(`+jsString(s)+`) && document.getElementById("verdict").textContent !== "正在检查…")(document.querySelector(`+jsString(sel)+`))`)
}

func (tb *tab) waitNoText(sel, s string) {
	tb.t.Helper()
	tb.waitFor(fmt.Sprintf("%q to leave %s", s, sel), `!document.querySelector(`+jsString(sel)+`).textContent.includes(`+jsString(s)+`)`)
}

// typeIn types text into the control sel, as a user would.
func (tb *tab) typeIn(sel, text string) {
	tb.t.Helper()
	tb.do(chromedp.Click(chromedp.CSS(sel)), chromedp.SendKeys(chromedp.CSS(sel), text))
}

func (tb *tab) value(sel string) string {
	return eval[string](tb, `document.querySelector(`+jsString(sel)+`).value`)
}

// settled waits until the page has checked what was typed last.
func (tb *tab) settled() {
	tb.t.Helper()
	tb.waitFor("the check of the last change", `new Promise(r => setTimeout(() => r(true), 900))`)
}

// download waits for a file whose name ends in ext to be downloaded.
func (tb *tab) download(ext string) string {
	tb.t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		// A download is done when its file is there, nothing is still being
		// written (*.crdownload), and its size held for a moment.
		files, _ := filepath.Glob(filepath.Join(tb.downloads, "*"+ext))
		partial, _ := filepath.Glob(filepath.Join(tb.downloads, "*.crdownload"))
		if len(files) == 1 && len(partial) == 0 {
			a, errA := os.Stat(files[0])
			time.Sleep(150 * time.Millisecond)
			b, errB := os.Stat(files[0])
			if errA == nil && errB == nil && a.Size() > 0 && a.Size() == b.Size() {
				return files[0]
			}
			continue
		}
		time.Sleep(100 * time.Millisecond)
	}
	entries, _ := os.ReadDir(tb.downloads)
	tb.t.Fatalf("no %s downloaded (folder holds %v); page says %q", ext, entries, tb.text("#preview-msg")+tb.text("#notice"))
	return ""
}

func (tb *tab) screenshot(name string) {
	tb.t.Helper()
	if *screenshots == "" {
		return
	}
	tb.settled()
	png, err := chromedp.Run(tb.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		tb.t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(*screenshots, name), png, 0o644); err != nil {
		tb.t.Fatal(err)
	}
}

// row is the selector of control key in row n (from 1) of the table the
// selector table finds.
func row(table string, n int, key string) string {
	return fmt.Sprintf(`%s [data-rows] > :nth-child(%d) [data-key=%q]`, table, n, key)
}

const cands = `[data-key="candidates"]`

func TestBrowser(t *testing.T) {
	srv := newServer(t)
	b := chromium(t)
	t.Run("fill in a branch", func(t *testing.T) { fillIn(t, open(t, b, srv.URL)) })
	t.Run("open and save", func(t *testing.T) { openSave(t, open(t, b, srv.URL)) })
	t.Run("roster", func(t *testing.T) { importRoster(t, open(t, b, srv.URL)) })
	t.Run("paste from Excel", func(t *testing.T) { pasteRows(t, open(t, b, srv.URL)) })
}

// fillIn starts from the empty form, types a small branch, sees the 差额
// finding beside the candidates and go when a candidate is added, previews
// the 请示 and downloads the set.
func fillIn(t *testing.T, tb *tab) {
	tb.waitText("#verdict", "还有")
	if got := tb.value("#f-kind"); got != "party-branch" {
		t.Errorf("a new file's kind is %q", got)
	}
	// A label is tied to its field: clicking it puts the cursor there.
	tb.do(chromedp.Click(chromedp.CSS(`label[for="f-organization.name"]`)))
	if id := eval[string](tb, `document.activeElement.id`); id != "f-organization.name" {
		t.Errorf("clicking the label focused %q", id)
	}
	// The keyboard goes from field to field in the order of the page.
	tb.do(chromedp.KeyEvent(kb.Tab))
	if id := eval[string](tb, `document.activeElement.id`); id != "f-organization.short_name" {
		t.Errorf("Tab went to %q", id)
	}
	for sel, text := range map[string]string{
		"#f-organization\\.name":       "中共青石村支部委员会",
		"#f-organization\\.short_name": "青石村党支部",
		"#f-organization\\.superior":   "中共白沙镇委员会",
		"#f-members\\.total":           "16",
		"#f-members\\.probationary":    "1",
		"#f-plan\\.request_date":       "2025-03-02",
		"#f-plan\\.meeting_date":       "2025年3月20日",
		"#f-plan\\.meeting_time":       "9:00",
		"#f-plan\\.place":              "青石村党群服务中心",
		"#f-plan\\.committee_seats":    "3",
	} {
		tb.typeIn(sel, text)
	}
	people := [][]string{{"王青山", "男", "1970-05"}, {"李秀英", "女", "1978-11"}, {"赵小军", "男", "1988-02"}}
	for i, p := range people {
		if i > 0 {
			tb.do(chromedp.Click(chromedp.CSS(`#g-candidates [data-add]`)))
		}
		tb.typeIn(row(cands, i+1, "name"), p[0])
		tb.do(chromedp.SetValue(chromedp.CSS(row(cands, i+1, "gender")), p[1]))
		tb.typeIn(row(cands, i+1, "birth"), p[2])
	}
	// 3 seats, 3 candidates: the 差额 finding appears beside the table.
	const candidatesMsgs = `[data-key="candidates"] > .msgs`
	tb.waitText(candidatesMsgs, "候选人至少应为4名")
	if !strings.Contains(tb.text("#verdict"), "1个错误") {
		t.Errorf("verdict: %s", tb.text("#verdict"))
	}
	tb.screenshot("serve-form.png")
	tb.do(chromedp.Click(chromedp.CSS(`#g-candidates [data-add]`)))
	tb.typeIn(row(cands, 4, "name"), "陈丽")
	tb.typeIn(row(cands, 4, "birth"), "1990-07")
	tb.waitNoText(candidatesMsgs, "候选人至少应为4名")
	tb.waitText("#verdict", "可以生成文书")

	// The preview of the 请示 is the PDF of what was typed.
	tb.waitFor("the preview", `document.getElementById("frame").src.startsWith("blob:")`)
	b64 := eval[string](tb, `fetch(document.getElementById("frame").src.split("#")[0]).then(r => r.arrayBuffer()).then(b => { let s = ""; new Uint8Array(b).forEach(c => s += String.fromCharCode(c)); return btoa(s); })`)
	pdf, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, pdf)
	for _, want := range []string{"中共青石村支部委员会关于召开党员大会进行换届选举的请示", "中共白沙镇委员会", "2025年3月20日", "王青山", "陈丽"} {
		if !strings.Contains(text, want) {
			t.Errorf("the preview lacks %q:\n%s", want, text)
		}
	}
	if *screenshots != "" {
		time.Sleep(2 * time.Second) // the browser's PDF viewer draws the page
	}
	tb.screenshot("serve-preview.png")

	// The ballots, previewed, then the whole set downloaded.
	tb.do(chromedp.SetValue(chromedp.CSS("#doc"), "ballot|委员选票"))
	tb.do(chromedp.Evaluate[chromedp.Void](`document.getElementById("doc").dispatchEvent(new Event("change"))`))
	tb.waitFor("the ballot's preview", `document.getElementById("preview-msg").textContent === "" && document.getElementById("frame").src.startsWith("blob:")`)

	tb.do(chromedp.Click(chromedp.CSS("#download-all")))
	files := unzip(t, read(t, tb.download(".zip")))
	for _, name := range []string{"青石村党支部-换届选举请示.pdf", "青石村党支部-委员选票.pdf", "青石村党支部-党员大会通知.pdf"} {
		if !bytesHavePrefix(files[name], "%PDF") {
			t.Errorf("the ZIP lacks %s: %v", name, keysOf(files))
		}
	}
	if !strings.Contains(pdfText(t, files["青石村党支部-委员选票.pdf"]), "陈丽") {
		t.Error("the ballot lacks a candidate")
	}
}

func bytesHavePrefix(b []byte, p string) bool { return strings.HasPrefix(string(b), p) }

// openSave uploads the normative sample and saves it back: the file saved
// means the same.
func openSave(t *testing.T, tb *tab) {
	testenv.Data(t, normative)
	abs, _ := filepath.Abs(normative)
	tb.do(chromedp.SetUploadFiles(chromedp.CSS("#open-file"), []string{abs}))
	tb.waitText("#notice", "已打开“election.sample.toml”")
	tb.waitText("#verdict", "可以生成文书")
	if got := tb.value(row(cands, 6, "name")); got != "张荷田" {
		t.Errorf("sixth candidate %q", got)
	}
	if open := eval[bool](tb, `document.querySelector("#g-meeting > details").open`); !open {
		t.Error("the meeting's section, which holds data, is folded")
	}
	tb.do(chromedp.Click(chromedp.CSS("#save")))
	saved := read(t, tb.download(".toml"))
	if filepath.Base(tb.download(".toml")) != "election.sample.toml" {
		t.Errorf("saved as %s", tb.download(".toml"))
	}
	want := parse(t, normative, read(t, normative))
	got := parse(t, "saved", saved)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("the saved file means something else:\n%s", saved)
	}
}

// importRoster imports a 花名册 made with excelize: the counts, the
// members not counted, the candidates; and a roster with a bad row.
func importRoster(t *testing.T, tb *tab) {
	dir := t.TempDir()
	good := filepath.Join(dir, "花名册.xlsx")
	writeRoster(t, good, [][]any{
		{"青石村党支部党员花名册"},
		{},
		{"序号", "姓 名", "党员类别", "性别", "出生年月", "民族", "学历", "入党时间", "职务", "候选人预备人选", "不计入原因"},
		{1, "王青山", "正式党员", "男", "1970-05", "汉族", "高中", "1995-07", "村党支部书记", "书记"},
		{2, "李秀英", "正式党员", "女", "1978-11", "汉族", "大专", "2003-06", "村委会委员", "是"},
		{3, "赵小军", "预备党员", "男", "1998-02", "汉族", "大学本科", "2024-09", "返乡大学生"},
		{4, "孙德福", "正式党员", "男", "1940-01", "汉族", "小学", "1965-03", "", "", "年老体弱、长期卧床"},
		{5, "陈丽", "正式党员", "女", "1990-07", "汉族", "大学本科", "2015-06", "村文书", "是"},
		{6, "周建华", "正式党员", "男", "1982-12", "汉族", "初中", "2008-01", "养殖户", "是"},
		{7, "吴桂兰", "正式党员", "女", "1975-04", "汉族", "中专", "1999-10", "妇女主任", "是"},
	})
	tb.do(chromedp.SetUploadFiles(chromedp.CSS("#roster-file"), []string{good}))
	tb.waitText("#roster-body", "党员7名，其中预备党员1名，不计入应到会1名")
	if n := eval[int](tb, `document.querySelectorAll("#roster-body input:checked").length`); n != 5 {
		t.Errorf("%d members ticked as candidates, want 5", n)
	}
	tb.screenshot("serve-roster.png")
	tb.do(chromedp.Click(chromedp.CSS("#roster-apply")))
	tb.waitText("#notice", "已从花名册导入")
	if a, b := tb.value("#f-members\\.total"), tb.value("#f-members\\.probationary"); a != "7" || b != "1" {
		t.Errorf("members %s, probationary %s", a, b)
	}
	if got := tb.value(row(`#g-members [data-key="excluded"]`, 1, "reason")); got != "年老体弱、长期卧床" {
		t.Errorf("excluded: %q", got)
	}
	var names []string
	for i := 1; i <= 5; i++ {
		names = append(names, tb.value(row(cands, i, "name")))
	}
	if strings.Join(names, " ") != "王青山 李秀英 陈丽 周建华 吴桂兰" || tb.value(row(cands, 1, "proposed")) != "书记" || tb.value(row(cands, 2, "birth")) != "1978-11" {
		t.Errorf("candidates: %v", names)
	}
	tb.waitText("#facts", "应到会有选举权人数5名")

	bad := filepath.Join(dir, "错误的花名册.xlsx")
	writeRoster(t, bad, [][]any{
		{"姓名", "性别", "出生年月", "党员类别"},
		{"王青山", "男", "1970-05", "正式党员"},
		{"李秀英", "女", "1978-11", "正式党员"},
		{"赵小军", "男", "1998-02", "正式"},
	})
	tb.do(chromedp.SetUploadFiles(chromedp.CSS("#roster-file"), []string{bad}))
	tb.waitText("#roster-body", "第4行：党员类别“正式”应为 正式党员 或 预备党员")
	if eval[bool](tb, `!document.getElementById("roster-apply").hidden`) {
		t.Error("a roster with errors can be imported")
	}
	tb.do(chromedp.KeyEvent(kb.Escape))
	if eval[bool](tb, `document.getElementById("roster-dialog").open`) {
		t.Error("Esc does not close the dialog")
	}
}

func writeRoster(t *testing.T, path string, rows [][]any) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

// pasteRows pastes cells copied from Excel, headings first, into the
// candidates' table: each column lands under its heading, rows are added.
func pasteRows(t *testing.T, tb *tab) {
	tb.waitText("#verdict", "还有")
	text := "姓名\t出生年月\t性别\t上届委员\n王青山\t1970-05\t男\t是\n李秀英\t1978.11\t女\t\n赵小军\t1988年2月\t男\t√\n"
	tb.do(chromedp.Evaluate[chromedp.Void](`(() => {
		const dt = new DataTransfer();
		dt.setData("text/plain", ` + jsString(text) + `);
		document.querySelector(` + jsString(row(cands, 1, "name")) + `).dispatchEvent(new ClipboardEvent("paste", {clipboardData: dt, bubbles: true, cancelable: true}));
	})()`))
	tb.waitText("#facts", "候选人（按姓氏笔画为序）：王青山、李秀英、赵小军")
	for i, want := range [][]string{{"王青山", "1970-05", "男"}, {"李秀英", "1978.11", "女"}, {"赵小军", "1988年2月", "男"}} {
		got := []string{tb.value(row(cands, i+1, "name")), tb.value(row(cands, i+1, "birth")), tb.value(row(cands, i+1, "gender"))}
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("row %d: %v, want %v", i+1, got, want)
		}
	}
	if checked := eval[string](tb, `[...document.querySelectorAll('[data-key="candidates"] [data-key="incumbent"]')].map(e => e.checked).join(" ")`); checked != "true false true" {
		t.Errorf("上届委员: %s", checked)
	}
	// What was pasted is read as typed: 1978.11 and 1988年2月 are dates.
	if strings.Contains(tb.text("#findings"), "birth") {
		t.Errorf("dates as pasted were not read: %s", tb.text("#findings"))
	}
}
