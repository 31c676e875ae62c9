// Package report builds the JSON answers of `check --json` and
// `results --json` (contract.md), so the command line and the web page
// give the same bytes for the same file.
package report

import (
	"encoding/json"
	"io"

	"huanjie/generator/build"
	"huanjie/generator/election"
	"huanjie/generator/fontset"
)

// CheckJSON is the shape of `check --json`.
type CheckJSON struct {
	OK       bool              `json:"ok"`
	Findings election.Findings `json:"findings"`
}

// Check adds the characters no font has to e's findings (as check does,
// with the fonts the file names) and returns the answer of check --json.
func Check(e *election.Election) CheckJSON {
	if fs, err := fontset.Load(fontset.Options{Dir: e.File.Fonts.Dir}); err == nil {
		e.Findings = append(e.Findings, build.GlyphFindings(e, fs)...).Sorted()
	}
	findings := e.Findings
	if findings == nil {
		findings = election.Findings{}
	}
	return CheckJSON{OK: !e.Findings.HasErrors(), Findings: findings}
}

// Unreadable is the answer of check --json (and results --json) for a
// file that cannot be read as an election file at all.
func Unreadable(msg string) CheckJSON {
	return CheckJSON{OK: false, Findings: election.Findings{{Level: election.LevelError, Code: "unreadable", Message: msg}}}
}

// Results returns the value results --json prints: the result, or, when
// the data give none, the status no_result with the errors.
func Results(e *election.Election) any {
	if e.Result != nil {
		return e.Result
	}
	errs := e.Findings.Errors()
	if errs == nil {
		errs = election.Findings{}
	}
	return map[string]any{"status": "no_result", "findings": errs}
}

// WriteJSON writes v as the command line does: indented by two spaces,
// with '<', '>' and '&' left as they are, and a final newline.
func WriteJSON(w io.Writer, v any) {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v)
}
