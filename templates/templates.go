// Package templates holds the document templates, embedded in the binary.
// Each *.tmpl file is one document: a short header (文书、文件名、需要、顺序),
// a line "---", then the text in the markup described in
// generator/markup, with Go text/template actions ({{.Short}}…) for the data.
// Whatever an action prints is text in the document, never markup: the
// engine escapes every printed value (generator/build/escape.go), so
// keywords, ｜ and cell flags belong in the template's own text.
// Users override a template by putting a file of the same name in the
// directory given by --templates or [templates] dir.
package templates

import "embed"

// FS holds the embedded templates.
//
//go:embed *.tmpl
var FS embed.FS
