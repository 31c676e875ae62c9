package pdf

import (
	"bytes"
	"errors"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"huanjie/generator/doc"
	"huanjie/generator/layout"
	"huanjie/internal/testenv"
)

const tolMM = 0.5

func renderDoc(t testing.TB, d *doc.Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Render(d, testFonts(t), &buf); err != nil {
		t.Fatalf("Render: %v", err)
	}
	return buf.Bytes()
}

var samplePDF []byte

func sample(t testing.TB) []byte {
	if samplePDF == nil {
		samplePDF = renderDoc(t, sampleDoc())
		if p := os.Getenv("HUANJIE_PDF_SAMPLE"); p != "" {
			os.WriteFile(p, samplePDF, 0o644)
		}
	}
	return samplePDF
}

func toMM(pt float64) float64 { return pt / layout.PtPerMM }

// bodyLine reports whether l is a line of 3号 text (its box is one em high
// for FandolFang, the body face).
func bodyLine(l bLine) bool { return math.Abs(l.YMax-l.YMin-16) < 0.05 }

// gridIndex returns the grid line a 3号 line sits on, and how far (mm) its
// cell is off the grid.
// top is the top of the text block in points.
var top = layout.TopMM * layout.PtPerMM

// vm is the vertical extent of a face in ems.
type vm struct{ ascent, descent float64 }

// vmetrics gives the ascent and descent of the first face of role.
func vmetrics(t testing.TB, role doc.Role) vm {
	g, err := testFonts(t).Chain(role)[0].Glyphs()
	if err != nil {
		t.Fatal(err)
	}
	u := float64(g.UnitsPerEm)
	return vm{float64(g.Ascent) / u, float64(g.Descent) / u}
}

func gridIndex(l bLine) (int, float64) {
	cellTop := l.YMin - (layout.LinePitch-16)/2
	f := (cellTop - top) / layout.LinePitch
	i := math.Round(f)
	return int(i), toMM(math.Abs(f-i) * layout.LinePitch)
}

func isPageNumber(l bLine) bool {
	return strings.HasPrefix(l.text(), "—") && strings.HasSuffix(l.text(), "—")
}

func TestMarginsAndGrid(t *testing.T) {
	pages := bboxPages(t, sample(t))
	if len(pages) < 6 {
		t.Fatalf("sample has %d pages, want ≥ 6", len(pages))
	}
	pages = append(pages, bboxPages(t, renderDoc(t, reportDoc(4)))...)
	fullPages := 0
	for pi, p := range pages {
		if math.Abs(toMM(p.Width)-210) > 0.1 || math.Abs(toMM(p.Height)-297) > 0.1 {
			t.Errorf("page %d is %.1f×%.1f mm, want A4", pi+1, toMM(p.Width), toMM(p.Height))
		}
		seen := map[int]bool{}
		for _, l := range p.lines() {
			if isPageNumber(l) {
				continue
			}
			if toMM(l.XMin) < 28-tolMM || toMM(l.XMax) > 28+156+tolMM {
				t.Errorf("page %d line %q leaves the block: x %.2f–%.2f mm", pi+1, l.text(), toMM(l.XMin), toMM(l.XMax))
			}
			// (a face's box may be taller than its em box: check 3号 lines only)
			if bodyLine(l) && (toMM(l.YMin) < 37-tolMM || toMM(l.YMax) > 37+225+tolMM) {
				t.Errorf("page %d line %q leaves the block: y %.2f–%.2f mm", pi+1, l.text(), toMM(l.YMin), toMM(l.YMax))
			}
			if !bodyLine(l) {
				continue
			}
			i, off := gridIndex(l)
			// body text sits on the grid (table cells excepted: they are 四号)
			if off > tolMM {
				t.Errorf("page %d line %q is %.2f mm off the grid", pi+1, l.text(), off)
			}
			seen[i] = true
		}
		if len(seen) == layout.LinesPerPage {
			fullPages++
			// first and last cells fill the block: 37 mm and 262 mm
			ls := p.lines()
			first, last := ls[0], ls[len(ls)-2]
			if d := toMM(first.YMin-(layout.LinePitch-16)/2) - 37; math.Abs(d) > tolMM {
				t.Errorf("page %d: first line cell starts %.2f mm from 37 mm", pi+1, d)
			}
			if d := toMM(last.YMax+(layout.LinePitch-16)/2) - 262; math.Abs(d) > tolMM {
				t.Errorf("page %d: last line cell ends %.2f mm from 262 mm", pi+1, d)
			}
		}
		for i := range seen {
			if i < 0 || i >= layout.LinesPerPage {
				t.Errorf("page %d has a line on grid index %d", pi+1, i)
			}
		}
	}
	if fullPages < 2 {
		t.Errorf("only %d full pages of 22 body lines; want ≥ 2", fullPages)
	}
}

func TestCharactersPerLine(t *testing.T) {
	pages := bboxPages(t, sample(t))
	full := 0
	for pi, p := range pages {
		for _, l := range p.lines() {
			txt := l.text()
			if !bodyLine(l) || strings.ContainsAny(txt, " 0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz%.") {
				continue
			}
			if toMM(l.XMin) > 28+tolMM || math.Abs(toMM(l.XMax)-184) > tolMM {
				continue // not a full line
			}
			full++
			n := utf8.RuneCountInString(txt)
			// 28 per line; a line that kept a closing mark by squeezing its
			// punctuation holds 29.
			if n != 28 && !(n == 29 && strings.ContainsAny(txt, layout.NoStart)) {
				t.Errorf("page %d: full line has %d characters: %s", pi+1, n, txt)
			}
		}
	}
	if full < 20 {
		t.Errorf("only %d full Chinese lines checked", full)
	}
}

func TestNoForbiddenLineStarts(t *testing.T) {
	for pi, p := range bboxPages(t, sample(t)) {
		for _, l := range p.lines() {
			txt := l.text()
			if isPageNumber(l) {
				continue
			}
			first, _ := utf8.DecodeRuneInString(txt)
			last, _ := utf8.DecodeLastRuneInString(txt)
			if strings.ContainsRune("，。、；：？！）》」』”’", first) {
				t.Errorf("page %d: line begins with %q: %s", pi+1, first, txt)
			}
			if strings.ContainsRune("（《「『“‘", last) {
				t.Errorf("page %d: line ends with %q: %s", pi+1, last, txt)
			}
		}
	}
}

func TestPageNumbers(t *testing.T) {
	m := vmetrics(t, doc.SongTi)
	pages := bboxPages(t, sample(t))
	numbered := 0
	for pi, p := range pages {
		ls := p.lines()
		last := ls[len(ls)-1]
		n := pi + 1
		if !isPageNumber(last) {
			// only a blank page before the 版记 and the 版记 page after it are unnumbered
			if pi < len(pages)-2 {
				t.Errorf("page %d has no page number", n)
			}
			continue
		}
		numbered++
		if want := "— " + strconv.Itoa(n) + " —"; last.text() != want {
			t.Errorf("page %d number reads %q, want %q", n, last.text(), want)
		}
		// 4号: the box is (ascent−descent)·14 pt
		if h := last.YMax - last.YMin; math.Abs(h-(m.ascent-m.descent)*doc.Size4) > 0.1 {
			t.Errorf("page %d number box %.2f pt high: not 4号", n, h)
		}
		// the dash line (≈0.3 em above the baseline) is 7 mm below the block
		base := last.YMax + m.descent*doc.Size4
		if d := toMM(base-0.3*doc.Size4) - 262 - 7; math.Abs(d) > tolMM {
			t.Errorf("page %d number is %.2f mm off 7 mm below the block", n, d)
		}
		if n%2 == 1 {
			if d := toMM(last.XMax) - (184 - toMM(doc.Size4)); math.Abs(d) > tolMM {
				t.Errorf("odd page %d number right edge off by %.2f mm", n, d)
			}
		} else if d := toMM(last.XMin) - (28 + toMM(doc.Size4)); math.Abs(d) > tolMM {
			t.Errorf("even page %d number left edge off by %.2f mm", n, d)
		}
	}
	if numbered < 4 {
		t.Errorf("only %d numbered pages", numbered)
	}
}

func TestTitle(t *testing.T) {
	m := vmetrics(t, doc.XiaoBiaoSong)
	p := bboxPages(t, sample(t))[0]
	var got []bLine
	for _, l := range p.lines() {
		if strings.HasPrefix(l.text(), "中共示例社区支部委员会关于") || l.text() == "进行换届选举的请示" {
			got = append(got, l)
		}
	}
	if len(got) != 2 {
		t.Fatalf("title lines: %d, want 2 (phrase-wrapped)", len(got))
	}
	if w0, w1 := got[0].XMax-got[0].XMin, got[1].XMax-got[1].XMin; w0 <= w1 {
		t.Errorf("title: the longer line should be above (%.1f ≤ %.1f)", w0, w1)
	}
	for _, l := range got {
		if h := l.YMax - l.YMin; math.Abs(h-(m.ascent-m.descent)*doc.Size2) > 0.1 {
			t.Errorf("title line %q box %.2f pt: not 2号 in the 小标宋 face", l.text(), h)
		}
		if c := toMM((l.XMin+l.XMax)/2) - (28 + 78); math.Abs(c) > tolMM {
			t.Errorf("title line %q off centre by %.2f mm", l.text(), c)
		}
	}
	// the title face is embedded
	found := false
	for _, row := range pdfFonts(t, sample(t)) {
		if strings.Contains(strings.ToLower(row[0]), "notoserifscblack") {
			found = true
		}
	}
	if !found {
		t.Error("the 小标宋 face is not in the PDF")
	}
}

func TestFontsEmbedded(t *testing.T) {
	rows := pdfFonts(t, sample(t))
	if len(rows) < 4 {
		t.Fatalf("only %d fonts", len(rows))
	}
	for _, r := range rows {
		// name type type encoding emb sub uni obj gen
		if len(r) < 7 || r[len(r)-5] != "yes" {
			t.Errorf("font not embedded: %v", r)
		}
		if r[len(r)-3] != "yes" {
			t.Errorf("font without ToUnicode: %v", r)
		}
	}
}

func collectTexts(bs []doc.Block, out *[]string) {
	for _, b := range bs {
		switch b := b.(type) {
		case doc.Paragraph:
			*out = append(*out, b.Text)
		case doc.Heading:
			*out = append(*out, b.Text)
		case doc.Addressee:
			*out = append(*out, b.Text)
		case doc.Note:
			*out = append(*out, b.Text)
		case doc.Signature:
			*out = append(*out, b.Organ, b.Date)
		case doc.List:
			for i, it := range b.Items {
				*out = append(*out, strconv.Itoa(i+1)+"."+it)
			}
		case doc.Table:
			for _, r := range b.Rows {
				for _, c := range r.Cells {
					*out = append(*out, c.Text)
				}
			}
		case doc.Attachment:
			*out = append(*out, b.Label, b.Title)
			collectTexts(b.Blocks, out)
		}
	}
}

func TestTextRoundTrip(t *testing.T) {
	d := sampleDoc()
	txt := pdfText(t, sample(t), "-raw")
	// join lines as a reader would: drop page numbers, and put back the
	// space at a line break between two Latin words
	var b strings.Builder
	prev := ""
	for _, l := range strings.Split(txt, "\n") {
		l = strings.Trim(l, "\f")
		if strings.HasPrefix(l, "— ") && strings.HasSuffix(l, " —") {
			continue
		}
		if prev != "" && l != "" {
			a, _ := utf8.DecodeLastRuneInString(prev)
			c, _ := utf8.DecodeRuneInString(l)
			if a < 0x80 && c < 0x80 && a != ' ' {
				b.WriteByte(' ')
			}
		}
		b.WriteString(l)
		if l != "" {
			prev = l
		}
	}
	flat := b.String()
	var want []string
	collectTexts(d.Blocks, &want)
	want = append(want, "中共示例社区支部委员会关于召开党员大会", "进行换届选举的请示",
		"附件：1.中共示例社区支部委员会委员候选人预备人选名单", "2.选举办法（草案）",
		"抄送：中共示例街道工作委员会组织部，示例街道纪工委。", "2024年7月18日印发", "示社支〔2024〕3号")
	for _, w := range want {
		if !strings.Contains(flat, w) {
			t.Errorf("text not found verbatim in the PDF: %q", w)
		}
	}
	for _, c := range "喆堃玥珺赟祎彧䶮" {
		if !strings.ContainsRune(txt, c) {
			t.Errorf("rare character %c lost", c)
		}
	}
}

func TestDeterministic(t *testing.T) {
	a := renderDoc(t, sampleDoc())
	b := renderDoc(t, sampleDoc())
	if !bytes.Equal(a, b) {
		t.Fatal("two renders of the same document differ")
	}
	if !bytes.Contains(a, []byte("/CreationDate(D:20240718")) {
		t.Error("creation date not taken from Meta.Date")
	}
	if !bytes.Contains(a, []byte("/Lang(zh-CN)")) {
		t.Error("Lang not set")
	}
}

func TestMetadata(t *testing.T) {
	testenv.Tool(t, "pdfinfo")
	txt := pdfText(t, sample(t), "-bbox")
	for _, w := range []string{"<title>关于召开党员大会进行换届选举的请示</title>", `name="Author" content="中共示例社区支部委员会"`, `name="Subject" content="换届选举"`} {
		if !strings.Contains(txt, w) {
			t.Errorf("metadata %s missing", w)
		}
	}
}

func TestMissingGlyph(t *testing.T) {
	d := &doc.Document{Meta: doc.Meta{Date: sampleDate}, Blocks: []doc.Block{
		doc.Paragraph{Text: "候选人王\U0002A6A5同志，另有私用字\uE123。"},
	}}
	var buf bytes.Buffer
	err := Render(d, testFonts(t), &buf)
	var mg *MissingGlyphError
	if !errors.As(err, &mg) {
		t.Fatalf("want *MissingGlyphError, got %v", err)
	}
	if buf.Len() != 0 {
		t.Error("output written despite the error")
	}
	if string(mg.Chars) != "\U0002A6A5\uE123" {
		t.Errorf("chars %q", string(mg.Chars))
	}
	if mg.Code() != "missing_glyph" || !strings.Contains(mg.Error(), "没有任何可用字体包含以下字符") ||
		!strings.Contains(mg.Error(), "候选人王") || !strings.Contains(mg.Error(), "U+2A6A5") {
		t.Errorf("message: %s", mg.Error())
	}
}

func TestImprintOnEvenPage(t *testing.T) {
	pages := bboxPages(t, sample(t))
	if len(pages)%2 != 0 {
		t.Fatalf("%d pages: the 版记 must end on an even page", len(pages))
	}
	ls := pages[len(pages)-1].lines()
	var printLine bLine
	for _, l := range ls {
		if strings.Contains(l.text(), "印发") {
			printLine = l
		}
	}
	if printLine.Words == nil {
		t.Fatal("no 印发 line on the last page")
	}
	// directly above the last rule, which is the block's bottom edge
	if d := toMM(printLine.YMax+(layout.LinePitch-14)/2) - 262; math.Abs(d) > tolMM {
		t.Errorf("印发 line ends %.2f mm from the block bottom", d)
	}
	if d := toMM(printLine.XMin) - (28 + toMM(14)); math.Abs(d) > tolMM {
		t.Errorf("印发机关 not one character in: %.2f mm", d)
	}
	if d := toMM(printLine.XMax) - (184 - toMM(14)); math.Abs(d) > tolMM {
		t.Errorf("印发日期 not one character in from the right: %.2f mm", d)
	}
}

func TestSignaturePlacement(t *testing.T) {
	var organ, date bLine
	for _, p := range bboxPages(t, sample(t)) {
		for _, l := range p.lines() {
			for _, w := range l.Words {
				switch w.Text {
				case "中共示例社区支部委员会":
					if toMM(w.XMin) > 100 && organ.Words == nil {
						organ = bLine{bbox: w.bbox, Words: []bWord{w}}
					}
				case "2024年7月18日":
					if toMM(w.XMin) > 100 {
						date = bLine{bbox: w.bbox, Words: []bWord{w}}
					}
				}
			}
		}
	}
	if organ.Words == nil || date.Words == nil {
		t.Fatal("signature not found")
	}
	cp := toMM(layout.CharPitch)
	// sealed: date 4 characters in from the right; organ centred on the date
	if d := toMM(date.XMax) - (184 - 4*cp); math.Abs(d) > 1 {
		t.Errorf("date right edge off by %.2f mm", d)
	}
	if d := toMM((organ.XMin+organ.XMax)/2 - (date.XMin+date.XMax)/2); math.Abs(d) > 1 {
		t.Errorf("organ not centred on the date: %.2f mm", d)
	}
	if d := date.YMin - organ.YMin; math.Abs(d-layout.LinePitch) > 0.1 {
		t.Errorf("date not on the line below the organ (%.2f pt)", d)
	}
}
