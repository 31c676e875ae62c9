package pdf

import (
	"os"
	"testing"

	"golang.org/x/image/font/sfnt"
)

func TestEmptyUnused(t *testing.T) {
	for _, name := range []string{"FandolFang-Regular-gb2312.ttf", "NotoSerifSC_400Regular.ttf", "gkai00mp-gb2312.ttf"} {
		data, err := os.ReadFile("../../fonts/" + name)
		if err != nil {
			t.Fatal(err)
		}
		small, err := emptyUnused(data, []rune("中共东华社区支部委员会2024年"))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(small) > len(data)/4 {
			t.Errorf("%s: %d → %d bytes, expected a large reduction", name, len(data), len(small))
		}
		f, err := sfnt.Parse(small)
		if err != nil {
			t.Fatalf("%s: reduced font does not parse: %v", name, err)
		}
		var buf sfnt.Buffer
		for _, r := range "中共东华" {
			gi, err := f.GlyphIndex(&buf, r)
			if err != nil || gi == 0 {
				t.Errorf("%s: %c lost", name, r)
				continue
			}
			segs, err := f.LoadGlyph(&buf, gi, 1000, nil)
			if err != nil || len(segs) == 0 {
				t.Errorf("%s: outline of %c lost: %v", name, r, err)
			}
		}
		t.Logf("%s: %d → %d bytes", name, len(data), len(small))
	}
}
