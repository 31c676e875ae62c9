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
	// Kind is the organisation's vocabulary: what its bodies, meetings and
	// reports are called (a branch without a committee is its own kind).
	Kind Kind
	// Bodies are the elections the 党员大会 holds: the committee (or, in a
	// branch without one, the 书记 elected directly) and a 基层党委's
	// 纪律检查委员会. Bodies[0] is Main.
	Bodies []*Body
	// Discipline is the 纪律检查委员会's election, nil when none.
	Discipline *Body
	// Expected is 应到会有选举权人数 (or the registered voters for the
	// village and residents profiles).
	Expected int
	// Candidates of the main body in stroke order (按姓氏笔画为序).
	Candidates []Candidate
	// Findings holds reading and validation findings, sorted by position.
	Findings Findings
	// Result is the main body's (with the 纪委's in Result.Discipline); nil
	// when there is no [meeting] or its data do not allow one.
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
	e.Kind = KindOf(l.File.Kind, e.direct())
	e.makeBodies()
	e.Candidates = e.Main().Sorted
	if syntaxOK {
		e.Expected = e.computeExpected()
		v := &validator{e: e}
		v.run()
		e.Findings = dropShadowed(e.Findings, len(l.Findings))
		if l.File.Meeting != nil && len(e.Findings.DataErrors()) == 0 {
			e.computeResults()
		}
		e.paperwork()
	}
	e.Findings = e.Findings.Sorted()
	return e
}

// computeResults follows each body's vote; the main body's result is the
// election's, the 纪委's is reported beside it.
func (e *Election) computeResults() {
	for _, b := range e.Bodies {
		if b.Meeting == nil {
			continue
		}
		if b.IsDirect() {
			b.Result = b.directResult()
		} else {
			b.Result = b.computeResult()
		}
	}
	main := e.Main()
	e.Result = main.Result
	if e.Result == nil {
		return
	}
	e.Result.Form = FormCommittee
	if main.IsDirect() {
		e.Result.Form = FormNoCommittee
	}
	if d := e.Discipline; d != nil {
		e.Result.Discipline = d.Result
		if d.Meeting == nil {
			e.addResultFinding(LevelWarning, "discipline", "discipline", true, "党员大会已经召开（[meeting]），但还没有填写纪律检查委员会委员选举的情况；请在 [discipline.meeting] 中填写纪委委员选举的投票情况，选举结果请示和工作总结在此之后生成")
		}
	}
	// The figures describe the new committee: only once it is complete.
	if r := e.Result; !main.IsDirect() && r.Status == StatusComplete && len(r.Elected) > 0 {
		e.Stats = e.computeStats()
		main.Stats = e.Stats
	}
}

// direct reports a 党支部 without a committee: [plan] committee = false,
// or, when the file does not say, fewer 正式党员 than a committee needs.
func (e *Election) direct() bool {
	f := &e.File
	if f.Kind != "" && f.Kind != KindBranch || !e.Settings.IsParty() {
		return false
	}
	if c := f.Plan.Committee; c != nil {
		return !*c
	}
	return f.Members.Total > 0 && e.FullMembers() < e.Settings.MinFullMembers
}

// sortCandidates returns the candidates in stroke order.
func sortCandidates(in []Candidate) []Candidate {
	cs := append([]Candidate(nil), in...)
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
	return cs
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

// Candidate returns the main body's candidate named name.
func (e *Election) Candidate(name string) (Candidate, bool) { return e.Main().Candidate(name) }

// Seats is the number of committee seats (0 for a branch without a
// committee).
func (e *Election) Seats() int { return e.Main().Seats }

// Margin is the number of candidates above the seats (差额人数).
func (e *Election) Margin() int { return e.Main().Margin() }

// FullMembers is the number of 正式党员.
func (e *Election) FullMembers() int { return e.File.Members.Total - e.File.Members.Probationary }

// ElectionDate is the day of the election: [meeting] date, else the planned date.
func (e *Election) ElectionDate() (Date, bool) {
	if d := e.electionDay(); d != nil {
		return *d, true
	}
	return Date{}, false
}

// electionDay is ElectionDate, nil when neither date is given.
func (e *Election) electionDay() *Date {
	var held *Date
	if m := e.File.Meeting; m != nil {
		held = m.Date
	}
	return firstDate(held, e.File.Plan.MeetingDate)
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
