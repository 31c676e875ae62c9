package web

import "slices"

// The page's description of the election file: one line per TOML key, in
// the order the work happens. Types come from the model
// (generator/election, by reflection); this table gives what the model
// cannot: the Chinese label, a line of help, the section of the page, and
// how to show the value. A key the model gains needs one line here (the
// test TestEveryModelKeyHasALabel names the missing ones); a line for a key
// the model does not have yet is kept and used once the model has it.
//
// Paths are dotted TOML paths without array indices: "candidates.name"
// is the name of every [[candidates]] entry, whether the table is an array
// or a single table.

// A Key describes one key of the election file.
type Key struct {
	Path        string
	Label       string
	Help        string
	Group       string   // section of the page; a key inherits its parent's
	Widget      string   // how to show it when its type does not say (see widgets)
	Options     []Option // choices for a select
	Placeholder string
	KeyLabel    string // for a table of names (votes, duties): heading of the name column
	Fill        bool   // a table of names that starts with the candidates' names
	After       bool   // filled in after the meeting
}

// An Option is one choice of a select: the value written to the file and
// the words shown.
type Option struct{ Value, Text string }

// widgets that the type alone does not decide.
const (
	wText     = "textarea" // a string written over several lines
	wNames    = "names"    // a list of names written on one line, 、 between them (the default for lists)
	wLines    = "lines"    // a list of paragraphs, one per line
	wInline   = "inline"   // a table whose keys sit directly in the section
	wFold     = "fold"     // a table folded away until opened
	wSelect   = "select"   // one of Options (implied by Options)
	wFieldset = ""         // a table shown as a framed group with its label (the default)
)

// A Group is one section of the page. A folded one stays closed until it
// is opened or holds data.
type Group struct {
	ID, Title, Help string
	Folded          bool
}

var groups = []Group{
	{"org", "组织", "换届的党组织和本届委员会的任期。", false},
	{"members", "党员", "发请示时的党员人数。应到会有选举权人数由程序计算。", false},
	{"plan", "换届安排", "党员大会的时间、地点和名额，用于请示、通知、议程和选举办法。", false},
	{"candidates", "候选人预备人选", "顺序随意，文书中一律按姓氏笔画排序。可从 Excel 复制多行后粘贴到表格中。", false},
	{"discipline", "纪律检查委员会", "基层党委在同一次党员大会上选举纪律检查委员会时填写：纪委全称和纪委委员候选人；选举后填写纪委委员的投票和纪委第一次全体会议。", true},
	{"report", "工作报告", "上届委员会向党员大会所作的工作报告，会前写好。", true},
	{"meeting", "选举情况", "党员大会选举后填写：到会人数、选票和每位候选人的得票。", true},
	{"first_meeting", "第一次全体会议", "新一届委员会第一次全体会议选举书记、副书记后填写。", true},
	{"summary", "换届工作总结", "选举结束后填写，统计数字由程序计算。", true},
	{"other", "其他设置", "一般不用改：选票样式、版头、选举规则、字体和模板。", true},
}

var (
	kinds = []Option{
		{"party-branch", "党支部"}, {"party-general-branch", "党总支"}, {"party-committee", "基层党委"},
		{"village-committee", "村民委员会"}, {"residents-committee", "居民委员会"},
	}
	units = []Option{
		{"village", "村"}, {"community", "社区"}, {"organ", "机关"}, {"enterprise", "企业"}, {"school", "学校"},
		{"institution", "事业单位"}, {"social", "社会组织"}, {"other", "其他"},
	}
	genders  = []Option{{"男", "男"}, {"女", "女"}}
	proposed = []Option{{"书记", "书记"}, {"副书记", "副书记"}}
	profiles = []Option{{"party-2020", "党组织（《中国共产党基层组织选举工作条例》2020）"}, {"village", "村民委员会"}, {"residents", "居民委员会"}}
	bases    = []Option{{"expected", "应到会人数"}, {"present", "实到会人数"}}
	modes    = []Option{{"equal", "等额"}, {"competitive", "差额"}}
	writeins = []Option{{"void_part", "该人不计"}, {"abstain", "视为弃权"}, {"count_yes", "计赞成票"}}
	variants = []Option{{"1", "名字上方划符号、名字下方另选人"}, {"2", "另选人在行末"}, {"3", "竖排、符号在名字后"}}
	papers   = []Option{{"A4", "A4"}, {"A5", "A5"}}
)

const (
	dayHint   = "如 2024-07-18"
	monthHint = "如 1975-03"
)

var keys = slices.Concat([]Key{
	// 组织
	{Path: "kind", Label: "组织类型", Group: "org", Options: kinds},
	{Path: "organization", Label: "组织", Group: "org", Widget: wInline},
	{Path: "organization.name", Label: "组织全称", Help: "署名和标题用，如“中共东华社区支部委员会”。", Placeholder: "如 中共××支部委员会"},
	{Path: "organization.short_name", Label: "简称", Help: "正文和文件名用，如“东华社区党支部”。"},
	{Path: "organization.superior", Label: "上级党组织", Help: "请示的主送机关，写全称。"},
	{Path: "organization.unit", Label: "单位类型", Help: "决定任期的默认年数：村、社区5年，其他3年。", Options: units},
	{Path: "organization.elected_on", Label: "本届委员会选举日期", Help: "任期从这一天算起。", Placeholder: dayHint},
	{Path: "organization.term_years", Label: "任期（年）", Help: "不填时按组织类型取默认值。"},
	{Path: "organization.cc", Label: "抄送机关", Help: "可不填；几个机关之间用顿号“、”隔开。"},

	// 党员
	{Path: "members", Label: "党员", Group: "members", Widget: wInline},
	{Path: "members.total", Label: "党员总数", Help: "含预备党员。"},
	{Path: "members.probationary", Label: "预备党员人数", Help: "预备党员没有表决权、选举权。"},
	{Path: "members.expected", Label: "应到会有选举权人数（手工给定）", Help: "一般不填：程序按 党员总数 − 预备党员 − 不计入人数 计算。"},
	{Path: "members.women", Label: "女党员", Help: "可不填；以下几项写进工作报告的“基本情况”。"},
	{Path: "members.minorities", Label: "少数民族党员"},
	{Path: "members.age_35_or_under", Label: "35岁及以下的党员"},
	{Path: "members.age_over_60", Label: "61岁及以上的党员"},
	{Path: "members.college_or_above", Label: "大专及以上学历的党员"},
	{Path: "members.excluded", Label: "不计入应到会人数的党员", Help: "经上级党组织同意、党员大会通过，如年老体弱卧床、长期外出。"},
	{Path: "members.excluded.name", Label: "姓名"},
	{Path: "members.excluded.reason", Label: "原因"},
	{Path: "members.excluded.consulted", Label: "本人意见"},
	{Path: "members.excluded.note", Label: "备注"},
	{Path: "voters", Label: "选民（村、居民委员会选举才填）", Group: "members", Widget: wFold},
	{Path: "voters.registered", Label: "登记选民数"},

	// 换届安排
	{Path: "plan", Label: "换届安排", Group: "plan", Widget: wInline},
	{Path: "plan.request_date", Label: "请示日期", Help: "请示的成文日期。", Placeholder: dayHint},
	{Path: "plan.approval_date", Label: "上级批复日期", Help: "上级党组织批复同意换届的日期（可不填）。", Placeholder: dayHint},
	{Path: "plan.approval_number", Label: "批复文号", Help: "可不填。"},
	{Path: "plan.meeting_notice_date", Label: "党员大会通知日期", Help: "不填时为上级批复日期。", Placeholder: dayHint},
	{Path: "plan.term_reason", Label: "延期或提前换届的原因", Help: "任期届满前后3个月以外换届时填写，写进请示。"},
	{Path: "plan.notice_date", Label: "公示日期", Placeholder: dayHint},
	{Path: "plan.notice_start", Label: "公示开始日期", Placeholder: dayHint},
	{Path: "plan.notice_end", Label: "公示结束日期", Placeholder: dayHint},
	{Path: "plan.notice_days", Label: "公示期（工作日）", Help: "不填时为5个工作日。"},
	{Path: "plan.meeting_date", Label: "党员大会日期", Placeholder: dayHint},
	{Path: "plan.meeting_time", Label: "开会时间", Placeholder: "如 15:30"},
	{Path: "plan.place", Label: "开会地点"},
	{Path: "plan.committee", Label: "设委员会", Help: "正式党员不足7名的党支部不设委员会，由党员大会直接选举书记；可不填，程序按正式党员人数判断。"},
	{Path: "plan.committee_seats", Label: "委员名额", Help: "党支部3至7名，一般为单数；不设委员会的党支部不填。"},
	{Path: "plan.secretary_seats", Label: "书记名额", Help: "1名。"},
	{Path: "plan.deputy_seats", Label: "副书记名额", Help: "0 表示不设。"},
	{Path: "plan.discipline_seats", Label: "纪委委员名额", Help: "基层党委选举纪律检查委员会时填写。"},
	{Path: "plan.discipline_deputy_seats", Label: "纪委副书记名额", Help: "0 表示不设。"},
	{Path: "plan.scrutineers", Label: "拟设监票人人数", Help: "可不填。"},
	{Path: "plan.tellers", Label: "拟设计票人人数", Help: "可不填。"},
	{Path: "contact", Label: "请示的联系人", Help: "印在请示末尾的附注中。", Group: "plan"},
	{Path: "contact.name", Label: "联系人"},
	{Path: "contact.phone", Label: "联系电话"},

	// 候选人
	{Path: "candidates", Label: "委员候选人预备人选", Group: "candidates"},
}, candidateKeys("candidates"), []Key{
	// 推荐、考察和公示
	{Path: "nomination", Label: "推荐、考察和公示的情况（工作总结用，可不填）", Group: "candidates", Widget: wFold},
	{Path: "nomination.participants", Label: "参加推荐的党员人数"},
	{Path: "nomination.public_participants", Label: "参加推荐的群众人数"},
	{Path: "nomination.rounds", Label: "推荐轮次"},
	{Path: "nomination.initial_candidates", Label: "候选人初步人选人数"},
	{Path: "nomination.inspected_by", Label: "考察的组织", Placeholder: "如 街道党工委考察组"},
	{Path: "nomination.notice_feedback", Label: "公示结果", Help: "不填时写“公示期间未收到反映”。", Widget: wText},
	// 纪律检查委员会
	{Path: "discipline", Label: "纪律检查委员会", Group: "discipline", Widget: wInline},
	{Path: "discipline.name", Label: "纪委全称", Help: "纪委的选票、名单、工作报告用，如“中共东华社区纪律检查委员会”。"},
	{Path: "discipline.candidates", Label: "纪委委员候选人预备人选", Help: "同时是委员候选人的，只填姓名和拟任即可。"},
}, candidateKeys("discipline.candidates"), []Key{
	{Path: "discipline.meeting", Label: "纪委委员选举情况", Help: "与委员选举同一次党员大会；到会人数、监票人、计票人见“选举情况”。", After: true},
	{Path: "discipline.meeting.present", Label: "实到会有选举权人数", Help: "与委员选举不同时才填。", After: true},
}, voteKeys("discipline.meeting", false), roundKeys("discipline.meeting"), []Key{
	{Path: "discipline.first_meeting", Label: "纪委第一次全体会议", Help: "新一届纪律检查委员会选举纪委书记（副书记）后填写。", After: true},
}, firstMeetingKeys("discipline.first_meeting"), []Key{
	{Path: "discipline.report", Label: "纪委工作报告", Help: "上届纪律检查委员会向党员大会所作的工作报告；不填则不生成。"},
}, reportKeys("discipline.report"), []Key{
	// 工作报告
	{Path: "report", Label: "工作报告", Group: "report", Widget: wInline},
}, reportKeys("report"), []Key{
	// 选举情况
	{Path: "meeting", Label: "选举情况", Group: "meeting", Widget: wInline, After: true},
	{Path: "meeting.date", Label: "选举日期", Placeholder: dayHint, After: true},
	{Path: "meeting.host", Label: "主持人", After: true},
	{Path: "meeting.present", Label: "实到会有选举权人数", After: true},
	{Path: "meeting.scrutineers", Label: "监票人", Help: "不得由候选人担任；几人之间用顿号“、”隔开。", After: true},
	{Path: "meeting.chief_scrutineer", Label: "总监票人", Help: "从监票人中确定一人；可不填。", After: true},
	{Path: "meeting.tellers", Label: "计票人", Help: "不得由候选人担任。", After: true},
}, voteKeys("meeting", true), roundKeys("meeting"), []Key{
	// 第一次全体会议
	{Path: "first_meeting", Label: "第一次全体会议", Group: "first_meeting", Widget: wInline, After: true},
}, firstMeetingKeys("first_meeting"), []Key{
	// 工作总结
	{Path: "summary", Label: "换届工作总结", Group: "summary", Widget: wInline, After: true},
	{Path: "summary.date", Label: "总结日期", Placeholder: dayHint, After: true},
	{Path: "summary.practices", Label: "主要做法", After: true},
	{Path: "summary.practices.title", Label: "标题", After: true},
	{Path: "summary.practices.text", Label: "内容", Widget: wText, After: true},
	{Path: "summary.experiences", Label: "经验体会", Help: "每行一条。", Widget: wLines, After: true},
	{Path: "summary.problems", Label: "存在的问题", Help: "每行一条。", Widget: wLines, After: true},
	{Path: "summary.next_steps", Label: "下一步打算", Help: "每行一条。", Widget: wLines, After: true},
	{Path: "summary.discipline", Label: "换届纪律", Help: "如何严肃换届纪律；可不填。", Widget: wText, After: true},
	{Path: "summary.guidance", Label: "上级指导", Help: "上级党组织如何指导换届；可不填。", Widget: wText, After: true},
	{Path: "summary.result_approval_date", Label: "上级批复选举结果的日期", Placeholder: dayHint, After: true},
	{Path: "summary.result_approval_number", Label: "批复选举结果的文号", After: true},
	{Path: "previous", Label: "上届委员会情况（与上届对比用，可不填）", Group: "summary"},
	{Path: "previous.members", Label: "委员人数"},
	{Path: "previous.women", Label: "女委员"},
	{Path: "previous.minorities", Label: "少数民族委员"},
	{Path: "previous.average_age", Label: "平均年龄"},
	{Path: "previous.under_35", Label: "35岁以下"},
	{Path: "previous.college_or_above", Label: "大专及以上"},
	{Path: "previous.bachelor_or_above", Label: "大学本科及以上"},

	// 其他设置
	{Path: "ballot", Label: "选票样式", Group: "other", Widget: wFold},
	{Path: "ballot.variant", Label: "样式", Options: variants},
	{Path: "ballot.paper", Label: "纸张", Help: "不选时按候选人多少决定。", Options: papers},
	{Path: "ballot.per_sheet", Label: "每张纸印几份", Help: "不填时按候选人多少决定。"},
	{Path: "ballot.copies", Label: "印制份数", Help: "不填时为应到会人数加一成（选举前后相同）。"},
	{Path: "ballot.writeins", Label: "另选他人空格数", Help: "不填时与应选名额相同。"},
	{Path: "ballot.pen", Label: "书写用笔", Placeholder: "如 蓝色或黑色钢笔、签字笔"},
	{Path: "ballot.color", Label: "选票底色", Placeholder: "如 #FDECEC"},
	{Path: "ballot.discipline_color", Label: "纪委选票底色", Help: "不填时为粉色。", Placeholder: "如 #FCE4F0"},
	{Path: "letterhead", Label: "版头（发文机关标志、文号）", Group: "other", Widget: wFold},
	{Path: "letterhead.enabled", Label: "印版头"},
	{Path: "letterhead.organ", Label: "发文机关标志"},
	{Path: "letterhead.number", Label: "发文字号"},
	{Path: "letterhead.signers", Label: "签发人"},
	{Path: "rules", Label: "选举规则", Group: "other", Widget: wFold},
	{Path: "rules.profile", Label: "规则", Options: profiles},
	{Path: "rules.quorum_ratio", Label: "实到会不少于应到会的比例", Placeholder: "默认 4/5"},
	{Path: "rules.quorum_strict", Label: "须“超过”该比例"},
	{Path: "rules.margin_min_ratio", Label: "差额不少于应选人数的比例", Placeholder: "默认 0.2"},
	{Path: "rules.threshold_base", Label: "当选须超过半数的基数", Options: bases},
	{Path: "rules.secretary_mode", Label: "书记、副书记选举方式", Options: modes},
	{Path: "rules.writein_without_circle", Label: "写了另选人但未划符号时", Options: writeins},
	{Path: "rules.ballot_serials", Label: "选票编号（不得使用）"},
	{Path: "rules.ballot_seal_box", Label: "选票印“印章”框"},
	{Path: "rules.request_contact_note", Label: "请示加附注（联系人、电话）"},
	{Path: "rules.first_meeting_quorum", Label: "第一次全体会议到会比例", Placeholder: "默认 4/5"},
	{Path: "rules.committee_min", Label: "委员名额下限"},
	{Path: "rules.committee_max", Label: "委员名额上限"},
	{Path: "rules.discipline_min", Label: "纪委委员名额下限", Placeholder: "默认 3"},
	{Path: "rules.discipline_max", Label: "纪委委员名额上限", Placeholder: "默认 7"},
	{Path: "rules.min_full_members", Label: "设委员会所需正式党员人数", Placeholder: "默认 7"},
	{Path: "rules.odd_committee", Label: "委员名额为双数时提醒"},
	{Path: "rules.another_round_mode", Label: "另行选举方式", Options: modes},
	{Path: "rules.revote_top_wins", Label: "票数相等再次投票时得票多者当选"},
	{Path: "rules.turnout_ratio", Label: "投票选民须超过登记选民的比例（村、居）", Placeholder: "默认 1/2"},
	{Path: "rules.another_round_min", Label: "另行选举当选至少得票比例（村、居）", Placeholder: "默认 1/3"},
	{Path: "rules.notice_days", Label: "公示期（工作日）", Placeholder: "默认 5"},
	{Path: "rules.term_tolerance_months", Label: "提前或推迟换届不提醒的月数", Placeholder: "默认 3"},
	{Path: "fonts", Label: "字体", Group: "other", Widget: wFold},
	{Path: "fonts.dir", Label: "优先使用的字体目录", Help: "电脑上另有公文字体时填写其所在文件夹。"},
	{Path: "templates", Label: "模板", Group: "other", Widget: wFold},
	{Path: "templates.dir", Label: "自定义模板目录", Help: "改过措辞的模板所在文件夹。"},
	{Path: "version", Label: "文件格式版本", Group: "other"},
})

// revoteKeys are the keys of a re-vote table at prefix (the first round's
// and a 另行选举's).
func revoteKeys(prefix string) []Key {
	return []Key{
		{Path: prefix + ".candidates", Label: "再次投票的被选举人", Help: "不填时为票数相等的人。", After: true},
		{Path: prefix + ".seats", Label: "名额", Help: "不填时为票数相等者所争的名额。", After: true},
		{Path: prefix + ".present", Label: "到会人数", After: true},
		{Path: prefix + ".ballots_issued", Label: "发出选票（张）", After: true},
		{Path: prefix + ".ballots_returned", Label: "收回选票（张）", After: true},
		{Path: prefix + ".ballots_invalid", Label: "无效票（张）", After: true},
		{Path: prefix + ".votes", Label: "赞成票", KeyLabel: "被选举人", After: true},
		{Path: prefix + ".against", Label: "不赞成票", Help: "可不填。", KeyLabel: "被选举人", After: true},
		{Path: prefix + ".abstain", Label: "弃权票", Help: "可不填。", KeyLabel: "被选举人", After: true},
	}
}

// candidateKeys are the keys of a list of candidates at prefix: the
// committee's ([[candidates]]) and the 纪委's.
func candidateKeys(prefix string) []Key {
	return []Key{
		{Path: prefix + ".name", Label: "姓名"},
		{Path: prefix + ".gender", Label: "性别", Options: genders},
		{Path: prefix + ".birth", Label: "出生年月", Placeholder: monthHint},
		{Path: prefix + ".ethnicity", Label: "民族", Placeholder: "如 汉族"},
		{Path: prefix + ".education", Label: "学历", Placeholder: "如 大学本科"},
		{Path: prefix + ".party_since", Label: "入党时间", Placeholder: monthHint},
		{Path: prefix + ".post", Label: "现任职务"},
		{Path: prefix + ".proposed", Label: "拟任", Help: "只任委员的不选。", Options: proposed},
		{Path: prefix + ".incumbent", Label: "上届委员"},
		{Path: prefix + ".note", Label: "备注"},
		{Path: prefix + ".concurrent", Label: "兼任职务", Help: "选举后兼任的职务，如“村民委员会主任”（一肩挑）；可不填。"},
	}
}

// reportKeys are the keys of a work report at prefix: [report] and
// [discipline.report].
func reportKeys(prefix string) []Key {
	return []Key{
		{Path: prefix + ".period", Label: "报告期间", Placeholder: "如 2021年7月至2024年7月"},
		{Path: prefix + ".intro", Label: "开头一段", Widget: wText},
		{Path: prefix + ".sections", Label: "主要工作", Help: "每项一个小标题和若干段落，段落之间换行。"},
		{Path: prefix + ".sections.title", Label: "小标题"},
		{Path: prefix + ".sections.paragraphs", Label: "段落", Widget: wLines},
		{Path: prefix + ".problems", Label: "存在的问题", Widget: wInline},
		{Path: prefix + ".problems.items", Label: "存在的问题", Help: "每行一条。", Widget: wLines},
		{Path: prefix + ".suggestions", Label: "对新一届委员会的建议", Widget: wInline},
		{Path: prefix + ".suggestions.items", Label: "对新一届委员会的建议", Help: "每行一条。", Widget: wLines},
		{Path: prefix + ".closing", Label: "结尾一段", Widget: wText},
		{Path: prefix + ".new_members", Label: "任期内发展党员人数", Help: "可不填；写进“基本情况”。"},
		{Path: prefix + ".dues_collected", Label: "任期内收缴党费（元）", Help: "可不填；写进“基本情况”。"},
	}
}

// voteKeys are the keys of a body's first vote at prefix ([meeting],
// [discipline.meeting]); fill starts its votes with the candidates' names.
func voteKeys(prefix string, fill bool) []Key {
	return []Key{
		{Path: prefix + ".ballots_issued", Label: "发出选票（张）", After: true},
		{Path: prefix + ".ballots_returned", Label: "收回选票（张）", After: true},
		{Path: prefix + ".ballots_invalid", Label: "无效票（张）", After: true},
		{Path: prefix + ".votes", Label: "赞成票", Help: "每位候选人得到的赞成票；0票也要填0。", KeyLabel: "候选人", Fill: fill, After: true},
		{Path: prefix + ".against", Label: "不赞成票", Help: "可不填。", KeyLabel: "候选人", After: true},
		{Path: prefix + ".abstain", Label: "弃权票", Help: "可不填。", KeyLabel: "候选人", After: true},
	}
}

// writeInKeys are the keys of the write-ins of a vote at prefix.
func writeInKeys(prefix, help string) []Key {
	return []Key{
		{Path: prefix + ".writeins", Label: "另选他人得票", Help: help, After: true},
		{Path: prefix + ".writeins.name", Label: "姓名", After: true},
		{Path: prefix + ".writeins.votes", Label: "得票", After: true},
		{Path: prefix + ".writeins.post", Label: "所选职务", Help: "不设委员会的党支部直接选举书记、副书记时填写。", Options: proposed, After: true},
	}
}

// roundKeys are the keys of the votes after a body's first at prefix:
// its write-ins, re-votes, 另行选举 and reduced seats.
func roundKeys(prefix string) []Key {
	another := prefix + ".another_round"
	return slices.Concat(writeInKeys(prefix, "选票上另写的、不是候选人的人。"), []Key{
		{Path: prefix + ".revote", Label: "再次投票（票数相等时）", Help: "得票相等、不能确定当选人时，就票数相等的人再次投票；再次相等时再添一项。", After: true},
	}, revoteKeys(prefix+".revote"), []Key{
		{Path: another, Label: "另行选举（名额未选足时）", Help: "当选人不足应选名额，经大会同意另行选举时填写；第二次另行选举再添一项。", After: true},
		{Path: another + ".seats", Label: "另行选举名额", After: true},
		{Path: another + ".candidates", Label: "另行选举候选人", Help: "几人之间用顿号“、”隔开。", After: true},
		{Path: another + ".present", Label: "到会人数", After: true},
		{Path: another + ".ballots_issued", Label: "发出选票（张）", After: true},
		{Path: another + ".ballots_returned", Label: "收回选票（张）", After: true},
		{Path: another + ".ballots_invalid", Label: "无效票（张）", After: true},
		{Path: another + ".votes", Label: "赞成票", KeyLabel: "候选人", After: true},
		{Path: another + ".against", Label: "不赞成票", Help: "可不填。", KeyLabel: "候选人", After: true},
		{Path: another + ".abstain", Label: "弃权票", Help: "可不填。", KeyLabel: "候选人", After: true},
	}, writeInKeys(another, ""), []Key{
		{Path: another + ".revote", Label: "另行选举中票数相等时的再次投票", After: true},
	}, revoteKeys(another+".revote"), []Key{
		{Path: prefix + ".reduced_seats", Label: "减少后的名额", Help: "名额未选足、经过半数选举人同意减少名额不再选举时填写。", After: true},
	})
}

// firstMeetingKeys are the keys of a body's first meeting at prefix
// ([first_meeting], [discipline.first_meeting]).
func firstMeetingKeys(prefix string) []Key {
	return []Key{
		{Path: prefix + ".date", Label: "会议日期", Placeholder: dayHint, After: true},
		{Path: prefix + ".host", Label: "主持人", After: true},
		{Path: prefix + ".present", Label: "到会委员人数", After: true},
		{Path: prefix + ".secretary", Label: "当选书记", After: true},
		{Path: prefix + ".deputies", Label: "当选副书记", Help: "几人之间用顿号“、”隔开。", After: true},
		{Path: prefix + ".scrutineers", Label: "监票人", After: true},
		{Path: prefix + ".tellers", Label: "计票人", Help: "可不填。", After: true},
		{Path: prefix + ".ballots_issued", Label: "发出选票（张）", Help: "可不填。", After: true},
		{Path: prefix + ".ballots_returned", Label: "收回选票（张）", Help: "可不填。", After: true},
		{Path: prefix + ".ballots_invalid", Label: "无效票（张）", Help: "可不填。", After: true},
		{Path: prefix + ".votes", Label: "书记、副书记得票", KeyLabel: "委员", After: true},
		{Path: prefix + ".duties", Label: "委员分工", KeyLabel: "委员", Help: "如 组织委员、宣传委员、纪检委员。", After: true},
	}
}
