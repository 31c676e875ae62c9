package election

import (
	"fmt"
	"time"
)

// The dates of a re-election follow its procedure: the 请示, the higher
// organisation's 批复, the 公示 and the 通知, the 党员大会, the first full
// meeting, the 批复 of the result, the 总结. A date out of that order, or
// implausible for a person (a candidate born after the meeting), is an
// error or a warning at its line.

// today is the day check measures "in the future" against when the file
// gives no date of its own to compare with (a test sets it).
var today = func() Date {
	t := time.Now()
	return Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
}

// findDates reports the dates out of the procedure's order or implausible
// for a person, each at the line of the later value at fault. They are
// errors: build would print them.
func findDates(e *Election, refuse func(field, msg string)) {
	f := &e.File
	p := &f.Plan
	for _, d := range []struct {
		field string
		val   *Date
	}{{"plan.request_date", p.RequestDate}, {"plan.approval_date", p.ApprovalDate}, {"plan.notice_date", p.NoticeDate},
		{"plan.notice_start", p.NoticeStart}, {"plan.notice_end", p.NoticeEnd}, {"plan.meeting_notice_date", p.MeetingNoticeDate},
		{"plan.meeting_date", p.MeetingDate}} {
		if d.val != nil && !d.val.HasDay() {
			refuse(d.field, fmt.Sprintf("%s 应写到日，如 2024-07-18", d.field))
		}
	}
	// Each step on or after the one before it.
	order := func(field string, later, earlier *Date, what string) {
		if later != nil && earlier != nil && later.Before(*earlier) {
			refuse(field, fmt.Sprintf(what, later.Chinese(), earlier.Chinese()))
		}
	}
	order("plan.approval_date", p.ApprovalDate, p.RequestDate, "上级党组织批复日期（%s）早于请示日期（%s）：批复在请示之后；请核对 approval_date")
	order("plan.meeting_date", p.MeetingDate, p.RequestDate, "党员大会日期（%s）早于请示日期（%s）：换届选举须先向上级党组织请示；请核对 meeting_date 和 request_date")
	order("plan.meeting_date", p.MeetingDate, p.ApprovalDate, "党员大会日期（%s）早于上级党组织批复日期（%s）：党员大会须在上级批复同意后召开；请核对 meeting_date 和 approval_date")
	order("plan.meeting_notice_date", p.MeetingNoticeDate, p.ApprovalDate, "党员大会通知的日期（%s）早于上级党组织批复日期（%s）：通知写明“经…批复同意”，日期不能早于批复；请核对 meeting_notice_date")
	order("plan.meeting_date", p.MeetingDate, p.MeetingNoticeDate, "党员大会日期（%s）早于党员大会通知的日期（%s）；请核对 meeting_notice_date")
	order("plan.notice_end", p.NoticeEnd, firstDate(p.NoticeStart, p.NoticeDate), "公示结束日期（%s）早于公示开始日期（%s）；请核对 notice_end")
	if m := f.Meeting; m != nil && m.Date != nil {
		order("meeting.date", m.Date, p.RequestDate, "党员大会召开日期（%s）早于请示日期（%s）；请核对 [meeting] 的 date")
		order("meeting.date", m.Date, p.ApprovalDate, "党员大会召开日期（%s）早于上级党组织批复日期（%s）：党员大会须在上级批复同意后召开；请核对 [meeting] 的 date 和 approval_date")
	}
	meetingDay := e.electionDay()
	for _, b := range e.Bodies {
		if fm := b.FirstMeeting; fm != nil {
			order(b.firstPath+".date", fm.Date, meetingDay, "第一次全体会议日期（%s）早于党员大会日期（%s）：新一届委员会在党员大会选举产生后才能召开第一次全体会议；请核对 date")
		}
	}
	if s := f.Summary; s != nil {
		order("summary.result_approval_date", s.ResultApprovalDate, meetingDay, "上级党组织批复选举结果的日期（%s）早于党员大会日期（%s）；请核对 result_approval_date")
	}
	// The outgoing committee was elected before this re-election is asked.
	if on := f.Organization.ElectedOn; on != nil {
		switch ref := firstDate(p.RequestDate, p.MeetingDate); {
		case p.RequestDate != nil && p.RequestDate.Before(*on):
			refuse("organization.elected_on", fmt.Sprintf("本届%s选举产生的日期（%s）晚于这次换届的请示日期（%s）；elected_on 应是上一次换届选举的日期，请核对", e.Kind.bodyWord(), on.Chinese(), p.RequestDate.Chinese()))
		case ref != nil && ref.Before(*on):
			refuse("organization.elected_on", fmt.Sprintf("本届%s选举产生的日期（%s）晚于这次党员大会（%s）；elected_on 应是上一次换届选举的日期，请核对", e.Kind.bodyWord(), on.Chinese(), ref.Chinese()))
		}
	}
	// People: every candidate an adult Party member at the meeting.
	if meetingDay == nil {
		return
	}
	for _, b := range e.Bodies {
		for i, c := range b.Candidates {
			path := fmt.Sprintf("%s[%d]", b.candPath, i)
			at := meetingDay.Chinese()
			switch bd := c.Birth; {
			case bd == nil:
			case meetingDay.Before(*bd):
				refuse(path+".birth", fmt.Sprintf("候选人 %s 的出生年月（%s）在党员大会（%s）之后；请核对 birth", c.Name, bd.Chinese(), at))
			case bd.AgeAt(*meetingDay) < 18:
				refuse(path+".birth", fmt.Sprintf("候选人 %s 出生于%s，到党员大会（%s）时未满18周岁，不能是党员；请核对 birth", c.Name, bd.Chinese(), at))
			}
			switch ps := c.PartySince; {
			case ps == nil:
			case meetingDay.Before(*ps):
				refuse(path+".party_since", fmt.Sprintf("候选人 %s 的入党时间（%s）在党员大会（%s）之后；请核对 party_since", c.Name, ps.Chinese(), at))
			case c.Birth != nil && ps.Before(*c.Birth):
				refuse(path+".party_since", fmt.Sprintf("候选人 %s 的入党时间（%s）早于出生年月（%s）；请核对 party_since 和 birth", c.Name, ps.Chinese(), c.Birth.Chinese()))
			}
		}
	}
}

// warnDates warns of dates that are possible but unlikely: a candidate
// who joined the Party before 18 or is over 100, a 公示 that does not end
// before the meeting, a 总结 dated before the meeting, an outgoing
// committee elected "in the future" when the file gives no date to
// compare with.
func (v *validator) warnDates() {
	e := v.e
	f := &e.File
	p := &f.Plan
	meetingDay := e.electionDay()
	if on := f.Organization.ElectedOn; on != nil && p.RequestDate == nil && p.MeetingDate == nil && today().Before(*on) {
		v.warnf("dates", "organization.elected_on", "本届%s选举产生的日期（%s）在今天之后；elected_on 应是上一次换届选举的日期，请核对", e.Kind.bodyWord(), on.Chinese())
	}
	if meetingDay == nil {
		return
	}
	if n, ok := e.NoticePeriod(); ok && !n.End.Before(*meetingDay) {
		field := "plan.notice_date"
		if p.NoticeEnd != nil {
			field = "plan.notice_end"
		}
		v.warnf("dates", field, "公示期（%s至%s，%d个工作日）到党员大会（%s）时还没有结束：公示期满、没有影响选举的问题后才能召开党员大会；请提前公示，或推迟党员大会", n.Start.Chinese(), n.End.Chinese(), n.Days, meetingDay.Chinese())
	}
	if s := f.Summary; s != nil && s.Date != nil && s.Date.Before(*meetingDay) {
		v.warnf("dates", "summary.date", "工作总结的日期（%s）早于党员大会（%s）；请核对 [summary] 的 date", s.Date.Chinese(), meetingDay.Chinese())
	}
	for _, b := range e.Bodies {
		for i, c := range b.Candidates {
			path := fmt.Sprintf("%s[%d]", b.candPath, i)
			if c.Birth != nil && !meetingDay.Before(*c.Birth) && c.Birth.AgeAt(*meetingDay) > 100 {
				v.warnf("dates", path+".birth", "候选人 %s 出生于%s，到党员大会时已%d岁；请核对 birth", c.Name, c.Birth.Chinese(), c.Birth.AgeAt(*meetingDay))
			}
			if c.Birth != nil && c.PartySince != nil && !c.PartySince.Before(*c.Birth) && c.Birth.AgeAt(*c.PartySince) < 18 {
				v.warnf("dates", path+".party_since", "候选人 %s 的入党时间（%s）距出生（%s）不足18年，请核实", c.Name, c.PartySince.Chinese(), c.Birth.Chinese())
			}
		}
	}
}

// Notice is the 公示's first and last day and its length in working days:
// from [plan] notice_start, else the first working day on or after
// notice_date (else the 请示's date), for notice_days working days
// (weekends skipped), unless notice_end gives the last day (public
// holidays are the user's to skip).
type Notice struct {
	Start, End Date
	Days       int
}

// NoticePeriod returns the 公示 period (see Notice); false when no date
// is known.
func (e *Election) NoticePeriod() (Notice, bool) {
	p := &e.File.Plan
	n := Notice{Days: e.Settings.NoticeDays}
	if p.NoticeDays > 0 {
		n.Days = p.NoticeDays
	}
	switch {
	case p.NoticeStart != nil:
		n.Start = *p.NoticeStart
	case firstDate(p.NoticeDate, p.RequestDate) != nil:
		n.Start = nextWorkingDay(*firstDate(p.NoticeDate, p.RequestDate))
	default:
		return n, false
	}
	if !n.Start.HasDay() {
		return n, false
	}
	if p.NoticeEnd != nil {
		n.End = *p.NoticeEnd
	} else {
		n.End = AddWorkingDays(n.Start, n.Days-1)
	}
	return n, true
}

// nextWorkingDay is d, or the Monday after it when d is a Saturday or a
// Sunday.
func nextWorkingDay(d Date) Date {
	for isWeekend(d) {
		d = d.AddDays(1)
	}
	return d
}

// AddWorkingDays is the date n working days after d, weekends skipped (d
// itself when n is 0).
func AddWorkingDays(d Date, n int) Date {
	for n > 0 {
		d = d.AddDays(1)
		if !isWeekend(d) {
			n--
		}
	}
	return d
}

func isWeekend(d Date) bool {
	w := d.Time().Weekday()
	return w == time.Saturday || w == time.Sunday
}
