package election

// Body keys.
const (
	// BodyCommittee is the committee: its 委员 elected by the 党员大会, its
	// 书记 and 副书记 by its first full meeting.
	BodyCommittee = "committee"
	// BodyDiscipline is a 基层党委's 纪律检查委员会, elected by the same
	// 党员大会 on its own ballot; its first full meeting elects the 纪委书记
	// and 副书记.
	BodyDiscipline = "discipline"
	// BodyDirect is a branch without a committee: the 党员大会 elects its
	// 书记 (and 副书记) directly.
	BodyDirect = "direct"
)

// Result forms: what the 党员大会 elected.
const (
	FormCommittee   = "committee"
	FormNoCommittee = "no_committee"
)

// Body is one election the 党员大会 holds: seats, candidates, the votes
// recorded round by round, and the first meeting that elects the body's
// 书记 and 副书记. The rounds engine (rounds.go) and the first meeting
// (first_meeting.go) work on a Body, so the committee and the 纪委 follow
// the same rules.
type Body struct {
	Key string // BodyCommittee, BodyDiscipline, BodyDirect
	// Name is the body in the documents: 支部委员会, 总支部委员会, 委员会,
	// 纪律检查委员会 ("" for a branch without a committee).
	Name string
	// Label heads the 纪委's forms and file names (纪委委员选票) to tell
	// them from the committee's; "" for the committee.
	Label string
	// FullName is the body's own full name: [organization] name, or
	// [discipline] name.
	FullName string
	// Seats are the 委员 to elect (0 for BodyDirect); SecretarySeats and
	// DeputySeats the 书记 and 副书记.
	Seats, SecretarySeats, DeputySeats int
	// Min and Max bound the number of 委员.
	Min, Max int
	// Candidates as written: the order of the proposed 书记 and 副书记 is
	// the order the higher organisation approved.
	Candidates []Candidate
	// Sorted are the candidates in stroke order (按姓氏笔画为序).
	Sorted       []Candidate
	Meeting      *Meeting      // the body's vote at the 党员大会 (nil before it)
	FirstMeeting *FirstMeeting // its first full meeting (nil before it, and for BodyDirect)
	Report       *Report       // the outgoing body's work report
	// Result is nil before the meeting or when the data give none.
	Result *Result
	// Stats describe the new body once it is complete (the committee's).
	Stats *Stats

	e *Election
	// msg prefixes the body's findings: "" for the committee, 纪委 for
	// the 纪律检查委员会 ("纪委委员应选5名…").
	msg string
	// paths of its tables in the file, for findings.
	candPath, meetPath, firstPath string
}

// makeBodies sets up the bodies the 党员大会 elects: the committee (or the
// direct election of a branch without one) and, for a 基层党委 with
// [plan] discipline_seats, its 纪律检查委员会.
func (e *Election) makeBodies() {
	f := &e.File
	p := f.Plan
	s := e.Settings
	main := &Body{e: e, Key: BodyCommittee, Name: e.Kind.Committee, FullName: f.Organization.Name,
		Seats: p.CommitteeSeats, SecretarySeats: p.SecretarySeats, DeputySeats: p.DeputySeats,
		Min: s.CommitteeMin, Max: s.CommitteeMax, Candidates: f.Candidates, Meeting: f.Meeting,
		FirstMeeting: f.FirstMeeting, Report: f.Report, candPath: "candidates", meetPath: "meeting", firstPath: "first_meeting"}
	if e.Kind.Direct {
		main.Key, main.Seats, main.FirstMeeting = BodyDirect, 0, nil
	}
	main.Sorted = sortCandidates(main.Candidates)
	e.Bodies = []*Body{main}
	if !e.Kind.Discipline || p.DisciplineSeats == 0 {
		return
	}
	d := f.Discipline
	if d == nil {
		d = &Discipline{}
	}
	disc := &Body{e: e, Key: BodyDiscipline, Name: "纪律检查委员会", Label: "纪委", FullName: d.Name, msg: "纪委",
		Seats: p.DisciplineSeats, SecretarySeats: 1, DeputySeats: p.DisciplineDeputySeats,
		Min: s.DisciplineMin, Max: s.DisciplineMax, Meeting: d.Meeting.meeting(), FirstMeeting: d.FirstMeeting, Report: d.Report,
		candPath: "discipline.candidates", meetPath: "discipline.meeting", firstPath: "discipline.first_meeting"}
	for _, c := range d.Candidates {
		disc.Candidates = append(disc.Candidates, inherit(c, f.Candidates))
	}
	disc.Sorted = sortCandidates(disc.Candidates)
	e.Bodies = append(e.Bodies, disc)
	e.Discipline = disc
}

// inherit fills a 纪委 candidate written by name only from the committee
// candidate of the same name (a 纪委书记 candidate is often a 委员
// candidate too): the same person, written once.
func inherit(c Candidate, from []Candidate) Candidate {
	if c.Gender != "" || c.Birth != nil || c.Ethnicity != "" || c.Education != "" || c.PartySince != nil || c.Post != "" {
		return c
	}
	for _, o := range from {
		if o.Name == c.Name {
			c.Gender, c.Birth, c.Ethnicity, c.Education, c.PartySince, c.Post = o.Gender, o.Birth, o.Ethnicity, o.Education, o.PartySince, o.Post
		}
	}
	return c
}

// Main is the body the organisation's own election is about: the
// committee, or the 书记 elected directly.
func (e *Election) Main() *Body { return e.Bodies[0] }

// IsDirect reports a branch without a committee (BodyDirect).
func (b *Body) IsDirect() bool { return b.Key == BodyDirect }

// IsDiscipline reports the 纪律检查委员会.
func (b *Body) IsDiscipline() bool { return b.Key == BodyDiscipline }

// Candidate returns the candidate named name.
func (b *Body) Candidate(name string) (Candidate, bool) {
	for _, c := range b.Candidates {
		if c.Name == name {
			return c, true
		}
	}
	return Candidate{}, false
}

// Person is the candidate named name, or for anyone else elected or voted
// for (a write-in) a Candidate holding the name alone: no personal data.
func (b *Body) Person(name string) Candidate {
	if c, ok := b.Candidate(name); ok {
		return c
	}
	return Candidate{Name: name}
}

func (b *Body) isCandidate(name string) bool {
	_, ok := b.Candidate(name)
	return ok
}

func (b *Body) names() []string {
	var out []string
	for _, c := range b.Candidates {
		out = append(out, c.Name)
	}
	return out
}

// Proposed returns the candidates proposed for post ("书记", "副书记"), in
// the order written (the order the higher organisation approved).
func (b *Body) Proposed(post string) []Candidate {
	var out []Candidate
	for _, c := range b.Candidates {
		if c.Proposed == post {
			out = append(out, c)
		}
	}
	return out
}

// Margin is the number of candidates above the seats (差额人数).
func (b *Body) Margin() int { return len(b.Candidates) - b.Seats }

// MarginPercent is the 差额 as a share of seats, in percent.
func (b *Body) MarginPercent() float64 {
	if b.Seats == 0 {
		return 0
	}
	return float64(b.Margin()) * 100 / float64(b.Seats)
}

// Size is the new body's number of members: the seats, or the reduced
// number when the meeting reduced them.
func (b *Body) Size() int {
	if b.Result != nil && !b.IsDirect() {
		return b.Result.Seats
	}
	return b.Seats
}

// FirstMeetingFreeMembers is how many members of the new body are not
// 书记、副书记 candidates and can serve as 监票人 or 计票人 at its first
// meeting: its size less the posts (or, in a 差额 election, less the
// proposed candidates when they are more).
func (b *Body) FirstMeetingFreeMembers() int {
	posts := b.SecretarySeats + b.DeputySeats
	if n := len(b.Proposed("书记")) + len(b.Proposed("副书记")); b.e.Settings.SecretaryMode == "competitive" && n > posts {
		posts = n
	}
	return max(b.Size()-posts, 0)
}

// finding adds a finding about the body's data or outcome.
func (b *Body) finding(level, code, field string, outcome bool, msg string) {
	b.e.addResultFinding(level, code, field, outcome, msg)
}

// MeetingPath is the table of the body's vote: meeting, discipline.meeting.
func (b *Body) MeetingPath() string { return b.meetPath }
