package batch

import (
	"fmt"
	"io"
	"os"

	"github.com/rivo/uniseg"
)

// IsTerminal reports whether w is a terminal (a character device): only
// then is a progress line written.
func IsTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// progress rewrites one line: "[3/12] 已生成2个，未生成0个 · 正在处理 东华社区党支部".
type progress struct {
	w     io.Writer
	total int
}

// maxWidth keeps the line on one row of an 80-column terminal, so "\r"
// returns to its start.
const maxWidth = 78

// show says election i is starting, with the counts of those finished.
func (p progress) show(i, built, refused int, name string) {
	if p.w == nil {
		return
	}
	line := fmt.Sprintf("[%d/%d] 已生成%d个，未生成%d个 · 正在处理 %s", i+1, p.total, built, refused, name)
	fmt.Fprintf(p.w, "\r\x1b[K%s", clip(line, maxWidth))
}

func (p progress) done() {
	if p.w != nil {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
}

// clip cuts s to at most width terminal columns, ending it with "…".
func clip(s string, width int) string {
	if uniseg.StringWidth(s) <= width {
		return s
	}
	out, w := "", 0
	g := uniseg.NewGraphemes(s)
	for g.Next() {
		cw := g.Width()
		if w+cw > width-1 {
			break
		}
		out += g.Str()
		w += cw
	}
	return out + "…"
}
