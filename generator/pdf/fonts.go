package pdf

import (
	"fmt"
	"hash/fnv"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"

	"huanjie/generator/fontset"
	"huanjie/generator/page"
)

// Fonts are written as composite fonts: a Type0 font with the Identity-H
// encoding over a CIDFontType2 whose CIDs are the glyph IDs of the
// embedded TrueType subset (CIDToGIDMap /Identity). Two bytes name any of
// 65,536 glyphs whatever character they draw — inside the BMP or beyond
// it — and a ToUnicode CMap maps each CID back to its characters for
// search and copy. Nothing is computed per character of the whole face:
// the widths written are those of the glyphs used.

// embedded is one face as embedded in a document.
type embedded struct {
	face     *fontset.Face
	g        *fontset.Glyphs
	sub      *fontset.Subset
	scale    float64 // 1000 / unitsPerEm
	used     []page.GlyphUse
	variants map[fontset.Variant]int // index into vlist and sub.Variants
	vlist    []fontset.Variant
	vtext    []string
}

func newEmbedded(f *fontset.Face, used []page.GlyphUse) (*embedded, error) {
	g, err := f.Glyphs()
	if err != nil {
		return nil, err
	}
	return &embedded{face: f, g: g, scale: 1000 / float64(g.UnitsPerEm), used: used, variants: map[fontset.Variant]int{}}, nil
}

// variant is the narrower glyph a squeezed mark is drawn with (see
// page.Glyph): its own advance, its outline moved left, so that the
// glyph's box in the PDF is its box on the line and text extraction sees
// no overlap.
func (e *embedded) variant(g page.Glyph, size float64) fontset.Variant {
	units := float64(e.g.UnitsPerEm) / size
	return fontset.Variant{
		Glyph:   g.ID,
		Advance: int(math.Round(float64(e.g.Advance(g.ID)) - g.Cut*units)),
		Shift:   int(math.Round(g.Shift * units)),
	}
}

// want records the variant a squeezed glyph is drawn with.
func (e *embedded) want(g page.Glyph, size float64) {
	if g.Cut <= 0 {
		return
	}
	v := e.variant(g, size)
	if _, ok := e.variants[v]; !ok {
		e.variants[v] = len(e.vlist)
		e.vlist = append(e.vlist, v)
		e.vtext = append(e.vtext, g.Text)
	}
}

// subset cuts the face down to what the document draws.
func (e *embedded) subset() error {
	ids := make([]uint16, len(e.used))
	for i, u := range e.used {
		ids[i] = u.ID
	}
	sub, err := e.face.Subset(ids, e.vlist...)
	e.sub = sub
	return err
}

// glyph is the CID that draws g at size, and its width in 1/1000 em.
func (e *embedded) glyph(g page.Glyph, size float64) (uint16, float64) {
	if g.Cut > 0 {
		v := e.variant(g, size)
		return e.sub.Variants[e.variants[v]], float64(v.Advance) * e.scale
	}
	return e.sub.IDs[g.ID], e.width(g.ID)
}

// cid is the CID (glyph of the subset) that draws glyph id of the face.
func (e *embedded) cid(id uint16) uint16 { return e.sub.IDs[id] }

// width is the advance of glyph id of the face in 1/1000 em.
func (e *embedded) width(id uint16) float64 { return float64(e.g.Advance(id)) * e.scale }

// write writes the font's objects; the Type0 font is object n.
func (e *embedded) write(o *objects, n int) {
	cidFont, desc, file, toUni := o.alloc(), o.alloc(), o.alloc(), o.alloc()
	base := subsetTag(e.face, e.used, e.vlist) + "+" + fontName(e.face)

	o.obj(n, []byte("<</Type/Font/Subtype/Type0/BaseFont/"+base+"/Encoding/Identity-H/DescendantFonts["+
		ref(cidFont)+"]/ToUnicode "+ref(toUni)+">>"))

	// widths: the commonest as the default, the others listed
	count := map[float64]int{}
	for _, u := range e.used {
		count[e.width(u.ID)]++
	}
	dw, best := 1000.0, -1
	for w, k := range count {
		if k > best || (k == best && w < dw) {
			dw, best = w, k
		}
	}
	type cw struct {
		cid uint16
		w   float64
	}
	var list []cw
	for _, u := range e.used {
		if w := e.width(u.ID); w != dw {
			list = append(list, cw{e.cid(u.ID), w})
		}
	}
	for k, v := range e.vlist {
		if w := float64(v.Advance) * e.scale; w != dw {
			list = append(list, cw{e.sub.Variants[k], w})
		}
	}
	sort.Slice(list, func(i, j int) bool { return list[i].cid < list[j].cid })
	var w []byte
	for i := 0; i < len(list); {
		j := i + 1
		for j < len(list) && list[j].cid == list[j-1].cid+1 {
			j++
		}
		w = strconv.AppendInt(w, int64(list[i].cid), 10)
		w = append(w, '[')
		for k := i; k < j; k++ {
			if k > i {
				w = append(w, ' ')
			}
			w = num(w, list[k].w)
		}
		w = append(w, ']')
		i = j
	}
	o.obj(cidFont, []byte("<</Type/Font/Subtype/CIDFontType2/BaseFont/"+base+
		"/CIDSystemInfo<</Registry(Adobe)/Ordering(Identity)/Supplement 0>>/FontDescriptor "+ref(desc)+
		"/DW "+string(num(nil, dw))+"/W["+string(w)+"]/CIDToGIDMap/Identity>>"))

	g := e.g
	s := func(v int) string { return string(num(nil, float64(v)*e.scale)) }
	flags := 4 // symbolic: the glyphs are not in the standard Latin set
	if g.FixedPitch {
		flags |= 1
	}
	o.obj(desc, []byte(fmt.Sprintf("<</Type/FontDescriptor/FontName/%s/Flags %d/FontBBox[%s %s %s %s]/ItalicAngle %s/Ascent %s/Descent %s/CapHeight %s/StemV 80/FontFile2 %s>>",
		base, flags, s(g.BBox[0]), s(g.BBox[1]), s(g.BBox[2]), s(g.BBox[3]), num(nil, g.ItalicAngle),
		s(g.Ascent), s(g.Descent), s(g.CapHeight), ref(file))))
	o.fontStream(file, "/Length1 "+strconv.Itoa(len(e.sub.Data)), e.sub.Data)
	o.stream(toUni, "", e.toUnicode(), false)
}

// toUnicode is the CMap from CIDs to the characters they stand for
// (UTF-16BE, surrogate pairs beyond the BMP); a variant stands for the
// character of its original.
func (e *embedded) toUnicode() []byte {
	type pair struct {
		cid uint16
		u   []uint16
	}
	var ps []pair
	for _, u := range e.used {
		if u.Text != "" {
			ps = append(ps, pair{e.cid(u.ID), utf16.Encode([]rune(u.Text))})
		}
	}
	for k, t := range e.vtext {
		if t != "" {
			ps = append(ps, pair{e.sub.Variants[k], utf16.Encode([]rune(t))})
		}
	}
	sort.Slice(ps, func(i, j int) bool { return ps[i].cid < ps[j].cid })
	var b []byte
	b = append(b, "/CIDInit/ProcSet findresource begin\n12 dict begin\nbegincmap\n"+
		"/CIDSystemInfo<</Registry(Adobe)/Ordering(UCS)/Supplement 0>>def\n"+
		"/CMapName/Adobe-Identity-UCS def\n/CMapType 2 def\n"+
		"1 begincodespacerange\n<0000><FFFF>\nendcodespacerange\n"...)
	for i := 0; i < len(ps); i += 100 {
		chunk := ps[i:min(i+100, len(ps))]
		b = strconv.AppendInt(b, int64(len(chunk)), 10)
		b = append(b, " beginbfchar\n"...)
		for _, p := range chunk {
			b = append(b, '<')
			b = appendHex4(b, p.cid)
			b = append(b, "><"...)
			for _, u := range p.u {
				b = appendHex4(b, u)
			}
			b = append(b, ">\n"...)
		}
		b = append(b, "endbfchar\n"...)
	}
	b = append(b, "endcmap\nCMapName currentdict/CMap defineresource pop\nend\nend\n"...)
	return b
}

// subsetTag is the six capital letters that name a subset (ISO 32000-1
// 9.6.4), derived from the face and its glyphs so that equal input gives
// equal files.
func subsetTag(f *fontset.Face, used []page.GlyphUse, vs []fontset.Variant) string {
	h := fnv.New64a()
	h.Write([]byte(f.ID()))
	for _, u := range used {
		h.Write([]byte{byte(u.ID >> 8), byte(u.ID)})
	}
	for _, v := range vs {
		fmt.Fprint(h, v)
	}
	v := h.Sum64()
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + byte(v%26)
		v /= 26
	}
	return string(tag)
}

// fontName is the face's name as an ASCII PDF name.
func fontName(f *fontset.Face) string {
	n := name(strings.ReplaceAll(f.Family, " ", ""))
	if n == "" {
		n = name(f.ID())
	}
	if n == "" {
		n = "Font"
	}
	return n
}
