package election

// A Reason is one reason build refuses the data for, decided by the data
// alone. It is registered once, in reasons below, and that one entry
// serves both commands: Analyze runs its Find, so `check` reports an error
// at the line of the value at fault, and build refuses any data with
// errors (Findings.DataErrors), printing those same findings. Reasons that
// need the fonts or the form layout are registered the same way in
// generator/build (build.Check).
//
// To add one: write a Find that calls refuse(field, message) with the TOML
// path of the value at fault ("candidates[2].name"; its line and column
// come from the path) and a Chinese message saying what is wrong and what
// to do; add it below with a stable code; add the attack to the table of
// TestEveryRefusalFoundByCheck in generator/build, which fails for a
// registered code without one. Mark it Outcome when it is the meeting's
// outcome rather than an error in the data (a 书记 not elected): then only
// the documents that report the result are refused, and --draft still
// builds them.
type Reason struct {
	Code    string
	Outcome bool
	Find    func(e *Election, refuse func(field, msg string))
}

var reasons = []Reason{
	{Code: "control_char", Find: findControlChars},
	{Code: "line_break", Find: findLineBreaks},
	{Code: "too_long", Find: findTooLong},
	{Code: "too_many", Find: findTooMany},
	{Code: "range", Find: findTooLarge},
	{Code: "ballot", Find: findBallotSettings},
	{Code: "rules", Find: findRuleBounds},
	{Code: "term", Find: findTermYears}, // term.go
	{Code: "dates", Find: findDates},    // dates.go
}

// RefusalCodes lists the codes of the registered reasons.
func RefusalCodes() []string {
	var out []string
	for _, r := range reasons {
		out = append(out, r.Code)
	}
	return out
}

// refuse runs every registered refusal (from validator.run).
func (v *validator) refuse() {
	for _, r := range reasons {
		r.Find(v.e, func(field, msg string) {
			v.add(LevelError, r.Code, field, msg)
			if r.Outcome {
				v.markOutcome()
			}
		})
	}
}
