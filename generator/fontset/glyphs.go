package fontset

import (
	"encoding/binary"
	"errors"
	"slices"
	"sync"
)

// Glyphs is what layout and the writers need of a face, read once per
// process: the character map (the whole of Unicode, not only the BMP), the
// advance of every glyph and the values a PDF font descriptor or an OFD
// font carries. Lengths are in font units (UnitsPerEm to the em).
type Glyphs struct {
	UnitsPerEm  int
	NumGlyphs   int
	Ascent      int    // hhea ascender
	Descent     int    // hhea descender (negative)
	CapHeight   int    // OS/2 sCapHeight, else the ascender
	BBox        [4]int // head xMin, yMin, xMax, yMax
	ItalicAngle float64
	FixedPitch  bool

	bmp    []uint16          // BMP rune → glyph (0 = none)
	astral map[rune]uint16   // runes beyond U+FFFF → glyph
	adv    []uint16          // advance per glyph
	tables map[string][]byte // the face's tables, sharing Face.Data

	byGlyph     []glyphRune // every (glyph, rune) of the cmap, by glyph then rune
	byGlyphOnce sync.Once
}

type glyphRune struct {
	id uint16
	r  rune
}

// Glyphs reads the face's character map and metrics on first use.
func (f *Face) Glyphs() (*Glyphs, error) {
	f.glyphsOnce.Do(func() { f.glyphs, f.glyphsErr = readGlyphs(f.Data) })
	return f.glyphs, f.glyphsErr
}

// Glyph returns the glyph that draws r, if the face has one.
func (g *Glyphs) Glyph(r rune) (uint16, bool) {
	var id uint16
	switch {
	case r <= 0:
	case r < 0x10000:
		id = g.bmp[r]
	default:
		id = g.astral[r]
	}
	return id, id != 0
}

// Advance returns the advance width of glyph id.
func (g *Glyphs) Advance(id uint16) int {
	if len(g.adv) == 0 {
		return 0
	}
	if int(id) >= len(g.adv) {
		id = uint16(len(g.adv) - 1)
	}
	return int(g.adv[id])
}

// Ink returns the bounding box (xMin, yMin, xMax, yMax) of glyph id's
// outline; ok is false for an empty glyph.
func (g *Glyphs) Ink(id uint16) (box [4]int, ok bool) {
	data := g.glyph(id)
	if len(data) < 10 {
		return box, false
	}
	for i := range box {
		box[i] = int(int16(binary.BigEndian.Uint16(data[2+2*i:])))
	}
	return box, true
}

// glyph returns the glyf data of glyph id (nil when empty or out of range).
func (g *Glyphs) glyph(id uint16) []byte {
	loca, glyf, head := g.tables["loca"], g.tables["glyf"], g.tables["head"]
	if len(head) < 54 || int(id) >= g.NumGlyphs {
		return nil
	}
	var a, b int
	if binary.BigEndian.Uint16(head[50:]) == 1 {
		if 4*int(id)+8 > len(loca) {
			return nil
		}
		a, b = int(binary.BigEndian.Uint32(loca[4*int(id):])), int(binary.BigEndian.Uint32(loca[4*int(id)+4:]))
	} else {
		if 2*int(id)+4 > len(loca) {
			return nil
		}
		a, b = 2*int(binary.BigEndian.Uint16(loca[2*int(id):])), 2*int(binary.BigEndian.Uint16(loca[2*int(id)+2:]))
	}
	if a >= b || b > len(glyf) {
		return nil
	}
	return glyf[a:b]
}

// runesOf calls fn for every character the face maps to glyph id.
func (g *Glyphs) runesOf(id uint16, fn func(r rune)) {
	g.byGlyphOnce.Do(func() {
		// counting sort by glyph: the runes of each glyph in code point order
		start := make([]int32, g.NumGlyphs+1)
		count := func(id uint16) { start[id+1]++ }
		for _, id := range g.bmp {
			if id != 0 {
				count(id)
			}
		}
		astral := make([]rune, 0, len(g.astral))
		for r, id := range g.astral {
			count(id)
			astral = append(astral, r)
		}
		slices.Sort(astral)
		for i := 1; i < len(start); i++ {
			start[i] += start[i-1]
		}
		g.byGlyph = make([]glyphRune, start[len(start)-1])
		put := func(id uint16, r rune) {
			g.byGlyph[start[id]] = glyphRune{id, r}
			start[id]++
		}
		for r, id := range g.bmp {
			if id != 0 {
				put(id, rune(r))
			}
		}
		for _, r := range astral {
			put(g.astral[r], r)
		}
	})
	i, _ := slices.BinarySearchFunc(g.byGlyph, id, func(e glyphRune, id uint16) int { return int(e.id) - int(id) })
	for ; i < len(g.byGlyph) && g.byGlyph[i].id == id; i++ {
		fn(g.byGlyph[i].r)
	}
}

var errGlyphs = errors.New("字体文件的字符映射或度量表无法解析")

func readGlyphs(data []byte) (*Glyphs, error) {
	tables, err := readTables(data)
	if err != nil {
		return nil, err
	}
	head, hhea, hmtx, maxp, cmap := tables["head"], tables["hhea"], tables["hmtx"], tables["maxp"], tables["cmap"]
	if len(head) < 54 || len(hhea) < 36 || len(maxp) < 6 || len(cmap) < 4 {
		return nil, errGlyphs
	}
	be := binary.BigEndian
	g := &Glyphs{
		UnitsPerEm: int(be.Uint16(head[18:])),
		NumGlyphs:  int(be.Uint16(maxp[4:])),
		Ascent:     int(int16(be.Uint16(hhea[4:]))),
		Descent:    int(int16(be.Uint16(hhea[6:]))),
		tables:     tables,
		bmp:        make([]uint16, 0x10000),
		astral:     map[rune]uint16{},
	}
	if g.UnitsPerEm == 0 {
		return nil, errGlyphs
	}
	for i := range g.BBox {
		g.BBox[i] = int(int16(be.Uint16(head[36+2*i:])))
	}
	g.CapHeight = g.Ascent
	if os2 := tables["OS/2"]; len(os2) >= 90 && be.Uint16(os2) >= 2 {
		g.CapHeight = int(int16(be.Uint16(os2[88:])))
	}
	if post := tables["post"]; len(post) >= 16 {
		g.ItalicAngle = float64(int32(be.Uint32(post[4:]))) / 65536
		g.FixedPitch = be.Uint32(post[12:]) != 0
	}
	nHM := int(be.Uint16(hhea[34:]))
	if nHM == 0 || 4*nHM > len(hmtx) {
		return nil, errGlyphs
	}
	g.adv = make([]uint16, g.NumGlyphs)
	for i := range g.adv {
		j := min(i, nHM-1)
		g.adv[i] = be.Uint16(hmtx[4*j:])
	}
	if !g.readCmap(cmap) {
		return nil, errGlyphs
	}
	return g, nil
}

// at16 and at32 read a big-endian number at offset o of b, 0 out of range.
func at16(b []byte, o int) int {
	if o < 0 || o+2 > len(b) {
		return 0
	}
	return int(binary.BigEndian.Uint16(b[o:]))
}

func at32(b []byte, o int) int {
	if o < 0 || o+4 > len(b) {
		return 0
	}
	return int(binary.BigEndian.Uint32(b[o:]))
}

// unicodeSubtables finds in a cmap table the first Unicode subtable
// (platform 0, or platform 3 encoding 1 or 10) in format 4 and the first
// in format 12: their offsets, -1 for none.
func unicodeSubtables(cmap []byte) (sub4, sub12 int) {
	sub4, sub12 = -1, -1
	for i := 0; i < at16(cmap, 2) && 4+8*i+8 <= len(cmap); i++ {
		rec := 4 + 8*i
		pid, eid, off := at16(cmap, rec), at16(cmap, rec+2), at32(cmap, rec+4)
		unicode := pid == 0 || (pid == 3 && (eid == 1 || eid == 10))
		if !unicode {
			continue
		}
		switch at16(cmap, off) {
		case 4:
			if sub4 < 0 {
				sub4 = off
			}
		case 12:
			if sub12 < 0 {
				sub12 = off
			}
		}
	}
	return sub4, sub12
}

// readCmap reads the Unicode subtables: format 12 (all planes) when the
// face has one, and format 4 (BMP) for what it does not cover.
func (g *Glyphs) readCmap(cmap []byte) bool {
	u16 := func(o int) int { return at16(cmap, o) }
	u32 := func(o int) int { return at32(cmap, o) }
	sub4, sub12 := unicodeSubtables(cmap)
	set := func(c int, id int) {
		if id <= 0 || id >= g.NumGlyphs {
			return
		}
		if c < 0x10000 {
			if g.bmp[c] == 0 {
				g.bmp[c] = uint16(id)
			}
		} else if c <= 0x10FFFF {
			if _, ok := g.astral[rune(c)]; !ok {
				g.astral[rune(c)] = uint16(id)
			}
		}
	}
	if sub12 >= 0 {
		n := u32(sub12 + 12)
		for i := 0; i < n && sub12+16+12*i+12 <= len(cmap); i++ {
			p := sub12 + 16 + 12*i
			start, end, id := u32(p), u32(p+4), u32(p+8)
			for c := start; c <= end && c <= 0x10FFFF; c++ {
				set(c, id+(c-start))
			}
		}
	}
	if sub4 >= 0 {
		segX2 := u16(sub4 + 6)
		ends := sub4 + 14
		starts := ends + segX2 + 2
		deltas := starts + segX2
		ranges := deltas + segX2
		for s := 0; s < segX2/2; s++ {
			end, start := u16(ends+2*s), u16(starts+2*s)
			delta, ro := u16(deltas+2*s), u16(ranges+2*s)
			for c := start; c <= end && c < 0xFFFF; c++ {
				id := (c + delta) & 0xFFFF
				if ro != 0 {
					id = u16(ranges + 2*s + ro + 2*(c-start))
					if id != 0 {
						id = (id + delta) & 0xFFFF
					}
				}
				set(c, id)
			}
		}
	}
	return sub4 >= 0 || sub12 >= 0
}

// readTables returns the tables of a single TrueType face by tag. The
// slices share data.
func readTables(data []byte) (map[string][]byte, error) {
	if len(data) < 12 {
		return nil, errGlyphs
	}
	n := int(binary.BigEndian.Uint16(data[4:6]))
	if 12+16*n > len(data) {
		return nil, errGlyphs
	}
	out := make(map[string][]byte, n)
	for i := 0; i < n; i++ {
		rec := data[12+16*i:]
		off := int(binary.BigEndian.Uint32(rec[8:12]))
		ln := int(binary.BigEndian.Uint32(rec[12:16]))
		if off < 0 || ln < 0 || off+ln > len(data) {
			return nil, errGlyphs
		}
		out[string(rec[0:4])] = data[off : off+ln]
	}
	return out, nil
}
