package web

import (
	"fmt"
	"strings"
	"sync"

	"huanjie/generator/build"
	"huanjie/generator/election"
	"huanjie/internal/report"
)

// A doc is one file of the set: the document's --only name and the file
// name part build gives it ("ballot", "委员选票").
type doc struct {
	Only string `json:"only"`
	File string `json:"file"`
}

// docState is a doc with whether the data typed so far are enough for it.
type docState struct {
	doc
	Ready bool   `json:"ready"`
	Why   string `json:"why,omitempty"`
}

// templateList is the embedded templates (they are tested; were they to
// fail, the page would list no document).
func templateList() []*build.Template {
	ts, _ := build.EmbeddedTemplates()
	return ts
}

// documentList is the set of a new election (newFile: a 党支部 with a
// 书记 and a 副书记), as the page lists it before anything is typed.
var documentList = sync.OnceValue(func() []doc {
	src, err := Encode(newFile)
	if err != nil {
		return nil
	}
	l, err := election.Parse("new.toml", src)
	if err != nil {
		return nil
	}
	var out []doc
	for _, s := range docStates(election.Analyze(l)) {
		out = append(out, s.doc)
	}
	return out
})

// docStates says which documents the data allow: every file build would
// write, the forms of each vote and of each body (the 纪委's) named as
// build names them. Whether the election's outcome allows the result
// documents is build's to say: the preview shows its answer.
func docStates(e *election.Election) []docState {
	var out []docState
	for _, f := range build.Files(e, templateList()) {
		s := docState{doc: doc{Only: f.Template.Name, File: f.Name}, Ready: true}
		for _, n := range f.Template.Needs {
			if section := missingSection(e, n, f.Body); section != "" {
				s.Ready = false
				s.Why = fmt.Sprintf("填写“%s”后才能生成", section)
				break
			}
		}
		out = append(out, s)
	}
	return out
}

// missingSection names (by its title) the section of the page still to be
// typed for a template's need n, for body; "" when it is there.
func missingSection(e *election.Election, n, body string) string {
	f := &e.File
	d := f.Discipline
	switch {
	case (n == "meeting" || n == "result") && f.Meeting == nil:
		return sectionTitle["meeting"]
	case n == "first_meeting" && f.FirstMeeting == nil && !e.Kind.Direct:
		return sectionTitle["first_meeting"]
	case n == "first_meeting" && e.Discipline != nil && (d == nil || d.FirstMeeting == nil):
		return sectionTitle["discipline"]
	case n == "report" && body == election.BodyDiscipline && (d == nil || d.Report == nil):
		return sectionTitle["discipline"]
	case n == "report" && body != election.BodyDiscipline && f.Report == nil:
		return sectionTitle["report"]
	case n == "summary" && f.Summary == nil:
		return sectionTitle["summary"]
	}
	return ""
}

// sectionTitle is the title of each section of the page by its id.
var sectionTitle = func() map[string]string {
	m := make(map[string]string, len(groups))
	for _, g := range groups {
		m[g.ID] = g.Title
	}
	return m
}()

// facts are check's 基本情况 and, after the meeting, the outcome.
func facts(e *election.Election) []string {
	out := report.Facts(e)
	if r := e.Result; r != nil && out != nil {
		out = append(out, outcome(r))
	}
	return out
}

// outcome is the result in one sentence.
func outcome(r *election.Result) string {
	switch r.Status {
	case election.StatusInvalidMeet:
		return fmt.Sprintf("到会%d名，不足%d名，会议无效。", r.Quorum.Present, r.Quorum.Required)
	case election.StatusInvalidElect:
		return "收回选票多于发出选票，选举无效。"
	case election.StatusRevote:
		return fmt.Sprintf("%s票数相等，需再次投票。", strings.Join(r.Revote, "、"))
	case election.StatusAnotherRound:
		return fmt.Sprintf("当选%d名，尚缺%d名，需另行选举。", len(r.Elected), r.UnfilledSeats)
	}
	s := "当选委员（按姓氏笔画为序）：" + strings.Join(r.Elected, "、") + "。"
	if r.Secretary != "" {
		s += "书记：" + r.Secretary + "。"
	}
	if len(r.Deputies) > 0 {
		s += "副书记：" + strings.Join(r.Deputies, "、") + "。"
	}
	return s
}
