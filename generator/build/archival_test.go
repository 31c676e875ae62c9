package build

import (
	"bytes"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"huanjie/internal/pdfacheck"
	"huanjie/internal/testenv"
)

// TestSamplesArchival checks every PDF of every sample: the PDF/A-2b
// structure and qpdf --check (internal/pdfacheck), and that pdftotext reads
// each line of text as one line — no line of the page comes back in pieces
// side by side, as overlapping glyphs of squeezed punctuation used to make
// it.
func TestSamplesArchival(t *testing.T) {
	testenv.Tool(t, "qpdf")
	testenv.Tool(t, "pdftotext")
	for _, sample := range sampleNames(t) {
		outs, _ := buildAll(t, loadSample(t, sample))
		for _, o := range outs {
			name := sample + "/" + filepath.Base(o.Path)
			probs, err := pdfacheck.Check(o.Data)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			for _, p := range probs {
				t.Errorf("%s: %s", name, p)
			}
			for _, s := range splitLines(t, o.Data) {
				t.Errorf("%s: a line reads back in pieces: %s", name, s)
			}
		}
	}
}

// splitLines returns the lines that pdftotext -bbox-layout reads as two
// pieces on one baseline with no gap between them (table cells and other
// columns are apart by their padding).
func splitLines(t testing.TB, pdf []byte) []string {
	t.Helper()
	f := filepath.Join(t.TempDir(), "in.pdf")
	if err := os.WriteFile(f, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	var bad []string
	for _, ls := range bboxPages(t, f) {
		for i, a := range ls {
			for _, b := range ls[i+1:] {
				if abs(a.YMax-b.YMax) > 1 {
					continue
				}
				if b.XMin < a.XMax+2 && a.XMin < b.XMax+2 {
					bad = append(bad, "“"+a.text()+"” | “"+b.text()+"”")
				}
			}
			// pieces of one line inside a pdftotext line: words that overlap
			for j := 1; j < len(a.Words); j++ {
				if a.Words[j].XMin < a.Words[j-1].XMax-1 {
					bad = append(bad, "“"+a.Words[j-1].Text+"” overlaps “"+a.Words[j].Text+"”")
				}
			}
		}
	}
	return bad
}

// bboxLine is a line as pdftotext -bbox-layout reads it (points).
type bboxLine struct {
	XMin  float64 `xml:"xMin,attr"`
	XMax  float64 `xml:"xMax,attr"`
	YMax  float64 `xml:"yMax,attr"`
	Words []struct {
		XMin float64 `xml:"xMin,attr"`
		XMax float64 `xml:"xMax,attr"`
		Text string  `xml:",chardata"`
	} `xml:"word"`
}

func (l bboxLine) text() string {
	var b strings.Builder
	for _, w := range l.Words {
		b.WriteString(w.Text)
	}
	return b.String()
}

// bboxPages reads the lines of each page of a PDF file.
func bboxPages(t testing.TB, path string) [][]bboxLine {
	t.Helper()
	out, err := exec.Command("pdftotext", "-bbox-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	var h struct {
		Pages []struct {
			Lines []bboxLine `xml:"flow>block>line"`
		} `xml:"body>doc>page"`
	}
	dec := xml.NewDecoder(bytes.NewReader(out))
	dec.Strict = false
	dec.Entity = xml.HTMLEntity
	if err := dec.Decode(&h); err != nil {
		t.Fatalf("parse pdftotext output: %v", err)
	}
	pages := make([][]bboxLine, len(h.Pages))
	for i, p := range h.Pages {
		pages[i] = p.Lines
	}
	return pages
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
