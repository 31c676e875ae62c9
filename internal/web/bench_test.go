package web

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"

	"huanjie/generator/election"
)

// benchPost answers one request the way the page sends it, in process.
func benchPost(b *testing.B, path string, body []byte) {
	h := Handler("127.0.0.1:80")
	b.ReportAllocs()
	for b.Loop() {
		req := httptest.NewRequest("POST", "http://127.0.0.1:80"+path, bytes.NewReader(body))
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code != http.StatusOK {
			b.Fatalf("%d %s", w.Code, w.Body)
		}
	}
}

// A keystroke: the form's values → election file → check.
func BenchmarkForm(b *testing.B) {
	src, _ := os.ReadFile(sample)
	l, err := election.Parse("sample.toml", src)
	if err != nil {
		b.Fatal(err)
	}
	body, _ := json.Marshal(map[string]any{"pairs": FromFile(&l.File)})
	benchPost(b, "/api/form", body)
}

// The preview of one document after a change.
func BenchmarkPreviewRequest(b *testing.B) {
	src, _ := os.ReadFile(sample)
	benchPost(b, "/api/document?only=request&file=换届选举请示", src)
}

func BenchmarkPreviewBallot(b *testing.B) {
	src, _ := os.ReadFile(sample)
	benchPost(b, "/api/document?only=ballot&file=委员选票", src)
}
