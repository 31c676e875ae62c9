package build

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"huanjie/internal/ofdread"
	"huanjie/internal/testenv"
)

// TestOFDMatchesPDF builds every document of every sample as PDF and OFD:
// the OFD reads back with every reference resolved and every font file
// present, parseable and drawing every character set in it (ofdread), and
// has the PDF's pages, each with the PDF's text in the same order
// (pdftotext -raw keeps the order of the content stream, which both
// writers take from the page model), white space aside.
func TestOFDMatchesPDF(t *testing.T) {
	tool := testenv.Tool(t, "pdftotext")
	for _, sample := range sampleNames(t) {
		outs, _ := buildAll(t, loadSample(t, sample), "pdf", "ofd")
		pdfs := map[string][]byte{}
		n := 0
		for _, o := range outs {
			if strings.HasSuffix(o.Path, ".pdf") {
				pdfs[strings.TrimSuffix(o.Path, ".pdf")] = o.Data
			}
		}
		for _, o := range outs {
			if !strings.HasSuffix(o.Path, ".ofd") {
				continue
			}
			n++
			name := sample + "/" + filepath.Base(o.Path)
			d, err := ofdread.Read(o.Data)
			if err != nil {
				t.Errorf("%s: %v", name, err)
				continue
			}
			f := filepath.Join(t.TempDir(), "doc.pdf")
			if err := os.WriteFile(f, pdfs[strings.TrimSuffix(o.Path, ".ofd")], 0o644); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command(tool, "-raw", "-enc", "UTF-8", f, "-").Output()
			if err != nil {
				t.Fatalf("pdftotext: %v", err)
			}
			pages := strings.Split(strings.TrimSuffix(string(out), "\f"), "\f")
			if len(pages) != len(d.Pages) {
				t.Errorf("%s: %d pages, the PDF has %d", name, len(d.Pages), len(pages))
				continue
			}
			for i, p := range pages {
				want, got := strings.Join(strings.Fields(p), ""), strings.Join(strings.Fields(d.Pages[i].String()), "")
				if got != want {
					k := 0
					for k < len(got) && k < len(want) && got[k] == want[k] {
						k++
					}
					t.Errorf("%s page %d: the OFD's text differs from the PDF's at byte %d:\n ofd …%s…\n pdf …%s…", name, i+1, k, snippet(got, k), snippet(want, k))
				}
			}
		}
		if n == 0 || n != len(pdfs) {
			t.Errorf("%s: %d OFD for %d PDF", sample, n, len(pdfs))
		}
	}
}
