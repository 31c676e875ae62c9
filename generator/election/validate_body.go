package election

import (
	"fmt"
	"strings"

	"huanjie/generator/strokes"
)

// candWord is what the body's candidates are: 委员, 纪委委员, or 书记、副书记
// (a branch without a committee).
func (b *Body) candWord() string {
	if b.IsDirect() {
		return "书记、副书记"
	}
	return b.msg + "委员"
}

// candidates checks a body's candidates: the 差额, names, posts.
func (v *validator) candidates(b *Body) {
	e := v.e
	cs := b.Candidates
	cp := b.candPath
	if len(cs) == 0 {
		if b.IsDirect() {
			v.errorf("missing", cp, "还没有填写书记候选人预备人选（[[candidates]]，拟任书记的写 proposed = \"书记\"）")
		} else {
			v.errorf("missing", cp, "还没有填写%s候选人预备人选（[[%s]]）", b.candWord(), cp)
		}
		return
	}
	if seats := b.Seats; seats > 0 {
		need := e.Settings.MarginCandidates(seats)
		if len(cs) < need {
			if e.Settings.IsParty() {
				v.errorf("margin", cp, "%s委员应选%d名，候选人至少应为%d名（差额不少于%.0f%%，按进一法计算），现为%d名；请增加候选人预备人选", b.msg, seats, need, e.Settings.MarginMinRatio*100, len(cs))
			} else {
				v.errorf("margin", cp, "应选%d名，候选人应多于应选人数（至少%d名），现为%d名", seats, need, len(cs))
			}
		}
	}
	seen := map[string]int{}
	posts := map[string]int{}
	for i, c := range cs {
		p := fmt.Sprintf("%s[%d]", cp, i)
		name := strings.TrimSpace(c.Name)
		if name == "" {
			v.errorf("missing", p+".name", "%s候选人第%d项缺少姓名", b.msg, i+1)
			continue
		}
		if name != c.Name || strings.ContainsAny(c.Name, " \t　") {
			v.errorf("name", p+".name", "候选人姓名 %q 含有空格；姓名中间不要加空格（两字姓名也不要用空格凑齐）", c.Name)
		}
		if j, dup := seen[c.Name]; dup {
			v.errorf("duplicate_name", p+".name", "%s候选人姓名 %s 重复（第%d项和第%d项）；同名时请加以区分，如“王芳（大）”", b.msg, c.Name, j+1, i+1)
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
		if c.Education != "" && EducationLevel(c.Education) < 0 {
			v.warnf("education", p+".education", "无法识别候选人 %s 的学历“%s”，学历统计将不计入；可写：研究生、大学本科、大专、中专、高中、初中等", c.Name, c.Education)
		}
		switch c.Proposed {
		case "", "委员":
			if b.IsDirect() && !v.misformed {
				v.errorf("proposed", p+".proposed", "不设支部委员会的党支部不选举委员，候选人都是书记或副书记候选人；请为 %s 写明 proposed = \"书记\" 或 \"副书记\"", c.Name)
			}
		case "书记", "副书记":
			posts[c.Proposed]++
		default:
			v.errorf("type", p+".proposed", "候选人 %s 的拟任职务应写“书记”或“副书记”（只任委员的不写），现为 %q", c.Name, c.Proposed)
		}
	}
	if !e.Settings.IsParty() || v.misformed {
		return
	}
	for _, post := range directPosts {
		seats, n := b.postSeats(post), posts[post]
		switch {
		case e.Settings.SecretaryMode == "equal" && n > seats:
			v.errorf("seats", cp, "%s%s实行等额选举，拟任%s的候选人应为%d名，现为%d名", b.msg, post, post, seats, n)
		case b.IsDirect() && seats > 0 && n == 0:
			v.errorf("missing", cp, "书记、副书记由党员大会直接选举，还没有%s候选人预备人选；请在 [[candidates]] 中为%s候选人写 proposed = \"%s\"", post, post, post)
		case b.IsDirect() && seats == 0 && n > 0:
			v.errorf("seats", cp, "[plan] 没有设副书记（deputy_seats），却有%d名副书记候选人；设副书记的请写 deputy_seats = 1", n)
		}
	}
}

// rounds checks each vote of the body at the 党员大会.
func (v *validator) rounds(b *Body) {
	m := b.Meeting
	count := map[string]int{}
	for _, rd := range m.Rounds(b.meetPath) {
		count[rd.Kind]++
		v.round(b, &rd, count[rd.Kind])
	}
	if rs := m.ReducedSeats; rs != nil && *rs == 0 {
		v.errorf("seats", b.meetPath+".reduced_seats", "reduced_seats 是减少名额后的委员名额，不能为0")
	}
}

// round checks the counts and votes of one vote of the body (n is its
// number among the rounds of its kind). The first round's messages name no
// round; the others say which; the 纪委's say 纪委.
func (v *validator) round(b *Body, rd *RoundData, n int) {
	e := v.e
	s := e.Settings
	first := rd.Kind == KindFirst
	label, invalid, where := b.msg, "选举无效，应重新进行选举", "["+b.meetPath+"]"
	if b.IsDiscipline() {
		label += "委员选举"
	}
	if !first {
		label += RoundName(rd.Kind, n)
		invalid = label + "无效，应重新投票"
		where = "[" + stripIndex(rd.Path) + "]"
	}
	present := b.roundPresent(rd)
	// The 纪委's vote is held by the same meeting: its attendance is
	// [meeting]'s unless the vote records its own.
	sameMeeting := b.IsDiscipline() && first && rd.Present == 0
	switch req := QuorumRequired(e.Expected, s.QuorumRatio, s.QuorumStrict); {
	case sameMeeting:
	case present == 0:
		v.errorf("missing", rd.field("present"), "缺少 [meeting] 的 present（实到会有选举权人数）")
	case e.Expected > 0 && present > e.Expected:
		who := "应到会有选举权人数"
		if !s.IsParty() {
			who = "登记选民人数"
		}
		v.errorf("counts", rd.field("present"), "%s实到人数（%d名）多于%s（%d名），请核对", label, present, who, e.Expected)
	case present < req:
		var msg string
		switch {
		case !s.IsParty():
			msg = fmt.Sprintf("参加投票的选民不足：登记选民%d名，参加投票%d名，未超过半数（至少%d名），选举无效", e.Expected, present, req)
		case first && !b.IsDiscipline():
			msg = fmt.Sprintf("到会人数不足：应到会有选举权人数%d名，实到%d名，未达到%s应到会人数的%s（至少%d名），会议无效，不能进行选举；应另行召开党员大会", e.Expected, present, quorumWord(s), s.QuorumRatio.Chinese(), req)
		default:
			msg = fmt.Sprintf("%s时到会人数不足：应到会有选举权人数%d名，实到%d名，未达到%s应到会人数的%s（至少%d名），不能进行%s", label, e.Expected, present, quorumWord(s), s.QuorumRatio.Chinese(), req, label)
		}
		v.add(LevelError, "quorum", rd.field("present"), msg)
		v.markOutcome()
	}
	if rd.BallotsIssued == 0 && rd.BallotsReturned == 0 {
		v.errorf("missing", rd.field("ballots_issued"), "缺少 %s 的 ballots_issued（发出选票）和 ballots_returned（收回选票）", where)
		return
	}
	if present > 0 && rd.BallotsIssued > present && (rd.Present > 0 || !first || b.IsDiscipline()) {
		v.errorf("ballots", rd.field("ballots_issued"), "%s发出选票（%d张）多于实到人数（%d名）；每名到会有选举权的人只能领一张选票", label, rd.BallotsIssued, present)
	}
	if rd.BallotsReturned > rd.BallotsIssued {
		v.add(LevelError, "ballots", rd.field("ballots_returned"), fmt.Sprintf("%s收回选票（%d张）多于发出选票（%d张），%s", label, rd.BallotsReturned, rd.BallotsIssued, invalid))
		v.markOutcome()
	}
	if rd.BallotsInvalid > rd.BallotsReturned {
		v.errorf("ballots", rd.field("ballots_invalid"), "%s无效票（%d张）多于收回选票（%d张）", label, rd.BallotsInvalid, rd.BallotsReturned)
		return
	}
	valid := rd.BallotsReturned - rd.BallotsInvalid
	seats := rd.Seats
	if first && !v.misformed {
		seats = b.Seats + b.postSeatsIfDirect()
	}
	v.votes(b, rd.Path, rd.Votes, rd.WriteIns, valid, seats, first)
	for _, t := range []struct {
		key string
		mp  map[string]int
	}{{"against", rd.Against}, {"abstain", rd.Abstain}} {
		for _, name := range sortedKeys(t.mp) {
			f := rd.field(t.key + "." + name)
			if !b.isCandidate(name) {
				v.unknownName(b, f, name)
				continue
			}
			if sum := rd.Votes[name] + rd.Against[name] + rd.Abstain[name]; sum > valid {
				v.errorf("votes", f, "%s%s的赞成、不赞成、弃权票合计（%d）多于有效票（%d张）", label, name, sum, valid)
			}
		}
	}
}

// postSeatsIfDirect is the number of posts a branch without a committee
// elects on its ballot (0 for the other bodies).
func (b *Body) postSeatsIfDirect() int {
	if b.IsDirect() {
		return b.SecretarySeats + b.DeputySeats
	}
	return 0
}

func (v *validator) unknownName(b *Body, field, name string) {
	msg := fmt.Sprintf("%s 不是%s候选人，不能在这里填写得票", name, b.candWord())
	if s := NearestName(name, b.names()); s != "" {
		msg += fmt.Sprintf("；是否应为 %s？", s)
	} else {
		msg += fmt.Sprintf("；候选人以外的人得票请写在 [[%s.writeins]] 中", b.meetPath)
	}
	v.errorf("unknown_candidate", field, "%s", msg)
}

// votes checks a round's votes: no more votes than valid ballots, and no
// more marks than valid ballots can carry (seats 0: not known yet). In the
// first round every name must be a candidate and every candidate have a
// count; a later round's names are checked against its own candidates
// when the election is followed round by round (computeResult).
func (v *validator) votes(b *Body, prefix string, votes map[string]int, writeins []WriteIn, valid, seats int, first bool) {
	total := 0
	for _, name := range sortedKeys(votes) {
		n := votes[name]
		f := prefix + ".votes." + name
		if first && !b.isCandidate(name) {
			v.unknownName(b, f, name)
			continue
		}
		if n > valid {
			v.errorf("votes", f, "%s得%d票，多于有效票（%d张），请核对", name, n, valid)
		}
		total += n
	}
	if first {
		for i, c := range b.Candidates {
			if _, ok := votes[c.Name]; !ok && c.Name != "" {
				v.warnf("votes", fmt.Sprintf("%s[%d].name", b.candPath, i), "[%s.votes] 中没有候选人 %s 的得票，按0票计算；如确为0票，请写 \"%s\" = 0", prefix, c.Name, c.Name)
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
		case first && b.isCandidate(name):
			v.errorf("duplicate_name", f+".name", "%s 是候选人，其得票应写在 [%s.votes] 中，不能再作为另选他人", name, prefix)
		case seen[name+"\x00"+w.Post]:
			v.errorf("duplicate_name", f+".name", "另选他人 %s 重复填写；请合并为一项", name)
		}
		seen[name+"\x00"+w.Post] = true
		switch post := b.writeInPost(w); {
		case v.misformed:
		case b.IsDirect() && post == "":
			v.errorf("missing", f+".post", "另选他人 %s 没有写明所选的职务；请写 post = \"书记\" 或 \"副书记\"", name)
		case b.IsDirect() && post != "书记" && post != "副书记":
			v.errorf("type", f+".post", "另选他人 %s 的职务应写“书记”或“副书记”，现为 %q", name, post)
		case !b.IsDirect() && w.Post != "":
			v.errorf("type", f+".post", "委员选举的另选他人不写职务（post 只用于不设委员会的党支部直接选举书记、副书记）；请删除 %s 的 post", name)
		}
		if w.Votes > valid {
			v.errorf("votes", f+".votes", "另选他人 %s 得%d票，多于有效票（%d张）", name, w.Votes, valid)
		}
		total += w.Votes
	}
	if seats > 0 && total > valid*seats {
		v.errorf("votes", prefix+".votes", "赞成票合计%d票，超过有效票%d张×应选%d名=%d票的上限（每张有效票最多选%d人），请核对得票", total, valid, seats, valid*seats, seats)
	}
}

func (v *validator) firstMeeting(b *Body) {
	e := v.e
	fm := b.FirstMeeting
	fp, p := b.firstPath, b.msg
	if b.Meeting == nil || e.File.Meeting == nil {
		v.errorf("missing", fp, "有 [%s] 却没有 [%s]；请先填写党员大会选举%s委员的情况", fp, b.meetPath, p)
		return
	}
	size := b.Seats
	if fm.Present > size {
		v.errorf("counts", fp+".present", "%s第一次全体会议到会委员（%d名）多于委员名额（%d名）", p, fm.Present, size)
	}
	if fm.Present == 0 {
		v.errorf("missing", fp+".present", "缺少 [%s] 的 present（到会委员人数）", fp)
	}
	for _, name := range sortedKeys(fm.Votes) {
		if fm.Votes[name] > fm.Present && fm.Present > 0 {
			v.errorf("votes", fp+".votes."+name, "%s得%d票，多于到会委员人数（%d名）", name, fm.Votes[name], fm.Present)
		}
		if !b.isCandidate(name) {
			v.unknownName(b, fp+".votes."+name, name)
		}
	}
	check := func(field, post, name string) {
		if name == "" {
			return
		}
		if !b.isCandidate(name) {
			v.errorf("unknown_candidate", field, "%s%s %s 不是%s候选人", p, post, name, b.candWord())
			return
		}
		if _, ok := fm.Votes[name]; !ok {
			v.errorf("votes", field, "[%s.votes] 中没有%s%s %s 的得票", fp, p, post, name)
		}
		if e.Settings.SecretaryMode == "equal" {
			proposed := b.Proposed(post)
			if len(proposed) > 0 && !containsName(proposed, name) {
				v.warnf("proposed", field, "%s%s %s 不是经上级批准的%s%s候选人预备人选（%s），请核实", p, post, name, p, post, proposed[0].Name)
			}
		}
	}
	check(fp+".secretary", "书记", fm.Secretary)
	for i, d := range fm.Deputies {
		check(fmt.Sprintf("%s.deputies[%d]", fp, i), "副书记", d)
	}
	for _, name := range sortedKeys(fm.Duties) {
		if !b.isCandidate(name) {
			v.errorf("unknown_candidate", fp+".duties."+name, "%s委员分工中的 %s 不是%s候选人", p, name, b.candWord())
		}
	}
	for i, n := range fm.Scrutineers {
		if n == fm.Secretary || containsString(fm.Deputies, n) {
			v.errorf("scrutineer_is_candidate", fmt.Sprintf("%s.scrutineers[%d]", fp, i), "监票人 %s 是%s书记、副书记候选人；应从不是书记、副书记候选人的委员中推选", n, p)
		}
	}
	for i, n := range fm.Tellers {
		if n == fm.Secretary || containsString(fm.Deputies, n) {
			v.errorf("scrutineer_is_candidate", fmt.Sprintf("%s.tellers[%d]", fp, i), "计票人 %s 是%s书记、副书记候选人；候选人不得担任计票人，请另行指定", n, p)
		}
	}
	if fm.BallotsIssued == 0 && fm.BallotsReturned == 0 {
		return
	}
	if fm.Present > 0 && fm.BallotsIssued > fm.Present {
		v.errorf("ballots", fp+".ballots_issued", "%s第一次全体会议发出选票（%d张）多于到会委员（%d名）", p, fm.BallotsIssued, fm.Present)
	}
	if fm.BallotsReturned > fm.BallotsIssued {
		v.errorf("ballots", fp+".ballots_returned", "%s第一次全体会议收回选票（%d张）多于发出选票（%d张），选举无效，应重新投票；请填写重新投票的情况", p, fm.BallotsReturned, fm.BallotsIssued)
	}
	if fm.BallotsInvalid > fm.BallotsReturned {
		v.errorf("ballots", fp+".ballots_invalid", "%s第一次全体会议无效票（%d张）多于收回选票（%d张）", p, fm.BallotsInvalid, fm.BallotsReturned)
		return
	}
	valid := fm.BallotsReturned - fm.BallotsInvalid
	for _, name := range sortedKeys(fm.Votes) {
		if fm.Votes[name] > valid {
			v.errorf("votes", fp+".votes."+name, "%s得%d票，多于%s第一次全体会议的有效票（%d张）", name, fm.Votes[name], p, valid)
		}
	}
}

// firstMeetingStaff warns when the new body has too few members who are
// not 书记、副书记 candidates to staff a 监票人 and a 计票人 (domain.md
// §A.5): the 选举办法 and 主持词 then say who does it instead.
func (v *validator) firstMeetingStaff(b *Body) {
	e := v.e
	free := b.FirstMeetingFreeMembers()
	if !e.Settings.IsParty() || b.Seats == 0 || free >= 2 {
		return
	}
	field := "plan.committee_seats"
	if b.IsDiscipline() {
		field = "plan.discipline_seats"
	}
	posts := b.Seats - free
	who := "新一届" + b.meetingOf()
	if free == 1 {
		v.warnf("scrutineers", field, "%s%d名委员中，书记、副书记候选人%d名，不是候选人的委员只有1名，不够分别担任第一次全体会议的监票人和计票人：由这名委员担任监票人，计票人由上届%s指定一名不是候选人的工作人员担任，在监票人监督下计票；选举办法和主持词照此写明", who, b.Seats, posts, b.meetingOf())
		return
	}
	v.warnf("scrutineers", field, "%s%d名委员都是书记、副书记候选人，没有委员可以担任第一次全体会议的监票人、计票人：由上届%s指定不是候选人的工作人员担任监票人、计票人；选举办法和主持词照此写明", who, b.Seats, b.meetingOf())
}

// discipline checks the 纪律检查委员会: only a 基层党委 elects one, with
// its seats, name and candidates; its vote is the 党员大会's, whose date,
// host, 监票人 and 计票人 are [meeting]'s.
func (v *validator) discipline() {
	e := v.e
	f := &e.File
	p := f.Plan
	if !e.Kind.Discipline {
		if p.DisciplineSeats > 0 || f.Discipline != nil {
			field := "discipline"
			if f.Discipline == nil {
				field = "plan.discipline_seats"
			}
			v.errorf("kind", field, "%s不设纪律检查委员会（由纪检委员负责纪律检查工作）；纪委的选举（[plan] discipline_seats、[discipline]）只适用于基层党委（kind = \"party-committee\"）", e.Kind.Name)
		}
		return
	}
	b := e.Discipline
	if b == nil {
		if f.Discipline != nil {
			v.errorf("missing", "plan.discipline_seats", "有 [discipline]（纪律检查委员会）却没有 [plan] 的 discipline_seats（纪委委员名额）；请写明纪委委员名额")
		}
		return
	}
	if f.Discipline == nil {
		v.errorf("missing", "plan.discipline_seats", "[plan] discipline_seats = %d：同一次党员大会选举纪律检查委员会，请在 [discipline] 中填写纪委全称（name）和纪委委员候选人预备人选（[[discipline.candidates]]）", p.DisciplineSeats)
		return
	}
	if strings.TrimSpace(b.FullName) == "" {
		v.errorf("missing", "discipline", "缺少 [discipline] 的 name（纪律检查委员会全称，如“中共东华社区纪律检查委员会”），纪委的选票、名单要用")
	}
	v.bodySize(b, "plan.discipline_seats", "discipline_min / discipline_max")
	if b.DeputySeats > 2 {
		v.warnf("seats", "plan.discipline_deputy_seats", "纪委副书记名额一般为1名，现为%d名", b.DeputySeats)
	}
	if 1+b.DeputySeats > b.Seats {
		v.errorf("seats", "plan.discipline_deputy_seats", "纪委书记、副书记名额（%d名）多于纪委委员名额（%d名）", 1+b.DeputySeats, b.Seats)
	}
	if b.Meeting != nil && f.Meeting == nil {
		v.errorf("missing", "discipline.meeting", "有 [discipline.meeting] 却没有 [meeting]；请先填写党员大会选举情况")
	}
}

// direct checks a branch without a committee: the 党员大会 elects the 书记
// and at most one 副书记 directly, in one vote, with no first meeting.
func (v *validator) direct(b *Body) {
	f := &v.e.File
	if v.misformed {
		return
	}
	if b.DeputySeats > 1 {
		v.errorf("seats", "plan.deputy_seats", "不设支部委员会的党支部只设书记，必要时设副书记1名；现为%d名", b.DeputySeats)
	}
	if f.FirstMeeting != nil {
		v.errorf("first_meeting", "first_meeting", "不设支部委员会的党支部没有第一次全体会议：书记%s由党员大会直接选举，得票写在 [meeting.votes] 中；请删除 [first_meeting]", map[bool]string{true: "、副书记", false: ""}[b.DeputySeats > 0])
	}
	if m := f.Meeting; m != nil {
		for _, t := range []struct {
			key string
			set bool
		}{{"revote", len(m.Revote) > 0}, {"another_round", len(m.AnotherRound) > 0}, {"reduced_seats", m.ReducedSeats != nil}} {
			if t.set {
				v.errorf("round_order", "meeting."+t.key, "不设支部委员会的党支部由党员大会直接选举书记、副书记，本程序不在同一份数据中记录再次投票、另行选举或减少名额（meeting.%s）；未选出的职务报上级党组织同意后另行选举，届时按那一次选举填写数据文件", t.key)
			}
		}
	}
}
