package build

import (
	"fmt"
	"strings"

	"huanjie/generator/doc"
	"huanjie/generator/election"
	"huanjie/generator/fontset"
)

// GlyphFindings reports every character of the election file's text that
// no available font can draw (code missing_glyph), with the key and line
// where it occurs, so check finds it before build refuses.
func GlyphFindings(e *election.Election, fs *fontset.Set) election.Findings {
	var out election.Findings
	e.File.WalkStrings(func(path, s string) {
		var miss []rune
		seen := map[rune]bool{}
		for _, role := range doc.Roles {
			for _, r := range fs.Missing(role, s) {
				if !seen[r] {
					seen[r] = true
					miss = append(miss, r)
				}
			}
		}
		if len(miss) == 0 {
			return
		}
		var codes []string
		for _, r := range miss {
			codes = append(codes, fmt.Sprintf("“%c”（U+%04X）", r, r))
		}
		pos := e.ValPos(path)
		out = append(out, election.Finding{
			Level: election.LevelError, Code: "missing_glyph", Field: path, Line: pos.Line, Column: pos.Col,
			Message: fmt.Sprintf("“%s”中的字%s在所有可用字体中都没有，印出来会是空白或方框；请安装含有该字的字体并用 --fonts 指定其目录，或核实这个字是否写对", s, strings.Join(codes, "、")),
		})
	})
	return out
}
