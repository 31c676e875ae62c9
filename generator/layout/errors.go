package layout

import (
	"fmt"
	"strings"
)

// MissingGlyphError reports characters that no available font can draw.
// Nothing is written when it is returned.
type MissingGlyphError struct {
	Chars    []rune   // each missing character once, in order of first use
	Contexts []string // the texts they occur in (shortened), in order
}

// Code is the stable identifier of this error ("missing_glyph").
func (e *MissingGlyphError) Code() string { return "missing_glyph" }

func (e *MissingGlyphError) Error() string {
	cs := make([]string, len(e.Chars))
	for i, c := range e.Chars {
		cs[i] = fmt.Sprintf("“%c”（U+%04X）", c, c)
	}
	var b strings.Builder
	b.WriteString("没有任何可用字体包含以下字符：")
	b.WriteString(strings.Join(cs, "、"))
	if len(e.Contexts) > 0 {
		b.WriteString("；出现在：")
		qs := make([]string, len(e.Contexts))
		for i, c := range e.Contexts {
			qs[i] = "“" + c + "”"
		}
		b.WriteString(strings.Join(qs, "、"))
	}
	b.WriteString("。请安装包含这些字符的字体（或用 --fonts 指定字体目录），或改用其他写法。")
	return b.String()
}

// FormFitError reports text that does not fit its form cell at its size.
type FormFitError struct {
	Text string
}

// Code is the stable identifier of this error ("form_overflow").
func (e *FormFitError) Code() string { return "form_overflow" }

func (e *FormFitError) Error() string {
	return fmt.Sprintf("表格单元格放不下文字“%s”：请加大单元格或缩短文字（不会缩小字号）。", e.Text)
}

// context shortens s around position i (in runes) for an error message.
func context(s string, i int) string {
	rs := []rune(s)
	from, to := i-10, i+11
	if from < 0 {
		from = 0
	}
	if to > len(rs) {
		to = len(rs)
	}
	out := string(rs[from:to])
	if from > 0 {
		out = "…" + out
	}
	if to < len(rs) {
		out += "…"
	}
	return out
}
