package pdf

import (
	"bytes"
	"compress/zlib"
	"crypto/md5"
	"fmt"
	"hash"
	"io"
	"math"
	"strconv"
	"sync"
	"unicode/utf16"
)

// objects writes numbered PDF objects into a buffer and closes the file
// with a cross-reference table and a trailer carrying /ID.
type objects struct {
	buf     bytes.Buffer
	offsets []int     // byte offset of object n at offsets[n-1]; -1 until written
	id      hash.Hash // over every object but the font programs: the file's /ID
}

func newObjects() *objects {
	o := &objects{id: md5.New()}
	// The header, then a comment of four bytes above 127 so that
	// transfer programs treat the file as binary (PDF/A-2 6.1.2).
	o.buf.WriteString("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n")
	return o
}

// alloc reserves an object number.
func (o *objects) alloc() int {
	o.offsets = append(o.offsets, -1)
	return len(o.offsets)
}

// obj writes object n with the given body (a dictionary or other value).
func (o *objects) obj(n int, body []byte) {
	o.begin(n)
	o.buf.Write(body)
	o.id.Write(body)
	o.buf.WriteString("\nendobj\n")
}

func (o *objects) begin(n int) {
	o.offsets[n-1] = o.buf.Len()
	o.buf.WriteString(strconv.Itoa(n))
	o.buf.WriteString(" 0 obj\n")
}

// stream writes object n as a stream with dict's entries (without
// Length and Filter) and data, compressed with Flate unless raw.
func (o *objects) stream(n int, dict string, data []byte, raw bool) {
	o.id.Write(data)
	if !raw {
		data = deflate(data, &zlibPool)
	}
	o.rawStream(n, dict, data, !raw)
}

// fontStream writes a font program: Huffman coding only. Glyph outlines
// barely repeat, so matching earlier bytes (the other levels) costs six
// times the time for 7 % fewer bytes (measured on the sample set).
func (o *objects) fontStream(n int, dict string, data []byte) {
	o.rawStream(n, dict, deflate(data, &huffmanPool), true)
}

// rawStream writes data as it is; flate says it is already compressed.
func (o *objects) rawStream(n int, dict string, data []byte, flate bool) {
	o.id.Write([]byte(dict))
	o.buf.Grow(len(dict) + len(data) + 64)
	o.begin(n)
	o.buf.WriteString("<<")
	o.buf.WriteString(dict)
	o.buf.WriteString("/Length ")
	o.buf.WriteString(strconv.Itoa(len(data)))
	if flate {
		o.buf.WriteString("/Filter/FlateDecode")
	}
	o.buf.WriteString(">>stream\n")
	o.buf.Write(data)
	o.buf.WriteString("\nendstream\nendobj\n")
}

// finish writes the cross-reference table and the trailer and copies the
// file to w. The file identifier is the MD5 of the objects (the font
// programs stand in by their subset names), so the same document gives the
// same bytes.
func (o *objects) finish(w io.Writer, root, info int) error {
	for n, off := range o.offsets {
		if off < 0 {
			return fmt.Errorf("PDF 对象 %d 未写出", n+1)
		}
	}
	id := o.id.Sum(nil)
	xref := o.buf.Len()
	fmt.Fprintf(&o.buf, "xref\n0 %d\n0000000000 65535 f \n", len(o.offsets)+1)
	for _, off := range o.offsets {
		fmt.Fprintf(&o.buf, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&o.buf, "trailer\n<</Size %d/Root %d 0 R/Info %d 0 R/ID[<%x><%x>]>>\nstartxref\n%d\n%%%%EOF\n",
		len(o.offsets)+1, root, info, id, id, xref)
	_, err := w.Write(o.buf.Bytes())
	return err
}

// ref formats an indirect reference.
func ref(n int) string { return strconv.Itoa(n) + " 0 R" }

// The pools keep flate writers: each holds about a megabyte of state,
// which a new writer per stream would allocate and clear again.
var (
	zlibPool    = sync.Pool{New: func() any { w, _ := zlib.NewWriterLevel(nil, zlib.BestSpeed); return w }}
	huffmanPool = sync.Pool{New: func() any { w, _ := zlib.NewWriterLevel(nil, zlib.HuffmanOnly); return w }}
)

func deflate(data []byte, pool *sync.Pool) []byte {
	var out bytes.Buffer
	out.Grow(len(data) + 64)
	zw := pool.Get().(*zlib.Writer)
	zw.Reset(&out)
	zw.Write(data)
	zw.Close()
	pool.Put(zw)
	return out.Bytes()
}

// num appends v rounded to three decimals, without trailing zeros.
func num(b []byte, v float64) []byte {
	v = math.Round(v*1000) / 1000
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return strconv.AppendInt(b, int64(v), 10)
	}
	return strconv.AppendFloat(b, v, 'f', -1, 64)
}

// textString encodes s as a PDF text string: UTF-16BE with a byte order
// mark, in hexadecimal.
func textString(s string) string {
	var b []byte
	b = append(b, "<FEFF"...)
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, fmt.Sprintf("%04X", u)...)
	}
	return string(append(b, '>'))
}

// pdfString is s as a literal string when it is plain ASCII, else as a
// text string.
func pdfString(s string) string {
	for _, c := range []byte(s) {
		if c < 0x20 || c > 0x7E || c == '(' || c == ')' || c == '\\' {
			return textString(s)
		}
	}
	return "(" + s + ")"
}

// name returns s as a PDF name token's text (letters and digits kept).
func name(s string) string {
	var b []byte
	for _, c := range []byte(s) {
		if (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' {
			b = append(b, c)
		}
	}
	if len(b) > 100 {
		b = b[:100]
	}
	return string(b)
}
