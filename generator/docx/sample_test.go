package docx

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestWriteSamples writes the test documents to $DOCX_SAMPLE_DIR (when set)
// for looking at them by hand.
func TestWriteSamples(t *testing.T) {
	dir := os.Getenv("DOCX_SAMPLE_DIR")
	if dir == "" {
		t.Skip("DOCX_SAMPLE_DIR not set")
	}
	for name, d := range map[string]any{"sample.docx": testDocument(), "ballot.docx": ballotDocument(), "letterhead.docx": letterheadDocument()} {
		var buf bytes.Buffer
		if err := Render(asDoc(d), &buf); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
