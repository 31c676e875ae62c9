package main

import (
	"fmt"
	"io"
	"unicode/utf8"
)

// terminalSafe wraps a writer so that everything huanjie prints shows
// control characters escaped ("\u001b"): a name in an election file cannot
// send escape sequences to the user's terminal (retitle the window, clear
// the screen, move the cursor), nor a bidirectional override reorder what
// the user reads. Line feeds pass. Inside --json output the escapes are
// valid JSON string escapes. A character split across writes is held
// until its last byte arrives.
type terminalSafe struct {
	w     io.Writer
	carry []byte
}

func newTerminalSafe(w io.Writer) io.Writer { return &terminalSafe{w: w} }

func (t *terminalSafe) Write(p []byte) (int, error) {
	b := append(t.carry, p...)
	t.carry = nil
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); {
		if !utf8.FullRune(b[i:]) {
			t.carry = append([]byte(nil), b[i:]...)
			break
		}
		r, n := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			out = fmt.Appendf(out, `\x%02x`, b[i])
		case unsafeRune(r):
			out = fmt.Appendf(out, `\u%04x`, r)
		default:
			out = append(out, b[i:i+n]...)
		}
		i += n
	}
	if _, err := t.w.Write(out); err != nil {
		return 0, err
	}
	return len(p), nil
}

// unsafeRune: C0 controls but the line feed, DEL, C1 controls, and the
// bidirectional embedding, override and isolate characters.
func unsafeRune(r rune) bool {
	switch {
	case r == '\n':
		return false
	case r < 0x20, r >= 0x7f && r < 0xa0:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x061c:
		return true
	}
	return false
}
