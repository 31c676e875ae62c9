package pdf

import (
	"math"

	"codeberg.org/go-pdf/fpdf"

	"huanjie/generator/doc"
	"huanjie/generator/layout"
)

// letterhead sets the 版头: the red 发文机关标志 with its top edge 35 mm below
// the top of the block, the 发文字号 (and 签发人) two lines below it, the red
// rule 4 mm below the 发文字号; the title then starts two lines below the rule.
func (r *renderer) letterhead(lh *doc.Letterhead) {
	organ := lh.Organ
	if organ != "" {
		n := layout.Width(organ)
		size := math.Min(blockW/n*0.98, 52)
		s := r.shape(organ, doc.XiaoBiaoSong, size, 0)
		ln := layout.Line{Start: 0, End: len(s.items), Last: true, X: make([]float64, len(s.items))}
		naturalize(&ln, s, doc.AlignCenter, blockW)
		yTop := top + 35*mm
		r.add(textOp{y: yTop + 0.88*size, runs: r.runs(s, ln, left), color: red})
		bottom := yTop + size
		// first grid line below the mark, then two blank lines
		r.line = math.Ceil((bottom-top)/pitch-1e-6) + 2
	}
	size := layout.BodySize
	var numLine float64 = -1
	if len(lh.Signers) > 0 {
		// 上行文: 签发人 one character in from the right, two per line; the
		// 发文字号 one character in from the left on the last signer line.
		for i := 0; i < len(lh.Signers); i += 2 {
			names := lh.Signers[i:min(i+2, len(lh.Signers))]
			text := "签发人："
			sep := ""
			for _, nm := range names {
				text += sep + nm
				sep = "　"
			}
			s := r.shape(text, doc.FangSong, size, layout.Tracking)
			// the names in 楷体
			kai := r.shape(text, doc.KaiTi, size, layout.Tracking)
			for j := 4; j < len(s.items); j++ {
				s.items[j], s.glyphs[j] = kai.items[j], kai.glyphs[j]
			}
			ln := layout.Line{Start: 0, End: len(s.items), Last: true, X: make([]float64, len(s.items)), Indent: layout.CharPitch}
			naturalize(&ln, s, doc.AlignRight, blockW)
			r.emit(s, ln, left, r.line, black)
			numLine = r.line
			r.line++
		}
		if lh.Number != "" {
			s := r.shape(lh.Number, doc.FangSong, size, layout.Tracking)
			ln := layout.Line{Start: 0, End: len(s.items), Last: true, X: make([]float64, len(s.items)), Indent: layout.CharPitch}
			naturalize(&ln, s, doc.AlignLeft, blockW)
			r.emit(s, ln, left, numLine, black)
		}
	} else if lh.Number != "" {
		numLine = r.line
		r.centredLine(lh.Number, doc.FangSong, size, black)
	}
	var ruleY float64
	if numLine >= 0 {
		ruleY = baseline(numLine, size) + 0.12*size + 4*mm
	} else {
		ruleY = top + r.line*pitch
	}
	r.add(lineOp{x1: left, y1: ruleY, x2: left + blockW, y2: ruleY, w: 0.35 * mm * 1.5, color: red})
	r.line = math.Ceil((ruleY-top)/pitch-1e-6) + 2
}

// --- draft stamp ----------------------------------------------------------

type draftOp struct{}

// drawDraft writes a large, light, rotated 草稿 across the page.
func (r *renderer) drawDraft(pdf *fpdf.Fpdf, fam []string, st *drawState, _ draftOp) {
	s := r.shape("草稿", doc.HeiTi, 100, 0)
	if len(s.glyphs) == 0 || s.glyphs[0].face < 0 {
		return
	}
	w, h := pdf.GetPageSize()
	cx, cy := w/2, h/2
	pdf.TransformBegin()
	pdf.TransformRotate(35, cx, cy)
	pdf.SetAlpha(0.18, "Normal")
	pdf.SetTextColor(200, 0, 0)
	pdf.SetFont(fam[s.glyphs[0].face], "", 120)
	if st.tc != 0 {
		pdf.RawWriteStr("0 Tc")
		st.tc = 0
	}
	pdf.Text(cx-120, cy+42, "草稿")
	pdf.SetAlpha(1, "Normal")
	pdf.TransformEnd()
}
