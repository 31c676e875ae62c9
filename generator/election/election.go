package election

import (
	"huanjie/generator/strokes"
	"strings"
)

// Election is the validated model every document is built from: the file,
// the rules in force, what check found, the computed result and the
// statistics. It is computed once and read by templates.
type Election struct {
	*Loaded
	Settings Settings
	// Expected is 应到会有选举权人数 (or the registered voters for the
	// village and residents profiles).
	Expected int
	// Candidates in stroke order (按姓氏笔画为序).
	Candidates []Candidate
	// Findings holds reading and validation findings, sorted by position.
	Findings Findings
	// Result is nil when there is no [meeting] or its data do not allow one.
	Result *Result
	// Stats is nil until the committee is complete (every seat filled or
	// reduced).
	Stats *Stats
}

// Load reads and analyses an election file.
func Load(path string) (*Election, error) {
	l, err := ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Analyze(l), nil
}

// Analyze validates the decoded file and computes results and statistics.
func Analyze(l *Loaded) *Election {
	e := &Election{Loaded: l, Settings: settingsFor(&l.File)}
	e.Findings = append(e.Findings, l.Findings...)
	syntaxOK := !l.Findings.Has("syntax")
	e.Candidates = append([]Candidate(nil), l.File.Candidates...)
	sortCandidates(e.Candidates)
	if syntaxOK {
		e.Expected = e.computeExpected()
		v := &validator{e: e}
		v.run()
		v.checkUnit()
		e.Findings = dropShadowed(e.Findings, len(l.Findings))
		if l.File.Meeting != nil && len(e.Findings.DataErrors()) == 0 {
			e.Result = e.computeResult()
			// The figures describe the new committee: only once it is complete.
			if e.Result != nil && e.Result.Status == StatusComplete && len(e.Result.Elected) > 0 {
				e.Stats = e.computeStats()
			}
		}
	}
	e.Findings = e.Findings.Sorted()
	return e
}

func sortCandidates(cs []Candidate) {
	names := make([]string, len(cs))
	byName := map[string][]Candidate{}
	for i, c := range cs {
		names[i] = c.Name
		byName[c.Name] = append(byName[c.Name], c)
	}
	strokes.Sort(names, strokes.Party)
	for i, n := range names {
		cs[i] = byName[n][0]
		byName[n] = byName[n][1:]
	}
}

// SortNames returns names in stroke order (按姓氏笔画为序).
func SortNames(names []string) []string {
	out := append([]string(nil), names...)
	strokes.Sort(out, strokes.Party)
	return out
}

func (e *Election) computeExpected() int {
	f := &e.File
	if !e.Settings.IsParty() {
		if f.Voters != nil {
			return f.Voters.Registered
		}
		return 0
	}
	if f.Members.Expected != nil {
		return *f.Members.Expected
	}
	n := f.Members.Total - f.Members.Probationary - len(f.Members.Excluded)
	if n < 0 {
		n = 0
	}
	return n
}

// Candidate returns the candidate named name.
func (e *Election) Candidate(name string) (Candidate, bool) {
	for _, c := range e.File.Candidates {
		if c.Name == name {
			return c, true
		}
	}
	return Candidate{}, false
}

// Seats is the number of committee seats.
func (e *Election) Seats() int { return e.File.Plan.CommitteeSeats }

// Margin is the number of candidates above the seats (差额人数).
func (e *Election) Margin() int { return len(e.File.Candidates) - e.Seats() }

// MarginPercent is the 差额 as a share of seats, in percent.
func (e *Election) MarginPercent() float64 {
	if e.Seats() == 0 {
		return 0
	}
	return float64(e.Margin()) * 100 / float64(e.Seats())
}

// FirstMeetingFreeMembers is how many members of the new committee are not
// 书记、副书记 candidates and can serve as 监票人 or 计票人 at its first
// meeting: the committee's size less the posts (or, in a 差额 election,
// less the proposed candidates when they are more).
func (e *Election) FirstMeetingFreeMembers() int {
	p := e.File.Plan
	size := e.Seats()
	if e.Result != nil {
		size = e.Result.Seats
	}
	posts := p.SecretarySeats + p.DeputySeats
	if n := len(e.Proposed("书记")) + len(e.Proposed("副书记")); e.Settings.SecretaryMode == "competitive" && n > posts {
		posts = n
	}
	return max(size-posts, 0)
}

// FullMembers is the number of 正式党员.
func (e *Election) FullMembers() int { return e.File.Members.Total - e.File.Members.Probationary }

// ElectionDate is the day of the election: [meeting] date, else the planned date.
func (e *Election) ElectionDate() (Date, bool) {
	if m := e.File.Meeting; m != nil && m.Date != nil {
		return *m.Date, true
	}
	if d := e.File.Plan.MeetingDate; d != nil {
		return *d, true
	}
	return Date{}, false
}

// Proposed returns the candidates proposed for post ("书记", "副书记").
func (e *Election) Proposed(post string) []Candidate {
	var out []Candidate
	for _, c := range e.File.Candidates {
		if c.Proposed == post {
			out = append(out, c)
		}
	}
	return out
}

// dropShadowed removes validation findings (those from index n on) about a
// field that already has a reading finding: a value that could not be read
// is zero in the model, and "缺少 present" after "present 应为整数" would only
// confuse.
func dropShadowed(fs Findings, n int) Findings {
	out := fs[:n:n]
	for _, f := range fs[n:] {
		shadowed := false
		for _, r := range fs[:n] {
			if r.Field != "" && (f.Field == r.Field || strings.HasPrefix(f.Field, r.Field+".") || strings.HasPrefix(r.Field, f.Field+".") && f.Code == "missing") {
				shadowed = true
				break
			}
		}
		if !shadowed {
			out = append(out, f)
		}
	}
	return out
}
