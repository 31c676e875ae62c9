// Package pdfacheck checks the structure PDF/A-2b (ISO 19005-2, level B)
// asks of a file, for tests: veraPDF, the reference validator, is a Java
// program that cannot be installed here (Maven Central is out of reach),
// so this reads the file through qpdf (--check, and --json for the object
// graph) and checks what the archival rules name: the header and version,
// the trailer's /ID, XMP metadata declaring pdfaid part 2 conformance B
// whose title, author, subject, keywords, tools and dates equal the Info
// dictionary's, an OutputIntent (GTS_PDFA1) embedding an RGB ICC profile,
// every font embedded (CID fonts with a CIDToGIDMap), no encryption.
package pdfacheck

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Check returns the PDF/A-2b problems of the file data (none when it
// conforms in the respects listed in the package comment). qpdf must be on
// the path.
func Check(data []byte) ([]string, error) {
	dir, err := os.MkdirTemp("", "pdfacheck")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	in := filepath.Join(dir, "in.pdf")
	if err := os.WriteFile(in, data, 0o644); err != nil {
		return nil, err
	}
	var probs []string
	bad := func(f string, a ...any) { probs = append(probs, fmt.Sprintf(f, a...)) }

	if out, err := exec.Command("qpdf", "--check", in).CombinedOutput(); err != nil {
		bad("qpdf --check: %v: %s", err, out)
	} else if bytes.Contains(out, []byte("WARNING")) {
		bad("qpdf --check warns: %s", out)
	}
	// header: %PDF-1.n (n ≥ 4), then a comment of four bytes above 127
	if !bytes.HasPrefix(data, []byte("%PDF-1.")) || len(data) < 16 || data[7] < '4' {
		bad("header %q: not PDF 1.4 or later", data[:min(len(data), 9)])
	} else if nl := bytes.IndexByte(data, '\n'); nl < 0 || data[nl+1] != '%' || data[nl+2] < 128 || data[nl+3] < 128 || data[nl+4] < 128 || data[nl+5] < 128 {
		bad("no binary comment line after the header")
	}
	if !bytes.HasSuffix(bytes.TrimRight(data, "\r\n"), []byte("%%EOF")) {
		bad("data after %%%%EOF")
	}

	js, err := exec.Command("qpdf", "--json", "--json-stream-data=inline", "--decode-level=generalized", in).Output()
	if err != nil {
		return probs, fmt.Errorf("qpdf --json: %v", err)
	}
	var doc struct {
		Qpdf []json.RawMessage `json:"qpdf"`
	}
	if err := json.Unmarshal(js, &doc); err != nil || len(doc.Qpdf) < 2 {
		return probs, fmt.Errorf("qpdf --json: %v", err)
	}
	var objs map[string]json.RawMessage
	if err := json.Unmarshal(doc.Qpdf[1], &objs); err != nil {
		return probs, err
	}
	g := graph{objs}

	trailer := g.dict(g.value("trailer"))
	if trailer["/Encrypt"] != nil {
		bad("the file is encrypted")
	}
	ids, _ := trailer["/ID"].([]any)
	if len(ids) != 2 || len(hexBytes(ids[0])) != 16 || len(hexBytes(ids[1])) != 16 {
		bad("trailer /ID is not two 16-byte strings: %v", trailer["/ID"])
	}
	info := g.dict(g.resolve(trailer["/Info"]))
	root := g.dict(g.resolve(trailer["/Root"]))

	// XMP
	meta, mdict := g.stream(root["/Metadata"])
	if meta == nil {
		bad("no XMP metadata stream in the catalog")
	} else {
		if mdict["/Type"] != "/Metadata" || mdict["/Subtype"] != "/XML" {
			bad("metadata stream is not /Type/Metadata /Subtype/XML")
		}
		x, err := parseXMP(meta)
		if err != nil {
			bad("XMP does not parse: %v", err)
		} else {
			if x.Part != "2" || x.Conformance != "B" {
				bad("XMP pdfaid part %q conformance %q, want 2 and B", x.Part, x.Conformance)
			}
			for _, c := range []struct{ key, xmp string }{
				{"/Title", x.Title}, {"/Author", x.Creator}, {"/Subject", x.Description},
				{"/Keywords", x.Keywords}, {"/Producer", x.Producer}, {"/Creator", x.CreatorTool},
			} {
				if v := text(info[c.key]); v != c.xmp {
					bad("Info %s %q differs from XMP %q", c.key, v, c.xmp)
				}
			}
			for _, c := range []struct{ key, xmp string }{{"/CreationDate", x.CreateDate}, {"/ModDate", x.ModifyDate}} {
				a, err1 := pdfDate(text(info[c.key]))
				b, err2 := time.Parse(time.RFC3339, c.xmp)
				if err1 != nil || err2 != nil || !a.Equal(b) {
					bad("Info %s %q differs from XMP %q", c.key, text(info[c.key]), c.xmp)
				}
			}
		}
	}

	// OutputIntent with an embedded RGB profile
	found := false
	intents, _ := g.resolve(root["/OutputIntents"]).([]any)
	for _, oi := range intents {
		d := g.dict(g.resolve(oi))
		if d["/S"] != "/GTS_PDFA1" {
			continue
		}
		icc, sd := g.stream(d["/DestOutputProfile"])
		switch {
		case icc == nil:
			bad("OutputIntent without DestOutputProfile")
		case len(icc) < 128 || string(icc[36:40]) != "acsp":
			bad("DestOutputProfile is not an ICC profile")
		case string(icc[16:20]) != "RGB " || num(sd["/N"]) != 3:
			bad("DestOutputProfile is not a 3-component RGB profile")
		default:
			found = true
		}
	}
	if !found {
		bad("no GTS_PDFA1 OutputIntent with an embedded profile")
	}

	// every font embedded
	fonts := 0
	for key := range objs {
		if !strings.HasPrefix(key, "obj:") {
			continue
		}
		d := g.dict(g.value(key))
		if d["/Type"] != "/Font" {
			continue
		}
		fonts++
		switch d["/Subtype"] {
		case "/Type0":
			desc, _ := d["/DescendantFonts"].([]any)
			if len(desc) != 1 {
				bad("%s: Type0 font without one descendant", key)
				continue
			}
			if d["/ToUnicode"] == nil {
				bad("%s: Type0 font without ToUnicode", key)
			}
		case "/CIDFontType2":
			if d["/CIDToGIDMap"] == nil {
				bad("%s: CIDFontType2 without CIDToGIDMap", key)
			}
			fallthrough
		default:
			fd := g.dict(g.resolve(d["/FontDescriptor"]))
			if fd["/FontFile"] == nil && fd["/FontFile2"] == nil && fd["/FontFile3"] == nil {
				bad("%s: font %v not embedded", key, d["/BaseFont"])
			}
		}
	}
	if fonts == 0 {
		bad("no fonts")
	}
	return probs, nil
}

// graph resolves the objects of qpdf's JSON (version 2).
type graph struct{ objs map[string]json.RawMessage }

// value is the value of object key ("obj:3 0 R" or "trailer"), a stream
// as {"stream": …}.
func (g graph) value(key string) any {
	var o map[string]any
	if json.Unmarshal(g.objs[key], &o) != nil {
		return nil
	}
	if v, ok := o["value"]; ok {
		return v
	}
	return o
}

func (g graph) resolve(v any) any {
	if s, ok := v.(string); ok && strings.HasSuffix(s, " R") {
		return g.value("obj:" + s)
	}
	return v
}

func (g graph) dict(v any) map[string]any {
	d, _ := v.(map[string]any)
	if s, ok := d["stream"].(map[string]any); ok {
		d, _ = s["dict"].(map[string]any)
	}
	return d
}

// stream returns the decoded data and dictionary of the stream v refers to.
func (g graph) stream(v any) ([]byte, map[string]any) {
	o, _ := g.resolve(v).(map[string]any)
	s, ok := o["stream"].(map[string]any)
	if !ok {
		return nil, nil
	}
	data, _ := base64.StdEncoding.DecodeString(fmt.Sprint(s["data"]))
	d, _ := s["dict"].(map[string]any)
	return data, d
}

// text decodes a qpdf JSON string ("u:…" text, "b:…" bytes).
func text(v any) string {
	s, _ := v.(string)
	if t, ok := strings.CutPrefix(s, "u:"); ok {
		return t
	}
	return string(hexBytes(v))
}

func hexBytes(v any) []byte {
	s, _ := v.(string)
	h, ok := strings.CutPrefix(s, "b:")
	if !ok {
		return nil
	}
	var out []byte
	for i := 0; i+1 < len(h); i += 2 {
		b, err := strconv.ParseUint(h[i:i+2], 16, 8)
		if err != nil {
			return nil
		}
		out = append(out, byte(b))
	}
	return out
}

func num(v any) float64 {
	f, _ := v.(float64)
	return f
}

// pdfDate parses D:YYYYMMDDHHmmSS with Z or ±HH'mm'.
func pdfDate(s string) (time.Time, error) {
	s = strings.TrimPrefix(s, "D:")
	if len(s) < 14 {
		return time.Time{}, fmt.Errorf("short date %q", s)
	}
	t, err := time.Parse("20060102150405", s[:14])
	if err != nil {
		return t, err
	}
	tz := strings.ReplaceAll(s[14:], "'", "")
	switch {
	case tz == "" || tz == "Z" || tz == "Z0000":
		return t, nil
	case len(tz) == 5 && (tz[0] == '+' || tz[0] == '-'):
		h, _ := strconv.Atoi(tz[1:3])
		m, _ := strconv.Atoi(tz[3:5])
		off := time.Duration(h)*time.Hour + time.Duration(m)*time.Minute
		if tz[0] == '+' {
			off = -off
		}
		return t.Add(off), nil
	}
	return t, fmt.Errorf("bad time zone %q", tz)
}

type xmpFields struct {
	Part, Conformance, Title, Creator, Description, Keywords, Producer, CreatorTool, CreateDate, ModifyDate string
}

// parseXMP reads the fields of the first rdf:Description of an XMP packet.
func parseXMP(b []byte) (xmpFields, error) {
	var x struct {
		Desc []struct {
			Part        string `xml:"http://www.aiim.org/pdfa/ns/id/ part"`
			Conformance string `xml:"http://www.aiim.org/pdfa/ns/id/ conformance"`
			Title       items  `xml:"http://purl.org/dc/elements/1.1/ title"`
			Creator     items  `xml:"http://purl.org/dc/elements/1.1/ creator"`
			Description items  `xml:"http://purl.org/dc/elements/1.1/ description"`
			Keywords    string `xml:"http://ns.adobe.com/pdf/1.3/ Keywords"`
			Producer    string `xml:"http://ns.adobe.com/pdf/1.3/ Producer"`
			CreatorTool string `xml:"http://ns.adobe.com/xap/1.0/ CreatorTool"`
			CreateDate  string `xml:"http://ns.adobe.com/xap/1.0/ CreateDate"`
			ModifyDate  string `xml:"http://ns.adobe.com/xap/1.0/ ModifyDate"`
		} `xml:"RDF>Description"`
	}
	if err := xml.Unmarshal(b, &x); err != nil {
		return xmpFields{}, err
	}
	if len(x.Desc) == 0 {
		return xmpFields{}, fmt.Errorf("no rdf:Description")
	}
	d := x.Desc[0]
	return xmpFields{d.Part, d.Conformance, d.Title.first(), d.Creator.first(), d.Description.first(),
		d.Keywords, d.Producer, d.CreatorTool, d.CreateDate, d.ModifyDate}, nil
}

// items is an rdf:Alt or rdf:Seq.
type items struct {
	Alt []string `xml:"Alt>li"`
	Seq []string `xml:"Seq>li"`
}

func (i items) first() string {
	if len(i.Alt) > 0 {
		return i.Alt[0]
	}
	if len(i.Seq) > 0 {
		return i.Seq[0]
	}
	return ""
}
