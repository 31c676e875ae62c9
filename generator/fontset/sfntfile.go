package fontset

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf16"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// This file reads just enough of an SFNT file (TTF, OTF, TTC) to decide
// whether a face is worth loading: the table directory, the name table and
// the OS/2 embedding flags, through io.ReaderAt so that scanning a system
// font directory does not read whole files. It also extracts one face of a
// TrueType Collection into a standalone TrueType file.

const (
	tagTTCF = 0x74746366 // 'ttcf'
	tagOTTO = 0x4F54544F // 'OTTO' (CFF outlines)
	tagTrue = 0x74727565 // 'true' (old Apple TrueType)
	tagV1   = 0x00010000 // TrueType outlines

	maxTables = 256 // sane upper bound for numTables in one face
	maxFaces  = 64  // sane upper bound for faces in one collection
)

// errCorrupt is wrapped by every structural error below.
var errCorrupt = errors.New("字体文件结构损坏")

type tableRecord struct {
	tag      string
	checksum uint32
	offset   uint32
	length   uint32
}

// faceHeader is what a quick scan learns about one face.
type faceHeader struct {
	index   int  // index within a collection; 0 for a single font
	inTTC   bool // the face comes from a collection
	version uint32
	tables  []tableRecord
	names   []string // family (1), full (4), typographic family (16) names, all languages, deduplicated
	english string   // preferred English family name (ID 1, en-US), may be empty
	local   string   // preferred Chinese family name (ID 1, zh-*), may be empty
	fsType  uint16
}

func (h *faceHeader) table(tag string) (tableRecord, bool) {
	for _, t := range h.tables {
		if t.tag == tag {
			return t, true
		}
	}
	return tableRecord{}, false
}

// unusable returns a Chinese reason why the face cannot be embedded, or "".
func (h *faceHeader) unusable() string {
	if _, cff := h.table("CFF "); cff || h.version == tagOTTO {
		return "CFF（PostScript）轮廓字体，暂不支持（只能嵌入 TrueType 轮廓）"
	}
	if _, cff2 := h.table("CFF2"); cff2 {
		return "CFF2 轮廓字体，暂不支持（只能嵌入 TrueType 轮廓）"
	}
	if h.version != tagV1 && h.version != tagTrue {
		return fmt.Sprintf("不是 TrueType 字体（版本标记 0x%08X）", h.version)
	}
	for _, tag := range []string{"glyf", "loca", "cmap", "head", "hhea", "hmtx", "maxp"} {
		if _, ok := h.table(tag); !ok {
			return "缺少 " + strings.TrimSpace(tag) + " 表，无法用于 PDF"
		}
	}
	// A face whose licence forbids embedding, allows bitmap embedding only,
	// or forbids subsetting cannot go into a PDF (PDF/A requires embedding).
	if h.fsType == 0x0002 || h.fsType&0x0300 != 0 {
		return fmt.Sprintf("字体授权不允许嵌入或子集化（OS/2 fsType=0x%04X）", h.fsType)
	}
	return ""
}

func readAt(r io.ReaderAt, off int64, n int) ([]byte, error) {
	b := make([]byte, n)
	if _, err := r.ReadAt(b, off); err != nil {
		return nil, fmt.Errorf("%w：读取第 %d 字节处失败", errCorrupt, off)
	}
	return b, nil
}

// readHeaders returns the headers of every face in the file (one for a
// plain font, several for a collection). size is the file size.
func readHeaders(r io.ReaderAt, size int64) ([]*faceHeader, error) {
	if size < 12 {
		return nil, fmt.Errorf("%w：文件太短", errCorrupt)
	}
	hdr, err := readAt(r, 0, 12)
	if err != nil {
		return nil, err
	}
	if binary.BigEndian.Uint32(hdr) != tagTTCF {
		h, err := readFaceHeader(r, size, 0)
		if err != nil {
			return nil, err
		}
		return []*faceHeader{h}, nil
	}
	n := int(binary.BigEndian.Uint32(hdr[8:]))
	if n < 1 || n > maxFaces {
		return nil, fmt.Errorf("%w：字体集合含 %d 个字体", errCorrupt, n)
	}
	offs, err := readAt(r, 12, 4*n)
	if err != nil {
		return nil, err
	}
	var out []*faceHeader
	for i := 0; i < n; i++ {
		h, err := readFaceHeader(r, size, int64(binary.BigEndian.Uint32(offs[4*i:])))
		if err != nil {
			return nil, fmt.Errorf("集合中第 %d 个字体：%w", i+1, err)
		}
		h.index, h.inTTC = i, true
		out = append(out, h)
	}
	return out, nil
}

// readFaceHeader reads the offset table at off, its table records, the name
// table and the OS/2 fsType.
func readFaceHeader(r io.ReaderAt, size, off int64) (*faceHeader, error) {
	if off < 0 || off+12 > size {
		return nil, fmt.Errorf("%w：偏移表越界", errCorrupt)
	}
	b, err := readAt(r, off, 12)
	if err != nil {
		return nil, err
	}
	h := &faceHeader{version: binary.BigEndian.Uint32(b)}
	switch h.version {
	case tagV1, tagTrue, tagOTTO:
	default:
		return nil, fmt.Errorf("%w：不是 TrueType/OpenType 字体", errCorrupt)
	}
	nt := int(binary.BigEndian.Uint16(b[4:]))
	if nt < 1 || nt > maxTables || off+12+16*int64(nt) > size {
		return nil, fmt.Errorf("%w：表目录越界", errCorrupt)
	}
	recs, err := readAt(r, off+12, 16*nt)
	if err != nil {
		return nil, err
	}
	for i := 0; i < nt; i++ {
		p := recs[16*i:]
		t := tableRecord{
			tag:      string(p[:4]),
			checksum: binary.BigEndian.Uint32(p[4:]),
			offset:   binary.BigEndian.Uint32(p[8:]),
			length:   binary.BigEndian.Uint32(p[12:]),
		}
		if int64(t.offset)+int64(t.length) > size {
			return nil, fmt.Errorf("%w：%q 表越界", errCorrupt, t.tag)
		}
		h.tables = append(h.tables, t)
	}
	if t, ok := h.table("OS/2"); ok && t.length >= 10 {
		b, err := readAt(r, int64(t.offset)+8, 2)
		if err != nil {
			return nil, err
		}
		h.fsType = binary.BigEndian.Uint16(b)
	}
	t, ok := h.table("name")
	if !ok {
		return nil, fmt.Errorf("%w：缺少 name 表", errCorrupt)
	}
	if t.length > 4<<20 {
		return nil, fmt.Errorf("%w：name 表过大", errCorrupt)
	}
	nb, err := readAt(r, int64(t.offset), int(t.length))
	if err != nil {
		return nil, err
	}
	if err := h.parseNames(nb); err != nil {
		return nil, err
	}
	return h, nil
}

// parseNames collects family names from a name table.
func (h *faceHeader) parseNames(b []byte) error {
	if len(b) < 6 {
		return fmt.Errorf("%w：name 表太短", errCorrupt)
	}
	count := int(binary.BigEndian.Uint16(b[2:]))
	storage := int(binary.BigEndian.Uint16(b[4:]))
	if 6+12*count > len(b) {
		return fmt.Errorf("%w：name 表越界", errCorrupt)
	}
	seen := map[string]bool{}
	enRank, zhRank := 99, 99
	for i := 0; i < count; i++ {
		p := b[6+12*i:]
		platform := binary.BigEndian.Uint16(p)
		encoding := binary.BigEndian.Uint16(p[2:])
		lang := binary.BigEndian.Uint16(p[4:])
		id := binary.BigEndian.Uint16(p[6:])
		length := int(binary.BigEndian.Uint16(p[8:]))
		off := storage + int(binary.BigEndian.Uint16(p[10:]))
		if id != 1 && id != 4 && id != 16 {
			continue
		}
		if off+length > len(b) {
			continue // one bad record must not hide the others
		}
		s := decodeName(platform, encoding, b[off:off+length])
		if s == "" {
			continue
		}
		if !seen[s] {
			seen[s] = true
			h.names = append(h.names, s)
		}
		if id != 1 {
			continue
		}
		// Preferred display names: Windows en-US, then Mac English, then any ASCII;
		// Chinese: Windows zh-CN, then other zh-*.
		switch {
		case platform == 3 && lang == 0x0409 && enRank > 0:
			h.english, enRank = s, 0
		case platform == 1 && lang == 0 && enRank > 1:
			h.english, enRank = s, 1
		case isASCII(s) && enRank > 2:
			h.english, enRank = s, 2
		}
		if platform == 3 && hasHan(s) {
			switch {
			case lang == 0x0804 && zhRank > 0:
				h.local, zhRank = s, 0
			case lang&0xFF == 0x04 && zhRank > 1:
				h.local, zhRank = s, 1
			}
		}
	}
	return nil
}

// decodeName decodes a name record: UTF-16BE for Unicode and Windows
// Unicode encodings, GBK for Windows PRC and Mac Simplified Chinese, ASCII
// for Mac Roman; others are skipped.
func decodeName(platform, encoding uint16, b []byte) string {
	switch {
	case platform == 0 || (platform == 3 && (encoding == 0 || encoding == 1 || encoding == 10)):
		if len(b)%2 != 0 {
			return ""
		}
		u := make([]uint16, len(b)/2)
		for i := range u {
			u[i] = binary.BigEndian.Uint16(b[2*i:])
		}
		return strings.TrimSpace(strings.ToValidUTF8(string(utf16.Decode(u)), ""))
	case platform == 3 && encoding == 3:
		// Windows PRC: GB2312 bytes stored in 16-bit units (single-byte
		// characters have a zero high byte); old Chinese fonts use it.
		var raw []byte
		for _, c := range b {
			if c != 0 {
				raw = append(raw, c)
			}
		}
		return decodeGBK(raw)
	case platform == 1 && encoding == 25:
		return decodeGBK(b) // Mac Simplified Chinese (EUC-CN)
	case platform == 1 && encoding == 0:
		for _, c := range b {
			if c >= 0x80 || c < 0x20 {
				return ""
			}
		}
		return strings.TrimSpace(string(b))
	}
	return ""
}

func decodeGBK(b []byte) string {
	out, err := simplifiedchinese.GBK.NewDecoder().Bytes(b)
	if err != nil {
		return ""
	}
	return strings.TrimSpace(strings.ToValidUTF8(string(out), ""))
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

func hasHan(s string) bool {
	for _, r := range s {
		if r >= 0x3400 && r <= 0x9FFF {
			return true
		}
	}
	return false
}

// extractFace builds a standalone TrueType file from face index of the
// collection in data: the face's tables written anew by writeFont. DSIG is
// dropped (a collection's signature does not apply to one face). Plain
// fonts are returned unchanged.
func extractFace(data []byte, index int) ([]byte, error) {
	if len(data) < 12 {
		return nil, fmt.Errorf("%w：文件太短", errCorrupt)
	}
	if binary.BigEndian.Uint32(data) != tagTTCF {
		if index != 0 {
			return nil, fmt.Errorf("%w：不是字体集合，没有第 %d 个字体", errCorrupt, index+1)
		}
		return data, nil
	}
	n := int(binary.BigEndian.Uint32(data[8:]))
	if index < 0 || index >= n || 12+4*(index+1) > len(data) {
		return nil, fmt.Errorf("%w：字体集合没有第 %d 个字体", errCorrupt, index+1)
	}
	off := int64(binary.BigEndian.Uint32(data[12+4*index:]))
	h, err := readFaceHeader(bytesReaderAt(data), int64(len(data)), off)
	if err != nil {
		return nil, err
	}
	var tables []ttTable
	for _, t := range h.tables {
		if t.tag == "DSIG" {
			continue
		}
		b := data[t.offset : t.offset+t.length]
		if t.tag == "head" && len(b) >= 12 {
			// checksumAdjustment is zero while checksums are summed
			b = append([]byte(nil), b...)
			binary.BigEndian.PutUint32(b[8:], 0)
		}
		tables = append(tables, ttTable{t.tag, b})
	}
	return writeFont(h.version, tables), nil
}

// checksum is the OpenType table checksum (sum of big-endian uint32s, the
// tail zero-padded).
func checksum(b []byte) uint32 {
	var sum uint32
	for len(b) >= 4 {
		sum += binary.BigEndian.Uint32(b)
		b = b[4:]
	}
	if len(b) > 0 {
		var tail [4]byte
		copy(tail[:], b)
		sum += binary.BigEndian.Uint32(tail[:])
	}
	return sum
}

type bytesReaderAt []byte

func (b bytesReaderAt) ReadAt(p []byte, off int64) (int, error) {
	if off < 0 || off > int64(len(b)) {
		return 0, io.EOF
	}
	n := copy(p, b[off:])
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}
