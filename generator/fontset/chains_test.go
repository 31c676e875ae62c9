package fontset

import (
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"huanjie/generator/doc"
)

// TestChainsSubset cuts, per role, the faces the chains pick (embedded
// ones and a face extracted from a collection in Options.Dir) down to the
// glyphs of a line with per-character fallback, as the PDF writer embeds
// them, and reads every character back from the subsets.
func TestChainsSubset(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "simsun.ttc"),
		buildTTC(t, embedded(t, "NotoSansSC_400Regular-gb2312.ttf"), embedded(t, "gkai00mp-gb2312.ttf")))
	s, err := Load(Options{Dir: dir, NoSystem: true})
	if err != nil {
		t.Fatal(err)
	}
	lines := map[doc.Role]string{
		doc.XiaoBiaoSong: "中共某某支部委员会换届选举",
		doc.FangSong:     "候选人张喆、王堃、李玥、赵珺、孙𫖮",
		doc.HeiTi:        "一、选举办法 陈赟",
		doc.KaiTi:        "（一）计票 刘祎、周彧",
		doc.SongTi:       "— 1 — 䶮",
	}
	used := map[*Face][]rune{}
	var order []*Face
	for _, role := range doc.Roles {
		text := lines[role]
		if m := s.Missing(role, text); len(m) > 0 {
			t.Fatalf("%s: missing %q", role, string(m))
		}
		for _, r := range text {
			f := s.FaceFor(role, r)
			if used[f] == nil {
				order = append(order, f)
			}
			used[f] = append(used[f], r)
		}
	}
	if used[s.Chain(doc.SongTi)[0]] == nil || !strings.HasSuffix(s.Chain(doc.SongTi)[0].Source, "simsun.ttc#0") {
		t.Fatal("the extracted collection face was not used")
	}
	if len(order) < 5 {
		t.Errorf("only %d faces used", len(order))
	}
	for _, f := range order {
		checkSubset(t, f, used[f])
	}
}

// checkSubset subsets f to the glyphs of rs and checks that each character
// maps to its glyph in the subset, with its outline (spaces aside) and its
// advance.
func checkSubset(t *testing.T, f *Face, rs []rune) *Subset {
	t.Helper()
	g, err := f.Glyphs()
	if err != nil {
		t.Fatalf("%s: %v", f.Source, err)
	}
	var ids []uint16
	for _, r := range rs {
		id, ok := g.Glyph(r)
		if !ok {
			t.Fatalf("%s: no glyph for %c", f.Source, r)
		}
		ids = append(ids, id)
	}
	sub, err := f.Subset(ids)
	if err != nil {
		t.Fatalf("%s: %v", f.Source, err)
	}
	sf, err := sfnt.Parse(sub.Data)
	if err != nil {
		t.Fatalf("%s: subset does not parse: %v", f.Source, err)
	}
	var buf sfnt.Buffer
	for i, r := range rs {
		gi, err := sf.GlyphIndex(&buf, r)
		if want := sub.IDs[ids[i]]; err != nil || gi == 0 || uint16(gi) != want {
			t.Errorf("%s: %c maps to glyph %d in the subset, want %d (%v)", f.Source, r, gi, want, err)
			continue
		}
		if r != ' ' {
			if segs, err := sf.LoadGlyph(&buf, gi, 1000, nil); err != nil || len(segs) == 0 {
				t.Errorf("%s: outline of %c lost: %v", f.Source, r, err)
			}
		}
		// at ppem = unitsPerEm/64 pixels the advance comes back in font units
		adv, err := sf.GlyphAdvance(&buf, gi, fixed.Int26_6(g.UnitsPerEm), 0)
		if err != nil || int(adv) != g.Advance(ids[i]) {
			t.Errorf("%s: advance of %c is %d in the subset, want %d", f.Source, r, adv, g.Advance(ids[i]))
		}
	}
	return sub
}
