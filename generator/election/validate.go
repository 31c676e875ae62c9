package election

import (
	"fmt"
	"regexp"
	"strings"
)

type validator struct {
	e *Election
	// misformed: the file is written for a committee (committee_seats)
	// though the branch has none; the one error saying so stands for the
	// direct election's own checks, which would only repeat it.
	misformed bool
}

func (v *validator) add(level, code, field, msg string) {
	pos := v.e.KeyPos(field)
	if strings.HasSuffix(field, "]") {
		pos = v.e.ValPos(field) // an array element: point at the element itself
	}
	v.e.Findings = append(v.e.Findings, Finding{Level: level, Code: code, Field: field, Line: pos.Line, Column: pos.Col, Message: msg})
}

func (v *validator) errorf(code, field, format string, a ...any) {
	v.add(LevelError, code, field, fmt.Sprintf(format, a...))
}

func (v *validator) warnf(code, field, format string, a ...any) {
	v.add(LevelWarning, code, field, fmt.Sprintf(format, a...))
}

func (v *validator) run() {
	e := v.e
	v.refuse()
	checkRulesTable(e.Loaded, func(level, code, field, msg string) { v.add(level, code, field, msg) })
	v.header()
	v.checkUnit()
	v.checkTerm()
	v.warnDates()
	v.contact()
	v.approval()
	v.members()
	v.plan()
	v.discipline()
	for _, b := range e.Bodies {
		v.candidates(b)
		if !b.IsDirect() {
			v.firstMeetingStaff(b)
		}
	}
	if m := e.File.Meeting; m != nil {
		v.meeting(m)
	}
	for _, b := range e.Bodies {
		if b.Meeting != nil && e.File.Meeting != nil {
			v.rounds(b)
		}
		if b.FirstMeeting != nil {
			v.firstMeeting(b)
		}
	}
	if b := e.Main(); b.IsDirect() {
		v.direct(b)
	}
}

func (v *validator) header() {
	f := &v.e.File
	if f.Version != 0 && f.Version != 1 {
		v.errorf("version", "version", "不支持的文件版本 %d；本程序读取 version = 1 的文件", f.Version)
	}
	switch f.Kind {
	case "", KindBranch, KindGeneralBranch, KindCommittee, KindVillage, KindResidents:
	default:
		msg := fmt.Sprintf("不认识的组织类型 kind = %q；可用的有 party-branch（党支部）、party-general-branch（党总支）、party-committee（基层党委）、village-committee（村民委员会）、residents-committee（居民委员会）", f.Kind)
		v.errorf("kind", "kind", "%s", msg)
	}
	o := &f.Organization
	if strings.TrimSpace(o.Name) == "" {
		v.errorf("missing", "organization.name", "缺少 [organization] 的 name（组织全称，如“中共东华社区支部委员会”），署名和标题要用")
	}
	if v.e.Settings.IsParty() && strings.TrimSpace(o.Superior) == "" {
		v.errorf("missing", "organization.superior", "缺少 [organization] 的 superior（上级党组织全称），请示要主送上级党组织")
	}
	if o.TermYears != 0 && (o.TermYears < 3 || o.TermYears > 5) && v.e.Settings.IsParty() {
		v.warnf("term", "organization.term_years", "基层党组织每届任期为3年至5年，现写为%d年，请核实", o.TermYears)
	}
}

func (v *validator) members() {
	if !v.e.Settings.IsParty() {
		if v.e.File.Voters == nil || v.e.File.Voters.Registered == 0 {
			v.errorf("missing", "voters", "村（居）民委员会选举需要 [voters] 的 registered（登记参加选举的选民人数）")
		}
		return
	}
	m := &v.e.File.Members
	if m.Total == 0 {
		v.errorf("missing", "members.total", "缺少 [members] 的 total（党员总数）")
		return
	}
	if m.Probationary > m.Total {
		v.errorf("counts", "members.probationary", "预备党员人数（%d名）不能多于党员总数（%d名）", m.Probationary, m.Total)
		return
	}
	if m.Probationary+len(m.Excluded) > m.Total {
		v.errorf("counts", "members.excluded", "预备党员（%d名）与不计入应到会人数的党员（%d名）合计多于党员总数（%d名）", m.Probationary, len(m.Excluded), m.Total)
	}
	if m.Expected != nil && *m.Expected > m.Total-m.Probationary {
		v.errorf("counts", "members.expected", "应到会有选举权人数（%d名）不能多于正式党员人数（%d名）", *m.Expected, m.Total-m.Probationary)
	}
	seen := map[string]bool{}
	for i, x := range m.Excluded {
		p := fmt.Sprintf("members.excluded[%d]", i)
		if strings.TrimSpace(x.Name) == "" {
			v.errorf("missing", p+".name", "不计入应到会人数的党员第%d项缺少姓名", i+1)
		}
		if strings.TrimSpace(x.Reason) == "" {
			v.errorf("missing", p+".reason", "不计入应到会人数的党员 %s 缺少原因（reason）；不计入须有正当理由，并经上级党组织同意、党员大会通过", x.Name)
		}
		if seen[x.Name] && x.Name != "" {
			v.errorf("duplicate_name", p+".name", "不计入应到会人数的党员 %s 重复填写", x.Name)
		}
		seen[x.Name] = true
	}
}

func (v *validator) plan() {
	e := v.e
	p := &e.File.Plan
	s := e.Settings
	if s.IsParty() {
		if p.SecretarySeats != 1 {
			v.errorf("seats", "plan.secretary_seats", "书记名额应为1名，现为%d名", p.SecretarySeats)
		}
		if p.DeputySeats > 2 {
			v.warnf("seats", "plan.deputy_seats", "副书记名额一般为1名（必要时2名），现为%d名", p.DeputySeats)
		}
	}
	if !v.committeeForm() {
		return
	}
	if p.CommitteeSeats == 0 {
		v.errorf("missing", "plan.committee_seats", "缺少 [plan] 的 committee_seats（委员名额）")
		return
	}
	v.bodySize(e.Main(), "plan.committee_seats", "committee_min / committee_max")
	if s.IsParty() && p.SecretarySeats+p.DeputySeats > p.CommitteeSeats {
		v.errorf("seats", "plan.deputy_seats", "书记、副书记名额（%d名）多于委员名额（%d名）", p.SecretarySeats+p.DeputySeats, p.CommitteeSeats)
	}
}

// contact warns when a 请示 would go up without its 附注: a 请示 carries
// 联系人 and 电话 (domain.md §C.3), unless [rules] request_contact_note is
// false.
func (v *validator) contact() {
	c := v.e.File.Contact
	if !v.e.Settings.IsParty() || !v.e.Settings.RequestContactNote || (strings.TrimSpace(c.Name) != "" && strings.TrimSpace(c.Phone) != "") {
		return
	}
	var lack []string
	if strings.TrimSpace(c.Name) == "" {
		lack = append(lack, "联系人（name）")
	}
	if strings.TrimSpace(c.Phone) == "" {
		lack = append(lack, "电话（phone）")
	}
	then := "请填写"
	if len(lack) == 2 {
		then = "请填写，否则请示不印附注"
	}
	v.warnf("contact", "contact", "请示应在附注中写明联系人和电话，[contact] 缺少%s；%s", strings.Join(lack, "和"), then)
}

// approval reminds of the 批复 the 通知 and 选举办法 cite, and checks the
// form of its number (〔2024〕, not [2024] or (2024)).
func (v *validator) approval() {
	p := &v.e.File.Plan
	if !v.e.Settings.IsParty() {
		return
	}
	if p.ApprovalDate == nil && p.RequestDate != nil {
		v.warnf("approval", "plan", "还没有填写上级党组织的批复（[plan] 的 approval_date 批复日期、approval_number 批复文号）：党员大会通知和选举办法写明“经…批复同意”并引用文号，通知的日期不早于批复日期；收到批复后请填写，未填写时通知的日期留空待填")
	}
	if n := p.ApprovalNumber; n != "" && yearBrackets.MatchString(n) {
		v.warnf("approval", "plan.approval_number", "批复文号 %q 中的年份应用六角括号〔〕括起来，如“%s”", n, yearBrackets.ReplaceAllString(n, "〔$1〕"))
	}
}

// yearBrackets finds a year in the wrong brackets: [2024], (2024), 【2024】….
var yearBrackets = regexp.MustCompile(`[\[［(（【〈<]\s*((?:19|20|21)\d\d)\s*[\]］)）】〉>]`)

// committeeForm checks which form the election takes — a committee, or a
// branch without one whose 党员大会 elects the 书记 directly — against the
// 正式党员 and what the file says, and reports whether it elects a
// committee.
func (v *validator) committeeForm() bool {
	e := v.e
	p := &e.File.Plan
	s := e.Settings
	full, min := e.FullMembers(), s.MinFullMembers
	why := fmt.Sprintf("正式党员只有%d名，不足%d名，按规定不设支部委员会，只设书记（必要时设副书记1名），由党员大会直接选举", full, min)
	switch {
	case !s.IsParty():
		return true
	case p.Committee != nil && !*p.Committee && e.Kind.Code != KindBranch:
		v.errorf("kind", "plan.committee", "%s都设委员会，committee = false 只适用于正式党员不足%d名的党支部；请删除 committee = false", e.Kind.Name, min)
		return true
	case e.Kind.Direct:
		if p.Committee != nil && full >= min {
			v.warnf("seats", "plan.committee", "正式党员有%d名，按规定正式党员%d名以上的党支部应当设立支部委员会；如确经上级党组织同意不设，请保留 committee = false，否则请删除它并填写 committee_seats（委员名额）", full, min)
		}
		if p.CommitteeSeats > 0 {
			v.misformed = true
			if p.Committee == nil {
				v.errorf("seats", "plan.committee_seats", "%s；请删除 committee_seats（委员名额），并在候选人中写明拟任书记、副书记（proposed）", why)
			} else {
				v.errorf("seats", "plan.committee_seats", "committee = false（不设支部委员会）时不选举委员；请删除 committee_seats（委员名额）")
			}
		}
		return false
	case p.Committee != nil && *p.Committee && e.Kind.Code == KindBranch && full < min && e.File.Members.Total > 0:
		v.errorf("seats", "plan.committee", "%s；请删除 committee = true", why)
	}
	return true
}

// bodySize checks a body's number of 委员 against its limits.
func (v *validator) bodySize(b *Body, field, settings string) {
	if b.Seats < b.Min || b.Seats > b.Max {
		v.errorf("seats", field, "%s委员名额应为%d至%d名，现为%d名；请调整 %s，或按上级批准的名额在 [rules] 中设置 %s", b.Name, b.Min, b.Max, b.Seats, strings.TrimPrefix(field, "plan."), settings)
	} else if v.e.Settings.OddCommittee && b.Seats%2 == 0 {
		v.warnf("seats", field, "%s委员名额一般为单数，现为%d名；如确有需要可保留", b.msg, b.Seats)
	}
}

func (v *validator) meeting(m *Meeting) {
	if m.Date == nil {
		v.warnf("missing", "meeting", "[meeting] 缺少 date（选举日期），统计年龄时按 plan.meeting_date 计算")
	}
	for i, n := range m.Scrutineers {
		if b := v.candidateOf(n); b != nil {
			v.errorf("scrutineer_is_candidate", fmt.Sprintf("meeting.scrutineers[%d]", i), "监票人 %s 是%s候选人；候选人不得担任监票人，请另行推选", n, b.candWord())
		}
	}
	if c := m.ChiefScrutineer; c != "" && !containsString(m.Scrutineers, c) {
		v.errorf("scrutineer_is_candidate", "meeting.chief_scrutineer", "总监票人 %s 应是监票人之一；请把 %s 写进 scrutineers，或改正姓名", c, c)
	}
	for i, n := range m.Tellers {
		if b := v.candidateOf(n); b != nil {
			v.errorf("scrutineer_is_candidate", fmt.Sprintf("meeting.tellers[%d]", i), "计票人 %s 是%s候选人；候选人不得担任计票人，请另行指定", n, b.candWord())
		}
	}
}

// candidateOf returns the body whose candidate name is, or nil.
func (v *validator) candidateOf(name string) *Body {
	for _, b := range v.e.Bodies {
		if b.isCandidate(name) {
			return b
		}
	}
	return nil
}

func quorumWord(s Settings) string {
	if s.QuorumStrict {
		return "超过"
	}
	return "不少于"
}

// markOutcome marks the last finding as the meeting's outcome (see
// Finding.outcome).
func (v *validator) markOutcome() { v.e.Findings[len(v.e.Findings)-1].outcome = true }

func containsName(cs []Candidate, name string) bool {
	for _, c := range cs {
		if c.Name == name {
			return true
		}
	}
	return false
}

func containsString(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
