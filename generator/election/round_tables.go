package election

import "fmt"

// Revotes is [meeting.revote]: one table, or [[meeting.revote]] when a
// re-vote ties again and is held once more.
type Revotes []Revote

// AnotherRounds is [meeting.another_round]: one table, or
// [[meeting.another_round]] when a 另行选举 leaves seats open and a second
// one is held.
type AnotherRounds []Round

func (rs *Revotes) decodeTOML(d *decoder, path string, v any) {
	decodeOneOrMany(d, path, v, (*[]Revote)(rs), func(r *Revote, p string) { r.path = p })
}

func (rs *AnotherRounds) decodeTOML(d *decoder, path string, v any) {
	decodeOneOrMany(d, path, v, (*[]Round)(rs), func(r *Round, p string) { r.path = p })
}

// decodeOneOrMany reads a table ([a.b]) as a list of one, or an array of
// tables ([[a.b]]) as a list, remembering each table's path (a.b or
// a.b[i]) for positions.
func decodeOneOrMany[T any](d *decoder, path string, v any, out *[]T, setPath func(*T, string)) {
	if m, ok := v.(map[string]any); ok {
		var r T
		d.decodeStruct(path, m, &r)
		setPath(&r, path)
		*out = []T{r}
		return
	}
	arr, ok := asArray(v)
	if !ok {
		d.typeError(path, v, fmt.Sprintf("表（[%s]），或表数组（[[%s]]，每次投票一个）", stripIndex(path), stripIndex(path)))
		return
	}
	for i, el := range arr {
		p := fmt.Sprintf("%s[%d]", path, i)
		m, ok := el.(map[string]any)
		if !ok {
			d.typeError(p, el, "表")
			continue
		}
		var r T
		d.decodeStruct(p, m, &r)
		setPath(&r, p)
		*out = append(*out, r)
	}
}

// Round kinds, as `results --json` names them.
const (
	KindFirst   = "first"
	KindRevote  = "revote"
	KindAnother = "another"
)

// RoundData is one vote as the file records it, whatever its kind: the first
// round in [meeting], a re-vote, a 另行选举. Seats and Candidates are as
// written (zero or empty when left to their defaults).
type RoundData struct {
	Kind            string
	Path            string // TOML path of its table: "meeting", "meeting.revote", "meeting.another_round[1]"…
	Seats           int
	Candidates      []string
	Present         int
	BallotsIssued   int
	BallotsReturned int
	BallotsInvalid  int
	Votes           map[string]int
	Against         map[string]int
	Abstain         map[string]int
	WriteIns        []WriteIn
}

// Rounds lists the votes the meeting recorded, in the order they were
// held: the first round, its re-votes, then each 另行选举 followed by its
// own re-votes. path is the meeting's table: "meeting", or
// "discipline.meeting" for the 纪委's vote.
func (m *Meeting) Rounds(path string) []RoundData {
	out := []RoundData{{Kind: KindFirst, Path: path, Present: m.Present, BallotsIssued: m.BallotsIssued,
		BallotsReturned: m.BallotsReturned, BallotsInvalid: m.BallotsInvalid, Votes: m.Votes, Against: m.Against,
		Abstain: m.Abstain, WriteIns: m.WriteIns}}
	revotes := func(rs Revotes) {
		for _, r := range rs {
			out = append(out, RoundData{Kind: KindRevote, Path: r.path, Seats: r.Seats, Candidates: r.Candidates,
				Present: r.Present, BallotsIssued: r.BallotsIssued, BallotsReturned: r.BallotsReturned,
				BallotsInvalid: r.BallotsInvalid, Votes: r.Votes, Against: r.Against, Abstain: r.Abstain})
		}
	}
	revotes(m.Revote)
	for _, r := range m.AnotherRound {
		out = append(out, RoundData{Kind: KindAnother, Path: r.path, Seats: r.Seats, Candidates: r.Candidates,
			Present: r.Present, BallotsIssued: r.BallotsIssued, BallotsReturned: r.BallotsReturned,
			BallotsInvalid: r.BallotsInvalid, Votes: r.Votes, Against: r.Against, Abstain: r.Abstain, WriteIns: r.WriteIns})
		revotes(r.Revote)
	}
	return out
}

// field is the TOML path of one key of the round's table.
func (b *RoundData) field(key string) string { return b.Path + "." + key }
