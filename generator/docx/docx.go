// Package docx renders a doc.Document as a WordprocessingML (.docx) file that
// behaves like a proper Word 公文: real paragraphs with named styles, East-Asian
// font names per role, an A4 section with the GB/T 9704-2012 margins and the
// 22-line grid, odd/even footers with "— N —" page numbers, bordered tables.
//
// The writer is our own (archive/zip + hand-written XML): no usable Go library
// exists (see libraries.md). Output is deterministic: the same document gives
// byte-identical bytes (fixed part order, fixed zip timestamps taken from
// doc.Meta.Time).
package docx

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"huanjie/generator/doc"
	"huanjie/internal/detzip"
)

// Page geometry in twips (1/20 pt), GB/T 9704-2012.
const (
	a4W = 11906 // 210 mm
	a4H = 16838 // 297 mm
	a5W = 8391  // 148 mm
	a5H = 11906 // 210 mm

	marTop    = 2098 // 37 mm 天头
	marBottom = 1984 // 35 mm
	marLeft   = 1587 // 28 mm 订口
	marRight  = 1474 // 26 mm

	// linePitch is one grid line: 225 mm / 22 lines = 28.99 pt, written as
	// Word's own 22-line value 579 (22 × 579 = 12738 ≤ 12756).
	linePitch = 579

	// charSpacing is the run spacing (in 1/20 pt) that narrows each 16 pt
	// character to 15.75 pt so that 28 characters fill the 442.2 pt line in
	// LibreOffice and Word alike (28 × 15.75 = 441 pt). A first line indented by
	// 2 × 16 pt then holds 26 characters.
	charSpacing = -5

	// footerDist puts the top of the page-number line 7 mm below the text
	// block: the footer paragraph is 17 pt high and ends 22 mm above the page
	// bottom (35 − 7 − 6 = 22 mm).
	footerDist  = 1247
	footerLine  = 340 // exact height of the page-number line (17 pt)
	headerDist  = 851 // 15 mm
	textWidthGW = a4W - marLeft - marRight

	bodyHalfPts = 32 // 三号 in half-points
)

// Render writes d as a .docx to w. Deterministic: the same input gives
// byte-identical output.
func Render(d *doc.Document, w io.Writer) error {
	if d == nil {
		return errors.New("没有可输出的文档")
	}
	parts, err := buildParts(d)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := detzip.Write(&buf, parts, detzip.Time(d.Meta.Time())); err != nil {
		return fmt.Errorf("生成 DOCX 文件失败：%v", err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("写出 DOCX 文件失败：%v", err)
	}
	return nil
}

// buildParts produces every part of the package in a fixed order.
func buildParts(d *doc.Document) ([]detzip.File, error) {
	r := newRenderer(d)
	body, err := r.document()
	if err != nil {
		return nil, err
	}
	parts := []detzip.File{
		{Name: "[Content_Types].xml", Data: contentTypes(r.draft, r.footers)},
		{Name: "_rels/.rels", Data: []byte(packageRels)},
		{Name: "docProps/core.xml", Data: coreProps(d.Meta)},
		{Name: "docProps/app.xml", Data: appProps(d.Meta)},
		{Name: "word/document.xml", Data: body},
		{Name: "word/_rels/document.xml.rels", Data: documentRels(r.draft, r.footers)},
		{Name: "word/styles.xml", Data: stylesXML()},
		{Name: "word/settings.xml", Data: settingsXML(r.footers || r.draft)},
		{Name: "word/fontTable.xml", Data: []byte(fontTableXML)},
		{Name: "word/webSettings.xml", Data: []byte(webSettingsXML)},
	}
	if r.footers {
		parts = append(parts,
			detzip.File{Name: "word/footer1.xml", Data: footerXML(false)},
			detzip.File{Name: "word/footer2.xml", Data: footerXML(true)},
		)
	}
	if r.draft {
		parts = append(parts,
			detzip.File{Name: "word/header1.xml", Data: draftHeaderXML()},
			detzip.File{Name: "word/header2.xml", Data: draftHeaderXML()},
		)
	}
	return parts, nil
}
