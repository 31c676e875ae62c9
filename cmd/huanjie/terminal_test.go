package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestTerminalSafe(t *testing.T) {
	var b bytes.Buffer
	w := newTerminalSafe(&b)
	in := "甲\x1b]0;pwned\x07\x1b[2J\r乙\u202e丙\u0085\n丁\xff"
	// write byte by byte: characters split across writes
	for i := 0; i < len(in); i++ {
		if n, err := w.Write([]byte{in[i]}); n != 1 || err != nil {
			t.Fatalf("write: %d, %v", n, err)
		}
	}
	want := `甲\u001b]0;pwned\u0007\u001b[2J\u000d乙\u202e丙\u0085` + "\n" + `丁\xff`
	if b.String() != want {
		t.Errorf("got  %q\nwant %q", b.String(), want)
	}
}

// An organisation named with escape sequences: check replays none of
// them, in its report or in its JSON (which stays valid).
func TestNoEscapeSequencesReachTheTerminal(t *testing.T) {
	src, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "esc.toml")
	os.WriteFile(p, []byte(strings.Replace(string(src), `name = "中共东华社区支部委员会"`, `name = "\u001b]0;pwned\u0007\u001b[2J\u202e"`, 1)), 0o644)
	for _, args := range [][]string{{"check", p}, {"check", p, "--json"}, {"results", p}, {"results", p, "--json"}, {"build", p, "-o", t.TempDir()}} {
		out, errOut, code := runCLI(t, "", args...)
		all := out + errOut
		if strings.ContainsAny(all, "\x1b\x07\u202e") {
			t.Errorf("%v: control characters reach the terminal: %q", args, all)
		}
		if code == 0 && args[0] != "results" {
			t.Errorf("%v: exit 0 for a name with control characters", args)
		}
		if args[len(args)-1] == "--json" && !json.Valid([]byte(out)) {
			t.Errorf("%v: invalid JSON: %s", args, out)
		}
	}
}
