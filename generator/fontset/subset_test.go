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
		sub := checkSubset(t, f, []rune(tc.text))
		if len(sub.Data) > len(f.Data)/4 {
			t.Errorf("%s: %d → %d bytes, expected a large reduction", tc.file, len(f.Data), len(sub.Data))
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

// TestSubsetVariants: a squeezed mark's variant is a glyph of its own with
// the narrower advance and the original outline moved left.
func TestSubsetVariants(t *testing.T) {
	emb, err := embeddedFaces()
	if err != nil {
		t.Fatal(err)
	}
	f := emb["FandolFang-Regular-gb2312.ttf"]
	g, _ := f.Glyphs()
	open, _ := g.Glyph('（')
	box, _ := g.Ink(open)
	v := Variant{Glyph: open, Advance: g.Advance(open) / 2, Shift: g.Advance(open) / 2}
	sub, err := f.Subset([]uint16{open}, v)
	if err != nil {
		t.Fatal(err)
	}
	sf, err := sfnt.Parse(sub.Data)
	if err != nil {
		t.Fatalf("subset with a variant does not parse: %v", err)
	}
	var buf sfnt.Buffer
	id := sfnt.GlyphIndex(sub.Variants[0])
	adv, err := sf.GlyphAdvance(&buf, id, fixed.Int26_6(g.UnitsPerEm), 0)
	if err != nil || int(adv) != v.Advance {
		t.Errorf("variant advance %d (%v), want %d", adv, err, v.Advance)
	}
	segs, err := sf.LoadGlyph(&buf, id, fixed.Int26_6(g.UnitsPerEm), nil)
	if err != nil || len(segs) == 0 {
		t.Fatalf("variant outline: %v", err)
	}
	minX := fixed.Int26_6(1 << 30)
	for _, s := range segs {
		n := map[sfnt.SegmentOp]int{sfnt.SegmentOpMoveTo: 1, sfnt.SegmentOpLineTo: 1, sfnt.SegmentOpQuadTo: 2, sfnt.SegmentOpCubeTo: 3}[s.Op]
		for _, p := range s.Args[:n] {
			minX = min(minX, p.X)
		}
	}
	if want := box[0] - v.Shift; int(minX) != want {
		t.Errorf("variant ink starts at %d, want %d (moved %d left)", minX, want, v.Shift)
	}
}
