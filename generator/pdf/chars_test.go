package pdf

import (
	"bufio"
	"compress/bzip2"
	"os"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"huanjie/generator/doc"
	"huanjie/internal/testenv"
)

// unihan is Debian's unicode-data copy of the Unihan readings, whose
// kTGHZ2013 field lists the 8,105 characters of the 通用规范汉字表
// (通用规范汉字字典, 2013).
const unihan = "/usr/share/unicode/Unihan_Readings.txt.bz2"

// standardChars reads the 通用规范汉字表 from Unihan.
func standardChars(t *testing.T) []rune {
	f, err := os.Open(unihan)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []rune
	sc := bufio.NewScanner(bzip2.NewReader(f))
	for sc.Scan() {
		fs := strings.Split(sc.Text(), "\t")
		if len(fs) < 2 || fs[1] != "kTGHZ2013" || !strings.HasPrefix(fs[0], "U+") {
			continue
		}
		v, err := strconv.ParseUint(strings.TrimPrefix(fs[0], "U+"), 16, 32)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, rune(v))
	}
	return out
}

// TestStandardCharacters prints every character of the 通用规范汉字表 in
// body text and reads it back in order: the shipped fonts have all 8,105
// (196 beyond the BMP), so none may be missing, misplaced or lost.
func TestStandardCharacters(t *testing.T) {
	if _, err := os.Stat(unihan); err != nil {
		testenv.Data(t, unihan)
	}
	chars := standardChars(t)
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
