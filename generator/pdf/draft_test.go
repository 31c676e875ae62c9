package pdf

import (
	"bytes"
	"strings"
	"testing"

	"huanjie/generator/doc"
)

func TestDraftAndUnsealed(t *testing.T) {
	d := requestDoc()
	d.Draft = true
	d.Letterhead = &doc.Letterhead{Organ: "中共示例社区支部委员会", Number: "示社支〔2024〕3号", Signers: []string{"张喆"}}
	pdf := renderDoc(t, d)
	pages := bboxPages(t, pdf)
	// the stamp is diagonal, translucent text (pdftotext leaves it out, so
	// it never pollutes the extracted text): look for its graphics state
	if n := bytes.Count(pdf, []byte("/ca 0.18")); n < 1 {
		t.Error("no translucent 草稿 stamp")
	}
	// 上行文: 签发人 on the right, 发文字号 one character in on the left, same line
	var num, signer bLine
	for _, l := range pages[0].lines() {
		for _, w := range l.Words {
			if strings.Contains(w.Text, "〔2024〕") {
				num = bLine{bbox: w.bbox, Words: []bWord{w}}
			}
			if strings.Contains(w.Text, "签发人") {
				signer = bLine{bbox: w.bbox, Words: []bWord{w}}
			}
		}
	}
	if num.Words == nil || signer.Words == nil {
		t.Fatal("发文字号 or 签发人 missing")
	}
	if abs(num.YMax-signer.YMax) > 1 || abs(toMM(num.XMin)-28-toMM(15.79)) > 0.5 {
		t.Errorf("发文字号 at %.1f mm, 签发人 line y %.1f vs %.1f", toMM(num.XMin), num.YMax, signer.YMax)
	}
	// unsealed signature: organ ends 2 characters in from the right
	for _, p := range pages {
		for _, l := range p.lines() {
			for _, w := range l.Words {
				if w.Text == "中共示例社区支部委员会" && toMM(w.XMin) > 100 {
					if d := toMM(w.XMax) - (184 - 2*toMM(15.79)); abs(d) > 0.5 {
						t.Errorf("unsealed organ right edge off by %.2f mm", d)
					}
				}
			}
		}
	}
}
