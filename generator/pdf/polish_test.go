package pdf

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"huanjie/generator/doc"
	"huanjie/generator/layout"
	"huanjie/generator/page"
	"huanjie/internal/testenv"
)

// Layout defects found in real documents: each test measures the PDF.

const twoLines = "同日，新一届委员会召开第一次全体会议，应到委员5名，实到5名。会议以无记名投票方式等额选举王建国同志为书记。"

// closingDoc is a 请示 whose body ends with n two-line paragraphs (plus one
// one-line paragraph when odd), the attachment note and the signature: the
// sweep over n puts the end of the body on every line of a page.
func closingDoc(n int, odd bool) *doc.Document {
	d := &doc.Document{Meta: doc.Meta{Title: "请示", Date: sampleDate}}
	d.Blocks = append(d.Blocks, doc.Title{Phrases: []string{"中共柳湾村支部委员会", "关于换届选举结果的请示"}},
		doc.Addressee{Text: "中共柳湾镇委员会："})
	for i := 0; i < n; i++ {
		d.Blocks = append(d.Blocks, doc.Paragraph{Text: twoLines})
	}
	if odd {
		d.Blocks = append(d.Blocks, doc.Paragraph{Text: "当否，请批示。"})
	}
	d.Blocks = append(d.Blocks,
		doc.AttachmentNote{Items: []string{"新一届柳湾村党支部委员会委员名单"}},
		doc.Signature{Organ: "中共柳湾村支部委员会", Date: "2024年4月18日"},
		doc.Note{Text: "（联系人：刘晓燕，电话：0536-5823017）"})
	return d
}

// GB/T 9704 7.3.5: the 发文机关署名 and 成文日期 never stand on a page
// without body text, and keep their blank line below the body.
func TestSignatureSharesPageWithBody(t *testing.T) {
	fs := testFonts(t)
	for n := 14; n <= 25; n++ {
		for _, odd := range []bool{false, true} {
			var buf bytes.Buffer
			if err := Render(closingDoc(n, odd), fs, &buf); err != nil {
				t.Fatal(err)
			}
			found := false
			for pi, p := range bboxPages(t, buf.Bytes()) {
				ls := p.lines()
				for k, l := range ls {
					if l.text() != "中共柳湾村支部委员会" || toMM(l.XMin) < 100 {
						continue
					}
					found = true
					body := 0
					for _, a := range ls[:k] {
						if bodyLine(a) && !strings.HasPrefix(a.text(), "附件：") {
							body++
						}
					}
					if body == 0 {
						t.Errorf("n=%d odd=%v: signature alone on page %d", n, odd, pi+1)
					}
					if k > 0 {
						gi, _ := gridIndex(ls[k-1])
						si, _ := gridIndex(l)
						if si-gi < 1 || si-gi > 2 {
							t.Errorf("n=%d odd=%v: signature %d lines below the body, want 2", n, odd, si-gi)
						}
					}
					if k+1 >= len(ls) || ls[k+1].text() != "2024年4月18日" {
						t.Errorf("n=%d odd=%v: date not on the line below the organ", n, odd)
					}
				}
			}
			if !found {
				t.Fatalf("n=%d: signature not found", n)
			}
		}
	}
}

func tableDoc(n int, caption string) *doc.Document {
	d := &doc.Document{Meta: doc.Meta{Title: "请示", Date: sampleDate}}
	d.Blocks = append(d.Blocks, doc.Title{Phrases: []string{"关于换届选举结果的请示"}})
	for i := 0; i < n; i++ {
		d.Blocks = append(d.Blocks, doc.Paragraph{Text: twoLines})
	}
	d.Blocks = append(d.Blocks, doc.Paragraph{Text: "各被选举人得票情况如下（按得票多少排列）："},
		doc.Table{Caption: caption, Columns: []doc.Column{{Width: 1}, {Width: 2}, {Width: 1}},
			Header: []doc.Row{{Cells: []doc.Cell{{Text: "序号"}, {Text: "姓名"}, {Text: "得票"}}}},
			Rows: []doc.Row{{Cells: []doc.Cell{{Text: "1"}, {Text: "马骏"}, {Text: "28"}}},
				{Cells: []doc.Cell{{Text: "2"}, {Text: "杨帆"}, {Text: "27"}}}}},
		doc.Paragraph{Text: "当否，请批示。"})
	return d
}

// A table starts on a page only with its caption, its header and a body
// row; a paragraph that leads in to it with a colon goes with it.
func TestTableHeaderNotAlone(t *testing.T) {
	fs := testFonts(t)
	for i := 12; i <= 23; i++ {
		n, caption := i/2, ""
		if i%2 == 1 {
			caption = "得票情况"
		}
		var buf bytes.Buffer
		if err := Render(tableDoc(n, caption), fs, &buf); err != nil {
			t.Fatal(err)
		}
		page := map[string]int{}
		for pi, p := range bboxPages(t, buf.Bytes()) {
			for _, l := range p.lines() {
				switch txt := l.text(); {
				case txt == "得票情况":
					page["caption"] = pi + 1
				case strings.HasPrefix(txt, "序号") && page["header"] == 0: // it repeats on the next page
					page["header"] = pi + 1
				case strings.HasPrefix(txt, "1 "):
					page["row"] = pi + 1
				case strings.HasSuffix(txt, "排列）："):
					page["lead"] = pi + 1
				}
			}
		}
		if caption == "" {
			page["caption"] = page["header"]
		}
		if len(page) != 4 {
			t.Fatalf("n=%d: table parts not found: %v", n, page)
		}
		if page["caption"] != page["header"] || page["header"] != page["row"] {
			t.Errorf("n=%d caption=%q: caption, header and first row on pages %v", n, caption, page)
		}
		if page["lead"] != page["header"] {
			t.Errorf("n=%d caption=%q: the lead-in paragraph left on page %d", n, caption, page["lead"])
		}
	}
}

// grayRows renders page 1 of pdf at dpi as 8-bit gray rows.
func grayRows(t *testing.T, pdf []byte, dpi int) [][]byte {
	t.Helper()
	testenv.Tool(t, "pdftoppm")
	dir := t.TempDir()
	in := filepath.Join(dir, "in.pdf")
	os.WriteFile(in, pdf, 0o644)
	if out, err := exec.Command("pdftoppm", "-f", "1", "-l", "1", "-r", fmt.Sprint(dpi), "-gray", in, filepath.Join(dir, "p")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v %s", err, out)
	}
	m, _ := filepath.Glob(filepath.Join(dir, "p*.pgm"))
	if len(m) != 1 {
		t.Fatalf("pdftoppm wrote %v", m)
	}
	b, err := os.ReadFile(m[0])
	if err != nil {
		t.Fatal(err)
	}
	rd := bufio.NewReader(bytes.NewReader(b))
	var w, h, maxv int
	if _, err := fmt.Fscan(rd, new(string), &w, &h, &maxv); err != nil {
		t.Fatal(err)
	}
	rd.ReadByte()
	rows := make([][]byte, h)
	for y := range rows {
		rows[y] = make([]byte, w)
		if _, err := io.ReadFull(rd, rows[y]); err != nil {
			t.Fatal(err)
		}
	}
	return rows
}

// A fill-in blank ("____名", "________同志") reads back as underscores and
// is drawn as one unbroken rule; a blank that crosses the end of a line
// shrinks to stay on it rather than leave the line letter-spaced.
func TestFillInBlankIsOneRule(t *testing.T) {
	d := &doc.Document{Meta: doc.Meta{Title: "主持词", Date: sampleDate}}
	d.Blocks = append(d.Blocks,
		doc.Paragraph{Text: "大会进行第一项议程：听取和审议上届支部委员会工作报告。请________同志代表上届支部委员会作工作报告。"},
		doc.Paragraph{Text: "预备党员____名列席会议。"},
		// 22 characters after the indent: the blank crosses the line's end
		doc.Paragraph{Text: "本次选举设监票人和计票人，从候选人委员中提名________同志为监票人。"})
	pdf := renderDoc(t, d)
	const dpi = 300
	rows := grayRows(t, pdf, dpi)
	px := func(pt float64) int { return int(math.Round(pt / 72 * dpi)) }
	blanks := 0
	for _, l := range bboxPages(t, pdf)[0].lines() {
		n := strings.Count(l.text(), "_")
		if n == 0 {
			continue
		}
		blanks++
		// the longest horizontal run of ink below the baseline
		longest := 0
		for y := px(l.YMin + 0.8*16); y <= px(l.YMax+0.4*16); y++ {
			run := 0
			for x := px(l.XMin); x <= px(l.XMax); x++ {
				if rows[y][x] < 128 {
					run++
					longest = max(longest, run)
				} else {
					run = 0
				}
			}
		}
		natural := float64(n) * 0.778 * 16
		if got := float64(longest) / dpi * 72; got < 0.5*natural {
			t.Errorf("%q: longest unbroken rule %.1f pt, the blank is %.1f pt", l.text(), got, natural)
		}
	}
	if blanks != 3 {
		t.Errorf("found %d lines with blanks, want 3", blanks)
	}
	txt := pdfText(t, pdf, "-layout")
	for _, w := range []string{"请________同志", "预备党员____名", "中提名________"} {
		if !strings.Contains(txt, w) {
			t.Errorf("%q does not read back (or the blank left its line):\n%s", w, txt)
		}
	}
}

// Full-width "？" and "！" stay attached to the character before them when
// punctuation is squeezed: the ink gap on the left is not larger than on
// the right.
func TestSqueezedQuestionMarkAttached(t *testing.T) {
	fs := testFonts(t)
	// a line that must squeeze its punctuation
	text := strings.Repeat("中", 20) + "意见？有、意、见。后面的文字。"
	d := &doc.Document{Meta: doc.Meta{Date: sampleDate}, Blocks: []doc.Block{doc.Paragraph{Text: text, NoIndent: true}}}
	pd, err := layout.Pages(d, fs)
	if err != nil {
		t.Fatal(err)
	}
	// the glyphs of the first line in order, with their origins
	type placed struct {
		g    page.Glyph
		x    float64
		font int
	}
	var line []placed
	var y0 float64
	for _, it := range pd.Pages[0].Items {
		tx, ok := it.(*page.Text)
		if !ok || (len(line) > 0 && tx.Y != y0) {
			continue
		}
		y0 = tx.Y
		x := tx.X
		for _, g := range tx.Glyphs {
			line = append(line, placed{g, x, tx.Font})
			x += g.Advance
		}
	}
	q := -1
	for i, p := range line {
		if p.g.Text == "？" {
			q = i
		}
	}
	if q < 1 || q+1 >= len(line) {
		t.Fatalf("？ not inside the first line")
	}
	p := line[q]
	if p.g.Cut == 0 {
		t.Skip("line not squeezed at ？")
	}
	g, _ := pd.Fonts[p.font].Glyphs()
	box, _ := g.Ink(p.g.ID)
	if p.g.Shift == 0 {
		t.Skip("the 仿宋 face sets ？ at the left of its box")
	}
	em := 16 / float64(g.UnitsPerEm)
	drawn := p.x - p.g.Shift
	inkL := drawn + float64(box[0])*em - (line[q-1].x + 16) // gap from the em box of 见
	inkR := line[q+1].x - (drawn + float64(box[2])*em)
	if inkL > inkR+0.5 {
		t.Errorf("？ drifts right when squeezed: %.2f pt blank before, %.2f after", inkL, inkR)
	}
	// and in the PDF ？ reads back attached, a full-width mark on one line
	pdf := renderDoc(t, d)
	if !strings.Contains(pdfText(t, pdf, "-layout"), "意见？有、意") {
		t.Error("？ does not read back attached")
	}
}

// A number and the ideograph after it ("5名", "18日") never break apart; a
// paragraph never ends on a line of one character and its punctuation.
func TestNumbersAndLastLines(t *testing.T) {
	d := reportDoc(3)
	d.Blocks = append(d.Blocks[:2], append([]doc.Block{
		doc.Paragraph{Text: "同日，新一届委员会召开第一次全体会议，应到委员5名，实到5名。会议以无记名投票方式等额选举王建国同志为书记（得5票）。"},
		doc.Paragraph{Text: "经中共圣灯街道工作委员会批准，东华社区党支部于2024年7月18日召开党员大会，进行换届选举。"},
		doc.Paragraph{Text: "选举工作坚持党的领导，坚持民主集中制，得到了广大党员的积极拥护和大力支持。"},
	}, d.Blocks[2:]...)...)
	txt := pdfText(t, renderDoc(t, d), "-raw")
	prev := ""
	checked := 0
	for _, l := range strings.Split(txt, "\n") {
		l = strings.Trim(l, "\f")
		if l == "" || strings.HasPrefix(l, "— ") {
			continue
		}
		if prev != "" {
			a, _ := utf8.DecodeLastRuneInString(prev)
			c, _ := utf8.DecodeRuneInString(l)
			if a >= '0' && a <= '9' && layout.IsIdeograph(c) {
				t.Errorf("number broken from its unit: %q / %q", prev, l)
			}
			checked++
		}
		if n := utf8.RuneCountInString(strings.TrimRight(l, layout.NoStart)); n == 1 && l != prev {
			t.Errorf("paragraph ends on a lonely character: %q after %q", l, prev)
		}
		prev = l
	}
	if checked < 30 {
		t.Errorf("only %d lines checked", checked)
	}
}

// An attachment title that needs two lines is balanced, the longer line
// above, never one character alone below.
func TestAttachmentTitleBalanced(t *testing.T) {
	d := &doc.Document{Meta: doc.Meta{Date: sampleDate}, Blocks: []doc.Block{
		doc.Paragraph{Text: "正文。"},
		doc.Attachment{Title: "新一届青松中学教工第一党支部委员会委员名单", Blocks: []doc.Block{doc.Paragraph{Text: "名单。"}}},
	}}
	pages := bboxPages(t, renderDoc(t, d))
	var title []bLine
	for _, l := range pages[len(pages)-1].lines() {
		if txt := l.text(); txt != "附件" && txt != "名单。" && !isPageNumber(l) {
			title = append(title, l)
		}
	}
	if len(title) != 2 {
		t.Fatalf("attachment title in %d lines", len(title))
	}
	a, b := utf8.RuneCountInString(title[0].text()), utf8.RuneCountInString(title[1].text())
	if a < b || a-b > 1 || a+b != 21 {
		t.Errorf("attachment title lines %q / %q: want 11 / 10", title[0].text(), title[1].text())
	}
}
