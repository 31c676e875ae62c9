package strokes

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"huanjie/internal/testenv"
)

// namesDir is shared/testdata/names, found relative to this file: the repo
// sits beside shared/.
func namesDir(t testing.TB) string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("runtime.Caller failed")
	}
	dir := filepath.Join(filepath.Dir(file), "..", "..", "..", "shared", "testdata", "names")
	testenv.Data(t, dir)
	return dir
}

// readList returns the names of one list file in published order.
func readList(t testing.TB, path string) []string {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		names = append(names, strings.Split(line, "\t")[0])
	}
	return names
}

func conventionOf(file string) Convention {
	if strings.HasPrefix(filepath.Base(file), "npc") {
		return NPC
	}
	return Party
}

func TestConformance(t *testing.T) {
	dir := namesDir(t)
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 20 {
		t.Fatalf("want 20 lists in %s, found %d", dir, len(files))
	}
	total := 0
	for _, f := range files {
		want := readList(t, f)
		c := conventionOf(f)
		total += len(want)
		t.Run(filepath.Base(f), func(t *testing.T) {
			for seed := uint64(1); seed <= 5; seed++ {
				got := slices.Clone(want)
				rand.New(rand.NewPCG(seed, 2026)).Shuffle(len(got), func(i, j int) { got[i], got[j] = got[j], got[i] })
				Sort(got, c)
				if !slices.Equal(got, want) {
					for i := range got {
						if got[i] != want[i] {
							lo := max(0, i-2)
							t.Fatalf("seed %d: first difference at %d: got %v, want %v", seed, i,
								got[lo:min(len(got), i+3)], want[lo:min(len(want), i+3)])
						}
					}
				}
			}
			// Adjacent pairs compare consistently with the published order.
			for i := 1; i < len(want); i++ {
				if d := Compare(want[i-1], want[i], c); d > 0 {
					t.Errorf("Compare(%s, %s) = %d, want <= 0", want[i-1], want[i], d)
				}
			}
		})
	}
	if total != 5162 {
		t.Errorf("lists hold %d names, want 5162", total)
	}
	t.Logf("%d lists, %d names reproduced exactly", len(files), total)
}

func TestListsHaveNoUnknownCharacters(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(namesDir(t), "*.txt"))
	for _, f := range files {
		for _, n := range readList(t, f) {
			if u := Unknown(n); len(u) != 0 {
				t.Errorf("%s: Unknown(%s) = %q", filepath.Base(f), n, string(u))
			}
		}
	}
}

func TestOrderCases(t *testing.T) {
	cases := []struct {
		name string
		c    Convention
		want []string // published order
	}{
		{"乙 (1 stroke) before 丁", Party, []string{"乙晓光", "丁学东"}},
		{"乙 before 丁 (npc)", NPC, []string{"乙", "丁"}},
		{"count then sequence", Party, []string{"刘通", "孙朋", "汪金平", "周陈", "嵇玉"}},
		{"single given name first", Party, []string{"王宁", "王凯", "王毅", "王小洪", "王广华"}},
		{"npc: no single-name rule", NPC, []string{"王洪祥", "王超", "王瑞贺", "王毅", "王巍"}},
		{"npc: 王光亚 王刚", NPC, []string{"王光亚", "王刚"}},
		{"longer names are not put last", Party, []string{"巴音朝鲁", "巴特尔"}},
		{"冯 (4 1…) before 永 (4 5…)", Party, []string{"陈冯富珍", "陈永川"}},
		{"transliterated names by characters", Party, []string{"阿华", "阿地里江·阿吉克力木", "阿沛·晋源"}},
		{"a dotted name has no single-character given name", Party, []string{"阿华", "阿·丁"}},
		{"hyphen as in the 2012/2013 lists", NPC, []string{"努尔·白克力", "努尔-白克力乙", "努尔·白克力甲"}},
		// 欧德华 has surname 欧, 欧阳丁丁 the compound surname 欧阳: the
		// shorter surname comes first although 阳 (6) has fewer strokes than 德 (15).
		{"compound surname counts as the surname", Party, []string{"欧德华", "欧阳坚", "欧阳丁丁", "欧阳明高"}},
		{"npc: compound surname is just characters", NPC, []string{"欧阳丁丁", "欧阳明高", "欧德华"}},
		{"compound surname, single given name first", Party, []string{"司马红", "司马一平", "诸葛亮", "诸葛宇杰"}},
		{"rare characters", Party, []string{"郭文奇", "訚柏", "涂更新"}},
		// Same count, same 横竖撇点折 sequence (see TestTieBreaks).
		{"干 before 于 (竖 before 竖钩)", Party, []string{"干以胜", "于文明", "于起龙"}},
		{"npc: 干 before 于", NPC, []string{"干以胜", "于文明", "于起龙"}},
		{"孔 before 巴, 次 before 衣 (左右 first)", Party, []string{"孔晓宏", "巴才洛", "次仁顿珠", "衣立东"}},
		{"rare 馼 as 马+文 (7)", NPC, []string{"马志武", "马馼", "马瑞文"}},
		{"padded names keep the single-name rule", Party, []string{"王　宁", "王 凯", "王小洪"}},
		{"duplicates stay", Party, []string{"王刚", "王刚", "王刚", "王刚甲"}},
		// 𠀀 has a count (2) but no sequence: after 丁 (2 strokes, known),
		// before 三 (3); Z has no count at all: after every character.
		{"unknown characters after known ones", Party, []string{"李一", "张丁", "张𠀀", "张三", "张Z"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			for seed := uint64(0); seed < 8; seed++ {
				got := slices.Clone(tc.want)
				rand.New(rand.NewPCG(seed, 7)).Shuffle(len(got), func(i, j int) { got[i], got[j] = got[j], got[i] })
				Sort(got, tc.c)
				if !slices.Equal(got, tc.want) {
					t.Fatalf("Sort = %v, want %v", got, tc.want)
				}
			}
			for i := 1; i < len(tc.want); i++ {
				a, b := tc.want[i-1], tc.want[i]
				if a == b {
					continue
				}
				if Compare(a, b, tc.c) >= 0 || Compare(b, a, tc.c) <= 0 {
					t.Errorf("Compare(%s, %s) = %d, Compare(%s, %s) = %d", a, b, Compare(a, b, tc.c), b, a, Compare(b, a, tc.c))
				}
			}
		})
	}
}

// TestTieBreaks checks which rule orders characters of equal count and
// equal 横竖撇点折 sequence, for the pairs published lists show.
func TestTieBreaks(t *testing.T) {
	seqOnce.Do(loadSeqs)
	cases := []struct {
		first, second rune
		by            rule
		where         string
	}{
		// 干以胜 before 于起龙 and 于文明 in published lists (issue 16):
		// 横 横 竖 against 横 横 竖钩.
		{'干', '于', byForm, "issue 16"},
		{'孔', '巴', byStructure, "cpc20_congress_delegates: 孔晓宏 巴才洛"},
		{'次', '衣', byStructure, "cpc20_congress_delegates: 次仁顿珠 衣立东"},
		{'叶', '申', byStructure, "cpc20_congress_delegates, Jiang Zemin funeral committee: 叶露中 申文"},
		{'田', '由', byCodePoint, "Jiang Zemin funeral committee: 田国立 由喜贵"},
	}
	for _, tc := range cases {
		d, by := compareChars(tc.first, tc.second)
		if d >= 0 || by != tc.by {
			t.Errorf("%c %c (%s): got %d by %v, want < 0 by %v", tc.first, tc.second, tc.where, d, by, tc.by)
		}
		if d, _ := compareChars(tc.second, tc.first); d <= 0 {
			t.Errorf("%c %c: not antisymmetric", tc.second, tc.first)
		}
	}
	// The reason for 干 before 于: the third stroke, 竖 against 竖钩.
	g, y := chars['干'], chars['于']
	if g.forms[:2] != y.forms[:2] || formNames[g.forms[2]-'a'] != "竖" || formNames[y.forms[2]-'a'] != "竖钩" {
		t.Errorf("干 %q, 于 %q: want equal first two strokes, then 竖 against 竖钩", g.forms, y.forms)
	}
}

func TestPartyVersusNPC(t *testing.T) {
	if Compare("王宁", "王小洪", Party) >= 0 {
		t.Error("party: 王宁 must come before 王小洪")
	}
	if Compare("王超", "王洪祥", NPC) <= 0 {
		t.Error("npc: 王超 must come after 王洪祥")
	}
	if Compare("王超", "王洪祥", Party) >= 0 {
		t.Error("party: 王超 (single given name) must come before 王洪祥")
	}
	if Compare("王刚", "王刚", Party) != 0 || Compare("王刚", "王刚", NPC) != 0 {
		t.Error("identical names must compare equal")
	}
}

func TestStrokes(t *testing.T) {
	cases := []struct {
		r     rune
		count int
		seq   string
	}{
		{'乙', 1, "5"}, {'丁', 2, "12"}, {'王', 4, "1121"}, {'永', 5, "45534"}, {'冯', 5, "41551"},
		{'女', 3, "531"}, {'陈', 7, "5215234"}, {'郑', 8, "43113452"}, {'黄', 11, "12212512134"},
		{'喆', 12, "121251121251"}, {'堃', 11, "41534153121"}, {'玥', 8, "11213511"},
		{'珺', 11, "11215113251"}, {'赟', 16, "4134112121542534"}, {'祎', 8, "45241152"},
		{'彧', 10, "1251153334"}, {'䶮', 9, "135341134"},
		{'訚', 10, "4254111251"}, {'馼', 7, "5514134"}, {'熺', 16, "4334121251431251"},
	}
	for _, tc := range cases {
		n, seq, ok := Strokes(tc.r)
		if !ok || n != tc.count || seq != tc.seq {
			t.Errorf("Strokes(%c) = %d, %q, %v; want %d, %q, true", tc.r, n, seq, ok, tc.count, tc.seq)
		}
	}
	// U+20000 has a Unihan count but no stroke sequence.
	if n, seq, ok := Strokes('𠀀'); ok || n != 2 || seq != "" {
		t.Errorf("Strokes(𠀀) = %d, %q, %v; want 2, \"\", false", n, seq, ok)
	}
	if n, seq, ok := Strokes('A'); ok || n != 0 || seq != "" {
		t.Errorf("Strokes(A) = %d, %q, %v; want 0, \"\", false", n, seq, ok)
	}
}

func TestUnknown(t *testing.T) {
	cases := []struct {
		name string
		want []rune
	}{
		{"张𠀀", []rune{'𠀀'}},
		{"张𠀀𠀁𠀀", []rune{'𠀀', '𠀁'}},
		{"喆堃玥珺赟祎彧䶮", nil},
		{"艾尔肯·吐尼亚孜", nil},
		{"努尔-白克力", nil},
		{"阿 沛•晋源", nil},
		{"Tom·李", []rune{'T', 'o', 'm'}},
		{"王\xff", []rune{utf8.RuneError}},
		{"", nil},
	}
	for _, tc := range cases {
		if got := Unknown(tc.name); !slices.Equal(got, tc.want) {
			t.Errorf("Unknown(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestParseConvention(t *testing.T) {
	for s, want := range map[string]Convention{"party": Party, "npc": NPC, " NPC ": NPC} {
		c, err := ParseConvention(s)
		if err != nil || c != want {
			t.Errorf("ParseConvention(%q) = %v, %v", s, c, err)
		}
	}
	_, err := ParseConvention("pinyin")
	if err == nil || !strings.Contains(err.Error(), "不认识的排序规则") || !strings.Contains(err.Error(), "pinyin") {
		t.Errorf("ParseConvention(pinyin) error = %v", err)
	}
	if Party.String() != "party" || NPC.String() != "npc" {
		t.Error("String() wrong")
	}
}

func BenchmarkSortDelegates(b *testing.B) {
	want := readList(b, filepath.Join(namesDir(b), "cpc20_congress_delegates.txt"))
	if len(want) != 2296 {
		b.Fatalf("%d delegates, want 2296", len(want))
	}
	shuffled := slices.Clone(want)
	rand.New(rand.NewPCG(1, 1)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	names := make([]string, len(want))
	b.ResetTimer()
	for b.Loop() {
		copy(names, shuffled)
		Sort(names, Party)
	}
	if !slices.Equal(names, want) {
		b.Fatal("delegates not in published order")
	}
}

func sign(x int) int {
	switch {
	case x < 0:
		return -1
	case x > 0:
		return 1
	}
	return 0
}

func FuzzCompare(f *testing.F) {
	for _, s := range [][2]string{
		{"王宁", "王小洪"}, {"欧阳坚", "欧德华"}, {"阿沛·晋源", "阿地里江·阿吉克力木"}, {"张𠀀", "张三"},
		{"\xff\xfe", "\xfe"}, {"", "·"}, {"努尔-白克力", "努尔·白克力"},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		for _, c := range []Convention{Party, NPC} {
			ab, ba := Compare(a, b, c), Compare(b, a, c)
			if sign(ab) != -sign(ba) {
				t.Fatalf("%v: Compare(%q, %q) = %d but Compare(%q, %q) = %d", c, a, b, ab, b, a, ba)
			}
			if (ab == 0) != (a == b) {
				t.Fatalf("%v: Compare(%q, %q) = %d", c, a, b, ab)
			}
			if Compare(a, a, c) != 0 {
				t.Fatalf("%v: Compare(%q, %q) != 0", c, a, a)
			}
			names := []string{b, a, b}
			Sort(names, c)
			if Compare(names[0], names[1], c) > 0 || Compare(names[1], names[2], c) > 0 {
				t.Fatalf("%v: Sort gave %q", c, names)
			}
		}
		Unknown(a)
		Unknown(b)
	})
}

// TestTable checks the committed table against the figures the generator
// printed for Unihan 15.0.0, cnchar-order 3.2.6 and cnchar-radical 3.2.6.
func TestTable(t *testing.T) {
	counts := 0
	for _, r := range countTable {
		for i := 0; i < len(r.data); i++ {
			if r.data[i] != ' ' {
				counts++
			}
		}
	}
	seqOnce.Do(loadSeqs)
	mismatch := ""
	for r, c := range chars {
		if strings.Trim(c.seq, "12345") != "" || c.seq == "" || len(c.forms) != len(c.seq) {
			t.Errorf("sequence of %c = %q, forms %q", r, c.seq, c.forms)
		}
		if c.structure < '1' || c.structure > '3' {
			t.Errorf("structure of %c = %q", r, c.structure)
		}
		if n, _, ok := Strokes(r); !ok {
			t.Errorf("%c has a sequence but no count", r)
		} else if n != len(c.seq) {
			mismatch += string(r)
		}
	}
	if unicodeVersion != "15.0.0" || cncharOrderVersion != "3.2.6" || cncharRadicalVersion != "3.2.6" {
		t.Skipf("table built from Unicode %s / cnchar-order %s / cnchar-radical %s: figures below are for 15.0.0 / 3.2.6 / 3.2.6",
			unicodeVersion, cncharOrderVersion, cncharRadicalVersion)
	}
	if counts != 98060 || len(chars) != 6943 || len(formClass) != 18 {
		t.Errorf("table has %d counts, %d sequences and %d stroke forms, want 98060, 6943 and 18", counts, len(chars), len(formClass))
	}
	if m := []rune(mismatch); len(m) != 2 || !slices.Contains(m, '囍') || !slices.Contains(m, '皙') {
		t.Errorf("count ≠ sequence length for %q, want 囍 皙", mismatch)
	}
}
