package build

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"huanjie/generator/election"
	"huanjie/internal/testenv"
)

var update = flag.Bool("update", false, "rewrite testdata/golden/<sample>/<doc>.txt from the current output")

const samplesDir = "../../samples"

// loadSample reads and analyses samples/<name>.toml.
func loadSample(t testing.TB, name string) *election.Election {
	t.Helper()
	e, err := election.Load(filepath.Join(samplesDir, name+".toml"))
	if err != nil {
		t.Fatalf("load %s: %v", name, err)
	}
	return e
}

// loadSource writes src (a sample's text, edited) to a temporary file
// named name.toml and analyses it.
func loadSource(t testing.TB, name, src string) *election.Election {
	t.Helper()
	p := filepath.Join(t.TempDir(), name+".toml")
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	e, err := election.Load(p)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// sampleNames lists the samples (file names without .toml), sorted.
func sampleNames(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(samplesDir, "*.toml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no samples in %s (%v)", samplesDir, err)
	}
	var out []string
	for _, f := range files {
		out = append(out, strings.TrimSuffix(filepath.Base(f), ".toml"))
	}
	return out
}

// pdfText runs pdftotext on PDF bytes; layout selects -layout.
func pdfText(t testing.TB, data []byte, layout bool) string {
	t.Helper()
	tool := testenv.Tool(t, "pdftotext")
	f := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(f, data, 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"-enc", "UTF-8"}
	if layout {
		args = append(args, "-layout")
	}
	out, err := exec.Command(tool, append(args, f, "-")...).Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

var pageNumberLine = regexp.MustCompile(`(?m)^\s*[—–-]\s*\d+\s*[—–-]\s*$`)

// flat removes page-number lines and all white space, so that figures can
// be found whatever the line and page breaks (tables read as "1嵇玉32当选").
func flat(s string) string {
	s = pageNumberLine.ReplaceAllString(s, "")
	return strings.Join(strings.Fields(s), "")
}

// buildAll renders every document that builds for the election, as PDF.
func buildAll(t testing.TB, e *election.Election, formats ...string) ([]Output, string) {
	t.Helper()
	if len(formats) == 0 {
		formats = []string{"pdf"}
	}
	var notes bytes.Buffer
	outs, err := Plan(e, Options{Out: "out", Formats: formats, NoSystemFonts: true}, &notes)
	if err != nil {
		t.Fatalf("Plan: %v", err)
	}
	return outs, notes.String()
}

// TestGolden compares the text of every document of every sample with
// testdata/golden/<sample>/<doc>.txt (pdftotext -layout). Run
// `go test ./generator/build -run TestGolden -update` after an intended
// change and review the diff.
func TestGolden(t *testing.T) {
	testenv.Tool(t, "pdftotext")
	for _, sample := range sampleNames(t) {
		t.Run(sample, func(t *testing.T) {
			e := loadSample(t, sample)
			outs, _ := buildAll(t, e)
			dir := filepath.Join("testdata", "golden", sample)
			seen := map[string]bool{}
			for _, o := range outs {
				key := o.Key
				seen[key+".txt"] = true
				got := pdfText(t, o.Data, true)
				path := filepath.Join(dir, key+".txt")
				if *update {
					if err := os.MkdirAll(dir, 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
						t.Fatal(err)
					}
					continue
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Errorf("%s: no golden file %s (run with -update): %v", key, path, err)
					continue
				}
				if d := firstDiff(string(want), got); d != "" {
					t.Errorf("%s differs from %s (run with -update if intended):\n%s", key, path, d)
				}
			}
			// A golden file for a document that no longer builds is stale.
			files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
			for _, f := range files {
				if !seen[filepath.Base(f)] {
					if *update {
						os.Remove(f)
						continue
					}
					t.Errorf("stale golden file %s: the document no longer builds for %s", f, sample)
				}
			}
		})
	}
}

// firstDiff describes the first differing line, or "" when equal.
func firstDiff(want, got string) string {
	if want == got {
		return ""
	}
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(wl), len(gl)); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("line %d:\n  want %q\n  got  %q\n(%d lines wanted, %d got)", i+1, w, g, len(wl), len(gl))
		}
	}
	return "texts differ"
}

// figures are exact strings each document (by Output.Key) must contain (after flat()),
// checked by hand against the sample data; they keep the golden files from
// being the only check.
var figures = map[string]map[string][]string{
	"donghua-community": {
		"request": {"应到会有选举权的党员37名", "不少于30名", "委员候选人预备人选6名", "差额比例为20%"},
		"report": {"中共东华社区支部委员会工作报告", "——在东华社区党支部党员大会上", "（2024年7月18日）",
			"一、基本情况", "本届支部委员会于2021年7月10日经党员大会选举产生，由5名委员组成，任期3年。",
			"东华社区党支部现有党员42名，其中正式党员39名，预备党员3名；女党员18名，占42.9%；少数民族党员2名；35岁及以下的8名，36岁至60岁的22名，61岁及以上的12名；大专及以上学历的24名，占57.1%。",
			"本届任期内，发展党员3名，收缴党费12860元。",
			"二、主要工作", "（一）加强政治理论学习", "（二）服务社区居民", "三、存在的问题和不足", "2.服务居民的方式还不够多样。",
			"四、对下届支部委员会工作的建议", "1.加大发展年轻党员力度。"},
		"result-request": {"关于换届选举结果的请示", "中共圣灯街道工作委员会：",
			"应到会有选举权的党员37名", "实到会有选举权的党员33名", "参会率89.2%", "至少30名", "差额比例为20%",
			"共发出选票33张，收回33张，其中有效票32张，无效票1张", "得票19票及以上的始得当选",
			"1嵇玉32当选", "2周陈31当选", "3汪金平29当选", "4孙朋27当选", "5刘通25当选", "6张荷田9未当选", "7马红（另选他人）2未当选",
			"刘通、孙朋、汪金平、周陈、嵇玉等5名同志当选",
			"嵇玉同志为书记（得5票），周陈同志为副书记（得5票）",
			"嵇玉任书记，周陈任副书记，刘通任组织委员，孙朋任宣传委员，汪金平任纪检委员",
			"连任3名、新进2名", "女性委员2名，占40%，较上届提高20个百分点", "少数民族委员1名，占20%；",
			"平均年龄43.4岁，较上届降低9岁", "35岁以下1名，占20%", "大专及以上学历4名，占80%，较上届提高40个百分点",
			"本科及以上学历3名，占60%", "经中共圣灯街道工作委员会批复同意（圣灯工委〔2024〕37号），东华社区党支部于2024年7月18日召开党员大会", "现将选举结果报告如下：",
			"嵇玉同志任中共东华社区支部委员会书记、周陈同志任副书记，报请审批；刘通、孙朋、汪金平、周陈、嵇玉同志当选为新一届支部委员会委员，报请备案。当否，请批示。", "附件：新一届支部委员会委员名单", "（联系人：李明，电话：028-84326688）",
			"嵇玉女1975.03汉族大学本科1998.06书记", "周陈男1982.11汉族大专2006.07副书记", "汪金平女1986.01汉族大学本科2009.12纪检委员"},
		"summary": {"换届选举工作总结", "参会率89.2%", "选票有效率97%",
			"嵇玉32票、周陈31票、汪金平29票、孙朋27票、刘通25票、张荷田9票、马红（另选他人）2票", "嵇玉同志获得全部有效票当选",
			"选举一次成功", "连任3名，占60%，新进2名，占40%", "平均年龄43.4岁，较上届降低9岁，最大55岁，最小34岁",
			"大专及以上学历4名，占80%，较上届提高40个百分点",
			"2024年7月24日，中共圣灯街道工作委员会批复（圣灯工委〔2024〕45号）同意嵇玉同志任中共东华社区支部委员会书记，周陈同志任副书记。",
			"（一）规范程序，做好推荐、考察和公示", "先后进行两轮推荐，参加推荐的党员35名，占正式党员的89.7%", "提出候选人初步人选8名。街道党工委考察组对候选人初步人选进行了考察。",
			"于2024年7月1日至7月5日公示5个工作日，公示期间未收到反映", "（二）严肃换届纪律", "（三）加强上级指导", "（四）高度重视，精心准备", "三、体会领导重视是前提",
			"四、存在的问题和下一步打算", "2024年7月25日"},
	},
	"school-branch": {
		"request": {"应到会有选举权的党员28名", "不少于23名"},
		"report":  {"中共青松中学教工第一支部委员会工作报告", "（三）加强自身建设，严格组织生活", "（2024年9月12日）"},
		"result-request": {"应到会有选举权的党员28名", "实到会有选举权的党员28名", "参会率100%",
			"共发出选票28张，收回28张，其中有效票28张，无效票0张", "得票15票及以上的始得当选",
			"1马骏28当选", "2杨帆28当选", "3吴秀兰28当选", "4陈志远28当选", "5林慧敏28当选", "6郑凯0未当选",
			"林慧敏同志为书记（得5票），陈志远同志为副书记（得5票）",
			"女性委员3名，占60%，较上届提高20个百分点", "平均年龄41.4岁，较上届降低7.2岁",
			"本科及以上学历5名，占100%，较上届提高20个百分点"},
		"summary": {"参会率100%", "马骏、杨帆、吴秀兰、陈志远、林慧敏同志全票当选", "最大53岁，最小32岁",
			"下一步，我们将着重做好以下工作：", "2024年9月20日"},
	},
	"village-branch": {
		"request": {"应到会有选举权的党员23名", "不少于19名"},
		"result-request": {"应到会有选举权的党员23名", "实到会有选举权的党员21名", "参会率91.3%", "得票12票及以上的始得当选",
			"第一轮投票各被选举人得票情况如下",
			"1王建国19当选", "2李春梅18当选", "3刘晓燕15当选", "4张大勇13当选", "5赵永发11未当选", "6孙立军10未当选",
			"王建国、刘晓燕、李春梅、张大勇等4名同志得票超过半数当选，尚缺1名", "对缺额1名进行另行选举：从2名候选人中选举1名", "有效票21张，无效票0张",
			"综上，第一轮投票选出4名，对缺额1名进行另行选举，孙立军同志当选",
			"1孙立军13当选", "2赵永发8未当选",
			"王建国、刘晓燕、孙立军、李春梅、张大勇等5名同志当选",
			"王建国同志为书记（得5票），李春梅同志为副书记（得4票）",
			"平均年龄43.4岁，较上届降低10.8岁", "大专及以上学历2名，占40%，较上届提高20个百分点"},
		"summary": {"参会率91.3%", "选票有效率95.2%", "第一轮投票中，各被选举人得票情况为：王建国19票、李春梅18票、刘晓燕15票、张大勇13票、赵永发11票、孙立军10票",
			"孙立军得13票、赵永发得8票，孙立军同志当选", "最大54岁，最小32岁", "2024年4月25日"},
		"script": {"（十一）另行选举", "提出另行选举候选人2名，差额1名", "另行选举候选人是：孙立军、赵永发同志",
			"孙立军13票，赵永发8票", "孙立军同志获得的赞成票超过半数，当选为新一届支部委员会委员",
			"经过第一轮投票、另行选举，新一届支部委员会5名委员已全部选出", "请新当选的5名委员召开"},
		"ballot-committee-另行选举": {"中国共产党柳湾村支部委员会委员另行选举选票", "本次另行选举应选委员1名，候选人2名", "另选的人不能是已当选的委员"},
		"tally-report-另行选举":     {"委员另行选举结果报告单", "应选委员1名，候选人2名", "孙立军13", "赵永发8", "本次另行选举有效"},
	},
	"bureau-branch": {
		"result-request": {"5方晓18票数相等", "6林雪18票数相等", "1方晓17当选", "2林雪10未当选",
			"方晓、林雪同志得票相等，不能确定最后1名当选人", "大会就票数相等的方晓、林雪同志再次投票，选出1名",
			"综上，第一轮投票选出4名，就得票相等的方晓、林雪同志再次投票，方晓同志当选", "马立群、方晓、欧阳静、唐文博、曹国庆等5名同志当选",
			"大会通过郑海峰、韩冰、许晴同志为监票人"},
		"summary": {"方晓、林雪同志得票相等，大会就票数相等的被选举人再次投票", "方晓得17票、林雪得10票，方晓同志当选", "唐文博同志全票当选"},
		"script": {"提名郑海峰、韩冰、许晴同志为监票人（其中郑海峰同志为总监票人）", "（十一）再次投票", "就得票相等的方晓、林雪同志再次投票，选出1名委员",
			"方晓17票，林雪10票", "有效票27张，无效票1张", "经过第一轮投票、再次投票", "提名马立群同志为监票人，指定方晓同志为计票人",
			"发出选票5张，收回选票5张"},
		"ballot-committee-再次投票":  {"委员再次投票选票", "方晓、林雪2名被选举人得票相等", "不能另选他人", "等于或少于1名的为有效票"},
		"tally-sheet-再次投票":       {"委员再次投票计票单", "票数相等的被选举人：方晓、林雪", "总监票人（签字）：郑海峰"},
		"tally-secretary-report": {"书记、副书记选举结果报告单", "书记唐文博5当选", "副书记欧阳静5当选", "收回选票5张，等于发出选票5张"},
		"method":                 {"选举设监票人3名（其中总监票人1名）、计票人2名"},
	},
}

// TestFigures checks exact figures in the text of each document.
func TestFigures(t *testing.T) {
	testenv.Tool(t, "pdftotext")
	for sample, docs := range figures {
		t.Run(sample, func(t *testing.T) {
			outs, _ := buildAll(t, loadSample(t, sample))
			built := map[string]string{}
			for _, o := range outs {
				built[o.Key] = flat(pdfText(t, o.Data, false))
			}
			for name, want := range docs {
				text, ok := built[name]
				if !ok {
					t.Errorf("%s: document not built", name)
					continue
				}
				for _, w := range want {
					if !strings.Contains(text, w) {
						t.Errorf("%s: text lacks %q", name, w)
					}
				}
			}
		})
	}
}
