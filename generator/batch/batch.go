// Package batch checks and builds many election files in one process
// (huanjie batch): each election into its own folder, one bad file never
// stopping the others, then the 汇总 of all of them (汇总.xlsx and the
// 换届选举情况汇总 document). Templates are parsed once (build.Session),
// fonts and the stroke table are loaded once per process.
package batch

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"huanjie/generator/build"
	"huanjie/generator/district"
	"huanjie/generator/election"
	"huanjie/generator/fontset"
)

// Options for Run.
type Options struct {
	Out           string   // the output directory
	Formats       []string // "pdf", "docx", "ofd"; pdf when empty
	TemplatesDir  string
	FontsDir      string
	NoSystemFonts bool
	// Progress receives a progress line rewritten in place ("\r"), or nil
	// for none (when the output is not a terminal).
	Progress io.Writer
}

// Entry is one election file of the batch.
type Entry struct {
	File     string             // the path as found
	E        *election.Election // nil when the file could not be read
	Folder   string             // the folder under Out its documents go to
	Written  []string           // the files written
	Skipped  []string           // one line per document skipped for lack of data
	Refused  string             // why nothing was written ("" when built)
	Findings election.Findings  // check's findings (with glyphs), then the batch's own
}

// Built reports whether the election's documents were written.
func (en *Entry) Built() bool { return en.Refused == "" }

// Name is the organisation's short name, or the file when unreadable.
func (en *Entry) Name() string {
	if en.E == nil {
		return filepath.Base(en.File)
	}
	return district.Short(en.E)
}

// Report is what a batch did.
type Report struct {
	Entries  []*Entry
	Stats    *district.Stats
	Summary  []string // the 汇总 files written (汇总.xlsx first)
	Problems []string // the 汇总 could not be written: why
}

// Elections returns the elections that could be read, in file order.
func (r *Report) Elections() []*election.Election {
	var out []*election.Election
	for _, en := range r.Entries {
		if en.E != nil {
			out = append(out, en.E)
		}
	}
	return out
}

// Refused counts the entries not built.
func (r *Report) Refused() int {
	n := 0
	for _, en := range r.Entries {
		if !en.Built() {
			n++
		}
	}
	return n
}

// Collect lists the *.toml files under the paths (folders searched
// recursively), sorted and without repeats. A path that is a file is taken
// whatever its name.
func Collect(paths []string) ([]string, error) {
	seen := map[string]bool{}
	var files []string
	add := func(p string) {
		if c := filepath.Clean(p); !seen[c] {
			seen[c] = true
			files = append(files, c)
		}
	}
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("找不到 %s；请检查路径", p)
		}
		if !st.IsDir() {
			add(p)
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return fmt.Errorf("无法读取目录 %s", path)
			}
			if !d.IsDir() && strings.EqualFold(filepath.Ext(path), ".toml") {
				add(path)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	sort.Strings(files)
	return files, nil
}

// Run checks and builds every file, then writes the 汇总. Only a usage
// error (an unknown format, an unreadable template or font folder) is
// returned as an error; everything wrong with one election is in its
// Entry, and a 汇总 that could not be written is in Report.Problems.
func Run(files []string, opt Options) (*Report, error) {
	if len(opt.Formats) == 0 {
		opt.Formats = []string{"pdf"}
	}
	if err := build.CheckFormats(opt.Formats); err != nil {
		return nil, err
	}
	if opt.FontsDir != "" {
		if _, err := fontset.Load(fontset.Options{Dir: opt.FontsDir, NoSystem: opt.NoSystemFonts}); err != nil {
			return nil, &build.UsageError{Msg: err.Error()}
		}
	}
	r := &Report{}
	for _, f := range files {
		en := &Entry{File: f}
		e, err := election.Load(f)
		if err != nil {
			var ue *election.UnreadableError
			msg := err.Error()
			if errors.As(err, &ue) {
				msg = ue.Msg
			}
			en.Refused = "文件无法读取：" + msg
			en.Findings = election.Findings{{Level: election.LevelError, Code: "unreadable", Message: msg}}
		} else {
			en.E = e
		}
		r.Entries = append(r.Entries, en)
	}
	assignFolders(r.Entries)
	buildAll(r.Entries, opt)
	v := build.NewDistrictView(r.Elections())
	r.Stats = v.S
	writeSummary(r, v, opt)
	return r, nil
}

// assignFolders gives each election the folder of its short name. Two
// elections with the same short name must not overwrite each other: the
// first in path order keeps the name, the others get "（2）", "（3）"… and
// a warning saying so.
func assignFolders(es []*Entry) {
	first := map[string]*Entry{}
	count := map[string]int{}
	for _, en := range es {
		if en.E == nil {
			continue
		}
		name := build.SafeName(district.Short(en.E))
		count[name]++
		en.Folder = name
		if n := count[name]; n > 1 {
			en.Folder = fmt.Sprintf("%s（%d）", name, n)
			msg := fmt.Sprintf("与 %s 的简称相同（%s），文书写入 %s 文件夹，以免互相覆盖；如是同一个党组织，请删去重复的文件", first[name].File, district.Short(en.E), en.Folder)
			pos := en.E.KeyPos("organization.short_name")
			en.Findings = append(en.Findings, election.Finding{Level: election.LevelWarning, Code: "duplicate_short_name", Field: "organization.short_name", Line: pos.Line, Column: pos.Col, Message: msg})
		} else {
			first[name] = en
		}
	}
}

// buildAll builds the elections, as many at a time as there are
// processors: filling templates and laying out forms is sequential within
// one election, so a second one keeps the other processor busy. Each
// election writes only its own folder and its own Entry, the session is
// safe for concurrent use, and the entries keep their order, so the result
// does not depend on scheduling; only the progress line's counts do.
func buildAll(entries []*Entry, opt Options) {
	s := build.NewSession()
	p := progress{w: opt.Progress, total: len(entries)}
	var (
		mu             sync.Mutex // guards the counts below
		built, refused int
		wg             sync.WaitGroup
		slots          = make(chan struct{}, runtime.GOMAXPROCS(0))
	)
	for i, en := range entries {
		slots <- struct{}{}
		mu.Lock()
		p.show(i, built, refused, en.Name())
		mu.Unlock()
		wg.Add(1)
		go func() {
			defer wg.Done()
			if en.E != nil {
				buildOne(s, en, opt)
			}
			mu.Lock()
			if en.Built() {
				built++
			} else {
				refused++
			}
			mu.Unlock()
			<-slots
		}()
	}
	wg.Wait()
	p.done()
}

func buildOne(s *build.Session, en *Entry, opt Options) {
	e := en.E
	bopt := build.Options{Out: filepath.Join(opt.Out, en.Folder), Formats: opt.Formats, TemplatesDir: opt.TemplatesDir, FontsDir: opt.FontsDir, NoSystemFonts: opt.NoSystemFonts}
	// The findings check gives: the data's own, and every reason build
	// refuses for. check and build agree by construction (build.Check),
	// and every one of check's own findings is an error that build
	// refuses for, so a set that builds has none of them: check's dry run
	// (which fills every template and lays the forms out again) is only
	// needed to place the reasons of a refusal.
	findings := append(election.Findings(nil), e.Findings...)
	var notes bytes.Buffer
	outs, err := s.Plan(e, bopt, &notes)
	if err != nil {
		findings = append(findings, s.Check(e, bopt)...)
	}
	en.Findings = append(findings.Sorted(), en.Findings...)
	if err == nil {
		err = build.Write(outs)
	}
	if err != nil {
		en.Refused = refusal(e, err)
		return
	}
	for _, o := range outs {
		en.Written = append(en.Written, o.Path)
	}
	if s := strings.TrimSpace(notes.String()); s != "" {
		en.Skipped = strings.Split(s, "\n")
	}
}

// refusal is the one-line reason a build was refused: the first data
// error with its position, else the first line of the build's message.
func refusal(e *election.Election, err error) string {
	if errs := e.Findings.DataErrors(); len(errs) > 0 {
		return "数据有错误：" + errs[0].Where(e.Path) + "：" + errs[0].Message
	}
	msg, _, _ := strings.Cut(err.Error(), "\n")
	return msg
}

// FirstFinding is the finding the batch table shows: the refusal when the
// election was refused, else the first error, else the first warning.
func (en *Entry) FirstFinding() string {
	if en.Refused != "" {
		return en.Refused
	}
	for _, level := range []string{election.LevelError, election.LevelWarning} {
		for _, f := range en.Findings {
			if f.Level == level {
				return f.Format(en.File)
			}
		}
	}
	return ""
}
