package build

import "sync"

// Session builds many elections in one process (huanjie batch): it parses
// the templates of a directory once and hands the same parsed set to every
// election. Fonts are shared through fontset.Load's cache and the stroke
// table is loaded once per process, so a Session needs nothing else. A
// Session is safe for concurrent use.
type Session struct {
	mu    sync.Mutex
	tmpls map[string]templateSet
}

type templateSet struct {
	list []*Template
	err  error
}

// NewSession returns an empty session.
func NewSession() *Session { return &Session{tmpls: map[string]templateSet{}} }

// templates returns the templates of dir (the embedded ones when dir is
// ""), parsed on first use. A parsed template is only executed after, and
// text/template allows concurrent execution.
func (s *Session) templates(dir string) ([]*Template, error) {
	if dir == "" {
		return embeddedTemplates()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	ts, ok := s.tmpls[dir]
	if !ok {
		ts.list, ts.err = LoadTemplates(dir)
		s.tmpls[dir] = ts
	}
	return ts.list, ts.err
}

// embeddedTemplates are the templates built into the program, parsed once
// per process and shared by every session: they cannot change while it
// runs, and parsing them is a tenth of a build (every check of the web
// page's form, every build.Plan and build.Check made a new session).
var embeddedTemplates = sync.OnceValues(func() ([]*Template, error) { return LoadTemplates("") })

// EmbeddedTemplates returns the templates built into the program, parsed
// once per process.
func EmbeddedTemplates() ([]*Template, error) { return embeddedTemplates() }
