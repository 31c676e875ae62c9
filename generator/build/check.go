package build

import (
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"

	"huanjie/generator/doc"
	"huanjie/generator/election"
	"huanjie/generator/fontset"
)

// check and build agree by construction: Plan and Check run the same
// steps (prepare, the data's findings, filling every template, the forms'
// layout) and turn what goes wrong into the same findings, at the line of
// the data at fault. Check is Plan without writing and without rendering
// the documents that cannot overflow: it renders only the forms (ballots,
// counting sheets), each at one copy, in PDF and DOCX.
//
// The reasons build refuses for are registered: election's (see
// election.Reason) and these, which need the fonts, the templates or the
// layout. RefusalCodes lists them all; a test asserts check finds each.
var buildRefusals = []string{
	"missing_glyph", // a character no font has (GlyphFindings)
	"form_overflow", // a ballot or counting form that does not fit its paper
	"template",      // a template that cannot be filled with these data, or [templates] dir unusable
	"fonts",         // [fonts] dir unusable
}

// RefusalCodes lists every registered reason build refuses for.
func RefusalCodes() []string {
	return append(election.RefusalCodes(), buildRefusals...)
}

// Check returns the findings build would refuse for beyond e.Findings
// (which already holds the data's own): characters no font has, templates
// the data cannot fill, forms that do not fit, unusable folders of fonts
// or templates. opt selects as for Plan (Only, Draft, TemplatesDir,
// FontsDir); Copies and Formats are ignored.
//
// It also reports, with code "refused", any refusal of a document no
// registered reason predicted: a safety net, so that check never says
// "可以生成" where build refuses. The outcome's refusals are election's
// (Election.Hold) and already in e.Findings, so data alone do not make
// it; an option can (Only naming a document whose data are missing).
func Check(e *election.Election, opt Options) election.Findings {
	return NewSession().Check(e, opt)
}

// Check is build.Check with the templates parsed once per session.
func (s *Session) Check(e *election.Election, opt Options) election.Findings {
	opt.Formats, opt.Copies = []string{"pdf", "docx"}, 1
	p, err := s.prepare(e, opt)
	var ue *UsageError
	switch {
	case errors.As(err, &ue) && ue.fonts:
		return election.Findings{finding(e, "fonts", "fonts.dir", err.Error())}
	case errors.As(err, &ue):
		return election.Findings{finding(e, "refused", "", err.Error())} // an option
	case err != nil:
		return election.Findings{finding(e, "template", "templates.dir", err.Error())}
	}
	found := GlyphFindings(e, p.fs)
	if len(e.Findings.DataErrors()) > 0 || len(found) > 0 {
		return found // the dry run needs data within the limits
	}
	jobs, fillFound, err := p.fill(io.Discard)
	var r *Refusal
	switch {
	case errors.As(err, &r) && r.document && !e.Findings.HasErrors():
		// a refusal for the outcome that check does not already report
		found = append(found, finding(e, "refused", "meeting", err.Error()))
	case err != nil && (r == nil || !r.document):
		found = append(found, finding(e, "template", "templates.dir", err.Error())) // the template's own fault
	}
	found = append(found, fillFound...)
	var forms []renderJob
	for _, j := range jobs {
		if j.d.Layout == doc.LayoutForm {
			forms = append(forms, j)
		}
	}
	renderAll(forms, p.fs)
	return append(found, renderFindings(e, forms)...)
}

// planner holds what Plan and Check share.
type planner struct {
	e     *election.Election
	opt   Options
	tmpls []*Template
	asked map[string]bool
	fs    *fontset.Set // nil when no PDF is made
	view  *View
}

// prepare checks the options and loads templates and fonts.
func (s *Session) prepare(e *election.Election, opt Options) (*planner, error) {
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
		return nil, &Refusal{Msg: err.Error()}
	}
	byName := map[string]*Template{}
	var names []string
	for _, t := range tmpls {
		if byName[t.Name] == nil {
			names = append(names, t.Name) // several files may share one name
		}
		byName[t.Name] = t
	}
	p := &planner{e: e, opt: opt, tmpls: tmpls, asked: map[string]bool{}}
	for _, n := range opt.Only {
		if byName[n] == nil {
			return nil, &UsageError{Msg: fmt.Sprintf("没有名为 %q 的文书；可用的有：%s", n, strings.Join(names, "、"))}
		}
		p.asked[n] = true
	}
	fdir := opt.FontsDir
	if fdir == "" {
		fdir = e.File.Fonts.Dir
	}
	if p.fs, err = loadFonts(opt, fdir); err != nil {
		return nil, err
	}
	p.view = newView(e, opt.Draft)
	p.view.CopiesOverride = opt.Copies
	return p, nil
}

// dataErrors are the findings that stop the build before any template is
// filled: the data's errors (all of them are listed, outcome ones too) and
// characters no font has.
func (p *planner) dataErrors() election.Findings {
	var out election.Findings
	if len(p.e.Findings.DataErrors()) > 0 {
		out = p.e.Findings.Errors()
	}
	if p.fs != nil {
		out = append(out, GlyphFindings(p.e, p.fs)...)
	}
	return out
}

// fill fills every template the options select, in order, once for each
// body and vote it is made for. A template the data cannot fill is a
// finding at the data it lacks; a document skipped for lack of data is
// noted; a refusal for the outcome, or a template fault that is not the
// data's, is an error.
func (p *planner) fill(notes io.Writer) ([]renderJob, election.Findings, error) {
	e, opt, view := p.e, p.opt, p.view
	var jobs []renderJob
	var found election.Findings
	for _, t := range p.tmpls {
		if len(p.asked) > 0 && !p.asked[t.Name] {
			continue
		}
		for _, in := range instances(t, view) {
			view.Body, view.Round = in.body, in.round
			name := instanceFileName(t, in)
			if why := missing(t, e, in.body, opt.Draft); why != "" {
				// Asked for by name, or refused for an invalid election: the
				// whole build stops, so no half set is written.
				if p.asked[t.Name] || isRefusal(why) {
					return nil, nil, &Refusal{Msg: fmt.Sprintf("不能生成 %s（%s）：%s", t.Name, name, strings.TrimPrefix(why, "!")), document: true}
				}
				fmt.Fprintf(notes, "跳过 %s（%s）：%s\n", t.Name, name, strings.TrimPrefix(why, "!"))
				continue
			}
			d, fitted, err := fitDocument(t, view, e, p.fs, laidOut(opt.Formats))
			if err != nil {
				f, ok := templateFinding(e, err)
				if !ok {
					return nil, nil, &Refusal{Msg: err.Error()}
				}
				found = append(found, f)
				continue
			}
			base := SafeName(view.Short) + "-" + name
			jobs = append(jobs, docJobs(t, d, fitted, opt.Formats, base, instanceKey(t, in))...)
		}
		view.Body, view.Round = view.Main, &view.Main.Rounds[0]
	}
	return jobs, found, nil
}

// finding is an error at the data at field (or its nearest table).
func finding(e *election.Election, code, field, msg string) election.Finding {
	pos := e.KeyPos(field)
	return election.Finding{Level: election.LevelError, Code: code, Field: field, Line: pos.Line, Column: pos.Col, Message: msg}
}

// templateFinding turns a template failing on the data (a value it needs
// is not filled in) into a finding at that value's table; ok is false for
// a fault of the template itself.
func templateFinding(e *election.Election, err error) (election.Finding, bool) {
	var te *TemplateError
	if !errors.As(err, &te) || te.Key == "" {
		return election.Finding{}, false
	}
	field, ok := tomlPath(te.Key)
	if !ok {
		return election.Finding{}, false
	}
	return finding(e, "template", field, err.Error()), true
}

// viewTables maps the View fields that are tables of the file.
var viewTables = map[string]string{
	"File": "", "Org": "organization", "Contact": "contact", "Members": "members", "Plan": "plan",
	"Meeting": "meeting", "FirstMeeting": "first_meeting", "Report": "report", "Summary": "summary", "Previous": "previous",
}

// tomlPath maps a template key (".Plan.MeetingDate") to the TOML path of
// the file ("plan.meeting_date"), following the model's toml tags.
func tomlPath(key string) (string, bool) {
	parts := strings.Split(strings.TrimPrefix(key, "."), ".")
	table, ok := viewTables[parts[0]]
	if !ok {
		return "", false
	}
	path, t := "", reflect.TypeOf(election.File{})
	if table != "" {
		parts[0] = fieldWithTag(t, table)
	} else {
		parts = parts[1:]
	}
	for _, name := range parts {
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct {
			break
		}
		f, ok := t.FieldByName(name)
		tag := f.Tag.Get("toml")
		if !ok || tag == "" {
			return "", false
		}
		if path != "" {
			path += "."
		}
		path, t = path+tag, f.Type
	}
	return path, path != ""
}

// fieldWithTag names the field of struct type t with the toml tag.
func fieldWithTag(t reflect.Type, tag string) string {
	for i := 0; i < t.NumField(); i++ {
		if t.Field(i).Tag.Get("toml") == tag {
			return t.Field(i).Name
		}
	}
	return ""
}

// renderFindings turns forms (ballots, counting sheets) that do not fit
// their paper into findings: the data decide how much a form holds. The
// PDF and OFD of a document share one layout, so they share one finding.
func renderFindings(e *election.Election, jobs []renderJob) election.Findings {
	var out election.Findings
	seen := map[string]bool{}
	for _, j := range jobs {
		if j.err == nil || j.d.Layout != doc.LayoutForm {
			continue
		}
		msg := fmt.Sprintf("%s 排不下：%v", strings.TrimSuffix(j.file, "."+j.format), j.err)
		if j.format == "docx" {
			msg = fmt.Sprintf("%s 的 DOCX 排不下：%v", strings.TrimSuffix(j.file, ".docx"), j.err)
		}
		field := "candidates"
		if j.t.Name == "ballot" && e.KeyPos("ballot").Line > 0 {
			field = "ballot"
		}
		if !seen[msg] {
			seen[msg] = true
			out = append(out, finding(e, "form_overflow", field, msg))
		}
	}
	return out
}
