package district

import (
	"strconv"
	"strings"

	"huanjie/generator/election"
)

// Kinds of Cell.
const (
	Text    = iota // a label
	Count          // a whole number
	Ratio          // a percentage (Num is in percent: 32.7)
	Decimal        // a figure with one decimal (an average age)
	Change         // a change in percentage points or years, signed
)

// Cell is one cell of a statistics table: a label, or a number with the
// kind that says how to write it. An empty cell is Text "".
type Cell struct {
	Kind int
	Text string
	Num  float64
}

// String writes the cell as the documents do.
func (c Cell) String() string {
	switch c.Kind {
	case Count:
		return strconv.Itoa(int(c.Num))
	case Ratio:
		return election.Pct(c.Num)
	case Decimal:
		return election.One(c.Num)
	case Change:
		if c.Num > 0 {
			return "+" + election.One(c.Num)
		}
		return election.One(c.Num)
	}
	return c.Text
}

// Label, Int, DecimalCell, ChangeCell and PercentCell make cells.
func Label(s string) Cell        { return Cell{Kind: Text, Text: s} }
func Int(n int) Cell             { return Cell{Kind: Count, Num: float64(n)} }
func DecimalCell(x float64) Cell { return Cell{Kind: Decimal, Num: election.Round1(x)} }
func ChangeCell(x float64) Cell  { return Cell{Kind: Change, Num: election.Round1(x)} }
func PercentCell(p float64) Cell { return Cell{Kind: Ratio, Num: election.Round1(p)} }
func ratioCell(n, d int) Cell    { p, ok := election.PercentOf(n, d); return cellIf(ok, PercentCell(p)) }
func cellIf(ok bool, c Cell) Cell {
	if !ok {
		return Label("")
	}
	return c
}

// Table is one statistics table: a title, a header row and rows.
type Table struct {
	Title  string
	Header []string
	Rows   [][]Cell
	// Note is a line under the table (what the figures cover), "" for none.
	Note string
}

// Tables are the statistics tables of the 汇总, in order: the new
// committees, the 书记, the elections.
func (s *Stats) Tables() []Table {
	return []Table{s.committeeTable(), s.secretaryTable(), s.electionTable()}
}

// groupRows are the rows every group table has: sex, ethnicity and age
// bands; women and minorities carry their comparison with the previous
// term when there is one.
func groupRows(g Group, row func(label string, n int, before *Compared) []Cell, women, minorities *Compared) [][]Cell {
	rows := [][]Cell{
		row("男", g.Men, nil),
		row("女", g.Women, women),
		row("汉族", g.Han, nil),
		row("少数民族", g.Minorities, minorities),
	}
	for i, l := range BandLabels {
		rows = append(rows, row(l, g.Bands[i], nil))
	}
	return rows
}

func (s *Stats) committeeTable() Table {
	g := s.Committee
	row := func(label string, n int, before *Compared) []Cell {
		r := []Cell{Label(label), Int(n), ratioCell(n, g.Count), Label(""), Label("")}
		if before != nil {
			r[3], r[4] = PercentCell(before.Before), ChangeCell(before.Delta())
		}
		return r
	}
	rows := [][]Cell{{Label("委员总数"), Int(g.Count), cellIf(g.Count > 0, PercentCell(100)), Label(""), Label("")}}
	rows = append(rows, groupRows(g, row, s.WomenBefore, s.MinoritiesBefore)...)
	age := []Cell{Label("平均年龄（岁）"), Label(""), cellIf(g.AgesKnown > 0, DecimalCell(g.AverageAge())), Label(""), Label("")}
	if b := s.AgeBefore; b != nil {
		age[3], age[4] = DecimalCell(b.Before), ChangeCell(b.Delta())
	}
	rows = append(rows, age,
		row("大专及以上学历", g.College, s.CollegeBefore),
		row("本科及以上学历", g.Bachelor, s.BachelorBefore),
		row("连任", g.Reelected, nil),
		row("新进", g.Newcomers, nil))
	return Table{
		Title:  "新一届委员会委员结构",
		Header: []string{"项目", "人数", "占比", "换届前", "增减"},
		Rows:   rows,
		Note:   s.coverNote(),
	}
}

func (s *Stats) secretaryTable() Table {
	g := s.Secretaries
	row := func(label string, n int, _ *Compared) []Cell {
		return []Cell{Label(label), Int(n), ratioCell(n, g.Count)}
	}
	rows := [][]Cell{{Label("书记总数"), Int(g.Count), cellIf(g.Count > 0, PercentCell(100))}}
	rows = append(rows, groupRows(g, row, nil, nil)...)
	rows = append(rows,
		row("45岁及以下", g.UpTo45(), nil),
		[]Cell{Label("平均年龄（岁）"), Label(""), cellIf(g.AgesKnown > 0, DecimalCell(g.AverageAge()))},
		row("大专及以上学历", g.College, nil),
		row("本科及以上学历", g.Bachelor, nil),
		row("连任书记", g.Count-s.NewSecretaries.Count, nil),
		row("新任书记", s.NewSecretaries.Count, nil),
		[]Cell{Label("新任书记平均年龄（岁）"), Label(""), cellIf(s.NewSecretaries.AgesKnown > 0, DecimalCell(s.NewSecretaries.AverageAge()))},
		[]Cell{Label("“一肩挑”（村、社区）"), Int(s.OneShoulder), ratioCell(s.OneShoulder, s.OneShoulderBase)},
	)
	return Table{
		Title:  "新当选书记情况",
		Header: []string{"项目", "人数", "占比"},
		Rows:   rows,
		Note:   "“一肩挑”的占比以村、社区党组织书记为基数；新任书记指换届前未任本组织书记的。",
	}
}

func (s *Stats) electionTable() Table {
	ex := func(label string, x Extremes) [][]Cell {
		if x.Den == 0 {
			return nil
		}
		return [][]Cell{
			{Label(label + "（最低）"), PercentCell(x.Lowest), Label(x.LowestOrg)},
			{Label(label + "（最高）"), PercentCell(x.Highest), Label(x.HighestOrg)},
			{Label(label + "（总体）"), PercentCell(x.Overall()), Label("")},
		}
	}
	rows := [][]Cell{
		{Label("统计的党组织"), Int(s.Elections), Label("")},
		{Label("已完成选举"), Int(s.Complete), Label("")},
		{Label("其中一次选举成功"), Int(s.FirstRound), Label("")},
		{Label("其中经再次投票选足"), Int(s.Revoted), Label("")},
		{Label("其中经另行选举选足"), Int(s.AnotherRound), Label("")},
		{Label("其中经同意减少名额"), Int(s.Reduced), Label("")},
		{Label("已开会但选举未完成"), Int(s.Pending), Label("")},
		{Label("尚未召开党员大会"), Int(s.NotHeld), Label("")},
		{Label("数据有错误"), Int(s.Errors), Label("")},
	}
	rows = append(rows, ex("参会率", s.Attendance)...)
	rows = append(rows, ex("差额比例", s.Margin)...)
	return Table{
		Title:  "选举情况",
		Header: []string{"项目", "数值", "党组织"},
		Rows:   rows,
		Note:   "参会率为实到会人数占应到会有选举权人数的比例；差额比例为候选人多于应选人数的部分占应选人数的比例。",
	}
}

// coverNote says what the committee comparison covers when not every
// complete election gives its [previous].
func (s *Stats) coverNote() string {
	const unit = "增减：占比为百分点，平均年龄为岁。"
	switch n := s.ComparedElections(); {
	case n == 0:
		return "各党组织均未填写换届前情况（[previous]），不作比较。"
	case n < s.Complete:
		return unit + "换届前情况和增减按填写了换届前情况的" + strconv.Itoa(n) + "个党组织计算。"
	}
	return unit
}

// ElectionHeader is the header of the one-row-per-election table; Row
// gives the cells in this order.
var ElectionHeader = []string{
	"党组织", "简称", "组织类型", "单位类型", "上届选举日期", "任期届满", "党员大会日期",
	"应到", "实到", "参会率", "应选", "候选人", "差额", "差额比例", "当选", "书记",
	"女性委员", "平均年龄", "大专及以上", "本科及以上", "连任", "新进", "选举结果", "文件",
}

// byHeader puts cells named by header into ElectionHeader's order (a
// column not named is empty).
func byHeader(cells map[string]Cell) []Cell {
	row := make([]Cell, len(ElectionHeader))
	for i, h := range ElectionHeader {
		row[i] = cells[h]
	}
	return row
}

// Row is the one-row-per-election line of an election. file is the path
// the batch read it from.
func Row(file string, e *election.Election) []Cell { return byHeader(RowCells(file, e)) }

// RowCells is Row by column name.
func RowCells(file string, e *election.Election) map[string]Cell {
	f := &e.File
	date := func(d *election.Date) Cell {
		if d == nil {
			return Label("")
		}
		return Label(d.ISO())
	}
	meet := f.Plan.MeetingDate
	if f.Meeting != nil && f.Meeting.Date != nil {
		meet = f.Meeting.Date
	}
	seats := e.Seats()
	c := map[string]Cell{
		"文件": Label(file), "党组织": Label(f.Organization.Name), "简称": Label(Short(e)),
		"组织类型": Label(election.KindLabel(f.Kind)), "单位类型": Label(election.UnitLabel(e.Unit())),
		"上届选举日期": date(f.Organization.ElectedOn), "党员大会日期": date(meet),
		"应到": Int(e.Expected), "应选": Int(seats), "候选人": Int(len(f.Candidates)), "差额": Int(e.Margin()),
		"差额比例": ratioCell(e.Margin(), seats), "选举结果": Label(ResultText(e)),
	}
	if d, ok := e.TermEnd(); ok {
		c["任期届满"] = Label(d.ISO())
	}
	if r := e.Result; r != nil {
		g := elected(e)
		c["实到"], c["参会率"] = Int(r.Quorum.Present), ratioCell(r.Quorum.Present, r.Quorum.Expected)
		c["当选"], c["书记"], c["女性委员"] = Int(g.Count), Label(r.Secretary), Int(g.Women)
		c["平均年龄"] = cellIf(g.AgesKnown > 0, DecimalCell(g.AverageAge()))
		c["大专及以上"], c["本科及以上"], c["连任"], c["新进"] = Int(g.College), Int(g.Bachelor), Int(g.Reelected), Int(g.Newcomers)
	}
	return c
}

// TotalsRow sums the election rows: counts added, ratios over the sums,
// the average age over every age known.
func (s *Stats) TotalsRow(es []*election.Election) []Cell {
	var expected, present, presentBase, seats, cands, secretaries int
	var g Group
	for _, e := range es {
		expected += e.Expected
		seats += e.Seats()
		cands += len(e.File.Candidates)
		if r := e.Result; r != nil {
			present += r.Quorum.Present
			presentBase += r.Quorum.Expected
			g = sum(g, elected(e))
			if r.Secretary != "" {
				secretaries++
			}
		}
	}
	return byHeader(map[string]Cell{
		"党组织": Label("合计（" + strconv.Itoa(len(es)) + "个党组织）"),
		"应到":  Int(expected), "实到": Int(present), "参会率": ratioCell(present, presentBase),
		"应选": Int(seats), "候选人": Int(cands), "差额": Int(cands - seats), "差额比例": ratioCell(cands-seats, seats),
		"当选": Int(g.Count), "书记": Int(secretaries), "女性委员": Int(g.Women), "平均年龄": cellIf(g.AgesKnown > 0, DecimalCell(g.AverageAge())),
		"大专及以上": Int(g.College), "本科及以上": Int(g.Bachelor), "连任": Int(g.Reelected), "新进": Int(g.Newcomers),
		"选举结果": Label(strconv.Itoa(s.Complete) + "个已完成"),
	})
}

// ResultText says where an election stands, in Chinese.
func ResultText(e *election.Election) string {
	r := e.Result
	switch {
	case len(e.Findings.DataErrors()) > 0:
		return "数据有错误"
	case e.File.Meeting == nil:
		return "尚未选举"
	case r == nil:
		return "数据有错误"
	}
	switch r.Status {
	case election.StatusComplete:
		switch Path(r) {
		case PathReduced:
			return "选举完成（减少名额" + strconv.Itoa(r.Reduced()) + "名）"
		case PathAnother:
			return "选举完成（经另行选举）"
		case PathRevote:
			return "选举完成（经再次投票）"
		}
		return "选举完成"
	case election.StatusRevote:
		return "需再次投票：" + strings.Join(r.Revote, "、")
	case election.StatusAnotherRound:
		return "需另行选举" + strconv.Itoa(r.UnfilledSeats) + "名"
	case election.StatusInvalidMeet:
		return "到会人数不足，会议无效"
	case election.StatusInvalidElect:
		return "收回选票多于发出，选举无效"
	}
	return r.Status
}
