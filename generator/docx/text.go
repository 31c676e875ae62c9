package docx

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"huanjie/generator/layout"
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

// wrapTitle breaks a title between phrases the same way the PDF does
// (layout.WrapTitle: fewest lines, never inside a phrase unless it is
// longer than a line, balanced, longer line above).
func wrapTitle(phrases []string, max float64) []string {
	var out []string
	for _, line := range layout.WrapTitle(phrases, int(max)) {
		out = append(out, strings.Join(line, ""))
	}
	return out
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
