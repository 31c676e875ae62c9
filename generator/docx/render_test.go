package docx

import (
	"bytes"
	"encoding/xml"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"huanjie/internal/testenv"
)

// ---- LibreOffice render, measured with pdftotext -bbox-layout ----

type bboxLine struct {
	page                   int
	xMin, yMin, xMax, yMax float64
	text                   string
}

type bboxPage struct {
	w, h  float64
	lines []bboxLine
}

// convertWithLibreOffice renders a .docx to PDF with a private profile so
// that parallel runs do not clash.
func convertWithLibreOffice(t *testing.T, docx []byte) string {
	t.Helper()
	dir := t.TempDir()
	in := filepath.Join(dir, "d.docx")
	if err := os.WriteFile(in, docx, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("libreoffice", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--headless", "--convert-to", "pdf", "--outdir", dir, in)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("libreoffice: %v\n%s", err, out)
	}
	pdf := filepath.Join(dir, "d.pdf")
	if _, err := os.Stat(pdf); err != nil {
		t.Fatalf("libreoffice wrote no PDF: %v", err)
	}
	return pdf
}

func bboxLayout(t *testing.T, pdf string) []bboxPage {
	t.Helper()
	out, err := exec.Command("pdftotext", "-bbox-layout", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	dec := xml.NewDecoder(bytes.NewReader(out))
	dec.Strict = false
	dec.AutoClose = xml.HTMLAutoClose
	dec.Entity = xml.HTMLEntity
	var pages []bboxPage
	var cur *bboxLine
	var inWord bool
	attr := func(se xml.StartElement, name string) float64 {
		for _, a := range se.Attr {
			if a.Name.Local == name {
				v, _ := strconv.ParseFloat(a.Value, 64)
				return v
			}
		}
		return 0
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("bbox xml: %v", err)
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			switch tk.Name.Local {
			case "page":
				pages = append(pages, bboxPage{w: attr(tk, "width"), h: attr(tk, "height")})
			case "line":
				cur = &bboxLine{page: len(pages), xMin: attr(tk, "xMin"), yMin: attr(tk, "yMin"), xMax: attr(tk, "xMax"), yMax: attr(tk, "yMax")}
			case "word":
				inWord = true
			}
		case xml.EndElement:
			switch tk.Name.Local {
			case "line":
				if cur != nil && len(pages) > 0 {
					pages[len(pages)-1].lines = append(pages[len(pages)-1].lines, *cur)
				}
				cur = nil
			case "word":
				inWord = false
			}
		case xml.CharData:
			if inWord && cur != nil {
				cur.text += string(tk)
			}
		}
	}
	return pages
}

// Geometry of the 版心 in PDF points (y from the top).
const (
	ptPerMM     = 72 / 25.4
	blockTop    = 37 * ptPerMM
	blockBottom = (37 + 225) * ptPerMM
	blockLeft   = 28 * ptPerMM
	blockRight  = (210 - 26) * ptPerMM
	pitch       = 579.0 / 20
)

var pageNumRe = regexp.MustCompile(`^—([0-9]+)—$`)

// TestLibreOfficeRender renders the test document with LibreOffice and
// measures the PDF: 28 characters per full line, 22 lines per full page,
// page numbers "— N —" 7 mm below the text block on the outer side, the
// 版记 ending on the bottom edge of the text block, the table header
// repeated on the page the table continues on.
func TestLibreOfficeRender(t *testing.T) {
	testenv.Tools(t, "libreoffice", "pdftotext")
	d := testDocument()
	pages := bboxLayout(t, convertWithLibreOffice(t, render(t, d)))
	if len(pages) < 3 {
		t.Fatalf("%d pages, want at least 3", len(pages))
	}
	for i, p := range pages {
		if math.Abs(p.w-595.3) > 1 || math.Abs(p.h-841.9) > 1 {
			t.Errorf("page %d is %.1f × %.1f pt, want A4", i+1, p.w, p.h)
		}
	}
	body := func(p bboxPage) []bboxLine {
		var out []bboxLine
		for _, l := range p.lines {
			if l.yMin < blockBottom {
				out = append(out, l)
			}
		}
		return out
	}

	// The 1,270-character paragraph: first line 26 characters (2-character
	// indent), every full line 28, and it fills page 2 with 22 lines.
	want := gridPara(1270)
	var seen strings.Builder
	var paraLines []bboxLine
	for _, p := range pages {
		for _, l := range body(p) {
			txt := squeeze(l.text)
			if seen.Len() == 0 && !strings.HasPrefix(want, txt) {
				continue
			}
			if seen.Len() >= len(want) {
				break
			}
			if !strings.HasPrefix(want[seen.Len():], txt) {
				t.Fatalf("page %d: line %q does not continue the paragraph", l.page, txt)
			}
			seen.WriteString(txt)
			paraLines = append(paraLines, l)
		}
	}
	if seen.String() != want {
		t.Fatalf("paragraph read back %d of %d bytes", seen.Len(), len(want))
	}
	for i, l := range paraLines {
		n := len([]rune(squeeze(l.text)))
		switch {
		case i == 0 && n != 26:
			t.Errorf("first line has %d characters, want 26: %q", n, l.text)
		case i > 0 && i < len(paraLines)-1 && n != 28:
			t.Errorf("page %d line at y=%.1f has %d characters, want 28", l.page, l.yMin, n)
		}
		if i > 0 && math.Abs(l.xMin-blockLeft) > 1.5 {
			t.Errorf("page %d: line starts at x=%.1f, want %.1f (left margin 28 mm)", l.page, l.xMin, blockLeft)
		}
		if i > 0 && i < len(paraLines)-1 && math.Abs(l.xMax-blockRight) > 2.5 {
			t.Errorf("page %d: full line ends at x=%.1f, want about %.1f", l.page, l.xMax, blockRight)
		}
	}
	p2 := body(pages[1])
	t.Logf("%d pages; paragraph over %d lines; page 2 has %d lines", len(pages), len(paraLines), len(p2))
	if len(p2) != 22 {
		t.Errorf("page 2 has %d lines, want 22", len(p2))
	}
	for i := 1; i < len(p2); i++ {
		if d := p2[i].yMin - p2[i-1].yMin; math.Abs(d-pitch) > 0.3 {
			t.Errorf("page 2 line %d: pitch %.2f pt, want %.2f", i+1, d, pitch)
		}
	}
	if len(p2) > 0 && p2[len(p2)-1].yMax > blockBottom {
		t.Errorf("page 2: last line ends at %.1f, below the text block (%.1f)", p2[len(p2)-1].yMax, blockBottom)
	}
	// Page 1: title, blank, addressee and body fill 22 grid lines too.
	p1 := body(pages[0])
	last := p1[len(p1)-1]
	if n := int(math.Round((last.yMin-p1[0].yMin)/pitch)) + 1; n != 22 {
		t.Errorf("page 1 spans %d grid lines, want 22", n)
	}

	// Page numbers: "— N —" in the footer, odd pages right, even left,
	// 1 character (14 pt) in; the line 7 mm below the text block.
	for i, p := range pages {
		var foot []bboxLine
		for _, l := range p.lines {
			if l.yMin >= blockBottom {
				foot = append(foot, l)
			}
		}
		if len(foot) != 1 {
			t.Errorf("page %d: %d footer lines, want 1", i+1, len(foot))
			continue
		}
		f := foot[0]
		m := pageNumRe.FindStringSubmatch(squeeze(f.text))
		if m == nil || m[1] != strconv.Itoa(i+1) {
			t.Errorf("page %d: footer %q, want — %d —", i+1, f.text, i+1)
		}
		if (i+1)%2 == 1 {
			if math.Abs(f.xMax-(blockRight-14)) > 1.5 {
				t.Errorf("page %d (odd): number ends at x=%.1f, want %.1f", i+1, f.xMax, blockRight-14)
			}
		} else if math.Abs(f.xMin-(blockLeft+14)) > 1.5 {
			t.Errorf("page %d (even): number starts at x=%.1f, want %.1f", i+1, f.xMin, blockLeft+14)
		}
		if gap := (f.yMin - blockBottom) / ptPerMM; gap < 6 || gap > 8 {
			t.Errorf("page %d: number line %.1f mm below the text block, want 7", i+1, gap)
		}
	}

	// The table continues over a page break with its header repeated.
	headerPages := 0
	for _, p := range pages {
		for _, l := range p.lines {
			if strings.HasPrefix(squeeze(l.text), "序号") {
				headerPages++
				break
			}
		}
	}
	if headerPages != 2 {
		t.Errorf("table header on %d pages, want 2 (repeated after the break)", headerPages)
	}

	// 版记 on the last page, its 印发 line ending at the text block's bottom.
	lastPage := pages[len(pages)-1]
	var printLine *bboxLine
	for i, l := range lastPage.lines {
		if strings.HasSuffix(squeeze(l.text), "印发") {
			printLine = &lastPage.lines[i]
		}
	}
	if printLine == nil {
		t.Errorf("last page has no 印发 line")
	} else if printLine.yMax > blockBottom+0.5 || printLine.yMax < blockBottom-pitch/2 {
		t.Errorf("印发 line ends at y=%.1f, want just above the text block bottom %.1f", printLine.yMax, blockBottom)
	}
}

// TestLibreOfficeBallot renders the A5 ballot.
func TestLibreOfficeBallot(t *testing.T) {
	testenv.Tools(t, "libreoffice", "pdftotext")
	pages := bboxLayout(t, convertWithLibreOffice(t, render(t, ballotDocument())))
	if len(pages) != 1 {
		t.Fatalf("%d pages, want 1", len(pages))
	}
	if p := pages[0]; math.Abs(p.w-419.5) > 1 || math.Abs(p.h-595.3) > 1 {
		t.Errorf("page %.1f × %.1f pt, want A5", p.w, p.h)
	}
	var all strings.Builder
	for _, l := range pages[0].lines {
		all.WriteString(squeeze(l.text))
	}
	for _, s := range []string{"委员选票", "委员候选人", "说明："} {
		if !strings.Contains(all.String(), s) {
			t.Errorf("ballot lacks %q", s)
		}
	}
}
