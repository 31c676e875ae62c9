// Package layout lays a document (package doc) out as pages (package page):
// the GB/T 9704-2012 page geometry, line breaking with 避头尾 and squeezed
// punctuation, the 公文 flow with its keep rules, tables, forms and sheets.
// Pages (compose.go) is the entry point; the geometry, Break, WrapTitle and
// SignatureOffsets are also used by the DOCX writer, which leaves the
// layout to Word.
package layout

import (
	"math"

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
	// Centred marks squeezable punctuation whose ink sits in the middle of
	// its box (the "？" of many GB fonts): squeezing takes half the blank
	// from each side, so the mark stays attached to what precedes it.
	Centred bool
}

// Line is one output line of Break.
type Line struct {
	Start, End int       // items [Start, End) drawn on this line (trailing spaces excluded)
	Next       int       // first item of the next line
	Indent     float64   // left offset of the line in points
	X          []float64 // offset of each item from the line's left edge (Indent included), len End-Start
	Width      float64   // right edge of the last item, from the line's left edge (Indent included)
	Last       bool      // last line of the paragraph (not justified)
	Squeezed   bool      // punctuation (or a fill-in blank) was squeezed to keep a forbidden character off the next line
	// Blanks are the fill-in blanks of the line (runs of "_"), each as the
	// left and right offsets of the rule that replaces it, like X.
	Blanks [][2]float64
	// Cuts, when punctuation was squeezed, give for each item how much of
	// its natural box was taken away (nil otherwise; see Cut).
	Cuts []Cut
}

// Cut is the blank of a squeezed punctuation mark taken away: Width points
// of its box, Shift of them on its left (the mark's ink is drawn at X,
// its box starts at X + Shift).
type Cut struct {
	Width, Shift float64
}

// Blank is the character of fill-in blanks ("____名"): a run of them is one
// elastic rule. It may shrink to blankMin of its natural width to stay on a
// line, and takes the slack of a justified line instead of letter-spacing.
const Blank = '_'

const blankMin = 0.55

// NoStart holds the characters that may not begin a line (避头).
const NoStart = "，。、；：？！）》」』”’〉】〕…—·%‰,.;:?!)]}"

// NoEnd holds the characters that may not end a line (避尾).
const NoEnd = "（《「『“‘〈【〔([{"

// squeezable is full-width punctuation whose glyph fills only half its box.
const squeezable = "，。、；：？！）》」』”’（《「『“‘〉】〕〈【〔"

func in(set string, r rune) bool {
	if r >= 0x3400 && r < 0xFF00 {
		return false // ideographs (most of the text): no set holds one
	}
	for _, c := range set {
		if c == r {
			return true
		}
	}
	return false
}

func isDigit(r rune) bool { return (r >= '0' && r <= '9') || (r >= '０' && r <= '９') }

// numberBlank reports whether items[j] ends a run of at most 4 Blanks.
func numberBlank(items []Item, j int) bool {
	n := 0
	for ; j >= 0 && items[j].R == Blank; j-- {
		n++
	}
	return n > 0 && n <= 4
}

func isAlnum(r rune) bool {
	return r < 0x80 && (isDigit(r) || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z'))
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
		// a number, or a short blank for one (up to 4 underscores; longer
		// ones are for names), stays with the ideograph after it ("5名",
		// "18日", "____名")
		// and a Latin abbreviation with a slash ("GB/T") stays whole
		slash := prev == '/' && i >= 2 && isAlnum(items[i-2].R) && isAlnum(cur)
		if in(NoStart, cur) || in(NoEnd, prev) || slash || ((isDigit(prev) || numberBlank(items, i-1)) && IsIdeograph(cur)) {
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
// A fill-in blank (a run of Blank) shrinks to stay on its line when it can,
// and a last line of a single character takes one more from the line above.
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
		squeeze := false
		switch {
		case k == n:
		case must[k] && k > start:
		case k == start:
			end = start + 1 // a single item wider than the line
		default:
			if k2, ok := pullBlank(items, can, must, start, k, avail); ok {
				end = k2
				squeeze = true
				break
			}
			if can[k] {
				break // clean break
			}
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
		ln := makeLine(items, must, start, end, indent, squeeze)
		place(&ln, items, avail)
		lines = append(lines, ln)
		start = ln.Next
	}
	avoidLonelyLast(items, can, lines, width)
	return lines
}

// makeLine builds the line of items [start, end): trailing spaces are not
// drawn and leading spaces of the next line are skipped.
func makeLine(items []Item, must []bool, start, end int, indent float64, squeeze bool) Line {
	n := len(items)
	next := end
	drawEnd := end
	for drawEnd > start && items[drawEnd-1].R == ' ' {
		drawEnd--
	}
	for next < n && items[next].R == ' ' && !must[next] {
		next++
	}
	last := next >= n || (end < n && must[end])
	return Line{Start: start, End: drawEnd, Next: next, Indent: indent, Last: last, Squeezed: squeeze}
}

// pullBlank keeps a fill-in blank that reaches past the line's end on the
// line by shrinking it (and squeezing punctuation): it returns the end of
// the line when the unbreakable segment across k holds a blank and fits so.
func pullBlank(items []Item, can, must []bool, start, k int, avail float64) (int, bool) {
	n := len(items)
	k1 := k
	for k1 > start && !can[k1] {
		k1--
	}
	k2 := k + 1
	for k2 < n && !can[k2] && !must[k2] {
		k2++
	}
	hasBlank := false
	for j := k1; j < k2; j++ {
		if items[j].R == Blank {
			hasBlank = true
			break
		}
	}
	if !hasBlank {
		return 0, false
	}
	over := -avail
	for j := start; j < k2; j++ {
		over += items[j].W
	}
	seg := items[start:k2]
	if over > 0 && over <= squeezeCapacity(seg)+blankCapacity(seg) {
		return k2, true
	}
	return 0, false
}

// avoidLonelyLast moves one more character onto a paragraph's last line when
// it holds a single character (with its punctuation), if the line above can
// spare it cheaply: at most two characters' width moves down.
func avoidLonelyLast(items []Item, can []bool, lines []Line, width float64) {
	for i := 1; i < len(lines); i++ {
		ln, prev := lines[i], lines[i-1]
		if !ln.Last || prev.Last || !lonely(items[ln.Start:ln.End]) {
			continue
		}
		j := prev.End - 1
		for j > prev.Start && !can[j] {
			j--
		}
		if j <= prev.Start {
			continue
		}
		moved, rest := 0.0, 0.0
		for k := j; k < prev.End; k++ {
			moved += items[k].W
		}
		for k := j; k < ln.End; k++ {
			rest += items[k].W
		}
		if moved > 2*items[ln.Start].W+1e-6 || rest > width-ln.Indent+1e-6 {
			continue
		}
		drawEnd := j
		for drawEnd > prev.Start && items[drawEnd-1].R == ' ' {
			drawEnd--
		}
		np := Line{Start: prev.Start, End: drawEnd, Next: j, Indent: prev.Indent}
		nl := Line{Start: j, End: ln.End, Next: ln.Next, Indent: ln.Indent, Last: true}
		place(&np, items, width-np.Indent)
		place(&nl, items, width-nl.Indent)
		lines[i-1], lines[i] = np, nl
	}
}

// lonely reports whether its is one full-width character followed only by
// punctuation that may not begin a line.
func lonely(its []Item) bool {
	if len(its) == 0 || len(its) > 3 || !its[0].Wide || in(NoStart, its[0].R) || in(NoEnd, its[0].R) {
		return false
	}
	for _, it := range its[1:] {
		if !in(NoStart, it.R) {
			return false
		}
	}
	return true
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

// blankCapacity is how far the fill-in blanks in items may shrink.
func blankCapacity(items []Item) float64 {
	c := 0.0
	for _, it := range items {
		if it.R == Blank {
			c += it.W * (1 - blankMin)
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
// Squeezed punctuation loses the blank half of its box (both quarters when
// its ink is centred); fill-in blanks shrink when the line is squeezed and
// take the slack of a justified line, and are reported in ln.Blanks.
func place(ln *Line, items []Item, avail float64) {
	its := items[ln.Start:ln.End]
	m := len(its)
	ln.X = make([]float64, m)
	ln.Blanks = nil
	ln.Cuts = nil
	natural, blankW := 0.0, 0.0
	for _, it := range its {
		natural += it.W
		if it.R == Blank {
			blankW += it.W
		}
	}
	slack := avail - natural
	pre := make([]float64, m+1) // shift applied before item j
	gaps := make([]float64, m)  // extra after item j-1, before item j
	adj := make([]float64, m)   // change of the advance of item j (blanks)
	if ln.Squeezed || slack < -1e-6 {
		need := -slack
		cp, cb := squeezeCapacity(its), blankCapacity(its)
		if cp+cb > 0 && need > 0 {
			// blanks shrink first (nobody knows their natural length),
			// then punctuation is squeezed
			fb, f := 1.0, 0.0
			if need < cb {
				fb = need / cb
			} else if cp > 0 {
				f = math.Min((need-cb)/cp, 1)
			}
			for j, it := range its {
				switch {
				case canSqueeze(its, j):
					s := it.W / 2 * f
					if s <= 0 {
						continue
					}
					if ln.Cuts == nil {
						ln.Cuts = make([]Cut, m)
					}
					switch {
					case isOpening(it.R):
						pre[j] -= s
						ln.Cuts[j] = Cut{s, s}
					case it.Centred:
						pre[j] -= s / 2
						pre[j+1] -= s / 2
						ln.Cuts[j] = Cut{s, s / 2}
					default:
						pre[j+1] -= s
						ln.Cuts[j] = Cut{s, 0}
					}
				case it.R == Blank:
					adj[j] = -it.W * (1 - blankMin) * fb
				}
			}
		}
	} else if !ln.Last && slack > 1e-6 && m > 1 {
		if blankW > 0 {
			// a fill-in blank is elastic: it takes the slack
			for j, it := range its {
				if it.R == Blank {
					adj[j] = slack * it.W / blankW
				}
			}
		} else {
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
	}
	x := ln.Indent
	for j, it := range its {
		x += gaps[j] + pre[j]
		ln.X[j] = x
		x += it.W + adj[j]
	}
	ln.Width = x
	if !ln.Last && slack > 0 {
		ln.Width = ln.Indent + avail
	}
	ln.Blanks = blankSpans(its, ln.X, adj)
}

// blankSpans finds the runs of Blank among its placed at x, whose advances
// changed by adj (nil: natural advances).
func blankSpans(its []Item, x, adj []float64) [][2]float64 {
	var out [][2]float64
	for j := 0; j < len(its); j++ {
		if its[j].R != Blank {
			continue
		}
		a := j
		for j+1 < len(its) && its[j+1].R == Blank {
			j++
		}
		right := x[j] + its[j].W
		if adj != nil {
			right += adj[j]
		}
		out = append(out, [2]float64{x[a], right})
	}
	return out
}

// BlankSpans returns the fill-in blanks of ln at natural advances, for a
// caller that repositioned the items of ln (X) itself.
func BlankSpans(items []Item, ln Line) [][2]float64 {
	return blankSpans(items[ln.Start:ln.End], ln.X, nil)
}

// Text returns the characters of items[start:end] as a string.
func Text(items []Item, start, end int) string {
	rs := make([]rune, 0, end-start)
	for _, it := range items[start:end] {
		rs = append(rs, it.R)
	}
	return string(rs)
}
