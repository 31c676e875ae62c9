package fontset

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"

	"huanjie/generator/doc"
	"huanjie/internal/testenv"
)

// TestFPDFRendersChains draws a line per role with per-character fallback,
// using every face the chains pick (embedded ones and a face extracted from
// a collection in Options.Dir), and reads the text back with pdftotext.
func TestFPDFRendersChains(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "simsun.ttc"),
		buildTTC(t, embedded(t, "NotoSansSC_400Regular-gb2312.ttf"), embedded(t, "gkai00mp-gb2312.ttf")))
	s, err := Load(Options{Dir: dir, NoSystem: true})
	if err != nil {
		t.Fatal(err)
	}
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.AddPage()
	added := map[string]bool{}
	lines := map[doc.Role]string{
		doc.XiaoBiaoSong: "中共某某支部委员会换届选举",
		doc.FangSong:     "候选人张喆、王堃、李玥、赵珺",
		doc.HeiTi:        "一、选举办法 陈赟",
		doc.KaiTi:        "（一）计票 刘祎、周彧",
		doc.SongTi:       "— 1 — 䶮",
	}
	y := 20.0
	for _, role := range doc.Roles {
		text := lines[role]
		if m := s.Missing(role, text); len(m) > 0 {
			t.Fatalf("%s: missing %q", role, string(m))
		}
		x := 20.0
		for _, r := range text {
			f := s.FaceFor(role, r)
			if !added[f.ID()] {
				pdf.AddUTF8FontFromBytes(f.ID(), "", append([]byte(nil), f.Data...)) // fpdf writes into what it is given
				added[f.ID()] = true
			}
			pdf.SetFont(f.ID(), "", 16)
			pdf.Text(x, y, string(r))
			x += pdf.GetStringWidth(string(r))
		}
		y += 12
	}
	if !added[s.Chain(doc.SongTi)[0].ID()] || !strings.HasSuffix(s.Chain(doc.SongTi)[0].Source, "simsun.ttc#0") {
		t.Fatal("the extracted collection face was not used")
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatalf("fpdf: %v", err)
	}
	out := filepath.Join(t.TempDir(), "chains.pdf")
	writeFile(t, out, buf.Bytes())
	if keep := os.Getenv("FONTSET_KEEP_PDF"); keep != "" {
		writeFile(t, keep, buf.Bytes()) // for looking at the result by eye
	}

	tool := testenv.Tool(t, "pdftotext")
	txt, err := exec.Command(tool, out, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	got := strings.ReplaceAll(string(txt), " ", "")
	for _, role := range doc.Roles {
		if want := strings.ReplaceAll(lines[role], " ", ""); !strings.Contains(got, want) {
			t.Errorf("pdftotext lacks %q:\n%s", want, txt)
		}
	}
	fonts := testenv.Tool(t, "pdffonts")
	list, err := exec.Command(fonts, out).Output()
	if err != nil {
		t.Fatal(err)
	}
	// 5 embedded faces + the user's collection face, all CID TrueType.
	if n := strings.Count(string(list), "CID TrueType"); n != len(added) || n < 5 {
		t.Errorf("pdffonts lists %d CID TrueType fonts, %d added:\n%s", n, len(added), list)
	}
}

// TestFPDFSystemCollections loads every TrueType face of this machine's
// collections (e.g. fonts-wqy-zenhei, fonts-arphic-ukai) into fpdf, if any.
func TestFPDFSystemCollections(t *testing.T) {
	files, _ := filepath.Glob("/usr/share/fonts/truetype/*/*.ttc")
	if len(files) == 0 {
		t.Skip("no TrueType collections under /usr/share/fonts/truetype")
	}
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		hs, err := readHeaders(bytesReaderAt(b), int64(len(b)))
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range hs {
			f, err := newFace(b, h.index, faceSource(p, h), originSystem)
			if err != nil {
				t.Logf("%s#%d not usable: %v", p, h.index, err)
				continue
			}
			pdf := fpdf.New("P", "mm", "A4", "")
			pdf.AddPage()
			pdf.AddUTF8FontFromBytes(f.ID(), "", append([]byte(nil), f.Data...)) // fpdf writes into what it is given
			pdf.SetFont(f.ID(), "", 12)
			pdf.Text(10, 10, "中文")
			var buf bytes.Buffer
			if err := pdf.Output(&buf); err != nil {
				t.Errorf("%s: fpdf: %v", f.Source, err)
			}
			if !f.Has('中') {
				t.Errorf("%s: no 中", f.Source)
			}
		}
	}
}
