package main

import (
	"bytes"
	"crypto/sha1"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/rivo/uniseg"

	"huanjie/generator/district"
	"huanjie/generator/election"
	"huanjie/generator/ics"
	"huanjie/internal/report"
)

// dueJSON is one element of `due --json` (contract.md); term_start and
// term_years are added.
type dueJSON struct {
	File         string `json:"file"`
	Organization string `json:"organization"`
	TermEnd      string `json:"term_end"`
	Status       string `json:"status"`
	TermStart    string `json:"term_start"`
	TermYears    int    `json:"term_years"`
}

type dueItem struct {
	dueJSON
	e    *election.Election
	term district.Term
}

var dueLabel = map[string]string{district.DueOverdue: "已届满", district.DueSoon: "即将届满", district.DueOK: "未到期"}

// china is the offices' time zone (alarms ring at 9:00 there; the
// default --on is today there).
var china = time.FixedZone("CST", 8*3600)

func cmdDue(args []string, stdout, stderr io.Writer) int {
	f := newFlags()
	onArg := f.String("--on", "")
	within := f.String("--within", "6m")
	asJSON := f.Bool("--json")
	icsPath := f.String("--ics", "")
	if err := f.parse(args); err != nil {
		return usageError(stderr, "due", err)
	}
	files, code := electionFiles("due", f.args, stderr)
	if code >= 0 {
		return code
	}
	now := time.Now().In(china)
	on := election.Date{Year: now.Year(), Month: int(now.Month()), Day: now.Day()}
	if *onArg != "" {
		d, err := parseDay(*onArg)
		if err != nil {
			return usageError(stderr, "due", err)
		}
		on = d
	}
	w, err := district.ParseWindow(*within)
	if err != nil {
		return usageError(stderr, "due", err)
	}
	until := w.After(on)
	items, problems := dueItems(files, on, until)
	if *icsPath != "" {
		var buf bytes.Buffer
		ics.Write(&buf, "党组织任期届满提醒", dueEvents(items)) // a buffer takes every write
		if err := os.WriteFile(*icsPath, buf.Bytes(), 0o644); err != nil {
			fmt.Fprintf(stderr, "huanjie due：无法写入 %s；请检查路径和权限\n", *icsPath)
			return exitData
		}
	}
	if *asJSON {
		list := make([]dueJSON, len(items))
		for i, it := range items {
			list[i] = it.dueJSON
		}
		report.WriteJSON(stdout, list)
	} else {
		fmt.Fprint(stdout, dueReport(items, on, until, w))
		if *icsPath != "" {
			fmt.Fprintf(stdout, "已生成 %s（%d个党组织的任期届满日，各在届满前6个月、3个月提醒）\n", *icsPath, len(items))
		}
	}
	for _, p := range problems {
		fmt.Fprintf(stderr, "huanjie due：%s\n", p)
	}
	if len(problems) > 0 {
		return exitData
	}
	return exitOK
}

// parseDay reads --on: 2024-07-18 (also with / or .).
func parseDay(s string) (election.Date, error) {
	t, err := time.Parse("2006-01-02", strings.NewReplacer("/", "-", ".", "-").Replace(strings.TrimSpace(s)))
	if err != nil {
		return election.Date{}, fmt.Errorf("--on 的日期 %q 看不懂；请写成 2024-07-18", s)
	}
	return election.Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}, nil
}

func dueItems(files []string, on, until election.Date) ([]dueItem, []string) {
	var items []dueItem
	var problems []string
	for _, f := range files {
		e, err := election.Load(f)
		if err != nil {
			problems = append(problems, err.Error())
			continue
		}
		t, ok := district.TermOn(e, on)
		if !ok {
			problems = append(problems, fmt.Sprintf("%s：缺少 [organization] 的 elected_on（本届委员会选举产生的日期），无法计算任期届满时间", f))
			continue
		}
		items = append(items, dueItem{e: e, term: t, dueJSON: dueJSON{
			File: f, Organization: e.File.Organization.Name, TermEnd: t.End.ISO(),
			Status: district.DueStatus(t.End, on, until), TermStart: t.Start.ISO(), TermYears: t.Years}})
	}
	return items, problems
}

// dueReport lists the terms ended or ending within the window, soonest
// first.
func dueReport(items []dueItem, on, until election.Date, w district.Window) string {
	var b strings.Builder
	var list []dueItem
	for _, it := range items {
		if it.Status != district.DueOK {
			list = append(list, it)
		}
	}
	sort.SliceStable(list, func(i, j int) bool { return list[i].TermEnd < list[j].TermEnd })
	fmt.Fprintf(&b, "截至%s，任期已满或将在%s内（%s前）届满的党组织：", on.Chinese(), w.Chinese(), until.Chinese())
	if len(list) == 0 {
		b.WriteString("无。\n")
	} else {
		b.WriteString("\n\n")
		rows := [][]string{{"届满日期", "状态", "党组织", "任期", "文件"}}
		for _, it := range list {
			rows = append(rows, []string{it.TermEnd, dueLabel[it.Status], district.Short(it.e), fmt.Sprintf("%d年，%s选举产生", it.term.Years, it.term.Start.Chinese()), it.File})
		}
		writeColumns(&b, rows)
	}
	if n := len(items) - len(list); n > 0 {
		fmt.Fprintf(&b, "\n另有%d个党组织任期在%s以后届满。\n", n, until.Chinese())
	}
	return b.String()
}

// writeColumns writes rows as columns aligned by terminal width.
func writeColumns(b *strings.Builder, rows [][]string) {
	widths := make([]int, len(rows[0])-1)
	for _, row := range rows {
		for c := range widths {
			widths[c] = max(widths[c], uniseg.StringWidth(row[c]))
		}
	}
	for _, row := range rows {
		for c, cell := range row {
			b.WriteString(cell)
			if c < len(widths) {
				b.WriteString(strings.Repeat(" ", widths[c]-uniseg.StringWidth(cell)+2))
			}
		}
		b.WriteByte('\n')
	}
}

// dueEvents is one all-day event per organisation at its term end, with
// alarms at 9:00 six and three months before.
func dueEvents(items []dueItem) []ics.Event {
	var out []ics.Event
	for _, it := range items {
		t := it.term
		short := district.Short(it.e)
		end := t.End.Time()
		sum := sha1.Sum([]byte(it.Organization + "|" + t.Start.ISO()))
		ev := ics.Event{
			UID:     fmt.Sprintf("%x@huanjie", sum[:10]),
			Stamp:   t.Start.Time(),
			Day:     end,
			Summary: short + "任期届满",
			Description: fmt.Sprintf("%s于%s选举产生，任期%d年，%s届满。请提前向上级党组织请示换届。（数据文件：%s）",
				it.Organization, t.Start.Chinese(), t.Years, t.End.Chinese(), it.File),
		}
		for _, months := range []int{6, 3} {
			d := t.End.AddMonths(-months)
			ev.Alarms = append(ev.Alarms, ics.Alarm{
				At:          time.Date(d.Year, time.Month(d.Month), d.Day, 9, 0, 0, 0, china),
				Description: fmt.Sprintf("%s任期将于%s届满（还有%d个月），请着手准备换届", short, t.End.Chinese(), months),
			})
		}
		out = append(out, ev)
	}
	return out
}
