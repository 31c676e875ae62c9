package build

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"huanjie/generator/election"
	"huanjie/internal/testenv"
)

// TestDocxMatchesPDF renders every document of every sample — and the
// blank forms of each sample before its election — as DOCX and as PDF,
// lays the DOCX out with LibreOffice and checks, for each:
//   - a form (计票单, 报告单) takes as many pages as our PDF, a ballot
//     exactly one (our PDF holds every copy; the DOCX is the sheet staff
//     print from), other documents as many as our PDF within one;
//   - no line passes the right margin (184 mm on A4 公文), but for one
//     closing mark that LibreOffice hangs (see overhang);
//   - pandoc reads back the same text as pdftotext gives for our PDF
//     (white space and page numbers aside; for the normative sample's
//     documents other than forms, whose cells the two read in another
//     order).
func TestDocxMatchesPDF(t *testing.T) {
	pandoc := testenv.Tool(t, "pandoc")
	soffice := testenv.Tool(t, "libreoffice")
	testenv.Tools(t, "pdfinfo", "pdftotext")
	dir := t.TempDir()
	pdfs := map[string][]byte{}
	var docxFiles []string
	add := func(set string, outs []Output) {
		os.MkdirAll(filepath.Join(dir, set), 0o755)
		for _, o := range outs {
			base := set + "/" + strings.TrimSuffix(filepath.Base(o.Path), filepath.Ext(o.Path))
			if strings.HasSuffix(o.Path, ".pdf") {
				pdfs[base] = o.Data
				continue
			}
			p := filepath.Join(dir, base+".docx")
			if err := os.WriteFile(p, o.Data, 0o644); err != nil {
				t.Fatal(err)
			}
			docxFiles = append(docxFiles, p)
		}
	}
	for _, sample := range sampleNames(t) {
		outs, _ := buildAll(t, loadSample(t, sample), "pdf", "docx")
		add(sample, outs)
		var notes bytes.Buffer
		blank, err := Plan(beforeElection(t, sample), Options{Out: "out", Formats: []string{"pdf", "docx"}, NoSystemFonts: true, Only: []string{"ballot", "tally"}}, &notes)
		if err != nil {
			t.Fatalf("%s before the election: %v", sample, err)
		}
		add(sample+"-blank", blank)
	}
	// one LibreOffice process per folder (it converts into one directory)
	byDir := map[string][]string{}
	for _, f := range docxFiles {
		byDir[filepath.Dir(f)] = append(byDir[filepath.Dir(f)], f)
	}
	for d, fs := range byDir {
		args := append([]string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"), "--headless", "--convert-to", "pdf", "--outdir", filepath.Join(d, "lo")}, fs...)
		if out, err := exec.Command(soffice, args...).CombinedOutput(); err != nil {
			t.Fatalf("libreoffice: %v\n%s", err, out)
		}
	}
	for _, f := range docxFiles {
		set := filepath.Base(filepath.Dir(f))
		name := strings.TrimSuffix(filepath.Base(f), ".docx")
		base := set + "/" + name
		t.Run(base, func(t *testing.T) {
			ours := filepath.Join(dir, base+".ours.pdf")
			os.WriteFile(ours, pdfs[base], 0o644)
			lo := filepath.Join(filepath.Dir(f), "lo", name+".pdf")
			got, want := pdfPages(t, lo), pdfPages(t, ours)
			ballot := strings.HasSuffix(name, "选票")
			form := ballot || strings.Contains(name, "计票单") || strings.Contains(name, "报告单")
			switch {
			case ballot:
				if got != 1 {
					t.Errorf("DOCX ballot lays out on %d pages in LibreOffice, want 1", got)
				}
			case form:
				if got != want {
					t.Errorf("DOCX form lays out on %d pages in LibreOffice, our PDF has %d", got, want)
				}
			case got < want-1 || got > want+1:
				t.Errorf("DOCX lays out on %d pages in LibreOffice, our PDF has %d", got, want)
			}
			if !form {
				for i, ls := range bboxPages(t, lo) {
					for _, l := range ls {
						if over := l.XMax*25.4/72 - 184; over > 0.3 && !overhang(l.text(), over) {
							t.Errorf("page %d: a line ends %.1f mm past the right margin: %s", i+1, over, l.text())
						}
					}
				}
			}
			if form || set != "donghua-community" {
				// Forms: cell order differs between the two readers; so
				// it does in the other samples' wide tables (pdftotext
				// reads a column of one row after the next row's).
				return
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

// overhang reports a line that passes the margin by at most one em and
// ends with a closing mark: LibreOffice (7.4) hangs it past the margin
// whatever the DOCX says, because it imports w:overflowPunct inverted
// (writerfilter's DomainMapper sets ParaIsHangingPunctuation to
// val == 0). The DOCX asks for no hanging (w:overflowPunct w:val="0" in
// the Normal style, see generator/docx), which Word and WPS follow.
func overhang(line string, over float64) bool {
	r, _ := utf8.DecodeLastRuneInString(line)
	return over < 6 && strings.ContainsRune("，。、；：？！）》”’", r)
}

var pagesRE = regexp.MustCompile(`(?m)^Pages:\s+(\d+)`)

func pdfPages(t *testing.T, path string) int {
	t.Helper()
	out, err := exec.Command("pdfinfo", path).Output()
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

// beforeElection is a sample as it stands before its meeting: everything
// above the sample's after-election marker.
func beforeElection(t *testing.T, sample string) *election.Election {
	t.Helper()
	head, _, ok := strings.Cut(source(t, sample), "# ---------- 以下为选举后填写 ----------")
	if !ok {
		t.Fatalf("%s lost its after-election marker", sample)
	}
	p := filepath.Join(t.TempDir(), sample+".toml")
	os.WriteFile(p, []byte(head), 0o644)
	e, err := election.Load(p)
	if err != nil || e.Findings.HasErrors() {
		t.Fatalf("load %s before the election: %v %v", sample, err, e.Findings)
	}
	return e
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
