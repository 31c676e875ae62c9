// Package ofdread reads an OFD package back for tests: it follows every
// reference from OFD.xml down (document root, resources, templates, pages,
// fonts), checks that each resolves, that object IDs are unique and below
// MaxUnitID, that every embedded font parses and draws every character
// of the text set in it, and returns each page's text runs in painting
// order. It reads what huanjie's writer uses of GB/T 33190-2016, not the
// whole standard.
package ofdread

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"

	"golang.org/x/image/font/sfnt"
)

// Doc is a package read back.
type Doc struct {
	Info  Info
	Pages []Page
	Fonts map[int]*Font // by resource ID
	Files []string      // the zip's entries, in order
}

// Info is DocInfo.
type Info struct {
	DocID, Title, Author, Subject, CreationDate, ModDate, Creator string
	Keywords                                                      []string
}

// Font is an embedded font.
type Font struct {
	Name, Family, File string
	Face               *sfnt.Font
	NumGlyphs          int
}

// Page is one page: its size (mm) and its texts, the template's first.
type Page struct {
	Width, Height float64
	Texts         []Text
	Paths         int // path objects
}

// Text is one TextCode of a TextObject.
type Text struct {
	Font      int
	Size      float64 // mm
	X, Y      float64 // the first character's position on the page (mm), no CTM applied
	DeltaX    []float64
	Text      string
	Invisible bool // Fill="false"
	CTM       string
	Alpha     int // FillColor Alpha (255 when absent)
	Color     string
	CG        []CGTransform
}

// CGTransform maps characters of a TextCode to glyphs.
type CGTransform struct {
	CodePosition, CodeCount, GlyphCount int
	Glyphs                              []int
}

// String is the page's text, run after run.
func (p Page) String() string {
	var b strings.Builder
	for _, t := range p.Texts {
		b.WriteString(t.Text)
	}
	return b.String()
}

type reader struct {
	zip   map[string]*zip.File
	ids   map[int]string
	maxID int
}

// Read reads and checks an OFD package.
func Read(data []byte) (*Doc, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	r := &reader{zip: map[string]*zip.File{}, ids: map[int]string{}}
	d := &Doc{Fonts: map[int]*Font{}}
	for _, f := range zr.File {
		if r.zip[f.Name] != nil {
			return nil, fmt.Errorf("entry %s twice", f.Name)
		}
		r.zip[f.Name] = f
		d.Files = append(d.Files, f.Name)
	}

	var entry struct {
		XMLName xml.Name `xml:"OFD"`
		Version string   `xml:"Version,attr"`
		DocType string   `xml:"DocType,attr"`
		Body    []struct {
			Info struct {
				DocID, Title, Author, Subject, CreationDate, ModDate, Creator string
				Keywords                                                      []string `xml:"Keywords>Keyword"`
			} `xml:"DocInfo"`
			Root string `xml:"DocRoot"`
		} `xml:"DocBody"`
	}
	if err := r.xml("OFD.xml", &entry); err != nil {
		return nil, err
	}
	if entry.DocType != "OFD" || entry.Version == "" || len(entry.Body) != 1 {
		return nil, fmt.Errorf("OFD.xml: DocType %q, Version %q, %d DocBody", entry.DocType, entry.Version, len(entry.Body))
	}
	in := entry.Body[0].Info
	d.Info = Info{in.DocID, in.Title, in.Author, in.Subject, in.CreationDate, in.ModDate, in.Creator, in.Keywords}
	if len(d.Info.DocID) != 32 {
		return nil, fmt.Errorf("DocID %q is not 32 hex digits", d.Info.DocID)
	}
	root := entry.Body[0].Root
	dir := path.Dir(root)

	var document struct {
		Common struct {
			MaxUnitID   int    `xml:"MaxUnitID"`
			PhysicalBox string `xml:"PageArea>PhysicalBox"`
			PublicRes   []string
			DocumentRes []string
			Templates   []struct {
				ID      int    `xml:"ID,attr"`
				BaseLoc string `xml:"BaseLoc,attr"`
			} `xml:"TemplatePage"`
		} `xml:"CommonData"`
		Pages []struct {
			ID      int    `xml:"ID,attr"`
			BaseLoc string `xml:"BaseLoc,attr"`
		} `xml:"Pages>Page"`
	}
	if err := r.xml(root, &document); err != nil {
		return nil, err
	}
	r.maxID = document.Common.MaxUnitID
	w, h, err := box(document.Common.PhysicalBox)
	if err != nil {
		return nil, fmt.Errorf("%s: PageArea: %v", root, err)
	}
	for _, res := range append(document.Common.PublicRes, document.Common.DocumentRes...) {
		if err := r.res(path.Join(dir, res), d); err != nil {
			return nil, err
		}
	}
	tpls := map[int]Page{}
	for _, t := range document.Common.Templates {
		if err := r.id(t.ID, "template "+t.BaseLoc); err != nil {
			return nil, err
		}
		p, err := r.page(path.Join(dir, t.BaseLoc), d, nil)
		if err != nil {
			return nil, err
		}
		tpls[t.ID] = p
	}
	if len(document.Pages) == 0 {
		return nil, fmt.Errorf("%s: no pages", root)
	}
	for _, pg := range document.Pages {
		if err := r.id(pg.ID, "page "+pg.BaseLoc); err != nil {
			return nil, err
		}
		p, err := r.page(path.Join(dir, pg.BaseLoc), d, tpls)
		if err != nil {
			return nil, err
		}
		if p.Width == 0 {
			p.Width, p.Height = w, h
		}
		d.Pages = append(d.Pages, p)
	}
	return d, nil
}

func (r *reader) id(id int, what string) error {
	if id <= 0 {
		return fmt.Errorf("%s: ID %d", what, id)
	}
	if prev, ok := r.ids[id]; ok {
		return fmt.Errorf("ID %d of %s already used by %s", id, what, prev)
	}
	if id > r.maxID {
		return fmt.Errorf("ID %d of %s is above MaxUnitID %d", id, what, r.maxID)
	}
	r.ids[id] = what
	return nil
}

func (r *reader) read(name string) ([]byte, error) {
	f := r.zip[name]
	if f == nil {
		return nil, fmt.Errorf("%s is referenced but not in the package", name)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(rc)
}

func (r *reader) xml(name string, v any) error {
	b, err := r.read(name)
	if err != nil {
		return err
	}
	if err := xml.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %v", name, err)
	}
	return nil
}

func (r *reader) res(name string, d *Doc) error {
	var res struct {
		BaseLoc string `xml:"BaseLoc,attr"`
		Fonts   []struct {
			ID       int    `xml:"ID,attr"`
			FontName string `xml:"FontName,attr"`
			Family   string `xml:"FamilyName,attr"`
			File     string `xml:"FontFile"`
		} `xml:"Fonts>Font"`
	}
	if err := r.xml(name, &res); err != nil {
		return err
	}
	for _, f := range res.Fonts {
		if err := r.id(f.ID, "font "+f.FontName); err != nil {
			return err
		}
		if f.FontName == "" || f.File == "" {
			return fmt.Errorf("%s: font %d without FontName or FontFile", name, f.ID)
		}
		file := path.Join(path.Dir(name), res.BaseLoc, f.File)
		b, err := r.read(file)
		if err != nil {
			return err
		}
		face, err := sfnt.Parse(b)
		if err != nil {
			return fmt.Errorf("%s: %v", file, err)
		}
		d.Fonts[f.ID] = &Font{Name: f.FontName, Family: f.Family, File: file, Face: face, NumGlyphs: face.NumGlyphs()}
	}
	return nil
}

type xmlColor struct {
	Value string `xml:"Value,attr"`
	Alpha *int   `xml:"Alpha,attr"`
}

type xmlObjects struct {
	Texts []struct {
		ID        int      `xml:"ID,attr"`
		Boundary  string   `xml:"Boundary,attr"`
		Font      int      `xml:"Font,attr"`
		Size      float64  `xml:"Size,attr"`
		Fill      string   `xml:"Fill,attr"`
		CTM       string   `xml:"CTM,attr"`
		FillColor xmlColor `xml:"FillColor"`
		CG        []struct {
			CodePosition int    `xml:"CodePosition,attr"`
			CodeCount    int    `xml:"CodeCount,attr"`
			GlyphCount   int    `xml:"GlyphCount,attr"`
			Glyphs       string `xml:"Glyphs"`
		} `xml:"CGTransform"`
		Codes []struct {
			X      float64 `xml:"X,attr"`
			Y      float64 `xml:"Y,attr"`
			DeltaX string  `xml:"DeltaX,attr"`
			Text   string  `xml:",chardata"`
		} `xml:"TextCode"`
	} `xml:"TextObject"`
	Paths []struct {
		ID       int    `xml:"ID,attr"`
		Boundary string `xml:"Boundary,attr"`
		Data     string `xml:"AbbreviatedData"`
	} `xml:"PathObject"`
}

func (r *reader) page(name string, d *Doc, tpls map[int]Page) (Page, error) {
	var pg struct {
		Templates []struct {
			ID int `xml:"TemplateID,attr"`
		} `xml:"Template"`
		PhysicalBox string `xml:"Area>PhysicalBox"`
		Layers      []struct {
			ID int `xml:"ID,attr"`
			xmlObjects
		} `xml:"Content>Layer"`
	}
	var out Page
	if err := r.xml(name, &pg); err != nil {
		return out, err
	}
	if pg.PhysicalBox != "" {
		w, h, err := box(pg.PhysicalBox)
		if err != nil {
			return out, fmt.Errorf("%s: Area: %v", name, err)
		}
		out.Width, out.Height = w, h
	}
	for _, t := range pg.Templates {
		tp, ok := tpls[t.ID]
		if !ok {
			return out, fmt.Errorf("%s: template %d is not declared", name, t.ID)
		}
		out.Texts = append(out.Texts, tp.Texts...)
		out.Paths += tp.Paths
	}
	if len(pg.Templates) > 0 && tpls == nil {
		return out, fmt.Errorf("%s: a template page uses a template", name)
	}
	for _, l := range pg.Layers {
		if err := r.id(l.ID, name+" layer"); err != nil {
			return out, err
		}
		for _, p := range l.Paths {
			if err := r.id(p.ID, name+" path"); err != nil {
				return out, err
			}
			if _, _, err := box(p.Boundary); err != nil || !strings.HasPrefix(p.Data, "M ") {
				return out, fmt.Errorf("%s: path %d: Boundary %q, data %q", name, p.ID, p.Boundary, p.Data)
			}
			out.Paths++
		}
		for _, t := range l.Texts {
			if err := r.id(t.ID, name+" text"); err != nil {
				return out, err
			}
			f := d.Fonts[t.Font]
			if f == nil {
				return out, fmt.Errorf("%s: text %d: font %d is not declared", name, t.ID, t.Font)
			}
			bx, by, bw, bh, err := box4(t.Boundary)
			if err != nil || bw <= 0 || bh <= 0 || t.Size <= 0 {
				return out, fmt.Errorf("%s: text %d: Boundary %q, Size %v", name, t.ID, t.Boundary, t.Size)
			}
			var cgs []CGTransform
			mapped := map[int]bool{}
			for _, c := range t.CG {
				cg := CGTransform{CodePosition: c.CodePosition, CodeCount: c.CodeCount, GlyphCount: c.GlyphCount}
				for _, s := range strings.Fields(c.Glyphs) {
					g, err := strconv.Atoi(s)
					if err != nil || g <= 0 || g >= f.NumGlyphs {
						return out, fmt.Errorf("%s: text %d: glyph %q not in font %d", name, t.ID, s, t.Font)
					}
					cg.Glyphs = append(cg.Glyphs, g)
				}
				for k := 0; k < c.CodeCount; k++ {
					mapped[c.CodePosition+k] = true
				}
				cgs = append(cgs, cg)
			}
			if len(t.Codes) != 1 {
				return out, fmt.Errorf("%s: text %d: %d TextCode", name, t.ID, len(t.Codes))
			}
			c := t.Codes[0]
			dx, err := deltas(c.DeltaX)
			if err != nil {
				return out, fmt.Errorf("%s: text %d: DeltaX %q: %v", name, t.ID, c.DeltaX, err)
			}
			runes := []rune(c.Text)
			if len(dx) >= len(runes) && len(dx) > 0 {
				return out, fmt.Errorf("%s: text %d: %d DeltaX for %d characters", name, t.ID, len(dx), len(runes))
			}
			// every character draws a glyph of its font (or is mapped)
			var buf sfnt.Buffer
			for k, ch := range runes {
				if mapped[k] {
					continue
				}
				g, err := f.Face.GlyphIndex(&buf, ch)
				if err != nil || g == 0 {
					return out, fmt.Errorf("%s: text %d: %q (U+%04X) has no glyph in font %d (%s)", name, t.ID, ch, ch, t.Font, f.Name)
				}
			}
			alpha := 255
			if t.FillColor.Alpha != nil {
				alpha = *t.FillColor.Alpha
			}
			out.Texts = append(out.Texts, Text{Font: t.Font, Size: t.Size, X: bx + c.X, Y: by + c.Y, DeltaX: dx, Text: c.Text,
				Invisible: t.Fill == "false", CTM: t.CTM, Alpha: alpha, Color: t.FillColor.Value, CG: cgs})
		}
	}
	return out, nil
}

// deltas expands a DeltaX list ("g N v" repeats v N times).
func deltas(s string) ([]float64, error) {
	fs := strings.Fields(s)
	var out []float64
	for i := 0; i < len(fs); i++ {
		if fs[i] == "g" {
			if i+2 >= len(fs) {
				return nil, fmt.Errorf("g without count and value")
			}
			n, err := strconv.Atoi(fs[i+1])
			if err != nil {
				return nil, err
			}
			v, err := strconv.ParseFloat(fs[i+2], 64)
			if err != nil {
				return nil, err
			}
			for range n {
				out = append(out, v)
			}
			i += 2
			continue
		}
		v, err := strconv.ParseFloat(fs[i], 64)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

func box4(s string) (x, y, w, h float64, err error) {
	fs := strings.Fields(s)
	if len(fs) != 4 {
		return 0, 0, 0, 0, fmt.Errorf("box %q", s)
	}
	v := make([]float64, 4)
	for i, f := range fs {
		if v[i], err = strconv.ParseFloat(f, 64); err != nil {
			return
		}
	}
	return v[0], v[1], v[2], v[3], nil
}

func box(s string) (w, h float64, err error) {
	_, _, w, h, err = box4(s)
	if err == nil && (w <= 0 || h <= 0) {
		err = fmt.Errorf("empty box %q", s)
	}
	return
}
