package docx

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// esc escapes s for XML character data and attribute values and drops the
// characters XML 1.0 cannot carry (control characters other than tab,
// newline and carriage return, lone surrogates, U+FFFE/U+FFFF).
func esc(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i, w := 0, 0; i < len(s); i += w {
		r, n := utf8.DecodeRuneInString(s[i:])
		w = n
		if r == utf8.RuneError && n == 1 {
			continue // invalid UTF-8 byte
		}
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		case '\'':
			b.WriteString("&apos;")
		default:
			if validXMLRune(r) {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

func validXMLRune(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		(r >= 0x20 && r <= 0xD7FF) ||
		(r >= 0xE000 && r <= 0xFFFD) ||
		(r >= 0x10000 && r <= 0x10FFFF)
}

// textXML turns text into run content: w:t pieces, with "\n" as a line
// break and "\t" as a tab.
func textXML(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	seg := func(t string) {
		if t == "" {
			return
		}
		b.WriteString(`<w:t xml:space="preserve">`)
		b.WriteString(esc(t))
		b.WriteString(`</w:t>`)
	}
	start := 0
	for i, r := range s {
		if r == '\n' || r == '\t' || r == '\r' {
			seg(s[start:i])
			switch r {
			case '\n', '\r':
				b.WriteString(`<w:br/>`)
			case '\t':
				b.WriteString(`<w:tab/>`)
			}
			start = i + 1
		}
	}
	seg(s[start:])
	return b.String()
}

// runeWidth is a character's advance in units of one full-width character:
// ASCII (Latin letters, digits, spaces, half-width punctuation) is half width,
// everything else full width.
func runeWidth(r rune) float64 {
	if r < 0x80 || (r >= 0xFF61 && r <= 0xFF9F) {
		return 0.5
	}
	return 1
}

// widthChars is the advance of s in full-width characters.
func widthChars(s string) float64 {
	w := 0.0
	for _, r := range s {
		w += runeWidth(r)
	}
	return w
}

// wrapTitle breaks a title between phrases into lines of at most max
// characters. It never breaks inside a phrase unless the phrase alone is
// longer than a line; among the breakings with the fewest lines it prefers
// lines that do not grow downwards (long above short) and are most even.
func wrapTitle(phrases []string, max float64) []string {
	var ps []string
	for _, p := range phrases {
		if p == "" {
			continue
		}
		if widthChars(p) <= max {
			ps = append(ps, p)
			continue
		}
		// Split an over-long phrase into the fewest near-equal pieces,
		// longer pieces first.
		rs := []rune(p)
		k := int(math.Ceil(widthChars(p)/max - 1e-9))
		for len(rs) > 0 {
			target := widthChars(string(rs)) / float64(k)
			w, n := 0.0, 0
			for n < len(rs) && (w < target-1e-9 || n == 0) && w+runeWidth(rs[n]) <= max {
				w += runeWidth(rs[n])
				n++
			}
			ps = append(ps, string(rs[:n]))
			rs = rs[n:]
			if k > 1 {
				k--
			}
		}
	}
	if len(ps) == 0 {
		return nil
	}
	ws := make([]float64, len(ps))
	total := 0.0
	for i, p := range ps {
		ws[i] = widthChars(p)
		total += ws[i]
	}
	if total <= max {
		return []string{strings.Join(ps, "")}
	}
	// Greedy gives the least number of lines.
	greedy := [][2]int{}
	start, w := 0, 0.0
	for i := range ps {
		if w+ws[i] > max && i > start {
			greedy = append(greedy, [2]int{start, i})
			start, w = i, 0
		}
		w += ws[i]
	}
	greedy = append(greedy, [2]int{start, len(ps)})
	n := len(greedy)
	best := greedy
	if len(ps) <= 24 && n <= 4 {
		bestScore := math.Inf(1)
		cuts := make([]int, n+1)
		cuts[0], cuts[n] = 0, len(ps)
		var try func(k int)
		try = func(k int) {
			if k == n {
				lw := make([]float64, n)
				for j := 0; j < n; j++ {
					for i := cuts[j]; i < cuts[j+1]; i++ {
						lw[j] += ws[i]
					}
					if lw[j] > max || cuts[j] == cuts[j+1] {
						return
					}
				}
				score := 0.0
				for j := 1; j < n; j++ {
					if lw[j] > lw[j-1] {
						score += 1000 // a line longer than the one above
					}
				}
				hi, lo := lw[0], lw[0]
				for _, x := range lw {
					hi = math.Max(hi, x)
					lo = math.Min(lo, x)
				}
				score += hi - lo
				if score < bestScore {
					bestScore = score
					best = make([][2]int, n)
					for j := 0; j < n; j++ {
						best[j] = [2]int{cuts[j], cuts[j+1]}
					}
				}
				return
			}
			for c := cuts[k-1] + 1; c < len(ps); c++ {
				cuts[k] = c
				try(k + 1)
			}
		}
		try(1)
	}
	lines := make([]string, len(best))
	for j, g := range best {
		lines[j] = strings.Join(ps[g[0]:g[1]], "")
	}
	return lines
}

// cnNumber writes 1…99 in Chinese numerals (一, 十, 十一, 二十一).
func cnNumber(n int) string {
	digits := []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	if n <= 0 || n >= 100 {
		return strconv.Itoa(n)
	}
	if n < 10 {
		return digits[n]
	}
	s := ""
	if n/10 > 1 {
		s = digits[n/10]
	}
	s += "十"
	if n%10 != 0 {
		s += digits[n%10]
	}
	return s
}

// listMarker gives the marker of item i (1-based) for a List.Marker pattern.
func listMarker(pattern string, i int) string {
	switch pattern {
	case "":
		return ""
	case "1.", "1．":
		return strconv.Itoa(i) + "."
	case "（1）", "(1)":
		return "（" + strconv.Itoa(i) + "）"
	case "一、":
		return cnNumber(i) + "、"
	case "（一）":
		return "（" + cnNumber(i) + "）"
	}
	if strings.Contains(pattern, "1") {
		return strings.Replace(pattern, "1", strconv.Itoa(i), 1)
	}
	if strings.Contains(pattern, "一") {
		return strings.Replace(pattern, "一", cnNumber(i), 1)
	}
	return pattern
}
