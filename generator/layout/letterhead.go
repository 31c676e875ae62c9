package layout

import (
	"math"

	"huanjie/generator/doc"
	"huanjie/generator/page"
)

// letterhead sets the 版头: the red 发文机关标志 with its top edge 35 mm below
// the top of the block, the 发文字号 (and 签发人) two lines below it, the red
// rule 4 mm below the 发文字号; the title then starts two lines below the rule.
func (c *composer) letterhead(lh *doc.Letterhead) {
	organ := lh.Organ
	if organ != "" {
		n := Width(organ)
		size := math.Min(blockW/n*0.98, 52)
		s := c.shape(organ, doc.XiaoBiaoSong, size, 0)
		ln := oneLine(s, 0, doc.AlignCenter)
		yTop := top + 35*mm
		c.add(c.textLine(s, ln, left, yTop+0.88*size, page.Red)...)
		bottom := yTop + size
		// first grid line below the mark, then two blank lines
		c.line = math.Ceil((bottom-top)/pitch-1e-6) + 2
	}
	size := BodySize
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
			s := c.shape(text, doc.FangSong, size, Tracking)
			// the names in 楷体
			kai := c.shape(text, doc.KaiTi, size, Tracking)
			for j := 4; j < len(s.items); j++ {
				s.items[j], s.glyphs[j] = kai.items[j], kai.glyphs[j]
			}
			c.emit(s, oneLine(s, CharPitch, doc.AlignRight), left, c.line, page.Black)
			numLine = c.line
			c.line++
		}
		if lh.Number != "" {
			s, ln := c.single(lh.Number, doc.FangSong, size, CharPitch, doc.AlignLeft)
			c.emit(s, ln, left, numLine, page.Black)
		}
	} else if lh.Number != "" {
		numLine = c.line
		c.centredLine(lh.Number, doc.FangSong, size, page.Black)
	}
	var ruleY float64
	if numLine >= 0 {
		ruleY = baseline(numLine, size) + 0.12*size + 4*mm
	} else {
		ruleY = top + c.line*pitch
	}
	c.add(&page.Rule{X1: left, Y1: ruleY, X2: left + blockW, Y2: ruleY, Width: 0.35 * mm * 1.5, Color: page.Red})
	c.line = math.Ceil((ruleY-top)/pitch-1e-6) + 2
}
