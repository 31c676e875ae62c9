// Package srgb embeds the sRGB colour profile of the PDF/A OutputIntent
// (README.md: source and licence).
package srgb

import _ "embed"

// Profile is sRGB IEC61966-2.1, ICC v2 (a monitor profile with 3 components).
//
//go:embed sRGB.icc
var Profile []byte
