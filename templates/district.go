package templates

import "embed"

// District holds the templates of the documents about many elections at
// once (huanjie batch): district/*.tmpl, filled with build.DistrictView
// rather than one election's View. They live apart so that a build of one
// election never sees them.
//
//go:embed district/*.tmpl
var District embed.FS
