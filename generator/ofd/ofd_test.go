package ofd

import (
	"bytes"
	"math"
	"strings"
	"testing"
	"time"
	"unicode"

	"huanjie/generator/doc"
	"huanjie/generator/fontset"
	"huanjie/generator/layout"
	"huanjie/generator/page"
	"huanjie/internal/ofdread"
	"huanjie/internal/testenv"
)

var when = time.Date(2024, 7, 18, 0, 0, 0, 0, time.UTC)

const para = "根据《中国共产党章程》和《中国共产党基层组织选举工作条例》的有关规定，经支部委员会研究，" +
	"决定于2024年7月18日召开党员大会进行换届选举。发展党员六名，其中三十五岁以下的四名、大专以上学历的五名，" +
	"拟提名张喆、李堃、王玥、孙𫖮等同志为候选人预备人选（名单附后）。"

// textDoc has running text with squeezed punctuation, a name beyond the
// BMP, headings, a table, a fill-in blank, a signature and the 草稿 stamp.
func textDoc() *doc.Document {
	rows := []doc.Row{}
	for i := 0; i < 12; i++ {
		rows = append(rows, doc.Row{Cells: []doc.Cell{{Text: "张喆"}, {Text: "社区网格员、党员"}}})
	}
	return &doc.Document{
		Meta:  doc.Meta{Title: "关于召开党员大会进行换届选举的请示", Author: "中共示例社区支部委员会", Subject: "示例社区党支部换届选举", Keywords: "换届选举", Date: when},
		Draft: true,
		Blocks: []doc.Block{
			doc.Title{Phrases: []string{"中共示例社区支部委员会", "关于召开党员大会进行换届选举的请示"}},
			doc.Addressee{Text: "中共示例街道工作委员会："},
			doc.Paragraph{Text: para + para},
			doc.Heading{Level: 1, Text: "一、基本情况"},
			doc.Paragraph{Text: "预备党员____名列席会议。" + para},
			doc.Table{Columns: []doc.Column{{Width: 4}, {Width: 8}}, Header: []doc.Row{{Cells: []doc.Cell{{Text: "姓名"}, {Text: "职务"}}}}, Rows: rows},
			doc.Paragraph{Text: para + para + para},
			doc.Signature{Organ: "中共示例社区支部委员会", Date: "2024年7月18日"},
		},
	}
}

// formDoc is a ballot: one form, 7 copies two to a sheet.
func formDoc() *doc.Document {
	cells := func(ts ...string) []doc.FormCell {
		var out []doc.FormCell
		for _, t := range ts {
			out = append(out, doc.FormCell{Width: 30, Text: t})
		}
		return out
	}
	return &doc.Document{
		Meta:   doc.Meta{Title: "委员选票", Date: when},
		Layout: doc.LayoutForm,
		Sheet:  doc.Sheet{Paper: "A4", PerSheet: 2, Copies: 7, Tint: "#FDECEC"},
		Blocks: []doc.Block{
			doc.Title{Phrases: []string{"委员选票"}},
			doc.Form{Rows: []doc.FormRow{{Height: 10, Cells: cells("符号", "", "", "")}, {Height: 10, Cells: cells("候选人", "刘通", "孙朋", "孙𫖮")}}},
		},
	}
}

func write(t *testing.T, p *page.Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(p, &buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func laidOut(t *testing.T, d *doc.Document) *page.Document {
	t.Helper()
	p, err := layoutOf(d)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func layoutOf(d *doc.Document) (*page.Document, error) {
	fs, err := fontset.Load(fontset.Options{NoSystem: true})
	if err != nil {
		return nil, err
	}
	return layout.Pages(d, fs)
}

// modelText is what each page of the model draws, forms in their place:
// runs in painting order with their drawn glyph positions in mm.
type run struct {
	text      string
	pos       []float64 // x of each character as drawn (origin − Shift), mm
	y         float64
	invisible bool
	angle     float64
	opacity   float64
}

func modelRuns(d *page.Document, p *page.Page) []run {
	var out []run
	var walk func(items []page.Item, dx, dy float64)
	walk = func(items []page.Item, dx, dy float64) {
		for _, it := range items {
			switch it := it.(type) {
			case *page.Text:
				r := run{y: (it.Y + dy) * mmPerPt, invisible: it.Invisible, angle: it.Angle, opacity: it.Opacity}
				x := it.X + dx
				for _, g := range it.Glyphs {
					r.text += g.Text
					r.pos = append(r.pos, (x-g.Shift)*mmPerPt)
					x += g.Advance
				}
				out = append(out, r)
			case *page.Use:
				walk(d.Forms[it.Form].Items, dx+it.X, dy+it.Y)
			}
		}
	}
	walk(p.Items, 0, 0)
	return out
}

// TestReadsBack writes a laid-out document and reads the package back:
// every reference resolves, every font file parses and draws every
// character set in it (ofdread), each page holds the model's runs in
// order with each character where the model draws it (to the µm written),
// blanks unpainted, the stamp turned and translucent.
func TestReadsBack(t *testing.T) {
	for name, d := range map[string]*doc.Document{"text": textDoc(), "form": formDoc()} {
		t.Run(name, func(t *testing.T) {
			p := laidOut(t, d)
			r, err := ofdread.Read(write(t, p))
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Pages) != len(p.Pages) {
				t.Fatalf("%d pages, the model has %d", len(r.Pages), len(p.Pages))
			}
			if r.Info.Title != d.Meta.Title || r.Info.CreationDate != "2024-07-18" || r.Info.Creator != "huanjie" {
				t.Errorf("DocInfo %+v", r.Info)
			}
			stamps, blanks := 0, 0
			for i, pg := range r.Pages {
				if math.Abs(pg.Width-210) > 0.001 || math.Abs(pg.Height-297) > 0.001 {
					t.Errorf("page %d is %v × %v mm", i+1, pg.Width, pg.Height)
				}
				want := modelRuns(p, p.Pages[i])
				if len(pg.Texts) != len(want) {
					t.Fatalf("page %d: %d texts, the model has %d", i+1, len(pg.Texts), len(want))
				}
				for k, got := range pg.Texts {
					w := want[k]
					if got.Text != w.text {
						t.Fatalf("page %d text %d: %q, want %q", i+1, k, got.Text, w.text)
					}
					if got.Invisible != w.invisible || (w.invisible && got.Alpha != 0) {
						t.Errorf("page %d text %q: Fill=false %v alpha %d, want invisible %v", i+1, got.Text, got.Invisible, got.Alpha, w.invisible)
					}
					if w.invisible {
						blanks++
					}
					if w.angle != 0 {
						stamps++
						if got.CTM == "" || got.Alpha != int(math.Round(w.opacity*255)) {
							t.Errorf("stamp %q: CTM %q alpha %d", got.Text, got.CTM, got.Alpha)
						}
						continue // positions are in the turned space
					}
					x := got.X
					for c := range []rune(got.Text) {
						if c > 0 {
							x += got.DeltaX[c-1]
						}
						if math.Abs(x-w.pos[c]) > 0.002 {
							t.Fatalf("page %d %q: character %d at %.4f mm, the model draws it at %.4f", i+1, got.Text, c, x, w.pos[c])
						}
					}
					if math.Abs(got.Y-w.y) > 0.001 {
						t.Errorf("page %d %q: baseline at %.4f mm, want %.4f", i+1, got.Text, got.Y, w.y)
					}
				}
			}
			if name == "text" && (stamps != len(r.Pages) || blanks == 0) {
				t.Errorf("%d stamps on %d pages, %d blanks", stamps, len(r.Pages), blanks)
			}
		})
	}
}

// TestSheetsShareTemplate: identical sheets of a ballot are one template
// page that each page uses; the last, half-filled sheet is its own.
func TestSheetsShareTemplate(t *testing.T) {
	p := laidOut(t, formDoc())
	if len(p.Pages) != 4 {
		t.Fatalf("%d sheets, want 4", len(p.Pages))
	}
	data := write(t, p)
	r, err := ofdread.Read(data)
	if err != nil {
		t.Fatal(err)
	}
	tpls, pages := 0, 0
	for _, f := range r.Files {
		switch {
		case strings.HasPrefix(f, "Doc_0/Tpls/"):
			tpls++
		case strings.HasPrefix(f, "Doc_0/Pages/"):
			pages++
		}
	}
	if tpls != 1 || pages != 4 {
		t.Errorf("%d template and %d page files, want 1 and 4", tpls, pages)
	}
	for i, pg := range r.Pages {
		copies := strings.Count(pg.String(), "委员选票")
		if want := min(2, 7-2*i); copies != want {
			t.Errorf("sheet %d has %d copies, want %d", i+1, copies, want)
		}
	}
}

// TestDeterministic: the same document gives the same bytes; another
// document another DocID.
func TestDeterministic(t *testing.T) {
	a, b := write(t, laidOut(t, textDoc())), write(t, laidOut(t, textDoc()))
	if !bytes.Equal(a, b) {
		t.Fatal("two writes of one document differ")
	}
	d := textDoc()
	d.Blocks = d.Blocks[:3]
	ra, _ := ofdread.Read(a)
	rc, err := ofdread.Read(write(t, laidOut(t, d)))
	if err != nil {
		t.Fatal(err)
	}
	if ra.Info.DocID == rc.Info.DocID {
		t.Error("two documents share a DocID")
	}
}

// TestStandardCharacters sets every character of the 通用规范汉字表 in body
// text: the embedded fonts draw each (ofdread checks every character of a
// TextCode against its font's cmap) and the text reads back in order.
func TestStandardCharacters(t *testing.T) {
	chars := testenv.StandardChars(t)
	if len(chars) != 8105 {
		t.Fatalf("read %d characters, want 8105", len(chars))
	}
	d := &doc.Document{Meta: doc.Meta{Title: "通用规范汉字表", Date: when}}
	for i := 0; i < len(chars); i += 500 {
		d.Blocks = append(d.Blocks, doc.Paragraph{Text: string(chars[i:min(i+500, len(chars))])})
	}
	r, err := ofdread.Read(write(t, laidOut(t, d)))
	if err != nil {
		t.Fatal(err)
	}
	var got []rune
	for _, p := range r.Pages {
		for _, c := range p.String() {
			if unicode.Is(unicode.Han, c) {
				got = append(got, c)
			}
		}
	}
	if string(got) != string(chars) {
		for i := range chars {
			if i >= len(got) || got[i] != chars[i] {
				t.Fatalf("character %d (%c U+%04X) reads back as %q", i, chars[i], chars[i], string(got[i:min(i+3, len(got))]))
			}
		}
		t.Fatalf("%d characters read back, want %d", len(got), len(chars))
	}
}

// TestMismatchedGlyph: a glyph that is not the one the font's character
// map gives for its text is mapped with a CGTransform.
func TestMismatchedGlyph(t *testing.T) {
	p := laidOut(t, &doc.Document{Meta: doc.Meta{Date: when}, Blocks: []doc.Block{doc.Paragraph{Text: "换届选举"}}})
	var run *page.Text
	for _, it := range p.Pages[0].Items {
		if tx, ok := it.(*page.Text); ok && strings.Contains(tx.String(), "选") {
			run = tx
		}
	}
	if run == nil {
		t.Fatal("no run with 选")
	}
	run.Glyphs[1].ID = run.Glyphs[0].ID // 届 drawn with the glyph of 换
	r, err := ofdread.Read(write(t, p))
	if err != nil {
		t.Fatal(err)
	}
	for _, tx := range r.Pages[0].Texts {
		if strings.Contains(tx.Text, "选") {
			if len(tx.CG) != 1 || tx.CG[0].CodePosition != 1 || tx.CG[0].CodeCount != 1 || len(tx.CG[0].Glyphs) != 1 {
				t.Fatalf("CGTransform %+v", tx.CG)
			}
			return
		}
	}
	t.Fatal("text not found")
}
