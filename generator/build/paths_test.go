package build

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"huanjie/generator/election"
	"huanjie/internal/testenv"
)

// pathCase is one path a meeting can take, from a sample with edits, and
// what the documents must then say (contract.md "Rounds after the first
// vote"; issue 9).
type pathCase struct {
	name   string
	sample string
	noFM   bool        // drop [first_meeting]: the committee is not complete yet
	cut    [2]string   // drop the text from cut[0] up to cut[1]
	edits  [][2]string // each old string must occur once in the sample

	// results --json
	status   string
	elected  []string
	seats    int
	rounds   string // "kind:status kind:status …"
	next     string // "kind:seats", "" when none
	fmStatus string
	// the 纪委's election (results --json "discipline"), as above; and
	// the form ("no_committee" for a branch without a committee).
	disc *pathResult
	form string

	// build: the whole set is refused with these words (check has them as
	// an error), or the result documents are skipped with these words (a
	// check warning); neither when both empty.
	refused, skipped string

	// Text read back from the PDFs (result documents built with --draft
	// when held back): must contain / must not contain.
	script, notScript   []string
	request, notRequest []string
	summary, notSummary []string
	// ballots: file name of the next round's ballot and words on it.
	nextBallot      string
	nextBallotWords []string
}

// writes the PDFs of a path to $HUANJIE_PATHS_OUT/<name> when set, to look at.
var pathsOut = os.Getenv("HUANJIE_PATHS_OUT")

func pathVariant(t *testing.T, c pathCase) *election.Election {
	t.Helper()
	s := source(t, c.sample)
	if c.noFM {
		i := strings.Index(s, "\n[first_meeting]")
		j := strings.Index(s[i+1:], "[first_meeting.duties]")
		k := strings.Index(s[i+1+j:], "\n[")
		if i < 0 || j < 0 || k < 0 {
			t.Fatal("the sample lost its [first_meeting]")
		}
		s = s[:i+1] + s[i+1+j+k+1:]
	}
	if c.cut[0] != "" {
		i := strings.Index(s, c.cut[0])
		j := strings.Index(s[i+1:], c.cut[1])
		if i < 0 || j < 0 {
			t.Fatalf("cut %q: not in %s", c.cut, c.sample)
		}
		s = s[:i] + s[i+1+j:]
	}
	for _, ed := range c.edits {
		if n := strings.Count(s, ed[0]); n != 1 {
			t.Fatalf("edit %q: found %d times in %s, want 1", ed[0], n, c.sample)
		}
		s = strings.Replace(s, ed[0], ed[1], 1)
	}
	return loadSource(t, c.name, s)
}

// pathResult is one body's expected results --json.
type pathResult struct {
	status   string
	elected  []string
	rounds   string
	next     string
	fmStatus string
}

// tieRevoteShort: the re-vote among 方晓 and 林雪 leaves both below 16.
var tieRevoteShort = [][2]string{{`"方晓" = 17`, `"方晓" = 15`}, {`"林雪" = 10`, `"林雪" = 12`}}

var paths = []pathCase{
	{
		name: "first round only", sample: "donghua-community",
		status: "complete", elected: []string{"刘通", "孙朋", "汪金平", "周陈", "嵇玉"}, seats: 5,
		rounds: "first:complete", fmStatus: "complete",
		script:     []string{"按姓氏笔画为序，当选为新一届支部委员会委员的是：刘通、孙朋、汪金平、周陈、嵇玉同志", "请新当选的5名委员", "嵇玉同志当选为书记，周陈同志当选为副书记"},
		notScript:  []string{"再次投票", "另行选举", "如需要"},
		request:    []string{"嵇玉同志为书记（得5票），周陈同志为副书记（得5票）", "嵇玉同志任中共东华社区支部委员会书记、周陈同志任副书记，报请审批"},
		notRequest: []string{"第一轮投票", "综上"},
		summary:    []string{"应选名额一次选足，选举一次成功", "嵇玉同志获得全部有效票当选", "选举产生了书记、副书记"},
		notSummary: []string{"全票当选"},
	},
	{
		name: "tie, re-vote that fills", sample: "bureau-branch",
		status: "complete", elected: []string{"马立群", "方晓", "欧阳静", "唐文博", "曹国庆"}, seats: 5,
		rounds: "first:revote_needed revote:complete", fmStatus: "complete",
		script: []string{"马立群、欧阳静、唐文博、曹国庆同志获得的赞成票超过半数，当选为新一届支部委员会委员。方晓、林雪同志得票相等，不能确定当选人",
			"（十一）再次投票", "方晓同志获得的赞成票超过半数，当选为新一届支部委员会委员", "经过第一轮投票、再次投票，新一届支部委员会5名委员已全部选出"},
		notScript:  []string{"如需要", "另行选举"},
		request:    []string{"综上，第一轮投票选出4名，就得票相等的方晓、林雪同志再次投票，方晓同志当选", "得票16票及以上的始得当选。再次投票得票情况如下"},
		summary:    []string{"方晓、林雪同志得票相等，大会就票数相等的被选举人再次投票", "方晓同志当选", "唐文博同志全票当选"},
		notSummary: []string{"一次成功"},
	},
	{
		name: "re-vote short of the threshold", sample: "bureau-branch", noFM: true, edits: tieRevoteShort,
		status: "another_round_needed", elected: []string{"马立群", "欧阳静", "唐文博", "曹国庆"}, seats: 5,
		rounds: "first:revote_needed revote:another_round_needed", next: "another:1",
		skipped: "再次投票后得票超过半数的被选举人少于应选名额，尚缺1名",
		script: []string{"方晓15票，林雪12票", "没有被选举人获得的赞成票超过半数，无人当选，尚缺1名", "（十二）另行选举",
			"另行选举候选人是：方晓、林雪同志", "另行选举或减少名额（如需要）"},
		notScript:       []string{"已全部选出", "请新当选的5名委员", "方晓同志获得的赞成票超过半数"},
		summary:         []string{"方晓得15票、林雪得12票，无人当选", "选举尚未完成，尚需另行选举"},
		notSummary:      []string{"新一届委员会由", "选举产生了新一届"},
		nextBallot:      "委员另行选举选票",
		nextBallotWords: []string{"委员另行选举选票", "本次另行选举应选委员1名，候选人2名", "方晓", "林雪"},
	},
	{
		name: "revote_top_wins", sample: "bureau-branch",
		edits:  append([][2]string{{`rules = "party-2020"`, "[rules]\nprofile = \"party-2020\"\nrevote_top_wins = true"}}, tieRevoteShort...),
		status: "complete", elected: []string{"马立群", "方晓", "欧阳静", "唐文博", "曹国庆"}, seats: 5,
		rounds: "first:revote_needed revote:complete", fmStatus: "complete",
		script:  []string{"根据选举办法，再次投票得票多的当选", "方晓同志得票多，当选为新一届支部委员会委员"},
		request: []string{"按照选举办法，再次投票得票多的当选", "就得票相等的方晓、林雪同志再次投票，方晓同志当选"},
	},
	{
		name: "tie pending", sample: "donghua-community", noFM: true,
		edits:  [][2]string{{`"张荷田" = 9`, `"张荷田" = 20`}, {`"刘通" = 25`, `"刘通" = 20`}, {"votes = 2", "votes = 1"}},
		status: "revote_needed", elected: []string{"孙朋", "汪金平", "周陈", "嵇玉"}, seats: 5,
		rounds: "first:revote_needed", next: "revote:1",
		skipped:         "第一轮投票中刘通、张荷田得票相等（20票），不能确定当选人，应就票数相等的被选举人再次投票，选出1名",
		script:          []string{"刘通、张荷田同志得票相等，不能确定当选人", "（十一）再次投票", "就得票相等的刘通、张荷田同志再次投票，选出1名委员"},
		notScript:       []string{"已全部选出", "当选为新一届支部委员会委员的是：刘通", "请新当选的5名委员"},
		summary:         []string{"刘通20票、张荷田20票", "选举尚未完成，尚需再次投票"},
		notSummary:      []string{"新一届委员会由"},
		nextBallot:      "委员再次投票选票",
		nextBallotWords: []string{"委员再次投票选票", "刘通、张荷田2名被选举人得票相等", "应选1名", "不能另选他人"},
	},
	{
		name: "first meeting recorded before the re-vote", sample: "donghua-community",
		edits:  [][2]string{{`"张荷田" = 9`, `"张荷田" = 20`}, {`"刘通" = 25`, `"刘通" = 20`}, {"votes = 2", "votes = 1"}},
		status: "revote_needed", elected: []string{"孙朋", "汪金平", "周陈", "嵇玉"}, seats: 5,
		rounds: "first:revote_needed", next: "revote:1",
		refused: "委员选举尚未完成（尚需再次投票），不能召开新一届委员会第一次全体会议",
		script:  []string{"（十一）再次投票"}, notScript: []string{"嵇玉同志当选为书记"},
		request:    []string{"刘通、张荷田同志得票相等，不能确定最后1名当选人", "目前已当选4名：孙朋、汪金平、周陈、嵇玉同志（按姓氏笔画为序）；尚需再次投票，选举尚未完成", "书记、副书记尚未选出"},
		notRequest: []string{"综上", "报请审批"},
	},
	{
		name: "shortfall pending", sample: "donghua-community", noFM: true,
		edits:  [][2]string{{`"刘通" = 25`, `"刘通" = 18`}},
		status: "another_round_needed", elected: []string{"孙朋", "汪金平", "周陈", "嵇玉"}, seats: 5,
		rounds: "first:another_round_needed", next: "another:1",
		skipped:         "第一轮投票后得票超过半数的被选举人少于应选名额，尚缺1名",
		script:          []string{"获得赞成票超过半数的被选举人少于应选名额，尚缺1名", "（十一）另行选举", "另行选举候选人是：刘通、张荷田同志"},
		notScript:       []string{"已全部选出", "请新当选的5名委员", "当选为新一届支部委员会委员的是：刘通"},
		summary:         []string{"刘通18票", "选举尚未完成，尚需另行选举"},
		notSummary:      []string{"一次成功", "新一届委员会由"},
		nextBallot:      "委员另行选举选票",
		nextBallotWords: []string{"刘通", "张荷田", "本次另行选举应选委员1名，候选人2名"},
	},
	{
		name: "另行选举 that fills", sample: "village-branch",
		status: "complete", elected: []string{"王建国", "刘晓燕", "孙立军", "李春梅", "张大勇"}, seats: 5,
		rounds: "first:another_round_needed another:complete", fmStatus: "complete",
		script: []string{"按姓氏笔画为序，王建国、刘晓燕、李春梅、张大勇同志获得的赞成票超过半数，当选为新一届支部委员会委员。获得赞成票超过半数的被选举人少于应选名额，尚缺1名",
			"现在请大会表决：对缺额进行另行选举", "孙立军同志获得的赞成票超过半数，当选为新一届支部委员会委员", "请新当选的5名委员"},
		notScript: []string{"如需要", "孙立军10票。）根据选举办法，被选举人获得的赞成票超过应到会有选举权人数的半数（12票以上），始得当选。按姓氏笔画为序，当选为"},
		request:   []string{"综上，第一轮投票选出4名，对缺额1名进行另行选举，孙立军同志当选", "6孙立军10未当选", "1孙立军13当选"},
		summary:   []string{"尚缺1名，经大会同意进行另行选举，候选人孙立军、赵永发同志", "孙立军同志当选"},
	},
	{
		name: "另行选举 short again", sample: "village-branch", noFM: true,
		edits:  [][2]string{{`"赵永发" = 8`, `"赵永发" = 10`}, {`"孙立军" = 13`, `"孙立军" = 11`}},
		status: "another_round_needed", elected: []string{"王建国", "刘晓燕", "李春梅", "张大勇"}, seats: 5,
		rounds: "first:another_round_needed another:another_round_needed", next: "another:1",
		skipped:         "另行选举后得票超过半数的被选举人少于应选名额，尚缺1名",
		script:          []string{"孙立军11票，赵永发10票", "没有被选举人获得的赞成票超过半数，无人当选，尚缺1名", "（十二）第二次另行选举"},
		notScript:       []string{"已全部选出", "孙立军同志获得的赞成票超过半数"},
		nextBallot:      "委员第二次另行选举选票",
		nextBallotWords: []string{"委员第二次另行选举选票", "本次第二次另行选举应选委员1名"},
	},
	{
		name: "a second 另行选举 that fills", sample: "village-branch",
		edits: [][2]string{{`"赵永发" = 8`, `"赵永发" = 10`}, {`"孙立军" = 13`, `"孙立军" = 11`},
			{"\n[meeting.another_round]                #", "\n[[meeting.another_round]]              #"},
			{"\n[first_meeting]\n", "\n[[meeting.another_round]]\nballots_issued = 21\nballots_returned = 21\nballots_invalid = 0\nvotes = { \"孙立军\" = 14, \"赵永发\" = 7 }\n\n[first_meeting]\n"}},
		status: "complete", elected: []string{"王建国", "刘晓燕", "孙立军", "李春梅", "张大勇"}, seats: 5,
		rounds: "first:another_round_needed another:another_round_needed another:complete", fmStatus: "complete",
		script:  []string{"（十二）第二次另行选举", "孙立军14票，赵永发7票", "经过第一轮投票、另行选举、第二次另行选举"},
		request: []string{"对缺额1名进行另行选举，无人当选，对缺额1名进行第二次另行选举，孙立军同志当选"},
	},
	{
		name: "reduced seats", sample: "village-branch", cut: [2]string{"\n[meeting.another_round]", "\n[first_meeting]"},
		edits: [][2]string{
			{"ballots_invalid = 1\n", "ballots_invalid = 1\nreduced_seats = 4\n"},
			{"present = 5\n", "present = 4\n"}, {`"王建国" = 5`, `"王建国" = 4`}, {`"李春梅" = 4`, `"李春梅" = 3`}, {`"孙立军" = "纪检委员"`, ""}},
		status: "complete", elected: []string{"王建国", "刘晓燕", "李春梅", "张大勇"}, seats: 4,
		rounds: "first:another_round_needed", fmStatus: "complete",
		script:     []string{"（十一）减少名额", "提议减少委员名额1名，不再进行选举，新一届支部委员会由4名委员组成", "经过半数的选举人同意，通过", "请新当选的4名委员"},
		notScript:  []string{"另行选举候选人", "如需要"},
		request:    []string{"委员候选人6名，应选5名", "经过半数选举人同意，减少名额1名，不再选举，新一届支部委员会由4名委员组成", "等4名同志当选"},
		summary:    []string{"经过半数选举人同意，减少名额1名", "新一届支部委员会由4名委员组成"},
		notSummary: []string{"一次成功"},
	},
	{
		name: "书记 not elected", sample: "donghua-community",
		edits:  [][2]string{{"[first_meeting.votes]                  # 书记、副书记选举得票\n\"嵇玉\" = 5", "[first_meeting.votes]\n\"嵇玉\" = 2"}},
		status: "complete", elected: []string{"刘通", "孙朋", "汪金平", "周陈", "嵇玉"}, seats: 5,
		rounds: "first:complete", fmStatus: "secretary_not_elected",
		refused:    "书记候选人嵇玉得2票，未超过应到会委员（5名）的半数（至少3票），未当选",
		script:     []string{"书记候选人嵇玉同志得2票，未超过全体委员的半数（3票以上），未当选", "周陈同志当选为副书记"},
		notScript:  []string{"嵇玉同志当选为书记", "嵇玉同志当选为新一届支部委员会书记", "请新当选的书记"},
		request:    []string{"书记候选人嵇玉同志得2票，未超过全体委员的半数（至少3票），未当选", "周陈同志当选为副书记（得5票）", "未选出的书记，另行选举后再行报批"},
		notRequest: []string{"嵇玉同志为书记", "嵇玉同志任中共东华社区支部委员会书记", "嵇玉任书记"},
		summary:    []string{"书记未能选出"},
		notSummary: []string{"选举产生了书记", "嵇玉同志任书记"},
	},
	{
		name: "副书记 not elected", sample: "donghua-community",
		edits:  [][2]string{{"\"周陈\" = 5\n\n[first_meeting.duties]", "\"周陈\" = 2\n\n[first_meeting.duties]"}},
		status: "complete", elected: []string{"刘通", "孙朋", "汪金平", "周陈", "嵇玉"}, seats: 5,
		rounds: "first:complete", fmStatus: "deputy_not_elected",
		refused:    "副书记候选人周陈得2票，未超过应到会委员（5名）的半数（至少3票），未当选",
		script:     []string{"副书记候选人周陈同志得2票，未超过全体委员的半数（3票以上），未当选", "嵇玉同志当选为书记"},
		notScript:  []string{"周陈同志当选为副书记"},
		request:    []string{"嵇玉同志当选为书记（得5票）；副书记候选人周陈同志得2票"},
		notRequest: []string{"周陈同志为副书记", "周陈同志任副书记", "周陈任副书记"},
		summary:    []string{"书记"},
		notSummary: []string{"周陈同志任副书记", "选举产生了书记、副书记"},
	},
	{
		name: "first meeting without quorum", sample: "donghua-community",
		edits:  [][2]string{{"present = 5                            # 到会委员", "present = 3"}, {`"嵇玉" = 5`, `"嵇玉" = 3`}, {"\"周陈\" = 5\n\n[first", "\"周陈\" = 3\n\n[first"}},
		status: "complete", elected: []string{"刘通", "孙朋", "汪金平", "周陈", "嵇玉"}, seats: 5,
		rounds: "first:complete", fmStatus: "invalid_meeting",
		refused:    "第一次全体会议应到委员5名，实到3名，未达到五分之四（至少4名），不能选举书记、副书记",
		script:     []string{"未达到全体委员的五分之四（4名），按照规定，不能进行选举", "未能选举书记、副书记"},
		notScript:  []string{"当选为书记", "请新当选的书记"},
		request:    []string{"应到委员5名，实到3名，未达到应到委员的五分之四（至少4名），未能选举书记、副书记"},
		notRequest: []string{"报请审批"},
		notSummary: []string{"选举产生了书记"},
	},
}

// The 纪委 of a 基层党委 follows the same rounds as the committee.
var disciplinePaths = []pathCase{
	{
		name: "党委 and 纪委 at one meeting", sample: "qinghe-community-committee",
		status: "complete", elected: []string{"马文涛", "王丽", "李国强", "杨静", "陈建华", "周雅琴", "赵敏"}, seats: 7,
		rounds: "first:complete", fmStatus: "complete",
		disc: &pathResult{status: "complete", elected: []string{"刘芳", "杨静", "吴倩", "何平", "张卫东"}, rounds: "first:complete", fmStatus: "complete"},
		script: []string{"一是听取和审议上届委员会工作报告；二是听取和审议上届纪律检查委员会工作报告；三是选举产生新一届委员会和纪律检查委员会",
			"纪委委员候选人是：刘芳、杨静、吴倩、何平、张卫东、郑开明同志", "发出委员选票134张，纪委委员选票134张",
			"纪委委员选票发出134张，收回133张。收回的选票少于发出的选票，纪委委员选举有效", "当选为新一届纪律检查委员会委员的是：刘芳、杨静、吴倩、何平、张卫东同志",
			"请新当选的5名纪委委员召开新一届纪律检查委员会第一次全体会议，选举书记", "杨静同志当选为纪委书记",
			"青禾社区党委新一届纪律检查委员会第一次全体会议主持词", "杨静同志当选为新一届纪律检查委员会书记"},
		notScript: []string{"支部", "支委会", "如需要"},
		request: []string{"三、纪律检查委员会委员选举情况", "共发出纪委委员选票134张，收回133张", "刘芳、杨静、吴倩、何平、张卫东等5名同志当选为新一届纪律检查委员会委员",
			"会议以无记名投票方式等额选举杨静同志为纪委书记（得5票）", "杨静同志任中共青禾社区纪律检查委员会书记，经新一届委员会同意，报请审批；刘芳、杨静、吴倩、何平、张卫东同志当选为新一届纪律检查委员会委员，报请备案",
			"附件2新一届纪律检查委员会委员名单"},
		notRequest: []string{"支部", "党委委员会"},
		summary:    []string{"选举产生了新一届委员会和纪律检查委员会", "纪律检查委员会委员选举中，大会从6名候选人中差额选举5名纪委委员", "新一届纪律检查委员会由5名委员组成，杨静同志任纪委书记"},
	},
	{
		name: "纪委 short of its seats", sample: "qinghe-community-committee", cut: [2]string{"\n[discipline.first_meeting]", "\n[ballot]"},
		edits:  [][2]string{{`"吴倩" = 101`, `"吴倩" = 70`}},
		status: "complete", elected: []string{"马文涛", "王丽", "李国强", "杨静", "陈建华", "周雅琴", "赵敏"}, seats: 7,
		rounds: "first:complete", fmStatus: "complete",
		disc:    &pathResult{status: "another_round_needed", elected: []string{"刘芳", "杨静", "何平", "张卫东"}, rounds: "first:another_round_needed", next: "another:1"},
		skipped: "纪委委员选举：第一轮投票后得票超过半数的被选举人少于应选名额，尚缺1名",
		script: []string{"获得赞成票超过半数的被选举人少于应选名额，尚缺1名", "（十一）纪委委员另行选举", "此前已选出纪委委员4名，尚缺1名",
			"另行选举候选人是：吴倩、郑开明同志", "（十二）另行选举或减少名额（如需要）", "（十三）宣布当选纪委委员名单"},
		notScript:       []string{"再次投票（如需要）", "当选为新一届纪律检查委员会委员的是：刘芳、杨静、吴倩"},
		summary:         []string{"纪律检查委员会委员选举中", "选举尚未完成，尚需另行选举"},
		nextBallot:      "纪委委员另行选举选票",
		nextBallotWords: []string{"中国共产党青禾社区纪律检查委员会", "委员另行选举选票", "本次另行选举应选委员1名，候选人2名", "吴倩", "郑开明"},
	},
	{
		name: "纪委 另行选举 that fills", sample: "qinghe-community-committee",
		edits: [][2]string{{`"吴倩" = 101`, `"吴倩" = 70`},
			{"\n[discipline.first_meeting]", "\n[discipline.meeting.another_round]\nballots_issued = 134\nballots_returned = 134\nballots_invalid = 0\nvotes = { \"吴倩\" = 96, \"郑开明\" = 31 }\n\n[discipline.first_meeting]"}},
		status: "complete", elected: []string{"马文涛", "王丽", "李国强", "杨静", "陈建华", "周雅琴", "赵敏"}, seats: 7,
		rounds: "first:complete", fmStatus: "complete",
		disc: &pathResult{status: "complete", elected: []string{"刘芳", "杨静", "吴倩", "何平", "张卫东"}, rounds: "first:another_round_needed another:complete", fmStatus: "complete"},
		script: []string{"（十一）纪委委员另行选举", "吴倩96票，郑开明31票", "吴倩同志获得的赞成票超过半数，当选为新一届纪律检查委员会委员",
			"（十二）宣布当选纪委委员名单", "经过第一轮投票、另行选举，新一届纪律检查委员会5名委员已全部选出"},
		notScript: []string{"如需要"},
		request:   []string{"对缺额1名进行另行选举：从2名候选人中选举1名", "综上，第一轮投票选出4名，对缺额1名进行另行选举，吴倩同志当选", "刘芳、杨静、吴倩、何平、张卫东等5名同志当选为新一届纪律检查委员会委员"},
		summary:   []string{"尚缺1名，经大会同意进行另行选举，候选人吴倩、郑开明同志", "吴倩同志当选"},
	},
	{
		name: "纪委书记 not elected", sample: "qinghe-community-committee",
		edits:  [][2]string{{"[discipline.first_meeting.votes]\n\"杨静\" = 5", "[discipline.first_meeting.votes]\n\"杨静\" = 2"}},
		status: "complete", elected: []string{"马文涛", "王丽", "李国强", "杨静", "陈建华", "周雅琴", "赵敏"}, seats: 7,
		rounds: "first:complete", fmStatus: "complete",
		disc:       &pathResult{status: "complete", elected: []string{"刘芳", "杨静", "吴倩", "何平", "张卫东"}, rounds: "first:complete", fmStatus: "secretary_not_elected"},
		refused:    "纪委书记候选人杨静得2票，未超过应到会委员（5名）的半数（至少3票），未当选",
		script:     []string{"纪委书记候选人杨静同志得2票，未超过全体委员的半数（3票以上），未当选"},
		request:    []string{"纪委书记候选人杨静同志得2票，未超过全体委员的半数（至少3票），未当选"},
		notRequest: []string{"杨静同志任中共青禾社区纪律检查委员会书记"},
	},
}

// A branch without a committee: the 党员大会 elects the 书记 (and the
// 副书记) directly, with no 委员 and no first meeting.
var directPaths = []pathCase{
	{
		name: "书记 elected directly", sample: "small-branch", form: "no_committee",
		status: "complete", elected: []string{"宋立新"}, seats: 1, rounds: "first:complete",
		script: []string{"一是听取和审议支部工作报告；二是选举产生新一届书记", "书记候选人是：宋立新同志", "所另选的人应是本支部有选举权和被选举权的正式党员",
			"书记候选人宋立新同志得5票；书记一栏另选他人李娟同志得1票", "宋立新同志当选为书记", "请新当选的书记宋立新同志讲话"},
		notScript:  []string{"委员候选人", "委员选票", "支部委员会", "第一次全体会议", "再次投票", "另行选举"},
		request:    []string{"大会以无记名投票方式等额直接选举书记", "1书记宋立新5当选", "2书记李娟（另选他人）1未当选", "宋立新同志任中共恒达精密机械有限公司支部书记，报请审批", "附件新当选的书记名单"},
		notRequest: []string{"当选委员", "委员名单", "支部委员会", "第一次全体会议"},
		summary:    []string{"直接选举产生了新一届书记", "宋立新同志当选为书记，选举一次成功"},
		notSummary: []string{"名委员组成", "委员选举"},
	},
	{
		name: "书记 and 副书记 elected directly", sample: "small-branch", form: "no_committee",
		edits: [][2]string{{"deputy_seats = 0 ", "deputy_seats = 1 "},
			{"\n# ---------- 以下为选举后填写", "\n[[candidates]]\nname = \"贺明\"\ngender = \"男\"\nbirth = \"1986-05\"\nproposed = \"副书记\"\n\n# ---------- 以下为选举后填写"},
			{`scrutineers = ["贺明"]`, `scrutineers = ["许建"]`}, {`"宋立新" = 5`, "\"宋立新\" = 5\n\"贺明\" = 4"}},
		status: "complete", elected: []string{"宋立新", "贺明"}, seats: 2, rounds: "first:complete",
		script:  []string{"本次选举书记1名、副书记1名，实行等额选举", "宋立新同志当选为书记，贺明同志当选为副书记"},
		request: []string{"宋立新同志任中共恒达精密机械有限公司支部书记、贺明同志任副书记，报请审批", "附件新当选的书记、副书记名单"},
	},
	{
		name: "书记 falls short", sample: "small-branch", form: "no_committee",
		edits:  [][2]string{{`"宋立新" = 5`, `"宋立新" = 3`}},
		status: "another_round_needed", elected: []string{}, seats: 1, rounds: "first:another_round_needed",
		refused:    "书记候选人宋立新得3票，未超过应到会有选举权人数（6名）的半数（至少4票），书记未选出；应报上级党组织同意后另行选举书记",
		script:     []string{"书记候选人宋立新同志得3票，获得的赞成票未超过半数，未当选", "未选出的职务，本次大会不再选举"},
		notScript:  []string{"宋立新同志当选为书记", "请新当选的书记"},
		request:    []string{"书记候选人宋立新同志得3票，未超过半数，未当选", "未选出的职务"},
		notRequest: []string{"报请审批"},
		summary:    []string{"有职务未能选出"},
	},
}

// TestPaths follows each path through results, check, build and the text
// of the 主持词, 结果请示 and 总结 (and the next round's ballot).
func TestPaths(t *testing.T) {
	testenv.Tool(t, "pdftotext")
	for _, c := range append(append(append([]pathCase(nil), paths...), disciplinePaths...), directPaths...) {
		t.Run(c.name, func(t *testing.T) {
			e := pathVariant(t, c)
			if errs := e.Findings.DataErrors(); len(errs) > 0 {
				t.Fatalf("data errors:\n%s", errs.FormatAll(c.name))
			}
			checkPathJSON(t, c, e)
			checkPathHold(t, c, e)

			// The whole set, as the user builds it.
			var notes bytes.Buffer
			outs, err := Plan(e, Options{Out: "out", Formats: []string{"pdf"}, NoSystemFonts: true}, &notes)
			var r *Refusal
			switch {
			case c.refused != "":
				if !errors.As(err, &r) || !strings.Contains(r.Msg, c.refused) {
					t.Errorf("build: got %v, want a refusal with %q", err, c.refused)
				}
			case err != nil:
				t.Fatalf("build refused: %v", err)
			case c.skipped != "":
				for _, n := range []string{"result-request", "summary"} {
					if !strings.Contains(notes.String(), "跳过 "+n) || !strings.Contains(notes.String(), c.skipped) {
						t.Errorf("notes %q: want %s skipped with %q", notes.String(), n, c.skipped)
					}
				}
			default:
				if notes.Len() > 0 {
					t.Errorf("notes %q, want every document built", notes.String())
				}
			}
			_ = outs

			// The three documents read back; the result documents with
			// --draft where they are held back (its stamp, 草稿, is read back
			// in among the words and taken out), and only where they exist:
			// a result request needs the first meeting.
			held := c.refused != "" || c.skipped != ""
			texts := map[string]string{}
			for _, name := range []string{"script", "result-request", "summary"} {
				draft := held && name != "script"
				docs, err := Plan(e, Options{Out: "out", Formats: []string{"pdf"}, Only: []string{name}, Draft: draft, NoSystemFonts: true}, &bytes.Buffer{})
				if err != nil {
					// a result request needs every first meeting
					if name == "result-request" && strings.Contains(err.Error(), "first_meeting]（") {
						continue
					}
					t.Fatalf("%s: %v", name, err)
				}
				txt := flat(pdfText(t, docs[0].Data, false))
				if draft {
					txt = strings.NewReplacer("草", "", "稿", "").Replace(txt)
				}
				texts[name] = txt
				savePath(t, c, docs[0])
			}
			if c.noFM && len(c.request)+len(c.notRequest) > 0 {
				t.Errorf("expectations for a result request that cannot be built without [first_meeting]")
			}
			textHas(t, "主持词", texts["script"], c.script, c.notScript)
			textHas(t, "结果请示", texts["result-request"], c.request, c.notRequest)
			textHas(t, "总结", texts["summary"], c.summary, c.notSummary)

			// --only ballot during the break gives the next round's ballot.
			if c.nextBallot != "" {
				ballots, err := Plan(e, Options{Out: "out", Formats: []string{"pdf"}, Only: []string{"ballot"}, NoSystemFonts: true}, &bytes.Buffer{})
				if err != nil {
					t.Fatal(err)
				}
				found := false
				for _, o := range ballots {
					if strings.HasSuffix(o.Path, "-"+c.nextBallot+".pdf") {
						found = true
						textHas(t, c.nextBallot, flat(pdfText(t, o.Data, false)), c.nextBallotWords, nil)
						savePath(t, c, o)
					}
				}
				if !found {
					t.Errorf("--only ballot gave no %s", c.nextBallot)
				}
			}
		})
	}
}

func checkPathJSON(t *testing.T, c pathCase, e *election.Election) {
	t.Helper()
	if e.Result == nil {
		t.Fatalf("no result:\n%s", e.Findings.FormatAll(c.name))
	}
	b, err := json.Marshal(e.Result)
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		jsonResult
		Seats      int         `json:"seats"`
		Form       string      `json:"form"`
		Discipline *jsonResult `json:"discipline"`
	}
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	want := pathResult{c.status, c.elected, c.rounds, c.next, c.fmStatus}
	if g := got.jsonResult.path(); !reflect.DeepEqual(g, want) || got.Seats != c.seats {
		t.Errorf("results --json: %+v seats %d\nwant          %+v seats %d", g, got.Seats, want, c.seats)
	}
	form := c.form
	if form == "" {
		form = "committee"
	}
	if got.Form != form {
		t.Errorf("results --json: form %q, want %q", got.Form, form)
	}
	switch {
	case c.disc == nil && got.Discipline != nil:
		t.Errorf("results --json: a discipline election %+v, want none", got.Discipline.path())
	case c.disc != nil && got.Discipline == nil:
		t.Errorf("results --json: no discipline election, want %+v", *c.disc)
	case c.disc != nil:
		if g := got.Discipline.path(); !reflect.DeepEqual(g, *c.disc) {
			t.Errorf("results --json discipline: %+v\nwant                     %+v", g, *c.disc)
		}
	}
}

// jsonResult is the part of a results --json election the paths check.
type jsonResult struct {
	Status  string   `json:"status"`
	Elected []string `json:"elected"`
	Rounds  []struct {
		Kind, Status string
	} `json:"rounds"`
	Next *struct {
		Kind  string `json:"kind"`
		Seats int    `json:"seats"`
	} `json:"next_round"`
	FirstMeeting *struct {
		Status string `json:"status"`
	} `json:"first_meeting"`
}

func (j *jsonResult) path() pathResult {
	p := pathResult{status: j.Status, elected: j.Elected}
	var rounds []string
	for _, r := range j.Rounds {
		rounds = append(rounds, r.Kind+":"+r.Status)
	}
	p.rounds = strings.Join(rounds, " ")
	if j.Next != nil {
		p.next = fmt.Sprintf("%s:%d", j.Next.Kind, j.Next.Seats)
	}
	if j.FirstMeeting != nil {
		p.fmStatus = j.FirstMeeting.Status
	}
	return p
}

// checkPathHold: check says what build will do, in build's words — an
// error for a refusal, a warning for a round still to be held, nothing
// otherwise.
func checkPathHold(t *testing.T, c pathCase, e *election.Election) {
	t.Helper()
	h := e.Hold()
	switch {
	case c.refused != "":
		if h == nil || h.Level != election.LevelError || !strings.Contains(h.Message, c.refused) {
			t.Errorf("check: hold %+v, want an error with %q", h, c.refused)
		}
	case c.skipped != "":
		if h == nil || h.Level != election.LevelWarning || !strings.Contains(h.Message, c.skipped) {
			t.Errorf("check: hold %+v, want a warning with %q", h, c.skipped)
		}
	case h != nil:
		t.Errorf("check: hold %+v, want none", h)
	}
	if c.refused == "" && e.Findings.HasErrors() {
		t.Errorf("check errors without a refusal:\n%s", e.Findings.Errors().FormatAll(c.name))
	}
}

func textHas(t *testing.T, doc, text string, want, not []string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("%s lacks %q", doc, w)
		}
	}
	for _, w := range not {
		if strings.Contains(text, w) {
			t.Errorf("%s has %q", doc, w)
		}
	}
	if t.Failed() && testing.Verbose() {
		t.Logf("%s:\n%s", doc, text)
	}
}

func savePath(t *testing.T, c pathCase, o Output) {
	if pathsOut == "" {
		return
	}
	dir := filepath.Join(pathsOut, c.name)
	os.MkdirAll(dir, 0o755)
	if err := os.WriteFile(filepath.Join(dir, filepath.Base(o.Path)), o.Data, 0o644); err != nil {
		t.Log(err)
	}
}

// TestOrderOfBusiness: the 议程 and the 主持词 follow one order — the
// meeting is opened before anything is put to the vote, the ballot box is
// checked before the ballots go out.
func TestOrderOfBusiness(t *testing.T) {
	testenv.Tool(t, "pdftotext")
	e := loadSample(t, "donghua-community")
	docs, err := Plan(e, Options{Out: "out", Formats: []string{"pdf"}, Only: []string{"agenda", "script"}, NoSystemFonts: true}, &bytes.Buffer{})
	if err != nil {
		t.Fatal(err)
	}
	steps := map[string][]string{
		"agenda": {"主持人宣布大会开始", "表决通过不计入应到会人数的党员名单", "报告党员到会情况", "奏唱《中华人民共和国国歌》", "工作报告",
			"审议通过选举办法", "表决通过监票人、计票人名单", "表决通过委员候选人名单", "检查票箱", "清点到会人数", "分发选票",
			"说明填写方法", "投票", "开箱清点选票", "宣布当选委员名单", "休会", "第一次全体会议", "复会", "讲话", "《国际歌》"},
		"script": {"党员大会开始", "拟不计入应到会人数", "下面报告到会情况", "奏唱国歌", "作工作报告",
			"宣读选举办法", "提名马红、朱立新同志为监票人", "委员候选人是：", "检查票箱", "清点到会人数", "分发选票",
			"填写选票的方法", "开始投票", "开箱，清点选票", "当选为新一届支部委员会委员的是", "现在休会", "第一次全体会议", "现在复会", "讲话", "《国际歌》"},
	}
	for _, o := range docs {
		text := flat(pdfText(t, o.Data, false))
		at := 0
		for _, s := range steps[o.Name] {
			i := strings.Index(text[at:], s)
			if i < 0 {
				t.Errorf("%s: %q missing or out of order (after byte %d)", o.Name, s, at)
				continue
			}
			at += i + len(s)
		}
	}
}
