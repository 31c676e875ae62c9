package district

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"huanjie/generator/election"
)

// fixture loads the twelve branches of testdata/branches in path order:
// nine complete elections (one of them, village.toml, filled its last seat
// by 另行选举), one refused for its data (xihe: three candidates for three
// seats), one whose meeting was not quorate (qiaotou) and one before its
// meeting (hebin).
func fixture(t testing.TB) []*election.Election {
	t.Helper()
	files, err := filepath.Glob("testdata/branches/*.toml")
	if err != nil || len(files) != 12 {
		t.Fatalf("fixture: %d files, %v", len(files), err)
	}
	var es []*election.Election
	for _, f := range files {
		e, err := election.Load(f)
		if err != nil {
			t.Fatal(err)
		}
		es = append(es, e)
	}
	return es
}

// The expected figures below were counted by hand from the fixture files
// (ages in whole years at each meeting date: the small branches' members
// are born in January, so their age is 2024 less the year of birth).
//
//	file       elected (sex, age, education, incumbent)                         书记
//	dongyi     赵红 女44 本科 连任 · 钱明 男34 大专 新 · 孙强 男54 高中 连任 回族       赵红 (书记→连任, 居民委员会主任)
//	donger     周丽 女49 大专 连任 · 郑芳 女29 硕士 新 · 吴刚 男64 初中 连任           周丽 (was 副书记→新任)
//	nanshan    冯军 男52 高中 连任 · 陈燕 女37 大专 新 · 褚亮 男58 初中 连任           冯军 (连任, 村民委员会主任)
//	beipo      沈梅 女46 大专 连任 · 蒋涛 男35 本科 新 · 韩勇 男61 初中 连任 满族      蒋涛 (新进→新任)
//	jiguan     朱敏 女41 本科 连任 · 秦川 男38 硕士 连任 · 尤佳 女32 本科 新           朱敏 (连任)
//	xingguang  何伟 男48 大专 连任 · 吕静 女40 本科 新 壮族 · 施杰 男43 本科 连任      何伟 (连任)
//	donghua    嵇玉 女49 本科 · 周陈 男41 大专 · 孙朋 男34 硕士 新 回族 · 刘通 男55 高中 · 汪金平 女38 本科 新   嵇玉 (居委会主任→新任)
//	school     林慧敏 女46 硕士 · 陈志远 男40 本科 · 杨帆 女32 硕士 新 · 马骏 男36 本科 新 回族 · 吴秀兰 女53 本科   林慧敏 (副校长→新任)
//	village    王建国 男54 高中 · 李春梅 女43 大专 · 张大勇 男49 初中 · 刘晓燕 女32 大专 新 · 孙立军 男39 高中 新  王建国 (连任, 村民委员会主任)
func TestDistrictStats(t *testing.T) {
	s := Compute(fixture(t))
	counts := map[string][2]int{
		"elections":     {s.Elections, 12},
		"complete":      {s.Complete, 9},
		"not held":      {s.NotHeld, 1},
		"pending":       {s.Pending, 1},
		"errors":        {s.Errors, 1},
		"first round":   {s.FirstRound, 8},
		"another round": {s.AnotherRound, 1},
		// the new committees: 6 × 3 + 3 × 5 members
		"members":     {s.Committee.Count, 33},
		"men":         {s.Committee.Men, 18},
		"women":       {s.Committee.Women, 15},
		"han":         {s.Committee.Han, 28},
		"minorities":  {s.Committee.Minorities, 5},
		"≤35":         {s.Committee.Bands[0], 7},
		"36–45":       {s.Committee.Bands[1], 12},
		"46–55":       {s.Committee.Bands[2], 11},
		"≥56":         {s.Committee.Bands[3], 3},
		"age sum":     {s.Committee.AgeSum, 1446},
		"college":     {s.Committee.College, 24},
		"bachelor":    {s.Committee.Bachelor, 16},
		"reelected":   {s.Committee.Reelected, 21},
		"newcomers":   {s.Committee.Newcomers, 12},
		"secretaries": {s.Secretaries.Count, 9},
		"sec women":   {s.Secretaries.Women, 5},
		"sec ≤35":     {s.Secretaries.Bands[0], 1},
		"sec 36–45":   {s.Secretaries.Bands[1], 2},
		"sec 46–55":   {s.Secretaries.Bands[2], 6},
		"sec ≥56":     {s.Secretaries.Bands[3], 0},
		"sec ≤45":     {s.Secretaries.UpTo45(), 3},
		"sec college": {s.Secretaries.College, 7},
		"sec bach":    {s.Secretaries.Bachelor, 5},
		"sec minor":   {s.Secretaries.Minorities, 0},
		"new sec":     {s.NewSecretaries.Count, 4},
		"一肩挑":         {s.OneShoulder, 3},
		"一肩挑 base":    {s.OneShoulderBase, 6},
		// attendance: 21/22 19/22 25/28 20/22 21/21 21/24 33/37 28/28 21/23
		"present":  {s.Attendance.Num, 209},
		"expected": {s.Attendance.Den, 227},
		// 差额: six branches 4 for 3, three 6 for 5
		"margin": {s.Margin.Num, 9},
		"seats":  {s.Margin.Den, 33},
	}
	for name, c := range counts {
		if c[0] != c[1] {
			t.Errorf("%s = %d, want %d", name, c[0], c[1])
		}
	}
	floats := map[string][2]float64{
		"average age":     {s.Committee.AverageAge(), 43.8},   // 1446 / 33
		"sec average age": {s.Secretaries.AverageAge(), 46.4}, // 418 / 9
		"new sec age":     {s.NewSecretaries.AverageAge(), 44.8},
		"attend low":      {s.Attendance.Lowest, 86.4}, // 19/22
		"attend high":     {s.Attendance.Highest, 100},
		"attend all":      {s.Attendance.Overall(), 92.1}, // 209/227
		"margin low":      {s.Margin.Lowest, 20},
		"margin high":     {s.Margin.Highest, 33.3},
		"margin all":      {s.Margin.Overall(), 27.3},
	}
	for name, c := range floats {
		if c[0] != c[1] {
			t.Errorf("%s = %v, want %v", name, c[0], c[1])
		}
	}
	if s.Attendance.LowestOrg != "东二社区党支部" || s.Attendance.HighestOrg != "街道机关第一党支部" || s.Margin.LowestOrg != "东华社区党支部" || s.Margin.HighestOrg != "北坡村党支部" {
		t.Errorf("extremes: %+v %+v", s.Attendance, s.Margin)
	}
	// Against [previous], over the elections that give each figure:
	// women in 7 (27 members: 12 now, 6 before), minorities in 5 (19: 3 and
	// 1), 大专 in 7 (20 and 12), 本科 in 2 (10: 5 and 4), age in 7
	// (1188/27 now; (50+55+58+47)×3 + (52.4+48.6+54.2)×5 = 1406 over 27 before).
	for name, c := range map[string]struct {
		got  *Compared
		want Compared
		d    float64
	}{
		"women":      {s.WomenBefore, Compared{7, 44.4, 22.2}, 22.2},
		"minorities": {s.MinoritiesBefore, Compared{5, 15.8, 5.3}, 10.5},
		"college":    {s.CollegeBefore, Compared{7, 74.1, 44.4}, 29.7},
		"bachelor":   {s.BachelorBefore, Compared{2, 50, 40}, 10},
		"age":        {s.AgeBefore, Compared{7, 44, 52.1}, -8.1},
	} {
		if c.got == nil || *c.got != c.want || c.got.Delta() != c.d {
			t.Errorf("%s: %+v, want %+v (delta %v)", name, c.got, c.want, c.d)
		}
	}
}

// The district's percentages are election's (TestPercentText there).
func TestGap(t *testing.T) {
	if Gap(42.2, 45) != "低2.8岁" || Gap(46, 45) != "高1岁" || Gap(45, 45) != "相同" {
		t.Error("Gap")
	}
}

func TestTables(t *testing.T) {
	es := fixture(t)
	s := Compute(es)
	tabs := s.Tables()
	if len(tabs) != 3 {
		t.Fatalf("%d tables", len(tabs))
	}
	find := func(tab Table, label string) []string {
		for _, r := range tab.Rows {
			if r[0].Text == label {
				var out []string
				for _, c := range r[1:] {
					out = append(out, c.String())
				}
				return out
			}
		}
		t.Fatalf("%s: no row %s", tab.Title, label)
		return nil
	}
	eq := func(got []string, want ...string) {
		t.Helper()
		if len(got) != len(want) {
			t.Errorf("row %q, want %q", got, want)
			return
		}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("row %q, want %q", got, want)
				return
			}
		}
	}
	eq(find(tabs[0], "女"), "15", "45.5%", "22.2%", "+22.2")
	eq(find(tabs[0], "平均年龄（岁）"), "", "43.8", "52.1", "-8.1")
	eq(find(tabs[0], "36至45岁"), "12", "36.4%", "", "")
	eq(find(tabs[1], "“一肩挑”（村、社区）"), "3", "50%")
	eq(find(tabs[1], "新任书记平均年龄（岁）"), "", "44.8")
	eq(find(tabs[2], "参会率（最低）"), "86.4%", "东二社区党支部")
	eq(find(tabs[2], "参会率（总体）"), "92.1%", "")
	if tabs[0].Note != "增减：占比为百分点，平均年龄为岁。换届前情况和增减按填写了换届前情况的7个党组织计算。" { // nanshan and jiguan have no [previous]
		t.Errorf("note %q", tabs[0].Note)
	}

	row := Row("village.toml", es[9])
	if len(row) != len(ElectionHeader) {
		t.Fatalf("row has %d cells, header %d", len(row), len(ElectionHeader))
	}
	want := map[string]string{"简称": "柳湾村党支部", "单位类型": "村", "任期届满": "2024-04-16", "应到": "23", "实到": "21", "参会率": "91.3%",
		"差额比例": "20%", "当选": "5", "书记": "王建国", "女性委员": "2", "平均年龄": "43.4", "选举结果": "选举完成（经另行选举）"}
	for i, h := range ElectionHeader {
		if w, ok := want[h]; ok && row[i].String() != w {
			t.Errorf("village %s = %q, want %q", h, row[i].String(), w)
		}
	}
	tot := s.TotalsRow(es)
	for i, h := range ElectionHeader {
		if w, ok := map[string]string{"当选": "33", "书记": "9", "女性委员": "15", "实到": "218", "应到": "279"}[h]; ok && tot[i].String() != w {
			t.Errorf("totals %s = %s, want %s", h, tot[i], w)
		}
	}
}

// TestErrorsBeforeTheMeeting: a file with errors in its data counts as
// such even before its meeting, not as an election still to be held.
func TestErrorsBeforeTheMeeting(t *testing.T) {
	src, err := os.ReadFile("testdata/branches/hebin.toml")
	if err != nil {
		t.Fatal(err)
	}
	l, err := election.Parse("hebin.toml", []byte(strings.Replace(string(src), "committee_seats = 3", "committee_seats = 4", 1)))
	if err != nil {
		t.Fatal(err)
	}
	e := election.Analyze(l) // four candidates for four seats: no 差额
	s := Compute([]*election.Election{e})
	if s.Errors != 1 || s.NotHeld != 0 || ResultText(e) != "数据有错误" {
		t.Errorf("errors %d, not held %d, %q", s.Errors, s.NotHeld, ResultText(e))
	}
}

// TestPath: how each sample filled its seats — by the first vote, after a
// re-vote, by 另行选举, or by reducing the seats.
func TestPath(t *testing.T) {
	load := func(path string, edit func(string) string) *election.Election {
		t.Helper()
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		l, err := election.Parse(path, []byte(edit(string(b))))
		if err != nil {
			t.Fatal(err)
		}
		return election.Analyze(l)
	}
	same := func(s string) string { return s }
	// The village sample without its 另行选举, the meeting agreeing to 4 seats.
	reduce := func(s string) string {
		i := strings.Index(s, "\n[meeting.another_round]")
		j := strings.Index(s, "\n[first_meeting]")
		s = s[:i] + s[j:]
		s = strings.Replace(s, "ballots_invalid = 1\n", "ballots_invalid = 1\nreduced_seats = 4\n", 1)
		return strings.Replace(s, `"孙立军" = "纪检委员"`, "", 1)
	}
	for _, c := range []struct {
		file string
		edit func(string) string
		want int
	}{
		{"../../samples/donghua-community.toml", same, PathFirst},
		{"../../samples/bureau-branch.toml", same, PathRevote},
		{"../../samples/village-branch.toml", same, PathAnother},
		{"../../samples/village-branch.toml", reduce, PathReduced},
	} {
		e := load(c.file, c.edit)
		if e.Result == nil || e.Result.Status != election.StatusComplete {
			t.Fatalf("%s: no complete result: %v", c.file, e.Findings.Errors())
		}
		if got := Path(e.Result); got != c.want {
			t.Errorf("%s: path %d, want %d", c.file, got, c.want)
		}
	}
}

// A branch without a committee adds its 书记 to the 书记, and nothing to
// the new committees' members.
func TestBranchWithoutCommittee(t *testing.T) {
	es := fixture(t)
	before := Compute(es)
	small, err := election.Load("../../samples/small-branch.toml")
	if err != nil {
		t.Fatal(err)
	}
	after := Compute(append(es, small))
	if after.Complete != before.Complete+1 || after.Committee != before.Committee || after.Margin != before.Margin ||
		after.Secretaries.Count != before.Secretaries.Count+1 {
		t.Errorf("complete %d→%d, members %d→%d, 书记 %d→%d", before.Complete, after.Complete,
			before.Committee.Count, after.Committee.Count, before.Secretaries.Count, after.Secretaries.Count)
	}
}
