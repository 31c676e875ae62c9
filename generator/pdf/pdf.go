// Package pdf writes the page model (package page) as PDF/A-2b. It knows
// no layout rule: every position comes from the model. It writes its own
// objects — composite fonts with CID = glyph ID and a ToUnicode map, the
// XMP metadata and sRGB OutputIntent of PDF/A, form XObjects shared by
// many pages — see the README's design notes for why not through fpdf.
package pdf

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"huanjie/generator/doc"
	"huanjie/generator/fontset"
	"huanjie/generator/layout"
	"huanjie/generator/page"
)

// Errors of layout that callers of Render see; see package layout.
type (
	MissingGlyphError  = layout.MissingGlyphError
	FormFitError       = layout.FormFitError
	SheetOverflowError = layout.SheetOverflowError
)

// Render lays d out and writes it as PDF to w. It refuses with a
// *MissingGlyphError, before writing anything, when a character is in no
// font of its role's chain.
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

// Write writes the laid-out document d as PDF/A-2b to w.
func Write(d *page.Document, w io.Writer) error {
	o := newObjects()
	catalog, pages, meta, icc, infoObj, res, formRes := o.alloc(), o.alloc(), o.alloc(), o.alloc(), o.alloc(), o.alloc(), o.alloc()

	// fonts: the glyphs used, the narrower variants of squeezed marks
	glyphs := d.Glyphs()
	fonts := make([]*embedded, len(d.Fonts))
	fontObj := make([]int, len(d.Fonts))
	for i, f := range d.Fonts {
		if len(glyphs[i]) == 0 {
			continue
		}
		e, err := newEmbedded(f, glyphs[i])
		if err != nil {
			return fmt.Errorf("无法嵌入字体“%s”：%v", f.Family, err)
		}
		fonts[i] = e
	}
	d.EachText(func(t *page.Text) {
		if e := fonts[t.Font]; e != nil {
			for _, g := range t.Glyphs {
				e.want(g, t.Size)
			}
		}
	})
	for i, e := range fonts {
		if e == nil {
			continue
		}
		if err := e.subset(); err != nil {
			return fmt.Errorf("无法嵌入字体“%s”：%v", e.face.Family, err)
		}
		fontObj[i] = o.alloc()
		e.write(o, fontObj[i])
	}

	// transparency states (ExtGState /Gn), by opacity, in order of use
	var opacities []float64
	gsName := func(op float64) string {
		i := slices.Index(opacities, op)
		if i < 0 {
			i = len(opacities)
			opacities = append(opacities, op)
		}
		return "G" + strconv.Itoa(i)
	}

	c := &content{fonts: fonts, forms: d.Forms, gs: gsName}
	// forms
	formObj := make([]int, len(d.Forms))
	for i, f := range d.Forms {
		c.reset(f.Height)
		c.items(f.Items)
		formObj[i] = o.alloc()
		o.stream(formObj[i], "/Type/XObject/Subtype/Form/BBox[0 0 "+string(num(nil, f.Width))+" "+string(num(nil, f.Height))+"]/Resources "+ref(formRes), c.b, false)
	}

	// pages: identical contents are written once
	streams := map[string]int{}
	pageObj := make([]int, len(d.Pages))
	var w0, h0 float64
	if len(d.Pages) > 0 {
		w0, h0 = d.Pages[0].Width, d.Pages[0].Height
	}
	kids := pageTree(o, pages, len(d.Pages))
	for i, p := range d.Pages {
		c.reset(p.Height)
		c.items(p.Items)
		cs, ok := streams[string(c.b)]
		if !ok {
			cs = o.alloc()
			streams[string(c.b)] = cs
			o.stream(cs, "", c.b, false)
		}
		pageObj[i] = o.alloc()
		var b strings.Builder
		b.WriteString("<</Type/Page/Parent " + ref(kids.parent[i]) + "/Contents " + ref(cs))
		if p.Width != w0 || p.Height != h0 {
			b.WriteString("/MediaBox[0 0 " + string(num(nil, p.Width)) + " " + string(num(nil, p.Height)) + "]")
		}
		b.WriteString(">>")
		o.obj(pageObj[i], []byte(b.String()))
	}
	kids.write(o, pageObj, "/MediaBox[0 0 "+string(num(nil, w0))+" "+string(num(nil, h0))+"]/Resources "+ref(res))

	// resources
	var fr, xr, gr strings.Builder
	for i, n := range fontObj {
		if n > 0 {
			fr.WriteString("/F" + strconv.Itoa(i) + " " + ref(n))
		}
	}
	for i, n := range formObj {
		xr.WriteString("/X" + strconv.Itoa(i) + " " + ref(n))
	}
	for i, op := range opacities {
		n := o.alloc()
		o.obj(n, []byte("<</Type/ExtGState/ca "+string(num(nil, op))+"/CA "+string(num(nil, op))+">>"))
		gr.WriteString("/G" + strconv.Itoa(i) + " " + ref(n))
	}
	dict := func(xobjects bool) []byte {
		s := "<</Font<<" + fr.String() + ">>"
		if xobjects && xr.Len() > 0 {
			s += "/XObject<<" + xr.String() + ">>"
		}
		if gr.Len() > 0 {
			s += "/ExtGState<<" + gr.String() + ">>"
		}
		return []byte(s + ">>")
	}
	o.obj(res, dict(true))
	o.obj(formRes, dict(false))

	// catalog and metadata
	lang := d.Meta.Lang
	if lang == "" {
		lang = "zh-CN"
	}
	o.obj(catalog, []byte("<</Type/Catalog/Pages "+ref(pages)+"/Metadata "+ref(meta)+"/OutputIntents "+outputIntent(icc)+"/Lang"+pdfString(lang)+">>"))
	o.rawStream(meta, "/Type/Metadata/Subtype/XML", xmp(d.Meta), false)
	o.rawStream(icc, "/N 3", iccStream(), true)
	o.obj(infoObj, info(d.Meta))
	return o.finish(w, catalog, infoObj)
}

// tree is the page tree: pages hang from nodes of at most fanout kids.
type tree struct {
	root   int
	nodes  []int // intermediate nodes (none for a small document)
	parent []int // per page, the node it hangs from
}

const fanout = 512

func pageTree(o *objects, root, n int) *tree {
	t := &tree{root: root, parent: make([]int, n)}
	for i := range t.parent {
		t.parent[i] = root
	}
	if n > fanout {
		for i := 0; i < n; i += fanout {
			node := o.alloc()
			t.nodes = append(t.nodes, node)
			for j := i; j < min(i+fanout, n); j++ {
				t.parent[j] = node
			}
		}
	}
	return t
}

// write writes the root (with inherited entries) and the nodes.
func (t *tree) write(o *objects, pages []int, inherited string) {
	kids := func(ns []int) string {
		var b strings.Builder
		for i, n := range ns {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(ref(n))
		}
		return b.String()
	}
	if len(t.nodes) == 0 {
		o.obj(t.root, []byte("<</Type/Pages/Kids["+kids(pages)+"]/Count "+strconv.Itoa(len(pages))+inherited+">>"))
		return
	}
	o.obj(t.root, []byte("<</Type/Pages/Kids["+kids(t.nodes)+"]/Count "+strconv.Itoa(len(pages))+inherited+">>"))
	for k, node := range t.nodes {
		part := pages[k*fanout : min((k+1)*fanout, len(pages))]
		o.obj(node, []byte("<</Type/Pages/Parent "+ref(t.root)+"/Kids["+kids(part)+"]/Count "+strconv.Itoa(len(part))+">>"))
	}
}
