package layout

import "math"

// CharWidth is the width of r in characters (em): 1 for full-width
// characters, ½ for half-width ones (Latin letters, digits, spaces).
func CharWidth(r rune) float64 {
	if r < 0x1100 {
		return 0.5
	}
	if r >= 0xFF61 && r <= 0xFFDC {
		return 0.5
	}
	return 1
}

// Width is the width of s in characters (see CharWidth).
func Width(s string) float64 {
	w := 0.0
	for _, r := range s {
		w += CharWidth(r)
	}
	return w
}

// WrapTitle breaks a title given as phrases into lines of at most maxChars
// characters, never inside a phrase unless the phrase alone is longer than a
// line. It uses as few lines as possible, keeps their lengths close
// (a trapezoid or diamond), and prefers a longer line above a shorter one.
func WrapTitle(phrases []string, maxChars int) [][]string {
	var ps []string
	max := float64(maxChars)
	for _, p := range phrases {
		if p == "" {
			continue
		}
		if Width(p) <= max {
			ps = append(ps, p)
			continue
		}
		// a phrase longer than a line: cut it at line break opportunities,
		// which the balancing below then chooses from
		ps = append(ps, breakUnits(p, max)...)
	}
	if len(ps) == 0 {
		return nil
	}
	w := make([]float64, len(ps))
	total := 0.0
	for i, p := range ps {
		w[i] = Width(p)
		total += w[i]
	}
	if total <= max {
		return [][]string{ps}
	}
	for nl := int(math.Ceil(total / max)); nl <= len(ps); nl++ {
		best := math.Inf(1)
		var bestCut []int
		cut := make([]int, 0, nl+1)
		var rec func(from int)
		rec = func(from int) {
			if len(cut) == nl-1 {
				lens := lineLens(w, append(append([]int{0}, cut...), len(ps)))
				if lens == nil {
					return
				}
				if s := titleScore(lens, max); s < best {
					best = s
					bestCut = append([]int(nil), cut...)
				}
				return
			}
			for c := from + 1; c < len(ps); c++ {
				cut = append(cut, c)
				rec(c)
				cut = cut[:len(cut)-1]
			}
		}
		rec(0)
		if bestCut != nil {
			bounds := append(append([]int{0}, bestCut...), len(ps))
			out := make([][]string, nl)
			for i := 0; i < nl; i++ {
				out[i] = append([]string(nil), ps[bounds[i]:bounds[i+1]]...)
			}
			return out
		}
	}
	out := make([][]string, len(ps))
	for i, p := range ps {
		out[i] = []string{p}
	}
	return out
}

func lineLens(w []float64, bounds []int) []float64 {
	lens := make([]float64, len(bounds)-1)
	for i := range lens {
		if bounds[i] >= bounds[i+1] {
			return nil
		}
		for j := bounds[i]; j < bounds[i+1]; j++ {
			lens[i] += w[j]
		}
	}
	return lens
}

func titleScore(lens []float64, max float64) float64 {
	mean := 0.0
	for _, l := range lens {
		if l > max {
			return math.Inf(1)
		}
		mean += l
	}
	mean /= float64(len(lens))
	s := 0.0
	for _, l := range lens {
		s += (l - mean) * (l - mean)
	}
	// a longer line above a shorter one: penalise a last line longer than
	// the first, and any rise after the longest line (diamond or trapezoid).
	n := len(lens)
	if lens[n-1] > lens[0] {
		s += 3 * (lens[n-1] - lens[0]) * (lens[n-1] - lens[0])
		s += 2
	}
	peak := 0
	for i, l := range lens {
		if l > lens[peak] {
			peak = i
		}
	}
	for i := peak + 1; i < n; i++ {
		if lens[i] > lens[i-1] {
			s += 4 * (lens[i] - lens[i-1])
		}
	}
	return s
}

// SignatureOffsets places the 发文机关署名 and 成文日期 (GB/T 9704-2012 7.3.5):
// it returns the left offsets, in characters from the left edge of a line of
// lineChars characters, of the organ and the date, given their widths in
// characters. Sealed: the date ends 4 characters in from the right and the
// organ is centred on it. Unsealed: the organ ends 2 characters in from the
// right and the date starts 2 characters right of the organ's start; when
// the date is longer than the organ, the date ends 2 characters in and the
// organ moves left to keep the 2-character offset. Neither line ever runs
// past the right edge of the block.
func SignatureOffsets(organ, date float64, lineChars int, sealed bool) (organX, dateX float64) {
	n := float64(lineChars)
	if sealed {
		dateX = n - 4 - date
		organX = dateX + (date-organ)/2
	} else if date > organ {
		dateX = n - 2 - date
		organX = dateX - 2
	} else {
		organX = n - 2 - organ
		dateX = organX + 2
	}
	// A long organ name (wider than the date by more than 8 characters
	// when sealed) would run past the right edge: it ends at the edge.
	organX = max(0, min(organX, n-organ))
	dateX = max(0, min(dateX, n-date))
	return organX, dateX
}

// breakUnits cuts s into the pieces between its line break opportunities
// (so numbers and 避头尾 punctuation stay with their neighbours); a piece
// longer than max characters is cut at max.
func breakUnits(s string, max float64) []string {
	rs := []rune(s)
	its := make([]Item, len(rs))
	for i, r := range rs {
		its[i] = Item{R: r, W: CharWidth(r), Wide: CharWidth(r) == 1}
	}
	can, _ := Breaks(its)
	var out []string
	from := 0
	w := 0.0
	for i := range rs {
		if i > from && (can[i] || w+its[i].W > max) {
			out = append(out, string(rs[from:i]))
			from, w = i, 0
		}
		w += its[i].W
	}
	return append(out, string(rs[from:]))
}
