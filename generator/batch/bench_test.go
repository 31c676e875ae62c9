package batch

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// variants writes n election files made from the three samples, each a
// branch of its own (names and short names numbered).
func variants(tb testing.TB, dir string, n int) []string {
	tb.Helper()
	samples := []struct{ file, name, short string }{
		{"donghua-community", "中共东华社区支部委员会", "东华社区党支部"},
		{"school-branch", "中共青松中学教工第一支部委员会", "青松中学教工第一党支部"},
		{"village-branch", "中共柳湾村支部委员会", "柳湾村党支部"},
	}
	var files []string
	for i := range n {
		s := samples[i%len(samples)]
		src, err := os.ReadFile(filepath.Join("../../samples", s.file+".toml"))
		if err != nil {
			tb.Fatal(err)
		}
		no := fmt.Sprintf("第%d", i+1)
		text := strings.Replace(string(src), `name = "`+s.name+`"`, `name = "`+strings.Replace(s.name, "支部委员会", no+"支部委员会", 1)+`"`, 1)
		text = strings.Replace(text, `short_name = "`+s.short+`"`, `short_name = "`+strings.Replace(s.short, "党支部", no+"党支部", 1)+`"`, 1)
		p := filepath.Join(dir, fmt.Sprintf("%03d-%s.toml", i+1, s.file))
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			tb.Fatal(err)
		}
		files = append(files, p)
	}
	return files
}

// BenchmarkBatch300 builds 300 branch elections (PDF and DOCX, 28 files
// each) and the 汇总 in one run, as `huanjie batch` does. One iteration is
// the whole batch: go test -run XXX -bench Batch300 -benchtime 1x ./generator/batch
func BenchmarkBatch300(b *testing.B) {
	in := b.TempDir()
	n := 300
	if s := os.Getenv("HUANJIE_BATCH_N"); s != "" {
		fmt.Sscan(s, &n)
	}
	files := variants(b, in, n)
	for i := 0; i < b.N; i++ {
		out := b.TempDir()
		r, err := Run(files, Options{Out: out, Formats: []string{"pdf", "docx"}, NoSystemFonts: true})
		if err != nil {
			b.Fatal(err)
		}
		if r.Refused() > 0 || len(r.Problems) > 0 || r.Stats.Complete != n {
			b.Fatalf("refused %d, problems %v, complete %d", r.Refused(), r.Problems, r.Stats.Complete)
		}
	}
}

func TestVariants(t *testing.T) {
	files := variants(t, t.TempDir(), 4)
	r, err := Run(files, Options{Out: t.TempDir(), NoSystemFonts: true})
	if err != nil {
		t.Fatal(err)
	}
	if r.Entries[3].Folder != "东华社区第4党支部" || r.Entries[3].FirstFinding() != "" || r.Stats.Complete != 4 {
		t.Errorf("variant 4: folder %q, finding %q, complete %d", r.Entries[3].Folder, r.Entries[3].FirstFinding(), r.Stats.Complete)
	}
}
