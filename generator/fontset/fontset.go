// Package fontset finds the fonts for each typographic role (the user's own
// 公文 fonts when present, else the free stand-ins shipped in ../../fonts),
// checks every character against a font's cmap and falls back per character.
//
// API contract (used by the PDF renderer and the CLI); the implementation
// may add to it but must keep these signatures.
package fontset

import "huanjie/generator/doc"

// Face is one usable TrueType face (a single face; TTC members are extracted).
type Face struct {
	Family string // family name as the font names itself, e.g. "FandolFang"
	Source string // where it came from: a file path, or "内置:FandolFang-Regular-gb2312.ttf"
	Data   []byte // TrueType (glyf) bytes, ready for fpdf.AddUTF8FontFromBytes
	// unexported: parsed cmap etc.
}

// Has reports whether the face has a glyph for r.
func (f *Face) Has(r rune) bool { panic("todo") }

// Options controls where fonts are searched.
type Options struct {
	Dir      string // user directory (--fonts DIR or [fonts] dir), searched first
	NoSystem bool   // do not search system font directories (tests use this for determinism)
}

// Set is the chosen faces per role. It is safe for concurrent use and is
// meant to be loaded once per process and shared across documents.
type Set struct{}

// Load finds fonts and returns the set. It never fails for lack of user
// fonts: the embedded stand-ins are always there.
func Load(opt Options) (*Set, error) { panic("todo") }

// Chain returns the faces tried for role, primary first, then fallbacks.
func (s *Set) Chain(role doc.Role) []*Face { panic("todo") }

// FaceFor returns the first face in role's chain that has r, or nil.
func (s *Set) FaceFor(role doc.Role, r rune) *Face { panic("todo") }

// Missing returns the characters of text that no face in role's chain has.
func (s *Set) Missing(role doc.Role, text string) []rune { panic("todo") }
