package election

import (
	"reflect"
	"strings"
	"testing"
)

const samplePath = "../../samples/donghua-community.toml"

func sample(t testing.TB) string {
	t.Helper()
	return sampleSrc(t, "donghua-community")
}

// edit applies old→new replacements (each must match exactly once) to the
// sample and analyses the result.
func edit(t testing.TB, pairs ...string) *Election {
	t.Helper()
	return analyze(t, editSrc(t, pairs...))
}

// editSrc is the sample's text with the replacements applied.
func editSrc(t testing.TB, pairs ...string) string {
	t.Helper()
	return editOf(t, sample(t), pairs...)
}

func analyze(t testing.TB, src string) *Election {
	t.Helper()
	l, err := Parse("test.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return Analyze(l)
}

func codes(fs Findings, level string) []string {
	var out []string
	for _, f := range fs {
		if f.Level == level {
			out = append(out, f.Code)
		}
	}
	return out
}

func find(fs Findings, code string) (Finding, bool) {
	for _, f := range fs {
		if f.Code == code {
			return f, true
		}
	}
	return Finding{}, false
}

func TestSampleResult(t *testing.T) {
	e := edit(t)
	if fs := e.Findings; len(fs) != 0 {
		t.Fatalf("sample has findings: %v", fs)
	}
	r := e.Result
	if r == nil {
		t.Fatal("no result")
	}
	want := Result{
		Status:    StatusComplete,
		Form:      FormCommittee,
		Quorum:    QuorumInfo{Expected: 37, Present: 33, Required: 30, Met: true},
		Ballots:   BallotInfo{Issued: 33, Returned: 33, Invalid: 1, Valid: 32, ElectionValid: true},
		Threshold: ThresholdInfo{Base: "expected", Count: 37, MinVotes: 19},
		Elected:   []string{"刘通", "孙朋", "汪金平", "周陈", "嵇玉"},
		Revote:    []string{},
		Secretary: "嵇玉",
		Deputies:  []string{"周陈"},
		Seats:     5,
	}
	got := *r
	got.Candidates, got.FirstMeeting, got.Rounds = nil, nil, nil
	if !reflect.DeepEqual(got, want) {
		t.Errorf("result\n got %+v\nwant %+v", got, want)
	}
	var order []string
	for _, c := range r.Candidates {
		order = append(order, c.Name)
	}
	if want := []string{"嵇玉", "周陈", "汪金平", "孙朋", "刘通", "张荷田", "马红"}; !reflect.DeepEqual(order, want) {
		t.Errorf("candidates by votes: %v, want %v", order, want)
	}
	if last := r.Candidates[len(r.Candidates)-1]; !last.WriteIn || last.Elected {
		t.Errorf("write-in 马红: %+v", last)
	}
	if len(r.Rounds) != 1 || r.Rounds[0].Kind != KindFirst || !reflect.DeepEqual(r.Rounds[0].Candidates, r.Candidates) || !reflect.DeepEqual(r.Rounds[0].Elected, r.Elected) {
		t.Errorf("rounds %+v, want the first round only, as the result", r.Rounds)
	}
	if r.FirstMeeting == nil || r.FirstMeeting.Status != FirstComplete {
		t.Errorf("first meeting %+v, want complete", r.FirstMeeting)
	}
}

func TestSampleStats(t *testing.T) {
	st := edit(t).Stats
	if st == nil {
		t.Fatal("no stats")
	}
	// Elected: 刘通 55 男 汉 高中 incumbent; 孙朋 34 男 回 硕士; 汪金平 38 女 本科;
	// 周陈 41 男 大专 incumbent; 嵇玉 49 女 本科 incumbent. Election 2024-07-18.
	check := func(name string, got Share, n int, pct float64, delta *float64) {
		t.Helper()
		if got.Count != n || got.Percent != pct {
			t.Errorf("%s = %d / %.1f%%, want %d / %.1f%%", name, got.Count, got.Percent, n, pct)
		}
		if (delta == nil) != (got.Delta == nil) || (delta != nil && *delta != *got.Delta) {
			t.Errorf("%s delta = %v, want %v", name, got.Delta, delta)
		}
	}
	f := func(x float64) *float64 { return &x }
	check("women", st.Women, 2, 40.0, f(20.0))
	check("minorities", st.Minorities, 1, 20.0, nil)
	check("under35", st.Under35, 1, 20.0, nil)
	check("college", st.College, 4, 80.0, f(40.0))
	check("bachelor", st.Bachelor, 3, 60.0, nil)
	check("reelected", st.Reelected, 3, 60.0, nil)
	check("newcomers", st.Newcomers, 2, 40.0, nil)
	if st.AverageAge != 43.4 {
		t.Errorf("average age %.2f, want 43.4", st.AverageAge)
	}
	if st.AverageAgeDelta == nil || *st.AverageAgeDelta != -9.0 {
		t.Errorf("average age delta %v, want -9.0", st.AverageAgeDelta)
	}
	if st.Attendance != 89.2 {
		t.Errorf("attendance %.1f, want 89.2 (33/37)", st.Attendance)
	}
	// 嵇玉 got all 32 valid ballots, but one of the 33 returned was invalid:
	// 获得全部有效票, not 全票.
	if len(st.Unanimous) != 0 || !reflect.DeepEqual(st.AllValid, []string{"嵇玉"}) {
		t.Errorf("unanimous %v, all valid %v; want none and [嵇玉] (32 of 32 valid, 33 returned)", st.Unanimous, st.AllValid)
	}
	if got := Change(*st.Women.Delta, "个百分点", "较上届"); got != "较上届提高20个百分点" {
		t.Errorf("change text %q", got)
	}
	if got := Change(*st.AverageAgeDelta, "岁", "较上届"); got != "较上届降低9岁" {
		t.Errorf("change text %q", got)
	}
}

func TestQuorumRequired(t *testing.T) {
	cases := []struct {
		expected int
		strict   bool
		want     int
	}{
		{37, false, 30}, // 29.6 → 30
		{35, false, 28}, // exactly 4/5 is enough
		{35, true, 29},  // strict: more than 4/5
		{5, false, 4},
		{28, false, 23}, // 22.4 → 23
		{1, false, 1},
	}
	for _, c := range cases {
		if got := QuorumRequired(c.expected, Fraction{4, 5}, c.strict); got != c.want {
			t.Errorf("QuorumRequired(%d, strict=%v) = %d, want %d", c.expected, c.strict, got, c.want)
		}
	}
}

func TestMarginCandidates(t *testing.T) {
	s := Settings{Profile: ProfileParty, MarginMinRatio: 0.2}
	for seats, want := range map[int]int{3: 4, 5: 6, 7: 9, 9: 11, 1: 2, 10: 12, 11: 14} {
		if got := s.MarginCandidates(seats); got != want {
			t.Errorf("MarginCandidates(%d) = %d, want %d", seats, got, want)
		}
	}
	s.MarginMinRatio = 0.3
	if got := s.MarginCandidates(5); got != 7 { // 1.5 → 2
		t.Errorf("30%% of 5 → %d, want 7", got)
	}
}

// TestRules is the table of rules and boundaries: each case edits the sample
// and states the expected status, elected, revote and findings.
func TestRules(t *testing.T) {
	cases := []struct {
		name     string
		edits    []string
		status   string // "" = no result
		elected  []string
		revote   []string
		unfilled int
		errors   []string // finding codes at error level, in order
	}{
		{
			name:    "quorum exactly four fifths is valid",
			edits:   []string{"present = 33 ", "present = 30 ", "ballots_issued = 33", "ballots_issued = 30", "ballots_returned = 33", "ballots_returned = 30", `"嵇玉" = 32`, `"嵇玉" = 29`, `"周陈" = 31`, `"周陈" = 29`, `"张荷田" = 9`, `"张荷田" = 4`},
			status:  StatusComplete,
			elected: []string{"刘通", "孙朋", "汪金平", "周陈", "嵇玉"},
		},
		{
			name:   "one below four fifths is an invalid meeting",
			edits:  []string{"present = 33 ", "present = 29 ", "ballots_issued = 33", "ballots_issued = 29", "ballots_returned = 33", "ballots_returned = 29", `"嵇玉" = 32`, `"嵇玉" = 28`, `"周陈" = 31`, `"周陈" = 28`, `"汪金平" = 29`, `"汪金平" = 28`, `"张荷田" = 9`, `"张荷田" = 2`},
			status: StatusInvalidMeet,
			errors: []string{"quorum"},
		},
		{
			name:   "more ballots returned than issued",
			edits:  []string{"ballots_returned = 33", "ballots_returned = 34"},
			status: StatusInvalidElect,
			errors: []string{"ballots"},
		},
		{
			name:     "exactly half of expected is not enough",
			edits:    []string{`"刘通" = 25`, `"刘通" = 18`}, // 37/2 = 18.5; 18*2 = 36 < 37
			status:   StatusAnotherRound,
			elected:  []string{"孙朋", "汪金平", "周陈", "嵇玉"},
			unfilled: 1,
			errors:   []string{"first_meeting"}, // the sample's [first_meeting] before the committee is complete
		},
		{
			name:    "one above half elects",
			edits:   []string{`"刘通" = 25`, `"刘通" = 19`},
			status:  StatusComplete,
			elected: []string{"刘通", "孙朋", "汪金平", "周陈", "嵇玉"},
		},
		{
			name:    "threshold base present: half of 33",
			edits:   []string{`rules = "party-2020"`, "[rules]\nprofile = \"party-2020\"\nthreshold_base = \"present\"", `"刘通" = 25`, `"刘通" = 17`},
			status:  StatusComplete, // 17*2 = 34 > 33
			elected: []string{"刘通", "孙朋", "汪金平", "周陈", "嵇玉"},
		},
		{
			name:     "threshold base expected: 17 of 37 fails",
			edits:    []string{`"刘通" = 25`, `"刘通" = 17`},
			status:   StatusAnotherRound,
			elected:  []string{"孙朋", "汪金平", "周陈", "嵇玉"},
			unfilled: 1,
			errors:   []string{"first_meeting"}, // the sample's [first_meeting] before the committee is complete
		},
		{
			name:    "tie at the cut-off needs a re-vote among the tied",
			edits:   tieEdits,
			status:  StatusRevote,
			elected: []string{"孙朋", "汪金平", "周陈", "嵇玉"},
			revote:  []string{"刘通", "张荷田"},
			errors:  []string{"first_meeting"}, // the sample's [first_meeting] before the committee is complete
		},
		{
			name:    "tie above the cut-off is harmless",
			edits:   []string{`"孙朋" = 27`, `"孙朋" = 29`},
			status:  StatusComplete,
			elected: []string{"刘通", "孙朋", "汪金平", "周陈", "嵇玉"},
		},
		{
			name:    "more pass than seats: top by votes",
			edits:   []string{`"张荷田" = 9`, `"张荷田" = 20`, `"刘通" = 25`, `"刘通" = 21`, "votes = 2", "votes = 0"},
			status:  StatusComplete,
			elected: []string{"刘通", "孙朋", "汪金平", "周陈", "嵇玉"},
		},
		{
			name:     "shortfall of two seats",
			edits:    []string{`"刘通" = 25`, `"刘通" = 10`, `"孙朋" = 27`, `"孙朋" = 12`},
			status:   StatusAnotherRound,
			elected:  []string{"汪金平", "周陈", "嵇玉"},
			unfilled: 2,
			errors:   []string{"first_meeting"}, // the sample's [first_meeting] before the committee is complete
		},
		{
			name:    "a write-in is elected",
			edits:   []string{`"刘通" = 25`, `"刘通" = 3`, "name = \"马红\"\nvotes = 2", "name = \"王晓\"\nvotes = 20", `scrutineers = ["马红", "朱立新"]`, `scrutineers = ["马红", "朱立新"]`},
			status:  StatusComplete,
			elected: []string{"王晓", "孙朋", "汪金平", "周陈", "嵇玉"},
		},
		{
			name:   "margin too small",
			edits:  []string{"committee_seats = 5 ", "committee_seats = 6 "},
			errors: []string{"margin"},
			status: "",
		},
		{
			name:   "too many seats for a branch",
			edits:  []string{"committee_seats = 5 ", "committee_seats = 9 "},
			errors: []string{"seats", "margin"},
		},
		{
			name:   "a small branch has no committee",
			edits:  []string{"total = 42 ", "total = 9 "},
			errors: []string{"seats", "counts"}, // and 33 present of 4 expected
		},
		{
			name:   "scrutineer is a candidate",
			edits:  []string{`scrutineers = ["马红", "朱立新"]`, `scrutineers = ["马红", "张荷田"]`},
			errors: []string{"scrutineer_is_candidate"},
		},
		{
			name:   "vote for an unknown name",
			edits:  []string{`"张荷田" = 9`, `"张荷天" = 9`},
			errors: []string{"unknown_candidate"},
		},
		{
			name:   "duplicate candidate",
			edits:  []string{`name = "张荷田"`, `name = "刘通"`},
			errors: []string{"duplicate_name", "unknown_candidate"},
		},
		{
			name:   "present above expected",
			edits:  []string{"present = 33 ", "present = 38 "},
			errors: []string{"counts"},
		},
		{
			name:   "invalid above returned",
			edits:  []string{"ballots_invalid = 1", "ballots_invalid = 34"},
			errors: []string{"ballots"},
		},
		{
			name:   "votes above valid ballots",
			edits:  []string{`"嵇玉" = 32`, `"嵇玉" = 33`},
			errors: []string{"votes"},
		},
		{
			name:   "negative number",
			edits:  []string{"probationary = 3 ", "probationary = -3 "},
			errors: []string{"range"},
		},
		{
			name:   "more marks than ballots can carry",
			edits:  []string{`"张荷田" = 9`, `"张荷田" = 18`},
			errors: []string{"votes"}, // 32+31+27+25+29+18+2 = 164 > 32×5
		},
		{
			name:    "expected given by hand",
			edits:   []string{"# 应到会有选举权人数 = total - probationary - 不计入人数，由程序计算；若需手工给定可写 expected = 35", "expected = 35"},
			status:  StatusComplete,
			elected: []string{"刘通", "孙朋", "汪金平", "周陈", "嵇玉"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := edit(t, c.edits...)
			if got := codes(e.Findings, LevelError); !reflect.DeepEqual(got, c.errors) {
				t.Fatalf("errors %v, want %v\n%s", got, c.errors, e.Findings.FormatAll("test.toml"))
			}
			if c.status == "" {
				if e.Result != nil {
					t.Fatalf("unexpected result %+v", e.Result)
				}
				return
			}
			r := e.Result
			if r == nil {
				t.Fatalf("no result; findings:\n%s", e.Findings.FormatAll("test.toml"))
			}
			if r.Status != c.status {
				t.Errorf("status %s, want %s", r.Status, c.status)
			}
			if c.elected != nil && !reflect.DeepEqual(r.Elected, c.elected) {
				t.Errorf("elected %v, want %v", r.Elected, c.elected)
			}
			want := c.revote
			if want == nil {
				want = []string{}
			}
			if !reflect.DeepEqual(r.Revote, want) {
				t.Errorf("revote %v, want %v", r.Revote, want)
			}
			if r.UnfilledSeats != c.unfilled {
				t.Errorf("unfilled %d, want %d", r.UnfilledSeats, c.unfilled)
			}
		})
	}
}

// tieEdits make 刘通 and 张荷田 tie at the fifth seat with 20 votes each.
var tieEdits = []string{`"张荷田" = 9`, `"张荷田" = 20`, `"刘通" = 25`, `"刘通" = 20`, "votes = 2", "votes = 1"}

func TestRevoteSeats(t *testing.T) {
	e := edit(t, tieEdits...)
	if e.Result.RevoteSeats != 1 {
		t.Errorf("revote seats %d, want 1", e.Result.RevoteSeats)
	}
}

func TestAnotherRound(t *testing.T) {
	e := edit(t, `"刘通" = 25`, `"刘通" = 10`,
		"[[meeting.writeins]]", "[meeting.another_round]\nseats = 1\ncandidates = [\"刘通\", \"张荷田\"]\nballots_issued = 33\nballots_returned = 33\nballots_invalid = 0\nvotes = { \"刘通\" = 12, \"张荷田\" = 20 }\n\n[[meeting.writeins]]")
	r := e.Result
	if r == nil {
		t.Fatalf("no result:\n%s", e.Findings.FormatAll("t"))
	}
	if r.Status != StatusComplete || r.UnfilledSeats != 0 {
		t.Errorf("status %s unfilled %d", r.Status, r.UnfilledSeats)
	}
	if want := []string{"孙朋", "汪金平", "张荷田", "周陈", "嵇玉"}; !reflect.DeepEqual(r.Elected, want) {
		t.Errorf("elected %v, want %v", r.Elected, want)
	}
	if len(r.Rounds) != 2 {
		t.Fatalf("rounds: %+v", r.Rounds)
	}
	for _, c := range r.Rounds[0].Candidates {
		if c.Name == "张荷田" && c.Elected {
			t.Errorf("张荷田 marked elected in the first round, where 9 votes fell short")
		}
	}
	if r.Rounds[0].Status != StatusAnotherRound || r.Rounds[1].Kind != KindAnother || r.Rounds[1].Threshold.MinVotes != 19 {
		t.Errorf("rounds: %+v", r.Rounds)
	}
}

func TestFirstMeeting(t *testing.T) {
	e := edit(t, "[first_meeting.votes]                  # 书记、副书记选举得票\n\"嵇玉\" = 5", "[first_meeting.votes]\n\"嵇玉\" = 2")
	r := e.Result
	if r.Secretary != "" {
		t.Errorf("secretary with 2 of 5 votes elected: %q", r.Secretary)
	}
	if f, ok := find(e.Findings, "first_meeting"); !ok || f.Level != LevelError || !strings.Contains(f.Message, "书记候选人嵇玉得2票") || r.FirstMeeting.Status != FirstSecretaryNotElected {
		t.Errorf("no error for the secretary's shortfall: %v / %+v", e.Findings, r.FirstMeeting)
	}
	if len(e.Findings.DataErrors()) != 0 || e.Hold() == nil {
		t.Errorf("the shortfall is the meeting's outcome: data errors %v, hold %v", e.Findings.DataErrors(), e.Hold())
	}
	e = edit(t, `secretary = "嵇玉"`, `secretary = "张荷田"`, "[first_meeting.votes]                  # 书记、副书记选举得票\n\"嵇玉\" = 5", "[first_meeting.votes]\n\"张荷田\" = 5")
	if f, ok := find(e.Findings, "first_meeting"); !ok || !strings.Contains(f.Message, "没有当选委员") {
		t.Errorf("secretary who is not a member: %v", e.Findings)
	}
	e = edit(t, "present = 5 ", "present = 3 ", "\"嵇玉\" = 5", "\"嵇玉\" = 3", "\"周陈\" = 5", "\"周陈\" = 3")
	if f, ok := find(e.Findings, "quorum"); !ok || !strings.Contains(f.Message, "至少4名") {
		t.Errorf("first meeting quorum: %v", e.Findings)
	}
}

// villageSource is a 村民委员会 election: 1000 registered voters, 501
// ballots returned, three of five seats filled.
const villageSource = `
version = 1
kind = "village-committee"
rules = "village"
[organization]
name = "青石村民委员会"
[voters]
registered = 1000
[plan]
committee_seats = 5
[[candidates]]
name = "甲一"
[[candidates]]
name = "乙二"
[[candidates]]
name = "丙三"
[[candidates]]
name = "丁四"
[[candidates]]
name = "戊五"
[[candidates]]
name = "己六"
[meeting]
ballots_issued = 520
ballots_returned = 501
ballots_invalid = 1
[meeting.votes]
"甲一" = 400
"乙二" = 300
"丙三" = 251
"丁四" = 250
"戊五" = 240
"己六" = 100
`

func TestVillageProfile(t *testing.T) {
	src := villageSource
	e := analyze(t, src)
	r := e.Result
	if r == nil {
		t.Fatalf("no result:\n%s", e.Findings.FormatAll("v"))
	}
	// Valid turnout: 501*2 > 1000. Elected: more than half of 501 cast → 251.
	if !r.Quorum.Met || r.Quorum.Required != 501 || r.Threshold.MinVotes != 251 || r.Threshold.Base != "cast" {
		t.Errorf("quorum %+v threshold %+v", r.Quorum, r.Threshold)
	}
	if r.Status != StatusAnotherRound || r.UnfilledSeats != 2 || len(r.Elected) != 3 {
		t.Errorf("status %s unfilled %d elected %v", r.Status, r.UnfilledSeats, r.Elected)
	}
	// Exactly half turnout is not valid.
	e = analyze(t, strings.Replace(strings.Replace(src, "ballots_returned = 501", "ballots_returned = 500", 1), "ballots_issued = 520", "ballots_issued = 500", 1))
	if e.Result == nil || e.Result.Status != StatusInvalidMeet {
		t.Errorf("half turnout: %+v", e.Result)
	}
	// 另行选举: the winner needs at least one third of the ballots cast.
	e = analyze(t, src+`
[meeting.another_round]
seats = 2
candidates = ["丁四", "戊五", "己六"]
ballots_issued = 480
ballots_returned = 480
ballots_invalid = 0
votes = { "丁四" = 200, "戊五" = 159, "己六" = 100 }
`)
	r = e.Result
	if r == nil {
		t.Fatalf("no result:\n%s", e.Findings.FormatAll("v"))
	}
	if r.Rounds[1].Threshold.MinVotes != 160 || r.Status != StatusAnotherRound || r.UnfilledSeats != 1 {
		t.Errorf("another round %+v, status %s, unfilled %d", r.Rounds[1].Threshold, r.Status, r.UnfilledSeats)
	}
}

func TestResidentsProfileSeats(t *testing.T) {
	src := `
kind = "residents-committee"
rules = "residents"
[organization]
name = "东华社区居民委员会"
[voters]
registered = 3000
[plan]
committee_seats = 3
[[candidates]]
name = "甲一"
[[candidates]]
name = "乙二"
[[candidates]]
name = "丙三"
[[candidates]]
name = "丁四"
`
	e := analyze(t, src)
	f, ok := find(e.Findings, "seats")
	if !ok || !strings.Contains(f.Message, "5至9名") {
		t.Errorf("residents committee of 3: %v", e.Findings)
	}
}

func TestChineseNumber(t *testing.T) {
	for n, want := range map[int]string{1: "一", 10: "十", 11: "十一", 20: "二十", 23: "二十三", 99: "九十九", 100: "100"} {
		if got := ChineseNumber(n); got != want {
			t.Errorf("ChineseNumber(%d) = %s, want %s", n, got, want)
		}
	}
	if got := (Fraction{4, 5}).Chinese(); got != "五分之四" {
		t.Errorf("%s", got)
	}
}

func TestAgeAt(t *testing.T) {
	e := Date{2024, 7, 18}
	for _, c := range []struct {
		birth Date
		want  int
	}{{Date{1975, 3, 0}, 49}, {Date{1990, 7, 0}, 34}, {Date{1990, 7, 18}, 34}, {Date{1990, 7, 19}, 33}, {Date{1990, 8, 0}, 33}} {
		if got := c.birth.AgeAt(e); got != c.want {
			t.Errorf("AgeAt(%v) = %d, want %d", c.birth, got, c.want)
		}
	}
}

// withTable inserts a table before [[meeting.writeins]].
func withTable(table string) []string {
	return []string{"[[meeting.writeins]]", table + "\n\n[[meeting.writeins]]"}
}

// lineOf is the 1-based line of the first occurrence of s in the edited sample.
func lineOf(t *testing.T, src, s string) int {
	t.Helper()
	i := strings.Index(src, s)
	if i < 0 {
		t.Fatalf("%q not in the edited sample", s)
	}
	return strings.Count(src[:i], "\n") + 1
}

// noFirstMeeting drops the sample's [first_meeting] (the committee is not
// complete in these cases).
var noFirstMeeting = []string{"[first_meeting]                        # 新一届委员会第一次全体会议（选举书记、副书记并分工）", "[x_first_meeting]"}

func dropFM(src string) string {
	i := strings.Index(src, "[x_first_meeting]")
	j := strings.Index(src, "[previous]")
	return src[:i] + src[j:]
}

func TestRounds(t *testing.T) {
	revote := func(votes string) string {
		return "[meeting.revote]\nballots_issued = 33\nballots_returned = 33\nballots_invalid = 0\nvotes = { " + votes + " }"
	}
	cases := []struct {
		name    string
		edits   []string
		status  string
		elected []string
		rounds  string
		next    string
		// a finding: code, level, the text at its line, words of its message
		code, level, at, msg string
	}{
		{name: "re-vote among the tied elects the one above half",
			edits:  append(append(append([]string{}, tieEdits...), noFirstMeeting...), withTable(revote(`"刘通" = 20, "张荷田" = 12`))...),
			status: StatusComplete, elected: []string{"刘通", "孙朋", "汪金平", "周陈", "嵇玉"}, rounds: "first:revote_needed revote:complete"},
		{name: "re-vote below half leaves the seat open",
			edits:  append(append(append([]string{}, tieEdits...), noFirstMeeting...), withTable(revote(`"刘通" = 18, "张荷田" = 15`))...),
			status: StatusAnotherRound, elected: []string{"孙朋", "汪金平", "周陈", "嵇玉"}, rounds: "first:revote_needed revote:another_round_needed", next: "another:1",
			code: StatusAnotherRound, level: LevelWarning, at: "[meeting.revote]", msg: "再次投票后得票超过半数的被选举人少于应选名额，尚缺1名"},
		{name: "revote_top_wins: the most votes win below half",
			edits: append(append(append([]string{`rules = "party-2020"`, "[rules]\nprofile = \"party-2020\"\nrevote_top_wins = true"}, tieEdits...), noFirstMeeting...),
				withTable(revote(`"刘通" = 18, "张荷田" = 15`))...),
			status: StatusComplete, elected: []string{"刘通", "孙朋", "汪金平", "周陈", "嵇玉"}, rounds: "first:revote_needed revote:complete"},
		{name: "revote_top_wins: a tie again needs another re-vote",
			edits: append(append(append([]string{`rules = "party-2020"`, "[rules]\nprofile = \"party-2020\"\nrevote_top_wins = true"}, tieEdits...), noFirstMeeting...),
				withTable(revote(`"刘通" = 16, "张荷田" = 16`))...),
			status: StatusRevote, elected: []string{"孙朋", "汪金平", "周陈", "嵇玉"}, rounds: "first:revote_needed revote:revote_needed", next: "revote:1",
			code: StatusRevote, level: LevelWarning, at: "[meeting.revote]", msg: "再次投票中刘通、张荷田得票相等（16票）"},
		{name: "two re-votes as an array",
			edits: append(append(append([]string{`rules = "party-2020"`, "[rules]\nprofile = \"party-2020\"\nrevote_top_wins = true"}, tieEdits...), noFirstMeeting...),
				withTable("[[meeting.revote]]\nballots_issued = 33\nballots_returned = 33\nvotes = { \"刘通\" = 16, \"张荷田\" = 16 }\n\n[[meeting.revote]]\nballots_issued = 33\nballots_returned = 33\nvotes = { \"刘通\" = 14, \"张荷田\" = 18 }")...),
			status: StatusComplete, elected: []string{"孙朋", "汪金平", "张荷田", "周陈", "嵇玉"}, rounds: "first:revote_needed revote:revote_needed revote:complete"},
		{name: "a re-vote when no one tied is out of order",
			edits: withTable(revote(`"刘通" = 20`)),
			code:  "round_order", level: LevelError, at: "[meeting.revote]", msg: "第一轮投票后应选名额已经选足，不需要再次投票"},
		{name: "a re-vote written as a 另行选举 is out of order",
			edits: append(append(append([]string{}, tieEdits...), noFirstMeeting...),
				withTable("[meeting.another_round]\nballots_issued = 33\nballots_returned = 33\nvotes = { \"刘通\" = 20, \"张荷田\" = 12 }")...),
			code: "round_order", level: LevelError, at: "[meeting.another_round]", msg: "刘通、张荷田得票相等，应先就票数相等的被选举人再次投票（写在 [meeting.revote] 中）"},
		{name: "a 另行选举 after a shortfall written as a re-vote is out of order",
			edits: append(append([]string{`"刘通" = 25`, `"刘通" = 18`}, noFirstMeeting...), withTable(revote(`"刘通" = 20`))...),
			code:  "round_order", level: LevelError, at: "[meeting.revote]", msg: "尚缺1名；缺额应另行选举（写在 [meeting.another_round] 中）"},
		{name: "re-vote candidates must be the tied",
			edits: append(append(append([]string{}, tieEdits...), noFirstMeeting...),
				withTable("[meeting.revote]\ncandidates = [\"刘通\", \"孙朋\"]\nballots_issued = 33\nballots_returned = 33\nvotes = { \"刘通\" = 20 }")...),
			code: "unknown_candidate", level: LevelError, at: `"孙朋"]`, msg: "孙朋 不是票数相等的被选举人（刘通、张荷田）"},
		{name: "re-vote seats must be the contended seats",
			edits: append(append(append([]string{}, tieEdits...), noFirstMeeting...),
				withTable("[meeting.revote]\nseats = 2\nballots_issued = 33\nballots_returned = 33\nvotes = { \"刘通\" = 20 }")...),
			code: "seats", level: LevelError, at: "seats = 2", msg: "再次投票的名额应为1名"},
		{name: "a re-vote vote for a name not on it",
			edits: append(append(append([]string{}, tieEdits...), noFirstMeeting...), withTable(revote(`"刘通" = 20, "张荷天" = 5`))...),
			code:  "unknown_candidate", level: LevelError, at: `"张荷天" = 5`, msg: "是否应为 张荷田？"},
		{name: "a re-vote with more ballots returned than issued is void",
			edits: append(append(append([]string{}, tieEdits...), noFirstMeeting...),
				withTable("[meeting.revote]\nballots_issued = 33\nballots_returned = 34\nvotes = { \"刘通\" = 20 }")...),
			status: StatusInvalidElect, elected: []string{"孙朋", "汪金平", "周陈", "嵇玉"}, rounds: "first:revote_needed revote:invalid_election",
			code: "ballots", level: LevelError, at: "ballots_returned = 34", msg: "再次投票收回选票（34张）多于发出选票（33张），再次投票无效，应重新投票"},
		{name: "revote as a number is a type error",
			edits: []string{"ballots_invalid = 1", "ballots_invalid = 1\nrevote = 3"},
			code:  "type", level: LevelError, at: "revote = 3", msg: "键 meeting.revote 的值应为表（[meeting.revote]），或表数组（[[meeting.revote]]，每次投票一个），现在是整数 3"},
		{name: "reduced seats when complete",
			edits: []string{"ballots_invalid = 1", "ballots_invalid = 1\nreduced_seats = 4"},
			code:  "round_order", level: LevelError, at: "reduced_seats = 4", msg: "应选名额已经选足，不需要减少名额"},
		{name: "reduced seats equal to the elected",
			edits:  append([]string{`"刘通" = 25`, `"刘通" = 18`, "ballots_invalid = 1", "ballots_invalid = 1\nreduced_seats = 4"}, noFirstMeeting...),
			status: StatusComplete, elected: []string{"孙朋", "汪金平", "周陈", "嵇玉"}, rounds: "first:another_round_needed"},
		{name: "reduced seats not equal to the elected",
			edits: append([]string{`"刘通" = 25`, `"刘通" = 18`, "ballots_invalid = 1", "ballots_invalid = 1\nreduced_seats = 3"}, noFirstMeeting...),
			code:  "seats", level: LevelError, at: "reduced_seats = 3", msg: "应等于已当选的人数（4名），现写为3名"},
		{name: "reduced seats below the committee minimum",
			edits: append([]string{`"刘通" = 25`, `"刘通" = 10`, `"孙朋" = 27`, `"孙朋" = 10`, `"汪金平" = 29`, `"汪金平" = 10`, "ballots_invalid = 1", "ballots_invalid = 1\nreduced_seats = 2"}, noFirstMeeting...),
			code:  "seats", level: LevelError, at: "reduced_seats = 2", msg: "少于委员名额下限3名"},
		{name: "reducing two seats is only a warning",
			edits:  append([]string{`"刘通" = 25`, `"刘通" = 10`, `"孙朋" = 27`, `"孙朋" = 10`, "ballots_invalid = 1", "ballots_invalid = 1\nreduced_seats = 3"}, noFirstMeeting...),
			status: StatusComplete, elected: []string{"汪金平", "周陈", "嵇玉"}, rounds: "first:another_round_needed",
			code: "reduced_seats", level: LevelWarning, at: "reduced_seats = 3", msg: "减少名额2名"},
		{name: "a 总监票人 is one of the 监票人",
			edits: []string{`tellers = ["许静"]`, "tellers = [\"许静\"]\nchief_scrutineer = \"许静\""},
			code:  "scrutineer_is_candidate", level: LevelError, at: `chief_scrutineer = "许静"`, msg: "总监票人 许静 应是监票人之一"},
		{name: "first meeting ballots returned above issued",
			edits: []string{"present = 5                            # 到会委员", "present = 5\nballots_issued = 5\nballots_returned = 6"},
			code:  "ballots", level: LevelError, at: "ballots_returned = 6", msg: "第一次全体会议收回选票（6张）多于发出选票（5张）"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := editSrc(t, c.edits...)
			if strings.Contains(src, "[x_first_meeting]") {
				src = dropFM(src)
			}
			e := analyze(t, src)
			if c.code != "" {
				f, ok := find(e.Findings, c.code)
				if !ok || f.Level != c.level || !strings.Contains(f.Message, c.msg) || f.Line != lineOf(t, src, c.at) || f.Column == 0 {
					t.Errorf("want %s %s at line %d (%s) with %q; findings:\n%s", c.level, c.code, lineOf(t, src, c.at), c.at, c.msg, e.Findings.FormatAll("test.toml"))
				}
			} else if len(e.Findings) != 0 {
				t.Errorf("unexpected findings:\n%s", e.Findings.FormatAll("test.toml"))
			}
			if c.status == "" {
				if c.level == LevelError && c.code != "ballots" && e.Result != nil {
					t.Errorf("a result despite the error: %+v", e.Result)
				}
				return
			}
			r := e.Result
			if r == nil {
				t.Fatalf("no result:\n%s", e.Findings.FormatAll("test.toml"))
			}
			var rounds []string
			for _, rr := range r.Rounds {
				rounds = append(rounds, rr.Kind+":"+rr.Status)
			}
			next := ""
			if r.Next != nil {
				next = r.Next.Kind + ":" + strings.Repeat("1", r.Next.Seats)
			}
			if r.Status != c.status || !reflect.DeepEqual(r.Elected, c.elected) || strings.Join(rounds, " ") != c.rounds || next != c.next {
				t.Errorf("status %s elected %v rounds %q next %q; want %s %v %q %q", r.Status, r.Elected, strings.Join(rounds, " "), next, c.status, c.elected, c.rounds, c.next)
			}
		})
	}
}

// The committee of 3 with a 书记 and a 副书记 has one member left to
// staff the first meeting's 监票人 and 计票人: check says what is done.
func TestFirstMeetingStaff(t *testing.T) {
	src := sample(t)
	src = src[:strings.Index(src, "# ---------- 以下为选举后填写")]
	e := analyze(t, strings.Replace(src, "committee_seats = 5 ", "committee_seats = 3 ", 1))
	f, ok := find(e.Findings, "scrutineers")
	if !ok || f.Level != LevelWarning || !strings.Contains(f.Message, "不是候选人的委员只有1名") || e.Main().FirstMeetingFreeMembers() != 1 {
		t.Errorf("committee of 3: %v (free %d)", e.Findings, e.Main().FirstMeetingFreeMembers())
	}
	if e := analyze(t, src); e.Main().FirstMeetingFreeMembers() != 3 {
		t.Errorf("committee of 5: free %d, want 3", e.Main().FirstMeetingFreeMembers())
	} else if _, ok := find(e.Findings, "scrutineers"); ok {
		t.Errorf("committee of 5 warned: %v", e.Findings)
	}
}

// In a 差额 election of the 书记, two candidates above half with equal
// votes need a re-vote.
func TestFirstMeetingSecretaryTie(t *testing.T) {
	e := edit(t, `rules = "party-2020"`, "[rules]\nprofile = \"party-2020\"\nsecretary_mode = \"competitive\"",
		`proposed = "副书记"`, `proposed = "书记"`, "deputy_seats = 1 ", "deputy_seats = 0 ",
		`deputies = ["周陈"]`, "deputies = []",
		"[first_meeting.votes]                  # 书记、副书记选举得票\n\"嵇玉\" = 5\n\"周陈\" = 5", "[first_meeting.votes]\n\"嵇玉\" = 3\n\"周陈\" = 3")
	fm := e.Result.FirstMeeting
	if fm == nil || fm.Status != FirstRevoteNeeded || !reflect.DeepEqual(fm.Revote, []string{"嵇玉", "周陈"}) || e.Result.Secretary != "" {
		t.Fatalf("first meeting %+v, secretary %q", fm, e.Result.Secretary)
	}
	if h := e.Hold(); h == nil || h.Level != LevelError || !strings.Contains(h.Message, "书记候选人嵇玉、周陈得票相等（3票）") {
		t.Errorf("hold %v", h)
	}
}
