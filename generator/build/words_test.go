package build

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"huanjie/generator/doc"
	"huanjie/generator/election"
	"huanjie/generator/fontset"
)

// The words of the documents, read from the document model the renderers
// draw (no PDF needed): terms, dates, closings, attachments, 分工.

// fillOne fills the template named name for the main body and returns the
// document and its text, a line a block, with the spaces taken out.
func fillOne(t *testing.T, e *election.Election, name string) (*doc.Document, string) {
	t.Helper()
	tmpls, err := LoadTemplates("")
	if err != nil {
		t.Fatal(err)
	}
	for _, tm := range tmpls {
		if tm.Name != name {
			continue
		}
		d, err := Document(tm, newView(e, false), e)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var b strings.Builder
		blockText(&b, d.Blocks)
		lines := strings.Split(b.String(), "\n")
		for i, l := range lines {
			lines[i] = strings.Join(strings.Fields(l), "")
		}
		return d, strings.Join(lines, "\n")
	}
	t.Fatalf("no template %s", name)
	return nil, ""
}

// blockText writes the text of blocks, in order.
func blockText(b *strings.Builder, blocks []doc.Block) {
	for _, bl := range blocks {
		switch x := bl.(type) {
		case doc.Title:
			b.WriteString(strings.Join(x.Phrases, "") + "\n")
		case doc.Addressee:
			b.WriteString(x.Text + "\n")
		case doc.Paragraph:
			b.WriteString(x.Text + "\n")
		case doc.Heading:
			b.WriteString(x.Text + "\n")
		case doc.List:
			b.WriteString(strings.Join(x.Items, "\n") + "\n")
		case doc.Table:
			for _, r := range append(append([]doc.Row(nil), x.Header...), x.Rows...) {
				for _, c := range r.Cells {
					b.WriteString(c.Text + "|")
				}
				b.WriteString("\n")
			}
		case doc.AttachmentNote:
			b.WriteString("附件：" + strings.Join(x.Items, "｜") + "\n")
		case doc.Signature:
			b.WriteString("〔署名〕" + x.Organ + x.Date + "\n")
		case doc.Note:
			b.WriteString(x.Text + "\n")
		case doc.Attachment:
			b.WriteString("〔" + x.Label + "〕" + x.Title + "\n")
			blockText(b, x.Blocks)
		}
	}
}

// source is a sample's text with each old→new replacement applied once
// (every replacement must match).
func source(t testing.TB, sample string, pairs ...string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(samplesDir, sample+".toml"))
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for i := 0; i+1 < len(pairs); i += 2 {
		if !strings.Contains(s, pairs[i]) {
			t.Fatalf("%q not in %s", pairs[i], sample)
		}
		s = strings.Replace(s, pairs[i], pairs[i+1], 1)
	}
	return s
}

func mustContain(t *testing.T, what, text string, words ...string) {
	t.Helper()
	for _, w := range words {
		if !strings.Contains(text, w) {
			t.Errorf("%s lacks %q", what, w)
		}
	}
	if t.Failed() && testing.Verbose() {
		t.Log(text)
	}
}

func mustNotContain(t *testing.T, what, text string, words ...string) {
	t.Helper()
	for _, w := range words {
		if strings.Contains(text, w) {
			t.Errorf("%s says %q", what, w)
		}
	}
}

var (
	termLine  = regexp.MustCompile(`(?m)^term_years = \d+.*\n`)
	unitLine  = regexp.MustCompile(`(?m)^unit = .*\n`)
	electedOn = regexp.MustCompile(`(?m)^elected_on = \S+`)
)

// termSource is a kind's sample with term_years left out, unit set, and
// elected_on set.
func termSource(t *testing.T, sample string, replace []string, unit, elected string) string {
	t.Helper()
	s := source(t, sample)
	for i := 0; i+1 < len(replace); i += 2 {
		s = strings.ReplaceAll(s, replace[i], replace[i+1])
	}
	s = termLine.ReplaceAllString(s, "")
	s = unitLine.ReplaceAllString(s, "")
	s = electedOn.ReplaceAllString(s, "elected_on = "+elected+"\nunit = \""+unit+"\"")
	return s
}

// The 请示 always states the term and its end, with the default term of
// the kind and unit when term_years is left out, for every kind × unit;
// a late or an early election is asked approval (条例第三条).
func TestTermSentences(t *testing.T) {
	kinds := []struct {
		name, sample string
		replace      []string
		org          string // who was elected: the sentence's subject
		meeting      election.Date
		committee    bool // a 基层党委: 5 years whatever the unit
	}{
		{"党支部", "donghua-community", nil, "中共东华社区支部委员会于", election.Date{Year: 2024, Month: 7, Day: 18}, false},
		{"党总支", "donghua-community", kindCases[1].replace, "中共东华社区总支部委员会于", election.Date{Year: 2024, Month: 7, Day: 18}, false},
		{"基层党委", "qinghe-community-committee", nil, "中共青禾社区委员会和中共青禾社区纪律检查委员会于", election.Date{Year: 2026, Month: 6, Day: 20}, true},
		{"不设委员会的党支部", "small-branch", nil, "本届恒达精密机械党支部书记于", election.Date{Year: 2026, Month: 3, Day: 13}, false},
	}
	for _, k := range kinds {
		for _, u := range election.Units {
			t.Run(k.name+"/"+u.Label, func(t *testing.T) {
				years := 3
				if k.committee || u.Code == election.UnitVillage || u.Code == election.UnitCommunity {
					years = 5
				}
				// elected so that the term ends in the month of the meeting
				on := election.Date{Year: k.meeting.Year - years, Month: k.meeting.Month, Day: 1}
				e := loadSource(t, "term", termSource(t, k.sample, k.replace, u.Code, fmt.Sprintf("%d-%02d-01", on.Year, on.Month)))
				if fs := e.Findings.Errors(); len(fs) > 0 {
					t.Fatalf("errors: %v", fs)
				}
				_, text := fillOne(t, e, "request")
				end := election.Date{Year: k.meeting.Year, Month: k.meeting.Month}
				mustContain(t, "request", text, fmt.Sprintf("%s%s经党员大会选举产生，任期%d年，将于%s届满。", k.org, on.Chinese(), years, end.Chinese()),
					"现将有关事项请示如下：")
				mustNotContain(t, "request", text, "延期", "提前", "第三条")
			})
		}
		t.Run(k.name+"/late", func(t *testing.T) {
			on := election.Date{Year: k.meeting.Year - 5, Month: k.meeting.Month, Day: 1}
			if k.committee {
				on.Year -= 2
			}
			e := loadSource(t, "late", termSource(t, k.sample, k.replace, "other", fmt.Sprintf("%d-%02d-01", on.Year, on.Month)))
			f, ok := findCode(e.Findings, "term_overdue")
			if !ok || !strings.Contains(f.Message, "届满") {
				t.Fatalf("no term_overdue warning: %v", e.Findings)
			}
			_, text := fillOne(t, e, "request")
			mustContain(t, "request", text, "届满。未能按期进行换届。", "（以下简称《条例》）",
				"按照《条例》第三条的规定，延期进行换届选举应当报上级党组织批准。现将延期换届和换届选举的有关事项请示如下：", "当否，请批示。")
		})
		t.Run(k.name+"/early", func(t *testing.T) {
			on := election.Date{Year: k.meeting.Year - 1, Month: k.meeting.Month, Day: 1}
			src := termSource(t, k.sample, k.replace, "other", fmt.Sprintf("%d-%02d-01", on.Year, on.Month))
			src = strings.Replace(src, "[plan]", "[plan]\nterm_reason = \"上级党组织统一部署\"", 1)
			e := loadSource(t, "early", src)
			if _, ok := findCode(e.Findings, "term_early"); !ok {
				t.Fatalf("no term_early warning: %v", e.Findings)
			}
			_, text := fillOne(t, e, "request")
			mustContain(t, "request", text, "届满。因上级党组织统一部署，拟提前进行换届。",
				"提前进行换届选举应当报上级党组织批准。现将提前换届和换届选举的有关事项请示如下：")
		})
	}
}

func findCode(fs election.Findings, code string) (election.Finding, bool) {
	for _, f := range fs {
		if f.Code == code {
			return f, true
		}
	}
	return election.Finding{}, false
}

// The 公示 states its first and last day, working days counted from the
// 公示's date over weekends; notice_start and notice_end override them.
func TestNoticeDays(t *testing.T) {
	for _, c := range []struct {
		edits []string
		want  string
	}{
		{nil, "公示时间为2024年7月1日至7月5日（5个工作日）。"},
		{[]string{"notice_date = 2024-07-01", "notice_date = 2024-07-04"}, "公示时间为2024年7月4日至7月10日（5个工作日）。"},
		{[]string{"notice_date = 2024-07-01", "notice_date = 2024-06-29"}, "公示时间为2024年7月1日至7月5日（5个工作日）。"},
		{[]string{"notice_date = 2024-07-01", "notice_date = 2023-12-28"}, "公示时间为2023年12月28日至2024年1月3日（5个工作日）。"},
		{[]string{"notice_date = 2024-07-01", "notice_date = 2024-06-27\nnotice_start = 2024-06-28\nnotice_end = 2024-07-08\nnotice_days = 6"}, "公示时间为2024年6月28日至7月8日（6个工作日）。"},
	} {
		e := loadSource(t, "notice", source(t, "donghua-community", c.edits...))
		_, text := fillOne(t, e, "notice")
		mustContain(t, "notice", text, c.want, "特此公示。")
	}
}

// The 通知 cites the 批复 and is dated by it, not by the 请示; 联系人 is
// its 附注, after 特此通知 and the date.
func TestMeetingNoticeDate(t *testing.T) {
	_, text := fillOne(t, loadSample(t, "donghua-community"), "meeting-notice")
	mustContain(t, "meeting-notice", text, "经中共圣灯街道工作委员会批复同意（圣灯工委〔2024〕37号），东华社区党支部定于2024年7月18日召开党员大会",
		"东华社区党支部全体党员（预备党员参加会议，没有表决权、选举权和被选举权）。",
		"特此通知。\n〔署名〕中共东华社区支部委员会2024年6月28日\n（联系人：李明，电话：028-84326688）")
	mustNotContain(t, "meeting-notice", text, "2024年6月20日", "列席")
	if strings.Count(text, "特此通知。") != 1 {
		t.Error("the 通知 closes more than once")
	}
	_, text = fillOne(t, loadSource(t, "n", source(t, "donghua-community", "approval_date = 2024-06-28", "approval_date = 2024-06-28\nmeeting_notice_date = 2024-07-08")), "meeting-notice")
	mustContain(t, "meeting-notice", text, "〔署名〕中共东华社区支部委员会2024年7月8日")
	// Before the 批复 the date is left to be filled in.
	_, text = fillOne(t, loadSource(t, "n", source(t, "donghua-community", "approval_date = 2024-06-28", "", "approval_number = ", "# ")), "meeting-notice")
	mustContain(t, "meeting-notice", text, "经中共圣灯街道工作委员会同意，", "〔署名〕中共东华社区支部委员会年月日")
}

// The 选举办法 is a 草案 without 署名 or date before the meeting; adopted,
// it drops 草案 and notes the day it was adopted.
func TestMethodDraftAndAdopted(t *testing.T) {
	before := beforeElection(t, "donghua-community")
	d, text := fillOne(t, before, "method")
	mustContain(t, "draft", text, "东华社区党支部党员大会选举办法（草案）", "经中共圣灯街道工作委员会批复同意（圣灯工委〔2024〕37号），新一届支部委员会由5名委员组成")
	mustNotContain(t, "draft", text, "党员大会通过", "2024年6月20日", "中共东华社区支部委员会\n")
	for _, b := range d.Blocks {
		if _, ok := b.(doc.Signature); ok {
			t.Error("the draft carries a 署名")
		}
	}
	_, text = fillOne(t, loadSample(t, "donghua-community"), "method")
	mustContain(t, "adopted", text, "东华社区党支部党员大会选举办法\n（2024年7月18日党员大会通过）")
	mustNotContain(t, "adopted", text, "草案", "2024年6月20日")
	// The clauses real ones have.
	mustContain(t, "method", text, "会场设秘密写票处", "如实介绍候选人的简历、主要工作实绩和优缺点", "画其他符号的，对该候选人的表态无效",
		"部分字迹模糊、无法辨认的，无法辨认的部分无效，可以辨认的部分有效", "未盖章的选票无效", "再次投票使用另行印制的选票",
		"使用另行印制的选票进行选举", "当选人数接近应选名额时，经过半数的选举人同意，也可以减少名额，不再选举", "再在“另选人”格内写上所另选人的姓名")
	mustNotContain(t, "method", text, "划“", "另选他人”栏")
}

// Attachments are numbered by one rule: a single one is "附件", several
// are numbered in the order the text cites them.
func TestAttachmentNumbering(t *testing.T) {
	_, text := fillOne(t, loadSample(t, "donghua-community"), "request")
	mustContain(t, "two attachments", text, "（名单见附件1）", "（名单见附件2）", "附件：委员候选人预备人选名单｜拟不计入应到会人数的党员名单",
		"〔附件1〕委员候选人预备人选名单", "〔附件2〕拟不计入应到会人数的党员名单")
	if strings.Index(text, "附件1）") > strings.Index(text, "附件2）") {
		t.Error("附件2 is cited before 附件1")
	}
	src := source(t, "donghua-community")
	src = regexp.MustCompile(`(?s)\[\[members\.excluded\]\].*?\n\n\[\[members\.excluded\]\].*?\n\n`).ReplaceAllString(src, "")
	e := loadSource(t, "one", src)
	_, text = fillOne(t, e, "request")
	mustContain(t, "one attachment", text, "（名单见附件）", "附件：委员候选人预备人选名单\n", "〔附件〕委员候选人预备人选名单")
	mustNotContain(t, "one attachment", text, "附件1", "附件2")
	if l := (Attachments{"甲", "乙"}).Label("乙"); l != "附件2" {
		t.Errorf("Label = %q", l)
	}
	if l := (Attachments{"甲"}).Label("甲"); l != "附件" {
		t.Errorf("Label = %q", l)
	}
	if (Attachments{"甲"}).Label("丙") != "" {
		t.Error("a title not attached has a label")
	}
}

// The 分工 is announced 组织、宣传、纪检, then the others, whatever the
// order of the names or of the file.
func TestDivisionOrder(t *testing.T) {
	e := loadSource(t, "division", source(t, "donghua-community",
		`"刘通" = "组织委员"`, `"刘通" = "纪检委员"`, `"孙朋" = "宣传委员"`, `"孙朋" = "青年委员"`, `"汪金平" = "纪检委员"`, `"汪金平" = "组织委员"`,
		`"汪金平" = "组织委员"`, `"汪金平" = "组织委员"`+"\n"+`"周陈" = "宣传委员"`))
	_, text := fillOne(t, e, "result-request")
	mustContain(t, "result-request", text, "委员分工如下：嵇玉任书记，周陈任副书记，汪金平任组织委员，刘通任纪检委员，孙朋任青年委员。")
	_, text = fillOne(t, e, "script")
	mustContain(t, "script", text, "经研究，周陈同志任宣传委员，汪金平同志任组织委员，刘通同志任纪检委员，孙朋同志任青年委员。")
}

// The 结果请示 reports (报告如下), says once what goes for 审批 and what for
// 备案, and closes once; every 文种 closes by its one closing.
func TestClosings(t *testing.T) {
	e := loadSample(t, "donghua-community")
	for name, closing := range map[string]string{"request": "当否，请批示。", "result-request": "当否，请批示。", "notice": "特此公示。", "meeting-notice": "特此通知。"} {
		_, text := fillOne(t, e, name)
		if n := strings.Count(text, closing); n != 1 {
			t.Errorf("%s closes %d times with %s", name, n, closing)
		}
		mustNotContain(t, name, text, "请予审批", "请予备案", "请示如下：\n一、党员大会到会")
	}
	_, text := fillOne(t, e, "result-request")
	mustContain(t, "result-request", text, "现将选举结果报告如下：", "报请审批；", "报请备案。\n当否，请批示。")
	if strings.Count(text, "报请审批") != 1 || strings.Count(text, "报请备案") != 1 {
		t.Error("审批 and 备案 are stated more than once")
	}
}

// With [contact] empty the 请示 prints no empty 附注, and check warns.
func TestEmptyContact(t *testing.T) {
	e := loadSource(t, "contact", source(t, "donghua-community", `name = "李明"`, `name = ""`, `phone = "028-84326688"`, `phone = ""`))
	if f, ok := findCode(e.Findings, "contact"); !ok || f.Level != election.LevelWarning || !strings.Contains(f.Message, "联系人（name）和电话（phone）") {
		t.Errorf("contact warning: %+v", f)
	}
	for _, name := range []string{"request", "result-request", "meeting-notice"} {
		_, text := fillOne(t, e, name)
		mustNotContain(t, name, text, "联系人：", "（，", "电话：）")
	}
	e = loadSource(t, "contact", source(t, "donghua-community", `phone = "028-84326688"`, `phone = ""`))
	_, text := fillOne(t, e, "request")
	mustContain(t, "request", text, "（联系人：李明）")
}

// With no 副书记 the headings and the file names say 书记 only.
func TestNoDeputy(t *testing.T) {
	e := loadSource(t, "nodeputy", source(t, "donghua-community",
		"deputy_seats = 1 ", "deputy_seats = 0 ", `proposed = "副书记"`, "", `deputies = ["周陈"]`, "", `"周陈" = 5`+"\n", ""))
	if errs := e.Findings.Errors(); len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	_, text := fillOne(t, e, "result-request")
	mustContain(t, "result-request", text, "三、书记选举和委员分工", "嵇玉同志任中共东华社区支部委员会书记，报请审批")
	for _, name := range []string{"result-request", "request", "notice", "method", "agenda", "script", "summary"} {
		_, text := fillOne(t, e, name)
		mustNotContain(t, name, text, "书记、副书记", "副书记候选人")
	}
	outs, _ := buildAll(t, e, "docx")
	for _, o := range outs {
		if strings.Contains(o.Path, "副书记") {
			t.Errorf("file %s names a 副书记", o.Path)
		}
	}
}

// Every ballot of every sample goes at least two to an A4 sheet, a long
// organisation name included (the school's 书记、副书记 ballot once took a
// whole sheet for its wrapped title), except the 党委's 委员 ballot: nine
// candidates with a write-in cell under each fill a sheet.
func TestBallotsShareSheets(t *testing.T) {
	fs, err := fontset.Load(fontset.Options{NoSystem: true})
	if err != nil {
		t.Fatal(err)
	}
	tmpls, err := LoadTemplates("")
	if err != nil {
		t.Fatal(err)
	}
	whole := map[string]bool{"qinghe-community-committee/ballot-committee": true}
	for _, sample := range sampleNames(t) {
		e := loadSample(t, sample)
		v := newView(e, false)
		for _, tm := range tmpls {
			if tm.Name != "ballot" {
				continue
			}
			for _, in := range instances(tm, v) {
				v.Body, v.Round = in.body, in.round
				key := sample + "/" + instanceKey(tm, in)
				d, _, err := fitDocument(tm, v, e, fs, true)
				if err != nil {
					t.Fatalf("%s: %v", key, err)
				}
				if per := d.Sheet.PerSheet; per < 2 && !whole[key] {
					t.Errorf("%s: %d to a sheet, want 2 or more", key, per)
				} else if per >= 2 && whole[key] {
					t.Logf("%s now goes %d to a sheet: drop it from the exceptions", key, per)
				}
			}
		}
	}
}
