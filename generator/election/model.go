package election

// File is the election file as written by the user (one organisation, one
// re-election). Field tags name the TOML keys; every key of the normative
// sample (shared/spec/election.sample.toml) has a field here.
type File struct {
	Version      int           `toml:"version"`
	Kind         string        `toml:"kind"`
	Rules        Rules         `toml:"rules"`
	Organization Organization  `toml:"organization"`
	Contact      Contact       `toml:"contact"`
	Members      Members       `toml:"members"`
	Voters       *Voters       `toml:"voters"`
	Plan         Plan          `toml:"plan"`
	Candidates   []Candidate   `toml:"candidates"`
	Meeting      *Meeting      `toml:"meeting"`
	FirstMeeting *FirstMeeting `toml:"first_meeting"`
	Previous     *Previous     `toml:"previous"`
	Report       *Report       `toml:"report"`
	Summary      *Summary      `toml:"summary"`
	Ballot       BallotConfig  `toml:"ballot"`
	Fonts        DirConfig     `toml:"fonts"`
	Templates    DirConfig     `toml:"templates"`
	Letterhead   *Letterhead   `toml:"letterhead"`
	// Discipline is [discipline]: the 纪律检查委员会 a 基层党委 elects at
	// the same meeting ([plan] discipline_seats > 0).
	Discipline *Discipline `toml:"discipline"`
	// Nomination is [nomination]: how the candidates were recommended and
	// vetted, for the 总结 (optional).
	Nomination *Nomination `toml:"nomination"`
}

// Organization is [organization].
type Organization struct {
	Name      string   `toml:"name"`
	ShortName string   `toml:"short_name"`
	Superior  string   `toml:"superior"`
	ElectedOn *Date    `toml:"elected_on"`
	TermYears int      `toml:"term_years"`
	CC        []string `toml:"cc"`   // 抄送机关 (optional)
	Unit      string   `toml:"unit"` // 单位类型 (term.go): village, community, organ…; optional
}

// Contact is [contact], the 附注 of a 请示.
type Contact struct {
	Name  string `toml:"name"`
	Phone string `toml:"phone"`
}

// Members is [members].
type Members struct {
	Total        int        `toml:"total"`
	Probationary int        `toml:"probationary"`
	Expected     *int       `toml:"expected"`
	Excluded     []Excluded `toml:"excluded"`
	// The make-up of the membership, for the 工作报告's 基本情况 (each
	// optional): women, ethnic minorities, 35 and under, over 60, 大专 and
	// above.
	Women          *int `toml:"women"`
	Minorities     *int `toml:"minorities"`
	Age35OrUnder   *int `toml:"age_35_or_under"`
	AgeOver60      *int `toml:"age_over_60"`
	CollegeOrAbove *int `toml:"college_or_above"`
}

// Excluded is one [[members.excluded]] entry.
type Excluded struct {
	Name      string `toml:"name"`
	Reason    string `toml:"reason"`
	Consulted string `toml:"consulted"` // 本人意见 (optional)
	Note      string `toml:"note"`
}

// Voters is [voters], used by the village and residents profiles.
type Voters struct {
	Registered int `toml:"registered"` // 登记选民数
}

// Plan is [plan].
type Plan struct {
	RequestDate *Date `toml:"request_date"`
	NoticeDate  *Date `toml:"notice_date"`
	NoticeDays  int   `toml:"notice_days"` // 公示期（工作日）
	// NoticeStart and NoticeEnd override the 公示's first and last day
	// (by default from NoticeDate, counting working days, weekends
	// skipped): for public holidays.
	NoticeStart *Date `toml:"notice_start"`
	NoticeEnd   *Date `toml:"notice_end"`
	// ApprovalDate and ApprovalNumber are the higher organisation's 批复
	// of the 请示 (上级党组织批复同意换届的日期、批复文号): the 通知 and the
	// 选举办法 cite it, and a document saying "经…同意" is dated on or after
	// it.
	ApprovalDate   *Date  `toml:"approval_date"`
	ApprovalNumber string `toml:"approval_number"`
	// MeetingNoticeDate dates the 党员大会通知 (default: ApprovalDate).
	MeetingNoticeDate *Date `toml:"meeting_notice_date"`
	// TermReason says why the election is held late or early (the 请示
	// asks the higher organisation to approve it, 条例第三条).
	TermReason     string `toml:"term_reason"`
	MeetingDate    *Date  `toml:"meeting_date"`
	MeetingTime    string `toml:"meeting_time"`
	Place          string `toml:"place"`
	CommitteeSeats int    `toml:"committee_seats"`
	SecretarySeats int    `toml:"secretary_seats"`
	DeputySeats    int    `toml:"deputy_seats"`
	Scrutineers    int    `toml:"scrutineers"` // 拟设监票人人数 (optional)
	Tellers        int    `toml:"tellers"`
	// Committee = false: a 党支部 without a committee, whose 党员大会
	// elects the 书记 (and 副书记) directly; left out, a branch with fewer
	// than [rules] min_full_members 正式党员 has none.
	Committee *bool `toml:"committee"`
	// DisciplineSeats is the 纪律检查委员会's seats (a 基层党委; 0: none);
	// DisciplineDeputySeats its 副书记 (0: none). Its 书记 is always one.
	DisciplineSeats       int `toml:"discipline_seats"`
	DisciplineDeputySeats int `toml:"discipline_deputy_seats"`
}

// Candidate is one [[candidates]] entry.
type Candidate struct {
	Name       string `toml:"name"`
	Gender     string `toml:"gender"`
	Birth      *Date  `toml:"birth"`
	Ethnicity  string `toml:"ethnicity"`
	Education  string `toml:"education"`
	PartySince *Date  `toml:"party_since"`
	Post       string `toml:"post"`
	Proposed   string `toml:"proposed"`
	Incumbent  bool   `toml:"incumbent"`
	Note       string `toml:"note"`
	// Concurrent is the post the candidate holds besides the Party one
	// after the election, e.g. "村民委员会主任" (一肩挑 when the 书记 holds
	// it); optional.
	Concurrent string `toml:"concurrent"`
}

// Meeting is [meeting]: what happened at the 党员大会. The first round of
// voting is written in the table itself; the rounds after it, in the order
// they are held (contract.md "Rounds after the first vote"), in Revote,
// AnotherRound and ReducedSeats.
type Meeting struct {
	Date            *Date          `toml:"date"`
	Host            string         `toml:"host"`
	Present         int            `toml:"present"`
	Scrutineers     []string       `toml:"scrutineers"`
	ChiefScrutineer string         `toml:"chief_scrutineer"` // 总监票人, one of Scrutineers (optional)
	Tellers         []string       `toml:"tellers"`
	BallotsIssued   int            `toml:"ballots_issued"`
	BallotsReturned int            `toml:"ballots_returned"`
	BallotsInvalid  int            `toml:"ballots_invalid"`
	Votes           map[string]int `toml:"votes"`
	Against         map[string]int `toml:"against"` // 不赞成 (optional)
	Abstain         map[string]int `toml:"abstain"` // 弃权 (optional)
	WriteIns        []WriteIn      `toml:"writeins"`
	// Revote is [meeting.revote] (or [[meeting.revote]] when the re-vote
	// ties again): the re-vote among those tied at the first round's cut-off.
	Revote Revotes `toml:"revote"`
	// AnotherRound is [meeting.another_round] (or [[meeting.another_round]]
	// for a second 另行选举): the 另行选举 of the seats left unfilled.
	AnotherRound AnotherRounds `toml:"another_round"`
	// ReducedSeats is the committee's size when seats were left unfilled
	// and the meeting, by more than half of the voters, agreed to reduce
	// the seats rather than vote again.
	ReducedSeats *int `toml:"reduced_seats"`
}

// WriteIn is one [[meeting.writeins]] entry: votes for a person not on the list.
type WriteIn struct {
	Name  string `toml:"name"`
	Votes int    `toml:"votes"`
	// Post is the post a write-in was voted for when the 党员大会 elects
	// the 书记 and 副书记 directly (a branch without a committee).
	Post string `toml:"post"`
}

// Round is one [meeting.another_round]: a 另行选举 for seats left unfilled.
// Seats and Candidates may be left out: the seats still open, and every
// 被选举人 not yet elected.
type Round struct {
	Seats           int            `toml:"seats"`
	Candidates      []string       `toml:"candidates"`
	Present         int            `toml:"present"`
	BallotsIssued   int            `toml:"ballots_issued"`
	BallotsReturned int            `toml:"ballots_returned"`
	BallotsInvalid  int            `toml:"ballots_invalid"`
	Votes           map[string]int `toml:"votes"`
	Against         map[string]int `toml:"against"` // 不赞成 (optional)
	Abstain         map[string]int `toml:"abstain"` // 弃权 (optional)
	WriteIns        []WriteIn      `toml:"writeins"`
	// Revote is [meeting.another_round.revote]: a re-vote after a tie at
	// this round's cut-off.
	Revote Revotes `toml:"revote"`
	path   string  // TOML path of the table, for findings
}

// Revote is one [meeting.revote]: a re-vote among those tied at the
// cut-off. Candidates and Seats may be left out: the tied, and the seats
// they contend for. There is no 另选他人 in a re-vote.
type Revote struct {
	Candidates      []string       `toml:"candidates"`
	Seats           int            `toml:"seats"`
	Present         int            `toml:"present"`
	BallotsIssued   int            `toml:"ballots_issued"`
	BallotsReturned int            `toml:"ballots_returned"`
	BallotsInvalid  int            `toml:"ballots_invalid"`
	Votes           map[string]int `toml:"votes"`
	Against         map[string]int `toml:"against"` // 不赞成 (optional)
	Abstain         map[string]int `toml:"abstain"` // 弃权 (optional)
	path            string         // TOML path of the table, for findings
}

// FirstMeeting is [first_meeting]: the new committee's first full meeting.
type FirstMeeting struct {
	Date            *Date             `toml:"date"`
	Host            string            `toml:"host"`
	Present         int               `toml:"present"`
	Secretary       string            `toml:"secretary"`
	Deputies        []string          `toml:"deputies"`
	Scrutineers     []string          `toml:"scrutineers"`
	Tellers         []string          `toml:"tellers"`          // 计票人 (optional)
	BallotsIssued   int               `toml:"ballots_issued"`   // 发出选票 (optional)
	BallotsReturned int               `toml:"ballots_returned"` // 收回选票 (optional)
	BallotsInvalid  int               `toml:"ballots_invalid"`  // 无效票 (optional)
	Votes           map[string]int    `toml:"votes"`
	Duties          map[string]string `toml:"duties"`
}

// Discipline is [discipline]: the 纪律检查委员会 of a 基层党委, elected by
// the same 党员大会 on its own ballot. It mirrors the file's own tables:
// its candidates, its vote at the meeting (the 党员大会's attendance,
// 监票人 and 计票人 are [meeting]'s), its first full meeting electing the
// 纪委书记 and 副书记, and its work report.
type Discipline struct {
	Name         string             `toml:"name"` // 全称：中共××纪律检查委员会
	Candidates   []Candidate        `toml:"candidates"`
	Meeting      *DisciplineMeeting `toml:"meeting"`
	FirstMeeting *FirstMeeting      `toml:"first_meeting"`
	Report       *Report            `toml:"report"`
}

// DisciplineMeeting is [discipline.meeting]: the 纪委's vote at the
// 党员大会, with the keys of [meeting] that record a vote. The meeting's
// date, host, 监票人 and 计票人 are [meeting]'s; its attendance too, unless
// the vote records its own.
type DisciplineMeeting struct {
	Present         int            `toml:"present"`
	BallotsIssued   int            `toml:"ballots_issued"`
	BallotsReturned int            `toml:"ballots_returned"`
	BallotsInvalid  int            `toml:"ballots_invalid"`
	Votes           map[string]int `toml:"votes"`
	Against         map[string]int `toml:"against"`
	Abstain         map[string]int `toml:"abstain"`
	WriteIns        []WriteIn      `toml:"writeins"`
	Revote          Revotes        `toml:"revote"`
	AnotherRound    AnotherRounds  `toml:"another_round"`
	ReducedSeats    *int           `toml:"reduced_seats"`
}

// meeting is the vote as the rounds engine reads a body's vote; nil
// before it is recorded.
func (d *DisciplineMeeting) meeting() *Meeting {
	if d == nil {
		return nil
	}
	return &Meeting{Present: d.Present, BallotsIssued: d.BallotsIssued, BallotsReturned: d.BallotsReturned,
		BallotsInvalid: d.BallotsInvalid, Votes: d.Votes, Against: d.Against, Abstain: d.Abstain, WriteIns: d.WriteIns,
		Revote: d.Revote, AnotherRound: d.AnotherRound, ReducedSeats: d.ReducedSeats}
}

// Previous is [previous]: the outgoing committee, for "较上届" comparisons.
type Previous struct {
	Members         int      `toml:"members"`
	Women           *int     `toml:"women"`
	Minorities      *int     `toml:"minorities"`
	AverageAge      *float64 `toml:"average_age"`
	Under35         *int     `toml:"under_35"`
	CollegeOrAbove  *int     `toml:"college_or_above"`
	BachelorOrAbove *int     `toml:"bachelor_or_above"`
}

// Report is [report]: the outgoing committee's 工作报告.
type Report struct {
	Period      string          `toml:"period"`
	Intro       string          `toml:"intro"`
	Sections    []ReportSection `toml:"sections"`
	Problems    ItemList        `toml:"problems"`
	Suggestions ItemList        `toml:"suggestions"`
	Closing     string          `toml:"closing"`
	// NewMembers (发展党员) and DuesCollected (收缴党费, 元) over the term,
	// for the 基本情况 (optional).
	NewMembers    *int     `toml:"new_members"`
	DuesCollected *float64 `toml:"dues_collected"`
}

// ReportSection is one [[report.sections]] entry.
type ReportSection struct {
	Title      string   `toml:"title"`
	Paragraphs []string `toml:"paragraphs"`
}

// ItemList is a table holding items = [...].
type ItemList struct {
	Items []string `toml:"items"`
}

// Summary is [summary]: the narrative parts of the 换届选举工作总结.
type Summary struct {
	Date        *Date      `toml:"date"`
	Practices   []Practice `toml:"practices"`
	Experiences []string   `toml:"experiences"`
	Problems    []string   `toml:"problems"`
	NextSteps   []string   `toml:"next_steps"`
	// Discipline says how the 换届纪律 was kept, Guidance how the higher
	// organisation guided the work (optional paragraphs).
	Discipline string `toml:"discipline"`
	Guidance   string `toml:"guidance"`
	// ResultApprovalDate and ResultApprovalNumber are the higher
	// organisation's 批复 of the 结果请示 (the new 书记 and 副书记).
	ResultApprovalDate   *Date  `toml:"result_approval_date"`
	ResultApprovalNumber string `toml:"result_approval_number"`
}

// Nomination is [nomination]: how the candidates were recommended and
// vetted, as the 总结 reports it. Every key is optional.
type Nomination struct {
	Participants       int    `toml:"participants"`        // 参加推荐的党员人数
	PublicParticipants int    `toml:"public_participants"` // 参加推荐的群众（两推）
	Rounds             int    `toml:"rounds"`              // 推荐轮次
	Initial            int    `toml:"initial_candidates"`  // 候选人初步人选人数
	InspectedBy        string `toml:"inspected_by"`        // 考察的组织，如“街道党工委考察组”
	// NoticeFeedback is what the 公示 received; empty: 公示期间未收到反映.
	NoticeFeedback string `toml:"notice_feedback"`
}

// Practice is one 主要做法 item.
type Practice struct {
	Title string `toml:"title"`
	Text  string `toml:"text"`
}

// BallotConfig is [ballot].
type BallotConfig struct {
	Variant  int    `toml:"variant"`   // 1, 2 or 3 (domain.md §B.2); 1 when 0
	Copies   int    `toml:"copies"`    // 0 = 实到 or 应到会 plus 10%
	PerSheet int    `toml:"per_sheet"` // 0 = by candidate count
	Paper    string `toml:"paper"`     // "A4" | "A5" | "" (by candidate count)
	Pen      string `toml:"pen"`       // e.g. "蓝色或黑色钢笔、签字笔"
	Color    string `toml:"color"`     // tint hint, e.g. "#FDECEC"
	WriteIns int    `toml:"writeins"`  // number of 另选他人 cells; 0 = as many as seats
	// DisciplineColor tints the 纪委's ballots as Color does the
	// committee's: 委员, 书记副书记, 再次投票, 另行选举 (pink by default).
	DisciplineColor string `toml:"discipline_color"`
}

// DirConfig is [fonts] or [templates].
type DirConfig struct {
	Dir string `toml:"dir"`
}

// Letterhead is [letterhead] (optional 版头).
type Letterhead struct {
	Enabled bool     `toml:"enabled"`
	Organ   string   `toml:"organ"`
	Number  string   `toml:"number"`
	Signers []string `toml:"signers"`
}
