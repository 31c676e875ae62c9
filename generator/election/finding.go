package election

import (
	"fmt"
	"sort"
	"strings"
)

// Level of a finding.
const (
	LevelError   = "error"
	LevelWarning = "warning"
)

// Finding is one thing check reports. Code is a stable English identifier
// (contract.md); Message is Chinese and says what is wrong and what to do.
type Finding struct {
	Level   string `json:"level"`
	Code    string `json:"code"`
	Field   string `json:"field,omitempty"`
	Line    int    `json:"line,omitempty"`
	Column  int    `json:"column,omitempty"`
	Message string `json:"message"`
	// outcome marks a finding that is the meeting's outcome rather than an
	// error in the data: an invalid meeting or vote, a round still to be
	// held, a first meeting that did not elect. It keeps the result
	// documents back (see Election.Hold) but not the others.
	outcome bool
}

// Findings is a list of findings with helpers.
type Findings []Finding

// HasErrors reports whether any finding is an error.
func (fs Findings) HasErrors() bool {
	for _, f := range fs {
		if f.Level == LevelError {
			return true
		}
	}
	return false
}

// Has reports whether any finding has one of the codes.
func (fs Findings) Has(codes ...string) bool {
	for _, f := range fs {
		for _, c := range codes {
			if f.Code == c {
				return true
			}
		}
	}
	return false
}

// DataErrors returns the errors in the data themselves, leaving out those
// that are the meeting's outcome: a failed quorum, more ballots returned
// than issued, a first meeting that did not elect. Those still give a
// result (invalid_meeting, invalid_election) and still let the documents
// written before the election be built.
func (fs Findings) DataErrors() Findings {
	var out Findings
	for _, f := range fs {
		if f.Level == LevelError && !f.outcome {
			out = append(out, f)
		}
	}
	return out
}

// Hold returns the finding that keeps the result documents (结果请示,
// 总结) from going up, or nil: an error that is the meeting's outcome
// (build refuses them), else a round still to be held (build skips them).
// build gives the finding's own words.
func (e *Election) Hold() *Finding {
	var pending *Finding
	for i := range e.Findings {
		f := &e.Findings[i]
		if !f.outcome {
			continue
		}
		if f.Level == LevelError {
			return f
		}
		if pending == nil {
			pending = f
		}
	}
	return pending
}

// Only reports whether fs has findings and every one has code.
func (fs Findings) Only(code string) bool {
	for _, f := range fs {
		if f.Code != code {
			return false
		}
	}
	return len(fs) > 0
}

// Errors returns only the errors.
func (fs Findings) Errors() Findings {
	var out Findings
	for _, f := range fs {
		if f.Level == LevelError {
			out = append(out, f)
		}
	}
	return out
}

// Sorted returns the findings ordered by line, then column, errors first on
// the same position. The order is stable for equal keys.
func (fs Findings) Sorted() Findings {
	out := append(Findings(nil), fs...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		la, lb := a.Line, b.Line
		if la == 0 {
			la = 1 << 30
		}
		if lb == 0 {
			lb = 1 << 30
		}
		if la != lb {
			return la < lb
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		return a.Level == LevelError && b.Level != LevelError
	})
	return out
}

// Where formats the position as "file:line:column" (or less when unknown).
func (f Finding) Where(file string) string {
	switch {
	case f.Line > 0 && f.Column > 0:
		return fmt.Sprintf("%s:%d:%d", file, f.Line, f.Column)
	case f.Line > 0:
		return fmt.Sprintf("%s:%d", file, f.Line)
	}
	return file
}

// Label names the level as the user reads it: 错误 or 提醒.
func (f Finding) Label() string {
	if f.Level == LevelWarning {
		return "提醒"
	}
	return "错误"
}

// Format formats one finding for a terminal: "file:3:5: 错误：…".
func (f Finding) Format(file string) string {
	return fmt.Sprintf("%s: %s：%s", f.Where(file), f.Label(), f.Message)
}

// FormatAll formats findings one per line.
func (fs Findings) FormatAll(file string) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString(f.Format(file))
		b.WriteByte('\n')
	}
	return b.String()
}
