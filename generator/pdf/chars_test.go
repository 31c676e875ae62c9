package pdf

import (
	"strings"
	"testing"
	"unicode"

	"huanjie/generator/doc"
	"huanjie/internal/testenv"
)

// TestStandardCharacters prints every character of the 通用规范汉字表 in
// body text and reads it back in order: the shipped fonts have all 8,105
// (196 beyond the BMP), so none may be missing, misplaced or lost.
func TestStandardCharacters(t *testing.T) {
	chars := testenv.StandardChars(t)
	astral := 0
	for _, r := range chars {
		if r > 0xFFFF {
			astral++
		}
	}
	if len(chars) != 8105 || astral != 196 {
		t.Fatalf("read %d characters, %d beyond the BMP; want 8105 and 196", len(chars), astral)
	}
	d := &doc.Document{Meta: doc.Meta{Title: "通用规范汉字表", Date: sampleDate}}
	for i := 0; i < len(chars); i += 500 {
		d.Blocks = append(d.Blocks, doc.Paragraph{Text: string(chars[i:min(i+500, len(chars))])})
	}
	got := []rune(strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Han, r) {
			return r
		}
		return -1
	}, pdfText(t, renderDoc(t, d))))
	if string(got) != string(chars) {
		for i := range chars {
			if i >= len(got) || got[i] != chars[i] {
				t.Fatalf("character %d (%c U+%04X) reads back as %q", i, chars[i], chars[i], string(got[i:min(i+3, len(got))]))
			}
		}
		t.Fatalf("%d characters read back, want %d", len(got), len(chars))
	}
}
