package pdf

import (
	"bytes"
	"strings"
	"testing"

	"huanjie/generator/doc"
	"huanjie/internal/pdfacheck"
	"huanjie/internal/testenv"
)

// TestPDFA checks the PDF/A-2b structure (internal/pdfacheck: XMP with
// pdfaid 2B equal to Info, sRGB OutputIntent, /ID, embedded fonts, qpdf
// --check) of a 公文, a draft (transparency) and a sheet of ballots (forms).
func TestPDFA(t *testing.T) {
	testenv.Tool(t, "qpdf")
	draft := reportDoc(2)
	draft.Draft = true
	for name, d := range map[string]*doc.Document{
		"sample": sampleDoc(), "draft": draft, "ballots": ballotDoc(2, 7, "A4"),
	} {
		probs, err := pdfacheck.Check(renderDoc(t, d))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, p := range probs {
			t.Errorf("%s: %s", name, p)
		}
	}
}

// TestPDFACheckFails makes sure the check sees what it checks: a file whose
// XMP claims another part, whose Info title differs from the XMP's, or
// which lacks its /ID is reported.
func TestPDFACheckFails(t *testing.T) {
	testenv.Tool(t, "qpdf")
	good := sample(t)
	for _, tc := range []struct{ from, to, want string }{
		{"<pdfaid:part>2<", "<pdfaid:part>1<", "part"},
		{"<pdfaid:conformance>B<", "<pdfaid:conformance>U<", "conformance"},
		{"<pdf:Producer>huanjie<", "<pdf:Producer>hxanjie<", "/Producer"},
		{"/ID[<", "/IX[<", "/ID"},
		{"/OutputIntents", "/OutputIntentx", "OutputIntent"},
	} {
		if !bytes.Contains(good, []byte(tc.from)) {
			t.Fatalf("%q not in the file", tc.from)
		}
		bad := bytes.Replace(good, []byte(tc.from), []byte(tc.to), 1)
		probs, err := pdfacheck.Check(bad)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(strings.Join(probs, "\n"), tc.want) {
			t.Errorf("%s → %s: not reported (%q)", tc.from, tc.to, probs)
		}
	}
}
