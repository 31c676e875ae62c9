package build

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"huanjie/internal/testenv"
)

// TestDocxMatchesPDF renders every document of the normative sample as
// DOCX and as PDF and checks, for each: pandoc reads back the same text as
// pdftotext gives for our PDF (white space and page numbers aside), and
// LibreOffice lays the DOCX out on as many pages as our PDF, within one.
// Ballots, whose DOCX must print as they are, must take exactly one page.
func TestDocxMatchesPDF(t *testing.T) {
	pandoc := testenv.Tool(t, "pandoc")
	soffice := testenv.Tool(t, "libreoffice")
	pdfinfo := testenv.Tool(t, "pdfinfo")
	e := loadSample(t, "donghua-community")
	outs, _ := buildAll(t, e, "pdf", "docx")
	dir := t.TempDir()
	pdfs := map[string][]byte{}
	var docxFiles []string
	for _, o := range outs {
		base := strings.TrimSuffix(filepath.Base(o.Path), filepath.Ext(o.Path))
		if strings.HasSuffix(o.Path, ".pdf") {
			pdfs[base] = o.Data
			continue
		}
		p := filepath.Join(dir, filepath.Base(o.Path))
		if err := os.WriteFile(p, o.Data, 0o644); err != nil {
			t.Fatal(err)
		}
		docxFiles = append(docxFiles, p)
	}
	args := append([]string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"), "--headless", "--convert-to", "pdf", "--outdir", filepath.Join(dir, "lo")}, docxFiles...)
	if out, err := exec.Command(soffice, args...).CombinedOutput(); err != nil {
		t.Fatalf("libreoffice: %v\n%s", err, out)
	}
	pagesRE := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`)
	pages := func(path string) int {
		out, err := exec.Command(pdfinfo, path).Output()
		if err != nil {
			t.Fatalf("pdfinfo %s: %v", path, err)
		}
		m := pagesRE.FindSubmatch(out)
		if m == nil {
			t.Fatalf("pdfinfo %s: no page count", path)
		}
		n, _ := strconv.Atoi(string(m[1]))
		return n
	}
	for _, f := range docxFiles {
		base := strings.TrimSuffix(filepath.Base(f), ".docx")
		t.Run(base, func(t *testing.T) {
			ours := filepath.Join(dir, base+".ours.pdf")
			os.WriteFile(ours, pdfs[base], 0o644)
			got := pages(filepath.Join(dir, "lo", base+".pdf"))
			want := pages(ours)
			if strings.HasSuffix(base, "选票") {
				// Our PDF holds every copy; the DOCX is the one sheet staff print from.
				if got != 1 {
					t.Errorf("DOCX ballot lays out on %d pages in LibreOffice, want 1", got)
				}
			} else if got < want-1 || got > want+1 {
				t.Errorf("DOCX lays out on %d pages in LibreOffice, our PDF has %d", got, want)
			}
			if strings.HasSuffix(base, "选票") || strings.Contains(base, "计票单") || strings.Contains(base, "报告单") {
				return // forms: cell order differs between the two readers
			}
			text, err := exec.Command(pandoc, "-f", "docx", "-t", "plain", "--wrap=none", f).Output()
			if err != nil {
				t.Fatalf("pandoc: %v", err)
			}
			d, p := normal(string(text)), normal(pdfText(t, pdfs[base], false))
			if d != p {
				i := 0
				for i < len(d) && i < len(p) && d[i] == p[i] {
					i++
				}
				t.Errorf("DOCX text differs from the PDF text at rune %d:\n docx …%s…\n  pdf …%s…", len([]rune(d[:i])), snippet(d, i), snippet(p, i))
			}
		})
	}
}

// normal keeps only the characters that carry text: no white space, no
// page numbers, no table rules pandoc draws, no fill-in underscores.
func normal(s string) string {
	s = pageNumberLine.ReplaceAllString(s, "")
	return strings.Map(func(r rune) rune {
		switch {
		case r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\u3000' || r == '\f':
			return -1
		case r == '-' || r == '+' || r == '|' || r == '=' || r == '_':
			return -1
		}
		return r
	}, s)
}

func snippet(s string, i int) string {
	b := max(0, i-30)
	e := min(len(s), i+30)
	return s[b:e]
}
