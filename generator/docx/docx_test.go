package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"huanjie/generator/doc"
	"huanjie/internal/testenv"
)

func render(t testing.TB, d *doc.Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Render(d, &buf); err != nil {
		t.Fatalf("Render: %v", err)
	}
	return buf.Bytes()
}

// ---- a tiny DOM for checking parts ----

type node struct {
	name     xml.Name
	attr     map[string]string // by local name; "r:id" for the relationship id
	children []*node
	text     string
}

func parseXML(data []byte) (*node, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	root := &node{}
	stack := []*node{root}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			n := &node{name: tk.Name, attr: map[string]string{}}
			for _, a := range tk.Attr {
				key := a.Name.Local
				if strings.HasSuffix(a.Name.Space, "/relationships") {
					key = "r:" + key
				}
				n.attr[key] = a.Value
			}
			top := stack[len(stack)-1]
			top.children = append(top.children, n)
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			stack[len(stack)-1].text += string(tk)
		}
	}
	if len(root.children) != 1 {
		return nil, fmt.Errorf("want one root element, got %d", len(root.children))
	}
	return root.children[0], nil
}

func (n *node) walk(f func(*node)) {
	f(n)
	for _, c := range n.children {
		c.walk(f)
	}
}

func (n *node) all(local string) []*node {
	var out []*node
	n.walk(func(m *node) {
		if m.name.Local == local {
			out = append(out, m)
		}
	})
	return out
}

func (n *node) child(local string) *node {
	for _, c := range n.children {
		if c.name.Local == local {
			return c
		}
	}
	return nil
}

func (n *node) textAll() string {
	var b strings.Builder
	n.walk(func(m *node) {
		if m.name.Local == "t" {
			b.WriteString(m.text)
		}
	})
	return b.String()
}

type pkg struct {
	order []string
	parts map[string][]byte
	zr    *zip.Reader
}

func openPkg(t *testing.T, data []byte) pkg {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	p := pkg{parts: map[string][]byte{}, zr: zr}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if _, dup := p.parts[f.Name]; dup {
			t.Errorf("duplicate part %s", f.Name)
		}
		p.order = append(p.order, f.Name)
		p.parts[f.Name] = b
	}
	return p
}

func (p pkg) dom(t *testing.T, name string) *node {
	t.Helper()
	data, ok := p.parts[name]
	if !ok {
		t.Fatalf("part %s missing", name)
	}
	n, err := parseXML(data)
	if err != nil {
		t.Fatalf("%s is not well-formed: %v", name, err)
	}
	return n
}

func letterheadDocument() *doc.Document {
	d := testDocument()
	d.Draft = true
	d.Letterhead = &doc.Letterhead{Organ: "中共东华社区支部委员会", Number: "东社支〔2024〕3号", Signers: []string{"王喆"}}
	return d
}

// TestWellFormed parses every part and checks the values that Word and
// LibreOffice insist on.
func TestWellFormed(t *testing.T) {
	for name, d := range map[string]*doc.Document{
		"gongwen": testDocument(), "ballot": ballotDocument(), "letterhead+draft": letterheadDocument(),
	} {
		t.Run(name, func(t *testing.T) { checkPackage(t, d) })
	}
}

var (
	intRe  = regexp.MustCompile(`^-?[0-9]+$`)
	hexRe  = regexp.MustCompile(`^([0-9A-F]{6}|auto)$`)
	jcVals = map[string]bool{"left": true, "center": true, "right": true, "both": true}
)

func checkPackage(t *testing.T, d *doc.Document) {
	data := render(t, d)
	p := openPkg(t, data)
	if p.order[0] != "[Content_Types].xml" {
		t.Errorf("first part is %s, want [Content_Types].xml", p.order[0])
	}
	for _, name := range p.order {
		if _, err := parseXML(p.parts[name]); err != nil {
			t.Errorf("%s is not well-formed: %v", name, err)
		}
	}
	// Content types: every part is covered, every override exists.
	ct := p.dom(t, "[Content_Types].xml")
	overrides := map[string]bool{}
	for _, o := range ct.all("Override") {
		name := strings.TrimPrefix(o.attr["PartName"], "/")
		if _, ok := p.parts[name]; !ok {
			t.Errorf("content type override for missing part %s", name)
		}
		overrides[name] = true
	}
	for _, name := range p.order {
		if name == "[Content_Types].xml" || strings.HasSuffix(name, ".rels") {
			continue
		}
		if !overrides[name] {
			t.Errorf("part %s has no content type override", name)
		}
	}
	// Relationships point at existing parts.
	docRels := map[string]string{}
	for _, rels := range []string{"_rels/.rels", "word/_rels/document.xml.rels"} {
		base := filepath.Dir(filepath.Dir(rels)) // the folder the _rels folder is in
		for _, r := range p.dom(t, rels).all("Relationship") {
			target := strings.TrimPrefix(filepath.Join(base, r.attr["Target"]), "/")
			if _, ok := p.parts[target]; !ok {
				t.Errorf("%s: relationship %s → missing %s", rels, r.attr["Id"], target)
			}
			if rels == "word/_rels/document.xml.rels" {
				docRels[r.attr["Id"]] = target
			}
		}
	}

	// Styles: the named styles of the 公文, with their fonts.
	styles := p.dom(t, "word/styles.xml")
	styleIDs := map[string]*node{}
	byName := map[string]*node{}
	for _, s := range styles.all("style") {
		styleIDs[s.attr["styleId"]] = s
		byName[s.child("name").attr["val"]] = s
	}
	wantFont := map[string]string{
		"公文标题": "方正小标宋简体", "一级标题": "黑体", "二级标题": "楷体_GB2312", "表格标题行": "黑体", "附件标识": "黑体",
	}
	for _, n := range []string{"Normal", "公文标题", "主送机关", "一级标题", "二级标题", "三级标题", "四级标题", "附件说明", "署名", "成文日期", "附注", "版记", "表格"} {
		s, ok := byName[n]
		if !ok {
			t.Errorf("style %q missing", n)
			continue
		}
		if f, ok := wantFont[n]; ok {
			rf := s.all("rFonts")
			if len(rf) == 0 || rf[0].attr["eastAsia"] != f {
				t.Errorf("style %q: eastAsia font not %s", n, f)
			}
		}
		if strings.HasSuffix(n, "级标题") && len(s.all("keepNext")) == 0 {
			t.Errorf("style %q lacks keepNext", n)
		}
	}
	// No punctuation past the right margin (Word and WPS; LibreOffice 7.4
	// reads the element inverted, see build's TestDocxMatchesPDF).
	if op := styleIDs["Normal"].all("overflowPunct"); len(op) != 1 || op[0].attr["val"] != "0" {
		t.Errorf("Normal style: overflowPunct %v, want val=0", op)
	}
	if d.Layout == doc.LayoutGongwen {
		normal := styleIDs["Normal"]
		ind := normal.all("ind")[0]
		if ind.attr["firstLine"] != "640" || ind.attr["firstLineChars"] != "200" {
			t.Errorf("Normal indent = %v, want firstLine 640 and firstLineChars 200", ind.attr)
		}
		if normal.all("widowControl") == nil {
			t.Errorf("Normal lacks widowControl")
		}
		if rf := normal.all("rFonts")[0]; rf.attr["eastAsia"] != "仿宋_GB2312" {
			t.Errorf("Normal eastAsia = %s", rf.attr["eastAsia"])
		}
		if s := normal.all("sz")[0].attr["val"]; s != "32" {
			t.Errorf("Normal size = %s half-points, want 32 (三号)", s)
		}
	}
	for _, b := range styles.all("basedOn") {
		if styleIDs[b.attr["val"]] == nil {
			t.Errorf("basedOn unknown style %s", b.attr["val"])
		}
	}
	// Font table: the 公文 names with their common alternates.
	alt := map[string]string{}
	for _, f := range p.dom(t, "word/fontTable.xml").all("font") {
		if a := f.child("altName"); a != nil {
			alt[f.attr["name"]] = a.attr["val"]
		} else {
			alt[f.attr["name"]] = ""
		}
	}
	for name, want := range map[string]string{"仿宋_GB2312": "仿宋", "楷体_GB2312": "楷体", "黑体": "SimHei", "方正小标宋简体": "方正小标宋_GBK", "宋体": "SimSun"} {
		if got, ok := alt[name]; !ok || got != want {
			t.Errorf("font table: %s altName = %q (present %v), want %q", name, got, ok, want)
		}
	}

	body := p.dom(t, "word/document.xml")
	// Every run font, style reference and value is valid.
	body.walk(func(n *node) {
		switch n.name.Local {
		case "pStyle":
			if styleIDs[n.attr["val"]] == nil {
				t.Errorf("pStyle %q not defined", n.attr["val"])
			}
		case "jc":
			if !jcVals[n.attr["val"]] {
				t.Errorf("bad jc %q", n.attr["val"])
			}
		case "sz", "szCs", "gridSpan", "gridAfter":
			if v, err := strconv.Atoi(n.attr["val"]); err != nil || v <= 0 {
				t.Errorf("bad %s %q", n.name.Local, n.attr["val"])
			}
		case "tcW", "gridCol", "tblW", "wAfter":
			if v, err := strconv.Atoi(n.attr["w"]); err != nil || v < 0 {
				t.Errorf("bad %s w=%q", n.name.Local, n.attr["w"])
			}
		case "ind", "spacing", "pgMar", "pgSz", "trHeight":
			for k, v := range n.attr {
				if k == "lineRule" || k == "hRule" {
					continue
				}
				if !intRe.MatchString(v) {
					t.Errorf("%s %s=%q not an integer", n.name.Local, k, v)
				}
			}
		case "color", "shd", "background", "top", "bottom", "left", "right":
			for _, k := range []string{"val", "color", "fill"} {
				if k == "val" && n.name.Local != "color" {
					continue
				}
				if v, ok := n.attr[k]; ok && !hexRe.MatchString(v) {
					t.Errorf("%s %s=%q not a colour", n.name.Local, k, v)
				}
			}
		case "footerReference", "headerReference":
			if _, ok := docRels[n.attr["r:id"]]; !ok {
				t.Errorf("%s → unknown relationship %s", n.name.Local, n.attr["r:id"])
			}
		case "tc":
			if len(n.all("p")) == 0 {
				t.Errorf("table cell without a paragraph")
			}
		}
	})
	// Tables: every row covers the grid exactly; vertical merges continue a
	// cell started above in the same grid column.
	for ti, tbl := range body.all("tbl") {
		ncol := len(tbl.child("tblGrid").children)
		var restart []bool
		restart = make([]bool, ncol)
		for ri, tr := range tbl.all("tr") {
			c := 0
			if pr := tr.child("trPr"); pr != nil {
				if ga := pr.child("gridAfter"); ga != nil {
					n, _ := strconv.Atoi(ga.attr["val"])
					c += n
				}
			}
			col := 0
			for _, tc := range tr.children {
				if tc.name.Local != "tc" {
					continue
				}
				span := 1
				pr := tc.child("tcPr")
				if gs := pr.child("gridSpan"); gs != nil {
					span, _ = strconv.Atoi(gs.attr["val"])
				}
				if vm := pr.child("vMerge"); vm != nil {
					if vm.attr["val"] == "restart" {
						restart[col] = true
					} else if !restart[col] {
						t.Errorf("table %d row %d col %d: vMerge continues nothing", ti+1, ri+1, col+1)
					}
				} else if col < ncol {
					restart[col] = false
				}
				col += span
			}
			if col+c != ncol {
				t.Errorf("table %d row %d covers %d of %d grid columns", ti+1, ri+1, col+c, ncol)
			}
		}
	}
	// Section: paper, margins, grid.
	sect := body.all("sectPr")
	if len(sect) != 1 {
		t.Fatalf("want 1 sectPr, got %d", len(sect))
	}
	pgSz, pgMar, grid := sect[0].child("pgSz"), sect[0].child("pgMar"), sect[0].child("docGrid")
	if d.Layout == doc.LayoutGongwen {
		want := map[string]string{"top": "2098", "bottom": "1984", "left": "1587", "right": "1474"}
		for k, v := range want {
			if pgMar.attr[k] != v {
				t.Errorf("pgMar %s = %s, want %s", k, pgMar.attr[k], v)
			}
		}
		if pgSz.attr["w"] != "11906" || pgSz.attr["h"] != "16838" {
			t.Errorf("pgSz = %v, want A4", pgSz.attr)
		}
		if grid.attr["type"] != "lines" || grid.attr["linePitch"] != "579" {
			t.Errorf("docGrid = %v", grid.attr)
		}
		var refs []string
		for _, r := range sect[0].all("footerReference") {
			refs = append(refs, r.attr["type"]+"="+docRels[r.attr["r:id"]])
		}
		if strings.Join(refs, ",") != "even=word/footer2.xml,default=word/footer1.xml" {
			t.Errorf("footer references = %v", refs)
		}
		settings := p.dom(t, "word/settings.xml")
		if len(settings.all("evenAndOddHeaders")) != 1 {
			t.Errorf("settings lack evenAndOddHeaders")
		}
		for f, jc := range map[string]string{"word/footer1.xml": "right", "word/footer2.xml": "left"} {
			ft := p.dom(t, f)
			if got := ft.all("jc")[0].attr["val"]; got != jc {
				t.Errorf("%s: jc = %s, want %s", f, got, jc)
			}
			if instr := ft.all("instrText"); len(instr) != 1 || strings.TrimSpace(instr[0].text) != "PAGE" {
				t.Errorf("%s: no PAGE field", f)
			}
			if txt := ft.textAll(); txt != "— 1 —" {
				t.Errorf("%s: text %q, want \"— 1 —\"", f, txt)
			}
			if sz := ft.all("sz")[0].attr["val"]; sz != "28" {
				t.Errorf("%s: size %s, want 28 (4号)", f, sz)
			}
			if rf := ft.all("rFonts")[0]; rf.attr["ascii"] != "宋体" || rf.attr["eastAsia"] != "宋体" {
				t.Errorf("%s: page number font %v, want 宋体", f, rf.attr)
			}
		}
	} else if d.Sheet.Paper == "A5" && (pgSz.attr["w"] != "8391" || pgSz.attr["h"] != "11906") {
		t.Errorf("pgSz = %v, want A5", pgSz.attr)
	}
	if d.Draft {
		found := false
		for _, name := range p.order {
			if strings.HasPrefix(name, "word/header") && strings.Contains(p.dom(t, name).textAll(), "草稿") {
				found = true
			}
		}
		if !found {
			t.Errorf("draft document has no 草稿 header")
		}
	}
	// Core properties from Meta.
	core := p.dom(t, "docProps/core.xml")
	get := func(local string) string {
		if n := core.child(local); n != nil {
			return n.text
		}
		return ""
	}
	if get("title") != d.Meta.Title || get("creator") != d.Meta.Author {
		t.Errorf("core: title %q creator %q", get("title"), get("creator"))
	}
	if want := d.Meta.Date.UTC().Format("2006-01-02T15:04:05Z"); get("created") != want || get("modified") != want {
		t.Errorf("core: created %q modified %q, want %q", get("created"), get("modified"), want)
	}
	if app := p.dom(t, "docProps/app.xml"); app.child("Application") == nil {
		t.Errorf("app.xml lacks Application")
	}
}

// TestDocumentStructure checks what the renderer writes for each block.
func TestDocumentStructure(t *testing.T) {
	p := openPkg(t, render(t, letterheadDocument()))
	body := p.dom(t, "word/document.xml")
	var paras []*node
	for _, n := range body.all("p") {
		paras = append(paras, n)
	}
	find := func(prefix string) *node {
		for _, n := range paras {
			if strings.HasPrefix(n.textAll(), prefix) {
				return n
			}
		}
		t.Fatalf("no paragraph starting %q", prefix)
		return nil
	}
	style := func(n *node) string {
		if s := n.all("pStyle"); len(s) > 0 {
			return s[0].attr["val"]
		}
		return ""
	}
	// Title: broken between phrases, longer line above.
	title := find("中共东华社区支部委员会关于")
	if style(title) != stTitle || len(title.all("br")) != 1 {
		t.Errorf("title: style %s, %d breaks", style(title), len(title.all("br")))
	}
	var lines []string
	cur := ""
	title.walk(func(n *node) {
		switch n.name.Local {
		case "t":
			cur += n.text
		case "br":
			lines = append(lines, cur)
			cur = ""
		}
	})
	lines = append(lines, cur)
	if len(lines) != 2 || lines[0] != "中共东华社区支部委员会关于召开党员大会" || lines[1] != "进行换届选举的请示" {
		t.Errorf("title lines %q", lines)
	}
	for prefix, st := range map[string]string{
		"中共圣灯街道工作委员会：": stAddressee, "一、基本情况": stHeading + "1", "（一）委员会组成": stHeading + "2",
		"1.候选人产生程序": stHeading + "3", "（1）不计入": stHeading + "4", "附件：1.": stAttachNote,
		"（联系人：李明": stNote, "附件1": stAttachLabel, "抄送：": stImprint,
	} {
		if got := style(find(prefix)); got != st {
			t.Errorf("%s: style %s, want %s", prefix, got, st)
		}
	}
	// The attachment starts a new page.
	if len(find("附件1").all("pageBreakBefore")) != 1 {
		t.Errorf("attachment label lacks pageBreakBefore")
	}
	// Sealed signature: date 4 characters in from the right, organ centred
	// on it ((11 − 6.5) / 2 = 2.25 characters: 4 − 2.25 = 1.75).
	sig, date := find("中共东华社区支部委员会"), (*node)(nil)
	for _, n := range paras {
		if n.textAll() == "2024年7月18日" {
			date = n
		}
	}
	for _, n := range paras {
		if n.textAll() == "中共东华社区支部委员会" && style(n) == stSignature {
			sig = n
		}
	}
	if date == nil || style(sig) != stSignature || style(date) != stDate {
		t.Fatalf("signature paragraphs not found")
	}
	if got := date.all("ind")[0].attr["right"]; got != "1280" {
		t.Errorf("date right indent %s, want 1280 (4 characters)", got)
	}
	if got := sig.all("ind")[0].attr["right"]; got != "560" {
		t.Errorf("organ right indent %s, want 560 (1.75 characters)", got)
	}
	// Letterhead: red organ name, number with a red rule.
	organ := paras[0]
	if style(organ) != stOrgan || organ.textAll() != "中共东华社区支部委员会" {
		t.Errorf("first paragraph is %q (%s), want the 发文机关标志", organ.textAll(), style(organ))
	}
	num := find("东社支〔2024〕3号")
	if b := num.all("bottom"); len(b) != 1 || b[0].attr["color"] != "C8102E" {
		t.Errorf("文号 paragraph lacks the red rule")
	}
	if !strings.Contains(num.textAll(), "签发人：王喆") {
		t.Errorf("签发人 missing: %q", num.textAll())
	}
	// Table: header row repeats, merged cells.
	tbl := body.all("tbl")[0]
	rows := tbl.all("tr")
	if len(rows[0].all("tblHeader")) != 1 || len(rows[1].all("tblHeader")) != 0 {
		t.Errorf("tblHeader should be on the header row only")
	}
	if n := len(tbl.all("vMerge")); n != 2 {
		t.Errorf("table has %d vMerge cells, want 2", n)
	}
	if n := len(tbl.all("gridSpan")); n != 1 {
		t.Errorf("table has %d gridSpan cells, want 1", n)
	}
	for _, tc := range tbl.all("tc") {
		b := tc.child("tcPr").child("tcBorders")
		if b == nil || len(b.children) != 4 {
			t.Fatalf("table cell without its own four borders")
		}
	}
	// 版记 rules: thick, thin, thick.
	imp := body.all("tbl")[1]
	var rules []string
	for _, tc := range imp.all("tc") {
		b := tc.child("tcPr").child("tcBorders")
		rules = append(rules, b.child("top").attr["sz"]+"/"+b.child("bottom").attr["sz"])
	}
	if strings.Join(rules, " ") != "8/6 6/8" {
		t.Errorf("版记 rules %v, want 8/6 6/8 (0.35 mm / 0.25 mm)", rules)
	}
}

// TestDeterministic renders twice and compares bytes; zip times come from
// Meta.Date.
func TestDeterministic(t *testing.T) {
	for _, mk := range []func() *doc.Document{testDocument, ballotDocument, letterheadDocument} {
		a, b := render(t, mk()), render(t, mk())
		if !bytes.Equal(a, b) {
			t.Fatalf("two renders differ")
		}
		p := openPkg(t, a)
		want := mk().Meta.Date.UTC().Truncate(2 * time.Second)
		for _, f := range p.zr.File {
			if !f.Modified.Equal(want) {
				t.Errorf("%s: modified %v, want %v", f.Name, f.Modified, want)
			}
		}
	}
	d := testDocument()
	d.Meta.Date = d.Meta.Date.AddDate(0, 0, 1)
	if bytes.Equal(render(t, testDocument()), render(t, d)) {
		t.Errorf("a different date gives the same bytes")
	}
}

// expectedText is the text of d in reading order, as a reader sees it.
func expectedText(d *doc.Document) string {
	var b strings.Builder
	var walk func([]doc.Block)
	walk = func(bs []doc.Block) {
		for _, blk := range bs {
			switch x := blk.(type) {
			case doc.Title:
				b.WriteString(strings.Join(x.Phrases, ""))
			case doc.Addressee:
				b.WriteString(x.Text)
			case doc.Heading:
				b.WriteString(x.Text)
			case doc.Paragraph:
				b.WriteString(x.Text)
			case doc.List:
				for i, it := range x.Items {
					b.WriteString(strings.Replace(x.Marker, "1", strconv.Itoa(i+1), 1) + it)
				}
			case doc.Table:
				b.WriteString(x.Caption)
				for _, r := range append(append([]doc.Row{}, x.Header...), x.Rows...) {
					for _, c := range r.Cells {
						b.WriteString(c.Text)
					}
				}
			case doc.AttachmentNote:
				b.WriteString("附件：")
				for i, it := range x.Items {
					if len(x.Items) > 1 {
						b.WriteString(strconv.Itoa(i+1) + ".")
					}
					b.WriteString(it)
				}
			case doc.Signature:
				b.WriteString(x.Organ + x.Date)
			case doc.Note:
				b.WriteString(x.Text)
			case doc.Attachment:
				b.WriteString(x.Label + x.Title)
				walk(x.Blocks)
			case doc.Form:
				for _, r := range x.Rows {
					for _, c := range r.Cells {
						b.WriteString(c.Text)
					}
				}
			}
		}
	}
	if l := d.Letterhead; l != nil {
		b.WriteString(l.Organ + l.Number)
		if len(l.Signers) > 0 {
			b.WriteString("签发人：" + strings.Join(l.Signers, "　"))
		}
	}
	walk(d.Blocks)
	if im := d.Imprint; im != nil {
		b.WriteString("抄送：" + strings.Join(im.CC, "，") + "。" + im.Printer + im.PrintDate + "印发")
	}
	return squeeze(b.String())
}

// squeeze drops whitespace (pandoc turns tabs and line breaks into spaces
// and lays tables out with padding).
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

var tableRuleRe = regexp.MustCompile(`^[\s\-+=:|]+$`)

// TestPandocText reads the DOCX back with pandoc and compares the text.
func TestPandocText(t *testing.T) {
	testenv.Tools(t, "pandoc")
	for name, d := range map[string]*doc.Document{
		"gongwen": testDocument(), "ballot": ballotDocument(), "letterhead": letterheadDocument(),
	} {
		t.Run(name, func(t *testing.T) {
			f := filepath.Join(t.TempDir(), "d.docx")
			if err := os.WriteFile(f, render(t, d), 0o644); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command("pandoc", "-f", "docx", "-t", "plain", "--wrap=none", "--columns=10000", f).Output()
			if err != nil {
				t.Fatalf("pandoc: %v", err)
			}
			var b strings.Builder
			for _, line := range strings.Split(string(out), "\n") {
				if tableRuleRe.MatchString(line) {
					continue
				}
				b.WriteString(strings.ReplaceAll(line, "|", ""))
			}
			got, want := squeeze(b.String()), expectedText(d)
			if got != want {
				gr, wr := []rune(got), []rune(want)
				i := 0
				for i < len(gr) && i < len(wr) && gr[i] == wr[i] {
					i++
				}
				lo := max(0, i-20)
				t.Errorf("text differs at rune %d:\n got …%s\nwant …%s", i, string(gr[lo:min(len(gr), i+30)]), string(wr[lo:min(len(wr), i+30)]))
			}
		})
	}
}

// threePageDocument is the first three pages of testDocument (title, the
// long paragraph, headings, list) with a signature and a note.
func threePageDocument() *doc.Document {
	d := testDocument()
	d.Blocks = append(d.Blocks[:9:9], d.Blocks[14], d.Blocks[15])
	d.Imprint = nil
	return d
}

// BenchmarkRender measures the DOCX writer's cost for a three-page 请示.
func BenchmarkRender(b *testing.B) {
	benchRender(b, threePageDocument())
}

// BenchmarkRenderFull is the six-page test document (20-row table,
// attachment, 版记).
func BenchmarkRenderFull(b *testing.B) {
	benchRender(b, testDocument())
}

func benchRender(b *testing.B, d *doc.Document) {
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := Render(d, &buf); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "bytes/doc")
}
