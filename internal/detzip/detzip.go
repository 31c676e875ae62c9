// Package detzip writes zip packages (DOCX, OFD) deterministically: the
// entries in the order given, every one with the same timestamp, so the
// same parts give the same bytes.
package detzip

import (
	"archive/zip"
	"compress/flate"
	"io"
	"sync"
	"time"
)

// File is one entry of a package.
type File struct {
	Name string
	Data []byte
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
func Write(w io.Writer, files []File, mod time.Time) error {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, newFlate)
	for _, f := range files {
		h := &zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: mod}
		if len(f.Data) < storeBelow {
			h.Method = zip.Store
		}
		fw, err := zw.CreateHeader(h)
		if err != nil {
			return err
		}
		if _, err := fw.Write(f.Data); err != nil {
			return err
		}
	}
	return zw.Close()
}

// flatePool reuses compressors across entries and documents: a new
// flate.Writer costs more than compressing a whole part.
var flatePool sync.Pool

type pooledFlate struct{ *flate.Writer }

func (p pooledFlate) Close() error {
	err := p.Writer.Close()
	flatePool.Put(p.Writer)
	return err
}

func newFlate(w io.Writer) (io.WriteCloser, error) {
	if fw, ok := flatePool.Get().(*flate.Writer); ok {
		fw.Reset(w)
		return pooledFlate{fw}, nil
	}
	fw, err := flate.NewWriter(w, flate.DefaultCompression)
	if err != nil {
		return nil, err
	}
	return pooledFlate{fw}, nil
}
