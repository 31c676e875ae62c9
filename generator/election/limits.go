package election

import (
	"fmt"
	"reflect"
	"strings"
	"unicode/utf8"
)

// Limits on what a user can write: every string, list and number of the
// file is bounded here, far above any real election and far below what
// would take the machine or overflow a page. The bounds are refusals
// (refusals.go): check reports them at the value's line and build stops on
// them before filling any template.

// Text kinds, by the shape of their path (see walk).
type textKind struct {
	what     string // for messages
	max      int    // characters
	lines    bool   // may hold line breaks (paragraphs)
	maxLines int
}

var (
	nameText      = textKind{what: "姓名", max: 20}
	orgText       = textKind{what: "组织名称", max: 50}
	pathText      = textKind{what: "目录", max: 1000}
	lineText      = textKind{what: "一行文字", max: 100}
	paragraphText = textKind{what: "段落", max: 2000, lines: true, maxLines: 30}
)

// paragraphShapes are the fields whose text may run over several lines:
// each line becomes a paragraph of its own.
var paragraphShapes = map[string]bool{
	"report.intro": true, "report.closing": true, "report.sections[].paragraphs[]": true,
	"report.problems.items[]": true, "report.suggestions.items[]": true,
	"discipline.report.intro": true, "discipline.report.closing": true, "discipline.report.sections[].paragraphs[]": true,
	"discipline.report.problems.items[]": true, "discipline.report.suggestions.items[]": true,
	"summary.practices[].text": true, "summary.experiences[]": true, "summary.problems[]": true, "summary.next_steps[]": true,
	"summary.discipline": true, "summary.guidance": true, "nomination.notice_feedback": true,
}

var orgShapes = map[string]bool{
	"organization.name": true, "organization.short_name": true, "organization.superior": true,
	"organization.cc[]": true, "letterhead.organ": true,
}

// nameSuffixes end the shapes of fields holding a person's name; names
// used as keys (votes, duties) are names too.
var nameSuffixes = []string{".name", ".host", ".secretary", "scrutineers[]", "tellers[]", "deputies[]", "candidates[]", "signers[]", ".<key>"}

func kindOf(shape string) textKind {
	switch {
	case paragraphShapes[shape]:
		return paragraphText
	case orgShapes[shape]:
		return orgText
	case shape == "fonts.dir" || shape == "templates.dir":
		return pathText
	}
	for _, s := range nameSuffixes {
		if strings.HasSuffix(shape, s) {
			return nameText
		}
	}
	return lineText
}

// Counts: the most items a list (or table of names) may hold.
const defaultMaxItems = 100

var maxItems = map[string]int{
	"meeting.scrutineers": 20, "meeting.tellers": 20, "first_meeting.scrutineers": 20,
	"first_meeting.deputies": 5, "letterhead.signers": 10, "organization.cc": 20,
	"meeting.writeins": 50, "meeting.another_round.writeins": 50,
}

// Numbers: people and votes are counted in thousands at most; copies of
// a ballot up to the 100,000 a print run of `--copies` allows.
const (
	maxCount       = 10_000
	MaxCopies      = 100_000 // also the limit of --copies
	maxBallotCells = 50      // [ballot] writeins
)

var maxNumber = map[string]int{"ballot.copies": MaxCopies, "ballot.writeins": maxBallotCells}

// strings calls fn for every string of the file with its kind.
func (e *Election) strings(fn func(path string, k textKind, s string)) {
	e.File.walkStrings(func(n node) { fn(n.path, kindOf(n.shape), n.v.String()) })
}

// visible shows s in a message: at most 20 characters, control
// characters written as \u001b.
func visible(s string) string { return escapeControls(cut(s, 20)) }

// cut keeps the first n characters of s, marking a cut with "…".
func cut(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// escapeControls writes control characters as \u001b.
func escapeControls(s string) string {
	if !strings.ContainsFunc(s, isControl) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if isControl(r) {
			fmt.Fprintf(&b, `\u%04x`, r)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// where is displayPath for a message about the value at path (a long
// name used as a key is cut short).
func where(path string) string { return escapeControls(cut(displayPath(path), 60)) }

// isControl: C0 and C1 control characters and DEL.
func isControl(r rune) bool { return r < 0x20 || (r >= 0x7f && r < 0xa0) }

func findControlChars(e *Election, refuse func(field, msg string)) {
	e.strings(func(path string, k textKind, s string) {
		for _, r := range s {
			if isControl(r) && r != '\n' && r != '\r' { // line breaks: findLineBreaks
				refuse(path, fmt.Sprintf("%s 中有看不见的控制字符 %s（“%s”），印不出来；请删去它（多半是从其他软件复制文字时带进来的）",
					where(path), visible(string(r)), visible(s)))
				return
			}
		}
	})
}

func findLineBreaks(e *Election, refuse func(field, msg string)) {
	e.strings(func(path string, k textKind, s string) {
		if !k.lines && strings.ContainsAny(s, "\n\r") {
			refuse(path, fmt.Sprintf("%s 只能写一行，其中有换行（“%s”）；请写成一行。分段只能用在工作报告和工作总结的段落中",
				where(path), visible(s)))
		}
	})
}

func findTooLong(e *Election, refuse func(field, msg string)) {
	total := map[string]int{} // characters of the report and of the summary
	e.strings(func(path string, k textKind, s string) {
		n := utf8.RuneCountInString(s)
		if top, _, _ := strings.Cut(path, "."); top == "report" || top == "summary" {
			total[top] += n
		}
		switch {
		case n > k.max:
			refuse(path, fmt.Sprintf("%s 太长（%d个字），%s最多%d个字；请核实（“%s”）", where(path), n, k.what, k.max, visible(s)))
		case k.lines && strings.Count(s, "\n")+1 > k.maxLines:
			refuse(path, fmt.Sprintf("%s 有%d行，一项最多%d行；请分成几项", where(path), strings.Count(s, "\n")+1, k.maxLines))
		}
	})
	for _, top := range []string{"report", "summary"} {
		if total[top] > maxSectionText {
			refuse(top, fmt.Sprintf("[%s] 的文字共%d个字，最多%d个字；请精简", top, total[top], maxSectionText))
		}
	}
}

// maxSectionText bounds the whole text of [report] and of [summary] (a
// real 工作报告 has a few thousand characters).
const maxSectionText = 30_000

func findTooMany(e *Election, refuse func(field, msg string)) {
	walk(reflect.ValueOf(&e.File).Elem(), "", "", func(n node) {
		if n.key || (n.v.Kind() != reflect.Slice && n.v.Kind() != reflect.Map) {
			return
		}
		limit, ok := maxItems[strings.ReplaceAll(n.shape, "[]", "")]
		if !ok {
			limit = defaultMaxItems
		}
		if n.v.Len() > limit {
			refuse(n.path, fmt.Sprintf("%s 有%d项，最多%d项；请核实", where(n.path), n.v.Len(), limit))
		}
	})
}

func findTooLarge(e *Election, refuse func(field, msg string)) {
	walk(reflect.ValueOf(&e.File).Elem(), "", "", func(n node) {
		if n.v.Kind() != reflect.Int {
			return
		}
		limit, ok := maxNumber[n.shape]
		if !ok {
			limit = maxCount
		}
		if x := n.v.Int(); x > int64(limit) {
			refuse(n.path, fmt.Sprintf("%s 的值 %d 过大，最多%d；请核实", where(n.path), x, limit))
		}
	})
}

// findBallotSettings checks [ballot] the way the ballot templates and the
// renderer will read it.
func findBallotSettings(e *Election, refuse func(field, msg string)) {
	b := e.File.Ballot
	if b.Variant > 3 {
		refuse("ballot.variant", fmt.Sprintf("[ballot] variant 应为 1（符号在姓名上方）、2（另选人在行末）或 3（竖排），现为 %d", b.Variant))
	}
	if p := strings.ToUpper(b.Paper); p != "" && p != "A4" && p != "A5" {
		refuse("ballot.paper", fmt.Sprintf("[ballot] paper 应为 A4 或 A5，现为 %q", b.Paper))
	}
	if b.PerSheet != 0 && b.PerSheet != 1 && b.PerSheet != 2 && b.PerSheet != 4 {
		refuse("ballot.per_sheet", fmt.Sprintf("[ballot] per_sheet（每张纸印几份选票）只能是 1、2 或 4，现为 %d", b.PerSheet))
	}
	for _, c := range [][2]string{{"color", b.Color}, {"discipline_color", b.DisciplineColor}} {
		key, list := c[0], c[1]
		if list == "" {
			continue
		}
		colors := BallotColors(list)
		ok := len(colors) >= 1 && len(colors) <= maxTints
		for _, c := range colors {
			ok = ok && IsHexColor(c)
		}
		if !ok {
			refuse("ballot."+key, fmt.Sprintf("[ballot] %s 应写成 \"#RRGGBB\"（如 \"#FDECEC\" 浅红）；几种选票用不同底色时用逗号隔开，最多%d种，如 \"#FDECEC,#FFF4D6\"；现为 %q", key, maxTints, list))
		}
	}
}

// maxTints is how many ballots [ballot] color tints: the 委员, the 书记、副书记,
// the 再次投票 and the 另行选举 ballot.
const maxTints = 4

// BallotColors splits [ballot] color (or discipline_color) into its tints,
// one per kind of ballot.
func BallotColors(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '，' || r == ' ' })
}

// IsHexColor reports whether s is written #RRGGBB.
func IsHexColor(s string) bool {
	if len(s) != 7 || s[0] != '#' {
		return false
	}
	for _, c := range s[1:] {
		if !strings.ContainsRune("0123456789abcdefABCDEF", c) {
			return false
		}
	}
	return true
}

// findRuleBounds refuses settings outside sensible bounds: quorum ratios
// below one half, another-round shares below a tenth, committees of more
// than 100.
func findRuleBounds(e *Election, refuse func(field, msg string)) {
	r := e.File.Rules
	ratio := func(key string, f Fraction, lo Fraction, loText string) {
		if !f.IsZero() && f.Num*lo.Den < lo.Num*f.Den {
			refuse("rules."+key, fmt.Sprintf("rules.%s 应在%s到1之间（如 \"4/5\"），现为 %s", key, loText, f))
		}
	}
	half := Fraction{1, 2}
	ratio("quorum_ratio", r.QuorumRatio, half, "二分之一")
	ratio("first_meeting_quorum", r.FirstMeetingQuorum, half, "二分之一")
	ratio("turnout_ratio", r.TurnoutRatio, half, "二分之一")
	ratio("another_round_min", r.AnotherRoundMin, Fraction{1, 10}, "十分之一")
	for _, c := range []struct {
		key string
		v   int
		max int
	}{{"committee_min", r.CommitteeMin, 100}, {"committee_max", r.CommitteeMax, 100}, {"min_full_members", r.MinFullMembers, 1000}, {"notice_days", r.NoticeDays, 60}} {
		if c.v > c.max {
			refuse("rules."+c.key, fmt.Sprintf("rules.%s 最多为%d，现为%d", c.key, c.max, c.v))
		}
	}
	if r.CommitteeMin > 0 && r.CommitteeMax > 0 && r.CommitteeMin > r.CommitteeMax {
		refuse("rules.committee_min", fmt.Sprintf("rules.committee_min（%d）不能大于 committee_max（%d）", r.CommitteeMin, r.CommitteeMax))
	}
}
