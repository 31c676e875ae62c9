// Package fontset finds the fonts for each typographic role (the user's own
// 公文 fonts when present, else the free stand-ins shipped in ../../fonts),
// checks every character against a font's cmap and falls back per character.
//
// API contract (used by layout, the PDF writer and the CLI); the implementation
// may add to it but must keep these signatures.
//
// Chain per role: the user's or system fonts for the role (best match
// first; files in Options.Dir before system directories), then the embedded
// stand-in for the role, then the embedded broad-coverage fallback (full
// Noto Serif SC), then the other embedded fonts.
//
// Only TrueType (glyf) faces are used: the PDF writer embeds TrueType outlines
// (CIDFontType2) only, and collections (.ttc) are split into standalone faces
// here. Characters beyond the Basic Multilingual Plane are served like any
// other (format 12 character maps).
package fontset

import (
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"golang.org/x/image/font/sfnt"

	"huanjie/fonts"
	"huanjie/generator/doc"
	"huanjie/internal/oserr"
)

// Face is one usable TrueType face (a single face; TTC members are extracted).
type Face struct {
	Family string // family name as the font names itself, e.g. "FandolFang"
	Source string // where it came from: a file path, or "内置:FandolFang-Regular-gb2312.ttf"
	Data   []byte // TrueType (glyf) bytes; READ-ONLY (embedded faces share the binary's data)

	// LocalFamily is the font's Chinese family name when it has one
	// (e.g. "仿宋_GB2312" for FangSong_GB2312), else "".
	LocalFamily string

	id     string
	origin origin

	glyphsOnce sync.Once
	glyphs     *Glyphs
	glyphsErr  error
}

type origin int

const (
	originUser     origin = iota // Options.Dir
	originSystem                 // a system font directory
	originEmbedded               // huanjie/fonts
)

// ID returns a stable ASCII name for the face, unique within the process
// (letters and digits only).
func (f *Face) ID() string { return f.id }

// Has reports whether the face has a glyph for r, in any plane.
func (f *Face) Has(r rune) bool {
	if f == nil {
		return false
	}
	g, err := f.Glyphs()
	if err != nil {
		return false
	}
	_, ok := g.Glyph(r)
	return ok
}

// Options controls where fonts are searched.
type Options struct {
	Dir      string // user directory (--fonts DIR or [fonts] dir), searched first
	NoSystem bool   // do not search system font directories (tests use this for determinism)
}

// Set is the chosen faces per role. It is safe for concurrent use and is
// meant to be loaded once per process and shared across documents.
type Set struct {
	chains map[doc.Role][]*Face
	report []RoleReport
}

var (
	loadMu sync.Mutex
	loaded = map[Options]*Set{}
)

// Load finds fonts and returns the set. It never fails for lack of user
// fonts: the embedded stand-ins are always there. It fails when
// Options.Dir is given but is not a readable directory. Sets are cached per
// Options: calling Load again with the same options is cheap and returns
// the same *Set (and the same *Face values).
func Load(opt Options) (*Set, error) {
	if opt.Dir != "" {
		abs, err := filepath.Abs(opt.Dir)
		if err != nil {
			return nil, fmt.Errorf("字体目录 %s 无法解析（%s）", opt.Dir, oserr.Describe(err))
		}
		opt.Dir = abs
		st, err := os.Stat(abs)
		if err != nil {
			return nil, fmt.Errorf("字体目录 %s 不存在或无法读取", opt.Dir)
		}
		if !st.IsDir() {
			return nil, fmt.Errorf("字体目录 %s 不是目录", opt.Dir)
		}
	}
	loadMu.Lock()
	defer loadMu.Unlock()
	if s, ok := loaded[opt]; ok {
		return s, nil
	}
	emb, err := embeddedFaces()
	if err != nil {
		return nil, err
	}
	s := build(opt, emb)
	loaded[opt] = s
	return s, nil
}

// Chain returns the faces tried for role, primary first, then fallbacks.
func (s *Set) Chain(role doc.Role) []*Face {
	c := s.chains[role]
	if c == nil {
		c = s.chains[doc.FangSong]
	}
	return append([]*Face(nil), c...)
}

// FaceFor returns the first face in role's chain that has r, or nil.
func (s *Set) FaceFor(role doc.Role, r rune) *Face {
	c := s.chains[role]
	if c == nil {
		c = s.chains[doc.FangSong]
	}
	for _, f := range c {
		if f.Has(r) {
			return f
		}
	}
	return nil
}

// Missing returns the characters of text that no face in role's chain has,
// each once, in order of first appearance. Control characters (line breaks,
// tabs) are never reported: they are not drawn.
func (s *Set) Missing(role doc.Role, text string) []rune {
	var out []rune
	seen := map[rune]bool{}
	for _, r := range text {
		if r < 0x20 || (r >= 0x7F && r < 0xA0) || seen[r] {
			continue
		}
		seen[r] = true
		if s.FaceFor(role, r) == nil {
			out = append(out, r)
		}
	}
	return out
}

// Embedded fonts: the stand-in per role, and the broad-coverage fallback.
const fallbackFile = "NotoSerifSC_400Regular.ttf"

var standIn = map[doc.Role]string{
	doc.XiaoBiaoSong: "NotoSerifSC_900Black-gb2312.ttf",
	doc.FangSong:     "FandolFang-Regular-gb2312.ttf",
	doc.HeiTi:        "NotoSansSC_400Regular-gb2312.ttf",
	doc.KaiTi:        "gkai00mp-gb2312.ttf",
	doc.SongTi:       fallbackFile,
}

var (
	embOnce  sync.Once
	embFaces map[string]*Face
	embErr   error
)

// embeddedFaces parses the embedded fonts once per process.
func embeddedFaces() (map[string]*Face, error) {
	embOnce.Do(func() {
		m := map[string]*Face{}
		for _, name := range fonts.Files() {
			b, ok := fonts.Bytes(name)
			if !ok {
				embErr = fmt.Errorf("内置字体 %s 无法读取", name)
				return
			}
			f, err := newFace(b, 0, "内置:"+name, originEmbedded)
			if err != nil {
				embErr = fmt.Errorf("内置字体 %s 无法解析：%v", name, err)
				return
			}
			f.id = "hjE" + asciiID(strings.TrimSuffix(name, filepath.Ext(name)))
			m[name] = f
		}
		for _, name := range standIn {
			if m[name] == nil {
				embErr = fmt.Errorf("缺少内置字体 %s", name)
				return
			}
		}
		embFaces = m
	})
	return embFaces, embErr
}

// newFace builds a Face from a font file's bytes (face index of a
// collection), checking everything the writers need.
func newFace(file []byte, index int, source string, o origin) (*Face, error) {
	data, err := extractFace(file, index)
	if err != nil {
		return nil, err
	}
	hs, err := readHeaders(bytesReaderAt(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	h := hs[0]
	if why := h.unusable(); why != "" {
		return nil, fmt.Errorf("%s", why)
	}
	if !hasUnicodeCmap(data, h) {
		return nil, fmt.Errorf("没有 Unicode 字符映射表（格式 4 或 12），无法按字取字形")
	}
	if _, err := sfnt.Parse(data); err != nil {
		return nil, fmt.Errorf("字体文件无法解析（文件损坏或格式不支持）")
	}
	f := &Face{Data: data, Source: source, origin: o, LocalFamily: h.local}
	f.Family = h.english
	if f.Family == "" {
		f.Family = h.local
	}
	if f.Family == "" && len(h.names) > 0 {
		f.Family = h.names[0]
	}
	if f.Family == "" {
		f.Family = filepath.Base(source)
	}
	if o != originEmbedded {
		hash := fnv.New32a()
		hash.Write([]byte(source))
		name := asciiID(f.Family)
		if len(name) > 24 {
			name = name[:24]
		}
		f.id = fmt.Sprintf("hjU%s%08x", name, hash.Sum32())
	}
	return f, nil
}

// hasUnicodeCmap reports whether the face has a Unicode cmap subtable
// (platform 0, or platform 3 encoding 1 or 10) in format 4 or 12.
func hasUnicodeCmap(data []byte, h *faceHeader) bool {
	t, ok := h.table("cmap")
	if !ok {
		return false
	}
	sub4, sub12 := unicodeSubtables(data[t.offset : t.offset+t.length])
	return sub4 >= 0 || sub12 >= 0
}

// asciiID keeps ASCII letters and digits.
func asciiID(s string) string {
	var b strings.Builder
	for _, r := range s {
		if (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
		}
	}
	return b.String()
}
