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
	"os"
	"path/filepath"
	"runtime"
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
type Refusal struct{ Msg string }

func (r *Refusal) Error() string { return r.Msg }

// UsageError is a build refused for its options (exit 2).
type UsageError struct{ Msg string }

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

// Plan is build.Plan with the templates parsed once per session.
func (s *Session) Plan(e *election.Election, opt Options, notes io.Writer) ([]Output, error) {
	if err := CheckFormats(opt.Formats); err != nil {
		return nil, err
	}
	if len(opt.Formats) == 0 {
		opt.Formats = []string{"pdf"}
	}
	tdir := opt.TemplatesDir
	if tdir == "" {
		tdir = e.File.Templates.Dir
	}
	tmpls, err := s.templates(tdir)
	if err != nil {
		return nil, &Refusal{err.Error()}
	}
	byName := map[string]*Template{}
	var names []string
	for _, t := range tmpls {
		if byName[t.Name] == nil {
			names = append(names, t.Name) // several files may share one name
		}
		byName[t.Name] = t
	}
	asked := map[string]bool{}
	for _, n := range opt.Only {
		if byName[n] == nil {
			return nil, &UsageError{fmt.Sprintf("没有名为 %q 的文书；可用的有：%s", n, strings.Join(names, "、"))}
		}
		asked[n] = true
	}
	if errs := e.Findings.DataErrors(); len(errs) > 0 {
		if errs.Only("paperwork") {
			// Not the Party's paperwork: nothing to correct in the data.
			return nil, &Refusal{"不能生成文书：\n" + errs.FormatAll(e.Path)}
		}
		return nil, &Refusal{"数据有错误，不能生成文书：\n" + e.Findings.Errors().FormatAll(e.Path) + "请先运行 huanjie check 按提示修改。"}
	}
	var fs *fontset.Set
	if laidOut(opt.Formats) {
		fdir := opt.FontsDir
		if fdir == "" {
			fdir = e.File.Fonts.Dir
		}
		fs, err = fontset.Load(fontset.Options{Dir: fdir, NoSystem: opt.NoSystemFonts})
		if err != nil {
			return nil, &UsageError{err.Error()}
		}
	}
	view := newView(e, opt.Draft)
	view.CopiesOverride = opt.Copies
	// Fill every template first (cheap, and the view is not shared
	// across goroutines), then render the documents in parallel.
	var jobs []renderJob
	for _, t := range tmpls {
		if len(asked) > 0 && !asked[t.Name] {
			continue
		}
		for _, in := range instances(t, view) {
			view.Body, view.Round = in.body, in.round
			name := instanceFileName(t, in)
			if why := missing(t, e, in.body, opt.Draft); why != "" {
				// Asked for by name, or refused for an invalid election: the
				// whole build stops, so no half set is written.
				if asked[t.Name] || isRefusal(why) {
					return nil, &Refusal{fmt.Sprintf("不能生成 %s（%s）：%s", t.Name, name, strings.TrimPrefix(why, "!"))}
				}
				fmt.Fprintf(notes, "跳过 %s（%s）：%s\n", t.Name, name, strings.TrimPrefix(why, "!"))
				continue
			}
			d, fitted, err := fitDocument(t, view, e, fs, laidOut(opt.Formats))
			if err != nil {
				return nil, &Refusal{err.Error()}
			}
			base := safeName(view.Short) + "-" + name
			jobs = append(jobs, docJobs(t, d, fitted, opt.Formats, base, instanceKey(t, in))...)
		}
		view.Body, view.Round = view.Main, &view.Main.Rounds[0]
	}
	if err := renderAll(jobs, fs); err != nil {
		return nil, err
	}
	outs := make([]Output, len(jobs))
	for i, j := range jobs {
		outs[i] = Output{Name: j.t.Name, Key: j.key, Path: filepath.Join(opt.Out, j.file), Data: j.data}
	}
	return outs, nil
}

// CheckFormats refuses a format no writer writes (a usage error).
func CheckFormats(formats []string) error {
	for _, f := range formats {
		if f != "pdf" && f != "docx" && f != "ofd" {
			return &UsageError{fmt.Sprintf("不认识的格式 %q；--format 可写 pdf、docx、ofd，可任意组合，如 pdf,ofd", f)}
		}
	}
	return nil
}

// laidOut reports whether a format among formats is laid out by us (PDF,
// OFD) and so needs the fonts; Word lays a DOCX out itself.
func laidOut(formats []string) bool {
	return contains(formats, "pdf") || contains(formats, "ofd")
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

// renderAll renders the jobs on all processors; the first error in job
// order is returned, so the message does not depend on scheduling.
func renderAll(jobs []renderJob, fs *fontset.Set) error {
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
	for _, j := range jobs {
		if j.err != nil {
			return &Refusal{fmt.Sprintf("生成 %s 时出错：%v", j.file, j.err)}
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
	var fe interface{ Code() string }
	if errors.As(err, &fe) && fe.Code() == "form_overflow" && j.t.Name == "ballot" {
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
		var fe interface{ Code() string }
		if errors.As(err, &fe) && fe.Code() == "form_overflow" {
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
	return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
}

func safeName(s string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) || r < ' ' {
			return '_'
		}
		return r
	}, s)
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// Write writes the outputs as one set: every file goes to a temporary
// name in the directory first; only when all are written are they moved
// into place, each existing file of the same name being kept aside until
// the whole set is in. On any failure the temporaries are removed and the
// files that were there before are put back, so the directory holds
// either the old set or the new one, never half of each.
func Write(outs []Output) error {
	if len(outs) == 0 {
		return nil
	}
	dir := filepath.Dir(outs[0].Path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("无法创建输出目录 %s：%s", dir, errText(err))
	}
	var temps, backups []string
	var placed []int
	undo := func() {
		for _, i := range placed {
			os.Remove(outs[i].Path)
		}
		for i, b := range backups {
			if b != "" {
				os.Rename(b, outs[i].Path)
			}
		}
		for _, t := range temps {
			os.Remove(t)
		}
	}
	for _, o := range outs {
		f, err := os.CreateTemp(filepath.Dir(o.Path), ".huanjie-*.tmp")
		if err != nil {
			undo()
			return fmt.Errorf("无法在 %s 中写文件（%s）；请换一个可写的输出目录（-o）", filepath.Dir(o.Path), errText(err))
		}
		temps = append(temps, f.Name())
		_, err = f.Write(o.Data)
		if err == nil {
			err = f.Chmod(0o644)
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			undo()
			return fmt.Errorf("写入 %s 失败（%v）；磁盘可能已满", o.Path, err)
		}
	}
	backups = make([]string, len(outs))
	for i, o := range outs {
		if st, err := os.Lstat(o.Path); err == nil {
			if st.IsDir() {
				undo()
				return fmt.Errorf("无法写入 %s：已有同名的目录；请换一个输出目录（-o）", o.Path)
			}
			b := temps[i] + ".old"
			if err := os.Rename(o.Path, b); err != nil {
				undo()
				return fmt.Errorf("无法替换 %s（%s）；文件可能正被其他程序打开", o.Path, errText(err))
			}
			backups[i] = b
		}
		if err := os.Rename(temps[i], o.Path); err != nil {
			undo()
			return fmt.Errorf("无法写入 %s（%s）", o.Path, errText(err))
		}
		placed = append(placed, i)
	}
	for _, b := range backups {
		if b != "" {
			os.Remove(b)
		}
	}
	return nil
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
