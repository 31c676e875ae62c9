package election

import (
	"os"
	"reflect"
	"strings"
	"testing"
)

// sampleSrc is the text of samples/<name>.toml.
func sampleSrc(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile("../../samples/" + name + ".toml")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// editOf applies old→new replacements (each must match once) to src.
func editOf(t testing.TB, src string, pairs ...string) string {
	t.Helper()
	for i := 0; i+1 < len(pairs); i += 2 {
		if n := strings.Count(src, pairs[i]); n != 1 {
			t.Fatalf("replacement %q matches %d times", pairs[i], n)
		}
		src = strings.Replace(src, pairs[i], pairs[i+1], 1)
	}
	return src
}

func findingWith(fs Findings, level, code, words string) bool {
	for _, f := range fs {
		if f.Level == level && f.Code == code && strings.Contains(f.Message, words) {
			return true
		}
	}
	return false
}

func TestKindOf(t *testing.T) {
	for _, c := range []struct {
		code     string
		direct   bool
		want     [4]string // Name, Committee, Meeting, Report
		min, max int
	}{
		{"", false, [4]string{"党支部", "支部委员会", "支委会", "支部委员会工作报告"}, 3, 7},
		{KindBranch, true, [4]string{"党支部", "", "支部", "支部工作报告"}, 3, 7},
		{KindGeneralBranch, false, [4]string{"党总支", "总支部委员会", "总支委员会", "总支部委员会工作报告"}, 5, 9},
		{KindGeneralBranch, true, [4]string{"党总支", "总支部委员会", "总支委员会", "总支部委员会工作报告"}, 5, 9},
		{KindCommittee, false, [4]string{"基层党委", "委员会", "党委会", "委员会工作报告"}, 5, 11},
	} {
		k := KindOf(c.code, c.direct)
		if got := [4]string{k.Name, k.Committee, k.Meeting, k.Report}; got != c.want || k.Min != c.min || k.Max != c.max {
			t.Errorf("KindOf(%q, %t) = %v %d–%d, want %v %d–%d", c.code, c.direct, got, k.Min, k.Max, c.want, c.min, c.max)
		}
	}
	if !KindOf(KindCommittee, false).Discipline || KindOf(KindGeneralBranch, false).Discipline {
		t.Error("only a 基层党委 elects a 纪委")
	}
}

func TestDirectElection(t *testing.T) {
	src := sampleSrc(t, "small-branch")
	e := analyze(t, src)
	if len(e.Findings) != 0 {
		t.Fatalf("sample has findings:\n%s", e.Findings.FormatAll("small"))
	}
	r := e.Result
	if !e.Kind.Direct || r == nil || r.Form != FormNoCommittee || r.Status != StatusComplete || r.Secretary != "宋立新" ||
		!reflect.DeepEqual(r.Elected, []string{"宋立新"}) || r.Seats != 1 || r.Threshold.MinVotes != 4 || r.FirstMeeting != nil {
		t.Fatalf("result %+v", r)
	}
	if c := r.Candidates[1]; c.Name != "李娟" || !c.WriteIn || c.Post != "书记" {
		t.Errorf("write-in %+v", c)
	}

	// The form follows the 正式党员 when the file does not say.
	e = analyze(t, editOf(t, src, "committee = false", "# committee"))
	if !e.Kind.Direct || e.Findings.HasErrors() {
		t.Errorf("6 正式党员 without [plan] committee: direct %t\n%s", e.Kind.Direct, e.Findings.FormatAll("small"))
	}
	// A file written for a committee gets one error saying why, not one per candidate.
	e = analyze(t, editOf(t, src, "committee = false", "committee_seats = 3"))
	if errs := e.Findings.Errors(); len(errs) != 1 || !findingWith(errs, LevelError, "seats", "正式党员只有6名，不足7名，按规定不设支部委员会") {
		t.Errorf("committee_seats in a branch of 6:\n%s", errs.FormatAll("small"))
	}
	// committee = true with too few 正式党员; committee = false with enough.
	e = analyze(t, editOf(t, src, "committee = false", "committee = true\ncommittee_seats = 3"))
	if !findingWith(e.Findings, LevelError, "seats", "请删除 committee = true") {
		t.Errorf("committee = true:\n%s", e.Findings.FormatAll("small"))
	}
	e = analyze(t, editOf(t, src, "total = 8", "total = 12"))
	if !e.Kind.Direct || !findingWith(e.Findings, LevelWarning, "seats", "正式党员有10名，按规定正式党员7名以上的党支部应当设立支部委员会") {
		t.Errorf("committee = false with 10 正式党员:\n%s", e.Findings.FormatAll("small"))
	}

	// A 书记 below half of 应到会: not elected, the result request held back.
	e = analyze(t, editOf(t, src, `"宋立新" = 5`, `"宋立新" = 3`))
	if r := e.Result; r == nil || r.Status != StatusAnotherRound || r.Secretary != "" || r.UnfilledSeats != 1 {
		t.Fatalf("书记 short: %+v", e.Result)
	}
	if h := e.Hold(); h == nil || h.Level != LevelError || !strings.Contains(h.Message, "书记候选人宋立新得3票，未超过应到会有选举权人数（6名）的半数（至少4票），书记未选出") {
		t.Errorf("hold %+v", h)
	}

	// A 副书记 too: each post by itself, write-ins by their post.
	both := editOf(t, src, "deputy_seats = 0 ", "deputy_seats = 1 ",
		"\n# ---------- 以下为选举后填写", "\n[[candidates]]\nname = \"贺明\"\nbirth = \"1986-05\"\nproposed = \"副书记\"\n\n# ---------- 以下为选举后填写",
		`scrutineers = ["贺明"]`, `scrutineers = ["许建"]`, `"宋立新" = 5`, "\"宋立新\" = 5\n\"贺明\" = 3")
	e = analyze(t, both)
	if r := e.Result; r == nil || r.Secretary != "宋立新" || len(r.Deputies) != 0 || r.Status != StatusAnotherRound || !findingWith(e.Findings, LevelError, "secretary", "副书记候选人贺明得3票") {
		t.Errorf("副书记 short: %+v\n%s", e.Result, e.Findings.FormatAll("small"))
	}
	e = analyze(t, editOf(t, both, "post = \"书记\"", ""))
	if !findingWith(e.Findings, LevelError, "missing", "另选他人 李娟 没有写明所选的职务") {
		t.Errorf("write-in without its post:\n%s", e.Findings.FormatAll("small"))
	}

	// What a branch without a committee does not have.
	e = analyze(t, src+"\n[first_meeting]\npresent = 1\n")
	if !findingWith(e.Findings, LevelError, "first_meeting", "没有第一次全体会议") {
		t.Errorf("[first_meeting]:\n%s", e.Findings.FormatAll("small"))
	}
	e = analyze(t, editOf(t, src, "proposed = \"书记\"                       # 拟任：书记 / 副书记", ""))
	if !findingWith(e.Findings, LevelError, "proposed", "请为 宋立新 写明 proposed") {
		t.Errorf("candidate without a post:\n%s", e.Findings.FormatAll("small"))
	}
	e = analyze(t, editOf(t, src, "deputy_seats = 0 ", "deputy_seats = 2 "))
	if !findingWith(e.Findings, LevelError, "seats", "必要时设副书记1名；现为2名") {
		t.Errorf("two 副书记:\n%s", e.Findings.FormatAll("small"))
	}
}

func TestDiscipline(t *testing.T) {
	src := sampleSrc(t, "qinghe-community-committee")
	e := analyze(t, src)
	if len(e.Findings) != 0 {
		t.Fatalf("sample has findings:\n%s", e.Findings.FormatAll("qinghe"))
	}
	d := e.Result.Discipline
	if e.Discipline == nil || d == nil || d.Status != StatusComplete || d.Form != "" ||
		!reflect.DeepEqual(d.Elected, []string{"刘芳", "杨静", "吴倩", "何平", "张卫东"}) || d.Secretary != "杨静" ||
		d.Ballots.Returned != 133 || d.Quorum.Present != 134 || d.Threshold.MinVotes != 75 || d.FirstMeeting.Status != FirstComplete {
		t.Fatalf("discipline %+v", d)
	}
	// A 纪委 candidate written by name only is the committee's candidate.
	if c, _ := e.Discipline.Candidate("杨静"); c.Birth == nil || c.Post != "青禾社区纪委书记" || c.Proposed != "书记" {
		t.Errorf("inherited candidate %+v", c)
	}

	for _, c := range []struct {
		name  string
		edits []string
		level string
		code  string
		words string
	}{
		{"margin", []string{"discipline_seats = 5 ", "discipline_seats = 6 "}, LevelError, "margin", "纪委委员应选6名，候选人至少应为8名"},
		{"纪委 seats", []string{"discipline_seats = 5 ", "discipline_seats = 9 "}, LevelError, "seats", "纪律检查委员会委员名额应为3至7名，现为9名"},
		{"scrutineer", []string{`scrutineers = ["谢文斌", "唐秀英", "曾凡"]`, `scrutineers = ["谢文斌", "唐秀英", "何平"]`}, LevelError, "scrutineer_is_candidate", "监票人 何平 是纪委委员候选人"},
		{"the meeting's keys", []string{"[discipline.meeting]                   # 同一次党员大会", "[discipline.meeting]\nhost = \"何平\" #"}, LevelError, "unknown_key", "未知的键 host"},
		{"a 纪委 vote for a committee candidate", []string{"\"郑开明\" = 58", "\"郑开明\" = 58\n\"孙浩\" = 3"}, LevelError, "unknown_candidate", "孙浩 不是纪委委员候选人"},
		{"no name", []string{`name = "中共青禾社区纪律检查委员会"`, ""}, LevelError, "missing", "缺少 [discipline] 的 name"},
		{"纪委书记 short", []string{"[discipline.first_meeting.votes]\n\"杨静\" = 5", "[discipline.first_meeting.votes]\n\"杨静\" = 2"}, LevelError, "first_meeting", "纪委书记候选人杨静得2票"},
		{"纪委 round out of order", []string{"[discipline.first_meeting]", "[discipline.meeting.revote]\nballots_issued = 134\nballots_returned = 134\nvotes = { \"郑开明\" = 80 }\n\n[discipline.first_meeting]"}, LevelError, "round_order", "纪委委员选举：[discipline.meeting.revote] 填写的再次投票不符合选举的顺序"},
	} {
		t.Run(c.name, func(t *testing.T) {
			e := analyze(t, editOf(t, src, c.edits...))
			if !findingWith(e.Findings, c.level, c.code, c.words) {
				t.Errorf("want %s %s %q; findings:\n%s", c.level, c.code, c.words, e.Findings.FormatAll("qinghe"))
			}
		})
	}

	// Without [discipline.meeting] after the meeting: the result
	// documents wait for the 纪委's vote.
	noVote := src[:strings.Index(src, "\n[discipline.meeting]")] + src[strings.Index(src, "\n[first_meeting]"):]
	noVote = noVote[:strings.Index(noVote, "\n[discipline.first_meeting]")] + noVote[strings.Index(noVote, "\n[ballot]"):]
	e = analyze(t, noVote)
	if h := e.Hold(); e.Result == nil || e.Result.Discipline != nil || h == nil || h.Level != LevelWarning || !strings.Contains(h.Message, "[discipline.meeting]") {
		t.Errorf("no 纪委 vote: hold %+v\n%s", h, e.Findings.FormatAll("qinghe"))
	}

	// Only a 基层党委 elects a 纪委.
	e = edit(t, "committee_seats = 5 ", "committee_seats = 5 \ndiscipline_seats = 3\n")
	if !findingWith(e.Findings, LevelError, "kind", "党支部不设纪律检查委员会") {
		t.Errorf("a branch with a 纪委:\n%s", e.Findings.FormatAll("donghua"))
	}
}

func TestPaperwork(t *testing.T) {
	src := villageSource
	e := analyze(t, src)
	errs := e.Findings.DataErrors()
	if len(errs) != 1 || errs[0].Code != "paperwork" || errs[0].Field != "rules" || errs[0].Line != 4 ||
		!strings.Contains(errs[0].Message, "这是村民委员会的选举") || !strings.Contains(errs[0].Message, "选民登记公告") {
		t.Fatalf("errors %v", errs)
	}
	if r := e.Result; r == nil || r.Status != StatusAnotherRound || len(r.Elected) != 3 {
		t.Errorf("the result is still computed: %+v", r)
	}
	// A Party profile with a village committee's kind is no Party paperwork either.
	e = analyze(t, strings.Replace(src, `rules = "village"`, `rules = "party-2020"`, 1))
	if !findingWith(e.Findings, LevelError, "paperwork", "这是村民委员会的选举（kind = \"village-committee\"）") {
		t.Errorf("kind village-committee:\n%s", e.Findings.FormatAll("v"))
	}
}

// TestUnknownProfile: a misspelt rules profile is one error at its line;
// the file is not checked as a village's meanwhile (no "[voters]" missing,
// no "不能用于选举" with an empty name).
func TestUnknownProfile(t *testing.T) {
	src := editOf(t, sampleSrc(t, "donghua-community"), `rules = "party-2020"`, `rules = "party-2019"`)
	l, err := Parse("x.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	e := Analyze(l)
	errs := e.Findings.Errors()
	if len(errs) != 1 || errs[0].Code != "rules" || errs[0].Line != 8 || !strings.Contains(errs[0].Message, `不认识的规则 "party-2019"`) {
		t.Fatalf("findings %v", e.Findings)
	}
	if !e.Settings.IsParty() {
		t.Errorf("checked by the %s profile", e.Settings.Profile)
	}
}
