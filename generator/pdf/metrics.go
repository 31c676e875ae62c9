package pdf

import (
	"encoding/binary"
	"errors"
	"math"
	"sync"

	"huanjie/generator/fontset"
)

// metrics is what the layout needs of a face: the advance of each BMP
// character in thousandths of an em (rounded as fpdf rounds them, so the
// positions we compute match the widths fpdf writes), and vertical metrics.
type metrics struct {
	adv     []uint16 // per BMP rune: advance+1 in 1/1000 em; 0 = no glyph
	ascent  float64  // hhea ascender / unitsPerEm
	descent float64  // hhea descender / unitsPerEm (negative)
	// ink holds the glyph bounding boxes (xMin, yMin, xMax, yMax in
	// 1/1000 em) of the characters in inkRunes that the face has.
	ink map[rune][4]float64
}

// inkRunes are the characters whose ink the layout needs: squeezable
// punctuation (where its blank half lies) and the fill-in blank "_" (where
// its rule goes).
const inkRunes = "，。、；：？！）》」』”’（《「『“‘〉】〕〈【〔_"

// centred reports whether r's ink sits in the middle of its box.
func (m *metrics) centred(r rune) bool {
	b, ok := m.ink[r]
	if !ok || m.adv[r] <= 1 {
		return false
	}
	adv := float64(m.adv[r] - 1)
	left, right := b[0], adv-b[2]
	return left > 0.2*adv && right > 0.2*adv
}

func (m *metrics) has(r rune) bool {
	return r >= 0 && r < 0x10000 && r != 0 && m.adv[r] != 0
}

// width of r at size pt (0 for a missing glyph).
func (m *metrics) width(r rune, size float64) float64 {
	if !m.has(r) {
		return 0
	}
	return float64(m.adv[r]-1) * size / 1000
}

var metricsCache sync.Map // *fontset.Face → *metrics (or error)

type metricsErr struct{ err error }

// faceMetrics parses a face once per process.
func faceMetrics(f *fontset.Face) (*metrics, error) {
	if v, ok := metricsCache.Load(f); ok {
		if e, bad := v.(metricsErr); bad {
			return nil, e.err
		}
		return v.(*metrics), nil
	}
	m, err := parseMetrics(f.Data)
	if err != nil {
		metricsCache.Store(f, metricsErr{err})
		return nil, err
	}
	v, _ := metricsCache.LoadOrStore(f, m)
	return v.(*metrics), nil
}

var errFont = errors.New("字体文件无法解析")

func parseMetrics(b []byte) (*metrics, error) {
	if len(b) < 12 {
		return nil, errFont
	}
	u16 := func(o int) int {
		if o < 0 || o+2 > len(b) {
			return 0
		}
		return int(binary.BigEndian.Uint16(b[o:]))
	}
	u32 := func(o int) int {
		if o < 0 || o+4 > len(b) {
			return 0
		}
		return int(binary.BigEndian.Uint32(b[o:]))
	}
	tables := map[string]int{}
	nt := u16(4)
	for i := 0; i < nt; i++ {
		o := 12 + 16*i
		if o+16 > len(b) {
			return nil, errFont
		}
		tables[string(b[o:o+4])] = u32(o + 8)
	}
	head, ok1 := tables["head"]
	hhea, ok2 := tables["hhea"]
	hmtx, ok3 := tables["hmtx"]
	cmap, ok4 := tables["cmap"]
	if !ok1 || !ok2 || !ok3 || !ok4 {
		return nil, errFont
	}
	gids := map[rune]int{}
	want := func(c int, id int) {
		if c < 0x80 && c != '_' {
			return
		}
		for _, r := range inkRunes {
			if int(r) == c {
				gids[r] = id
			}
		}
	}
	upem := float64(u16(head + 18))
	if upem == 0 {
		return nil, errFont
	}
	m := &metrics{
		adv:     make([]uint16, 0x10000),
		ascent:  float64(int16(u16(hhea+4))) / upem,
		descent: float64(int16(u16(hhea+6))) / upem,
	}
	nHM := u16(hhea + 34)
	advOf := func(g int) uint16 {
		if nHM == 0 {
			return 1
		}
		if g >= nHM {
			g = nHM - 1
		}
		a := float64(u16(hmtx + 4*g))
		return uint16(math.Round(a*1000/upem)) + 1
	}
	// choose a Unicode subtable: format 12 preferred, else format 4
	var sub4, sub12 int = -1, -1
	n := u16(cmap + 2)
	for i := 0; i < n; i++ {
		rec := cmap + 4 + 8*i
		pid, eid := u16(rec), u16(rec+2)
		off := cmap + u32(rec+4)
		format := u16(off)
		if (pid == 3 && eid == 10) || (pid == 0 && format == 12) {
			if format == 12 {
				sub12 = off
			}
		}
		if (pid == 3 && eid == 1) || pid == 0 {
			if format == 4 && sub4 < 0 {
				sub4 = off
			}
		}
	}
	switch {
	case sub12 >= 0:
		ng := u32(sub12 + 12)
		for i := 0; i < ng; i++ {
			g := sub12 + 16 + 12*i
			start, end, gid := u32(g), u32(g+4), u32(g+8)
			for c := start; c <= end && c < 0x10000; c++ {
				if id := gid + (c - start); id != 0 {
					m.adv[c] = advOf(id)
					want(c, id)
				}
			}
		}
	case sub4 >= 0:
		segX2 := u16(sub4 + 6)
		ends := sub4 + 14
		starts := ends + segX2 + 2
		deltas := starts + segX2
		ranges := deltas + segX2
		for s := 0; s < segX2/2; s++ {
			end, start := u16(ends+2*s), u16(starts+2*s)
			delta, ro := u16(deltas+2*s), u16(ranges+2*s)
			for c := start; c <= end && c < 0xFFFF; c++ {
				var id int
				if ro == 0 {
					id = (c + delta) & 0xFFFF
				} else {
					id = u16(ranges + 2*s + ro + 2*(c-start))
					if id != 0 {
						id = (id + delta) & 0xFFFF
					}
				}
				if id != 0 {
					m.adv[c] = advOf(id)
					want(c, id)
				}
			}
		}
	default:
		return nil, errFont
	}
	m.ink = glyphBoxes(b, tables, u16, u32, upem, gids)
	return m, nil
}

// glyphBoxes reads the bounding boxes of the glyphs gids from glyf (a face
// without glyf, or with an empty glyph, gives no box).
func glyphBoxes(b []byte, tables map[string]int, u16, u32 func(int) int, upem float64, gids map[rune]int) map[rune][4]float64 {
	out := map[rune][4]float64{}
	loca, ok1 := tables["loca"]
	glyf, ok2 := tables["glyf"]
	head := tables["head"]
	if !ok1 || !ok2 {
		return out
	}
	long := u16(head+50) == 1
	off := func(g int) int {
		if long {
			return u32(loca + 4*g)
		}
		return 2 * u16(loca+2*g)
	}
	s := func(o int) float64 { return float64(int16(u16(o))) * 1000 / upem }
	for r, g := range gids {
		o0, o1 := off(g), off(g+1)
		if o1 <= o0 {
			continue
		}
		o := glyf + o0
		if o+10 > len(b) {
			continue
		}
		out[r] = [4]float64{s(o + 2), s(o + 4), s(o + 6), s(o + 8)}
	}
	return out
}
