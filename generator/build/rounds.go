package build

import (
	"strconv"
	"strings"

	"huanjie/generator/election"
)

// RoundView is one vote of the committee election as the documents see
// it: the first round, a re-vote or a 另行选举, held (Result set) or still
// to be held. The ballot, 计票单 and 结果报告单 are filled once for each
// (templates with 后续文件名), the 主持词 reads them in order.
type RoundView struct {
	Kind   string // election.KindFirst, KindRevote, KindAnother
	Number int    // 2 for a second 另行选举
	// Name is the round's name in the documents: 第一轮投票, 再次投票,
	// 另行选举, 第二次另行选举.
	Name string
	// Word replaces {轮次} in the file name and names the form: 再次投票,
	// 另行选举, 第二次另行选举 ("" for the first round).
	Word       string
	Seats      int
	Candidates []election.Candidate // stroke order; an earlier write-in by name only
	// ElectedBefore are those elected in the rounds before this one.
	ElectedBefore []string
	Result        *election.RoundResult // nil when the vote is still to be held
	Data          *election.RoundData   // the file's record of it (nil when not held)
	Color         string                // the ballot's tint
	TopWins       bool                  // a re-vote under [rules] revote_top_wins
}

// IsFirst, IsRevote and IsAnother tell the kind.
func (r *RoundView) IsFirst() bool   { return r.Kind == election.KindFirst }
func (r *RoundView) IsRevote() bool  { return r.Kind == election.KindRevote }
func (r *RoundView) IsAnother() bool { return r.Kind == election.KindAnother }

// Votes is a person's 赞成 in the round (0 when not recorded).
func (r *RoundView) Votes(name string) int {
	if r.Result != nil {
		for _, c := range r.Result.Candidates {
			if c.Name == name {
				return c.Votes
			}
		}
	}
	return 0
}

// Against is a person's 不赞成 in the round, "" when the file does not
// record them.
func (r *RoundView) Against(name string) string { return r.count(name, true) }

// Abstain is a person's 弃权 in the round, "" when not recorded.
func (r *RoundView) Abstain(name string) string { return r.count(name, false) }

func (r *RoundView) count(name string, against bool) string {
	if r.Data == nil {
		return ""
	}
	m := r.Data.Abstain
	if against {
		m = r.Data.Against
	}
	if m == nil {
		return ""
	}
	return strconv.Itoa(m[name])
}

// WriteIns are the round's write-ins with their votes.
func (r *RoundView) WriteIns() []election.VoteCount {
	var out []election.VoteCount
	if r.Result != nil {
		for _, c := range r.Result.Candidates {
			if c.WriteIn {
				out = append(out, c)
			}
		}
	}
	return out
}

// roundViews lists the votes of a body: before the meeting the first
// round; after it every round held and the one still to be held, if any.
// A branch without a committee has one vote, for its posts.
func roundViews(e *election.Election, b *BodyView) []RoundView {
	r := b.Result
	if r == nil {
		seats := b.Seats
		if b.IsDirect() {
			seats = b.SecretarySeats + b.DeputySeats
		}
		v := newRoundView(b, election.KindFirst, 1, seats, nil, nil)
		v.Candidates = b.Candidates
		return []RoundView{v}
	}
	var out []RoundView
	var elected []string
	var data []election.RoundData
	if b.Meeting != nil {
		data = b.Meeting.Rounds(b.body.MeetingPath())
	}
	for i := range r.Rounds {
		rr := &r.Rounds[i]
		v := newRoundView(b, rr.Kind, rr.Number, rr.Seats, rr.Listed(), elected)
		v.Result, v.TopWins = rr, rr.TopWins()
		if i < len(data) {
			v.Data = &data[i]
		}
		out = append(out, v)
		elected = append(elected, rr.Elected...)
	}
	if n := r.Next; n != nil {
		v := newRoundView(b, n.Kind, n.Number, n.Seats, n.Candidates, elected)
		v.TopWins = n.Kind == election.KindRevote && e.Settings.RevoteTopWins
		out = append(out, v)
	}
	return out
}

func newRoundView(b *BodyView, kind string, number, seats int, names, before []string) RoundView {
	v := RoundView{Kind: kind, Number: number, Name: election.RoundName(kind, number), Seats: seats,
		ElectedBefore: election.SortNames(before)}
	if kind != election.KindFirst {
		v.Word = v.Name
	}
	for _, n := range election.SortNames(names) {
		v.Candidates = append(v.Candidates, b.body.Person(n))
	}
	switch kind {
	case election.KindFirst:
		v.Color = b.Color
	case election.KindRevote:
		v.Color = b.RevoteColor
	default:
		v.Color = b.AnotherColor
	}
	return v
}

// instance is one filling of a template: for a body and one of its
// rounds. A template is filled once (for the main body's first round),
// once per body when its 文件名 has {机构}, {职务} or {工作报告}, and once per
// round of each body that elects 委员 when it has 后续文件名 (of the
// committee alone when its 文件名 names no body).
type instance struct {
	body  *BodyView
	round *RoundView
}

func perBody(t *Template) bool {
	for _, token := range []string{"{机构}", "{职务}", "{工作报告}"} {
		if strings.Contains(t.FileName, token) {
			return true
		}
	}
	return false
}

func instances(t *Template, v *View) []instance {
	bodies := v.Bodies
	if !perBody(t) {
		bodies = bodies[:1] // a form of every vote written before {机构}: the committee's
	}
	var out []instance
	for _, b := range bodies {
		switch {
		case t.RoundFileName == "":
			out = append(out, instance{b, &b.Rounds[0]})
		case !b.IsDirect():
			for i := range b.Rounds {
				out = append(out, instance{b, &b.Rounds[i]})
			}
		}
	}
	return out
}

// instanceFileName is the file name of one filling: the template's 文件名
// for a first round, its 后续文件名 for the others, {轮次} replaced by the
// vote's name, {机构} by the body's label, {职务} by the posts it elects,
// {工作报告} by its report's name.
func instanceFileName(t *Template, in instance) string {
	name := t.FileName
	if in.round.Kind != election.KindFirst && t.RoundFileName != "" {
		name = t.RoundFileName
	}
	return strings.NewReplacer("{轮次}", in.round.Word, "{机构}", in.body.Label, "{职务}", in.body.Posts(),
		"{工作报告}", in.body.ReportName).Replace(name)
}

// A File is one file the templates give for an election: the template,
// the body it is filled for (election.BodyCommittee…) and the file name
// part, as Plan names it ("纪委委员另行选举选票").
type File struct {
	Template *Template
	Body     string
	Name     string
}

// Files lists the files tmpls give for e, in the order Plan fills them:
// per body and per round where a template asks, whether or not the data
// allow the document yet.
func Files(e *election.Election, tmpls []*Template) []File {
	v := newView(e, false)
	var out []File
	for _, t := range tmpls {
		for _, in := range instances(t, v) {
			out = append(out, File{Template: t, Body: in.body.Key, Name: instanceFileName(t, in)})
		}
	}
	return out
}

// instanceKey names one filling uniquely (Output.Key).
func instanceKey(t *Template, in instance) string {
	key := strings.TrimSuffix(t.File, ".tmpl")
	if perBody(t) && in.body.Label != "" {
		key += "-" + in.body.Label
	}
	if t.RoundFileName != "" && in.round.Word != "" {
		key += "-" + in.round.Word
	}
	return key
}

// WriteInCells is how many 另选他人 cells the ballot of the round being
// filled has: none in a re-vote (only the tied can be voted for), else
// [ballot] writeins, else as many as the round's seats.
func (v *View) WriteInCells() int {
	switch {
	case v.Round.IsRevote():
		return 0
	case v.File.Ballot.WriteIns > 0:
		return v.File.Ballot.WriteIns
	}
	return v.Round.Seats
}

// SignersView is who signs a counting form: the 总监票人 when the file
// names one, the other 监票人, the 计票人 (empty lists: blanks to fill).
type SignersView struct {
	Chief       string
	Scrutineers []string
	Tellers     []string
}

// Signers are the signers of the 党员大会's forms, from [meeting].
func (v *View) Signers() SignersView {
	m := v.Meeting
	if m == nil {
		return SignersView{}
	}
	s := SignersView{Chief: m.ChiefScrutineer, Tellers: m.Tellers}
	for _, n := range m.Scrutineers {
		if n != m.ChiefScrutineer {
			s.Scrutineers = append(s.Scrutineers, n)
		}
	}
	return s
}
