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
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strconv"

	"huanjie/generator/doc"
	"huanjie/generator/fontset"
	"huanjie/generator/layout"
	"huanjie/generator/page"
	"huanjie/internal/detzip"
)

// Render lays d out and writes it as OFD to w. It refuses with a
// *layout.MissingGlyphError, before writing anything, when a character is
// in no font of its role's chain.
func Render(d *doc.Document, fs *fontset.Set, w io.Writer) error {
	if fs == nil {
		return errors.New("没有可用的字体")
	}
	p, err := layout.Pages(d, fs)
	if err != nil {
		return err
	}
	return Write(p, w)
}

const (
	ns     = `xmlns:ofd="http://www.ofdspec.org/2016"`
	header = `<?xml version="1.0" encoding="UTF-8"?>` + "\n"
	docDir = "Doc_0/"
)

// Write writes the laid-out document d as an OFD package to w.
func Write(d *page.Document, w io.Writer) error {
	ids := &counter{}
	var files []detzip.File

	// fonts: the glyphs the document draws, each face once
	fonts, fontFiles, err := embedFonts(d, ids)
	if err != nil {
		return err
	}

	// pages: identical pages (sheets of a ballot) share a template
	groups := map[string]int{} // page key → first page with it
	first := make([]int, len(d.Pages))
	count := make([]int, len(d.Pages))
	for i, p := range d.Pages {
		k := key(p)
		f, ok := groups[k]
		if !ok {
			f = i
			groups[k] = i
		}
		first[i] = f
		count[f]++
	}
	c := &content{fonts: fonts, forms: d.Forms, ids: ids}
	tplID := make([]int, len(d.Pages))
	var tpls []int // pages whose content is a template, in order
	for i := range d.Pages {
		if first[i] == i && count[i] > 1 {
			tplID[i] = ids.next()
			tpls = append(tpls, i)
		}
	}
	pageID := make([]int, len(d.Pages))
	for i := range d.Pages {
		pageID[i] = ids.next()
	}
	var w0, h0 float64
	if len(d.Pages) > 0 {
		w0, h0 = d.Pages[0].Width, d.Pages[0].Height
	}
	area := func(b []byte, p *page.Page) []byte {
		if p.Width == w0 && p.Height == h0 {
			return b
		}
		b = append(b, "<ofd:Area><ofd:PhysicalBox>0 0 "...)
		b = mm(b, p.Width)
		b = append(b, ' ')
		b = mm(b, p.Height)
		return append(b, "</ofd:PhysicalBox></ofd:Area>"...)
	}
	for k, i := range tpls {
		p := d.Pages[i]
		b := append([]byte(header), "<ofd:Page "+ns+">"...)
		b = area(b, p)
		b = c.layer(b, p.Items)
		b = append(b, "</ofd:Page>\n"...)
		files = append(files, detzip.File{Name: docDir + tplPath(k), Data: b})
	}
	tplIndex := map[int]int{}
	for k, i := range tpls {
		tplIndex[i] = k
	}
	for i, p := range d.Pages {
		b := append([]byte(header), "<ofd:Page "+ns+">"...)
		if t := tplID[first[i]]; t != 0 {
			b = append(b, `<ofd:Template TemplateID="`...)
			b = strconv.AppendInt(b, int64(t), 10)
			b = append(b, `"/>`...)
			b = area(b, p)
		} else {
			b = area(b, p)
			b = c.layer(b, p.Items)
		}
		b = append(b, "</ofd:Page>\n"...)
		files = append(files, detzip.File{Name: docDir + pagePath(i), Data: b})
	}

	// Document.xml
	var b []byte
	b = append(b, header+"<ofd:Document "+ns+"><ofd:CommonData><ofd:MaxUnitID>"...)
	b = strconv.AppendInt(b, int64(ids.n), 10)
	b = append(b, "</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 "...)
	b = mm(b, w0)
	b = append(b, ' ')
	b = mm(b, h0)
	b = append(b, "</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes>"...)
	for k, i := range tpls {
		b = append(b, `<ofd:TemplatePage ID="`...)
		b = strconv.AppendInt(b, int64(tplID[i]), 10)
		b = append(b, `" BaseLoc="`+tplPath(k)+`"/>`...)
	}
	b = append(b, "</ofd:CommonData><ofd:Pages>"...)
	for i := range d.Pages {
		b = append(b, `<ofd:Page ID="`...)
		b = strconv.AppendInt(b, int64(pageID[i]), 10)
		b = append(b, `" BaseLoc="`+pagePath(i)+`"/>`...)
	}
	b = append(b, "</ofd:Pages></ofd:Document>\n"...)
	files = append([]detzip.File{{Name: docDir + "Document.xml", Data: b}, {Name: docDir + "PublicRes.xml", Data: publicRes(fonts)}},
		append(fontFiles, files...)...)

	// OFD.xml, first, with a DocID that is a hash of everything else
	h := sha256.New()
	for _, f := range files {
		h.Write([]byte(f.Name))
		h.Write(f.Data)
	}
	files = append([]detzip.File{{Name: "OFD.xml", Data: entry(d.Meta, hex.EncodeToString(h.Sum(nil))[:32])}}, files...)
	var buf bytes.Buffer
	if err := detzip.Write(&buf, files, detzip.Time(d.Meta.Date)); err != nil {
		return fmt.Errorf("生成 OFD 文件失败：%v", err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("写出 OFD 文件失败：%v", err)
	}
	return nil
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
func date(m doc.Meta) string {
	if m.Date.IsZero() {
		return "2000-01-01"
	}
	return m.Date.UTC().Format("2006-01-02")
}
