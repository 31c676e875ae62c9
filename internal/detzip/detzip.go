// Package detzip writes zip packages (DOCX, OFD) deterministically: the
// entries in the order given, every one with the same timestamp, so the
// same parts give the same bytes.
package detzip

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"hash/crc32"
	"io"
	"sync"
	"time"
)

// File is one entry of a package.
type File struct {
	Name string
	Data []byte
	// Huffman compresses the entry with Huffman coding only: font files,
	// where string matching finds little in the glyph outlines and costs
	// most of a document's time (as in the PDF writer's font streams).
	Huffman bool
}

// Time is the timestamp every entry carries, from the document's date
// (never the clock). The DOS date format starts in 1980, so earlier (or
// zero) dates are clamped to 1980-01-01.
func Time(t time.Time) time.Time {
	min := time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	if t.IsZero() {
		return min
	}
	t = t.UTC()
	if t.Before(min) {
		return min
	}
	if t.Year() > 2107 {
		return time.Date(2107, 12, 31, 0, 0, 0, 0, time.UTC)
	}
	// DOS times have 2-second resolution; truncate so the extended
	// timestamp and the DOS field agree.
	return t.Truncate(2 * time.Second)
}

// storeBelow is the size under which an entry is stored, not deflated:
// compressing a hundred bytes saves little and resetting a compressor
// costs more than the whole entry (an OFD of 5,000 sheets has 5,000 page
// files of one line each).
const storeBelow = 512

// Write writes files as a zip package to w, each entry stamped mod.
// Entries are compressed first and written with their sizes and CRC in
// the local header: no data descriptors (Java's ZipInputStream refuses a
// stored entry with one) and no extended timestamps, a few dozen bytes
// less per entry.
func Write(w io.Writer, files []File, mod time.Time) error {
	zw := zip.NewWriter(w)
	date, clock := dosTime(mod)
	var buf bytes.Buffer
	for _, f := range files {
		h := &zip.FileHeader{Name: f.Name, Method: zip.Store, CRC32: crc32.ChecksumIEEE(f.Data),
			UncompressedSize64: uint64(len(f.Data)), ModifiedDate: date, ModifiedTime: clock,
			CreatorVersion: 20, ReaderVersion: 20} // 2.0: deflate
		body := f.Data
		if len(f.Data) >= storeBelow {
			buf.Reset()
			pool := &flatePool
			if f.Huffman {
				pool = &huffmanPool
			}
			if err := deflate(&buf, f.Data, pool); err != nil {
				return err
			}
			if buf.Len() < len(f.Data) {
				h.Method, body = zip.Deflate, buf.Bytes()
			}
		}
		h.CompressedSize64 = uint64(len(body))
		fw, err := zw.CreateRaw(h)
		if err != nil {
			return err
		}
		if _, err := fw.Write(body); err != nil {
			return err
		}
	}
	return zw.Close()
}

// dosTime is t as MS-DOS date and time fields.
func dosTime(t time.Time) (date, clock uint16) {
	date = uint16(t.Day() + int(t.Month())<<5 + (t.Year()-1980)<<9)
	clock = uint16(t.Second()/2 + t.Minute()<<5 + t.Hour()<<11)
	return
}

// The pools reuse compressors across entries and documents: a new
// flate.Writer costs more than compressing a whole part.
var (
	flatePool   = sync.Pool{New: func() any { w, _ := flate.NewWriter(nil, flate.DefaultCompression); return w }}
	huffmanPool = sync.Pool{New: func() any { w, _ := flate.NewWriter(nil, flate.HuffmanOnly); return w }}
)

// deflate compresses data to w with a compressor of pool.
func deflate(w io.Writer, data []byte, pool *sync.Pool) error {
	fw := pool.Get().(*flate.Writer)
	defer pool.Put(fw)
	fw.Reset(w)
	if _, err := fw.Write(data); err != nil {
		return err
	}
	return fw.Close()
}
