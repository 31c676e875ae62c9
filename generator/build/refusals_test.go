package build

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"huanjie/generator/election"
)

// manyCandidates replaces the sample's candidates with n (no votes after).
func manyCandidates(s string, n, seats int) string {
	head := s[:strings.Index(s, "\n[[candidates]]")+1]
	head = strings.Replace(head, `rules = "party-2020"`, `rules = { profile = "party-2020", committee_max = 99 }`, 1)
	head = strings.Replace(head, "committee_seats = 5", fmt.Sprintf("committee_seats = %d", seats), 1)
	var b strings.Builder
	b.WriteString(head)
	for i := range n {
		fmt.Fprintf(&b, "[[candidates]]\nname = \"候选%s\"\n", election.ChineseNumber(i+1))
	}
	return b.String()
}

// refusalAttacks holds, for every registered reason build refuses for, an
// edit of the sample that triggers it. at is text on the line check must
// report (in the edited file).
var refusalAttacks = map[string]struct {
	edit func(s string) string
	at   string
}{
	"control_char": {func(s string) string {
		return strings.Replace(s, `post = "社区网格员"`, `post = "网格\u0007员"`, 1)
	}, `post = "网格`},
	"line_break": {func(s string) string {
		return strings.Replace(s, `place = "东华社区党群服务中心二楼会议室"`, `place = "东华\n署名：伪造单位"`, 1)
	}, "place ="},
	"too_long": {func(s string) string {
		return strings.Replace(s, `post = "社区网格员"`, `post = "`+strings.Repeat("员", 101)+`"`, 1)
	}, `post = "员`},
	"too_many": {func(s string) string {
		return strings.Replace(s, "[[meeting.writeins]]   ", strings.Repeat("[[meeting.writeins]]\nname = \"甲\"\nvotes = 0\n", 51)+"[[meeting.writeins]]", 1)
	}, "[[meeting.writeins]]"},
	"range":  {func(s string) string { return s + "\n[ballot]\ncopies = 1000000\n" }, "copies ="},
	"ballot": {func(s string) string { return s + "\n[ballot]\npaper = \"B5\"\n" }, "paper ="},
	"rules": {func(s string) string {
		return strings.Replace(s, `rules = "party-2020"`, `rules = { quorum_ratio = "1/3" }`, 1)
	}, "rules ="},
	"term": {func(s string) string {
		return strings.Replace(s, "term_years = 3 ", "term_years = 0 ", 1)
	}, "term_years = 0"},
	"dates": {func(s string) string {
		return strings.Replace(s, `birth = "1990-05"`, `birth = "2030-05"`, 1)
	}, `birth = "2030-05"`},
	"missing_glyph": {func(s string) string {
		return strings.Replace(s, `post = "社区网格员"`, "post = \"网格员\U000F0001\"", 1)
	}, `post = "网格员`},
	"form_overflow": {func(s string) string { return manyCandidates(s, 60, 50) }, "[[candidates]]\nname = \"候选一\""},
	"template": {func(s string) string {
		return strings.Replace(s, "meeting_date = 2024-07-18              # 党员大会日期\n", "", 1)
	}, "[plan]"},
	"fonts": {func(s string) string { return s + "\n[fonts]\ndir = \"/nonexistent/fonts\"\n" }, "dir = \"/nonexistent"},
}

// Every reason build refuses for is found by check first: the same code,
// at the data's line, and build's refusal carries check's words.
func TestEveryRefusalFoundByCheck(t *testing.T) {
	codes := RefusalCodes()
	sort.Strings(codes)
	for _, code := range codes {
		t.Run(code, func(t *testing.T) {
			a, ok := refusalAttacks[code]
			if !ok {
				t.Fatalf("refusal %q is registered but has no attack in this test", code)
			}
			orig := source(t, "donghua-community")
			src := a.edit(orig)
			if src == orig {
				t.Fatal("the edit changed nothing")
			}
			p := filepath.Join(t.TempDir(), "attack.toml")
			os.WriteFile(p, []byte(src), 0o644)
			e, err := election.Load(p)
			if err != nil {
				t.Fatal(err)
			}
			all := append(append(election.Findings(nil), e.Findings...), Check(e, Options{NoSystemFonts: true})...)
			var f *election.Finding
			for i := range all {
				if all[i].Code == code && all[i].Level == election.LevelError {
					f = &all[i]
					break
				}
			}
			if f == nil {
				t.Fatalf("check does not report %s:\n%s", code, all.FormatAll("attack.toml"))
			}
			if want := lineOf(src, a.at); f.Line != want {
				t.Errorf("%s reported at line %d, want %d (%s)", code, f.Line, want, f.Message)
			}
			_, err = Plan(e, Options{Out: t.TempDir(), Formats: []string{"pdf", "docx"}, NoSystemFonts: true}, &bytes.Buffer{})
			if err == nil {
				t.Fatalf("build does not refuse")
			}
			if !strings.Contains(err.Error(), f.Message) {
				t.Errorf("build's refusal\n%s\ndoes not carry check's words\n%s", err, f.Message)
			}
		})
	}
}

func lineOf(src, needle string) int {
	i := strings.Index(src, needle)
	if i < 0 {
		return -1
	}
	return strings.Count(src[:i], "\n") + 1
}
