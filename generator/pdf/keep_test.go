package pdf_test

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"huanjie/generator/doc"
	"huanjie/generator/fontset"
	"huanjie/generator/layout"
	"huanjie/generator/pdf"
)

// Pages a 公文 reviewer passes, measured on the PDF: no page of running
// text ends with empty grid lines that the next page's first paragraph or
// heading could have filled under the keep rules Word applies (no single
// line of a paragraph alone at a page's foot or head; a heading with the
// first two lines of its paragraph, or all of a short one), and the
// signature shares its page with at least two lines of body.

// gridRow is one line of text on the 22-line grid of a page.
type gridRow struct {
	i      int     // grid line
	indent float64 // left edge from the block's left edge, in characters
	text   string
}

var (
	headingRE = regexp.MustCompile(`^(（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、|\d+\.|（\d+）)`)
	dateRE    = regexp.MustCompile(`^\d{4}年\d{1,2}月\d{1,2}日$`)
)

// gridPages reads the body lines of each page (page numbers left out).
func gridPages(t *testing.T, data []byte) [][]gridRow {
	top, left := layout.TopMM*layout.PtPerMM, layout.LeftMM*layout.PtPerMM
	bottom := top + layout.BlockHeight
	var out [][]gridRow
	for _, p := range words(t, data, 1000) {
		var rows []gridRow
		for _, w := range p.words {
			if w.y1 > bottom+2 {
				continue // the page number
			}
			i := int(math.Round(((w.y0+w.y1)/2-top)/layout.LinePitch - 0.5))
			ind := (w.x0 - left) / layout.CharPitch
			if n := len(rows); n > 0 && rows[n-1].i == i {
				if ind < rows[n-1].indent {
					rows[n-1].indent = ind
				}
				rows[n-1].text += w.text
				continue
			}
			rows = append(rows, gridRow{i: i, indent: ind, text: w.text})
		}
		sort.SliceStable(rows, func(a, b int) bool { return rows[a].i < rows[b].i })
		out = append(out, rows)
	}
	return out
}

// heading reports whether a line reads as a heading: numbered, not ending
// in punctuation like a list item.
func heading(text string) bool {
	r := []rune(text)
	return headingRE.MatchString(text) && !strings.ContainsRune("。；：，", r[len(r)-1])
}

func firstChunk(n int) int {
	if n <= 3 {
		return n
	}
	return 2
}

// keepFaults lists the page ends that break the rules above.
func keepFaults(t *testing.T, data []byte) []string {
	pages := gridPages(t, data)
	var faults []string
	starts := func(r gridRow) bool { return math.Abs(r.indent-2) < 0.3 } // first line of a paragraph or heading
	flush := func(r gridRow) bool { return math.Abs(r.indent) < 0.3 }
	for k := 0; k+1 < len(pages); k++ {
		cur, next := pages[k], pages[k+1]
		if len(cur) == 0 || len(next) == 0 {
			continue
		}
		empty := layout.LinesPerPage - 1 - cur[len(cur)-1].i
		if last := cur[len(cur)-1]; starts(last) && heading(last.text) {
			faults = append(faults, fmt.Sprintf("page %d ends with the heading %q", k+1, last.text))
		}
		first := next[0]
		if empty == 0 || first.i != 0 || strings.HasPrefix(first.text, "附件") {
			continue
		}
		signature := false
		for _, r := range next {
			signature = signature || dateRE.MatchString(r.text)
		}
		// the lines of the paragraph that opens the next page, after any headings
		h := 0
		for h < len(next) && starts(next[h]) && heading(next[h].text) {
			h++
		}
		n := 0
		if h < len(next) && (h == 0 || starts(next[h])) {
			n = 1
			for h+n < len(next) && flush(next[h+n]) && next[h+n].i == next[h].i+n {
				n++
			}
		}
		lead := n > 0 && strings.HasSuffix(next[h+n-1].text, "：") && (h+n == len(next) || !starts(next[h+n]))
		where := fmt.Sprintf("page %d ends with %d empty lines before %q", k+1, empty, first.text)
		switch {
		case signature:
			// the signature takes lines of body along to its page
		case flush(first):
			// a paragraph runs on: at most its one line held back (no lone last line)
			if empty > 1 {
				faults = append(faults, where)
			}
		case !starts(first) || n == 0 || lead:
			// a table, a centred line or a lead-in kept with its table:
			// not judged here
		case empty >= h+firstChunk(n):
			faults = append(faults, fmt.Sprintf("%s: %d heading lines and a %d-line paragraph would fit", where, h, n))
		}
	}
	// the signature shares its page with two lines of body
	for k, rows := range pages {
		for j, r := range rows {
			if !dateRE.MatchString(r.text) || j < 1 {
				continue
			}
			body := 0
			for _, b := range rows[:j-1] {
				if (starts(b) || flush(b)) && !heading(b.text) && !strings.HasPrefix(b.text, "附件") {
					body++
				}
			}
			if body < 2 {
				faults = append(faults, fmt.Sprintf("page %d: the signature has %d lines of body", k+1, body))
			}
		}
	}
	return faults
}

// TestKeepRulesLongReport sweeps a long report over the page: a lead-in
// of 0 to 21 lines moves every heading, short paragraph and signature
// through every position at a page's foot.
func TestKeepRulesLongReport(t *testing.T) {
	fs, err := fontset.Load(fontset.Options{NoSystem: true})
	if err != nil {
		t.Fatal(err)
	}
	para := func(chars int) string {
		return strings.Repeat("加强党的建设，", chars/7) + strings.Repeat("党", chars%7) + "。"
	}
	for lead := 0; lead < layout.LinesPerPage; lead++ {
		d := &doc.Document{Meta: doc.Meta{Title: "工作报告", Date: time.Date(2024, 7, 18, 0, 0, 0, 0, time.UTC)}}
		d.Blocks = append(d.Blocks, doc.Title{Phrases: []string{"工作报告"}}, doc.Addressee{Text: "同志们："})
		for i := 0; i < lead; i++ {
			d.Blocks = append(d.Blocks, doc.Paragraph{Text: para(20)})
		}
		for s, n := range []int{1, 2, 3, 4, 6, 9} {
			d.Blocks = append(d.Blocks,
				doc.Heading{Level: 1, Text: chineseNumerals[s] + "、第" + chineseNumerals[s] + "部分"},
				doc.Paragraph{Text: para(n*28 - 4)},
				doc.Heading{Level: 2, Text: "（一）工作情况"},
				doc.Heading{Level: 3, Text: "1.具体做法"},
				doc.Paragraph{Text: para(n*28 - 10)},
				doc.Paragraph{Text: para(3*28 - 3)},
			)
		}
		d.Blocks = append(d.Blocks, doc.Paragraph{Text: para(50)}, doc.Signature{Organ: "中共示例社区支部委员会", Date: "2024年7月18日"})
		var buf bytes.Buffer
		if err := pdf.Render(d, fs, &buf); err != nil {
			t.Fatal(err)
		}
		for _, f := range keepFaults(t, buf.Bytes()) {
			t.Errorf("lead-in of %d lines: %s", lead, f)
		}
	}
}

var chineseNumerals = []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}

// TestKeepRulesSamples checks every 公文 of the three samples.
func TestKeepRulesSamples(t *testing.T) {
	samples, _ := filepath.Glob("../../samples/*.toml")
	if len(samples) == 0 {
		t.Fatal("no samples")
	}
	for _, sample := range samples {
		b, err := os.ReadFile(sample)
		if err != nil {
			t.Fatal(err)
		}
		e := loadElection(t, string(b))
		for name, data := range mustBuild(t, e, 0) {
			if strings.Contains(name, "选票") || strings.HasSuffix(name, "单.pdf") {
				continue // forms
			}
			for _, f := range keepFaults(t, data) {
				t.Errorf("%s %s: %s", filepath.Base(sample), name, f)
			}
		}
	}
}
