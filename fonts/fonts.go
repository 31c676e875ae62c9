// Package fonts embeds the free stand-in fonts shipped with huanjie (see
// README.md for roles, sources and licences; build.sh rebuilds them).
package fonts

import (
	"embed"
	"io/fs"
	"sort"
)

// FS holds the TrueType files of this directory, at its root.
//
//go:embed *.ttf
var FS embed.FS

// Files returns the names of the embedded font files, sorted.
func Files() []string {
	entries, err := fs.ReadDir(FS, ".")
	if err != nil {
		return nil
	}
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		if !e.IsDir() {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	return names
}
