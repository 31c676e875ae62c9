package build

import (
	"bytes"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"huanjie/generator/election"
	"huanjie/internal/testenv"
)

// kindCase is one kind of organisation built from a sample: the words its
// documents must say and must never say, and the files of its set.
type kindCase struct {
	name, sample string
	// replace rewrites the sample into the kind (every occurrence).
	replace []string
	// want are words (after flat) each document (by Output.Key) must
	// contain; never are words no document may contain (after the words
	// in allow are taken out).
	want  map[string][]string
	never []string
	allow []string
	files []string
}

var common = []string{"换届选举请示", "候选人预备人选公示", "党员大会通知", "选举办法", "党员大会议程", "主持词"}
var committeeForms = []string{"委员选票", "书记副书记选票", "委员选举计票单", "委员选举结果报告单", "选举情况报告单", "书记副书记选举计票单", "书记副书记选举结果报告单"}

var kindCases = []kindCase{
	{
		name: "党支部", sample: "donghua-community",
		want: map[string][]string{
			"request":        {"经支委会研究", "1.听取和审议上届支部委员会工作报告；2.选举产生新一届支部委员会。", "新一届支部委员会拟由5名委员组成"},
			"meeting-notice": {"听取和审议上届支部委员会工作报告，选举产生新一届支部委员会"},
			"method":         {"选举工作由上届支部委员会主持", "新一届支部委员会第一次全体会议由上届支部委员会推荐"},
			"script":         {"经上届支部委员会研究", "东华社区党支部新一届支部委员会第一次全体会议主持词"},
			"report":         {"中共东华社区支部委员会工作报告", "我代表上届支部委员会向大会报告工作"},
			"result-request": {"当选为新一届支部委员会委员", "嵇玉同志任中共东华社区支部委员会书记"},
			"tally-report":   {"本次党员大会选举新一届支部委员会委员"},
		},
		never: []string{"东华社区党支部委员会", "总支", "党委会", "纪律检查委员会"},
		files: append(append(append([]string{}, common...), "支部委员会工作报告", "选举结果请示", "换届选举工作总结"), committeeForms...),
	},
	{
		name: "党总支", sample: "donghua-community",
		replace: []string{`kind = "party-branch"`, `kind = "party-general-branch"`, "中共东华社区支部委员会", "中共东华社区总支部委员会",
			"东华社区党支部", "东华社区党总支", "支部委员会召开", "总支部委员会召开", "本届支部委员会", "本届总支部委员会"},
		want: map[string][]string{
			"request":          {"中共东华社区总支部委员会关于召开党员大会", "经总支委员会研究", "1.听取和审议上届总支部委员会工作报告；2.选举产生新一届总支部委员会。"},
			"notice":           {"新一届总支部委员会委员候选人预备人选的公示", "经总支委员会研究"},
			"meeting-notice":   {"听取和审议上届总支部委员会工作报告，选举产生新一届总支部委员会", "须事先向东华社区党总支书面请假"},
			"method":           {"选举工作由上届总支部委员会主持", "新一届总支部委员会由5名委员组成"},
			"agenda":           {"四、听取和审议上届总支部委员会工作报告", "六、休会。新一届总支部委员会召开第一次全体会议"},
			"script":           {"选举产生新一届总支部委员会", "当选为新一届总支部委员会委员的是", "东华社区党总支新一届总支部委员会第一次全体会议主持词"},
			"report":           {"中共东华社区总支部委员会工作报告", "我代表上届总支部委员会向大会报告工作"},
			"result-request":   {"当选为新一届总支部委员会委员", "嵇玉同志任中共东华社区总支部委员会书记", "附件新一届总支部委员会委员名单"},
			"summary":          {"选举产生了新一届总支部委员会"},
			"ballot-committee": {"中国共产党东华社区总支部委员会委员选票"},
			"ballot-secretary": {"另选的人须是新一届委员会委员"},
			"tally-report":     {"本次党员大会选举新一届总支部委员会委员"},
		},
		// a form's title in two lines: 东华社区党总支｜委员选举计票单
		allow: []string{"总支部委员会", "总支委员会", "党总支委员选举"},
		never: []string{"支部", "支委", "党总支委员会", "党委会", "纪律检查委员会"},
		files: append(append(append([]string{}, common...), "总支部委员会工作报告", "选举结果请示", "换届选举工作总结"), committeeForms...),
	},
	{
		name: "基层党委", sample: "donghua-community",
		replace: []string{`kind = "party-branch"`, `kind = "party-committee"`, "中共东华社区支部委员会", "中共东华社区委员会",
			"东华社区党支部", "东华社区党委", "支部委员会召开", "社区党委召开", "本届支部委员会", "本届委员会"},
		want: map[string][]string{
			"request":          {"中共东华社区委员会关于召开党员大会", "经党委会研究", "1.听取和审议上届委员会工作报告；2.选举产生新一届委员会。"},
			"meeting-notice":   {"须事先向东华社区党委书面请假"},
			"method":           {"选举工作由上届委员会主持"},
			"script":           {"当选为新一届委员会委员的是", "东华社区党委新一届委员会第一次全体会议主持词"},
			"report":           {"中共东华社区委员会工作报告", "我代表上届委员会向大会报告工作"},
			"result-request":   {"嵇玉同志任中共东华社区委员会书记"},
			"ballot-committee": {"中国共产党东华社区委员会委员选票"},
		},
		never: []string{"支部", "支委", "总支", "党委委员会", "纪律检查委员会"},
		files: append(append(append([]string{}, common...), "委员会工作报告", "选举结果请示", "换届选举工作总结"), committeeForms...),
	},
	{
		name: "基层党委和纪委", sample: "qinghe-community-committee",
		want: map[string][]string{
			"request":             {"3.选举产生新一届委员会和纪律检查委员会。", "附件2纪律检查委员会委员候选人预备人选名单"},
			"notice":              {"新一届委员会和纪律检查委员会委员候选人预备人选的公示", "二、纪律检查委员会委员候选人预备人选（6名）"},
			"method":              {"委员选票和纪委委员选票用不同颜色的纸张印制", "新一届纪律检查委员会第一次全体会议由上届纪律检查委员会推荐"},
			"agenda":              {"听取和审议上届纪律检查委员会工作报告", "新一届纪律检查委员会召开第一次全体会议，选举书记。"},
			"report-纪委":           {"中共青禾社区纪律检查委员会工作报告", "我代表上届纪律检查委员会向大会报告工作"},
			"ballot-committee-纪委": {"中国共产党青禾社区纪律检查委员会委员选票"},
			"ballot-secretary-纪委": {"中国共产党青禾社区纪律检查委员会书记选票", "另选的人须是新一届纪律检查委员会委员"},
			"tally-report-纪委":     {"本次党员大会选举新一届纪律检查委员会委员，应选委员5名，候选人6名", "本次选举有效"},
		},
		// the 社区党委's own 网格党支部 (in its data) are no words of the kind
		allow: []string{"网格党支部", "各党支部"},
		never: []string{"支部", "支委", "总支", "党委委员会", "党委党委"},
		files: append(append(append([]string{}, common...), "委员会工作报告", "纪律检查委员会工作报告", "选举结果请示", "换届选举工作总结"),
			append(committeeForms, "纪委委员选票", "纪委书记选票", "纪委委员选举计票单", "纪委委员选举结果报告单", "纪委书记选举计票单", "纪委书记选举结果报告单")...),
	},
	{
		name: "不设委员会的党支部", sample: "small-branch",
		want: map[string][]string{
			"request":                {"设书记1名，由党员大会直接选举产生", "附件书记候选人预备人选名单"},
			"method":                 {"由党员大会以无记名投票方式，采取等额选举的办法直接选举产生"},
			"report":                 {"中共恒达精密机械有限公司支部工作报告", "我代表恒达精密机械党支部向大会报告工作"},
			"ballot-secretary":       {"中国共产党恒达精密机械有限公司支部书记选票", "另选的人须是本支部有选举权和被选举权的正式党员"},
			"tally-secretary-report": {"大会主持人", "超过应到会有选举权人数的半数（4票以上）", "应到会有选举权的党员"},
		},
		never: []string{"委员候选人", "委员选票", "第一次全体会议", "支部委员会", "支委会", "委员名单"},
		files: append(append([]string{}, common...), "支部工作报告", "选举结果请示", "换届选举工作总结", "书记选票", "选举情况报告单", "书记选举计票单", "书记选举结果报告单"),
	},
}

// TestKinds builds every document for each kind of organisation and reads
// the kind's words back from the PDFs: its committee, meeting and report
// named as that kind names them, no word of another kind, the files of its
// set.
func TestKinds(t *testing.T) {
	testenv.Tool(t, "pdftotext")
	for _, c := range kindCases {
		t.Run(c.name, func(t *testing.T) {
			e := kindVariant(t, c)
			if errs := e.Findings.Errors(); len(errs) > 0 {
				t.Fatalf("errors:\n%s", errs.FormatAll(c.name))
			}
			var notes bytes.Buffer
			outs, err := Plan(e, Options{Out: "out", Formats: []string{"pdf"}, NoSystemFonts: true}, &notes)
			if err != nil || notes.Len() > 0 {
				t.Fatalf("build: %v %s", err, notes.String())
			}
			var files []string
			texts := map[string]string{}
			for _, o := range outs {
				base := filepath.Base(o.Path)
				files = append(files, strings.TrimSuffix(strings.TrimPrefix(base, e.File.Organization.ShortName+"-"), ".pdf"))
				texts[o.Key] = flat(pdfText(t, o.Data, false))
			}
			sort.Strings(files)
			want := append([]string(nil), c.files...)
			sort.Strings(want)
			if strings.Join(files, " ") != strings.Join(want, " ") {
				t.Errorf("files\n got  %v\n want %v", files, want)
			}
			for key, words := range c.want {
				text, ok := texts[key]
				if !ok {
					t.Errorf("%s: not built", key)
				}
				for _, w := range words {
					if !strings.Contains(text, w) {
						t.Errorf("%s lacks %q", key, w)
					}
				}
			}
			for key, text := range texts {
				for _, a := range c.allow {
					text = strings.ReplaceAll(text, a, "")
				}
				for _, w := range c.never {
					if i := strings.Index(text, w); i >= 0 {
						t.Errorf("%s has %q: …%s…", key, w, excerpt(text, i))
					}
				}
			}
		})
	}
}

func kindVariant(t *testing.T, c kindCase) *election.Election {
	t.Helper()
	s := source(t, c.sample)
	for i := 0; i+1 < len(c.replace); i += 2 {
		if !strings.Contains(s, c.replace[i]) {
			t.Fatalf("%q not in %s", c.replace[i], c.sample)
		}
		s = strings.ReplaceAll(s, c.replace[i], c.replace[i+1])
	}
	return loadSource(t, "kind", s)
}

// excerpt is the text around byte i, for a message.
func excerpt(s string, i int) string {
	r := []rune(s[:i])
	from := max(0, len(r)-12)
	rest := []rune(s[i:])
	return string(r[from:]) + string(rest[:min(len(rest), 16)])
}

// A form of every vote written before {机构} (文件名 without it) is still
// filled for each vote of the committee.
func TestRoundFormWithoutBody(t *testing.T) {
	dir := writeTemplate(t, "ballot-committee.tmpl", "文书：ballot\n文件名：委员选票\n后续文件名：委员{轮次}选票\n顺序：70\n---\n标题：{{.Round.Name}}\n正文。\n")
	outs, err := Plan(loadSample(t, "bureau-branch"), Options{Out: "out", Formats: []string{"pdf"}, Only: []string{"ballot"}, TemplatesDir: dir, NoSystemFonts: true}, &bytes.Buffer{})
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, o := range outs {
		files = append(files, filepath.Base(o.Path))
	}
	want := "区财政局机关第二党支部-委员选票.pdf 区财政局机关第二党支部-委员再次投票选票.pdf 区财政局机关第二党支部-书记副书记选票.pdf"
	if strings.Join(files, " ") != want {
		t.Errorf("files %v, want %s", files, want)
	}
}
