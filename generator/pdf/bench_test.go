package pdf

import (
	"bytes"
	"io"
	"regexp"
	"testing"
)

func BenchmarkRequest3Pages(b *testing.B) {
	fs := testFonts(b)
	d := requestDoc()
	var buf bytes.Buffer
	if err := Render(d, fs, &buf); err != nil {
		b.Fatal(err)
	}
	pages := countPages(buf.Bytes())
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := Render(d, fs, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(pages), "pages")
}

func BenchmarkReport10Pages(b *testing.B) {
	fs := testFonts(b)
	d := reportDoc(6)
	var buf bytes.Buffer
	if err := Render(d, fs, &buf); err != nil {
		b.Fatal(err)
	}
	pages := countPages(buf.Bytes())
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := Render(d, fs, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(pages), "pages")
}

var pageObject = regexp.MustCompile(`/Type\s*/Page[^s]`)

// countPages counts the page objects of a PDF.
func countPages(pdf []byte) int {
	return len(pageObject.FindAllIndex(pdf, -1))
}
