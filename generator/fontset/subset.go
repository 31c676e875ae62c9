package fontset

import (
	"encoding/binary"
	"errors"
	"sort"
)

// Why this file exists: every document embeds only the glyphs it draws
// (a 公文 draws a few hundred of a face's 30,000), and no maintained Go
// library writes TrueType subsets. The subset keeps the hinting tables,
// name and OS/2; post keeps no glyph names; layout tables, DSIG and
// vertical metrics are dropped.

type ttTable struct {
	tag  string
	data []byte
}

// Subset is a face cut down to some of its glyphs.
type Subset struct {
	Data     []byte            // a TrueType font
	IDs      map[uint16]uint16 // glyph of the face → glyph of the subset
	Variants []uint16          // glyph of the subset for each variant asked for
}

// Variant asks for a glyph of the face set narrower: its outline moved
// Shift font units to the left and its advance Advance font units — a
// squeezed punctuation mark, as a glyph of its own so that its box in the
// PDF is as narrow as its place on the line.
type Variant struct {
	Glyph   uint16
	Advance int
	Shift   int
}

// Subset returns a TrueType font holding .notdef, the glyphs given and the
// components of composite ones, renumbered in their old order, then the
// variants (composite glyphs over their original), with a cmap (format 4,
// and format 12 when a character lies beyond the BMP) for every character
// of the face that maps to a kept glyph.
func (f *Face) Subset(glyphs []uint16, variants ...Variant) (*Subset, error) {
	g, err := f.Glyphs()
	if err != nil {
		return nil, err
	}
	tables := g.tables
	head, maxp, hhea, hmtx := tables["head"], tables["maxp"], tables["hhea"], tables["hmtx"]
	if tables["glyf"] == nil || tables["loca"] == nil {
		return nil, errors.New("not a TrueType (glyf) font")
	}
	keep := map[uint16]bool{0: true}
	queue := make([]uint16, 0, len(glyphs))
	for _, id := range glyphs {
		if int(id) < g.NumGlyphs && !keep[id] {
			keep[id] = true
			queue = append(queue, id)
		}
	}
	for _, v := range variants {
		if int(v.Glyph) >= g.NumGlyphs {
			return nil, errors.New("variant of a glyph the face does not have")
		}
		if !keep[v.Glyph] {
			keep[v.Glyph] = true
			queue = append(queue, v.Glyph)
		}
	}
	// Composite glyphs pull in their components.
	for len(queue) > 0 {
		id := queue[0]
		queue = queue[1:]
		for _, c := range components(g.glyph(id)) {
			if c.id < g.NumGlyphs && !keep[uint16(c.id)] {
				keep[uint16(c.id)] = true
				queue = append(queue, uint16(c.id))
			}
		}
	}
	order := make([]int, 0, len(keep))
	for id := range keep {
		order = append(order, int(id))
	}
	sort.Ints(order)
	newID := make(map[uint16]uint16, len(order))
	for i, id := range order {
		newID[uint16(id)] = uint16(i)
	}
	n := len(order) + len(variants)
	size := 20 * len(variants)
	for _, id := range order {
		size += len(g.glyph(uint16(id))) + 3
	}
	newGlyf := make([]byte, 0, size)
	newLoca := make([]byte, 4*(n+1))
	for i, id := range order {
		binary.BigEndian.PutUint32(newLoca[4*i:], uint32(len(newGlyf)))
		data := append([]byte(nil), g.glyph(uint16(id))...)
		for _, c := range components(data) {
			binary.BigEndian.PutUint16(data[c.at:], newID[uint16(c.id)])
		}
		newGlyf = append(newGlyf, data...)
		for len(newGlyf)%4 != 0 {
			newGlyf = append(newGlyf, 0)
		}
	}
	sub := &Subset{IDs: newID}
	vlsb := make([]int, len(variants))
	for k, v := range variants {
		i := len(order) + k
		sub.Variants = append(sub.Variants, uint16(i))
		binary.BigEndian.PutUint32(newLoca[4*i:], uint32(len(newGlyf)))
		box, ok := g.Ink(v.Glyph)
		if !ok {
			continue // an empty glyph: only its advance changes
		}
		vlsb[k] = box[0] - v.Shift
		newGlyf = append(newGlyf, variantGlyph(newID[v.Glyph], box, v.Shift)...)
	}
	binary.BigEndian.PutUint32(newLoca[4*n:], uint32(len(newGlyf)))
	// Horizontal metrics, one full entry per glyph.
	numHM := int(binary.BigEndian.Uint16(hhea[34:36]))
	lsb := func(id int) uint16 {
		at := 4*id + 2
		if id >= numHM {
			at = 4*numHM + 2*(id-numHM)
		}
		if at+2 > len(hmtx) {
			return 0
		}
		return binary.BigEndian.Uint16(hmtx[at:])
	}
	newHmtx := make([]byte, 4*n)
	for i, id := range order {
		binary.BigEndian.PutUint16(newHmtx[4*i:], uint16(g.Advance(uint16(id))))
		binary.BigEndian.PutUint16(newHmtx[4*i+2:], lsb(id))
	}
	for k, v := range variants {
		i := len(order) + k
		binary.BigEndian.PutUint16(newHmtx[4*i:], uint16(max(v.Advance, 0)))
		binary.BigEndian.PutUint16(newHmtx[4*i+2:], uint16(int16(vlsb[k])))
	}
	newHhea := append([]byte(nil), hhea...)
	binary.BigEndian.PutUint16(newHhea[34:36], uint16(n))
	newMaxp := append([]byte(nil), maxp...)
	binary.BigEndian.PutUint16(newMaxp[4:6], uint16(n))
	if len(variants) > 0 && len(newMaxp) >= 32 {
		// a variant is a composite of one component, one level above its original
		elems, depth := binary.BigEndian.Uint16(newMaxp[28:]), binary.BigEndian.Uint16(newMaxp[30:])
		binary.BigEndian.PutUint16(newMaxp[28:], max(elems, 1))
		binary.BigEndian.PutUint16(newMaxp[30:], depth+1)
	}
	newHead := append([]byte(nil), head...)
	binary.BigEndian.PutUint16(newHead[50:52], 1) // long loca
	binary.BigEndian.PutUint32(newHead[8:12], 0)  // checksumAdjustment, set by writeFont
	cmapRunes := map[rune]uint16{}
	for _, id := range order {
		g.runesOf(uint16(id), func(r rune) { cmapRunes[r] = newID[uint16(id)] })
	}
	out := []ttTable{
		{"glyf", newGlyf}, {"head", newHead}, {"loca", newLoca}, {"hmtx", newHmtx},
		{"hhea", newHhea}, {"maxp", newMaxp}, {"cmap", unicodeCmap(cmapRunes)},
	}
	for tag, d := range tables {
		switch {
		case tag == "post" && len(d) >= 32:
			p := append([]byte(nil), d[:32]...)
			binary.BigEndian.PutUint32(p[0:4], 0x00030000) // version 3: no glyph names
			out = append(out, ttTable{tag, p})
		case tag == "name" || tag == "OS/2" || tag == "cvt " || tag == "fpgm" || tag == "prep":
			out = append(out, ttTable{tag, d})
		}
	}
	sub.Data = writeFont(tagV1, out)
	return sub, nil
}

// variantGlyph is a composite glyph drawing glyph id moved shift units to
// the left; box is the original's bounding box.
func variantGlyph(id uint16, box [4]int, shift int) []byte {
	b := make([]byte, 20)
	be := binary.BigEndian
	be.PutUint16(b[0:], 0xFFFF) // numberOfContours −1: composite
	be.PutUint16(b[2:], uint16(int16(box[0]-shift)))
	be.PutUint16(b[4:], uint16(int16(box[1])))
	be.PutUint16(b[6:], uint16(int16(box[2]-shift)))
	be.PutUint16(b[8:], uint16(int16(box[3])))
	be.PutUint16(b[10:], 0x0001|0x0002) // ARG_1_AND_2_ARE_WORDS | ARGS_ARE_XY_VALUES
	be.PutUint16(b[12:], id)
	be.PutUint16(b[14:], uint16(int16(-shift)))
	// dy 0, then two bytes of padding
	return b
}

// unicodeCmap builds a cmap with a (3,1) format-4 subtable for the BMP
// characters and, when some lie beyond it, a (3,10) format-12 subtable for
// all of them.
func unicodeCmap(runes map[rune]uint16) []byte {
	keys := make([]int, 0, len(runes))
	astral := false
	for r := range runes {
		keys = append(keys, int(r))
		astral = astral || r > 0xFFFF
	}
	sort.Ints(keys)
	be := binary.BigEndian
	sub4 := cmapFormat4(keys, runes)
	nsub := 1
	if astral {
		nsub = 2
	}
	hdr := make([]byte, 4+8*nsub)
	be.PutUint16(hdr[2:], uint16(nsub))
	be.PutUint16(hdr[4:], 3) // Windows
	be.PutUint16(hdr[6:], 1) // Unicode BMP
	be.PutUint32(hdr[8:], uint32(len(hdr)))
	out := append(hdr, sub4...)
	if astral {
		be.PutUint16(out[12:], 3)  // Windows
		be.PutUint16(out[14:], 10) // Unicode full repertoire
		be.PutUint32(out[16:], uint32(len(out)))
		sub12 := make([]byte, 16+12*len(keys))
		be.PutUint16(sub12[0:], 12)
		be.PutUint32(sub12[4:], uint32(len(sub12)))
		be.PutUint32(sub12[12:], uint32(len(keys)))
		for i, r := range keys {
			p := sub12[16+12*i:]
			be.PutUint32(p[0:], uint32(r))
			be.PutUint32(p[4:], uint32(r))
			be.PutUint32(p[8:], uint32(runes[rune(r)]))
		}
		out = append(out, sub12...)
	}
	return out
}

// cmapFormat4 builds a format-4 subtable mapping each BMP character of
// keys (sorted) to its glyph, one segment per character.
func cmapFormat4(keys []int, runes map[rune]uint16) []byte {
	var bmp []int
	for _, r := range keys {
		if r < 0xFFFF {
			bmp = append(bmp, r)
		}
	}
	seg := len(bmp) + 1
	entrySelector := 0
	for 1<<(entrySelector+1) <= seg {
		entrySelector++
	}
	searchRange := 2 * (1 << entrySelector)
	length := 16 + 8*seg
	sub := make([]byte, length)
	be := binary.BigEndian
	be.PutUint16(sub[0:], 4)
	be.PutUint16(sub[2:], uint16(length))
	be.PutUint16(sub[6:], uint16(2*seg))
	be.PutUint16(sub[8:], uint16(searchRange))
	be.PutUint16(sub[10:], uint16(entrySelector))
	be.PutUint16(sub[12:], uint16(2*seg-searchRange))
	ends, starts, deltas := 14, 16+2*seg, 16+4*seg
	for i, r := range bmp {
		be.PutUint16(sub[ends+2*i:], uint16(r))
		be.PutUint16(sub[starts+2*i:], uint16(r))
		be.PutUint16(sub[deltas+2*i:], uint16(int(runes[rune(r)])-r))
	}
	last := seg - 1
	be.PutUint16(sub[ends+2*last:], 0xFFFF)
	be.PutUint16(sub[starts+2*last:], 0xFFFF)
	be.PutUint16(sub[deltas+2*last:], 1)
	// idRangeOffsets are all zero.
	return sub
}

type component struct{ id, at int }

// components lists the glyph IDs a composite glyph refers to, with the
// byte offset of each ID in the glyph data.
func components(g []byte) []component {
	if len(g) < 10 || int16(binary.BigEndian.Uint16(g[0:2])) >= 0 {
		return nil
	}
	var out []component
	p := 10
	for p+4 <= len(g) {
		flags := binary.BigEndian.Uint16(g[p:])
		out = append(out, component{int(binary.BigEndian.Uint16(g[p+2:])), p + 2})
		p += 4
		if flags&0x0001 != 0 { // ARG_1_AND_2_ARE_WORDS
			p += 4
		} else {
			p += 2
		}
		switch {
		case flags&0x0008 != 0: // WE_HAVE_A_SCALE
			p += 2
		case flags&0x0040 != 0: // WE_HAVE_AN_X_AND_Y_SCALE
			p += 4
		case flags&0x0080 != 0: // WE_HAVE_A_TWO_BY_TWO
			p += 8
		}
		if flags&0x0020 == 0 { // MORE_COMPONENTS
			break
		}
	}
	return out
}

// writeFont assembles a font file of the given sfnt version from tables,
// sorted by tag, each padded to four bytes, with correct checksums and
// head.checksumAdjustment (which must be zero in the head given).
func writeFont(version uint32, tables []ttTable) []byte {
	sort.Slice(tables, func(i, j int) bool { return tables[i].tag < tables[j].tag })
	n := len(tables)
	entrySelector := 0
	for 1<<(entrySelector+1) <= n {
		entrySelector++
	}
	searchRange := (1 << entrySelector) * 16
	hdr := make([]byte, 12+16*n)
	binary.BigEndian.PutUint32(hdr[0:], version)
	binary.BigEndian.PutUint16(hdr[4:], uint16(n))
	binary.BigEndian.PutUint16(hdr[6:], uint16(searchRange))
	binary.BigEndian.PutUint16(hdr[8:], uint16(entrySelector))
	binary.BigEndian.PutUint16(hdr[10:], uint16(n*16-searchRange))
	size := len(hdr)
	for _, t := range tables {
		size += len(t.data) + 3
	}
	out := make([]byte, len(hdr), size)
	copy(out, hdr)
	headAt := -1
	for i, t := range tables {
		off := len(out)
		rec := out[12+16*i:] // written before the append below can move out
		copy(rec[0:4], t.tag)
		binary.BigEndian.PutUint32(rec[4:], checksum(t.data))
		binary.BigEndian.PutUint32(rec[8:], uint32(off))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(t.data)))
		if t.tag == "head" && len(t.data) >= 12 {
			headAt = off
		}
		out = append(out, t.data...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	if headAt >= 0 {
		binary.BigEndian.PutUint32(out[headAt+8:], 0xB1B0AFBA-checksum(out))
	}
	return out
}
