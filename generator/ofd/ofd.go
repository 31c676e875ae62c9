// Package ofd writes the page model (package page) as an OFD package
// (GB/T 33190-2016, 电子文件存储与交换格式 版式文档). Like the PDF writer it
// knows no layout rule: every position comes from the model.
//
// The package holds OFD.xml (the entry, with DocInfo from the same
// metadata as the PDF's Info dictionary), Doc_0/Document.xml (page area,
// resources, templates, pages), Doc_0/PublicRes.xml (fonts), the embedded
// font subsets under Doc_0/Res/, and one Content.xml per page. Text is
// TextObject with TextCode in Unicode and DeltaX positions; rules and
// boxes are PathObject. A repeated form (one ballot placed 10,000 times)
// is drawn into its sheet, and identical sheets share one template page —
// see the README's design notes for why not composite objects.
package ofd

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"io"
	"math"
	"strconv"

	"huanjie/generator/doc"
	"huanjie/generator/page"
	"huanjie/internal/detzip"
)

const (
	ns     = `xmlns:ofd="http://www.ofdspec.org/2016"`
	header = `<?xml version="1.0" encoding="UTF-8"?>` + "\n"
	docDir = "Doc_0/"
)

// Write writes the laid-out document d as an OFD package to w.
func Write(d *page.Document, w io.Writer) error {
	ids := &counter{}
	fonts, fontFiles, err := embedFonts(d, ids)
	if err != nil {
		return err
	}
	ps := planPages(d, ids)
	contents := ps.contents(&content{fonts: fonts, forms: d.Forms, ids: ids})
	files := append([]detzip.File{
		{Name: docDir + "Document.xml", Data: ps.document(ids.n)},
		{Name: docDir + "PublicRes.xml", Data: publicRes(fonts)},
	}, append(fontFiles, contents...)...)

	// OFD.xml, first, with a DocID that is a hash of everything else
	h := sha256.New()
	for _, f := range files {
		h.Write([]byte(f.Name))
		h.Write(f.Data)
	}
	files = append([]detzip.File{{Name: "OFD.xml", Data: entry(d.Meta, hex.EncodeToString(h.Sum(nil))[:32])}}, files...)
	var buf bytes.Buffer
	if err := detzip.Write(&buf, files, detzip.Time(d.Meta.Time())); err != nil {
		return fmt.Errorf("生成 OFD 文件失败：%v", err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("写出 OFD 文件失败：%v", err)
	}
	return nil
}

// pages are the document's pages and the template pages that identical
// pages (the sheets of a ballot) share.
type pages struct {
	d      *page.Document
	first  []int // per page, the first page drawing the same
	tplID  []int // per page, the ID of the template it is the first of (0: none)
	tpls   []int // the pages whose content is a template, in order
	pageID []int
	w0, h0 float64 // the page area of the document (the first page's)
}

func planPages(d *page.Document, ids *counter) *pages {
	n := len(d.Pages)
	ps := &pages{d: d, first: make([]int, n), tplID: make([]int, n), pageID: make([]int, n)}
	seen := map[string]int{} // page key → first page with it
	count := make([]int, n)
	for i, p := range d.Pages {
		k := key(p)
		f, ok := seen[k]
		if !ok {
			f = i
			seen[k] = i
		}
		ps.first[i] = f
		count[f]++
	}
	for i := range d.Pages {
		if ps.first[i] == i && count[i] > 1 {
			ps.tplID[i] = ids.next()
			ps.tpls = append(ps.tpls, i)
		}
	}
	for i := range d.Pages {
		ps.pageID[i] = ids.next()
	}
	if n > 0 {
		ps.w0, ps.h0 = d.Pages[0].Width, d.Pages[0].Height
	}
	return ps
}

// key identifies a page's content: pages with equal keys draw the same
// (the sheets of a ballot), so they can share one template page.
func key(p *page.Page) string {
	var b []byte
	f := func(vs ...float64) {
		for _, v := range vs {
			b = binary.LittleEndian.AppendUint64(b, math.Float64bits(v))
		}
	}
	col := func(c page.Color) { b = append(b, c.R, c.G, c.B) }
	f(p.Width, p.Height)
	for _, it := range p.Items {
		switch it := it.(type) {
		case *page.Text:
			b = append(b, 'T')
			f(float64(it.Font), it.Size, it.X, it.Y, it.Angle, it.Opacity)
			col(it.Color)
			if it.Invisible {
				b = append(b, 'i')
			}
			for _, g := range it.Glyphs {
				b = binary.LittleEndian.AppendUint16(b, g.ID)
				b = append(b, g.Text...)
				b = append(b, 0)
				f(g.Advance, g.Cut, g.Shift)
			}
		case *page.Rule:
			b = append(b, 'R')
			f(it.X1, it.Y1, it.X2, it.Y2, it.Width)
			col(it.Color)
			f(float64(len(it.Dash)))
			f(it.Dash...)
		case *page.Box:
			b = append(b, 'B')
			f(it.X, it.Y, it.W, it.H)
			col(it.Fill)
		case *page.Use:
			b = append(b, 'U')
			f(float64(it.Form), it.X, it.Y)
		}
	}
	return string(b)
}

// contents are the template pages' and the pages' Content.xml files.
func (ps *pages) contents(c *content) []detzip.File {
	var files []detzip.File
	write := func(name string, p *page.Page, tpl int) {
		b := append([]byte(header), "<ofd:Page "+ns+">"...)
		if tpl != 0 {
			b = append(b, `<ofd:Template TemplateID="`...)
			b = strconv.AppendInt(b, int64(tpl), 10)
			b = append(b, `"/>`...)
		}
		if p.Width != ps.w0 || p.Height != ps.h0 {
			b = append(b, "<ofd:Area><ofd:PhysicalBox>0 0 "...)
			b = mm(b, p.Width)
			b = append(b, ' ')
			b = mm(b, p.Height)
			b = append(b, "</ofd:PhysicalBox></ofd:Area>"...)
		}
		if tpl == 0 {
			b = c.layer(b, p.Items)
		}
		b = append(b, "</ofd:Page>\n"...)
		files = append(files, detzip.File{Name: docDir + name, Data: b})
	}
	for k, i := range ps.tpls {
		write(tplPath(k), ps.d.Pages[i], 0)
	}
	for i, p := range ps.d.Pages {
		write(pagePath(i), p, ps.tplID[ps.first[i]])
	}
	return files
}

// document is Document.xml.
func (ps *pages) document(maxID int) []byte {
	var b []byte
	b = append(b, header+"<ofd:Document "+ns+"><ofd:CommonData><ofd:MaxUnitID>"...)
	b = strconv.AppendInt(b, int64(maxID), 10)
	b = append(b, "</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 "...)
	b = mm(b, ps.w0)
	b = append(b, ' ')
	b = mm(b, ps.h0)
	b = append(b, "</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes>"...)
	for k, i := range ps.tpls {
		b = append(b, `<ofd:TemplatePage ID="`...)
		b = strconv.AppendInt(b, int64(ps.tplID[i]), 10)
		b = append(b, `" BaseLoc="`+tplPath(k)+`"/>`...)
	}
	b = append(b, "</ofd:CommonData><ofd:Pages>"...)
	for i := range ps.d.Pages {
		b = append(b, `<ofd:Page ID="`...)
		b = strconv.AppendInt(b, int64(ps.pageID[i]), 10)
		b = append(b, `" BaseLoc="`+pagePath(i)+`"/>`...)
	}
	return append(b, "</ofd:Pages></ofd:Document>\n"...)
}

func pagePath(i int) string { return "Pages/Page_" + strconv.Itoa(i) + "/Content.xml" }
func tplPath(k int) string  { return "Tpls/Tpl_" + strconv.Itoa(k) + "/Content.xml" }

// counter hands out the document's object IDs (ST_ID), from 1.
type counter struct{ n int }

func (c *counter) next() int { c.n++; return c.n }

// entry is OFD.xml: DocInfo with the values of the PDF's Info dictionary
// (the one date of the document, never the clock) and the document root.
func entry(m doc.Meta, docID string) []byte {
	var b bytes.Buffer
	b.WriteString(header + `<ofd:OFD ` + ns + ` Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>` + docID + `</ofd:DocID>`)
	elem := func(name, v string) {
		if v != "" {
			b.WriteString("<ofd:" + name + ">")
			escape(&b, v)
			b.WriteString("</ofd:" + name + ">")
		}
	}
	elem("Title", m.Title)
	elem("Author", m.Author)
	elem("Subject", m.Subject)
	elem("CreationDate", date(m))
	elem("ModDate", date(m))
	if m.Keywords != "" {
		b.WriteString("<ofd:Keywords>")
		elem("Keyword", m.Keywords)
		b.WriteString("</ofd:Keywords>")
	}
	elem("Creator", "huanjie")
	b.WriteString("</ofd:DocInfo><ofd:DocRoot>" + docDir + "Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>\n")
	return b.Bytes()
}

// date is the document's one date (xs:date), the day of the PDF's
// CreationDate: the data's date, never the clock.
func date(m doc.Meta) string { return m.Time().Format("2006-01-02") }
