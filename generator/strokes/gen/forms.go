package main

import (
	"fmt"
	"sort"
	"strings"
)

// The finer stroke forms and their order.
//
// 《GB13000.1字符集汉字字序（笔画序）规范》 (GF 3003-1999) orders characters
// of equal count and equal 横竖撇点折 sequence by their stroke forms, stroke
// by stroke: within 横, 竖 and 点 the main form (主笔形) comes before the
// subsidiary one (附笔形: 提, 竖钩, 捺); bent strokes (折笔) are ordered by
// 《GB13000.1字符集汉字折笔规范》 (GF 2001-2001): fewer bends (折数) first,
// then the parts before and after each bend, in the order 横 竖 撇 点.
//
// formKey gives every form a key whose string order is that order: the
// class digit (1–5), then for classes 1–4 0 for the main form and 1 for the
// subsidiary one, and for 折 the number of bends followed by one digit per
// part: 横 (or 提) 1, 竖 2, 撇 3, 点 (or 斜) 4, 钩 5; a 弯 counts as the
// direction it runs in (竖弯, 横折弯, 横撇弯钩: 横; 弯钩: 竖; 卧钩: 点).
var formKey = map[string]string{
	"横": "10", "提": "11",
	"竖": "20", "竖钩": "21",
	"撇": "30",
	"点": "40", "捺": "41",
	// 折, one bend
	"横折": "5112", "横撇": "5113", "横钩": "5115",
	"竖提": "5121", "竖折": "5121", "竖弯": "5121",
	"弯钩": "5125", "撇折": "5131", "撇点": "5134",
	"斜钩": "5145", "卧钩": "5145",
	// two bends
	"横折提": "52121", "横折弯": "52121", "横折折": "52121",
	"横折钩": "52125", "横斜钩": "52145",
	"竖折折": "52212", "竖折撇": "52213", "竖弯钩": "52215",
	// three and four bends
	"横折折折": "531212", "横折折撇": "531213", "横折弯钩": "531215",
	"横撇弯钩": "531315", "竖折折钩": "532125",
	"横折折折钩": "5412125",
}

// cncharForms corrects what cnchar-order's stroke table says a letter
// stands for, where its use says otherwise: the letter it names 横斜钩 (⺄,
// as in 风 飞 气) is also the 横折弯钩 of 乙 九 几 亿 凡 丸 乞; its 点2 (in 心
// 火 刃 写) is a 点.
var cncharForms = map[string]string{
	"横斜钩": "横斜钩|横折弯钩",
	"点2":  "点",
}

// A form is one stroke form of the generated table: the cnchar-order
// letters that stand for it and the forms they may be.
type form struct {
	letters string   // cnchar-order letters, in letter order
	names   []string // the forms these letters may stand for
	lo, hi  string   // smallest and largest key among names
}

// An alphabet is the stroke forms of the generated table, in their order:
// form i is written as the byte 'a'+i.
type alphabet struct {
	forms    []form
	byLetter map[rune]byte // cnchar-order letter → table byte
}

// newAlphabet orders the forms of cnchar-order's letters. A letter that
// may stand for several forms (cnchar writes 横撇 and 横钩 with one letter)
// is as far as the data can tell equal to every form whose key lies between
// its alternatives, so overlapping letters are merged into one table form:
// the order stays a strict weak order, and pairs the data cannot tell apart
// fall through to the next stroke instead of being guessed.
func newAlphabet(letters map[rune]string) (*alphabet, error) {
	var fs []form
	for l, name := range letters {
		names := strings.Split(name, "|")
		if c, ok := cncharForms[name]; ok {
			names = strings.Split(c, "|")
		}
		f := form{letters: string(l), names: names}
		for _, n := range names {
			k, ok := formKey[n]
			if !ok {
				return nil, fmt.Errorf("笔形 %q 不在笔形排序表中", n)
			}
			if f.lo == "" || k < f.lo {
				f.lo = k
			}
			if k > f.hi {
				f.hi = k
			}
		}
		fs = append(fs, f)
	}
	sort.Slice(fs, func(i, j int) bool {
		return fs[i].lo < fs[j].lo || fs[i].lo == fs[j].lo && fs[i].letters < fs[j].letters
	})
	var merged []form
	for _, f := range fs {
		if n := len(merged); n > 0 && f.lo <= merged[n-1].hi {
			m := &merged[n-1]
			m.letters += f.letters
			m.names = append(m.names, f.names...)
			m.hi = max(m.hi, f.hi)
			continue
		}
		merged = append(merged, f)
	}
	for _, m := range merged {
		if m.lo[0] != m.hi[0] {
			return nil, fmt.Errorf("笔形 %v 跨了两类笔画", m.names)
		}
	}
	if len(merged) > 26 {
		return nil, fmt.Errorf("笔形有 %d 种，超过 26 种", len(merged))
	}
	a := &alphabet{forms: merged, byLetter: map[rune]byte{}}
	for i, f := range merged {
		for _, l := range f.letters {
			a.byLetter[l] = byte('a' + i)
		}
	}
	return a, nil
}

// encode maps a sequence of cnchar-order letters to table bytes.
func (a *alphabet) encode(letters string) (string, error) {
	var b strings.Builder
	for _, l := range letters {
		c, ok := a.byLetter[l]
		if !ok {
			return "", fmt.Errorf("未知笔画字母 %q", l)
		}
		b.WriteByte(c)
	}
	return b.String(), nil
}

// classes returns, for each table form in order, its class digit 1–5.
func (a *alphabet) classes() string {
	var b strings.Builder
	for _, f := range a.forms {
		b.WriteByte(f.lo[0])
	}
	return b.String()
}

// names returns the names of the table forms in order, the forms of a
// merged one joined by '|'.
func (a *alphabet) names() []string {
	var out []string
	for _, f := range a.forms {
		out = append(out, strings.Join(uniqueSorted(f.names), "|"))
	}
	return out
}

func uniqueSorted(ss []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		ki, kj := formKey[out[i]], formKey[out[j]]
		return ki < kj || ki == kj && out[i] < out[j]
	})
	return out
}
