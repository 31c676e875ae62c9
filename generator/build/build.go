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
	"slices"
	"strings"
	"sync"
	"time"

	"huanjie/generator/doc"
	"huanjie/generator/docx"
	"huanjie/generator/election"
	"huanjie/generator/fontset"
	"huanjie/generator/layout"
	"huanjie/generator/markup"
	"huanjie/generator/ofd"
	"huanjie/generator/page"
	"huanjie/generator/pdf"
)

// Options for Build.
type Options struct {
	Out           string   // output directory
	Formats       []string // "pdf", "docx", "ofd"
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
	// Key names the document uniquely: its template file without .tmpl,
	// then the body's label and the round's name where the template is
	// filled per body or per round ("ballot-committee-纪委-再次投票").
	Key  string
	Path string
	Data []byte
}

// Plan renders every document requested into memory; nothing is written.
// notes receives one Chinese line per document skipped for lack of data.
func Plan(e *election.Election, opt Options, notes io.Writer) ([]Output, error) {
	return NewSession().Plan(e, opt, notes)
}

// Plan is build.Plan with the templates parsed once per session. It
// refuses for exactly what Check reports, in the same words.
func (s *Session) Plan(e *election.Election, opt Options, notes io.Writer) ([]Output, error) {
	p, err := s.prepare(e, opt)
	if err != nil {
		return nil, err
	}
	if errs := e.Findings.DataErrors(); len(errs) > 0 && errs.Only("paperwork") {
		// Not the Party's paperwork: nothing to correct in the data.
		return nil, &Refusal{Msg: "不能生成文书：\n" + errs.FormatAll(e.Path)}
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
	if found := renderFindings(e, jobs); len(found) > 0 {
		return nil, dataRefusal(e, found)
	}
	if err := renderError(jobs); err != nil {
		return nil, err
	}
	return outputs(jobs, opt.Out), nil
}

// outputs are the rendered jobs as the files of folder dir.
func outputs(jobs []renderJob, dir string) []Output {
	outs := make([]Output, len(jobs))
	for i, j := range jobs {
		outs[i] = Output{Name: j.t.Name, Key: j.key, Path: filepath.Join(dir, j.file), Data: j.data}
	}
	return outs
}

// dataRefusal refuses for findings in the data, listed as check lists them.
func dataRefusal(e *election.Election, fs election.Findings) *Refusal {
	return &Refusal{Msg: "数据有错误，不能生成文书：\n" + fs.Sorted().FormatAll(e.Path) + "请先运行 huanjie check 按提示修改。"}
}

// CheckFormats refuses a format no writer writes (a usage error).
func CheckFormats(formats []string) error {
	for _, f := range formats {
		if f != "pdf" && f != "docx" && f != "ofd" {
			return &UsageError{Msg: fmt.Sprintf("不认识的格式 %q；--format 可写 pdf、docx、ofd，可任意组合，如 pdf,ofd", f)}
		}
	}
	return nil
}

// laidOut reports whether a format among formats is laid out by us (PDF,
// OFD) and so needs the fonts; Word lays a DOCX out itself.
func laidOut(formats []string) bool {
	return slices.Contains(formats, "pdf") || slices.Contains(formats, "ofd")
}

// loadFonts loads the fonts of folder dir (and the system's unless
// opt.NoSystemFonts) when a format of opt is laid out by us; nil when none
// is. An unusable folder is a usage error.
func loadFonts(opt Options, dir string) (*fontset.Set, error) {
	if !laidOut(opt.Formats) {
		return nil, nil
	}
	fs, err := fontset.Load(fontset.Options{Dir: dir, NoSystem: opt.NoSystemFonts})
	if err != nil {
		return nil, &UsageError{Msg: err.Error(), fonts: true}
	}
	return fs, nil
}

type renderJob struct {
	t      *Template
	key    string
	d      *doc.Document
	pages  *pages // the layout, shared by the PDF and OFD of one document
	format string
	file   string
	data   []byte // rendered output
	err    error
}

// pages is a document laid out once for every fixed-page format.
type pages struct {
	once sync.Once
	p    *page.Document
	err  error
}

func (l *pages) get(d *doc.Document, fs *fontset.Set) (*page.Document, error) {
	l.once.Do(func() {
		if l.p == nil {
			if fs == nil {
				l.err = errors.New("没有可用的字体")
				return
			}
			l.p, l.err = layout.Pages(d, fs)
		}
	})
	return l.p, l.err
}

// docJobs are the render jobs of one document, one per format, sharing
// its layout (already done when fitted is not nil).
func docJobs(t *Template, d *doc.Document, fitted *page.Document, formats []string, base, key string) []renderJob {
	l := &pages{p: fitted}
	var jobs []renderJob
	for _, f := range formats {
		jobs = append(jobs, renderJob{t: t, key: key, d: d, pages: l, format: f, file: base + "." + f})
	}
	return jobs
}

// renderAll renders the jobs on all processors; each job keeps its own
// error.
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
		work <- i
	}
	close(work)
	wg.Wait()
}

// renderError is the first error in job order, so the message does not
// depend on scheduling.
func renderError(jobs []renderJob) error {
	for _, j := range jobs {
		if j.err != nil {
			return &Refusal{Msg: fmt.Sprintf("生成 %s 时出错：%v", j.file, j.err)}
		}
	}
	return nil
}

func (j *renderJob) render(fs *fontset.Set) {
	var buf bytes.Buffer
	if j.format == "docx" {
		j.err = docx.Render(j.d, &buf)
		j.data = buf.Bytes()
		return
	}
	p, err := j.pages.get(j.d, fs)
	if overflows(err) && j.t.Name == "ballot" {
		err = fmt.Errorf("%v（选票的纸张、每张份数、另选人空格数和样式可在数据文件的 [ballot] 中设置：paper、per_sheet、writeins、variant）", err)
	}
	if err == nil {
		switch j.format {
		case "pdf":
			err = pdf.Write(p, &buf)
		case "ofd":
			err = ofd.Write(p, &buf)
		}
	}
	j.data, j.err = buf.Bytes(), err
}

// overflows reports a layout error of a form that does not fit its paper
// (the layout's errors with code form_overflow).
func overflows(err error) bool {
	var fe interface{ Code() string }
	return errors.As(err, &fe) && fe.Code() == "form_overflow"
}

func isRefusal(why string) bool { return strings.HasPrefix(why, "!") }

// missing says why a template cannot be built now for body ("" when it
// can). A reason starting with "!" is a refusal (invalid election) rather
// than missing data.
func missing(t *Template, e *election.Election, body *BodyView, draft bool) string {
	f := &e.File
	for _, n := range t.Needs {
		switch n {
		case "meeting":
			if f.Meeting == nil {
				return "还没有 [meeting]（选举后填写）"
			}
		case "first_meeting":
			for _, b := range e.Bodies {
				if b.FirstMeeting == nil && !b.IsDirect() {
					if b.IsDiscipline() {
						return "还没有 [discipline.first_meeting]（纪委第一次全体会议后填写）"
					}
					return "还没有 [first_meeting]（第一次全体会议后填写）"
				}
			}
		case "report":
			if body.Report == nil && body.IsDiscipline() {
				return "没有 [discipline.report]（纪委工作报告内容）"
			}
			if body.Report == nil {
				return "没有 [report]（工作报告内容）"
			}
		case "summary":
			if f.Summary == nil {
				return "没有 [summary]（工作总结的叙述部分）"
			}
		case "result":
			if f.Meeting == nil {
				return "还没有 [meeting]（选举后填写）"
			}
			if e.Result == nil {
				return "!选举数据有错误，算不出结果"
			}
			if h := e.Hold(); h != nil && !draft {
				// The finding's own words, as check gives them: an error is
				// a refusal, a round still to be held a skip.
				why := strings.TrimSuffix(h.Message, "。") + "；如只需草稿，请加 --draft"
				if h.Level == election.LevelError {
					return "!" + why
				}
				return why
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
// ones one to a sheet. It returns the layout when it laid the document
// out (wantLayout: a PDF or OFD is asked for).
func fitDocument(t *Template, v *View, e *election.Election, fs *fontset.Set, wantLayout bool) (*doc.Document, *page.Document, error) {
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
		if !wantLayout || i == len(choices)-1 || fs == nil {
			return d, nil, nil
		}
		p, err := layout.Pages(d, fs)
		if overflows(err) {
			continue // try fewer copies per sheet
		}
		if err != nil {
			return d, nil, nil // Plan lays it out again and reports the error
		}
		return d, p, nil
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
	return time.Time{} // doc.Meta.Time's fallback
}

// SafeName makes s usable as a file or folder name, or the start of one
// (the document file names, batch's folders): every character no file
// name may hold becomes "_", and a leading dot (a hidden file, or "..")
// or space goes.
func SafeName(s string) string {
	return strings.TrimLeft(strings.Map(func(r rune) rune {
		if notInFileName(r) {
			return '_'
		}
		return r
	}, s), ". ")
}

// notInFileName reports a character no file name may hold: a path
// separator, one Windows refuses, a control character.
func notInFileName(r rune) bool {
	return strings.ContainsRune(`/\:*?"<>|`, r) || r < ' ' || r == 0x7f
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
