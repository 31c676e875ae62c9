package ofd

import (
	"io"
	"testing"

	"huanjie/generator/pdf"
)

// BenchmarkWrite writes one laid-out document (4 pages of running text
// with a table and the 草稿 stamp) as OFD and, for comparison, as PDF.
func BenchmarkWrite(b *testing.B) {
	p, err := layoutOf(textDoc())
	if err != nil {
		b.Fatal(err)
	}
	for name, write := range map[string]func() error{
		"ofd": func() error { return Write(p, io.Discard) },
		"pdf": func() error { return pdf.Write(p, io.Discard) },
	} {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := write(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
