// Package build turns an analysed election into documents: it fills the
// templates, reads their markup into the document model and hands the
// model to the renderers. It knows no layout and writes no document text
// itself: the words are in the templates.
package build

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"huanjie/generator/doc"
	"huanjie/generator/docx"
	"huanjie/generator/election"
	"huanjie/generator/fontset"
	"huanjie/generator/markup"
	"huanjie/generator/pdf"
)

// Options for Build.
type Options struct {
	Out           string   // output directory
	Formats       []string // "pdf", "docx"
	Only          []string // document names; empty = every document whose data are there
	Draft         bool     // build result documents for an invalid election, stamped 草稿
	TemplatesDir  string
	FontsDir      string
	NoSystemFonts bool
	Copies        int // --copies: copies of each ballot; 0 = the template's default
}

// Refusal is a build refused for the data (exit 1).
type Refusal struct {
	Msg      string
	document bool // a document the data do not allow (missing data, the outcome)
}

func (r *Refusal) Error() string { return r.Msg }

// UsageError is a build refused for its options (exit 2).
type UsageError struct {
	Msg   string
	fonts bool // the folder of fonts is unusable
}

func (u *UsageError) Error() string { return u.Msg }

// Output is one rendered file.
type Output struct {
	Name string // document name (request…)
	Path string
	Data []byte
}

// Plan renders every document requested into memory; nothing is written.
// notes receives one Chinese line per document skipped for lack of data.
// It refuses for exactly what Check reports, in the same words.
func Plan(e *election.Election, opt Options, notes io.Writer) ([]Output, error) {
	p, err := prepare(e, opt)
	if err != nil {
		return nil, err
	}
	if errs := p.dataErrors(); len(errs) > 0 {
		return nil, dataRefusal(e, errs)
	}
	jobs, found, err := p.fill(notes)
	if err != nil {
		return nil, err
	}
	if len(found) > 0 {
		return nil, dataRefusal(e, found)
	}
	renderAll(jobs, p.fs)
	if found := p.renderFindings(jobs); len(found) > 0 {
		return nil, dataRefusal(e, found)
	}
	for _, j := range jobs {
		if j.err != nil {
			return nil, &Refusal{Msg: fmt.Sprintf("生成 %s 时出错：%v", j.file, j.err)}
		}
	}
	outs := make([]Output, len(jobs))
	for i, j := range jobs {
		outs[i] = Output{Name: j.t.Name, Path: filepath.Join(opt.Out, j.file), Data: j.data}
	}
	return outs, nil
}

// dataRefusal refuses for findings in the data, listed as check lists them.
func dataRefusal(e *election.Election, fs election.Findings) *Refusal {
	return &Refusal{Msg: "数据有错误，不能生成文书：\n" + fs.Sorted().FormatAll(e.Path) + "请先运行 huanjie check 按提示修改。"}
}

type renderJob struct {
	t      *Template
	d      *doc.Document
	format string
	file   string
	data   []byte // rendered output (already set for fitted forms)
	err    error
}

// renderAll renders the jobs without output yet on all processors; each
// job keeps its own error.
func renderAll(jobs []renderJob, fs *fontset.Set) {
	work := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(jobs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				jobs[i].render(fs)
			}
		}()
	}
	for i := range jobs {
		if jobs[i].data == nil && jobs[i].err == nil {
			work <- i
		}
	}
	close(work)
	wg.Wait()
}

func (j *renderJob) render(fs *fontset.Set) {
	var buf bytes.Buffer
	switch j.format {
	case "pdf":
		j.err = pdf.Render(j.d, fs, &buf)
	case "docx":
		j.err = docx.Render(j.d, &buf)
	}
	j.data = buf.Bytes()
}

func isRefusal(why string) bool { return strings.HasPrefix(why, "!") }

// missing says why a template cannot be built now ("" when it can). A
// reason starting with "!" is a refusal (invalid election) rather than
// missing data.
func missing(t *Template, e *election.Election, draft bool) string {
	f := &e.File
	for _, n := range t.Needs {
		switch n {
		case "meeting":
			if f.Meeting == nil {
				return "还没有 [meeting]（选举后填写）"
			}
		case "first_meeting":
			if f.FirstMeeting == nil {
				return "还没有 [first_meeting]（第一次全体会议后填写）"
			}
		case "report":
			if f.Report == nil {
				return "没有 [report]（工作报告内容）"
			}
		case "summary":
			if f.Summary == nil {
				return "没有 [summary]（工作总结的叙述部分）"
			}
		case "result":
			r := e.Result
			if f.Meeting == nil {
				return "还没有 [meeting]（选举后填写）"
			}
			if r == nil {
				return "!选举数据有错误，算不出结果"
			}
			if draft {
				continue
			}
			switch r.Status {
			case election.StatusInvalidMeet:
				return fmt.Sprintf("!到会人数不足（应到%d名，实到%d名，至少需%d名），会议无效，不能报送选举结果；如只需草稿，请加 --draft", r.Quorum.Expected, r.Quorum.Present, r.Quorum.Required)
			case election.StatusInvalidElect:
				return fmt.Sprintf("!收回选票（%d张）多于发出选票（%d张），选举无效，不能报送选举结果；如只需草稿，请加 --draft", r.Ballots.Returned, r.Ballots.Issued)
			case election.StatusRevote:
				return fmt.Sprintf("!%s票数相等，需再次投票，选举尚未完成；如只需草稿，请加 --draft", strings.Join(r.Revote, "、"))
			case election.StatusAnotherRound:
				return fmt.Sprintf("!尚缺%d名委员需另行选举，选举尚未完成；如只需草稿，请加 --draft", r.UnfilledSeats)
			}
			if f.FirstMeeting != nil && e.Findings.HasErrors() {
				return "!第一次全体会议的数据有错误：" + e.Findings.Errors()[0].Message
			}
			if fm := r.FirstMeeting; fm != nil && contains(t.Needs, "first_meeting") {
				if fm.Secretary != nil && !fm.Secretary.Elected {
					return fmt.Sprintf("!书记候选人%s得%d票，未超过应到会委员的半数（至少%d票），未当选，应重新选举；如只需草稿，请加 --draft", fm.Secretary.Name, fm.Secretary.Votes, fm.MinVotes)
				}
				for _, d := range fm.Deputies {
					if !d.Elected {
						return fmt.Sprintf("!副书记候选人%s得%d票，未超过应到会委员的半数（至少%d票），未当选，应重新选举；如只需草稿，请加 --draft", d.Name, d.Votes, fm.MinVotes)
					}
				}
			}
		}
	}
	return ""
}

// Document fills one template and reads its markup into a document.
func Document(t *Template, v *View, e *election.Election) (*doc.Document, error) {
	d, _, err := document(t, v, e)
	return d, err
}

// document is Document that also returns the parsed markup (for the
// copies-per-sheet choices of a form).
func document(t *Template, v *View, e *election.Election) (*doc.Document, *markup.Result, error) {
	text, err := t.Execute(v)
	if err != nil {
		return nil, nil, err
	}
	res, err := markup.Parse(t.File, text)
	if err != nil {
		return nil, nil, err
	}
	d := &doc.Document{Blocks: res.Blocks, Imprint: res.Imprint, Draft: v.Draft}
	if res.Sheet != nil {
		d.Layout = doc.LayoutForm
		d.Sheet = *res.Sheet
	}
	for _, b := range res.Blocks {
		if _, ok := b.(doc.Form); ok {
			d.Layout = doc.LayoutForm
		}
	}
	title := t.FileName
	for _, b := range res.Blocks {
		if tt, ok := b.(doc.Title); ok {
			title = strings.Join(tt.Phrases, "")
			break
		}
	}
	d.Meta = doc.Meta{Title: title, Author: e.File.Organization.Name, Subject: v.Short + "换届选举", Keywords: "换届选举", Lang: "zh-CN", Date: docDate(e)}
	if lh := e.File.Letterhead; lh != nil && lh.Enabled {
		d.Letterhead = &doc.Letterhead{Organ: lh.Organ, Number: lh.Number, Signers: lh.Signers}
	}
	return d, res, nil
}

// fitDocument fills a template for the sheet it asks for. A form whose
// "纸张：" line offers several copies per sheet ("每张4,2,1份") is filled
// and rendered for each in turn, the template seeing the area of one copy
// in .Sheet, until one fits: small ballots go several to a sheet, large
// ones one to a sheet. It returns the PDF when it rendered the document.
func fitDocument(t *Template, v *View, e *election.Election, fs *fontset.Set, wantPDF bool) (*doc.Document, []byte, error) {
	v.Sheet = newSheetView("A4", 1)
	d, res, err := document(t, v, e)
	if err != nil || res.Sheet == nil {
		return d, nil, err
	}
	choices := res.PerSheetChoices
	for i, per := range choices {
		if sv := newSheetView(res.Sheet.Paper, per); sv != v.Sheet || d.Sheet.PerSheet != per {
			v.Sheet = sv
			if d, err = Document(t, v, e); err != nil {
				return nil, nil, err
			}
			d.Sheet.PerSheet = per
		}
		if !wantPDF || i == len(choices)-1 || fs == nil {
			return d, nil, nil
		}
		var buf bytes.Buffer
		err := pdf.Render(d, fs, &buf)
		var fe interface{ Code() string }
		if errors.As(err, &fe) && fe.Code() == "form_overflow" {
			continue // try fewer copies per sheet
		}
		if err != nil {
			return d, nil, nil // Plan renders again and reports the error
		}
		return d, buf.Bytes(), nil
	}
	return d, nil, nil
}

// docDate fixes the metadata date from the data (never the clock): the
// summary's date, else the meeting's, else the planned dates.
func docDate(e *election.Election) time.Time {
	f := &e.File
	dates := []*election.Date{f.Plan.MeetingDate, f.Plan.RequestDate}
	if f.Meeting != nil {
		dates = append([]*election.Date{f.Meeting.Date}, dates...)
	}
	if f.Summary != nil {
		dates = append([]*election.Date{f.Summary.Date}, dates...)
	}
	for _, d := range dates {
		if d != nil && d.HasDay() {
			return d.Time()
		}
	}
	return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
}

// safeName makes s usable as the start of a file name: no separator, no
// character Windows refuses, no leading dot (a hidden file, or "..").
func safeName(s string) string {
	return strings.TrimLeft(strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) || r < ' ' || r == 0x7f {
			return '_'
		}
		return r
	}, s), ". ")
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// Names lists the document names of the templates, in order.
func Names(dir string) ([]string, error) {
	ts, err := LoadTemplates(dir)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, t := range ts {
		out = append(out, t.Name)
	}
	return out, nil
}
