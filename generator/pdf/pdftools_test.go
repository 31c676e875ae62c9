package pdf

import (
	"bytes"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"huanjie/internal/testenv"
)

type bbox struct {
	XMin float64 `xml:"xMin,attr"`
	YMin float64 `xml:"yMin,attr"`
	XMax float64 `xml:"xMax,attr"`
	YMax float64 `xml:"yMax,attr"`
}

type bWord struct {
	bbox
	Text string `xml:",chardata"`
}

type bLine struct {
	bbox
	Words []bWord `xml:"word"`
}

func (l bLine) text() string {
	var s []string
	for _, w := range l.Words {
		s = append(s, w.Text)
	}
	return strings.Join(s, " ")
}

type bPage struct {
	Width  float64 `xml:"width,attr"`
	Height float64 `xml:"height,attr"`
	Flows  []struct {
		Blocks []struct {
			Lines []bLine `xml:"line"`
		} `xml:"block"`
	} `xml:"flow"`
}

// lines returns the page's text lines sorted top to bottom, left to right;
// lines on the same baseline (pdftotext may split them) are merged.
func (p bPage) lines() []bLine {
	var all []bLine
	for _, f := range p.Flows {
		for _, b := range f.Blocks {
			all = append(all, b.Lines...)
		}
	}
	// sort by yMax then xMin
	for i := 1; i < len(all); i++ {
		for j := i; j > 0 && less(all[j], all[j-1]); j-- {
			all[j], all[j-1] = all[j-1], all[j]
		}
	}
	var out []bLine
	for _, l := range all {
		if n := len(out); n > 0 && abs(out[n-1].YMax-l.YMax) < 1 {
			m := &out[n-1]
			m.Words = append(m.Words, l.Words...)
			if l.XMin < m.XMin {
				m.XMin = l.XMin
			}
			if l.XMax > m.XMax {
				m.XMax = l.XMax
			}
			continue
		}
		out = append(out, l)
	}
	return out
}

func less(a, b bLine) bool {
	if abs(a.YMax-b.YMax) >= 1 {
		return a.YMax < b.YMax
	}
	return a.XMin < b.XMin
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// bboxPages runs pdftotext -bbox-layout on pdf and parses the XHTML.
func bboxPages(t testing.TB, pdf []byte) []bPage {
	t.Helper()
	testenv.Tool(t, "pdftotext")
	dir := t.TempDir()
	in := filepath.Join(dir, "in.pdf")
	if err := os.WriteFile(in, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-bbox-layout", in, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	var h struct {
		Pages []bPage `xml:"body>doc>page"`
	}
	dec := xml.NewDecoder(bytes.NewReader(out))
	dec.Strict = false
	dec.Entity = xml.HTMLEntity
	if err := dec.Decode(&h); err != nil {
		t.Fatalf("parse bbox xhtml: %v", err)
	}
	return h.Pages
}

// pdfText runs pdftotext (raw order) on pdf.
func pdfText(t testing.TB, pdf []byte, args ...string) string {
	t.Helper()
	testenv.Tool(t, "pdftotext")
	dir := t.TempDir()
	in := filepath.Join(dir, "in.pdf")
	os.WriteFile(in, pdf, 0o644)
	out, err := exec.Command("pdftotext", append(append(args, in), "-")...).Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

// pdfFonts runs pdffonts and returns its rows (name, type, emb).
func pdfFonts(t testing.TB, pdf []byte) [][]string {
	t.Helper()
	testenv.Tool(t, "pdffonts")
	dir := t.TempDir()
	in := filepath.Join(dir, "in.pdf")
	os.WriteFile(in, pdf, 0o644)
	out, err := exec.Command("pdffonts", in).Output()
	if err != nil {
		t.Fatalf("pdffonts: %v", err)
	}
	var rows [][]string
	for i, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if i < 2 {
			continue
		}
		rows = append(rows, strings.Fields(l))
	}
	return rows
}
