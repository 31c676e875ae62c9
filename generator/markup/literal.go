package markup

import (
	"strings"
	"unicode/utf8"
)

// Data never becomes markup. The template engine passes every value a
// template prints through Quote, which wraps it in a literal span: the
// parser splits lines, cells and fields, and recognises keywords, only
// outside literal spans, and takes a span's content as text. The span
// markers and the line break inside a span are Unicode noncharacters
// (U+FDD0–U+FDD2), which Unicode reserves for a program's internal use:
// they never occur in text a user writes, and Quote replaces any that a
// value carries, so no data string can open, close or forge a span.
const (
	litOpen  = '\uFDD0' // starts a literal span
	litClose = '\uFDD1' // ends it
	litBreak = '\uFDD2' // a line break in the data (multi-line fields)
)

// Quote makes s a literal span: whatever it holds (keywords, ｜, |, !, :,
// <, ^, #, //, line breaks) is text. A line break in s is kept as a break
// inside the span: in a paragraph it starts a new paragraph of the same
// kind, anywhere else it is an error.
func Quote(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteRune(litOpen)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\r' && i+1 < len(s) && s[i+1] == '\n':
			// CRLF is one break: the \n that follows writes it
		case r == '\n' || r == '\r':
			b.WriteRune(litBreak)
		case r >= 0xFDD0 && r <= 0xFDEF:
			b.WriteRune(utf8.RuneError)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	b.WriteRune(litClose)
	return b.String()
}

// eachOut calls fn with the offset and width of every rune of seps
// outside a literal span, in order, while fn returns true.
func eachOut(s, seps string, fn func(i, n int) bool) {
	in := false
	for i, r := range s {
		switch {
		case r == litOpen:
			in = true
		case r == litClose:
			in = false
		case !in && strings.ContainsRune(seps, r):
			if !fn(i, utf8.RuneLen(r)) {
				return
			}
		}
	}
}

// splitOut splits s at every rune of seps that is outside a literal span.
func splitOut(s, seps string) []string {
	var parts []string
	start := 0
	eachOut(s, seps, func(i, n int) bool {
		parts = append(parts, s[start:i])
		start = i + n
		return true
	})
	return append(parts, s[start:])
}

// cutOut cuts s around the first rune of seps outside a literal span.
func cutOut(s, seps string) (before, after string, found bool) {
	before = s
	eachOut(s, seps, func(i, n int) bool {
		before, after, found = s[:i], s[i+n:], true
		return false
	})
	return before, after, found
}

// unquote turns markup into the text it stands for: span markers go, a
// break inside a span becomes "\n".
func unquote(s string) string {
	if !strings.ContainsAny(s, "\uFDD0\uFDD1\uFDD2") {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch r {
		case litOpen, litClose:
			return -1
		case litBreak:
			return '\n'
		}
		return r
	}, s)
}

// display is unquote for an error message: one line.
func display(s string) string {
	return strings.ReplaceAll(unquote(s), "\n", "↵")
}
