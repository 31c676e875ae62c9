// Package fonts embeds the free stand-in fonts shipped with huanjie (see
// README.md for roles, sources and licences; build.sh rebuilds them).
package fonts

import (
	_ "embed"
	"sort"
	"unsafe"
)

// The files are embedded as strings so that Bytes can hand them out
// without copying 30 MB at every start.
var (
	//go:embed FandolFang-Regular-gb2312.ttf
	fandolFang string
	//go:embed NotoSansSC_400Regular-gb2312.ttf
	notoSans string
	//go:embed NotoSerifSC_400Regular.ttf
	notoSerif string
	//go:embed NotoSerifSC_900Black-gb2312.ttf
	notoSerifBlack string
	//go:embed gkai00mp-gb2312.ttf
	kai string
)

var files = map[string]string{
	"FandolFang-Regular-gb2312.ttf":    fandolFang,
	"NotoSansSC_400Regular-gb2312.ttf": notoSans,
	"NotoSerifSC_400Regular.ttf":       notoSerif,
	"NotoSerifSC_900Black-gb2312.ttf":  notoSerifBlack,
	"gkai00mp-gb2312.ttf":              kai,
}

// Files returns the names of the embedded font files, sorted.
func Files() []string {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Bytes returns the content of an embedded font file. The slice shares
// the binary's read-only data: callers must never write to it.
func Bytes(name string) ([]byte, bool) {
	s, ok := files[name]
	if !ok {
		return nil, false
	}
	return unsafe.Slice(unsafe.StringData(s), len(s)), true
}
