package fontset

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"unicode/utf16"

	"golang.org/x/image/font/sfnt"

	"huanjie/fonts"
	"huanjie/generator/doc"
)

const rareNameChars = "喆堃玥珺赟祎彧䶮"

func loadNoSystem(t *testing.T) *Set {
	t.Helper()
	s, err := Load(Options{NoSystem: true})
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return s
}

func sources(c []*Face) []string {
	var out []string
	for _, f := range c {
		out = append(out, f.Source)
	}
	return out
}

func TestNoSystemChains(t *testing.T) {
	s := loadNoSystem(t)
	others := []string{"内置:NotoSerifSC_900Black-gb2312.ttf", "内置:FandolFang-Regular-gb2312.ttf",
		"内置:NotoSansSC_400Regular-gb2312.ttf", "内置:gkai00mp-gb2312.ttf"}
	want := map[doc.Role][]string{
		doc.XiaoBiaoSong: {others[0], "内置:NotoSerifSC_400Regular.ttf", others[1], others[2], others[3]},
		doc.FangSong:     {others[1], "内置:NotoSerifSC_400Regular.ttf", others[0], others[2], others[3]},
		doc.HeiTi:        {others[2], "内置:NotoSerifSC_400Regular.ttf", others[0], others[1], others[3]},
		doc.KaiTi:        {others[3], "内置:NotoSerifSC_400Regular.ttf", others[0], others[1], others[2]},
		doc.SongTi:       {"内置:NotoSerifSC_400Regular.ttf", others[0], others[1], others[2], others[3]},
	}
	for _, role := range doc.Roles {
		if got := sources(s.Chain(role)); !reflect.DeepEqual(got, want[role]) {
			t.Errorf("%s chain = %q, want %q", role, got, want[role])
		}
	}
	families := map[doc.Role]string{
		doc.XiaoBiaoSong: "Noto Serif SC Black", doc.FangSong: "FandolFang R", doc.HeiTi: "Noto Sans SC",
		doc.KaiTi: "AR PL KaitiM GB", doc.SongTi: "Noto Serif SC",
	}
	for role, fam := range families {
		if got := s.Chain(role)[0].Family; got != fam {
			t.Errorf("%s primary family = %q, want %q", role, got, fam)
		}
	}
	// Body text in the primary face: the stand-ins cover GB2312.
	for _, role := range doc.Roles {
		for _, r := range "中国共产党第一支部委员会换届选举（）、。《》1A" {
			if f := s.FaceFor(role, r); f != s.Chain(role)[0] {
				t.Errorf("%s: %q served by %v, want the primary face", role, r, f)
			}
		}
	}
}

func TestRareNameCharacters(t *testing.T) {
	s := loadNoSystem(t)
	fallback := "内置:NotoSerifSC_400Regular.ttf"
	for _, role := range doc.Roles {
		if m := s.Missing(role, "张"+rareNameChars+"李"); len(m) != 0 {
			t.Errorf("%s: missing %q", role, string(m))
		}
		for _, r := range rareNameChars {
			f := s.FaceFor(role, r)
			if f == nil {
				t.Fatalf("%s: no face for %q", role, r)
			}
			// The GB2312 stand-ins lack these; the full fallback has them all.
			if f.Source != fallback {
				t.Errorf("%s: %q served by %s, want %s", role, r, f.Source, fallback)
			}
		}
	}
	fandol := s.Chain(doc.FangSong)[0]
	for _, r := range rareNameChars {
		if fandol.Has(r) {
			t.Errorf("FandolFang subset unexpectedly has %q", r)
		}
	}
}

func TestMissing(t *testing.T) {
	s := loadNoSystem(t)
	got := s.Missing(doc.FangSong, "甲\U0010FFFD乙\n\t\U0010FFFD丙\U0001F100孙\U0002B5AE")
	// U+1F100 and 𫖮 (U+2B5AE) are in Noto Serif SC's format-12 cmap and
	// print like any other character; U+10FFFD is in no font.
	want := []rune{0x10FFFD}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Missing = %U, want %U", got, want)
	}
	if f := s.FaceFor(doc.HeiTi, 0x10FFFD); f != nil {
		t.Fatalf("FaceFor(U+10FFFD) = %s, want nil", f.Source)
	}
	if m := s.Missing(doc.SongTi, "第 1 页 — 2 —"); len(m) != 0 {
		t.Fatalf("page number text missing %q", string(m))
	}
}

func TestLoadCachedAndIDs(t *testing.T) {
	a := loadNoSystem(t)
	b := loadNoSystem(t)
	if a != b {
		t.Fatal("Load with the same options returned a different *Set")
	}
	ids := map[string]string{}
	for _, role := range doc.Roles {
		for _, f := range a.Chain(role) {
			id := f.ID()
			if id == "" || asciiID(id) != id {
				t.Errorf("%s: ID %q is not ASCII alphanumeric", f.Source, id)
			}
			if prev, ok := ids[id]; ok && prev != f.Source {
				t.Errorf("ID %q used by %s and %s", id, prev, f.Source)
			}
			ids[id] = f.Source
		}
	}
	if len(ids) != 5 {
		t.Errorf("%d distinct faces, want 5", len(ids))
	}
	if got := a.Chain(doc.FangSong)[0].ID(); got != "hjEFandolFangRegulargb2312" {
		t.Errorf("FandolFang ID = %q", got)
	}
}

func TestLoadBadDir(t *testing.T) {
	_, err := Load(Options{Dir: filepath.Join(t.TempDir(), "nope"), NoSystem: true})
	if err == nil || !strings.Contains(err.Error(), "不存在") {
		t.Fatalf("err = %v, want a Chinese 不存在 error", err)
	}
}

func embedded(t *testing.T, name string) []byte {
	t.Helper()
	b, ok := fonts.Bytes(name)
	if !ok {
		t.Fatalf("no embedded %s", name)
	}
	return append([]byte(nil), b...) // tests may modify their copy
}

// tablesOf returns a plain font's tables by tag.
func tablesOf(t *testing.T, font []byte) map[string][]byte {
	t.Helper()
	hs, err := readHeaders(bytesReaderAt(font), int64(len(font)))
	if err != nil {
		t.Fatal(err)
	}
	m := map[string][]byte{}
	for _, r := range hs[0].tables {
		m[r.tag] = font[r.offset : r.offset+r.length]
	}
	return m
}

// buildTTC writes a TrueType Collection (version 1) of the given plain
// fonts. Identical tables are stored once and shared, as real collections do.
func buildTTC(t *testing.T, faces ...[]byte) []byte {
	t.Helper()
	type face struct {
		version uint32
		tags    []string
		tables  map[string][]byte
	}
	var fs []face
	dirSize := 12 + 4*len(faces)
	for _, b := range faces {
		tb := tablesOf(t, b)
		var tags []string
		for tag := range tb {
			tags = append(tags, tag)
		}
		sort.Strings(tags)
		fs = append(fs, face{binary.BigEndian.Uint32(b), tags, tb})
		dirSize += 12 + 16*len(tags)
	}
	out := make([]byte, dirSize)
	copy(out, "ttcf")
	binary.BigEndian.PutUint32(out[4:], 0x00010000)
	binary.BigEndian.PutUint32(out[8:], uint32(len(faces)))
	stored := map[string]uint32{} // content → offset
	pos := 12 + 4*len(faces)
	for i, f := range fs {
		binary.BigEndian.PutUint32(out[12+4*i:], uint32(pos))
		binary.BigEndian.PutUint32(out[pos:], f.version)
		binary.BigEndian.PutUint16(out[pos+4:], uint16(len(f.tags)))
		for j, tag := range f.tags {
			data := f.tables[tag]
			off, ok := stored[string(data)]
			if !ok {
				off = uint32(len(out))
				stored[string(data)] = off
				out = append(out, data...)
				for len(out)%4 != 0 {
					out = append(out, 0)
				}
			}
			rec := out[pos+12+16*j:]
			copy(rec, tag)
			binary.BigEndian.PutUint32(rec[4:], checksum(data))
			binary.BigEndian.PutUint32(rec[8:], off)
			binary.BigEndian.PutUint32(rec[12:], uint32(len(data)))
		}
		pos += 12 + 16*len(f.tags)
	}
	return out
}

func TestExtractTTC(t *testing.T) {
	sans := embedded(t, "NotoSansSC_400Regular-gb2312.ttf")
	kai := embedded(t, "gkai00mp-gb2312.ttf")
	ttc := buildTTC(t, sans, kai)

	hs, err := readHeaders(bytesReaderAt(ttc), int64(len(ttc)))
	if err != nil {
		t.Fatal(err)
	}
	if len(hs) != 2 || hs[0].english != "Noto Sans SC" || hs[1].english != "AR PL KaitiM GB" || !hs[1].inTTC || hs[1].index != 1 {
		t.Fatalf("collection headers: %d faces, %q, %q", len(hs), hs[0].english, hs[1].english)
	}
	for i, orig := range [][]byte{sans, kai} {
		got, err := extractFace(ttc, i)
		if err != nil {
			t.Fatal(err)
		}
		if binary.BigEndian.Uint32(got) != 0x00010000 {
			t.Fatalf("face %d: sfnt version %x", i, got[:4])
		}
		if sum := checksum(got); sum != 0xB1B0AFBA {
			t.Errorf("face %d: whole-file checksum %#x, want 0xB1B0AFBA", i, sum)
		}
		want, have := tablesOf(t, orig), tablesOf(t, got)
		delete(want, "DSIG")
		if len(want) != len(have) {
			t.Errorf("face %d: %d tables, want %d", i, len(have), len(want))
		}
		for tag, data := range want {
			h := have[tag]
			if tag == "head" {
				// checkSumAdjustment (bytes 8–11) is recomputed.
				if !bytes.Equal(h[:8], data[:8]) || !bytes.Equal(h[12:], data[12:]) {
					t.Errorf("face %d: head differs beyond checkSumAdjustment", i)
				}
				continue
			}
			if !bytes.Equal(h, data) {
				t.Errorf("face %d: table %q differs", i, tag)
			}
		}
		fo, err := sfnt.Parse(orig)
		if err != nil {
			t.Fatal(err)
		}
		fx, err := sfnt.Parse(got)
		if err != nil {
			t.Fatalf("face %d: sfnt cannot parse the extracted face: %v", i, err)
		}
		var b1, b2 sfnt.Buffer
		for _, r := range "中国共产党换届选举喆A1，。" {
			g1, _ := fo.GlyphIndex(&b1, r)
			g2, _ := fx.GlyphIndex(&b2, r)
			if g1 != g2 {
				t.Errorf("face %d: %q glyph %d, want %d", i, r, g2, g1)
			}
		}
		if fx.NumGlyphs() != fo.NumGlyphs() {
			t.Errorf("face %d: %d glyphs, want %d", i, fx.NumGlyphs(), fo.NumGlyphs())
		}
	}
	if _, err := extractFace(ttc, 2); err == nil {
		t.Error("extractFace(ttc, 2) of a 2-face collection succeeded")
	}
	if got, err := extractFace(sans, 0); err != nil || &got[0] != &sans[0] {
		t.Error("extractFace of a plain font must return it unchanged")
	}
}

// TestSystemTTC extracts faces of real collections on this machine, if any,
// and cuts the usable (TrueType) ones down as the PDF writer embeds them.
func TestSystemTTC(t *testing.T) {
	var files []string
	for _, pat := range []string{"/usr/share/fonts/*/*/*.ttc", "/usr/share/fonts/*/*.ttc"} {
		m, _ := filepath.Glob(pat)
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Skip("no .ttc under /usr/share/fonts on this machine")
	}
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		hs, err := readHeaders(bytesReaderAt(b), int64(len(b)))
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		for i, h := range hs {
			if i > 0 && i < len(hs)-1 {
				continue // first and last face suffice; CFF collections parse slowly
			}
			face, err := extractFace(b, h.index)
			if err != nil {
				t.Fatalf("%s#%d: %v", p, h.index, err)
			}
			if _, err := sfnt.Parse(face); err != nil {
				t.Errorf("%s#%d: sfnt: %v", p, h.index, err)
			}
			if f, err := newFace(b, h.index, faceSource(p, h), originSystem); err == nil {
				checkSubset(t, f, []rune("中文"))
			}
		}
	}
}

func writeFile(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestUserDir(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "公文字体")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	// A renamed FandolFang as simfang.ttf: picked as the user's 仿宋 by file name.
	writeFile(t, filepath.Join(sub, "simfang.ttf"), embedded(t, "FandolFang-Regular-gb2312.ttf"))
	// A collection named simsun.ttc: its first face becomes the user's 宋体.
	writeFile(t, filepath.Join(dir, "simsun.ttc"),
		buildTTC(t, embedded(t, "NotoSansSC_400Regular-gb2312.ttf"), embedded(t, "gkai00mp-gb2312.ttf")))
	// Corrupt files: one named like a 黑体 font, one unknown; a CFF 楷体.
	writeFile(t, filepath.Join(dir, "simhei.ttf"), []byte("这不是字体文件"))
	writeFile(t, filepath.Join(dir, "broken.ttf"), append([]byte{0, 1, 0, 0, 0, 9}, make([]byte, 40)...))
	writeFile(t, filepath.Join(dir, "kaiti-cff.otf"), fakeFont(0x4F54544F, "KaiTi", "CFF "))
	writeFile(t, filepath.Join(dir, "readme.txt"), []byte("not a font"))

	s, err := Load(Options{Dir: dir, NoSystem: true})
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	fang := s.Chain(doc.FangSong)
	if want := filepath.Join(sub, "simfang.ttf"); fang[0].Source != want || fang[1].Source != "内置:FandolFang-Regular-gb2312.ttf" {
		t.Fatalf("仿宋 chain = %q, want %s first", sources(fang), want)
	}
	if fang[0].Family != "FandolFang R" || !strings.HasPrefix(fang[0].ID(), "hjUFandolFangR") || fang[0].ID() == fang[1].ID() {
		t.Errorf("user face family %q, ID %q", fang[0].Family, fang[0].ID())
	}
	song := s.Chain(doc.SongTi)
	if want := filepath.Join(dir, "simsun.ttc") + "#0"; song[0].Source != want || song[0].Family != "Noto Sans SC" {
		t.Fatalf("宋体 chain = %q, want %s first", sources(song), want)
	}
	if !bytes.Equal(song[0].Data[:4], []byte{0, 1, 0, 0}) || !song[0].Has('中') || song[0].Has('喆') {
		t.Error("extracted user face: wrong data or cmap")
	}
	if f := s.FaceFor(doc.SongTi, '喆'); f == nil || f.Source != "内置:NotoSerifSC_400Regular.ttf" {
		t.Errorf("宋体 喆 served by %v", f)
	}
	// 黑体 and 楷体 fall back to the embedded stand-ins.
	if got := s.Chain(doc.HeiTi)[0].Source; got != "内置:NotoSansSC_400Regular-gb2312.ttf" {
		t.Errorf("黑体 primary = %s", got)
	}
	// The collection's second face, AR PL KaitiM GB, has "kaiti" in its name:
	// in the user's own directory that is enough to serve 楷体 (loose match).
	if got := sources(s.Chain(doc.KaiTi))[:2]; got[0] != filepath.Join(dir, "simsun.ttc")+"#1" || got[1] != "内置:gkai00mp-gb2312.ttf" {
		t.Errorf("楷体 chain = %q", got)
	}

	rep := s.Report()
	byRole := map[doc.Role]RoleReport{}
	for _, r := range rep {
		byRole[r.Role] = r
	}
	findSkip := func(role doc.Role, path string) *SkipReport {
		for _, sk := range byRole[role].Skipped {
			if sk.Path == path {
				return &sk
			}
		}
		return nil
	}
	if sk := findSkip(doc.HeiTi, filepath.Join(dir, "simhei.ttf")); sk == nil || sk.Shared || !strings.Contains(sk.Reason, "损坏") {
		t.Errorf("simhei.ttf skip = %+v", sk)
	}
	if sk := findSkip(doc.KaiTi, filepath.Join(dir, "kaiti-cff.otf")); sk == nil || !strings.Contains(sk.Reason, "CFF") {
		t.Errorf("kaiti-cff.otf skip = %+v", sk)
	}
	for _, role := range doc.Roles {
		if sk := findSkip(role, filepath.Join(dir, "broken.ttf")); sk == nil || !sk.Shared {
			t.Errorf("%s: broken.ttf skip = %+v", role, sk)
		}
	}
	if sk := findSkip(doc.SongTi, filepath.Join(dir, "simsun.ttc")); sk != nil {
		t.Errorf("simsun.ttc reported as skipped: %+v", sk)
	}
	if sk := findSkip(doc.FangSong, filepath.Join(dir, "readme.txt")); sk != nil {
		t.Errorf("readme.txt examined: %+v", sk)
	}

	text := FormatReport(rep)
	for _, want := range []string{
		"仿宋\n  1. FandolFang R　用户字体　" + filepath.Join(sub, "simfang.ttf") + "\n  2. FandolFang R　内置替代字体　内置:FandolFang-Regular-gb2312.ttf\n",
		"  未使用的字体文件：\n    " + filepath.Join(dir, "simhei.ttf") + "：文件损坏或不是字体：",
		filepath.Join(dir, "kaiti-cff.otf") + "：CFF（PostScript）轮廓字体，暂不支持",
		"\n其他未使用的字体文件\n  " + filepath.Join(dir, "broken.ttf") + "：文件损坏或不是字体：",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("FormatReport lacks %q:\n%s", want, text)
		}
	}
	if n := strings.Count(text, "broken.ttf"); n != 1 {
		t.Errorf("broken.ttf listed %d times", n)
	}

	// Same options (relative spelling) → same set.
	wd, _ := os.Getwd()
	if rel, err := filepath.Rel(wd, dir); err == nil {
		if s2, err := Load(Options{Dir: rel, NoSystem: true}); err != nil || s2 != s {
			t.Errorf("Load with a relative Dir: %v, same=%v", err, s2 == s)
		}
	}
}

// TestSystemDirs checks that system directories come after Options.Dir and
// are ignored with NoSystem.
func TestSystemDirs(t *testing.T) {
	sys := t.TempDir()
	writeFile(t, filepath.Join(sys, "SIMKAI.TTF"), embedded(t, "gkai00mp-gb2312.ttf"))
	user := t.TempDir()
	writeFile(t, filepath.Join(user, "simkai.ttf"), embedded(t, "NotoSansSC_400Regular-gb2312.ttf"))
	old := systemDirs
	systemDirs = func() []string { return []string{sys, filepath.Join(sys, "missing")} }
	defer func() { systemDirs = old }()

	s, err := Load(Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := sources(s.Chain(doc.KaiTi))[:2]; got[0] != filepath.Join(sys, "SIMKAI.TTF") || got[1] != "内置:gkai00mp-gb2312.ttf" {
		t.Errorf("楷体 chain with system dir = %q", got)
	}
	if k := s.Report()[3]; k.Role != doc.KaiTi || k.Faces[0].Kind != "系统字体" {
		t.Errorf("report = %+v", k)
	}
	s, err = Load(Options{Dir: user})
	if err != nil {
		t.Fatal(err)
	}
	// Same rank: the user's file wins; the system one (same rank) is not added.
	if got := sources(s.Chain(doc.KaiTi))[:2]; got[0] != filepath.Join(user, "simkai.ttf") || got[1] != "内置:gkai00mp-gb2312.ttf" {
		t.Errorf("楷体 chain with user and system dirs = %q", got)
	}
	s, err = Load(Options{Dir: user, NoSystem: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range s.Chain(doc.KaiTi) {
		if strings.HasPrefix(f.Source, sys) {
			t.Errorf("NoSystem chain uses %s", f.Source)
		}
	}
}

func TestFormatReportNoSystem(t *testing.T) {
	got := FormatReport(loadNoSystem(t).Report())
	want := `各角色使用的字体（按回退顺序：逐字检查，前一个字体缺字时改用下一个）

小标宋
  1. Noto Serif SC Black　内置替代字体　内置:NotoSerifSC_900Black-gb2312.ttf
  2. Noto Serif SC　内置后备字体　内置:NotoSerifSC_400Regular.ttf
  3. FandolFang R　内置字体　内置:FandolFang-Regular-gb2312.ttf
  4. Noto Sans SC　内置字体　内置:NotoSansSC_400Regular-gb2312.ttf
  5. AR PL KaitiM GB　内置字体　内置:gkai00mp-gb2312.ttf

仿宋
  1. FandolFang R　内置替代字体　内置:FandolFang-Regular-gb2312.ttf
  2. Noto Serif SC　内置后备字体　内置:NotoSerifSC_400Regular.ttf
  3. Noto Serif SC Black　内置字体　内置:NotoSerifSC_900Black-gb2312.ttf
  4. Noto Sans SC　内置字体　内置:NotoSansSC_400Regular-gb2312.ttf
  5. AR PL KaitiM GB　内置字体　内置:gkai00mp-gb2312.ttf

黑体
  1. Noto Sans SC　内置替代字体　内置:NotoSansSC_400Regular-gb2312.ttf
  2. Noto Serif SC　内置后备字体　内置:NotoSerifSC_400Regular.ttf
  3. Noto Serif SC Black　内置字体　内置:NotoSerifSC_900Black-gb2312.ttf
  4. FandolFang R　内置字体　内置:FandolFang-Regular-gb2312.ttf
  5. AR PL KaitiM GB　内置字体　内置:gkai00mp-gb2312.ttf

楷体
  1. AR PL KaitiM GB　内置替代字体　内置:gkai00mp-gb2312.ttf
  2. Noto Serif SC　内置后备字体　内置:NotoSerifSC_400Regular.ttf
  3. Noto Serif SC Black　内置字体　内置:NotoSerifSC_900Black-gb2312.ttf
  4. FandolFang R　内置字体　内置:FandolFang-Regular-gb2312.ttf
  5. Noto Sans SC　内置字体　内置:NotoSansSC_400Regular-gb2312.ttf

宋体
  1. Noto Serif SC　内置替代字体　内置:NotoSerifSC_400Regular.ttf
  2. Noto Serif SC Black　内置字体　内置:NotoSerifSC_900Black-gb2312.ttf
  3. FandolFang R　内置字体　内置:FandolFang-Regular-gb2312.ttf
  4. Noto Sans SC　内置字体　内置:NotoSansSC_400Regular-gb2312.ttf
  5. AR PL KaitiM GB　内置字体　内置:gkai00mp-gb2312.ttf
`
	if got != want {
		t.Errorf("FormatReport:\n%s\nwant:\n%s", got, want)
	}
}

// fakeFont builds a minimal SFNT with a name table naming family and empty
// tables for the other tags.
func fakeFont(version uint32, family string, tags ...string) []byte {
	u := utf16.Encode([]rune(family))
	str := make([]byte, 2*len(u))
	for i, c := range u {
		binary.BigEndian.PutUint16(str[2*i:], c)
	}
	name := make([]byte, 6+12)
	binary.BigEndian.PutUint16(name[2:], 1)
	binary.BigEndian.PutUint16(name[4:], 18)
	rec := name[6:]
	binary.BigEndian.PutUint16(rec, 3)
	binary.BigEndian.PutUint16(rec[2:], 1)
	binary.BigEndian.PutUint16(rec[4:], 0x0409)
	binary.BigEndian.PutUint16(rec[6:], 1)
	binary.BigEndian.PutUint16(rec[8:], uint16(len(str)))
	name = append(name, str...)

	all := append([]string{"name"}, tags...)
	sort.Strings(all)
	out := make([]byte, 12+16*len(all))
	binary.BigEndian.PutUint32(out, version)
	binary.BigEndian.PutUint16(out[4:], uint16(len(all)))
	for i, tag := range all {
		data := []byte{0, 0, 0, 0}
		if tag == "name" {
			data = name
		}
		r := out[12+16*i:]
		copy(r, tag)
		binary.BigEndian.PutUint32(r[8:], uint32(len(out)))
		binary.BigEndian.PutUint32(r[12:], uint32(len(data)))
		out = append(out, data...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	return out
}

func TestConcurrentUse(t *testing.T) {
	done := make(chan []rune)
	for i := 0; i < 8; i++ {
		go func(i int) {
			s, err := Load(Options{NoSystem: true})
			if err != nil {
				done <- []rune{-1}
				return
			}
			role := doc.Roles[i%len(doc.Roles)]
			done <- s.Missing(role, "选举"+rareNameChars+"\U0010FFFD")
		}(i)
	}
	for i := 0; i < 8; i++ {
		if m := <-done; !reflect.DeepEqual(m, []rune{0x10FFFD}) {
			t.Errorf("Missing = %U", m)
		}
	}
}

func TestDecodeName(t *testing.T) {
	cases := []struct {
		platform, encoding uint16
		b                  []byte
		want               string
	}{
		{3, 1, []byte{0x4e, 0xff, 0x5b, 0x8b, 0, '_', 0, 'G', 0, 'B', 0, '2', 0, '3', 0, '1', 0, '2'}, "仿宋_GB2312"},
		{3, 3, []byte{0xb7, 0xc2, 0xcb, 0xce, 0, '_', 0, 'G', 0, 'B', 0, '2', 0, '3', 0, '1', 0, '2'}, "仿宋_GB2312"},
		{1, 25, []byte{0xb7, 0xbd, 0xd5, 0xfd, 0xd0, 0xa1, 0xb1, 0xea, 0xcb, 0xce, 0xbc, 0xf2, 0xcc, 0xe5}, "方正小标宋简体"},
		{1, 0, []byte("SimHei "), "SimHei"},
		{1, 0, []byte{'A', 0xe9}, ""},
		{3, 1, []byte{0x4e}, ""},
		{2, 1, []byte("x"), ""},
	}
	for _, c := range cases {
		if got := decodeName(c.platform, c.encoding, c.b); got != c.want {
			t.Errorf("decodeName(%d,%d,% x) = %q, want %q", c.platform, c.encoding, c.b, got, c.want)
		}
	}
}

func TestRoleRanks(t *testing.T) {
	h := func(names ...string) *faceHeader { return &faceHeader{names: names} }
	cases := []struct {
		h     *faceHeader
		base  string
		loose bool
		want  map[doc.Role]int
	}{
		{h("FangSong_GB2312", "仿宋_GB2312"), "", false, map[doc.Role]int{doc.FangSong: 0}},
		{h("FangSong"), "whatever", false, map[doc.Role]int{doc.FangSong: 1}},
		{h("STFangsong", "华文仿宋"), "", false, map[doc.Role]int{doc.FangSong: 2}},
		{h("FZXiaoBiaoSong-B05S"), "", false, map[doc.Role]int{doc.XiaoBiaoSong: 0}},
		{h("Some Font"), "fzxbsjw", false, map[doc.Role]int{doc.XiaoBiaoSong: 0}},
		{h("Some Font"), "楷体_gb2312", false, map[doc.Role]int{doc.KaiTi: 0}},
		{h("SimSun", "宋体"), "simsun", false, map[doc.Role]int{doc.SongTi: 0}},
		{h("Songti SC"), "", false, map[doc.Role]int{doc.SongTi: 1}},
		{h("Heiti SC"), "", false, map[doc.Role]int{doc.HeiTi: 1}},
		{h("方正仿宋_GBK"), "", false, map[doc.Role]int{}},
		{h("方正仿宋_GBK"), "", true, map[doc.Role]int{doc.FangSong: 3}},
		{h("方正书宋_GBK"), "", true, map[doc.Role]int{doc.SongTi: 2}},
		{h("Noto Serif CJK SC"), "notoserifcjk-regular", true, map[doc.Role]int{}},
	}
	for _, c := range cases {
		if got := roleRanks(c.h, c.base, c.loose); !reflect.DeepEqual(got, c.want) {
			t.Errorf("roleRanks(%q, %q, %v) = %v, want %v", c.h.names, c.base, c.loose, got, c.want)
		}
	}
}

func TestUnusable(t *testing.T) {
	tt := func(tags ...string) []tableRecord {
		var out []tableRecord
		for _, tag := range tags {
			out = append(out, tableRecord{tag: tag})
		}
		return out
	}
	full := tt("glyf", "loca", "cmap", "head", "hhea", "hmtx", "maxp", "name", "OS/2")
	cases := []struct {
		h    faceHeader
		want string // substring; "" = usable
	}{
		{faceHeader{version: tagV1, tables: full}, ""},
		{faceHeader{version: tagV1, tables: full, fsType: 0x0008}, ""},
		{faceHeader{version: tagV1, tables: full, fsType: 0x0002}, "不允许嵌入"},
		{faceHeader{version: tagV1, tables: full, fsType: 0x0200}, "不允许嵌入"},
		{faceHeader{version: tagOTTO, tables: tt("CFF ", "cmap", "name")}, "CFF"},
		{faceHeader{version: tagV1, tables: tt("CFF2", "cmap")}, "CFF2"},
		{faceHeader{version: tagV1, tables: tt("loca", "cmap", "head", "hhea", "hmtx", "maxp")}, "缺少 glyf 表"},
	}
	for i, c := range cases {
		got := c.h.unusable()
		if (c.want == "") != (got == "") || !strings.Contains(got, c.want) {
			t.Errorf("case %d: unusable() = %q, want %q", i, got, c.want)
		}
	}
}
