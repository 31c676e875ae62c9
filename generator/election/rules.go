package election

import (
	"fmt"
	"strings"
)

// Profiles.
const (
	ProfileParty     = "party-2020"
	ProfileVillage   = "village"
	ProfileResidents = "residents"
)

// Kinds of organisation.
const (
	KindBranch        = "party-branch"
	KindGeneralBranch = "party-general-branch"
	KindCommittee     = "party-committee"
	KindVillage       = "village-committee"
	KindResidents     = "residents-committee"
)

// Rules is the `rules` key: either a profile name (rules = "party-2020", as
// in the normative sample) or a table [rules] with `profile` and any of the
// settings below. Every [U] item of domain.md is a setting here; the zero
// value of a setting means "the profile's default" (see Defaults).
type Rules struct {
	Profile              string   `toml:"profile"`
	QuorumRatio          Fraction `toml:"quorum_ratio"`           // present ≥ expected × ratio; "4/5"
	QuorumStrict         bool     `toml:"quorum_strict"`          // true: present > expected × ratio
	MarginMinRatio       *float64 `toml:"margin_min_ratio"`       // 差额 at least this share of seats, rounded up; 0.20
	ThresholdBase        string   `toml:"threshold_base"`         // "expected" (应到会) | "present" (实到会)
	SecretaryMode        string   `toml:"secretary_mode"`         // "equal" (等额) | "competitive" (差额)
	WriteinWithoutCircle string   `toml:"writein_without_circle"` // "void_part" | "abstain" | "count_yes"
	BallotSerials        bool     `toml:"ballot_serials"`         // must stay false
	BallotSealBox        *bool    `toml:"ballot_seal_box"`        // print a 印章 box on ballots; true
	RequestContactNote   *bool    `toml:"request_contact_note"`   // 附注 on 请示; true
	FirstMeetingQuorum   Fraction `toml:"first_meeting_quorum"`   // "4/5"
	CommitteeMin         int      `toml:"committee_min"`          // by kind: branch 3
	CommitteeMax         int      `toml:"committee_max"`          // by kind: branch 7
	MinFullMembers       int      `toml:"min_full_members"`       // a committee needs this many 正式党员; 7
	DisciplineMin        int      `toml:"discipline_min"`         // 纪律检查委员会 size: 3
	DisciplineMax        int      `toml:"discipline_max"`         // 纪律检查委员会 size: 7
	OddCommittee         *bool    `toml:"odd_committee"`          // warn on an even committee size; true
	AnotherRoundMode     string   `toml:"another_round_mode"`     // 另行选举: "competitive" | "equal"
	RevoteTopWins        bool     `toml:"revote_top_wins"`        // in a tie re-vote the top wins without the half threshold
	TurnoutRatio         Fraction `toml:"turnout_ratio"`          // village/residents: turnout above this share of registered; "1/2"
	AnotherRoundMin      Fraction `toml:"another_round_min"`      // village/residents: 另行选举 winner needs at least this share of ballots; "1/3"
	NoticeDays           int      `toml:"notice_days"`            // 公示期 in working days; 5
	// TermToleranceMonths: a meeting more than this many months after the
	// term ends (or before it) is a delayed (early) election, which needs
	// the higher organisation's approval (条例第三条); 3.
	TermToleranceMonths *int `toml:"term_tolerance_months"`
}

func (r *Rules) decodeTOML(d *decoder, path string, v any) {
	switch x := v.(type) {
	case string:
		r.Profile = x
	case map[string]any:
		d.decodeStruct(path, x, r)
	default:
		d.typeError(path, v, `规则名（如 "party-2020"）或 [rules] 表`)
	}
}

// Settings are the rules in force after defaults are applied.
type Settings struct {
	Profile              string
	QuorumRatio          Fraction
	QuorumStrict         bool
	MarginMinRatio       float64
	ThresholdBase        string
	SecretaryMode        string
	WriteinWithoutCircle string
	BallotSealBox        bool
	RequestContactNote   bool
	FirstMeetingQuorum   Fraction
	CommitteeMin         int
	CommitteeMax         int
	MinFullMembers       int
	DisciplineMin        int
	DisciplineMax        int
	OddCommittee         bool
	AnotherRoundMode     string
	RevoteTopWins        bool
	TurnoutRatio         Fraction
	AnotherRoundMin      Fraction
	NoticeDays           int
	TermToleranceMonths  int
}

// IsParty reports whether the profile is a Party one.
func (s Settings) IsParty() bool { return s.Profile == ProfileParty }

// MarginCandidates is the least number of candidates for seats: seats plus
// the margin ratio of seats, rounded up (进一法). Village and residents
// profiles need only more candidates than seats.
func (s Settings) MarginCandidates(seats int) int {
	if seats <= 0 {
		return 0
	}
	if !s.IsParty() {
		return seats + 1
	}
	// ceil(seats × ratio) in integer arithmetic on a per-mille ratio, so
	// 0.2 × 5 is exactly 1 and not 1.0000000002.
	pm := int(s.MarginMinRatio*1000 + 0.5)
	extra := (seats*pm + 999) / 1000
	if extra < 1 {
		extra = 1
	}
	return seats + extra
}

// QuorumRequired is the least attendance that makes a meeting of
// `expected` voters valid.
func QuorumRequired(expected int, ratio Fraction, strict bool) int {
	if ratio.Den == 0 {
		return 0
	}
	// ≥: present*den >= expected*num ; >: present*den > expected*num
	p := (expected*ratio.Num + ratio.Den - 1) / ratio.Den
	if strict && p*ratio.Den == expected*ratio.Num {
		p++
	}
	return p
}

// MoreThanHalf is the least number above half of n (n*2 < 2v).
func MoreThanHalf(n int) int { return n/2 + 1 }

// settingsFor applies the profile's defaults to the file's rules.
func settingsFor(f *File) Settings {
	r := f.Rules
	s := Settings{
		Profile:              r.Profile,
		QuorumRatio:          r.QuorumRatio,
		QuorumStrict:         r.QuorumStrict,
		ThresholdBase:        r.ThresholdBase,
		SecretaryMode:        r.SecretaryMode,
		WriteinWithoutCircle: r.WriteinWithoutCircle,
		BallotSealBox:        true,
		RequestContactNote:   true,
		FirstMeetingQuorum:   r.FirstMeetingQuorum,
		CommitteeMin:         r.CommitteeMin,
		CommitteeMax:         r.CommitteeMax,
		MinFullMembers:       r.MinFullMembers,
		DisciplineMin:        r.DisciplineMin,
		DisciplineMax:        r.DisciplineMax,
		OddCommittee:         true,
		AnotherRoundMode:     r.AnotherRoundMode,
		RevoteTopWins:        r.RevoteTopWins,
		TurnoutRatio:         r.TurnoutRatio,
		AnotherRoundMin:      r.AnotherRoundMin,
		NoticeDays:           r.NoticeDays,
		MarginMinRatio:       0.20,
		TermToleranceMonths:  3,
	}
	if r.TermToleranceMonths != nil {
		s.TermToleranceMonths = *r.TermToleranceMonths
	}
	switch s.Profile {
	case ProfileParty, ProfileVillage, ProfileResidents:
	default:
		// An unknown profile is an error of its own (checkRulesTable);
		// the file is checked meanwhile by the Party rules it most likely
		// means, not by a village's.
		s.Profile = ProfileParty
	}
	if r.MarginMinRatio != nil {
		s.MarginMinRatio = *r.MarginMinRatio
	}
	if r.BallotSealBox != nil {
		s.BallotSealBox = *r.BallotSealBox
	}
	if r.RequestContactNote != nil {
		s.RequestContactNote = *r.RequestContactNote
	}
	if r.OddCommittee != nil {
		s.OddCommittee = *r.OddCommittee
	}
	def := func(fr *Fraction, n, d int) {
		if fr.IsZero() {
			*fr = Fraction{n, d}
		}
	}
	defS := func(p *string, v string) {
		if *p == "" {
			*p = v
		}
	}
	defI := func(p *int, v int) {
		if *p == 0 {
			*p = v
		}
	}
	def(&s.QuorumRatio, 4, 5)
	def(&s.FirstMeetingQuorum, 4, 5)
	def(&s.TurnoutRatio, 1, 2)
	def(&s.AnotherRoundMin, 1, 3)
	defS(&s.ThresholdBase, "expected")
	defS(&s.SecretaryMode, "equal")
	defS(&s.WriteinWithoutCircle, "void_part")
	defS(&s.AnotherRoundMode, "competitive")
	defI(&s.MinFullMembers, 7)
	defI(&s.NoticeDays, 5)
	if s.Profile != ProfileParty {
		// 村民委员会组织法 第十五条: more than half of the registered vote;
		// elected with more than half of the ballots cast.
		s.QuorumStrict = r.QuorumStrict || r.QuorumRatio.IsZero()
		if r.QuorumRatio.IsZero() {
			s.QuorumRatio = s.TurnoutRatio
		}
		s.ThresholdBase = "present"
	}
	k := KindOf(f.Kind, false)
	defI(&s.CommitteeMin, k.Min)
	defI(&s.CommitteeMax, k.Max)
	defI(&s.DisciplineMin, 3)
	defI(&s.DisciplineMax, 7)
	return s
}

// checkRulesTable validates the settings' enumerations.
func checkRulesTable(l *Loaded, add func(level, code, field string, msg string)) {
	r := l.File.Rules
	switch r.Profile {
	case "", ProfileParty, ProfileVillage, ProfileResidents:
	default:
		add(LevelError, "rules", "rules", fmt.Sprintf("不认识的规则 %q；可用的有 party-2020（党组织）、village（村民委员会）、residents（居民委员会）", r.Profile))
	}
	enum := func(field, v string, allowed ...string) {
		if v == "" {
			return
		}
		for _, a := range allowed {
			if v == a {
				return
			}
		}
		msg := fmt.Sprintf("rules.%s 的值 %q 无效；可用的值有：%s", field, v, strings.Join(allowed, "、"))
		if s := nearest(v, allowed); s != "" {
			msg += fmt.Sprintf("，是否应为 %s？", s)
		}
		add(LevelError, "rules", "rules."+field, msg)
	}
	enum("threshold_base", r.ThresholdBase, "expected", "present")
	enum("secretary_mode", r.SecretaryMode, "equal", "competitive")
	enum("writein_without_circle", r.WriteinWithoutCircle, "void_part", "abstain", "count_yes")
	enum("another_round_mode", r.AnotherRoundMode, "competitive", "equal")
	if r.BallotSerials {
		add(LevelError, "rules", "rules.ballot_serials", "选票不得印制编号或任何可识别投票人的标记（否则选票可被认定为废票）；请删除 ballot_serials 或设为 false")
	}
	if t := r.TermToleranceMonths; t != nil && (*t < 0 || *t > 24) {
		add(LevelError, "rules", "rules.term_tolerance_months", fmt.Sprintf("rules.term_tolerance_months（任期届满前后多少个月内换届不算提前或延期）应在0到24之间，现为%d", *t))
	}
	if r.MarginMinRatio != nil && (*r.MarginMinRatio <= 0 || *r.MarginMinRatio > 1) {
		add(LevelError, "rules", "rules.margin_min_ratio", fmt.Sprintf("rules.margin_min_ratio 应在 0 到 1 之间（如 0.2 表示差额不少于20%%），现为 %g", *r.MarginMinRatio))
	}
}
