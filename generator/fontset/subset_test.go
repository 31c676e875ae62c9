package fontset

import (
	"testing"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

func TestSubset(t *testing.T) {
	emb, err := embeddedFaces()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		file, text string
	}{
		{"FandolFang-Regular-gb2312.ttf", "中共东华社区支部委员会2024年，。"},
		{"gkai00mp-gb2312.ttf", "中共东华社区"},
		// 𫖮 𬍤 𬌗 lie beyond the BMP (通用规范汉字表).
		{"NotoSerifSC_400Regular.ttf", "中共东华孙𫖮𬍤𬌗"},
	} {
		f := emb[tc.file]
		g, err := f.Glyphs()
		if err != nil {
			t.Fatal(err)
		}
		var ids []uint16
		for _, r := range tc.text {
			id, ok := g.Glyph(r)
			if !ok {
				t.Fatalf("%s has no glyph for %c", tc.file, r)
			}
			ids = append(ids, id)
		}
		sub, err := f.Subset(ids)
		if err != nil {
			t.Fatalf("%s: %v", tc.file, err)
		}
		if len(sub.Data) > len(f.Data)/4 {
			t.Errorf("%s: %d → %d bytes, expected a large reduction", tc.file, len(f.Data), len(sub.Data))
		}
		sf, err := sfnt.Parse(sub.Data)
		if err != nil {
			t.Fatalf("%s: subset does not parse: %v", tc.file, err)
		}
		var buf sfnt.Buffer
		for i, r := range []rune(tc.text) {
			gi, err := sf.GlyphIndex(&buf, r)
			want := sub.IDs[ids[i]]
			if err != nil || uint16(gi) != want || gi == 0 {
				t.Errorf("%s: %c maps to glyph %d in the subset, want %d (%v)", tc.file, r, gi, want, err)
				continue
			}
			segs, err := sf.LoadGlyph(&buf, gi, 1000, nil)
			if err != nil || len(segs) == 0 {
				t.Errorf("%s: outline of %c lost: %v", tc.file, r, err)
			}
			// at ppem = unitsPerEm/64 pixels the advance comes back in font units
			adv, err := sf.GlyphAdvance(&buf, gi, fixed.Int26_6(g.UnitsPerEm), 0)
			if err != nil || int(adv) != g.Advance(ids[i]) {
				t.Errorf("%s: advance of %c is %d in the subset, want %d", tc.file, r, adv, g.Advance(ids[i]))
			}
		}
		t.Logf("%s: %d → %d bytes", tc.file, len(f.Data), len(sub.Data))
	}
}

func TestNonBMPCharacters(t *testing.T) {
	set, err := Load(Options{NoSystem: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range "𫖮𬍤𬌗" {
		if f := set.FaceFor(0, r); f == nil {
			t.Errorf("no face for %c (U+%X)", r, r)
		}
	}
	if m := set.Missing(0, "孙𫖮"); len(m) != 0 {
		t.Errorf("Missing(孙𫖮) = %q, want none", string(m))
	}
}
