// Package layout holds the GB/T 9704-2012 page geometry and the line breaking
// rules shared by the PDF and DOCX renderers. It measures nothing itself:
// callers give each character its advance width.
package layout

import (
	"github.com/rivo/uniseg"
)

// Page geometry of GB/T 9704-2012 in millimetres and points.
const (
	PtPerMM = 72 / 25.4

	PageWidthMM   = 210.0
	PageHeightMM  = 297.0
	TopMM         = 37.0  // 天头
	LeftMM        = 28.0  // 订口
	BlockWidthMM  = 156.0 // 版心 width
	BlockHeightMM = 225.0

	LinesPerPage = 22
	CharsPerLine = 28
	BodySize     = 16.0 // 三号

	// PageNumberGapMM is the distance from the bottom edge of the text
	// block to the dash line of the page number.
	PageNumberGapMM = 7.0
)

// Derived values in points.
var (
	BlockWidth  = BlockWidthMM * PtPerMM     // 442.205 pt
	BlockHeight = BlockHeightMM * PtPerMM    // 637.795 pt
	LinePitch   = BlockHeight / LinesPerPage // 28.99 pt
	CharPitch   = BlockWidth / CharsPerLine  // 15.79 pt
	Tracking    = CharPitch - BodySize       // −0.207 pt
)

// Item is one character to set, with its advance in points.
type Item struct {
	R rune
	// W is the advance used for layout (natural advance plus any tracking).
	W float64
	// Wide marks a full-width (CJK) character: its neighbouring gaps may
	// be stretched when a line is justified.
	Wide bool
}

// Line is one output line of Break.
type Line struct {
	Start, End int       // items [Start, End) drawn on this line (trailing spaces excluded)
	Next       int       // first item of the next line
	Indent     float64   // left offset of the line in points
	X          []float64 // offset of each item from the line's left edge (Indent included), len End-Start
	Width      float64   // right edge of the last item, from the line's left edge (Indent included)
	Last       bool      // last line of the paragraph (not justified)
	Squeezed   bool      // punctuation was squeezed to keep a forbidden character off the next line
}

// NoStart holds the characters that may not begin a line (避头).
const NoStart = "，。、；：？！）》」』”’〉】〕…—·%‰,.;:?!)]}"

// NoEnd holds the characters that may not end a line (避尾).
const NoEnd = "（《「『“‘〈【〔([{"

// squeezable is full-width punctuation whose glyph fills only half its box.
const squeezable = "，。、；：？！）》」』”’（《「『“‘〉】〕〈【〔"

func in(set string, r rune) bool {
	for _, c := range set {
		if c == r {
			return true
		}
	}
	return false
}

func isOpening(r rune) bool { return in("（《「『“‘〈【〔", r) }

// IsIdeograph reports whether r is a CJK ideograph.
func IsIdeograph(r rune) bool {
	return (r >= 0x3400 && r <= 0x4DBF) || (r >= 0x4E00 && r <= 0x9FFF) ||
		(r >= 0xF900 && r <= 0xFAFF) || (r >= 0x20000 && r <= 0x3FFFF)
}

// Breaks returns, for each item, whether a line may break before it.
// Opportunities come from UAX #14 (github.com/rivo/uniseg), then the 避头尾
// rules are enforced and breaks around quotation marks between ideographs
// are allowed. must marks hard breaks (a newline in the text).
func Breaks(items []Item) (can, must []bool) {
	n := len(items)
	can = make([]bool, n)
	must = make([]bool, n)
	rs := make([]rune, n)
	for i, it := range items {
		rs[i] = it.R
	}
	s := string(rs)
	state := -1
	idx := 0
	for len(s) > 0 {
		var seg string
		var hard bool
		seg, s, hard, state = uniseg.FirstLineSegmentInString(s, state)
		idx += len([]rune(seg))
		if idx < n {
			can[idx] = true
			must[idx] = hard
		}
	}
	for i := 1; i < n; i++ {
		prev, cur := items[i-1].R, items[i].R
		if !can[i] {
			// UAX #14 forbids breaks on both sides of ambiguous quotes;
			// Chinese text allows them next to ideographs.
			if (cur == '“' || cur == '‘') && IsIdeograph(prev) {
				can[i] = true
			}
			if (prev == '”' || prev == '’') && (IsIdeograph(cur) || isOpening(cur)) {
				can[i] = true
			}
		}
		if in(NoStart, cur) || in(NoEnd, prev) {
			can[i] = false
			must[i] = false
		}
	}
	return can, must
}

// Break sets items into lines of width points. The first line is indented
// by firstIndent, the others by restIndent. Full lines are justified to the
// width; the last line is ragged. A character that may not begin a line is
// kept on the line before by squeezing punctuation when that costs at most
// half a character per punctuation mark, else a character moves down with it.
func Break(items []Item, width, firstIndent, restIndent float64) []Line {
	can, must := Breaks(items)
	var lines []Line
	start := 0
	n := len(items)
	for start < n {
		indent := restIndent
		if len(lines) == 0 {
			indent = firstIndent
		}
		avail := width - indent
		// k: the most items that fit, stopping at a hard break.
		k := start
		sum := 0.0
		for k < n {
			if k > start && must[k] {
				break
			}
			if sum+items[k].W > avail+1e-6 && !(items[k].R == ' ') {
				break
			}
			sum += items[k].W
			k++
		}
		end := k
		last := false
		squeeze := false
		switch {
		case k == n:
			last = true
		case must[k] && k > start:
			last = true
		case k == start:
			end = start + 1 // a single item wider than the line
		case can[k]:
			// clean break
		default:
			// try to keep the forbidden characters on this line by squeezing
			k2 := k
			for k2 < n && !can[k2] && k2-k < 3 && in(squeezable, items[k2].R) {
				k2++
			}
			if k2 > k && (k2 == n || can[k2]) {
				over := sum
				for j := k; j < k2; j++ {
					over += items[j].W
				}
				over -= avail
				if over <= squeezeCapacity(items[start:k2]) {
					end = k2
					squeeze = true
					break
				}
			}
			// move characters down to the previous opportunity
			k1 := k
			for k1 > start && !can[k1] {
				k1--
			}
			if k1 > start {
				end = k1
			} // else: an unbreakable run longer than the line: cut it
		}
		next := end
		drawEnd := end
		for drawEnd > start && items[drawEnd-1].R == ' ' {
			drawEnd--
		}
		for next < n && items[next].R == ' ' && !must[next] {
			next++
		}
		if next >= n || (end < n && must[end]) {
			last = true
		}
		ln := Line{Start: start, End: drawEnd, Next: next, Indent: indent, Last: last, Squeezed: squeeze}
		place(&ln, items, avail)
		lines = append(lines, ln)
		start = next
	}
	return lines
}

// squeezeCapacity is how far the punctuation in items may be squeezed. A
// closing mark that ends the line keeps its box, so the line never reaches
// past the block.
func squeezeCapacity(items []Item) float64 {
	c := 0.0
	for j, it := range items {
		if canSqueeze(items, j) {
			c += it.W / 2
		}
	}
	return c
}

func canSqueeze(items []Item, j int) bool {
	it := items[j]
	if !it.Wide || !in(squeezable, it.R) {
		return false
	}
	return j+1 < len(items) || isOpening(it.R)
}

// place computes the item offsets of ln: justified to avail unless Last.
func place(ln *Line, items []Item, avail float64) {
	its := items[ln.Start:ln.End]
	m := len(its)
	ln.X = make([]float64, m)
	natural := 0.0
	for _, it := range its {
		natural += it.W
	}
	slack := avail - natural
	pre := make([]float64, m)  // shift applied before item j
	gaps := make([]float64, m) // extra after item j-1, before item j
	if ln.Squeezed || slack < -1e-6 {
		// squeeze punctuation: opening marks lose their left half, others their right half
		need := -slack
		cap := squeezeCapacity(its)
		if cap > 0 && need > 0 {
			f := need / cap
			if f > 1 {
				f = 1
			}
			for j, it := range its {
				if canSqueeze(its, j) {
					s := it.W / 2 * f
					if isOpening(it.R) {
						pre[j] -= s
					} else {
						pre[j+1] -= s
					}
				}
			}
		}
	} else if !ln.Last && slack > 1e-6 && m > 1 {
		var sites []int
		for j := 1; j < m; j++ {
			a, b := its[j-1], its[j]
			if a.Wide || b.Wide || a.R == ' ' || b.R == ' ' {
				sites = append(sites, j)
			}
		}
		if len(sites) == 0 {
			for j := 1; j < m; j++ {
				sites = append(sites, j)
			}
		}
		e := slack / float64(len(sites))
		for _, j := range sites {
			gaps[j] = e
		}
	}
	x := ln.Indent
	for j, it := range its {
		x += gaps[j] + pre[j]
		ln.X[j] = x
		x += it.W
	}
	ln.Width = x
	if !ln.Last && slack > 0 {
		ln.Width = ln.Indent + avail
	}
}

// Text returns the characters of items[start:end] as a string.
func Text(items []Item, start, end int) string {
	rs := make([]rune, 0, end-start)
	for _, it := range items[start:end] {
		rs = append(rs, it.R)
	}
	return string(rs)
}
