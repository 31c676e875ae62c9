package build

import (
	"io"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"huanjie/internal/testenv"
)

// BenchmarkBuildSet builds the whole document set for the normative sample
// in one process (fonts parsed once and shared), as PDF and as PDF+DOCX.
func BenchmarkBuildSet(b *testing.B) {
	e := loadSample(b, "donghua-community")
	for _, bc := range []struct {
		name    string
		formats []string
	}{{"pdf", []string{"pdf"}}, {"pdf+docx", []string{"pdf", "docx"}}} {
		b.Run(bc.name, func(b *testing.B) {
			opt := Options{Out: "out", Formats: bc.formats, NoSystemFonts: true}
			if _, err := Plan(e, opt, io.Discard); err != nil { // warm the font cache
				b.Fatal(err)
			}
			b.ResetTimer()
			start := time.Now()
			var n int
			for i := 0; i < b.N; i++ {
				outs, err := Plan(e, opt, io.Discard)
				if err != nil {
					b.Fatal(err)
				}
				n = len(outs)
			}
			b.ReportMetric(float64(time.Since(start).Microseconds())/1000/float64(b.N), "ms/op")
			b.ReportMetric(float64(n), "files")
		})
	}
}

// BenchmarkLibreOfficeSet is the comparison the README quotes: LibreOffice
// headless converting the same set, written as DOCX, to PDF (one soffice
// process for the whole set, as a user would batch it). Run it beside
// BenchmarkBuildSet: go test -run XXX -bench 'Set' ./generator/build
func BenchmarkLibreOfficeSet(b *testing.B) {
	soffice := testenv.Tool(b, "libreoffice")
	e := loadSample(b, "donghua-community")
	dir := b.TempDir()
	outs, err := Plan(e, Options{Out: dir, Formats: []string{"docx"}, NoSystemFonts: true}, io.Discard)
	if err != nil {
		b.Fatal(err)
	}
	if err := Write(outs); err != nil {
		b.Fatal(err)
	}
	var files []string
	for _, o := range outs {
		files = append(files, o.Path)
	}
	profile := "-env:UserInstallation=file://" + filepath.Join(dir, "lo-profile")
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		args := append([]string{profile, "--headless", "--convert-to", "pdf", "--outdir", filepath.Join(dir, "pdf")}, files...)
		if out, err := exec.Command(soffice, args...).CombinedOutput(); err != nil {
			b.Fatalf("libreoffice: %v\n%s", err, out)
		}
	}
	b.ReportMetric(float64(time.Since(start).Microseconds())/1000/float64(b.N), "ms/op")
	b.ReportMetric(float64(len(files)), "files")
}
