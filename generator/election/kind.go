package election

import "fmt"

// Kind is what one kind of organisation is called in its paperwork and
// how large its committee may be: the one place the words of a kind come
// from. The documents ask it through the view (.Kind.Committee,
// .Kind.Meeting…); no template spells a kind's words itself. The names of
// the organisation itself ([organization] name, short_name) are the
// user's and are never composed from these words.
type Kind struct {
	// Code is the file's kind: party-branch, party-general-branch,
	// party-committee (village-committee, residents-committee for the
	// village and residents profiles).
	Code string
	// Name is what the organisation is: 党支部, 党总支, 基层党委.
	Name string
	// Committee is its committee as the documents name it: 支部委员会,
	// 总支部委员会, 委员会; "" for a branch without a committee.
	Committee string
	// Meeting is the committee as the body that decides (经支委会研究):
	// 支委会, 总支委员会, 党委会; 支部 for a branch without a committee.
	Meeting string
	// Report is the title of the outgoing committee's work report to the
	// meeting (and its file name): 支部委员会工作报告, 总支部委员会工作报告,
	// 委员会工作报告; 支部工作报告 for a branch without a committee.
	Report string
	// Min and Max are the committee's size by default ([rules]
	// committee_min, committee_max change them): domain.md §A.2.
	Min, Max int
	// Direct: a branch without a committee, whose 党员大会 elects the 书记
	// (and 副书记) directly.
	Direct bool
	// Discipline: the organisation may elect a 纪律检查委员会 at the same
	// meeting (a 基层党委; 党总支 and 党支部 have a 纪检委员 instead).
	Discipline bool
	// Party: the kind has Party paperwork (not a 村民委员会 or 居民委员会).
	Party bool
}

// kinds are the kinds of organisation, by code.
var kinds = map[string]Kind{
	KindBranch: {Code: KindBranch, Name: "党支部", Committee: "支部委员会", Meeting: "支委会",
		Report: "支部委员会工作报告", Min: 3, Max: 7, Party: true},
	KindGeneralBranch: {Code: KindGeneralBranch, Name: "党总支", Committee: "总支部委员会", Meeting: "总支委员会",
		Report: "总支部委员会工作报告", Min: 5, Max: 9, Party: true},
	KindCommittee: {Code: KindCommittee, Name: "基层党委", Committee: "委员会", Meeting: "党委会",
		Report: "委员会工作报告", Min: 5, Max: 11, Discipline: true, Party: true},
	KindVillage:   {Code: KindVillage, Name: "村民委员会", Committee: "村民委员会", Min: 3, Max: 7},
	KindResidents: {Code: KindResidents, Name: "居民委员会", Committee: "居民委员会", Min: 5, Max: 9},
}

// branchWithoutCommittee is a 党支部 with fewer than 7 正式党员: no
// committee, a 书记 (and, if needed, a 副书记) elected by the 党员大会.
var branchWithoutCommittee = Kind{Code: KindBranch, Name: "党支部", Meeting: "支部", Report: "支部工作报告",
	Min: 3, Max: 7, Direct: true, Party: true}

// KindOf returns the vocabulary of a kind code ("" is a 党支部); direct
// selects the branch without a committee.
func KindOf(code string, direct bool) Kind {
	if code == "" {
		code = KindBranch
	}
	if direct && code == KindBranch {
		return branchWithoutCommittee
	}
	if k, ok := kinds[code]; ok {
		return k
	}
	return kinds[KindBranch]
}

// bodyWord is what the outgoing body is called in a finding: its
// committee, or 书记 for a branch without one.
func (k Kind) bodyWord() string {
	if k.Direct {
		return "书记"
	}
	return k.Committee
}

// paperwork refuses the documents of an election that is not a Party
// organisation's (the village and residents profiles, or a kind that is
// a 村民委员会 or 居民委员会): their paperwork is not the Party's, and a
// Party 请示 with registered voters for 党员 would be wrong with
// confidence. An error build refuses with, in these words; the result is
// computed before it, so `results` still works.
func (e *Election) paperwork() {
	f := &e.File
	k := KindOf(f.Kind, false)
	if e.Settings.IsParty() && k.Party {
		return
	}
	field, value, what := "rules", e.Settings.Profile, map[string]string{ProfileVillage: "村民委员会", ProfileResidents: "居民委员会"}[e.Settings.Profile]
	if e.Settings.IsParty() {
		field, value, what = "kind", f.Kind, k.Name
	}
	msg := fmt.Sprintf("这是%s的选举（%s = %q）：本程序生成的是党组织换届选举的文书（请示、选举办法、主持词、选票等），不能用于%s选举，不生成文书。"+
		"村（居）民委员会选举自己的文书（选民登记公告、选民榜、候选人名单、选票、选举结果公告）将在以后的版本中提供；"+
		"huanjie check 和 huanjie results 仍可检查数据、计算选举结果", what, field, value, what)
	pos := e.KeyPos(field)
	e.Findings = append(e.Findings, Finding{Level: LevelError, Code: "paperwork", Field: field, Line: pos.Line, Column: pos.Col, Message: msg})
}
