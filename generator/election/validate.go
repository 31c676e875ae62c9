package election

import (
	"fmt"
	"sort"
	"strings"

	"huanjie/generator/strokes"
)

type validator struct {
	e *Election
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
	v.refuse()
	checkRulesTable(v.e.Loaded, func(level, code, field, msg string) { v.add(level, code, field, msg) })
	v.header()
	v.members()
	v.plan()
	v.candidates()
	if m := v.e.File.Meeting; m != nil {
		v.meeting(m)
	}
	if fm := v.e.File.FirstMeeting; fm != nil {
		v.firstMeeting(fm)
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
	if p.CommitteeSeats == 0 {
		v.errorf("missing", "plan.committee_seats", "缺少 [plan] 的 committee_seats（委员名额）")
		return
	}
	if s.IsParty() && e.FullMembers() < s.MinFullMembers && e.File.Members.Total > 0 {
		v.errorf("seats", "plan.committee_seats", "正式党员只有%d名，不足%d名，按规定不设支部委员会，只设书记（必要时设副书记1名），由党员大会直接选举", e.FullMembers(), s.MinFullMembers)
	}
	if p.CommitteeSeats < s.CommitteeMin || p.CommitteeSeats > s.CommitteeMax {
		what := "委员会"
		if e.File.Kind == "" || e.File.Kind == KindBranch {
			what = "支部委员会"
		}
		v.errorf("seats", "plan.committee_seats", "%s委员名额应为%d至%d名，现为%d名；请调整 committee_seats，或按上级批准的名额在 [rules] 中设置 committee_min / committee_max", what, s.CommitteeMin, s.CommitteeMax, p.CommitteeSeats)
	} else if s.OddCommittee && p.CommitteeSeats%2 == 0 {
		v.warnf("seats", "plan.committee_seats", "委员名额一般为单数，现为%d名；如确有需要可保留", p.CommitteeSeats)
	}
	if s.IsParty() {
		if p.SecretarySeats != 1 {
			v.errorf("seats", "plan.secretary_seats", "书记名额应为1名，现为%d名", p.SecretarySeats)
		}
		if p.DeputySeats > 2 {
			v.warnf("seats", "plan.deputy_seats", "副书记名额一般为1名（必要时2名），现为%d名", p.DeputySeats)
		}
		if p.SecretarySeats+p.DeputySeats > p.CommitteeSeats {
			v.errorf("seats", "plan.deputy_seats", "书记、副书记名额（%d名）多于委员名额（%d名）", p.SecretarySeats+p.DeputySeats, p.CommitteeSeats)
		}
	}
	if p.RequestDate != nil && p.MeetingDate != nil && p.MeetingDate.Before(*p.RequestDate) {
		v.errorf("dates", "plan.meeting_date", "党员大会日期（%s）早于请示日期（%s）", p.MeetingDate.Chinese(), p.RequestDate.Chinese())
	}
	for _, d := range []struct {
		field string
		val   *Date
	}{{"plan.request_date", p.RequestDate}, {"plan.meeting_date", p.MeetingDate}, {"plan.notice_date", p.NoticeDate}} {
		if d.val != nil && !d.val.HasDay() {
			v.errorf("type", d.field, "%s 应写到日，如 2024-07-18", d.field)
		}
	}
}

func (v *validator) candidates() {
	e := v.e
	cs := e.File.Candidates
	seats := e.Seats()
	if len(cs) == 0 {
		v.errorf("missing", "candidates", "还没有填写委员候选人预备人选（[[candidates]]）")
		return
	}
	if seats > 0 {
		need := e.Settings.MarginCandidates(seats)
		if len(cs) < need {
			if e.Settings.IsParty() {
				v.errorf("margin", "candidates", "委员应选%d名，候选人至少应为%d名（差额不少于%.0f%%，按进一法计算），现为%d名；请增加候选人预备人选", seats, need, e.Settings.MarginMinRatio*100, len(cs))
			} else {
				v.errorf("margin", "candidates", "应选%d名，候选人应多于应选人数（至少%d名），现为%d名", seats, need, len(cs))
			}
		}
	}
	seen := map[string]int{}
	posts := map[string]int{}
	for i, c := range cs {
		p := fmt.Sprintf("candidates[%d]", i)
		name := strings.TrimSpace(c.Name)
		if name == "" {
			v.errorf("missing", p+".name", "候选人第%d项缺少姓名", i+1)
			continue
		}
		if name != c.Name || strings.ContainsAny(c.Name, " \t　") {
			v.errorf("name", p+".name", "候选人姓名 %q 含有空格；姓名中间不要加空格（两字姓名也不要用空格凑齐）", c.Name)
		}
		if j, dup := seen[c.Name]; dup {
			v.errorf("duplicate_name", p+".name", "候选人姓名 %s 重复（第%d项和第%d项）；同名时请加以区分，如“王芳（大）”", c.Name, j+1, i+1)
		}
		seen[c.Name] = i
		if u := strokes.Unknown(c.Name); len(u) > 0 {
			v.warnf("stroke", p+".name", "姓名 %s 中的字“%s”不在笔画数据中，排序位置可能不准确；请人工核对该候选人在名单中的位置", c.Name, string(u))
		}
		if c.Gender != "" && c.Gender != "男" && c.Gender != "女" {
			v.errorf("type", p+".gender", "候选人 %s 的性别应写“男”或“女”，现为 %q", c.Name, c.Gender)
		}
		if c.Birth == nil {
			v.warnf("missing", p+".birth", "候选人 %s 缺少出生年月（birth），年龄统计将不完整", c.Name)
		}
		if c.Birth != nil && c.PartySince != nil && c.PartySince.AgeAt(*c.Birth) > -18 && c.PartySince.Year-c.Birth.Year < 18 {
			v.warnf("dates", p+".party_since", "候选人 %s 的入党时间（%s）距出生（%s）不足18年，请核实", c.Name, c.PartySince.Chinese(), c.Birth.Chinese())
		}
		if c.Education != "" && EducationLevel(c.Education) < 0 {
			v.warnf("education", p+".education", "无法识别候选人 %s 的学历“%s”，学历统计将不计入；可写：研究生、大学本科、大专、中专、高中、初中等", c.Name, c.Education)
		}
		switch c.Proposed {
		case "", "委员":
		case "书记", "副书记":
			posts[c.Proposed]++
		default:
			v.errorf("type", p+".proposed", "候选人 %s 的拟任职务应写“书记”或“副书记”（只任委员的不写），现为 %q", c.Name, c.Proposed)
		}
	}
	if e.Settings.IsParty() && e.Settings.SecretaryMode == "equal" {
		plan := e.File.Plan
		if posts["书记"] > plan.SecretarySeats {
			v.errorf("seats", "candidates", "书记实行等额选举，拟任书记的候选人应为%d名，现为%d名", plan.SecretarySeats, posts["书记"])
		}
		if posts["副书记"] > plan.DeputySeats {
			v.errorf("seats", "candidates", "副书记实行等额选举，拟任副书记的候选人应为%d名，现为%d名", plan.DeputySeats, posts["副书记"])
		}
	}
}

func (v *validator) names() []string {
	var out []string
	for _, c := range v.e.File.Candidates {
		out = append(out, c.Name)
	}
	return out
}

func (v *validator) isCandidate(name string) bool {
	_, ok := v.e.Candidate(name)
	return ok
}

func (v *validator) meeting(m *Meeting) {
	e := v.e
	s := e.Settings
	if m.Date == nil {
		v.warnf("missing", "meeting", "[meeting] 缺少 date（选举日期），统计年龄时按 plan.meeting_date 计算")
	}
	present := m.Present
	if !s.IsParty() && present == 0 {
		present = m.BallotsReturned
	}
	for i, n := range m.Scrutineers {
		if v.isCandidate(n) {
			v.errorf("scrutineer_is_candidate", fmt.Sprintf("meeting.scrutineers[%d]", i), "监票人 %s 是委员候选人；候选人不得担任监票人，请另行推选", n)
		}
	}
	for i, n := range m.Tellers {
		if v.isCandidate(n) {
			v.errorf("scrutineer_is_candidate", fmt.Sprintf("meeting.tellers[%d]", i), "计票人 %s 是委员候选人；候选人不得担任计票人，请另行指定", n)
		}
	}
	switch {
	case present == 0:
		v.errorf("missing", "meeting.present", "缺少 [meeting] 的 present（实到会有选举权人数）")
	case e.Expected > 0 && present > e.Expected:
		who := "应到会有选举权人数"
		if !s.IsParty() {
			who = "登记选民人数"
		}
		v.errorf("counts", "meeting.present", "实到人数（%d名）多于%s（%d名），请核对", present, who, e.Expected)
	case present < QuorumRequired(e.Expected, s.QuorumRatio, s.QuorumStrict):
		req := QuorumRequired(e.Expected, s.QuorumRatio, s.QuorumStrict)
		if s.IsParty() {
			cmp := "不少于"
			if s.QuorumStrict {
				cmp = "超过"
			}
			v.errorf("quorum", "meeting.present", "到会人数不足：应到会有选举权人数%d名，实到%d名，未达到%s应到会人数的%s（至少%d名），会议无效，不能进行选举；应另行召开党员大会", e.Expected, present, cmp, s.QuorumRatio.Chinese(), req)
		} else {
			v.errorf("quorum", "meeting.present", "参加投票的选民不足：登记选民%d名，参加投票%d名，未超过半数（至少%d名），选举无效", e.Expected, present, req)
		}
	}
	if m.BallotsIssued == 0 && m.BallotsReturned == 0 {
		v.errorf("missing", "meeting.ballots_issued", "缺少 [meeting] 的 ballots_issued（发出选票）和 ballots_returned（收回选票）")
		return
	}
	if m.Present > 0 && m.BallotsIssued > m.Present {
		v.errorf("ballots", "meeting.ballots_issued", "发出选票（%d张）多于实到人数（%d名）；每名到会有选举权的人只能领一张选票", m.BallotsIssued, present)
	}
	if m.BallotsReturned > m.BallotsIssued {
		v.errorf("ballots", "meeting.ballots_returned", "收回选票（%d张）多于发出选票（%d张），选举无效，应重新进行选举", m.BallotsReturned, m.BallotsIssued)
	}
	if m.BallotsInvalid > m.BallotsReturned {
		v.errorf("ballots", "meeting.ballots_invalid", "无效票（%d张）多于收回选票（%d张）", m.BallotsInvalid, m.BallotsReturned)
		return
	}
	valid := m.BallotsReturned - m.BallotsInvalid
	v.votes("meeting", m.Votes, m.WriteIns, valid, e.Seats(), true)
	for _, t := range []struct {
		key string
		mp  map[string]int
		zh  string
	}{{"against", m.Against, "不赞成票"}, {"abstain", m.Abstain, "弃权票"}} {
		for _, name := range sortedKeys(t.mp) {
			f := "meeting." + t.key + "." + name
			if !v.isCandidate(name) {
				v.unknownName(f, name)
				continue
			}
			if m.Votes[name]+m.Against[name]+m.Abstain[name] > valid {
				v.errorf("votes", f, "%s的赞成、不赞成、弃权票合计（%d）多于有效票（%d张）", name, m.Votes[name]+m.Against[name]+m.Abstain[name], valid)
			}
		}
	}
	if r := m.AnotherRound; r != nil {
		v.anotherRound(r)
	}
}

func sortedKeys[T any](m map[string]T) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func (v *validator) unknownName(field, name string) {
	msg := fmt.Sprintf("%s 不是委员候选人，不能在这里填写得票", name)
	if s := NearestName(name, v.names()); s != "" {
		msg += fmt.Sprintf("；是否应为 %s？", s)
	} else {
		msg += "；候选人以外的人得票请写在 [[meeting.writeins]] 中"
	}
	v.errorf("unknown_candidate", field, "%s", msg)
}

// votes checks a round's votes: every name a candidate, no more votes than
// valid ballots, and no more marks than valid ballots can carry.
func (v *validator) votes(prefix string, votes map[string]int, writeins []WriteIn, valid, seats int, allCandidates bool) {
	total := 0
	for _, name := range sortedKeys(votes) {
		n := votes[name]
		f := prefix + ".votes." + name
		if !v.isCandidate(name) {
			v.unknownName(f, name)
			continue
		}
		if n > valid {
			v.errorf("votes", f, "%s得%d票，多于有效票（%d张），请核对", name, n, valid)
		}
		total += n
	}
	if allCandidates {
		for i, c := range v.e.File.Candidates {
			if _, ok := votes[c.Name]; !ok && c.Name != "" {
				v.warnf("votes", fmt.Sprintf("candidates[%d].name", i), "[%s.votes] 中没有候选人 %s 的得票，按0票计算；如确为0票，请写 \"%s\" = 0", prefix, c.Name, c.Name)
			}
		}
	}
	seen := map[string]bool{}
	for i, w := range writeins {
		f := fmt.Sprintf("%s.writeins[%d]", prefix, i)
		name := strings.TrimSpace(w.Name)
		switch {
		case name == "":
			v.errorf("missing", f+".name", "另选他人第%d项缺少姓名", i+1)
		case v.isCandidate(name):
			v.errorf("duplicate_name", f+".name", "%s 是候选人，其得票应写在 [%s.votes] 中，不能再作为另选他人", name, prefix)
		case seen[name]:
			v.errorf("duplicate_name", f+".name", "另选他人 %s 重复填写；请合并为一项", name)
		}
		seen[name] = true
		if w.Votes > valid {
			v.errorf("votes", f+".votes", "另选他人 %s 得%d票，多于有效票（%d张）", name, w.Votes, valid)
		}
		total += w.Votes
	}
	if seats > 0 && total > valid*seats {
		v.errorf("votes", prefix+".votes", "赞成票合计%d票，超过有效票%d张×应选%d名=%d票的上限（每张有效票最多选%d人），请核对得票", total, valid, seats, valid*seats, seats)
	}
}

func (v *validator) anotherRound(r *Round) {
	if r.BallotsReturned > r.BallotsIssued {
		v.errorf("ballots", "meeting.another_round.ballots_returned", "另行选举收回选票（%d张）多于发出选票（%d张），另行选举无效", r.BallotsReturned, r.BallotsIssued)
	}
	if r.BallotsInvalid > r.BallotsReturned {
		v.errorf("ballots", "meeting.another_round.ballots_invalid", "另行选举无效票（%d张）多于收回选票（%d张）", r.BallotsInvalid, r.BallotsReturned)
		return
	}
	valid := r.BallotsReturned - r.BallotsInvalid
	for i, n := range r.Candidates {
		if !v.isCandidate(n) {
			v.errorf("unknown_candidate", fmt.Sprintf("meeting.another_round.candidates[%d]", i), "另行选举候选人 %s 不在 [[candidates]] 中", n)
		}
	}
	v.votes("meeting.another_round", r.Votes, r.WriteIns, valid, r.Seats, false)
}

func (v *validator) firstMeeting(fm *FirstMeeting) {
	e := v.e
	if e.File.Meeting == nil {
		v.errorf("missing", "first_meeting", "有 [first_meeting] 却没有 [meeting]；请先填写党员大会选举情况")
		return
	}
	size := e.Seats()
	if fm.Present > size {
		v.errorf("counts", "first_meeting.present", "第一次全体会议到会委员（%d名）多于委员名额（%d名）", fm.Present, size)
	}
	if fm.Present == 0 {
		v.errorf("missing", "first_meeting.present", "缺少 [first_meeting] 的 present（到会委员人数）")
	}
	for _, name := range sortedKeys(fm.Votes) {
		if fm.Votes[name] > fm.Present && fm.Present > 0 {
			v.errorf("votes", "first_meeting.votes."+name, "%s得%d票，多于到会委员人数（%d名）", name, fm.Votes[name], fm.Present)
		}
		if !v.isCandidate(name) {
			v.unknownName("first_meeting.votes."+name, name)
		}
	}
	check := func(field, post, name string) {
		if name == "" {
			return
		}
		if !v.isCandidate(name) {
			v.errorf("unknown_candidate", field, "%s %s 不是委员候选人", post, name)
			return
		}
		if _, ok := fm.Votes[name]; !ok {
			v.errorf("votes", field, "[first_meeting.votes] 中没有%s %s 的得票", post, name)
		}
		if e.Settings.SecretaryMode == "equal" {
			proposed := e.Proposed(post)
			if len(proposed) > 0 && !containsName(proposed, name) {
				v.warnf("proposed", field, "%s %s 不是经上级批准的%s候选人预备人选（%s），请核实", post, name, post, proposed[0].Name)
			}
		}
	}
	check("first_meeting.secretary", "书记", fm.Secretary)
	for i, d := range fm.Deputies {
		check(fmt.Sprintf("first_meeting.deputies[%d]", i), "副书记", d)
	}
	for _, name := range sortedKeys(fm.Duties) {
		if !v.isCandidate(name) {
			v.errorf("unknown_candidate", "first_meeting.duties."+name, "委员分工中的 %s 不是委员候选人", name)
		}
	}
	for i, n := range fm.Scrutineers {
		if n == fm.Secretary || containsString(fm.Deputies, n) {
			v.errorf("scrutineer_is_candidate", fmt.Sprintf("first_meeting.scrutineers[%d]", i), "监票人 %s 是书记、副书记候选人；应从不是书记、副书记候选人的委员中推选", n)
		}
	}
}

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
