// Command gen builds table.go for package strokes from two sources:
//
//   - stroke counts: Unihan kTotalStrokes from the Debian package unicode-data
//     (/usr/share/unicode/Unihan_IRGSources.txt.bz2); where two values are
//     given, the first (mainland, zh-Hans) one is taken;
//   - stroke sequences (横竖撇点折 as 1–5): the npm package cnchar-order,
//     fetched with `npm pack` at a pinned version and checked against its
//     pinned sha512 integrity;
//   - supplement.txt: a few name characters cnchar-order lacks, whose
//     sequences are joined from their components' cnchar-order sequences.
//
// Run it with `go generate ./generator/strokes`.
package main

import (
	"archive/tar"
	"bufio"
	"bytes"
	"compress/bzip2"
	"compress/gzip"
	"crypto/sha512"
	"encoding/base64"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"go/format"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

const (
	cncharVersion   = "3.2.6"
	cncharIntegrity = "sha512-xeW1MnQk9GLW9rOvgTtBLl9amyJ0MBKAuXGgbiAwC/n1MRLoxW4ZnjPL+isVsi0rV3QXlbiDQQKAnL6TsJNLhA=="
	defaultUnihan   = "/usr/share/unicode/Unihan_IRGSources.txt.bz2"
)

func main() {
	unihan := flag.String("unihan", defaultUnihan, "Unihan_IRGSources.txt.bz2")
	tgz := flag.String("cnchar", "", "cnchar-order-"+cncharVersion+".tgz (default: fetched with npm pack)")
	supp := flag.String("supplement", "gen/supplement.txt", "supplement file")
	out := flag.String("o", "table.go", "output Go file")
	flag.Parse()
	if err := run(*unihan, *tgz, *supp, *out); err != nil {
		fmt.Fprintln(os.Stderr, "生成笔画表失败：", err)
		os.Exit(1)
	}
}

func run(unihanPath, tgzPath, suppPath, outPath string) error {
	counts, uver, err := readUnihan(unihanPath)
	if err != nil {
		return err
	}
	if tgzPath == "" {
		dir, err := os.MkdirTemp("", "cnchar-order-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		cmd := exec.Command("npm", "pack", "cnchar-order@"+cncharVersion, "--pack-destination", dir, "--silent")
		cmd.Stderr = os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("npm pack cnchar-order@%s 失败：%v", cncharVersion, err)
		}
		tgzPath = filepath.Join(dir, "cnchar-order-"+cncharVersion+".tgz")
	}
	seqs, err := readCnchar(tgzPath)
	if err != nil {
		return err
	}
	nSeq := len(seqs)
	overrides, err := readSupplement(suppPath, seqs, counts)
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
	for r, s := range seqs {
		if counts[r] != len(s) {
			mismatch++
		}
	}

	src, err := render(counts, seqs, uver)
	if err != nil {
		return err
	}
	if err := os.WriteFile(outPath, src, 0o644); err != nil {
		return err
	}
	both := 0
	for r := range seqs {
		if counts[r] > 0 {
			both++
		}
	}
	fmt.Printf("写入 %s：%d 个字有笔画数（Unihan %s），%d 个字有笔顺（cnchar-order %s %d 个，补充 %d 个），两者皆有 %d 个；"+
		"笔画数取自笔顺长度 %d 个，笔画数与笔顺长度不一致 %d 个\n",
		outPath, len(counts), uver, len(seqs), cncharVersion, nSeq, len(seqs)-nSeq, both, derived, mismatch)
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

// strokeClass maps cnchar-order's stroke names to the five classes of
// 《GB13000.1字符集汉字笔顺规范》: 提 counts as 横, 竖钩 as 竖, 捺 as 点, every
// other bent stroke as 折.
func strokeClass(name string) byte {
	switch name {
	case "横", "提":
		return '1'
	case "竖", "竖钩":
		return '2'
	case "撇":
		return '3'
	case "点", "点2", "捺":
		return '4'
	}
	return '5'
}

// readCnchar reads the stroke sequences out of the cnchar-order tarball.
func readCnchar(path string) (map[rune]string, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("读不到 cnchar-order 包：%v", err)
	}
	sum := sha512.Sum512(raw)
	if got := "sha512-" + base64.StdEncoding.EncodeToString(sum[:]); got != cncharIntegrity {
		return nil, fmt.Errorf("cnchar-order 包校验值不符：%s", got)
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil, err
	}
	tr := tar.NewReader(zr)
	var js []byte
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		if h.Name == "package/cnchar.order.min.js" {
			if js, err = io.ReadAll(tr); err != nil {
				return nil, err
			}
		}
	}
	if js == nil {
		return nil, errors.New("cnchar-order 包里没有 cnchar.order.min.js")
	}
	// The bundle holds two JSON.parse('...') literals: character → stroke
	// letters, and letter → stroke description.
	var blobs []string
	rest := string(js)
	for {
		i := strings.Index(rest, "JSON.parse('")
		if i < 0 {
			break
		}
		rest = rest[i+len("JSON.parse('"):]
		j := strings.Index(rest, "')")
		if j < 0 {
			return nil, errors.New("cnchar.order.min.js 的 JSON 字面量没有结尾")
		}
		if strings.Contains(rest[:j], `\`) {
			return nil, errors.New("cnchar.order.min.js 的 JSON 字面量含转义，生成器需要更新")
		}
		blobs = append(blobs, rest[:j])
		rest = rest[j:]
	}
	if len(blobs) != 2 {
		return nil, fmt.Errorf("cnchar.order.min.js 里应有 2 个 JSON 字面量，实有 %d 个", len(blobs))
	}
	var orders map[string]string
	if err := json.Unmarshal([]byte(blobs[0]), &orders); err != nil {
		return nil, fmt.Errorf("笔顺表无法解析：%v", err)
	}
	var letters map[string]struct {
		Name string `json:"name"`
	}
	if err := json.Unmarshal([]byte(blobs[1]), &letters); err != nil {
		return nil, fmt.Errorf("笔画表无法解析：%v", err)
	}
	class := map[rune]byte{}
	for l, d := range letters {
		if utf8.RuneCountInString(l) != 1 || d.Name == "" {
			return nil, fmt.Errorf("笔画表条目异常：%q", l)
		}
		// "竖折撇|竖折折": alternatives share one letter and one class.
		var c byte
		for _, n := range strings.Split(d.Name, "|") {
			if c != 0 && strokeClass(n) != c {
				return nil, fmt.Errorf("笔画 %q 的类别不一致", d.Name)
			}
			c = strokeClass(n)
		}
		class[[]rune(l)[0]] = c
	}
	seqs := map[rune]string{}
	for ch, ls := range orders {
		if utf8.RuneCountInString(ch) != 1 || ls == "" {
			return nil, fmt.Errorf("笔顺表条目异常：%q", ch)
		}
		var b strings.Builder
		for _, l := range ls {
			c, ok := class[l]
			if !ok {
				return nil, fmt.Errorf("笔顺表里 %q 用了未知笔画字母 %q", ch, l)
			}
			b.WriteByte(c)
		}
		seqs[[]rune(ch)[0]] = b.String()
	}
	return seqs, nil
}

// readSupplement adds the supplement's characters to seqs and returns the
// count overrides.
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

func render(counts map[rune]int, seqs map[rune]string, uver string) ([]byte, error) {
	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by gen/main.go from Unihan %s kTotalStrokes and cnchar-order %s; DO NOT EDIT.\n\n", uver, cncharVersion)
	b.WriteString("package strokes\n\n")
	fmt.Fprintf(&b, "const unicodeVersion = %q\n\nconst cncharOrderVersion = %q\n\n", uver, cncharVersion)
	b.WriteString("// countTable holds ranges of code points with their stroke counts, one byte\n")
	b.WriteString("// per code point: ' '+count, or ' ' when the character has no count.\n")
	b.WriteString("var countTable = []countRange{\n")
	for _, r := range countRanges(counts) {
		fmt.Fprintf(&b, "{0x%X, ", r.lo)
		writeString(&b, string(r.data), 96)
		b.WriteString("},\n")
	}
	b.WriteString("}\n\n")

	rs := make([]rune, 0, len(seqs))
	for r := range seqs {
		rs = append(rs, r)
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i] < rs[j] })
	var sb strings.Builder
	for _, r := range rs {
		sb.WriteRune(r)
		sb.WriteString(seqs[r])
	}
	fmt.Fprintf(&b, "// seqTable holds %d characters in code point order, each followed by its\n", len(rs))
	b.WriteString("// stroke sequence in the digits 1–5 (横竖撇点折).\n")
	b.WriteString("const seqTable = ")
	writeString(&b, sb.String(), 96)
	b.WriteString("\n")
	return format.Source(b.Bytes())
}
