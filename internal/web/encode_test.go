package web

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"huanjie/generator/election"
	"huanjie/internal/testenv"

	"github.com/pelletier/go-toml/v2"
)

const normative = "../../../shared/spec/election.sample.toml"

func sampleFiles(t *testing.T) []string {
	t.Helper()
	files, _ := filepath.Glob("../../samples/*.toml")
	if len(files) == 0 {
		t.Fatal("no samples")
	}
	testenv.Data(t, normative)
	return append(files, normative)
}

func parse(t *testing.T, name string, data []byte) *election.File {
	t.Helper()
	l, err := election.Parse(name, data)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if len(l.Findings) > 0 {
		t.Fatalf("%s: reading findings:\n%s\n%s", name, l.Findings.FormatAll(name), data)
	}
	return &l.File
}

// Every sample, decoded, turned into the form's values, written as TOML and
// decoded again, gives the same model.
func TestRoundTripSamples(t *testing.T) {
	for _, path := range sampleFiles(t) {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		want := parse(t, path, src)
		out, err := Encode(FromFile(want))
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		got := parse(t, path+" (saved)", out)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the saved file means something else\n%s", path, out)
		}
		// Saving what was opened again gives the same bytes.
		again, _ := Encode(FromFile(got))
		if string(again) != string(out) {
			t.Errorf("%s: saving twice differs", path)
		}
	}
}

func TestEncodeTyping(t *testing.T) {
	out, err := Encode([]Pair{
		{"version", "1"},
		{"rules.profile", "party-2020"},
		{"organization.name", `中共"东华"社区支部委员会`},
		{"members.total", "４２名"},
		{"members.probationary", "三"},
		{"plan.meeting_date", "2024年7月8日"},
		{"plan.request_date", "2024.6.20"},
		{"candidates[1].name", "周陈"},
		{"candidates[1].birth", "1982年11月"},
		{"candidates[0].name", "嵇玉"},
		{"candidates[0].incumbent", "true"},
		{"candidates[5].name", ""},
		{"meeting.votes.嵇玉", "32"},
		{"meeting.votes.周陈", "31"},
		{"meeting.scrutineers", "马红、朱立新，许静"},
		{"report.problems.items", "一\n\n二"},
	})
	if err != nil {
		t.Fatal(err)
	}
	s := string(out)
	for _, want := range []string{
		"version = 1  # 文件格式版本\n",
		`rules = "party-2020"`,
		`name = "中共\"东华\"社区支部委员会"`,
		"total = 42  #",
		`probationary = "三"`,
		"meeting_date = 2024-07-08",
		"request_date = 2024-06-20",
		"[[candidates]]  # 委员候选人预备人选\nname = \"嵇玉\"",
		`birth = "1982-11"`,
		"[meeting.votes]  # 赞成票\n\"嵇玉\" = 32\n\"周陈\" = 31\n",
		`scrutineers = ["马红", "朱立新", "许静"]`,
		"items = [\n  \"一\",\n  \"二\",\n]",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("output lacks %q:\n%s", want, s)
		}
	}
	if strings.Index(s, "嵇玉") > strings.Index(s, "周陈") {
		t.Errorf("array order follows the indices:\n%s", s)
	}
	// What could not be read as its type reaches the rules engine, which
	// says so at the field.
	l, err := election.Parse("x.toml", out)
	if err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, f := range l.Findings {
		if f.Field == "members.probationary" && f.Code == "type" {
			found = true
		}
	}
	if !found {
		t.Errorf("no type finding for members.probationary: %v", l.Findings)
	}
	if _, err := Encode([]Pair{{"organization.nmae", "x"}}); err == nil {
		t.Error("unknown path accepted")
	}
	for _, bad := range []string{"candidates.name", "candidates[x].name", "meeting.votes", "organization", "organization.name.x"} {
		if _, err := Encode([]Pair{{bad, "x"}}); err == nil {
			t.Errorf("bad path %q accepted", bad)
		}
	}
}

// A table that becomes an array of tables holding tables of its own (as
// [meeting.another_round] may, for several rounds) is written and read
// back with the same code.
func TestArrayOfNestedTables(t *testing.T) {
	type file struct {
		Meeting struct {
			Present int              `toml:"present"`
			Rounds  []election.Round `toml:"another_round"`
		} `toml:"meeting"`
	}
	root := describe(reflect.TypeOf(file{}), "")
	if w := widget(root.Children[0].child("another_round")); w != "blocks" {
		t.Errorf("widget %s, want blocks", w)
	}
	var want file
	want.Meeting.Present = 30
	want.Meeting.Rounds = []election.Round{
		{Seats: 1, Candidates: []string{"甲", "乙"}, Votes: map[string]int{"甲": 20, "乙": 9}, WriteIns: []election.WriteIn{{Name: "丙", Votes: 1}}},
		{Seats: 1, Candidates: []string{"乙"}, Votes: map[string]int{"乙": 18}},
	}
	var pairs []Pair
	flatten(root, reflect.ValueOf(&want).Elem(), "", &pairs)
	out, err := encode(root, pairs)
	if err != nil {
		t.Fatal(err)
	}
	var got file
	if err := toml.Unmarshal(out, &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v\n%s", got, want, out)
	}
	if !strings.Contains(string(out), "[[meeting.another_round]]  # 另行选举（名额未选足时）\nseats = 1") ||
		!strings.Contains(string(out), "[meeting.another_round.votes]  # 赞成票\n\"乙\" = 18") {
		t.Errorf("layout:\n%s", out)
	}
}
