package ofd

import (
	"bytes"
	"fmt"
	"strconv"

	"huanjie/generator/fontset"
	"huanjie/generator/page"
	"huanjie/internal/detzip"
)

// Fonts are embedded as TrueType subsets of the glyphs the document draws
// (fontset.Subset), each with format 4 and 12 character maps, so a reader
// maps TextCode (Unicode, inside the BMP or beyond it) to the glyphs
// through the font's own cmap. A squeezed punctuation mark is drawn with
// its ordinary glyph placed by DeltaX (the PDF writer needs a narrower
// variant glyph only because PDF text extraction measures glyph boxes;
// OFD text is read from TextCode).

// font is one face as embedded in the package.
type font struct {
	id   int // resource ID
	face *fontset.Face
	g    *fontset.Glyphs
	sub  *fontset.Subset
	file string // name under Doc_0/Res/
}

// embedFonts subsets every face the document draws with and returns them
// by page.Document font index (nil for a face never drawn), and their files.
func embedFonts(d *page.Document, ids *counter) ([]*font, []detzip.File, error) {
	used := d.Glyphs()
	fonts := make([]*font, len(d.Fonts))
	var files []detzip.File
	for i, f := range d.Fonts {
		if len(used[i]) == 0 {
			continue
		}
		g, err := f.Glyphs()
		if err != nil {
			return nil, nil, fmt.Errorf("无法嵌入字体“%s”：%v", f.Family, err)
		}
		glyphs := make([]uint16, len(used[i]))
		for k, u := range used[i] {
			glyphs[k] = u.ID
		}
		sub, err := f.Subset(glyphs)
		if err != nil {
			return nil, nil, fmt.Errorf("无法嵌入字体“%s”：%v", f.Family, err)
		}
		id := ids.next()
		fonts[i] = &font{id: id, face: f, g: g, sub: sub, file: "Font_" + strconv.Itoa(id) + ".ttf"}
		files = append(files, detzip.File{Name: docDir + "Res/" + fonts[i].file, Data: sub.Data, Huffman: true})
	}
	return fonts, files, nil
}

// publicRes is PublicRes.xml: the fonts, their files under Res/.
func publicRes(fonts []*font) []byte {
	var b bytes.Buffer
	b.WriteString(header + `<ofd:Res ` + ns + ` BaseLoc="Res">`)
	open := false
	for _, f := range fonts {
		if f == nil {
			continue
		}
		if !open {
			b.WriteString("<ofd:Fonts>")
			open = true
		}
		b.WriteString(`<ofd:Font ID="` + strconv.Itoa(f.id) + `" FontName="`)
		escape(&b, f.face.Family)
		b.WriteString(`" FamilyName="`)
		escape(&b, f.face.Family)
		b.WriteString(`"`)
		if f.g.FixedPitch {
			b.WriteString(` FixedWidth="true"`)
		}
		b.WriteString(`><ofd:FontFile>` + f.file + `</ofd:FontFile></ofd:Font>`)
	}
	if open {
		b.WriteString("</ofd:Fonts>")
	}
	b.WriteString("</ofd:Res>\n")
	return b.Bytes()
}
