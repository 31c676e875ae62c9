package pdf

import (
	"encoding/binary"
	"errors"
	"sort"

	"golang.org/x/image/font/sfnt"
)

// Why this file exists: fpdf parses the whole TrueType file it is given,
// for every document, and builds Go maps over its entire cmap and hmtx
// (5 ms and 11 MB for a 6 MB GB2312 subset, 15 ms and 28 MB for the 15 MB
// full fallback). A document draws a few hundred characters. Before
// handing a face to fpdf we therefore cut it down to the glyphs the
// document draws — a small TrueType subsetter written by hand, since no
// maintained Go library writes TrueType subsets that fpdf reads. fpdf then
// subsets again at output as usual. Tables fpdf does not read (layout,
// DSIG, vertical metrics) are dropped; post keeps no glyph names.

type ttTable struct {
	tag  string
	data []byte
}

// emptyUnused returns a TrueType font holding only the glyphs for runes
// (plus .notdef and composite components), renumbered, with a cmap for
// those runes alone.
func emptyUnused(data []byte, runes []rune) ([]byte, error) {
	f, err := sfnt.Parse(data)
	if err != nil {
		return nil, err
	}
	tables, err := readTables(data)
	if err != nil {
		return nil, err
	}
	head, loca, glyf := tables["head"], tables["loca"], tables["glyf"]
	maxp := tables["maxp"]
	if head == nil || loca == nil || glyf == nil || maxp == nil || len(head) < 54 || len(maxp) < 6 {
		return nil, errors.New("not a TrueType (glyf) font")
	}
	numGlyphs := int(binary.BigEndian.Uint16(maxp[4:6]))
	longLoca := binary.BigEndian.Uint16(head[50:52]) == 1
	offset := func(g int) (int, bool) {
		if longLoca {
			if 4*g+4 > len(loca) {
				return 0, false
			}
			return int(binary.BigEndian.Uint32(loca[4*g:])), true
		}
		if 2*g+2 > len(loca) {
			return 0, false
		}
		return 2 * int(binary.BigEndian.Uint16(loca[2*g:])), true
	}
	glyph := func(g int) []byte {
		a, ok1 := offset(g)
		b, ok2 := offset(g + 1)
		if !ok1 || !ok2 || a > b || b > len(glyf) {
			return nil
		}
		return glyf[a:b]
	}
	keep := map[int]bool{0: true}
	var buf sfnt.Buffer
	var queue []int
	cmapRunes := map[rune]int{} // rune → old glyph
	for _, r := range runes {
		if r > 0xFFFF {
			continue // fpdf reads only the BMP (cmap format 4)
		}
		gi, err := f.GlyphIndex(&buf, r)
		if err != nil || gi == 0 {
			continue
		}
		cmapRunes[r] = int(gi)
		if !keep[int(gi)] {
			keep[int(gi)] = true
			queue = append(queue, int(gi))
		}
	}
	// Composite glyphs pull in their components.
	for len(queue) > 0 {
		g := queue[0]
		queue = queue[1:]
		for _, c := range components(glyph(g)) {
			if c.id < numGlyphs && !keep[c.id] {
				keep[c.id] = true
				queue = append(queue, c.id)
			}
		}
	}
	// New glyph order: .notdef, then the kept glyphs in their old order.
	order := make([]int, 0, len(keep))
	for g := range keep {
		order = append(order, g)
	}
	sort.Ints(order)
	newID := make(map[int]int, len(order))
	for i, g := range order {
		newID[g] = i
	}
	n := len(order)
	var newGlyf []byte
	newLoca := make([]byte, 4*(n+1))
	for i, g := range order {
		binary.BigEndian.PutUint32(newLoca[4*i:], uint32(len(newGlyf)))
		data := append([]byte(nil), glyph(g)...)
		for _, c := range components(data) {
			binary.BigEndian.PutUint16(data[c.at:], uint16(newID[c.id]))
		}
		newGlyf = append(newGlyf, data...)
		for len(newGlyf)%4 != 0 {
			newGlyf = append(newGlyf, 0)
		}
	}
	binary.BigEndian.PutUint32(newLoca[4*n:], uint32(len(newGlyf)))
	// Horizontal metrics, one full entry per glyph.
	hhea, hmtx := tables["hhea"], tables["hmtx"]
	if len(hhea) < 36 {
		return nil, errors.New("bad hhea")
	}
	numHM := int(binary.BigEndian.Uint16(hhea[34:36]))
	metric := func(g int) (adv, lsb uint16) {
		if numHM == 0 || len(hmtx) < 4*numHM {
			return 0, 0
		}
		if g < numHM {
			return binary.BigEndian.Uint16(hmtx[4*g:]), binary.BigEndian.Uint16(hmtx[4*g+2:])
		}
		adv = binary.BigEndian.Uint16(hmtx[4*(numHM-1):])
		if at := 4*numHM + 2*(g-numHM); at+2 <= len(hmtx) {
			lsb = binary.BigEndian.Uint16(hmtx[at:])
		}
		return adv, lsb
	}
	newHmtx := make([]byte, 4*n)
	for i, g := range order {
		adv, lsb := metric(g)
		binary.BigEndian.PutUint16(newHmtx[4*i:], adv)
		binary.BigEndian.PutUint16(newHmtx[4*i+2:], lsb)
	}
	newHhea := append([]byte(nil), hhea...)
	binary.BigEndian.PutUint16(newHhea[34:36], uint16(n))
	newMaxp := append([]byte(nil), maxp...)
	binary.BigEndian.PutUint16(newMaxp[4:6], uint16(n))
	newHead := append([]byte(nil), head...)
	binary.BigEndian.PutUint16(newHead[50:52], 1) // long loca
	binary.BigEndian.PutUint32(newHead[8:12], 0)  // checksumAdjustment, set by writeFont
	out := []ttTable{
		{"glyf", newGlyf}, {"head", newHead}, {"loca", newLoca}, {"hmtx", newHmtx},
		{"hhea", newHhea}, {"maxp", newMaxp}, {"cmap", cmapFormat4(cmapRunes, newID)},
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
	return writeFont(out), nil
}

// cmapFormat4 builds a cmap with one (3,1) format-4 subtable mapping each
// rune to its new glyph, one segment per rune.
func cmapFormat4(runes map[rune]int, newID map[int]int) []byte {
	keys := make([]int, 0, len(runes))
	for r := range runes {
		keys = append(keys, int(r))
	}
	sort.Ints(keys)
	seg := len(keys) + 1
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
	for i, r := range keys {
		g := newID[runes[rune(r)]]
		be.PutUint16(sub[ends+2*i:], uint16(r))
		be.PutUint16(sub[starts+2*i:], uint16(r))
		be.PutUint16(sub[deltas+2*i:], uint16(g-r))
	}
	last := seg - 1
	be.PutUint16(sub[ends+2*last:], 0xFFFF)
	be.PutUint16(sub[starts+2*last:], 0xFFFF)
	be.PutUint16(sub[deltas+2*last:], 1)
	// idRangeOffsets are all zero.
	hdr := make([]byte, 12)
	be.PutUint16(hdr[2:], 1)  // one subtable
	be.PutUint16(hdr[4:], 3)  // platform Windows
	be.PutUint16(hdr[6:], 1)  // Unicode BMP
	be.PutUint32(hdr[8:], 12) // offset
	return append(hdr, sub...)
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

func readTables(data []byte) (map[string][]byte, error) {
	if len(data) < 12 {
		return nil, errors.New("short font")
	}
	n := int(binary.BigEndian.Uint16(data[4:6]))
	if 12+16*n > len(data) {
		return nil, errors.New("bad table directory")
	}
	out := map[string][]byte{}
	for i := 0; i < n; i++ {
		rec := data[12+16*i:]
		tag := string(rec[0:4])
		off := int(binary.BigEndian.Uint32(rec[8:12]))
		ln := int(binary.BigEndian.Uint32(rec[12:16]))
		if off < 0 || ln < 0 || off+ln > len(data) {
			return nil, errors.New("table out of range: " + tag)
		}
		out[tag] = data[off : off+ln]
	}
	return out, nil
}

func checksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}

// writeFont assembles a TrueType file from tables, sorted by tag, with
// correct checksums and head.checksumAdjustment.
func writeFont(tables []ttTable) []byte {
	sort.Slice(tables, func(i, j int) bool { return tables[i].tag < tables[j].tag })
	n := len(tables)
	entrySelector := 0
	for 1<<(entrySelector+1) <= n {
		entrySelector++
	}
	searchRange := (1 << entrySelector) * 16
	hdr := make([]byte, 12+16*n)
	binary.BigEndian.PutUint32(hdr[0:], 0x00010000)
	binary.BigEndian.PutUint16(hdr[4:], uint16(n))
	binary.BigEndian.PutUint16(hdr[6:], uint16(searchRange))
	binary.BigEndian.PutUint16(hdr[8:], uint16(entrySelector))
	binary.BigEndian.PutUint16(hdr[10:], uint16(n*16-searchRange))
	out := hdr
	headAt := -1
	for i, t := range tables {
		off := len(out)
		rec := out[12+16*i:] // written before the append below can move out
		copy(rec[0:4], t.tag)
		binary.BigEndian.PutUint32(rec[4:], checksum(t.data))
		binary.BigEndian.PutUint32(rec[8:], uint32(off))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(t.data)))
		if t.tag == "head" {
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
